// The published package as people install it: `npm pack`, the tarball installed in a scratch
// project per environment (nothing is fetched: it has no dependencies), and no configuration of
// chpass anywhere: Node ESM and CommonJS, Vitest, the Vite 7 dev server and build (also with
// `build.target: 'es2020'`), webpack 5 and Rspack, esbuild, Rollup with node-resolve, Parcel 2, and
// a static page.
// Each browser page runs in Chromium; the test asserts which of the package's parts it fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './support/chromium.mjs';
import { serveStatic } from './support/static.mjs';

const HERE = fileURLToPath(new URL('../', import.meta.url));
const SCRATCH = join(HERE, '.scratch');
const PKG = fileURLToPath(new URL('../../bindings-wasm/pkg/', import.meta.url));
const MODULES = join(HERE, 'node_modules');
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const node = (script, args, cwd) => run(process.execPath, [join(MODULES, script), ...args], cwd);

// Node: every entry point, each readied
const SMOKE = `
  const [main, hash, strength, client] = await Promise.all(['chpass', 'chpass/hash', 'chpass/strength', 'chpass/client'].map((m) => import(m)));
  await Promise.all([main.ready(), hash.ready(), strength.ready(), client.ready(), main.loadWordList()]);
  const report = main.validate('password', main.Policy.preset('nist-800-63b', {}));
  const stored = hash.hash('correct horse battery', { algorithm: 'bcrypt', cost: 4 });
  let error;
  try { hash.verify('x', 'nonsense'); } catch (e) { error = { name: e.name, code: e.code, typed: e instanceof main.MalformedHashError }; }
  const asyncHash = await hash.hashAsync('correct horse battery', { algorithm: 'argon2id', memory_kib: 1024 });
  const result = { codes: report.violations.map((v) => v.code), verified: hash.verify('correct horse battery', stored),
    error, asyncVerified: await hash.verifyAsync('correct horse battery', asyncHash),
    score: strength.strength('Tr0ub4dour&3').score,
    similar: main.validate('456Some_uSer_Name_1234', main.Policy.preset('opensearch'), { username: 'some_user_name' })
      .violations.map((v) => v.code),
    words: main.generate(main.Policy.preset('nist-800-63b'), { mode: 'passphrase', separator: ' ' }).password.split(' ').length,
    request: client.buildRequest({ operation: 'opensearch.change_own_password', base_url: 'http://127.0.0.1:9200',
      current_password: 'a', password: 'b' }).url };`;
const EXPECTED = {
  codes: ['too_short', 'common_password'],
  verified: true,
  error: { name: 'MalformedHashError', code: 'malformed_hash', typed: true },
  asyncVerified: true,
  score: 2,
  similar: ['similar_to_username'],
  words: 6,
  request: 'http://127.0.0.1:9200/_plugins/_security/api/account',
};

// Browsers: a sign-up form that validates (a preset and a custom Keystone regex), and a page
// that hashes in the worker. Both render before the wasm is there, and show a failed load.
const VALIDATE = `import { ready, Policy, validate } from 'chpass';
document.body.dataset.rendered = 'yes';
ready().then(() => {
  const keystone = new Policy({ pattern: { regex: '^(?=.*\\\\d)(?=.*[a-zA-Z]).{7,}$', dialect: 'python_re_match' } });
  window.result = {
    preset: validate('password', Policy.preset('nist-800-63b')).violations.map((v) => v.code),
    custom: validate('abcdefgh', keystone).violations.map((v) => v.code),
  };
}, (err) => { window.result = { failed: err.name + ': ' + err.message }; });
`;
const VALIDATED = { preset: ['too_short', 'common_password'], custom: ['pattern_mismatch'] };
const HASH = `import { hashAsync, verifyAsync } from 'chpass/hash';
(async () => {
  const stored = await hashAsync('pw', { algorithm: 'argon2id', memory_kib: 1024 });
  window.result = { verified: await verifyAsync('pw', stored), format: stored.split('$')[1] };
})().catch((err) => { window.result = { failed: String(err) }; });
`;
const HASHED = { verified: true, format: 'argon2id' };
const html = (script) => `<!doctype html><meta charset="utf-8"><title>chpass</title><body>page<script type="module" src="${script}"></script>`;

let tarball;
let browser;

function project(name, files) {
  const dir = join(SCRATCH, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `smoke-${name}`, private: true, type: 'module' }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], dir);
  return dir;
}

// The package's parts a page fetched: each embedded wasm module carries its name, the data
// modules start with words in an order only they have, and a message catalog starts with its
// tag and name (a bundler may write the tab, the line break and non-ASCII letters as escapes).
const MARKERS = {
  'strength-data': '# passwords\n123456\npassword\n',
  'meter-data': "#! zxcvbn 4.4.2's lists, coarse ranks\n",
  'word-list': 'abacus\nabdomen\nabdominal\n',
};
const CATALOGS = Object.fromEntries(
  ['de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt-BR', 'zh-CN'].map((tag) => {
    const { name } = JSON.parse(readFileSync(new URL(`../../core/locales/${tag}.json`, import.meta.url), 'utf8'));
    return [`locale:${tag}`, `${tag}\t${name}\n`];
  }),
);
const unescaped = (text) =>
  text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))).replace(/\\t/g, '\t').replace(/\\n/g, '\n');
function partsOf(bodies) {
  const parts = new Set();
  for (const text of bodies) {
    // (quoted once more inside webpack's development `eval` strings)
    for (const [, name] of text.matchAll(/name:\s*\\?["'](chpass_(?:\w+_)?wasm)\\?["']/g)) parts.add(name);
    const plain = unescaped(text);
    for (const [part, marker] of Object.entries(MARKERS)) if (plain.includes(marker)) parts.add(part);
    for (const [part, marker] of Object.entries(CATALOGS)) if (plain.includes(marker)) parts.add(part);
  }
  return [...parts].sort();
}

/** Opens `url`, waits for `window.result`, and returns it with the parts the page fetched. */
async function visit(url, { block } = {}) {
  const page = await browser.newPage();
  const errors = [];
  const bodies = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('response', async (response) => {
    if (/javascript/.test(response.headers()['content-type'] ?? '')) bodies.push(response.text().catch(() => ''));
  });
  if (block) await page.route(block, (route) => route.abort());
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.result, null, { timeout: 60_000 });
    const result = await page.evaluate(() => window.result);
    const rendered = await page.evaluate(() => document.body.dataset.rendered ?? null);
    return { result, rendered, errors, parts: partsOf(await Promise.all(bodies)) };
  } finally {
    await page.close();
  }
}

async function visitServed(root, path, options) {
  const server = await serveStatic(root, { headers: options?.headers });
  try {
    return await visit(`http://127.0.0.1:${server.address().port}${path}`, options);
  } finally {
    server.close();
  }
}

/** A validate page: the verdicts, no errors, and only the main module fetched. */
function assertValidatePage({ result, errors, parts }) {
  assert.deepEqual(result, VALIDATED);
  assert.deepEqual(errors, []);
  assert.deepEqual(parts, ['chpass_wasm']);
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

test('the tarball holds the entry points, their types and the embedded modules, nothing from the build tree', () => {
  const listing = run('tar', ['-tzf', tarball], HERE).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const entry of ['index', 'hash', 'client', 'strength', 'meter']) {
    assert.ok(listing.includes(`${entry}.js`) && listing.includes(`${entry}.d.ts`), entry);
  }
  for (const module of ['chpass_wasm', 'chpass_hash_wasm', 'chpass_client_wasm', 'chpass_strength_wasm']) {
    assert.ok(listing.includes(`lib/wasm/${module}.bytes.js`), module);
  }
  assert.ok(!listing.some((f) => f.endsWith('.wasm') || f.includes('.rs') || f.includes('target/')), listing.join());
});

test('no eval, new Function or vm on any path, and no top-level await in any module', () => {
  for (const file of run('tar', ['-tzf', tarball], HERE).split('\n').filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(PKG, file.replace(/^package\//, '')), 'utf8');
    assert.doesNotMatch(text, /\beval\(|new Function\b|\bFunction\(|node:vm/, file);
    // a line that starts with `await` or `const x = await` outside a function
    assert.doesNotMatch(text, /^(?:export )?(?:const [^=]+= )?await /m, file);
  }
});

test('Node ESM (import) and CommonJS (require)', () => {
  const dir = project('node', {
    'smoke.mjs': `${SMOKE}\nconsole.log(JSON.stringify(result));`,
    'smoke.cjs': `(async () => {${SMOKE.replace(/import\(m\)/, 'require(m)')}\nconsole.log(JSON.stringify(result)); })();`,
  });
  assert.deepEqual(JSON.parse(run(process.execPath, ['smoke.mjs'], dir)), EXPECTED);
  assert.deepEqual(JSON.parse(run(process.execPath, ['smoke.cjs'], dir)), EXPECTED);
});

test('Vitest', () => {
  const dir = project('vitest', {
    'smoke.test.js': `import { test, expect } from 'vitest';\ntest('smoke', async () => {${SMOKE}\nexpect(result).toEqual(${JSON.stringify(EXPECTED)}); });`,
  });
  assert.match(node('vitest/vitest.mjs', ['run', '--reporter=dot'], dir), /1 passed/);
});

test('Vite 7 build, no configuration: a validate page fetches the main module only; hashing runs in its worker', async () => {
  const validate = project('vite-validate', { 'index.html': html('/main.js'), 'main.js': VALIDATE });
  node('vite/bin/vite.js', ['build', '--logLevel', 'error'], validate);
  assertValidatePage(await visitServed(join(validate, 'dist'), '/'));
  const hash = project('vite-hash', { 'index.html': html('/main.js'), 'main.js': HASH });
  node('vite/bin/vite.js', ['build', '--logLevel', 'error'], hash);
  const hashed = await visitServed(join(hash, 'dist'), '/');
  assert.deepEqual([hashed.result, hashed.errors], [HASHED, []]);
});

// A strength meter alone: the estimator and the coarse lists, not the exact ones
const METER = `import { ready, strength } from 'chpass/meter';
ready().then(() => { window.result = strength('Tr0ub4dour&3').score; }, (err) => { window.result = { failed: String(err) }; });
`;

test('Vite 7 build: a strength meter fetches the estimator and the coarse lists only', async () => {
  const dir = project('vite-meter', { 'index.html': html('/main.js'), 'main.js': METER });
  node('vite/bin/vite.js', ['build', '--logLevel', 'error'], dir);
  const { result, errors, parts } = await visitServed(join(dir, 'dist'), '/');
  assert.deepEqual([result, errors, parts], [2, [], ['chpass_strength_wasm', 'meter-data']]);
});

// A page in the user's language: the catalogs it can load are there as chunks, and it fetches
// the one it picks
const GERMAN = `const catalogs = { de: () => import('chpass/locales/de'), fr: () => import('chpass/locales/fr') };
import { ready, Policy, validate } from 'chpass';
Promise.all([ready(), catalogs.de()]).then(() => {
  window.result = validate('kurz', Policy.preset('nist-800-63b'), { locale: 'de' }).violations.map((v) => v.message);
}, (err) => { window.result = { failed: err.name + ': ' + err.message }; });
`;

test('Vite 7 build: a page in German fetches the German catalog and no other', async () => {
  const dir = project('vite-german', { 'index.html': html('/main.js'), 'main.js': GERMAN });
  node('vite/bin/vite.js', ['build', '--logLevel', 'error'], dir);
  const { result, errors, parts } = await visitServed(join(dir, 'dist'), '/');
  assert.deepEqual([result, errors], [['Muss mindestens 15 Zeichen lang sein.'], []]);
  assert.deepEqual(parts, ['chpass_wasm', 'locale:de']);
});

test("Vite 7 build with build.target 'es2020'", async () => {
  const dir = project('vite-es2020', {
    'index.html': html('/main.js'),
    'main.js': VALIDATE,
    'vite.config.js': "export default { build: { target: 'es2020' } };",
  });
  node('vite/bin/vite.js', ['build', '--logLevel', 'error'], dir);
  assertValidatePage(await visitServed(join(dir, 'dist'), '/'));
});

test('the Vite 7 dev server, no configuration', async () => {
  const dir = project('vite-dev', {
    'index.html': html('/main.js'),
    'main.js': VALIDATE,
    'hash.html': html('/hash.js'),
    'hash.js': HASH,
  });
  const { createServer: viteServer } = await import(pathToFileURL(join(MODULES, 'vite/dist/node/index.js')).href);
  const server = await viteServer({ root: dir, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  try {
    const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
    assertValidatePage(await visit(`${origin}/`));
    const hashed = await visit(`${origin}/hash.html`);
    assert.deepEqual([hashed.result, hashed.errors], [HASHED, []]);
  } finally {
    await server.close();
  }
});

// A bundler's output: no warning of chpass's making, so a build that fails on warnings passes
// (the size hint a 300 KB module always gets is left out; under CI the tools colour their
// output, so the colours go first)
const quiet = (output) => {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  assert.doesNotMatch(plain.replace(/WARNING in[^\n]*asset size limit[^\n]*/g, ''), /WARNING|ERROR/, plain);
};

/** A bundler's validate page (into dist/) and hash page (into hash/), each built by
 *  `build(entry, outDir)` with no configuration and checked in Chromium. */
async function assertBundledPages(name, build) {
  const dir = project(name, {
    'src/index.js': VALIDATE,
    'src/hash.js': HASH,
    'dist/index.html': html('./main.js'),
    'hash/index.html': html('./main.js'),
  });
  quiet(build('./src/index.js', 'dist', dir));
  assertValidatePage(await visitServed(join(dir, 'dist'), '/'));
  quiet(build('./src/hash.js', 'hash', dir));
  const hashed = await visitServed(join(dir, 'hash'), '/');
  assert.deepEqual([hashed.result, hashed.errors], [HASHED, []]);
}

for (const mode of ['production', 'development']) {
  test(`webpack 5 ${mode} build, no configuration`, () =>
    assertBundledPages(`webpack-${mode}`, (entry, out, dir) =>
      node('webpack-cli/bin/cli.js', ['--mode', mode, '--entry', entry, '--output-path', out, '--output-filename', 'main.js'], dir)));
}

test('Rspack production build, no configuration', () =>
  assertBundledPages('rspack', (entry, out, dir) =>
    node('@rspack/cli/bin/rspack.js', ['build', '--mode', 'production', '--entry', entry, '-o', out], dir)));

test('Parcel 2 build, no configuration', async () => {
  const dir = project('parcel', { 'index.html': html('./main.js'), 'main.js': VALIDATE, 'hash.html': html('./hash.js'), 'hash.js': HASH });
  // (Parcel takes js-tests/, where the lock file is, for the project root: its cache stays in the scratch folder)
  node('parcel/lib/bin.js', ['build', 'index.html', 'hash.html', '--cache-dir', join(dir, '.parcel-cache'), '--log-level', 'error'], dir);
  assertValidatePage(await visitServed(join(dir, 'dist'), '/'));
  const hashed = await visitServed(join(dir, 'dist'), '/hash.html');
  assert.deepEqual([hashed.result, hashed.errors], [HASHED, []]);
});

test('esbuild, no configuration', async () => {
  const dir = project('esbuild', { 'main.js': VALIDATE, 'dist/index.html': html('./main.js') });
  run(join(MODULES, 'esbuild/bin/esbuild'), ['main.js', '--bundle', '--format=esm', '--minify', '--outdir=dist', '--log-level=error'], dir);
  assertValidatePage(await visitServed(join(dir, 'dist'), '/'));
});

test('Rollup with @rollup/plugin-node-resolve', async () => {
  const dir = project('rollup', {
    'main.js': VALIDATE,
    'dist/index.html': html('./main.js'),
    'rollup.config.mjs': `import { nodeResolve } from ${JSON.stringify(pathToFileURL(join(MODULES, '@rollup/plugin-node-resolve/dist/es/index.js')).href)};
export default { input: 'main.js', output: { dir: 'dist', format: 'es' }, plugins: [nodeResolve()] };`,
  });
  node('rollup/dist/bin/rollup', ['-c', '--silent'], dir);
  assertValidatePage(await visitServed(join(dir, 'dist'), '/'));
});

/** The validate and hash pages without a bundler: the package imported by its files' paths. */
const staticProject = (name) =>
  project(name, {
    'index.html': html('./main.js'),
    'main.js': VALIDATE.replace("'chpass'", "'./node_modules/chpass/index.js'"),
    'hash.html': html('./hash.js'),
    'hash.js': HASH.replace("'chpass/hash'", "'./node_modules/chpass/hash.js'"),
  });

// The README's page, as it is: the main module at once, the meter with the first keystroke.
test("the README's web page works as written", async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const [, snippet] = /```html\n([\s\S]*?)```/.exec(readme);
  const dir = project('readme-page', { 'index.html': `<!doctype html><meta charset="utf-8"><title>chpass</title>\n${snippet}` });
  const server = await serveStatic(dir);
  const page = await browser.newPage();
  const errors = [];
  const bodies = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('response', (response) => {
    if (/javascript/.test(response.headers()['content-type'] ?? '')) bodies.push(response.text().catch(() => ''));
  });
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(partsOf(await Promise.all(bodies)), ['chpass_wasm']);
    await page.fill('input', 'short');
    await page.waitForFunction(() => document.querySelector('output').value !== '', null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.querySelector('output').value), 'Must be at least 15 characters long.');
    await page.fill('input', 'correct horse battery staple');
    await page.waitForFunction(() => document.querySelector('output').value.startsWith('strength'), null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.querySelector('output').value), 'strength 4/4');
    assert.deepEqual(partsOf(await Promise.all(bodies)), ['chpass_strength_wasm', 'chpass_wasm', 'meter-data']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    server.close();
  }
});

test('a static page, no bundler: validate, hash in the worker', async () => {
  const dir = staticProject('static');
  assertValidatePage(await visitServed(dir, '/'));
  const hashed = await visitServed(dir, '/hash.html');
  assert.deepEqual([hashed.result, hashed.errors], [HASHED, []]);
});

test("CSP script-src 'self' 'wasm-unsafe-eval': validating and hashing in the worker work", async () => {
  const dir = staticProject('csp');
  const headers = { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" };
  assertValidatePage(await visitServed(dir, '/', { headers }));
  const hashed = await visitServed(dir, '/hash.html', { headers });
  assert.deepEqual([hashed.result, hashed.errors], [HASHED, []]);
  // without 'wasm-unsafe-eval' the wasm cannot compile: ready() rejects, the page still renders
  const refused = await visitServed(dir, '/', { headers: { 'content-security-policy': "script-src 'self'" } });
  assert.match(refused.result.failed, /CompileError|WebAssembly/);
  assert.equal(refused.rendered, 'yes');
});

test('a failed download rejects ready(), which the page catches; the page still renders', async () => {
  const dir = project('offline', { 'index.html': html('./main.js'), 'main.js': VALIDATE.replace("'chpass'", "'./node_modules/chpass/index.js'") });
  const page = await visitServed(dir, '/', { block: '**/chpass_wasm.bytes.js' });
  assert.match(page.result.failed, /^TypeError: .*(dynamically imported module|Failed to fetch)/);
  assert.equal(page.rendered, 'yes');
});
