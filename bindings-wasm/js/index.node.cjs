'use strict';
// Node, require(): the wasm module loads synchronously; the async hashing functions run in a
// worker_threads worker that loads this same file.
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const { build } = require('./api.cjs');

function startWorker(onMessage, onFailure) {
  const worker = new Worker(path.join(__dirname, 'worker.node.cjs'));
  worker.on('message', onMessage);
  worker.on('error', (err) => onFailure(String(err)));
  worker.unref();
  return { post: (message) => worker.postMessage(message), ref: () => worker.ref(), unref: () => worker.unref() };
}

module.exports = build(require('./node/chpass_wasm.js'), startWorker);
