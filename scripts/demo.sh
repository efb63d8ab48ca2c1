#!/usr/bin/env bash
# make demo: ingests examples/ into an archive, then writes a dossier and a
# timeline from it, and says how to open the web app.
set -euo pipefail
malaf=$1; archive=$2
out=$(dirname "$archive")
rm -rf "$archive"
mkdir -p "$out"
echo "== ingest examples/ into $archive" >&2
"$malaf" --archive "$archive" ingest examples/
echo >&2
echo "== stories (copies folded)" >&2
"$malaf" --archive "$archive" stories
story=$("$malaf" --archive "$archive" stories --json | /usr/bin/python3 -c '
import json, sys
stories = json.load(sys.stdin)["stories"]
best = max(stories, key=lambda s: len(s["articles"]))
print(best["id"])')
echo >&2
echo "== dossier of the largest story" >&2
"$malaf" --archive "$archive" dossier --story "$story" --collapse-duplicates --timeline --quotes \
  --preparer "عرض malaf" --format text -o "$out/dossier.txt"
"$malaf" --archive "$archive" dossier --story "$story" --collapse-duplicates --timeline --quotes \
  --preparer "عرض malaf" --format html -o "$out/dossier.html"
"$malaf" --archive "$archive" dossier --story "$story" --format md -o "$out/dossier.md"
head -20 "$out/dossier.txt"
echo "..." 
echo >&2
echo "== timeline" >&2
"$malaf" --archive "$archive" timeline | tee "$out/timeline.txt"
cat >&2 <<MSG

Written: $out/dossier.txt, $out/dossier.html, $out/dossier.md, $out/timeline.txt
Open the web app:   $malaf --archive $archive serve   then http://127.0.0.1:8080/
A write token for uploads:   $malaf --archive $archive token create
MSG
