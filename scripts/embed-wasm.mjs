// node scripts/embed-wasm.mjs IN.wasm OUT.js: a wasm module as a JS module, for the npm
// package (bindings-wasm/js/lib/load.ts says why it is not shipped as a .wasm file).
//
// Each byte becomes one character of a string literal: the 93 most frequent bytes the
// printable ASCII characters a "…" string holds as they are, the rest U+00A0 onwards (two
// bytes of UTF-8). The mapping is one-to-one, so gzip and brotli still see the module's
// repeats; measured on the main module, gzip -9 grows 4% (Base64: 37%, Latin-1: 21%).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [input, output] = process.argv.slice(2);
const bytes = readFileSync(input);
const count = new Array(256).fill(0);
for (const byte of bytes) count[byte]++;
const byFrequency = [...count.keys()].sort((a, b) => count[b] - count[a] || a - b);
const ascii = [];
for (let c = 0x20; c < 0x7f; c++) if (c !== 0x22 && c !== 0x5c) ascii.push(c);
const targets = [...ascii, ...Array.from({ length: 256 - ascii.length }, (_, i) => 0xa0 + i)];
const charOf = new Array(256);
byFrequency.forEach((byte, rank) => (charOf[byte] = String.fromCharCode(targets[rank])));
const table = charOf.join('');
let text = '';
for (const byte of bytes) text += charOf[byte];
// `name` survives minifiers, so a test can tell which modules a page downloaded
const name = basename(input).replace(/_bg\.wasm$/, '');
writeFileSync(
  output,
  `// ${basename(input)} (${bytes.length} bytes), one character per byte: lib/load.js reads it back.\n` +
    `export default { name: "${name}", table: "${table}", text: "${text}" };\n`,
);
// its declarations, for the package's TypeScript sources
writeFileSync(
  output.replace(/\.js$/, '.d.ts'),
  'declare const wasm: { name: string; table: string; text: string };\nexport default wasm;\n',
);
