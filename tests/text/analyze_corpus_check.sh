#!/usr/bin/env bash
# Equivalence check for changes to src/text that must not change output:
# runs `malaf analyze --json` (and `--json --punct`) over the seed dossier
# (whole and per article) and 2,000 SaudiNewsNet articles (in files of 50),
# writing one output file per input into OUT_DIR. Run it with the binary
# before and after a change and compare: `diff -r OLD_OUT NEW_OUT`.
# Usage: tests/text/analyze_corpus_check.sh MALAF_BINARY OUT_DIR
#        (MALAF_SHARED_CORPUS, CHECK_DAY=2015-07-22, CHECK_ARTICLES=2000)
set -euo pipefail
MALAF=${1:?usage: analyze_corpus_check.sh MALAF_BINARY OUT_DIR}
OUT=${2:?usage: analyze_corpus_check.sh MALAF_BINARY OUT_DIR}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${MALAF_SHARED_CORPUS:-$ROOT/../shared/corpus}
DAY=${CHECK_DAY:-2015-07-22}
N=${CHECK_ARTICLES:-2000}
WORK=$(mktemp -d /tmp/malaf-analyze-check.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$WORK/in"
cp "$CORPUS/seeds/dossier-geneva-2016-08.txt" "$WORK/in/dossier.txt"
unzip -p "$CORPUS/saudinewsnet/$DAY.zip" > "$WORK/day.json"
python3 - "$WORK" "$N" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
# The dossier, one file per article (split at its '=====' lines).
cur, k = [], 0
for line in open(f"{work}/in/dossier.txt", encoding="utf-8", errors="surrogateescape"):
    if line.startswith("====="):
        if cur:
            open(f"{work}/in/dossier-{k:03d}.txt", "w", encoding="utf-8", errors="surrogateescape").write("".join(cur)); k += 1
        cur = []
    else:
        cur.append(line)
if cur:
    open(f"{work}/in/dossier-{k:03d}.txt", "w", encoding="utf-8", errors="surrogateescape").write("".join(cur))
arts = json.load(open(f"{work}/day.json", encoding="utf-8"))[:n]
for c in range(0, len(arts), 50):
    with open(f"{work}/in/snn-{c // 50:03d}.txt", "w", encoding="utf-8") as f:
        for a in arts[c:c + 50]:
            f.write((a.get("title") or "") + "\n" + (a.get("content") or "") + "\n\n")
print(f"{len(arts)} articles", file=sys.stderr)
PY
count=0
for f in "$WORK"/in/*.txt; do
  b=$(basename "$f" .txt)
  "$MALAF" analyze --json "$f" > "$OUT/$b.json"
  "$MALAF" analyze --json --punct "$f" > "$OUT/$b.punct.json"
  count=$((count + 1))
done
echo "analyze_corpus_check: $count inputs -> $OUT" >&2
