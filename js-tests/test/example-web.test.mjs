// examples/web in headless Chromium: a small Elasticsearch stand-in on 127.0.0.1 serves the
// page and answers the change; the test types like a person and checks the checklist, the
// strength meter, the request the server received, and the message for a wrong current
// password. Saves artifacts/example-web.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE_DIR = join(ROOT, 'examples/web');
const PKG_DIR = join(ROOT, 'bindings-wasm/pkg');
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.html': 'text/html' };
const CURRENT = 'old-Secret-pw-1';
const received = [];
let server;
let browser;
let origin;

async function file(res, root, path) {
  const target = normalize(join(root, decodeURIComponent(path)));
  if (!target.startsWith(root)) return res.writeHead(403).end();
  let body;
  try {
    body = await readFile(target);
  } catch {
    return res.writeHead(404).end();
  }
  res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(body);
}

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/_security/user/_password') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const [user, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
      received.push({ method: req.method, user, body: JSON.parse(Buffer.concat(chunks).toString()) });
      if (password !== CURRENT) {
        const reason = `unable to authenticate user [${user}] for REST request [/_security/user/_password]`;
        return res.writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { root_cause: [{ type: 'security_exception', reason }], type: 'security_exception', reason }, status: 401 }));
      }
      return res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }
    if (path.startsWith('/chpass/')) return file(res, PKG_DIR, path.slice('/chpass'.length));
    return file(res, PAGE_DIR, path === '/' ? '/index.html' : path);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the change-password page: checklist, meter, generate, errors and the request', async () => {
  const page = await browser.newPage({ viewport: { width: 640, height: 760 } });
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(origin + '/');
  await page.waitForFunction(() => window.chpassReady === true, null, { timeout: 60_000 });
  const checklist = () => page.$$eval('#checklist li', (items) => items.map((li) => [li.textContent, li.classList.contains('ok')]));
  const meter = () => page.$eval('#meter-bar', (bar) => Number(bar.dataset.score));

  await page.type('#new', 'password');
  let items = Object.fromEntries(await checklist());
  assert.equal(items['At least 15 characters'], false);
  assert.equal(items['Not one of the most common passwords'], false);
  assert.equal(await meter(), 0);

  await page.fill('#new', '');
  await page.type('#new', 'jack likes long walks');
  items = Object.fromEntries(await checklist());
  assert.equal(items['At least 15 characters'], true);
  assert.equal(items['Does not contain your user name'], false);

  await page.fill('#new', '');
  await page.type('#new', 'correct horse battery staple');
  assert.ok(Object.values(Object.fromEntries(await checklist())).every(Boolean));
  assert.equal(await meter(), 4);
  assert.equal(await page.$eval('#meter-label', (e) => e.textContent), 'Very unguessable');

  await page.type('#repeat', 'correct horse battery stapl');
  assert.equal(await page.$eval('#repeat-note', (e) => e.hidden), false);
  assert.equal(await page.$eval('#submit', (e) => e.disabled), true);
  await page.type('#repeat', 'e');

  // a wrong current password: the server's 401 becomes a message for the user
  await page.type('#current', 'not-the-password');
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('status').className === 'error');
  assert.equal(await page.$eval('#status', (e) => e.textContent), 'Your current password is not right.');

  // generate, then the real change
  const typed = await page.$eval('#new', (e) => e.value);
  await page.click('#generate');
  // the first click downloads the word list
  await page.waitForFunction((typed) => document.querySelector('#new').value !== typed, typed);
  const generated = await page.$eval('#new', (e) => e.value);
  assert.ok(generated.split('-').length >= 6, generated);
  assert.equal(await page.$eval('#repeat', (e) => e.value), generated);
  await page.fill('#current', CURRENT);
  await page.dispatchEvent('#current', 'input');
  await mkdir(fileURLToPath(new URL('../artifacts/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL('../artifacts/example-web.png', import.meta.url)) });
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('status').className === 'ok');
  assert.equal(await page.$eval('#status', (e) => e.textContent), 'Your password has been changed.');

  const last = received.at(-1);
  assert.deepEqual(last, { method: 'PUT', user: 'jack', body: { password: generated } });
  assert.equal(received.length, 2, 'one refused and one accepted request, nothing else');
  assert.deepEqual(errors, []);
});
