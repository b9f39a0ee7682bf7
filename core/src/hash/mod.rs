//! Password hashes in exactly the formats the servers accept: argon2 (PHC strings), bcrypt,
//! and PBKDF2 as Elasticsearch and OpenSearch (password4j) write it. `verify` recognises every
//! one of them, compares in constant time and refuses hostile costs by [`WorkLimits`].
//!
//! ```
//! use chpass::hash::{HashSpec, hash, verify, needs_rehash};
//!
//! let spec = HashSpec::Bcrypt(Default::default());
//! let stored = hash("correct horse battery staple", &spec).unwrap();
//! assert!(verify("correct horse battery staple", &stored).unwrap());
//! assert!(!verify("Correct horse battery staple", &stored).unwrap());
//! assert!(!needs_rehash(&stored, &spec).unwrap());
//! ```

mod argon2;
mod bcrypt;
mod eks_blowfish;
pub(crate) mod encoding;
mod limits;
mod pbkdf2;
mod servers;

pub use argon2::{Argon2Params, Argon2Variant};
pub use bcrypt::{
    BcryptParams, BcryptVariant, MAX_COST as BCRYPT_MAX_COST,
    MAX_PASSWORD_BYTES as BCRYPT_MAX_PASSWORD_BYTES,
};
pub use limits::WorkLimits;
pub use pbkdf2::{
    ELASTICSEARCH_ITERATIONS, ElasticsearchPbkdf2Params, Hmac, Password4jPbkdf2Params,
};
pub use servers::{
    ELASTICSEARCH_ALGORITHMS, ELASTICSEARCH_DEFAULT_ALGORITHM, OpenSearchHashSettings,
    elasticsearch_hash_algorithm, elasticsearch_password_hash, opensearch_hash,
    opensearch_hash_with_limits,
};

use crate::error::{Error, Result};
use crate::json::tagged_table;
use crate::policy::MAX_PASSWORD_BYTES;
use argon2::Argon2Hash;

/// Whose hashes: the standard ones (the C references, OpenBSD, pyca/bcrypt, argon2-cffi), or
/// password4j's, which OpenSearch makes and checks with. They differ in two corners:
/// - bcrypt `$2a$` with non-ASCII passwords: password4j (since 1.7.0) ports crypt_blowfish's
///   `$2a$` safety measure without its sign-extension half, so the measure fires for every key
///   with a high-bit byte after the first of a key word, and flips bit 16 of the first P-array
///   word;
/// - argon2 with less than 8 KiB of memory per lane, which the C reference refuses and
///   password4j computes on 8 KiB per lane while hashing the smaller number into the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Standard,
    Password4j,
}
use bcrypt::BcryptHash;
use pbkdf2::{Pbkdf2Format, Pbkdf2Hash};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// How to hash: the algorithm and its parameters. In JSON, `{"algorithm": "argon2id", …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "algorithm", rename_all = "snake_case")]
pub enum HashSpec {
    /// Argon2id, as a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
    Argon2id(Argon2Params),
    /// Argon2i, as a PHC string.
    Argon2i(Argon2Params),
    /// Argon2d, as a PHC string.
    Argon2d(Argon2Params),
    /// bcrypt (`$2b$12$…`).
    Bcrypt(BcryptParams),
    /// `{PBKDF2}…`, Elasticsearch's `pbkdf2*` algorithms.
    ElasticsearchPbkdf2(ElasticsearchPbkdf2Params),
    /// `{PBKDF2_STRETCH}…`, Elasticsearch's `pbkdf2_stretch*` algorithms.
    ElasticsearchPbkdf2Stretch(ElasticsearchPbkdf2Params),
    /// OpenSearch's `pbkdf2` (password4j's compressed string).
    Password4jPbkdf2(Password4jPbkdf2Params),
}

impl Default for HashSpec {
    /// argon2id with OWASP's parameters.
    fn default() -> Self {
        HashSpec::Argon2id(Argon2Params::default())
    }
}

impl HashSpec {
    /// `work_limit_exceeded` when a hash made with this spec would cost more than `limits`.
    pub fn check_limits(&self, limits: &WorkLimits) -> Result<()> {
        match self {
            HashSpec::Argon2id(p) | HashSpec::Argon2i(p) | HashSpec::Argon2d(p) => {
                limits::within(
                    "argon2_max_memory_kib",
                    "argon2 memory (KiB)",
                    p.memory_kib,
                    limits.argon2_max_memory_kib,
                )?;
                limits::within(
                    "argon2_max_iterations",
                    "argon2 iterations",
                    p.iterations,
                    limits.argon2_max_iterations,
                )?;
                limits::within(
                    "argon2_max_parallelism",
                    "argon2 parallelism",
                    p.parallelism,
                    limits.argon2_max_parallelism,
                )
            }
            HashSpec::Bcrypt(p) => limits::within(
                "bcrypt_max_cost",
                "bcrypt cost",
                p.cost,
                limits.bcrypt_max_cost,
            ),
            HashSpec::ElasticsearchPbkdf2(p) | HashSpec::ElasticsearchPbkdf2Stretch(p) => {
                limits::within(
                    "pbkdf2_max_iterations",
                    "PBKDF2 iterations",
                    p.iterations,
                    limits.pbkdf2_max_iterations,
                )
            }
            HashSpec::Password4jPbkdf2(p) => limits::within(
                "pbkdf2_max_iterations",
                "PBKDF2 iterations",
                p.iterations,
                limits.pbkdf2_max_iterations,
            ),
        }
    }

    /// Reads a spec from JSON-shaped data (`null`: the default); errors name the key.
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        if value.is_null() {
            return Ok(Self::default());
        }
        Self::read(value).map_err(|e| e.into_argument_error("spec"))
    }

    fn algorithm(&self) -> &'static str {
        match self {
            HashSpec::Argon2id(_) => "argon2id",
            HashSpec::Argon2i(_) => "argon2i",
            HashSpec::Argon2d(_) => "argon2d",
            HashSpec::Bcrypt(_) => "bcrypt",
            HashSpec::ElasticsearchPbkdf2(_) => "elasticsearch_pbkdf2",
            HashSpec::ElasticsearchPbkdf2Stretch(_) => "elasticsearch_pbkdf2_stretch",
            HashSpec::Password4jPbkdf2(_) => "password4j_pbkdf2",
        }
    }
}

impl<'de> Deserialize<'de> for HashSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        crate::json::deserialize(d, Self::read)
    }
}

tagged_table! {
    HashSpec by "algorithm";
    /// Each algorithm's tag and variant name with the JSON Schema of its parameters, for the
    /// bindings' TypeScript and Python types.
    hash_spec_schemas;
    "argon2id" => Argon2id(Argon2Params),
    "argon2i" => Argon2i(Argon2Params),
    "argon2d" => Argon2d(Argon2Params),
    "bcrypt" => Bcrypt(BcryptParams),
    "elasticsearch_pbkdf2" => ElasticsearchPbkdf2(ElasticsearchPbkdf2Params),
    "elasticsearch_pbkdf2_stretch" => ElasticsearchPbkdf2Stretch(ElasticsearchPbkdf2Params),
    "password4j_pbkdf2" => Password4jPbkdf2(Password4jPbkdf2Params),
}

/// Salt bytes given in a spec, written as standard Base64 in JSON.
#[derive(Clone, PartialEq, Eq)]
pub struct Salt(pub Vec<u8>);

impl std::fmt::Debug for Salt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Salt({} bytes)", self.0.len())
    }
}

impl Serialize for Salt {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&encoding::PADDED.encode(&self.0))
    }
}

/// A salt is standard Base64 text in JSON-shaped arguments.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Salt {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Salt".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "contentEncoding": "base64" })
    }
}

impl<'de> Deserialize<'de> for Salt {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        encoding::decode_standard(&text)
            .map(Salt)
            .ok_or_else(|| serde::de::Error::custom("a salt is written in standard Base64"))
    }
}

/// Hashes `password` as `spec` says, with a fresh salt from the OS CSPRNG.
/// The parameters are the caller's choice, so [`WorkLimits`] do not apply here.
///
/// ```
/// use chpass::hash::{BcryptParams, HashSpec, hash, verify};
///
/// let spec = HashSpec::Bcrypt(BcryptParams { cost: 4, ..BcryptParams::default() });
/// let stored = hash("correct horse", &spec)?;
/// assert!(stored.starts_with("$2b$04$"));
/// assert!(verify("correct horse", &stored)?);
/// # Ok::<(), chpass::Error>(())
/// ```
pub fn hash(password: &str, spec: &HashSpec) -> Result<String> {
    hash_with_limits(password, spec, &WorkLimits::default())
}

/// [`hash`] within `limits`: the same limits [`verify_with_limits`] holds a hash to, so a hash
/// made here is never one `verify` then refuses (`work_limit_exceeded` before any work).
pub fn hash_with_limits(password: &str, spec: &HashSpec, limits: &WorkLimits) -> Result<String> {
    check_password(password)?;
    spec.check_limits(limits)?;
    match spec {
        HashSpec::Argon2id(p) => {
            argon2::hash(password, Argon2Variant::Argon2id, p, Dialect::Standard)
        }
        HashSpec::Argon2i(p) => {
            argon2::hash(password, Argon2Variant::Argon2i, p, Dialect::Standard)
        }
        HashSpec::Argon2d(p) => {
            argon2::hash(password, Argon2Variant::Argon2d, p, Dialect::Standard)
        }
        HashSpec::Bcrypt(p) => bcrypt::hash(password, p, Dialect::Standard),
        HashSpec::ElasticsearchPbkdf2(p) => pbkdf2::hash_elasticsearch(password, false, p),
        HashSpec::ElasticsearchPbkdf2Stretch(p) => pbkdf2::hash_elasticsearch(password, true, p),
        HashSpec::Password4jPbkdf2(p) => pbkdf2::hash_password4j(password, p),
    }
}

/// Whether `password` matches `stored`, in any format above, within the default [`WorkLimits`].
/// A wrong password is `Ok(false)`; a string that is no known hash is `malformed_hash`.
///
/// ```
/// // made by argon2-cffi: hash_secret(b"password", b"somesalt", t=3, m=65536, p=4)
/// let stored = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$Zh/vvW8pvLyPRkarwyqdekZFu1wFlTf4pVh/Ma2+zM0";
/// assert!(chpass::hash::verify("password", stored)?);
/// assert!(!chpass::hash::verify("wrong", stored)?);
/// assert_eq!(chpass::hash::verify("x", "$unknown$").unwrap_err().code(), "malformed_hash");
/// # Ok::<(), chpass::Error>(())
/// ```
pub fn verify(password: &str, stored: &str) -> Result<bool> {
    verify_with_limits(password, stored, &WorkLimits::default())
}

/// Whether `password` matches `stored`, within the caller's work limits: a hash that would cost
/// more is `work_limit_exceeded`, before any work.
pub fn verify_with_limits(password: &str, stored: &str, limits: &WorkLimits) -> Result<bool> {
    check_password(password)?;
    let parsed = Stored::parse(stored)?;
    parsed.check_limits(limits)?;
    parsed.verify(password, Dialect::Standard)
}

/// Whether OpenSearch would accept `password` for `stored`: checked as its password4j checks
/// an internal user's hash. It differs from [`verify`] in two corners (see `Dialect`): a `$2a$`
/// hash with a non-ASCII password, where password4j's bcrypt is not the standard one (a `$2a$`
/// string does not say which library made it, so the caller says which server it belongs to),
/// and argon2 with less than 8 KiB per lane, which only password4j computes.
pub fn verify_opensearch(password: &str, stored: &str, limits: &WorkLimits) -> Result<bool> {
    check_password(password)?;
    let parsed = Stored::parse(stored)?;
    parsed.check_limits(limits)?;
    parsed.verify(password, Dialect::Password4j)
}

/// Whether `stored` should be replaced by a hash made with `spec`: another algorithm or
/// format, or parameters weaker than the spec's (less memory, fewer iterations or a lower cost,
/// an older argon2 version, a shorter salt or hash). A different argon2 parallelism alone is
/// not weaker. Computes nothing, so no work limit applies.
pub fn needs_rehash(stored: &str, spec: &HashSpec) -> Result<bool> {
    let parsed = Stored::parse(stored)?;
    Ok(match (&parsed, spec) {
        (
            Stored::Argon2(h),
            HashSpec::Argon2id(p) | HashSpec::Argon2i(p) | HashSpec::Argon2d(p),
        ) => {
            h.variant.as_str() != spec.algorithm()
                || h.version < p.version
                || h.memory_kib < p.memory_kib
                || h.iterations < p.iterations
                || h.salt.len() < p.salt_length
                || h.tag.len() < p.hash_length
        }
        (Stored::Bcrypt(h), HashSpec::Bcrypt(p)) => h.cost < p.cost,
        (Stored::Pbkdf2(h), HashSpec::ElasticsearchPbkdf2(p)) => {
            h.format != Pbkdf2Format::Elasticsearch || weaker_es(h, p)
        }
        (Stored::Pbkdf2(h), HashSpec::ElasticsearchPbkdf2Stretch(p)) => {
            h.format != Pbkdf2Format::ElasticsearchStretch || weaker_es(h, p)
        }
        (Stored::Pbkdf2(h), HashSpec::Password4jPbkdf2(p)) => {
            h.format != Pbkdf2Format::Password4j
                || h.hmac != p.hmac
                || h.iterations < p.iterations
                || (h.key.len() as u64) < u64::from(p.key_bits / 8)
        }
        _ => true,
    })
}

fn weaker_es(h: &Pbkdf2Hash, p: &ElasticsearchPbkdf2Params) -> bool {
    h.iterations < p.iterations || h.key.len() < p.key_length || h.salt.len() < p.salt_length
}

/// A hash string is configuration, not data: anything longer is refused before parsing.
pub const MAX_HASH_BYTES: usize = 4096;

enum Stored {
    Argon2(Argon2Hash),
    Bcrypt(BcryptHash),
    Pbkdf2(Pbkdf2Hash),
}

impl Stored {
    fn parse(text: &str) -> Result<Self> {
        if text.len() > MAX_HASH_BYTES {
            return Err(Error::malformed_hash(format!(
                "longer than {MAX_HASH_BYTES} bytes"
            )));
        }
        if text.starts_with("$argon2") {
            Argon2Hash::parse(text).map(Stored::Argon2)
        } else if text.starts_with("$2")
            && text.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic)
        {
            BcryptHash::parse(text).map(Stored::Bcrypt)
        } else if text.starts_with("$2$") && text.split('$').count() == 4 {
            // `$2$<cost>$<salt and hash>`: bcrypt's first format, not password4j's `$2$` (SHA224)
            Err(Error::malformed_hash(
                "bcrypt: the original $2$ format (no minor version) is not supported; \
                 use $2a$, $2b$ or $2y$",
            ))
        } else if text.starts_with("{PBKDF2") {
            Pbkdf2Hash::parse_elasticsearch(text).map(Stored::Pbkdf2)
        } else if text.len() > 2
            && text.as_bytes()[0] == b'$'
            && text.as_bytes()[1].is_ascii_digit()
        {
            Pbkdf2Hash::parse_password4j(text).map(Stored::Pbkdf2)
        } else if text.is_empty() {
            Err(Error::malformed_hash("the hash is empty"))
        } else {
            Err(Error::malformed_hash(
                "not a known format: argon2 ($argon2id$…), bcrypt ($2a$/$2b$/$2y$…), \
                 Elasticsearch PBKDF2 ({PBKDF2}…, {PBKDF2_STRETCH}…) or password4j PBKDF2 ($3$…)",
            ))
        }
    }

    fn check_limits(&self, limits: &WorkLimits) -> Result<()> {
        match self {
            Stored::Argon2(h) => h.check_limits(limits),
            Stored::Bcrypt(h) => h.check_limits(limits),
            Stored::Pbkdf2(h) => h.check_limits(limits),
        }
    }

    fn verify(&self, password: &str, dialect: Dialect) -> Result<bool> {
        match self {
            Stored::Argon2(h) => h.verify(password, dialect),
            Stored::Bcrypt(h) => h.verify(password, dialect),
            Stored::Pbkdf2(h) => h.verify(password),
        }
    }
}

fn check_password(password: &str) -> Result<()> {
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(Error::invalid_argument(
            "password",
            format!("longer than {MAX_PASSWORD_BYTES} bytes"),
        ));
    }
    Ok(())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

/// The spec's salt, or `length` bytes from the OS CSPRNG.
fn salt_or_random(given: Option<&Salt>, length: usize) -> Result<Zeroizing<Vec<u8>>> {
    if let Some(salt) = given {
        return Ok(Zeroizing::new(salt.0.clone()));
    }
    if length > 1024 {
        return Err(Error::invalid_argument(
            "params",
            "salt_length is at most 1024 bytes",
        ));
    }
    let mut salt = Zeroizing::new(vec![0u8; length]);
    crate::random::fill(&mut salt)?;
    Ok(salt)
}

/// `length` random printable ASCII characters (`!` to `~`): OpenSearch's salts, which password4j
/// kept as Java Strings before 1.7.0, so every password4j version reads them alike.
fn printable_salt(length: usize) -> Result<Vec<u8>> {
    if length == 0 || length > 1024 {
        return Err(Error::invalid_argument(
            "params",
            "salt_length must be 1 to 1024",
        ));
    }
    let mut rng = crate::random::Rng::new();
    (0..length)
        .map(|_| rng.below(94).map(|i| b'!' + i as u8))
        .collect()
}
