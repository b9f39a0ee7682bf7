//! Changes `OS_PASSWORD` in an OpenStack RC file (sh) and nothing else.
//!
//! The file is split into commands and words as sh splits it (quotes, escapes, comments,
//! here-documents, `$(…)`), so every real assignment changes — `export OS_PASSWORD=…`, one
//! among several (`export OS_USERNAME=u OS_PASSWORD=p`), after `readonly` or `declare`, or
//! before a command — and text that only looks like one (in a here-document, a string, a
//! comment, an `echo`) does not.

use super::file_error;
use crate::error::{Error, Result};
use std::ops::Range;

/// What an RC file holds for the password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RcUpdate {
    /// The new text.
    Updated(String),
    /// Horizon's template prompts (`read -sr OS_PASSWORD_INPUT`): no password to update.
    Prompts,
    /// No `OS_PASSWORD=` assignment.
    NoPassword,
}

const ASSIGNMENT: &str = "OS_PASSWORD=";

pub fn set_password(text: &str, password: &str) -> Result<RcUpdate> {
    if password.contains('\0') {
        // sh strings end at NUL: the file would give back a different password
        return Err(Error::invalid_argument(
            "password",
            "an RC file cannot hold a NUL character (sh drops it)",
        ));
    }
    if text.contains("read -sr OS_PASSWORD_INPUT")
        || text.contains("OS_PASSWORD=$OS_PASSWORD_INPUT")
    {
        return Ok(RcUpdate::Prompts);
    }
    let values = password_values(text)?;
    if values.is_empty() {
        return Ok(RcUpdate::NoPassword);
    }
    let mut out = String::with_capacity(text.len() + values.len() * password.len());
    let mut copied = 0;
    for value in values {
        out.push_str(&text[copied..value.start]);
        out.push_str(&sh_quote(password, text[value.clone()].starts_with('"')));
        copied = value.end;
    }
    out.push_str(&text[copied..]);
    Ok(RcUpdate::Updated(out))
}

/// Where a word sits in its command, which decides whether `NAME=value` assigns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    /// Before the command name: reserved words and assignments may come.
    Start,
    /// After `export`, `readonly`, `declare`, `typeset` or `local`: arguments assign too.
    Declaration,
    /// After any other command name: arguments are only text.
    Arguments,
}

/// The byte ranges of every `OS_PASSWORD=` value that sh would assign.
fn password_values(text: &str) -> Result<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let mut values = Vec::new();
    let mut heredocs: Vec<(String, bool)> = Vec::new();
    let mut position = Position::Start;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\\' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'\n' => {
                i = skip_heredocs(text, i + 1, &mut heredocs);
                position = Position::Start;
            }
            b'#' => i = text[i..].find('\n').map_or(bytes.len(), |n| i + n),
            b';' | b'&' | b'|' | b'(' | b')' => {
                i += 1;
                position = Position::Start;
            }
            b'<' | b'>' => i = redirection(text, i, &mut heredocs)?,
            _ => {
                let (end, expands) = word_end(text, i)?;
                let word = &text[i..end];
                if position != Position::Arguments && word.starts_with(ASSIGNMENT) {
                    if expands {
                        // `$(pass show …)` fetches the password elsewhere: overwriting it with
                        // the literal would leak it into the file
                        return Err(file_error("OS_PASSWORD is computed ($ or `); left alone"));
                    }
                    values.push(i + ASSIGNMENT.len()..end);
                }
                position = next_position(position, word);
                i = end;
            }
        }
    }
    Ok(values)
}

fn next_position(position: Position, word: &str) -> Position {
    let assignment = word.split_once('=').is_some_and(|(name, _)| is_name(name));
    match position {
        Position::Start if assignment => Position::Start,
        Position::Start => match word {
            "if" | "then" | "else" | "elif" | "do" | "while" | "until" | "!" | "{" | "time" => {
                Position::Start
            }
            "export" | "readonly" | "declare" | "typeset" | "local" => Position::Declaration,
            _ => Position::Arguments,
        },
        other => other,
    }
}

fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// Past a redirection operator and its target word; a here-document's delimiter is noted
/// for the next line.
fn redirection(text: &str, start: usize, heredocs: &mut Vec<(String, bool)>) -> Result<usize> {
    let rest = &text[start..];
    let heredoc = rest.starts_with("<<") && !rest.starts_with("<<<");
    let strip_tabs = heredoc && rest[2..].starts_with('-');
    let operator = rest
        .find(|c: char| !matches!(c, '<' | '>' | '&' | '|' | '-'))
        .unwrap_or(rest.len());
    let mut i = start + operator;
    i += text[i..].len() - text[i..].trim_start_matches([' ', '\t']).len();
    let (end, _) = word_end(text, i)?;
    if heredoc {
        let delimiter: String = text[i..end]
            .chars()
            .filter(|c| !matches!(c, '\'' | '"' | '\\'))
            .collect();
        heredocs.push((delimiter, strip_tabs));
    }
    Ok(end)
}

/// Past the bodies of the here-documents opened on the line that ended at `start`.
fn skip_heredocs(text: &str, start: usize, heredocs: &mut Vec<(String, bool)>) -> usize {
    let mut i = start;
    for (delimiter, strip_tabs) in heredocs.drain(..) {
        while i < text.len() {
            let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            let mut line = text[i..line_end].trim_end_matches('\r');
            if strip_tabs {
                line = line.trim_start_matches('\t');
            }
            i = (line_end + 1).min(text.len());
            if line == delimiter {
                break;
            }
        }
    }
    i
}

/// Where the sh word starting at `start` ends, and whether it expands anything (`$`, `` ` ``).
fn word_end(text: &str, start: usize) -> Result<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut expands = false;
    let mut i = start;
    while let Some(&byte) = bytes.get(i) {
        i = match byte {
            b' ' | b'\t' | b'\r' | b'\n' | b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>' => break,
            b'\\' => i + 2,
            b'\'' => closing(text, i + 1, b'\'')? + 1,
            b'"' => {
                let (end, inner) = double_quoted_end(text, i + 1)?;
                expands |= inner;
                end
            }
            b'$' | b'`' => {
                expands = true;
                expansion_end(text, i)?
            }
            _ => i + 1,
        };
    }
    Ok((i.min(bytes.len()), expands))
}

/// Past the `"` that closes a double-quoted string whose text starts at `start`.
fn double_quoted_end(text: &str, start: usize) -> Result<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut expands = false;
    let mut i = start;
    loop {
        i = match bytes.get(i) {
            None => return Err(unterminated('"')),
            Some(b'"') => return Ok((i + 1, expands)),
            Some(b'\\') => i + 2,
            Some(b'$' | b'`') => {
                expands = true;
                expansion_end(text, i)?
            }
            Some(_) => i + 1,
        };
    }
}

/// Past `$(…)`, `${…}`, `` `…` `` or a plain `$`, at `start`.
fn expansion_end(text: &str, start: usize) -> Result<usize> {
    let bytes = text.as_bytes();
    let (open, close) = match (bytes[start], bytes.get(start + 1)) {
        (b'`', _) => return Ok(closing(text, start + 1, b'`')? + 1),
        (_, Some(b'(')) => (b'(', b')'),
        (_, Some(b'{')) => (b'{', b'}'),
        _ => return Ok(start + 1),
    };
    let mut depth = 0usize;
    let mut i = start + 1;
    while let Some(&byte) = bytes.get(i) {
        i = match byte {
            b'\\' => i + 2,
            b'\'' => closing(text, i + 1, b'\'')? + 1,
            b'"' => double_quoted_end(text, i + 1)?.0,
            b if b == open => {
                depth += 1;
                i + 1
            }
            b if b == close => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
                i + 1
            }
            _ => i + 1,
        };
    }
    Err(unterminated(close as char))
}

/// The offset of the next `quote` from `start` (quotes that take no escapes: `'`, `` ` ``).
fn closing(text: &str, start: usize, quote: u8) -> Result<usize> {
    text.as_bytes()[start.min(text.len())..]
        .iter()
        .position(|&b| b == quote)
        .map(|n| start + n)
        .ok_or_else(|| unterminated(quote as char))
}

fn unterminated(quote: char) -> Error {
    file_error(format!("an unterminated {quote} in the file; left alone"))
}

/// The password as one sh word, read back exactly by `.` / `source`: double quotes when the
/// file used them (escaping `\ " $ \``), single quotes otherwise (`'` written as `'\''`).
fn sh_quote(password: &str, double: bool) -> String {
    if double {
        let mut out = String::from("\"");
        for c in password.chars() {
            if matches!(c, '\\' | '"' | '$' | '`') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
        out
    } else {
        format!("'{}'", password.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn updated(text: &str) -> String {
        match set_password(text, "new").unwrap() {
            RcUpdate::Updated(text) => text,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_assignment_changes_and_nothing_that_only_looks_like_one() {
        let text = "export OS_USERNAME=u OS_PASSWORD=old # c\n\
                    cat <<EOF\nOS_PASSWORD=fake\nEOF\n\
                    echo OS_PASSWORD=fake\n\
                    X=\"a\nOS_PASSWORD=fake\"\n\
                    if true; then readonly OS_PASSWORD=\"old\"; fi\n";
        assert_eq!(
            updated(text),
            "export OS_USERNAME=u OS_PASSWORD='new' # c\n\
             cat <<EOF\nOS_PASSWORD=fake\nEOF\n\
             echo OS_PASSWORD=fake\n\
             X=\"a\nOS_PASSWORD=fake\"\n\
             if true; then readonly OS_PASSWORD=\"new\"; fi\n"
        );
    }

    #[test]
    fn computed_passwords_and_unterminated_quotes_are_left_alone() {
        for text in [
            "export OS_PASSWORD=$(pass show os)\n",
            "export OS_PASSWORD=\"${SECRET}\"\n",
            "export OS_PASSWORD='old\n",
        ] {
            let err = set_password(text, "new").unwrap_err();
            assert_eq!(err.code(), "file_error", "{text}");
        }
        let err = set_password("export OS_PASSWORD=old\n", "a\0b").unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
    }
}
