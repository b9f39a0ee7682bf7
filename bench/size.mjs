// What a browser downloads from the npm package, gzipped (level 9) and brotli'd, against the
// targets of issue 7. Writes bench/results/size.json. Run scripts/build.sh first.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const pkg = new URL('../bindings-wasm/pkg/', import.meta.url);
const KB = 1000;
function sizes(files) {
  const each = Object.fromEntries(
    files.map((file) => {
      const bytes = readFileSync(new URL(file, pkg));
      const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      return [file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli.length }];
    }),
  );
  const total = (key) => Object.values(each).reduce((sum, s) => sum + s[key], 0);
  return { files: each, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

// the page's import graph without strength: the entry, the API, wasm-bindgen's glue, the wasm
const base = sizes(['index.web.js', 'api.js', 'web/chpass_wasm.js', 'web/chpass_wasm_bg.wasm']);
// loadStrength() adds zxcvbn's estimator (a wasm module and its glue) and dictionaries,
// loadWordList() one module; hashAsync() one worker script (the wasm comes from the cache)
const strength = sizes(['web/strength/chpass_strength_wasm.js', 'web/strength/chpass_strength_wasm_bg.wasm', 'strength-data.js']);
const wordList = sizes(['word-list.js']);
const worker = sizes(['worker.web.js']);
const result = {
  benchmark: 'bytes a browser downloads from the npm package (gzip -9; brotli q11 for reference)',
  date: new Date().toISOString().slice(0, 19) + 'Z',
  without_strength: { ...base, target_gzip: 150 * KB, meets_target: base.gzip <= 150 * KB },
  strength_module: strength,
  with_strength: {
    gzip: base.gzip + strength.gzip,
    brotli: base.brotli + strength.brotli,
    target_gzip: 350 * KB,
    meets_target: base.gzip + strength.gzip <= 350 * KB,
  },
  word_list_module: wordList,
  async_worker: worker,
};
writeFileSync(new URL('results/size.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
