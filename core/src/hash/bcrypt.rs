//! bcrypt: `$2b$12$<22 characters of salt><31 characters of hash>`, on chpass's own EksBlowfish.

use super::eks_blowfish;
use super::encoding::{BCRYPT, decode_bcrypt};
use super::limits::{WorkLimits, within};
use super::{Dialect, Salt, salt_or_random};
use crate::error::{Error, HashErrorCode, Result};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use zeroize::Zeroizing;

/// bcrypt reads at most this many bytes of the password.
pub const MAX_PASSWORD_BYTES: usize = 72;
pub const MIN_COST: u32 = 4;
/// The largest cost bcrypt defines.
pub const MAX_COST: u32 = 31;

/// bcrypt's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct BcryptParams {
    /// log2 of the rounds, 4–31; 12 by default (pyca/bcrypt's and OpenSearch's default).
    pub cost: u32,
    /// The prefix written: `2b` by default.
    pub variant: BcryptVariant,
    /// A fixed 16-byte salt, for reproducible vectors only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salt: Option<Salt>,
}

impl Default for BcryptParams {
    fn default() -> Self {
        BcryptParams {
            cost: 12,
            variant: BcryptVariant::TwoB,
            salt: None,
        }
    }
}

/// The prefix: `2b` is current; `2a` is what Elasticsearch writes, `2y` what PHP and OpenSearch
/// write. All three hash the same way for passwords this version accepts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum BcryptVariant {
    /// `$2a$`, as Elasticsearch writes it.
    #[serde(rename = "2a")]
    TwoA,
    /// `$2b$`, current.
    #[default]
    #[serde(rename = "2b")]
    TwoB,
    /// `$2y$`, as PHP and OpenSearch write it.
    #[serde(rename = "2y")]
    TwoY,
}

impl BcryptVariant {
    /// The prefix without its dollars (`2b`).
    pub fn as_str(self) -> &'static str {
        match self {
            BcryptVariant::TwoA => "2a",
            BcryptVariant::TwoB => "2b",
            BcryptVariant::TwoY => "2y",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct BcryptHash {
    pub variant: BcryptVariant,
    pub cost: u32,
    salt: [u8; 16],
    digest: [u8; 23],
}

pub(crate) fn hash(password: &str, params: &BcryptParams, dialect: Dialect) -> Result<String> {
    if !(MIN_COST..=MAX_COST).contains(&params.cost) {
        return Err(Error::invalid_argument(
            "params",
            format!("bcrypt cost must be {MIN_COST} to {MAX_COST}"),
        ));
    }
    let salt: [u8; 16] = salt_or_random(params.salt.as_ref(), 16)?
        .as_slice()
        .try_into()
        .map_err(|_| Error::invalid_argument("params", "a bcrypt salt is 16 bytes"))?;
    let digest = digest(password, params.cost, &salt, flip(params.variant, dialect))?;
    let stored = BcryptHash {
        variant: params.variant,
        cost: params.cost,
        salt,
        digest,
    };
    Ok(stored.encode())
}

/// The bytes bcrypt hashes: the password and its terminating NUL, at most 72 bytes.
/// Longer passwords are refused, as pyca/bcrypt 5 does, because bcrypt would ignore the rest.
fn key(password: &str) -> Result<Zeroizing<Vec<u8>>> {
    let bytes = password.as_bytes();
    if bytes.len() > MAX_PASSWORD_BYTES {
        let mut params = Map::new();
        params.insert("max".into(), Value::from(MAX_PASSWORD_BYTES));
        params.insert("actual".into(), Value::from(bytes.len()));
        return Err(Error::Hash {
            code: HashErrorCode::PasswordTooLongForBcrypt,
            reason: format!(
                "bcrypt uses only the first {MAX_PASSWORD_BYTES} UTF-8 bytes and this password has {}; \
                 refusing rather than silently ignoring the rest",
                bytes.len()
            ),
            params,
        });
    }
    let mut key = Zeroizing::new(Vec::with_capacity(MAX_PASSWORD_BYTES));
    key.extend_from_slice(bytes);
    if key.len() < MAX_PASSWORD_BYTES {
        key.push(0);
    }
    Ok(key)
}

/// Whether the dialect's `$2a$` safety measure applies to this variant.
fn flip(variant: BcryptVariant, dialect: Dialect) -> bool {
    variant == BcryptVariant::TwoA && dialect == Dialect::Password4j
}

/// password4j's `streamToWords` sign flag over the 18 key words (read cyclically): a high bit
/// in any byte but a word's first. Its "buggy" words equal its correct ones, so the flag alone
/// decides (`BcryptFunction.enhancedKeySchedule`, `safety` 0x10000 for minor A).
fn password4j_sign(key: &[u8]) -> bool {
    (0..18 * 4).any(|i| i % 4 != 0 && key.get(i % key.len().max(1)).is_some_and(|b| b & 0x80 != 0))
}

/// The 23 bytes of EksBlowfish's 24 that the hash string keeps.
fn digest(password: &str, cost: u32, salt: &[u8; 16], flip: bool) -> Result<[u8; 23]> {
    let key = key(password)?;
    let tweak = if flip && password4j_sign(&key) {
        0x10000
    } else {
        0
    };
    let out = eks_blowfish::bcrypt(&key, salt, cost, tweak);
    let mut digest = [0u8; 23];
    digest.copy_from_slice(&out[..23]);
    Ok(digest)
}

impl BcryptHash {
    fn encode(&self) -> String {
        format!(
            "${}${:02}${}{}",
            self.variant.as_str(),
            self.cost,
            BCRYPT.encode(self.salt),
            BCRYPT.encode(self.digest)
        )
    }

    pub(crate) fn check_limits(&self, limits: &WorkLimits) -> Result<()> {
        within(
            "bcrypt_max_cost",
            "bcrypt cost",
            self.cost,
            limits.bcrypt_max_cost,
        )
    }

    pub(crate) fn verify(&self, password: &str, dialect: Dialect) -> Result<bool> {
        let candidate = digest(password, self.cost, &self.salt, flip(self.variant, dialect))?;
        Ok(super::constant_time_eq(&candidate, &self.digest))
    }

    pub(crate) fn parse(text: &str) -> Result<Self> {
        let bad = |reason: &str| Error::malformed_hash(format!("bcrypt: {reason}"));
        if text.len() != 60 || !text.is_ascii() {
            return Err(bad(&format!(
                "a bcrypt hash is 60 ASCII characters, this one has {}",
                text.chars().count()
            )));
        }
        let variant = match &text[..4] {
            "$2a$" => BcryptVariant::TwoA,
            "$2b$" => BcryptVariant::TwoB,
            "$2y$" => BcryptVariant::TwoY,
            _ => return Err(bad("the prefix must be $2a$, $2b$ or $2y$")),
        };
        let cost = super::encoding::decimal(&text[4..6])
            .filter(|_| &text[6..7] == "$")
            .ok_or_else(|| bad("the cost must be two digits followed by '$'"))?;
        if !(MIN_COST..=MAX_COST).contains(&cost) {
            return Err(bad(&format!(
                "the cost must be {MIN_COST} to {MAX_COST}, not {cost}"
            )));
        }
        let salt = decode_bcrypt(&text[7..29]).and_then(|s| <[u8; 16]>::try_from(s).ok());
        let salt = salt.ok_or_else(|| bad("the salt is not bcrypt Base64"))?;
        let digest = decode_bcrypt(&text[29..]).and_then(|d| <[u8; 23]>::try_from(d).ok());
        let digest = digest.ok_or_else(|| bad("the hash is not bcrypt Base64"))?;
        Ok(BcryptHash {
            variant,
            cost,
            salt,
            digest,
        })
    }
}
