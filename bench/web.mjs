// Issue 30's reference pages, each built by Vite 7 with no configuration in one run beside the
// page a peer gives for the same job: the bytes of every file the browser fetched (gzip -9 and
// brotli q11, as served by a static host) and the time to ready in headless Chromium (median of
// seven cold loads). Writes bench/results/web.json. Run scripts/build.sh first.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const TESTS = fileURLToPath(new URL('../js-tests/', import.meta.url));
const require = createRequire(join(TESTS, 'package.json'));
const { build } = await import(pathToFileURL(require.resolve('vite')).href);
const { launchChromium } = await import(pathToFileURL(join(TESTS, 'test/support/chromium.mjs')).href);
const { serveStatic } = await import(pathToFileURL(join(TESTS, 'test/support/static.mjs')).href);
const WORK = join(TESTS, '.bench-web'); // inside js-tests, so the pages resolve its node_modules
const COMMON = readFileSync(new URL('../core/data/common-passwords.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
const LOADS = 7;

// Each page sets window.ready once it can answer, and window.result with what it answered.
const mark = "window.ready = performance.now();";
const PAGES = {
  'validate (chpass)': {
    'main.js': `import { ready, Policy, validate } from 'chpass';
await ready();
const keystone = new Policy({ pattern: { regex: '^(?=.*\\\\d)(?=.*[a-zA-Z]).{7,}$', dialect: 'python_re_match' } });
window.result = [validate('password', Policy.preset('nist-800-63b')).ok, validate('abcdefgh', keystone).ok];
${mark}`,
  },
  'validate (password-validator 5.3.0 and the same 3,000 common passwords)': {
    'common.js': `export default ${JSON.stringify(COMMON)};`,
    'main.js': `import PasswordValidator from 'password-validator';
import common from './common.js';
const schema = new PasswordValidator().is().min(15).is().not().oneOf(common);
const keystone = new PasswordValidator().has(/^(?=.*\\d)(?=.*[a-zA-Z]).{7,}$/);
window.result = [schema.validate('password'), keystone.validate('abcdefgh')];
${mark}`,
  },
  'strength meter (chpass/meter)': {
    'main.js': `import { ready, strength } from 'chpass/meter';
await ready();
window.result = strength('Tr0ub4dour&3').score;
${mark}`,
  },
  'strength meter (zxcvbn 4.4.2)': {
    'main.js': `import zxcvbn from 'zxcvbn';
window.result = zxcvbn('Tr0ub4dour&3').score;
${mark}`,
  },
  'exact strength, as policies use it (chpass/strength)': {
    'main.js': `import { ready, strength } from 'chpass/strength';
await ready();
window.result = strength('Tr0ub4dour&3').score;
${mark}`,
  },
  'argon2id in a worker (chpass/hash)': {
    'main.js': `import { hashAsync } from 'chpass/hash';
window.result = (await hashAsync('pw', { algorithm: 'argon2id', memory_kib: 19456, iterations: 2 })).slice(0, 30);
${mark}`,
  },
  'argon2id in a worker (hash-wasm 4.13.0)': {
    'worker.js': `import { argon2id } from 'hash-wasm';
self.onmessage = async () => self.postMessage(await argon2id({ password: 'pw', salt: crypto.getRandomValues(new Uint8Array(16)),
  parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32, outputType: 'encoded' }));`,
    'main.js': `const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
window.result = await new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data.slice(0, 30)); worker.postMessage(0); });
${mark}`,
  },
  'the change-password page of examples/web (chpass)': { example: true },
};

function build1(name, files) {
  const dir = join(WORK, name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (files.example) {
    cpSync(new URL('../examples/web/', import.meta.url), dir, { recursive: true });
    // the example imports the package from ./chpass/; a bundler takes it from the package
    const app = readFileSync(join(dir, 'app.js'), 'utf8').replaceAll("'./chpass/index.js'", "'chpass'")
      .replaceAll("'./chpass/strength.js'", "'chpass/strength'").replaceAll("'./chpass/client.js'", "'chpass/client'");
    writeFileSync(join(dir, 'app.js'), app.replace("window.chpassReady = true;", `window.chpassReady = true; window.result = true; ${mark}`));
  } else {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>page</title><script type="module" src="/main.js"></script>');
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  }
  return build({ root: dir, logLevel: 'error', configFile: false }).then(() => join(dir, 'dist'));
}

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launchChromium();
const pages = {};
try {
  for (const [name, sources] of Object.entries(PAGES)) {
    const root = await build1(name, sources);
    const served = new Set();
    const server = await serveStatic(root, { served });
    const times = [];
    let result;
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext(); // a cold cache every load
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(() => window.ready !== undefined, null, { timeout: 60_000 });
      [result] = [await page.evaluate(() => window.result)];
      times.push(await page.evaluate(() => window.ready));
      await context.close();
    }
    server.close();
    const files = Object.fromEntries([...served].sort().map((file) => {
      const bytes = readFileSync(file);
      return [file.slice(root.length + 1), { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) }];
    }));
    const total = (key) => Object.values(files).reduce((sum, f) => sum + f[key], 0);
    pages[name] = { gzip: total('gzip'), brotli: total('brotli'), raw: total('raw'), ready_ms: +median(times).toFixed(1), result, files };
    console.log(`${name}: ${(total('gzip') / 1000).toFixed(1)} KB gzip, ${(total('brotli') / 1000).toFixed(1)} KB brotli, ready in ${median(times).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  rmSync(WORK, { recursive: true, force: true });
}

// the meter's score agreement with zxcvbn 4.4.2 on the project's corpus
// (js-tests/test/support/strength-corpus.mjs); this process loads no exact lists
const { corpus } = await import(pathToFileURL(join(TESTS, 'test/support/strength-corpus.mjs')).href);
const ours = require('chpass/meter');
await ours.ready();
const zxcvbn = require('zxcvbn');
const passwords = corpus(5000);
const agreement = passwords.filter((p) => ours.strength(p).score === zxcvbn(p).score).length / passwords.length;

const KB = 1000;
const page = (name) => pages[name];
const validate = page('validate (chpass)');
const meter = page('strength meter (chpass/meter)');
const zx = page('strength meter (zxcvbn 4.4.2)');
const result = {
  benchmark: 'reference pages built by Vite 7 with no configuration: every file the browser fetched (gzip -9, brotli q11) and time to ready in headless Chromium (median of 7 cold loads), beside a peer page for the same job, in one run',
  date: new Date().toISOString().slice(0, 19) + 'Z',
  targets: {
    validate_gzip: { target: 100 * KB, measured: validate.gzip, met: validate.gzip <= 100 * KB },
    strength_gzip_vs_zxcvbn: { target: zx.gzip, measured: meter.gzip, met: meter.gzip <= zx.gzip },
    strength_brotli_vs_zxcvbn: { target: zx.brotli, measured: meter.brotli, met: meter.brotli <= zx.brotli },
    strength_score_agreement: { target: 0.995, measured: agreement, met: agreement >= 0.995 },
  },
  pages,
};
// an unmet target: by how much, and where the design that would meet it is written
for (const target of Object.values(result.targets)) {
  if (target.met) continue;
  target.gap = +Math.abs(target.measured - target.target).toFixed(4);
  target.what_it_would_take = 'docs/performance.md, "The web targets"';
}
writeFileSync(new URL('results/web.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result.targets, null, 2));
const { webTable } = await import('./web-table.mjs');
console.log(`\nThe README's table (between its <!-- web.json --> marks):\n\n${webTable(result)}`);
