#!/usr/bin/env bash
# Stories benchmarks: duplicate quality against the exact reference, story
# B-cubed against the hand-judged sample, both on SaudiNewsNet; then speed
# and peak memory of `malaf stories --rebuild` and of an incremental update
# (1,000 new articles) on generated archives (bench/corpus_gen.cc).
# Usage: bench/run-stories.sh BUILD_DIR
#   STORIES_SIZES  generated archive sizes (default "100000"; add 1000000 for
#                  the 1M run: about 30 minutes with generation and loading)
#   STORIES_WORK   scratch directory (default /tmp/malaf-stories-bench)
# Prints the figures; bench/results/stories.md quotes them.
set -euo pipefail
BUILD=${1:?usage: bench/run-stories.sh BUILD_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd)
CORPUS=${MALAF_SHARED_CORPUS:-$ROOT/../shared/corpus}
WORK=${STORIES_WORK:-/tmp/malaf-stories-bench}
SIZES=${STORIES_SIZES:-100000}
B=$BUILD/bench
MALAF=$BUILD/malaf
mkdir -p "$WORK"
if [ ! -d "$CORPUS/saudinewsnet" ]; then
  echo "run-stories: no corpus at $CORPUS; skipping" >&2
  exit 0
fi

echo "== duplicates vs the exact reference (SaudiNewsNet)"
"$B/stories_quality"
echo "== stories vs the judged sample (SaudiNewsNet)"
"$B/stories_clusters" --judged "$ROOT/tests/stories/gold/saudinewsnet_judged.tsv"

for n in $SIZES; do
  jsonl=$WORK/corpus-$n.jsonl
  archive=$WORK/archive-$n
  [ -s "$jsonl" ] || "$B/corpus_gen" "$CORPUS" "$n" "$jsonl" "$WORK/queries-$n.tsv"
  rm -rf "$archive"
  "$B/stories_scale" "$jsonl" "$archive" 0 $((n - 1000))
  echo "== $n articles: malaf stories --rebuild ($((n - 1000)) articles)"
  /usr/bin/time -v "$MALAF" --archive "$archive" stories --rebuild > "$WORK/stories-$n.txt" 2> "$WORK/time-$n.txt"
  grep -E "Elapsed|Maximum resident|User time|System time" "$WORK/time-$n.txt"
  "$B/stories_scale" "$jsonl" "$archive" $((n - 1000)) 1000
  echo "== $n articles: 1,000 new articles, malaf duplicates (incremental update)"
  /usr/bin/time -v "$MALAF" --archive "$archive" duplicates --json > "$WORK/dups-$n.json" 2> "$WORK/time-inc-$n.txt"
  grep -E "Elapsed|Maximum resident|User time|System time" "$WORK/time-inc-$n.txt"
done
