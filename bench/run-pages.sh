#!/usr/bin/env bash
# Main-text extraction: malaf vs readability-lxml (Debian python3-readability)
# on ../shared/corpus/article-extraction-benchmark, side by side in one run.
# Writes bench/results/pages.md.
#   bench/run-pages.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: bench/run-pages.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=${MALAF_SHARED_CORPUS:-$root/../shared/corpus}/article-extraction-benchmark
if [ ! -f "$corpus/ground-truth.json" ]; then
  echo "run-pages: benchmark corpus not found at $corpus" >&2
  exit 1
fi
cmake --build "$build" --target pages_bench -j2 >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Alternate the two systems three times so that machine load hits both alike;
# report the median pages/second of each.
for i in 1 2 3; do
  "$build/bench/pages_bench" "$corpus" "$tmp/malaf.json" --min-seconds 2 >"$tmp/malaf.$i.json"
  /usr/bin/python3 "$here/pages_readability.py" "$corpus" "$tmp/readability.json" >"$tmp/readability.$i.json"
done
/usr/bin/python3 "$here/pages_score.py" "$corpus/ground-truth.json" \
  malaf="$tmp/malaf.json" readability-lxml="$tmp/readability.json" >"$tmp/scores.jsonl"

/usr/bin/python3 - "$tmp" "$root/bench/results/pages.md" <<'PY'
import json, statistics, sys, datetime, subprocess
tmp, out = sys.argv[1], sys.argv[2]
def speeds(name, field):
    return [json.load(open(f"{tmp}/{name}.{i}.json"))[field] for i in (1, 2, 3)]
ms, rs = speeds("malaf", "pages_per_second"), speeds("readability", "pages_per_second")
mc, rc = speeds("malaf", "pages_per_cpu_second"), speeds("readability", "pages_per_cpu_second")
m, r = statistics.median(ms), statistics.median(rs)
mcm, rcm = statistics.median(mc), statistics.median(rc)
load = open("/proc/loadavg").read().split()[0]
scores = {s["name"]: s for s in map(json.loads, open(f"{tmp}/scores.jsonl"))}
sm, sr = scores["malaf"], scores["readability-lxml"]
pages = sm["pages"]
date = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")
lines = [
    "## Main-text extraction (pages)",
    "",
    f"Measured {date} on ../shared/corpus/article-extraction-benchmark ({pages} pages, mostly English),",
    "both systems in the same run, alternated three times (median pages/second; single thread each).",
    "Score: `\\w+` tokens, 4-token shingles with multiplicity, per-page TP/FP/FN as shares of their sum,",
    "precision and recall averaged over pages, F1 from the two averages (bench/pages_score.py).",
    "",
    "| system | F1 | precision | recall | pages/second (wall) | pages/CPU-second |",
    "|---|---|---|---|---|---|",
    f"| malaf (ExtractHtmlPage) | {sm['f1']:.4f} | {sm['precision']:.4f} | {sm['recall']:.4f} | {m:.1f} | {mcm:.1f} |",
    f"| readability-lxml (python3-readability) | {sr['f1']:.4f} | {sr['precision']:.4f} | {sr['recall']:.4f} | {r:.1f} | {rcm:.1f} |",
    "",
    f"Ratios: F1 {sm['f1'] - sr['f1']:+.4f} over readability-lxml; speed {m / r:.1f}x readability-lxml by wall clock,",
    f"{mcm / rcm:.1f}x by CPU time (load average {load} during the run; the machine is shared, so CPU time is the steadier figure).",
    f"Runs (pages/second, wall): malaf {', '.join(f'{x:.1f}' for x in ms)}; readability-lxml {', '.join(f'{x:.1f}' for x in rs)}.",
    "",
    "malaf loads every page once and times only extraction (bench/pages_bench.cc); readability-lxml",
    "runs in one python process timing only `Document(html).summary()` and the summary's text",
    "(bench/pages_readability.py).",
    "",
    "Reproduce: `bench/run-pages.sh BUILD_DIR` (Release build).",
    "",
]
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
