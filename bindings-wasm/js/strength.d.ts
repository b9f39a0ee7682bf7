// `chpass/strength`: zxcvbn 4.4.2's estimate, and the strength rules of policies.
/** Downloads zxcvbn's estimator and its dictionaries (the bulk of the package), once; `strength()` and policies with a strength rule (the `opensearch` preset) need them. Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export function ready(): Promise<void>;

import type { Strength } from './lib/shapes.js';
export type { Advice, CrackTimes, Feedback, Pattern, Strength, StrengthMatch } from './lib/shapes.js';

/** How to estimate: the reference year of dates, and the feedback's language. */
export interface StrengthOptions {
  /** The year dates are measured from (zxcvbn uses this year). */
  referenceYear?: number;
  /** The language of the feedback (English by default): a tag of `LOCALES`, loaded with `import 'chpass/locales/<tag>'`. */
  locale?: string;
}

/** A zxcvbn-compatible strength estimate; `userInputs` are words the password should not lean on. `options` may be the reference year alone. */
export function strength(password: string, userInputs?: string[], options?: StrengthOptions | number): Strength;

export * from './lib/errors.js';
