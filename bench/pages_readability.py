#!/usr/bin/python3
"""The readability-lxml peer: loads every benchmark page once, times only
extraction (Document(html).summary() and the summary's text) in this one
process, and writes {"KEY": {"articleBody": ...}} for pages_score.py.

  pages_readability.py CORPUS_DIR OUT.json
Prints {"pages", "seconds", "pages_per_second", "cpu_seconds", "pages_per_cpu_second"}.
"""
import glob
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document


def text_of(summary_html):
    root = lxml.html.fromstring(summary_html)
    # Paragraph-level blocks become separate lines, as a reader would see them.
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote"):
        el.tail = "\n" + (el.tail or "")
    return root.text_content().strip()


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(corpus, "html", "*.html.gz")))
    pages = []
    for f in files:
        key = os.path.basename(f)[:-len(".html.gz")]
        pages.append((key, gzip.open(f).read().decode("utf-8", "replace")))
    result = {}
    start = time.perf_counter()
    cpu_start = time.process_time()
    for key, html in pages:
        try:
            body = text_of(Document(html).summary())
        except Exception:  # a peer failure on one page scores as empty
            body = ""
        result[key] = {"articleBody": body}
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False)
    print(json.dumps({"pages": len(pages), "seconds": round(seconds, 4),
                      "pages_per_second": round(len(pages) / seconds, 1),
                      "cpu_seconds": round(cpu, 4), "pages_per_cpu_second": round(len(pages) / cpu, 1)}))


if __name__ == "__main__":
    main()
