// The entry points and their explicit initialisation: each entry's functions throw
// NotReadyError until its `ready()` resolves, in Node as in browsers; import and require give
// the same instances; strength rules wait for `chpass/strength`. Each case runs in a fresh
// process, where nothing is loaded yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const fresh = (script) =>
  JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: new URL('..', import.meta.url) }));

test('every entry refuses before ready() with NotReadyError naming it, and works after', () => {
  const out = fresh(`
    const entries = { chpass: ['validate', ['pw', {}]], 'chpass/hash': ['hash', ['pw']], 'chpass/client': ['dumpRequest', [{}]],
      'chpass/strength': ['strength', ['pw']], 'chpass/meter': ['strength', ['pw']] };
    const out = {};
    for (const [entry, [fn, args]] of Object.entries(entries)) {
      const m = await import(entry);
      try { m[fn](...args); } catch (e) { out[entry] = [e.name, e.code, e.params.entry, e instanceof m.ChpassError, e.message]; }
    }
    const main = await import('chpass');
    try { main.Policy.preset('nist-800-63b'); } catch (e) { out.preset = e.code; }
    try { new main.Policy({}); } catch (e) { out.construct = e.code; }
    out.presets = main.presets.length > 0 && main.ERROR_CODES.includes('not_ready');
    const first = main.ready();
    out.same = first === main.ready();
    await first;
    out.after = main.validate('password', main.Policy.preset('nist-800-63b')).violations.map((v) => v.code);
    out.instance = main.Policy.preset('keystone') instanceof main.Policy;
    console.log(JSON.stringify(out));`);
  for (const entry of ['chpass', 'chpass/hash', 'chpass/client', 'chpass/strength', 'chpass/meter']) {
    assert.deepEqual(out[entry].slice(0, 4), ['NotReadyError', 'not_ready', entry, true]);
    assert.match(out[entry][4], new RegExp(`await ready\\(\\)\` from '${entry}'`));
  }
  assert.equal(out.preset, 'not_ready');
  assert.equal(out.construct, 'not_ready');
  assert.equal(out.presets, true);
  assert.equal(out.same, true);
  assert.deepEqual(out.after, ['too_short', 'common_password']);
  assert.equal(out.instance, true);
});

test('import and require give the same modules and classes', () => {
  const out = fresh(`
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const out = {};
    for (const entry of ['chpass', 'chpass/hash', 'chpass/client', 'chpass/strength', 'chpass/meter']) {
      const esm = await import(entry), cjs = require(entry);
      out[entry] = esm.ready === cjs.ready && esm.ChpassError === cjs.ChpassError;
    }
    out.shared = (await import('chpass/hash')).ChpassError === (await import('chpass')).ChpassError;
    console.log(JSON.stringify(out));`);
  assert.deepEqual(out, { chpass: true, 'chpass/hash': true, 'chpass/client': true, 'chpass/strength': true, 'chpass/meter': true, shared: true });
});

test("strength rules wait for chpass/strength's ready(), whichever entry checks them", () => {
  const out = fresh(`
    const main = await import('chpass'), client = await import('chpass/client');
    await Promise.all([main.ready(), client.ready()]);
    const out = {};
    try { main.Policy.preset('opensearch'); } catch (e) { out.before = e.code; }
    await (await import('chpass/strength')).ready();
    const policy = main.Policy.preset('opensearch');
    out.after = main.validate('456Some_uSer_Name_1234', policy, { username: 'some_user_name' }).violations.map((v) => v.code);
    const change = { operation: 'opensearch.change_own_password', base_url: 'http://127.0.0.1:1', current_password: 'old', password: 'password' };
    out.client = await new client.Client().changePassword(change, policy).catch((e) => e.params.report.violations.map((v) => v.code));
    console.log(JSON.stringify(out));`);
  assert.deepEqual(out, {
    before: 'strength_dictionaries_not_loaded',
    after: ['similar_to_username'],
    client: ['weak_password'],
  });
});

test('a passphrase needs loadWordList(); characters do not', () => {
  const out = fresh(`
    const main = await import('chpass');
    await main.ready();
    const out = { characters: main.generate({}).password.length };
    try { main.generate({}, { mode: 'passphrase' }); } catch (e) { out.before = e.code; }
    await main.loadWordList();
    out.words = main.generate({}, { mode: 'passphrase', words: 4 }).password.split('-').length;
    console.log(JSON.stringify(out));`);
  assert.deepEqual(out, { characters: out.characters, before: 'word_list_not_loaded', words: 4 });
  assert.ok(out.characters > 0);
});

test('the async hashing functions need no ready(): their worker loads its own module', () => {
  const out = fresh(`
    const h = await import('chpass/hash');
    const stored = await h.hashAsync('pw', { algorithm: 'argon2id', memory_kib: 1024 });
    const out = { verified: await h.verifyAsync('pw', stored) };
    try { h.verify('pw', stored); } catch (e) { out.sync = e.code; }
    out.typed = await h.verifyAsync('pw', 'nonsense').catch((e) => [e.name, e instanceof h.MalformedHashError]);
    console.log(JSON.stringify(out));`);
  assert.deepEqual(out, { verified: true, sync: 'not_ready', typed: ['MalformedHashError', true] });
});
