// validate() throughput from Node through wasm, with npm's password-validator measured in the
// same run on the nearest rule set it can express. Prints JSON.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(new URL('../js-tests/package.json', import.meta.url));
const { ready, Policy } = require('chpass');
await ready();
const PasswordValidator = require('password-validator');

const common = readFileSync(new URL('../core/data/common-passwords.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);

function rate(fn, password) {
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const n = 300_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(password);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, n / seconds);
  }
  return Math.round(best);
}

const nist = Policy.preset('nist-800-63b');
// password-validator: at least 15 characters; its oneOf() scans a list, so two variants
const minOnly = new PasswordValidator().is().min(15);
const withList = new PasswordValidator().is().min(15).is().not().oneOf(common);

const password = 'correct-horse-42';
console.log(JSON.stringify({
  chpass_passing_per_s: rate((p) => nist.validate(p), password),
  chpass_failing_per_s: rate((p) => nist.validate(p), 'password'),
  password_validator_min_only_per_s: rate((p) => minOnly.validate(p), password),
  password_validator_with_3000_list_per_s: rate((p) => withList.validate(p), password),
}));
