//! Argon2 (RFC 9106) as PHC strings: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.

use super::encoding::{PHC, decimal, decode_standard};
use super::limits::{WorkLimits, within};
use super::{Dialect, Salt, salt_or_random};
use crate::error::{Error, Result};
use argon2_rust::{Algorithm, Argon2, Params, Version, params::Memory, params::TagLen};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// OWASP's argon2id parameters by default: 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Argon2Params {
    /// Memory, in KiB (at least 8 per lane).
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
    /// Bytes of random salt.
    pub salt_length: usize,
    /// Bytes of the hash.
    pub hash_length: usize,
    /// 19 (0x13, current) or 16 (0x10, the original).
    pub version: u32,
    /// A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salt: Option<Salt>,
}

impl Default for Argon2Params {
    fn default() -> Self {
        Argon2Params {
            memory_kib: 19456,
            iterations: 2,
            parallelism: 1,
            salt_length: 16,
            hash_length: 32,
            version: 19,
            salt: None,
        }
    }
}

/// Which Argon2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Argon2Variant {
    /// Argon2id (RFC 9106's recommendation).
    Argon2id,
    /// Argon2i.
    Argon2i,
    /// Argon2d.
    Argon2d,
}

impl Argon2Variant {
    /// The name as the PHC string writes it (`argon2id`).
    pub fn as_str(self) -> &'static str {
        match self {
            Argon2Variant::Argon2id => "argon2id",
            Argon2Variant::Argon2i => "argon2i",
            Argon2Variant::Argon2d => "argon2d",
        }
    }

    fn algorithm(self) -> Algorithm {
        match self {
            Argon2Variant::Argon2id => Algorithm::Argon2id,
            Argon2Variant::Argon2i => Algorithm::Argon2i,
            Argon2Variant::Argon2d => Algorithm::Argon2d,
        }
    }
}

/// A parsed PHC string.
#[derive(Debug, Clone)]
pub(crate) struct Argon2Hash {
    pub variant: Argon2Variant,
    pub version: u32,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    pub salt: Vec<u8>,
    pub tag: Vec<u8>,
}

const MIN_SALT: usize = 8;
const MAX_SALT: usize = 1024;
const MIN_TAG: usize = 4;
const MAX_TAG: usize = 1024;

pub(crate) fn hash(
    password: &str,
    variant: Argon2Variant,
    params: &Argon2Params,
    dialect: Dialect,
) -> Result<String> {
    let arg = |reason: String| Error::invalid_argument("params", reason);
    if !(MIN_SALT..=MAX_SALT).contains(&params.salt_length) {
        return Err(arg(format!(
            "salt_length must be {MIN_SALT} to {MAX_SALT} bytes"
        )));
    }
    if !(MIN_TAG..=MAX_TAG).contains(&params.hash_length) {
        return Err(arg(format!(
            "hash_length must be {MIN_TAG} to {MAX_TAG} bytes"
        )));
    }
    let salt = salt_or_random(params.salt.as_ref(), params.salt_length)?;
    if !(MIN_SALT..=MAX_SALT).contains(&salt.len()) {
        return Err(arg(format!("salt must be {MIN_SALT} to {MAX_SALT} bytes")));
    }
    let stored = Argon2Hash {
        variant,
        version: params.version,
        memory_kib: params.memory_kib,
        iterations: params.iterations,
        parallelism: params.parallelism,
        tag: Vec::new(),
        salt: salt.to_vec(),
    };
    let tag = stored
        .compute(password, params.hash_length, dialect)
        .map_err(|e| arg(e.to_string()))?;
    Ok(stored.encode(&tag))
}

/// Arenas up to this size stay with the thread between hashes, wiped: the next hash skips
/// the allocation and its zeroing (natively also the page faults): 15–25% of an OWASP-sized
/// hash, measured from Python. Larger ones are freed when the hash returns, so a hash string's `m`
/// cannot make a thread keep more than this.
const POOLED_KIB: u32 = 64 * 1024;

thread_local! {
    static POOL: std::cell::RefCell<Option<argon2_rust::Hasher>> = const { std::cell::RefCell::new(None) };
}

impl Argon2Hash {
    fn engine(&self, tag_len: usize, dialect: Dialect) -> Result<Argon2> {
        let version = match self.version {
            16 => Version::V0x10,
            19 => Version::V0x13,
            other => {
                return Err(Error::invalid_argument(
                    "params",
                    format!("argon2 version {other} does not exist (16 or 19)"),
                ));
            }
        };
        let mut params = Params::builder()
            .memory(Memory::kib(u64::from(self.memory_kib)))
            .passes(self.iterations)
            .lanes(self.parallelism)
            .tag_len(TagLen::bytes(tag_len as u64));
        if dialect == Dialect::Password4j {
            params = params.allow_memory_below_lanes();
        }
        let params = params
            .build()
            .map_err(|e| Error::invalid_argument("params", format!("argon2: {e}")))?;
        Ok(Argon2::new(self.variant.algorithm(), version, params))
    }

    fn compute(
        &self,
        password: &str,
        tag_len: usize,
        dialect: Dialect,
    ) -> Result<Zeroizing<Vec<u8>>> {
        let mut tag = Zeroizing::new(vec![0u8; tag_len]);
        let engine = self.engine(tag_len, dialect)?;
        let (password, salt) = (password.as_bytes(), self.salt.as_slice());
        let done = POOL.with(|pool| match pool.try_borrow_mut() {
            Ok(mut pool) if self.memory_kib <= POOLED_KIB => {
                let hasher = pool.get_or_insert_with(|| engine.hasher());
                hasher.set_argon2(engine);
                hasher.hash_into(password, salt, &mut tag)
            }
            _ => engine.hash_into(password, salt, &mut tag),
        });
        done.map_err(|e| Error::invalid_argument("params", format!("argon2: {e}")))?;
        Ok(tag)
    }

    fn encode(&self, tag: &[u8]) -> String {
        format!(
            "${}$v={}$m={},t={},p={}${}${}",
            self.variant.as_str(),
            self.version,
            self.memory_kib,
            self.iterations,
            self.parallelism,
            PHC.encode(&self.salt),
            PHC.encode(tag)
        )
    }

    pub(crate) fn check_limits(&self, limits: &WorkLimits) -> Result<()> {
        within(
            "argon2_max_memory_kib",
            "argon2 memory (KiB)",
            self.memory_kib,
            limits.argon2_max_memory_kib,
        )?;
        within(
            "argon2_max_iterations",
            "argon2 iterations",
            self.iterations,
            limits.argon2_max_iterations,
        )?;
        within(
            "argon2_max_parallelism",
            "argon2 parallelism",
            self.parallelism,
            limits.argon2_max_parallelism,
        )
    }

    pub(crate) fn verify(&self, password: &str, dialect: Dialect) -> Result<bool> {
        if dialect == Dialect::Standard
            && u64::from(self.memory_kib) < 8 * u64::from(self.parallelism)
        {
            return Err(Error::malformed_hash(
                "argon2: the memory must be at least 8 KiB per lane \
                 (only password4j, OpenSearch's, computes less: see verify_opensearch)",
            ));
        }
        let candidate = self
            .compute(password, self.tag.len(), dialect)
            .map_err(|e| match e {
                Error::InvalidArgument { reason, .. } => Error::malformed_hash(reason),
                other => other,
            })?;
        Ok(super::constant_time_eq(&candidate, &self.tag))
    }

    /// Parses `$argon2<type>[$v=<version>]$m=<m>,t=<t>,p=<p>$<salt>$<tag>`, as the C reference
    /// does (a missing version means 16), saying which part is wrong.
    pub(crate) fn parse(text: &str) -> Result<Self> {
        let bad = |reason: &str| Error::malformed_hash(format!("argon2: {reason}"));
        let mut parts = text.split('$');
        if parts.next() != Some("") {
            return Err(bad("a PHC string starts with '$'"));
        }
        let variant = match parts.next() {
            Some("argon2id") => Argon2Variant::Argon2id,
            Some("argon2i") => Argon2Variant::Argon2i,
            Some("argon2d") => Argon2Variant::Argon2d,
            _ => return Err(bad("the type must be argon2id, argon2i or argon2d")),
        };
        let rest: Vec<&str> = parts.collect();
        let (version, rest) = match rest.split_first() {
            Some((first, tail)) if first.starts_with("v=") => {
                let version =
                    decimal(&first[2..]).ok_or_else(|| bad("the version is not a number"))?;
                if version != 16 && version != 19 {
                    return Err(bad("the version must be 16 or 19"));
                }
                (version, tail)
            }
            _ => (16, &rest[..]),
        };
        let [costs, salt, tag] = rest else {
            return Err(bad(
                "expected $m=…,t=…,p=…$<salt>$<hash> after the type and version",
            ));
        };
        // the C reference writes m,t,p; node-argon2 (@phc/format) writes m,p,t: accept any order
        let (mut memory_kib, mut iterations, mut parallelism) = (None, None, None);
        for field in costs.split(',') {
            let (key, value) = field.split_once('=').unwrap_or((field, ""));
            let slot = match key {
                "m" => &mut memory_kib,
                "t" => &mut iterations,
                "p" => &mut parallelism,
                "data" | "keyid" => {
                    return Err(bad("associated data and key ids are not supported"));
                }
                _ => {
                    return Err(bad(
                        "the parameters must be m=<memory>,t=<iterations>,p=<parallelism>",
                    ));
                }
            };
            let number = decimal(value).ok_or_else(|| bad(&format!("{key}= must be a number")))?;
            if slot.replace(number).is_some() {
                return Err(bad(&format!("{key}= is given twice")));
            }
        }
        let (Some(memory_kib), Some(iterations), Some(parallelism)) =
            (memory_kib, iterations, parallelism)
        else {
            return Err(bad(
                "the parameters must be m=<memory>,t=<iterations>,p=<parallelism>",
            ));
        };
        if iterations == 0 || parallelism == 0 {
            return Err(bad("iterations and parallelism must be at least 1"));
        }
        if memory_kib == 0 {
            return Err(bad("the memory must be at least 1 KiB"));
        }
        let salt = decode_standard(salt).ok_or_else(|| bad("the salt is not Base64"))?;
        let tag = decode_standard(tag).ok_or_else(|| bad("the hash is not Base64"))?;
        if !(MIN_SALT..=MAX_SALT).contains(&salt.len()) {
            return Err(bad(&format!(
                "the salt must be {MIN_SALT} to {MAX_SALT} bytes"
            )));
        }
        if !(MIN_TAG..=MAX_TAG).contains(&tag.len()) {
            return Err(bad(&format!(
                "the hash must be {MIN_TAG} to {MAX_TAG} bytes"
            )));
        }
        Ok(Argon2Hash {
            variant,
            version,
            memory_kib,
            iterations,
            parallelism,
            salt,
            tag,
        })
    }
}
