//! The text of each file generated from `chpass::error_types`, and (`policy_types`) from the
//! violation table and the presets.

use chpass::error::ErrorKind;
use chpass::error_types::{ERROR_TYPES, ErrorType, KIND_CLASSES, ROOT_CLASS, kind_class};
use std::fmt::Write as _;
use std::path::Path;

#[path = "policy_types.rs"]
mod policy_types;
#[path = "shapes.rs"]
mod shapes;

const HEADER: &str = "Generated from core/src/error_types.rs by `cargo run -p chpass --features schema --example binding_tables`: do not edit.";
const JS: &str = "bindings-wasm/js/lib/errors.js";
const TS: &str = "bindings-wasm/js/lib/errors.d.ts";
const PYTHON: &str = "bindings-python/python/chpass/_errors.py";
const ERRORS_PAGE: &str = "docs/errors.md";
const MARKS: (&str, &str) = ("<!-- errors -->\n", "<!-- /errors -->");

/// `{ key: type; … }`, one documented key a line (`chpass::error_types::PARAM_DOCS`).
fn params_ts(params: &[&str], indent: &str) -> String {
    let mut out = String::from("{\n");
    for param in params {
        let key = chpass::error_types::param_key(param);
        let doc = chpass::error_types::param_doc(key).unwrap_or_default();
        let _ = writeln!(out, "{indent}  /** {doc} */\n{indent}  {param};");
    }
    out.push_str(indent);
    out.push('}');
    out
}

/// Every generated file: its path from the repository root, and its text.
pub fn files(root: &Path) -> Result<Vec<(&'static str, String)>, Box<dyn std::error::Error>> {
    let page = filled(root, ERRORS_PAGE, MARKS, &errors_table())?;
    let policies = filled(
        root,
        policy_types::POLICIES_PAGE,
        policy_types::MARKS,
        &policy_types::violations_table(),
    )?;
    let stub = filled(
        root,
        shapes::PYTHON_STUB,
        shapes::PRESET_MARKS,
        &shapes::preset_overloads_python(),
    )?;
    Ok(vec![
        (JS, js()),
        (TS, ts()),
        (PYTHON, python()),
        (ERRORS_PAGE, page),
        (policy_types::TS, policy_types::ts()),
        (policy_types::PYTHON, policy_types::python()),
        (policy_types::POLICIES_PAGE, policies),
        (shapes::TS, shapes::ts()),
        (shapes::PYTHON, shapes::python()),
        (shapes::PYTHON_STUB, stub),
    ])
}

/// The file at `path` with the text between its marks replaced by `table`.
fn filled(
    root: &Path,
    path: &str,
    marks: (&str, &str),
    table: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let page = std::fs::read_to_string(root.join(path))?;
    let (start, end) = match (page.find(marks.0), page.find(marks.1)) {
        (Some(start), Some(end)) => (start + marks.0.len(), end),
        _ => return Err(format!("{path} has no {marks:?} marks").into()),
    };
    Ok(format!("{}{table}{}", &page[..start], &page[end..]))
}

/// Each code's own class (not a kind's).
fn own_classes() -> impl Iterator<Item = &'static ErrorType> {
    ERROR_TYPES
        .iter()
        .filter(|t| kind_class(t.kind).is_none_or(|k| k.class != t.class))
}

fn parent(kind: ErrorKind) -> &'static str {
    kind_class(kind).map_or(ROOT_CLASS, |k| k.class)
}

fn js() -> String {
    let mut out = format!(
        "// {HEADER}\n// The error classes every entry point shares (one set, so `instanceof` holds across entries),\n// and the factory the wasm modules raise them through.\nimport {{ ChpassError, named }} from './chpass-error.js';\n\nexport {{ ChpassError }};\n"
    );
    for k in KIND_CLASSES {
        let _ = write!(
            out,
            "/** {} */\nexport const {c} = named('{c}', class extends {ROOT_CLASS} {{}});\n",
            k.doc,
            c = k.class
        );
    }
    for t in own_classes() {
        let _ = write!(
            out,
            "/** `{}`: {} */\nexport const {c} = named('{c}', class extends {} {{}});\n",
            t.code,
            t.doc,
            parent(t.kind),
            c = t.class
        );
    }
    out.push_str("\n/** @type {Record<string, typeof ChpassError>} */\nconst BY_CODE = {\n");
    for t in ERROR_TYPES {
        let _ = writeln!(out, "  {}: {},", t.code, t.class);
    }
    out.push_str("};\n/** @type {Record<string, typeof ChpassError>} */\nconst BY_KIND = {\n");
    for k in KIND_CLASSES {
        let _ = writeln!(out, "  {}: {},", k.kind.as_str(), k.class);
    }
    out.push_str(
        "};\n\n/** @type {typeof import('./errors.js').makeError} */\nexport function makeError(code, kind, message, params, retryable) {\n  const Class = BY_CODE[code] ?? BY_KIND[kind] ?? ChpassError;\n  return new Class(message, { code, kind, params, retryable });\n}\n",
    );
    out
}

fn ts() -> String {
    let mut out = format!(
        "// {HEADER}\nimport type {{ Report }} from '../index.js';\n\n/** Every code a chpass error can have (docs/errors.md says what each means). */\nexport type ErrorCode =\n"
    );
    for t in ERROR_TYPES {
        let _ = writeln!(out, "  | '{}'", t.code);
    }
    out.pop();
    out.push_str(";\n/** The families of the codes; each has its class (`ServerError`, …). */\nexport type ErrorKind =\n");
    for kind in ErrorKind::ALL.map(ErrorKind::as_str) {
        let _ = writeln!(out, "  | '{kind}'");
    }
    out.pop();
    out.push_str(";\n\n/** The error core's `(code, kind, message, params, retryable)` means, of its class: how the wasm modules raise errors. */\nexport function makeError(code: ErrorCode, kind: ErrorKind, message: string, params: Record<string, unknown>, retryable: boolean): ChpassError;\n\n");
    let _ = write!(
        out,
        "/** Root of every chpass error: `code` is stable across Rust, JavaScript and Python. */\nexport class {ROOT_CLASS} extends Error {{\n  /** What went wrong, stable across versions and languages (the table of docs/errors.md). */\n  readonly code: ErrorCode;\n  /** The family of the code, which the class hierarchy follows. */\n  readonly kind: ErrorKind;\n  /** The code's details (docs/errors.md lists them); never a secret. */\n  readonly params: Record<string, unknown>;\n  /** Whether trying again later may succeed (only `server_unavailable`). */\n  readonly retryable: boolean;\n}}\n"
    );
    for k in KIND_CLASSES {
        let _ = write!(
            out,
            "/** {} */\nexport class {} extends {ROOT_CLASS} {{\n  /** The family of the code, which the class hierarchy follows. */\n  readonly kind: '{}';\n}}\n",
            k.doc,
            k.class,
            k.kind.as_str()
        );
    }
    for t in own_classes() {
        let params = if t.params.is_empty() {
            String::new()
        } else {
            format!(
                "\n  /** The code's details; never a secret. */\n  readonly params: {};",
                params_ts(t.params, "  ")
            )
        };
        let _ = write!(
            out,
            "/** `{}`: {} */\nexport class {} extends {} {{\n  /** What went wrong, stable across versions and languages. */\n  readonly code: '{}';{params}\n}}\n",
            t.code,
            t.doc,
            t.class,
            parent(t.kind),
            t.code
        );
    }
    out
}

fn python() -> String {
    let mut out = format!(
        "\"\"\"Exceptions raised by chpass.\n\n{HEADER}\n\nEvery exception is a ``ChpassError`` with a stable ``code`` (identical in Rust, JavaScript\nand Python), a ``kind``, an English message and ``params``. Configuration mistakes also\nsubclass ``ValueError``, transport and file errors the builtin they are.\n\"\"\"\n\nfrom __future__ import annotations\n\nfrom typing import Any, Dict, Type\n\nfrom ._chpass_error import ChpassError\n"
    );
    let doc = |text: &str| text.replace('`', "``");
    let bases = |parent: &str, extra: &[&str]| {
        std::iter::once(parent)
            .chain(extra.iter().copied())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for k in KIND_CLASSES {
        let _ = write!(
            out,
            "\n\nclass {}({}):\n    \"\"\"{}\"\"\"\n",
            k.class,
            bases(ROOT_CLASS, k.python_bases),
            doc(k.doc)
        );
    }
    for t in own_classes() {
        let _ = write!(
            out,
            "\n\nclass {}({}):\n    \"\"\"``{}``: {}\"\"\"\n",
            t.class,
            bases(parent(t.kind), t.python_bases),
            t.code,
            doc(t.doc)
        );
    }
    out.push_str("\n\n_BY_CODE: Dict[str, Type[ChpassError]] = {\n");
    for t in ERROR_TYPES {
        let _ = writeln!(out, "    \"{}\": {},", t.code, t.class);
    }
    out.push_str("}\n_BY_KIND: Dict[str, Type[ChpassError]] = {\n");
    for k in KIND_CLASSES {
        let _ = writeln!(out, "    \"{}\": {},", k.kind.as_str(), k.class);
    }
    out.push_str(
        "}\n\n\ndef _from_core(code: str, kind: str, message: str, params: Dict[str, Any], retryable: bool) -> ChpassError:\n    \"\"\"Called by the extension: the class for a core error code.\"\"\"\n    cls = _BY_CODE.get(code) or _BY_KIND.get(kind, ChpassError)\n    return cls(message, code=code, kind=kind, params=params, retryable=retryable)\n",
    );
    out
}

fn errors_table() -> String {
    let mut out = String::from(
        "| code | kind | class (JavaScript and Python) | params | when |\n|---|---|---|---|---|\n",
    );
    for t in ERROR_TYPES {
        let python = if t.python_bases.is_empty() {
            String::new()
        } else {
            format!(" (Python: also a `{}`)", t.python_bases.join("`, `"))
        };
        let params = t
            .params
            .iter()
            .map(|p| format!("`{}`", p.split([':', '?']).next().unwrap_or(p)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "| `{}` | {} | `{}`{python} | {params} | {} |",
            t.code,
            t.kind.as_str(),
            t.class,
            t.doc
        );
    }
    out
}
