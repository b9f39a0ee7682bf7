// `chpass/hash` (Node): hash and verify (argon2id, bcrypt, PBKDF2, the servers' formats).
// Call `await ready()` before the synchronous functions; the `…Async` twins run in a
// worker_threads worker that loads its own copy on first use and need no `ready()`.
import { Worker } from 'node:worker_threads';
import { useWorker } from './lib/worker-start.js';
import type { StartWorker } from './lib/internal.js';

// unreferenced while idle, so it never keeps Node alive; without the parent's --input-type
// and the like, which a worker file refuses
const startWorker: StartWorker = (onMessage, onFailure) => {
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
  const worker = new Worker(new URL('./lib/worker.node.js', import.meta.url), { execArgv });
  worker.on('message', onMessage);
  worker.on('error', (err) => onFailure(err instanceof Error ? err.message : String(err)));
  worker.unref();
  return { post: (message) => worker.postMessage(message), ref: () => worker.ref(), unref: () => worker.unref() };
};

// a side effect on purpose (package.json lists this file under sideEffects)
useWorker(startWorker);

export * from './lib/hashing.js';
export * from './lib/errors.js';
