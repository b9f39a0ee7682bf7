//! Writes the files generated from `chpass::error_types` (the JS and Python error modules, the
//! TypeScript declarations and the table of docs/errors.md): `binding_errors` rewrites them,
//! `binding_errors --check` fails when one is stale (core/tests/generated.rs checks it too).

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
            "stale, run `cargo run -p chpass --example binding_errors`: {stale:?}"
        )
        .into());
    }
    Ok(())
}
