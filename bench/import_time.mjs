// `require('chpass')` time in Node, best of 15 fresh processes, next to npm zxcvbn's (the
// estimator a page would otherwise load) measured the same way. Writes
// bench/results/import-node.json.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const cwd = new URL('../js-tests/', import.meta.url);
const requireMs = (name) => {
  const script = `const t = performance.now(); require(${JSON.stringify(name)}); console.log(performance.now() - t);`;
  return Math.min(...Array.from({ length: 15 }, () => +execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' })));
};
const result = {
  benchmark: "require() time in Node (ms, best of 15 fresh processes); strength and the word list are read at first use",
  chpass_ms: +requireMs('chpass').toFixed(1),
  zxcvbn_ms_for_reference: +requireMs('zxcvbn').toFixed(1),
};
writeFileSync(new URL('results/import-node.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
