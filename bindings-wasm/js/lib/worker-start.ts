// The worker `chpass/hash`'s async functions run in: each entry installs its platform's
// (hash.js a module worker, hash.node.js a worker_threads one) before anything is called.
import type { StartWorker } from './internal.js';

let chosen: StartWorker | undefined;

/** `start(onMessage, onFailure)` starts a worker: { post(message), ref(), unref() }. */
export function useWorker(start: StartWorker) {
  chosen = start;
}

export const startWorker: StartWorker = (onMessage, onFailure) => {
  if (!chosen) throw new Error('chpass/hash: no worker for this platform');
  return chosen(onMessage, onFailure);
};
