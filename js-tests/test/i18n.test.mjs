// Messages in the user's language: core/tests/vectors/i18n.json through the npm package, with
// the catalogs a page imports (`chpass/locales/<tag>`), and what happens without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as chpass from './support/chpass.mjs';
import { loadVectors } from './vectors.mjs';

const validateCases = loadVectors('i18n.json', 'validate');
const strengthCases = loadVectors('i18n.json', 'strength');

test('a locale whose catalog was not imported is locale_not_loaded; English and languages without a catalog need none', () => {
  assert.throws(
    () => chpass.validate('kurz', chpass.Policy.preset('nist-800-63b'), { locale: 'de-DE' }),
    (e) => e instanceof chpass.ConfigurationError && e.code === 'locale_not_loaded' && e.params.locale === 'de',
  );
  assert.throws(() => chpass.strength('password', [], { locale: 'ja' }), { code: 'locale_not_loaded' });
  const english = chpass.validate('short', chpass.Policy.preset('nist-800-63b'), { locale: 'en-GB' });
  assert.equal(english.violations[0].message, 'Must be at least 15 characters long.');
  const swedish = chpass.validate('kort', chpass.Policy.preset('nist-800-63b'), { locale: 'sv' });
  assert.equal(swedish.violations[0].message, 'Must be at least 15 characters long.');
});

test('the shared vectors, with the catalogs imported', async () => {
  for (const tag of chpass.LOCALES) await import(`chpass/locales/${tag}`);
  for (const c of validateCases) {
    const context = { ...(c.context ?? {}), ...(c.locale === null ? {} : { locale: c.locale }) };
    const policy = typeof c.policy === 'string' ? chpass.Policy.preset(c.policy) : c.policy;
    const report = chpass.validate(c.password, policy, context);
    assert.deepEqual(report.violations.map((v) => v.message), c.messages, c.name);
  }
  for (const c of strengthCases) {
    const options = { referenceYear: 2024, ...(c.locale === null ? {} : { locale: c.locale }) };
    const { feedback } = chpass.strength(c.password, [], options);
    assert.equal(feedback.warning?.message ?? null, c.warning, c.name);
    assert.deepEqual(feedback.suggestions.map((s) => s.message), c.suggestions, c.name);
  }
  // the reference year alone still works
  assert.equal(chpass.strength('password', [], 2024).score, 0);
});

test('a catalog imported before ready() reaches the module once it loads', () => {
  const script = `
    await import('chpass/locales/pl');
    const { ready, validate } = await import('chpass');
    await ready();
    const report = validate('abc', { character_classes: { digit: 22 } }, { locale: 'pl' });
    process.stdout.write(report.violations[0].message);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(out, 'Musi zawierać co najmniej 22 cyfry.');
});
