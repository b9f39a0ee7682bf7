// The error classes every entry point shares (one instance, so `instanceof` holds across
// `chpass`, `chpass/hash`, `chpass/client` and `chpass/strength`), and the factory the wasm
// modules raise them through. Codes, kinds and messages are core's.
import { NOT_READY } from './constants.js';

// Class names are set from strings: a minifier (Vite, esbuild) renames classes, and
// `err.name` must stay 'InvalidCurrentPasswordError' in production bundles too.
const named = (name, Class) => Object.defineProperty(Class, 'name', { value: name });

/** Root of every chpass error: `code` is stable across Rust, JavaScript and Python. */
export class ChpassError extends Error {
  constructor(message, { code, kind, params, retryable } = {}) {
    super(message);
    Object.defineProperty(this, 'name', { value: new.target.name, configurable: true, writable: true });
    this.code = code;
    this.kind = kind;
    this.params = params ?? {};
    /** Whether trying again later may succeed (core decides: only `server_unavailable`). */
    this.retryable = retryable ?? false;
  }
}
named('ChpassError', ChpassError);
/** A policy, argument or hash that chpass cannot use. */
export const ConfigurationError = named('ConfigurationError', class extends ChpassError {});
/** `invalid_policy`: `params.path` names the offending key. */
export const InvalidPolicyError = named('InvalidPolicyError', class extends ConfigurationError {});
/** `invalid_argument`: for example a password holding a lone surrogate. */
export const InvalidArgumentError = named('InvalidArgumentError', class extends ConfigurationError {});
/** The server answered with an error: `params.status`, `params.server_message`. */
export const ServerError = named('ServerError', class extends ChpassError {});
/** The server's answer could not be understood. */
export const ProtocolError = named('ProtocolError', class extends ChpassError {});
export const InvalidCurrentPasswordError = named('InvalidCurrentPasswordError', class extends ServerError {});
export const AuthenticationFailedError = named('AuthenticationFailedError', class extends ServerError {});
export const AccountLockedError = named('AccountLockedError', class extends ServerError {});
export const AccountDisabledError = named('AccountDisabledError', class extends ServerError {});
export const PasswordExpiredError = named('PasswordExpiredError', class extends ServerError {});
export const ServerRejectedPasswordError = named('ServerRejectedPasswordError', class extends ServerError {});
export const ForbiddenError = named('ForbiddenError', class extends ServerError {});
export const NotFoundError = named('NotFoundError', class extends ServerError {});
export const ConflictError = named('ConflictError', class extends ServerError {});
export const MethodNotAllowedError = named('MethodNotAllowedError', class extends ServerError {});
export const PayloadTooLargeError = named('PayloadTooLargeError', class extends ServerError {});
export const UnsupportedMediaTypeError = named('UnsupportedMediaTypeError', class extends ServerError {});
export const ServerUnavailableError = named('ServerUnavailableError', class extends ServerError {});
export const BadRequestError = named('BadRequestError', class extends ServerError {});
export const UnexpectedResponseError = named('UnexpectedResponseError', class extends ProtocolError {});
/** The request got no (complete) answer. */
export const TransportError = named('TransportError', class extends ChpassError {});
export const NetworkError = named('NetworkError', class extends TransportError {});
export const TimeoutError = named('TimeoutError', class extends TransportError {});
export const TlsError = named('TlsError', class extends TransportError {});
export const InsecureHttpError = named('InsecureHttpError', class extends TransportError {});
/** The change may have reached the server; the password may or may not have changed. */
export const OutcomeUnknownError = named('OutcomeUnknownError', class extends TransportError {});
/** The new password breaks the policy; nothing was sent. `params.report` is the report. */
export const PolicyViolationError = named('PolicyViolationError', class extends ChpassError {});
/** `malformed_hash`: the string is no hash chpass knows; the message says what is wrong. */
export const MalformedHashError = named('MalformedHashError', class extends ConfigurationError {});
/** `password_too_long_for_bcrypt`: over 72 UTF-8 bytes; refused, never truncated. */
export const PasswordTooLongForBcryptError = named('PasswordTooLongForBcryptError', class extends ConfigurationError {});
/** `work_limit_exceeded`: `params.limit_name` names the limit to raise. */
export const WorkLimitExceededError = named('WorkLimitExceededError', class extends ConfigurationError {});
/** `random_unavailable`: the platform's random number generator failed. */
export const RandomUnavailableError = named('RandomUnavailableError', class extends ChpassError {});
/** `not_ready`: an entry point was used before `await ready()`; `params.entry` names it. */
export const NotReadyError = named('NotReadyError', class extends ConfigurationError {});

const byCode = {
  invalid_policy: InvalidPolicyError,
  invalid_argument: InvalidArgumentError,
  invalid_current_password: InvalidCurrentPasswordError,
  authentication_failed: AuthenticationFailedError,
  account_locked: AccountLockedError,
  account_disabled: AccountDisabledError,
  password_expired: PasswordExpiredError,
  server_rejected_password: ServerRejectedPasswordError,
  forbidden: ForbiddenError,
  not_found: NotFoundError,
  conflict: ConflictError,
  method_not_allowed: MethodNotAllowedError,
  payload_too_large: PayloadTooLargeError,
  unsupported_media_type: UnsupportedMediaTypeError,
  server_unavailable: ServerUnavailableError,
  bad_request: BadRequestError,
  unexpected_response: UnexpectedResponseError,
  network: NetworkError,
  timeout: TimeoutError,
  tls: TlsError,
  insecure_http: InsecureHttpError,
  outcome_unknown: OutcomeUnknownError,
  policy_violation: PolicyViolationError,
  malformed_hash: MalformedHashError,
  password_too_long_for_bcrypt: PasswordTooLongForBcryptError,
  work_limit_exceeded: WorkLimitExceededError,
  random_unavailable: RandomUnavailableError,
  not_ready: NotReadyError,
};
const byKind = {
  configuration: ConfigurationError,
  server: ServerError,
  protocol: ProtocolError,
  transport: TransportError,
  policy: PolicyViolationError,
};

/** The typed error for core's `(code, kind, message, params, retryable)`. */
export function makeError(code, kind, message, params, retryable) {
  const Class = byCode[code] ?? byKind[kind] ?? ChpassError;
  return new Class(message, { code, kind, params, retryable });
}

/** What an entry point throws when used before its `ready()` settled. */
export function notReady(entry) {
  return makeError('not_ready', 'configuration', NOT_READY[entry], { entry }, false);
}
