//! One error type with a stable, snake_case `code()` for every variant.
//!
//! The code, the English message (`Display`) and the `params()` are what the bindings expose;
//! they never invent codes of their own.

use serde_json::{Map, Value, json};
use std::fmt;

/// The result of every fallible chpass call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the caller can do about an error; the bindings derive their exception classes from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The caller passed something unusable (a policy, an argument, a hash). Python: also `ValueError`.
    Configuration,
    /// The server answered and said no: wrong password, refused password, missing rights…
    Server,
    /// The server's answer could not be understood.
    Protocol,
    /// The request did not get a (complete) answer: network, TLS, timeouts.
    Transport,
    /// The new password breaks the policy; nothing was sent.
    Policy,
    /// A local credential file could not be read, understood or written.
    File,
    /// The platform lacks something chpass needs (the OS random number generator).
    System,
}

impl ErrorKind {
    /// Every kind, in the order the docs list them.
    pub const ALL: [ErrorKind; 7] = [
        ErrorKind::Configuration,
        ErrorKind::Server,
        ErrorKind::Protocol,
        ErrorKind::Transport,
        ErrorKind::Policy,
        ErrorKind::File,
        ErrorKind::System,
    ];

    /// The kind's name as the bindings and the docs write it (`configuration`, `server`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Configuration => "configuration",
            ErrorKind::Server => "server",
            ErrorKind::Protocol => "protocol",
            ErrorKind::Transport => "transport",
            ErrorKind::Policy => "policy",
            ErrorKind::File => "file",
            ErrorKind::System => "system",
        }
    }
}

/// Every error chpass returns. Match on [`Error::code`] (stable across Rust, JavaScript and
/// Python) rather than on the variants, which may grow; `Display` gives an English sentence and
/// [`Error::params`] the details.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A policy (JSON, preset options, keystone.conf, regex) cannot be loaded.
    /// `path` names the offending key, e.g. `min_length.unit`.
    InvalidPolicy {
        /// The offending key, dotted (`min_length.unit`); empty for the policy as a whole.
        path: String,
        /// What is wrong with it, in English.
        reason: String,
    },
    /// An argument cannot be used, e.g. a password that is not valid Unicode.
    InvalidArgument {
        /// The argument's name as the caller wrote it (`password`, `operation`, …).
        argument: &'static str,
        /// What is wrong with it, in English.
        reason: String,
        /// Details beside `argument`: `path` inside an object, `reason` and `index` for a lone
        /// surrogate.
        params: Map<String, Value>,
    },
    /// The server answered with an error status; `code` is one of [`ServerErrorCode`].
    Server(ServerError),
    /// The answer was not what the endpoint documents (status, body or headers).
    UnexpectedResponse {
        /// The HTTP status.
        status: u16,
        /// What was not as documented, in English.
        reason: String,
        /// The start of the body, secrets redacted, at most 512 bytes.
        excerpt: String,
    },
    /// No (complete) answer. `OutcomeUnknown` means the request may have reached the server:
    /// the password may or may not have changed, so nothing is retried.
    Transport {
        /// Which failure: connecting, a timeout, TLS, plain HTTP, or an unknown outcome.
        code: TransportErrorCode,
        /// The underlying error, in English (never a URL's credentials or a body).
        reason: String,
    },
    /// The new password breaks the policy; nothing was sent.
    PolicyViolation(crate::policy::Report),
    /// A credential file could not be read, understood or written; it was left as it was.
    File {
        /// The file, when there is one.
        path: Option<String>,
        /// What went wrong, in English.
        reason: String,
    },
    /// A credential file holds no password to change: no such cloud or no password for it in
    /// a clouds.yaml (in none of them, for `update_cloud_password`), or no `OS_PASSWORD` in an
    /// RC file. Nothing was written.
    PasswordNotFound {
        /// The file, or `None` when no clouds.yaml was found at all.
        path: Option<String>,
        /// The cloud asked for, for a clouds.yaml.
        cloud: Option<String>,
    },
    /// The RC file asks for the password when sourced instead of storing it: nothing to
    /// update; it was left as it is.
    PasswordPrompted {
        /// The RC file.
        path: String,
    },
    /// A hash string or hashing request that cannot be used; `code` is one of [`HashErrorCode`].
    Hash {
        /// Which hashing failure.
        code: HashErrorCode,
        /// What is wrong, in English.
        reason: String,
        /// Details: `limit_name`, `value` and `limit` for `work_limit_exceeded`; `max` and
        /// `actual` for `password_too_long_for_bcrypt`.
        params: Map<String, Value>,
    },
    /// The OS random number generator failed; no salt or password can be made safely.
    RandomUnavailable {
        /// What the OS said.
        reason: String,
    },
    /// A strength estimate was asked of a build without compiled-in dictionaries (the npm
    /// package) before they were loaded (`await loadStrength()`).
    StrengthDictionariesNotLoaded,
    /// A passphrase was asked of a build without the compiled-in word list (the npm package)
    /// before it was loaded (`await loadWordList()`).
    WordListNotLoaded,
    /// An npm entry point (`entry`: `chpass`, `chpass/hash`, …) was used before its wasm was
    /// loaded: `await ready()` from that entry first. The JS layer raises it with the message
    /// core renders at build time.
    NotReady {
        /// The entry point: `chpass`, `chpass/hash`, `chpass/client` or `chpass/strength`.
        entry: String,
    },
    /// A message language whose catalog a build without compiled-in catalogs (the npm
    /// package) was not given: `import 'chpass/locales/<locale>'` first.
    LocaleNotLoaded {
        /// The locale asked for, as given.
        locale: String,
    },
}

/// The code of an [`Error::Hash`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HashErrorCode {
    /// The string is not a hash in any format chpass knows; the message says what is wrong.
    MalformedHash,
    /// bcrypt uses at most 72 UTF-8 bytes; chpass refuses rather than silently truncating.
    PasswordTooLongForBcrypt,
    /// The parameters would cost more memory or time than the caller's `WorkLimits` allow.
    WorkLimitExceeded,
}

impl HashErrorCode {
    /// The code as [`Error::code`] gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            HashErrorCode::MalformedHash => "malformed_hash",
            HashErrorCode::PasswordTooLongForBcrypt => "password_too_long_for_bcrypt",
            HashErrorCode::WorkLimitExceeded => "work_limit_exceeded",
        }
    }
}

/// The code of an [`Error::Transport`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorCode {
    /// Could not connect (refused, DNS, reset before sending); nothing reached the server.
    Network,
    /// No answer in time (connecting, or to a request that changes nothing).
    Timeout,
    /// The certificate or the TLS handshake failed.
    Tls,
    /// Plain http:// to a host that is not loopback, without `allow_insecure_http`.
    InsecureHttp,
    /// The request may have reached the server, but no answer came back.
    OutcomeUnknown,
}

impl TransportErrorCode {
    /// The code as [`Error::code`] gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            TransportErrorCode::Network => "network",
            TransportErrorCode::Timeout => "timeout",
            TransportErrorCode::Tls => "tls",
            TransportErrorCode::InsecureHttp => "insecure_http",
            TransportErrorCode::OutcomeUnknown => "outcome_unknown",
        }
    }
}

/// What a server's error status means for the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ServerErrorCode {
    /// The current password is wrong.
    InvalidCurrentPassword,
    /// The credentials used to authenticate (not a current password) were refused.
    AuthenticationFailed,
    /// Keystone: the account is locked after failed logins.
    AccountLocked,
    /// Keystone: the account is disabled.
    AccountDisabled,
    /// Keystone: the password has expired and must be changed before it can log in.
    PasswordExpired,
    /// The server refused the new password (its own rules, history or age).
    ServerRejectedPassword,
    /// 403: the credentials may not do this.
    Forbidden,
    /// 404: no such user or endpoint.
    NotFound,
    /// 409.
    Conflict,
    /// 405.
    MethodNotAllowed,
    /// 413: the request body is too large for the server.
    PayloadTooLarge,
    /// 415.
    UnsupportedMediaType,
    /// 503 or 429: try again later (see [`ServerError::retry_after`]).
    ServerUnavailable,
    /// Any other 400.
    BadRequest,
}

impl ServerErrorCode {
    /// The code as [`Error::code`] gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            ServerErrorCode::InvalidCurrentPassword => "invalid_current_password",
            ServerErrorCode::AuthenticationFailed => "authentication_failed",
            ServerErrorCode::AccountLocked => "account_locked",
            ServerErrorCode::AccountDisabled => "account_disabled",
            ServerErrorCode::PasswordExpired => "password_expired",
            ServerErrorCode::ServerRejectedPassword => "server_rejected_password",
            ServerErrorCode::Forbidden => "forbidden",
            ServerErrorCode::NotFound => "not_found",
            ServerErrorCode::Conflict => "conflict",
            ServerErrorCode::MethodNotAllowed => "method_not_allowed",
            ServerErrorCode::PayloadTooLarge => "payload_too_large",
            ServerErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ServerErrorCode::ServerUnavailable => "server_unavailable",
            ServerErrorCode::BadRequest => "bad_request",
        }
    }
}

/// An error answer: the status, the server's own message, and what chpass makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerError {
    /// What the status and message mean.
    pub code: ServerErrorCode,
    /// The HTTP status.
    pub status: u16,
    /// The server's message, as it sent it (servers never echo passwords in these).
    pub server_message: Option<String>,
    /// For `server_rejected_password`: the client-side violation code that predicts it.
    pub violation_code: Option<&'static str>,
    /// For `server_unavailable`: seconds from `Retry-After`, when given.
    pub retry_after: Option<u64>,
}

impl Error {
    /// Every error code this version can return (the table with classes and params:
    /// [`crate::error_types::ERROR_TYPES`]).
    pub const CODES: &'static [&'static str] = crate::error_types::CODES;

    /// The stable, snake_case code: one of [`Error::CODES`].
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidPolicy { .. } => "invalid_policy",
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::Server(e) => e.code.as_str(),
            Error::UnexpectedResponse { .. } => "unexpected_response",
            Error::Transport { code, .. } => code.as_str(),
            Error::PolicyViolation(_) => "policy_violation",
            Error::File { .. } => "file_error",
            Error::PasswordNotFound { .. } => "password_not_found",
            Error::PasswordPrompted { .. } => "password_prompted",
            Error::Hash { code, .. } => code.as_str(),
            Error::RandomUnavailable { .. } => "random_unavailable",
            Error::StrengthDictionariesNotLoaded => "strength_dictionaries_not_loaded",
            Error::WordListNotLoaded => "word_list_not_loaded",
            Error::NotReady { .. } => "not_ready",
            Error::LocaleNotLoaded { .. } => "locale_not_loaded",
        }
    }

    /// Whether trying again later may succeed (only `server_unavailable`).
    pub fn is_retryable(&self) -> bool {
        matches!(self, Error::Server(e) if e.code == ServerErrorCode::ServerUnavailable)
    }

    /// What the caller can do about it; the bindings' exception classes derive from it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidPolicy { .. }
            | Error::InvalidArgument { .. }
            | Error::Hash { .. }
            | Error::StrengthDictionariesNotLoaded
            | Error::WordListNotLoaded
            | Error::NotReady { .. }
            | Error::LocaleNotLoaded { .. } => ErrorKind::Configuration,
            Error::Server(_) => ErrorKind::Server,
            Error::UnexpectedResponse { .. } => ErrorKind::Protocol,
            Error::Transport { .. } => ErrorKind::Transport,
            Error::PolicyViolation(_) => ErrorKind::Policy,
            Error::File { .. }
            | Error::PasswordNotFound { .. }
            | Error::PasswordPrompted { .. } => ErrorKind::File,
            Error::RandomUnavailable { .. } => ErrorKind::System,
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
            Error::Server(e) => {
                let mut map = into_map(json!({ "status": e.status }));
                let optional = [
                    ("server_message", e.server_message.clone().map(Value::from)),
                    ("violation_code", e.violation_code.map(Value::from)),
                    ("retry_after", e.retry_after.map(Value::from)),
                ];
                for (key, value) in optional {
                    if let Some(value) = value {
                        map.insert(key.into(), value);
                    }
                }
                map
            }
            Error::UnexpectedResponse {
                status, excerpt, ..
            } => into_map(json!({ "status": status, "excerpt": excerpt })),
            Error::Transport { .. } => Map::new(),
            Error::PolicyViolation(report) => into_map(json!({ "report": report })),
            Error::File { path, .. } => into_map(json!({ "path": path })),
            Error::PasswordNotFound { path, cloud } => {
                let mut map = into_map(json!({ "path": path }));
                if let Some(cloud) = cloud {
                    map.insert("cloud".into(), Value::from(cloud.as_str()));
                }
                map
            }
            Error::PasswordPrompted { path } => into_map(json!({ "path": path })),
            Error::Hash { params, .. } => params.clone(),
            Error::NotReady { entry } => into_map(json!({ "entry": entry })),
            Error::LocaleNotLoaded { locale } => into_map(json!({ "locale": locale })),
            Error::RandomUnavailable { .. }
            | Error::StrengthDictionariesNotLoaded
            | Error::WordListNotLoaded => Map::new(),
        }
    }

    /// A `malformed_hash` error with this reason.
    pub fn malformed_hash(reason: impl Into<String>) -> Self {
        Error::Hash {
            code: HashErrorCode::MalformedHash,
            reason: reason.into(),
            params: Map::new(),
        }
    }

    /// An `invalid_argument` error for `argument`, with this reason and no further params.
    pub fn invalid_argument(argument: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidArgument {
            argument,
            reason: reason.into(),
            params: Map::new(),
        }
    }

    /// An `invalid_policy` error at `path` (dotted, e.g. `min_length.unit`).
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
            Error::Server(e) => {
                let what = match e.code {
                    ServerErrorCode::InvalidCurrentPassword => "the current password is wrong",
                    ServerErrorCode::AuthenticationFailed => "authentication failed",
                    ServerErrorCode::AccountLocked => "the account is locked",
                    ServerErrorCode::AccountDisabled => "the account is disabled",
                    ServerErrorCode::PasswordExpired => "the password has expired",
                    ServerErrorCode::ServerRejectedPassword => {
                        "the server rejected the new password"
                    }
                    ServerErrorCode::Forbidden => "forbidden",
                    ServerErrorCode::NotFound => "not found",
                    ServerErrorCode::Conflict => "conflict",
                    ServerErrorCode::MethodNotAllowed => "method not allowed",
                    ServerErrorCode::PayloadTooLarge => "request too large",
                    ServerErrorCode::UnsupportedMediaType => "unsupported media type",
                    ServerErrorCode::ServerUnavailable => {
                        "the server is unavailable; try again later"
                    }
                    ServerErrorCode::BadRequest => "bad request",
                };
                write!(f, "{what} (HTTP {})", e.status)?;
                match &e.server_message {
                    Some(message) => write!(f, ": {message}"),
                    None => Ok(()),
                }
            }
            Error::UnexpectedResponse { status, reason, .. } => {
                write!(f, "unexpected response (HTTP {status}): {reason}")
            }
            Error::Transport { code, reason } => write!(f, "{}: {reason}", code.as_str()),
            Error::PolicyViolation(report) => {
                write!(
                    f,
                    "the new password breaks the policy: {}",
                    report.codes().join(", ")
                )
            }
            Error::File {
                path: Some(path),
                reason,
            } => write!(f, "{path}: {reason}"),
            Error::File { path: None, reason } => f.write_str(reason),
            Error::PasswordNotFound { path, cloud } => {
                let place = path.as_deref().unwrap_or("no credential file openstacksdk reads");
                match cloud {
                    Some(cloud) => write!(f, "{place}: no password for cloud {cloud:?} to change"),
                    None => write!(f, "{place}: no OS_PASSWORD to change"),
                }
            }
            Error::PasswordPrompted { path } => write!(
                f,
                "{path}: asks for the password when sourced; there is none to change"
            ),
            Error::Hash { code, reason, .. } => match code {
                HashErrorCode::MalformedHash => write!(f, "malformed hash: {reason}"),
                HashErrorCode::PasswordTooLongForBcrypt | HashErrorCode::WorkLimitExceeded => {
                    f.write_str(reason)
                }
            },
            Error::RandomUnavailable { reason } => {
                write!(f, "the OS random number generator failed: {reason}")
            }
            Error::StrengthDictionariesNotLoaded => f.write_str(
                "the strength dictionaries are not loaded: call `await ready()` from 'chpass/strength' first",
            ),
            Error::WordListNotLoaded => f.write_str(
                "the passphrase word list is not loaded: call `await loadWordList()` first",
            ),
            Error::LocaleNotLoaded { locale } => write!(
                f,
                "the {locale} messages are not loaded: import 'chpass/locales/{locale}' first"
            ),
            Error::NotReady { entry } => write!(
                f,
                "'{entry}' is not ready: call `await ready()` from '{entry}' first"
            ),
        }
    }
}

impl std::error::Error for Error {}
