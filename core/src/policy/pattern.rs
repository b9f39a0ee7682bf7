//! Password regexes with each server's dialect and anchoring, run by chpass's own
//! backtracking engine (`policy::regex`) under a step budget.
//!
//! - `python_re_match` (Keystone: `re.match(password_regex, password)`): CPython syntax and
//!   Unicode classes, anchored at the start only; `$` also matches before a final `\n`.
//! - `java_matches` (OpenSearch: the whole password must match): `java.util.regex` syntax;
//!   `\d \w \s`, `.` and the POSIX `\p{Lower}`-style classes are ASCII / line-terminator
//!   aware as in Java; `\Q…\E` quotes; nested sets and `&&`.
//! - `search`: CPython syntax, matching anywhere (`re.search`), for policies of your own.

use super::report::Violation;
use crate::error::{Error, Result};
use chpass_regex::{Flavor, Regex};
use serde::{Deserialize, Serialize};

/// Steps of the regex machine allowed per check, or [`STEPS_PER_CHAR`] per char of the
/// password when that is more (so the cost stays linear and long passwords still get an
/// answer); past it the rule reports `policy_regex_limit`.
pub const BACKTRACK_LIMIT: usize = 1_000_000;
pub const STEPS_PER_CHAR: usize = 64;

/// How a regex is applied, and in whose syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    /// Keystone: Python's syntax, `re.match` (anchored at the start only).
    PythonReMatch,
    /// OpenSearch: `java.util.regex`'s syntax, `Matcher.matches` (the whole password).
    JavaMatches,
    /// Anywhere in the password, in Python's syntax.
    Search,
}

/// A regex rule: the password must match it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    /// The regex, in the dialect's syntax (at most 64 KiB).
    pub regex: String,
    /// Whose syntax and matching.
    pub dialect: Dialect,
    /// Shown as the violation's message, like the servers do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    regex: Regex,
    description: Option<String>,
}

impl Pattern {
    pub(crate) fn compile(spec: &PatternSpec) -> Result<Self> {
        let flavor = match spec.dialect {
            Dialect::PythonReMatch => Flavor::Python,
            Dialect::JavaMatches => Flavor::Java,
            Dialect::Search => Flavor::Search,
        };
        // OpenSearch compiles "^" + regex + "$" (quirks included: a trailing `\` quotes the `$`)
        let source = match flavor {
            Flavor::Java => std::borrow::Cow::Owned(format!("^{}$", spec.regex)),
            _ => std::borrow::Cow::Borrowed(spec.regex.as_str()),
        };
        let regex =
            Regex::new(&source, flavor).map_err(|e| Error::invalid_policy("pattern.regex", e))?;
        Ok(Pattern {
            regex,
            description: spec.description.clone(),
        })
    }

    /// Whether `c` can be a char of a password the pattern accepts.
    pub(crate) fn may_contain(&self, c: char) -> bool {
        self.regex.may_consume(c)
    }

    /// The fewest and most chars of a password the pattern accepts (`None`: no bound).
    pub(crate) fn lengths(&self) -> (usize, Option<usize>) {
        self.regex.lengths()
    }

    pub(crate) fn check(&self, password: &str) -> Option<Violation> {
        let budget = BACKTRACK_LIMIT.max(STEPS_PER_CHAR.saturating_mul(password.chars().count()));
        match self.regex.is_match(password, budget) {
            Ok(true) => None,
            Ok(false) => Some(Violation::PatternMismatch {
                description: self.description.clone(),
            }),
            Err(_) => Some(Violation::PolicyRegexLimit { limit: budget }),
        }
    }
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

    #[test]
    fn the_budget_grows_with_the_password_so_long_ones_get_an_answer() {
        let re = r"^(?=.*\d)(?=.*[a-zA-Z]).{7,}$";
        let long = "a".repeat(1 << 20);
        assert!(!matches(re, Dialect::PythonReMatch, &long));
        assert!(matches(re, Dialect::PythonReMatch, &(long + "1")));
    }

    #[test]
    fn java_reads_the_pattern_as_the_plugin_wraps_it() {
        // "^" + "abc\\" + "$": the trailing backslash quotes the dollar
        assert!(matches("abc\\", Dialect::JavaMatches, "abc$"));
        assert!(matches("a|b", Dialect::JavaMatches, "b"));
        assert!(!matches("a|b", Dialect::JavaMatches, "ab"));
    }

    #[test]
    fn atomic_groups_and_possessive_quantifiers_do_not_give_back() {
        assert!(!matches("^(?>a+)ab", Dialect::PythonReMatch, "aaab"));
        assert!(!matches("a++ab", Dialect::JavaMatches, "aaab"));
        assert!(matches("a+ab", Dialect::JavaMatches, "aaab"));
    }

    #[test]
    fn refused_syntax_names_the_servers_reason() {
        let spec = |regex: &str, dialect| PatternSpec {
            regex: regex.into(),
            dialect,
            description: None,
        };
        for (regex, dialect, reason) in [
            ("a**", Dialect::PythonReMatch, "multiple repeat"),
            ("(?<=a+)b", Dialect::PythonReMatch, "look-behind"),
            (
                "x(?i)",
                Dialect::PythonReMatch,
                "global flags not at the start",
            ),
            ("a{2", Dialect::JavaMatches, "illegal repetition"),
            (
                "\\p{InGreek}",
                Dialect::JavaMatches,
                "unsupported character property",
            ),
            (
                &"(".repeat(30_000),
                Dialect::PythonReMatch,
                "nested deeper than 250",
            ),
        ] {
            let err = Pattern::compile(&spec(regex, dialect)).unwrap_err();
            assert_eq!(err.code(), "invalid_policy");
            assert!(err.to_string().contains(reason), "{regex}: {err}");
        }
    }
}
