// `chpass/meter`: a strength meter for a page that only shows one. The same estimator as
// `chpass/strength`, over zxcvbn's lists with coarse ranks (a rank off by under 7%, the top 14
// exact), which download a quarter smaller: zxcvbn's score for at least 99.5% of passwords
// (`bench/results/web.json`). A policy's strength rule never uses them, since its verdict must be
// the server's: that takes `chpass/strength`, whose exact lists then serve this meter too.
import { estimator, wasm } from './lib/estimator.js';
import { loader } from './lib/load.js';
import type { Strength } from './lib/shapes.js';
import type { StrengthOptions } from './strength.js';
export type { Advice, CrackTimes, Feedback, Pattern, Strength, StrengthMatch } from './lib/shapes.js';
export type { StrengthOptions } from './strength.js';
export * from './lib/errors.js';

const module = loader('chpass/meter', async () => {
  const [glue, dictionaries] = await Promise.all([estimator(), import('./lib/meter-data.js')]);
  glue.installCoarseDictionaries(dictionaries.default);
});
const { need } = module;

/** Downloads the estimator and zxcvbn's lists with coarse ranks, once. `strength()` throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export const ready: () => Promise<void> = module.ready;

/** zxcvbn's estimate over coarse ranks: its score for at least 99.5% of passwords. `userInputs` are words the password should not lean on; `options` may be the reference year alone. */
export function strength(password: string, userInputs?: string[], options?: StrengthOptions | number): Strength {
  need();
  return wasm.strength(password, userInputs, options);
}
