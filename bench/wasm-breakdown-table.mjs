// bench/results/wasm-breakdown.json as docs/performance.md's table (checked by
// js-tests/test/readme.test.mjs).
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

export function breakdownTable({ module, raw_bytes: parts }) {
  const rows = Object.entries(parts).map(([what, bytes]) => `| ${what} | ${kb(bytes)} | ${((bytes / module.raw) * 100).toFixed(0)}% |`);
  return [
    `| the main module's ${kb(module.raw)} (${kb(module.gzip)} gzipped) | raw | share |`,
    '|---|---|---|',
    ...rows,
  ].join('\n');
}
