// require('chpass') from CommonJS.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const chpass = require('chpass');

test('require() loads the package synchronously', () => {
  const report = chpass.validate('abc', chpass.Policy.preset('elasticsearch'));
  assert.deepEqual(report.violations.map((v) => v.code), ['too_short']);
  assert.throws(() => chpass.Policy.preset('nope'), chpass.InvalidPolicyError);
});
