// Worst cases, searched for: the slowest inputs of the strength estimator (crafted families:
// l33t-dense, repeats of repeats, keyboard walks, dates, mixed) at 100 units and at longer
// lengths up to the 4,096 units it analyses, beside zxcvbn 4.4.2 on the 100-unit ones (its search
// takes seconds to hours on longer ones), and of `validate` for every preset on hostile megabyte
// passwords. The search times random candidates per family and length once, then the 5 slowest
// several times each; an input's cost is its median (one run's maximum is mostly the machine).
// Writes bench/results/worst.json; the bound is 10 ms per 100 units of a strength estimate.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { worstTable } from './worst-table.mjs';
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

// units, candidates per family, runs of each of the 5 slowest
const LENGTHS = [[100, 300, 15], [1000, 40, 5], [4096, 12, 3]];
const BOUND_MS_PER_100_UNITS = 10;
const strength = {};
for (const [units, count, runs] of LENGTHS) {
  const bound = (BOUND_MS_PER_100_UNITS * units) / 100;
  const families = {};
  for (const [family, make] of Object.entries(FAMILIES)) {
    const candidates = Array.from({ length: count }, () => fill(make, units));
    for (const c of candidates.slice(0, 5)) meter.strength(c); // warm up
    const once = candidates.map((c) => ({ input: c, ms: timed(meter.strength, c, 1).median }));
    once.sort((a, b) => b.ms - a.ms);
    const slowest = once.slice(0, 5).map(({ input }) => {
      const ours = timed(meter.strength, input, runs);
      const row = { input, chpass_median_ms: +ours.median.toFixed(3), chpass_max_ms: +ours.max.toFixed(3) };
      if (units <= 100) row.zxcvbn_median_ms = +timed(zxcvbn, input, 3).median.toFixed(3);
      return row;
    });
    slowest.sort((a, b) => b.chpass_median_ms - a.chpass_median_ms);
    const worst = slowest[0];
    families[family] = { candidates: candidates.length, worst };
    if (worst.zxcvbn_median_ms) families[family].ratio_to_zxcvbn = +(worst.chpass_median_ms / worst.zxcvbn_median_ms).toFixed(3);
  }
  const worstMs = Math.max(...Object.values(families).map((f) => f.worst.chpass_median_ms));
  strength[units] = { bound_ms: bound, worst_median_ms: worstMs, bound_met: worstMs <= bound, families };
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

const result = {
  benchmark: 'the slowest inputs found per family and length (strength: random candidates of 100, 1,000 and 4,096 units, the 5 slowest timed again, median) beside zxcvbn 4.4.2 at 100 units, and validate for every preset on hostile 1 MiB passwords (median of 5), in Node',
  date: new Date().toISOString(),
  node: process.version,
  strength_bound_ms_per_100_units: BOUND_MS_PER_100_UNITS,
  strength_bound_met: Object.values(strength).every((s) => s.bound_met),
  strength,
  validate_median_ms: validate,
};
writeFileSync(new URL('./results/worst.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
for (const [units, s] of Object.entries(strength)) {
  for (const [family, f] of Object.entries(s.families)) {
    const peer = f.worst.zxcvbn_median_ms === undefined ? '' : `, zxcvbn ${f.worst.zxcvbn_median_ms} ms`;
    console.log(`${String(units).padStart(4)} units ${family.padEnd(20)} chpass ${f.worst.chpass_median_ms} ms (max ${f.worst.chpass_max_ms}; bound ${s.bound_ms})${peer}`);
  }
}
for (const [preset, results] of Object.entries(validate)) console.log(preset.padEnd(22), JSON.stringify(results));
console.log(`\nfor docs/strength.md:\n${worstTable(result)}`);
