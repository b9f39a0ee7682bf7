// `chpass/hash`'s functions; hash.js (browsers) and hash.node.js (Node) each install the worker
// of their platform (lib/worker-start.js) that runs the `…Async` twins.
import * as wasm from './wasm/chpass_hash_wasm.js';
import { instantiate, loader } from './load.js';
import { makeError } from './errors.js';
import { startWorker } from './worker-start.js';
import type { HashReply, WorkerHandle } from './internal.js';
import type { Argon2idHashSpec, HashSpec, WorkLimits } from './shapes.js';
export type {
  Argon2dHashSpec, Argon2iHashSpec, Argon2idHashSpec, BcryptHashSpec, ElasticsearchPbkdf2HashSpec,
  ElasticsearchPbkdf2StretchHashSpec, HashSpec, Password4jPbkdf2HashSpec, WorkLimits, BcryptVariant, Hmac,
} from './shapes.js';

/** Argon2's parameters (any of the three variants), without the `algorithm` tag. */
export type Argon2Params = Omit<Argon2idHashSpec, 'algorithm'>;
/** `plugins.security.password.hashing.*` settings, with or without that prefix. */
export type OpenSearchHashSettings = Record<string, string | number>;

const module = loader('chpass/hash', () => instantiate(wasm, import('./wasm/chpass_hash_wasm.bytes.js')));
const { checked } = module;

/** Downloads and instantiates the hashing wasm, once; the synchronous functions need it (the `…Async` ones run in a worker and do not). Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export const ready: () => Promise<void> = module.ready;

/** Hashes `password`; argon2id with OWASP's parameters (m=19456, t=2, p=1) by default. */
export const hash: (password: string, spec?: HashSpec, limits?: WorkLimits) => string = checked(wasm.hash);
/** Whether `password` matches `hash`; false for a wrong password, typed errors otherwise. */
export const verify: (password: string, hash: string, limits?: WorkLimits) => boolean = checked(wasm.verify);
/**
 * Whether OpenSearch would accept `password` for `hash`, checked as its password4j checks it.
 * Differs from `verify` in two corners: `$2a$` with non-ASCII passwords (password4j's `$2a$` is
 * not standard bcrypt there, and the string does not say which library made it), and argon2
 * below 8 KiB per lane, which only password4j computes.
 */
export const verifyOpenSearch: (password: string, hash: string, limits?: WorkLimits) => boolean = checked(wasm.verifyOpenSearch);
/** Whether `hash` uses another algorithm or weaker parameters than `spec`. */
export const needsRehash: (hash: string, spec?: HashSpec) => boolean = checked(wasm.needsRehash);
/** A `password_hash` as Elasticsearch makes it for `algorithm` (`bcrypt` by default). */
export const elasticsearchPasswordHash: (password: string, algorithm?: string) => string = checked(wasm.elasticsearchPasswordHash);
/** The string password4j would build under these OpenSearch settings (bcrypt $2y$ 12 by default). */
export const opensearchHash: (password: string, settings?: OpenSearchHashSettings, limits?: WorkLimits) => string = checked(wasm.opensearchHash);

// The async twins run the same functions in one shared worker, so a 30 ms+ hash never
// blocks a page or Node's event loop. The worker starts on first use and does not keep
// Node alive while idle.
let worker: WorkerHandle | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
// a worker that dies (or fails to load) fails every call waiting on it
function onFailure(reason: string) {
  for (const call of pending.values()) call.reject(new Error(`chpass worker failed: ${reason}`));
  pending.clear();
  worker = null;
}
function onMessage({ id, result, error }: HashReply) {
  const call = pending.get(id);
  pending.delete(id);
  if (pending.size === 0) worker?.unref();
  if (!call) return;
  if (!error) call.resolve(result);
  else if (error.code && error.kind) {
    call.reject(makeError(error.code, error.kind, error.message, error.params ?? {}, error.retryable ?? false));
  } else call.reject(new Error(error.message));
}
/** The function `fn` of this module, run in the worker. */
const inWorker =
  <F extends (...args: any[]) => any>(fn: string) =>
  (...args: Parameters<F>): Promise<ReturnType<F>> =>
    new Promise((resolve, reject) => {
      const started = (worker ??= startWorker(onMessage, onFailure));
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      started.ref();
      started.post({ id, fn, args });
    });

/** `hash` in a shared worker, so pages and Node's event loop never block. */
export const hashAsync: (password: string, spec?: HashSpec, limits?: WorkLimits) => Promise<string> = inWorker<typeof hash>('hash');
/** `verify` in the worker. */
export const verifyAsync: (password: string, hash: string, limits?: WorkLimits) => Promise<boolean> = inWorker<typeof verify>('verify');
/** `verifyOpenSearch` in the worker. */
export const verifyOpenSearchAsync: (password: string, hash: string, limits?: WorkLimits) => Promise<boolean> = inWorker<typeof verifyOpenSearch>('verifyOpenSearch');
/** `needsRehash` in the worker. */
export const needsRehashAsync: (hash: string, spec?: HashSpec) => Promise<boolean> = inWorker<typeof needsRehash>('needsRehash');
/** `elasticsearchPasswordHash` in the worker. */
export const elasticsearchPasswordHashAsync: (password: string, algorithm?: string) => Promise<string> = inWorker<typeof elasticsearchPasswordHash>('elasticsearchPasswordHash');
/** `opensearchHash` in the worker. */
export const opensearchHashAsync: (password: string, settings?: OpenSearchHashSettings, limits?: WorkLimits) => Promise<string> = inWorker<typeof opensearchHash>('opensearchHash');
