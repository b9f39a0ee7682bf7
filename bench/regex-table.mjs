// The regex table of docs/policies.md, made from bench/results/regex.json (`python
// bench/regex.py`): a js-test holds the page equal to it, so no figure there is written by hand.
const ms = (value) => (value < 0.001 ? 'under 1 µs' : `${value.toFixed(3)} ms`);

export function regexTable(measured) {
  const rows = [
    '| pattern, on 1 MiB | password | chpass | CPython `re` | ratio |',
    '|---|---|---|---|---|',
  ];
  for (const r of measured.results.filter((r) => r.chars === 1048576)) {
    rows.push(`| ${r.pattern} | ${r.text} | ${ms(r.chpass_ms)} | ${ms(r.cpython_re_ms)} | ${r.ratio.toFixed(2)}× |`);
  }
  return rows.join('\n');
}
