// The wasm transport (the JS host's fetch) against a scripted server on 127.0.0.1: the same
// cases as core/tests/transport.rs, so retries, timeouts and unknown outcomes carry the same
// codes in Node as natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { Client, Policy, TransportError, OutcomeUnknownError } from './support/chpass.mjs';

// Serves `replies` in order, one per request: [status, headers, body], 'close' or 'stall'.
async function scripted(replies, host = '127.0.0.1') {
  const seen = [];
  const stalled = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const reply = replies[seen.length - 1] ?? [500, {}, 'no more replies'];
      if (reply === 'close') return req.socket.destroy();
      if (reply === 'stall') return stalled.push(res);
      const [status, headers, body] = reply;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const url = `http://${host}:${server.address().port}`;
  const close = () => {
    stalled.forEach((res) => res.destroy());
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { url, seen, close };
}

const quick = () => new Client({ timeout_ms: 1000 });
const change = (url) => ({
  operation: 'elasticsearch.change_password', base_url: url, username: 'jack', password: 'n3w-Passw0rd',
  auth: { basic: { username: 'elastic', password: 'changeme' } },
});
const read = (url) => ({ operation: 'keystone.get_password_policy', base_url: url, token: 't' });

async function rejects(promise, code) {
  const err = await promise.then(() => assert.fail(`expected ${code}`), (e) => e);
  assert.equal(err.code, code, err.message);
  return err;
}

test('a change goes through with the exact request', async () => {
  const server = await scripted([[200, {}, '{}']]);
  assert.deepEqual(await quick().execute(change(server.url)), { outcome: 'password_changed' });
  const [request] = server.seen;
  assert.equal(request.method, 'PUT');
  assert.equal(request.url, '/_security/user/jack/_password');
  assert.equal(request.body, '{"password":"n3w-Passw0rd"}');
  assert.equal(request.headers.authorization, `Basic ${btoa('elastic:changeme')}`);
  await server.close();
});

test('a 503 is retried after Retry-After', async () => {
  const server = await scripted([[503, { 'retry-after': '1' }, ''], [200, {}, '{}']]);
  const start = Date.now();
  await quick().execute(change(server.url));
  assert.ok(Date.now() - start >= 900, 'waited for Retry-After');
  assert.equal(server.seen.length, 2);
  await server.close();
});

test('retries stop, and the error says retryable', async () => {
  const server = await scripted([0, 1, 2].map(() => [503, { 'retry-after': '0' }, '']));
  const err = await rejects(quick().execute(change(server.url)), 'server_unavailable');
  assert.equal(err.retryable, true);
  assert.equal(server.seen.length, 3, 'one try and two retries');
  await server.close();
});

test('nothing else is retried', async () => {
  const server = await scripted([[500, {}, 'boom'], [200, {}, '{}']]);
  await rejects(quick().execute(change(server.url)), 'unexpected_response');
  assert.equal(server.seen.length, 1);
  await server.close();
});

test('a dropped change is an unknown outcome', async () => {
  const server = await scripted(['close']);
  const err = await rejects(quick().execute(change(server.url)), 'outcome_unknown');
  assert.ok(err instanceof OutcomeUnknownError && err instanceof TransportError);
  assert.ok(!err.message.includes('n3w-Passw0rd'));
  await server.close();
});

test('a stalled change is an unknown outcome, a stalled read a timeout', async () => {
  const server = await scripted(['stall', 'stall']);
  const client = quick();
  await rejects(client.execute(change(server.url)), 'outcome_unknown');
  await rejects(client.execute(read(server.url)), 'timeout');
  await server.close();
});

test('a refused connection: a read is a network error, a change an unknown outcome', async () => {
  const server = await scripted([]);
  const { url } = server;
  await server.close();
  const err = await rejects(quick().execute(read(url)), 'network');
  assert.match(err.message, /ECONNREFUSED/, 'the socket error is in the message');
  // fetch does not say whether the request left
  await rejects(quick().execute(change(url)), 'outcome_unknown');
});

test('plain http only to loopback, unless explicitly allowed', async () => {
  const err = await rejects(quick().execute(change('http://es.example:9200')), 'insecure_http');
  assert.ok(!err.message.includes('n3w-Passw0rd'));
  for (const loopback of ['localhost', '127.0.0.2']) {
    const server = await scripted([[200, {}, '{}']], loopback);
    await quick().execute(change(server.url));
    await server.close();
  }
  // [::ffff:127.0.0.1] is not on chpass's loopback list, as natively
  const server = await scripted([[200, {}, '{}']]);
  const mapped = server.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
  await rejects(quick().execute(change(mapped)), 'insecure_http');
  await new Client({ allow_insecure_http: true }).execute(change(mapped));
  assert.equal(server.seen.length, 1);
  await server.close();
});

test('a URL that is not one is an invalid argument, and nothing is sent', async () => {
  await rejects(quick().execute(change('not a url')), 'invalid_argument');
});

test('a policy failure sends nothing', async () => {
  const server = await scripted([[200, {}, '{}']]);
  const policy = Policy.preset('nist-800-63b');
  const err = await rejects(quick().changePassword(change(server.url), policy), 'policy_violation');
  assert.equal(err.params.report.violations[0].code, 'too_short');
  assert.equal(server.seen.length, 0);
  await server.close();
});

test('an oversized answer is not parsed, and its excerpt is cut', async () => {
  const huge = `{"x":"${'a'.repeat(2 << 20)}"}`;
  const server = await scripted([[200, {}, huge]]);
  const err = await rejects(quick().execute(read(server.url)), 'unexpected_response');
  assert.ok(err.message.length < 4096, 'the message carries an excerpt, not the body');
  await server.close();
});
