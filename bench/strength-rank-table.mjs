// bench/results/strength-rank.json as docs/performance.md's table (checked by
// js-tests/test/readme.test.mjs).
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

export function strengthRankTable({ rows }) {
  return [
    '| rank buckets | gzip | brotli | score agreement with zxcvbn 4.4.2 |',
    '|---|---|---|---|',
    ...rows.map(({ base, gzip, brotli, score_agreement: agreement }) =>
      `| ${typeof base === 'number' ? `ratio ${base}` : base} | ${kb(gzip)} | ${kb(brotli)} | ${(agreement * 100).toFixed(2)}% |`),
  ].join('\n');
}
