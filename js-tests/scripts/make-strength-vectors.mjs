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
  ['İİİİpassword1', []], ['İmonkey', []], ['passwordİİdragon', ['İan']], ['ΣΑΣpassword', []],
  // the slowest inputs bench/worst.mjs found (l33t-dense: 120 ms before the l33t search stopped
  // at texts no word starts with); zxcvbn takes seconds on each
  ["2|a<2%8a|$|1(<7{e!74$2s84$0o[<l4688[[<@a|30@9+e|<a[7[e{4|1|2<89o{|e5+s[@19|(|o4|a!a[!7|l|7a<$8275e@(", []],
  ["'ghjkl;',mnbiop[]\\=-09'^%$#@!123&*()_+789456yuiop[]\\7890-=2165=-09\\765]\\p[]\\#$%^&7894561)(*&^%$#df_)", []],
  ["5%s!61s(o|a7[s5s%1|7100a9!s1a|36!1a0|s0[o|5a!%5(5+2l$874([+(154+@$([e1@$s3(|$+e!!o[|o1!3$14s{+<l@1l|", []],
  ["!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2!2", []],
  [".,mnbv`123456782389/./.bvcx987654321-0[]\\()_++_3216549m,./=-098/dfghjkl,./sd321654987yui&^%$!@#$%549", []],
  ["67281978/4/44-3-151971/3/2124/5/20103-1-934 5 197610.1.11965 1 161961/8/88 25 7911419911960-6-122011", []],
  ["m,./2911571974719612-19-88+_)(*c@nd!d@t3d!ck6858u$3$pickle1662thumperyuiop[native5.4.198120041121hor", []],
  // past 100 units the whole password is scored, as zxcvbn does (up to 4,096 units): long
  // passphrases, walks, repeats, dates and l33t that zxcvbn still answers in a second or so
  ['a'.repeat(100) + 'Xq7#kP2$vL9!mZ4&wR8^', []], ['correct horse battery staple '.repeat(5), []],
  [longPhrase(200), []], [longPhrase(400), []], [longPhrase(150) + '1987', ['ceres']],
  ['password'.repeat(40), []], ['1234567890'.repeat(30), []], ['qwertyuiop'.repeat(20), []],
  ['1qaz2wsx3edc'.repeat(15), []], ['12/25/1999 '.repeat(20), []], ['P@ssw0rd!'.repeat(20), []],
  ['ab12!x'.repeat(30) + 'xyz'.repeat(20), []], ['İİİİpassword1'.repeat(10), []],
];
function longPhrase(units) {
  const words = require('zxcvbn/lib/frequency_lists').english_wikipedia;
  let text = '';
  for (let i = 0; text.length < units; i++) text += words[(i * 7919) % 5000] + ' ';
  return text.slice(0, units);
}
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
