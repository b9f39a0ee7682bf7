// `chpass/strength`: zxcvbn 4.4.2's estimate, and the strength rules of policies.
/** Downloads zxcvbn's estimator and its dictionaries (the bulk of the package), once; `strength()` and policies with a strength rule (the `opensearch` preset) need them. Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export function ready(): Promise<void>;

/** zxcvbn 4.4.2's estimate (the same score, guesses and sequence as the npm package). */
export interface Strength {
  /** 0 (too guessable) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  guesses: number;
  guesses_log10: number;
  /** The matches zxcvbn found, positions in UTF-16 units (no tokens: they are the password). */
  sequence: Array<{
    pattern: 'dictionary' | 'spatial' | 'repeat' | 'sequence' | 'regex' | 'date' | 'bruteforce';
    i: number;
    j: number;
    guesses: number;
    dictionary_name?: string;
  }>;
  /** Seconds to crack at zxcvbn's four attack speeds. */
  crack_times_seconds: {
    online_throttling_100_per_hour: number;
    online_no_throttling_10_per_second: number;
    offline_slow_hashing_1e4_per_second: number;
    offline_fast_hashing_1e10_per_second: number;
  };
  /** zxcvbn's warning and suggestions, each with a stable code (e.g. `top10_common_password`). */
  feedback: { warning: { code: string; message: string } | null; suggestions: Array<{ code: string; message: string }> };
}
export interface StrengthOptions {
  /** The year dates are measured from (zxcvbn uses this year). */
  referenceYear?: number;
  /** The language of the feedback (English by default): a tag of `LOCALES`, loaded with `import 'chpass/locales/<tag>'`. */
  locale?: string;
}

/** A zxcvbn-compatible strength estimate; `userInputs` are words the password should not lean on. `options` may be the reference year alone. */
export function strength(password: string, userInputs?: string[], options?: StrengthOptions | number): Strength;

export * from './lib/errors.js';
