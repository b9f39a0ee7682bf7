// The root of every chpass error (the rest are generated: errors.js).
import type { ErrorCode, ErrorKind } from './errors.js';

// Class names are set from strings: a minifier (Vite, esbuild) renames classes, and
// `err.name` must stay 'InvalidCurrentPasswordError' in production bundles too.
export const named = <C extends Function>(name: string, Class: C): C => Object.defineProperty(Class, 'name', { value: name });

/** Root of every chpass error: `code` is stable across Rust, JavaScript and Python. */
export class ChpassError extends Error {
  /** The error's code, stable across Rust, JavaScript and Python. */
  declare code: ErrorCode;
  /** The family of the code. */
  declare kind: ErrorKind;
  /** What the message says, as data (each code documents its own). */
  declare params: Record<string, unknown>;
  /** Whether trying again later may succeed (core decides: only `server_unavailable`). */
  declare retryable: boolean;
  /** An error with `message`; `code` and `kind` are always given (core's errors and the generated classes pass both). */
  constructor(
    message: string,
    { code, kind, params, retryable }: { code?: ErrorCode; kind?: ErrorKind; params?: Record<string, unknown>; retryable?: boolean } = {},
  ) {
    super(message);
    Object.defineProperty(this, 'name', { value: new.target.name, configurable: true, writable: true });
    // always given: core's errors (makeError) and the generated classes pass both
    this.code = code as ErrorCode;
    this.kind = kind as ErrorKind;
    this.params = params ?? {};
    this.retryable = retryable ?? false;
  }
}
named('ChpassError', ChpassError);
