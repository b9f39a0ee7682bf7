//! The text of each file generated from `chpass::policy::violation_types`, the presets and the
//! message languages: the
//! TypeScript union of violations narrowed by `code`, the Python `Literal`s, and the table of
//! docs/policies.md.

use super::shapes::camel;
use chpass::i18n::LANGUAGES;
use chpass::policy::presets::ALL as PRESETS;
use chpass::policy::violation_types::{NOTICE_TYPES, VIOLATION_TYPES, ViolationType};
use std::fmt::Write as _;

const HEADER: &str = "Generated from core/src/policy/violation_types.rs, the presets and the languages by `cargo run -p chpass --features schema --example binding_tables`: do not edit.";
pub const TS: &str = "bindings-wasm/js/lib/policy-types.d.ts";
pub const PYTHON: &str = "bindings-python/python/chpass/_codes.py";
pub const POLICIES_PAGE: &str = "docs/policies.md";
pub const MARKS: (&str, &str) = ("<!-- violations -->\n", "<!-- /violations -->");

fn union(out: &mut String, name: &str, members: impl Iterator<Item = String>) {
    let _ = write!(out, "export type {name} =");
    for member in members {
        let _ = write!(out, "\n  | {member}");
    }
    out.push_str(";\n");
}

fn interfaces(out: &mut String, types: &[ViolationType], suffix: &str) {
    for t in types {
        let params = if t.params.is_empty() {
            "Record<never, never>".to_owned()
        } else {
            super::params_ts(t.params, "  ")
        };
        let _ = write!(
            out,
            "/** `{code}`: {doc}. */\nexport interface {name}{suffix} {{\n  /** Stable across versions and languages: what to branch or translate on. */\n  code: '{code}';\n  /** In the context's `locale` (English by default); render your own from `code` and `params`. */\n  message: string;\n  /** The figures the message is made of. */\n  params: {params};\n}}\n",
            code = t.code,
            doc = t.doc,
            name = camel(t.code),
        );
    }
}

pub fn ts() -> String {
    let mut out = format!("// {HEADER}\nimport type {{ LengthUnit }} from '../index.js';\n\n");
    interfaces(&mut out, VIOLATION_TYPES, "Violation");
    out.push_str("\n/** One broken rule; `params` is narrowed by `code`. */\n");
    union(
        &mut out,
        "Violation",
        VIOLATION_TYPES
            .iter()
            .map(|t| format!("{}Violation", camel(t.code))),
    );
    out.push_str(
        "/** Every violation code. */\nexport type ViolationCode = Violation['code'];\n\n",
    );
    interfaces(&mut out, NOTICE_TYPES, "Notice");
    out.push_str(
        "\n/** What the server will do with an accepted password that is not a refusal. */\n",
    );
    union(
        &mut out,
        "Notice",
        NOTICE_TYPES
            .iter()
            .map(|t| format!("{}Notice", camel(t.code))),
    );
    out.push_str(
        "/** Every notice code. */\nexport type NoticeCode = Notice['code'];\n\n/** The names `Policy.preset` takes. */\n",
    );
    union(
        &mut out,
        "PresetName",
        PRESETS.iter().map(|p| format!("'{}'", p.name)),
    );
    out.push_str("\n/** The languages with a message catalog (`LOCALES`). */\n");
    union(
        &mut out,
        "Locale",
        LANGUAGES.iter().map(|tag| format!("'{tag}'")),
    );
    out
}

pub fn python() -> String {
    let mut out = format!(
        "\"\"\"The codes and names chpass uses, as ``Literal`` types that exist at run time.\n\n{HEADER}\n\"\"\"\n\nfrom typing import Literal\n\n__all__ = [\"ViolationCode\", \"NoticeCode\", \"PresetName\", \"Locale\"]\n"
    );
    let literal = |out: &mut String, name: &str, doc: &str, values: Vec<&str>| {
        let _ = write!(out, "\n{name} = Literal[\n");
        for value in values {
            let _ = writeln!(out, "    \"{value}\",");
        }
        let _ = writeln!(out, "]\n\"\"\"{doc}\"\"\"");
    };
    literal(
        &mut out,
        "ViolationCode",
        "A violation's ``code``, in the order a report lists them.",
        VIOLATION_TYPES.iter().map(|t| t.code).collect(),
    );
    literal(
        &mut out,
        "NoticeCode",
        "A notice's ``code``.",
        NOTICE_TYPES.iter().map(|t| t.code).collect(),
    );
    literal(
        &mut out,
        "PresetName",
        "The names ``Policy.preset`` takes.",
        PRESETS.iter().map(|p| p.name).collect(),
    );
    literal(
        &mut out,
        "Locale",
        "The languages with a message catalog (``chpass.LOCALES``).",
        LANGUAGES.to_vec(),
    );
    out
}

pub fn violations_table() -> String {
    let mut out = String::from("| code | params | meaning |\n|---|---|---|\n");
    for t in VIOLATION_TYPES {
        let params = t
            .params
            .iter()
            .map(|p| format!("`{}`", p.split(':').next().unwrap_or(p)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(out, "| `{}` | {params} | {} |", t.code, t.doc);
    }
    out
}
