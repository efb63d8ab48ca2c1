#!/usr/bin/env bash
# Search benchmarks: relevance (malaf vs Xapian stock arabic vs Lucene++
# ArabicAnalyzer) on tests/search/relevance, then indexing rate, peak memory
# and query latency side by side with the peers on the real SaudiNewsNet
# articles and on generated corpora (bench/corpus_gen.cc).
# Usage: bench/run-search.sh BUILD_DIR
#   SEARCH_SIZES  corpus sizes (default "0 100000"; 0 = the real 16k articles;
#                 add 1000000 for the 1M run)
#   SEARCH_PEERS  systems timed (default "malaf lucene xapian")
#   SEARCH_FULL_MAX  largest size timed with snippets and facets (default
#                 100000: the "full" mode keeps every body in memory)
#   SEARCH_WORK   scratch directory (default /tmp/malaf-search-bench; corpora
#                 and indexes live there, never in the repository)
# Writes bench/results/search.md from every result gathered in SEARCH_WORK.
set -euo pipefail
BUILD=${1:?usage: bench/run-search.sh BUILD_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd)
CORPUS=${MALAF_SHARED_CORPUS:-$ROOT/../shared/corpus}
WORK=${SEARCH_WORK:-/tmp/malaf-search-bench}
SIZES=${SEARCH_SIZES:-0 100000}
PEERS=${SEARCH_PEERS:-malaf lucene xapian}
BENCH=$BUILD/search_bench
GEN=$BUILD/corpus_gen
[ -x "$BENCH" ] || BENCH=$BUILD/bench/search_bench
[ -x "$GEN" ] || GEN=$BUILD/bench/corpus_gen
mkdir -p "$WORK"
if [ ! -d "$CORPUS/saudinewsnet" ]; then
  echo "run-search: no corpus at $CORPUS; skipping" >&2
  exit 0
fi

if [ "${SEARCH_SKIP_RELEVANCE:-0}" != 1 ]; then
  echo "relevance..." >&2
  rm -rf "$WORK/rel"; mkdir -p "$WORK/rel"
  "$BENCH" relevance "$CORPUS" "$ROOT/tests/search/relevance/queries.tsv" \
    "$ROOT/tests/search/relevance/qrels.tsv" "$WORK/rel" "$WORK/runs.tsv" > "$WORK/relevance.jsonl"
  rm -rf "$WORK/rel"
fi

for n in $SIZES; do
  corpus=$WORK/corpus-$n.jsonl queries=$WORK/queries-$n.tsv
  if [ ! -s "$corpus" ]; then
    echo "generating $n..." >&2
    "$GEN" "$CORPUS" "$n" "$corpus" "$queries" 2> "$WORK/gen-$n.log"
  fi
  out=$WORK/speed-$n.jsonl
  : > "$out"
  for sys in $PEERS; do
    echo "index $sys at $n..." >&2
    idx=$WORK/index-$sys-$n
    "$BENCH" index "$sys" "$corpus" "$idx" 2> "$WORK/index-$sys-$n.log" | sed "s/^{/{\"size\":$n,/" >> "$out"
    "$BENCH" query "$sys" "$idx" "$queries" 3 | sed "s/^{/{\"size\":$n,/" >> "$out"
    if [ "$sys" = malaf ] && [ "$n" -le "${SEARCH_FULL_MAX:-100000}" ]; then
      "$BENCH" query malaf "$idx" "$queries" 1 full "$corpus" | sed "s/^{/{\"size\":$n,/" >> "$out"
    fi
    rm -rf "$idx"
  done
done
python3 "$ROOT/bench/search_report.py" "$WORK" "$ROOT/bench/results/search.md"
echo "wrote bench/results/search.md" >&2
