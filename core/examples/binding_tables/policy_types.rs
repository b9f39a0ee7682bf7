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

/// A param's Python type, from the TypeScript one the table gives (`number`, `string`,
/// `LengthUnit`, `… | null`).
fn py_param_type(ts: &str) -> String {
    match ts.trim().strip_suffix(" | null") {
        Some(inner) => format!("Optional[{}]", py_param_type(inner)),
        None => match ts.trim() {
            "number" => "int".to_owned(),
            "string" => "str".to_owned(),
            other => other.to_owned(),
        },
    }
}

/// `name = Union[…]`, of the TypedDicts `typed_dicts` wrote.
fn union_py(out: &mut String, name: &str, doc: &str, members: &[(String, String)]) {
    let listed: String = members.iter().map(|(m, _)| format!("    {m},\n")).collect();
    let _ = write!(out, "\n\n{name} = Union[\n{listed}]\n\"\"\"{doc}\"\"\"\n");
}

/// A TypedDict per code and one for its `params`, as `interfaces` writes them for TypeScript:
/// their names.
fn typed_dicts(out: &mut String, types: &[ViolationType], suffix: &str) -> Vec<(String, String)> {
    let mut names = Vec::new();
    for t in types {
        let name = format!("{}{suffix}", camel(t.code));
        let params = format!("{name}Params");
        let _ = write!(
            out,
            "\n\nclass {params}(TypedDict):\n    \"\"\"The figures of a ``{code}`` message.\"\"\"\n",
            code = t.code
        );
        for param in t.params {
            let key = chpass::error_types::param_key(param);
            let ts = param.split_once(':').map_or("", |(_, ty)| ty);
            let doc = chpass::error_types::param_doc(key).unwrap_or_default();
            let _ = write!(
                out,
                "\n    {key}: {}\n    \"\"\"{}\"\"\"\n",
                py_param_type(ts),
                doc.replace('`', "``")
            );
        }
        let _ = write!(
            out,
            "\n\nclass {name}(TypedDict):\n    \"\"\"``{code}``: {doc}.\"\"\"\n\n    code: Literal[\"{code}\"]\n    \"\"\"Stable across versions and languages: what to branch or translate on.\"\"\"\n\n    message: str\n    \"\"\"In the context's ``locale`` (English by default); render your own from ``code`` and ``params``.\"\"\"\n\n    params: {params}\n    \"\"\"The figures the message is made of.\"\"\"\n",
            code = t.code,
            doc = t.doc.replace('`', "``"),
        );
        names.push((name, params));
    }
    names
}

pub fn python() -> String {
    let mut out = format!(
        "\"\"\"The codes and names chpass uses, as ``Literal`` types, and the violations and notices\nof a report, as TypedDicts narrowed by ``code``; all exist at run time.\n\n{HEADER}\n\"\"\"\n\nfrom __future__ import annotations\n\nfrom typing import TYPE_CHECKING, Literal, Optional, TypedDict, Union\n\nif TYPE_CHECKING:\n    from ._shapes import LengthUnit\n"
    );
    let mut names: Vec<String> = ["ViolationCode", "NoticeCode", "PresetName", "Locale"]
        .map(String::from)
        .to_vec();
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
    let violations = typed_dicts(&mut out, VIOLATION_TYPES, "Violation");
    let doc = "One broken rule; ``params`` is narrowed by ``code``.";
    union_py(&mut out, "Violation", doc, &violations);
    let notices = typed_dicts(&mut out, NOTICE_TYPES, "Notice");
    let doc = "What the server will do with an accepted password that is not a refusal.";
    union_py(&mut out, "Notice", doc, &notices);
    for (union, members) in [("Violation", &violations), ("Notice", &notices)] {
        names.push(union.to_owned());
        names.extend(members.iter().map(|(name, _)| name.clone()));
    }
    names.extend(
        violations
            .into_iter()
            .chain(notices)
            .map(|(_, params)| params),
    );
    let all: String = names.iter().map(|n| format!("    \"{n}\",\n")).collect();
    out.replacen(
        "\nif TYPE_CHECKING:",
        &format!("\n__all__ = [\n{all}]\n\nif TYPE_CHECKING:"),
        1,
    )
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
