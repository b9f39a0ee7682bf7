//! Reads the password options from a keystone.conf (`[security_compliance] password_regex`
//! and `password_regex_description`, `[identity] max_password_length` and
//! `password_hash_algorithm`, `[DEFAULT] strict_password_check`) the way oslo.config does (its
//! `iniparser` and `ConfigParser`, then the template step on the value read):
//! - lines end at `\n`, `\r\n` or a lone `\r` (Python's universal newlines);
//! - whitespace is Python's (`str.strip`), which also counts U+001C..U+001F;
//! - `=` or `:`, whichever comes first, separates; matching outer quotes are stripped;
//! - `#`/`;` lines are comments; indented lines continue the value; a blank line ends it;
//! - section names match in any case; the last assignment wins;
//! - `$$` and `\$` are a literal `$`.
//!
//! What oslo.config refuses (an assignment before any section, `[]`, a `$name` template) is
//! refused here too, since Keystone would not start or not answer.

use crate::error::{Error, Result};
use chpass_regex::python_space;

/// What `keystone.conf` says about passwords, read as oslo.config reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecurityCompliance {
    /// `[security_compliance] password_regex`, as written.
    pub password_regex: Option<String>,
    /// `[security_compliance] password_regex_description`, as written.
    pub password_regex_description: Option<String>,
    /// `[identity] max_password_length`, as written (the preset reads it as oslo.config does).
    pub max_password_length: Option<String>,
    /// `[identity] password_hash_algorithm`, as written.
    pub password_hash_algorithm: Option<String>,
    /// `[DEFAULT] strict_password_check`, as written.
    pub strict_password_check: Option<String>,
}

const SECTION: &str = "security_compliance";

/// A key and the lines of its value, read up to the next key, section, comment or blank line.
struct Assignment {
    /// the index of the line the key is on
    at: usize,
    key: String,
    lines: Vec<String>,
}

impl SecurityCompliance {
    /// Reads the keys from a `keystone.conf`'s text; what oslo.config would refuse is an
    /// `invalid_policy`.
    pub fn parse(text: &str) -> Result<Self> {
        let mut raw = SecurityCompliance::default();
        let mut section: Option<String> = None;
        let mut pending: Option<Assignment> = None;
        let mut flush = |pending: &mut Option<Assignment>, section: &Option<String>| {
            let Some(Assignment { at, key, lines }) = pending.take() else {
                return Ok(());
            };
            let section = section
                .as_deref()
                .ok_or_else(|| conf_error(at, "an assignment before any section"))?;
            raw.assign(&section.to_lowercase(), &key, lines.join("\n"));
            Ok(())
        };

        for (number, line) in universal_lines(text).enumerate() {
            let line = line.trim_end_matches(python_space);
            if line.is_empty() {
                flush(&mut pending, &section)?;
                continue;
            }
            if line.starts_with([' ', '\t']) {
                match pending.as_mut() {
                    Some(assignment) => assignment
                        .lines
                        .push(line.trim_start_matches(python_space).to_owned()),
                    None => return Err(conf_error(number, "unexpected continuation line")),
                }
                continue;
            }
            flush(&mut pending, &section)?;
            if line.starts_with('[') {
                let name = line
                    .strip_prefix('[')
                    .and_then(|rest| rest.strip_suffix(']'))
                    .ok_or_else(|| conf_error(number, "unterminated section header"))?;
                if name.is_empty() {
                    return Err(conf_error(number, "empty section name"));
                }
                section = Some(name.to_owned());
            } else if !line.starts_with(['#', ';']) {
                let (key, value) = split_key_value(line)
                    .ok_or_else(|| conf_error(number, "expected `key = value`"))?;
                if key.is_empty() {
                    return Err(conf_error(number, "empty key"));
                }
                pending = Some(Assignment {
                    at: number,
                    key: key.to_owned(),
                    lines: vec![value.to_owned()],
                });
            }
        }
        flush(&mut pending, &section)?;
        // oslo.config substitutes the value it returns, not the ones it overrode
        Ok(SecurityCompliance {
            password_regex: substitute_option(
                "[security_compliance] password_regex",
                raw.password_regex,
            )?,
            password_regex_description: substitute_option(
                "[security_compliance] password_regex_description",
                raw.password_regex_description,
            )?,
            max_password_length: substitute_option(
                "[identity] max_password_length",
                raw.max_password_length,
            )?,
            password_hash_algorithm: substitute_option(
                "[identity] password_hash_algorithm",
                raw.password_hash_algorithm,
            )?,
            strict_password_check: substitute_option(
                "[DEFAULT] strict_password_check",
                raw.strict_password_check,
            )?,
        })
    }

    fn assign(&mut self, section: &str, key: &str, value: String) {
        let slot = match (section, key) {
            (SECTION, "password_regex") => &mut self.password_regex,
            (SECTION, "password_regex_description") => &mut self.password_regex_description,
            ("identity", "max_password_length") => &mut self.max_password_length,
            ("identity", "password_hash_algorithm") => &mut self.password_hash_algorithm,
            ("default", "strict_password_check") => &mut self.strict_password_check,
            _ => return,
        };
        *slot = Some(value);
    }
}

/// An `IntOpt` as oslo.config reads it (Python's `int` of the stripped text: a sign, digits,
/// single underscores between them). Unicode digits, which `int` also takes, are refused.
pub(crate) fn int_option(label: &'static str) -> impl Fn(&str) -> Result<usize> {
    move |text| {
        let text = text.trim_matches(python_space);
        let digits = text.strip_prefix('+').unwrap_or(text);
        let well_formed = !digits.is_empty()
            && !digits.starts_with('_')
            && !digits.ends_with('_')
            && !digits.contains("__")
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_');
        well_formed
            .then(|| digits.replace('_', "").parse::<usize>().ok())
            .flatten()
            .ok_or_else(|| {
                Error::invalid_policy(
                    format!("keystone.conf {label}"),
                    format!("{text:?} is not an integer"),
                )
            })
    }
}

/// A `BoolOpt` as oslo.config reads it: true/1/on/yes or false/0/off/no, in any case.
pub(crate) fn bool_option(label: &'static str) -> impl Fn(&str) -> Result<bool> {
    move |text| match text.to_lowercase().as_str() {
        "true" | "1" | "on" | "yes" => Ok(true),
        "false" | "0" | "off" | "no" => Ok(false),
        _ => Err(Error::invalid_policy(
            format!("keystone.conf {label}"),
            format!("unexpected boolean value {text:?}"),
        )),
    }
}

fn conf_error(line_index: usize, reason: &str) -> Error {
    Error::invalid_policy(
        "keystone.conf",
        format!("line {}: {reason}", line_index + 1),
    )
}

/// The lines Python's text mode reads: `\r\n`, `\r` and `\n` each end one.
fn universal_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, next) = match rest.find(['\r', '\n']) {
            None => (rest, ""),
            Some(at) if rest[at..].starts_with("\r\n") => (&rest[..at], &rest[at + 2..]),
            Some(at) => (&rest[..at], &rest[at + 1..]),
        };
        rest = next;
        Some(line)
    })
}

/// oslo.config's iniparser: the first of `=` or `:` separates; outer matching quotes go.
fn split_key_value(line: &str) -> Option<(&str, &str)> {
    let at = line.find(['=', ':'])?;
    let key = line[..at].trim_matches(python_space);
    let value = line[at + 1..].trim_matches(python_space);
    let quoted = (value.starts_with('"') && value.ends_with('"'))
        || (value.starts_with('\'') && value.ends_with('\''));
    // a lone quote is its own first and last character: Python's value[1:-1] leaves ""
    let value = if quoted {
        value.get(1..value.len() - 1).unwrap_or("")
    } else {
        value
    };
    Some((key, value))
}

fn substitute_option(key: &str, value: Option<String>) -> Result<Option<String>> {
    value.map(|value| substitute(key, &value)).transpose()
}

/// oslo.config's template step (a `string.Template` whose names are `[_a-z][._a-z0-9]*`,
/// any case): `\$` and `$$` are a literal `$`; `$name` and `${name}` would be replaced by
/// another option's value, which a password policy never means, so they are refused rather
/// than guessed; any other `$` stays as it is.
fn substitute(key: &str, value: &str) -> Result<String> {
    let value = value.replace(r"\$", "$$");
    let mut out = String::with_capacity(value.len());
    let mut rest = value.as_str();
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(next) = after.strip_prefix('$') {
            out.push('$');
            rest = next;
        } else if names_an_option(after) {
            return Err(Error::invalid_policy(
                format!("keystone.conf {key}"),
                "oslo.config would substitute `$name` here; write `$$` for a literal `$`",
            ));
        } else {
            out.push('$');
            rest = after;
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether the text after a `$` is a template name, bare or in braces. Python matches the
/// name case-insensitively, so four non-ASCII letters that fold to ASCII ones start one too:
/// İ, ı, ſ and the Kelvin sign.
fn names_an_option(after: &str) -> bool {
    let folds_to_ascii = |c: char| matches!(c, '\u{130}' | '\u{131}' | '\u{17f}' | '\u{212a}');
    let starts_name = |c: char| c == '_' || c.is_ascii_alphabetic() || folds_to_ascii(c);
    let in_name = |c: char| starts_name(c) || c == '.' || c.is_ascii_digit();
    if after.starts_with(starts_name) {
        return true;
    }
    after
        .strip_prefix('{')
        .filter(|name| name.starts_with(starts_name))
        .and_then(|name| name.trim_start_matches(in_name).strip_prefix('}'))
        .is_some()
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

    fn regex_of(text: &str) -> Option<String> {
        SecurityCompliance::parse(text).unwrap().password_regex
    }

    fn refused(text: &str) -> bool {
        SecurityCompliance::parse(text).is_err_and(|e| e.code() == "invalid_policy")
    }

    #[test]
    fn lines_and_whitespace_are_pythons() {
        // a lone CR ends a line; U+001C..U+001F are whitespace to str.strip
        assert_eq!(
            regex_of("[security_compliance]\rpassword_regex = a\x1c\r\x0c\r"),
            Some("a".into())
        );
        // quotes are outer once the trailing U+001F is stripped; a lone quote leaves ""
        assert_eq!(
            regex_of("[security_compliance]\npassword_regex = 'a b'\x1f\n"),
            Some("a b".into())
        );
        assert_eq!(
            regex_of("[security_compliance]\npassword_regex = \"\n"),
            Some(String::new())
        );
        // U+2028 and U+0085 do not end a line in a file
        assert_eq!(
            regex_of("[security_compliance]\npassword_regex = a\u{2028}b\u{85}c\n"),
            Some("a\u{2028}b\u{85}c".into())
        );
    }

    #[test]
    fn sections_match_in_any_case_and_the_last_assignment_wins() {
        let text = "[Security_Compliance]\npassword_regex = $x\n[identity]\npassword_regex = no\n\
                    [SECURITY_COMPLIANCE]\npassword_regex = b\n";
        // the overridden `$x` is never substituted, so it is no error
        assert_eq!(regex_of(text), Some("b".into()));
    }

    #[test]
    fn refuses_what_oslo_config_refuses() {
        assert!(refused("password_regex = a\n[security_compliance]\n"));
        // the error names the assignment's own line, not the one that ended it
        let err = SecurityCompliance::parse("# c\npassword_regex = a\n  more\n\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(refused("[]\npassword_regex = a\n"));
        assert!(refused("[security_compliance\n"));
        assert!(refused("  indented first\n"));
        assert!(refused("[security_compliance]\n= a\n"));
    }

    #[test]
    fn only_template_names_are_refused() {
        for kept in ["a${1}", "a${", "a${x", "a$.", "a$1", "a$ b", "a$"] {
            let text = format!("[security_compliance]\npassword_regex = {kept}\n");
            assert_eq!(regex_of(&text).as_deref(), Some(kept), "{kept}");
        }
        for name in ["$x", "${x}", "${a.b}", "$_", "$\u{212a}", "$\u{17f}"] {
            assert!(
                refused(&format!("[security_compliance]\npassword_regex = {name}\n")),
                "{name}"
            );
        }
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
