// The worker `chpass/hash`'s async functions run in: each entry installs its platform's
// (hash.js a module worker, hash.node.js a worker_threads one) before anything is called.
let chosen;

/** `start(onMessage, onFailure)` starts a worker: { post(message), ref(), unref() }. */
export function useWorker(start) {
  chosen = start;
}

export function startWorker(onMessage, onFailure) {
  return chosen(onMessage, onFailure);
}
