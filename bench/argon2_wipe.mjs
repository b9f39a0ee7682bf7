// Times argon2id (m=19456 t=2 p=1) in the shipped npm build, in one built with the patched wipe
// (argv[2], from bench/argon2_wipe.sh) and in hash-wasm, one hash each in turn, the order
// rotated every round. Writes bench/results/argon2-wipe.json.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
const require = createRequire(new URL('../js-tests/package.json', import.meta.url));
const shipped = require('chpass');
const patched = require(process.argv[2]);
const { argon2id } = require('hash-wasm');
const { randomBytes } = require('node:crypto');

const PW = 'correct horse battery staple';
const spec = { algorithm: 'argon2id', memory_kib: 19456, iterations: 2, parallelism: 1 };
const contenders = {
  shipped: () => shipped.hash(PW, spec),
  patched_wipe: () => patched.hash(PW, spec),
  hash_wasm: () => argon2id({ password: PW, salt: randomBytes(16), parallelism: 1, iterations: 2,
    memorySize: 19456, hashLength: 32, outputType: 'encoded' }),
};
const names = Object.keys(contenders);
const times = Object.fromEntries(names.map((name) => [name, []]));
for (const name of names) await contenders[name]();
for (let round = 0; round < 30; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    const start = performance.now();
    await contenders[name]();
    times[name].push(performance.now() - start);
  }
}
const median = (v) => v.sort((a, b) => a - b)[v.length >> 1];
const ms = Object.fromEntries(names.map((name) => [name, +median(times[name]).toFixed(2)]));
const version = JSON.parse(readFileSync(new URL('../js-tests/node_modules/hash-wasm/package.json', import.meta.url))).version;
const result = {
  benchmark: 'argon2id m=19456 t=2 p=1 in Node, milliseconds (medians of 30 rotated rounds); ratio = chpass / hash-wasm',
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  peer: `hash-wasm ${version}`,
  ms,
  ratio_shipped: +(ms.shipped / ms.hash_wasm).toFixed(3),
  ratio_patched_wipe: +(ms.patched_wipe / ms.hash_wasm).toFixed(3),
  wipe_share_of_shipped: +(1 - ms.patched_wipe / ms.shipped).toFixed(3),
  target_ratio: 0.5,
};
writeFileSync(new URL('results/argon2-wipe.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
