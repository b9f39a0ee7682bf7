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

/** The wasm bytes of a module written by scripts/embed-wasm.mjs.
 *  @param {import('./internal.js').EmbeddedWasm} embedded */
export function wasmBytes({ table, text }) {
  const byteOf = new Uint8Array(0x800);
  for (let byte = 0; byte < 256; byte++) byteOf[table.charCodeAt(byte)] = byte;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = byteOf[text.charCodeAt(i)];
  return bytes;
}

/** Instantiates a wasm-bindgen module from its embedded bytes and routes its errors.
 *  @template {import('./internal.js').Glue} G
 *  @param {G} glue
 *  @param {Promise<{ default: import('./internal.js').EmbeddedWasm }>} embedded
 *  @returns {Promise<G>} */
export async function instantiate(glue, embedded) {
  const { default: packed } = await embedded;
  await glue.default({ module_or_path: wasmBytes(packed) });
  glue.__setErrorFactory(makeError);
  return glue;
}

/** What an entry point throws when used before its `ready()` settled.
 *  @param {keyof typeof NOT_READY} entry */
function notReady(entry) {
  return makeError('not_ready', 'configuration', NOT_READY[entry], { entry }, false);
}

/** `{ ready, need, checked }` for the entry point named `entry`; `load()` does the work once.
 *  `checked(fn)` is `fn` refusing to run before `ready()` settled (`this` passes through).
 *  @param {keyof typeof NOT_READY} entry
 *  @param {() => Promise<unknown>} load */
export function loader(entry, load) {
  let loaded = false;
  /** @type {Promise<void> | undefined} */
  let loading;
  function ready() {
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
  /** @template {(...args: any[]) => any} F
   *  @param {F} fn
   *  @returns {F} */
  const checked = (fn) =>
    /** @type {F} */ (
      /** @this {unknown} @param {Parameters<F>} args */
      function (...args) {
        need();
        return fn.apply(this, args);
      }
    );
  return { ready, need, checked };
}

// Policies with a strength rule ask the estimator of `chpass/strength`, whichever entry
// loads first: modules that check policies register here, the estimator arrives here.
/** @type {import('./internal.js').Estimator | undefined} */
let estimator;
/** @type {Array<(verdict: import('./internal.js').Estimator) => void>} */
const checkers = [];
/** @param {(verdict: import('./internal.js').Estimator) => void} install */
export function onEstimator(install) {
  checkers.push(install);
  if (estimator) install(estimator);
}
/** @param {import('./internal.js').Estimator} verdict */
export function provideEstimator(verdict) {
  estimator = verdict;
  for (const install of checkers) install(verdict);
}

// Message catalogs: `chpass/locales/<tag>` provides one (the JSON of core/locales/<tag>.json),
// and every loaded module that writes messages installs each, whichever comes first.
/** @type {string[]} */
const catalogs = [];
/** @type {Array<(catalog: string) => void>} */
const catalogTakers = [];
/** @param {(catalog: string) => void} install */
export function onCatalog(install) {
  catalogTakers.push(install);
  for (const catalog of catalogs) install(catalog);
}
/** @param {string} catalog */
export function provideCatalog(catalog) {
  catalogs.push(catalog);
  for (const install of catalogTakers) install(catalog);
}
