// The error classes every entry point of chpass shares (`chpass`, `chpass/hash`, …).
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
  | 'malformed_hash'
  | 'password_too_long_for_bcrypt'
  | 'work_limit_exceeded'
  | 'random_unavailable'
  | 'strength_dictionaries_not_loaded'
  | 'word_list_not_loaded'
  | 'not_ready';
export type ErrorKind = 'configuration' | 'server' | 'protocol' | 'transport' | 'policy' | 'file' | 'system';


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
/** `malformed_hash`. */
export class MalformedHashError extends ConfigurationError {}
/** `password_too_long_for_bcrypt`: `params.max` and `params.actual` in UTF-8 bytes. */
export class PasswordTooLongForBcryptError extends ConfigurationError {}
/** `work_limit_exceeded`: `params.limit_name`, `params.value`, `params.limit`. */
export class WorkLimitExceededError extends ConfigurationError {}
/** `random_unavailable`. */
export class RandomUnavailableError extends ChpassError {}
/** `not_ready`: an entry point used before its `await ready()`; `params.entry` names it. */
export class NotReadyError extends ConfigurationError {
  readonly params: { entry: 'chpass' | 'chpass/hash' | 'chpass/client' | 'chpass/strength' };
}
