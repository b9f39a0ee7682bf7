// Generated from core/src/error_types.rs by `cargo run -p chpass --features schema --example binding_tables`: do not edit.
// The error classes every entry point shares (one set, so `instanceof` holds across entries),
// and the factory the wasm modules raise them through.
import { ChpassError, named } from './chpass-error.js';

export { ChpassError };
/** A policy, an argument or a hash that chpass cannot use. */
export const ConfigurationError = named('ConfigurationError', class extends ChpassError {});
/** The server answered with an error; `params` has `status` and, when it sent one, `server_message`. */
export const ServerError = named('ServerError', class extends ChpassError {});
/** The server's answer could not be understood. */
export const ProtocolError = named('ProtocolError', class extends ChpassError {});
/** A credential file could not be read, understood, written, or holds nothing to change; it was left as it was. */
export const CredentialFileError = named('CredentialFileError', class extends ChpassError {});
/** The request got no (complete) answer. */
export const TransportError = named('TransportError', class extends ChpassError {});
/** `invalid_policy`: A policy, preset option or keystone.conf cannot be loaded; `params.path` names the key. */
export const InvalidPolicyError = named('InvalidPolicyError', class extends ConfigurationError {});
/** `invalid_argument`: An argument cannot be used: a password with a lone surrogate (`reason` `lone_surrogate`, `index`), an operation with an unknown key; inside an object `path` says where (`auth.basic.password`). */
export const InvalidArgumentError = named('InvalidArgumentError', class extends ConfigurationError {});
/** `invalid_current_password`: The current password is wrong (also when the Keystone flow's login with it is refused). */
export const InvalidCurrentPasswordError = named('InvalidCurrentPasswordError', class extends ServerError {});
/** `authentication_failed`: The credentials used to authenticate were refused. */
export const AuthenticationFailedError = named('AuthenticationFailedError', class extends ServerError {});
/** `account_locked`: Keystone: the account is locked after failed logins. */
export const AccountLockedError = named('AccountLockedError', class extends ServerError {});
/** `account_disabled`: Keystone: the account is disabled. */
export const AccountDisabledError = named('AccountDisabledError', class extends ServerError {});
/** `password_expired`: Keystone: the password has expired; change it before logging in. */
export const PasswordExpiredError = named('PasswordExpiredError', class extends ServerError {});
/** `server_rejected_password`: The server refused the new password; `violation_code` is the client-side code that predicts it, when known. */
export const ServerRejectedPasswordError = named('ServerRejectedPasswordError', class extends ServerError {});
/** `forbidden`: 403: the credentials may not do this. */
export const ForbiddenError = named('ForbiddenError', class extends ServerError {});
/** `not_found`: 404: no such user or endpoint. */
export const NotFoundError = named('NotFoundError', class extends ServerError {});
/** `conflict`: 409. */
export const ConflictError = named('ConflictError', class extends ServerError {});
/** `method_not_allowed`: 405. */
export const MethodNotAllowedError = named('MethodNotAllowedError', class extends ServerError {});
/** `payload_too_large`: 413. */
export const PayloadTooLargeError = named('PayloadTooLargeError', class extends ServerError {});
/** `unsupported_media_type`: 415. */
export const UnsupportedMediaTypeError = named('UnsupportedMediaTypeError', class extends ServerError {});
/** `server_unavailable`: 503 or 429: try again later (`retryable`); `retry_after` in seconds from `Retry-After`. */
export const ServerUnavailableError = named('ServerUnavailableError', class extends ServerError {});
/** `bad_request`: 400. */
export const BadRequestError = named('BadRequestError', class extends ServerError {});
/** `unexpected_response`: Any other status, or a body that is not what the endpoint documents; `excerpt` is redacted. */
export const UnexpectedResponseError = named('UnexpectedResponseError', class extends ProtocolError {});
/** `network`: Could not connect; nothing reached the server. */
export const NetworkError = named('NetworkError', class extends TransportError {});
/** `timeout`: No answer in time (connecting, or to a request that changes nothing). */
export const RequestTimeoutError = named('RequestTimeoutError', class extends TransportError {});
/** `tls`: The certificate or the TLS handshake failed. */
export const TlsError = named('TlsError', class extends TransportError {});
/** `insecure_http`: Plain `http://` to a host that is not loopback, without `allow_insecure_http`. */
export const InsecureHttpError = named('InsecureHttpError', class extends TransportError {});
/** `outcome_unknown`: A change may have reached the server but no answer came back: the password may or may not have changed; never retried. */
export const OutcomeUnknownError = named('OutcomeUnknownError', class extends TransportError {});
/** `policy_violation`: The new password breaks the policy; nothing was sent; `report` is the report. */
export const PolicyViolationError = named('PolicyViolationError', class extends ChpassError {});
/** `password_not_found`: The file holds no password for that cloud (`update_cloud_password`: none of the files openstacksdk reads does), or an RC file no `OS_PASSWORD`; nothing was written. */
export const PasswordNotFoundError = named('PasswordNotFoundError', class extends CredentialFileError {});
/** `password_prompted`: The RC file asks for the password when sourced instead of storing it: there is none to change; it was left as it is. */
export const PasswordPromptedError = named('PasswordPromptedError', class extends CredentialFileError {});
/** `malformed_hash`: Not a hash chpass knows; the message says what is wrong. */
export const MalformedHashError = named('MalformedHashError', class extends ConfigurationError {});
/** `password_too_long_for_bcrypt`: Over 72 UTF-8 bytes: bcrypt would ignore the rest, so chpass refuses. */
export const PasswordTooLongForBcryptError = named('PasswordTooLongForBcryptError', class extends ConfigurationError {});
/** `work_limit_exceeded`: The hash would cost more than the work limits allow; raise `limit_name` to accept it. */
export const WorkLimitExceededError = named('WorkLimitExceededError', class extends ConfigurationError {});
/** `random_unavailable`: The platform's random number generator failed. */
export const RandomUnavailableError = named('RandomUnavailableError', class extends ChpassError {});
/** `not_ready`: npm: an entry point's function before its `await ready()`; `entry` names it. */
export const NotReadyError = named('NotReadyError', class extends ConfigurationError {});

/** @type {Record<string, typeof ChpassError>} */
const BY_CODE = {
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
  timeout: RequestTimeoutError,
  tls: TlsError,
  insecure_http: InsecureHttpError,
  outcome_unknown: OutcomeUnknownError,
  policy_violation: PolicyViolationError,
  file_error: CredentialFileError,
  password_not_found: PasswordNotFoundError,
  password_prompted: PasswordPromptedError,
  malformed_hash: MalformedHashError,
  password_too_long_for_bcrypt: PasswordTooLongForBcryptError,
  work_limit_exceeded: WorkLimitExceededError,
  random_unavailable: RandomUnavailableError,
  strength_dictionaries_not_loaded: ConfigurationError,
  word_list_not_loaded: ConfigurationError,
  not_ready: NotReadyError,
  locale_not_loaded: ConfigurationError,
};
/** @type {Record<string, typeof ChpassError>} */
const BY_KIND = {
  configuration: ConfigurationError,
  server: ServerError,
  protocol: ProtocolError,
  file: CredentialFileError,
  transport: TransportError,
};

/** @type {typeof import('./errors.js').makeError} */
export function makeError(code, kind, message, params, retryable) {
  const Class = BY_CODE[code] ?? BY_KIND[kind] ?? ChpassError;
  return new Class(message, { code, kind, params, retryable });
}
