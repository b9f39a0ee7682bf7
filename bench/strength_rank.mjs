// What a coarser rank costs (issue 30): each of zxcvbn's lists cut into buckets of ranks
// [r, base·r), a word's rank its place in its sorted bucket, in the coded form `chpass/meter`
// downloads (sorted, front-coded words and a bucket character each: core/src/strength/coarse.rs,
// written by `npm_data_module meter <base>`). Per base: the data module's gzip -9 and brotli
// bytes, and score agreement with zxcvbn 4.4.2 on the project's 5,000-password corpus. Base 1 is
// exact ranks in the coded form; the exact module as shipped (`strength-data.js`) is the first
// row. Writes bench/results/strength-rank.json. Run scripts/build.sh first.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const require = createRequire(new URL('../js-tests/package.json', import.meta.url));
const ROOT = new URL('..', import.meta.url).pathname;
const pkg = new URL('../bindings-wasm/pkg/lib/', import.meta.url);
const [, , base] = process.argv;
const sizes = (text) => ({
  gzip: gzipSync(text, { level: 9 }).length,
  brotli: brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

if (base) {
  // one base per process: the estimator installs its lists once
  const { corpus } = await import(new URL('../js-tests/test/support/strength-corpus.mjs', import.meta.url));
  const zxcvbn = require('zxcvbn');
  const wasm = await import(new URL('wasm/chpass_strength_wasm.js', pkg));
  const { wasmBytes } = await import(new URL('load.js', pkg));
  const { default: packed } = await import(new URL('wasm/chpass_strength_wasm.bytes.js', pkg));
  await wasm.default({ module_or_path: wasmBytes(packed) });
  let module;
  if (base === 'shipped') {
    module = readFileSync(new URL('strength-data.js', pkg), 'utf8');
    wasm.installStrengthDictionaries((await import(new URL('strength-data.js', pkg))).default);
  } else {
    module = execFileSync('cargo', ['run', '-q', '--release', '-p', 'chpass', '--example', 'npm_data_module', 'meter', base], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const text = (await import(`data:text/javascript;base64,${Buffer.from(module).toString('base64')}`)).default;
    wasm.installCoarseDictionaries(text);
  }
  const passwords = corpus(5000);
  const same = passwords.filter((p) => wasm.strength(p).score === zxcvbn(p).score).length;
  console.log(JSON.stringify({ base: base === 'shipped' ? 'exact (strength-data.js)' : Number(base), ...sizes(module), score_agreement: same / passwords.length }));
} else {
  const rows = ['shipped', '1', '1.03', '1.05', '1.07', '1.1', '1.25', '2'].map((b) =>
    JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, b], { encoding: 'utf8', maxBuffer: 1 << 26 })),
  );
  const result = {
    benchmark: "zxcvbn's lists with ranks coarsened to buckets [r, base*r), in chpass/meter's coded form: the data module's gzip -9 and brotli bytes, and score agreement with zxcvbn 4.4.2 (5,000-password corpus)",
    rows,
  };
  writeFileSync(new URL('results/strength-rank.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
}
