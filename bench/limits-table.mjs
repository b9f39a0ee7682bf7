// The README's limits, made from bench/results/worst.json (`node bench/worst.mjs`): a js-test
// holds the README equal to it, so its figures are the bench's.
const ms = (value) => `${value.toFixed(1)} ms`;

export function limitsTable(measured) {
  const rows = ['| input | bound | slowest found |', '|---|---|---|'];
  for (const [units, s] of Object.entries(measured.strength)) {
    const slowest = Math.max(...Object.values(s.families).map((f) => f.worst.chpass_median_ms));
    rows.push(`| \`strength()\` of ${Number(units).toLocaleString('en')} UTF-16 units | ${ms(s.bound_ms)} | ${ms(slowest)} |`);
  }
  const validate = Object.values(measured.validate_median_ms).flatMap((results) => Object.values(results));
  rows.push(`| \`validate\` of a hostile 1 MiB password, any preset but \`opensearch\` (which refuses it at once) | the step budget | ${ms(Math.max(...validate))} |`);
  return rows.join('\n');
}
