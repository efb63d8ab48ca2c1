#!/usr/bin/env bash
# bench/RESULTS.md is assembled from one section per benchmark
# (bench/results/*.md), so each benchmark rewrites only its own part.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Benchmark results"
  echo
  echo "Each section is written by the benchmark named in it (\`make bench\` runs them all)."
  echo "Figures are medians on this project's 2-core machine; ratios are against the named peers measured in the same run."
  for f in bench/results/*.md; do
    [ -f "$f" ] || continue
    echo
    cat "$f"
  done
} > bench/RESULTS.md
