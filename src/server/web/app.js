// malaf web app: hash-routed views over the /api/v1 JSON model.
// No framework and no build step; every string from the archive is put in
// the page with textContent, never as markup.
'use strict';

const API = '/api/v1';
const main = () => document.getElementById('main');

// ---------- small DOM builder ----------
function el(tag, attrs, ...children) {
  const node = document.createElementNS(tag.startsWith('svg:') ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml',
                                        tag.replace(/^svg:/, ''));
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
function show(...nodes) {
  const m = main();
  m.replaceChildren(...nodes);
  m.focus({ preventScroll: true });
}
function errorBox(message) { return el('p', { class: 'error', role: 'alert' }, message); }

// ---------- API ----------
async function api(path, options = {}) {
  const res = await fetch(API + path, options);
  const type = res.headers.get('Content-Type') || '';
  if (!res.ok) {
    let message = `خطأ ${res.status}`;
    if (type.includes('json')) {
      const j = await res.json().catch(() => null);
      if (j && j.error) message = j.error.message;
    }
    throw new Error(message);
  }
  return type.includes('json') ? res.json() : res;
}
const token = {
  get: () => localStorage.getItem('malaf.token') || '',
  set: (t) => localStorage.setItem('malaf.token', t.trim()),
};

// ---------- dates and text ----------
const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
function arabicDate(iso) {
  if (!iso) return 'تاريخ غير معروف';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  let s = m[1];
  if (m[2]) s = MONTHS[Number(m[2]) - 1] + ' ' + s;
  if (m[3]) s = Number(m[3]) + ' ' + s;
  if (m[4]) s += ' ' + m[4] + ':' + m[5];
  return s;
}
// Highlights come as byte offsets into the UTF-8 snippet.
function highlighted(text, highlights) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = el('span', { class: 'snippet' });
  let at = 0;
  for (const h of (highlights || []).slice().sort((a, b) => a.start - b.start)) {
    if (h.start < at || h.end > bytes.length) continue;
    out.append(dec.decode(bytes.slice(at, h.start)), el('mark', {}, dec.decode(bytes.slice(h.start, h.end))));
    at = h.end;
  }
  out.append(dec.decode(bytes.slice(at)));
  return out;
}

// ---------- dossier selection (kept in the browser) ----------
const picks = {
  load() { try { return JSON.parse(localStorage.getItem('malaf.picks') || '[]'); } catch { return []; } },
  save(list) { localStorage.setItem('malaf.picks', JSON.stringify(list)); updateCount(); },
  has(id) { return this.load().some((p) => p.id === id); },
  toggle(item) {
    const list = this.load();
    const i = list.findIndex((p) => p.id === item.id);
    if (i >= 0) list.splice(i, 1); else list.push({ id: item.id, title: item.title, outlet: item.outlet, published: item.published });
    this.save(list);
    return i < 0;
  },
};
function updateCount() { document.getElementById('dossier-count').textContent = String(picks.load().length); }
function pickButton(item) {
  const b = el('button', { class: 'small secondary', type: 'button', 'aria-pressed': String(picks.has(item.id)) },
               picks.has(item.id) ? 'في الملف ✓' : 'أضف إلى الملف');
  b.addEventListener('click', () => {
    const added = picks.toggle(item);
    b.setAttribute('aria-pressed', String(added));
    b.textContent = added ? 'في الملف ✓' : 'أضف إلى الملف';
  });
  return b;
}

// ---------- charts (SVG) ----------
function volumeChart(days, label) {
  const keys = Object.keys(days).sort();
  if (!keys.length) return el('p', { class: 'muted' }, 'لا توجد تواريخ لرسم حجم التغطية.');
  const W = 720, H = 160, pad = 28;
  const max = Math.max(...keys.map((k) => days[k]));
  const bw = (W - 2 * pad) / keys.length;
  const svg = el('svg:svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label });
  svg.append(el('svg:title', {}, label));
  keys.forEach((k, i) => {
    const h = Math.max(2, (H - 2 * pad) * days[k] / max);
    // Time runs right to left, as the page reads.
    const x = W - pad - (i + 1) * bw;
    const bar = el('svg:rect', { class: 'bar', x: x + 1, y: H - pad - h, width: Math.max(1, bw - 2), height: h });
    bar.append(el('svg:title', {}, `${k}: ${days[k]}`));
    svg.append(bar);
  });
  svg.append(el('svg:text', { x: W - pad, y: H - 8, 'text-anchor': 'start' }, keys[0]));
  svg.append(el('svg:text', { x: pad, y: H - 8, 'text-anchor': 'end' }, keys[keys.length - 1]));
  svg.append(el('svg:text', { x: W - pad, y: 16 }, `الأقصى: ${max}`));
  return svg;
}
function timelineChart(entries) {
  const dated = entries.filter((e) => /^\d{4}-\d{2}-\d{2}/.test(e.date || ''));
  if (!dated.length) return el('p', { class: 'muted' }, 'لا توجد أحداث مؤرخة.');
  const t = (e) => Date.parse(e.date.slice(0, 10) + 'T00:00:00Z');
  const min = Math.min(...dated.map(t)), max = Math.max(...dated.map(t));
  const rowH = 26, W = 760, pad = 20;
  const H = pad * 2 + rowH * dated.length;
  const svg = el('svg:svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'الخط الزمني للأحداث' });
  const span = Math.max(1, max - min);
  dated.forEach((e, i) => {
    const x = W - pad - (W * 0.45 - pad) * (t(e) - min) / span;
    const y = pad + i * rowH + rowH / 2;
    const g = el('svg:a', { href: `#/story/${encodeURIComponent(e.story || '')}` });
    g.append(el('svg:circle', { class: 'dot', cx: x, cy: y, r: 5 }));
    g.append(el('svg:text', { class: 'lbl', x: W * 0.5, y: y + 4, 'text-anchor': 'start' },
                `${e.date.slice(0, 10)} — ${(e.title || '').slice(0, 70)}`));
    svg.append(g);
  });
  return svg;
}

// ---------- views ----------
async function viewSearch(params) {
  const q = params.get('q') || '';
  const sort = params.get('sort') || 'relevance';
  const offset = Number(params.get('offset') || 0);
  const input = el('input', { type: 'search', name: 'q', value: q, 'aria-label': 'كلمات البحث', placeholder: 'ابحث: كيري لافروف، "الغازات السامة"، outlet:الجزيرة، from:2016-08-01' });
  const sortSel = el('select', { name: 'sort', 'aria-label': 'الترتيب' },
    el('option', { value: 'relevance', selected: sort === 'relevance' }, 'الأكثر صلة'),
    el('option', { value: 'date', selected: sort === 'date' }, 'الأحدث'));
  const form = el('form', { class: 'searchbar', role: 'search' }, input, sortSel, el('button', { type: 'submit' }, 'ابحث'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value)}&sort=${sortSel.value}`;
  });
  if (!q) { show(el('h1', {}, 'البحث في الأرشيف'), form, el('p', { class: 'muted' }, 'اكتب كلمات عربية بأي تهجئة: سوريا/سورية، كيري/كيرى.')); input.focus(); return; }
  show(el('h1', {}, 'البحث في الأرشيف'), form, el('p', { class: 'muted' }, 'جارٍ البحث…'));
  let r;
  try { r = await api(`/search?q=${encodeURIComponent(q)}&sort=${sort}&limit=20&offset=${offset}`); }
  catch (e) { show(el('h1', {}, 'البحث في الأرشيف'), form, errorBox(e.message)); return; }
  const addFilter = (f) => { location.hash = `#/search?q=${encodeURIComponent(q + ' ' + f)}&sort=${sort}`; };
  const facetBox = (title, counts, make) => {
    const items = Object.entries(counts || {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
    if (!items.length) return null;
    return el('section', {}, el('h2', {}, title), el('ul', {}, items.map(([k, n]) =>
      el('li', {}, el('button', { type: 'button', onclick: () => addFilter(make(k)), 'aria-label': `${title}: ${k} (${n})` }, el('span', {}, k), el('span', { class: 'muted' }, n))))));
  };
  const quoted = (v) => v.includes(' ') ? `"${v}"` : v;
  const facets = el('aside', { class: 'facets', 'aria-label': 'تصفية النتائج' },
    facetBox('المصدر', r.facets && r.facets.outlet, (k) => `outlet:${quoted(k)}`),
    facetBox('الشهر', r.facets && r.facets.month, (k) => `from:${k}-01 to:${k}-31`),
    facetBox('الوكالة', r.facets && r.facets.agency, (k) => `agency:${quoted(k)}`));
  const hits = el('ol', { class: 'hits', start: offset + 1 }, r.hits.map((h) => el('li', { class: 'card' },
    el('h3', {}, el('a', { href: `#/article/${h.id}` }, h.title || '(بلا عنوان)')),
    el('div', { class: 'meta' }, el('span', {}, h.outlet || ''), el('span', {}, arabicDate(h.published))),
    el('p', {}, highlighted(h.snippet || '', h.highlights)),
    pickButton(h))));
  const pager = el('div', { class: 'pager' },
    offset > 0 ? el('a', { class: 'button', href: `#/search?q=${encodeURIComponent(q)}&sort=${sort}&offset=${Math.max(0, offset - 20)}` }, 'السابق') : null,
    offset + 20 < r.total ? el('a', { class: 'button', href: `#/search?q=${encodeURIComponent(q)}&sort=${sort}&offset=${offset + 20}` }, 'التالي') : null);
  const volumeSlot = el('div', {});
  show(el('h1', {}, 'البحث في الأرشيف'), form,
       el('p', { class: 'muted', role: 'status' }, `${r.total} نتيجة`),
       el('div', { class: 'layout' }, facets, el('div', {}, volumeSlot, hits, pager)));
  api(`/volume?q=${encodeURIComponent(q)}`).then((v) => volumeSlot.replaceChildren(volumeChart(v.days || {}, 'عدد المقالات يوميا'))).catch(() => {});
}

async function viewArticle(id) {
  let a;
  try { a = await api(`/articles/${encodeURIComponent(id)}`); } catch (e) { show(errorBox(e.message)); return; }
  const paras = (a.body || '').split(/\n\s*\n|\n/).filter((p) => p.trim());
  const people = (a.entities || []).filter((e) => e.type === 'person');
  show(el('article', { class: 'full' },
    el('h1', {}, a.title || '(بلا عنوان)'),
    el('p', { class: 'meta' }, [a.outlet, arabicDate(a.published), a.dateline].filter(Boolean).join(' · ')),
    (a.agencies || []).length ? el('p', { class: 'meta' }, 'الوكالات: ' + a.agencies.join('، ')) : null,
    (a.authors || []).length ? el('p', { class: 'meta' }, 'الكاتب: ' + a.authors.join('، ')) : null,
    pickButton(a),
    paras.map((p) => el('p', {}, p)),
    people.length ? el('section', {}, el('h2', {}, 'الأشخاص'), el('ul', { class: 'chips' }, people.map((p) => el('li', {}, p.name + (p.role ? ` (${p.role})` : ''))))) : null,
    (a.quotes || []).length ? el('section', {}, el('h2', {}, 'التصريحات'), a.quotes.map((q) => el('blockquote', {}, el('strong', {}, (q.speaker && q.speaker.name) || q.speaker_surface || '؟'), ': «', q.quote, '»'))) : null,
    el('section', {}, el('h2', {}, 'المصادر'), el('ul', {}, (a.sources || []).map((s) => el('li', {}, `${s.format}: ${s.path} (#${s.index})`))))));
}

async function viewStories() {
  show(el('h1', {}, 'القصص'), el('p', { class: 'muted' }, 'جارٍ التحميل…'));
  let r;
  try { r = await api('/stories'); } catch (e) { show(el('h1', {}, 'القصص'), errorBox(e.message)); return; }
  const stories = (r.stories || []).slice().sort((a, b) => (b.date || '').localeCompare(a.date || ''));
  show(el('h1', {}, 'القصص'), el('p', { class: 'muted' }, `${stories.length} قصة`),
    el('ul', { class: 'cards' }, stories.map((s) => el('li', { class: 'card' },
      el('h3', {}, el('a', { href: `#/story/${encodeURIComponent(s.id)}` }, s.title || '(بلا عنوان)')),
      el('div', { class: 'meta' }, el('span', {}, arabicDate(s.date)), s.place ? el('span', {}, s.place) : null,
         el('span', {}, `${(s.articles || []).length} مقالة`),
         (s.duplicates || []).length ? el('span', {}, `${s.duplicates.length} مجموعة نسخ`) : null),
      (s.outlets || []).length ? el('ul', { class: 'chips', 'aria-label': 'المصادر' }, s.outlets.slice(0, 12).map((o) => el('li', {}, o))) : null))));
}

async function viewStory(id) {
  let s;
  try { s = await api(`/stories/${encodeURIComponent(id)}`); } catch (e) { show(errorBox(e.message)); return; }
  const items = s.article_items || [];
  const byId = Object.fromEntries(items.map((a) => [a.id, a]));
  const copyOf = {};
  for (const g of s.duplicates || []) for (const c of g.slice(1)) copyOf[c] = g[0];
  const shown = (s.articles || []).filter((id2) => !copyOf[id2]);
  const volume = {};
  for (const a of items) if (a.published) volume[a.published.slice(0, 10)] = (volume[a.published.slice(0, 10)] || 0) + 1;
  const addAll = el('button', { type: 'button', class: 'secondary' }, 'أضف كل مقالات القصة إلى الملف');
  addAll.addEventListener('click', () => { for (const a of items) if (!picks.has(a.id)) picks.toggle(a); addAll.textContent = 'أضيفت ✓'; });
  show(el('h1', {}, s.title || '(بلا عنوان)'),
    el('p', { class: 'muted' }, [arabicDate(s.date), s.place].filter(Boolean).join(' · ')),
    (s.participants || []).length ? el('section', {}, el('h2', {}, 'المشاركون'), el('ul', { class: 'chips' }, s.participants.map((p) => el('li', {}, p)))) : null,
    el('section', {}, el('h2', {}, 'حجم التغطية'), volumeChart(volume, 'عدد مقالات القصة يوميا')),
    el('section', {}, el('h2', {}, `المقالات (${(s.articles || []).length})`), addAll,
      el('ul', { class: 'cards' }, shown.map((aid) => {
        const a = byId[aid] || { id: aid };
        const copies = (s.duplicates || []).find((g) => g[0] === aid);
        return el('li', { class: 'card' },
          el('h3', {}, el('a', { href: `#/article/${aid}` }, a.title || aid)),
          el('div', { class: 'meta' }, el('span', {}, a.outlet || ''), el('span', {}, arabicDate(a.published))),
          pickButton(a),
          copies ? el('div', { class: 'copies' }, el('p', {}, `نشرت النص نفسه ${copies.length - 1} مصادر أخرى:`),
            el('ul', {}, copies.slice(1).map((c) => el('li', {}, el('a', { href: `#/article/${c}` }, (byId[c] && byId[c].outlet) || c))))) : null);
      }))),
    (s.quotes || []).length ? el('section', {}, el('h2', {}, 'التصريحات'), s.quotes.map((q) => el('blockquote', {}, el('strong', {}, (q.speaker && q.speaker.name) || q.speaker_surface || '؟'), ': «', q.quote, '»'))) : null,
    (s.timeline || []).length ? el('section', {}, el('h2', {}, 'الخط الزمني'), timelineChart(s.timeline)) : null);
}

async function viewTimeline(params) {
  const entity = params.get('entity') || '';
  const input = el('input', { type: 'search', value: entity, 'aria-label': 'اسم شخص أو مكان أو منظمة', placeholder: 'صفِّ باسم: لافروف، جنيف، الأمم المتحدة' });
  const form = el('form', { class: 'searchbar' }, input, el('button', { type: 'submit' }, 'اعرض'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = `#/timeline?entity=${encodeURIComponent(input.value)}`; });
  show(el('h1', {}, 'الخط الزمني'), form, el('p', { class: 'muted' }, 'جارٍ التحميل…'));
  let r;
  try { r = await api('/timeline' + (entity ? `?entity=${encodeURIComponent(entity)}` : '')); }
  catch (e) { show(el('h1', {}, 'الخط الزمني'), form, errorBox(e.message)); return; }
  const entries = r.entries || [];
  show(el('h1', {}, 'الخط الزمني'), form, timelineChart(entries),
    el('ol', { class: 'cards' }, entries.map((e) => el('li', { class: 'card' },
      el('h3', {}, el('a', { href: `#/story/${encodeURIComponent(e.story || '')}` }, e.title || '')),
      el('div', { class: 'meta' }, el('span', {}, arabicDate(e.date)), e.place ? el('span', {}, e.place) : null),
      (e.participants || []).length ? el('ul', { class: 'chips' }, e.participants.map((p) => el('li', {}, p))) : null,
      (e.quotes || []).slice(0, 4).map((q) => el('blockquote', {}, el('strong', {}, (q.speaker && q.speaker.name) || '؟'), ': «', q.quote, '»'))))));
}

function viewDossier() {
  const list = el('ol', { class: 'builder', 'aria-label': 'مواد الملف بالترتيب' });
  const render = () => {
    const items = picks.load();
    list.replaceChildren(...items.map((p, i) => {
      const up = el('button', { type: 'button', class: 'small secondary', 'aria-label': `انقل «${p.title}» إلى الأعلى`, disabled: i === 0 }, '▲');
      const down = el('button', { type: 'button', class: 'small secondary', 'aria-label': `انقل «${p.title}» إلى الأسفل`, disabled: i === items.length - 1 }, '▼');
      const del = el('button', { type: 'button', class: 'small secondary', 'aria-label': `احذف «${p.title}» من الملف` }, '✕');
      const move = (to) => { const l = picks.load(); const [x] = l.splice(i, 1); l.splice(to, 0, x); picks.save(l); render(); list.children[to]?.querySelector('button')?.focus(); };
      up.addEventListener('click', () => move(i - 1));
      down.addEventListener('click', () => move(i + 1));
      del.addEventListener('click', () => { const l = picks.load(); l.splice(i, 1); picks.save(l); render(); });
      const li = el('li', { draggable: 'true', 'data-index': i }, el('span', { class: 'title' }, `${p.outlet || ''} : ${p.title || p.id}`), up, down, del);
      li.addEventListener('dragstart', (ev) => { li.classList.add('dragging'); ev.dataTransfer.setData('text/plain', String(i)); });
      li.addEventListener('dragend', () => li.classList.remove('dragging'));
      li.addEventListener('dragover', (ev) => ev.preventDefault());
      li.addEventListener('drop', (ev) => {
        ev.preventDefault();
        const from = Number(ev.dataTransfer.getData('text/plain'));
        if (Number.isNaN(from) || from === i) return;
        const l = picks.load(); const [x] = l.splice(from, 1); l.splice(i, 0, x); picks.save(l); render();
      });
      return li;
    }));
  };
  render();
  const title = el('input', { type: 'text', id: 'd-title', value: localStorage.getItem('malaf.dtitle') || '' });
  title.addEventListener('input', () => localStorage.setItem('malaf.dtitle', title.value));
  const preparer = el('input', { type: 'text', id: 'd-preparer', value: localStorage.getItem('malaf.dprep') || '' });
  preparer.addEventListener('input', () => localStorage.setItem('malaf.dprep', preparer.value));
  const collapse = el('input', { type: 'checkbox', id: 'd-collapse' });
  const status = el('p', { role: 'status' });
  const download = async (format) => {
    const ids = picks.load().map((p) => p.id);
    if (!ids.length) { status.replaceChildren(errorBox('اختر مقالات أولا من البحث أو القصص.')); return; }
    status.textContent = 'جارٍ إعداد الملف…';
    try {
      const res = await fetch(API + '/dossier', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ids, title: title.value, preparer: preparer.value, order: 'given', collapse_duplicates: collapse.checked, format }) });
      if (!res.ok) { const j = await res.json().catch(() => null); throw new Error(j && j.error ? j.error.message : `خطأ ${res.status}`); }
      const blob = await res.blob();
      const ext = { text: 'txt', html: 'html', pdf: 'pdf', md: 'md' }[format];
      const a = el('a', { href: URL.createObjectURL(blob), download: `dossier.${ext}` });
      document.body.append(a); a.click(); a.remove();
      status.textContent = 'تم التنزيل.';
    } catch (e) { status.replaceChildren(errorBox(e.message)); }
  };
  show(el('h1', {}, 'بناء ملف'),
    el('div', { class: 'grid2' },
      el('div', {}, el('label', { for: 'd-title' }, 'عنوان الملف'), title),
      el('div', {}, el('label', { for: 'd-preparer' }, 'إعداد'), preparer)),
    el('p', {}, el('label', { for: 'd-collapse' }, collapse, ' اطبع نسخة واحدة من الخبر المكرر واذكر الباقي تحت «نشر أيضاً في»')),
    el('h2', {}, 'المواد (اسحب لإعادة الترتيب أو استعمل الأسهم)'), list,
    el('div', { class: 'row' },
      el('button', { type: 'button', onclick: () => download('text') }, 'تنزيل نص'),
      el('button', { type: 'button', onclick: () => download('html') }, 'تنزيل HTML'),
      el('button', { type: 'button', onclick: () => download('pdf') }, 'تنزيل PDF'),
      el('button', { type: 'button', class: 'secondary', onclick: () => { picks.save([]); render(); } }, 'إفراغ الملف')),
    status);
}

function viewUpload() {
  const tok = el('input', { type: 'password', id: 'u-token', value: token.get(), autocomplete: 'off' });
  tok.addEventListener('change', () => token.set(tok.value));
  const files = el('input', { type: 'file', id: 'u-files', multiple: true });
  const paste = el('textarea', { id: 'u-paste', placeholder: 'أو الصق نص مقال أو ملف كامل هنا' });
  const bar = el('progress', { max: 100, value: 0, 'aria-label': 'تقدم الرفع' });
  const status = el('div', { role: 'status', 'aria-live': 'polite' });
  const report = (r) => {
    const arts = r.articles || [], errs = r.errors || [];
    status.replaceChildren(
      el('p', { class: arts.length ? 'ok' : 'error' }, `حُفظت ${arts.length} مقالة (${r.new || 0} جديدة)` + (errs.length ? `، ${errs.length} خطأ` : '')),
      el('ul', {}, errs.map((e) => el('li', { class: 'error' }, `${e.path}: ${e.reason}`))),
      el('ul', { class: 'cards' }, arts.slice(0, 50).map((a) => el('li', { class: 'card' }, el('a', { href: `#/article/${a.id}` }, `${a.outlet || ''} : ${a.title}`)))));
  };
  const send = (body, headers) => new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', API + '/ingest');
    x.setRequestHeader('Authorization', 'Bearer ' + tok.value.trim());
    for (const [k, v] of Object.entries(headers || {})) x.setRequestHeader(k, v);
    x.upload.addEventListener('progress', (ev) => { if (ev.lengthComputable) bar.value = Math.round(100 * ev.loaded / ev.total); });
    x.addEventListener('load', () => {
      let j = null; try { j = JSON.parse(x.responseText); } catch { /* not JSON */ }
      if (x.status >= 200 && x.status < 300) resolve(j); else if (j && j.articles) resolve(j);
      else reject(new Error(j && j.error ? j.error.message : `خطأ ${x.status}`));
    });
    x.addEventListener('error', () => reject(new Error('تعذّر الاتصال بالخادم')));
    x.send(body);
  });
  const go = async () => {
    token.set(tok.value);
    bar.value = 0;
    status.textContent = 'جارٍ الرفع والمعالجة…';
    try {
      if (files.files.length) {
        const fd = new FormData();
        for (const f of files.files) fd.append('files', f, f.name);
        report(await send(fd));
      } else if (paste.value.trim()) {
        report(await send(JSON.stringify({ name: 'pasted.txt', text: paste.value }), { 'Content-Type': 'application/json' }));
      } else status.replaceChildren(errorBox('اختر ملفات أو الصق نصا.'));
      bar.value = 100;
    } catch (e) { status.replaceChildren(errorBox(e.message)); }
  };
  show(el('h1', {}, 'رفع ملفات إلى الأرشيف'),
    el('p', { class: 'muted' }, 'صفحات HTML، نصوص منسوخة، ملفات صحفية مجمّعة، خلاصات RSS/Atom، JSON، أو ملفات zip/gz منها.'),
    el('label', { for: 'u-token' }, 'رمز الكتابة (malaf token create)'), tok,
    el('label', { for: 'u-files' }, 'الملفات'), files,
    el('label', { for: 'u-paste' }, 'نص ملصق'), paste,
    el('p', {}, el('button', { type: 'button', onclick: go }, 'ارفع وعالج')), bar, status);
}

function viewHome() {
  viewSearch(new URLSearchParams());
}

// ---------- router ----------
async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const section = parts[0] || 'search';
  for (const a of document.querySelectorAll('header nav a')) {
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  try {
    if (section === 'search') await viewSearch(params);
    else if (section === 'article' && parts[1]) await viewArticle(parts[1]);
    else if (section === 'stories') await viewStories();
    else if (section === 'story' && parts[1]) await viewStory(parts[1]);
    else if (section === 'timeline') await viewTimeline(params);
    else if (section === 'dossier') viewDossier();
    else if (section === 'upload') viewUpload();
    else viewHome();
  } catch (e) { show(errorBox(e.message)); }
}
window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', () => {
  updateCount();
  route();
  api('/health').then((h) => { document.getElementById('archive-info').textContent = `الأرشيف: ${h.articles} مقالة · malaf ${h.version}`; }).catch(() => {});
});
