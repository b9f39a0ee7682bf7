//! `strength`: zxcvbn 4.4.2's estimate.

use crate::errors::IntoPyResult;
use crate::values::{text, to_py};
use chpass::SecretString;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// strength(password, user_inputs=None, reference_year=None, *, locale=None) -> dict
///
/// zxcvbn 4.4.2's estimate: `score` (0–4), `guesses`, `guesses_log10` and the match
/// `sequence` (positions in UTF-16 units, as zxcvbn counts). `reference_year` defaults to this
/// year; `locale` is the language of the feedback (English by default).
///
/// Raises:
///     InvalidArgumentError: the password or a user input is not valid Unicode.
#[pyfunction]
#[pyo3(signature = (password, user_inputs = None, reference_year = None, *, locale = None))]
pub(crate) fn strength<'py>(
    py: Python<'py>,
    password: &Bound<'py, PyString>,
    user_inputs: Option<Vec<Bound<'py, PyString>>>,
    reference_year: Option<i64>,
    locale: Option<Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyAny>> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let inputs = user_inputs
        .iter()
        .flatten()
        .map(|input| text(py, "user_inputs", input))
        .collect::<PyResult<Vec<_>>>()?;
    let inputs: Vec<&str> = inputs.iter().map(|input| input.as_ref()).collect();
    let options = chpass::strength::StrengthOptions {
        reference_year,
        locale: match &locale {
            Some(tag) => Some(text(py, "locale", tag)?.into_owned()),
            None => None,
        },
    };
    let estimate = py
        .detach(|| chpass::strength::estimate_with_options(password.expose(), &inputs, &options))
        .py(py)?;
    to_py(py, &estimate)
}
