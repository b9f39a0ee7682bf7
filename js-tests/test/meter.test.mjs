// `chpass/meter` against npm zxcvbn 4.4.2: the estimator over lists with coarse ranks gives
// zxcvbn's score on at least 99.5% of the corpus (the target of issue 30), and never decides a
// policy's strength rule. Its own process: no other entry has installed exact lists here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as main from 'chpass';
import * as meter from 'chpass/meter';
import { corpus } from './support/strength-corpus.mjs';

const zxcvbn = createRequire(import.meta.url)('zxcvbn');

test('nothing is estimated before ready()', () => {
  assert.throws(() => meter.strength('password'), (e) => e instanceof main.NotReadyError && e.code === 'not_ready' && /'chpass\/meter'/.test(e.message));
});

test("zxcvbn's score on at least 99.5% of 5,000 passwords; a policy's strength rule still needs exact lists", async () => {
  await Promise.all([main.ready(), meter.ready()]);
  const passwords = corpus(5000);
  const differ = passwords.filter((p) => meter.strength(p).score !== zxcvbn(p).score);
  assert.ok(differ.length <= 25, `${differ.length} of 5000 differ: ${JSON.stringify(differ.slice(0, 10))}`);
  assert.ok(differ.length > 0, 'the ranks are coarse: some score differs');
  console.log(`# meter agreement: score ${5000 - differ.length}/5000`);
  // the shape and the feedback's language are the exact estimate's
  const estimate = meter.strength('correct horse battery staple');
  assert.equal(estimate.score, 4);
  assert.deepEqual(Object.keys(estimate).sort(), Object.keys(meter.strength('x')).sort());

  assert.throws(() => main.Policy.preset('opensearch'), (e) => e.code === 'strength_dictionaries_not_loaded' && /'chpass\/strength'/.test(e.message));

  // chpass/strength's exact lists, once loaded, serve the meter too
  const strength = await import('chpass/strength');
  await strength.ready();
  for (const password of differ) assert.equal(meter.strength(password).score, zxcvbn(password).score, password);
  assert.deepEqual(main.validate('password', main.Policy.preset('opensearch')).violations.map((v) => v.code), ['weak_password']);
});
