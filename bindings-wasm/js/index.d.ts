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
  /** The server keeps only this much of a longer password: a `truncated_by_server` notice. */
  truncated_after?: LengthLimit;
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
  /** `sha1`: breached passwords offline, SHA-1 hex digests (a `:count` suffix is ignored). */
  blocklist?: { common?: boolean; words?: string[]; sha1?: string[] };
  normalization?: 'none' | 'nfkc';
  strength?: { min_score: number; reject_similar_to_username?: boolean };
  /** Pwned Passwords before sending (Client.changePassword); `validate` lists it in not_evaluated. */
  breached_check?: boolean;
  /** When the breach service is unreachable: 'fail' (default, nothing is sent) or 'warn'. */
  breached_on_error?: 'fail' | 'warn';
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
  | 'blocklisted'
  | 'weak_password'
  | 'similar_to_username'
  | 'breached_password';

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
  /** What the server will do that is not a refusal: Keystone keeps only `params.used` bytes. */
  notices: Array<{
    code: 'truncated_by_server';
    message: string;
    params: { used: number; actual: number; unit: 'utf8_bytes' | 'utf16_units' | 'code_points' };
  }>;
  not_evaluated: Array<'weak_password' | 'similar_to_username' | 'breached_password'>;
  /** zxcvbn's score and log10(guesses) when the policy has a strength rule, else null. */
  strength: { score: 0 | 1 | 2 | 3 | 4; guesses_log10: number } | null;
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

export const presets: readonly PresetInfo[];

export type ErrorCode =
  | 'invalid_policy'
  | 'invalid_argument'
  | 'invalid_current_password'
  | 'authentication_failed'
  | 'account_locked'
  | 'account_disabled'
  | 'password_expired'
  | 'server_rejected_password'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'server_unavailable'
  | 'bad_request'
  | 'unexpected_response'
  | 'network'
  | 'timeout'
  | 'tls'
  | 'insecure_http'
  | 'outcome_unknown'
  | 'policy_violation'
  | 'file_error'
  | 'malformed_hash'
  | 'password_too_long_for_bcrypt'
  | 'work_limit_exceeded'
  | 'random_unavailable'
  | 'strength_dictionaries_not_loaded'
  | 'word_list_not_loaded';
export type ErrorKind = 'configuration' | 'server' | 'protocol' | 'transport' | 'policy' | 'file' | 'system';
export const ERROR_CODES: readonly ErrorCode[];

export class ChpassError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly params: Record<string, unknown>;
  /** Whether trying again later may succeed (only `server_unavailable`). */
  readonly retryable: boolean;
}
export class ConfigurationError extends ChpassError {}
export class InvalidPolicyError extends ConfigurationError {
  readonly code: 'invalid_policy';
  readonly params: { path: string };
}
export class InvalidArgumentError extends ConfigurationError {
  readonly code: 'invalid_argument';
}

export interface ServerErrorParams {
  status: number;
  server_message?: string;
  violation_code?: string;
  retry_after?: number;
}
export class ServerError extends ChpassError {
  readonly kind: 'server';
  readonly params: ServerErrorParams & Record<string, unknown>;
}
export class InvalidCurrentPasswordError extends ServerError {}
export class AuthenticationFailedError extends ServerError {}
export class AccountLockedError extends ServerError {}
export class AccountDisabledError extends ServerError {}
export class PasswordExpiredError extends ServerError {}
export class ServerRejectedPasswordError extends ServerError {}
export class ForbiddenError extends ServerError {}
export class NotFoundError extends ServerError {}
export class ConflictError extends ServerError {}
export class MethodNotAllowedError extends ServerError {}
export class PayloadTooLargeError extends ServerError {}
export class UnsupportedMediaTypeError extends ServerError {}
export class ServerUnavailableError extends ServerError {}
export class BadRequestError extends ServerError {}
export class ProtocolError extends ChpassError {
  readonly kind: 'protocol';
}
export class UnexpectedResponseError extends ProtocolError {
  readonly params: { status: number; excerpt: string };
}

export class TransportError extends ChpassError {
  readonly kind: 'transport';
}
export class NetworkError extends TransportError {}
export class TimeoutError extends TransportError {}
export class TlsError extends TransportError {}
export class InsecureHttpError extends TransportError {}
/** The change may have reached the server; the password may or may not have changed. */
export class OutcomeUnknownError extends TransportError {}
export class PolicyViolationError extends ChpassError {
  readonly kind: 'policy';
  readonly params: { report: Report };
}

export interface ClientOptions {
  timeout_ms?: number;
  allow_insecure_http?: boolean;
  max_retries?: number;
  max_retry_after_s?: number;
  /** A self-hosted Pwned Passwords mirror for the breached-password check. */
  pwned_passwords_url?: string;
}

/** Sends operations with fetch (browsers, Node 18+). */
export class Client {
  constructor(options?: ClientOptions);
  execute(operation: Operation): Promise<Outcome>;
  /** Policy check (nothing is sent when it fails), send, interpret; after Keystone, log in again and return the new token. */
  changePassword(operation: Operation, policy?: Policy | PolicySpec, context?: Context): Promise<Outcome>;
  /** Logs in with `login` and reads Keystone's `[security_compliance]`; the `keystone` preset when the token may not read it. */
  keystonePolicy(login: KeystoneLogin): Promise<{ policy: Policy; source: 'server' | 'preset' }>;
  /** The whole Keystone change from the current password alone: log in (the change needs the user's id),
   *  check `newPassword` against `policy` or else the server's own (nothing is sent when it fails), change,
   *  log in again; resolves to the new token's outcome. */
  changeKeystonePassword(
    login: KeystoneLogin,
    newPassword: string,
    policy?: Policy | PolicySpec,
    context?: Context,
  ): Promise<Outcome>;
  free(): void;
}

/** Authentication for Elasticsearch and OpenSearch requests. */
export type Auth =
  | { basic: { username: string; password: string } }
  | { api_key: { encoded: string } }
  | { bearer: { token: string } };

/** A Keystone v3 login with the current password: the `keystone.issue_token` operation. */
export type KeystoneLogin = Extract<Operation, { operation: 'keystone.issue_token' }>;

export type Operation =
  | {
      /** Pwned Passwords range check: only the first 5 hex digits of the SHA-1 are sent. */
      operation: 'pwned_passwords.range';
      password: string;
      base_url?: string;
    }
  | {
      operation: 'elasticsearch.change_password';
      base_url: string;
      username?: string;
      password?: string;
      password_hash?: string;
      refresh?: 'true' | 'false' | 'wait_for';
      auth?: Auth;
    }
  | {
      operation: 'opensearch.change_own_password';
      base_url: string;
      current_password: string;
      password?: string;
      hash?: string;
      legacy_path?: boolean;
      auth?: Auth;
      validation_error_message?: string;
    }
  | {
      operation: 'opensearch.set_password';
      base_url: string;
      username: string;
      password?: string;
      hash?: string;
      legacy_path?: boolean;
      auth?: Auth;
      validation_error_message?: string;
    }
  | { operation: 'keystone.change_password'; base_url: string; user_id: string; original_password: string; password: string }
  | {
      operation: 'keystone.issue_token';
      base_url: string;
      user: { id?: string; name?: string; domain?: { id?: string; name?: string } };
      password: string;
      scope?:
        | { project: { id?: string; name?: string; domain?: { id?: string; name?: string } } }
        | { domain: { id?: string; name?: string } };
    }
  | { operation: 'keystone.get_password_policy'; base_url: string; token: string; domain_id?: string }
  | { operation: 'keystone.create_ec2_credential'; base_url: string; token: string; user_id: string; project_id: string }
  | { operation: 'keystone.list_ec2_credentials'; base_url: string; token: string; user_id: string }
  | { operation: 'keystone.delete_ec2_credential'; base_url: string; token: string; user_id: string; access: string }
  | { operation: 'keystone_v2.change_own_password'; base_url: string; token: string; user_id: string; original_password: string; password: string }
  | { operation: 'keystone_v2.set_password'; base_url: string; token: string; user_id: string; password: string }
  | {
      operation: 'keystone_v2.update_ec2_credentials';
      base_url: string;
      token: string;
      user_id: string;
      username: string;
      secret: string;
      signature: string;
    };

export interface HttpRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string | null;
}

export interface HttpResponse {
  status: number;
  headers?: Array<[string, string]> | Record<string, string>;
  body?: string;
}

export interface Ec2Credential {
  access: string;
  secret: string;
  project_id: string | null;
  user_id: string | null;
  trust_id: string | null;
}

export type Outcome =
  | { outcome: 'password_changed' }
  | { outcome: 'token'; token: string; user_id?: string; expires_at?: string }
  | { outcome: 'policy'; policy: PolicySpec }
  | ({ outcome: 'ec2_credential' } & Ec2Credential)
  | { outcome: 'ec2_credentials'; credentials: Ec2Credential[] }
  | { outcome: 'deleted' }
  | { outcome: 'updated' }
  | { outcome: 'breach_count'; count: number };

/** The request for an operation, ready for `fetch(url, { method, headers, body })`. */
export function buildRequest(operation: Operation): HttpRequest;
/** The outcome of a response, or throws the typed error it means. */
export function interpretResponse(operation: Operation, response: HttpResponse): Outcome;
/** The request as text with every password, hash, token and Authorization value `[REDACTED]`. */
export function dumpRequest(operation: Operation): string;

// ---------- hashing and generation ----------

export type HashSpec =
  | ({ algorithm: 'argon2id' | 'argon2i' | 'argon2d' } & Argon2Params)
  | { algorithm: 'bcrypt'; cost?: number; variant?: '2a' | '2b' | '2y'; salt?: string }
  | {
      algorithm: 'elasticsearch_pbkdf2' | 'elasticsearch_pbkdf2_stretch';
      iterations?: 1000 | 10000 | 50000 | 100000 | 500000 | 1000000;
      salt_length?: number;
      key_length?: number;
      salt?: string;
    }
  | {
      algorithm: 'password4j_pbkdf2';
      hmac?: 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
      iterations?: number;
      key_bits?: number;
      salt_length?: number;
      salt?: string;
    };

export interface Argon2Params {
  memory_kib?: number;
  iterations?: number;
  parallelism?: number;
  salt_length?: number;
  hash_length?: number;
  version?: 16 | 19;
  /** A fixed salt (standard Base64), for reproducible vectors only. */
  salt?: string;
}

/** The most a hash string may make `verify` spend; raise a field to accept costlier hashes. */
export interface WorkLimits {
  argon2_max_memory_kib?: number;
  argon2_max_iterations?: number;
  argon2_max_parallelism?: number;
  bcrypt_max_cost?: number;
  pbkdf2_max_iterations?: number;
}

/** `plugins.security.password.hashing.*` settings, with or without that prefix. */
export type OpenSearchHashSettings = Record<string, string | number>;

export interface GenerateOptions {
  mode?: 'characters' | 'passphrase';
  length?: number;
  alphabet?: string;
  words?: number;
  separator?: string;
}

/** A generated password; printing the object (console.log, JSON.stringify) shows `[REDACTED]`. */
export interface Generated {
  readonly password: string;
  readonly entropy_bits: number;
}

/** Hashes `password`; argon2id with OWASP's parameters (m=19456, t=2, p=1) by default. */
export function hash(password: string, spec?: HashSpec, limits?: WorkLimits): string;
/** Whether `password` matches `hash`; false for a wrong password, typed errors otherwise. */
export function verify(password: string, hash: string, limits?: WorkLimits): boolean;
/**
 * Whether OpenSearch would accept `password` for `hash`, checked as its password4j checks it.
 * Differs from `verify` only for `$2a$` and non-ASCII passwords: password4j's `$2a$` is not
 * standard bcrypt there, and the string does not say which library made it.
 */
export function verifyOpenSearch(password: string, hash: string, limits?: WorkLimits): boolean;
/** Whether `hash` uses another algorithm or weaker parameters than `spec`. */
export function needsRehash(hash: string, spec?: HashSpec): boolean;
/** A `password_hash` as Elasticsearch makes it for `algorithm` (`bcrypt` by default). */
export function elasticsearchPasswordHash(password: string, algorithm?: string): string;
/** The string password4j would build under these OpenSearch settings (bcrypt $2y$ 12 by default). */
export function opensearchHash(password: string, settings?: OpenSearchHashSettings, limits?: WorkLimits): string;
/** The same functions, run in a shared worker so pages and Node's event loop never block. */
export function hashAsync(password: string, spec?: HashSpec, limits?: WorkLimits): Promise<string>;
export function verifyAsync(password: string, hash: string, limits?: WorkLimits): Promise<boolean>;
export function verifyOpenSearchAsync(password: string, hash: string, limits?: WorkLimits): Promise<boolean>;
export function needsRehashAsync(hash: string, spec?: HashSpec): Promise<boolean>;
export function elasticsearchPasswordHashAsync(password: string, algorithm?: string): Promise<string>;
export function opensearchHashAsync(password: string, settings?: OpenSearchHashSettings, limits?: WorkLimits): Promise<string>;
/**
 * A random password that `validate(…, policy, context)` accepts, and its entropy in bits. For a
 * passphrase (`mode: 'passphrase'`) in browsers, `await loadWordList()` first (else
 * `word_list_not_loaded`); in Node the word list is read at the first passphrase.
 */
export function generate(policy: Policy | PolicySpec, options?: GenerateOptions, context?: Context): Generated;

/** zxcvbn 4.4.2's estimate (the same score, guesses and sequence as the npm package). */
export interface Strength {
  /** 0 (too guessable) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  guesses: number;
  guesses_log10: number;
  /** The matches zxcvbn found, positions in UTF-16 units (no tokens: they are the password). */
  sequence: Array<{
    pattern: 'dictionary' | 'spatial' | 'repeat' | 'sequence' | 'regex' | 'date' | 'bruteforce';
    i: number;
    j: number;
    guesses: number;
    dictionary_name?: string;
  }>;
  /** Seconds to crack at zxcvbn's four attack speeds. */
  crack_times_seconds: {
    online_throttling_100_per_hour: number;
    online_no_throttling_10_per_second: number;
    offline_slow_hashing_1e4_per_second: number;
    offline_fast_hashing_1e10_per_second: number;
  };
  /** zxcvbn's warning and suggestions, each with a stable code (e.g. `top10_common_password`). */
  feedback: { warning: { code: string; message: string } | null; suggestions: Array<{ code: string; message: string }> };
}
/**
 * A zxcvbn-compatible strength estimate; `userInputs` are words the password should not lean on.
 * In browsers, `await loadStrength()` first (else `strength_dictionaries_not_loaded`); in Node the
 * estimator and its dictionaries are read at the first estimate.
 */
export function strength(password: string, userInputs?: string[], referenceYear?: number): Strength;
/**
 * Downloads zxcvbn's estimator (a wasm module of its own, about 92 KB gzipped) and dictionaries
 * (strength-data.js, about 394 KB gzipped) once; `strength()` and policies with a strength rule
 * (the `opensearch` preset) need them. Pages that never call it never download them. In Node it
 * reads them at once (they are otherwise read at their first use).
 */
export function loadStrength(): Promise<void>;
/**
 * Downloads the EFF passphrase word list (word-list.js, about 25 KB gzipped) once; passphrase
 * `generate()` needs it. Pages that never call it never download it. In Node it reads it at once
 * (it is otherwise read at the first passphrase).
 */
export function loadWordList(): Promise<void>;

/** `malformed_hash`. */
export class MalformedHashError extends ConfigurationError {}
/** `password_too_long_for_bcrypt`: `params.max` and `params.actual` in UTF-8 bytes. */
export class PasswordTooLongForBcryptError extends ConfigurationError {}
/** `work_limit_exceeded`: `params.limit_name`, `params.value`, `params.limit`. */
export class WorkLimitExceededError extends ConfigurationError {}
/** `random_unavailable`. */
export class RandomUnavailableError extends ChpassError {}
/** @internal the worker entry's dispatcher. */
export function __serve(message: unknown, reply: (message: unknown) => void): void;

declare const api: {
  Policy: typeof Policy;
  validate: typeof validate;
  presets: typeof presets;
  ERROR_CODES: typeof ERROR_CODES;
  ChpassError: typeof ChpassError;
  ConfigurationError: typeof ConfigurationError;
  InvalidPolicyError: typeof InvalidPolicyError;
  InvalidArgumentError: typeof InvalidArgumentError;
  buildRequest: typeof buildRequest;
  interpretResponse: typeof interpretResponse;
  dumpRequest: typeof dumpRequest;
  ServerError: typeof ServerError;
  ProtocolError: typeof ProtocolError;
  UnexpectedResponseError: typeof UnexpectedResponseError;
  InvalidCurrentPasswordError: typeof InvalidCurrentPasswordError;
  AuthenticationFailedError: typeof AuthenticationFailedError;
  AccountLockedError: typeof AccountLockedError;
  AccountDisabledError: typeof AccountDisabledError;
  PasswordExpiredError: typeof PasswordExpiredError;
  ServerRejectedPasswordError: typeof ServerRejectedPasswordError;
  ForbiddenError: typeof ForbiddenError;
  NotFoundError: typeof NotFoundError;
  ConflictError: typeof ConflictError;
  MethodNotAllowedError: typeof MethodNotAllowedError;
  PayloadTooLargeError: typeof PayloadTooLargeError;
  UnsupportedMediaTypeError: typeof UnsupportedMediaTypeError;
  ServerUnavailableError: typeof ServerUnavailableError;
  BadRequestError: typeof BadRequestError;
  TransportError: typeof TransportError;
  NetworkError: typeof NetworkError;
  TimeoutError: typeof TimeoutError;
  TlsError: typeof TlsError;
  InsecureHttpError: typeof InsecureHttpError;
  OutcomeUnknownError: typeof OutcomeUnknownError;
  PolicyViolationError: typeof PolicyViolationError;
  Client: typeof Client;
  hash: typeof hash;
  verify: typeof verify;
  verifyOpenSearch: typeof verifyOpenSearch;
  needsRehash: typeof needsRehash;
  elasticsearchPasswordHash: typeof elasticsearchPasswordHash;
  opensearchHash: typeof opensearchHash;
  hashAsync: typeof hashAsync;
  verifyAsync: typeof verifyAsync;
  verifyOpenSearchAsync: typeof verifyOpenSearchAsync;
  needsRehashAsync: typeof needsRehashAsync;
  elasticsearchPasswordHashAsync: typeof elasticsearchPasswordHashAsync;
  opensearchHashAsync: typeof opensearchHashAsync;
  generate: typeof generate;
  strength: typeof strength;
  loadStrength: typeof loadStrength;
  loadWordList: typeof loadWordList;
  MalformedHashError: typeof MalformedHashError;
  PasswordTooLongForBcryptError: typeof PasswordTooLongForBcryptError;
  WorkLimitExceededError: typeof WorkLimitExceededError;
  RandomUnavailableError: typeof RandomUnavailableError;
  __serve: typeof __serve;
};
export default api;
