// Runs a wasm32-wasip1 program (a Rust test binary) under Node's WASI: wasi-run.mjs PROGRAM ARGS...
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const [program, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [program, ...args], env: {}, preopens: {}, returnOnExit: true });
// Each WASI function is called through a JS wrapper: called directly, Node 20 and 22 crash
// (SIGSEGV) in a WASI call after the program's memory has grown to tens of MiB.
const direct = wasi.getImportObject().wasi_snapshot_preview1;
const wrapped = Object.fromEntries(Object.entries(direct).map(([name, call]) => [name, (...a) => call(...a)]));
const { instance } = await WebAssembly.instantiate(readFileSync(program), { wasi_snapshot_preview1: wrapped });
process.exitCode = wasi.start(instance);
