// require('chpass') from CommonJS (Node 20.19+ loads the ES modules synchronously).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const chpass = require('chpass');

test('require() gives the same entry points, ready() included', async () => {
  assert.throws(() => chpass.validate('abc', { min_length: { value: 8 } }), chpass.NotReadyError);
  await chpass.ready();
  const report = chpass.validate('abc', chpass.Policy.preset('elasticsearch'));
  assert.deepEqual(report.violations.map((v) => v.code), ['too_short']);
  assert.throws(() => chpass.Policy.preset('nope'), chpass.InvalidPolicyError);
  const hash = require('chpass/hash');
  assert.equal(hash.InvalidPolicyError, chpass.InvalidPolicyError);
  assert.equal(await hash.verifyAsync('pw', await hash.hashAsync('pw', { algorithm: 'bcrypt', cost: 4 })), true);
});
