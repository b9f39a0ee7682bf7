// `chpass/hash`: hashing and verifying.
import type { WorkLimits } from './lib/shapes.js';
export type { WorkLimits } from './lib/shapes.js';
/** Downloads and instantiates the hashing wasm, once; the synchronous functions need it (the `…Async` ones run in a worker and do not). Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export function ready(): Promise<void>;

export type HashSpec =
  | ({ algorithm: 'argon2id' | 'argon2i' | 'argon2d' } & Argon2Params)
  | { algorithm: 'bcrypt'; cost?: number; variant?: '2a' | '2b' | '2y'; salt?: string }
  | {
      algorithm: 'elasticsearch_pbkdf2' | 'elasticsearch_pbkdf2_stretch';
      iterations?: 1000 | 10000 | 50000 | 100000 | 500000 | 1000000;
      salt_length?: number;
      key_length?: number;
      salt?: string;
    }
  | {
      algorithm: 'password4j_pbkdf2';
      hmac?: 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
      iterations?: number;
      key_bits?: number;
      salt_length?: number;
      salt?: string;
    };

export interface Argon2Params {
  memory_kib?: number;
  iterations?: number;
  parallelism?: number;
  salt_length?: number;
  hash_length?: number;
  version?: 16 | 19;
  /** A fixed salt (standard Base64), for reproducible vectors only. */
  salt?: string;
}

/** `plugins.security.password.hashing.*` settings, with or without that prefix. */
export type OpenSearchHashSettings = Record<string, string | number>;

/** Hashes `password`; argon2id with OWASP's parameters (m=19456, t=2, p=1) by default. */
export function hash(password: string, spec?: HashSpec, limits?: WorkLimits): string;
/** Whether `password` matches `hash`; false for a wrong password, typed errors otherwise. */
export function verify(password: string, hash: string, limits?: WorkLimits): boolean;
/**
 * Whether OpenSearch would accept `password` for `hash`, checked as its password4j checks it.
 * Differs from `verify` in two corners: `$2a$` with non-ASCII passwords (password4j's `$2a$` is
 * not standard bcrypt there, and the string does not say which library made it), and argon2
 * below 8 KiB per lane, which only password4j computes.
 */
export function verifyOpenSearch(password: string, hash: string, limits?: WorkLimits): boolean;
/** Whether `hash` uses another algorithm or weaker parameters than `spec`. */
export function needsRehash(hash: string, spec?: HashSpec): boolean;
/** A `password_hash` as Elasticsearch makes it for `algorithm` (`bcrypt` by default). */
export function elasticsearchPasswordHash(password: string, algorithm?: string): string;
/** The string password4j would build under these OpenSearch settings (bcrypt $2y$ 12 by default). */
export function opensearchHash(password: string, settings?: OpenSearchHashSettings, limits?: WorkLimits): string;
/** The same functions, run in a shared worker so pages and Node's event loop never block. */
export function hashAsync(password: string, spec?: HashSpec, limits?: WorkLimits): Promise<string>;
export function verifyAsync(password: string, hash: string, limits?: WorkLimits): Promise<boolean>;
export function verifyOpenSearchAsync(password: string, hash: string, limits?: WorkLimits): Promise<boolean>;
export function needsRehashAsync(hash: string, spec?: HashSpec): Promise<boolean>;
export function elasticsearchPasswordHashAsync(password: string, algorithm?: string): Promise<string>;
export function opensearchHashAsync(password: string, settings?: OpenSearchHashSettings, limits?: WorkLimits): Promise<string>;

export * from './lib/errors.js';
