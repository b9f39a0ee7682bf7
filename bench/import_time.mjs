// `require('chpass')` plus `await ready()` in Node, best of 15 fresh processes, next to npm
// zxcvbn's require (the estimator a page would otherwise load) measured the same way. Writes
// bench/results/import-node.json.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const cwd = new URL('../js-tests/', import.meta.url);
const requireMs = (name, then = '') => {
  const script = `(async () => { const t = performance.now(); const m = require(${JSON.stringify(name)}); ${then}
    console.log(performance.now() - t); })();`;
  return Math.min(...Array.from({ length: 15 }, () => +execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' })));
};
const result = {
  benchmark: "require() and await ready() of `chpass` in Node (ms, best of 15 fresh processes); strength is its own entry",
  chpass_ms: +requireMs('chpass', 'await m.ready();').toFixed(1),
  zxcvbn_ms_for_reference: +requireMs('zxcvbn').toFixed(1),
};
writeFileSync(new URL('results/import-node.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
