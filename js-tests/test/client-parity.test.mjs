// The requests chpass builds equal what @elastic/elasticsearch and @opensearch-project/opensearch
// send for the same call, recorded by a small server on 127.0.0.1; chpass's request is carried
// with fetch, as a web frontend would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import { Client as OpenSearch } from '@opensearch-project/opensearch';
import { buildRequest } from './support/chpass.mjs';

// headers the clients add of their own (user agent, client metadata, vendor media types)
const TRANSPORT = new Set(['host', 'user-agent', 'accept-encoding', 'connection', 'content-length', 'x-elastic-client-meta',
  'accept', 'content-type', 'accept-language', 'sec-fetch-mode']);

let server;
let url;
const recorded = [];

before(async () => {
  server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const [path, query = ''] = req.url.split('?');
      recorded.push({ method: req.method, path, query, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const body = path.includes('_plugins') ? { status: 'OK', message: 'updated' } : {};
      res.writeHead(200, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

async function carry(request) {
  await (await fetch(request.url, { method: request.method, headers: request.headers, body: request.body })).text();
}

// encodeURIComponent leaves !'()* bare; chpass (like the Python clients) encodes every
// character outside RFC 3986's unreserved set. The server decodes both to the same name.
const rfc3986 = (path) => path.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function sameCall(theirs, ours) {
  assert.equal(ours.method, theirs.method);
  assert.equal(ours.path, rfc3986(theirs.path));
  assert.deepEqual(ours.query.split('&').sort(), theirs.query.split('&').sort());
  assert.deepEqual(ours.body ? JSON.parse(ours.body) : null, theirs.body ? JSON.parse(theirs.body) : null);
  assert.equal(ours.headers.authorization, theirs.headers.authorization);
  const extra = Object.keys(ours.headers).filter((h) => !(h in theirs.headers) && !TRANSPORT.has(h));
  assert.deepEqual(extra, []);
}

const AWKWARD = ['jack', 'jack nich', 'a/b', 'ü', '%', "o'neil+1"];

for (const username of [...AWKWARD, undefined]) {
  test(`elasticsearch-js change password for ${username ?? 'the caller'}`, async () => {
    const client = new Elasticsearch({ node: url, auth: { username: 'elastic', password: 'changeme' } });
    recorded.length = 0;
    await client.security.changePassword({ username, password: 'n3w-Passw0rd', refresh: 'wait_for' });
    await carry(buildRequest({
      operation: 'elasticsearch.change_password', base_url: url, username, password: 'n3w-Passw0rd', refresh: 'wait_for',
      auth: { basic: { username: 'elastic', password: 'changeme' } },
    }));
    sameCall(...recorded);
    await client.close();
  });
}

test('opensearch-js change own password', async () => {
  const client = new OpenSearch({ node: url, auth: { username: 'jack', password: '0ld-Passw0rd!' } });
  recorded.length = 0;
  await client.security.changePassword({ body: { current_password: '0ld-Passw0rd!', password: 'N3w-Passw0rd!' } });
  await carry(buildRequest({
    operation: 'opensearch.change_own_password', base_url: url, current_password: '0ld-Passw0rd!', password: 'N3w-Passw0rd!',
    auth: { basic: { username: 'jack', password: '0ld-Passw0rd!' } },
  }));
  sameCall(...recorded);
  await client.close();
});

for (const username of AWKWARD) {
  test(`opensearch-js admin patch for ${username}`, async () => {
    const client = new OpenSearch({ node: url, auth: { username: 'admin', password: 'admin' } });
    recorded.length = 0;
    await client.security.patchUser({ username, body: [{ op: 'add', path: '/password', value: 'N3w-Passw0rd!' }] });
    await carry(buildRequest({
      operation: 'opensearch.set_password', base_url: url, username, password: 'N3w-Passw0rd!',
      auth: { basic: { username: 'admin', password: 'admin' } },
    }));
    sameCall(...recorded);
    await client.close();
  });
}

// `.` and `..` are dot segments to every WHATWG or RFC 3986 URL parser: elasticsearch-js sends
// the text it builds as it is, but fetch (a browser's, Node's, and so chpass's Client) removes
// the segment, and the call reaches another endpoint (the caller's own password for `.`).
// chpass refuses them, and the empty name, before anything is sent.
for (const username of ['.', '..', '']) {
  test(`a user named ${JSON.stringify(username)} would reach another endpoint; chpass refuses it`, async () => {
    if (username) {
      recorded.length = 0;
      const literal = `/_security/user/${username}/_password`;
      await (await fetch(`${url}${literal}`, { method: 'PUT', body: '{}' })).text();
      assert.notEqual(recorded[0].path, literal, 'fetch kept the name');
    } // the empty name: elasticsearch-py sends the caller's own path for it (py-tests)
    assert.throws(
      () => buildRequest({ operation: 'elasticsearch.change_password', base_url: url, username, password: 'n3w-Passw0rd' }),
      (err) => err.code === 'invalid_argument' && err.params.path === 'username',
    );
  });
}

for (const username of ['*', ',', '%2e']) {
  test(`elasticsearch-js and chpass reach the same user ${JSON.stringify(username)}`, async () => {
    const client = new Elasticsearch({ node: url, auth: { username: 'elastic', password: 'changeme' } });
    recorded.length = 0;
    await client.security.changePassword({ username, password: 'n3w-Passw0rd' });
    await carry(buildRequest({ operation: 'elasticsearch.change_password', base_url: url, username, password: 'n3w-Passw0rd' }));
    const [theirs, ours] = recorded;
    assert.equal(decodeURIComponent(ours.path), decodeURIComponent(theirs.path));
    assert.equal(decodeURIComponent(ours.path), `/_security/user/${username}/_password`);
  });
}

test('a base URL with user info is refused without echoing it, and never reaches fetch', () => {
  const base = url.replace('http://', 'http://elastic:Pw-in-url@');
  assert.throws(
    () => buildRequest({ operation: 'elasticsearch.change_password', base_url: base, password: 'n3w-Passw0rd' }),
    (err) => err.code === 'invalid_argument' && err.params.path === 'base_url' && !String(err).includes('Pw-in-url'),
  );
  for (const bad of ['http://:9200', `${url}:`, 'http://127.0.0.1:99999', 'http://h\\@evil.example', 'http://[fe80::1%25eth0]:1']) {
    assert.throws(
      () => buildRequest({ operation: 'elasticsearch.change_password', base_url: bad, password: 'n3w-Passw0rd' }),
      (err) => err.code === 'invalid_argument' && err.params.path === 'base_url',
      bad,
    );
  }
  const upper = buildRequest({ operation: 'elasticsearch.change_password', base_url: url.replace('http', 'HTTP'), password: 'x-Passw0rd' });
  assert.ok(upper.url.startsWith('http://127.0.0.1:'));
});
