//! Password regexes with each server's dialect and anchoring, run by fancy-regex (lookarounds
//! work) under a backtrack limit.
//!
//! The pattern is rewritten so that fancy-regex gives the server's answer:
//! - `python_re_match` (Keystone: `re.match(password_regex, password)`): anchored at the start
//!   only; `$` also matches before a final `\n` and `\Z` is the very end, as in Python.
//! - `java_matches` (OpenSearch: the whole password must match): `\d \w \s`, `.` and the POSIX
//!   `\p{Lower}`-style classes are ASCII / line-terminator aware as in `java.util.regex`; `\Q…\E` quotes.
//! - `search`: fancy-regex syntax, matching anywhere, for policies of your own.

use super::report::Violation;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Backtracking steps allowed per check; past it the rule reports `policy_regex_limit`.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    PythonReMatch,
    JavaMatches,
    Search,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    pub regex: String,
    pub dialect: Dialect,
    /// Shown as the violation's message, like the servers do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    regex: fancy_regex::Regex,
    description: Option<String>,
}

impl Pattern {
    pub(crate) fn compile(spec: &PatternSpec) -> Result<Self> {
        let translated = translate(&spec.regex, spec.dialect);
        let regex = fancy_regex::RegexBuilder::new(&translated)
            .backtrack_limit(BACKTRACK_LIMIT)
            .build()
            .map_err(|e| Error::invalid_policy("pattern.regex", e.to_string()))?;
        Ok(Pattern {
            regex,
            description: spec.description.clone(),
        })
    }

    pub(crate) fn check(&self, password: &str) -> Option<Violation> {
        match self.regex.is_match(password) {
            Ok(true) => None,
            Ok(false) => Some(Violation::PatternMismatch {
                description: self.description.clone(),
            }),
            Err(_) => Some(Violation::PolicyRegexLimit {
                limit: BACKTRACK_LIMIT,
            }),
        }
    }
}

pub(crate) fn translate(source: &str, dialect: Dialect) -> String {
    match dialect {
        Dialect::Search => source.to_owned(),
        Dialect::PythonReMatch => format!(r"\A(?:{})", Translator::new(Flavor::Python).run(source)),
        Dialect::JavaMatches => format!(r"\A(?:{})\z", Translator::new(Flavor::Java).run(source)),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Python,
    Java,
}

const JAVA_LINE_END: &str = r"\n\r\x{85}\x{2028}\x{2029}";
const ASCII_SPACE: &str = r"\t\n\x0B\x0C\r\x20";
const ASCII_WORD: &str = "a-zA-Z0-9_";

struct Translator {
    flavor: Flavor,
    out: String,
    /// Parenthesis depth outside character classes.
    depth: usize,
    /// Nesting of character classes (Java allows `[a[bc]]`).
    class_depth: usize,
    top_level_alternation: bool,
}

impl Translator {
    fn new(flavor: Flavor) -> Self {
        Translator {
            flavor,
            out: String::new(),
            depth: 0,
            class_depth: 0,
            top_level_alternation: false,
        }
    }

    fn run(mut self, source: &str) -> String {
        self.out.reserve(source.len() + 16);
        let chars: Vec<char> = source.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            i += if self.class_depth > 0 {
                self.in_class(&chars[i..])
            } else {
                self.outside_class(&chars[i..])
            };
        }
        self.finish_trailing_dollar(&chars)
    }

    /// A final top-level `$` only has to hold at the end: with `re.match` it may also stand
    /// before one last `\n`, which can then be consumed; with Java's full match it is the end.
    /// Writing it without a lookaround keeps common patterns on fancy-regex's linear engine.
    fn finish_trailing_dollar(mut self, chars: &[char]) -> String {
        let ends_with_dollar = chars.last() == Some(&'$')
            && !ends_escaped(chars)
            && self.depth == 0
            && self.class_depth == 0
            && !self.top_level_alternation;
        if ends_with_dollar && let Some(start) = self.out.rfind(self.dollar()) {
            self.out.truncate(start);
            self.out.push_str(match self.flavor {
                Flavor::Python => r"\n?\z",
                Flavor::Java => "",
            });
        }
        self.out
    }

    fn dollar(&self) -> &'static str {
        match self.flavor {
            Flavor::Python => r"(?=\n?\z)",
            Flavor::Java => r"(?=(?:\r\n|[\n\r\x{85}\x{2028}\x{2029}])?\z)",
        }
    }

    /// Translates one token outside a class; returns how many chars it used.
    fn outside_class(&mut self, rest: &[char]) -> usize {
        match rest[0] {
            '\\' => self.escape(rest, false),
            '[' => {
                self.class_depth = 1;
                self.out.push('[');
                // `[]` and `[^]` start with a literal `]`
                let mut used = 1;
                if rest.get(used) == Some(&'^') {
                    self.out.push('^');
                    used += 1;
                }
                if rest.get(used) == Some(&']') {
                    self.out.push_str(r"\]");
                    used += 1;
                }
                used
            }
            '(' => {
                self.depth += 1;
                self.out.push('(');
                1
            }
            ')' => {
                self.depth = self.depth.saturating_sub(1);
                self.out.push(')');
                1
            }
            '|' => {
                if self.depth == 0 {
                    self.top_level_alternation = true;
                }
                self.out.push('|');
                1
            }
            '$' => {
                let dollar = self.dollar();
                self.out.push_str(dollar);
                1
            }
            '.' if self.flavor == Flavor::Java => {
                self.out.push_str(&format!("[^{JAVA_LINE_END}]"));
                1
            }
            '{' if self.flavor == Flavor::Python => self.python_brace(rest),
            '}' if self.flavor == Flavor::Python => {
                self.out.push_str(r"\}");
                1
            }
            c => {
                self.out.push(c);
                1
            }
        }
    }

    fn in_class(&mut self, rest: &[char]) -> usize {
        match rest[0] {
            '\\' => self.escape(rest, true),
            ']' => {
                self.class_depth -= 1;
                self.out.push(']');
                1
            }
            '[' if self.flavor == Flavor::Java => {
                self.class_depth += 1;
                self.out.push('[');
                1
            }
            // literal in Python, set syntax in fancy-regex (and, for `&&`, in Java too)
            '[' | '&' | '~' if self.flavor == Flavor::Python => {
                self.out.push('\\');
                self.out.push(rest[0]);
                1
            }
            c => {
                self.out.push(c);
                1
            }
        }
    }

    fn escape(&mut self, rest: &[char], in_class: bool) -> usize {
        let Some(&next) = rest.get(1) else {
            // a lone trailing backslash: let the regex compiler report it
            self.out.push('\\');
            return 1;
        };
        match (self.flavor, next) {
            (Flavor::Python, 'Z') => self.out.push_str(r"\z"),
            (Flavor::Java, 'Z') if !in_class => {
                let dollar = self.dollar();
                self.out.push_str(dollar);
            }
            (Flavor::Java, 'd' | 'D' | 'w' | 'W' | 's' | 'S') => {
                let set = match next.to_ascii_lowercase() {
                    'd' => "0-9",
                    'w' => ASCII_WORD,
                    _ => ASCII_SPACE,
                };
                self.push_set(set, next.is_ascii_uppercase(), in_class);
            }
            (Flavor::Java, 'p' | 'P') => {
                if let Some((set, used)) = posix_class(&rest[2..]) {
                    self.push_set(set, next == 'P', in_class);
                    return 2 + used;
                }
                self.out.push('\\');
                self.out.push(next);
            }
            (Flavor::Java, 'Q') => return 2 + self.quote(&rest[2..]),
            _ => {
                self.out.push('\\');
                self.out.push(next);
            }
        }
        2
    }

    /// `\Q…\E`: everything between is literal.
    fn quote(&mut self, rest: &[char]) -> usize {
        let end = rest
            .windows(2)
            .position(|w| w == ['\\', 'E'])
            .unwrap_or(rest.len());
        let literal: String = rest[..end].iter().collect();
        self.out.push_str(&fancy_regex::escape(&literal));
        if end < rest.len() { end + 2 } else { end }
    }

    fn push_set(&mut self, set: &str, negated: bool, in_class: bool) {
        let caret = if negated { "^" } else { "" };
        if in_class && !negated {
            self.out.push_str(set);
        } else {
            self.out.push_str(&format!("[{caret}{set}]"));
        }
    }

    /// Python reads `{` as a quantifier only in the forms `{m}`, `{m,}`, `{,n}`, `{m,n}`;
    /// anything else is a literal brace.
    fn python_brace(&mut self, rest: &[char]) -> usize {
        let close = rest.iter().position(|&c| c == '}');
        if let Some(close) = close {
            let body: String = rest[1..close].iter().collect();
            let (min, max) = match body.split_once(',') {
                Some((min, max)) => (min, Some(max)),
                None => (body.as_str(), None),
            };
            let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
            let valid = digits(min)
                && max.is_none_or(digits)
                && (!min.is_empty() || max.is_some_and(|m| !m.is_empty()));
            if valid {
                let min = if min.is_empty() { "0" } else { min };
                match max {
                    Some(max) => self.out.push_str(&format!("{{{min},{max}}}")),
                    None => self.out.push_str(&format!("{{{min}}}")),
                }
                return close + 1;
            }
        }
        self.out.push_str(r"\{");
        1
    }
}

/// Whether the final char of the pattern is escaped by an odd run of backslashes.
fn ends_escaped(chars: &[char]) -> bool {
    let backslashes = chars[..chars.len() - 1]
        .iter()
        .rev()
        .take_while(|&&c| c == '\\')
        .count();
    backslashes % 2 == 1
}

/// Java's POSIX classes (`\p{Lower}` …), which are ASCII-only; returns the set and how many
/// chars of `{Name}` were used.
fn posix_class(rest: &[char]) -> Option<(&'static str, usize)> {
    if rest.first() != Some(&'{') {
        return None;
    }
    let close = rest.iter().position(|&c| c == '}')?;
    let name: String = rest[1..close].iter().collect();
    let set = match name.as_str() {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => r"\x00-\x7F",
        "Alpha" => "a-zA-Z",
        "Digit" => "0-9",
        "Alnum" => "a-zA-Z0-9",
        "Punct" => r"!-/:-@\[-`{-~",
        "Graph" => r"!-~",
        "Print" => r"\x20-~",
        "Blank" => r"\x20\t",
        "Cntrl" => r"\x00-\x1F\x7F",
        "XDigit" => "0-9a-fA-F",
        "Space" => ASCII_SPACE,
        _ => return None,
    };
    Some((set, close + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(regex: &str, dialect: Dialect, password: &str) -> bool {
        let spec = PatternSpec {
            regex: regex.into(),
            dialect,
            description: None,
        };
        Pattern::compile(&spec).unwrap().check(password).is_none()
    }

    #[test]
    fn python_match_is_anchored_at_the_start_only() {
        assert!(matches("[a-z]+", Dialect::PythonReMatch, "abc123"));
        assert!(!matches("[0-9]+", Dialect::PythonReMatch, "abc123"));
        assert!(!matches("[a-z]+", Dialect::JavaMatches, "abc123"));
        assert!(matches("[0-9]+", Dialect::Search, "abc123"));
    }

    #[test]
    fn python_dollar_allows_one_final_newline() {
        assert!(matches("^abc$", Dialect::PythonReMatch, "abc\n"));
        assert!(!matches("^abc$", Dialect::PythonReMatch, "abc\n\n"));
        assert!(!matches(r"^abc\Z", Dialect::PythonReMatch, "abc\n"));
        assert!(matches("(?:abc$)", Dialect::PythonReMatch, "abc\n"));
        assert!(!matches("^abc$", Dialect::JavaMatches, "abc\n"));
    }

    #[test]
    fn keystone_documented_example_runs() {
        let re = r"^(?=.*\d)(?=.*[a-zA-Z]).{7,}$";
        assert!(matches(re, Dialect::PythonReMatch, "abcdef1"));
        assert!(!matches(re, Dialect::PythonReMatch, "abcdefg"));
        assert!(!matches(re, Dialect::PythonReMatch, "abc1"));
    }

    #[test]
    fn java_classes_are_ascii() {
        assert!(!matches(r"\d+", Dialect::JavaMatches, "١٢٣"));
        assert!(matches(r"\d+", Dialect::PythonReMatch, "١٢٣"));
        assert!(matches(r"[\w-]+", Dialect::JavaMatches, "a-b_c"));
        assert!(matches(
            r"\p{Lower}+\p{Digit}",
            Dialect::JavaMatches,
            "abc1"
        ));
        assert!(matches(r"\Qa.b\E", Dialect::JavaMatches, "a.b"));
        assert!(!matches(r"\Qa.b\E", Dialect::JavaMatches, "axb"));
        assert!(!matches(".+", Dialect::JavaMatches, "a\u{2028}b"));
    }

    #[test]
    fn python_braces_that_are_not_quantifiers_are_literal() {
        assert!(matches("a{,2}b", Dialect::PythonReMatch, "aab"));
        assert!(matches("a{x}", Dialect::PythonReMatch, "a{x}"));
        assert!(matches("[[]", Dialect::PythonReMatch, "["));
    }

    #[test]
    fn catastrophic_backtracking_is_bounded() {
        let spec = PatternSpec {
            // the backreference forces fancy-regex's backtracking VM
            regex: r"^(a|aa)+(b)\2$".into(),
            dialect: Dialect::PythonReMatch,
            description: None,
        };
        let pattern = Pattern::compile(&spec).unwrap();
        let password = "a".repeat(64) + "c";
        assert_eq!(
            pattern.check(&password),
            Some(Violation::PolicyRegexLimit {
                limit: BACKTRACK_LIMIT
            })
        );
    }
}
