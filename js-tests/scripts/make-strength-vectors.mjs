// Writes core/tests/vectors/strength.json from npm zxcvbn 4.4.2 (the peer): score and
// log10(guesses) for 400 passwords of the agreement corpus and a few with user inputs, with the
// year zxcvbn used as reference (the tests pass it back, so dates stay reproducible).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { corpus } from '../test/support/strength-corpus.mjs';
const require = createRequire(import.meta.url);
const zxcvbn = require('zxcvbn');

const inputs = [['alice1987!', ['Alice']], ['eman_resu_emos', ['some_user_name']], ['456Some_uSer_Name_1234', ['some_user_name']],
  ['admin2admin', ['admin']], ['', []], ['😀😀😀correct', []], ['12/25/1999', []], ['1qaz2wsx3edc', []],
  // JavaScript lowercases İ to two units and a final Σ to ς: zxcvbn reads the lowered password at
  // the password's positions
  ['İİİİpassword1', []], ['İmonkey', []], ['passwordİİdragon', ['İan']], ['ΣΑΣpassword', []]];
const cases = [...corpus(5000).filter((_, i) => i % 12 === 0).map((p) => [p, []]), ...inputs].map(([password, user_inputs]) => {
  const r = zxcvbn(password, user_inputs);
  return { password, user_inputs, score: r.score, guesses_log10: Math.log10(r.guesses),
    user_input_match: r.sequence.some((m) => m.pattern === 'dictionary' && m.dictionary_name === 'user_inputs') };
});
const doc = {
  description: 'zxcvbn 4.4.2 (npm) results read by the Rust, JavaScript and Python tests: score, log10(guesses) (to 1e-9) and whether a user input matched. Made by js-tests/scripts/make-strength-vectors.mjs.',
  reference_year: new Date().getFullYear(),
  cases,
};
writeFileSync(new URL('../../core/tests/vectors/strength.json', import.meta.url), JSON.stringify(doc, null, 1) + '\n');
console.log(`${cases.length} cases, reference year ${doc.reference_year}`);
