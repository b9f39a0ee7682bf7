// bench/results/web.json as the README's table; js-tests/test/readme.test.mjs checks that the
// README shows exactly this, so its figures cannot drift from the measurement.
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

export function webTable({ pages }) {
  const rows = Object.entries(pages).map(
    ([name, page]) => `| ${name} | ${kb(page.gzip)} | ${kb(page.brotli)} | ${Math.round(page.ready_ms)} ms |`,
  );
  return ['| page (Vite 7 build) | gzip | brotli | ready in Chromium |', '|---|---|---|---|', ...rows].join('\n');
}
