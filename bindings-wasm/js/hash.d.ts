// `chpass/hash`: hashing and verifying.
import type { Argon2idHashSpec, HashSpec, WorkLimits } from './lib/shapes.js';
export type {
  Argon2dHashSpec, Argon2iHashSpec, Argon2idHashSpec, BcryptHashSpec, ElasticsearchPbkdf2HashSpec,
  ElasticsearchPbkdf2StretchHashSpec, HashSpec, Password4jPbkdf2HashSpec, WorkLimits, BcryptVariant, Hmac,
} from './lib/shapes.js';
/** Downloads and instantiates the hashing wasm, once; the synchronous functions need it (the `…Async` ones run in a worker and do not). Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export function ready(): Promise<void>;

/** Argon2's parameters (any of the three variants), without the `algorithm` tag. */
export type Argon2Params = Omit<Argon2idHashSpec, 'algorithm'>;

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
/** `verify` in the worker. */
export function verifyAsync(password: string, hash: string, limits?: WorkLimits): Promise<boolean>;
/** `verifyOpenSearch` in the worker. */
export function verifyOpenSearchAsync(password: string, hash: string, limits?: WorkLimits): Promise<boolean>;
/** `needsRehash` in the worker. */
export function needsRehashAsync(hash: string, spec?: HashSpec): Promise<boolean>;
/** `elasticsearchPasswordHash` in the worker. */
export function elasticsearchPasswordHashAsync(password: string, algorithm?: string): Promise<string>;
/** `opensearchHash` in the worker. */
export function opensearchHashAsync(password: string, settings?: OpenSearchHashSettings, limits?: WorkLimits): Promise<string>;

export * from './lib/errors.js';
