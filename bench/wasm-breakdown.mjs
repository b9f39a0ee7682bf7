// What the validate page's wasm (`chpass`'s main module) is made of, by capability: the raw
// bytes of its functions and data as twiggy attributes them (each function to the crate and
// module its name starts with; a generic function to the module that defines it, so serde's
// visitors count as `chpass::json`). The figures behind "what the 100 KB target would take" in
// docs/performance.md. Writes bench/results/wasm-breakdown.json.
//
// Needs scripts/build.sh first (its cargo output, which keeps function names) and twiggy
// (`cargo install twiggy`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const built = join(ROOT, 'target/wasm32-unknown-unknown/wasm-release/chpass_wasm.wasm');
const shipped = join(ROOT, 'target/npm-wasm/chpass_wasm/chpass_wasm_bg.wasm');

// first match wins: a capability, and the name prefixes of its code
const CAPABILITIES = [
  ['JSON-shaped data in and out (serde, serde_json, chpass::json)', ['chpass::json', 'serde_json', 'serde_core', 'serde::', 'indexmap', 'hashbrown', 'zmij', 'itoa']],
  ['regex engine (chpass-regex)', ['chpass_regex']],
  ['generate', ['chpass::generate', 'chpass::random', 'chpass_wasm::generate', 'getrandom']],
  ['keystone.conf reader', ['chpass::policy::keystone_conf']],
  ['policies, presets, reports', ['chpass::policy', 'chpass_wasm::policy']],
  ['messages (chpass::i18n)', ['chpass::i18n']],
  ['errors and text checks', ['chpass::error', 'chpass::text', 'chpass::secret']],
  ['SHA-1/SHA-256 (offline breach lists)', ['sha1', 'sha2', 'digest', 'block_buffer']],
  ['wasm-bindgen glue', ['wasm_bindgen', 'js_sys', 'chpass_wasm_glue', 'chpass_wasm']],
  ['Rust std (alloc, core, fmt, allocator)', ['alloc::', 'core::', 'std::', 'dlmalloc', 'compiler_builtins', 'str', 'char', 'f64', 'u8', 'usize', 'impl ', '[']],
];

const dir = mkdtempSync(join(tmpdir(), 'chpass-breakdown-'));
try {
  const bindgen = join(ROOT, '.tools/bin/wasm-bindgen');
  execFileSync(bindgen, ['--target', 'web', '--omit-default-module-path', '--out-dir', dir, built]);
  const named = join(dir, 'chpass_wasm_bg.wasm');
  const items = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'json', named], { maxBuffer: 1 << 28 }));
  const bytes = Object.fromEntries([...CAPABILITIES.map(([name]) => [name, 0]), ['data (the common-password list, messages, tables)', 0], ['other', 0]]);
  for (const { name, shallow_size: size } of items) {
    if (name.includes('function names') || name.includes('__wasm_bindgen_unstable') || name.startsWith('custom section')) continue;
    if (name.startsWith('data segment')) {
      bytes['data (the common-password list, messages, tables)'] += size;
      continue;
    }
    // `<chpass[hash]::json::de::At>::map::<…>` -> `chpass::json::de::At…`
    const bare = name.replace(/\[[0-9a-f]+\]/g, '').replace(/^[<&\s]*(mut |dyn )?/, '');
    const found = CAPABILITIES.find(([, prefixes]) => prefixes.some((prefix) => bare.startsWith(prefix)));
    bytes[found ? found[0] : 'other'] += size;
  }
  const wasm = readFileSync(shipped);
  const result = {
    benchmark: "the validate page's wasm (chpass's main module) by capability: raw bytes of code and data, as twiggy attributes them (bench/wasm-breakdown.mjs)",
    module: { raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length },
    raw_bytes: Object.fromEntries(Object.entries(bytes).sort((a, b) => b[1] - a[1])),
  };
  writeFileSync(new URL('results/wasm-breakdown.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
