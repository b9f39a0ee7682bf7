//! Core errors as the exceptions of `chpass._errors`, chosen by code.

use chpass::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde_json::Value;

use crate::values::json_to_py;

/// Raises the `chpass._errors` class named after the error code (`invalid_policy` →
/// `InvalidPolicyError`), falling back to its kind's class.
pub(crate) fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
    match raise(py, &err) {
        Ok(e) | Err(e) => e,
    }
}

fn raise(py: Python<'_>, err: &Error) -> PyResult<PyErr> {
    static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let module = ERRORS.get_or_try_init(py, || py.import("chpass._errors").map(Bound::unbind))?;
    let module = module.bind(py);
    let make = module.getattr("_from_core")?;
    let params = json_to_py(py, &Value::Object(err.params()))?;
    let exc = make.call1((
        err.code(),
        err.kind().as_str(),
        err.to_string(),
        params,
        err.is_retryable(),
    ))?;
    Ok(PyErr::from_value(exc))
}

pub(crate) trait IntoPyResult<T> {
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, Error> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, e))
    }
}
