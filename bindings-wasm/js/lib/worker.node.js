// `chpass/hash`'s worker in Node (worker_threads).
import { parentPort } from 'node:worker_threads';
import { serve } from './serve-hash.js';

parentPort.on('message', (message) => serve(message, (reply) => parentPort.postMessage(reply)));
