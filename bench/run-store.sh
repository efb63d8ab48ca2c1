#!/usr/bin/env bash
# The store of record on SaudiNewsNet (9 zips, 16k articles):
#  1. `malaf ingest` storing only (--no-derived) and with derived data:
#     articles/s and peak memory, next to `malaf extract` alone on the same
#     files (the extraction share);
#  2. the store alone (bench/store_bench) against Python's sqlite3 writing the
#     same rows into tables of the same shape (bench/store_peer.py).
# Usage: bench/run-store.sh BUILD_DIR     Writes bench/results/store.md.
set -euo pipefail
BUILD=${1:?usage: bench/run-store.sh BUILD_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd)
CORPUS=${MALAF_SHARED_CORPUS:-$ROOT/../shared/corpus}
MALAF=$BUILD/malaf
BENCH=$BUILD/bench/store_bench
[ -x "$BENCH" ] || BENCH=$BUILD/store_bench
ZIPS=("$CORPUS"/saudinewsnet/*.zip)
if [ ! -f "${ZIPS[0]}" ]; then
  echo "run-store: $CORPUS/saudinewsnet absent; skipping" >&2
  exit 0
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RUNS=${RUNS:-3}

# 1. Whole ingest, fresh archive each run: storing only (--no-derived), the
#    same on one extraction thread, storing again (nothing new), and the full
#    ingest with derived data (entities, search index, stories); extract alone
#    for comparison.
: > "$WORK/ingest.tsv"
timed() {  # NAME COMMAND...
  local name=$1; shift
  /usr/bin/time -f "%e\t%U\t%M" -o "$WORK/t" "$@" > "$WORK/out.$name"
  printf "%s\t%s\n" "$name" "$(cat "$WORK/t")" >> "$WORK/ingest.tsv"
}
for r in $(seq "$RUNS"); do
  rm -rf "$WORK/archive" "$WORK/archive1" "$WORK/full"
  timed store "$MALAF" --archive "$WORK/archive" ingest --no-derived "${ZIPS[@]}"
  cp "$WORK/out.store" "$WORK/summary"
  timed store1 "$MALAF" --archive "$WORK/archive1" ingest --no-derived --jobs 1 "${ZIPS[@]}"
  timed restore "$MALAF" --archive "$WORK/archive" ingest --no-derived "${ZIPS[@]}"
  timed full "$MALAF" --archive "$WORK/full" ingest "${ZIPS[@]}"
  timed extract sh -c 'for z; do "$0" extract --json "$z" > /dev/null; done' "$MALAF" "${ZIPS[@]}"
done
SUMMARY=$(cat "$WORK/summary")
DBSIZE=$(du -k "$WORK/archive/malaf.sqlite" | cut -f1)

# 2. The store alone, on the articles extract gives (extraction not timed).
i=0
for z in "${ZIPS[@]}"; do
  "$MALAF" extract --json "$z" > "$WORK/in$i.json" || true
  i=$((i + 1))
done
: > "$WORK/store.tsv"
: > "$WORK/peer.tsv"
for r in $(seq "$RUNS"); do
  rm -rf "$WORK/sa" "$WORK/peer.sqlite"*
  "$BENCH" "$WORK/sa" "$WORK"/in*.json >> "$WORK/store.tsv"
  /usr/bin/python3 "$ROOT/bench/store_peer.py" "$WORK/peer.sqlite" "$WORK"/in*.json >> "$WORK/peer.tsv"
done

LOAD=$(cut -d' ' -f1 /proc/loadavg)
/usr/bin/python3 - "$WORK" "$ROOT/bench/results/store.md" "$SUMMARY" "$DBSIZE" "$(nproc)" "$LOAD" <<'PY'
import sys, statistics, datetime, collections
work, out, summary, dbsize, cores, load = sys.argv[1:7]
def rows(name):
    d = collections.defaultdict(list)
    for line in open(f"{work}/{name}"):
        f = line.split("\t")
        d[f[0]].append([float(x) for x in f[1:]])
    return d
ing, st, peer = rows("ingest.tsv"), rows("store.tsv"), rows("peer.tsv")
n = int(st["put"][0][0])
med = lambda xs: statistics.median(xs)
L = []
L.append("## Store: ingest speed and the store of record\n")
L.append(f"Measured {datetime.date.today()} with `bench/run-store.sh BUILD_DIR` on SaudiNewsNet "
         f"(the 9 zips of ../shared/corpus/saudinewsnet) on {cores} cores, load average {load} at the end; "
         f"medians of {len(ing['store'])} run(s). Wall times grow with the machine's load; CPU time much less.\n")
L.append(f"Ingest: `{summary.strip()}`; archive file {int(dbsize)/1024:.0f} MB.\n")
L.append("| command | wall s | CPU s (user) | articles/s (wall) | peak RSS MB |")
L.append("|---|---|---|---|---|")
names = {"store": "`malaf ingest --no-derived` (extract + store, new archive)",
         "store1": "`malaf ingest --no-derived --jobs 1` (one extraction thread)",
         "restore": "`malaf ingest --no-derived` again (nothing new)",
         "full": "`malaf ingest` (+ entities, search index, stories)",
         "extract": "`malaf extract --json` alone, per zip"}
for k in ["store", "store1", "restore", "full", "extract"]:
    w = med([r[0] for r in ing[k]]); u = med([r[1] for r in ing[k]]); m = max(r[2] for r in ing[k])
    L.append(f"| {names[k]} | {w:.2f} | {u:.2f} | {n / w:,.0f} | {m / 1024:.0f} |")
L.append("")
L.append(f"The store alone ({n} articles put one zip per call, as ingest does; `bench/store_bench`) against "
         "Python's sqlite3 writing the same rows into tables of the same shape (`bench/store_peer.py`: WAL, "
         "one transaction per input, SHA-1 ids, no normalization or field merging):\n")
L.append("| measure | malaf store | Python sqlite3 peer | ratio |")
L.append("|---|---|---|---|")
for k, label in [("put", "put, new archive (articles/s)"), ("reput", "put again, nothing new (articles/s)")]:
    a = n / med([r[1] for r in st[k]]); b = n / med([r[1] for r in peer[k]])
    L.append(f"| {label} | {a:,.0f} | {b:,.0f} | {a / b:.2f}× |")
fe = st["foreach"]; g = st["get"]; l = st["list50"]
L.append(f"| ForEach, full scan (articles/s) | {fe[0][0] / med([r[1] for r in fe]):,.0f} | | |")
L.append(f"| Get by id with sources (µs) | {1e6 * med([r[1] for r in g]) / g[0][0]:.0f} | | |")
L.append(f"| List, first page of 50 newest (ms) | {1e3 * med([r[1] for r in l]) / l[0][0]:.2f} | | |")
open(out, "w").write("\n".join(L) + "\n")
print("\n".join(L))
PY
