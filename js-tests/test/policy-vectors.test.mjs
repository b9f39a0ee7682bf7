// core/tests/vectors/policy.json through the npm package: same codes, params and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Policy, validate, ChpassError } from 'chpass';
import { loadVectors, passwordOf } from './vectors.mjs';

const cases = loadVectors('policy.json');

function policyOf(c) {
  if (c.preset) return Policy.preset(c.preset, c.options);
  if (c.keystone_conf !== undefined) return Policy.fromKeystoneConf(c.keystone_conf);
  return new Policy(c.policy);
}

test('at least 150 vectors', () => assert.ok(cases.length >= 150));

for (const c of cases) {
  test(c.name, () => {
    const run = () => validate(passwordOf(c), policyOf(c), c.context);
    if (c.expected_error) {
      assert.throws(run, (err) => {
        assert.ok(err instanceof ChpassError, `not a ChpassError: ${err}`);
        assert.ok(err instanceof Error);
        assert.equal(err.code, c.expected_error);
        if (c.expected_error_path !== undefined) assert.equal(err.params.path, c.expected_error_path);
        return true;
      });
      return;
    }
    const report = run();
    assert.deepEqual(report.violations.map((v) => v.code), c.expected_codes);
    assert.equal(report.ok, c.expected_codes.length === 0);
    if (c.expected_params) assert.deepEqual(report.violations.map((v) => v.params), c.expected_params);
    if (c.expected_messages) assert.deepEqual(report.violations.map((v) => v.message), c.expected_messages);
    if (c.expected_not_evaluated) assert.deepEqual(report.not_evaluated, c.expected_not_evaluated);
  });
}
