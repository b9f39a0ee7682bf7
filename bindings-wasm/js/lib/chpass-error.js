// The root of every chpass error (the rest are generated: errors.js).

// Class names are set from strings: a minifier (Vite, esbuild) renames classes, and
// `err.name` must stay 'InvalidCurrentPasswordError' in production bundles too.
/** @template {Function} C @param {string} name @param {C} Class @returns {C} */
export const named = (name, Class) => Object.defineProperty(Class, 'name', { value: name });

/** Root of every chpass error: `code` is stable across Rust, JavaScript and Python. */
export class ChpassError extends Error {
  /** @param {string} message
   *  @param {{ code?: import('./errors.js').ErrorCode, kind?: import('./errors.js').ErrorKind, params?: Record<string, unknown>, retryable?: boolean }} [fields] */
  constructor(message, { code, kind, params, retryable } = {}) {
    super(message);
    Object.defineProperty(this, 'name', { value: new.target.name, configurable: true, writable: true });
    // always given: core's errors (makeError) and the generated classes pass both
    this.code = /** @type {import('./errors.js').ErrorCode} */ (code);
    this.kind = /** @type {import('./errors.js').ErrorKind} */ (kind);
    this.params = params ?? {};
    /** Whether trying again later may succeed (core decides: only `server_unavailable`). */
    this.retryable = retryable ?? false;
  }
}
named('ChpassError', ChpassError);
