// The regex table of docs/policies.md, made from bench/results/regex.json (`python
// bench/regex.py`): a js-test holds the page equal to it, so no figure there is written by hand.
const ms = (value) => (value < 0.001 ? 'under 1 µs' : `${value.toFixed(3)} ms`);

export function regexTable(measured) {
  const java = measured.results.some((r) => r.java_ms !== undefined);
  const rows = [
    `| pattern, on 1 MiB | password | chpass | CPython \`re\` | ratio to \`re\` |${java ? ' `java.util.regex` |' : ''}`,
    `|---|---|---|---|---|${java ? '---|' : ''}`,
  ];
  for (const r of measured.results.filter((r) => r.chars === 1048576)) {
    const javaCell = java ? ` ${r.java_ms === undefined ? '' : ms(r.java_ms)} |` : '';
    rows.push(`| ${r.pattern} | ${r.text} | ${ms(r.chpass_ms)} | ${ms(r.cpython_re_ms)} | ${r.ratio.toFixed(2)}× |${javaCell}`);
  }
  return rows.join('\n');
}
