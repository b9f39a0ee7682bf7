// zxcvbn's estimator, one wasm instance for `chpass/strength` and `chpass/meter`: a page that
// imports both instantiates it once, so the lists either installs are the other's too.
import * as wasm from './wasm/chpass_strength_wasm.js';
import { instantiate, onCatalog } from './load.js';

let instance: Promise<typeof wasm> | undefined;

/** The estimator's module, instantiated on first call (a failed load is tried again next time). */
export function estimator(): Promise<typeof wasm> {
  instance ??= instantiate(wasm, import('./wasm/chpass_strength_wasm.bytes.js')).then(
    (glue) => {
      onCatalog((catalog) => glue.installCatalog(catalog));
      return glue;
    },
    (err) => {
      instance = undefined;
      throw err;
    },
  );
  return instance;
}

export { wasm };
