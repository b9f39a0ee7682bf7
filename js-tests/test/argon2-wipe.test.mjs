// The npm build's Argon2 leaves nothing of a hash in the module's memory, which any code holding
// the module can read: argon2 arena blocks are derived from the password by one BLAKE2b each, so
// a copy of the first block would let guesses be tested at that cost. The wipe is in the patched
// argon2-rust (vendor/patches/argon2-rust/); this looks at the memory from outside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blake2b } from 'hash-wasm';

// The module's memory is not exported by the package, so take the exports of the first wasm
// instance made from here on (node:test runs each file in a process of its own).
let mainModule;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  const instance = new Instance(module, imports);
  mainModule ??= instance.exports;
  return instance;
};
const { hash } = await import('chpass');
WebAssembly.Instance = Instance;

const le32 = (n) => new Uint8Array(new Uint32Array([n]).buffer);
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
};
const fromHex = (hex) => Uint8Array.from(hex.match(/../g), (byte) => parseInt(byte, 16));

/** H0 and the first 32 bytes of block [0][0], H'(H0 || 0 || 0), as RFC 9106 section 3.2 builds them. */
async function firstBlock({ lanes = 1, tagLength = 32, memoryKib, passes, type = 2, password, salt,
  secret = new Uint8Array(), data = new Uint8Array() }) {
  const h0 = fromHex(await blake2b(concat(le32(lanes), le32(tagLength), le32(memoryKib), le32(passes),
    le32(0x13), le32(type), le32(password.length), password, le32(salt.length), salt,
    le32(secret.length), secret, le32(data.length), data), 512));
  const v1 = fromHex(await blake2b(concat(le32(1024), h0, le32(0), le32(0)), 512));
  return { h0, prefix: v1.subarray(0, 32) };
}

function occurs(haystack, needle) {
  for (let at = haystack.indexOf(needle[0]); at !== -1; at = haystack.indexOf(needle[0], at + 1)) {
    if (needle.every((byte, k) => haystack[at + k] === byte)) return true;
  }
  return false;
}

test('the first-block derivation is RFC 9106 section 5.3 (argon2id: pre-hashing digest, block 0 after pass 0)', async () => {
  const { h0, prefix } = await firstBlock({ lanes: 4, memoryKib: 32, passes: 3, password: new Uint8Array(32).fill(1),
    salt: new Uint8Array(16).fill(2), secret: new Uint8Array(8).fill(3), data: new Uint8Array(12).fill(4) });
  assert.equal(Buffer.from(h0).toString('hex'),
    '2889de487eb42ae500c0007ed9252f1069eadec40d5765b485de6dc2437a67b8546a2f0acc1a0882db8fcf74714b472e94df421a5da1112ffa11434370a1e997');
  const words = new BigUint64Array(prefix.slice().buffer);
  assert.deepEqual([words[0], words[1]], [0x6b2e09f10671bd43n, 0xf69f5c27918a21ben]);
});

test('after hash() returns, no copy of the first arena block is left in the wasm memory', async () => {
  const password = 'correct horse battery staple';
  const salt = new Uint8Array(16).map((_, k) => k);
  // one pass: a second would overwrite block [0][0] whether or not the arena is wiped
  const spec = { algorithm: 'argon2id', memory_kib: 19456, iterations: 1, salt: Buffer.from(salt).toString('base64') };
  for (let round = 0; round < 2; round++) { // the first hash allocates the pooled arena, the second reuses it
    assert.match(hash(password, spec), /^\$argon2id\$v=19\$m=19456,t=1,p=1\$AAECAwQFBgcICQoLDA0ODw\$/);
  }
  const memory = new Uint8Array(mainModule.memory.buffer);
  assert.ok(memory.length >= 19456 * 1024, 'the arena was in this memory');
  assert.ok(occurs(memory, new TextEncoder().encode('preset123456\npassword\n')), 'the scan reads the module\'s data');
  const { prefix } = await firstBlock({ memoryKib: 19456, passes: 1, password: new TextEncoder().encode(password), salt });
  assert.equal(occurs(memory, [...prefix]), false);
});
