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
rate = {x["name"].replace("/manual_time", ""): x["bytes_per_second"] / 1e6 for x in b["benchmarks"]}
docs = open(f"{work}/bench.err").read().strip().splitlines()
floor = rate["floor/decode_code_points"]
lucene = rate["peer/lucene++_arabic_analyzer"]
xapian = rate["peer/xapian_termgenerator_arabic"]
ctx = b["context"]
print("## Text analysis (src/text)\n")
print(f"Measured {datetime.date.today().isoformat()} on {ctx.get('num_cpus')} CPUs "
      f"(load average {', '.join('%.1f' % v for v in ctx.get('load_avg', []))} at the start of the run; the machine "
      "is shared, so compare ratios, which come from one run). Reproduce: `bench/run-text.sh BUILD_DIR` "
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
fresh = rate.get("malaf/chain_without_name_keys_fresh_thread", chain)
strings = rate.get("malaf/chain_strings_without_name_keys", chain)
full = rate["malaf/full_chain"]
print()
print("What each chain does: **malaf/chain_without_name_keys** = decode (UTF-8 validation and repair) -> "
      "display normalization -> `AnalyzeInto` (tokens with search key, stopword flag and light stem, as views into "
      "one reused buffer), the same work as the peers; **..._fresh_thread** = the same on a new thread per "
      "iteration, timed by that thread's CPU clock: its word cache starts empty, as for a stream of new articles "
      "(the other rows repeat the same text, and the cache keeps what it saw); **malaf/chain_strings_without_name_keys** "
      "= the same through `AnalyzeTo`/`Analyze` (a std::string per field), the API the index, the clusterer and "
      "`malaf analyze` call today; **malaf/full_chain** = `AnalyzeInto` with name keys. **Lucene++** = UTF-8 to "
      "its wide strings, ArabicLetterTokenizer, LowerCase, Stop, ArabicNormalization, ArabicStem "
      "(`reusableTokenStream`). **Xapian** = TermGenerator with Stem(\"arabic\") into a fresh Document per text "
      "(it also records positions and unstemmed terms). **floor** = a loop that only decodes every code point.\n")
print(f"Ratios: malaf chain {chain/lucene:.2f}x Lucene++ and {chain/xapian:.2f}x Xapian ({chain/floor:.1%} of the "
      f"floor); with a cold word cache {fresh/lucene:.2f}x and {fresh/xapian:.2f}x; through std::string fields "
      f"{strings/lucene:.2f}x and {strings/xapian:.2f}x; with name keys {full/lucene:.2f}x and {full/xapian:.2f}x. "
      f"Lucene++ runs at {lucene/floor:.1%} of the floor here. " +
      ("The target (5x both peers) is met by the view-based chain." if chain >= 5 * lucene and chain >= 5 * xapian
       else "The target (5x Lucene++ and 5x Xapian) is not reached against Lucene++.") + "\n")
print("How the chain got here (each step measured with this harness and `perf`): display normalization is one "
      "table lookup per code point (the stages of src/text/normalizer_stages.cc compiled into a two-level table at "
      "start-up) with an SSE2 test that skips the longest prefix of every 16 bytes made of plain Arabic letters and "
      "ASCII, and the lone-tatweel pass looks for the byte pair with SSE2; UTF-8 validation is SSE2 for ASCII and "
      "two-byte text. `AnalyzeInto` is one fused pass over the display text: a word of two-byte Arabic letters is "
      "tokenized and keyed at once (one 256-entry table gives the tokenizer's class and the search key's bytes per "
      "letter, the key written straight into one reused buffer), and so is a run of ASCII digits; everything else "
      "(Latin, URLs, tags, punctuation, marks, a short word that may be a clitic glued to what follows) goes "
      "through the tokenizer's own step and the general normalizer, so outputs are unchanged (checked by "
      "`tests/text/analyze_corpus_check.sh` over the seed dossier and 2,000 SaudiNewsNet articles, and by a "
      "random-text test against the tokenizer and the word functions). Tokens are views (no std::string per "
      "field), written in place into reused slots. Stem, stopword flag and name key come from a per-thread "
      "direct-mapped cache keyed by the search key (4096 slots, growing to 262144, 8 MB in huge pages, once a "
      "thread has analysed 4 MB: at 65536 slots a sixth of the words missed), prefetched eight words ahead, "
      "its key compared and hashed eight bytes at a time with no branch on the word's length (the byte loop "
      "that compared the key's last bytes cost ~9% of the chain in mispredicted branches); the stemmer's "
      "affixes are packed into integers, so a miss compares each affix in one load. What remains (perf): a "
      "fifth of the time decoding and display normalization, and most of the rest the fused scan and the "
      "cache lookups (the prefetched slot still arrives late on a loaded machine). The chain is near the 5x line "
      "against Lucene++, and the ratio varies by a few percent from run to run. "
      "Next steps: moving the index to `AnalyzeInto`, and a fused decode + display normalization.\n")
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
      "(`text_bench --name-collisions`); the largest groups are listed by the frequency of their second member. "
      "Name key v3 leaves Arabic words as written (a word with a letter that transliterations of foreign names "
      "do not use, ع ح ق ص ض ظ ذ ث, or ending in ة or ء) and collapses doubled letters only inside a word; v2 "
      "folded every word and joined 36.7% of base forms (54.5% of running words), among them حكم/حجم, "
      "جامعه/جماعه, دوله/دوليه, موقع/مواقع, ما/مما. The real variant pairs of tests/text/name_key_tables.h "
      "still meet (كيري/كيرى, سيرغي/سيرجي, ستيفان/ستافان, دي/دو ميستورا, غوغل/جوجل ...). What still collides is "
      "mostly Arabic singular/plural pairs without a marking letter (مركز/مراكز, مسجد/مساجد) and g-class folds "
      "of Arabic words (فكر/فجر, سجن/سكن):\n")
print("```")
print(open(f"{work}/names.txt").read().rstrip())
print("```")
PY
echo "text: wrote bench/results/text.md" >&2
