//! The TypeScript and Python types of the JSON-shaped arguments, generated from their JSON
//! Schemas (`chpass::argument_schemas` and `chpass::backend::operation_schemas`, derived with
//! schemars from the Rust types, whose docs become the descriptions): one type per argument and
//! per operation, the operations' union, and the types they refer to (`LengthLimit`, `Auth`, …).

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub const TS: &str = "bindings-wasm/js/lib/shapes.d.ts";
const HEADER: &str = "Generated from the Rust types of the arguments and operations by `cargo run -p chpass --features schema --example binding_tables`: do not edit.";

/// A description on one line, its rustdoc links (`[`Locale::resolve`]`) as plain code.
fn plain(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("[`", "`")
        .replace("`]", "`")
}

/// A description as one line of TSDoc.
fn doc(schema: &Value, indent: &str) -> String {
    match schema.get("description").and_then(Value::as_str) {
        Some(text) => format!("{indent}/** {} */\n", plain(text)),
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

    /// `{ key: T; … }`, one documented key a line; the tag (`operation`, `algorithm`) first
    /// when given.
    fn object(&mut self, schema: &Value, indent: &str, tag: Option<(&str, &str)>) -> String {
        let inner = format!("{indent}  ");
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut out = String::from("{\n");
        if let Some((key, value)) = tag {
            let _ = writeln!(out, "{inner}{key}: '{value}';");
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

/// One generated type: its name, its tag (`operation` or `algorithm` and the value) when it
/// is a member of a tagged union, and its JSON Schema.
struct Shape {
    name: String,
    tag: Option<(&'static str, &'static str)>,
    schema: Value,
}

/// The tagged unions, by tag key: their name and doc.
const UNIONS: [(&str, &str, &str); 2] = [
    (
        "operation",
        "Operation",
        "Every request chpass can build, tagged by `operation`.",
    ),
    (
        "algorithm",
        "HashSpec",
        "How to hash: the algorithm and its parameters, tagged by `algorithm`.",
    ),
];

/// Every generated type, in the order the files list them: the arguments, then the members of
/// each tagged union.
fn shapes() -> Vec<Shape> {
    let arguments = chpass::argument_schemas()
        .into_iter()
        .map(|(name, schema)| (name.to_owned(), None, schema));
    let operations = chpass::backend::operation_schemas()
        .into_iter()
        .map(|(tag, name, schema)| (name.to_owned(), Some(("operation", tag)), schema));
    let hash_specs = chpass::hash::hash_spec_schemas()
        .into_iter()
        .map(|(tag, variant, schema)| {
            (
                format!("{variant}HashSpec"),
                Some(("algorithm", tag)),
                schema,
            )
        });
    arguments
        .chain(operations)
        .chain(hash_specs)
        .map(|(name, tag, schema)| Shape {
            name,
            tag,
            schema: schema.to_value(),
        })
        .collect()
}

/// The members of the union tagged by `key`.
fn members<'a>(shapes: &'a [Shape], key: &'a str) -> impl Iterator<Item = &'a str> {
    shapes
        .iter()
        .filter(move |s| s.tag.is_some_and(|(k, _)| k == key))
        .map(|s| s.name.as_str())
}

pub fn ts() -> String {
    let shapes = shapes();
    let mut shared = BTreeMap::new();
    let mut out = format!("// {HEADER}\n\n");
    for shape in &shapes {
        let defs = shape.schema["$defs"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut render = Render {
            shared: &mut shared,
            defs: &defs,
        };
        let body = render.object(&shape.schema, "", shape.tag);
        let _ = write!(
            out,
            "{}export interface {} {body}\n\n",
            doc(&shape.schema, ""),
            shape.name
        );
    }
    for (key, name, doc) in UNIONS {
        let _ = write!(out, "/** {doc} */\nexport type {name} =");
        for member in members(&shapes, key) {
            let _ = write!(out, "\n  | {member}");
        }
        out.push_str(";\n\n");
    }
    out.pop();
    for text in shared.values() {
        let _ = write!(out, "\n{text}");
    }
    out
}

pub const PYTHON: &str = "bindings-python/python/chpass/_shapes.py";

/// `api_key` → `ApiKey`.
pub fn camel(key: &str) -> String {
    key.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// A description as a Python docstring body, on one line.
fn py_doc(schema: &Value) -> Option<String> {
    schema
        .get("description")
        .and_then(Value::as_str)
        .map(|text| plain(text).replace('`', "``").replace("\"\"\"", "'''"))
}

/// The Python side: TypedDicts (a required base and a `total=False` class where keys are
/// optional, which Python 3.9 needs), emitted after the types they use.
struct PyRender<'a> {
    defs: &'a Map<String, Value>,
    done: &'a mut Vec<String>,
    out: &'a mut String,
}

impl PyRender<'_> {
    fn ty(&mut self, schema: &Value, name_for_object: &str) -> String {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap_or(reference).to_owned();
            if !self.done.contains(&name) {
                self.done.push(name.clone());
                let def = self.defs.get(&name).cloned().unwrap_or(Value::Null);
                self.declare(&name, &def);
            }
            return name;
        }
        if let Some(value) = schema.get("const") {
            return format!("Literal[\"{}\"]", value.as_str().unwrap_or_default());
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let values: Vec<String> = values
                .iter()
                .map(|v| format!("\"{}\"", v.as_str().unwrap_or_default()))
                .collect();
            return format!("Literal[{}]", values.join(", "));
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(choices) = schema.get(key).and_then(Value::as_array) {
                let members: Vec<String> = choices
                    .iter()
                    .map(|choice| {
                        // a choice that is an object of one key: `BasicAuth` for `{basic: …}`
                        let only = choice["properties"]
                            .as_object()
                            .filter(|p| p.len() == 1)
                            .and_then(|p| p.keys().next().cloned());
                        let name = only.map_or_else(
                            || name_for_object.to_owned(),
                            |k| format!("{}{name_for_object}", camel(&k)),
                        );
                        self.ty(choice, &name)
                    })
                    .collect();
                return union_of(members);
            }
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let members: Vec<String> = types
            .iter()
            .map(|t| match *t {
                "string" => "str".to_owned(),
                "integer" => "int".to_owned(),
                "number" => "float".to_owned(),
                "boolean" => "bool".to_owned(),
                "null" => "None".to_owned(),
                "array" => format!("List[{}]", self.ty(&schema["items"], name_for_object)),
                "object" => {
                    self.typed_dict(name_for_object, schema, None);
                    name_for_object.to_owned()
                }
                other => format!("Any  # JSON type {other}"),
            })
            .collect();
        union_of(members)
    }

    fn declare(&mut self, name: &str, def: &Value) {
        if def.get("properties").is_some() {
            self.typed_dict(name, def, None);
        } else {
            let ty = self.ty(def, name);
            let _ = write!(self.out, "\n\n{name} = {ty}\n");
            if let Some(doc) = py_doc(def) {
                let _ = writeln!(self.out, "\"\"\"{doc}\"\"\"");
            }
        }
    }

    /// A TypedDict for an object schema; `tag` adds its key (`operation`, `algorithm`) first.
    fn typed_dict(&mut self, name: &str, schema: &Value, tag: Option<(&str, &str)>) {
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut must = Vec::new();
        let mut may = Vec::new();
        if let Some((key, value)) = tag {
            must.push((key.to_owned(), format!("Literal[\"{value}\"]"), None));
        }
        for (key, property) in schema["properties"].as_object().into_iter().flatten() {
            let ty = self.ty(property, &format!("{name}{}", camel(key)));
            let entry = (key.clone(), ty, py_doc(property));
            if required.contains(&key.as_str()) {
                must.push(entry);
            } else {
                may.push(entry);
            }
        }
        let body = |entries: &[(String, String, Option<String>)]| {
            let mut text = String::new();
            for (key, ty, doc) in entries {
                let _ = writeln!(text, "    {key}: {ty}");
                if let Some(doc) = doc {
                    let _ = writeln!(text, "    \"\"\"{doc}\"\"\"");
                }
            }
            text
        };
        let doc = py_doc(schema).map_or_else(String::new, |d| format!("    \"\"\"{d}\"\"\"\n\n"));
        let out = &mut *self.out;
        match (must.is_empty(), may.is_empty()) {
            (false, false) => {
                let _ = write!(
                    out,
                    "\n\nclass _{name}Required(TypedDict):\n{}\n\nclass {name}(_{name}Required, total=False):\n{doc}{}",
                    body(&must),
                    body(&may)
                );
            }
            (false, true) => {
                let _ = write!(out, "\n\nclass {name}(TypedDict):\n{doc}{}", body(&must));
            }
            (true, _) => {
                let _ = write!(
                    out,
                    "\n\nclass {name}(TypedDict, total=False):\n{doc}{}",
                    body(&may)
                );
            }
        }
    }
}

fn union_of(members: Vec<String>) -> String {
    match members.as_slice() {
        [one] => one.clone(),
        [one, none] if none == "None" => format!("Optional[{one}]"),
        _ => format!("Union[{}]", members.join(", ")),
    }
}

pub fn python() -> String {
    let shapes = shapes();
    let mut body = String::new();
    let mut done = Vec::new();
    for shape in &shapes {
        let defs = shape.schema["$defs"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut render = PyRender {
            defs: &defs,
            done: &mut done,
            out: &mut body,
        };
        render.typed_dict(&shape.name, &shape.schema, shape.tag);
    }
    let mut unions = String::new();
    let mut exported: Vec<&str> = shapes
        .iter()
        .filter(|s| s.tag.is_none())
        .map(|s| s.name.as_str())
        .collect();
    for (key, name, doc) in UNIONS {
        exported.push(name);
        exported.extend(members(&shapes, key));
        let listed: String = members(&shapes, key)
            .map(|m| format!("    {m},\n"))
            .collect();
        let _ = write!(
            unions,
            "\n\n{name} = Union[\n{listed}]\n\"\"\"{}\"\"\"",
            doc.replace('`', "``")
        );
    }
    exported.extend(done.iter().map(String::as_str));
    let all: String = exported.iter().map(|n| format!("    \"{n}\",\n")).collect();
    format!(
        "\"\"\"The JSON-shaped arguments and the operations, as TypedDicts that exist at run time.\n\n{HEADER}\n\"\"\"\n\nfrom typing import Any, List, Literal, Optional, TypedDict, Union\n\n__all__ = [\n{all}]\n{body}{unions}\n"
    )
}
