// The published shape of the npm package: `npm pack`, install the tarball in a scratch project
// per environment (nothing is fetched: the tarball has no dependencies), and run a smoke test
// there: Node ESM, Node CommonJS, a Vite 7 build in Chromium, vitest 3, and a plain
// <script type="module"> page without a bundler.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/chromium.mjs';

const HERE = fileURLToPath(new URL('../', import.meta.url));
const SCRATCH = join(HERE, '.scratch');
const PKG = fileURLToPath(new URL('../../bindings-wasm/pkg/', import.meta.url));
const BIN = (name) => join(HERE, 'node_modules', '.bin', name);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// what every environment checks: the verdict, a hash that verifies, a typed error, the worker
const SMOKE = `
  const report = chpass.validate('password', chpass.Policy.preset('nist-800-63b', {}));
  const stored = chpass.hash('correct horse battery', { algorithm: 'bcrypt', cost: 4 });
  let error;
  try { chpass.verify('x', 'nonsense'); } catch (e) { error = { name: e.name, code: e.code, typed: e instanceof chpass.MalformedHashError }; }
  const asyncHash = await chpass.hashAsync('correct horse battery', { algorithm: 'argon2id', memory_kib: 1024 });
  await chpass.loadStrength();
  await chpass.loadWordList();
  const result = { codes: report.violations.map((v) => v.code), verified: chpass.verify('correct horse battery', stored),
    error, asyncVerified: await chpass.verifyAsync('correct horse battery', asyncHash),
    score: chpass.strength('Tr0ub4dour&3').score,
    similar: chpass.validate('456Some_uSer_Name_1234', chpass.Policy.preset('opensearch'), { username: 'some_user_name' })
      .violations.map((v) => v.code),
    words: chpass.generate(chpass.Policy.preset('nist-800-63b'), { mode: 'passphrase', separator: ' ' }).password.split(' ').length };`;
const EXPECTED = {
  codes: ['too_short', 'common_password'],
  verified: true,
  error: { name: 'MalformedHashError', code: 'malformed_hash', typed: true },
  asyncVerified: true,
  score: 2,
  similar: ['similar_to_username'],
  words: 6,
};

let tarball;
let browser;

function project(name, files) {
  const dir = join(SCRATCH, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `smoke-${name}`, private: true, type: 'module' }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], dir);
  return dir;
}

function serve(root) {
  const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(root, decodeURIComponent(path === '/' ? '/index.html' : path)));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function resultInChromium(root) {
  const server = await serve(root);
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.result, null, { timeout: 60_000 });
    assert.deepEqual(errors, []);
    return await page.evaluate(() => window.result);
  } finally {
    server.close();
  }
}

before(async () => {
  mkdirSync(SCRATCH, { recursive: true });
  const name = run('npm', ['pack', PKG, '--pack-destination', SCRATCH, '--silent'], HERE).trim().split('\n').pop();
  tarball = join(SCRATCH, name);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(SCRATCH, { recursive: true, force: true });
});

test('the tarball holds the entry points and nothing from the build tree', () => {
  const listing = run('tar', ['-tzf', tarball], HERE).split('\n').filter(Boolean).sort();
  for (const file of ['package/index.node.cjs', 'package/index.node.mjs', 'package/index.web.js', 'package/index.d.ts',
    'package/worker.node.cjs', 'package/worker.web.js', 'package/node/chpass_wasm_bg.wasm', 'package/web/chpass_wasm_bg.wasm',
    'package/node/strength/chpass_strength_wasm_bg.wasm', 'package/web/strength/chpass_strength_wasm_bg.wasm',
    'package/strength-data.js', 'package/word-list.js']) {
    assert.ok(listing.includes(file), `${file} missing from ${listing.join(', ')}`);
  }
  assert.ok(!listing.some((f) => f.includes('.rs') || f.includes('target/')));
});

test('Node ESM (import)', () => {
  const dir = project('node-esm', { 'smoke.mjs': `import * as chpass from 'chpass';\n${SMOKE}\nconsole.log(JSON.stringify(result));` });
  assert.deepEqual(JSON.parse(run(process.execPath, ['smoke.mjs'], dir)), EXPECTED);
});

test('Node CommonJS (require)', () => {
  const dir = project('node-cjs', {
    'smoke.cjs': `const chpass = require('chpass');\n(async () => {${SMOKE}\nconsole.log(JSON.stringify(result)); })();`,
  });
  assert.deepEqual(JSON.parse(run(process.execPath, ['smoke.cjs'], dir)), EXPECTED);
});

test('a Vite 7 build in Chromium, and vitest 3', async () => {
  const dir = project('vite', {
    'index.html': '<!doctype html><meta charset="utf-8"><script type="module" src="/main.js"></script>',
    'main.js': `import * as chpass from 'chpass';\n${SMOKE}\nwindow.result = result;`,
    'vite.config.js': "export default { build: { target: 'esnext' }, worker: { format: 'es' }, logLevel: 'error' };",
    'smoke.test.js': `import { test, expect } from 'vitest';\nimport * as chpass from 'chpass';\ntest('smoke', async () => {${SMOKE}\nexpect(result).toEqual(${JSON.stringify(EXPECTED)}); });`,
  });
  run(process.execPath, [BIN('vite').replace(/\.bin\/vite$/, 'vite/bin/vite.js'), 'build'], dir);
  // the dictionaries and the word list are chunks of their own, which the entry only imports dynamically (the
  // worker's bundle gets its copy, never loaded: it only hashes)
  const assets = join(dir, 'dist', 'assets');
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const entry = readFileSync(join(dir, 'dist', 'index.html'), 'utf8').match(/assets\/([^"]+\.js)/)[1];
  const text = (f) => readFileSync(join(assets, f), 'utf8');
  assert.ok(entry.startsWith('index-'), entry);
  for (const [marker, chunk] of [['# passwords', 'strength-data-'], ['abdomen', 'word-list-']]) {
    const own = chunks.filter((f) => f.startsWith(chunk));
    assert.ok(own.length > 0 && own.every((f) => text(f).includes(marker)), `${chunk}: ${chunks.join()}`);
    assert.ok(!text(entry).includes(marker), `the entry holds ${chunk}`);
  }
  // so is zxcvbn's estimator, a wasm module of its own
  const wasms = readdirSync(assets).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasms.length, 2, wasms.join());
  const estimator = wasms.find((f) => f.startsWith('chpass_strength_wasm_bg'));
  assert.ok(estimator && !text(entry).includes(estimator), `the entry loads the estimator: ${wasms.join()}`);
  assert.ok(chunks.some((f) => f !== entry && text(f).includes(estimator)), `no chunk loads the estimator: ${chunks.join()}`);
  assert.deepEqual(await resultInChromium(join(dir, 'dist')), EXPECTED);
  const out = run(process.execPath, [BIN('vitest').replace(/\.bin\/vitest$/, 'vitest/vitest.mjs'), 'run', '--reporter=dot'], dir);
  assert.match(out, /1 passed/);
});

test('a plain <script type="module"> page, no bundler', async () => {
  const dir = project('plain', {
    'index.html': `<!doctype html><meta charset="utf-8"><script type="module">
      import * as chpass from './node_modules/chpass/index.web.js';\n${SMOKE}\nwindow.result = result;</script>`,
  });
  assert.deepEqual(await resultInChromium(dir), EXPECTED);
});
