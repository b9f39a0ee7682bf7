// tsc --noEmit --strict on a typed usage file, so index.d.ts cannot drift from use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';

test('the declarations of every entry type-check a strict usage file', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const file = fileURLToPath(new URL('./typed-usage.ts', import.meta.url));
  const run = spawnSync(process.execPath, [
    tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--skipLibCheck', 'false', file,
  ], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

// The package's own JavaScript, checked by tsc --checkJs --strict: each entry's functions are
// typed by its declarations (`@type {typeof import('./index.js').validate}`), so the JS and
// the .d.ts cannot disagree; wasm-bindgen's glue is typed by the declarations it writes.
test("the package's JavaScript type-checks strictly against its declarations", () => {
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/bin/tsc');
  const pkg = fileURLToPath(new URL('../../bindings-wasm/pkg/', import.meta.url));
  const types = fileURLToPath(new URL('../node_modules/@types/', import.meta.url));
  const sources = ['index.js', 'client.js', 'hash.js', 'hash.node.js', 'hash-worker.js', 'strength.js', ...readdirSync(new URL('lib/', `file://${pkg}`)).filter((f) => f.endsWith('.js')).map((f) => `lib/${f}`)];
  const run = spawnSync(process.execPath, [
    tsc, '--noEmit', '--allowJs', '--checkJs', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', types, ...sources,
  ], { encoding: 'utf8', cwd: pkg });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
