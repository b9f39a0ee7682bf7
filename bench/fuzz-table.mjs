// The fuzzing table of docs/performance.md, made from bench/results/fuzz.json
// (`scripts/fuzz.sh`): a js-test holds the page equal to it.
const TARGETS = {
  credential_files: 'the YAML and RC editors: refused, or the old file with only the password changed',
  json_arguments: 'every JSON-shaped argument: read or refused with a path',
  policies: 'policy specs and keystone.conf: a policy or `invalid_policy`; passwords of up to 128 chars validate',
  regex: 'regex parse and match in both dialects: the budget ends every run; reading what a pattern reaches answers as reading all',
  responses: "every operation's reading of any answer: an outcome or a typed error, never a secret in it",
  verify: '`verify` on any hash string: a verdict or a typed error',
};

export function fuzzTable(measured) {
  const rows = ['| target | what it checks | executions | findings | sanitizer |', '|---|---|---|---|---|'];
  for (const [target, r] of Object.entries(measured.targets)) {
    rows.push(`| \`${target}\` | ${TARGETS[target] ?? ''} | ${r.executions.toLocaleString('en')} | ${r.findings} | ${r.sanitizer === 'none' ? 'none (safe Rust)' : 'AddressSanitizer'} |`);
  }
  return rows.join('\n');
}
