// The strength estimate against npm zxcvbn 4.4.2 itself (the peer that zxcvbn4j, and so
// OpenSearch, port): the same score on a 5,000-password corpus, and the same guesses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as chpass from 'chpass';
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
    ['12/25/1999', []], ['P@ssw0rd', []], ['😀😀😀correct', []], ['zxcvbnm,./', []]]) {
    const ours = chpass.strength(password, inputs);
    const theirs = zxcvbn(password, inputs);
    assert.equal(ours.score, theirs.score, password);
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

test('only the first 100 UTF-16 units are analysed, whatever the length (a pair is never split)', () => {
  const long = 'correct horse battery staple '.repeat(40000); // over 1 MiB
  assert.deepEqual(chpass.strength(long), chpass.strength(long.slice(0, 100)));
  const pairs = 'a' + '😀'.repeat(60); // unit 100 would cut an emoji in half
  assert.equal(chpass.strength(pairs).score, chpass.strength(pairs.slice(0, 101)).score);
});

test('Node reads the dictionaries at first use: strength works at once, loadStrength() just resolves', async () => {
  assert.equal(chpass.strength('password').score, 0);
  assert.equal(await chpass.loadStrength(), undefined);
  assert.equal(chpass.Policy.preset('opensearch').toJSON().strength.min_score, 3);
});

test('an import reads neither the estimator, its dictionaries nor the word list; their first use does', async () => {
  const { execFileSync } = await import('node:child_process');
  const script = `const fs = require('node:fs'), path = require('node:path');
    const reads = [];
    const readFileSync = fs.readFileSync;
    fs.readFileSync = (file, ...rest) => { reads.push(path.basename(String(file))); return readFileSync(file, ...rest); };
    const loaded = () => reads.filter((f) => /strength|word-list/.test(f));
    const c = require('chpass');
    const out = { import: loaded() };
    out.rule = c.validate('456Some_uSer_Name_1234', c.Policy.preset('opensearch'), { username: 'some_user_name' })
      .violations.map((v) => v.code);
    out.afterRule = loaded();
    out.score = c.strength('password').score;
    out.words = c.generate({}, { mode: 'passphrase', words: 4 }).password.split('-').length;
    out.afterPassphrase = loaded();
    console.log(JSON.stringify(out));`;
  const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: new URL('..', import.meta.url) }));
  assert.deepEqual(out.import, []);
  assert.deepEqual(out.rule, ['similar_to_username']);
  const strengthFiles = ['chpass_strength_wasm.js', 'chpass_strength_wasm_bg.wasm', 'strength-data.js'];
  assert.deepEqual(out.afterRule, strengthFiles);
  assert.equal(out.score, 0);
  assert.equal(out.words, 4);
  assert.deepEqual(out.afterPassphrase, [...strengthFiles, 'word-list.js']);
});

test("a worker_threads worker of the user's own reads the dictionaries at first use too", async () => {
  const { execFileSync } = await import('node:child_process');
  const script = `const { Worker } = require('node:worker_threads');
    new Worker("const c = require('chpass'); require('node:worker_threads').parentPort.postMessage(c.strength('password').score)", { eval: true })
      .on('message', (m) => { console.log(m); process.exit(0); });`;
  assert.equal(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: new URL('..', import.meta.url) }).trim(), '0');
});

test('loaded on demand (as in browsers): refused before, a failed download may be tried again, then rules use the estimator', async () => {
  const { execFileSync } = await import('node:child_process');
  // a process of its own: build() installs its error classes into the shared main module
  const script = `const path = require('node:path'), url = require('node:url');
    const dir = path.dirname(require.resolve('chpass'));
    const { build } = require(path.join(dir, 'api.cjs'));
    let failures = 1;
    const data = { now: false, read: async (part) => {
      if (part === 'strength.wasm') {
        if (failures-- > 0) throw new Error('offline');
        return require(path.join(dir, 'node/strength/chpass_strength_wasm.js'));
      }
      return (await import(url.pathToFileURL(path.join(dir, part)).href)).default;
    } };
    const api = build(require(path.join(dir, 'node/chpass_wasm.js')), undefined, data);
    const out = {};
    try { api.strength('x'); } catch (e) { out.strength = [e.constructor.name, e.code]; }
    try { api.Policy.preset('opensearch'); } catch (e) { out.policy = e.code; }
    api.loadStrength().catch((e) => { out.failed = e.message; return api.loadStrength(); }).then(() => {
      out.score = api.strength('password').score;
      out.codes = api.validate('456Some_uSer_Name_1234', api.Policy.preset('opensearch'), { username: 'some_user_name' })
        .violations.map((v) => v.code);
      console.log(JSON.stringify(out));
    });`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: new URL('..', import.meta.url) });
  assert.deepEqual(JSON.parse(out), {
    strength: ['ConfigurationError', 'strength_dictionaries_not_loaded'],
    policy: 'strength_dictionaries_not_loaded',
    failed: 'offline',
    score: 0,
    codes: ['similar_to_username'],
  });
});

test('strength-data.js holds zxcvbn\'s lists exactly, through its template literal (backticks included)', async () => {
  const fs = await import('node:fs');
  const text = (await import(new URL('strength-data.js', pathToFileURL(require.resolve('chpass'))).href)).default;
  const lists = text.split('# ').slice(1).map((section) => section.split(/\n(.*)/s));
  const source = new URL('../../strength/data/zxcvbn/', import.meta.url);
  assert.deepEqual(lists.map(([name]) => name),
    ['passwords', 'english_wikipedia', 'female_names', 'surnames', 'us_tv_and_film', 'male_names']);
  for (const [name, words] of lists) {
    assert.equal(words, fs.readFileSync(new URL(`${name}.txt`, source), 'utf8').replace(/\n*$/, '\n'), name);
  }
  assert.ok(text.includes('`'), 'a word with a backtick came through');
});
