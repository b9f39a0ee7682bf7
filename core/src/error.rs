//! One error type with a stable, snake_case `code()` for every variant.
//!
//! The code, the English message (`Display`) and the `params()` are what the bindings expose;
//! they never invent codes of their own.

use serde_json::{Map, Value, json};
use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the caller can do about an error; the bindings derive their exception classes from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The caller passed something unusable (a policy, an argument, a hash). Python: also `ValueError`.
    Configuration,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Configuration => "configuration",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A policy (JSON, preset options, keystone.conf, regex) cannot be loaded.
    /// `path` names the offending key, e.g. `min_length.unit`.
    InvalidPolicy { path: String, reason: String },
    /// An argument cannot be used, e.g. a password that is not valid Unicode.
    InvalidArgument {
        argument: &'static str,
        reason: String,
        params: Map<String, Value>,
    },
}

impl Error {
    /// Every error code this version can return, for documentation and binding tests.
    pub const CODES: &'static [&'static str] = &["invalid_policy", "invalid_argument"];

    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidPolicy { .. } => "invalid_policy",
            Error::InvalidArgument { .. } => "invalid_argument",
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidPolicy { .. } | Error::InvalidArgument { .. } => ErrorKind::Configuration,
        }
    }

    /// Machine-readable details, so an application can render its own message.
    pub fn params(&self) -> Map<String, Value> {
        match self {
            Error::InvalidPolicy { path, .. } => into_map(json!({ "path": path })),
            Error::InvalidArgument {
                argument, params, ..
            } => {
                let mut map = params.clone();
                map.insert("argument".into(), Value::from(*argument));
                map
            }
        }
    }

    pub fn invalid_policy(path: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidPolicy {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

fn into_map(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidPolicy { path, reason } if path.is_empty() => {
                write!(f, "invalid policy: {reason}")
            }
            Error::InvalidPolicy { path, reason } => write!(f, "invalid policy: {path}: {reason}"),
            Error::InvalidArgument {
                argument, reason, ..
            } => write!(f, "invalid {argument}: {reason}"),
        }
    }
}

impl std::error::Error for Error {}
