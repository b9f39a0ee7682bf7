// What a coarser rank costs (issue 30): each dictionary cut into buckets of ranks
// [r, base * r) and sorted within a bucket, so gzip finds shared prefixes, while the estimator
// reads a word's position as its rank. Score agreement with zxcvbn 4.4.2 on the project's
// 5,000-password corpus, beside the gzipped size of the dictionaries, per base. Writes
// bench/results/strength-rank.json. Run scripts/build.sh first.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const require = createRequire(new URL('../js-tests/package.json', import.meta.url));
const [, , base] = process.argv;

if (base) {
  // one base per process: the estimator installs its dictionaries once
  const { corpus } = await import(new URL('../js-tests/test/support/strength-corpus.mjs', import.meta.url));
  const zxcvbn = require('zxcvbn');
  const pkg = new URL('../bindings-wasm/pkg/lib/', import.meta.url);
  const { default: data } = await import(new URL('strength-data.js', pkg));
  const wasm = await import(new URL('wasm/chpass_strength_wasm.js', pkg));
  const { wasmBytes } = await import(new URL('load.js', pkg));
  const { default: packed } = await import(new URL('wasm/chpass_strength_wasm.bytes.js', pkg));
  await wasm.default({ module_or_path: wasmBytes(packed) });
  const text = data
    .split('# ')
    .slice(1)
    .map((section) => {
      const [name, ...words] = section.split('\n').filter(Boolean);
      const out = [];
      for (let start = 0; start < words.length; ) {
        const end = Math.min(words.length, Math.max(start + 1, Math.floor((start + 1) * Number(base))));
        out.push(...words.slice(start, end).sort());
        start = end;
      }
      return `# ${name}\n${out.join('\n')}\n`;
    })
    .join('');
  wasm.installStrengthDictionaries(text);
  const passwords = corpus(5000);
  const same = passwords.filter((p) => wasm.strength(p).score === zxcvbn(p).score).length;
  console.log(JSON.stringify({ base: Number(base), gzip: gzipSync(text, { level: 9 }).length, score_agreement: same / passwords.length }));
} else {
  const rows = ['1', '1.05', '1.1', '1.25', '1.5', '2', '4'].map((b) =>
    JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, b], { encoding: 'utf8' })),
  );
  const result = {
    benchmark: "zxcvbn's dictionaries with ranks coarsened to buckets [r, base*r): gzip -9 bytes and score agreement with zxcvbn 4.4.2 (5,000-password corpus)",
    rows,
  };
  writeFileSync(new URL('results/strength-rank.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
}
