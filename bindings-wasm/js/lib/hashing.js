// `chpass/hash`'s functions; hash.js (browsers) and hash.node.js (Node) each install the worker
// of their platform (lib/worker-start.js) that runs the `…Async` twins.
import * as wasm from './wasm/chpass_hash_wasm.js';
import { instantiate, loader } from './load.js';
import { makeError } from './errors.js';
import { startWorker } from './worker-start.js';

const module = loader('chpass/hash', () => instantiate(wasm, import('./wasm/chpass_hash_wasm.bytes.js')));
const { checked } = module;

/** Downloads and instantiates the hashing wasm, once (for the synchronous functions). */
export const ready = module.ready;

/** hash(password, spec?, limits?): argon2id with OWASP's parameters unless `spec` says otherwise. */
export const hash = checked(wasm.hash);
/** verify(password, hash, limits?): false for a wrong password; typed errors otherwise. */
export const verify = checked(wasm.verify);
/** verifyOpenSearch(password, hash, limits?): whether OpenSearch (password4j) would accept it. */
export const verifyOpenSearch = checked(wasm.verifyOpenSearch);
/** needsRehash(hash, spec?): whether `hash` is weaker than, or not, `spec`. */
export const needsRehash = checked(wasm.needsRehash);
/** elasticsearchPasswordHash(password, algorithm?): a `password_hash` as Elasticsearch makes it. */
export const elasticsearchPasswordHash = checked(wasm.elasticsearchPasswordHash);
/** opensearchHash(password, settings?, limits?): the string password4j builds under these settings. */
export const opensearchHash = checked(wasm.opensearchHash);

// The async twins run the same functions in one shared worker, so a 30 ms+ hash never
// blocks a page or Node's event loop. The worker starts on first use and does not keep
// Node alive while idle.
let worker = null;
let nextId = 0;
const pending = new Map();
// a worker that dies (or fails to load) fails every call waiting on it
function onFailure(reason) {
  for (const call of pending.values()) call.reject(new Error(`chpass worker failed: ${reason}`));
  pending.clear();
  worker = null;
}
function onMessage({ id, result, error }) {
  const call = pending.get(id);
  pending.delete(id);
  if (pending.size === 0) worker.unref();
  if (!error) call.resolve(result);
  else if (error.code) call.reject(makeError(error.code, error.kind, error.message, error.params, error.retryable));
  else call.reject(new Error(error.message));
}
const inWorker = (fn) => (...args) =>
  new Promise((resolve, reject) => {
    worker ??= startWorker(onMessage, onFailure);
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    worker.ref();
    worker.post({ id, fn, args });
  });
/** The same functions, run in one shared worker so a page or Node's event loop never blocks. */
export const hashAsync = inWorker('hash');
export const verifyAsync = inWorker('verify');
export const verifyOpenSearchAsync = inWorker('verifyOpenSearch');
export const needsRehashAsync = inWorker('needsRehash');
export const elasticsearchPasswordHashAsync = inWorker('elasticsearchPasswordHash');
export const opensearchHashAsync = inWorker('opensearchHash');

