//! PBKDF2 as two servers store it:
//! - Elasticsearch: `{PBKDF2}<iterations>$<salt>$<key>` (HMAC-SHA512, padded Base64), and
//!   `{PBKDF2_STRETCH}…`, whose input is the lowercase hex SHA-512 of the password;
//! - OpenSearch (password4j's compressed form): `$<hmac>$<(iterations << 32) | key bits>$<salt>$<key>`.

use super::encoding::{PADDED, decode_standard, hex_lower};
use super::limits::{WorkLimits, within};
use super::{Salt, salt_or_random};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use zeroize::Zeroizing;

/// The only iteration counts Elasticsearch accepts (`pbkdf2_1000` … `pbkdf2_1000000`).
pub const ELASTICSEARCH_ITERATIONS: [u32; 6] = [1000, 10000, 50000, 100000, 500000, 1000000];

/// Elasticsearch's own choices by default: 10,000 iterations, 32-byte salt, 256-bit key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct ElasticsearchPbkdf2Params {
    /// One of 1000, 10000, 50000, 100000, 500000, 1000000.
    pub iterations: u32,
    /// Bytes of random salt.
    pub salt_length: usize,
    /// A positive multiple of 16 bytes.
    pub key_length: usize,
    /// A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salt: Option<Salt>,
}

impl Default for ElasticsearchPbkdf2Params {
    fn default() -> Self {
        ElasticsearchPbkdf2Params {
            iterations: 10000,
            salt_length: 32,
            key_length: 32,
            salt: None,
        }
    }
}

/// OpenSearch's defaults: HMAC-SHA256, 600,000 iterations, 256 bits, 128-character salt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Password4jPbkdf2Params {
    /// The HMAC's hash function.
    pub hmac: Hmac,
    /// Iterations.
    pub iterations: u32,
    /// The key length in bits, 8 or more; as in password4j, a length that is not whole bytes
    /// makes `key_bits / 8` bytes and is written as given.
    pub key_bits: u32,
    /// A random salt is printable ASCII, which every password4j version reads alike (it kept
    /// salts as Java Strings before 1.7.0, bytes since); any non-empty `salt` may be given.
    pub salt_length: usize,
    /// A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salt: Option<Salt>,
}

impl Default for Password4jPbkdf2Params {
    fn default() -> Self {
        Password4jPbkdf2Params {
            hmac: Hmac::Sha256,
            iterations: 600_000,
            key_bits: 256,
            salt_length: 128,
            salt: None,
        }
    }
}

/// The hash function of PBKDF2's HMAC (password4j's choices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Hmac {
    /// HMAC-SHA1 (password4j's code 1).
    Sha1,
    /// HMAC-SHA224 (code 2).
    Sha224,
    /// HMAC-SHA256 (code 3, OpenSearch's default).
    Sha256,
    /// HMAC-SHA384 (code 4).
    Sha384,
    /// HMAC-SHA512 (code 5).
    Sha512,
}

impl Hmac {
    /// password4j's numeric code in the compressed string.
    fn code(self) -> u32 {
        match self {
            Hmac::Sha1 => 1,
            Hmac::Sha224 => 2,
            Hmac::Sha256 => 3,
            Hmac::Sha384 => 4,
            Hmac::Sha512 => 5,
        }
    }

    fn from_code(code: u32) -> Option<Self> {
        [
            Hmac::Sha1,
            Hmac::Sha224,
            Hmac::Sha256,
            Hmac::Sha384,
            Hmac::Sha512,
        ]
        .into_iter()
        .find(|h| h.code() == code)
    }

    /// OpenSearch's `pbkdf2.function` names: SHA1 … SHA512, any case.
    pub(crate) fn from_setting(name: &str) -> Option<Self> {
        match name.to_ascii_uppercase().as_str() {
            "SHA1" => Some(Hmac::Sha1),
            "SHA224" => Some(Hmac::Sha224),
            "SHA256" => Some(Hmac::Sha256),
            "SHA384" => Some(Hmac::Sha384),
            "SHA512" => Some(Hmac::Sha512),
            _ => None,
        }
    }

    fn derive(self, password: &[u8], salt: &[u8], iterations: u32, out: &mut [u8]) {
        use pbkdf2::pbkdf2_hmac;
        match self {
            Hmac::Sha1 => pbkdf2_hmac::<sha1::Sha1>(password, salt, iterations, out),
            Hmac::Sha224 => pbkdf2_hmac::<sha2::Sha224>(password, salt, iterations, out),
            Hmac::Sha256 => pbkdf2_hmac::<sha2::Sha256>(password, salt, iterations, out),
            Hmac::Sha384 => pbkdf2_hmac::<sha2::Sha384>(password, salt, iterations, out),
            Hmac::Sha512 => pbkdf2_hmac::<sha2::Sha512>(password, salt, iterations, out),
        }
    }
}

/// A parsed PBKDF2 hash in either server's format.
#[derive(Debug, Clone)]
pub(crate) struct Pbkdf2Hash {
    pub format: Pbkdf2Format,
    pub hmac: Hmac,
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub key: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pbkdf2Format {
    Elasticsearch,
    ElasticsearchStretch,
    Password4j,
}

pub(crate) fn hash_elasticsearch(
    password: &str,
    stretch: bool,
    params: &ElasticsearchPbkdf2Params,
) -> Result<String> {
    let arg = |reason: String| Error::invalid_argument("params", reason);
    if !ELASTICSEARCH_ITERATIONS.contains(&params.iterations) {
        return Err(arg(format!(
            "Elasticsearch accepts only {ELASTICSEARCH_ITERATIONS:?} PBKDF2 iterations; it would answer \
             \"unknown hash function [pbkdf2_{}]\"",
            params.iterations
        )));
    }
    if params.key_length == 0 || !params.key_length.is_multiple_of(16) || params.key_length > 1024 {
        return Err(arg(
            "key_length must be a positive multiple of 16 bytes (128 bits), at most 1024".into(),
        ));
    }
    let salt = salt_or_random(params.salt.as_ref(), params.salt_length)?;
    if salt.len() < 8 || salt.len() > 1024 {
        return Err(arg("an Elasticsearch salt is 8 to 1024 bytes".into()));
    }
    let stored = Pbkdf2Hash {
        format: if stretch {
            Pbkdf2Format::ElasticsearchStretch
        } else {
            Pbkdf2Format::Elasticsearch
        },
        hmac: Hmac::Sha512,
        iterations: params.iterations,
        salt: salt.to_vec(),
        key: Vec::new(),
    };
    let key = stored.derive(password, params.key_length);
    Ok(stored.encode(&key, key.len() as u64 * 8))
}

pub(crate) fn hash_password4j(password: &str, params: &Password4jPbkdf2Params) -> Result<String> {
    let arg = |reason: &str| Error::invalid_argument("params", reason);
    if params.iterations == 0 || params.iterations > i32::MAX as u32 {
        return Err(arg("iterations must be 1 to 2147483647 (a Java int)"));
    }
    // as password4j takes it: any length of a byte or more (Java's PBKDF2 drops the bits
    // past the last whole byte); the cap bounds the work, which grows with the length
    if !(8..=MAX_PASSWORD4J_KEY_BITS).contains(&params.key_bits) {
        return Err(arg(&format!(
            "key_bits must be 8 to {MAX_PASSWORD4J_KEY_BITS}"
        )));
    }
    let salt = match &params.salt {
        Some(salt) => salt.0.clone(),
        None => super::printable_salt(params.salt_length)?,
    };
    // since 1.7.0 password4j keeps salts as bytes: any non-empty salt will do
    if salt.is_empty() {
        return Err(arg("the salt must not be empty"));
    }
    let stored = Pbkdf2Hash {
        format: Pbkdf2Format::Password4j,
        hmac: params.hmac,
        iterations: params.iterations,
        salt,
        key: Vec::new(),
    };
    let key = stored.derive(password, (params.key_bits / 8) as usize);
    Ok(stored.encode(&key, u64::from(params.key_bits)))
}

/// The longest password4j PBKDF2 key chpass makes or checks, in bits.
pub const MAX_PASSWORD4J_KEY_BITS: u32 = 65_536;

impl Pbkdf2Hash {
    fn derive(&self, password: &str, key_length: usize) -> Zeroizing<Vec<u8>> {
        let mut key = Zeroizing::new(vec![0u8; key_length]);
        if self.format == Pbkdf2Format::ElasticsearchStretch {
            let digest = sha2::Sha512::digest(password.as_bytes());
            let hex = Zeroizing::new(hex_lower(&digest));
            self.hmac
                .derive(hex.as_bytes(), &self.salt, self.iterations, &mut key);
        } else {
            self.hmac
                .derive(password.as_bytes(), &self.salt, self.iterations, &mut key);
        }
        key
    }

    /// `key_bits` is what password4j writes: the length it was asked for, of which Java's
    /// PBKDF2 makes `key_bits / 8` bytes (100 bits: 12 bytes).
    fn encode(&self, key: &[u8], key_bits: u64) -> String {
        let salt = PADDED.encode(&self.salt);
        let key = PADDED.encode(key);
        match self.format {
            Pbkdf2Format::Elasticsearch => format!("{{PBKDF2}}{}${salt}${key}", self.iterations),
            Pbkdf2Format::ElasticsearchStretch => {
                format!("{{PBKDF2_STRETCH}}{}${salt}${key}", self.iterations)
            }
            Pbkdf2Format::Password4j => {
                let params = (u64::from(self.iterations) << 32) | key_bits;
                format!("${}${params}${salt}${key}", self.hmac.code())
            }
        }
    }

    pub(crate) fn check_limits(&self, limits: &WorkLimits) -> Result<()> {
        within(
            "pbkdf2_max_iterations",
            "PBKDF2 iterations",
            self.iterations,
            limits.pbkdf2_max_iterations,
        )
    }

    pub(crate) fn verify(&self, password: &str) -> Result<bool> {
        let candidate = self.derive(password, self.key.len());
        Ok(super::constant_time_eq(&candidate, &self.key))
    }

    /// `{PBKDF2}…` or `{PBKDF2_STRETCH}…`.
    pub(crate) fn parse_elasticsearch(text: &str) -> Result<Self> {
        let (format, rest) = if let Some(rest) = text.strip_prefix("{PBKDF2_STRETCH}") {
            (Pbkdf2Format::ElasticsearchStretch, rest)
        } else if let Some(rest) = text.strip_prefix("{PBKDF2}") {
            (Pbkdf2Format::Elasticsearch, rest)
        } else {
            return Err(Error::malformed_hash("not an Elasticsearch PBKDF2 hash"));
        };
        let bad = |reason: &str| Error::malformed_hash(format!("Elasticsearch PBKDF2: {reason}"));
        let [iterations, salt, key] = rest.split('$').collect::<Vec<_>>()[..] else {
            return Err(bad("expected <iterations>$<salt>$<key>"));
        };
        let iterations = super::encoding::decimal(iterations)
            .filter(|&n| n > 0)
            .ok_or_else(|| bad("the iteration count is not a positive number"))?;
        let salt = decode_standard(salt).ok_or_else(|| bad("the salt is not Base64"))?;
        let key = decode_standard(key).ok_or_else(|| bad("the key is not Base64"))?;
        // Elasticsearch's own checks (Hasher.resolveFromHash and its PBKDF2 verify): a hash that
        // breaks one of them could never be used there
        if !ELASTICSEARCH_ITERATIONS.contains(&iterations) {
            return Err(bad(&format!(
                "Elasticsearch accepts only {ELASTICSEARCH_ITERATIONS:?} iterations, not {iterations} \
                 (it would answer \"unknown hash function [pbkdf2_{iterations}]\")"
            )));
        }
        if salt.len() < 8 {
            return Err(bad("the salt must be at least 8 bytes"));
        }
        if key.is_empty() || !key.len().is_multiple_of(16) {
            return Err(bad("the key must be a positive multiple of 128 bits"));
        }
        Ok(Pbkdf2Hash {
            format,
            hmac: Hmac::Sha512,
            iterations,
            salt,
            key,
        })
    }

    /// `$<hmac code>$<(iterations << 32) | key bits>$<salt>$<key>`.
    pub(crate) fn parse_password4j(text: &str) -> Result<Self> {
        let bad = |reason: &str| Error::malformed_hash(format!("password4j PBKDF2: {reason}"));
        let ["", code, params, salt, key] = text.split('$').collect::<Vec<_>>()[..] else {
            return Err(bad("expected $<hmac>$<parameters>$<salt>$<key>"));
        };
        let hmac = super::encoding::decimal(code)
            .and_then(Hmac::from_code)
            .ok_or_else(|| bad("the HMAC code must be 1 (SHA1) to 5 (SHA512)"))?;
        let params: u64 = params
            .parse()
            .ok()
            .filter(|_| params.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| bad("the parameters are not a number"))?;
        let iterations = (params >> 32) as u32;
        let key_bits = params & 0xffff_ffff;
        if iterations == 0 || iterations > i32::MAX as u32 {
            return Err(bad("the iteration count must be 1 to 2147483647"));
        }
        let salt = decode_standard(salt).ok_or_else(|| bad("the salt is not Base64"))?;
        let key = decode_standard(key).ok_or_else(|| bad("the key is not Base64"))?;
        if key_bits < 8
            || key_bits > u64::from(MAX_PASSWORD4J_KEY_BITS)
            || key.len() as u64 != key_bits / 8
        {
            return Err(bad("the key length does not match the parameters"));
        }
        Ok(Pbkdf2Hash {
            format: Pbkdf2Format::Password4j,
            hmac,
            iterations,
            salt,
            key,
        })
    }
}
