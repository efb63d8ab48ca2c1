#!/usr/bin/env bash
# Load test of `malaf serve`: wrk on loopback against the search API of an
# archive of N generated articles (default 100,000; bench/corpus_gen.cc
# scales the real SaudiNewsNet text). Writes bench/results/serve.md.
# Usage: bench/run-serve.sh BUILD_DIR
#   SERVE_SIZE   articles in the archive (default 100000)
#   SERVE_WORK   scratch directory (default /tmp/malaf-serve-bench)
#   SERVE_SECONDS  length of each wrk run (default 20)
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
# Query paths: the generated single-word, two-word and phrase queries.
/usr/bin/python3 - "$queries" "$WORK/paths.txt" <<'PY'
import sys, urllib.parse
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w") as out:
    for r in rows:
        q = r[-1]
        out.write("/api/v1/search?limit=10&q=" + urllib.parse.quote(q) + "\n")
PY
port=$((20000 + RANDOM % 20000))
"$MALAF" --archive "$archive" serve --port "$port" 2>"$WORK/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for i in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null || { echo "run-serve: server did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }
# Warm the page cache and the per-thread readers, then measure.
MALAF_WRK_PATHS=$WORK/paths.txt wrk -t2 -c16 -d5s -s "$ROOT/bench/serve_wrk.lua" "http://127.0.0.1:$port" >/dev/null
results=()
for conns in ${SERVE_CONNECTIONS:-1 8 32}; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  threads=$(( conns < 2 ? conns : 2 ))
  line=$(MALAF_WRK_PATHS=$WORK/paths.txt wrk -t$threads -c$conns -d${SECONDS_PER_RUN}s --latency -s "$ROOT/bench/serve_wrk.lua" "http://127.0.0.1:$port" | grep '^RESULT')
  results+=("$conns $load $line")
done
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT
peak=$(grep "Maximum resident" "$WORK/ingest.time" 2>/dev/null | awk '{print $NF}' || echo "")
wall=$(grep "Elapsed (wall" "$WORK/ingest.time" 2>/dev/null | awk '{print $NF}' || echo "")
{
  echo "## HTTP API under load (malaf serve + wrk)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with \`bench/run-serve.sh build\`: \`malaf serve\` on loopback over an archive of $N generated articles"
  echo "(bench/corpus_gen.cc: real SaudiNewsNet text recombined, Heaps'-law vocabulary growth, wire-copy rate of the real corpus),"
  echo "wrk with 2 threads rotating over $(wc -l < "$WORK/paths.txt") real single-word, two-word and phrase queries, ${SECONDS_PER_RUN} s per run, after a 5 s warm-up."
  echo "Server and load generator share the machine's 2 cores. Targets: ≥ 1,000 searches/s and p99 < 50 ms."
  echo
  echo "| connections | searches/s | p50 ms | p90 ms | p99 ms | errors | load average before the run |"
  echo "|---|---|---|---|---|---|---|"
  for r in "${results[@]}"; do
    set -- $r
    conns=$1 load=$2; shift 2
    eval "$(echo "$@" | sed 's/RESULT //; s/ /;/g')"
    awk -v c="$conns" -v l="$load" -v n="$requests" -v d="$duration_us" -v p50="$p50_us" -v p90="$p90_us" -v p99="$p99_us" -v e="$errors" \
      'BEGIN { printf "| %d | %.0f | %.1f | %.1f | %.1f | %d | %s |\n", c, n / (d / 1e6), p50 / 1e3, p90 / 1e3, p99 / 1e3, e, l }'
  done
  if [ -n "$wall" ]; then
    echo
    echo "Ingest of the $N articles (store, search index, entities, stories): wall $wall, peak memory ${peak} KB (/usr/bin/time -v)."
  fi
} > "$ROOT/bench/results/serve.md"
cat "$ROOT/bench/results/serve.md"
