// The public API over a wasm-bindgen module (Node's CJS build or the web build): real Error
// classes for core's error codes, and small conveniences. No rule, format or code lives here.

export function build(wasm) {
  /** Root of every chpass error: `code` is stable across Rust, JavaScript and Python. */
  class ChpassError extends Error {
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
  /** A policy, argument or hash that chpass cannot use. */
  class ConfigurationError extends ChpassError {}
  /** `invalid_policy`: `params.path` names the offending key. */
  class InvalidPolicyError extends ConfigurationError {}
  /** `invalid_argument`: for example a password holding a lone surrogate. */
  class InvalidArgumentError extends ConfigurationError {}

  /** The server answered with an error: `params.status`, `params.server_message`. */
  class ServerError extends ChpassError {}
  /** The server's answer could not be understood. */
  class ProtocolError extends ChpassError {}
  const serverErrors = {
    invalid_current_password: class InvalidCurrentPasswordError extends ServerError {},
    authentication_failed: class AuthenticationFailedError extends ServerError {},
    account_locked: class AccountLockedError extends ServerError {},
    account_disabled: class AccountDisabledError extends ServerError {},
    password_expired: class PasswordExpiredError extends ServerError {},
    server_rejected_password: class ServerRejectedPasswordError extends ServerError {},
    forbidden: class ForbiddenError extends ServerError {},
    not_found: class NotFoundError extends ServerError {},
    conflict: class ConflictError extends ServerError {},
    method_not_allowed: class MethodNotAllowedError extends ServerError {},
    payload_too_large: class PayloadTooLargeError extends ServerError {},
    unsupported_media_type: class UnsupportedMediaTypeError extends ServerError {},
    server_unavailable: class ServerUnavailableError extends ServerError {},
    bad_request: class BadRequestError extends ServerError {},
  };
  class UnexpectedResponseError extends ProtocolError {}
  /** The request got no (complete) answer. */
  class TransportError extends ChpassError {}
  const transportErrors = {
    network: class NetworkError extends TransportError {},
    timeout: class TimeoutError extends TransportError {},
    tls: class TlsError extends TransportError {},
    insecure_http: class InsecureHttpError extends TransportError {},
    /** The change may have reached the server; the password may or may not have changed. */
    outcome_unknown: class OutcomeUnknownError extends TransportError {},
  };
  /** The new password breaks the policy; nothing was sent. `params.report` is the report. */
  class PolicyViolationError extends ChpassError {}

  const byCode = {
    invalid_policy: InvalidPolicyError,
    invalid_argument: InvalidArgumentError,
    ...serverErrors,
    unexpected_response: UnexpectedResponseError,
    ...transportErrors,
    policy_violation: PolicyViolationError,
  };
  const byKind = {
    configuration: ConfigurationError,
    server: ServerError,
    protocol: ProtocolError,
    transport: TransportError,
    policy: PolicyViolationError,
  };
  wasm.__setErrorFactory((code, kind, message, params, retryable) => {
    const Class = byCode[code] ?? byKind[kind] ?? ChpassError;
    return new Class(message, { code, kind, params, retryable });
  });

  const { Policy } = wasm;

  /** validate(password, policy, context?): `policy` is a Policy or a plain policy object. */
  function validate(password, policy, context) {
    if (policy instanceof Policy) return policy.validate(password, context);
    const compiled = new Policy(policy);
    try {
      return compiled.validate(password, context);
    } finally {
      compiled.free();
    }
  }

  // InvalidCurrentPasswordError, NetworkError, … by their class names
  const named = (classes) => Object.fromEntries(Object.values(classes).map((c) => [c.name, c]));

  /** Sends operations with fetch; every call returns a Promise. */
  class Client extends wasm.Client {
    /** The whole change: policy check (nothing sent on failure), send, interpret, re-login after Keystone. */
    changePassword(operation, policy, context) {
      const spec = policy instanceof Policy ? policy.toJSON() : policy;
      return this.changePasswordWithSpec(operation, spec, context);
    }
  }

  return Object.freeze({
    Policy,
    validate,
    buildRequest: wasm.buildRequest,
    interpretResponse: wasm.interpretResponse,
    dumpRequest: wasm.dumpRequest,
    presets: Object.freeze(wasm.presetInfo().map(Object.freeze)),
    ERROR_CODES: Object.freeze(wasm.errorCodes()),
    ChpassError,
    ConfigurationError,
    InvalidPolicyError,
    InvalidArgumentError,
    ServerError,
    ProtocolError,
    UnexpectedResponseError,
    TransportError,
    PolicyViolationError,
    Client,
    ...named(serverErrors),
    ...named(transportErrors),
  });
}
