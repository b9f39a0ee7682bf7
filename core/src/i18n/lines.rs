//! The form catalogs take inside chpass: `core/locales/<tag>.json` as one line per message,
//! `key<TAB>message`, after a first line `<tag><TAB><name>`. No message holds a tab or a
//! newline, so reading it needs no JSON parser: the npm modules that write messages carry
//! none (the strength module would grow by one), and the build converts the JSON once.
//! Shared by build.rs (`#[path]`), the crate and the npm data modules.

/// `core/locales/<tag>.json`, already parsed, as lines; `keep` picks the keys.
pub fn to_lines(
    tag: &str,
    name: &str,
    messages: &[(String, String)],
    keep: impl Fn(&str) -> bool,
) -> Result<String, String> {
    let mut out = format!("{tag}\t{name}\n");
    // sorted by key, so that a reader can search it as it is
    let mut messages: Vec<_> = messages.iter().filter(|(key, _)| keep(key)).collect();
    messages.sort_by(|a, b| a.0.cmp(&b.0));
    for (key, message) in messages {
        if [key, message]
            .iter()
            .any(|s| s.contains(['\t', '\n', '\r']))
        {
            return Err(format!("{tag} {key}: a tab or a line break"));
        }
        out.push_str(key);
        out.push('\t');
        out.push_str(message);
        out.push('\n');
    }
    Ok(out)
}
