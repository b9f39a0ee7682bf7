// Every ```js block of the README and of docs/ runs, so the examples cannot rot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const docs = new URL('../../docs/', import.meta.url);
const pages = [new URL('../../README.md', import.meta.url), ...readdirSync(docs).filter((f) => f.endsWith('.md')).sort().map((f) => new URL(f, docs))];
const readme = pages.map((page) => readFileSync(page, 'utf8')).join('\n');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the README has JavaScript examples', () => assert.ok(blocks.length >= 1));

blocks.forEach((code, i) => {
  test(`README js example ${i + 1}`, () => {
    // written inside js-tests so that `import 'chpass'` resolves to the built package
    const file = fileURLToPath(new URL(`./.readme-example-${i}.mjs`, import.meta.url));
    writeFileSync(file, code);
    try {
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    } finally {
      rmSync(file, { force: true });
    }
  });
});

// Every figure table of the guides is made from a bench result by a function of bench/: the
// page shows exactly what the function makes of the file, so no figure is written by hand.
const TABLES = [
  // [the page's marks, the result file, bench/'s module, its function, the command that writes the file]
  ['web.json', 'web', 'web-table.mjs', 'webTable', 'node bench/web.mjs'],
  ['targets (web.json)', 'web', 'web-table.mjs', 'targetsTable', 'node bench/web.mjs'],
  ['wasm-breakdown.json', 'wasm-breakdown', 'wasm-breakdown-table.mjs', 'breakdownTable', 'node bench/wasm-breakdown.mjs'],
  ['strength-rank.json', 'strength-rank', 'strength-rank-table.mjs', 'strengthRankTable', 'node bench/strength_rank.mjs'],
  ['worst.json', 'worst', 'worst-table.mjs', 'worstTable', 'node bench/worst.mjs'],
  ['limits (worst.json)', 'worst', 'limits-table.mjs', 'limitsTable', 'node bench/worst.mjs'],
  ['hash.json', 'hash', 'hash-table.mjs', 'hashTable', 'bash bench/hash.sh'],
  ['strength.json', 'strength', 'strength-table.mjs', 'strengthTable', 'node bench/strength.mjs'],
  ['regex.json', 'regex', 'regex-table.mjs', 'regexTable', '.venv/bin/python bench/regex.py'],
  ['fuzz.json', 'fuzz', 'fuzz-table.mjs', 'fuzzTable', 'scripts/fuzz.sh'],
];
for (const [marks, name, module, make, command] of TABLES) {
  test(`the guides' "${marks}" table is bench/results/${name}.json's`, async () => {
    const table = (await import(`../../bench/${module}`))[make];
    const measured = JSON.parse(readFileSync(new URL(`../../bench/results/${name}.json`, import.meta.url), 'utf8'));
    const escaped = marks.replace(/[()]/g, '\\$&');
    const shown = new RegExp(`<!-- ${escaped} -->\\n([\\s\\S]*?)\\n<!-- /${escaped} -->`).exec(readme)?.[1];
    assert.equal(shown, table(measured), `after \`${command}\`, put bench/${module}'s table of the new file between the "${marks}" marks`);
  });
}

test('every strength estimate was within 10 ms per 100 units (bench/results/worst.json)', () => {
  const measured = JSON.parse(readFileSync(new URL('../../bench/results/worst.json', import.meta.url), 'utf8'));
  assert.ok(measured.strength_bound_met);
});

test('every relative link of the README and docs/ leads to a file', async () => {
  const { existsSync } = await import('node:fs');
  const missing = [];
  for (const page of pages) {
    for (const [, target] of readFileSync(page, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target) || target.startsWith('api/')) continue; // api/: the generated references, checked by scripts/docs.sh
      if (!existsSync(new URL(target, page))) missing.push(`${page.pathname.split('/').slice(-2).join('/')}: ${target}`);
    }
  }
  assert.deepEqual(missing, []);
});
