// `chpass`: policies, validation and password generation — all a sign-up form needs, and all
// its page downloads. Hashing, requests and strength are `chpass/hash`, `chpass/client` and
// `chpass/strength`. Call `await ready()` once before the rest (in Node too).
import * as wasm from './lib/wasm/chpass_wasm.js';
import { instantiate, loader, onCatalog, onEstimator } from './lib/load.js';
import { PRESETS, ERROR_CODES as CODES, LOCALES as LANGUAGES, REDACTED } from './lib/constants.js';
import type { ErrorCode } from './lib/errors.js';
import type { Locale, PresetName } from './lib/policy-types.js';
import type { Context, GenerateOptions, PolicySpec, PresetInfo, PresetOptions, Report } from './lib/shapes.js';
export type { BlocklistSpec, BreachedOnError, CharacterClasses, Context, Dialect, GenerateOptions, KeystonePresetOptions, LengthLimit, LengthUnit, Mode, NistPresetOptions, NoPresetOptions, Normalization, OpenSearchPresetOptions, OpenSearchStrength, PatternSpec, PolicySpec, PresetInfo, PresetOptions, Report, StrengthResult, StrengthSpec } from './lib/shapes.js';
export type * from './lib/policy-types.js';
export * from './lib/errors.js';

const main = loader('chpass', async () => {
  await instantiate(wasm, import('./lib/wasm/chpass_wasm.bytes.js'));
  onEstimator((verdict) => wasm.installStrengthEstimator(verdict));
  onCatalog((catalog) => wasm.installCatalog(catalog));
});
const { need, checked } = main;

/** Downloads and instantiates `chpass`'s wasm (policies, validation, generation), once. Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export const ready: () => Promise<void> = main.ready;

/** The presets and their options (data: usable before `ready()`). */
export const presets: readonly PresetInfo[] = PRESETS;
/** Every error code core can raise, in Rust, JavaScript and Python alike (data: usable before `ready()`). */
export const ERROR_CODES: readonly ErrorCode[] = CODES;
/** The languages of the messages, as BCP 47 tags; `import 'chpass/locales/<tag>'` loads one (data: usable before `ready()`). */
export const LOCALES: readonly Locale[] = LANGUAGES;

/** A checked password policy. */
export interface Policy {
  /** Every violation of this policy by `password`, in the documented order. */
  validate(password: string, context?: Context): Report;
  /** The policy's spec (what `JSON.stringify` writes). */
  toJSON(): PolicySpec;
  /** Whether both policies have the same rules. */
  equals(other: Policy): boolean;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
}

/** How policies are made: `new Policy(spec)`, `Policy.preset(name, options)`, … */
export interface PolicyConstructor {
  /** A policy from its spec; unknown keys are refused (`InvalidPolicyError`). */
  new (spec: PolicySpec): Policy;
  /** What `instanceof Policy` checks. */
  readonly prototype: Policy;
  /** A policy from the JSON text of a spec: `new Policy(JSON.parse(json))`, so a syntax error is the host's message. */
  fromJson(json: string): Policy;
  /** A named preset, with that preset's options (see `presets`). */
  preset<N extends PresetName>(name: N, options?: PresetOptions[N]): Policy;
  /** The policy Keystone enforces, from a keystone.conf's `[security_compliance]` section. */
  fromKeystoneConf(text: string): Policy;
}

/** A checked password policy: `new Policy(spec)`, `Policy.preset(name, options)`, … (wasm-bindgen's
 *  class, checked for readiness at each way in). */
export const Policy = new Proxy(wasm.Policy, {
  construct(Target, args) {
    need();
    return new Target(args[0]);
  },
  get(Target, key, receiver) {
    const value = Reflect.get(Target, key, receiver);
    return typeof value === 'function' && key !== 'prototype' ? checked(value).bind(Target) : value;
  },
}) as unknown as PolicyConstructor;

/** `policy.validate(password, context)`, for a Policy or a plain spec; `context.locale` is the messages' language. */
export function validate(password: string, policy: Policy | PolicySpec, context?: Context): Report {
  return withPolicy(policy, (p) => p.validate(password, context));
}

/** A generated password; printing the object (console.log, JSON.stringify) shows `[REDACTED]`. */
export interface Generated {
  /** The password, in clear (only this property shows it). */
  readonly password: string;
  /** How many bits of randomness it was drawn with. */
  readonly entropy_bits: number;
}

// A generated password is read through `password`, but printing the object (console.log,
// util.inspect, JSON.stringify, a browser console) shows it redacted, as Python's repr does:
// it lives in a WeakMap, not on the object.
const generatedPasswords = new WeakMap<GeneratedPassword, string>();
class GeneratedPassword implements Generated {
  readonly entropy_bits: number;
  constructor({ password, entropy_bits }: { password: string; entropy_bits: number }) {
    generatedPasswords.set(this, password);
    this.entropy_bits = entropy_bits;
  }
  get password(): string {
    return generatedPasswords.get(this) as string;
  }
  toJSON() {
    return { password: REDACTED, entropy_bits: this.entropy_bits };
  }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Generated { password: ${REDACTED}, entropy_bits: ${this.entropy_bits} }`;
  }
}

/**
 * A random password that `validate(…, policy, context)` accepts, and its entropy in bits. For a
 * passphrase (`mode: 'passphrase'`), `await loadWordList()` first (else `word_list_not_loaded`).
 */
export function generate(policy: Policy | PolicySpec, options?: GenerateOptions, context?: Context): Generated {
  return new GeneratedPassword(withPolicy(policy, (p) => wasm.generateWithPolicy(p, options, context)));
}

/** The EFF word list that passphrases draw from, downloaded once. */
let wordList: Promise<void> | undefined;
/** Downloads the EFF passphrase word list once; passphrase `generate()` needs it. */
export function loadWordList(): Promise<void> {
  wordList ??= Promise.all([ready(), import('./lib/word-list.js')]).then(
    ([, words]) => wasm.installWordList(words.default),
    (err) => {
      wordList = undefined;
      throw err;
    },
  );
  return wordList;
}

/** Runs `use` with a Policy: the one given, or one compiled from a plain spec and freed after. */
function withPolicy<T>(policy: Policy | PolicySpec, use: (policy: wasm.Policy) => T): T {
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
