#!/usr/bin/env python3
"""Peer for bench/store_bench: Python's sqlite3 module writing the same
articles into tables of the same shape (articles with a TEXT primary key and
a change sequence, sources with the same UNIQUE key), WAL and
synchronous=NORMAL, one transaction per input, ids from SHA-1 of title and
body (no Arabic normalization, no merging of fields): the floor of what
storing these rows in SQLite costs.
Usage: store_peer.py DB_FILE EXTRACT_JSON...   Prints: name, count, seconds."""
import hashlib, json, sqlite3, sys, time

db_path, files = sys.argv[1], sys.argv[2:]
inputs = []
for f in files:
    raw = open(f, "rb").read()
    arts = json.loads(raw)["articles"]
    inputs.append((hashlib.sha1(raw).hexdigest()[:16], arts))
total = sum(len(a) for _, a in inputs)

con = sqlite3.connect(db_path, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=NORMAL")
con.execute("PRAGMA foreign_keys=ON")
con.executescript("""
CREATE TABLE IF NOT EXISTS articles(id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, title TEXT, outlet TEXT,
  url TEXT, published TEXT, published_text TEXT, dateline TEXT, dateline_city TEXT, agencies TEXT, authors TEXT,
  body TEXT, first_ingested TEXT);
CREATE TABLE IF NOT EXISTS sources(article_id TEXT NOT NULL REFERENCES articles(id), path TEXT, format TEXT,
  section INTEGER, raw_hash TEXT, ingested_at TEXT, UNIQUE(article_id, path, section));
""")

def put_all(name):
    t0 = time.perf_counter()
    seq = con.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    for raw_hash, arts in inputs:
        con.execute("BEGIN IMMEDIATE")
        for a in arts:
            aid = hashlib.sha1((a.get("title", "") + "\n" + a.get("body", "")).encode()).hexdigest()[:16]
            seq += 1
            con.execute("INSERT INTO articles VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
                        (aid, seq, a.get("title", ""), a.get("outlet", ""), a.get("url", ""), a.get("published") or "",
                         a.get("published_text", ""), a.get("dateline", ""), a.get("dateline_city", ""),
                         json.dumps(a.get("agencies", []), ensure_ascii=False),
                         json.dumps(a.get("authors", []), ensure_ascii=False), a.get("body", ""), now))
            s = a.get("source", {})
            con.execute("INSERT INTO sources VALUES(?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                        (aid, s.get("path", ""), s.get("format", ""), s.get("index", 0), raw_hash, now))
        con.execute("COMMIT")
    print(f"{name}\t{total}\t{time.perf_counter() - t0:.4f}")

put_all("put")
put_all("reput")
