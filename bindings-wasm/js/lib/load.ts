// Loading an entry point's wasm, explicitly: `ready()` downloads and instantiates it once (a
// failed load rejects, and a later call tries again); until it settles, the entry's functions
// throw `NotReadyError`, in Node as in browsers.
//
// The wasm ships inside a JS module (scripts/embed-wasm.mjs), not as a .wasm file next to it:
// a `new URL('x.wasm', import.meta.url)` is lost by Vite's dev server (it pre-bundles the
// package elsewhere), and neither esbuild nor Rollup copies the file. A JS module is served
// right by every bundler, dev server and static host, with no configuration. Each byte is one
// character (the most frequent bytes printable ASCII, the rest two-byte UTF-8), so the module
// gzips 4% larger than the bare wasm, where Base64 costs 37% (README, "npm package size").
import { makeError } from './errors.js';
import { NOT_READY } from './constants.js';
import type { EmbeddedWasm, Estimator, Glue } from './internal.js';

/** The wasm bytes of a module written by scripts/embed-wasm.mjs. */
export function wasmBytes({ table, text }: EmbeddedWasm): Uint8Array<ArrayBuffer> {
  const byteOf = new Uint8Array(0x800);
  for (let byte = 0; byte < 256; byte++) byteOf[table.charCodeAt(byte)] = byte;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = byteOf[text.charCodeAt(i)];
  return bytes;
}

/** Instantiates a wasm-bindgen module from its embedded bytes and routes its errors. */
export async function instantiate<G extends Glue>(glue: G, embedded: Promise<{ default: EmbeddedWasm }>): Promise<G> {
  const { default: packed } = await embedded;
  await glue.default({ module_or_path: wasmBytes(packed) });
  glue.__setErrorFactory(makeError);
  return glue;
}

/** What an entry point throws when used before its `ready()` settled. */
function notReady(entry: keyof typeof NOT_READY) {
  return makeError('not_ready', 'configuration', NOT_READY[entry], { entry }, false);
}

/** `{ ready, need, checked }` for the entry point named `entry`; `load()` does the work once.
 *  `checked(fn)` is `fn` refusing to run before `ready()` settled (`this` passes through). */
export function loader(entry: keyof typeof NOT_READY, load: () => Promise<unknown>) {
  let loaded = false;
  let loading: Promise<void> | undefined;
  function ready(): Promise<void> {
    loading ??= load().then(
      () => {
        loaded = true;
      },
      (err) => {
        loading = undefined;
        throw err;
      },
    );
    return loading;
  }
  function need() {
    if (!loaded) throw notReady(entry);
  }
  const checked = <F extends (...args: any[]) => any>(fn: F): F =>
    function (this: unknown, ...args: Parameters<F>) {
      need();
      return fn.apply(this, args);
    } as F;
  return { ready, need, checked };
}

// Policies with a strength rule ask the estimator of `chpass/strength`, whichever entry
// loads first: modules that check policies register here, the estimator arrives here.
let estimator: Estimator | undefined;
const checkers: Array<(verdict: Estimator) => void> = [];
export function onEstimator(install: (verdict: Estimator) => void) {
  checkers.push(install);
  if (estimator) install(estimator);
}
export function provideEstimator(verdict: Estimator) {
  estimator = verdict;
  for (const install of checkers) install(verdict);
}

// Message catalogs: `chpass/locales/<tag>` provides one (the JSON of core/locales/<tag>.json),
// and every loaded module that writes messages installs each, whichever comes first.
const catalogs: string[] = [];
const catalogTakers: Array<(catalog: string) => void> = [];
export function onCatalog(install: (catalog: string) => void) {
  catalogTakers.push(install);
  for (const catalog of catalogs) install(catalog);
}
export function provideCatalog(catalog: string) {
  catalogs.push(catalog);
  for (const install of catalogTakers) install(catalog);
}
