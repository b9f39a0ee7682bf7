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

test("docs/web.md's page sizes are bench/results/web.json's", async () => {
  const { webTable } = await import('../../bench/web-table.mjs');
  const measured = JSON.parse(readFileSync(new URL('../../bench/results/web.json', import.meta.url), 'utf8'));
  const shown = /<!-- web.json -->\n([\s\S]*?)\n<!-- \/web.json -->/.exec(readme)?.[1];
  assert.equal(shown, webTable(measured), 'run `node bench/web.mjs` and copy its table into docs/web.md');
});

test("docs/strength.md's worst cases are bench/results/worst.json's", async () => {
  const { worstTable } = await import('../../bench/worst-table.mjs');
  const measured = JSON.parse(readFileSync(new URL('../../bench/results/worst.json', import.meta.url), 'utf8'));
  const shown = /<!-- worst.json -->\n([\s\S]*?)\n<!-- \/worst.json -->/.exec(readme)?.[1];
  assert.equal(shown, worstTable(measured), 'run `node bench/worst.mjs` and copy its table into docs/strength.md');
  assert.ok(measured.strength_bound_met, 'an estimate was slower than 10 ms per 100 units');
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
