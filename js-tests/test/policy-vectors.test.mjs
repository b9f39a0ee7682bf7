// core/tests/vectors/policy.json through the npm package: same codes, params and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as chpass from './support/chpass.mjs';
import { loadVectors } from './vectors.mjs';
import { checkCase } from './policy-check.mjs';

const cases = loadVectors('policy.json');

test('at least 150 vectors', () => assert.ok(cases.length >= 150));

for (const c of cases) {
  test(c.name, () => assert.equal(checkCase(chpass, c), null));
}
