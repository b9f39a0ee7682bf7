//! Password policies: load (JSON, presets, keystone.conf), check once at load, validate many times.
//!
//! Violations are reported in this order, which is also the order in which the servers check
//! (OpenSearch: length, regex, strength, user name; Keystone: its regex):
//! `too_short`, `too_long`, `control_character`, `pattern_mismatch` / `policy_regex_limit`,
//! `weak_password`, `similar_to_username`, `missing_lowercase`, `missing_uppercase`, `missing_digit`, `missing_symbol`,
//! `too_few_character_classes`, `contains_context_word`, `same_as_current`, `common_password`,
//! `blocklisted`.

mod blocklist;
mod classes;
mod context;
pub mod keystone_conf;
mod pattern;
pub mod presets;
mod report;
mod spec;
mod strength_rule;
pub mod violation_types;

pub use blocklist::common_passwords;
pub(crate) use classes::CharClass;
pub use classes::CharacterClasses;
pub use context::Context;
pub use pattern::{Dialect, PatternSpec};
#[cfg(feature = "schema")]
pub(crate) use report::ReportShape;
pub use report::{Notice, Report, StrengthResult, Violation};
pub use spec::{BlocklistSpec, BreachedOnError, LengthLimit, Normalization, PolicySpec};
pub use strength_rule::StrengthVerdict;
#[cfg(feature = "strength-external")]
pub use strength_rule::{ExternalEstimator, install_strength_estimator};

use crate::error::{Error, Result};
use crate::text::InputError;
pub use crate::text::LengthUnit;
use blocklist::Blocklist;
use pattern::Pattern;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// Passwords longer than this many UTF-8 bytes get a `too_long` violation whatever the policy
/// says, and no other rule runs: every rule stays linear, but nobody needs more.
pub const MAX_PASSWORD_BYTES: usize = 1 << 20;

/// A checked, ready-to-use policy. Build it from a [`PolicySpec`], JSON or a preset.
#[derive(Debug, Clone)]
pub struct Policy {
    spec: PolicySpec,
    pattern: Option<Pattern>,
    blocklist: Blocklist,
    /// Taken when the policy is built, so that `validate` cannot find it missing.
    estimator: Option<strength_rule::Estimator>,
}

impl Policy {
    /// Checks the spec once, so that `validate` never fails: a bad regex or impossible limits
    /// are an `invalid_policy` error here, and a strength rule without the dictionaries loaded
    /// `strength_dictionaries_not_loaded`.
    ///
    /// ```
    /// use chpass::policy::{CharacterClasses, LengthLimit, PolicySpec};
    /// use chpass::text::LengthUnit;
    /// use chpass::{Context, Policy};
    ///
    /// let policy = Policy::new(PolicySpec {
    ///     min_length: Some(LengthLimit::new(12, LengthUnit::CodePoints)),
    ///     character_classes: Some(CharacterClasses { digit: 1, ..Default::default() }),
    ///     ..PolicySpec::default()
    /// })?;
    /// assert_eq!(policy.validate("no digits here", &Context::default()).codes(), ["missing_digit"]);
    /// # Ok::<(), chpass::Error>(())
    /// ```
    pub fn new(spec: PolicySpec) -> Result<Self> {
        spec.check()?;
        let pattern = spec.pattern.as_ref().map(Pattern::compile).transpose()?;
        let blocklist = Blocklist::new(spec.blocklist.as_ref());
        let estimator = match spec.strength {
            Some(_) => strength_rule::Estimator::loaded()?,
            None => None,
        };
        Ok(Policy {
            spec,
            pattern,
            blocklist,
            estimator,
        })
    }

    /// Parses a JSON policy; unknown keys and wrong types are errors that name the key.
    ///
    /// ```
    /// let err = chpass::Policy::from_json(r#"{"min_length": {"value": 8, "unit": "chars"}}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.code(), "invalid_policy");
    /// assert_eq!(err.params()["path"], "min_length.unit");
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let value =
            serde_json::from_str(json).map_err(|e| Error::invalid_policy("", e.to_string()))?;
        Self::from_value(value)
    }

    /// Builds a policy from an already-parsed JSON value (what the bindings hand over).
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        if !value.is_object() {
            return Err(Error::invalid_policy("", "a policy is a JSON object"));
        }
        let spec: PolicySpec = crate::json::read(&value).map_err(policy_error)?;
        Self::new(spec)
    }

    /// A named preset (see [`presets::ALL`]) with its options as JSON (`{}` for none).
    ///
    /// ```
    /// use chpass::{Context, Policy};
    /// use serde_json::json;
    ///
    /// let keystone = Policy::preset("keystone", &json!({
    ///     "password_regex": r"^(?=.*\d)(?=.*[a-zA-Z]).{7,}$",
    ///     "password_regex_description": "7 characters, a letter and a digit",
    /// }))?;
    /// let report = keystone.validate("abcdefg", &Context::default());
    /// assert_eq!(report.codes(), ["pattern_mismatch"]);
    /// assert_eq!(report.violations[0].message(), "7 characters, a letter and a digit");
    /// # Ok::<(), chpass::Error>(())
    /// ```
    pub fn preset(name: &str, options: &serde_json::Value) -> Result<Self> {
        presets::by_name(name, options)
    }

    /// The policy Keystone enforces, read from a keystone.conf `[security_compliance]` section.
    ///
    /// ```
    /// let conf = "[security_compliance]\npassword_regex = ^.{10,}$\n";
    /// let policy = chpass::Policy::from_keystone_conf(conf)?;
    /// assert!(!policy.validate("short", &chpass::Context::default()).ok());
    /// # Ok::<(), chpass::Error>(())
    /// ```
    pub fn from_keystone_conf(text: &str) -> Result<Self> {
        let conf = keystone_conf::SecurityCompliance::parse(text)?;
        presets::keystone(presets::KeystoneOptions {
            password_regex: conf.password_regex,
            password_regex_description: conf.password_regex_description,
            max_password_length: conf
                .max_password_length
                .as_deref()
                .map(keystone_conf::int_option("[identity] max_password_length"))
                .transpose()?,
            password_hash_algorithm: conf.password_hash_algorithm,
            strict_password_check: conf
                .strict_password_check
                .as_deref()
                .map(keystone_conf::bool_option(
                    "[DEFAULT] strict_password_check",
                ))
                .transpose()?
                .unwrap_or(false),
        })
    }

    /// The compiled pattern, when the policy has one.
    pub(crate) fn pattern(&self) -> Option<&Pattern> {
        self.pattern.as_ref()
    }

    /// The policy's rules.
    pub fn spec(&self) -> &PolicySpec {
        &self.spec
    }

    /// The policy's rules as JSON, which [`Policy::from_json`] reads back.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.spec).unwrap_or_default()
    }

    /// Every violation, in the documented order. Never fails and never panics; the cost is
    /// linear in the password's length (the regex is bounded by its backtrack limit).
    pub fn validate(&self, password: &str, context: &Context) -> Report {
        let mut report = Report {
            locale: context.locale,
            ..Report::default()
        };
        if password.len() > MAX_PASSWORD_BYTES {
            report.push(Violation::TooLong {
                max: MAX_PASSWORD_BYTES,
                actual: password.len(),
                unit: LengthUnit::Utf8Bytes,
            });
            return report;
        }
        let password = self.normalize(password);
        let password = password.as_ref();
        let spec = &self.spec;

        if let Some(min) = spec.min_length {
            let actual = min.unit.count(password);
            if actual < min.value {
                report.push(Violation::TooShort {
                    min: min.value,
                    actual,
                    unit: min.unit,
                });
            }
        }
        if let Some(max) = spec.max_length {
            let actual = max.unit.count(password);
            if actual > max.value {
                report.push(Violation::TooLong {
                    max: max.value,
                    actual,
                    unit: max.unit,
                });
            }
        }
        if let Some(kept) = spec.truncated_after {
            let actual = kept.unit.count(password);
            if actual > kept.value {
                report.notices.push(Notice::TruncatedByServer {
                    kept: kept.value,
                    actual,
                    unit: kept.unit,
                });
            }
        }
        if spec.forbid_control_characters
            && let Some((position, c)) = password.chars().enumerate().find(|(_, c)| c.is_control())
        {
            report.push(Violation::ControlCharacter {
                position,
                code_point: c as u32,
            });
        }
        if let Some(pattern) = &self.pattern
            && let Some(violation) = pattern.check(password)
        {
            report.push(violation);
        }
        let estimated = match (&spec.strength, self.estimator) {
            (Some(rule), Some(estimator)) => {
                let username = context.username.as_deref();
                strength_rule::check(rule, estimator, password, username, &mut report)
            }
            _ => false,
        };
        if let Some(classes) = &spec.character_classes {
            classes.check(password, &mut report);
        }

        let lowered = lowercase(password);
        if spec.context_words
            && let Some(word) = context.words().find(|w| lowered.contains(w.as_str()))
        {
            report.push(Violation::ContainsContextWord { word });
        }
        if spec.differ_from_current
            && context
                .current_password
                .as_ref()
                .is_some_and(|current| self.normalize(current.expose()) == password)
        {
            report.push(Violation::SameAsCurrent);
        }
        if let Some(violation) = self.blocklist.check(&lowered) {
            report.push(violation);
        }
        if let Some(violation) = self.blocklist.check_breached(password) {
            report.push(violation);
        }
        report.not_evaluated = spec.not_evaluated(context.username.is_some(), estimated);
        report
    }

    fn normalize<'a>(&self, password: &'a str) -> Cow<'a, str> {
        match self.spec.normalization {
            Normalization::None => Cow::Borrowed(password),
            Normalization::Nfkc => crate::text::nfkc(password),
        }
    }
}

/// Case folding for the context-word and blocklist checks: borrowed when there is nothing to fold.
fn lowercase(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_uppercase) {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// A policy's own errors name the whole policy as `""`, not `.`.
fn policy_error(e: InputError) -> Error {
    let path = if e.path == "." { String::new() } else { e.path };
    Error::invalid_policy(path, e.reason)
}

/// `validate(password, &policy, &context)`: the free-function form of [`Policy::validate`].
pub fn validate(password: &str, policy: &Policy, context: &Context) -> Report {
    policy.validate(password, context)
}

impl PartialEq for Policy {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.spec.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spec = PolicySpec::deserialize(deserializer)?;
        Policy::new(spec).map_err(serde::de::Error::custom)
    }
}
