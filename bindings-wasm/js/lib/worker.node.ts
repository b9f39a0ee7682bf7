// `chpass/hash`'s worker in Node (worker_threads).
import { parentPort, type MessagePort } from 'node:worker_threads';
import { serve } from './serve-hash.js';

const port = parentPort as MessagePort;
port.on('message', (message) => serve(message, (reply) => port.postMessage(reply)));
