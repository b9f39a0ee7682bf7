// tsc --noEmit --strict on a typed usage file, so the declarations cannot drift from use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';

// as Node resolves the package, as a bundler does (Vite's templates), and as older projects do
// (node10 ignores `exports`: the entries' declarations sit where it looks)
for (const [module, resolution] of [['nodenext', 'nodenext'], ['esnext', 'bundler'], ['commonjs', 'node10']]) {
  test(`the declarations of every entry type-check a strict usage file (moduleResolution ${resolution})`, () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const file = fileURLToPath(new URL('./typed-usage.ts', import.meta.url));
    const run = spawnSync(process.execPath, [
      tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', module, '--moduleResolution', resolution,
      '--skipLibCheck', 'false', file,
    ], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
}

// The package is written in TypeScript (bindings-wasm/js/*.ts): its declarations are what tsc
// emits from the code, not a copy beside it. The build compiles it; this holds the sources
// strict against the glue and data modules the build generated, with the build's own tsc.
test("the package's TypeScript sources type-check strictly", () => {
  const sources = fileURLToPath(new URL('../../bindings-wasm/js/', import.meta.url));
  const tsc = createRequire(sources).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', sources], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('no declaration of an entry is written by hand', () => {
  const sources = new URL('../../bindings-wasm/js/', import.meta.url);
  const handWritten = readdirSync(sources).filter((f) => f.endsWith('.d.ts') || f.endsWith('.js'));
  assert.deepEqual(handWritten, []);
});
