// What the validate page's wasm (`chpass`'s main module) is made of, by capability, and what each
// capability costs the page: its raw bytes, and how much smaller the module gzips without them
// (gzip -9 of the module's code and data, less gzip -9 of the same with the part's function
// bodies or data left out). The second figure is what moving a part out would save; the parts'
// figures do not add up to the whole, since gzip finds repeats across parts. Each function counts
// to the crate and module its name starts with (a generic one to the module that defines it, so
// serde's visitors count as `chpass::json`). The figures behind "what the 100 KB target would
// take" in docs/performance.md. Writes bench/results/wasm-breakdown.json.
//
// Needs scripts/build.sh first (its cargo output, which keeps function names).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const built = join(ROOT, 'target/wasm32-unknown-unknown/wasm-release/chpass_wasm.wasm');
const shipped = join(ROOT, 'target/npm-wasm/chpass_wasm/chpass_wasm_bg.wasm');
const COMMON = readFileSync(join(ROOT, 'core/data/common-passwords.txt'));

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
  ['Rust std: formatting (core::fmt)', ['core::fmt', 'alloc::fmt']],
  ['Rust std: the rest (alloc, core, allocator)', ['alloc::', 'core::', 'std::', 'dlmalloc', 'compiler_builtins', 'str', 'char', 'f64', 'u8', 'u32', 'usize', 'impl ', '[']],
];
const COMMON_LIST = 'data: the top-3000 common-password list';
const OTHER_DATA = 'data: messages, names and tables';

// The module's function names (name section, subsection 1) and function bodies (code section),
// and its data segments' bytes: the few parts of the binary format this needs. Read here because
// twiggy gives sizes, not bytes to gzip, and @webassemblyjs/wasm-parser (webpack's) stops at the
// module's SIMD instructions ("Unexpected instruction: 0xfd").
function sections(wasm) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const name = () => {
    const length = leb();
    at += length;
    return wasm.subarray(at - length, at).toString('utf8');
  };
  let imported = 0;
  const names = new Map();
  const bodies = [];
  const data = [];
  while (at < wasm.length) {
    const id = wasm[at++];
    const end = leb() + at;
    if (id === 2) {
      for (let count = leb(); count > 0; count--) {
        name();
        name();
        const kind = wasm[at++];
        if (kind === 0) imported++, leb();
        else if (kind === 1) at++, (leb() & 1 ? (leb(), leb()) : leb());
        else if (kind === 2) (leb() & 1 ? (leb(), leb()) : leb());
        else at += 2; // a global: its type and mutability
      }
    } else if (id === 10) {
      for (let count = leb(); count > 0; count--) {
        const size = leb();
        bodies.push(wasm.subarray(at, at + size));
        at += size;
      }
    } else if (id === 11) {
      for (let count = leb(); count > 0; count--) {
        if (leb() !== 0) throw new Error('only active data segments of memory 0 are read');
        while (wasm[at++] !== 0x0b); // the offset expression
        const size = leb();
        data.push(wasm.subarray(at, at + size));
        at += size;
      }
    } else if (id === 0 && name() === 'name') {
      while (at < end) {
        const sub = wasm[at++];
        const subEnd = leb() + at;
        if (sub === 1) for (let count = leb(); count > 0; count--) names.set(leb(), name());
        at = subEnd;
      }
    }
    at = end;
  }
  return { functions: bodies.map((body, i) => ({ name: names.get(imported + i) ?? '', body })), data: Buffer.concat(data) };
}

const dir = mkdtempSync(join(tmpdir(), 'chpass-breakdown-'));
try {
  // the module as shipped, with the name section wasm-bindgen would remove
  const bindgen = join(ROOT, '.tools/bin/wasm-bindgen');
  execFileSync(bindgen, ['--target', 'web', '--omit-default-module-path', '--out-dir', dir, built]);
  const { functions, data } = sections(readFileSync(join(dir, 'chpass_wasm_bg.wasm')));

  const pieces = functions.map(({ name, body }) => {
    // `<chpass[hash]::json::de::At>::map::<…>` -> `chpass::json::de::At…`
    const bare = name.replace(/\[[0-9a-f]+\]/g, '').replace(/^[<&\s]*(mut |dyn )?/, '');
    const found = CAPABILITIES.find(([, prefixes]) => prefixes.some((prefix) => bare.startsWith(prefix)));
    return { part: found ? found[0] : 'other code', bytes: body };
  });
  const common = data.indexOf(COMMON);
  if (common < 0) throw new Error('the common-password list is not in the module');
  pieces.push(
    { part: OTHER_DATA, bytes: data.subarray(0, common) },
    { part: COMMON_LIST, bytes: data.subarray(common, common + COMMON.length) },
    { part: OTHER_DATA, bytes: data.subarray(common + COMMON.length) },
  );

  const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
  const whole = gzip(Buffer.concat(pieces.map((p) => p.bytes)));
  const parts = [...new Set(pieces.map((p) => p.part))].map((part) => ({
    part,
    raw: pieces.filter((p) => p.part === part).reduce((sum, p) => sum + p.bytes.length, 0),
    gzip_saved_without: whole - gzip(Buffer.concat(pieces.filter((p) => p.part !== part).map((p) => p.bytes))),
  }));
  const wasm = readFileSync(shipped);
  const result = {
    benchmark: "the validate page's wasm (chpass's main module) by capability: raw bytes of code and data, and how much smaller the module gzips without them (bench/wasm-breakdown.mjs)",
    module: { raw: wasm.length, gzip: gzip(wasm) },
    parts: Object.fromEntries(
      parts.sort((a, b) => b.gzip_saved_without - a.gzip_saved_without).map(({ part, ...figures }) => [part, figures]),
    ),
  };
  writeFileSync(new URL('results/wasm-breakdown.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
