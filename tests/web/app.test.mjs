// Browser tests of the web app: a real `malaf serve` on a real archive built
// from examples/, driven by playwright-core in Debian's headless chromium.
// Usage: node --test app.test.mjs   (MALAF=path/to/malaf, MALAF_SOURCE=repo root)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const malaf = process.env.MALAF;
const source = process.env.MALAF_SOURCE;
const artifacts = join(source, 'tests/web/artifacts');
const CHROMIUM = process.env.MALAF_CHROMIUM || '/usr/bin/chromium';

let dir, archive, server, base, browser, token;

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(malaf, ['--archive', archive, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + err)), 20000);
    server.stderr.on('data', (d) => {
      err += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  dir = mkdtempSync(join(tmpdir(), 'malaf-web-'));
  archive = join(dir, 'archive');
  execFileSync(malaf, ['--archive', archive, 'ingest', join(source, 'examples')], { stdio: 'ignore' });
  token = execFileSync(malaf, ['--archive', archive, 'token', 'create', '--label', 'web-test']).toString().trim();
  base = await startServer();
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    // playwright gives every launch a fresh, empty --user-data-dir of its own.
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function newPage() {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'ar', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, errors };
}

test('search shows highlighted results and facets, right to left', async () => {
  const { page, errors } = await newPage();
  await page.goto(base + '/');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const box = page.getByRole('searchbox', { name: 'كلمات البحث' });
  await box.fill('المياه');
  await box.press('Enter');
  await page.waitForSelector('ol.hits li');
  assert.ok(await page.locator('ol.hits li').count() > 0);
  await page.waitForSelector('.snippet mark', { timeout: 10000 });  // snippets carry highlights
  assert.ok(await page.locator('aside.facets button').count() > 0, 'facets are shown');
  const direction = await page.evaluate(() => getComputedStyle(document.querySelector('main')).direction);
  assert.equal(direction, 'rtl');
  await page.screenshot({ path: join(artifacts, 'search.png'), fullPage: true });
  // A facet narrows the query.
  const before = await page.locator('p[role=status]').textContent();
  await page.locator('aside.facets button').first().click();
  await page.waitForFunction((b) => document.querySelector('p[role=status]')?.textContent !== b, before);
  assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /outlet:/);
  assert.deepEqual(errors, []);
});

test('open a story, add it to a dossier, reorder and download it', async () => {
  const { page, errors } = await newPage();
  await page.goto(base + '/#/stories');
  await page.waitForSelector('ul.cards li a');
  await page.locator('ul.cards li a').first().click();
  await page.waitForSelector('h2');
  await page.screenshot({ path: join(artifacts, 'story.png'), fullPage: true });
  await page.getByRole('button', { name: 'أضف كل مقالات القصة إلى الملف' }).click();
  const count = Number(await page.locator('#dossier-count').textContent());
  assert.ok(count > 0, 'the story\'s articles are picked');
  await page.goto(base + '/#/dossier');
  await page.waitForSelector('ol.builder li');
  await page.fill('#d-title', 'ملف تجريبي');
  if (count > 1) {
    const first = await page.locator('ol.builder li .title').first().textContent();
    await page.locator('ol.builder li').nth(0).getByRole('button', { name: /إلى الأسفل/ }).click();
    assert.equal(await page.locator('ol.builder li .title').nth(1).textContent(), first, 'moved down by keyboard control');
  }
  await page.screenshot({ path: join(artifacts, 'dossier-builder.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'تنزيل نص' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('ملف تجريبي\n'), 'title first');
  assert.match(text, /عناوين الملف/);
  assert.match(text, /========================/);
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'تنزيل HTML' }).click()]);
  const htmlText = readFileSync(await html.path(), 'utf8');
  assert.match(htmlText, /<html dir="rtl" lang="ar">/);
  writeFileSync(join(artifacts, 'dossier.html'), htmlText);
  assert.deepEqual(errors, []);
});

test('the HTML dossier renders right to left with working anchors', async () => {
  const { page } = await newPage();
  await page.goto('file://' + join(artifacts, 'dossier.html'));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
  const anchors = await page.locator('nav.contents a').count();
  assert.ok(anchors > 0);
  const target = await page.locator('nav.contents a').first().getAttribute('href');
  assert.equal(await page.locator(target).count(), 1, 'contents anchors point at articles');
  await page.locator('nav.contents a').first().click();
  await page.screenshot({ path: join(artifacts, 'dossier-html.png') });
});

test('upload a file with the token and find it by search', async () => {
  const { page, errors } = await newPage();
  const file = join(dir, 'upload.txt');
  writeFileSync(file, 'بعثة أممية تتفقد محطة تحلية جديدة\n\nالواحة - وكالات\nتفقدت بعثة أممية الثلاثاء محطة تحلية المياه الجديدة شرق الواحة، وقال رئيس البعثة إن "المحطة تغطي حاجة عشرين قرية".\n');
  await page.goto(base + '/#/upload');
  await page.fill('#u-token', token);
  await page.setInputFiles('#u-files', file);
  await page.getByRole('button', { name: 'ارفع وعالج' }).click();
  await page.waitForSelector('p.ok');
  assert.match(await page.locator('p.ok').textContent(), /حُفظت 1 مقالة/);
  await page.screenshot({ path: join(artifacts, 'upload.png'), fullPage: true });
  await page.goto(base + '/#/search?q=' + encodeURIComponent('محطة تحلية'));
  await page.waitForSelector('ol.hits li');
  assert.match(await page.locator('ol.hits li h3').first().textContent(), /محطة تحلية/);
  assert.deepEqual(errors, []);
});

test('a wrong token is refused in the page', async () => {
  const { page } = await newPage();
  await page.goto(base + '/#/upload');
  await page.fill('#u-token', 'x'.repeat(64));
  await page.fill('#u-paste', 'نص قصير للتجربة');
  await page.getByRole('button', { name: 'ارفع وعالج' }).click();
  await page.waitForSelector('.error');
  assert.match(await page.locator('.error').first().textContent(), /token|رمز|صالح|valid/);
});

test('timeline chart and phone layout', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar' });
  const page = await context.newPage();
  await page.goto(base + '/#/timeline');
  await page.waitForSelector('svg.chart');
  assert.ok(await page.locator('svg.chart circle').count() > 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
  await page.screenshot({ path: join(artifacts, 'timeline-phone.png'), fullPage: true });
});
