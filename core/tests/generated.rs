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
