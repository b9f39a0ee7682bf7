// The strength estimate against npm zxcvbn 4.4.2 itself (the peer that zxcvbn4j, and so
// OpenSearch, port): the same score on a 5,000-password corpus, and the same guesses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as chpass from './support/chpass.mjs';
import { corpus } from './support/strength-corpus.mjs';

const require = createRequire(import.meta.url);
const zxcvbn = require('zxcvbn');

test('the same score as npm zxcvbn 4.4.2 on 5,000 passwords (target: 99.5%)', () => {
  const passwords = corpus(5000);
  assert.equal(new Set(passwords).size > 3000, true, 'the corpus is varied');
  let sameScore = 0;
  let sameGuesses = 0;
  let sameFeedback = 0;
  const differences = [];
  for (const password of passwords) {
    const ours = chpass.strength(password);
    const theirs = zxcvbn(password);
    if (ours.score === theirs.score) sameScore++;
    else if (differences.length < 10) differences.push([password, ours.score, theirs.score]);
    if (Math.abs(ours.guesses_log10 - Math.log10(theirs.guesses)) < 1e-9) sameGuesses++;
    const feedback = [ours.feedback.warning?.message ?? '', ...ours.feedback.suggestions.map((s) => s.message)];
    if (JSON.stringify(feedback) === JSON.stringify([theirs.feedback.warning, ...theirs.feedback.suggestions])) sameFeedback++;
    else if (differences.length < 10) differences.push([password, feedback, theirs.feedback]);
    const seconds = theirs.crack_times_seconds.offline_slow_hashing_1e4_per_second;
    assert.ok(Math.abs(ours.crack_times_seconds.offline_slow_hashing_1e4_per_second / seconds - 1) < 1e-9, password);
  }
  assert.equal(sameFeedback, passwords.length, `feedback differs: ${JSON.stringify(differences)}`);
  assert.ok(sameScore / passwords.length >= 0.995, `${sameScore}/5000: ${JSON.stringify(differences)}`);
  console.log(`# strength agreement: score ${sameScore}/5000, guesses ${sameGuesses}/5000, feedback ${sameFeedback}/5000`);
});

test('user inputs, sequences and positions match zxcvbn', () => {
  for (const [password, inputs] of [['alice1987!', ['Alice']], ['eman_resu_emos', ['some_user_name']], ['abcdef123456', []],
    ['12/25/1999', []], ['P@ssw0rd', []], ['😀😀😀correct', []], ['zxcvbnm,./', []],
    // İ lowercases to two units in JavaScript (and Java): zxcvbn reads the lowered password at the
    // password's positions; Σ at a word's end lowercases to ς
    ['İİİİpassword1', []], ['İmonkey', []], ['monkeyİ', []], ['passwordİİdragon', ['İan']], ['ΣΑΣpassword', []],
    ['PASSWORDΣ', []], ['İ', []], ['x'.repeat(3) + 'İ'.repeat(40), []]]) {
    const ours = chpass.strength(password, inputs);
    const theirs = zxcvbn(password, inputs);
    assert.equal(ours.score, theirs.score, password);
    assert.ok(Math.abs(ours.guesses_log10 - Math.log10(theirs.guesses)) < 1e-9, password);
    assert.deepEqual(
      ours.sequence.map((m) => [m.pattern, m.i, m.j, m.dictionary_name]),
      theirs.sequence.map((m) => [m.pattern, m.i, m.j, m.dictionary_name]),
      password,
    );
  }
});

test('lone surrogates are refused; the estimate never includes the password', () => {
  assert.throws(() => chpass.strength('\uD800abc'), (e) => e.code === 'invalid_argument');
  assert.ok(!JSON.stringify(chpass.strength('hunter2hunter2')).includes('hunter'));
});

test('the whole password is scored up to 4,096 UTF-16 units, then only those (a pair is never split)', () => {
  // zxcvbn scores the whole password: a long passphrase is not cut to its first 100 units
  const long = 'a'.repeat(100) + 'Xq7#kP2$vL9!mZ4&wR8^';
  assert.equal(chpass.strength(long).score, zxcvbn(long).score);
  assert.equal(chpass.strength(long).score, 4);
  const paste = 'correct horse battery staple '.repeat(40000); // over 1 MiB
  assert.deepEqual(chpass.strength(paste), chpass.strength(paste.slice(0, 4096)));
  const pairs = 'a' + '😀'.repeat(2100); // unit 4,096 would cut an emoji in half
  assert.equal(chpass.strength(pairs).score, chpass.strength(pairs.slice(0, 4097)).score);
});

test('strength-data.js holds zxcvbn\'s lists exactly, through its template literal (backticks included)', async () => {
  const fs = await import('node:fs');
  const text = (await import(new URL('lib/strength-data.js', pathToFileURL(require.resolve('chpass'))).href)).default;
  const lists = text.split('# ').slice(1).map((section) => section.split(/\n(.*)/s));
  const source = new URL('../../strength/data/zxcvbn/', import.meta.url);
  assert.deepEqual(lists.map(([name]) => name),
    ['passwords', 'english_wikipedia', 'female_names', 'surnames', 'us_tv_and_film', 'male_names']);
  for (const [name, words] of lists) {
    assert.equal(words, fs.readFileSync(new URL(`${name}.txt`, source), 'utf8').replace(/\n*$/, '\n'), name);
  }
  assert.ok(text.includes('`'), 'a word with a backtick came through');
});
