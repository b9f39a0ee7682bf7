// The whole flow from Node (wasm + fetch) against a real Keystone started on 127.0.0.1 by this
// file and stopped after it. A missing server is a failure, not a skip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  Client,
  Policy,
  AuthenticationFailedError,
  InvalidCurrentPasswordError,
  ServerRejectedPasswordError,
  PolicyViolationError,
  NotFoundError,
} from './support/chpass.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PARITY = JSON.parse(readFileSync(`${ROOT}core/tests/vectors/keystone-parity.json`, 'utf8'));
const client = new Client();
let server;
let url;
let adminPassword;
let conf;
let admin;

before(async () => {
  const python = `${ROOT}.venv-keystone/bin/python`;
  assert.ok(existsSync(python), 'scripts/bootstrap.sh installs Keystone into .venv-keystone');
  server = spawn(python, [`${ROOT}tests-support/keystone_server.py`], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [line] = await Promise.race([
    (async () => {
      for await (const l of createInterface({ input: server.stdout })) return [l];
      return [''];
    })(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('Keystone did not start')), 180_000).unref()),
  ]);
  assert.match(line, /^READY /);
  [, url, adminPassword, conf] = line.split(' ');
  admin = await client.execute({
    operation: 'keystone.issue_token', base_url: url, user: { name: 'admin', domain: { id: 'default' } }, password: adminPassword,
    scope: { project: { name: 'admin', domain: { id: 'default' } } },
  });
});

after(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = once(server, 'exit');
  server.kill();
  // a server that does not stop is a failure, not a hang
  const late = setTimeout(() => server.kill('SIGKILL'), 30_000);
  const [code, signal] = await exited;
  clearTimeout(late);
  assert.equal(signal ?? code, 0, 'Keystone did not stop on SIGTERM');
  // its database and keys live there: stopping the server must remove them
  assert.ok(!existsSync(dirname(conf)), 'Keystone left its work directory behind');
});

// an admin API call that chpass does not offer (it is not part of a password change)
async function createUser(name, password) {
  const res = await fetch(`${url}/v3/users`, {
    method: 'POST',
    headers: { 'X-Auth-Token': admin.token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { name, domain_id: 'default', password } }),
  });
  return (await res.json()).user.id;
}

const login = (userId, password) =>
  client.execute({ operation: 'keystone.issue_token', base_url: url, user: { id: userId }, password });
const change = (userId, old, password) =>
  ({ operation: 'keystone.change_password', base_url: url, user_id: userId, original_password: old, password });

test('change, then the new password works and the old one fails', async () => {
  const uid = await createUser('node-alice', 'Start-123');
  const outcome = await client.changePassword(change(uid, 'Start-123', 'Better-456'));
  assert.equal(outcome.outcome, 'token');
  assert.equal(outcome.user_id, uid);
  assert.equal((await login(uid, 'Better-456')).outcome, 'token');
  await assert.rejects(login(uid, 'Start-123'), AuthenticationFailedError);
});

test('a wrong current password', async () => {
  const uid = await createUser('node-bob', 'Start-123');
  await assert.rejects(client.changePassword(change(uid, 'not-it-1', 'Better-456')), (err) => {
    assert.ok(err instanceof InvalidCurrentPasswordError);
    assert.equal(err.params.status, 401);
    return true;
  });
});

test('the server refuses by its regex, and the client policy refuses before sending', async () => {
  const uid = await createUser('node-carol', 'Start-123');
  await assert.rejects(client.execute(change(uid, 'Start-123', 'abcdefgh')), (err) => {
    assert.ok(err instanceof ServerRejectedPasswordError);
    assert.equal(err.params.violation_code, 'pattern_mismatch');
    assert.equal(err.params.server_message, `The password does not match the requirements: ${PARITY.password_regex_description}.`);
    return true;
  });
  const { token } = await login(uid, 'Start-123');
  const read = await client.execute({ operation: 'keystone.get_password_policy', base_url: url, token });
  const fromServer = new Policy(read.policy);
  assert.ok(fromServer.equals(Policy.fromKeystoneConf(readFileSync(conf, 'utf8'))));
  await assert.rejects(client.changePassword(change(uid, 'Start-123', 'abcdefgh'), fromServer), (err) => {
    assert.ok(err instanceof PolicyViolationError);
    assert.equal(err.params.report.violations[0].code, 'pattern_mismatch');
    return true;
  });
});

test('client policy and server agree on every password of the parity table', async () => {
  const policy = Policy.preset('keystone', {
    password_regex: PARITY.password_regex,
    password_regex_description: PARITY.password_regex_description,
  });
  const disagreements = [];
  for (const [i, password] of PARITY.passwords.entries()) {
    const uid = await createUser(`node-parity${i}`, 'Start-123');
    let serverOk = true;
    try {
      await client.execute(change(uid, 'Start-123', password));
    } catch (err) {
      assert.ok(err instanceof ServerRejectedPasswordError, String(err));
      serverOk = false;
    }
    if (policy.validate(password).ok !== serverOk) disagreements.push(password);
  }
  assert.ok(PARITY.passwords.length >= 50);
  assert.deepEqual(disagreements, []);
});

test('reusing a recent password', async () => {
  const uid = await createUser('node-dave', 'Start-123');
  await client.execute(change(uid, 'Start-123', 'Second-456'));
  await assert.rejects(client.execute(change(uid, 'Second-456', 'Start-123')),
    (err) => err instanceof ServerRejectedPasswordError && err.params.violation_code === 'password_reused');
});

test('EC2 credentials: create, list, delete', async () => {
  const res = await fetch(`${url}/v3/auth/tokens`, { headers: { 'X-Auth-Token': admin.token, 'X-Subject-Token': admin.token } });
  const projectId = (await res.json()).token.project.id;
  const base = { base_url: url, token: admin.token, user_id: admin.user_id };
  const created = await client.execute({ ...base, operation: 'keystone.create_ec2_credential', project_id: projectId });
  assert.equal(created.outcome, 'ec2_credential');
  const listed = await client.execute({ ...base, operation: 'keystone.list_ec2_credentials' });
  assert.ok(listed.credentials.some((c) => c.access === created.access));
  assert.deepEqual(await client.execute({ ...base, operation: 'keystone.delete_ec2_credential', access: created.access }), { outcome: 'deleted' });
  await assert.rejects(client.execute({ ...base, operation: 'keystone.delete_ec2_credential', access: created.access }), NotFoundError);
});

const loginByName = (name, password) => ({
  operation: 'keystone.issue_token', base_url: url, user: { name, domain: { id: 'default' } }, password,
});

test('the Keystone flow from the current password alone (core logs in for the user id)', async () => {
  const uid = await createUser('node-frank', 'Start-123');
  const outcome = await client.changeKeystonePassword(loginByName('node-frank', 'Start-123'), 'Better-456');
  assert.equal(outcome.outcome, 'token');
  assert.equal(outcome.user_id, uid);
  // Keystone revokes by the second: a token from the change's second would be refused here
  const read = await client.execute({ operation: 'keystone.get_password_policy', base_url: url, token: outcome.token });
  assert.equal(read.outcome, 'policy');
  assert.equal((await login(uid, 'Better-456')).outcome, 'token');
  await assert.rejects(login(uid, 'Start-123'), AuthenticationFailedError);
  await assert.rejects(client.changeKeystonePassword(loginByName('node-frank', 'not-it-1'), 'Third-789'), InvalidCurrentPasswordError);
  await assert.rejects(client.changeKeystonePassword(change(uid, 'a', 'b'), 'Third-789'), (err) => {
    assert.equal(err.code, 'invalid_argument');
    assert.equal(err.params.argument, 'login');
    return true;
  });
});

test("the Keystone flow checks against the server's own policy, or the caller's", async () => {
  const uid = await createUser('node-grace', 'Start-123');
  const loginGrace = loginByName('node-grace', 'Start-123');
  const { policy, source } = await client.keystonePolicy(loginGrace);
  assert.equal(source, 'server');
  assert.ok(policy instanceof Policy && policy.equals(Policy.fromKeystoneConf(readFileSync(conf, 'utf8'))));
  await assert.rejects(client.changeKeystonePassword(loginGrace, 'abcdefgh'), (err) => {
    assert.ok(err instanceof PolicyViolationError);
    assert.deepEqual(err.params.report.violations.map((v) => v.code), ['pattern_mismatch']);
    return true;
  });
  assert.equal((await login(uid, 'Start-123')).outcome, 'token', 'nothing was sent');
  // the context's user name and current password default to the login's
  const own = new Policy({ context_words: true, differ_from_current: true });
  for (const [password, code] of [['node-grace-1', 'contains_context_word'], ['Start-123', 'same_as_current']]) {
    await assert.rejects(client.changeKeystonePassword(loginGrace, password, own), (err) => {
      assert.deepEqual(err.params.report.violations.map((v) => v.code), [code]);
      return true;
    });
  }
  // the caller's policy replaces the server's here: sent, so the server has the last word
  await assert.rejects(client.changeKeystonePassword(loginGrace, 'abcdefgh', own), ServerRejectedPasswordError);
  const outcome = await client.changeKeystonePassword(loginGrace, 'Better-456', own.toJSON());
  assert.equal(outcome.outcome, 'token');
  assert.equal((await login(uid, 'Better-456')).outcome, 'token');
});
