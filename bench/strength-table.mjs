// The speed line of docs/strength.md, made from bench/results/strength.json
// (`node bench/strength.mjs`); js-tests/test/readme.test.mjs holds the page equal to it.
export function strengthTable(m) {
  const l = m.latency_8_to_25_chars;
  return [
    '| per keystroke, in Node | chpass | zxcvbn 4.4.2 | ratio |',
    '|---|---|---|---|',
    `| estimates a second, every prefix of typed passwords | ${m.chpass_per_s.toLocaleString('en')} | ${m.zxcvbn_4_4_2_per_s.toLocaleString('en')} | ${m.ratio}× |`,
    `| median latency, ${l.passwords.toLocaleString('en')} passwords of 8–25 characters | ${l.chpass.median_ms} ms | ${l.zxcvbn.median_ms} ms | ${l.median_ratio}× |`,
    `| 99th percentile | ${l.chpass.p99_ms} ms | ${l.zxcvbn.p99_ms} ms | ${l.p99_ratio}× |`,
  ].join('\n');
}
