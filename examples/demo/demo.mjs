// The main job's Node third: same samples, same lines as core/examples/demo.rs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// resolve the built package through js-tests, which depends on it
const require = createRequire(new URL('../../js-tests/package.json', import.meta.url));
const { ready, Policy } = require('chpass');
// the opensearch preset's strength rule asks zxcvbn's estimator
await Promise.all([ready(), require('chpass/strength').ready()]);
const samples = JSON.parse(readFileSync(process.argv[2] ?? new URL('./samples.json', import.meta.url), 'utf8'));
for (const [name, options] of samples.presets) {
  const policy = Policy.preset(name, options);
  const label = name + ('mfa' in options ? '+mfa' : '');
  for (const password of samples.passwords) {
    const report = policy.validate(password, samples.context);
    const verdict = report.ok ? 'ok' : report.violations.map((v) => v.code).join(',');
    console.log(`${label}\t${verdict}\t${JSON.stringify(password)}`);
  }
}
