//! The TypeScript and Python types of the JSON-shaped arguments and results, generated from
//! their JSON Schemas (`chpass::argument_schemas`, `chpass::result_schemas`,
//! `chpass::backend::operation_schemas` and the presets' options, derived with schemars from the
//! Rust types, whose docs become the descriptions): one type per argument, result and
//! operation, the operations' union, and the types they refer to (`LengthLimit`, `Auth`, …).
//! A schema that names a type generated from core's tables (`x-generated`: `Violation`,
//! `PresetName`, …) refers to it.

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub const TS: &str = "bindings-wasm/js/lib/shapes.d.ts";
const HEADER: &str = "Generated from the Rust types of the arguments, results and operations by `cargo run -p chpass --features schema --example binding_tables`: do not edit.";

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
    /// the types generated from core's tables that these refer to
    generated: &'a mut Vec<String>,
    defs: &'a Map<String, Value>,
}

/// `0 | 1 | 2 | 3 | 4` for an integer of a few values (a zxcvbn score), else none.
fn small_range(schema: &Value) -> Option<Vec<u64>> {
    let (min, max) = (
        schema.get("minimum")?.as_u64()?,
        schema.get("maximum")?.as_u64()?,
    );
    (max - min < 10).then(|| (min..=max).collect())
}

impl Render<'_> {
    fn ty(&mut self, schema: &Value, indent: &str) -> String {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap_or(reference).to_owned();
            let def = self.defs.get(&name).cloned().unwrap_or(Value::Null);
            if def.get("x-generated").is_some() {
                if !self.generated.contains(&name) {
                    self.generated.push(name.clone());
                }
            } else if !self.shared.contains_key(&name) {
                self.shared.insert(name.clone(), String::new()); // no loop on a recursive type
                let text = self.declaration(&name, &def);
                self.shared.insert(name.clone(), text);
            }
            // a variant that adds keys to a shared type (`{outcome: …}` and a credential)
            if schema.get("properties").is_some() {
                return format!("{} & {name}", self.object(schema, indent, None));
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
                "integer" => small_range(schema).map_or_else(
                    || "number".to_owned(),
                    |values| {
                        let values: Vec<String> = values.iter().map(u64::to_string).collect();
                        values.join(" | ")
                    },
                ),
                "number" => "number".to_owned(),
                "boolean" => "boolean".to_owned(),
                "null" => "null".to_owned(),
                "array" => match schema.get("prefixItems").and_then(Value::as_array) {
                    Some(items) => {
                        let items: Vec<String> =
                            items.iter().map(|item| self.ty(item, indent)).collect();
                        format!("[{}]", items.join(", "))
                    }
                    None => {
                        let item = self.ty(&schema["items"], indent);
                        match item.contains(' ') {
                            true => format!("Array<{item}>"),
                            false => format!("{item}[]"),
                        }
                    }
                },
                "object" if schema.get("properties").is_none() => {
                    match schema.get("additionalProperties") {
                        Some(Value::Bool(false)) | None => "Record<string, never>".to_owned(),
                        Some(values) => format!("Record<string, {}>", self.ty(values, indent)),
                    }
                }
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
        if def.get("properties").is_some() && def.get("$ref").is_none() {
            return format!(
                "{head}export interface {name} {}\n",
                self.object(def, "", None)
            );
        }
        let members: Vec<String> = match def.get("oneOf").or(def.get("anyOf")) {
            Some(Value::Array(choices)) => choices.iter().map(|c| self.ty(c, "  ")).collect(),
            _ => vec![self.ty(def, "  ")],
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
            let _ = writeln!(
                out,
                "{inner}/** Which one this is. */\n{inner}{key}: '{value}';"
            );
        }
        let properties = schema["properties"].as_object();
        for (key, property) in properties.into_iter().flatten() {
            let optional = if required.contains(&key.as_str()) {
                ""
            } else {
                "?"
            };
            let ty = self.ty(property, &inner);
            // undocumented: a variant's tag (`outcome: 'token'`), or the one key of a variant
            // (`{basic: …}`), which the variant's own doc describes
            let described = match property.get("description") {
                Some(_) => doc(property, &inner),
                None if property.get("const").is_some() => {
                    format!("{inner}/** Which one this is. */\n")
                }
                None if properties.is_some_and(|p| p.len() == 1) => doc(schema, &inner),
                None => String::new(),
            };
            let _ = writeln!(out, "{described}{inner}{key}{optional}: {ty};");
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
    /// whether the npm package has it (it has no credential files: `FileUpdate`)
    ts: bool,
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
    let results = chpass::result_schemas()
        .into_iter()
        .map(|(name, schema)| (name.to_owned(), None, schema));
    let mut options: Vec<_> = chpass::presets::option_schemas()
        .into_iter()
        .map(|(_, name, schema)| (name.to_owned(), None, schema))
        .collect();
    options.dedup_by(|a, b| a.0 == b.0);
    arguments
        .chain(results)
        .chain(options)
        .chain(operations)
        .chain(hash_specs)
        .map(|(name, tag, schema)| Shape {
            ts: name != "FileUpdate",
            name,
            tag,
            schema: schema.to_value(),
        })
        .collect()
}

/// The stub that holds `Policy.preset`'s overloads, and the marks around them.
pub const PYTHON_STUB: &str = "bindings-python/python/chpass/_chpass.pyi";
pub const PRESET_MARKS: (&str, &str) = (
    "    # generated: Policy.preset, one overload a preset (binding_tables)\n",
    "    # /generated",
);

/// `Policy.preset`'s overloads: each preset's name takes its own options as keywords, so
/// mypy refuses `Policy.preset("keystone", password_hash_algorithm="md5")`.
pub fn preset_overloads_python() -> String {
    let mut out = String::new();
    for (preset, name, _) in chpass::presets::option_schemas() {
        let options = if name == "NoPresetOptions" {
            String::new()
        } else {
            format!(", **options: Unpack[{name}]")
        };
        let _ = writeln!(
            out,
            "    @overload\n    @staticmethod\n    def preset(name: Literal[\"{preset}\"]{options}) -> Policy: ..."
        );
    }
    out
}

/// `PresetOptions`: each preset's name and the type of its options.
fn preset_options_ts() -> String {
    let mut out = String::from(
        "/** Each preset's options, by preset name (`Policy.preset(name, options)`). */
export interface PresetOptions {
",
    );
    for (preset, name, _) in chpass::presets::option_schemas() {
        let _ = writeln!(
            out,
            "  /** The options of `{preset}`. */\n  '{preset}': {name};"
        );
    }
    out.push_str("}\n");
    out
}

/// The members of the union tagged by `key`.
fn members<'a>(shapes: &'a [Shape], key: &'a str) -> impl Iterator<Item = &'a str> {
    shapes
        .iter()
        .filter(move |s| s.tag.is_some_and(|(k, _)| k == key))
        .map(|s| s.name.as_str())
}

pub fn ts() -> String {
    let shapes: Vec<Shape> = shapes().into_iter().filter(|s| s.ts).collect();
    // the shapes are declared in order; a reference to one (`Outcome`'s `PolicySpec`) is not
    // declared again
    let mut shared: BTreeMap<String, String> = shapes
        .iter()
        .map(|shape| (shape.name.clone(), String::new()))
        .collect();
    let mut generated = Vec::new();
    let mut out = String::new();
    for shape in &shapes {
        let defs = shape.schema["$defs"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut render = Render {
            shared: &mut shared,
            generated: &mut generated,
            defs: &defs,
        };
        if shape.schema.get("properties").is_some() || shape.tag.is_some() {
            let body = render.object(&shape.schema, "", shape.tag);
            let _ = write!(
                out,
                "{}export interface {} {body}\n\n",
                doc(&shape.schema, ""),
                shape.name
            );
        } else {
            let text = render.declaration(&shape.name, &shape.schema);
            let _ = writeln!(out, "{text}");
        }
    }
    let _ = writeln!(out, "{}", preset_options_ts());
    generated.sort();
    let out = format!(
        "// {HEADER}\n\nimport type {{ {} }} from './policy-types.js';\n\n{out}",
        generated.join(", ")
    );
    let mut out = out;
    for (key, name, doc) in UNIONS {
        let _ = write!(out, "/** {doc} */\nexport type {name} =");
        for member in members(&shapes, key) {
            let _ = write!(out, "\n  | {member}");
        }
        out.push_str(";\n\n");
    }
    out.pop();
    for text in shared.values().filter(|text| !text.is_empty()) {
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
    /// the types generated from core's tables that these refer to (in `_codes`)
    generated: &'a mut Vec<String>,
    out: &'a mut String,
    /// the doc of an object that has none of its own: its key's, or its one-key parent's
    /// (`BasicAuthBasic`, the `basic` of `BasicAuth`)
    inherited_doc: Option<String>,
}

impl PyRender<'_> {
    fn ty(&mut self, schema: &Value, name_for_object: &str) -> String {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap_or(reference).to_owned();
            let def = self.defs.get(&name).cloned().unwrap_or(Value::Null);
            if def.get("x-generated").is_some() {
                if !self.generated.contains(&name) {
                    self.generated.push(name.clone());
                }
            } else if !self.done.contains(&name) {
                self.done.push(name.clone());
                self.declare(&name, &def);
            }
            // a variant that adds keys to a shared type: a TypedDict deriving from it
            if schema.get("properties").is_some() {
                self.typed_dict_over(name_for_object, schema, None, &name);
                return name_for_object.to_owned();
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
                        // a choice tagged by a constant: `TokenOutcome` for `{outcome: "token"}`
                        let tag = choice["properties"].as_object().and_then(|p| {
                            p.values()
                                .find_map(|v| v.get("const").and_then(Value::as_str))
                        });
                        // a choice that is an object of one key: `BasicAuth` for `{basic: …}`
                        let only = choice["properties"]
                            .as_object()
                            .filter(|p| p.len() == 1)
                            .and_then(|p| p.keys().next().cloned());
                        let name = match (tag, only) {
                            (Some(tag), _) => format!("{}{name_for_object}", camel(tag)),
                            (None, Some(key)) => format!("{}{name_for_object}", camel(&key)),
                            (None, None) => name_for_object.to_owned(),
                        };
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
                "integer" => small_range(schema).map_or_else(
                    || "int".to_owned(),
                    |values| {
                        let values: Vec<String> = values.iter().map(u64::to_string).collect();
                        format!("Literal[{}]", values.join(", "))
                    },
                ),
                "number" => "float".to_owned(),
                "boolean" => "bool".to_owned(),
                "null" => "None".to_owned(),
                // a tuple arrives from JSON as a list
                "array" => match schema.get("prefixItems").and_then(Value::as_array) {
                    Some(items) => {
                        let items: Vec<String> = items
                            .iter()
                            .map(|item| self.ty(item, name_for_object))
                            .collect();
                        match items.windows(2).all(|pair| pair[0] == pair[1]) {
                            true => format!("List[{}]", items[0]),
                            false => "List[Any]".to_owned(),
                        }
                    }
                    None => format!("List[{}]", self.ty(&schema["items"], name_for_object)),
                },
                "object" if schema.get("properties").is_none() => {
                    match schema.get("additionalProperties") {
                        Some(Value::Bool(false)) | None => {
                            self.typed_dict(name_for_object, schema, None);
                            name_for_object.to_owned()
                        }
                        Some(values) => format!("Dict[str, {}]", self.ty(values, name_for_object)),
                    }
                }
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
        if def.get("properties").is_some() && def.get("$ref").is_none() {
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
        self.typed_dict_over(name, schema, tag, "TypedDict");
    }

    /// `typed_dict`, deriving from `base` (a TypedDict).
    fn typed_dict_over(
        &mut self,
        name: &str,
        schema: &Value,
        tag: Option<(&str, &str)>,
        base: &str,
    ) {
        let inherited = self.inherited_doc.take();
        // exported like the rest (`TokenOutcome`, a union's member named here)
        if !self.done.iter().any(|done| done == name) {
            self.done.push(name.to_owned());
        }
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
            let one_key = schema["properties"]
                .as_object()
                .is_some_and(|p| p.len() == 1);
            self.inherited_doc = py_doc(property).or_else(|| py_doc(schema).filter(|_| one_key));
            let ty = self.ty(property, &format!("{name}{}", camel(key)));
            self.inherited_doc = None;
            let entry = (key.clone(), ty, py_doc(property));
            if required.contains(&key.as_str()) {
                must.push(entry);
            } else {
                may.push(entry);
            }
        }
        let body = |entries: &[(String, String, Option<String>)]| {
            let mut text = String::new();
            if entries.is_empty() {
                text.push_str("    pass\n");
            }
            for (key, ty, doc) in entries {
                let _ = writeln!(text, "    {key}: {ty}");
                if let Some(doc) = doc {
                    let _ = writeln!(text, "    \"\"\"{doc}\"\"\"");
                }
            }
            text
        };
        let doc = py_doc(schema)
            .or(inherited)
            .map_or_else(String::new, |d| format!("    \"\"\"{d}\"\"\"\n\n"));
        let out = &mut *self.out;
        match (must.is_empty(), may.is_empty()) {
            (false, false) => {
                let _ = write!(
                    out,
                    "\n\nclass _{name}Required({base}):\n{}\n\nclass {name}(_{name}Required, total=False):\n{doc}{}",
                    body(&must),
                    body(&may)
                );
            }
            (false, true) => {
                let _ = write!(out, "\n\nclass {name}({base}):\n{doc}{}", body(&must));
            }
            (true, _) => {
                let _ = write!(
                    out,
                    "\n\nclass {name}({base}, total=False):\n{doc}{}",
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
    // declared in order, each once (see `ts`)
    let mut done: Vec<String> = shapes.iter().map(|shape| shape.name.clone()).collect();
    let top_level = done.len();
    let mut generated = Vec::new();
    for shape in &shapes {
        let defs = shape.schema["$defs"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut render = PyRender {
            defs: &defs,
            done: &mut done,
            generated: &mut generated,
            out: &mut body,
            inherited_doc: None,
        };
        let object = shape.schema.get("properties").is_some() || shape.schema["type"] == "object";
        if object || shape.tag.is_some() {
            render.typed_dict(&shape.name, &shape.schema, shape.tag);
        } else {
            render.declare(&shape.name, &shape.schema);
        }
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
    exported.extend(done[top_level..].iter().map(String::as_str));
    let all: String = exported.iter().map(|n| format!("    \"{n}\",\n")).collect();
    generated.sort();
    format!(
        "\"\"\"The JSON-shaped arguments, results and operations, as TypedDicts that exist at run time.\n\n{HEADER}\n\"\"\"\n\nfrom __future__ import annotations\n\nfrom typing import Any, Dict, List, Literal, Optional, TypedDict, Union\n\nfrom ._codes import {}\n\n__all__ = [\n{all}]\n{body}{unions}\n",
        generated.join(", ")
    )
}
