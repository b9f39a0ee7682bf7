// Compiled with `tsc --noEmit --strict` by types.test.mjs: the declarations must keep up.
import { Policy, validate, presets, ChpassError, InvalidPolicyError, type Report, type Violation, type PolicySpec } from 'chpass';

const spec: PolicySpec = { min_length: { value: 8, unit: 'code_points' }, blocklist: { common: true } };
const policy: Policy = Policy.preset('opensearch', { password_validation_regex: '.{8,}' });
const report: Report = validate('hunter2', spec, { username: 'jack' });
const first: Violation | undefined = report.violations[0];
const code: string | undefined = first?.code;
const names: string[] = presets.map((p) => p.name);
try {
  new Policy(spec).validate('x');
} catch (err) {
  if (err instanceof InvalidPolicyError) {
    const path: string = err.params.path;
    console.log(path);
  } else if (err instanceof ChpassError) {
    console.log(err.code, err.kind);
  }
}
// @ts-expect-error: the unit is required
new Policy({ min_length: { value: 8 } });
// @ts-expect-error: nist takes no such option
Policy.preset('nist-800-63b', { minimum: 3 });
console.log(policy, code, names, report.ok, report.not_evaluated);
