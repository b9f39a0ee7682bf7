'use strict';
// Node, require(): the wasm module loads synchronously; the async hashing functions run in a
// worker_threads worker that loads this same file.
const fs = require('node:fs');
const path = require('node:path');
const { Worker, workerData } = require('node:worker_threads');
const { build } = require('./api.cjs');

function startWorker(onMessage, onFailure) {
  const worker = new Worker(path.join(__dirname, 'worker.node.cjs'), { workerData: { chpassHashWorker: true } });
  worker.on('message', onMessage);
  worker.on('error', (err) => onFailure(String(err)));
  worker.unref();
  return { post: (message) => worker.postMessage(message), ref: () => worker.ref(), unref: () => worker.unref() };
}

// zxcvbn's estimator and dictionaries and the passphrase words are loaded at import, so strength
// and passphrases work at once as in Python (not in the hashing worker, which never needs them).
// Each data module is `export default "…";`.
const data = {
  read(part) {
    if (part === 'strength.wasm') return require('./node/strength/chpass_strength_wasm.js');
    const source = fs.readFileSync(path.join(__dirname, part), 'utf8');
    return JSON.parse(source.slice(source.indexOf('"'), source.lastIndexOf('"') + 1));
  },
  now: !workerData?.chpassHashWorker,
};

module.exports = build(require('./node/chpass_wasm.js'), startWorker, data);
