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
/** @type {import('./internal.js').WorkerHandle | null} */
let worker = null;
let nextId = 0;
/** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
const pending = new Map();
// a worker that dies (or fails to load) fails every call waiting on it
/** @param {string} reason */
function onFailure(reason) {
  for (const call of pending.values()) call.reject(new Error(`chpass worker failed: ${reason}`));
  pending.clear();
  worker = null;
}
/** @param {import('./internal.js').HashReply} reply */
function onMessage({ id, result, error }) {
  const call = pending.get(id);
  pending.delete(id);
  if (pending.size === 0) worker?.unref();
  if (!call) return;
  if (!error) call.resolve(result);
  else if (error.code && error.kind) {
    call.reject(makeError(error.code, error.kind, error.message, error.params ?? {}, error.retryable ?? false));
  } else call.reject(new Error(error.message));
}
/** The function `fn` of this module, run in the worker.
 *  @template {(...args: any[]) => any} F
 *  @param {string} fn
 *  @returns {(...args: Parameters<F>) => Promise<ReturnType<F>>} */
const inWorker = (fn) => (...args) =>
  new Promise((resolve, reject) => {
    const started = (worker ??= startWorker(onMessage, onFailure));
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    started.ref();
    started.post({ id, fn, args });
  });
/** The same functions, run in one shared worker so a page or Node's event loop never blocks. */
export const hashAsync = /** @type {typeof inWorker<typeof import('../hash.js').hash>} */ (inWorker)('hash');
export const verifyAsync = /** @type {typeof inWorker<typeof import('../hash.js').verify>} */ (inWorker)('verify');
export const verifyOpenSearchAsync = /** @type {typeof inWorker<typeof import('../hash.js').verifyOpenSearch>} */ (inWorker)('verifyOpenSearch');
export const needsRehashAsync = /** @type {typeof inWorker<typeof import('../hash.js').needsRehash>} */ (inWorker)('needsRehash');
export const elasticsearchPasswordHashAsync = /** @type {typeof inWorker<typeof import('../hash.js').elasticsearchPasswordHash>} */ (inWorker)('elasticsearchPasswordHash');
export const opensearchHashAsync = /** @type {typeof inWorker<typeof import('../hash.js').opensearchHash>} */ (inWorker)('opensearchHash');

