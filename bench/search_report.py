#!/usr/bin/env python3
"""Renders bench/results/search.md from the JSON lines bench/run-search.sh
gathers in its work directory. Usage: search_report.py WORK OUT.md"""
import datetime, glob, json, os, re, sys

work, out = sys.argv[1], sys.argv[2]


def lines(path):
    if not os.path.exists(path):
        return []
    return [json.loads(l) for l in open(path) if l.strip().startswith('{')]


md = ['## Search (src/search)', '',
      'Measured %s on this machine (2 cores shared with other engineers: wall times vary with '
      'their load, so indexing is also given per CPU-second). Reproduce: `bench/run-search.sh BUILD_DIR` '
      '(`SEARCH_SIZES="0 100000 1000000"` for the scale runs).' % datetime.date.today().isoformat(), '']

rel = {j['system']: j for j in lines(os.path.join(work, 'relevance.jsonl'))}
if rel:
    nq = next(iter(rel.values()))['queries']
    md += ['### Relevance', '',
           '%d queries over SaudiNewsNet (16,327 articles) and the seed dossier and pages, judged in '
           '`tests/search/relevance/` (rules.tsv, reviewed by hand before any system ran; qrels.tsv generated '
           'from it). Recall@10 counts relevant articles in the first 10 out of min(relevant, 10); nDCG@10 '
           'with binary gains. Same articles, same queries, same title weight (5x) for all three.' % nq, '',
           '| system | recall@10 | nDCG@10 |', '|---|---|---|']
    names = {'malaf': 'malaf', 'xapian': 'Xapian 1.4, stock Snowball arabic stemmer + QueryParser',
             'lucene': 'Lucene++ 3.0.8 ArabicAnalyzer + MultiFieldQueryParser'}
    for s in ('malaf', 'lucene', 'xapian'):
        if s in rel:
            md.append('| %s | %.3f | %.3f |' % (names[s], rel[s]['recall_at_10'], rel[s]['ndcg_at_10']))
    md.append('')
    qs = {}
    qpath = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'search', 'relevance', 'queries.tsv')
    for l in open(qpath, encoding='utf-8'):
        if not l.startswith('#'):
            f = l.rstrip('\n').split('\t')
            qs[f[0]] = f[1]
    if all(s in rel for s in ('malaf', 'lucene', 'xapian')):
        md += ['Per query (nDCG@10), where the systems differ:', '',
               '| query | malaf | Lucene++ | Xapian stock |', '|---|---|---|---|']
        for q in sorted(rel['malaf']['per_query']):
            v = [rel[s]['per_query'][q]['ndcg'] for s in ('malaf', 'lucene', 'xapian')]
            if max(v) - min(v) > 0.01:
                md.append('| %s | %.2f | %.2f | %.2f |' % (qs.get(q, q), v[0], v[1], v[2]))
        md.append('')

for path in sorted(glob.glob(os.path.join(work, 'speed-*.jsonl')), key=lambda p: int(re.findall(r'\d+', p)[-1])):
    n = int(re.findall(r'\d+', path)[-1])
    rows = lines(path)
    progress_logs = [l for l in glob.glob(os.path.join(work, 'index-*-%d.log' % n)) if lines(l)]
    if not rows and not progress_logs:
        continue
    label = 'the real SaudiNewsNet articles (16,327)' if n == 0 else '%s generated articles' % format(n, ',')
    md += ['### Speed on %s' % label, '']
    gen = os.path.join(work, 'gen-%d.log' % n)
    if n and os.path.exists(gen):
        md += ['Corpus: `corpus_gen` — %s' % ' '.join(open(gen).read().split()), '']
    if any(r.get('mode') == 'index' for r in rows):
        md += ['| system | articles/s (wall) | articles per CPU-second | peak RSS MB | index MB | load (1 min) at end |',
               '|---|---|---|---|---|---|']
    for r in rows:
        if r.get('mode') == 'index':
            name = r['system'] + (' (%d writers)' % r['threads'] if r['system'] == 'malaf' and 'threads' in r else '')
            md.append('| %s | %.0f | %.0f | %.0f | %.0f | %s |' % (name, r['articles_per_s'],
                      r.get('articles_per_cpu_s', 0), r['peak_rss_mb'], r['index_mb'],
                      '%.1f' % r['load1'] if 'load1' in r else '?'))
    if any(r.get('mode', '').startswith('query') for r in rows):
        md += ['', 'Query latency, ms (top 10; 200 queries per class sampled from the real text, 3 passes after a warm-up; '
               '"malaf full" adds snippets cut from the body and facet counts, "facets only" the facet counts):', '',
               '| system | class | p50 | p99 | mean | load (1 min) at end |', '|---|---|---|---|---|---|']
    for r in rows:
        if r.get('mode') in ('query', 'query_full', 'query_facets'):
            name = r['system'] + {'query': '', 'query_full': ' full', 'query_facets': ' facets only'}[r['mode']]
            md.append('| %s | %s | %.2f | %.2f | %.2f | %s |' % (name, r['class'], r['p50_ms'], r['p99_ms'], r['mean_ms'],
                      '%.1f' % r['load1'] if 'load1' in r else '?'))
    md.append('')
    for log in sorted(glob.glob(os.path.join(work, 'index-*-%d.log' % n))):
        prog = lines(log)
        if prog and not any(r.get('mode') == 'index' and 'index-%s-' % r['system'] in log for r in rows):
            p = prog[-1]
            md.append('- %s indexing stopped at %s articles after %.0f s (%.0f CPU-s, %.0f articles per CPU-second, '
                      'peak RSS %.0f MB); no query figures for it at this size.' % (
                os.path.basename(log).split('-')[1], format(p['progress'], ','), p['seconds'], p['cpu_seconds'],
                p['progress'] / max(p['cpu_seconds'], 1e-9), p['peak_rss_mb']))
    md.append('')

extra = os.path.join(work, 'notes.md')
if os.path.exists(extra):
    md += [open(extra).read().strip(), '']
open(out, 'w').write('\n'.join(md) + '\n')
