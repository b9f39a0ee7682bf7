//! The serializable form of a policy: what JSON files, JS objects and Python dicts hold.

use super::classes::CharacterClasses;
use super::pattern::PatternSpec;
use crate::error::{Error, Result};
use crate::text::LengthUnit;
use serde::{Deserialize, Serialize};

/// Every rule is off unless the spec turns it on; `{}` is a policy that accepts anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicySpec {
    /// Shortest accepted password, in a unit the policy names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<LengthLimit>,
    /// Longest accepted password, in a unit the policy names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<LengthLimit>,
    /// The server keeps only this much of a longer password (Keystone without
    /// `strict_password_check`): not a refusal, but a `truncated_by_server` notice, since any
    /// password sharing that start will log in too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated_after: Option<LengthLimit>,
    /// Reject Unicode control characters (NUL, escape, newline, …), which no one types.
    #[serde(default, skip_serializing_if = "is_false")]
    pub forbid_control_characters: bool,
    /// A regular expression, in a server's dialect and anchoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<PatternSpec>,
    /// Composition rules. NIST and ASVS forbid them; some servers still ask for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub character_classes: Option<CharacterClasses>,
    /// Reject passwords containing a context word (user name, email local part, service, …).
    #[serde(default, skip_serializing_if = "is_false")]
    pub context_words: bool,
    /// Reject a new password equal to the current one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub differ_from_current: bool,
    /// Reject common and listed passwords, case-insensitively.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocklist: Option<BlocklistSpec>,
    /// Unicode normalization before every check; none by default, as on every server.
    #[serde(default, skip_serializing_if = "Normalization::is_none")]
    pub normalization: Normalization,
    /// A zxcvbn score rule (OpenSearch's `password_score_based_validation_strength`), evaluated
    /// by the `strength` feature (on by default) with the user name as zxcvbn's user input;
    /// without the feature it is listed in `Report::not_evaluated`, never taken as a pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<StrengthSpec>,
    /// A breached-password check (ASVS 6.2.12) against Pwned Passwords. It needs the network,
    /// so `validate` lists it in `not_evaluated`; `Client.change_password` runs it before sending.
    #[serde(default, skip_serializing_if = "is_false")]
    pub breached_check: bool,
    /// When the breach service cannot be reached: `fail` (the default: nothing is sent) or
    /// `warn` (the change goes ahead unchecked).
    #[serde(default, skip_serializing_if = "BreachedOnError::is_fail")]
    pub breached_on_error: BreachedOnError,
}

/// What a change does when the breach service cannot be asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BreachedOnError {
    /// Nothing is sent: the change fails with the error that asking the service met.
    #[default]
    Fail,
    /// The change goes ahead unchecked.
    Warn,
}

impl BreachedOnError {
    fn is_fail(&self) -> bool {
        *self == BreachedOnError::Fail
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

/// A length limit and the unit it counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LengthLimit {
    /// The limit.
    pub value: usize,
    /// What it counts: code points, UTF-16 units or UTF-8 bytes.
    pub unit: LengthUnit,
}

impl LengthLimit {
    /// A limit of `value` in `unit`.
    pub fn new(value: usize, unit: LengthUnit) -> Self {
        Self { value, unit }
    }
}

/// Passwords refused outright: the common ones, your own words, or breached ones offline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BlocklistSpec {
    /// The built-in list of the 3,000 most common passwords.
    #[serde(default)]
    pub common: bool,
    /// Your own words (product names, last year's passwords, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// Breached passwords offline: SHA-1 digests in hex (any case), e.g. the lines of a Pwned
    /// Passwords download with the counts cut off. Matched exactly (not case-folded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sha1: Vec<String>,
}

/// What the password is normalized to before every check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Normalization {
    /// As typed (Keystone, Elasticsearch and OpenSearch normalize nothing).
    #[default]
    None,
    /// Unicode NFKC, as NIST SP 800-63B recommends.
    Nfkc,
}

impl Normalization {
    fn is_none(&self) -> bool {
        *self == Normalization::None
    }
}

/// A zxcvbn score rule: OpenSearch's rules 4 and 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StrengthSpec {
    /// The lowest accepted zxcvbn score, 0–4.
    pub min_score: u8,
    /// Also reject a dictionary match against the user name (OpenSearch's rule 5).
    #[serde(default)]
    pub reject_similar_to_username: bool,
}

/// Rules longer than this are refused: a policy is configuration, not data.
const MAX_PATTERN_BYTES: usize = 64 * 1024;

impl PolicySpec {
    /// Everything that can be known wrong without a password.
    pub(crate) fn check(&self) -> Result<()> {
        if let (Some(min), Some(max)) = (self.min_length, self.max_length) {
            let least = min.unit.least_in(min.value, max.unit);
            if least > max.value {
                return Err(Error::invalid_policy(
                    "min_length",
                    format!(
                        "no password can be at least {} {} and at most {} {}",
                        min.value,
                        min.unit.as_str(),
                        max.value,
                        max.unit.as_str()
                    ),
                ));
            }
        }
        if let Some(pattern) = &self.pattern
            && pattern.regex.len() > MAX_PATTERN_BYTES
        {
            return Err(Error::invalid_policy(
                "pattern.regex",
                format!("longer than {MAX_PATTERN_BYTES} bytes"),
            ));
        }
        if let Some(classes) = &self.character_classes {
            classes.check_spec()?;
        }
        if let Some(strength) = &self.strength
            && strength.min_score > 4
        {
            return Err(Error::invalid_policy(
                "strength.min_score",
                "a zxcvbn score is 0 to 4",
            ));
        }
        Ok(())
    }

    /// Rules that were not evaluated, by the code they would report: `estimated` says whether
    /// a strength estimate was had (a build without an estimator, or one that could not answer).
    pub(crate) fn not_evaluated(&self, has_username: bool, estimated: bool) -> Vec<&'static str> {
        let mut codes = Vec::new();
        if let Some(strength) = &self.strength {
            if !estimated {
                codes.push("weak_password");
            }
            // the server always knows the user name; without it the check cannot be made
            if strength.reject_similar_to_username && (!estimated || !has_username) {
                codes.push("similar_to_username");
            }
        }
        if self.breached_check {
            codes.push("breached_password");
        }
        codes
    }
}
