//! `Client`: sends operations over HTTP with the GIL released.

use crate::errors::IntoPyResult;
use crate::policy::{Policy, optional_policy};
use crate::requests::operation_arg;
use crate::values::{context_of, optional_json_arg, text, to_py};
use chpass::SecretString;
use chpass::transport::{KeystonePolicy, Transport, TransportOptions};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// One runtime for every Client: the calls block on it with the GIL released.
fn runtime() -> PyResult<&'static tokio::runtime::Runtime> {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    if let Some(runtime) = RUNTIME.get() {
        return Ok(runtime);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    Ok(RUNTIME.get_or_init(|| runtime))
}

/// Sends operations over HTTP (rustls, system roots). Every call releases the GIL while it
/// waits; `chpass.AsyncClient` offers the same calls to asyncio.
#[pyclass(frozen, module = "chpass")]
pub(crate) struct Client {
    inner: Transport,
}

#[pymethods]
impl Client {
    /// Client(**options): the keys of `chpass.ClientOptions` (`timeout_ms`, `max_retries`, …),
    /// each optional.
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let options = optional_json_arg(py, "options", options.map(Bound::as_any))?;
        let options = TransportOptions::from_value(options).py(py)?;
        Ok(Client {
            inner: Transport::new(options).py(py)?,
        })
    }

    /// Builds, sends and interprets one operation; returns the outcome dict.
    fn execute<'py>(
        &self,
        py: Python<'py>,
        operation: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let operation = operation_arg(py, operation)?;
        let runtime = runtime()?;
        let outcome = py.detach(|| runtime.block_on(self.inner.execute(&operation)));
        to_py(py, &outcome.py(py)?)
    }

    /// The whole change: checks the new password against `policy` (nothing is sent if it
    /// fails: PolicyViolationError), sends, interprets, and after Keystone logs in again
    /// with the new password and returns the new token.
    #[pyo3(signature = (operation, policy = None, context = None))]
    fn change_password<'py>(
        &self,
        py: Python<'py>,
        operation: &Bound<'py, PyAny>,
        policy: Option<&Bound<'py, PyAny>>,
        context: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let operation = operation_arg(py, operation)?;
        let policy = optional_policy(py, policy)?;
        let context = context_of(py, context)?;
        let runtime = runtime()?;
        let outcome = py.detach(|| {
            runtime.block_on(
                self.inner
                    .change_password(&operation, policy.as_ref(), &context),
            )
        });
        to_py(py, &outcome.py(py)?)
    }

    /// Logs in with `login` (a `keystone.issue_token` operation) and reads the server's
    /// password policy: {"policy": Policy, "source": "server"} or, when the token may not
    /// read it, the keystone preset with "source": "preset".
    fn keystone_policy<'py>(
        &self,
        py: Python<'py>,
        login: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let login = operation_arg(py, login)?.into_login().py(py)?;
        let runtime = runtime()?;
        let found = py
            .detach(|| runtime.block_on(self.inner.keystone_policy(&login)))
            .py(py)?;
        keystone_policy_to_py(py, found)
    }

    /// The whole Keystone change from the current password alone: log in (the change needs
    /// the user's id), check `new_password` against `policy` or else the server's own
    /// (nothing is sent if it fails: PolicyViolationError), change, log in again; returns
    /// the new token's outcome.
    #[pyo3(signature = (login, new_password, policy = None, context = None))]
    fn change_keystone_password<'py>(
        &self,
        py: Python<'py>,
        login: &Bound<'py, PyAny>,
        new_password: &Bound<'py, PyString>,
        policy: Option<&Bound<'py, PyAny>>,
        context: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let login = operation_arg(py, login)?.into_login().py(py)?;
        let new_password = SecretString::new(text(py, "new_password", new_password)?);
        let policy = optional_policy(py, policy)?;
        let context = context_of(py, context)?;
        let runtime = runtime()?;
        let outcome = py.detach(|| {
            runtime.block_on(self.inner.change_keystone_password(
                &login,
                new_password,
                policy,
                &context,
            ))
        });
        to_py(py, &outcome.py(py)?)
    }
}

fn keystone_policy_to_py(py: Python<'_>, found: KeystonePolicy) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(
        "policy",
        Policy {
            inner: found.policy,
        },
    )?;
    dict.set_item("source", found.source.as_str())?;
    Ok(dict)
}
