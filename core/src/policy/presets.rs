//! Named policies, each copying its source exactly (see the README's preset table).

use super::Policy;
use super::pattern::{Dialect, PatternSpec};
use super::spec::{BlocklistSpec, LengthLimit, PolicySpec, StrengthSpec};
use crate::error::{Error, Result};
use crate::text::LengthUnit::{CodePoints, Utf8Bytes, Utf16Units};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What a preset is and where its rules come from.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PresetInfo {
    /// The name `Policy::preset` takes (`nist-800-63b`, `keystone`, …).
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::PresetName"))]
    pub name: &'static str,
    /// What it enforces, in a sentence.
    pub summary: &'static str,
    /// Where the rules come from (a standard's section, a server's source).
    pub source: &'static str,
    /// The option keys it takes.
    pub options: &'static [&'static str],
}

/// Every preset, in the order the docs list them.
pub const ALL: &[PresetInfo] = &[
    PresetInfo {
        name: "nist-800-63b",
        summary: "At least 15 characters (8 with mfa), no composition rules, common-password \
                  and context-word checks, must differ from the current password.",
        source: "NIST SP 800-63B-4 (2025), section 3.1.1.2",
        options: &["mfa"],
    },
    PresetInfo {
        name: "owasp-asvs-5-l1",
        summary: "At least 8 characters, no composition rules, top-3000 common-password check.",
        source: "OWASP ASVS 5.0 V6.2: 6.2.1, 6.2.4, 6.2.5, 6.2.8",
        options: &[],
    },
    PresetInfo {
        name: "owasp-asvs-5-l2",
        summary: "Level 1 plus context words (6.2.11) and a breached-password check (6.2.12, \
                  reported as not evaluated by this version).",
        source: "OWASP ASVS 5.0 V6.2: 6.2.1, 6.2.4, 6.2.5, 6.2.8, 6.2.9, 6.2.11, 6.2.12",
        options: &[],
    },
    PresetInfo {
        name: "elasticsearch",
        summary: "At least 6 UTF-16 code units, as the change-password API checks.",
        source: "Elasticsearch ChangePasswordRequest validation: \"passwords must be at least [6] characters long\"",
        options: &[],
    },
    PresetInfo {
        name: "opensearch",
        summary: "The security plugin's defaults: minimum length off, at most 100 UTF-16 units, \
                  optional Java regex (full match), zxcvbn score at least strong (zxcvbn's exact \
                  lists, as the server scores) and no user-name match.",
        source: "OpenSearch security plugin, PasswordValidator; settings plugins.security.restapi.password_*",
        options: &[
            "password_min_length",
            "password_validation_regex",
            "password_validation_error_message",
            "password_score_based_validation_strength",
        ],
    },
    PresetInfo {
        name: "keystone",
        summary: "[security_compliance] password_regex applied with Python re.match (anchored at \
                  the start only); a password over the length Keystone uses (max_password_length \
                  UTF-8 bytes, 72 under bcrypt) is refused with strict_password_check, and \
                  otherwise accepted with a truncated_by_server notice, as the server truncates it.",
        source: "Keystone identity backend: re.match(CONF.security_compliance.password_regex, password); \
                 password_hashing.verify_length_and_trunc_password",
        options: &[
            "password_regex",
            "password_regex_description",
            "max_password_length",
            "password_hash_algorithm",
            "strict_password_check",
        ],
    },
];

/// Each preset's options type, by preset name, with its JSON Schema (the preset's
/// `PresetInfo::options` are its keys; a test holds them equal).
#[cfg(feature = "schema")]
pub fn option_schemas() -> Vec<(&'static str, &'static str, schemars::Schema)> {
    use schemars::schema_for;
    let none = || schema_for!(NoOptions);
    vec![
        (
            "nist-800-63b",
            "NistPresetOptions",
            schema_for!(NistOptions),
        ),
        ("owasp-asvs-5-l1", "NoPresetOptions", none()),
        ("owasp-asvs-5-l2", "NoPresetOptions", none()),
        ("elasticsearch", "NoPresetOptions", none()),
        (
            "opensearch",
            "OpenSearchPresetOptions",
            schema_for!(OpenSearchOptions),
        ),
        (
            "keystone",
            "KeystonePresetOptions",
            schema_for!(KeystoneOptions),
        ),
    ]
}

/// Builds a preset by name; `options` is a JSON object (or null) of that preset's options.
pub fn by_name(name: &str, options: &serde_json::Value) -> Result<Policy> {
    match name {
        "nist-800-63b" => nist_800_63b(parse_options(options)?),
        "owasp-asvs-5-l1" => no_options(options).and_then(|()| owasp_asvs_5(AsvsLevel::L1)),
        "owasp-asvs-5-l2" => no_options(options).and_then(|()| owasp_asvs_5(AsvsLevel::L2)),
        "elasticsearch" => no_options(options).and_then(|()| elasticsearch()),
        "opensearch" => opensearch(parse_options(options)?),
        "keystone" => keystone(parse_options(options)?),
        _ => Err(Error::invalid_policy(
            "preset",
            format!(
                "unknown preset {name:?}; known: {}",
                ALL.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

fn parse_options<T: DeserializeOwned + Default>(options: &serde_json::Value) -> Result<T> {
    if options.is_null() {
        return Ok(T::default());
    }
    crate::json::read(options).map_err(|e| {
        let path = if e.path == "." {
            "options".to_owned()
        } else {
            format!("options.{}", e.path)
        };
        Error::invalid_policy(path, e.reason)
    })
}

/// The options of a preset that takes none: an empty object (or null).
#[derive(Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct NoOptions {}

fn no_options(options: &serde_json::Value) -> Result<()> {
    parse_options::<NoOptions>(options).map(|_| ())
}

/// The options of the `nist-800-63b` preset.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NistOptions {
    /// The password is one factor of several: the minimum drops from 15 to 8.
    #[serde(default)]
    pub mfa: bool,
}

/// NIST SP 800-63B-4: at least 15 code points (8 with `mfa`), no composition rules, common
/// passwords, context words, differs from the current one, no control characters.
pub fn nist_800_63b(options: NistOptions) -> Result<Policy> {
    let min = if options.mfa { 8 } else { 15 };
    Policy::new(PolicySpec {
        min_length: Some(LengthLimit::new(min, CodePoints)),
        forbid_control_characters: true,
        context_words: true,
        differ_from_current: true,
        blocklist: Some(common_blocklist()),
        ..PolicySpec::default()
    })
}

/// A verification level of OWASP ASVS 5.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsvsLevel {
    /// Level 1.
    L1,
    /// Level 2: level 1 and context words and a breached-password check.
    L2,
}

/// OWASP ASVS 5.0 V6.2 at a level: at least 8 code points, common passwords, differs from the
/// current one, no control characters.
pub fn owasp_asvs_5(level: AsvsLevel) -> Result<Policy> {
    let l2 = level == AsvsLevel::L2;
    Policy::new(PolicySpec {
        min_length: Some(LengthLimit::new(8, CodePoints)),
        forbid_control_characters: true,
        context_words: l2,
        differ_from_current: true,
        blocklist: Some(common_blocklist()),
        breached_check: l2,
        ..PolicySpec::default()
    })
}

/// Elasticsearch: at least 6 UTF-16 units, as its change-password validation counts.
pub fn elasticsearch() -> Result<Policy> {
    Policy::new(PolicySpec {
        min_length: Some(LengthLimit::new(6, Utf16Units)),
        ..PolicySpec::default()
    })
}

/// `plugins.security.restapi.password_score_based_validation_strength`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpenSearchStrength {
    /// A score of at least 1.
    Fair,
    /// A score of at least 2.
    Good,
    /// A score of at least 3 (the plugin's default).
    #[default]
    Strong,
    /// A score of 4.
    VeryStrong,
}

/// The `plugins.security.restapi.*` settings that shape password validation.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OpenSearchOptions {
    /// Off unless set (the plugin's default is -1).
    #[serde(default)]
    pub password_min_length: Option<usize>,
    /// The cluster's regex, in Java syntax; empty or none is no regex rule.
    #[serde(default)]
    pub password_validation_regex: Option<String>,
    /// The message of a regex refusal (the plugin's default when none).
    #[serde(default)]
    pub password_validation_error_message: Option<String>,
    /// The minimum zxcvbn score (`strong` by default).
    #[serde(default)]
    pub password_score_based_validation_strength: OpenSearchStrength,
}

/// The plugin's default message for a regex failure.
pub const OPENSEARCH_REGEX_MESSAGE: &str = "Password does not match minimum criteria";

/// OpenSearch's security plugin, in its order: `password_min_length`, at most 100 UTF-16 units,
/// the regex as a Java full match, zxcvbn's score, and no user-name match.
pub fn opensearch(options: OpenSearchOptions) -> Result<Policy> {
    let pattern = options
        .password_validation_regex
        .filter(|regex| !regex.is_empty())
        .map(|regex| PatternSpec {
            regex,
            dialect: Dialect::JavaMatches,
            description: Some(
                options
                    .password_validation_error_message
                    .unwrap_or_else(|| OPENSEARCH_REGEX_MESSAGE.to_owned()),
            ),
        });
    let min_score = match options.password_score_based_validation_strength {
        OpenSearchStrength::Fair => 1,
        OpenSearchStrength::Good => 2,
        OpenSearchStrength::Strong => 3,
        OpenSearchStrength::VeryStrong => 4,
    };
    Policy::new(PolicySpec {
        min_length: options
            .password_min_length
            .filter(|&min| min > 0)
            .map(|min| LengthLimit::new(min, Utf16Units)),
        max_length: Some(LengthLimit::new(100, Utf16Units)),
        pattern,
        strength: Some(StrengthSpec {
            min_score,
            reject_similar_to_username: true,
        }),
        ..PolicySpec::default()
    })
}

/// Keystone's `[security_compliance]`, `[identity]` and `[DEFAULT]` password options.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeystoneOptions {
    /// `[security_compliance] password_regex`; none or empty is no regex rule.
    #[serde(default)]
    pub password_regex: Option<String>,
    /// `[security_compliance] password_regex_description`, the message of a regex refusal.
    #[serde(default)]
    pub password_regex_description: Option<String>,
    /// `[identity] max_password_length`, in UTF-8 bytes: 1 to 4096, 4096 when not set.
    #[serde(default)]
    pub max_password_length: Option<usize>,
    /// `[identity] password_hash_algorithm`: `bcrypt` (the default), `bcrypt_sha256`,
    /// `scrypt` or `pbkdf2_sha512`.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "keystone_hash_algorithm_schema")
    )]
    pub password_hash_algorithm: Option<String>,
    /// `[DEFAULT] strict_password_check`: refuse (403) rather than truncate a password over
    /// the length Keystone uses. Off by default.
    #[serde(default)]
    pub strict_password_check: bool,
}

/// Keystone's default `[identity] max_password_length`, in UTF-8 bytes.
pub const KEYSTONE_MAX_PASSWORD_LENGTH: usize = 4096;
/// What Keystone's bcrypt uses of a password, whatever `max_password_length` says.
pub const KEYSTONE_BCRYPT_MAX_LENGTH: usize = 72;
const KEYSTONE_HASH_ALGORITHMS: [&str; 4] = ["bcrypt", "bcrypt_sha256", "scrypt", "pbkdf2_sha512"];

#[cfg(feature = "schema")]
fn keystone_hash_algorithm_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "enum": KEYSTONE_HASH_ALGORITHMS })
}

/// Keystone's own rule (`verify_length_and_trunc_password`): a password longer than the
/// length it uses, in UTF-8 bytes (`max_password_length`, or 72 under bcrypt), is refused
/// with `strict_password_check` and otherwise cut to that length, silently, on every change
/// and every login. The first is a `too_long` violation; the second is the server's yes, with
/// a `truncated_by_server` notice.
pub fn keystone(options: KeystoneOptions) -> Result<Policy> {
    let configured = options
        .max_password_length
        .unwrap_or(KEYSTONE_MAX_PASSWORD_LENGTH);
    if !(1..=KEYSTONE_MAX_PASSWORD_LENGTH).contains(&configured) {
        return Err(Error::invalid_policy(
            "max_password_length",
            format!("Keystone takes 1 to {KEYSTONE_MAX_PASSWORD_LENGTH}, not {configured}"),
        ));
    }
    let algorithm = options
        .password_hash_algorithm
        .as_deref()
        .unwrap_or("bcrypt");
    if !KEYSTONE_HASH_ALGORITHMS.contains(&algorithm) {
        return Err(Error::invalid_policy(
            "password_hash_algorithm",
            format!(
                "Keystone has no password_hash_algorithm {algorithm:?} ({})",
                KEYSTONE_HASH_ALGORITHMS.join(", ")
            ),
        ));
    }
    let used = match algorithm {
        "bcrypt" => configured.min(KEYSTONE_BCRYPT_MAX_LENGTH),
        _ => configured,
    };
    let limit = Some(LengthLimit::new(used, Utf8Bytes));
    let (max_length, truncated_after) = match options.strict_password_check {
        true => (limit, None),
        false => (None, limit),
    };
    Policy::new(PolicySpec {
        max_length,
        truncated_after,
        pattern: options
            .password_regex
            .filter(|regex| !regex.is_empty())
            .map(|regex| PatternSpec {
                regex,
                dialect: Dialect::PythonReMatch,
                description: options.password_regex_description,
            }),
        ..PolicySpec::default()
    })
}

fn common_blocklist() -> BlocklistSpec {
    BlocklistSpec {
        common: true,
        ..BlocklistSpec::default()
    }
}
