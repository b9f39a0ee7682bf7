//! Changes `clouds.<name>.auth.password` in a clouds.yaml / secure.yaml text and nothing else:
//! comments, order, quoting style and every other byte stay as they were.
//!
//! Only the block layout that openstacksdk's own examples use is edited; anything else (flow
//! mappings, block scalars, anchors on the path) is refused rather than guessed at.

use super::file_error;
use crate::error::Result;

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

/// The new text, or `None` when this file has no `clouds.<cloud>.auth.password`.
pub fn set_password(text: &str, cloud: &str, password: &str) -> Result<Option<String>> {
    let Some(scalar) = locate(text, cloud)? else {
        return Ok(None);
    };
    let encoded = encode(password, scalar.style);
    let mut out = String::with_capacity(text.len() + encoded.len());
    out.push_str(&text[..scalar.start]);
    out.push_str(&encoded);
    out.push_str(&text[scalar.end..]);
    Ok(Some(out))
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
    for raw in text.split_inclusive('\n') {
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

fn is_blank_or_comment(line: &Line<'_>) -> bool {
    let content = line.rest.trim();
    line.key.is_none() && (content.is_empty() || content.starts_with('#'))
}

/// Finds `path` (clouds, cloud, auth, password) by indentation, each key a child of the one before.
fn locate(text: &str, cloud: &str) -> Result<Option<Scalar>> {
    let lines = lines(text);
    let path = ["clouds", cloud, "auth", "password"];
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
            if line.key.as_deref() == Some(*key) {
                found = Some(i);
                break;
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
    let line = &lines[found.unwrap_or_default()];
    scalar(line.rest_offset, line.rest).map(Some)
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
    let needs_escapes = password.chars().any(|c| c.is_control());
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
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
