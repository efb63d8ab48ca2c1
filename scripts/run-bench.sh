#!/usr/bin/env bash
# Runs every benchmark and peer harness in bench/; each writes its section of
# bench/RESULTS.md.
set -euo pipefail
build=$1
for b in bench/run-*.sh; do
  [ -x "$b" ] || continue
  echo "== $b" >&2
  "$b" "$build"
done
scripts/assemble-results.sh
