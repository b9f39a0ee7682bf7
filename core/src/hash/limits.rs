//! Work limits: the most a hash string may make `verify` spend, so a hostile string
//! (bcrypt cost 31, argon2 with 4 GiB, 10^9 PBKDF2 iterations) is refused instead of hanging.

use crate::error::{Error, HashErrorCode, Result};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Defaults allow every server default and OWASP recommendation with room to spare, and cap
/// one verification at roughly a second and 256 MiB. Raise a field to accept costlier hashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct WorkLimits {
    /// 256 MiB; OpenSearch's default is 64 MiB, OWASP's 19 MiB.
    pub argon2_max_memory_kib: u32,
    /// Argon2 passes; 16 by default.
    pub argon2_max_iterations: u32,
    /// Argon2 lanes; 16 by default.
    pub argon2_max_parallelism: u32,
    /// Cost 16 is 64 times cost 10 (about 4 s); Elasticsearch stops at 14.
    pub bcrypt_max_cost: u32,
    /// Elasticsearch's largest is 1,000,000; OWASP's PBKDF2-HMAC-SHA1 is 1,300,000.
    pub pbkdf2_max_iterations: u32,
}

impl Default for WorkLimits {
    fn default() -> Self {
        WorkLimits {
            argon2_max_memory_kib: 256 * 1024,
            argon2_max_iterations: 16,
            argon2_max_parallelism: 16,
            bcrypt_max_cost: 16,
            pbkdf2_max_iterations: 2_000_000,
        }
    }
}

impl WorkLimits {
    /// No limit at all: for hashes you wrote yourself.
    pub const UNLIMITED: WorkLimits = WorkLimits {
        argon2_max_memory_kib: u32::MAX,
        argon2_max_iterations: u32::MAX,
        argon2_max_parallelism: u32::MAX,
        bcrypt_max_cost: u32::MAX,
        pbkdf2_max_iterations: u32::MAX,
    };

    /// Reads limits from JSON-shaped data (`null` or a missing field: the default); errors name the key.
    pub fn from_value(value: Value) -> Result<Self> {
        crate::json::options("limits", value)
    }
}

/// `Err(work_limit_exceeded)` when `value` is over `limit`; `field` names the `WorkLimits` field.
pub(crate) fn within(field: &'static str, what: &str, value: u32, limit: u32) -> Result<()> {
    if value <= limit {
        return Ok(());
    }
    let mut params = Map::new();
    params.insert("limit_name".into(), Value::from(field));
    params.insert("value".into(), Value::from(value));
    params.insert("limit".into(), Value::from(limit));
    Err(Error::Hash {
        code: HashErrorCode::WorkLimitExceeded,
        reason: format!(
            "{what} {value} is over the work limit of {limit} (raise {field} to allow it)"
        ),
        params,
    })
}
