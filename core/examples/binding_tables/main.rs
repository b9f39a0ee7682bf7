//! Writes the files generated from chpass's tables — `error_types` (the JS and Python error
//! modules, their TypeScript declarations, the table of docs/errors.md) and `violation_types`
//! with the presets (the TypeScript union of violations, the Python `Literal`s, the table of
//! docs/policies.md): `binding_tables` rewrites them,
//! `binding_tables --check` fails when one is stale (core/tests/generated.rs checks it too).

mod render;

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let check = std::env::args().any(|a| a == "--check");
    let mut stale = Vec::new();
    for (path, text) in render::files(&root)? {
        let current = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if current == text {
            continue;
        }
        if check {
            stale.push(path);
        } else {
            std::fs::write(root.join(path), text)?;
            println!("wrote {path}");
        }
    }
    if !stale.is_empty() {
        return Err(format!(
            "stale, run `cargo run -p chpass --features schema --example binding_tables`: {stale:?}"
        )
        .into());
    }
    Ok(())
}
