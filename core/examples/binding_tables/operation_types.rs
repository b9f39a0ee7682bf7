//! The TypeScript types of the operations, generated from their JSON Schemas
//! (`chpass::backend::operation_schemas`, derived with schemars from the Rust structs, whose
//! docs become the descriptions): one interface per operation, their union, and the shared
//! types they refer to (`Auth`, `Scope`, …).

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub const TS: &str = "bindings-wasm/js/lib/operations.d.ts";
const HEADER: &str = "Generated from the operations' Rust types (core/src/backend/) by `cargo run -p chpass --features schema --example binding_tables`: do not edit.";

/// A description as one line of TSDoc.
fn doc(schema: &Value, indent: &str) -> String {
    match schema.get("description").and_then(Value::as_str) {
        Some(text) => format!(
            "{indent}/** {} */\n",
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        ),
        None => String::new(),
    }
}

struct Render<'a> {
    /// the shared types met so far, rendered once each
    shared: &'a mut BTreeMap<String, String>,
    defs: &'a Map<String, Value>,
}

impl Render<'_> {
    fn ty(&mut self, schema: &Value, indent: &str) -> String {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap_or(reference).to_owned();
            if !self.shared.contains_key(&name) {
                self.shared.insert(name.clone(), String::new()); // no loop on a recursive type
                let def = self.defs.get(&name).cloned().unwrap_or(Value::Null);
                let text = self.declaration(&name, &def);
                self.shared.insert(name.clone(), text);
            }
            return name;
        }
        if let Some(value) = schema.get("const") {
            return format!("'{}'", value.as_str().unwrap_or_default());
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            return values
                .iter()
                .map(|v| format!("'{}'", v.as_str().unwrap_or_default()))
                .collect::<Vec<_>>()
                .join(" | ");
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(choices) = schema.get(key).and_then(Value::as_array) {
                return choices
                    .iter()
                    .map(|choice| self.ty(choice, indent))
                    .collect::<Vec<_>>()
                    .join(" | ");
            }
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        types
            .iter()
            .map(|t| match *t {
                "string" => "string".to_owned(),
                "integer" | "number" => "number".to_owned(),
                "boolean" => "boolean".to_owned(),
                "null" => "null".to_owned(),
                "array" => format!("{}[]", self.ty(&schema["items"], indent)),
                "object" => self.object(schema, indent, None),
                // no other JSON type appears in the operations; `unknown` would hide a new one
                other => format!("never /* JSON type {other} */"),
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// A shared type: an interface for an object, else a union, one member a line.
    fn declaration(&mut self, name: &str, def: &Value) -> String {
        let head = doc(def, "");
        if def.get("properties").is_some() {
            return format!(
                "{head}export interface {name} {}\n",
                self.object(def, "", None)
            );
        }
        let members: Vec<String> = match def.get("oneOf").and_then(Value::as_array) {
            Some(choices) => choices.iter().map(|c| self.ty(c, "  ")).collect(),
            None => vec![self.ty(def, "  ")],
        };
        format!(
            "{head}export type {name} =\n  | {};\n",
            members.join("\n  | ")
        )
    }

    /// `{ key: T; … }`, one documented key a line; `tag` first when given.
    fn object(&mut self, schema: &Value, indent: &str, tag: Option<&str>) -> String {
        let inner = format!("{indent}  ");
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut out = String::from("{\n");
        if let Some(tag) = tag {
            let _ = writeln!(out, "{inner}operation: '{tag}';");
        }
        for (key, property) in schema["properties"].as_object().into_iter().flatten() {
            let optional = if required.contains(&key.as_str()) {
                ""
            } else {
                "?"
            };
            let ty = self.ty(property, &inner);
            let _ = writeln!(
                out,
                "{}{inner}{key}{optional}: {ty};",
                doc(property, &inner)
            );
        }
        let _ = write!(out, "{indent}}}");
        out
    }
}

pub fn ts() -> String {
    let mut shared = BTreeMap::new();
    let mut interfaces = String::new();
    let mut names = Vec::new();
    for (tag, name, schema) in chpass::backend::operation_schemas() {
        let schema = schema.to_value();
        let defs = schema["$defs"].as_object().cloned().unwrap_or_default();
        let mut render = Render {
            shared: &mut shared,
            defs: &defs,
        };
        let body = render.object(&schema, "", Some(tag));
        let _ = write!(
            interfaces,
            "{}export interface {name} {body}\n\n",
            doc(&schema, "")
        );
        names.push(name);
    }
    let mut out = format!(
        "// {HEADER}\n\n{interfaces}/** Every request chpass can build, tagged by `operation`. */\nexport type Operation =\n"
    );
    for name in names {
        let _ = writeln!(out, "  | {name}");
    }
    out.pop();
    out.push_str(";\n");
    for text in shared.values() {
        let _ = write!(out, "\n{text}");
    }
    out
}
