//! Every error code with what the bindings make of it, written once: the exception class (one
//! name per code, the same in JavaScript and Python), the kind, the params it carries and
//! what it means. The JS and Python error modules and the table of docs/errors.md are generated from
//! here (`cargo run -p chpass --features schema --example binding_tables`), and a test fails when one is stale.

use crate::error::ErrorKind;

/// One error code and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorType {
    /// The code, as [`crate::Error::code`] gives it.
    pub code: &'static str,
    /// The class in JavaScript and Python; for a few codes the kind's own class.
    pub class: &'static str,
    /// The kind, as [`crate::Error::kind`] gives it.
    pub kind: ErrorKind,
    /// Python builtins the class also derives from, so that `except TimeoutError` keeps working.
    pub python_bases: &'static [&'static str],
    /// The keys of `params` with their types, as TypeScript writes them (`?`: not always there).
    pub params: &'static [&'static str],
    /// When it is raised, in a sentence.
    pub doc: &'static str,
}

/// The class a kind gives its codes' classes to derive from (`None`: `ChpassError` itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindClass {
    /// The kind.
    pub kind: ErrorKind,
    /// Its class in JavaScript and Python (`ServerError`, …).
    pub class: &'static str,
    /// Python builtins the class also derives from (`ValueError`, `OSError`, …).
    pub python_bases: &'static [&'static str],
    /// What errors of this kind mean, in a sentence.
    pub doc: &'static str,
}

/// The root of every class.
pub const ROOT_CLASS: &str = "ChpassError";

/// The kinds with a class of their own.
pub const KIND_CLASSES: &[KindClass] = &[
    KindClass {
        kind: ErrorKind::Configuration,
        class: "ConfigurationError",
        python_bases: &["ValueError"],
        doc: "A policy, an argument or a hash that chpass cannot use.",
    },
    KindClass {
        kind: ErrorKind::Server,
        class: "ServerError",
        python_bases: &[],
        doc: "The server answered with an error; `params` has `status` and, when it sent one, `server_message`.",
    },
    KindClass {
        kind: ErrorKind::Protocol,
        class: "ProtocolError",
        python_bases: &[],
        doc: "The server's answer could not be understood.",
    },
    KindClass {
        kind: ErrorKind::File,
        class: "CredentialFileError",
        python_bases: &["OSError"],
        doc: "A credential file could not be read, understood, written, or holds nothing to change; it was left as it was.",
    },
    KindClass {
        kind: ErrorKind::Transport,
        class: "TransportError",
        python_bases: &[],
        doc: "The request got no (complete) answer.",
    },
];

macro_rules! error_types {
    ($($code:literal => $class:literal, $kind:ident, [$($base:literal),*], [$($param:literal),*], $doc:literal;)*) => {
        /// Every error code this version can return, in the documented order.
        pub const ERROR_TYPES: &[ErrorType] = &[$(ErrorType {
            code: $code,
            class: $class,
            kind: ErrorKind::$kind,
            python_bases: &[$($base),*],
            params: &[$($param),*],
            doc: $doc,
        }),*];
        pub(crate) const CODES: &[&str] = &[$($code),*];
    };
}

error_types! {
    "invalid_policy" => "InvalidPolicyError", Configuration, [], ["path: string"],
        "A policy, preset option or keystone.conf cannot be loaded; `params.path` names the key.";
    "invalid_argument" => "InvalidArgumentError", Configuration, [], ["argument: string", "path?: string", "reason?: string", "index?: number"],
        "An argument cannot be used: a password with a lone surrogate (`reason` `lone_surrogate`, `index`), an operation with an unknown key; inside an object `path` says where (`auth.basic.password`).";
    "invalid_current_password" => "InvalidCurrentPasswordError", Server, [], ["status: number", "server_message?: string"],
        "The current password is wrong (also when the Keystone flow's login with it is refused).";
    "authentication_failed" => "AuthenticationFailedError", Server, [], ["status: number", "server_message?: string"],
        "The credentials used to authenticate were refused.";
    "account_locked" => "AccountLockedError", Server, [], ["status: number", "server_message?: string"],
        "Keystone: the account is locked after failed logins.";
    "account_disabled" => "AccountDisabledError", Server, [], ["status: number", "server_message?: string"],
        "Keystone: the account is disabled.";
    "password_expired" => "PasswordExpiredError", Server, [], ["status: number", "server_message?: string"],
        "Keystone: the password has expired; change it before logging in.";
    "server_rejected_password" => "ServerRejectedPasswordError", Server, [], ["status: number", "server_message?: string", "violation_code?: string"],
        "The server refused the new password; `violation_code` is the client-side code that predicts it, when known.";
    "forbidden" => "ForbiddenError", Server, [], ["status: number", "server_message?: string"], "403: the credentials may not do this.";
    "not_found" => "NotFoundError", Server, [], ["status: number", "server_message?: string"], "404: no such user or endpoint.";
    "conflict" => "ConflictError", Server, [], ["status: number", "server_message?: string"], "409.";
    "method_not_allowed" => "MethodNotAllowedError", Server, [], ["status: number", "server_message?: string"], "405.";
    "payload_too_large" => "PayloadTooLargeError", Server, [], ["status: number", "server_message?: string"], "413.";
    "unsupported_media_type" => "UnsupportedMediaTypeError", Server, [], ["status: number", "server_message?: string"], "415.";
    "server_unavailable" => "ServerUnavailableError", Server, [], ["status: number", "server_message?: string", "retry_after?: number"],
        "503 or 429: try again later (`retryable`); `retry_after` in seconds from `Retry-After`.";
    "bad_request" => "BadRequestError", Server, [], ["status: number", "server_message?: string"], "400.";
    "unexpected_response" => "UnexpectedResponseError", Protocol, [], ["status: number", "excerpt: string"],
        "Any other status, or a body that is not what the endpoint documents; `excerpt` is redacted.";
    "network" => "NetworkError", Transport, ["ConnectionError"], [],
        "Could not connect; nothing reached the server.";
    "timeout" => "RequestTimeoutError", Transport, ["TimeoutError"], [],
        "No answer in time (connecting, or to a request that changes nothing).";
    "tls" => "TlsError", Transport, [], [], "The certificate or the TLS handshake failed.";
    "insecure_http" => "InsecureHttpError", Transport, [], [],
        "Plain `http://` to a host that is not loopback, without `allow_insecure_http`.";
    "outcome_unknown" => "OutcomeUnknownError", Transport, [], [],
        "A change may have reached the server but no answer came back: the password may or may not have changed; never retried.";
    "policy_violation" => "PolicyViolationError", Policy, [], ["report: Report"],
        "The new password breaks the policy; nothing was sent; `report` is the report.";
    "file_error" => "CredentialFileError", File, [], ["path: string | null"],
        "A credential file could not be read, understood or written; it was left as it was.";
    "password_not_found" => "PasswordNotFoundError", File, [], ["path: string | null", "cloud?: string"],
        "The file holds no password for that cloud (`update_cloud_password`: none of the files openstacksdk reads does), or an RC file no `OS_PASSWORD`; nothing was written.";
    "password_prompted" => "PasswordPromptedError", File, [], ["path: string"],
        "The RC file asks for the password when sourced instead of storing it: there is none to change; it was left as it is.";
    "malformed_hash" => "MalformedHashError", Configuration, [], [],
        "Not a hash chpass knows; the message says what is wrong.";
    "password_too_long_for_bcrypt" => "PasswordTooLongForBcryptError", Configuration, [], ["max: number", "actual: number"],
        "Over 72 UTF-8 bytes: bcrypt would ignore the rest, so chpass refuses.";
    "work_limit_exceeded" => "WorkLimitExceededError", Configuration, [], ["limit_name: string", "value: number", "limit: number"],
        "The hash would cost more than the work limits allow; raise `limit_name` to accept it.";
    "random_unavailable" => "RandomUnavailableError", System, ["OSError"], [],
        "The platform's random number generator failed.";
    "strength_dictionaries_not_loaded" => "ConfigurationError", Configuration, [], [],
        "npm: a strength rule before `await ready()` from `chpass/strength`.";
    "word_list_not_loaded" => "ConfigurationError", Configuration, [], [],
        "npm: a passphrase before `await loadWordList()`.";
    "not_ready" => "NotReadyError", Configuration, [], ["entry: 'chpass' | 'chpass/hash' | 'chpass/client' | 'chpass/strength'"],
        "npm: an entry point's function before its `await ready()`; `entry` names it.";
    "locale_not_loaded" => "ConfigurationError", Configuration, [], ["locale: string"],
        "npm: a `locale` whose catalog was not imported (`import 'chpass/locales/de'`); `locale` is the catalog's tag.";
}

/// What each key of `params` means, in errors, violations and notices alike (the codes' docs
/// say more); the bindings' types document each key with it, and a test holds that every key
/// has one.
pub const PARAM_DOCS: &[(&str, &str)] = &[
    ("actual", "What the password has, in the same terms."),
    ("argument", "Which argument."),
    ("cloud", "The cloud asked for."),
    ("code_point", "The character, as `U+0007`."),
    (
        "count",
        "How many breaches list it (`null`: a local list matched).",
    ),
    (
        "description",
        "The policy's description of its regex, if it has one.",
    ),
    ("entry", "The entry point to `await ready()` from."),
    ("excerpt", "The start of the body, secrets redacted."),
    ("index", "Where in it, in UTF-16 units."),
    ("limit", "The limit that was reached."),
    ("limit_name", "The work limit to raise to accept it."),
    ("locale", "The tag of the catalog to import."),
    ("max", "The most that is allowed."),
    ("min", "The least the rule asks for."),
    (
        "path",
        "Where: a key path (`auth.basic.password`), or a file's path.",
    ),
    ("position", "Where, in code points from 0."),
    ("reason", "What is wrong with it."),
    ("report", "The policy check's report."),
    (
        "retry_after",
        "The seconds the server asked to wait (`Retry-After`).",
    ),
    (
        "server_message",
        "What the server said, when it said something.",
    ),
    ("status", "The HTTP status."),
    (
        "unit",
        "What the lengths count: code points, UTF-16 units or UTF-8 bytes.",
    ),
    (
        "used",
        "How much of the password the server keeps, in `unit`.",
    ),
    ("value", "What the hash would cost, in the limit's terms."),
    (
        "violation_code",
        "The client-side violation code that predicts the refusal, when known.",
    ),
    ("word", "The context word found."),
];

/// The key a table's `params` entry declares: `path` for `"path?: string"`.
pub fn param_key(param: &str) -> &str {
    param
        .split(':')
        .next()
        .unwrap_or(param)
        .trim_end_matches('?')
}

/// The doc of a `params` key (see [`PARAM_DOCS`]).
pub fn param_doc(key: &str) -> Option<&'static str> {
    PARAM_DOCS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, doc)| *doc)
}

/// The class `kind` gives its codes, if it has one.
pub fn kind_class(kind: ErrorKind) -> Option<&'static KindClass> {
    KIND_CLASSES.iter().find(|k| k.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_params_key_is_documented() {
        use crate::policy::violation_types::{NOTICE_TYPES, VIOLATION_TYPES};
        let declared = ERROR_TYPES.iter().flat_map(|t| t.params).chain(
            VIOLATION_TYPES
                .iter()
                .chain(NOTICE_TYPES)
                .flat_map(|t| t.params),
        );
        for param in declared {
            let key = param_key(param);
            assert!(param_doc(key).is_some(), "no doc for params key {key:?}");
        }
    }

    #[test]
    fn one_class_per_code_and_no_class_for_two_kinds() {
        for (i, t) in ERROR_TYPES.iter().enumerate() {
            assert!(
                ERROR_TYPES[..i].iter().all(|o| o.code != t.code),
                "{} twice",
                t.code
            );
            let owner = kind_class(t.kind).map(|k| k.class);
            if owner != Some(t.class) {
                assert!(
                    ERROR_TYPES[..i].iter().all(|o| o.class != t.class),
                    "{} names a class of another code",
                    t.code
                );
            }
        }
    }
}
