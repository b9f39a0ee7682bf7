import type { Locale, PresetName } from './lib/policy-types.js';
import type { Context, GenerateOptions, PolicySpec, PresetInfo, PresetOptions, Report } from './lib/shapes.js';
export type { BlocklistSpec, BreachedOnError, CharacterClasses, Context, Dialect, GenerateOptions, KeystonePresetOptions, LengthLimit, LengthUnit, Mode, NistPresetOptions, NoPresetOptions, Normalization, OpenSearchPresetOptions, OpenSearchStrength, PatternSpec, PolicySpec, PresetInfo, PresetOptions, Report, StrengthResult, StrengthSpec } from './lib/shapes.js';
export type * from './lib/policy-types.js';

/** A checked password policy. */
export class Policy {
  /** A policy from its spec; unknown keys are refused (`InvalidPolicyError`). */
  constructor(spec: PolicySpec);
  /** A policy from the JSON text of a spec. */
  static fromJson(json: string): Policy;
  /** A named preset, with that preset's options (see `presets`). */
  static preset<N extends PresetName>(name: N, options?: PresetOptions[N]): Policy;
  /** The policy Keystone enforces, from a keystone.conf's `[security_compliance]` section. */
  static fromKeystoneConf(text: string): Policy;
  /** Every violation of this policy by `password`, in the documented order. */
  validate(password: string, context?: Context): Report;
  /** The policy's spec (what `JSON.stringify` writes). */
  toJSON(): PolicySpec;
  /** Whether both policies have the same rules. */
  equals(other: Policy): boolean;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
}

/** `policy.validate(password, context)`, for a Policy or a plain spec; `context.locale` is the messages' language. */
export function validate(password: string, policy: Policy | PolicySpec, context?: Context): Report;

/** The presets and their options (data: usable before `ready()`). */
export const presets: readonly PresetInfo[];

/** Downloads and instantiates `chpass`'s wasm (policies, validation, generation), once. Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export function ready(): Promise<void>;

/** Every error code core can raise (data: usable before `ready()`). */
export const ERROR_CODES: readonly ErrorCode[];

/** The languages of the messages, as BCP 47 tags (data: usable before `ready()`). */
export const LOCALES: readonly Locale[];

/** A generated password; printing the object (console.log, JSON.stringify) shows `[REDACTED]`. */
export interface Generated {
  /** The password, in clear (only this property shows it). */
  readonly password: string;
  /** How many bits of randomness it was drawn with. */
  readonly entropy_bits: number;
}

/**
 * A random password that `validate(…, policy, context)` accepts, and its entropy in bits. For a
 * passphrase (`mode: 'passphrase'`), `await loadWordList()` first (else `word_list_not_loaded`).
 */
export function generate(policy: Policy | PolicySpec, options?: GenerateOptions, context?: Context): Generated;
/** Downloads the EFF passphrase word list once; passphrase `generate()` needs it. */
export function loadWordList(): Promise<void>;

export * from './lib/errors.js';
import type { ErrorCode } from './lib/errors.js';
