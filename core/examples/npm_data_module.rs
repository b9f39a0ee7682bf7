//! Prints one of the npm package's on-demand data modules as ``export default `<text>`;``, the
//! text in the form core installs (scripts/build.sh runs it):
//! `strength` → `strength-data.js` (zxcvbn's dictionaries, for `loadStrength()`),
//! `word-list` → `word-list.js` (the EFF passphrase words, for `loadWordList()`).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (text, origin) = match std::env::args().nth(1).as_deref() {
        Some("strength") => (
            chpass::strength::dictionaries_text(),
            "zxcvbn 4.4.2's frequency lists (MIT, Dan Wheeler and Dropbox), loaded by loadStrength().",
        ),
        Some("word-list") => (
            chpass::generate::words()?.join("\n") + "\n",
            "The EFF large word list (CC BY 3.0 US, Electronic Frontier Foundation), loaded by loadWordList().",
        ),
        _ => return Err("usage: npm_data_module strength|word-list".into()),
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
