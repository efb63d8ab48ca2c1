#!/usr/bin/env bash
# Date parsing: malaf's DateParser against Python's dateparser (Debian's
# python3-dateparser, run by /usr/bin/python3) on every date expression of
# the seed dossier and pages (bench/dates_cases.tsv), and the speed of finding
# dates in running text (the whole seed dossier).
# Usage: bench/run-dates.sh BUILD_DIR     Writes bench/results/dates.md.
set -euo pipefail
BUILD=${1:?usage: bench/run-dates.sh BUILD_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd)
CORPUS=${MALAF_SHARED_CORPUS:-$ROOT/../shared/corpus}
BENCH=$BUILD/bench/dates_bench
[ -x "$BENCH" ] || BENCH=$BUILD/dates_bench
CASES=$ROOT/bench/dates_cases.tsv
GENERAL=$ROOT/bench/dates_general.tsv
DOSSIER=$CORPUS/seeds/dossier-geneva-2016-08.txt
[ -f "$DOSSIER" ] || DOSSIER=""
if ! /usr/bin/python3 -c 'import dateparser' 2>/dev/null; then
  echo "run-dates: python3-dateparser missing (apt-get install python3-dateparser); skipping" >&2
  exit 0
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BENCH" "$CASES" $DOSSIER > "$WORK/malaf.tsv"
/usr/bin/python3 "$ROOT/bench/dates_peer.py" "$CASES" $DOSSIER > "$WORK/peer.tsv"
"$BENCH" "$GENERAL" > "$WORK/malaf-general.tsv"
/usr/bin/python3 "$ROOT/bench/dates_peer.py" "$GENERAL" > "$WORK/peer-general.tsv"
/usr/bin/python3 - "$CASES" "$WORK/malaf.tsv" "$WORK/peer.tsv" "$ROOT/bench/results/dates.md" \
    "$GENERAL" "$WORK/malaf-general.tsv" "$WORK/peer-general.tsv" <<'PY'
import re, sys, datetime
def read_cases(path):
    return [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8")
            if l.strip() and not l.startswith("#")]
cases = read_cases(sys.argv[1])
def load(path):
    got, speed = {}, None
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "speed":
            speed = (float(f[1]), int(f[2]))
        else:
            got[int(f[0])] = f[1] if len(f) > 1 else ""
    return got, speed
def strip_offset(s):
    return re.sub(r"[+-]\d\d:\d\d$", "", s)
def day_ok(exp, got):
    n = 7 if len(exp) == 7 else 10
    return got != "" and got[:n] == exp[:n]
def exact_ok(exp, got):
    return strip_offset(got) == strip_offset(exp)
def compare(cases, malaf, peer):
    rows = []
    score = {"malaf": [0, 0], "dateparser": [0, 0]}
    for i, (text, ref, exp) in enumerate(cases):
        m, p = malaf.get(i, ""), peer.get(i, "")
        for name, g in (("malaf", m), ("dateparser", p)):
            score[name][0] += day_ok(exp, g)
            score[name][1] += exact_ok(exp, g)
        rows.append((text.strip(), ref, exp, m, p))
    return score, rows
malaf, mspeed = load(sys.argv[2])
peer, pspeed = load(sys.argv[3])
n = len(cases)
score, rows = compare(cases, malaf, peer)
general = read_cases(sys.argv[5])
gscore, grows = compare(general, load(sys.argv[6])[0], load(sys.argv[7])[0])
gn = len(general)
out = []
out.append("## Dates: malaf's DateParser vs Python's dateparser")
out.append("")
out.append(f"Measured {datetime.date.today().isoformat()} with `bench/run-dates.sh BUILD_DIR` "
           "(malaf's `dates_bench` harness and `bench/dates_peer.py` under /usr/bin/python3 with Debian's "
           "python3-dateparser 1.1.6, languages ar+en, day-first, dates from the past; each string goes to "
           "`dateparser.parse`, then to `search_dates` when that finds nothing).")
out.append("")
out.append(f"Cases: the {n} date expressions of the seed dossier and pages as they stand in the text "
           "(`bench/dates_cases.tsv`), each with its reference time (the dossier's date 27/8/2016, or the "
           "article's own day for a bare time). *Right day*: the calendar day (the month, for a month-only "
           "date) is the expected one. *Exact*: also the time of day, when the text gives one. These are the strings "
           "malaf's parser was written against (its tests hold them too), so its score here shows coverage, "
           "not accuracy on unseen text.")
out.append("")
out.append("| parser | right day | exact |")
out.append("|---|---|---|")
for name in ("malaf", "dateparser"):
    d, e = score[name]
    out.append(f"| {name} | {d}/{n} ({100*d/n:.0f}%) | {e}/{n} ({100*e/n:.0f}%) |")
out.append("")
out.append(f"General cases: {gn} date strings in the forms Arabic sites print, none from the seeds "
           "(`bench/dates_general.tsv`: the three month systems, Hijri, Arabic-Indic digits, clocks and zones, "
           "relative and weekday forms, ordinal days). Written by the same engineer as the parser, so a check of "
           "breadth rather than a blind test.")
out.append("")
out.append("| parser | right day | exact |")
out.append("|---|---|---|")
for name in ("malaf", "dateparser"):
    d, e = gscore[name]
    out.append(f"| {name} | {d}/{gn} ({100*d/gn:.0f}%) | {e}/{gn} ({100*e/gn:.0f}%) |")
if mspeed and pspeed:
    out.append("")
    out.append(f"Finding every date in running text (the whole seed dossier, {mspeed[1]} expressions found by malaf, "
               f"{pspeed[1]} by dateparser's `search_dates`): "
               f"malaf {mspeed[0]:.1f} MB/s, dateparser {pspeed[0]:.3f} MB/s, "
               f"{mspeed[0]/pspeed[0]:.0f}× (best of 5 runs for malaf, of 3 after a warm-up call for dateparser).")
out.append("")
out.append("<details><summary>Per case</summary>")
out.append("")
out.append("| text | reference | expected | malaf | dateparser |")
out.append("|---|---|---|---|---|")
for text, ref, exp, m, p in rows + grows:
    t = text.replace("|", "\\|")
    mark = lambda g: g + (" ✓" if day_ok(exp, g) else " ✗") if g else "— ✗"
    out.append(f"| {t} | {ref} | {exp} | {mark(m)} | {mark(p)} |")
out.append("")
out.append("</details>")
open(sys.argv[4], "w", encoding="utf-8").write("\n".join(out) + "\n")
print("\n".join(out[:22]))
PY
