// `chpass/hash` (browsers): hash and verify (argon2id, bcrypt, PBKDF2, the servers' formats).
// Call `await ready()` before the synchronous functions; the `…Async` twins run in a module
// worker that loads its own copy on first use and need no `ready()`.
import { useWorker } from './lib/worker-start.js';
import type { HashCall, StartWorker } from './lib/internal.js';

// Vite and webpack 5 follow this exact pattern and bundle the worker; a static page serves the
// file as it is. Vite's dev server alone misses it: it moves the package to
// node_modules/.vite/deps/ and looks for the worker there (vitejs/vite#8427), so a worker that
// fails to load before it answers is started once more from the package's own folder.
const startWorker: StartWorker = (onMessage, onFailure) => {
  let answered = false;
  const sent: HashCall[] = []; // until the first answer: the second try gets them again
  let worker = new Worker(new URL('./hash-worker.js', import.meta.url), { type: 'module' });
  let retry: (() => Worker) | undefined = () => {
    // not the `new URL('…', import.meta.url)` pattern, which bundlers follow: webpack and
    // Rspack warn of a dependency they cannot resolve when its path is computed
    const here = import.meta.url;
    return new Worker(new URL('../../chpass/hash-worker.js', here), { type: 'module' });
  };
  function listen() {
    worker.onmessage = (event) => {
      answered = true;
      sent.length = 0;
      onMessage(event.data);
    };
    worker.onerror = (event) => {
      if (answered || !retry) return onFailure(event.message || 'error');
      worker = retry();
      retry = undefined;
      listen();
      for (const message of sent) worker.postMessage(message);
    };
  }
  listen();
  return {
    post(message) {
      if (!answered) sent.push(message);
      worker.postMessage(message);
    },
    ref() {},
    unref() {},
  };
};

// a side effect on purpose (package.json lists this file under sideEffects)
useWorker(startWorker);

export * from './lib/hashing.js';
export * from './lib/errors.js';
