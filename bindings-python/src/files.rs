//! clouds.yaml, secure.yaml and RC files: the text edits and the atomic file updates.

use crate::errors::IntoPyResult;
use crate::values::{text as checked, to_py};
use chpass::files::{self, RcUpdate, WriteOptions};
use pyo3::prelude::*;
use pyo3::types::PyString;

/// set_cloud_password(text, cloud, password) -> the new clouds.yaml text, or None when it holds
/// no password for the cloud (clouds.<cloud>.auth.password, or a password beside auth). Only
/// the password's bytes change.
#[pyfunction]
pub(crate) fn set_cloud_password(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    cloud: &Bound<'_, PyString>,
    password: &Bound<'_, PyString>,
) -> PyResult<Option<String>> {
    let text = checked(py, "text", text)?;
    let cloud = checked(py, "cloud", cloud)?;
    let password = checked(py, "password", password)?;
    files::set_cloud_password(&text, &cloud, &password).py(py)
}

/// set_rc_password(text, password) -> the new RC file text, or None when it holds no
/// OS_PASSWORD or prompts for it (read -sr OS_PASSWORD_INPUT).
#[pyfunction]
pub(crate) fn set_rc_password(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    password: &Bound<'_, PyString>,
) -> PyResult<Option<String>> {
    let text = checked(py, "text", text)?;
    let password = checked(py, "password", password)?;
    Ok(match files::set_rc_password(&text, &password).py(py)? {
        RcUpdate::Updated(text) => Some(text),
        RcUpdate::Prompts | RcUpdate::NoPassword => None,
    })
}

/// update_cloud_file(path, cloud, password, backup=True) -> {path, status, backup, warning}.
/// Atomic (temporary file, fsync, rename), keeps the mode, refuses a concurrent edit.
///
/// Raises:
///     PasswordNotFoundError: the file has no such cloud, or no password for it; nothing was
///         written.
///     CredentialFileError: the file cannot be read, understood (flow style, keys given twice, …)
///         or written, or changed meanwhile; it was left as it was.
#[pyfunction]
#[pyo3(signature = (path, cloud, password, backup = true))]
pub(crate) fn update_cloud_file<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    cloud: &Bound<'py, PyString>,
    password: &Bound<'py, PyString>,
    backup: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let cloud = checked(py, "cloud", cloud)?;
    let password = checked(py, "password", password)?;
    let update =
        files::update_cloud_file(&path, &cloud, &password, WriteOptions { backup }).py(py)?;
    to_py(py, &update)
}

/// update_rc_file(path, password, backup=True) -> {path, status, backup, warning}; an RC file
/// that prompts for the password, or holds none, is left alone and raised as
/// `password_prompted` / `password_not_found`.
///
/// Raises:
///     PasswordPromptedError: the file asks for the password when sourced; nothing to update.
///     PasswordNotFoundError: the file sets no ``OS_PASSWORD``.
///     CredentialFileError: the file cannot be read, split as sh splits it, or written; it was
///         left as it was.
#[pyfunction]
#[pyo3(signature = (path, password, backup = true))]
pub(crate) fn update_rc_file<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    password: &Bound<'py, PyString>,
    backup: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let password = checked(py, "password", password)?;
    let update = files::update_rc_file(&path, &password, WriteOptions { backup }).py(py)?;
    to_py(py, &update)
}

/// update_cloud_password(cloud, password, backup=True) -> list of file updates: the password of
/// `cloud` in each secure.yaml / clouds.yaml that holds it, found as openstacksdk finds them.
///
/// Raises:
///     PasswordNotFoundError: no file openstacksdk reads holds a password for the cloud.
///     CredentialFileError: a file cannot be read, understood or written; it was left as it was.
#[pyfunction]
#[pyo3(signature = (cloud, password, backup = true))]
pub(crate) fn update_cloud_password<'py>(
    py: Python<'py>,
    cloud: &Bound<'py, PyString>,
    password: &Bound<'py, PyString>,
    backup: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let cloud = checked(py, "cloud", cloud)?;
    let password = checked(py, "password", password)?;
    let updates =
        files::update_cloud_password(&cloud, &password, WriteOptions { backup }).py(py)?;
    to_py(py, &updates)
}
