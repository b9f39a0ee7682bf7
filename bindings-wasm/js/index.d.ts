import type { Locale, PresetName } from './lib/policy-types.js';
import type { Context, GenerateOptions, PolicySpec, PresetInfo, PresetOptions, Report } from './lib/shapes.js';
export type { BlocklistSpec, BreachedOnError, CharacterClasses, Context, Dialect, GenerateOptions, KeystonePresetOptions, LengthLimit, LengthUnit, Mode, NistPresetOptions, NoPresetOptions, Normalization, OpenSearchPresetOptions, OpenSearchStrength, PatternSpec, PolicySpec, PresetInfo, PresetOptions, Report, StrengthResult, StrengthSpec } from './lib/shapes.js';
export type * from './lib/policy-types.js';

/** A checked password policy. */
export class Policy {
  constructor(spec: PolicySpec);
  static fromJson(json: string): Policy;
  static preset<N extends PresetName>(name: N, options?: PresetOptions[N]): Policy;
  static fromKeystoneConf(text: string): Policy;
  validate(password: string, context?: Context): Report;
  toJSON(): PolicySpec;
  equals(other: Policy): boolean;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
}

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
  readonly password: string;
  readonly entropy_bits: number;
}

/**
 * A random password that `validate(…, policy, context)` accepts, and its entropy in bits. For a
 * passphrase (`mode: 'passphrase'`), `await loadWordList()` first (else `word_list_not_loaded`).
 */
export function generate(policy: Policy | PolicySpec, options?: GenerateOptions, context?: Context): Generated;
/** Downloads the EFF passphrase word list (about 25 KB gzipped) once; passphrase `generate()` needs it. */
export function loadWordList(): Promise<void>;

export * from './lib/errors.js';
import type { ErrorCode } from './lib/errors.js';
