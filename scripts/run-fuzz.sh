#!/usr/bin/env bash
# Runs every fuzz target for a bounded time; any finding fails the run.
set -euo pipefail
build=$1; seconds=$2
status=0
for t in "$build"/fuzz/fuzz_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  corpus="fuzz/corpus-$name"; mkdir -p "$corpus"
  seeds="fuzz/seeds/${name#fuzz_}"
  echo "== $name for ${seconds}s" >&2
  args=("$corpus"); [ -d "$seeds" ] && args+=("$seeds")
  if ! "$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "${args[@]}" 2>"$build/$name.log"; then
    tail -40 "$build/$name.log" >&2; status=1
  else
    grep -E 'stat::number_of_executed_units|Done' "$build/$name.log" | tail -2 >&2 || true
  fi
done
exit $status
