// The npm package in a real browser (Debian's chromium, headless, driven by playwright-core):
// a plain <script type="module"> page imports the package's entry points, without a bundler,
// checks which files each ready() downloads, and runs every policy vector in the page.
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
  import * as main from '/bindings-wasm/pkg/index.js';
  import * as client from '/bindings-wasm/pkg/client.js';
  import * as strength from '/bindings-wasm/pkg/strength.js';
  import { checkCase } from '/js-tests/test/policy-check.mjs';
  const fetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
  const refused = (fn) => { try { fn(); return 'no error'; } catch (err) { return [err.constructor.name, err.code]; } };
  const passphrase = () => main.generate(main.Policy.preset('nist-800-63b'), { mode: 'passphrase', separator: ' ' });
  // nothing but the entries' small JS before ready(); then each entry's own parts, once
  const stages = { imported: fetched(), notReady: refused(() => main.validate('pw', {})) };
  await Promise.all([main.ready(), main.ready()]);
  stages.main = fetched();
  stages.strength = refused(() => main.Policy.preset('opensearch'));
  stages.passphrase = refused(passphrase);
  await Promise.all([strength.ready(), strength.ready(), main.loadWordList(), main.loadWordList()]);
  stages.loaded = fetched();
  const generated = passphrase();
  stages.words = generated.password.split(' ').length;
  stages.entropy = generated.entropy_bits;
  const chpass = { ...main, ...strength };
  const { cases } = await (await fetch('/core/tests/vectors/policy.json')).json();
  const failures = cases.map((c) => [c.name, checkCase(chpass, c)]).filter(([, why]) => why);
  const report = main.validate('password', main.Policy.preset('nist-800-63b'));
  // the transport in the browser: fetch to this page's own origin
  await client.ready();
  const sender = new client.Client();
  const change = (password) => ({ operation: 'elasticsearch.change_password', base_url: location.origin,
    password, auth: { basic: { username: 'jack', password: 'old-secret' } } });
  const sent = await sender.execute(change('n3w-Passw0rd'));
  let wrong;
  try { await sender.execute(change('wrong')); } catch (err) {
    wrong = { name: err.constructor.name, code: err.code, isChpass: err instanceof main.ChpassError };
  }
  window.result = { stages, total: cases.length, failures, codes: report.violations.map((v) => v.code), sent, wrong };
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
  const { stages } = result;
  const pkg = (files) => files.filter((p) => p.startsWith('/bindings-wasm/pkg/')).map((p) => p.slice('/bindings-wasm/pkg/'.length));
  assert.ok(!pkg(stages.imported).some((f) => f.includes('.bytes.') || f.includes('-data') || f.includes('word-list')), stages.imported.join());
  assert.deepEqual(stages.notReady, ['NotReadyError', 'not_ready']);
  const mainParts = pkg(stages.main).filter((f) => !pkg(stages.imported).includes(f));
  assert.deepEqual(mainParts, ['lib/wasm/chpass_wasm.bytes.js']);
  assert.deepEqual(stages.strength, ['ConfigurationError', 'strength_dictionaries_not_loaded']);
  assert.deepEqual(stages.passphrase, ['ConfigurationError', 'word_list_not_loaded']);
  const later = pkg(stages.loaded).filter((f) => !pkg(stages.main).includes(f)).sort();
  assert.deepEqual(later, ['lib/strength-data.js', 'lib/wasm/chpass_strength_wasm.bytes.js', 'lib/word-list.js']);
  assert.equal(stages.words, 6);
  assert.equal(stages.entropy, 6 * Math.log2(7776));
  assert.ok(result.total >= 150);
  assert.deepEqual(result.failures, []);
  assert.deepEqual(result.codes, ['too_short', 'common_password']);
  assert.deepEqual(result.sent, { outcome: 'password_changed' });
  assert.deepEqual(result.wrong, { name: 'InvalidCurrentPasswordError', code: 'invalid_current_password', isChpass: true });
  const shots = fileURLToPath(new URL('../artifacts/', import.meta.url));
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'browser-vectors.png') });
});
