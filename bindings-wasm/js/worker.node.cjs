'use strict';
// The worker_threads side of the async hashing functions.
const { parentPort } = require('node:worker_threads');
const api = require('./index.node.cjs');

parentPort.on('message', (message) => api.__serve(message, (reply) => parentPort.postMessage(reply)));
