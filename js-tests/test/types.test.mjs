// tsc --noEmit --strict on a typed usage file, so index.d.ts cannot drift from use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

test('the declarations of every entry type-check a strict usage file', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const file = fileURLToPath(new URL('./typed-usage.ts', import.meta.url));
  const run = spawnSync(process.execPath, [
    tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--skipLibCheck', 'false', file,
  ], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
