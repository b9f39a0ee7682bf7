// Hashing in Node: chpass (wasm) against hash-wasm, the native argon2 package and bcryptjs,
// in the same run. Prints JSON for bench/hash.sh.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../js-tests/package.json', import.meta.url));
const chpass = require('chpass/hash');
await chpass.ready();
const { argon2id } = require('hash-wasm');
const argon2native = require('argon2');
const bcryptjs = require('bcryptjs');
const { randomBytes } = require('node:crypto');

const PW = 'correct horse battery staple';

async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const median = (v) => v.sort((a, b) => a - b)[v.length >> 1];

// One hash each in turn, the order swapped every round, after one warm-up each: both sides
// see the same moments of a noisy machine. Medians, and their ratio.
async function pair(ours, theirs, rounds) {
  await ours();
  await theirs();
  const a = [], b = [];
  for (let i = 0; i < rounds; i++) {
    const turns = [[ours, a], [theirs, b]];
    for (const [fn, times] of i % 2 ? turns : turns.reverse()) times.push(await timed(fn));
  }
  const [mine, peer] = [median(a), median(b)];
  return { chpass_ms: +mine.toFixed(3), peer_ms: +peer.toFixed(3), ratio: +(mine / peer).toFixed(3) };
}

const argon2Spec = { algorithm: 'argon2id', memory_kib: 19456, iterations: 2, parallelism: 1 };
import { readFileSync } from 'node:fs';
const version = (name) =>
  JSON.parse(readFileSync(new URL(`../js-tests/node_modules/${name}/package.json`, import.meta.url))).version;
const result = {
  argon2id_m19456_t2_p1_vs_hash_wasm: {
    peer: `hash-wasm ${version('hash-wasm')}`,
    ...(await pair(() => chpass.hash(PW, argon2Spec), () =>
      argon2id({ password: PW, salt: randomBytes(16), parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32, outputType: 'encoded' }), 27)),
    target_ratio: 0.5,
  },
  argon2id_m19456_t2_p1_vs_native_argon2: {
    peer: `argon2 ${version('argon2')} (native addon)`,
    ...(await pair(() => chpass.hash(PW, argon2Spec), () =>
      argon2native.hash(PW, { memoryCost: 19456, timeCost: 2, parallelism: 1 }), 27)),
    target_ratio: 1.0,
  },
  bcrypt_cost10_vs_bcryptjs: {
    peer: `bcryptjs ${version('bcryptjs')}`,
    ...(await pair(() => chpass.hash(PW, { algorithm: 'bcrypt', cost: 10 }), () => bcryptjs.hashSync(PW, 10), 21)),
    target_ratio: 0.8,
  },
};
console.log(JSON.stringify(result));
