//! Changes a cloud's password in a clouds.yaml / secure.yaml text (`clouds.<name>.auth.password`,
//! and a `password` beside `auth`, which openstacksdk also reads) and nothing else:
//! comments, order, quoting style and every other byte stay as they were.
//!
//! Only the block layout that openstacksdk's own examples use is edited; anything else (flow
//! mappings, block scalars, anchors on the path, a key given twice) is refused rather than
//! guessed at, and every edit is read back by a YAML parser before it is returned.

use super::file_error;
use crate::error::Result;
use serde_yaml_ng::Value;

/// A located scalar: byte range of the value (quotes included) and its style.
struct Scalar {
    start: usize,
    end: usize,
    style: Style,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
}

/// The new text, or `None` when this file holds no password for `cloud`. openstacksdk reads
/// `clouds.<cloud>.auth.password`, else a `password` written beside `auth`; both change when
/// both are there, so no copy of the old password is left behind.
pub fn set_password(text: &str, cloud: &str, password: &str) -> Result<Option<String>> {
    // a byte-order mark is not part of the first key
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if body.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        return Err(file_error(
            "the file has U+0085, U+2028 or U+2029, which YAML 1.1 readers (PyYAML) take for \
             line breaks and YAML 1.2 readers do not; left alone",
        ));
    }
    let mut edited: Option<String> = None;
    for path in [
        &["clouds", cloud, "auth", "password"][..],
        &["clouds", cloud, "password"],
    ] {
        let current = edited.as_deref().unwrap_or(body);
        if let Some(next) = set_at(current, path, password)? {
            edited = Some(next);
        }
    }
    let bom = &text[..text.len() - body.len()];
    Ok(edited.map(|edited| bom.to_owned() + &edited))
}

/// The text (without a byte-order mark) with the scalar at `path` replaced, or `None` when
/// there is none.
fn set_at(text: &str, path: &[&str], password: &str) -> Result<Option<String>> {
    let Some(scalar) = locate(text, path)? else {
        if parse(text).is_ok_and(|mut doc| slot(&mut doc, path).is_some()) {
            return Err(unsure());
        }
        return Ok(None);
    };
    let encoded = encode(password, scalar.style);
    let (head, tail) = (&text[..scalar.start], &text[scalar.end..]);
    let edited = [head, &encoded, tail].concat();
    read_back(text, &edited, path, password)?;
    Ok(Some(edited))
}

/// The edit read back by a YAML parser: the new text must be the old document with
/// `password` in its place and nothing else changed. The line scan handles the layouts
/// openstacksdk's examples use; this stops whatever it misreads (another key's quoted value
/// running over lines, say) before anything is written.
fn read_back(before: &str, after: &str, path: &[&str], password: &str) -> Result<()> {
    let (Ok(mut expected), Ok(after)) = (parse(before), parse(after)) else {
        return Err(unsure());
    };
    let Some(slot) = slot(&mut expected, path) else {
        return Err(unsure());
    };
    *slot = Value::String(password.to_owned());
    if expected != after {
        return Err(unsure());
    }
    Ok(())
}

fn parse(text: &str) -> std::result::Result<Value, serde_yaml_ng::Error> {
    serde_yaml_ng::from_str(text)
}

/// The value at `path` when it is a scalar.
fn slot<'a>(doc: &'a mut Value, path: &[&str]) -> Option<&'a mut Value> {
    let slot = path
        .iter()
        .try_fold(doc, |value, key| value.get_mut(*key))?;
    let scalar = !matches!(
        slot,
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_)
    );
    scalar.then_some(slot)
}

fn unsure() -> crate::error::Error {
    file_error("this layout could not be edited with certainty; left alone")
}

/// One line: its byte offset, indentation, and the key it holds (if `key:` starts it).
struct Line<'a> {
    indent: usize,
    key: Option<String>,
    /// what follows `key:` on the line (offset into the text, and the rest)
    rest_offset: usize,
    rest: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in split_lines(text) {
        let line = raw.trim_end_matches(['\n', '\r']);
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        let (key, after) = parse_key(content);
        let rest_offset = offset + indent + after;
        out.push(Line {
            indent,
            key,
            rest_offset,
            rest: &line[indent + after..],
        });
        offset += raw.len();
    }
    out
}

/// The lines of `text`, each with its break: `\n`, `\r\n` or a lone `\r` (all three YAML's).
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let end = match rest.find(['\n', '\r']) {
            _ if rest.is_empty() => return None,
            Some(at) if rest[at..].starts_with("\r\n") => at + 2,
            Some(at) => at + 1,
            None => rest.len(),
        };
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

/// `key:` / `"key":` / `'key':` at the start of `content`; returns the key and where the
/// value part starts.
fn parse_key(content: &str) -> (Option<String>, usize) {
    if content.is_empty() || content.starts_with('#') || content.starts_with('-') {
        return (None, 0);
    }
    let (key, after_key) = match content.as_bytes()[0] {
        q @ (b'"' | b'\'') => match content[1..].find(q as char) {
            Some(end) => (content[1..1 + end].to_owned(), end + 2),
            None => return (None, 0),
        },
        _ => match content.find(':') {
            Some(end) => (content[..end].trim_end().to_owned(), end),
            None => return (None, 0),
        },
    };
    let rest = &content[after_key..];
    let Some(after_colon) = rest.strip_prefix(':') else {
        return (None, 0);
    };
    if !(after_colon.is_empty() || after_colon.starts_with([' ', '\t'])) {
        return (None, 0);
    }
    (Some(key), after_key + 1)
}

/// Blank lines, comments and the lines around a document (`---`, `...`, `%YAML`), which take
/// no part in the indentation.
fn is_blank_or_comment(line: &Line<'_>) -> bool {
    let content = line.rest.trim();
    let marker = line.indent == 0
        && (["---", "..."].contains(&strip_comment(content).trim_end())
            || content.starts_with('%'));
    is_blank(line) || (line.key.is_none() && (content.starts_with('#') || marker))
}

fn is_blank(line: &Line<'_>) -> bool {
    line.key.is_none() && line.rest.trim().is_empty()
}

/// Finds `path` (`clouds`, the cloud, maybe `auth`, then `password`) by indentation, each key
/// a child of the one before.
fn locate(text: &str, path: &[&str]) -> Result<Option<Scalar>> {
    let lines = lines(text);
    let mut parent_indent: Option<usize> = None;
    let mut from = 0;
    let mut found: Option<usize> = None;
    for (depth, key) in path.iter().enumerate() {
        found = None;
        let mut child_indent: Option<usize> = None;
        for (i, line) in lines.iter().enumerate().skip(from) {
            if is_blank_or_comment(line) {
                continue;
            }
            if let Some(parent) = parent_indent
                && line.indent <= parent
            {
                break; // left the parent mapping
            }
            let indent = *child_indent.get_or_insert(line.indent);
            if line.indent != indent {
                continue; // deeper: a grandchild
            }
            if line.key.as_deref() == Some(key) {
                if found.is_some() {
                    // readers disagree on which one counts (PyYAML: the last; serde: an error)
                    return Err(file_error(format!(
                        "`{key}` appears twice in one mapping; left alone"
                    )));
                }
                found = Some(i);
            }
        }
        let Some(i) = found else {
            return Ok(None);
        };
        let value = strip_comment(lines[i].rest).trim();
        let last = depth == path.len() - 1;
        if !last && !value.is_empty() {
            return Err(file_error(format!(
                "`{key}` is not a block mapping in this file (flow style or anchors are left alone)"
            )));
        }
        parent_indent = Some(lines[i].indent);
        from = i + 1;
    }
    let at = found.unwrap_or_default();
    let line = &lines[at];
    let value = scalar(line.rest_offset, line.rest)?;
    if value.style == Style::Plain && continues(&lines[at + 1..], line.indent) {
        // `password: abc` then a deeper `def` is the one value "abc def"
        return Err(file_error(
            "the password is a plain value spanning lines; left alone",
        ));
    }
    Ok(Some(value))
}

/// Whether a plain scalar on a line indented by `indent` goes on in the lines after it: the
/// next line that is not blank is deeper (or starts with a tab) and is not a comment, which
/// would end it.
fn continues(after: &[Line<'_>], indent: usize) -> bool {
    let Some(next) = after.iter().find(|line| !is_blank(line)) else {
        return false;
    };
    if next.key.is_some() {
        return next.indent > indent;
    }
    (next.indent > indent || next.rest.starts_with('\t'))
        && !next.rest.trim_start().starts_with('#')
}

/// The value after `password:` on its line.
fn scalar(rest_offset: usize, rest: &str) -> Result<Scalar> {
    let lead = rest.len() - rest.trim_start().len();
    let start = rest_offset + lead;
    let value = &rest[lead..];
    let unsupported = |what: &str| file_error(format!("the password is {what}; left alone"));
    match value.chars().next() {
        None => Err(unsupported("empty or on the next lines")),
        Some('\'') => {
            // '' is an escaped quote inside single quotes
            let bytes = value.as_bytes();
            let mut i = 1;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return Ok(Scalar {
                        start,
                        end: start + i + 1,
                        style: Style::Single,
                    });
                }
                i += 1;
            }
            Err(unsupported("a quoted string spanning lines"))
        }
        Some('"') => {
            let bytes = value.as_bytes();
            let mut i = 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => {
                        return Ok(Scalar {
                            start,
                            end: start + i + 1,
                            style: Style::Double,
                        });
                    }
                    _ => i += 1,
                }
            }
            Err(unsupported("a quoted string spanning lines"))
        }
        Some('|' | '>') => Err(unsupported("a block scalar")),
        Some('&' | '*' | '!' | '{' | '[') => {
            Err(unsupported("an anchor, alias, tag or flow value"))
        }
        Some(_) => {
            let plain = strip_comment(value).trim_end();
            Ok(Scalar {
                start,
                end: start + plain.len(),
                style: Style::Plain,
            })
        }
    }
}

/// A plain value ends before ` #`.
fn strip_comment(value: &str) -> &str {
    match value.find(" #") {
        Some(at) => &value[..at],
        None if value.starts_with('#') => "",
        None => value,
    }
}

/// The password as a YAML scalar in the file's style where it can be; double quotes where
/// only escapes can carry it (newlines, control characters).
fn encode(password: &str, style: Style) -> String {
    let needs_escapes = password.chars().any(needs_escape);
    match style {
        _ if needs_escapes => double_quoted(password),
        Style::Double => double_quoted(password),
        Style::Plain if plain_is_safe(password) => password.to_owned(),
        Style::Plain | Style::Single => format!("'{}'", password.replace('\'', "''")),
    }
}

fn double_quoted(password: &str) -> String {
    let mut out = String::from("\"");
    for c in password.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters a YAML reader would not give back as written in any unescaped style: control
/// characters, the YAML 1.1 line separators U+2028 and U+2029 (PyYAML, which openstacksdk
/// reads with, folds the spaces around them), and the BOM and non-characters that readers
/// refuse in a stream (PyYAML: "unacceptable character #xfffe").
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// Whether a plain (unquoted) scalar reads back as exactly this string in YAML 1.1 and 1.2
/// readers alike. Deliberately narrow: it starts with a letter and holds no character that
/// could start a comment, a mapping or a special form; booleans and null words are quoted.
fn plain_is_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let typed_word = matches!(
        value.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
    );
    first.is_alphabetic()
        && !typed_word
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || "_.-+/=@%^()~!$*&".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "clouds:\n  a:\n    auth:\n      password: old\n";

    #[test]
    fn a_password_beside_auth_changes_too() {
        let text = "clouds:\n  c:\n    password: 'top'\n    auth:\n      password: inner # k\n  \
                    d:\n    password: other\n";
        assert_eq!(
            set_password(text, "c", "new").unwrap().as_deref(),
            Some(
                "clouds:\n  c:\n    password: 'new'\n    auth:\n      password: new # k\n  \
                 d:\n    password: other\n"
            )
        );
        let beside = "clouds:\n  c:\n    auth_url: x\n    password: old\n";
        assert_eq!(
            set_password(beside, "c", "new").unwrap().as_deref(),
            Some("clouds:\n  c:\n    auth_url: x\n    password: new\n")
        );
        assert_eq!(set_password(beside, "d", "new").unwrap(), None);
    }

    #[test]
    fn what_readers_would_misread_is_refused() {
        for text in [
            "clouds:\n  a:\n    auth:\n      password: abc\n        def\n",
            "clouds:\n  a:\n    auth:\n      password: x\n      password: y\n",
            "clouds:\n  a:\n    auth:\n      note: \"x\n      password: fake\"\n",
            "clouds:\n  a:\n    auth:\n      password: x\n# \u{2028}\n",
        ] {
            let err = set_password(text, "a", "new").unwrap_err();
            assert_eq!(err.code(), "file_error", "{text}");
        }
    }

    #[test]
    fn markers_around_the_document_and_line_ends_are_kept() {
        for text in [
            "\u{FEFF}clouds:\n  a:\n    auth:\n      password: old\n",
            "%YAML 1.1\n--- # doc\nclouds:\n  a:\n    auth:\n      password: old\n...\n",
            "clouds:\r  a:\r    auth:\r      password: old\r",
        ] {
            let new = set_password(text, "a", "new").unwrap();
            assert_eq!(new.as_deref(), Some(text.replace("old", "new").as_str()));
        }
    }

    #[test]
    fn characters_readers_would_change_are_escaped() {
        let new = set_password(FILE, "a", "a \u{2028} b\u{FFFE}")
            .unwrap()
            .unwrap();
        assert!(new.contains("password: \"a \\u2028 b\\uFFFE\"\n"), "{new}");
    }
}
