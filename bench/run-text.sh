#!/usr/bin/env bash
# Text-analysis benchmark: malaf's chain (decode, normalize, tokenize, key +
# stopword + stem, name key, whole chain) against Lucene++'s ArabicAnalyzer
# and Xapian's TermGenerator (Snowball arabic), and the floor (decoding every
# code point), all in one run over the same real text: the seed dossier and
# one SaudiNewsNet day. Also the side-by-side sample, the search-fold report
# and the name-key collision figures. Writes bench/results/text.md.
# Usage: bench/run-text.sh BUILD_DIR   (TEXT_BENCH_DAY, TEXT_BENCH_MIN_TIME)
set -euo pipefail
BUILD=${1:?usage: bench/run-text.sh BUILD_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd)
CORPUS=${MALAF_SHARED_CORPUS:-$ROOT/../shared/corpus}
DAY=${TEXT_BENCH_DAY:-2015-07-21}
MIN_TIME=${TEXT_BENCH_MIN_TIME:-1}
BENCH=$BUILD/bench/text_bench
[ -x "$BENCH" ] || BENCH=$BUILD/text_bench
if [ ! -x "$BENCH" ]; then
  echo "run-text: no text_bench in $BUILD (Lucene++ or Boost headers missing?); skipping" >&2
  exit 0
fi
if [ ! -f "$CORPUS/seeds/dossier-geneva-2016-08.txt" ] || [ ! -f "$CORPUS/saudinewsnet/$DAY.zip" ]; then
  echo "run-text: no corpus at $CORPUS; skipping" >&2
  exit 0
fi
WORK=$(mktemp -d /tmp/malaf-text-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
unzip -p "$CORPUS/saudinewsnet/$DAY.zip" > "$WORK/day.json"
DOSSIER=$CORPUS/seeds/dossier-geneva-2016-08.txt
ARGS=(--dossier "$DOSSIER" --json "$WORK/day.json")

echo "text: throughput..." >&2
"$BENCH" "${ARGS[@]}" --benchmark_min_time="$MIN_TIME" --benchmark_format=json > "$WORK/bench.json" 2> "$WORK/bench.err"
"$BENCH" --side-by-side > "$WORK/side.md"
"$BENCH" "${ARGS[@]}" --fold-report > "$WORK/folds.md" 2>/dev/null
"$BENCH" "${ARGS[@]}" --name-collisions > "$WORK/names.txt" 2>/dev/null

mkdir -p "$ROOT/bench/results"
python3 - "$WORK" "$DAY" "$MIN_TIME" > "$ROOT/bench/results/text.md" <<'PY'
import json, sys, datetime, platform, os
work, day, min_time = sys.argv[1], sys.argv[2], sys.argv[3]
b = json.load(open(f"{work}/bench.json"))
rate = {x["name"]: x["bytes_per_second"] / 1e6 for x in b["benchmarks"]}
docs = open(f"{work}/bench.err").read().strip().splitlines()
floor = rate["floor/decode_code_points"]
lucene = rate["peer/lucene++_arabic_analyzer"]
xapian = rate["peer/xapian_termgenerator_arabic"]
ctx = b["context"]
print("## Text analysis (src/text)\n")
print(f"Measured {datetime.date.today().isoformat()} on {ctx.get('num_cpus')} CPUs "
      f"(load average {', '.join('%.1f' % v for v in ctx.get('load_avg', []))}; the machine is shared, "
      "so compare ratios, which come from one run). Reproduce: `bench/run-text.sh BUILD_DIR` "
      "(called by `make bench`).\n")
print(f"Input: the seed dossier (split at its `=` lines) and SaudiNewsNet {day} (title + content of every "
      f"article): {docs[-1].replace('text_bench: ', '') if docs else ''}. Throughput is bytes of that raw "
      "UTF-8 input per CPU second (Google Benchmark, `--benchmark_min_time=" + min_time + "`).\n")
print("| benchmark | MB/s | vs floor | vs Lucene++ | vs Xapian |")
print("|---|---:|---:|---:|---:|")
for name in rate:
    r = rate[name]
    print(f"| {name} | {r:.1f} | {r/floor:.1%} | {r/lucene:.2f}x | {r/xapian:.2f}x |")
chain = rate["malaf/chain_without_name_keys"]
full = rate["malaf/full_chain"]
print()
print("What each chain does: **malaf/chain_without_name_keys** = decode (UTF-8 validation and repair) -> "
      "display normalization -> tokenize -> search key, stopword flag and light stem per token, the same work "
      "as the peers; **malaf/full_chain** adds a name key per token. **Lucene++** = UTF-8 to its wide "
      "strings, ArabicLetterTokenizer, LowerCase, Stop, ArabicNormalization, ArabicStem (`reusableTokenStream`). "
      "**Xapian** = TermGenerator with Stem(\"arabic\") into a fresh Document per text (it also records "
      "positions and unstemmed terms). **floor** = a loop that only decodes every code point.\n")
print(f"Ratios: malaf chain {chain/lucene:.2f}x Lucene++, {chain/xapian:.2f}x Xapian, {chain/floor:.1%} of the floor; "
      f"with name keys {full/lucene:.2f}x Lucene++, {full/xapian:.2f}x Xapian. "
      f"Lucene++ runs at {lucene/floor:.1%} of the floor here.\n")
print("How the chain got here (each step measured with this harness and `perf`): display normalization is one "
      "table lookup per code point (the stages of src/text/normalizer_stages.cc compiled into a two-level table at "
      "start-up) with an SSE2 skip over 16-byte blocks of plain Arabic letters and ASCII; UTF-8 validation is SSE2 "
      "for ASCII and two-byte text; the tokenizer classifies with a 64K class table built once from ICU (no ICU "
      "call per character); search keys of Arabic words take a 256-entry fast path; the stemmer never allocates "
      "(stems are views of the key) and its word sets are open-addressed with a 4096-bit prefilter; AnalyzeTo keeps "
      "a per-thread direct-mapped cache of word results (16K slots, prefetched) and reuses token storage. "
      "The remaining cost is per token (about a hundred ns on this loaded machine: cache misses on the word cache, "
      "three std::string fields per AnalyzedToken, tokenizer dispatch); the 5x-Lucene++ target is not reached yet "
      "for the comparable chain. Next steps: fuse tokenizing with keying in one pass, and give the index a "
      "view-based AnalyzedToken without per-token strings.\n")
print("### The same words through each analyzer\n")
print("`text_bench --side-by-side`:\n")
print(open(f"{work}/side.md").read())
print("### Search-key folds: what each search-only stage makes meet\n")
print("Word types of the same corpus grouped by search key with the stage off, then counted as they fuse with "
      "the stage on (`text_bench --fold-report`):\n")
print(open(f"{work}/folds.md").read())
print("The last row is the rule the first version had (ؤ to و, ئ to ي): it merges fewer true variants and "
      "joins different words (فيه/فئه, يوم/يؤم, علي/علئ); folding both seats to ء joins only spelling variants, "
      "so that is the rule now (kNormalizerVersion 2). fold_foreign_letters is rare in news but costs nothing.\n")
print("### Name keys: collisions over the vocabulary\n")
print("Base forms (search key without the article group) whose name key another base form shares "
      "(`text_bench --name-collisions`); the largest groups are listed by the frequency of their second member:\n")
print("```")
print(open(f"{work}/names.txt").read().rstrip())
print("```")
PY
echo "text: wrote bench/results/text.md" >&2
