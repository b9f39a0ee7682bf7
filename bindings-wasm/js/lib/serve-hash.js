// The worker side of `chpass/hash`'s async functions: one synchronous call per message,
// answered with data only. Static imports only: a bundler builds a worker as one file.
import * as wasm from './wasm/chpass_hash_wasm.js';
import packed from './wasm/chpass_hash_wasm.bytes.js';
import { wasmBytes } from './load.js';
import { makeError, ChpassError } from './errors.js';

const functions = ['hash', 'verify', 'verifyOpenSearch', 'needsRehash', 'elasticsearchPasswordHash', 'opensearchHash'];
const loaded = wasm.default({ module_or_path: wasmBytes(packed) }).then(() => wasm.__setErrorFactory(makeError));

export async function serve({ id, fn, args }, reply) {
  try {
    await loaded;
    if (!functions.includes(fn)) throw new Error(`unknown function ${fn}`);
    reply({ id, result: wasm[fn](...args) });
  } catch (e) {
    const { code, kind, message, params, retryable } = e;
    reply({ id, error: e instanceof ChpassError ? { code, kind, message, params, retryable } : { message: String(e) } });
  }
}
