//! Operations as plain data: build the request, interpret the answer, dump it redacted.

use crate::errors::IntoPyResult;
use crate::values::{json_arg, to_py};
use chpass::backend::{HttpResponse, Operation};
use pyo3::prelude::*;

pub(crate) fn operation_arg(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Operation> {
    Operation::from_value(json_arg(py, "operation", value)?).py(py)
}

/// build_request(operation) -> dict with method, url, headers ([name, value] pairs) and body
/// (JSON text or None), for any HTTP client.
///
/// Raises:
///     InvalidArgumentError: the operation is unknown, misses a key or has one it does not take
///         (``params["path"]``).
#[pyfunction]
pub(crate) fn build_request<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let request = operation_arg(py, operation)?.request().py(py)?;
    to_py(py, &request)
}

/// interpret_response(operation, response) -> outcome dict, or raises the typed error.
/// `response` is a dict with status, headers (dict or pairs) and body (text).
///
/// Raises:
///     ServerError: the server said no; the subclass names why (``InvalidCurrentPasswordError``,
///         ``ServerRejectedPasswordError``, …).
///     UnexpectedResponseError: the answer is not what the endpoint documents.
///     InvalidArgumentError: the operation or the response dict cannot be read.
#[pyfunction]
pub(crate) fn interpret_response<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyAny>,
    response: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let operation = operation_arg(py, operation)?;
    let response = HttpResponse::from_value(json_arg(py, "response", response)?).py(py)?;
    let outcome = operation.interpret(&response).py(py)?;
    to_py(py, &outcome)
}

/// dump_request(operation) -> the request as text, every secret shown as [REDACTED].
///
/// Raises:
///     InvalidArgumentError: the operation is unknown, misses a key or has one it does not take.
#[pyfunction]
pub(crate) fn dump_request(py: Python<'_>, operation: &Bound<'_, PyAny>) -> PyResult<String> {
    operation_arg(py, operation)?.dump().py(py)
}
