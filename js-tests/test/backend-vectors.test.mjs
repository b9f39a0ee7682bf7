// core/tests/vectors/requests.json and responses.json through the npm package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRequest, interpretResponse, dumpRequest, ChpassError } from './support/chpass.mjs';
import { loadVectors } from './vectors.mjs';

// error_must_not_contain: secrets that neither the message nor the params may show
function showsNoneOf(err, c) {
  const shown = `${err} ${err.message} ${JSON.stringify(err.params)}`;
  for (const secret of c.error_must_not_contain ?? []) assert.ok(!shown.includes(secret), `the error shows ${secret}: ${shown}`);
}

function responseOf(c) {
  const { body_repeat: repeat, ...response } = c.response;
  return repeat ? { ...response, body: repeat.text.repeat(repeat.count) } : response;
}

for (const c of loadVectors('requests.json')) {
  test(`request: ${c.name}`, () => {
    if (c.expected_error) {
      assert.throws(
        () => buildRequest(c.operation),
        (err) => {
          assert.ok(err instanceof ChpassError && err.code === c.expected_error && err.params.path === c.expected_error_path, String(err));
          showsNoneOf(err, c);
          return true;
        },
      );
      return;
    }
    const request = buildRequest(c.operation);
    const want = c.expected_request;
    assert.equal(request.method, want.method);
    assert.equal(request.url, want.url);
    assert.deepEqual(request.headers, want.headers);
    assert.deepEqual(request.body === null ? null : JSON.parse(request.body), want.body);
    const dump = dumpRequest(c.operation);
    for (const secret of c.dump_must_not_contain ?? []) assert.ok(!dump.includes(secret), `dump shows ${secret}`);
  });
}

for (const c of loadVectors('responses.json')) {
  test(`response: ${c.name}`, () => {
    if (c.expected_error) {
      assert.throws(() => interpretResponse(c.operation, responseOf(c)), (err) => {
        assert.ok(err instanceof ChpassError, String(err));
        assert.equal(err.code, c.expected_error);
        for (const [key, value] of Object.entries(c.expected_params ?? {})) assert.deepEqual(err.params[key], value, key);
        showsNoneOf(err, c);
        return true;
      });
      return;
    }
    assert.deepEqual(interpretResponse(c.operation, responseOf(c)), c.expected_outcome);
  });
}
