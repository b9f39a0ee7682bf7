//! Orders a wasm module's functions so that like ones sit side by side.
//!
//! gzip finds repeats only within its last 32 KB, and a linker lays functions out in an order
//! that has nothing to do with their likeness: serde's visitor for one struct lands far from the
//! visitor for the next. This tool chains each function to the one most like it, then renumbers
//! every function index (calls, `ref.func`, the table, exports, the start function, names).
//! Nothing else changes, so neither does what the module does.
//!
//! ```text
//! wasm-order IN.wasm OUT.wasm
//! ```

mod renumber;
mod similarity;

use std::process::ExitCode;
use wasmparser::{Parser, Payload, TypeRef, Validator};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: wasm-order IN.wasm OUT.wasm");
        return ExitCode::from(2);
    };
    let ordered = std::fs::read(input)
        .map_err(|e| format!("{input}: {e}"))
        .and_then(|wasm| ordered(&wasm).map_err(|e| format!("{input}: {e}")))
        .and_then(|wasm| std::fs::write(output, wasm).map_err(|e| format!("{output}: {e}")));
    match ordered {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wasm-order: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The module with its defined functions in similarity order, validated.
fn ordered(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let (imported, bodies) = functions(wasm).map_err(|e| e.to_string())?;
    let order = similarity::chain(&bodies);
    let ordered = renumber::reorder(wasm, imported, &order)?;
    Validator::new()
        .validate_all(&ordered)
        .map_err(|e| format!("the reordered module is not valid: {e}"))?;
    Ok(ordered)
}

/// How many functions are imported (they keep the first indices), and each defined function's
/// body bytes in index order.
fn functions(wasm: &[u8]) -> wasmparser::Result<(u32, Vec<&[u8]>)> {
    let (mut imported, mut bodies) = (0, Vec::new());
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ImportSection(section) => {
                for import in section.into_imports() {
                    if let TypeRef::Func(_) | TypeRef::FuncExact(_) = import?.ty {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(&wasm[body.range()]),
            _ => {}
        }
    }
    Ok((imported, bodies))
}
