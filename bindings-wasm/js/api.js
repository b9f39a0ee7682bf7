// The public API over a wasm-bindgen module (Node's CJS build or the web build): real Error
// classes for core's error codes, and small conveniences. No rule, format or code lives here.

export function build(wasm) {
  /** Root of every chpass error: `code` is stable across Rust, JavaScript and Python. */
  class ChpassError extends Error {
    constructor(message, { code, kind, params } = {}) {
      super(message);
      Object.defineProperty(this, 'name', { value: new.target.name, configurable: true, writable: true });
      this.code = code;
      this.kind = kind;
      this.params = params ?? {};
    }
  }
  /** A policy, argument or hash that chpass cannot use. */
  class ConfigurationError extends ChpassError {}
  /** `invalid_policy`: `params.path` names the offending key. */
  class InvalidPolicyError extends ConfigurationError {}
  /** `invalid_argument`: for example a password holding a lone surrogate. */
  class InvalidArgumentError extends ConfigurationError {}

  const byCode = { invalid_policy: InvalidPolicyError, invalid_argument: InvalidArgumentError };
  const byKind = { configuration: ConfigurationError };
  wasm.__setErrorFactory((code, kind, message, params) => {
    const Class = byCode[code] ?? byKind[kind] ?? ChpassError;
    return new Class(message, { code, kind, params });
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

  return Object.freeze({
    Policy,
    validate,
    presets: Object.freeze(wasm.presetInfo().map(Object.freeze)),
    ERROR_CODES: Object.freeze(wasm.errorCodes()),
    ChpassError,
    ConfigurationError,
    InvalidPolicyError,
    InvalidArgumentError,
  });
}
