// bench/results/web.json as the README's table; js-tests/test/readme.test.mjs checks that the
// README shows exactly this, so its figures cannot drift from the measurement.
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

export function webTable({ pages }) {
  const rows = Object.entries(pages).map(
    ([name, page]) => `| ${name} | ${kb(page.gzip)} | ${kb(page.brotli)} | ${Math.round(page.ready_ms)} ms |`,
  );
  return ['| page (Vite 7 build) | gzip | brotli | ready in Chromium |', '|---|---|---|---|', ...rows].join('\n');
}

// web.json's targets (issue 30, item 6): each with its measure and what is left
const TARGETS = {
  validate_gzip: ['validate page, gzip', kb],
  strength_gzip_vs_zxcvbn: ['strength meter, gzip, at most zxcvbn 4.4.2\'s page', kb],
  strength_brotli_vs_zxcvbn: ['strength meter, brotli, at most zxcvbn 4.4.2\'s page', kb],
  strength_score_agreement: ['the meter\'s score agreement with zxcvbn 4.4.2', (share) => `${(share * 100).toFixed(2)}%`],
};

export function targetsTable({ targets }) {
  const rows = Object.entries(TARGETS).map(([key, [what, show]]) => {
    const { target, measured, met } = targets[key];
    const left = met ? 'met' : `${show(Math.abs(measured - target))} over`;
    return `| ${what} | ${show(target)} | ${show(measured)} | ${left} |`;
  });
  return ['| what | target | measured | gap |', '|---|---|---|---|', ...rows].join('\n');
}
