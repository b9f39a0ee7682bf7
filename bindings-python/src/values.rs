//! Python values as core's inputs (text, JSON) and core's outputs as Python values.

use crate::errors::{IntoPyResult, to_py_err};
use chpass::text::{InputError, LoneSurrogate};
use chpass::{Context, Error};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde::Serialize;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// A Python str as Rust text. Surrogates (`'\udc80'`, surrogateescape'd bytes) are not
/// Unicode; core's UTF-16 decoder names the first one in an `invalid_argument` error.
pub(crate) fn text<'a>(
    py: Python<'_>,
    argument: &'static str,
    value: &'a Bound<'_, PyString>,
) -> PyResult<Cow<'a, str>> {
    match value.to_cow() {
        Ok(text) => Ok(text),
        Err(_) => Err(surrogate(value)?.into_argument_error(argument)).py(py),
    }
}

/// The first surrogate of a str that is not Unicode, by Python's own index: each surrogate
/// code point is lone, even where two would make a UTF-16 pair (`'\ud83d\ude00'` is two).
fn surrogate(value: &Bound<'_, PyString>) -> PyResult<LoneSurrogate> {
    let encoded = value.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    let points = bytes
        .chunks_exact(4)
        .map(|p| u32::from_le_bytes([p[0], p[1], p[2], p[3]]));
    LoneSurrogate::in_code_points(points)
        .ok_or_else(|| PyRuntimeError::new_err("a str that is not UTF-8 holds no surrogate"))
}

/// Plain Python data (a dict or any Mapping, list, tuple, str, int, float, bool, None) as
/// JSON; anything else, and a string holding a lone surrogate, is an error saying where it sits.
pub(crate) fn py_to_json(
    value: &Bound<'_, PyAny>,
    path: &mut Vec<String>,
) -> Result<Value, InputError> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(n) = value.extract::<u64>() {
            return Ok(Value::from(n));
        }
        return value
            .extract::<i64>()
            .map(Value::from)
            .map_err(|_| InputError::new(path, "integer out of range"));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(f.value()).map_or(Value::Null, Value::Number));
    }
    if let Ok(s) = value.cast::<PyString>() {
        return py_str(s, path).map(Value::String);
    }
    if let Ok(mapping) = value.cast::<PyMapping>() {
        InputError::check_depth(path)?;
        let items = mapping
            .items()
            .map_err(|e| InputError::new(path, e.to_string()))?;
        let mut map = Map::new();
        for pair in items.iter() {
            let (key, item): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair
                .extract()
                .map_err(|e: PyErr| InputError::new(path, e.to_string()))?;
            let key = key
                .cast::<PyString>()
                .map_err(|_| InputError::new(path, "keys must be strings"))?;
            let key = py_str(key, path)?;
            path.push(key.clone());
            let item = py_to_json(&item, path)?;
            path.pop();
            map.insert(key, item);
        }
        return Ok(Value::Object(map));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        InputError::check_depth(path)?;
        let mut items = Vec::new();
        let items_of = value
            .try_iter()
            .map_err(|e| InputError::new(path, e.to_string()))?;
        for (index, item) in items_of.enumerate() {
            let item = item.map_err(|e| InputError::new(path, e.to_string()))?;
            path.push(index.to_string());
            items.push(py_to_json(&item, path)?);
            path.pop();
        }
        return Ok(Value::Array(items));
    }
    let type_name = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(InputError::new(
        path,
        format!("unsupported type {type_name}"),
    ))
}

/// A str inside structured data; one with a lone surrogate is located by core.
fn py_str(value: &Bound<'_, PyString>, path: &[String]) -> Result<String, InputError> {
    if let Ok(text) = value.to_cow() {
        return Ok(text.into_owned());
    }
    let lone = surrogate(value).map_err(|e| InputError::new(path, e.to_string()))?;
    Err(InputError::surrogate(path, lone))
}

pub(crate) fn policy_json(value: &Bound<'_, PyAny>) -> Result<Value, Error> {
    py_to_json(value, &mut Vec::new()).map_err(InputError::into_policy_error)
}

/// One of core's results (a request, an outcome, an estimate) as plain Python data.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    json_to_py(py, &value)
}

pub(crate) fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (_, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

pub(crate) fn context_of(py: Python<'_>, context: Option<&Bound<'_, PyAny>>) -> PyResult<Context> {
    Context::from_value(optional_json_arg(py, "context", context)?).py(py)
}

pub(crate) fn json_arg(
    py: Python<'_>,
    argument: &'static str,
    value: &Bound<'_, PyAny>,
) -> PyResult<Value> {
    py_to_json(value, &mut Vec::new()).map_err(|e| to_py_err(py, e.into_argument_error(argument)))
}

/// An argument that may be left out: `None` is null, which core reads as its defaults.
pub(crate) fn optional_json_arg(
    py: Python<'_>,
    argument: &'static str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Value> {
    value.map_or(Ok(Value::Null), |value| json_arg(py, argument, value))
}
