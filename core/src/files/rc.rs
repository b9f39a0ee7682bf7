//! Changes `OS_PASSWORD` in an OpenStack RC file (sh) and nothing else.

use super::file_error;
use crate::error::Result;

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

pub fn set_password(text: &str, password: &str) -> Result<RcUpdate> {
    if text.contains("read -sr OS_PASSWORD_INPUT")
        || text.contains("OS_PASSWORD=$OS_PASSWORD_INPUT")
    {
        return Ok(RcUpdate::Prompts);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(value_start) = find_assignment(rest) {
        out.push_str(&rest[..value_start]);
        let tail = &rest[value_start..];
        let end = word_end(tail)?;
        out.push_str(&sh_quote(password, tail[..end].starts_with('"')));
        rest = &tail[end..];
        changed = true;
    }
    out.push_str(rest);
    Ok(if changed {
        RcUpdate::Updated(out)
    } else {
        RcUpdate::NoPassword
    })
}

/// The next `OS_PASSWORD=` at the start of a command (after optional `export `); returns
/// the offset of its value.
fn find_assignment(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let after_export = trimmed
            .strip_prefix("export")
            .filter(|r| r.starts_with([' ', '\t']))
            .map(str::trim_start)
            .unwrap_or(trimmed);
        if let Some(value) = after_export.strip_prefix("OS_PASSWORD=") {
            return Some(offset + line.len() - value.len());
        }
        offset += line.len();
    }
    None
}

/// Where the shell word starting at `text` ends (quotes and backslashes followed as sh does).
fn word_end(text: &str) -> Result<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b';' | b'&' | b'|' | b'\r' => return Ok(i),
            b'\\' => i += 2,
            b'\'' => match text[i + 1..].find('\'') {
                Some(close) => i += close + 2,
                None => return Err(file_error("an unterminated ' in the OS_PASSWORD value")),
            },
            b'"' => {
                i += 1;
                loop {
                    match bytes.get(i) {
                        None => {
                            return Err(file_error("an unterminated \" in the OS_PASSWORD value"));
                        }
                        Some(b'\\') => i += 2,
                        Some(b'$' | b'`') => return Err(computed()),
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
            }
            b'$' | b'`' => return Err(computed()),
            _ => i += 1,
        }
    }
    Ok(bytes.len().min(i))
}

/// `$(pass show …)` and the like fetch the password elsewhere: overwriting them with the
/// literal would leak it into the file.
fn computed() -> crate::error::Error {
    file_error("OS_PASSWORD is computed ($ or `); left alone")
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
