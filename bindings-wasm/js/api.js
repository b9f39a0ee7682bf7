// The public API over a wasm-bindgen module (Node's CJS build or the web build): real Error
// classes for core's error codes, and small conveniences. No rule, format or code lives here.

// `startWorker(onMessage, onFailure)` starts a worker running this package's worker entry and returns
// { post(message), ref(), unref() }; `data.read(part)` gives an on-demand part (a promise in
// browsers): the text of a data module (strength-data.js, word-list.js) or, for 'strength.wasm',
// the instantiated strength module; `data.now` says it answers synchronously (Node), so parts are
// read at their first use. Each entry point supplies both.
export function build(wasm, startWorker, data) {
  // Class names are set from strings: a minifier (Vite, esbuild) renames classes, and
  // `err.name` must stay 'InvalidCurrentPasswordError' in production bundles too.
  const named = (name, Class) => Object.defineProperty(Class, 'name', { value: name });

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
  named('ChpassError', ChpassError);
  /** A policy, argument or hash that chpass cannot use. */
  const ConfigurationError = named('ConfigurationError', class extends ChpassError {});
  /** `invalid_policy`: `params.path` names the offending key. */
  const InvalidPolicyError = named('InvalidPolicyError', class extends ConfigurationError {});
  /** `invalid_argument`: for example a password holding a lone surrogate. */
  const InvalidArgumentError = named('InvalidArgumentError', class extends ConfigurationError {});

  /** The server answered with an error: `params.status`, `params.server_message`. */
  const ServerError = named('ServerError', class extends ChpassError {});
  /** The server's answer could not be understood. */
  const ProtocolError = named('ProtocolError', class extends ChpassError {});
  const serverErrors = {
    invalid_current_password: named('InvalidCurrentPasswordError', class extends ServerError {}),
    authentication_failed: named('AuthenticationFailedError', class extends ServerError {}),
    account_locked: named('AccountLockedError', class extends ServerError {}),
    account_disabled: named('AccountDisabledError', class extends ServerError {}),
    password_expired: named('PasswordExpiredError', class extends ServerError {}),
    server_rejected_password: named('ServerRejectedPasswordError', class extends ServerError {}),
    forbidden: named('ForbiddenError', class extends ServerError {}),
    not_found: named('NotFoundError', class extends ServerError {}),
    conflict: named('ConflictError', class extends ServerError {}),
    method_not_allowed: named('MethodNotAllowedError', class extends ServerError {}),
    payload_too_large: named('PayloadTooLargeError', class extends ServerError {}),
    unsupported_media_type: named('UnsupportedMediaTypeError', class extends ServerError {}),
    server_unavailable: named('ServerUnavailableError', class extends ServerError {}),
    bad_request: named('BadRequestError', class extends ServerError {}),
  };
  const UnexpectedResponseError = named('UnexpectedResponseError', class extends ProtocolError {});
  /** The request got no (complete) answer. */
  const TransportError = named('TransportError', class extends ChpassError {});
  const transportErrors = {
    network: named('NetworkError', class extends TransportError {}),
    timeout: named('TimeoutError', class extends TransportError {}),
    tls: named('TlsError', class extends TransportError {}),
    insecure_http: named('InsecureHttpError', class extends TransportError {}),
    /** The change may have reached the server; the password may or may not have changed. */
    outcome_unknown: named('OutcomeUnknownError', class extends TransportError {}),
  };
  /** The new password breaks the policy; nothing was sent. `params.report` is the report. */
  const PolicyViolationError = named('PolicyViolationError', class extends ChpassError {});
  /** `malformed_hash`: the string is no hash chpass knows; the message says what is wrong. */
  const MalformedHashError = named('MalformedHashError', class extends ConfigurationError {});
  /** `password_too_long_for_bcrypt`: over 72 UTF-8 bytes; refused, never truncated. */
  const PasswordTooLongForBcryptError = named('PasswordTooLongForBcryptError', class extends ConfigurationError {});
  /** `work_limit_exceeded`: `params.limit_name` names the limit to raise. */
  const WorkLimitExceededError = named('WorkLimitExceededError', class extends ConfigurationError {});
  /** `random_unavailable`: the platform's random number generator failed. */
  const RandomUnavailableError = named('RandomUnavailableError', class extends ChpassError {});

  const byCode = {
    invalid_policy: InvalidPolicyError,
    invalid_argument: InvalidArgumentError,
    ...serverErrors,
    unexpected_response: UnexpectedResponseError,
    ...transportErrors,
    policy_violation: PolicyViolationError,
    malformed_hash: MalformedHashError,
    password_too_long_for_bcrypt: PasswordTooLongForBcryptError,
    work_limit_exceeded: WorkLimitExceededError,
    random_unavailable: RandomUnavailableError,
  };
  const byKind = {
    configuration: ConfigurationError,
    server: ServerError,
    protocol: ProtocolError,
    transport: TransportError,
    policy: PolicyViolationError,
  };
  function makeError(code, kind, message, params, retryable) {
    const Class = byCode[code] ?? byKind[kind] ?? ChpassError;
    return new Class(message, { code, kind, params, retryable });
  }
  wasm.__setErrorFactory(makeError);

  const { Policy } = wasm;

  /** validate(password, policy, context?): `policy` is a Policy or a plain policy object. */
  function validate(password, policy, context) {
    return withPolicy(policy, (p) => p.validate(password, context));
  }

  // A generated password is read through `password`, but printing the object (console.log,
  // util.inspect, JSON.stringify, a browser console) shows it redacted, as Python's repr does:
  // it lives in a WeakMap, not on the object.
  const generatedPasswords = new WeakMap();
  class Generated {
    constructor({ password, entropy_bits }) {
      generatedPasswords.set(this, password);
      this.entropy_bits = entropy_bits;
    }
    get password() {
      return generatedPasswords.get(this);
    }
    toJSON() {
      return { password: '[REDACTED]', entropy_bits: this.entropy_bits };
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
      return `Generated { password: [REDACTED], entropy_bits: ${this.entropy_bits} }`;
    }
  }

  /** generate(policy, options?, context?) -> Generated { password, entropy_bits } */
  function generate(policy, options, context) {
    return new Generated(
      readWhenMissing(loadWordList, 'word_list_not_loaded', () =>
        withPolicy(policy, (p) => wasm.generateWithPolicy(p, options, context)),
      ),
    );
  }

  /** Runs `use` with a Policy: the one given, or one compiled from a plain spec and freed after. */
  function withPolicy(policy, use) {
    if (policy instanceof Policy) return use(policy);
    const compiled = new Policy(policy);
    try {
      return use(compiled);
    } finally {
      compiled.free();
    }
  }

  const sync = {
    hash: wasm.hash,
    verify: wasm.verify,
    verifyOpenSearch: wasm.verifyOpenSearch,
    needsRehash: wasm.needsRehash,
    elasticsearchPasswordHash: wasm.elasticsearchPasswordHash,
    opensearchHash: wasm.opensearchHash,
  };

  // The async twins run the same functions in one shared worker, so a 30 ms+ hash never
  // blocks a page or Node's event loop. The worker starts on first use and does not keep
  // Node alive while idle.
  let worker = null;
  let nextId = 0;
  const pending = new Map();
  // a worker that dies (or fails to load) fails every call waiting on it
  function onFailure(reason) {
    for (const call of pending.values()) call.reject(new Error(`chpass worker failed: ${reason}`));
    pending.clear();
    worker = null;
  }
  function onMessage({ id, result, error }) {
    const call = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    if (!error) call.resolve(result);
    else if (error.code) call.reject(makeError(error.code, error.kind, error.message, error.params, error.retryable));
    else call.reject(new Error(error.message));
  }
  function inWorker(fn) {
    return (...args) =>
      new Promise((resolve, reject) => {
        if (!startWorker) throw new Error('no worker support on this platform; use the synchronous functions');
        worker ??= startWorker(onMessage, onFailure);
        const id = ++nextId;
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.post({ id, fn, args });
      });
  }
  // Parts a page may never need stay out of it until asked for: `load()` fetches and installs
  // them once (concurrent calls share the download; a failed one may be tried again). Where
  // they can be read synchronously (Node), `now()` installs them at their first use instead,
  // so an import that never needs them never pays for them (38 of the 53 ms an import took).
  function onDemand(parts, install) {
    let loading;
    function now() {
      if (loading) return;
      install(...parts.map(data.read));
      loading = Promise.resolve();
    }
    function load() {
      if (data.now) {
        try {
          now();
        } catch (err) {
          return Promise.reject(err);
        }
        return loading;
      }
      loading ??= Promise.all(parts.map(data.read))
        .then((loaded) => install(...loaded))
        .catch((err) => {
          loading = undefined;
          throw err;
        });
      return loading;
    }
    load.now = now;
    return load;
  }
  // Node reads a part at the first call that needs it, which core names by its error code; a
  // page awaits the part's load() first.
  function readWhenMissing(load, code, call) {
    try {
      return call();
    } catch (err) {
      if (!(data.now && err.code === code)) throw err;
      load.now();
      return call();
    }
  }
  // Until loadStrength(), the main module's strength() says what is missing.
  let strengthModule = wasm;
  /** zxcvbn's estimator (a wasm module of its own) and its 800 KB of dictionaries, for
   *  strength() and strength rules. */
  const loadStrength = onDemand(['strength.wasm', 'strength-data.js'], (estimator, dictionaries) => {
    estimator.__setErrorFactory(makeError);
    estimator.installStrengthDictionaries(dictionaries);
    if (!data.now) wasm.installStrengthEstimator(estimator.strengthVerdict);
    strengthModule = estimator;
  });
  if (data.now) {
    // core asks only for a strength rule's estimate: the estimator is read at the first question
    wasm.installStrengthEstimator((password, userInputs) => {
      loadStrength.now();
      return strengthModule.strengthVerdict(password, userInputs);
    });
  }
  const strength = (password, userInputs, referenceYear) =>
    readWhenMissing(loadStrength, 'strength_dictionaries_not_loaded', () =>
      strengthModule.strength(password, userInputs, referenceYear),
    );
  /** The EFF word list (62 KB), for passphrases. */
  const loadWordList = onDemand(['word-list.js'], wasm.installWordList);

  const asyncApi = Object.fromEntries(Object.keys(sync).map((name) => [`${name}Async`, inWorker(name)]));

  /** What the worker entry calls: run one synchronous function, answer with data only. */
  function serve({ id, fn, args }, reply) {
    try {
      if (!Object.hasOwn(sync, fn)) throw new Error(`unknown function ${fn}`);
      reply({ id, result: sync[fn](...args) });
    } catch (e) {
      const { code, kind, message, params, retryable } = e;
      reply({ id, error: e instanceof ChpassError ? { code, kind, message, params, retryable } : { message: String(e) } });
    }
  }

  // InvalidCurrentPasswordError, NetworkError, … by their class names
  const byName = (classes) => Object.fromEntries(Object.values(classes).map((c) => [c.name, c]));

  /** Sends operations with fetch; every call returns a Promise. */
  class Client extends wasm.Client {
    /** The whole change: policy check (nothing sent on failure), send, interpret, re-login after Keystone. */
    changePassword(operation, policy, context) {
      return this.changePasswordWithSpec(operation, specOf(policy), context);
    }
    /** Logs in and reads Keystone's own policy: `{policy: Policy, source: 'server' | 'preset'}`. */
    async keystonePolicy(login) {
      const { policy, source } = await this.keystonePolicySpec(login);
      return { policy: new Policy(policy), source };
    }
    /** The whole Keystone change from the current password (in `login`) alone: log in, check
     *  against `policy` or else the server's own, change, log in again. */
    changeKeystonePassword(login, newPassword, policy, context) {
      return this.changeKeystonePasswordWithSpec(login, newPassword, specOf(policy), context);
    }
  }
  const specOf = (policy) => (policy instanceof Policy ? policy.toJSON() : policy);

  return Object.freeze({
    Policy,
    validate,
    buildRequest: wasm.buildRequest,
    interpretResponse: wasm.interpretResponse,
    dumpRequest: wasm.dumpRequest,
    ...sync,
    ...asyncApi,
    generate,
    /** strength(password, userInputs?, referenceYear?) -> { score, guesses, guesses_log10, sequence, … } */
    strength,
    loadStrength,
    loadWordList,
    __serve: serve,
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
    MalformedHashError,
    PasswordTooLongForBcryptError,
    WorkLimitExceededError,
    RandomUnavailableError,
    Client,
    ...byName(serverErrors),
    ...byName(transportErrors),
  });
}
