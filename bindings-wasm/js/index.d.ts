/** A length unit: Unicode code points, UTF-16 code units (Java, JS `.length`) or UTF-8 bytes. */
export type LengthUnit = 'code_points' | 'utf16_units' | 'utf8_bytes';

export interface LengthLimit {
  value: number;
  unit: LengthUnit;
}

/** `python_re_match`: Keystone's re.match; `java_matches`: OpenSearch's full match; `search`: anywhere. */
export type Dialect = 'python_re_match' | 'java_matches' | 'search';

/** The JSON form of a policy; every rule is off unless set. */
export interface PolicySpec {
  min_length?: LengthLimit;
  max_length?: LengthLimit;
  forbid_control_characters?: boolean;
  pattern?: { regex: string; dialect: Dialect; description?: string };
  character_classes?: {
    lowercase?: number;
    uppercase?: number;
    digit?: number;
    symbol?: number;
    min_classes?: number;
  };
  context_words?: boolean;
  differ_from_current?: boolean;
  blocklist?: { common?: boolean; words?: string[] };
  normalization?: 'none' | 'nfkc';
  strength?: { min_score: number; reject_similar_to_username?: boolean };
  breached_check?: boolean;
}

/** What the validator knows about the user. */
export interface Context {
  username?: string;
  email?: string;
  service?: string;
  words?: string[];
  current_password?: string;
}

export type ViolationCode =
  | 'too_short'
  | 'too_long'
  | 'control_character'
  | 'pattern_mismatch'
  | 'policy_regex_limit'
  | 'missing_lowercase'
  | 'missing_uppercase'
  | 'missing_digit'
  | 'missing_symbol'
  | 'too_few_character_classes'
  | 'contains_context_word'
  | 'same_as_current'
  | 'common_password'
  | 'blocklisted';

export interface Violation {
  code: ViolationCode;
  /** English default; render your own from `code` and `params`. */
  message: string;
  params: Record<string, string | number | null>;
}

export interface Report {
  /** No evaluated rule failed; see `not_evaluated` for rules that were not run. */
  ok: boolean;
  violations: Violation[];
  not_evaluated: Array<'weak_password' | 'similar_to_username' | 'breached_password'>;
}

export type PresetName =
  | 'nist-800-63b'
  | 'owasp-asvs-5-l1'
  | 'owasp-asvs-5-l2'
  | 'elasticsearch'
  | 'opensearch'
  | 'keystone';

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

export const presets: readonly PresetInfo[];

export type ErrorCode = 'invalid_policy' | 'invalid_argument';
export type ErrorKind = 'configuration';
export const ERROR_CODES: readonly ErrorCode[];

export class ChpassError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly params: Record<string, unknown>;
}
export class ConfigurationError extends ChpassError {}
export class InvalidPolicyError extends ConfigurationError {
  readonly code: 'invalid_policy';
  readonly params: { path: string };
}
export class InvalidArgumentError extends ConfigurationError {
  readonly code: 'invalid_argument';
}

declare const api: {
  Policy: typeof Policy;
  validate: typeof validate;
  presets: typeof presets;
  ERROR_CODES: typeof ERROR_CODES;
  ChpassError: typeof ChpassError;
  ConfigurationError: typeof ConfigurationError;
  InvalidPolicyError: typeof InvalidPolicyError;
  InvalidArgumentError: typeof InvalidArgumentError;
};
export default api;
