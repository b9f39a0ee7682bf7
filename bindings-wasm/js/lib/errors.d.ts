// Generated from core/src/error_types.rs by `cargo run -p chpass --features schema --example binding_tables`: do not edit.
import type { Report } from '../index.js';

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
  | 'password_not_found'
  | 'password_prompted'
  | 'malformed_hash'
  | 'password_too_long_for_bcrypt'
  | 'work_limit_exceeded'
  | 'random_unavailable'
  | 'strength_dictionaries_not_loaded'
  | 'word_list_not_loaded'
  | 'not_ready'
  | 'locale_not_loaded';
export type ErrorKind =
  | 'configuration'
  | 'server'
  | 'protocol'
  | 'transport'
  | 'policy'
  | 'file'
  | 'system';

/** Root of every chpass error: `code` is stable across Rust, JavaScript and Python. */
export class ChpassError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly params: Record<string, unknown>;
  /** Whether trying again later may succeed (only `server_unavailable`). */
  readonly retryable: boolean;
}
/** A policy, an argument or a hash that chpass cannot use. */
export class ConfigurationError extends ChpassError {
  readonly kind: 'configuration';
}
/** The server answered with an error; `params` has `status` and, when it sent one, `server_message`. */
export class ServerError extends ChpassError {
  readonly kind: 'server';
}
/** The server's answer could not be understood. */
export class ProtocolError extends ChpassError {
  readonly kind: 'protocol';
}
/** A credential file could not be read, understood, written, or holds nothing to change; it was left as it was. */
export class CredentialFileError extends ChpassError {
  readonly kind: 'file';
}
/** The request got no (complete) answer. */
export class TransportError extends ChpassError {
  readonly kind: 'transport';
}
/** `invalid_policy`: A policy, preset option or keystone.conf cannot be loaded; `params.path` names the key. */
export class InvalidPolicyError extends ConfigurationError {
  readonly code: 'invalid_policy';
  readonly params: { path: string };
}
/** `invalid_argument`: An argument cannot be used: a password with a lone surrogate (`reason` `lone_surrogate`, `index`), an operation with an unknown key; inside an object `path` says where (`auth.basic.password`). */
export class InvalidArgumentError extends ConfigurationError {
  readonly code: 'invalid_argument';
  readonly params: { argument: string; path?: string; reason?: string; index?: number };
}
/** `invalid_current_password`: The current password is wrong (also when the Keystone flow's login with it is refused). */
export class InvalidCurrentPasswordError extends ServerError {
  readonly code: 'invalid_current_password';
  readonly params: { status: number; server_message?: string };
}
/** `authentication_failed`: The credentials used to authenticate were refused. */
export class AuthenticationFailedError extends ServerError {
  readonly code: 'authentication_failed';
  readonly params: { status: number; server_message?: string };
}
/** `account_locked`: Keystone: the account is locked after failed logins. */
export class AccountLockedError extends ServerError {
  readonly code: 'account_locked';
  readonly params: { status: number; server_message?: string };
}
/** `account_disabled`: Keystone: the account is disabled. */
export class AccountDisabledError extends ServerError {
  readonly code: 'account_disabled';
  readonly params: { status: number; server_message?: string };
}
/** `password_expired`: Keystone: the password has expired; change it before logging in. */
export class PasswordExpiredError extends ServerError {
  readonly code: 'password_expired';
  readonly params: { status: number; server_message?: string };
}
/** `server_rejected_password`: The server refused the new password; `violation_code` is the client-side code that predicts it, when known. */
export class ServerRejectedPasswordError extends ServerError {
  readonly code: 'server_rejected_password';
  readonly params: { status: number; server_message?: string; violation_code?: string };
}
/** `forbidden`: 403: the credentials may not do this. */
export class ForbiddenError extends ServerError {
  readonly code: 'forbidden';
  readonly params: { status: number; server_message?: string };
}
/** `not_found`: 404: no such user or endpoint. */
export class NotFoundError extends ServerError {
  readonly code: 'not_found';
  readonly params: { status: number; server_message?: string };
}
/** `conflict`: 409. */
export class ConflictError extends ServerError {
  readonly code: 'conflict';
  readonly params: { status: number; server_message?: string };
}
/** `method_not_allowed`: 405. */
export class MethodNotAllowedError extends ServerError {
  readonly code: 'method_not_allowed';
  readonly params: { status: number; server_message?: string };
}
/** `payload_too_large`: 413. */
export class PayloadTooLargeError extends ServerError {
  readonly code: 'payload_too_large';
  readonly params: { status: number; server_message?: string };
}
/** `unsupported_media_type`: 415. */
export class UnsupportedMediaTypeError extends ServerError {
  readonly code: 'unsupported_media_type';
  readonly params: { status: number; server_message?: string };
}
/** `server_unavailable`: 503 or 429: try again later (`retryable`); `retry_after` in seconds from `Retry-After`. */
export class ServerUnavailableError extends ServerError {
  readonly code: 'server_unavailable';
  readonly params: { status: number; server_message?: string; retry_after?: number };
}
/** `bad_request`: 400. */
export class BadRequestError extends ServerError {
  readonly code: 'bad_request';
  readonly params: { status: number; server_message?: string };
}
/** `unexpected_response`: Any other status, or a body that is not what the endpoint documents; `excerpt` is redacted. */
export class UnexpectedResponseError extends ProtocolError {
  readonly code: 'unexpected_response';
  readonly params: { status: number; excerpt: string };
}
/** `network`: Could not connect; nothing reached the server. */
export class NetworkError extends TransportError {
  readonly code: 'network';
}
/** `timeout`: No answer in time (connecting, or to a request that changes nothing). */
export class RequestTimeoutError extends TransportError {
  readonly code: 'timeout';
}
/** `tls`: The certificate or the TLS handshake failed. */
export class TlsError extends TransportError {
  readonly code: 'tls';
}
/** `insecure_http`: Plain `http://` to a host that is not loopback, without `allow_insecure_http`. */
export class InsecureHttpError extends TransportError {
  readonly code: 'insecure_http';
}
/** `outcome_unknown`: A change may have reached the server but no answer came back: the password may or may not have changed; never retried. */
export class OutcomeUnknownError extends TransportError {
  readonly code: 'outcome_unknown';
}
/** `policy_violation`: The new password breaks the policy; nothing was sent; `report` is the report. */
export class PolicyViolationError extends ChpassError {
  readonly code: 'policy_violation';
  readonly params: { report: Report };
}
/** `password_not_found`: The file holds no password for that cloud (`update_cloud_password`: none of the files openstacksdk reads does), or an RC file no `OS_PASSWORD`; nothing was written. */
export class PasswordNotFoundError extends CredentialFileError {
  readonly code: 'password_not_found';
  readonly params: { path: string | null; cloud?: string };
}
/** `password_prompted`: The RC file asks for the password when sourced instead of storing it: there is none to change; it was left as it is. */
export class PasswordPromptedError extends CredentialFileError {
  readonly code: 'password_prompted';
  readonly params: { path: string };
}
/** `malformed_hash`: Not a hash chpass knows; the message says what is wrong. */
export class MalformedHashError extends ConfigurationError {
  readonly code: 'malformed_hash';
}
/** `password_too_long_for_bcrypt`: Over 72 UTF-8 bytes: bcrypt would ignore the rest, so chpass refuses. */
export class PasswordTooLongForBcryptError extends ConfigurationError {
  readonly code: 'password_too_long_for_bcrypt';
  readonly params: { max: number; actual: number };
}
/** `work_limit_exceeded`: The hash would cost more than the work limits allow; raise `limit_name` to accept it. */
export class WorkLimitExceededError extends ConfigurationError {
  readonly code: 'work_limit_exceeded';
  readonly params: { limit_name: string; value: number; limit: number };
}
/** `random_unavailable`: The platform's random number generator failed. */
export class RandomUnavailableError extends ChpassError {
  readonly code: 'random_unavailable';
}
/** `not_ready`: npm: an entry point's function before its `await ready()`; `entry` names it. */
export class NotReadyError extends ConfigurationError {
  readonly code: 'not_ready';
  readonly params: { entry: 'chpass' | 'chpass/hash' | 'chpass/client' | 'chpass/strength' };
}
