//! Hashes made exactly as a given server's configuration would make them.

use super::{
    Argon2Params, Argon2Variant, BcryptParams, BcryptVariant, Dialect, ElasticsearchPbkdf2Params,
    HashSpec, Hmac, Password4jPbkdf2Params, Salt, WorkLimits, hash, hash_with_limits,
};
use crate::error::{Error, Result};
use serde_json::{Map, Value};

/// Elasticsearch's default `xpack.security.authc.password_hashing.algorithm`.
pub const ELASTICSEARCH_DEFAULT_ALGORITHM: &str = "bcrypt";

/// Every value of Elasticsearch's `xpack.security.authc.password_hashing.algorithm`
/// that `password_hash` accepts.
pub const ELASTICSEARCH_ALGORITHMS: &[&str] = &[
    "bcrypt",
    "bcrypt4",
    "bcrypt5",
    "bcrypt6",
    "bcrypt7",
    "bcrypt8",
    "bcrypt9",
    "bcrypt10",
    "bcrypt11",
    "bcrypt12",
    "bcrypt13",
    "bcrypt14",
    "pbkdf2",
    "pbkdf2_1000",
    "pbkdf2_10000",
    "pbkdf2_50000",
    "pbkdf2_100000",
    "pbkdf2_500000",
    "pbkdf2_1000000",
    "pbkdf2_stretch",
    "pbkdf2_stretch_1000",
    "pbkdf2_stretch_10000",
    "pbkdf2_stretch_50000",
    "pbkdf2_stretch_100000",
    "pbkdf2_stretch_500000",
    "pbkdf2_stretch_1000000",
];

/// A `password_hash` for Elasticsearch's change-password API, made the way Elasticsearch makes
/// it for `algorithm` (`bcrypt` is cost 10 with `$2a$`, `pbkdf2` is 10,000 iterations, 32-byte
/// salt, 256-bit key). A name Elasticsearch would answer "unknown hash function" to is refused.
pub fn elasticsearch_password_hash(password: &str, algorithm: &str) -> Result<String> {
    hash(password, &elasticsearch_spec(algorithm)?)
}

/// What Elasticsearch's change-password API makes of a `password_hash` (its
/// `Hasher.resolveFromHash`): the algorithm name it resolves to, or `malformed_hash` saying why
/// Elasticsearch would refuse it (a bcrypt cost over 14, PBKDF2 iterations outside its list,
/// argon2, `{SHA}`…). The same rule as [`elasticsearch_password_hash`].
pub fn elasticsearch_hash_algorithm(hash: &str) -> Result<String> {
    if hash.starts_with("{PBKDF2") {
        let parsed = super::pbkdf2::Pbkdf2Hash::parse_elasticsearch(hash)?;
        let stretch = hash.starts_with("{PBKDF2_STRETCH}");
        let family = if stretch { "pbkdf2_stretch" } else { "pbkdf2" };
        return Ok(format!("{family}_{}", parsed.iterations));
    }
    if matches!(hash.get(..4), Some("$2a$" | "$2b$" | "$2y$")) {
        let parsed = super::bcrypt::BcryptHash::parse(hash)?;
        let name = format!("bcrypt{}", parsed.cost);
        if !ELASTICSEARCH_ALGORITHMS.contains(&name.as_str()) {
            return Err(Error::malformed_hash(format!(
                "Elasticsearch accepts bcrypt costs 4 to 14, not {} (it would answer \
                 \"unknown hash function [{name}]\")",
                parsed.cost
            )));
        }
        return Ok(name);
    }
    Err(Error::malformed_hash(
        "Elasticsearch's password_hash takes bcrypt ($2a$, $2b$, $2y$, cost 4 to 14) or \
         {PBKDF2}/{PBKDF2_STRETCH} with 1000, 10000, 50000, 100000, 500000 or 1000000 iterations",
    ))
}

fn elasticsearch_spec(algorithm: &str) -> Result<HashSpec> {
    // Java's toLowerCase(Locale.ROOT), as Elasticsearch reads the setting: the Kelvin sign
    // (U+212A) is a `k`
    let name = algorithm.to_lowercase();
    if !ELASTICSEARCH_ALGORITHMS.contains(&name.as_str()) {
        let mut params = Map::new();
        params.insert("allowed".into(), Value::from(ELASTICSEARCH_ALGORITHMS));
        return Err(Error::InvalidArgument {
            argument: "algorithm",
            reason: format!(
                "Elasticsearch has no password hashing algorithm {algorithm:?}; it would answer \
                 \"unknown hash function\" (bcrypt, bcrypt4…bcrypt14, pbkdf2, pbkdf2_<1000…1000000>, \
                 pbkdf2_stretch, pbkdf2_stretch_<1000…1000000>)"
            ),
            params,
        });
    }
    let number = |digits: &str| digits.parse::<u32>().unwrap_or(0);
    Ok(if let Some(cost) = name.strip_prefix("bcrypt") {
        HashSpec::Bcrypt(BcryptParams {
            cost: if cost.is_empty() { 10 } else { number(cost) },
            variant: BcryptVariant::TwoA,
            salt: None,
        })
    } else if let Some(rest) = name.strip_prefix("pbkdf2_stretch") {
        HashSpec::ElasticsearchPbkdf2Stretch(es_pbkdf2(rest.trim_start_matches('_'), number))
    } else {
        let rest = name.trim_start_matches("pbkdf2");
        HashSpec::ElasticsearchPbkdf2(es_pbkdf2(rest.trim_start_matches('_'), number))
    })
}

fn es_pbkdf2(iterations: &str, number: impl Fn(&str) -> u32) -> ElasticsearchPbkdf2Params {
    ElasticsearchPbkdf2Params {
        iterations: if iterations.is_empty() {
            10000
        } else {
            number(iterations)
        },
        ..Default::default()
    }
}

/// The security plugin's `plugins.security.password.hashing.*` settings, with their defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSearchHashSettings {
    spec: HashSpec,
}

impl Default for OpenSearchHashSettings {
    fn default() -> Self {
        OpenSearchHashSettings {
            spec: opensearch_bcrypt(12, BcryptVariant::TwoY),
        }
    }
}

fn opensearch_bcrypt(cost: u32, variant: BcryptVariant) -> HashSpec {
    HashSpec::Bcrypt(BcryptParams {
        cost,
        variant,
        salt: None,
    })
}

impl OpenSearchHashSettings {
    /// Reads settings as opensearch.yml writes them, with or without the
    /// `plugins.security.password.hashing.` prefix: `{"algorithm": "pbkdf2",
    /// "pbkdf2.function": "SHA512"}`. Numbers may be numbers or strings; the checks are the
    /// plugin's own (`PasswordHasherFactory`), so a node that would refuse to start is refused here.
    /// Null is the plugin's defaults, as for the other specs.
    pub fn from_value(value: &Value) -> Result<Self> {
        if value.is_null() {
            return Ok(Self::default());
        }
        let object = value
            .as_object()
            .ok_or_else(|| Error::invalid_argument("settings", "must be an object"))?;
        let mut settings = Map::new();
        for (key, value) in object {
            let key = key
                .strip_prefix("plugins.security.password.hashing.")
                .unwrap_or(key);
            if !KNOWN_SETTINGS.contains(&key) {
                return Err(Error::invalid_argument(
                    "settings",
                    format!(
                        "unknown setting {key:?}; known: {}",
                        KNOWN_SETTINGS.join(", ")
                    ),
                ));
            }
            settings.insert(key.to_string(), value.clone());
        }
        let text = |key: &str, default: &str| -> Result<String> {
            match settings.get(key) {
                None => Ok(default.to_string()),
                Some(Value::String(s)) => Ok(s.clone()),
                Some(_) => Err(Error::invalid_argument(
                    "settings",
                    format!("{key} must be a string"),
                )),
            }
        };
        let int = |key: &str, default: u32| -> Result<u32> {
            let bad =
                || Error::invalid_argument("settings", format!("{key} must be a positive integer"));
            let n = match settings.get(key) {
                None => return Ok(default),
                Some(Value::Number(n)) => n.as_u64(),
                Some(Value::String(s)) => s.trim().parse::<u64>().ok(),
                Some(_) => None,
            };
            n.filter(|&n| n > 0 && n <= i32::MAX as u64)
                .map(|n| n as u32)
                .ok_or_else(bad)
        };
        let algorithm = text("algorithm", "bcrypt")?.to_ascii_lowercase();
        let spec = match algorithm.as_str() {
            "bcrypt" => {
                let cost = int("bcrypt.rounds", 12)?;
                if !(4..=31).contains(&cost) {
                    return Err(Error::invalid_argument(
                        "settings",
                        "bcrypt.rounds must be 4 to 31",
                    ));
                }
                let variant = match text("bcrypt.minor", "Y")?.to_ascii_uppercase().as_str() {
                    "A" => BcryptVariant::TwoA,
                    "B" => BcryptVariant::TwoB,
                    "Y" => BcryptVariant::TwoY,
                    _ => {
                        return Err(Error::invalid_argument(
                            "settings",
                            "bcrypt.minor must be A, B or Y",
                        ));
                    }
                };
                opensearch_bcrypt(cost, variant)
            }
            "pbkdf2" => HashSpec::Password4jPbkdf2(Password4jPbkdf2Params {
                hmac: Hmac::from_setting(&text("pbkdf2.function", "SHA256")?).ok_or_else(|| {
                    Error::invalid_argument(
                        "settings",
                        "pbkdf2.function must be SHA1, SHA224, SHA256, SHA384 or SHA512",
                    )
                })?,
                iterations: int("pbkdf2.iterations", 600_000)?,
                key_bits: int("pbkdf2.length", 256)?,
                ..Default::default()
            }),
            "argon2" => {
                let params = Argon2Params {
                    memory_kib: int("argon2.memory", 65536)?,
                    iterations: int("argon2.iterations", 3)?,
                    parallelism: int("argon2.parallelism", 1)?,
                    hash_length: int("argon2.length", 32)? as usize,
                    version: int("argon2.version", 19)?,
                    salt_length: 32,
                    salt: None,
                };
                if params.version != 16 && params.version != 19 {
                    return Err(Error::invalid_argument(
                        "settings",
                        "argon2.version must be 16 or 19",
                    ));
                }
                match text("argon2.type", "argon2id")?
                    .to_ascii_lowercase()
                    .as_str()
                {
                    "argon2id" => HashSpec::Argon2id(params),
                    "argon2i" => HashSpec::Argon2i(params),
                    "argon2d" => HashSpec::Argon2d(params),
                    _ => {
                        return Err(Error::invalid_argument(
                            "settings",
                            "argon2.type must be argon2id, argon2i or argon2d",
                        ));
                    }
                }
            }
            other => {
                return Err(Error::invalid_argument(
                    "settings",
                    format!(
                        "OpenSearch has no password hashing algorithm {other:?} (bcrypt, pbkdf2, argon2)"
                    ),
                ));
            }
        };
        Ok(OpenSearchHashSettings { spec })
    }

    /// The equivalent spec, for [`super::needs_rehash`].
    pub fn spec(&self) -> &HashSpec {
        &self.spec
    }
}

const KNOWN_SETTINGS: &[&str] = &[
    "algorithm",
    "bcrypt.rounds",
    "bcrypt.minor",
    "pbkdf2.function",
    "pbkdf2.iterations",
    "pbkdf2.length",
    "argon2.memory",
    "argon2.iterations",
    "argon2.parallelism",
    "argon2.length",
    "argon2.type",
    "argon2.version",
];

/// The string password4j 1.8 would build for this password under these settings (for bcrypt
/// minor A, password4j's own `$2a$`; see [`super::verify_opensearch`]). Salts are random
/// printable ASCII, which every password4j version reads alike: 128 characters for PBKDF2 and
/// 32 for argon2, the plugin's lengths. OpenSearch refuses empty passwords, and so does this.
pub fn opensearch_hash(password: &str, settings: &OpenSearchHashSettings) -> Result<String> {
    opensearch_hash_with_limits(password, settings, &WorkLimits::default())
}

/// [`opensearch_hash`] within `limits` (see [`super::hash_with_limits`]).
pub fn opensearch_hash_with_limits(
    password: &str,
    settings: &OpenSearchHashSettings,
    limits: &WorkLimits,
) -> Result<String> {
    settings.spec.check_limits(limits)?;
    if password.is_empty() {
        return Err(Error::invalid_argument(
            "password",
            "OpenSearch refuses to hash an empty password",
        ));
    }
    match &settings.spec {
        // password4j's own argon2 (memory below 8 KiB per lane) and $2a$ (minor A)
        HashSpec::Argon2id(p) | HashSpec::Argon2i(p) | HashSpec::Argon2d(p) => {
            let mut params = p.clone();
            params.salt = Some(Salt(super::printable_salt(p.salt_length)?));
            let variant = match &settings.spec {
                HashSpec::Argon2i(_) => Argon2Variant::Argon2i,
                HashSpec::Argon2d(_) => Argon2Variant::Argon2d,
                _ => Argon2Variant::Argon2id,
            };
            super::check_password(password)?;
            super::argon2::hash(password, variant, &params, Dialect::Password4j)
        }
        HashSpec::Bcrypt(p) => super::bcrypt::hash(password, p, Dialect::Password4j),
        spec => hash_with_limits(password, spec, limits),
    }
}
