// The npm package in a real browser (Debian's chromium, headless, driven by playwright-core):
// a plain <script type="module"> page imports the package's browser entry, without a bundler,
// and runs every policy vector in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.html': 'text/html' };
const PAGE = `<!doctype html><meta charset="utf-8"><title>chpass</title>
<script type="module">
  import * as chpass from '/bindings-wasm/pkg/index.web.js';
  import { checkCase } from '/js-tests/test/policy-check.mjs';
  // zxcvbn's dictionaries and the passphrase words are not downloaded until asked for
  const before = (fn) => { try { fn(); return 'no error'; } catch (err) { return [err.constructor.name, err.code]; } };
  const passphrase = () => chpass.generate(chpass.Policy.preset('nist-800-63b'), { mode: 'passphrase', separator: ' ' });
  const unloaded = {
    strength: before(() => chpass.strength('password')),
    opensearch: before(() => chpass.Policy.preset('opensearch')),
    passphrase: before(passphrase),
    fetched: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
  };
  await Promise.all([chpass.loadStrength(), chpass.loadStrength()]);
  await Promise.all([chpass.loadWordList(), chpass.loadWordList()]);
  unloaded.after = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
  const generated = passphrase();
  unloaded.words = generated.password.split(' ').length;
  unloaded.entropy = generated.entropy_bits;
  const { cases } = await (await fetch('/core/tests/vectors/policy.json')).json();
  const failures = cases.map((c) => [c.name, checkCase(chpass, c)]).filter(([, why]) => why);
  const report = chpass.validate('password', chpass.Policy.preset('nist-800-63b'));
  // the transport in the browser: fetch to this page's own origin
  const client = new chpass.Client();
  const change = (password) => ({ operation: 'elasticsearch.change_password', base_url: location.origin,
    password, auth: { basic: { username: 'jack', password: 'old-secret' } } });
  const sent = await client.execute(change('n3w-Passw0rd'));
  let refused;
  try { await client.execute(change('wrong')); } catch (err) {
    refused = { name: err.constructor.name, code: err.code, isChpass: err instanceof chpass.ChpassError };
  }
  window.result = { unloaded, total: cases.length, failures, codes: report.violations.map((v) => v.code), sent, refused };
  document.body.textContent = JSON.stringify(window.result);
</script><body>running</body>`;

let server;
let browser;
let origin;

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (path === '/_security/user/_password') {
      // a tiny Elasticsearch: the password "wrong" gets the 401 of a wrong current password
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const { password } = JSON.parse(Buffer.concat(chunks).toString());
      const status = password === 'wrong' ? 401 : 200;
      const body = status === 200 ? {} : { error: { reason: 'unable to authenticate user [jack]' }, status: 401 };
      return res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    const file = normalize(join(ROOT, decodeURIComponent(path)));
    if (!file.startsWith(ROOT)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('every policy vector, and a change through fetch, in headless Chromium', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(origin + '/');
  await page.waitForFunction(() => window.result || document.body.textContent !== 'running', null, { timeout: 60_000 });
  const result = await page.evaluate(() => window.result);
  assert.deepEqual(errors, []);
  const notLoaded = ['ConfigurationError', 'strength_dictionaries_not_loaded'];
  assert.deepEqual(result.unloaded.strength, notLoaded);
  assert.deepEqual(result.unloaded.opensearch, notLoaded);
  assert.deepEqual(result.unloaded.passphrase, ['ConfigurationError', 'word_list_not_loaded']);
  assert.ok(result.unloaded.fetched.some((p) => p.endsWith('.wasm')), result.unloaded.fetched.join());
  // zxcvbn's estimator is a wasm module of its own, downloaded with its dictionaries
  const onDemand = ['/bindings-wasm/pkg/strength-data.js', '/bindings-wasm/pkg/web/strength/chpass_strength_wasm.js',
    '/bindings-wasm/pkg/web/strength/chpass_strength_wasm_bg.wasm', '/bindings-wasm/pkg/word-list.js'];
  for (const data of onDemand) {
    assert.ok(!result.unloaded.fetched.includes(data), `${data} was downloaded before it was asked for`);
    assert.equal(result.unloaded.after.filter((p) => p === data).length, 1, `${data} downloaded once`);
  }
  assert.equal(result.unloaded.words, 6);
  assert.equal(result.unloaded.entropy, 6 * Math.log2(7776));
  assert.ok(result.total >= 150);
  assert.deepEqual(result.failures, []);
  assert.deepEqual(result.codes, ['too_short', 'common_password']);
  assert.deepEqual(result.sent, { outcome: 'password_changed' });
  assert.deepEqual(result.refused, { name: 'InvalidCurrentPasswordError', code: 'invalid_current_password', isChpass: true });
  const shots = fileURLToPath(new URL('../artifacts/', import.meta.url));
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'browser-vectors.png') });
});
