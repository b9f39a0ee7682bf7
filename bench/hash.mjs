// Hashing in Node: chpass (wasm) against hash-wasm, the native argon2 package and bcryptjs,
// in the same run. Prints JSON for bench/hash.sh.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../js-tests/package.json', import.meta.url));
const chpass = require('chpass');
const { argon2id } = require('hash-wasm');
const argon2native = require('argon2');
const bcryptjs = require('bcryptjs');
const { randomBytes } = require('node:crypto');

const PW = 'correct horse battery staple';

async function ms(fn, rounds) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)];
}

async function pair(ours, theirs, rounds, repeats = 3) {
  const a = [], b = [];
  for (let i = 0; i < repeats; i++) {
    a.push(await ms(ours, rounds));
    b.push(await ms(theirs, rounds));
  }
  const best = (v) => Math.min(...v);
  return { chpass_ms: +best(a).toFixed(3), peer_ms: +best(b).toFixed(3), ratio: +(best(a) / best(b)).toFixed(3) };
}

const argon2Spec = { algorithm: 'argon2id', memory_kib: 19456, iterations: 2, parallelism: 1 };
import { readFileSync } from 'node:fs';
const version = (name) =>
  JSON.parse(readFileSync(new URL(`../js-tests/node_modules/${name}/package.json`, import.meta.url))).version;
const result = {
  argon2id_m19456_t2_p1_vs_hash_wasm: {
    peer: `hash-wasm ${version('hash-wasm')}`,
    ...(await pair(() => chpass.hash(PW, argon2Spec), () =>
      argon2id({ password: PW, salt: randomBytes(16), parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32, outputType: 'encoded' }), 9)),
    target_ratio: 0.5,
  },
  argon2id_m19456_t2_p1_vs_native_argon2: {
    peer: `argon2 ${version('argon2')} (native addon)`,
    ...(await pair(() => chpass.hash(PW, argon2Spec), () =>
      argon2native.hash(PW, { memoryCost: 19456, timeCost: 2, parallelism: 1 }), 9)),
    target_ratio: 1.0,
  },
  bcrypt_cost10_vs_bcryptjs: {
    peer: `bcryptjs ${version('bcryptjs')}`,
    ...(await pair(() => chpass.hash(PW, { algorithm: 'bcrypt', cost: 10 }), () => bcryptjs.hashSync(PW, 10), 5)),
    target_ratio: 0.8,
  },
};
console.log(JSON.stringify(result));
