// bench/results/wasm-breakdown.json as docs/performance.md's table (checked by
// js-tests/test/readme.test.mjs).
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

export function breakdownTable({ module, parts }) {
  const rows = Object.entries(parts).map(([what, { raw, gzip_saved_without: saved }]) => `| ${what} | ${kb(raw)} | ${kb(saved)} |`);
  return [
    `| the main module: ${kb(module.raw)}, ${kb(module.gzip)} gzipped | raw | gzip without it |`,
    '|---|---|---|',
    ...rows,
  ].join('\n');
}
