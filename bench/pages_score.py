#!/usr/bin/python3
"""Scores main-text predictions against the article-extraction-benchmark
ground truth, as its README describes: \\w+ tokens, 4-token shingles counted
with multiplicity, per page TP/FP/FN as shares of their sum, precision and
recall averaged over pages, F1 from those two averages.

  pages_score.py GROUND_TRUTH.json NAME=PRED.json [NAME=PRED.json ...]
Prints one JSON object per system: {"name", "precision", "recall", "f1", "pages"}.
"""
import json
import re
import sys
from collections import Counter


def shingles(text, n=4):
    tokens = re.findall(r"\w+", text or "", re.UNICODE)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1)))


def page_score(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s == 0:
        return 0.0, 0.0, 0.0
    return tp / s, fp / s, fn / s


def score(truth, pred):
    precisions, recalls = [], []
    for key, gt in truth.items():
        tp, fp, fn = page_score(gt.get("articleBody", ""), pred.get(key, {}).get("articleBody", ""))
        precisions.append(tp / (tp + fp) if tp + fp > 0 else 0.0)
        recalls.append(tp / (tp + fn) if tp + fn > 0 else 0.0)
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f1


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    for arg in sys.argv[2:]:
        name, path = arg.split("=", 1)
        pred = json.load(open(path, encoding="utf-8"))
        p, r, f1 = score(truth, pred)
        print(json.dumps({"name": name, "precision": round(p, 4), "recall": round(r, 4),
                          "f1": round(f1, 4), "pages": len(truth)}))


if __name__ == "__main__":
    main()
