//! Prints one of the npm package's on-demand data modules as ``export default `<text>`;``, the
//! text in the form core installs (scripts/build.sh runs it):
//! `strength` → `strength-data.js` (zxcvbn's dictionaries, for `chpass/strength`),
//! `meter [base]` → `meter-data.js` (the same with coarse ranks, for `chpass/meter`; `base` is
//! the buckets' ratio, `COARSE_BASE` unless `bench/strength_rank.mjs` tries another),
//! `word-list` → `word-list.js` (the EFF passphrase words, for `loadWordList()`),
//! `constants` → `constants.js` (the presets, the error codes, the languages, the redaction mark
//! and the `not_ready` messages, which the JS layer needs before any wasm is loaded),
//! `locale <tag>` → `locales/<tag>.js` (a message catalog, which a page imports for its language).
//!
//! `<part> --types` prints the module's TypeScript declarations instead, which the package's
//! TypeScript sources compile against.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::args().any(|arg| arg == "--types") {
        return types(std::env::args().nth(1).as_deref());
    }
    let (text, origin) = match std::env::args().nth(1).as_deref() {
        Some("strength") => (
            chpass::strength::dictionaries_text(),
            "zxcvbn 4.4.2's frequency lists (MIT, Dan Wheeler and Dropbox), loaded by chpass/strength's ready().",
        ),
        Some("meter") => (
            chpass::strength::coarse_dictionaries_text(match std::env::args().nth(2) {
                Some(base) => base.parse()?,
                None => chpass::strength::COARSE_BASE,
            }),
            "zxcvbn 4.4.2's frequency lists (MIT, Dan Wheeler and Dropbox) with coarse ranks, loaded by chpass/meter's ready().",
        ),
        Some("word-list") => (
            chpass::generate::words()?.join("\n") + "\n",
            "The EFF large word list (CC BY 3.0 US, Electronic Frontier Foundation), loaded by loadWordList().",
        ),
        Some("constants") => return constants(),
        Some("locale") => return locale(&std::env::args().nth(2).unwrap_or_default()),
        _ => {
            return Err(
                "usage: npm_data_module strength|meter [base]|word-list|constants|locale <tag>"
                    .into(),
            );
        }
    };
    println!("// {origin}");
    println!("export default `{}`;", template_literal_body(&text));
    Ok(())
}

/// The text as a template literal's body. A template literal keeps the newlines as they are,
/// where a JSON string writes each as `\n`: zxcvbn's dictionaries gzip 11 KB smaller. A
/// backslash, a backtick and `${` are escaped, and so is a carriage return, which a template
/// literal would read as a newline.
fn template_literal_body(text: &str) -> String {
    let mut body = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' => body.extend(['\\', c]),
            '$' if chars.peek() == Some(&'{') => body.push_str("\\$"),
            '\r' => body.push_str("\\r"),
            _ => body.push(c),
        }
    }
    body
}

/// The npm package's entry points, for their `not_ready` messages.
const ENTRIES: [&str; 5] = [
    "chpass",
    "chpass/hash",
    "chpass/client",
    "chpass/strength",
    "chpass/meter",
];

fn constants() -> Result<(), Box<dyn std::error::Error>> {
    let not_ready: serde_json::Map<String, serde_json::Value> = ENTRIES
        .iter()
        .map(|entry| {
            let error = chpass::Error::NotReady {
                entry: (*entry).into(),
            };
            ((*entry).into(), error.to_string().into())
        })
        .collect();
    println!(
        "// Data from Rust (core/examples/npm_data_module.rs): usable before any wasm is loaded."
    );
    let presets = serde_json::to_string(chpass::presets::ALL)?;
    println!("export const PRESETS = Object.freeze({presets}.map(Object.freeze));");
    let codes = serde_json::to_string(chpass::Error::CODES)?;
    println!("export const ERROR_CODES = Object.freeze({codes});");
    let redacted = serde_json::to_string(chpass::secret::REDACTED)?;
    println!("export const REDACTED = {redacted};");
    let not_ready = serde_json::to_string(&not_ready)?;
    println!("export const NOT_READY = {not_ready};");
    let locales = serde_json::to_string(chpass::i18n::LANGUAGES)?;
    println!("export const LOCALES = Object.freeze({locales});");
    Ok(())
}

/// The declarations of a part's module.
fn types(part: Option<&str>) -> Result<(), Box<dyn std::error::Error>> {
    match part {
        Some("strength" | "meter" | "word-list") => {
            println!("declare const text: string;");
            println!("export default text;");
        }
        Some("constants") => {
            let entries = ENTRIES.map(|entry| format!("'{entry}'")).join(" | ");
            println!("import type {{ ErrorCode }} from './errors.js';");
            println!("import type {{ Locale }} from './policy-types.js';");
            println!("import type {{ PresetInfo }} from './shapes.js';");
            println!("export declare const PRESETS: readonly PresetInfo[];");
            println!("export declare const ERROR_CODES: readonly ErrorCode[];");
            println!("export declare const REDACTED: string;");
            println!("export declare const NOT_READY: Record<{entries}, string>;");
            println!("export declare const LOCALES: readonly Locale[];");
        }
        Some("locale") => println!("export {{}};"),
        _ => {
            return Err(
                "usage: npm_data_module strength|meter|word-list|constants|locale --types".into(),
            );
        }
    }
    Ok(())
}

/// A catalog as a module that hands it to every module writing messages, when imported.
fn locale(tag: &str) -> Result<(), Box<dyn std::error::Error>> {
    if !chpass::i18n::LANGUAGES.contains(&tag) {
        return Err(format!("no catalog {tag:?}").into());
    }
    let path = format!("{}/locales/{tag}.json", env!("CARGO_MANIFEST_DIR"));
    // the line form core reads with no JSON parser (core/src/i18n/lines.rs)
    let lines = chpass::i18n::catalog_lines(&std::fs::read_to_string(path)?)?;
    println!(
        "// chpass's messages in {tag} (core/locales/{tag}.json): `import 'chpass/locales/{tag}'`"
    );
    println!("import {{ provideCatalog }} from '../lib/load.js';");
    println!("provideCatalog(`{}`);", template_literal_body(&lines));
    Ok(())
}
