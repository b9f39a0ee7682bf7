//! `generate`: a random password the policy accepts.

use crate::errors::IntoPyResult;
use crate::policy::policy_arg;
use crate::values::{context_of, optional_json_arg};
use chpass::generate::GenerateOptions;
use pyo3::prelude::*;

/// A generated password and its entropy; the repr never shows the password.
#[pyclass(frozen, module = "chpass")]
pub(crate) struct Generated {
    inner: chpass::generate::Generated,
}

#[pymethods]
impl Generated {
    #[getter]
    fn password(&self) -> &str {
        self.inner.password.expose()
    }

    #[getter]
    fn entropy_bits(&self) -> f64 {
        self.inner.entropy_bits
    }

    fn __repr__(&self) -> String {
        format!(
            "Generated(password=[REDACTED], entropy_bits={:.1})",
            self.inner.entropy_bits
        )
    }
}

/// generate(policy, options=None, context=None) -> Generated
///
/// A random password that `validate(…, policy, context)` accepts. `options`: `mode`
/// ("characters" or "passphrase"), `length`, `alphabet`, `words`, `separator`.
///
/// Raises:
///     InvalidArgumentError: the options cannot make a password this policy accepts
///         (``params["argument"]`` says which).
///     InvalidPolicyError: ``policy`` is a dict that is no policy.
///     RandomUnavailableError: the OS random number generator failed.
#[pyfunction]
#[pyo3(signature = (policy, options = None, context = None))]
pub(crate) fn generate(
    py: Python<'_>,
    policy: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
    context: Option<&Bound<'_, PyAny>>,
) -> PyResult<Generated> {
    let policy = policy_arg(py, policy)?;
    let options = GenerateOptions::from_value(optional_json_arg(py, "options", options)?).py(py)?;
    let context = context_of(py, context)?;
    let inner = chpass::generate::generate(&policy.inner, &context, &options).py(py)?;
    Ok(Generated { inner })
}
