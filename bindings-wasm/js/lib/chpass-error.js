// The root of every chpass error (the rest are generated: errors.js).

// Class names are set from strings: a minifier (Vite, esbuild) renames classes, and
// `err.name` must stay 'InvalidCurrentPasswordError' in production bundles too.
export const named = (name, Class) => Object.defineProperty(Class, 'name', { value: name });

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
