#!/usr/bin/env bash
# Load test of `malaf serve`: wrk on loopback against the search API of an
# archive of N generated articles (default 100,000; bench/corpus_gen.cc
# scales the real SaudiNewsNet text). Writes the table to
# SERVE_WORK/serve-table.md (bench/results/serve.md quotes it).
# Usage: bench/run-serve.sh BUILD_DIR
#   SERVE_SIZE   articles in the archive (default 100000)
#   SERVE_WORK   scratch directory (default /tmp/malaf-serve-bench)
#   SERVE_SECONDS  length of each wrk run (default 20)
#   SERVE_KINDS  requests measured (default "web nofacets volume")
#   SERVE_CONNECTIONS  wrk connections per run (default "1 8 32")
#   SERVE_MALAF  the malaf binary (default BUILD_DIR/malaf); an archive
#                indexed by other analysis rules is re-indexed by `malaf
#                search` before the server starts
set -euo pipefail
BUILD=$(cd "${1:?usage: bench/run-serve.sh BUILD_DIR}" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${MALAF_SHARED_CORPUS:-$ROOT/../shared/corpus}
N=${SERVE_SIZE:-100000}
WORK=${SERVE_WORK:-/tmp/malaf-serve-bench}
SECONDS_PER_RUN=${SERVE_SECONDS:-20}
MALAF=${SERVE_MALAF:-$BUILD/malaf}  # a binary matching the archive's index version
GEN=$BUILD/bench/corpus_gen
[ -x "$GEN" ] || GEN=$BUILD/corpus_gen
command -v wrk >/dev/null || { echo "run-serve: wrk not installed (apt-get install wrk)" >&2; exit 1; }
[ -d "$CORPUS/saudinewsnet" ] || { echo "run-serve: no corpus at $CORPUS; skipping" >&2; exit 0; }
mkdir -p "$WORK"
corpus=$WORK/corpus-$N.jsonl queries=$WORK/queries-$N.tsv
if [ ! -s "$corpus" ]; then
  src=/tmp/malaf-search-bench/corpus-$N.jsonl
  if [ -s "$src" ]; then cp "$src" "$corpus"; cp "/tmp/malaf-search-bench/queries-$N.tsv" "$queries"
  else "$GEN" "$CORPUS" "$N" "$corpus" "$queries" 2>"$WORK/gen.log"; fi
fi
archive=$WORK/archive-$N
if [ ! -f "$archive/.ingested" ]; then
  # Inputs over 128 MiB are refused by design: feed the corpus in parts.
  rm -rf "$archive" "$WORK/parts"; mkdir -p "$WORK/parts"
  split -l 25000 -d --additional-suffix=.jsonl "$corpus" "$WORK/parts/part-"
  echo "ingesting $N articles..." >&2
  /usr/bin/time -v "$MALAF" --archive "$archive" ingest --format jsonl "$WORK"/parts/part-*.jsonl \
    >"$WORK/ingest.out" 2>"$WORK/ingest.time" || { tail -5 "$WORK/ingest.time" >&2; exit 1; }
  touch "$archive/.ingested"
fi
# Query paths: the generated single-word, two-word and phrase queries, as
# the web app sends them (src/server/web/app.js: a search page asks for
# /search with sort, limit=20 and offset, then /volume for the chart), and
# the same search without facets (facets=0) for API clients.
/usr/bin/python3 - "$queries" "$WORK" <<'PY'
import sys, urllib.parse
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
work = sys.argv[2]
with open(work + "/paths-web.txt", "w") as web, open(work + "/paths-nofacets.txt", "w") as nf, \
     open(work + "/paths-volume.txt", "w") as vol:
    for r in rows:
        q = urllib.parse.quote(r[-1])
        web.write("/api/v1/search?q=" + q + "&sort=relevance&limit=20&offset=0\n")
        nf.write("/api/v1/search?q=" + q + "&sort=relevance&limit=20&offset=0&facets=0\n")
        vol.write("/api/v1/volume?q=" + q + "\n")
PY
# The index must match this binary's analysis rules (a search syncs it).
"$MALAF" --archive "$archive" search --limit 1 "test" >/dev/null 2>"$WORK/sync.log" || { cat "$WORK/sync.log" >&2; exit 1; }
port=$((20000 + RANDOM % 20000))
"$MALAF" --archive "$archive" serve --port "$port" 2>"$WORK/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for i in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null || { echo "run-serve: server did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }
# Warm the page cache and the per-thread readers, then measure.
for kind in web volume; do
  MALAF_WRK_PATHS=$WORK/paths-$kind.txt wrk -t2 -c16 -d5s -s "$ROOT/bench/serve_wrk.lua" "http://127.0.0.1:$port" >/dev/null
done
server_cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }  # user+system clock ticks
tick=$(getconf CLK_TCK)
results=()
for kind in ${SERVE_KINDS:-web nofacets volume}; do
  for conns in ${SERVE_CONNECTIONS:-1 8 32}; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    threads=$(( conns < 2 ? conns : 2 ))
    cpu0=$(server_cpu)
    line=$(MALAF_WRK_PATHS=$WORK/paths-$kind.txt wrk -t$threads -c$conns -d${SECONDS_PER_RUN}s --latency -s "$ROOT/bench/serve_wrk.lua" "http://127.0.0.1:$port" | grep '^RESULT')
    cpu1=$(server_cpu)
    results+=("$kind $conns $load $(( cpu1 - cpu0 )) $line")
  done
done
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT
peak=$(grep "Maximum resident" "$WORK/ingest.time" 2>/dev/null | awk '{print $NF}' || echo "")
wall=$(grep "Elapsed (wall" "$WORK/ingest.time" 2>/dev/null | awk '{print $NF}' || echo "")
{
  echo "## HTTP API under load (malaf serve + wrk)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bench/run-serve.sh BUILD_DIR\`: \`malaf serve\` on loopback over an archive of $N generated articles"
  echo "(bench/corpus_gen.cc: real SaudiNewsNet text recombined, Heaps'-law vocabulary growth, wire-copy rate of the real corpus),"
  echo "wrk (at most 2 threads) rotating over $(wc -l < "$WORK/paths-web.txt") real single-word, two-word and phrase queries, ${SECONDS_PER_RUN} s per run, after a 5 s warm-up."
  echo "Requests: **web** = the search the web app sends (\`/api/v1/search?q=..&sort=relevance&limit=20&offset=0\`: 20 hits with snippets, facets);"
  echo "**nofacets** = the same with \`facets=0\`; **volume** = the \`/api/v1/volume?q=..\` the web app sends next for its chart. No result cache anywhere."
  echo "Server and load generator share the machine's 2 cores. Targets: ≥ 1,000 searches/s and p99 < 50 ms."
  echo
  echo "| request | connections | requests/s | p50 ms | p90 ms | p99 ms | errors | server CPU ms per request | load average before the run |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for r in "${results[@]}"; do
    set -- $r
    kind=$1 conns=$2 load=$3 ticks=$4; shift 4
    eval "$(echo "$@" | sed 's/RESULT //; s/ /;/g')"
    awk -v k="$kind" -v c="$conns" -v l="$load" -v t="$ticks" -v hz="$tick" -v n="$requests" -v d="$duration_us" -v p50="$p50_us" -v p90="$p90_us" -v p99="$p99_us" -v e="$errors" \
      'BEGIN { printf "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d | %.2f | %s |\n", k, c, n / (d / 1e6), p50 / 1e3, p90 / 1e3, p99 / 1e3, e, (n > 0 ? t / hz * 1000 / n : 0), l }'
  done
  if [ -n "$wall" ]; then
    echo
    echo "Ingest of the $N articles (store, search index, entities, stories): wall $wall, peak memory ${peak} KB (/usr/bin/time -v)."
  fi
} > "$WORK/serve-table.md"
cat "$WORK/serve-table.md"
echo "run-serve: table in $WORK/serve-table.md (bench/results/serve.md is written by hand around it)" >&2
