// Checks one policy vector against a loaded chpass module. Pure ES module (no Node APIs) so
// the browser test runs the very same checks in the page.

export function passwordOf(c) {
  if (c.password_utf16) return String.fromCharCode(...c.password_utf16);
  if (c.password_repeat) return c.password_repeat.text.repeat(c.password_repeat.count);
  return c.password;
}

function policyOf({ Policy }, c) {
  if (c.preset) return Policy.preset(c.preset, c.options);
  if (c.keystone_conf !== undefined) return Policy.fromKeystoneConf(c.keystone_conf);
  return new Policy(c.policy);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Returns null when the case passes, else what went wrong. */
export function checkCase(chpass, c) {
  let report;
  try {
    report = chpass.validate(passwordOf(c), policyOf(chpass, c), c.context);
  } catch (err) {
    if (!c.expected_error) return `unexpected error ${err}`;
    if (!(err instanceof chpass.ChpassError) || !(err instanceof Error)) return `not a ChpassError: ${err}`;
    if (err.code !== c.expected_error) return `error ${err.code}, expected ${c.expected_error}`;
    if (c.expected_error_path !== undefined && err.params.path !== c.expected_error_path) {
      return `error path ${err.params.path}, expected ${c.expected_error_path}`;
    }
    return null;
  }
  if (c.expected_error) return `expected error ${c.expected_error}`;
  const codes = report.violations.map((v) => v.code);
  if (!same(codes, c.expected_codes)) return `codes ${codes}, expected ${c.expected_codes}`;
  if (report.ok !== (codes.length === 0)) return 'ok disagrees with the violations';
  if (c.expected_params && !same(report.violations.map((v) => v.params), c.expected_params)) return 'params differ';
  if (c.expected_messages && !same(report.violations.map((v) => v.message), c.expected_messages)) return 'messages differ';
  if (c.expected_not_evaluated && !same(report.not_evaluated, c.expected_not_evaluated)) return 'not_evaluated differs';
  const notices = report.notices.map(({ code, params }) => ({ code, params }));
  if (!same(notices, c.expected_notices ?? [])) return `notices ${JSON.stringify(notices)} differ`;
  return null;
}
