//! The message catalogs (`locales/<tag>.json`) in the line form chpass reads (src/i18n/lines.rs),
//! written to `$OUT_DIR/catalogs/<tag>.txt`. For wasm32 English keeps only the violations and
//! notices: the npm modules never show the command's words or error sentences, and zxcvbn's
//! feedback in English is chpass-strength's own (core/tests/i18n.rs checks they are the same).

#[path = "src/i18n/lines.rs"]
#[allow(dead_code)]
mod lines;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("locales");
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("catalogs");
    std::fs::create_dir_all(&out)?;
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    println!("cargo::rerun-if-changed=locales");
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        println!("cargo::rerun-if-changed={}", path.display());
        let bad = |what: &str| format!("{}: {what}", path.display());
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)
            .map_err(|e| bad(&e.to_string()))?;
        let field = |name: &str| doc[name].as_str().ok_or_else(|| bad(&format!("no {name}")));
        let (tag, name) = (field("tag")?, field("name")?);
        let messages = doc["messages"]
            .as_object()
            .ok_or_else(|| bad("no messages"))?
            .iter()
            .map(|(k, v)| Ok((k.clone(), v.as_str().ok_or_else(|| bad(k))?.to_owned())))
            .collect::<Result<Vec<_>, String>>()?;
        let keep = |key: &str| {
            !wasm || tag != "en" || key.starts_with("violation.") || key.starts_with("notice.")
        };
        let lines = lines::to_lines(tag, name, &messages, keep)?;
        std::fs::write(out.join(format!("{tag}.txt")), lines)?;
    }
    Ok(())
}
