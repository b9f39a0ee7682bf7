//! `Policy`, `validate` (a report as a plain dict) and the preset list.

use crate::errors::IntoPyResult;
use crate::values::{context_of, policy_json, py_to_json, text, to_py};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping, PyString};
use serde_json::Value;
use std::borrow::Cow;

/// Passwords longer than this are validated without holding the GIL.
const DETACH_ABOVE_BYTES: usize = 16 * 1024;

/// A checked password policy. Build it from a dict, JSON, a preset or a keystone.conf.
#[pyclass(frozen, module = "chpass")]
#[derive(Clone)]
pub(crate) struct Policy {
    pub(crate) inner: chpass::Policy,
}

#[pymethods]
impl Policy {
    /// Policy(spec: dict) — the same keys as the JSON form; unknown keys are refused.
    ///
    /// Raises:
    ///     InvalidPolicyError: a key is unknown or a value unusable (``params["path"]`` names
    ///         it).
    ///     InvalidArgumentError: a text in it is not valid Unicode (a lone surrogate).
    #[new]
    fn new(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = policy_json(spec).py(py)?;
        Ok(Policy {
            inner: chpass::Policy::from_value(value).py(py)?,
        })
    }

    /// A policy from its JSON text.
    ///
    /// Raises:
    ///     InvalidPolicyError: the text is not JSON, or a key is unknown or a value unusable.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &Bound<'_, PyString>) -> PyResult<Self> {
        let json = text(py, "json", json)?;
        Ok(Policy {
            inner: chpass::Policy::from_json(&json).py(py)?,
        })
    }

    /// A named preset; its options are keyword arguments (see `chpass.presets`).
    ///
    /// Raises:
    ///     InvalidPolicyError: no such preset, or an option it does not take.
    #[staticmethod]
    #[pyo3(signature = (name, **options))]
    fn preset(
        py: Python<'_>,
        name: &Bound<'_, PyString>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let name = text(py, "name", name)?;
        let options = match options {
            Some(options) => py_to_json(options.as_any(), &mut vec![])
                .map_err(|e| e.within("options").into_policy_error())
                .py(py)?,
            None => Value::Null,
        };
        Ok(Policy {
            inner: chpass::Policy::preset(&name, &options).py(py)?,
        })
    }

    /// The policy Keystone enforces, from a keystone.conf's `[security_compliance]` section.
    ///
    /// Raises:
    ///     InvalidPolicyError: what oslo.config would refuse, or a regex chpass cannot run.
    #[staticmethod]
    fn from_keystone_conf(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Self> {
        let conf = crate::values::text(py, "text", text)?;
        Ok(Policy {
            inner: chpass::Policy::from_keystone_conf(&conf).py(py)?,
        })
    }

    /// Every violation of this policy by `password`, in the documented order.
    ///
    /// Raises:
    ///     InvalidArgumentError: the password or a context value is not valid Unicode, or the
    ///         context has an unknown key.
    #[pyo3(signature = (password, context = None))]
    fn validate<'py>(
        &self,
        py: Python<'py>,
        password: &Bound<'_, PyString>,
        context: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let password = text(py, "password", password)?;
        let context = context_of(py, context)?;
        let report = if password.len() > DETACH_ABOVE_BYTES {
            py.detach(|| self.inner.validate(&password, &context))
        } else {
            self.inner.validate(&password, &context)
        };
        // a plain dict, as every result: the report's JSON, messages in its language
        to_py(py, &report)
    }

    /// The policy as JSON text (accepted back by `from_json`).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The policy as a dict (accepted back by `Policy(...)`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.spec())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Policy>()
            .is_ok_and(|other| other.get().inner == self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let json = PyString::new(py, &self.inner.to_json());
        Ok(format!("Policy.from_json({})", json.repr()?))
    }
}

/// validate(password, policy, context=None) -> Report
///
/// `policy` is a `Policy` or a policy dict; `context` a dict with `username`, `email`,
/// `service`, `words` and `current_password`.
///
/// Raises:
///     InvalidPolicyError: ``policy`` is a dict that is no policy.
///     InvalidArgumentError: the password or a context value is not valid Unicode, or the context
///         has an unknown key.
#[pyfunction]
#[pyo3(signature = (password, policy, context = None))]
pub(crate) fn validate<'py>(
    py: Python<'py>,
    password: &Bound<'_, PyString>,
    policy: &Bound<'_, PyAny>,
    context: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    policy_arg(py, policy)?.validate(py, password, context)
}

/// A `chpass.Policy` as given, or one built from a policy dict (or any Mapping).
pub(crate) fn policy_arg<'a>(
    py: Python<'_>,
    value: &'a Bound<'_, PyAny>,
) -> PyResult<Cow<'a, Policy>> {
    if let Ok(policy) = value.cast::<Policy>() {
        return Ok(Cow::Borrowed(policy.get()));
    }
    if value.cast::<PyMapping>().is_ok() {
        return Ok(Cow::Owned(Policy::new(py, value)?));
    }
    Err(PyTypeError::new_err(
        "policy must be a chpass.Policy or a dict (any Mapping)",
    ))
}

/// An optional policy argument, owned (a `chpass.Policy` is cloned).
pub(crate) fn optional_policy(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<chpass::Policy>> {
    value
        .map(|value| policy_arg(py, value).map(|policy| policy.into_owned().inner))
        .transpose()
}

/// The presets: name, summary, source and the option names each takes.
#[pyfunction]
pub(crate) fn preset_info(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &chpass::presets::ALL)
}
