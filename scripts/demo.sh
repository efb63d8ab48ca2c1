#!/usr/bin/env bash
# make demo: builds an archive from examples/ and writes what malaf produces
# from it. Grows with each part of malaf that lands.
set -euo pipefail
malaf=$1; archive=$2
out=$(dirname "$archive")
mkdir -p "$out"
echo "== malaf analyze (first lines of examples/)" >&2
for f in examples/*.txt; do
  [ -f "$f" ] || continue
  head -c 400 "$f" | "$malaf" analyze - | head -12
  break
done
