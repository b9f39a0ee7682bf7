// `chpass/strength`: zxcvbn 4.4.2's estimate, and the strength rules of policies. `await
// ready()` downloads the estimator and its dictionaries (the bulk of the package's bytes),
// so only pages that show a meter or use a strength rule pay for them.
import { estimator, wasm } from './lib/estimator.js';
import { loader, provideEstimator } from './lib/load.js';
import type { Strength } from './lib/shapes.js';
export type { Advice, CrackTimes, Feedback, Pattern, Strength, StrengthMatch } from './lib/shapes.js';
export * from './lib/errors.js';

const module = loader('chpass/strength', async () => {
  const [glue, dictionaries] = await Promise.all([estimator(), import('./lib/strength-data.js')]);
  glue.installStrengthDictionaries(dictionaries.default);
  provideEstimator(glue.strengthVerdict);
});
const { need } = module;

/** Downloads zxcvbn's estimator and its dictionaries (the bulk of the package), once; `strength()` and policies with a strength rule (the `opensearch` preset) need them. Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export const ready: () => Promise<void> = module.ready;

/** How to estimate: the reference year of dates, and the feedback's language. */
export interface StrengthOptions {
  /** The year dates are measured from (zxcvbn uses this year). */
  referenceYear?: number;
  /** The language of the feedback (English by default): a tag of `LOCALES`, loaded with `import 'chpass/locales/<tag>'`. */
  locale?: string;
}

/** A zxcvbn-compatible strength estimate; `userInputs` are words the password should not lean on. `options` may be the reference year alone. */
export function strength(password: string, userInputs?: string[], options?: StrengthOptions | number): Strength {
  need();
  return wasm.strength(password, userInputs, options);
}
