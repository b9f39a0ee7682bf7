//! Every violation and notice code with the params it carries and what it means, written once:
//! the TypeScript union narrowed by `code`, the Python `Literal`s and the table of
//! docs/policies.md are generated from here (`cargo run -p chpass --features schema --example binding_tables`),
//! and a test holds this table to what [`Violation::params`](super::Violation::params) gives.

/// One violation or notice code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViolationType {
    /// The code, as [`Violation::code`](super::Violation::code) gives it.
    pub code: &'static str,
    /// The keys of `params` with their types, as TypeScript writes them.
    pub params: &'static [&'static str],
    /// What it means, in a sentence.
    pub doc: &'static str,
}

const fn violation(
    code: &'static str,
    params: &'static [&'static str],
    doc: &'static str,
) -> ViolationType {
    ViolationType { code, params, doc }
}

const MIN_ACTUAL: &[&str] = &["min: number", "actual: number"];

/// Every violation, in the order a report lists them (also the order in which the servers
/// check).
pub const VIOLATION_TYPES: &[ViolationType] = &[
    violation(
        "too_short",
        &["min: number", "actual: number", "unit: LengthUnit"],
        "shorter than the minimum",
    ),
    violation(
        "too_long",
        &["max: number", "actual: number", "unit: LengthUnit"],
        "longer than the maximum (or than 1 MiB)",
    ),
    violation(
        "control_character",
        &["position: number", "code_point: string"],
        "a Unicode control character (NUL, tab, newline, …): `position` in code points from 0, `code_point` as `U+0007`",
    ),
    violation(
        "pattern_mismatch",
        &["description: string | null"],
        "the policy's regex does not match; the message is the description when given",
    ),
    violation(
        "policy_regex_limit",
        &["limit: number"],
        "the regex ran out of steps (`limit`: 1,000,000, or 64 per character): counted as a failure",
    ),
    violation(
        "weak_password",
        MIN_ACTUAL,
        "the zxcvbn score is below the minimum (OpenSearch: \"Weak password\")",
    ),
    violation(
        "similar_to_username",
        &[],
        "zxcvbn matched the user name (OpenSearch: \"Password is similar to user name\")",
    ),
    violation("missing_lowercase", MIN_ACTUAL, "too few lowercase letters"),
    violation("missing_uppercase", MIN_ACTUAL, "too few uppercase letters"),
    violation("missing_digit", MIN_ACTUAL, "too few digits"),
    violation("missing_symbol", MIN_ACTUAL, "too few symbols"),
    violation(
        "too_few_character_classes",
        MIN_ACTUAL,
        "too few of the four classes",
    ),
    violation(
        "contains_context_word",
        &["word: string"],
        "contains the user name, email local part, service or a listed word",
    ),
    violation("same_as_current", &[], "equals the current password"),
    violation(
        "common_password",
        &[],
        "one of the 3,000 most common passwords",
    ),
    violation("blocklisted", &[], "on the policy's own list"),
    violation(
        "breached_password",
        &["count: number | null"],
        "in known breaches (Pwned Passwords' count, or `null` from `blocklist.sha1`)",
    ),
];

/// Every notice: what the server will do with an accepted password, never a refusal.
pub const NOTICE_TYPES: &[ViolationType] = &[violation(
    "truncated_by_server",
    &["used: number", "actual: number", "unit: LengthUnit"],
    "the server keeps only the first `used` units (Keystone without `strict_password_check`), so any password that starts the same logs in",
)];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::classes::CharClass;
    use crate::policy::{Notice, Violation};
    use crate::text::LengthUnit;
    use serde_json::{Map, Value};

    /// One of each variant (every class of `MissingClass`), in the documented order.
    fn every_violation() -> Vec<Violation> {
        let unit = LengthUnit::CodePoints;
        let classes = [
            CharClass::Lowercase,
            CharClass::Uppercase,
            CharClass::Digit,
            CharClass::Symbol,
        ];
        let mut all = vec![
            Violation::TooShort {
                min: 8,
                actual: 3,
                unit,
            },
            Violation::TooLong {
                max: 8,
                actual: 9,
                unit,
            },
            Violation::ControlCharacter {
                position: 0,
                code_point: 7,
            },
            Violation::PatternMismatch { description: None },
            Violation::PolicyRegexLimit { limit: 10 },
            Violation::WeakPassword { min: 3, actual: 1 },
            Violation::SimilarToUsername,
        ];
        all.extend(classes.map(|class| Violation::MissingClass {
            class,
            min: 1,
            actual: 0,
        }));
        all.extend([
            Violation::TooFewCharacterClasses { min: 3, actual: 1 },
            Violation::ContainsContextWord {
                word: "jack".into(),
            },
            Violation::SameAsCurrent,
            Violation::CommonPassword,
            Violation::Blocklisted,
            Violation::BreachedPassword { count: Some(2) },
        ]);
        all
    }

    fn assert_shape(table: &ViolationType, code: &str, params: &Map<String, Value>) {
        assert_eq!(table.code, code);
        let keys: Vec<&str> = table
            .params
            .iter()
            .map(|p| p.split(':').next().unwrap_or(p))
            .collect();
        assert_eq!(
            keys,
            params.keys().map(String::as_str).collect::<Vec<_>>(),
            "{code}"
        );
        for (declared, value) in table.params.iter().zip(params.values()) {
            let ty = declared.split(": ").nth(1).unwrap_or_default();
            let fits = match value {
                Value::Number(_) => ty.contains("number"),
                Value::String(s) => {
                    ty.contains("string") || (ty == "LengthUnit" && s.ends_with('s'))
                }
                Value::Null => ty.contains("null"),
                _ => false,
            };
            assert!(fits, "{code}: {declared} does not describe {value}");
        }
    }

    #[test]
    fn the_table_is_what_violations_give() {
        let all = every_violation();
        assert_eq!(all.len(), VIOLATION_TYPES.len());
        for (violation, table) in all.iter().zip(VIOLATION_TYPES) {
            assert_shape(table, violation.code(), &violation.params());
        }
        let notice = Notice::TruncatedByServer {
            kept: 72,
            actual: 80,
            unit: LengthUnit::Utf8Bytes,
        };
        assert_shape(&NOTICE_TYPES[0], notice.code(), &notice.params());
    }
}
