// Hashing and generation through the npm package: the shared vectors, interop with hash-wasm,
// bcryptjs and the native argon2 package, and the worker-backed async functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, pbkdf2Sync } from 'node:crypto';
import * as chpass from './support/chpass.mjs';
import bcryptjs from 'bcryptjs';
import argon2native from 'argon2';
import { argon2Verify, argon2id, argon2i, bcrypt as hwBcrypt, bcryptVerify } from 'hash-wasm';
import { loadVectors } from './vectors.mjs';

const { hash, verify, needsRehash, generate, Policy, ChpassError } = chpass;
const PASSWORD = 'Pa55-word';
const section = (name) => loadVectors('hash.json', name);

for (const c of section('hash')) {
  test(`hash: ${c.name}`, () => {
    const made = hash(c.password, c.spec);
    assert.equal(made, c.hash);
    assert.equal(verify(c.password, made), true);
    assert.equal(needsRehash(made, c.spec), false);
  });
}

const expectCode = (code) => (err) => err instanceof ChpassError && err.code === code;

for (const c of section('spec_errors')) {
  test(`spec error: ${c.name}`, () => {
    assert.throws(() => hash(PASSWORD, c.spec), (err) => expectCode(c.error)(err) && err.params.path === c.path);
  });
}

for (const c of section('verify')) {
  test(`verify: ${c.name}`, () => {
    if (c.error) assert.throws(() => verify(c.password, c.hash), expectCode(c.error));
    else assert.equal(verify(c.password, c.hash), c.result);
  });
}

test('needsRehash vectors', () => {
  for (const c of section('needs_rehash')) {
    if (c.error) assert.throws(() => needsRehash(c.hash, c.spec), expectCode(c.error));
    else assert.equal(needsRehash(c.hash, c.spec), c.result, `${c.hash} ${JSON.stringify(c.spec)}`);
  }
});

function checkShape(c, make, check = verify) {
  if (c.error) return assert.throws(make, expectCode(c.error));
  const made = make();
  assert.match(made, new RegExp(c.pattern));
  assert.equal(check(PASSWORD, made), true);
}

for (const c of section('elasticsearch')) {
  test(`elasticsearchPasswordHash: ${c.algorithm}`, () => checkShape(c, () => chpass.elasticsearchPasswordHash(PASSWORD, c.algorithm)));
}
for (const c of section('opensearch')) {
  test(`opensearchHash: ${JSON.stringify(c.settings)}`, () => checkShape(c, () => chpass.opensearchHash(PASSWORD, c.settings), chpass.verifyOpenSearch));
}

// ---- interop, both directions ----

const PASSWORDS = ['correct horse battery staple', 'пароль😀', 'a\u0000b', 'é'.repeat(36), 'x'.repeat(72)];
const utf8 = (s) => new TextEncoder().encode(s);
const salt = (n) => crypto.getRandomValues(new Uint8Array(n));

test('hash-wasm verifies our argon2 and we verify its argon2id/argon2i', async () => {
  for (const password of PASSWORDS) {
    const ours = hash(password, { algorithm: 'argon2id', memory_kib: 1024, iterations: 2 });
    assert.equal(await argon2Verify({ password, hash: ours }), true);
    for (const fn of [argon2id, argon2i]) {
      const theirs = await fn({ password, salt: salt(16), parallelism: 2, iterations: 2, memorySize: 512, hashLength: 32, outputType: 'encoded' });
      assert.equal(verify(password, theirs), true, theirs);
      assert.equal(verify(password + '!', theirs), false);
    }
  }
});

test('the native argon2 package (m,p,t order) and chpass verify each other', async () => {
  const theirs = await argon2native.hash(PASSWORD, { memoryCost: 1024, timeCost: 2, parallelism: 2 });
  assert.match(theirs, /m=1024,p=2,t=2/);
  assert.equal(verify(PASSWORD, theirs), true);
  assert.equal(await argon2native.verify(hash(PASSWORD, { algorithm: 'argon2id', memory_kib: 1024 }), PASSWORD), true);
});

test('bcryptjs and hash-wasm verify our bcrypt and we verify theirs', async () => {
  for (const password of PASSWORDS) {
    for (const variant of ['2a', '2b', '2y']) {
      const ours = hash(password, { algorithm: 'bcrypt', cost: 4, variant });
      assert.equal(bcryptjs.compareSync(password, ours), true);
      assert.equal(await bcryptVerify({ password: utf8(password), hash: ours }), true);
    }
    const theirs = bcryptjs.hashSync(password, 4);
    assert.equal(verify(password, theirs), true);
    const hw = await hwBcrypt({ password: utf8(password), salt: salt(16), costFactor: 4, outputType: 'encoded' });
    assert.equal(verify(password, hw), true);
  }
});

test('a password over 72 bytes is refused, where bcryptjs would truncate', () => {
  const long = 'é'.repeat(37);
  assert.equal(bcryptjs.truncates(long), true);
  assert.throws(() => hash(long, { algorithm: 'bcrypt', cost: 4 }), (err) =>
    err instanceof chpass.PasswordTooLongForBcryptError && err.params.actual === 74 && !err.message.includes(long));
});

test('Elasticsearch PBKDF2 follows the format rules (checked with node:crypto)', () => {
  for (const stretch of [false, true]) {
    const made = chpass.elasticsearchPasswordHash(PASSWORD, stretch ? 'pbkdf2_stretch_1000' : 'pbkdf2_1000');
    const [, iterations, saltB64, keyB64] = made.match(/^\{PBKDF2(?:_STRETCH)?\}(\d+)\$([^$]+)\$([^$]+)$/);
    const input = stretch ? createHash('sha512').update(PASSWORD).digest('hex') : PASSWORD;
    const key = pbkdf2Sync(input, Buffer.from(saltB64, 'base64'), Number(iterations), 32, 'sha512');
    assert.equal(key.toString('base64'), keyB64);
  }
});

test('lone surrogates are refused, never hashed as U+FFFD', () => {
  assert.throws(() => hash('\uD800'), expectCode('invalid_argument'));
  assert.throws(() => verify('\uDC00x', section('hash')[0].hash), expectCode('invalid_argument'));
});

// ---- async: a worker, so the event loop keeps running ----

test('hashAsync runs in a worker: timers keep firing during a 64 MiB argon2id', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    const made = await chpass.hashAsync(PASSWORD, { algorithm: 'argon2id', memory_kib: 65536, iterations: 3 });
    assert.match(made, /^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    assert.ok(ticks > 5, `only ${ticks} timer ticks: the event loop was blocked`);
    assert.equal(await chpass.verifyAsync(PASSWORD, made), true);
  } finally {
    clearInterval(timer);
  }
});

test('async errors are the same classes', async () => {
  await assert.rejects(chpass.verifyAsync('x', 'nonsense'), (err) => err instanceof chpass.MalformedHashError && err.code === 'malformed_hash');
  await assert.rejects(chpass.elasticsearchPasswordHashAsync('x', 'bcrypt15'), expectCode('invalid_argument'));
  assert.match(await chpass.opensearchHashAsync(PASSWORD, { 'bcrypt.rounds': 4 }), /^\$2y\$04\$/);
  assert.equal(await chpass.needsRehashAsync(section('hash')[0].hash, { algorithm: 'bcrypt' }), true);
});

// ---- generation ----

for (const c of loadVectors('generate.json')) {
  test(`generate: ${c.name}`, () => {
    const policy = c.preset ? Policy.preset(c.preset, {}) : new Policy(c.policy);
    if (c.error) return assert.throws(() => generate(policy, c.options), expectCode(c.error));
    const made = generate(policy, c.options);
    assert.ok(Math.abs(made.entropy_bits - c.entropy_bits) < 1e-6, `${made.entropy_bits}`);
    if (c.length) assert.equal([...made.password].length, c.length);
    assert.equal(policy.validate(made.password).ok, true);
  });
}

test('1,000 generated passwords per preset and mode all validate', () => {
  const context = { username: 'alice', email: 'alice@example.com' };
  for (const { name } of chpass.presets) {
    const policy = Policy.preset(name, {});
    for (const mode of ['characters', 'passphrase']) {
      for (let i = 0; i < 1000; i++) {
        const { password } = generate(policy, { mode }, context);
        assert.equal(policy.validate(password, context).ok, true, `${name} ${mode}`);
      }
    }
  }
});

test('after loadWordList(), passphrases draw from the EFF list', async () => {
  assert.equal(await chpass.loadWordList(), undefined);
  const { password, entropy_bits } = generate(Policy.preset('nist-800-63b'), { mode: 'passphrase', separator: ' ', words: 7 });
  assert.equal(password.split(' ').length, 7);
  assert.equal(entropy_bits, 7 * Math.log2(7776));
});

test('a generated password prints redacted, and reads in full', async () => {
  const { inspect } = await import('node:util');
  const made = generate(Policy.preset('nist-800-63b'));
  assert.equal(typeof made.password, 'string');
  assert.ok(made.password.length >= 15);
  const { password } = made;
  assert.equal(password, made.password);
  for (const shown of [inspect(made), JSON.stringify(made), `${Object.values(made)}`, String(Object.keys(made))]) {
    assert.ok(!shown.includes(made.password), shown);
  }
  assert.match(inspect(made), /\[REDACTED\]/);
});

test('hash is held to the limits verify holds it to, and both can be raised', () => {
  assert.throws(() => hash('pw', { algorithm: 'bcrypt', cost: 17 }), (err) => err.code === 'work_limit_exceeded');
  assert.throws(
    () => chpass.opensearchHash('pw', { algorithm: 'bcrypt', 'bcrypt.rounds': 17 }),
    (err) => err.code === 'work_limit_exceeded' && err.params.limit_name === 'bcrypt_max_cost',
  );
  const made = hash('pw', { algorithm: 'bcrypt', cost: 5 }, { bcrypt_max_cost: 5 });
  assert.equal(verify('pw', made, { bcrypt_max_cost: 5 }), true);
  assert.throws(() => verify('pw', made, { bcrypt_max_cost: 4 }), (err) => err.code === 'work_limit_exceeded');
});

test('verifyOpenSearch checks a $2a$ hash as password4j does', () => {
  const made = chpass.opensearchHash('pässwörd', { algorithm: 'bcrypt', 'bcrypt.minor': 'A', 'bcrypt.rounds': 4 });
  assert.equal(chpass.verifyOpenSearch('pässwörd', made), true);
  assert.equal(verify('pässwörd', made), false);
  // ASCII: password4j's $2a$ is standard bcrypt, which bcryptjs checks
  const ascii = chpass.opensearchHash('password', { algorithm: 'bcrypt', 'bcrypt.minor': 'A', 'bcrypt.rounds': 4 });
  assert.equal(bcryptjs.compareSync('password', ascii), true);
  assert.equal(chpass.verifyOpenSearch('password', ascii), true);
});
