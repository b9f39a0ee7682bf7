'use strict';
// Node, require(): the wasm module loads synchronously; the async hashing functions run in a
// worker_threads worker that loads this same file.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { Worker } = require('node:worker_threads');
const { build } = require('./api.cjs');

function startWorker(onMessage, onFailure) {
  const worker = new Worker(path.join(__dirname, 'worker.node.cjs'));
  worker.on('message', onMessage);
  worker.on('error', (err) => onFailure(String(err)));
  worker.unref();
  return { post: (message) => worker.postMessage(message), ref: () => worker.ref(), unref: () => worker.unref() };
}

// zxcvbn's estimator and dictionaries and the passphrase words are read synchronously at their
// first use, so strength and passphrases work at once as in Python, and an import that never
// uses them (the hashing worker, a script that only hashes) never reads them.
// Each data module is ``export default `…`;``: its template literal is evaluated as it is, by
// JS's own rules, as a browser's import() would.
const data = {
  read(part) {
    if (part === 'strength.wasm') return require('./node/strength/chpass_strength_wasm.js');
    const file = path.join(__dirname, part);
    const source = fs.readFileSync(file, 'utf8');
    const literal = source.slice(source.indexOf('export default `') + 'export default '.length, source.lastIndexOf('`') + 1);
    return vm.runInThisContext(literal, { filename: file });
  },
  now: true,
};

module.exports = build(require('./node/chpass_wasm.js'), startWorker, data);
