// The npm build's Argon2 leaves nothing of a hash in the module's memory, which any code holding
// the module can read: argon2 arena blocks are derived from the password by one BLAKE2b each, so
// a copy of the first block would let guesses be tested at that cost. The wipe is in the patched
// argon2-rust (vendor/patches/argon2-rust/); this looks at the memory from outside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blake2b } from 'hash-wasm';

// The module's memory is not exported by the package, so take the exports of the hashing
// module as chpass/hash's ready() instantiates it.
let mainModule;
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...args) => {
  const made = await instantiate(...args);
  const exports = (made.instance ?? made).exports;
  if (typeof exports.hash === 'function') mainModule = exports;
  return made;
};
const { hash, ready } = await import('chpass/hash');
await ready();
WebAssembly.instantiate = instantiate;

const le32 = (n) => new Uint8Array(new Uint32Array([n]).buffer);

/** H0 and the first 32 bytes of block [0][0], H'(H0 || 0 || 0), as RFC 9106 section 3.2 builds them. */
async function firstBlock({ lanes = 1, tagLength = 32, memoryKib, passes, type = 2, password, salt,
  secret = new Uint8Array(), data = new Uint8Array() }) {
  const blake2b512 = async (...parts) => Buffer.from(await blake2b(Buffer.concat(parts), 512), 'hex');
  const h0 = await blake2b512(le32(lanes), le32(tagLength), le32(memoryKib), le32(passes), le32(0x13),
    le32(type), le32(password.length), password, le32(salt.length), salt, le32(secret.length), secret,
    le32(data.length), data);
  const v1 = await blake2b512(le32(1024), h0, le32(0), le32(0));
  return { h0, prefix: v1.subarray(0, 32) };
}

test('the first-block derivation is RFC 9106 section 5.3 (argon2id: pre-hashing digest, block 0 after pass 0)', async () => {
  const { h0, prefix } = await firstBlock({ lanes: 4, memoryKib: 32, passes: 3, password: new Uint8Array(32).fill(1),
    salt: new Uint8Array(16).fill(2), secret: new Uint8Array(8).fill(3), data: new Uint8Array(12).fill(4) });
  assert.equal(h0.toString('hex'),
    '2889de487eb42ae500c0007ed9252f1069eadec40d5765b485de6dc2437a67b8546a2f0acc1a0882db8fcf74714b472e94df421a5da1112ffa11434370a1e997');
  assert.deepEqual([prefix.readBigUInt64LE(0), prefix.readBigUInt64LE(8)], [0x6b2e09f10671bd43n, 0xf69f5c27918a21ben]);
});

test('after hash() returns, no copy of the first arena block is left in the wasm memory', async () => {
  const password = 'correct horse battery staple';
  const salt = new Uint8Array(16).map((_, k) => k);
  // one pass: a second would overwrite block [0][0] whether or not the arena is wiped
  const spec = { algorithm: 'argon2id', memory_kib: 19456, iterations: 1, salt: Buffer.from(salt).toString('base64') };
  for (let round = 0; round < 2; round++) { // the first hash allocates the pooled arena, the second reuses it
    assert.match(hash(password, spec), /^\$argon2id\$v=19\$m=19456,t=1,p=1\$AAECAwQFBgcICQoLDA0ODw\$/);
  }
  const memory = Buffer.from(mainModule.memory.buffer);
  assert.ok(memory.length >= 19456 * 1024, 'the arena was in this memory');
  assert.ok(memory.includes('password_too_long_for_bcrypt'), 'the scan reads the module\'s data');
  const { prefix } = await firstBlock({ memoryKib: 19456, passes: 1, password: new TextEncoder().encode(password), salt });
  assert.equal(memory.includes(prefix), false);
});
