import type { Locale, Notice, Violation, PresetName } from './lib/policy-types.js';
import type { Context, GenerateOptions, PolicySpec } from './lib/shapes.js';
export type { BlocklistSpec, BreachedOnError, CharacterClasses, Context, Dialect, GenerateOptions, LengthLimit, LengthUnit, Mode, Normalization, PatternSpec, PolicySpec, StrengthSpec } from './lib/shapes.js';
export type * from './lib/policy-types.js';

export interface Report {
  /** No evaluated rule failed; see `not_evaluated` for rules that were not run. */
  ok: boolean;
  violations: Violation[];
  /** What the server will do that is not a refusal: Keystone keeps only `params.used` bytes. */
  notices: Notice[];
  not_evaluated: Array<'weak_password' | 'similar_to_username' | 'breached_password'>;
  /** zxcvbn's score and log10(guesses) when the policy has a strength rule, else null. */
  strength: { score: 0 | 1 | 2 | 3 | 4; guesses_log10: number } | null;
}

export interface PresetOptions {
  'nist-800-63b': { mfa?: boolean };
  'owasp-asvs-5-l1': Record<string, never>;
  'owasp-asvs-5-l2': Record<string, never>;
  elasticsearch: Record<string, never>;
  opensearch: {
    password_min_length?: number;
    password_validation_regex?: string;
    password_validation_error_message?: string;
    password_score_based_validation_strength?: 'fair' | 'good' | 'strong' | 'very_strong';
  };
  keystone: {
    password_regex?: string;
    password_regex_description?: string;
    max_password_length?: number;
    password_hash_algorithm?: 'bcrypt' | 'bcrypt_sha256' | 'scrypt' | 'pbkdf2_sha512';
    strict_password_check?: boolean;
  };
}

export interface PresetInfo {
  name: PresetName;
  summary: string;
  source: string;
  options: string[];
}

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
