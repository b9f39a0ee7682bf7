// `chpass`: policies, validation and password generation — all a sign-up form needs, and all
// its page downloads. Hashing, requests and strength are `chpass/hash`, `chpass/client` and
// `chpass/strength`. Call `await ready()` once before the rest (in Node too).
import * as wasm from './lib/wasm/chpass_wasm.js';
import { instantiate, loader, onCatalog, onEstimator } from './lib/load.js';
import { PRESETS, ERROR_CODES as CODES, LOCALES as LANGUAGES, REDACTED } from './lib/constants.js';

const main = loader('chpass', async () => {
  await instantiate(wasm, import('./lib/wasm/chpass_wasm.bytes.js'));
  onEstimator((verdict) => wasm.installStrengthEstimator(verdict));
  onCatalog((catalog) => wasm.installCatalog(catalog));
});
const { need, checked } = main;

/** Downloads and instantiates the wasm, once; every other function of `chpass` needs it. */
export const ready = main.ready;

/** The presets and their options (data only: no `ready()` needed). */
export const presets = PRESETS;
/** Every error code core can raise, in Rust, JavaScript and Python alike. */
export const ERROR_CODES = CODES;
/** The languages of the messages; `import 'chpass/locales/<tag>'` loads one (data: no `ready()`). */
export const LOCALES = LANGUAGES;

/** A checked password policy: `new Policy(spec)`, `Policy.preset(name, options)`, …
 *  (wasm-bindgen's class, checked for readiness at each way in) */
export const Policy = new Proxy(wasm.Policy, {
  construct(Target, args) {
    need();
    return new Target(args[0]);
  },
  get(Target, key, receiver) {
    const value = Reflect.get(Target, key, receiver);
    return typeof value === 'function' && key !== 'prototype' ? checked(value).bind(Target) : value;
  },
});

/** validate(password, policy, context?): `policy` is a Policy or a plain policy object;
 *  `context.locale` is the language of the messages.
 *  @type {typeof import('./index.js').validate} */
export function validate(password, policy, context) {
  return withPolicy(policy, (p) => p.validate(password, context));
}

// A generated password is read through `password`, but printing the object (console.log,
// util.inspect, JSON.stringify, a browser console) shows it redacted, as Python's repr does:
// it lives in a WeakMap, not on the object.
const generatedPasswords = new WeakMap();
class Generated {
  /** @param {{ password: string, entropy_bits: number }} made */
  constructor({ password, entropy_bits }) {
    generatedPasswords.set(this, password);
    this.entropy_bits = entropy_bits;
  }
  get password() {
    return generatedPasswords.get(this);
  }
  toJSON() {
    return { password: REDACTED, entropy_bits: this.entropy_bits };
  }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Generated { password: ${REDACTED}, entropy_bits: ${this.entropy_bits} }`;
  }
}

/** generate(policy, options?, context?) -> Generated { password, entropy_bits }
 *  @type {typeof import('./index.js').generate} */
export function generate(policy, options, context) {
  return new Generated(withPolicy(policy, (p) => wasm.generateWithPolicy(p, options, context)));
}

/** The EFF word list that passphrases draw from, downloaded once.
 *  @type {Promise<void> | undefined} */
let wordList;
/** @type {typeof import('./index.js').loadWordList} */
export function loadWordList() {
  wordList ??= Promise.all([ready(), import('./lib/word-list.js')]).then(
    ([, words]) => wasm.installWordList(words.default),
    (err) => {
      wordList = undefined;
      throw err;
    },
  );
  return wordList;
}

/** Runs `use` with a Policy: the one given, or one compiled from a plain spec and freed after.
 *  @template T
 *  @param {import('./index.js').Policy | import('./index.js').PolicySpec} policy
 *  @param {(policy: wasm.Policy) => T} use
 *  @returns {T} */
function withPolicy(policy, use) {
  need();
  // `Policy` is wasm-bindgen's class behind a readiness check: one class at run time
  if (policy instanceof wasm.Policy) return use(policy);
  const compiled = new wasm.Policy(policy);
  try {
    return use(compiled);
  } finally {
    compiled.free();
  }
}

export * from './lib/errors.js';
