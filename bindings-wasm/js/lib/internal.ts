// Types the JS layer shares inside the package (not exported by any entry): the TypeScript
// sources use them, and tsc checks them at build.
import type { ChpassError, ErrorCode, ErrorKind } from './errors.js';

/** A wasm module as scripts/embed-wasm.mjs writes it: one character per byte. */
export interface EmbeddedWasm {
  name: string;
  table: string;
  text: string;
}

/** What wasm-bindgen's `--target web` glue has in common. */
export interface Glue {
  default(init: { module_or_path: BufferSource }): Promise<unknown>;
  __setErrorFactory(factory: ErrorFactory): void;
}

/** How the wasm raises chpass errors. */
export type ErrorFactory = (
  code: ErrorCode,
  kind: ErrorKind,
  message: string,
  params: Record<string, unknown>,
  retryable: boolean,
) => ChpassError;

/** A strength estimator as `chpass/strength` provides it to the modules that check policies. */
export type Estimator = Function;

/** One call of an `…Async` hash function, as the worker receives it. */
export interface HashCall {
  id: number;
  fn: string;
  args: unknown[];
}

/** The worker's answer: the result, or the error as data. */
export interface HashReply {
  id: number;
  result?: unknown;
  error?: { code?: ErrorCode; kind?: ErrorKind; message: string; params?: Record<string, unknown>; retryable?: boolean };
}

/** A started worker, whatever the platform. */
export interface WorkerHandle {
  post(message: HashCall): void;
  ref(): void;
  unref(): void;
}

/** Starts a worker that answers with `onMessage` and reports its death with `onFailure`. */
export type StartWorker = (onMessage: (reply: HashReply) => void, onFailure: (reason: string) => void) => WorkerHandle;
