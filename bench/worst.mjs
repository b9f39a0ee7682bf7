// Worst cases, searched for: the slowest inputs of the strength estimator within its
// 100-unit analysis (crafted families: l33t-dense, repeats of repeats, keyboard walks, dates,
// mixed), beside zxcvbn 4.4.2 on the same inputs, and of `validate` for every preset on
// hostile megabyte passwords. The search times 300 random candidates per family once, then the
// 5 slowest 15 times each; an input's cost is its median (one run's maximum is mostly the
// machine). Writes bench/results/worst.json; the bound is 10 ms per strength estimate.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
const require = createRequire(new URL('../js-tests/package.json', import.meta.url));

const chpass = require('chpass');
const meter = require('chpass/strength');
const zxcvbn = require('zxcvbn');
const lists = require('zxcvbn/lib/frequency_lists');
await Promise.all([chpass.ready(), meter.ready()]);

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const fill = (make, length = 100) => {
  let s = '';
  while (s.length < length) s += make();
  return s.slice(0, length);
};
const L33T = '4@8({[<3691!|1|70$5+%2';
const ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./', '789456123', '!@#$%^&*()_+'];
const words = [...lists.passwords.slice(0, 2000), ...lists.english_wikipedia.slice(0, 2000)];
const walk = () => {
  const row = pick(ROWS);
  const start = Math.floor(rnd() * row.length);
  const run = row.slice(start, start + 2 + Math.floor(rnd() * 8));
  return rnd() < 0.5 ? run : [...run].reverse().join('');
};
const date = () => {
  const [d, m, y] = [1 + Math.floor(rnd() * 28), 1 + Math.floor(rnd() * 12), 1950 + Math.floor(rnd() * 80)];
  const sep = pick(['', '/', '-', '.', ' ']);
  return pick([`${d}${sep}${m}${sep}${y}`, `${y}${sep}${m}${sep}${d}`, `${m}${sep}${d}${sep}${y % 100}`]);
};
const leetWord = () => pick(words).replace(/a/g, '@').replace(/e/g, '3').replace(/o/g, '0').replace(/s/g, '$').replace(/i/g, '!');
const FAMILIES = {
  'l33t-dense': () => fill(() => pick([...L33T]) + (rnd() < 0.3 ? pick(['a', 'e', 'o', 's', 'l']) : '')),
  'repeats of repeats': () => {
    const base = fill(() => pick([...'ab12!x']), 1 + Math.floor(rnd() * 4));
    const unit = base.repeat(2 + Math.floor(rnd() * 4));
    return fill(() => unit + (rnd() < 0.2 ? pick([...'xyz']) : ''));
  },
  'keyboard walks': () => fill(walk),
  dates: () => fill(date),
  mixed: () => fill(() => pick([leetWord, walk, date, () => pick(words), () => String(Math.floor(rnd() * 10000))])()),
};

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function timed(fn, input, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(input);
    times.push(performance.now() - t0);
  }
  return { median: median(times), max: Math.max(...times) };
}

const strength = {};
for (const [family, make] of Object.entries(FAMILIES)) {
  const candidates = Array.from({ length: 300 }, make);
  for (const c of candidates.slice(0, 20)) meter.strength(c); // warm up
  const once = candidates.map((c) => ({ input: c, ms: timed(meter.strength, c, 1).median }));
  once.sort((a, b) => b.ms - a.ms);
  const slowest = once.slice(0, 5).map(({ input }) => {
    const ours = timed(meter.strength, input, 15);
    const theirs = timed(zxcvbn, input, 3);
    return { input, chpass_median_ms: +ours.median.toFixed(3), chpass_max_ms: +ours.max.toFixed(3), zxcvbn_median_ms: +theirs.median.toFixed(3) };
  });
  slowest.sort((a, b) => b.chpass_median_ms - a.chpass_median_ms);
  const worst = slowest[0];
  strength[family] = {
    candidates: candidates.length,
    worst,
    ratio_to_zxcvbn: +(worst.chpass_median_ms / worst.zxcvbn_median_ms).toFixed(3),
  };
}

// validate: every preset on the longest passwords it can be given (1 MiB), and on shapes that
// stress one rule each (the common-password and context-word scans, control characters, NFKC)
const MiB = 1 << 20;
const HOSTILE = {
  "1 MiB of 'a'": 'a'.repeat(MiB),
  "1 MiB of 'aB3!'": 'aB3!'.repeat(MiB / 4),
  '1 MiB of printable ASCII': fill(() => String.fromCharCode(33 + Math.floor(rnd() * 94)), MiB),
  '256 Ki ligatures (NFKC)': '\ufb00'.repeat(MiB / 4),
  '1 MiB of control characters': '\u0007'.repeat(MiB),
  'common passwords, 1 MiB': fill(() => pick(lists.passwords.slice(0, 3000)), MiB),
};
const context = { username: 'administrator', email: 'jane.doe@example.com', words: ['chpass', 'keystone'] };
const validate = {};
for (const preset of chpass.presets) {
  const policy = chpass.Policy.preset(preset.name);
  if (preset.name === 'opensearch') continue; // a strength rule: its cost is the estimator's, above
  const results = {};
  for (const [name, input] of Object.entries(HOSTILE)) {
    results[name] = +timed((p) => chpass.validate(p, policy, context), input, 5).median.toFixed(2);
  }
  validate[preset.name] = results;
}

const worstStrength = Math.max(...Object.values(strength).map((f) => f.worst.chpass_median_ms));
const result = {
  benchmark: 'the slowest inputs found per family (strength: 300 random 100-unit candidates each, the 5 slowest timed 15 times, median) beside zxcvbn 4.4.2, and validate for every preset on hostile 1 MiB passwords (median of 5), in Node',
  date: new Date().toISOString(),
  node: process.version,
  strength_bound_ms: 10,
  strength_worst_median_ms: worstStrength,
  strength_bound_met: worstStrength <= 10,
  strength,
  validate_median_ms: validate,
};
writeFileSync(new URL('./results/worst.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
for (const [family, f] of Object.entries(strength)) {
  console.log(`${family.padEnd(20)} chpass ${f.worst.chpass_median_ms} ms (max ${f.worst.chpass_max_ms}), zxcvbn ${f.worst.zxcvbn_median_ms} ms`);
}
for (const [preset, results] of Object.entries(validate)) console.log(preset.padEnd(22), JSON.stringify(results));
