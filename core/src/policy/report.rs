//! The result of `validate`: every violation with a stable code, a message in the context's
//! language and params.

use super::classes::CharClass;
use crate::i18n::Locale;
use crate::text::LengthUnit;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value, json};

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Violation {
    /// `too_short`: shorter than the policy's minimum.
    TooShort {
        /// The minimum, in `unit`.
        min: usize,
        /// The password's length, in `unit`.
        actual: usize,
        /// How the length is counted (code points, UTF-16 units or UTF-8 bytes).
        unit: LengthUnit,
    },
    /// `too_long`: longer than the policy's maximum (or than 1 MiB, whatever the policy).
    TooLong {
        /// The maximum, in `unit`.
        max: usize,
        /// The password's length, in `unit`.
        actual: usize,
        /// How the length is counted.
        unit: LengthUnit,
    },
    /// `position` counts code points from 0.
    ControlCharacter {
        /// Where the first control character is, in code points from 0.
        position: usize,
        /// Which one (`U+0007` is 7).
        code_point: u32,
    },
    /// The message is the policy's description when it has one (Keystone's
    /// `password_regex_description`, OpenSearch's `password_validation_error_message`).
    PatternMismatch {
        /// The policy's description of the pattern, when it has one.
        description: Option<String>,
    },
    /// The regex hit its backtrack limit; counted as a failure, never as a pass.
    PolicyRegexLimit {
        /// The step budget that ran out.
        limit: usize,
    },
    /// The zxcvbn score is below the policy's minimum (OpenSearch: "Weak password").
    WeakPassword {
        /// The policy's minimum score.
        min: u8,
        /// The password's score (0–4).
        actual: u8,
    },
    /// zxcvbn found the user name in the password (OpenSearch: "Password is similar to user name").
    SimilarToUsername,
    /// `missing_lowercase`, `missing_uppercase`, `missing_digit` or `missing_symbol`: fewer
    /// characters of a class than the policy asks.
    MissingClass {
        /// Which class.
        class: CharClass,
        /// How many the policy asks for.
        min: usize,
        /// How many the password has.
        actual: usize,
    },
    /// `too_few_character_classes`: fewer classes (lower, upper, digit, symbol) than the policy
    /// asks.
    TooFewCharacterClasses {
        /// How many classes the policy asks for.
        min: usize,
        /// How many the password has.
        actual: usize,
    },
    /// `contains_context_word`: the password contains the user name, the e-mail's local part, the
    /// service or another word of the context, in any case.
    ContainsContextWord {
        /// The word found (lower-cased, as compared).
        word: String,
    },
    /// `same_as_current`: the new password is the current one (after the policy's normalization).
    SameAsCurrent,
    /// `common_password`: one of the most common passwords.
    CommonPassword,
    /// `blocklisted`: a word of the policy's own blocklist, or a breached password of its offline
    /// SHA-1 list.
    Blocklisted,
    /// The password appears in known breaches (`count` from Pwned Passwords, none offline).
    BreachedPassword {
        /// How many breaches, when an online service said.
        count: Option<u64>,
    },
}

impl Violation {
    /// The stable, snake_case code (`too_short`, `missing_digit`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Violation::TooShort { .. } => "too_short",
            Violation::TooLong { .. } => "too_long",
            Violation::ControlCharacter { .. } => "control_character",
            Violation::PatternMismatch { .. } => "pattern_mismatch",
            Violation::PolicyRegexLimit { .. } => "policy_regex_limit",
            Violation::WeakPassword { .. } => "weak_password",
            Violation::SimilarToUsername => "similar_to_username",
            Violation::MissingClass { class, .. } => match class {
                CharClass::Lowercase => "missing_lowercase",
                CharClass::Uppercase => "missing_uppercase",
                CharClass::Digit => "missing_digit",
                CharClass::Symbol => "missing_symbol",
            },
            Violation::TooFewCharacterClasses { .. } => "too_few_character_classes",
            Violation::ContainsContextWord { .. } => "contains_context_word",
            Violation::SameAsCurrent => "same_as_current",
            Violation::CommonPassword => "common_password",
            Violation::Blocklisted => "blocklisted",
            Violation::BreachedPassword { .. } => "breached_password",
        }
    }

    /// The message in English; [`Violation::message_in`] for another language.
    pub fn message(&self) -> String {
        self.message_in(&Locale::english())
    }

    /// The message in `locale`'s language, from its catalog (`violation.<code>`). A pattern's
    /// description is the server's own words and is never translated.
    pub fn message_in(&self, locale: &Locale) -> String {
        match self {
            Violation::PatternMismatch {
                description: Some(description),
            } => description.clone(),
            Violation::BreachedPassword { count: Some(_) } => {
                locale.message("violation.breached_password_count", &self.params())
            }
            _ => locale.message(&format!("violation.{}", self.code()), &self.params()),
        }
    }

    /// The numbers and names behind the message.
    pub fn params(&self) -> Map<String, Value> {
        let value = match self {
            Violation::TooShort { min, actual, unit } => {
                json!({ "min": min, "actual": actual, "unit": unit.as_str() })
            }
            Violation::TooLong { max, actual, unit } => {
                json!({ "max": max, "actual": actual, "unit": unit.as_str() })
            }
            Violation::ControlCharacter {
                position,
                code_point,
            } => json!({ "position": position, "code_point": format!("U+{code_point:04X}") }),
            Violation::PatternMismatch { description } => json!({ "description": description }),
            Violation::PolicyRegexLimit { limit } => json!({ "limit": limit }),
            Violation::WeakPassword { min, actual } => json!({ "min": min, "actual": actual }),
            Violation::MissingClass { min, actual, .. }
            | Violation::TooFewCharacterClasses { min, actual } => {
                json!({ "min": min, "actual": actual })
            }
            Violation::ContainsContextWord { word } => json!({ "word": word }),
            Violation::BreachedPassword { count } => json!({ "count": count }),
            Violation::SameAsCurrent
            | Violation::SimilarToUsername
            | Violation::CommonPassword
            | Violation::Blocklisted => {
                json!({})
            }
        };
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Localized(Coded::Violation(self), Locale::english()).serialize(serializer)
    }
}

/// A violation or a notice with its message in a language: `{code, message, params}`.
struct Localized<'a>(Coded<'a>, Locale);

enum Coded<'a> {
    Violation(&'a Violation),
    Notice(&'a Notice),
}

impl Serialize for Localized<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let locale = &self.1;
        match self.0 {
            Coded::Violation(v) => coded(
                serializer,
                "Violation",
                v.code(),
                v.message_in(locale),
                v.params(),
            ),
            Coded::Notice(n) => coded(
                serializer,
                "Notice",
                n.code(),
                n.message_in(locale),
                n.params(),
            ),
        }
    }
}

/// `{code, message, params}`: how violations and notices reach the bindings.
fn coded<S: Serializer>(
    serializer: S,
    name: &'static str,
    code: &str,
    message: String,
    params: Map<String, Value>,
) -> Result<S::Ok, S::Error> {
    let mut s = serializer.serialize_struct(name, 3)?;
    s.serialize_field("code", code)?;
    s.serialize_field("message", &message)?;
    s.serialize_field("params", &params)?;
    s.end()
}

/// What the server will do with an accepted password that the user may want to know: never a
/// refusal, so `ok` stays true.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Notice {
    /// The server keeps only the first `kept` units (Keystone without
    /// `strict_password_check`: UTF-8 bytes), so any password that starts the same logs in.
    TruncatedByServer {
        /// How much the server keeps, in `unit`.
        kept: usize,
        /// The password's length, in `unit`.
        actual: usize,
        /// How the length is counted (UTF-8 bytes for Keystone).
        unit: LengthUnit,
    },
}

impl Notice {
    /// The stable, snake_case code (`truncated_by_server`).
    pub fn code(&self) -> &'static str {
        match self {
            Notice::TruncatedByServer { .. } => "truncated_by_server",
        }
    }

    /// The message in English; [`Notice::message_in`] for another language.
    pub fn message(&self) -> String {
        self.message_in(&Locale::english())
    }

    /// The message in `locale`'s language, from its catalog (`notice.<code>`).
    pub fn message_in(&self, locale: &Locale) -> String {
        locale.message(&format!("notice.{}", self.code()), &self.params())
    }

    /// The numbers behind the message (`used`, `actual`, `unit`).
    pub fn params(&self) -> Map<String, Value> {
        let value = match self {
            Notice::TruncatedByServer { kept, actual, unit } => {
                json!({ "used": kept, "actual": actual, "unit": unit.as_str() })
            }
        };
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}

impl Serialize for Notice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Localized(Coded::Notice(self), Locale::english()).serialize(serializer)
    }
}

/// Every violation in the documented order, and the rules that could not be evaluated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Every broken rule, in the documented order.
    pub violations: Vec<Violation>,
    /// What the server will do with the password that is not a refusal (Keystone's silent
    /// truncation); `ok` does not depend on them.
    pub notices: Vec<Notice>,
    /// Codes of rules the policy asks for that this build cannot evaluate (for example the
    /// breached-password check). Not a pass: decide what to do with them.
    pub not_evaluated: Vec<&'static str>,
    /// The zxcvbn estimate, when the policy has a strength rule.
    pub strength: Option<StrengthResult>,
    /// The language of the messages: the context's.
    pub locale: Locale,
}

/// What a strength rule measured: zxcvbn's score and log10 of its guesses.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StrengthResult {
    /// zxcvbn's score, 0–4.
    #[cfg_attr(feature = "schema", schemars(range(max = 4)))]
    pub score: u8,
    /// log10 of zxcvbn's guesses.
    pub guesses_log10: f64,
}

impl PartialEq for StrengthResult {
    fn eq(&self, other: &Self) -> bool {
        self.score == other.score && self.guesses_log10.to_bits() == other.guesses_log10.to_bits()
    }
}

impl Eq for StrengthResult {}

impl Report {
    /// No evaluated rule failed. Check `not_evaluated` for rules that were not run.
    pub fn ok(&self) -> bool {
        self.violations.is_empty()
    }

    /// A violation's message in the report's language.
    pub fn message_of(&self, violation: &Violation) -> String {
        violation.message_in(&self.locale)
    }

    /// The codes of the violations, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.violations.iter().map(Violation::code).collect()
    }

    pub(crate) fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }
}

// What a `Report` serializes to, for its JSON Schema (the bindings' types); a test holds its
// keys to the serializer's.
/// Every violation in the documented order, and the rules that could not be evaluated.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[schemars(rename = "Report")]
#[allow(dead_code)] // only its schema is used
pub(crate) struct ReportShape {
    /// No evaluated rule failed; see `not_evaluated` for the rules that were not run.
    ok: bool,
    /// Every broken rule, in the documented order.
    violations: Vec<crate::schema::Violation>,
    /// What the server will do that is not a refusal (Keystone keeps only `params.used` bytes).
    notices: Vec<crate::schema::Notice>,
    /// The codes of rules the policy asks for that this build cannot evaluate: not a pass.
    not_evaluated: Vec<crate::schema::ViolationCode>,
    /// zxcvbn's score and log10(guesses) when the policy has a strength rule, else null.
    strength: Option<StrengthResult>,
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // `ok` is computed, so the derive cannot write it
        let mut s = serializer.serialize_struct("Report", 5)?;
        s.serialize_field("ok", &self.ok())?;
        let in_locale = |coded| Localized(coded, self.locale);
        let violations: Vec<_> = self
            .violations
            .iter()
            .map(|v| in_locale(Coded::Violation(v)))
            .collect();
        let notices: Vec<_> = self
            .notices
            .iter()
            .map(|n| in_locale(Coded::Notice(n)))
            .collect();
        s.serialize_field("violations", &violations)?;
        s.serialize_field("notices", &notices)?;
        s.serialize_field("not_evaluated", &self.not_evaluated)?;
        s.serialize_field("strength", &self.strength)?;
        s.end()
    }
}
