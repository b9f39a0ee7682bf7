// The worker side of `chpass/hash`'s async functions: one synchronous call per message,
// answered with data only. Static imports only: a bundler builds a worker as one file.
import * as wasm from './wasm/chpass_hash_wasm.js';
import packed from './wasm/chpass_hash_wasm.bytes.js';
import { wasmBytes } from './load.js';
import { makeError, ChpassError } from './errors.js';
import type { HashCall, HashReply } from './internal.js';

const functions = ['hash', 'verify', 'verifyOpenSearch', 'needsRehash', 'elasticsearchPasswordHash', 'opensearchHash'];
const loaded = wasm.default({ module_or_path: wasmBytes(packed) }).then(() => wasm.__setErrorFactory(makeError));

/** Runs one call and answers it with data only. */
export async function serve({ id, fn, args }: HashCall, reply: (reply: HashReply) => void) {
  try {
    await loaded;
    if (!functions.includes(fn)) throw new Error(`unknown function ${fn}`);
    const call = wasm[fn as keyof typeof wasm] as (...args: unknown[]) => unknown;
    reply({ id, result: call(...args) });
  } catch (e) {
    if (e instanceof ChpassError) {
      const { code, kind, message, params, retryable } = e;
      reply({ id, error: { code, kind, message, params, retryable } });
    } else {
      reply({ id, error: { message: String(e) } });
    }
  }
}
