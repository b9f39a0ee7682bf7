// The JavaScript surface: real Error classes, plain-object reports, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as chpass from './support/chpass.mjs';
import {
  Policy,
  validate,
  presets,
  ERROR_CODES,
  ChpassError,
  ConfigurationError,
  InvalidPolicyError,
  InvalidArgumentError,
} from './support/chpass.mjs';

test('reports are plain JSON-shaped objects', () => {
  const report = validate('password', Policy.preset('nist-800-63b'));
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.equal(Object.getPrototypeOf(report.violations[0].params), Object.prototype);
  assert.deepEqual(report, {
    ok: false,
    violations: [
      { code: 'too_short', message: 'Must be at least 15 characters long.', params: { min: 15, actual: 8, unit: 'code_points' } },
      { code: 'common_password', message: 'Is one of the most common passwords.', params: {} },
    ],
    notices: [],
    not_evaluated: [],
    strength: null,
  });
});

test('policies round-trip through JSON', () => {
  const spec = { min_length: { value: 8, unit: 'utf16_units' }, blocklist: { common: true } };
  const policy = new Policy(spec);
  assert.deepEqual(JSON.parse(JSON.stringify(policy)), spec);
  assert.ok(Policy.fromJson(JSON.stringify(policy)).equals(policy));
  assert.deepEqual(validate('abc', spec).violations.map((v) => v.code), ['too_short']);
});

test('presets come from core', () => {
  assert.deepEqual(
    presets.map((p) => p.name),
    ['nist-800-63b', 'owasp-asvs-5-l1', 'owasp-asvs-5-l2', 'elasticsearch', 'opensearch', 'keystone'],
  );
  for (const p of presets) Policy.preset(p.name).free();
  assert.ok(Object.isFrozen(presets));
});

test('errors are real Error subclasses with a code, kind and params', () => {
  assert.throws(
    () => new Policy({ min_length: { value: 8, unit: 'chars' } }),
    (err) => {
      assert.ok(err instanceof InvalidPolicyError && err instanceof ConfigurationError);
      assert.ok(err instanceof ChpassError && err instanceof Error);
      assert.equal(err.name, 'InvalidPolicyError');
      assert.equal(err.code, 'invalid_policy');
      assert.equal(err.kind, 'configuration');
      assert.deepEqual(err.params, { path: 'min_length.unit' });
      assert.match(err.message, /min_length\.unit/);
      assert.match(err.stack, /InvalidPolicyError/);
      return true;
    },
  );
  assert.ok(ERROR_CODES.includes('invalid_policy') && ERROR_CODES.includes('unexpected_response'));
  for (const code of ERROR_CODES) assert.equal(typeof code, 'string');
});

test('lone surrogates are an invalid_argument, never silently replaced', () => {
  const policy = new Policy({});
  for (const password of ['\udc80', 'a\ud800b', '\ude00\ud83d']) {
    assert.throws(() => policy.validate(password), (err) => {
      assert.ok(err instanceof InvalidArgumentError);
      assert.equal(err.params.reason, 'lone_surrogate');
      return true;
    });
  }
  // a real U+FFFD and a proper pair are fine
  assert.equal(policy.validate('\ufffd\ud83d\ude00').ok, true);
});

test('every text argument refuses a lone surrogate by name, as in Python', async () => {
  const bad = 'ab\udc80';
  const hash = '$2b$04$abcdefghijklmnopqrstuuVQxqXm3XRhU1ygxeVwLxyZUaUNc2Olm';
    const calls = [
    ['json', () => Policy.fromJson(bad)],
    ['name', () => Policy.preset(bad)],
    ['text', () => Policy.fromKeystoneConf(bad)],
    ['hash', () => chpass.verify('pw', hash + bad)],
    ['hash', () => chpass.needsRehash(bad)],
    ['algorithm', () => chpass.elasticsearchPasswordHash('pw', bad)],
    ['user_inputs', () => chpass.strength('pw', ['jack', bad])],
  ];
  for (const [argument, call] of calls) {
    assert.throws(call, (err) => {
      assert.ok(err instanceof InvalidArgumentError, `${argument}: ${err}`);
      assert.equal(err.params.argument, argument);
      assert.equal(err.params.reason, 'lone_surrogate');
      assert.equal(err.params.unit, 'U+DC80');
      return true;
    });
  }
  await assert.rejects(chpass.verifyAsync('pw', hash + bad), InvalidArgumentError);
  // the algorithm's default is core's, for undefined and null alike
  assert.match(chpass.elasticsearchPasswordHash('pw', null), /^\$2a\$10\$/);
});

test('a password that is not a string is an invalid_argument', () => {
  const policy = new Policy({});
  for (const bad of [undefined, null, 42, {}, ['a']]) {
    assert.throws(() => policy.validate(bad), InvalidArgumentError);
  }
});

test('NUL bytes and 1 MiB passwords get a clear result', () => {
  const nist = Policy.preset('nist-800-63b');
  assert.deepEqual(nist.validate('correct horse\0battery').violations.map((v) => v.code), ['control_character']);
  assert.equal(nist.validate('a'.repeat(1 << 20)).ok, true);
  assert.deepEqual(nist.validate('a'.repeat((1 << 20) + 1)).violations.map((v) => v.code), ['too_long']);
});

test('the current password never appears in an error', () => {
  assert.throws(
    () => validate('x', {}, { current_password: 'hunter2', nope: 1 }),
    (err) => err instanceof InvalidArgumentError && !JSON.stringify([err.message, err.params]).includes('hunter2'),
  );
});

test('non-JSON policy values are refused with invalid_policy', () => {
  assert.throws(() => new Policy({ blocklist: { words: [() => 1] } }), InvalidPolicyError);
  assert.throws(() => new Policy('nist-800-63b'), InvalidPolicyError);
});

test('retryable comes from core: only server_unavailable', async () => {
  const { interpretResponse, ServerUnavailableError, InvalidCurrentPasswordError } = await import('./support/chpass.mjs');
  const op = { operation: 'keystone.change_password', base_url: 'https://k', user_id: 'u', original_password: 'a', password: 'b' };
  assert.throws(() => interpretResponse(op, { status: 503, headers: { 'Retry-After': '5' }, body: '' }),
    (err) => err instanceof ServerUnavailableError && err.retryable === true && err.params.retry_after === 5);
  assert.throws(() => interpretResponse(op, { status: 401, body: '' }),
    (err) => err instanceof InvalidCurrentPasswordError && err.retryable === false);
});

test('objects and arrays nest at most 127 levels deep, as in Python', () => {
  const nest = (levels) => { let v = []; for (let i = 1; i < levels; i++) v = [v]; return v; };
  const op = (username) => ({ operation: 'elasticsearch.change_password', base_url: 'https://es.example:9200', password: 'a', username });
  // 127 levels (the operation and 126 arrays) are read, and the type is what is wrong
  assert.throws(() => chpass.buildRequest(op(nest(126))), (err) => err.params.path === 'username');
  for (const levels of [127, 5000]) {
    assert.throws(() => chpass.buildRequest(op(nest(levels))), (err) => err instanceof ChpassError && err.code === 'invalid_argument'
      && err.params.path === undefined && /nest deeper than 127 levels|cannot be written as JSON/.test(err.message));
  }
  assert.throws(() => new Policy({ min_length: nest(200) }), (err) => err.code === 'invalid_policy' && /nest deeper than 127 levels/.test(err.message));
});

// No JSON parser in the wasm (bindings-wasm/glue: `from_js`): the host's JSON.parse reads the text,
// so `fromJson(text)` is `new Policy(JSON.parse(text))` and numbers are JS numbers.
test('fromJson is new Policy(JSON.parse(text)): the same policies, errors and numbers', () => {
  const spec = { min_length: { value: 8, unit: 'code_points' }, blocklist: { common: true, words: ['jack'] } };
  assert.ok(Policy.fromJson(JSON.stringify(spec)).equals(new Policy(spec)));
  // a whole number is an integer, however it is written, as `8.0 === 8` in JS
  assert.equal(Policy.fromJson('{"min_length": {"value": 8.0, "unit": "code_points"}}').toJSON().min_length.value, 8);
  assert.throws(() => Policy.fromJson('{"min_length": {"value": 8.5, "unit": "code_points"}}'),
    (err) => err.code === 'invalid_policy' && err.params.path === 'min_length.value');
  assert.throws(() => Policy.fromJson('{"min_length": 8,}'), (err) => err instanceof InvalidPolicyError && /JSON/.test(err.message));
  assert.throws(() => Policy.fromJson('[]'), (err) => err.code === 'invalid_policy');
  // an escaped lone surrogate is found where it sits
  assert.throws(() => Policy.fromJson('{"blocklist": {"words": ["a\\udc00"]}}'),
    (err) => err.code === 'invalid_policy' && err.params.path === 'blocklist.words.0' && /U\+DC00/.test(err.message));
  assert.throws(() => Policy.fromJson('['.repeat(200) + ']'.repeat(200)), (err) => err.code === 'invalid_policy');
  // integers past 2^53 and numbers past 2^64 read as serde_json reads JSON.stringify's digits
  assert.throws(() => new Policy({ min_length: { value: 2 ** 64, unit: 'code_points' } }), (err) => err.params.path === 'min_length.value');
  assert.throws(() => new Policy({ min_length: { value: -1, unit: 'code_points' } }), (err) => err.params.path === 'min_length.value');
});

test('objects cross as JSON: a lone surrogate, a BigInt, a cycle or a function is a clear error', () => {
  const refused = (fn, code, message) =>
    assert.throws(fn, (err) => err instanceof ChpassError && err.code === code && message.test(err.message));
  const policy = (spec) => () => new Policy(spec);
  // where it sits, in the words Python uses
  refused(policy({ blocklist: { words: ['ok', 'a\ud800b'] } }), 'invalid_policy',
    /^invalid policy: blocklist\.words\.1: lone surrogate U\+D800 at UTF-16 index 1: not valid Unicode$/);
  assert.throws(policy({ blocklist: { words: ['a\ud800b'] } }), (err) => err.params.path === 'blocklist.words.0');
  refused(policy({ blocklist: { words: ['a\\\udfffb'] } }), 'invalid_policy', /U\+DFFF at UTF-16 index 2/);
  refused(() => Policy.preset('nist-800-63b', { ['x\udc00']: 1 }), 'invalid_policy', /^invalid policy: options: lone surrogate/);
  refused(policy({ min_length: { value: 10n } }), 'invalid_policy', /cannot be written as JSON: .*BigInt/);
  const cycle = {};
  cycle.self = cycle;
  refused(policy(cycle), 'invalid_policy', /cannot be written as JSON: .*circular/);
  const nist = Policy.preset('nist-800-63b');
  refused(() => validate('pw', nist, { username: 'x\udc00' }), 'invalid_argument', /^invalid context: username: lone surrogate U\+DC00/);
  assert.throws(() => validate('pw', nist, { username: 'x\udc00' }), (err) => err.params.path === 'username');
  refused(() => validate('pw', nist, () => 1), 'invalid_argument', /cannot be written as JSON: not a JSON value/);
  // a password inside an operation is refused, never sent with U+FFFD in its place (nor echoed)
  const change = (password) => ({ operation: 'elasticsearch.change_password', base_url: 'http://127.0.0.1:9200',
    password, auth: { basic: { username: 'jack', password: 'old' } } });
  refused(() => chpass.buildRequest(change('new\ud800pass')), 'invalid_argument', /^(?!.*new).*lone surrogate U\+D800/);
  assert.match(JSON.parse(chpass.buildRequest(change('new-😀')).body).password, /^new-😀$/);
  // an escaped backslash before "ud800" and a surrogate pair are ordinary text
  const words = ['a\\ud800b', '😀'];
  assert.deepEqual(new Policy({ blocklist: { words } }).toJSON().blocklist.words, words);
  assert.deepEqual(validate('pw', nist, { username: undefined }).violations.map((v) => v.code), ['too_short']);
});
