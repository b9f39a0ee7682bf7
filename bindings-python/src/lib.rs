//! The `chpass._chpass` extension: converts Python values to core types and core errors to
//! the exceptions of `chpass._errors`. No rule, format or code is decided here.

use chpass::backend::{HttpResponse, Operation};
use chpass::files::{self, FileUpdate, RcUpdate, WriteOptions};
use chpass::generate::GenerateOptions;
use chpass::hash::{HashSpec, OpenSearchHashSettings, WorkLimits};
use chpass::text::InputError;
use chpass::transport::{KeystonePolicy, Transport, TransportOptions};
use chpass::{Context, Error, SecretString};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Passwords longer than this are validated without holding the GIL.
const DETACH_ABOVE_BYTES: usize = 16 * 1024;

// ---------- errors ----------

/// Raises the `chpass._errors` class named after the error code (`invalid_policy` →
/// `InvalidPolicyError`), falling back to its kind's class.
fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
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

trait IntoPyResult<T> {
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, Error> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, e))
    }
}

// ---------- values ----------

/// A Python str as Rust text. Surrogates (`'\udc80'`, surrogateescape'd bytes) are not
/// Unicode; core's UTF-16 decoder names the first one in an `invalid_argument` error.
fn text<'a>(
    py: Python<'_>,
    argument: &'static str,
    value: &'a Bound<'_, PyString>,
) -> PyResult<std::borrow::Cow<'a, str>> {
    match value.to_cow() {
        Ok(text) => Ok(text),
        Err(_) => chpass::text::decode_utf16(argument, &utf16_units(value)?)
            .map(std::borrow::Cow::Owned)
            .py(py),
    }
}

/// A str's UTF-16 code units, lone surrogates included.
fn utf16_units(value: &Bound<'_, PyString>) -> PyResult<Vec<u16>> {
    let encoded = value.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    Ok(bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect())
}

/// Plain Python data (dict, list, str, int, float, bool, None) as JSON; anything else, and a
/// string holding a lone surrogate, is an error saying where it sits.
fn py_to_json(value: &Bound<'_, PyAny>, path: &mut Vec<String>) -> Result<Value, InputError> {
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
    if let Ok(dict) = value.cast::<PyDict>() {
        InputError::check_depth(path)?;
        let mut map = Map::new();
        for (key, item) in dict.iter() {
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
    let units = utf16_units(value).map_err(|e| InputError::new(path, e.to_string()))?;
    Err(InputError::lone_surrogate(path, &units)
        .unwrap_or_else(|| InputError::new(path, "not valid Unicode")))
}

fn policy_json(value: &Bound<'_, PyAny>) -> Result<Value, Error> {
    py_to_json(value, &mut Vec::new()).map_err(InputError::into_policy_error)
}

fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
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

fn context_of(py: Python<'_>, context: Option<&Bound<'_, PyAny>>) -> PyResult<Context> {
    let Some(context) = context else {
        return Ok(Context::default());
    };
    Context::from_value(json_arg(py, "context", context)?).py(py)
}

// ---------- classes ----------

/// A checked password policy. Build it from a dict, JSON, a preset or a keystone.conf.
#[pyclass(frozen, module = "chpass")]
#[derive(Clone)]
struct Policy {
    inner: chpass::Policy,
}

#[pymethods]
impl Policy {
    /// Policy(spec: dict) — the same keys as the JSON form; unknown keys are refused.
    #[new]
    fn new(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = policy_json(spec).py(py)?;
        Ok(Policy {
            inner: chpass::Policy::from_value(value).py(py)?,
        })
    }

    /// A policy from its JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<Self> {
        Ok(Policy {
            inner: chpass::Policy::from_json(json).py(py)?,
        })
    }

    /// A named preset; its options are keyword arguments (see `chpass.presets`).
    #[staticmethod]
    #[pyo3(signature = (name, **options))]
    fn preset(py: Python<'_>, name: &str, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let options = match options {
            Some(options) => py_to_json(options.as_any(), &mut vec![])
                .map_err(|e| e.within("options").into_policy_error())
                .py(py)?,
            None => Value::Null,
        };
        Ok(Policy {
            inner: chpass::Policy::preset(name, &options).py(py)?,
        })
    }

    /// The policy Keystone enforces, from a keystone.conf's `[security_compliance]` section.
    #[staticmethod]
    fn from_keystone_conf(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(Policy {
            inner: chpass::Policy::from_keystone_conf(text).py(py)?,
        })
    }

    /// Every violation of this policy by `password`, in the documented order.
    #[pyo3(signature = (password, context = None))]
    fn validate(
        &self,
        py: Python<'_>,
        password: &Bound<'_, PyString>,
        context: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Report> {
        let password = text(py, "password", password)?;
        let context = context_of(py, context)?;
        let report = if password.len() > DETACH_ABOVE_BYTES {
            py.detach(|| self.inner.validate(&password, &context))
        } else {
            self.inner.validate(&password, &context)
        };
        Report::from_core(py, report)
    }

    /// The policy as JSON text (accepted back by `from_json`).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The policy as a dict (accepted back by `Policy(...)`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(
            py,
            &serde_json::to_value(self.inner.spec()).unwrap_or_default(),
        )
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

/// One broken rule: a stable `code`, an English `message`, and `params` with the numbers.
#[pyclass(frozen, module = "chpass", get_all)]
struct Violation {
    code: &'static str,
    message: String,
    params: Py<PyDict>,
}

#[pymethods]
impl Violation {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Violation(code={}, message={}, params={})",
            PyString::new(py, self.code).repr()?,
            PyString::new(py, &self.message).repr()?,
            self.params.bind(py).repr()?
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<Violation>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.code == other.code
            && self.message == other.message
            && self.params.bind(py).eq(other.params.bind(py))?)
    }
}

/// The result of `validate`. Iterating yields the violations; `ok` is true when none was
/// found, and `not_evaluated` lists rules this version could not run (not a pass).
#[pyclass(frozen, module = "chpass")]
struct Report {
    #[pyo3(get)]
    ok: bool,
    violations: Py<PyTuple>,
    #[pyo3(get)]
    not_evaluated: Vec<&'static str>,
    /// `{"score": 0-4, "guesses_log10": float}` when the policy has a strength rule, else None.
    #[pyo3(get)]
    strength: Option<Py<PyAny>>,
}

impl Report {
    fn from_core(py: Python<'_>, report: chpass::Report) -> PyResult<Self> {
        let violations = report
            .violations
            .iter()
            .map(|v| {
                let params = json_to_py(py, &Value::Object(v.params()))?
                    .cast_into::<PyDict>()?
                    .unbind();
                Py::new(
                    py,
                    Violation {
                        code: v.code(),
                        message: v.message(),
                        params,
                    },
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        let strength = match report.strength {
            Some(s) => Some(
                json_to_py(
                    py,
                    &serde_json::json!({ "score": s.score, "guesses_log10": s.guesses_log10 }),
                )?
                .unbind(),
            ),
            None => None,
        };
        Ok(Report {
            ok: report.ok(),
            violations: PyTuple::new(py, violations)?.unbind(),
            not_evaluated: report.not_evaluated,
            strength,
        })
    }
}

#[pymethods]
impl Report {
    /// The violations, in the documented order.
    #[getter]
    fn violations<'py>(&self, py: Python<'py>) -> Bound<'py, PyTuple> {
        self.violations.bind(py).clone()
    }

    /// The violation codes, in order.
    #[getter]
    fn codes(&self, py: Python<'_>) -> PyResult<Vec<&'static str>> {
        self.violations
            .bind(py)
            .iter()
            .map(|v| Ok(v.cast::<Violation>()?.get().code))
            .collect()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.violations
            .bind(py)
            .as_any()
            .try_iter()
            .map(Bound::into_any)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.violations.bind(py).len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let violations: Vec<String> = self
            .violations
            .bind(py)
            .iter()
            .map(|v| v.repr().map(|r| r.to_string()))
            .collect::<PyResult<_>>()?;
        let not_evaluated = PyList::new(py, &self.not_evaluated)?;
        Ok(format!(
            "Report(ok={}, violations=[{}], not_evaluated={})",
            if self.ok { "True" } else { "False" },
            violations.join(", "),
            not_evaluated.repr()?
        ))
    }
}

// ---------- functions ----------

/// validate(password, policy, context=None) -> Report
///
/// `policy` is a `Policy` or a policy dict; `context` a dict with `username`, `email`,
/// `service`, `words` and `current_password`.
#[pyfunction]
#[pyo3(signature = (password, policy, context = None))]
fn validate(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    policy: &Bound<'_, PyAny>,
    context: Option<&Bound<'_, PyAny>>,
) -> PyResult<Report> {
    policy_arg(py, policy)?.validate(py, password, context)
}

/// A `chpass.Policy` as given, or one built from a policy dict.
fn policy_arg<'a>(py: Python<'_>, value: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, Policy>> {
    if let Ok(policy) = value.cast::<Policy>() {
        return Ok(Cow::Borrowed(policy.get()));
    }
    if value.is_instance_of::<PyDict>() {
        return Ok(Cow::Owned(Policy::new(py, value)?));
    }
    Err(PyTypeError::new_err(
        "policy must be a chpass.Policy or a dict",
    ))
}

fn json_arg(py: Python<'_>, argument: &'static str, value: &Bound<'_, PyAny>) -> PyResult<Value> {
    py_to_json(value, &mut Vec::new()).map_err(|e| to_py_err(py, e.into_argument_error(argument)))
}

fn operation(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Operation> {
    Operation::from_value(json_arg(py, "operation", value)?).py(py)
}

/// build_request(operation) -> dict with method, url, headers ([name, value] pairs) and body
/// (JSON text or None), for any HTTP client.
#[pyfunction]
fn build_request<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let request = self::operation(py, operation)?.request().py(py)?;
    json_to_py(py, &serde_json::to_value(&request).unwrap_or_default())
}

/// interpret_response(operation, response) -> outcome dict, or raises the typed error.
/// `response` is a dict with status, headers (dict or pairs) and body (text).
#[pyfunction]
fn interpret_response<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyAny>,
    response: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let operation = self::operation(py, operation)?;
    let response = HttpResponse::from_value(json_arg(py, "response", response)?).py(py)?;
    let outcome = operation.interpret(&response).py(py)?;
    json_to_py(py, &serde_json::to_value(&outcome).unwrap_or_default())
}

/// dump_request(operation) -> the request as text, every secret shown as [REDACTED].
#[pyfunction]
fn dump_request(py: Python<'_>, operation: &Bound<'_, PyAny>) -> PyResult<String> {
    self::operation(py, operation)?.dump().py(py)
}

// ---------- hashing and generation ----------

fn hash_spec(py: Python<'_>, spec: Option<&Bound<'_, PyAny>>) -> PyResult<HashSpec> {
    match spec {
        None => Ok(HashSpec::default()),
        Some(spec) => HashSpec::from_value(json_arg(py, "spec", spec)?).py(py),
    }
}

/// hash(password, spec=None) -> str
///
/// `spec` is a dict such as `{"algorithm": "bcrypt", "cost": 12}`; argon2id with OWASP's
/// parameters by default. The GIL is released while hashing.
#[pyfunction]
#[pyo3(signature = (password, spec = None))]
fn hash(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    spec: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let spec = hash_spec(py, spec)?;
    py.detach(|| chpass::hash::hash(password.expose(), &spec))
        .py(py)
}

/// verify(password, hash, limits=None) -> bool
///
/// False for a wrong password; `MalformedHashError` for a string that is no known hash;
/// `WorkLimitExceededError` past `limits` (a dict of `WorkLimits` fields). GIL released.
#[pyfunction]
#[pyo3(signature = (password, hash, limits = None))]
fn verify(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    hash: &str,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let limits = match limits {
        None => WorkLimits::default(),
        Some(limits) => WorkLimits::from_value(json_arg(py, "limits", limits)?).py(py)?,
    };
    py.detach(|| chpass::hash::verify_with_limits(password.expose(), hash, &limits))
        .py(py)
}

/// needs_rehash(hash, spec=None) -> bool: another algorithm, or weaker parameters than `spec`.
#[pyfunction]
#[pyo3(signature = (hash, spec = None))]
fn needs_rehash(py: Python<'_>, hash: &str, spec: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    let spec = hash_spec(py, spec)?;
    chpass::hash::needs_rehash(hash, &spec).py(py)
}

/// elasticsearch_password_hash(password, algorithm="bcrypt") -> str, for `password_hash`.
#[pyfunction]
#[pyo3(signature = (password, algorithm = "bcrypt"))]
fn elasticsearch_password_hash(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    algorithm: &str,
) -> PyResult<String> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    py.detach(|| chpass::hash::elasticsearch_password_hash(password.expose(), algorithm))
        .py(py)
}

/// opensearch_hash(password, settings=None) -> str: the string password4j would build under
/// these `plugins.security.password.hashing.*` settings (a dict, prefix optional).
#[pyfunction]
#[pyo3(signature = (password, settings = None))]
fn opensearch_hash(
    py: Python<'_>,
    password: &Bound<'_, PyString>,
    settings: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let settings = match settings {
        None => OpenSearchHashSettings::default(),
        Some(settings) => {
            OpenSearchHashSettings::from_value(&json_arg(py, "settings", settings)?).py(py)?
        }
    };
    py.detach(|| chpass::hash::opensearch_hash(password.expose(), &settings))
        .py(py)
}

/// A generated password and its entropy; the repr never shows the password.
#[pyclass(frozen, module = "chpass")]
struct Generated {
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
#[pyfunction]
#[pyo3(signature = (policy, options = None, context = None))]
fn generate(
    py: Python<'_>,
    policy: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
    context: Option<&Bound<'_, PyAny>>,
) -> PyResult<Generated> {
    let policy = policy_arg(py, policy)?;
    let options = match options {
        None => GenerateOptions::default(),
        Some(options) => GenerateOptions::from_value(json_arg(py, "options", options)?).py(py)?,
    };
    let context = context_of(py, context)?;
    let inner = chpass::generate::generate(&policy.inner, &context, &options).py(py)?;
    Ok(Generated { inner })
}

/// strength(password, user_inputs=None, reference_year=None) -> dict
///
/// zxcvbn 4.4.2's estimate: `score` (0–4), `guesses`, `guesses_log10` and the match
/// `sequence` (positions in UTF-16 units, as zxcvbn counts). `reference_year` defaults to this year.
#[pyfunction]
#[pyo3(signature = (password, user_inputs = None, reference_year = None))]
fn strength<'py>(
    py: Python<'py>,
    password: &Bound<'py, PyString>,
    user_inputs: Option<Vec<String>>,
    reference_year: Option<i64>,
) -> PyResult<Bound<'py, PyAny>> {
    let password = SecretString::new(text(py, "password", password)?.into_owned());
    let inputs: Vec<&str> = user_inputs.iter().flatten().map(String::as_str).collect();
    let year = reference_year.unwrap_or_else(chpass::strength::current_year);
    let estimate = py
        .detach(|| chpass::strength::estimate_in_year(password.expose(), &inputs, year))
        .py(py)?;
    json_to_py(py, &serde_json::to_value(&estimate).unwrap_or_default())
}

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
struct Client {
    inner: Transport,
}

#[pymethods]
impl Client {
    /// Client(connect_timeout_ms=10000, timeout_ms=30000, allow_insecure_http=False,
    /// extra_ca_pem=None, max_retries=2, max_retry_after_s=30)
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let options: TransportOptions = match options {
            Some(options) => {
                TransportOptions::from_value(json_arg(py, "options", options.as_any())?).py(py)?
            }
            None => TransportOptions::default(),
        };
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
        let operation = self::operation(py, operation)?;
        let runtime = runtime()?;
        let outcome = py.detach(|| runtime.block_on(self.inner.execute(&operation)));
        json_to_py(
            py,
            &serde_json::to_value(outcome.py(py)?).unwrap_or_default(),
        )
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
        let operation = self::operation(py, operation)?;
        let policy = policy.map(|p| policy_of(py, p)).transpose()?;
        let context = context_of(py, context)?;
        let runtime = runtime()?;
        let outcome = py.detach(|| {
            runtime.block_on(
                self.inner
                    .change_password(&operation, policy.as_ref(), &context),
            )
        });
        json_to_py(
            py,
            &serde_json::to_value(outcome.py(py)?).unwrap_or_default(),
        )
    }

    /// Logs in with `login` (a `keystone.issue_token` operation) and reads the server's
    /// password policy: {"policy": Policy, "source": "server"} or, when the token may not
    /// read it, the keystone preset with "source": "preset".
    fn keystone_policy<'py>(
        &self,
        py: Python<'py>,
        login: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let login = self::operation(py, login)?.into_login().py(py)?;
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
        let login = self::operation(py, login)?.into_login().py(py)?;
        let new_password = SecretString::new(text(py, "new_password", new_password)?);
        let policy = policy.map(|p| policy_of(py, p)).transpose()?;
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
        json_to_py(
            py,
            &serde_json::to_value(outcome.py(py)?).unwrap_or_default(),
        )
    }
}

/// A Policy object, or a spec dict made into one.
fn policy_of(py: Python<'_>, policy: &Bound<'_, PyAny>) -> PyResult<chpass::Policy> {
    match policy.cast::<Policy>() {
        Ok(p) => Ok(p.get().inner.clone()),
        Err(_) => Ok(Policy::new(py, policy)?.inner),
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

fn update_to_py<'py>(py: Python<'py>, update: &FileUpdate) -> PyResult<Bound<'py, PyAny>> {
    json_to_py(py, &serde_json::to_value(update).unwrap_or_default())
}

/// set_cloud_password(text, cloud, password) -> the new clouds.yaml text, or None when it holds
/// no clouds.<cloud>.auth.password. Only the password's bytes change.
#[pyfunction]
fn set_cloud_password(
    py: Python<'_>,
    text: &str,
    cloud: &str,
    password: &Bound<'_, PyString>,
) -> PyResult<Option<String>> {
    let password = self::text(py, "password", password)?;
    files::set_cloud_password(text, cloud, &password).py(py)
}

/// set_rc_password(text, password) -> the new RC file text, or None when it holds no
/// OS_PASSWORD or prompts for it (read -sr OS_PASSWORD_INPUT).
#[pyfunction]
fn set_rc_password(
    py: Python<'_>,
    text: &str,
    password: &Bound<'_, PyString>,
) -> PyResult<Option<String>> {
    let password = self::text(py, "password", password)?;
    Ok(match files::set_rc_password(text, &password).py(py)? {
        RcUpdate::Updated(text) => Some(text),
        RcUpdate::Prompts | RcUpdate::NoPassword => None,
    })
}

/// update_cloud_file(path, cloud, password, backup=True) -> {path, status, backup, warning}.
/// Atomic (temporary file, fsync, rename), keeps the mode, refuses a concurrent edit.
#[pyfunction]
#[pyo3(signature = (path, cloud, password, backup = true))]
fn update_cloud_file<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    cloud: &str,
    password: &Bound<'py, PyString>,
    backup: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let password = self::text(py, "password", password)?;
    let update =
        files::update_cloud_file(&path, cloud, &password, WriteOptions { backup }).py(py)?;
    update_to_py(py, &update)
}

/// update_rc_file(path, password, backup=True) -> {path, status, backup, warning}; an RC file
/// that prompts for the password is left alone (status "prompts").
#[pyfunction]
#[pyo3(signature = (path, password, backup = true))]
fn update_rc_file<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    password: &Bound<'py, PyString>,
    backup: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let password = self::text(py, "password", password)?;
    let update = files::update_rc_file(&path, &password, WriteOptions { backup }).py(py)?;
    update_to_py(py, &update)
}

/// update_cloud_password(cloud, password, backup=True) -> list of file updates: the password of
/// `cloud` in the secure.yaml / clouds.yaml that holds it, found as openstacksdk finds them.
#[pyfunction]
#[pyo3(signature = (cloud, password, backup = true))]
fn update_cloud_password<'py>(
    py: Python<'py>,
    cloud: &str,
    password: &Bound<'py, PyString>,
    backup: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let password = self::text(py, "password", password)?;
    let updates = files::update_cloud_password(cloud, &password, WriteOptions { backup }).py(py)?;
    json_to_py(py, &serde_json::to_value(&updates).unwrap_or_default())
}

/// cli_main(args) -> exit code: the `chpass` command itself (the Rust entry point), for
/// `python -m chpass` and the `chpass` console script. The GIL is released while it runs.
#[pyfunction]
fn cli_main(py: Python<'_>, args: Vec<String>) -> i32 {
    let argv = std::iter::once("chpass".to_owned()).chain(args).collect();
    py.detach(|| chpass_cli::run_with_args(argv))
}

/// The presets: name, summary, source and the option names each takes.
#[pyfunction]
fn preset_info(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json_to_py(
        py,
        &serde_json::to_value(chpass::presets::ALL).unwrap_or_default(),
    )
}

#[pymodule]
fn _chpass(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Policy>()?;
    m.add_class::<Report>()?;
    m.add_class::<Violation>()?;
    m.add_class::<Client>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(preset_info, m)?)?;
    m.add_function(wrap_pyfunction!(build_request, m)?)?;
    m.add_function(wrap_pyfunction!(interpret_response, m)?)?;
    m.add_function(wrap_pyfunction!(dump_request, m)?)?;
    m.add_function(wrap_pyfunction!(set_cloud_password, m)?)?;
    m.add_function(wrap_pyfunction!(set_rc_password, m)?)?;
    m.add_function(wrap_pyfunction!(update_cloud_file, m)?)?;
    m.add_function(wrap_pyfunction!(update_rc_file, m)?)?;
    m.add_function(wrap_pyfunction!(update_cloud_password, m)?)?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    m.add_class::<Generated>()?;
    m.add_function(wrap_pyfunction!(hash, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(needs_rehash, m)?)?;
    m.add_function(wrap_pyfunction!(elasticsearch_password_hash, m)?)?;
    m.add_function(wrap_pyfunction!(opensearch_hash, m)?)?;
    m.add_function(wrap_pyfunction!(generate, m)?)?;
    m.add_function(wrap_pyfunction!(strength, m)?)?;
    m.add("ERROR_CODES", chpass::Error::CODES.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
