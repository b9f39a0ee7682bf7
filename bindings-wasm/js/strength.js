// `chpass/strength`: zxcvbn 4.4.2's estimate, and the strength rules of policies. `await
// ready()` downloads the estimator and its dictionaries (the bulk of the package's bytes),
// so only pages that show a meter or use a strength rule pay for them.
import * as wasm from './lib/wasm/chpass_strength_wasm.js';
import { instantiate, loader, onCatalog, provideEstimator } from './lib/load.js';

const module = loader('chpass/strength', async () => {
  const [, dictionaries] = await Promise.all([
    instantiate(wasm, import('./lib/wasm/chpass_strength_wasm.bytes.js')),
    import('./lib/strength-data.js'),
  ]);
  wasm.installStrengthDictionaries(dictionaries.default);
  provideEstimator(wasm.strengthVerdict);
  onCatalog((catalog) => wasm.installCatalog(catalog));
});
const { need } = module;

/** Downloads the estimator and its dictionaries, once; `strength()` and strength rules need it. */
export const ready = module.ready;

/** strength(password, userInputs?, options?) -> { score, guesses, guesses_log10, sequence, feedback }
 *  `options`: `{ referenceYear, locale }`, or the reference year alone.
 *  @type {typeof import('./strength.js').strength} */
export function strength(password, userInputs, options) {
  need();
  return wasm.strength(password, userInputs, options);
}

export * from './lib/errors.js';
