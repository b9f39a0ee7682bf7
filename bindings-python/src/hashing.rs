//! Hash, verify and the server-targeted hash formats; the GIL is released while hashing.

use crate::errors::IntoPyResult;
use crate::values::{optional_json_arg, text};
use chpass::SecretString;
use chpass::hash::{ELASTICSEARCH_DEFAULT_ALGORITHM, HashSpec, OpenSearchHashSettings, WorkLimits};
use pyo3::prelude::*;
use pyo3::types::PyString;

fn hash_spec(py: Python<'_>, spec: Option<&Bound<'_, PyAny>>) -> PyResult<HashSpec> {
    HashSpec::from_value(optional_json_arg(py, "spec", spec)?).py(py)
}

/// hash(password, spec=None, limits=None) -> str
///
/// `spec` is a dict such as `{"algorithm": "bcrypt", "cost": 12}`; argon2id with OWASP's
/// parameters by default. `WorkLimitExceededError` past `limits`, the limits `verify` holds
/// the hash to. The GIL is released while hashing.
///
/// Raises:
///     InvalidArgumentError: the password is not valid Unicode, or the spec is unusable.
///     PasswordTooLongForBcryptError: bcrypt and more than 72 UTF-8 bytes.
///     WorkLimitExceededError: the spec costs more than ``limits``.
///     RandomUnavailableError: the OS random number generator failed.
#[pyfunction]
#[pyo3(signature = (password, spec = None, limits = None))]
pub(crate) fn hash(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    spec: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let spec = hash_spec(py, spec)?;
    let limits = WorkLimits::from_value(optional_json_arg(py, "limits", limits)?).py(py)?;
    py.detach(|| chpass::hash::hash_with_limits(password.expose(), &spec, &limits))
        .py(py)
}

/// verify(password, hash, limits=None) -> bool
///
/// False for a wrong password; `MalformedHashError` for a string that is no known hash;
/// `WorkLimitExceededError` past `limits` (a dict of `WorkLimits` fields). GIL released.
///
/// Raises:
///     MalformedHashError: ``hash`` is no hash in a format chpass knows.
///     WorkLimitExceededError: checking it would cost more than ``limits``.
///     InvalidArgumentError: the password is not valid Unicode.
#[pyfunction]
#[pyo3(signature = (password, hash, limits = None))]
pub(crate) fn verify(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    hash: &Bound<'_, PyString>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    check_with(py, chpass::hash::verify_with_limits, password, hash, limits)
}

type Check = fn(&str, &str, &WorkLimits) -> chpass::Result<bool>;

/// A password against a hash with one of core's checks, the GIL released.
fn check_with(
    py: Python<'_>,
    check: Check,
    password: &Bound<'_, PyString>,
    hash: &Bound<'_, PyString>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let hash = text(py, "hash", hash)?;
    let limits = WorkLimits::from_value(optional_json_arg(py, "limits", limits)?).py(py)?;
    py.detach(|| check(password.expose(), &hash, &limits))
        .py(py)
}

/// verify_opensearch(password, hash, limits=None) -> bool
///
/// Whether OpenSearch would accept the password for this hash, checked as its password4j
/// checks it: `verify` but for `$2a$` hashes of non-ASCII passwords, where password4j's
/// bcrypt is not the standard one, and for argon2 below 8 KiB per lane, which only password4j
/// computes. GIL released.
///
/// Raises:
///     MalformedHashError: ``hash`` is no hash in a format OpenSearch takes.
///     WorkLimitExceededError: checking it would cost more than ``limits``.
#[pyfunction]
#[pyo3(signature = (password, hash, limits = None))]
pub(crate) fn verify_opensearch(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    hash: &Bound<'_, PyString>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    check_with(py, chpass::hash::verify_opensearch, password, hash, limits)
}

/// needs_rehash(hash, spec=None) -> bool: another algorithm, or weaker parameters than `spec`.
#[pyfunction]
#[pyo3(signature = (hash, spec = None))]
pub(crate) fn needs_rehash(
    py: Python<'_>,
    hash: &Bound<'_, PyString>,
    spec: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    let hash = text(py, "hash", hash)?;
    let spec = hash_spec(py, spec)?;
    chpass::hash::needs_rehash(&hash, &spec).py(py)
}

/// elasticsearch_password_hash(password, algorithm="bcrypt") -> str, for `password_hash`.
#[pyfunction]
#[pyo3(signature = (password, algorithm = None), text_signature = "(password, algorithm='bcrypt')")]
pub(crate) fn elasticsearch_password_hash(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    algorithm: Option<&Bound<'_, PyString>>,
) -> PyResult<String> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let algorithm = match algorithm {
        Some(algorithm) => text(py, "algorithm", algorithm)?,
        None => ELASTICSEARCH_DEFAULT_ALGORITHM.into(),
    };
    py.detach(|| chpass::hash::elasticsearch_password_hash(password.expose(), &algorithm))
        .py(py)
}

/// opensearch_hash(password, settings=None) -> str: the string password4j would build under
/// these `plugins.security.password.hashing.*` settings (a dict, prefix optional).
#[pyfunction]
#[pyo3(signature = (password, settings = None, limits = None))]
pub(crate) fn opensearch_hash(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    settings: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let settings =
        OpenSearchHashSettings::from_value(&optional_json_arg(py, "settings", settings)?).py(py)?;
    let limits = WorkLimits::from_value(optional_json_arg(py, "limits", limits)?).py(py)?;
    py.detach(|| chpass::hash::opensearch_hash_with_limits(password.expose(), &settings, &limits))
        .py(py)
}
