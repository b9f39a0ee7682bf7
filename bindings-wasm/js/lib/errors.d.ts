// Generated from core/src/error_types.rs by `cargo run -p chpass --features schema --example binding_tables`: do not edit.
import type { Report } from '../index.js';

/** Every code a chpass error can have (docs/errors.md says what each means). */
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
/** The families of the codes; each has its class (`ServerError`, …). */
export type ErrorKind =
  | 'configuration'
  | 'server'
  | 'protocol'
  | 'transport'
  | 'policy'
  | 'file'
  | 'system';

/** The error core's `(code, kind, message, params, retryable)` means, of its class: how the wasm modules raise errors. */
export function makeError(code: ErrorCode, kind: ErrorKind, message: string, params: Record<string, unknown>, retryable: boolean): ChpassError;

/** Root of every chpass error: `code` is stable across Rust, JavaScript and Python. */
export class ChpassError extends Error {
  /** What went wrong, stable across versions and languages (the table of docs/errors.md). */
  readonly code: ErrorCode;
  /** The family of the code, which the class hierarchy follows. */
  readonly kind: ErrorKind;
  /** The code's details (docs/errors.md lists them); never a secret. */
  readonly params: Record<string, unknown>;
  /** Whether trying again later may succeed (only `server_unavailable`). */
  readonly retryable: boolean;
}
/** A policy, an argument or a hash that chpass cannot use. */
export class ConfigurationError extends ChpassError {
  /** The family of the code, which the class hierarchy follows. */
  readonly kind: 'configuration';
}
/** The server answered with an error; `params` has `status` and, when it sent one, `server_message`. */
export class ServerError extends ChpassError {
  /** The family of the code, which the class hierarchy follows. */
  readonly kind: 'server';
}
/** The server's answer could not be understood. */
export class ProtocolError extends ChpassError {
  /** The family of the code, which the class hierarchy follows. */
  readonly kind: 'protocol';
}
/** A credential file could not be read, understood, written, or holds nothing to change; it was left as it was. */
export class CredentialFileError extends ChpassError {
  /** The family of the code, which the class hierarchy follows. */
  readonly kind: 'file';
}
/** The request got no (complete) answer. */
export class TransportError extends ChpassError {
  /** The family of the code, which the class hierarchy follows. */
  readonly kind: 'transport';
}
/** `invalid_policy`: A policy, preset option or keystone.conf cannot be loaded; `params.path` names the key. */
export class InvalidPolicyError extends ConfigurationError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'invalid_policy';
  /** The code's details; never a secret. */
  readonly params: {
    /** Where: a key path (`auth.basic.password`), or a file's path. */
    path: string;
  };
}
/** `invalid_argument`: An argument cannot be used: a password with a lone surrogate (`reason` `lone_surrogate`, `index`), an operation with an unknown key; inside an object `path` says where (`auth.basic.password`). */
export class InvalidArgumentError extends ConfigurationError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'invalid_argument';
  /** The code's details; never a secret. */
  readonly params: {
    /** Which argument. */
    argument: string;
    /** Where: a key path (`auth.basic.password`), or a file's path. */
    path?: string;
    /** What is wrong with it. */
    reason?: string;
    /** Where in it, in UTF-16 units. */
    index?: number;
  };
}
/** `invalid_current_password`: The current password is wrong (also when the Keystone flow's login with it is refused). */
export class InvalidCurrentPasswordError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'invalid_current_password';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `authentication_failed`: The credentials used to authenticate were refused. */
export class AuthenticationFailedError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'authentication_failed';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `account_locked`: Keystone: the account is locked after failed logins. */
export class AccountLockedError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'account_locked';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `account_disabled`: Keystone: the account is disabled. */
export class AccountDisabledError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'account_disabled';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `password_expired`: Keystone: the password has expired; change it before logging in. */
export class PasswordExpiredError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'password_expired';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `server_rejected_password`: The server refused the new password; `violation_code` is the client-side code that predicts it, when known. */
export class ServerRejectedPasswordError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'server_rejected_password';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
    /** The client-side violation code that predicts the refusal, when known. */
    violation_code?: string;
  };
}
/** `forbidden`: 403: the credentials may not do this. */
export class ForbiddenError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'forbidden';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `not_found`: 404: no such user or endpoint. */
export class NotFoundError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'not_found';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `conflict`: 409. */
export class ConflictError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'conflict';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `method_not_allowed`: 405. */
export class MethodNotAllowedError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'method_not_allowed';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `payload_too_large`: 413. */
export class PayloadTooLargeError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'payload_too_large';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `unsupported_media_type`: 415. */
export class UnsupportedMediaTypeError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'unsupported_media_type';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `server_unavailable`: 503 or 429: try again later (`retryable`); `retry_after` in seconds from `Retry-After`. */
export class ServerUnavailableError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'server_unavailable';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
    /** The seconds the server asked to wait (`Retry-After`). */
    retry_after?: number;
  };
}
/** `bad_request`: 400. */
export class BadRequestError extends ServerError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'bad_request';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** What the server said, when it said something. */
    server_message?: string;
  };
}
/** `unexpected_response`: Any other status, or a body that is not what the endpoint documents; `excerpt` is redacted. */
export class UnexpectedResponseError extends ProtocolError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'unexpected_response';
  /** The code's details; never a secret. */
  readonly params: {
    /** The HTTP status. */
    status: number;
    /** The start of the body, secrets redacted. */
    excerpt: string;
  };
}
/** `network`: Could not connect; nothing reached the server. */
export class NetworkError extends TransportError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'network';
}
/** `timeout`: No answer in time (connecting, or to a request that changes nothing). */
export class RequestTimeoutError extends TransportError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'timeout';
}
/** `tls`: The certificate or the TLS handshake failed. */
export class TlsError extends TransportError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'tls';
}
/** `insecure_http`: Plain `http://` to a host that is not loopback, without `allow_insecure_http`. */
export class InsecureHttpError extends TransportError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'insecure_http';
}
/** `outcome_unknown`: A change may have reached the server but no answer came back: the password may or may not have changed; never retried. */
export class OutcomeUnknownError extends TransportError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'outcome_unknown';
}
/** `policy_violation`: The new password breaks the policy; nothing was sent; `report` is the report. */
export class PolicyViolationError extends ChpassError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'policy_violation';
  /** The code's details; never a secret. */
  readonly params: {
    /** The policy check's report. */
    report: Report;
  };
}
/** `password_not_found`: The file holds no password for that cloud (`update_cloud_password`: none of the files openstacksdk reads does), or an RC file no `OS_PASSWORD`; nothing was written. */
export class PasswordNotFoundError extends CredentialFileError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'password_not_found';
  /** The code's details; never a secret. */
  readonly params: {
    /** Where: a key path (`auth.basic.password`), or a file's path. */
    path: string | null;
    /** The cloud asked for. */
    cloud?: string;
  };
}
/** `password_prompted`: The RC file asks for the password when sourced instead of storing it: there is none to change; it was left as it is. */
export class PasswordPromptedError extends CredentialFileError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'password_prompted';
  /** The code's details; never a secret. */
  readonly params: {
    /** Where: a key path (`auth.basic.password`), or a file's path. */
    path: string;
  };
}
/** `malformed_hash`: Not a hash chpass knows; the message says what is wrong. */
export class MalformedHashError extends ConfigurationError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'malformed_hash';
}
/** `password_too_long_for_bcrypt`: Over 72 UTF-8 bytes: bcrypt would ignore the rest, so chpass refuses. */
export class PasswordTooLongForBcryptError extends ConfigurationError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'password_too_long_for_bcrypt';
  /** The code's details; never a secret. */
  readonly params: {
    /** The most that is allowed. */
    max: number;
    /** What the password has, in the same terms. */
    actual: number;
  };
}
/** `work_limit_exceeded`: The hash would cost more than the work limits allow; raise `limit_name` to accept it. */
export class WorkLimitExceededError extends ConfigurationError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'work_limit_exceeded';
  /** The code's details; never a secret. */
  readonly params: {
    /** The work limit to raise to accept it. */
    limit_name: string;
    /** What the hash would cost, in the limit's terms. */
    value: number;
    /** The limit that was reached. */
    limit: number;
  };
}
/** `random_unavailable`: The platform's random number generator failed. */
export class RandomUnavailableError extends ChpassError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'random_unavailable';
}
/** `not_ready`: npm: an entry point's function before its `await ready()`; `entry` names it. */
export class NotReadyError extends ConfigurationError {
  /** What went wrong, stable across versions and languages. */
  readonly code: 'not_ready';
  /** The code's details; never a secret. */
  readonly params: {
    /** The entry point to `await ready()` from. */
    entry: 'chpass' | 'chpass/hash' | 'chpass/client' | 'chpass/strength';
  };
}
