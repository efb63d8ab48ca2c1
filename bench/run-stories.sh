#!/usr/bin/env bash
# Stories benchmarks: duplicate quality against the exact reference, story
# B-cubed against the hand-judged sample, both on SaudiNewsNet; then speed
# and peak memory of a full rebuild and of an incremental update (1,000 new
# articles) of duplicates and stories on generated archives
# (bench/corpus_gen.cc, loaded by bench/stories_scale.cc).
# Usage: bench/run-stories.sh BUILD_DIR
#   STORIES_SIZES  generated archive sizes (default "100000"; "1000000" for
#                  the 1M run: generation 5 min, loading 5 min, rebuild 6-15
#                  min depending on the machine's load; 12 GB of scratch)
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

# Per size N: the first N - 1,000 generated articles are stored once
# (WORK/base-N, kept between runs: store rows only, no search index or other
# derived data); a copy of it is rebuilt (timed); the last 1,000 articles are
# then stored into it, and each incremental run starts from a fresh copy of
# that state, so that every run adds the same 1,000 articles to the same
# archive. Timed with /usr/bin/time -v; `stories_scale --update` prints the
# phases and the peak memory after each. Load averages are printed with each
# run (the machine is shared).
t() { /usr/bin/time -v "$@" 2> "$WORK/time.txt"; grep -E "Elapsed|Maximum resident|User time|System time" "$WORK/time.txt" >&2; }
for n in $SIZES; do
  jsonl=$WORK/corpus-$n.jsonl
  base=$WORK/base-$n
  rb=$WORK/rebuilt-$n
  inc=$WORK/inc-$n
  [ -s "$jsonl" ] || "$B/corpus_gen" "$CORPUS" "$n" "$jsonl" "$WORK/queries-$n.tsv"
  if [ ! -s "$base/malaf.sqlite" ]; then
    rm -rf "$base"
    "$B/stories_scale" "$jsonl" "$base" 0 $((n - 1000))
  fi
  rm -rf "$rb" && cp -r "$base" "$rb"
  echo "== $n articles: rebuild of $((n - 1000)) (stories_scale --update --rebuild); $(uptime)"
  t "$B/stories_scale" --update "$rb" --rebuild
  "$B/stories_scale" "$jsonl" "$rb" $((n - 1000)) 1000
  for run in 1 2 3; do
    rm -rf "$inc" && cp -r "$rb" "$inc"
    echo "== $n articles: 1,000 new, incremental update, run $run; $(uptime)"
    t "$B/stories_scale" --update "$inc"
  done
  rm -rf "$inc" && cp -r "$rb" "$inc"
  echo "== $n articles: 1,000 new, malaf duplicates --json (update + listing); $(uptime)"
  t "$MALAF" --archive "$inc" duplicates --json > "$WORK/dups-$n.json"
  rm -rf "$inc"
done
