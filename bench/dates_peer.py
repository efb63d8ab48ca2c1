#!/usr/bin/python3
"""Python's dateparser on bench/dates_cases.tsv, the peer for malaf's DateParser.

Each case gets dateparser's best chance: dateparser.parse() on the whole
string (languages ar+en, day-first, dates from the past, the case's reference
time as RELATIVE_BASE), and when that finds nothing, the first hit of
dateparser.search.search_dates() on the string. Prints "index <TAB> iso" per
case (iso to the minute when dateparser gives a time, else the day), then
"speed <TAB> MB/s <TAB> dates" for search_dates over the file given as the
second argument (after a warm-up call, best of 3 runs).
Usage: /usr/bin/python3 bench/dates_peer.py CASES.tsv [TEXT_FILE]
"""
import sys
import time
import warnings
from datetime import datetime

warnings.filterwarnings("ignore")
import dateparser  # noqa: E402
from dateparser.search import search_dates  # noqa: E402


def settings(ref):
    return {"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False}


def read_cases(path):
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) >= 3:
            yield f[0], f[1], f[2]


def iso(d):
    if d is None:
        return ""
    if d.hour or d.minute:
        return d.strftime("%Y-%m-%dT%H:%M")
    return d.strftime("%Y-%m-%d")


def main():
    for i, (text, ref, _) in enumerate(read_cases(sys.argv[1])):
        # The reference is a day; its last minute gives dateparser the
        # best chance with "منذ 10 ساعات" (malaf keeps such dates on that day).
        base = datetime.fromisoformat(ref).replace(hour=23, minute=59)
        d = None
        try:
            d = dateparser.parse(text, languages=["ar", "en"], settings=settings(base))
            if d is None:
                hits = search_dates(text, languages=["ar", "en"], settings=settings(base))
                if hits:
                    d = hits[0][1]
        except Exception:  # a crash counts as not read
            d = None
        print(f"{i}\t{iso(d)}")
    if len(sys.argv) > 2:
        text = open(sys.argv[2], encoding="utf-8").read()
        base = datetime(2016, 8, 27)
        search_dates("السبت 27 آب 2016", languages=["ar", "en"], settings=settings(base))  # warm-up
        s = 1e9
        for _ in range(3):
            t0 = time.perf_counter()
            hits = search_dates(text, languages=["ar", "en"], settings=settings(base)) or []
            s = min(s, time.perf_counter() - t0)
        print(f"speed\t{len(text.encode('utf-8')) / s / 1e6:.4f}\t{len(hits)}\t{s:.3f}")


if __name__ == "__main__":
    main()
