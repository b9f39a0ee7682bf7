// Compiled with `tsc --noEmit --strict` by types.test.mjs: the declarations must keep up.
import { ready, Policy, validate, presets, ChpassError, InvalidPolicyError, NotReadyError, type Report, type Violation, type PolicySpec } from 'chpass';
const loading: Promise<void> = ready();
void loading;

const spec: PolicySpec = { min_length: { value: 8, unit: 'code_points' }, blocklist: { common: true } };
const policy: Policy = Policy.preset('opensearch', { password_validation_regex: '.{8,}' });
const report: Report = validate('hunter2', spec, { username: 'jack' });
const first: Violation | undefined = report.violations[0];
const code: string | undefined = first?.code;
// a violation's params are narrowed by its code
for (const v of report.violations) {
  if (v.code === 'too_short') {
    const shortBy: number = v.params.min - v.params.actual;
    const unit: 'code_points' | 'utf16_units' | 'utf8_bytes' = v.params.unit;
    console.log(shortBy, unit);
  } else if (v.code === 'breached_password') {
    const count: number | null = v.params.count;
    console.log(count);
  } else if (v.code === 'common_password') {
    // @ts-expect-error: common_password has no params
    console.log(v.params.min);
  }
}
for (const n of report.notices) {
  const used: number = n.params.used;
  console.log(n.code === 'truncated_by_server', used);
}
const names: string[] = presets.map((p) => p.name);
try {
  new Policy(spec).validate('x');
} catch (err) {
  if (err instanceof InvalidPolicyError) {
    const path: string = err.params.path;
    console.log(path);
  } else if (err instanceof NotReadyError) {
    const entry: 'chpass' | 'chpass/hash' | 'chpass/client' | 'chpass/strength' | 'chpass/meter' = err.params.entry;
    console.log(entry);
  } else if (err instanceof ChpassError) {
    console.log(err.code, err.kind);
  }
}
// @ts-expect-error: the unit is required
new Policy({ min_length: { value: 8 } });
// @ts-expect-error: nist takes no such option
Policy.preset('nist-800-63b', { minimum: 3 });
console.log(policy, code, names, report.ok, report.not_evaluated);

// hashing, generation and strength
import { generate, loadWordList } from 'chpass';
import { hash, verify, hashAsync, needsRehash, MalformedHashError, type HashSpec } from 'chpass/hash';
import { strength, type Strength } from 'chpass/strength';
import { ready as meterReady, strength as meter } from 'chpass/meter';
const hashSpec: HashSpec = { algorithm: 'bcrypt', cost: 4, variant: '2y' };
const stored: string = hash('pw', hashSpec);
const matches: boolean = verify('pw', stored, { bcrypt_max_cost: 12 });
const rehash: boolean = needsRehash(stored, { algorithm: 'argon2id', memory_kib: 65536 });
const later: Promise<string> = hashAsync('pw');
const wordsLoaded: Promise<void> = loadWordList();
const made: { password: string; entropy_bits: number } = generate({}, { mode: 'passphrase', words: 5 });
const estimate: Strength = strength('pw', ['alice']);
const metered: Promise<Strength> = meterReady().then(() => meter('pw', [], { locale: 'de' }));
const score: 0 | 1 | 2 | 3 | 4 = estimate.score;
try {
  verify('pw', 'nonsense');
} catch (err) {
  if (err instanceof MalformedHashError && err.code === 'malformed_hash') console.log(err.params);
}
void [matches, rehash, later, wordsLoaded, made, score];

// the Keystone flow
import { Client, type KeystoneLogin, type Outcome } from 'chpass/client';
const keystoneLogin: KeystoneLogin = {
  operation: 'keystone.issue_token', base_url: 'https://keystone.example', user: { name: 'alice', domain: { id: 'default' } }, password: 'old',
};
async function rotate(client: Client): Promise<Outcome> {
  const { policy: serverPolicy, source } = await client.keystonePolicy(keystoneLogin);
  const verdict: boolean = serverPolicy.validate('new-Passw0rd').ok && source !== 'preset';
  console.log(verdict);
  return client.changeKeystonePassword(keystoneLogin, 'new-Passw0rd', undefined, { username: 'alice' });
}
// operations are generated from the Rust types: unknown values and keys do not type-check
import { buildRequest, type Operation } from 'chpass/client';
const esChange: Operation = {
  operation: 'elasticsearch.change_password', base_url: 'https://es.example:9200', username: 'jack',
  password: 'N3w-passw0rd!', refresh: 'wait_for', auth: { basic: { username: 'elastic', password: 'x' } },
};
void buildRequest;
void esChange;
// @ts-expect-error: refresh is 'true', 'false' or 'wait_for'
const badRefresh: Operation = { operation: 'elasticsearch.change_password', base_url: 'https://es.example', refresh: 'soon' };
void badRefresh;
// @ts-expect-error: Keystone v3 changes are addressed by user_id
const noUser: Operation = { operation: 'keystone.change_password', base_url: 'https://k', original_password: 'a', password: 'b' };
void noUser;
// @ts-expect-error: a login is a keystone.issue_token operation
rotate.length && new Client().changeKeystonePassword({ operation: 'keystone.change_password', base_url: '', user_id: '', original_password: '', password: '' }, 'x');
console.log(rotate);
// results are generated too: an outcome narrows by `outcome`, a report's score is 0-4
function describe(outcome: Outcome): string {
  switch (outcome.outcome) {
    case 'ec2_credential':
      return outcome.access;
    case 'token':
      return outcome.token;
    case 'breach_count':
      return String(outcome.count);
    default:
      return outcome.outcome;
  }
}
const reportScore: 0 | 1 | 2 | 3 | 4 | undefined = report.strength?.score;
void [describe, reportScore];
// @ts-expect-error: keystone's hash algorithms are the four it knows
Policy.preset('keystone', { password_hash_algorithm: 'md5' });
