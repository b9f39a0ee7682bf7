//! Reads `[security_compliance]` from a keystone.conf the way oslo.config does: `=` or `:`
//! separators, `#`/`;` comment lines, indented continuation lines, matching outer quotes
//! stripped, the last assignment winning, and `$$` / `\$` read as a literal `$`.

use crate::error::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecurityCompliance {
    pub password_regex: Option<String>,
    pub password_regex_description: Option<String>,
}

const SECTION: &str = "security_compliance";

impl SecurityCompliance {
    pub fn parse(text: &str) -> Result<Self> {
        let mut conf = SecurityCompliance::default();
        let mut section = String::new();
        // the assignment being read: key and its lines
        let mut pending: Option<(String, Vec<String>)> = None;

        let mut flush = |pending: &mut Option<(String, Vec<String>)>, section: &str| {
            if let Some((key, lines)) = pending.take()
                && section == SECTION
            {
                conf.assign(&key, lines.join("\n"))?;
            }
            Ok::<(), Error>(())
        };

        for (number, raw) in text.lines().enumerate() {
            let line = raw.trim_end();
            if line.is_empty() {
                flush(&mut pending, &section)?;
                continue;
            }
            if line.starts_with([' ', '\t']) {
                match pending.as_mut() {
                    Some((_, lines)) => lines.push(line.trim_start().to_owned()),
                    None => return Err(conf_error(number, "unexpected continuation line")),
                }
                continue;
            }
            flush(&mut pending, &section)?;
            if let Some(rest) = line.strip_prefix('[') {
                let name = rest
                    .strip_suffix(']')
                    .ok_or_else(|| conf_error(number, "unterminated section header"))?;
                section = name.to_owned();
            } else if !line.starts_with(['#', ';']) {
                let (key, value) = split_key_value(line)
                    .ok_or_else(|| conf_error(number, "expected `key = value`"))?;
                if key.is_empty() {
                    return Err(conf_error(number, "empty key"));
                }
                pending = Some((key.to_owned(), vec![value]));
            }
        }
        flush(&mut pending, &section)?;
        Ok(conf)
    }

    fn assign(&mut self, key: &str, value: String) -> Result<()> {
        let slot = match key {
            "password_regex" => &mut self.password_regex,
            "password_regex_description" => &mut self.password_regex_description,
            _ => return Ok(()),
        };
        *slot = Some(substitute(key, &value)?);
        Ok(())
    }
}

fn conf_error(line_index: usize, reason: &str) -> Error {
    Error::invalid_policy(
        "keystone.conf",
        format!("line {}: {reason}", line_index + 1),
    )
}

/// oslo.config's iniparser: the first of `=` or `:` separates; outer matching quotes go.
fn split_key_value(line: &str) -> Option<(&str, String)> {
    let at = line.find(['=', ':'])?;
    let key = line[..at].trim();
    let mut value = line[at + 1..].trim();
    let quoted = value.len() >= 2
        && (value.starts_with('"') || value.starts_with('\''))
        && value.as_bytes()[0] == value.as_bytes()[value.len() - 1];
    if quoted {
        value = &value[1..value.len() - 1];
    }
    Some((key, value.to_owned()))
}

/// oslo.config's template step: `\$` and `$$` are a literal `$`; `$name` and `${name}` would
/// be replaced by another option's value, which a password policy never means, so they are
/// refused rather than guessed.
fn substitute(key: &str, value: &str) -> Result<String> {
    let value = value.replace(r"\$", "$$");
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('$') => {
                chars.next();
                out.push('$');
            }
            Some(&next) if next == '{' || next == '_' || next.is_ascii_alphabetic() => {
                return Err(Error::invalid_policy(
                    format!("keystone.conf [{SECTION}] {key}"),
                    "oslo.config would substitute `$name` here; write `$$` for a literal `$`",
                ));
            }
            _ => out.push('$'),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_section_like_oslo_config() {
        let conf = SecurityCompliance::parse(
            "[DEFAULT]\npassword_regex = nope\n\n[security_compliance]\n# comment\n\
             password_regex = ^(?=.*\\d)(?=.*[a-zA-Z]).{7,}$\n\
             password_regex_description: 'letters and digits,\n  at least 7'\n",
        )
        .unwrap();
        assert_eq!(
            conf.password_regex.as_deref(),
            Some(r"^(?=.*\d)(?=.*[a-zA-Z]).{7,}$")
        );
        // the quotes are not outer on the first line alone, so they stay
        assert_eq!(
            conf.password_regex_description.as_deref(),
            Some("'letters and digits,\nat least 7'")
        );
    }

    #[test]
    fn dollar_escapes_and_substitutions() {
        let conf = SecurityCompliance::parse("[security_compliance]\npassword_regex = a\\$b$$c$\n")
            .unwrap();
        assert_eq!(conf.password_regex.as_deref(), Some("a$b$c$"));
        let err = SecurityCompliance::parse("[security_compliance]\npassword_regex = $foo\n");
        assert_eq!(err.unwrap_err().code(), "invalid_policy");
    }
}
