// The worker `chpass/hash`'s async functions run in: each entry installs its platform's
// (hash.js a module worker, hash.node.js a worker_threads one) before anything is called.
/** @type {import('./internal.js').StartWorker | undefined} */
let chosen;

/** `start(onMessage, onFailure)` starts a worker: { post(message), ref(), unref() }.
 *  @param {import('./internal.js').StartWorker} start */
export function useWorker(start) {
  chosen = start;
}

/** @type {import('./internal.js').StartWorker} */
export function startWorker(onMessage, onFailure) {
  if (!chosen) throw new Error('chpass/hash: no worker for this platform');
  return chosen(onMessage, onFailure);
}
