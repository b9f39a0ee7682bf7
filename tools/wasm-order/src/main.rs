//! Orders a wasm module's functions so that like ones sit side by side.
//!
//! gzip finds repeats only within its last 32 KB, and a linker lays functions out in an order
//! that has nothing to do with their likeness: serde's visitor for one struct lands far from the
//! visitor for the next. This tool chains each function to the one most like it, then renumbers
//! every function index (calls, `ref.func`, the table, exports, the start function, names).
//! Functions that are byte for byte the same (Rust's generics often compile to one body) are
//! kept once. Nothing else changes, so neither does what the module does.
//!
//! ```text
//! wasm-order IN.wasm OUT.wasm     (OUT may be IN: it is written once IN is read and checked)
//! ```

mod renumber;
mod similarity;

use std::collections::HashMap;
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

/// The module with one copy of each function, in similarity order, validated.
fn ordered(wasm: &[u8]) -> Result<Vec<u8>, String> {
    Validator::new()
        .validate_all(wasm)
        .map_err(|e| format!("not a valid module: {e}"))?;
    let wasm = without_twins(wasm.to_vec())?;
    let (imported, functions) = functions(&wasm).map_err(|e| e.to_string())?;
    let bodies: Vec<&[u8]> = functions.iter().map(|f| f.body).collect();
    let order = similarity::chain(&bodies);
    let same_as: Vec<usize> = (0..functions.len()).collect();
    let ordered = renumber::rewrite(&wasm, imported, &order, &same_as)?;
    Validator::new()
        .validate_all(&ordered)
        .map_err(|e| format!("the reordered module is not valid: {e}"))?;
    Ok(ordered)
}

/// The module with each function's twins dropped, again until none are left: a twin's callers
/// may be twins once it is dropped.
fn without_twins(mut wasm: Vec<u8>) -> Result<Vec<u8>, String> {
    loop {
        let (imported, functions) = functions(&wasm).map_err(|e| e.to_string())?;
        let same_as = twins(&functions);
        let kept: Vec<usize> = (0..functions.len()).filter(|&f| same_as[f] == f).collect();
        if kept.len() == functions.len() {
            return Ok(wasm);
        }
        wasm = renumber::rewrite(&wasm, imported, &kept, &same_as)?;
    }
}

/// A defined function: its type and its body's bytes (locals and code).
#[derive(PartialEq, Eq, Hash)]
struct Function<'a> {
    ty: u32,
    body: &'a [u8],
}

/// For each defined function, the first one of the same type and bytes.
fn twins(functions: &[Function<'_>]) -> Vec<usize> {
    let mut first = HashMap::new();
    (0..functions.len())
        .map(|f| *first.entry(&functions[f]).or_insert(f))
        .collect()
}

/// How many functions are imported (they keep the first indices), and the defined functions in
/// index order.
fn functions(wasm: &[u8]) -> wasmparser::Result<(u32, Vec<Function<'_>>)> {
    let (mut imported, mut types, mut bodies) = (0, Vec::new(), Vec::new());
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ImportSection(section) => {
                for import in section.into_imports() {
                    if let TypeRef::Func(_) | TypeRef::FuncExact(_) = import?.ty {
                        imported += 1;
                    }
                }
            }
            Payload::FunctionSection(section) => {
                types = section.into_iter().collect::<wasmparser::Result<_>>()?;
            }
            Payload::CodeSectionEntry(body) => bodies.push(&wasm[body.range()]),
            _ => {}
        }
    }
    let functions = types.into_iter().zip(bodies);
    Ok((
        imported,
        functions.map(|(ty, body)| Function { ty, body }).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twins_point_at_the_first_copy() {
        let f = |ty, body| Function { ty, body };
        let functions = [
            f(0, b"a".as_slice()),
            f(0, b"b"),
            f(0, b"a"),
            f(1, b"a"),
            f(0, b"b"),
        ];
        assert_eq!(twins(&functions), [0, 1, 0, 3, 1]);
    }
}
