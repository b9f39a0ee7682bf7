// Runs every test file with node:test and fails when a suite fails or nothing ran.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeSync } from 'node:fs';

const files = readdirSync(new URL('../test/', import.meta.url))
  .filter((f) => /\.test\.(mjs|cjs)$/.test(f))
  .map((f) => `test/${f}`);
const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
// written synchronously: process.exit below would cut an asynchronous write to a pipe at 64 KiB
writeSync(1, run.stdout);
const tests = Number(/^# tests (\d+)/m.exec(run.stdout)?.[1] ?? 0);
if (run.status !== 0) process.exit(run.status ?? 1);
if (tests === 0) {
  console.error('no tests ran');
  process.exit(1);
}
