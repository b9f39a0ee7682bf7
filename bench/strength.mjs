// Issue 7: a strength meter updating on every keystroke. Times chpass.strength (wasm) and npm
// zxcvbn 4.4.2 over every prefix of typed passwords (what a meter sees), in the same run, and
// the one-off cost of loading the dictionaries. Writes bench/results/strength.json.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
const require = createRequire(new URL('../js-tests/package.json', import.meta.url));

let start = performance.now();
const chpass = require('chpass');
chpass.strength('warm-up');
const chpassFirstMs = performance.now() - start;
start = performance.now();
const zxcvbn = require('zxcvbn');
zxcvbn('warm-up');
const zxcvbnFirstMs = performance.now() - start;

const typed = ['correct horse battery staple', 'Tr0ub4dour&3', 'P@ssw0rd2024!', 'k9#Vq2!mZr7$Lw4x', 'julia.smith1987', 'qwertyuiop[]asdf'];
const keystrokes = typed.flatMap((p) => Array.from({ length: p.length }, (_, i) => p.slice(0, i + 1)));

function perSecond(fn, rounds = 5) {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 300) {
      for (const k of keystrokes) fn(k);
      n += keystrokes.length;
    }
    best = Math.max(best, n / ((performance.now() - t0) / 1000));
  }
  return best;
}

const ours = perSecond((p) => chpass.strength(p));
const theirs = perSecond((p) => zxcvbn(p));
const result = {
  benchmark: 'strength estimates per second over every prefix of 6 typed passwords (a meter on every keystroke), best of 5',
  date: new Date().toISOString(),
  chpass_per_s: Math.round(ours),
  zxcvbn_4_4_2_per_s: Math.round(theirs),
  ratio: +(ours / theirs).toFixed(2),
  target_ratio: 5,
  meets_target: ours / theirs >= 5,
  first_call_ms: { chpass: +chpassFirstMs.toFixed(1), zxcvbn: +zxcvbnFirstMs.toFixed(1) },
};
writeFileSync(new URL('./results/strength.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
