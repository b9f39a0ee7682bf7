//! The files generated from chpass's tables (`error_types`, `violation_types`, the presets: the
//! JS and Python error modules, the TypeScript and Python types, the docs' tables) are what the
//! generator writes today. The operations' types come from their JSON Schemas: the check needs
//! the `schema` feature, which scripts/test.sh turns on.
#![cfg(feature = "schema")]

#[path = "../examples/binding_tables/render.rs"]
mod render;

#[test]
fn generated_files_are_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (path, text) in render::files(&root).expect("renders") {
        let current = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        assert!(
            current == text,
            "{path} is stale: run `cargo run -p chpass --features schema --example binding_tables`"
        );
    }
}

/// A schema's top-level property names.
fn keys(schema: &schemars::Schema) -> Vec<String> {
    let value = schema.clone().to_value();
    value["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn each_preset_lists_the_keys_of_its_options_type() {
    let types = chpass::presets::option_schemas();
    assert_eq!(types.len(), chpass::presets::ALL.len());
    for info in chpass::presets::ALL {
        let (_, _, schema) = types
            .iter()
            .find(|(name, _, _)| *name == info.name)
            .expect("every preset has an options type");
        assert_eq!(keys(schema), info.options, "{}", info.name);
    }
}

#[test]
fn the_report_schema_has_the_keys_a_report_is_written_with() {
    let (_, schema) = chpass::result_schemas()
        .into_iter()
        .find(|(name, _)| *name == "Report")
        .expect("a Report schema");
    let policy = chpass::Policy::preset("nist-800-63b", &serde_json::Value::Null).expect("preset");
    let report = serde_json::to_value(policy.validate("x", &chpass::Context::default()))
        .expect("serializes");
    let written: Vec<String> = report
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect();
    assert_eq!(keys(&schema), written);
}
