// A deterministic corpus of 5,000 passwords of many shapes (common passwords, words with
// digits, passphrases, l33t, names with years, random strings, keyboard walks, dates,
// repeats, sequences, reversed words), drawn with a fixed-seed LCG from zxcvbn's own lists.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const lists = require('zxcvbn/lib/frequency_lists');
let seed = 42;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const words = [...lists.english_wikipedia.slice(0, 5000), ...lists.us_tv_and_film.slice(0, 2000)];
const names = [...lists.female_names, ...lists.male_names, ...lists.surnames.slice(0, 2000)];
const pw = lists.passwords;
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const leet = (w) => w.replace(/a/g, '4').replace(/e/g, '3').replace(/o/g, '0').replace(/s/g, '$');
const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*-_';
const gens = [
  () => pick(pw),
  () => pick(pw) + Math.floor(rnd() * 100),
  () => cap(pick(words)) + Math.floor(rnd() * 10000),
  () => pick(words) + pick(words),
  () => pick(words) + ' ' + pick(words) + ' ' + pick(words),
  () => leet(pick(words)) + pick('!@#$'),
  () => pick(names) + (1950 + Math.floor(rnd() * 75)),
  () => Array.from({ length: 6 + Math.floor(rnd() * 12) }, () => pick(chars)).join(''),
  () => pick(['qwerty', 'asdfgh', 'zxcvbn', '1qaz2wsx', 'qazwsx', '123456789', '147258369', 'poiuytrewq', 'QWERTY']) + pick(['', '!', '1', '12']),
  () => `${1 + Math.floor(rnd() * 28)}/${1 + Math.floor(rnd() * 12)}/${1960 + Math.floor(rnd() * 60)}`,
  () => pick(words).repeat(2 + Math.floor(rnd() * 2)),
  () => 'abcdefghijklmnopqrstuvwxyz'.slice(Math.floor(rnd() * 10), 10 + Math.floor(rnd() * 10)) + pick(words),
  () => pick(words).split('').reverse().join('') + Math.floor(rnd() * 100),
  () => pick(pw).toUpperCase(),
  () => cap(leet(pick(names))) + pick(['2019', '2020', '1999', '!', '#1']),
];
export function corpus(size = 5000) {
  seed = 42;
  return Array.from({ length: size }, (_, i) => gens[i % gens.length]());
}
