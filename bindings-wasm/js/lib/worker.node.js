// `chpass/hash`'s worker in Node (worker_threads).
import { parentPort } from 'node:worker_threads';
import { serve } from './serve-hash.js';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
port.on('message', (message) => serve(message, (reply) => port.postMessage(reply)));
