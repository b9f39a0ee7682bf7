// The worst-case table of docs/strength.md, made from bench/results/worst.json: bench/worst.mjs
// prints it and a js-test holds the page equal to it, so no figure there is written by hand.
const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`);

export function worstTable(measured) {
  const rows = [
    '| password length | bound | slowest estimate found | its family | zxcvbn 4.4.2, slowest on the same inputs |',
    '|---|---|---|---|---|',
  ];
  for (const [units, s] of Object.entries(measured.strength)) {
    const families = Object.entries(s.families);
    const [family, slowest] = families.reduce((a, b) => (b[1].worst.chpass_median_ms > a[1].worst.chpass_median_ms ? b : a));
    const peer = families.map(([, f]) => f.worst.zxcvbn_median_ms).filter((v) => v !== undefined);
    rows.push(`| ${Number(units).toLocaleString('en')} units | ${ms(s.bound_ms)} | ${ms(slowest.worst.chpass_median_ms)} | ${family} | ${peer.length ? ms(Math.max(...peer)) : 'not run: hours'} |`);
  }
  const validate = Object.values(measured.validate_median_ms).flatMap((results) => Object.values(results));
  rows.push(`| a 1 MiB password, \`validate\` with any preset but \`opensearch\` | | ${ms(Math.max(...validate))} | hostile shapes | |`);
  return rows.join('\n');
}
