//! What the npm package's wasm modules share: core errors become the `ChpassError`
//! classes of the JS layer, and values cross as plain JS data. No rule, format or code is
//! decided here.

#[cfg(feature = "strength-rules")]
mod strength_rules;

use chpass::text::InputError;
use chpass::{Context, Error};
use js_sys::{Function, JsString};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// ---------- errors ----------

thread_local! {
    /// `(code, kind, message, params, retryable) => Error`, installed by js/api.js at load.
    static ERROR_FACTORY: RefCell<Option<Function>> = const { RefCell::new(None) };
}

#[wasm_bindgen(js_name = __setErrorFactory)]
pub fn set_error_factory(factory: Function) {
    ERROR_FACTORY.with(|slot| *slot.borrow_mut() = Some(factory));
}

pub fn to_js_error(err: Error) -> JsValue {
    let params = to_js(&err.params()).unwrap_or(JsValue::NULL);
    let args = js_sys::Array::of5(
        &err.code().into(),
        &err.kind().as_str().into(),
        &err.to_string().into(),
        &params,
        &err.is_retryable().into(),
    );
    let made = ERROR_FACTORY.with(|slot| {
        slot.borrow()
            .as_ref()
            .and_then(|factory| factory.apply(&JsValue::NULL, &args).ok())
    });
    // without the wrapper (raw wasm-bindgen output) still a real Error with a code
    made.unwrap_or_else(|| {
        let error = js_sys::Error::new(&err.to_string());
        let _ = js_sys::Reflect::set(&error, &"code".into(), &err.code().into());
        error.into()
    })
}

pub trait IntoJsResult<T> {
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJsResult<T> for Result<T, Error> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(to_js_error)
    }
}

// ---------- message catalogs ----------

/// Installs a message catalog (its line form, chpass::i18n::catalog_lines); the modules
/// `chpass/locales/<tag>` hand it to every loaded module that writes messages.
#[cfg(feature = "catalogs")]
#[wasm_bindgen(js_name = installCatalog)]
pub fn install_catalog(text: String) -> Result<(), JsValue> {
    chpass::i18n::install_catalog(&text).js()
}

// ---------- values ----------

// Values cross as JSON text: one parser and one printer on each side (the JS engine's and
// serde_json's) instead of a serde bridge instantiated for every type.

/// Plain objects and arrays, as `JSON.parse` makes them.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// What `JSON.stringify` keeps of a value (`undefined` is null; `toJSON` is called, functions
/// and `undefined` members dropped), as JSON-shaped data; a value it cannot write (a cycle, a
/// BigInt) and a string holding a lone surrogate are errors.
///
/// The value is not parsed from JSON text in Rust: `JSON.parse(JSON.stringify(value))` in the
/// host gives plain data, which `plain` reads. The wasm of a page that only validates then has
/// no JSON parser: 7.7 KB less gzipped (CHANGELOG, issue 30).
pub fn from_js(value: JsValue) -> Result<serde_json::Value, InputError> {
    if value.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    let unwritable =
        |why: String| InputError::new(&[], format!("cannot be written as JSON: {why}"));
    let text = js_sys::JSON::stringify(&value)
        .map_err(|thrown| {
            let error = thrown.dyn_ref::<js_sys::Error>();
            unwritable(error.map(|e| e.message().into()).unwrap_or_default())
        })?
        .as_string()
        .ok_or_else(|| unwritable("not a JSON value".into()))?;
    parse_json(&text)
}

/// JSON text as JSON-shaped data, parsed by the host (`JSON.parse`): in JavaScript,
/// `fromJson(text)` is `new Policy(JSON.parse(text))`, and `8.0` is the number 8 as everywhere
/// in JS. A syntax error is the host's message.
pub fn parse_json(text: &str) -> Result<serde_json::Value, InputError> {
    let data = js_sys::JSON::parse(text).map_err(|thrown| {
        let error = thrown.dyn_ref::<js_sys::Error>();
        InputError::new(
            &[],
            error.map(|e| String::from(e.message())).unwrap_or_default(),
        )
    })?;
    plain(&data, &mut Vec::new())
}

/// Plain data from `JSON.parse` (null, booleans, numbers, strings, arrays, objects) as a
/// `serde_json::Value`, checked as Python's dicts are (`bindings-python/src/values.rs`): the
/// same nesting limit, and a lone surrogate is an error at its path. A whole number within
/// 64 bits is an integer, as serde_json reads `JSON.stringify`'s digits.
///
/// Ours, not serde-wasm-bindgen's `from_value`: that reads strings through `TextEncoder`, which
/// turns a lone surrogate into U+FFFD without a word, and nests without a limit.
fn plain(value: &JsValue, path: &mut Vec<String>) -> Result<serde_json::Value, InputError> {
    use serde_json::Value;
    const TWO_TO_64: f64 = 18_446_744_073_709_551_616.0;
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if let Some(n) = value.as_f64() {
        let whole = n.fract() == 0.0;
        return Ok(if whole && (0.0..TWO_TO_64).contains(&n) {
            Value::from(n as u64)
        } else if whole && (-TWO_TO_64 / 2.0..0.0).contains(&n) {
            Value::from(n as i64)
        } else {
            serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
        });
    }
    if let Some(text) = value.dyn_ref::<JsString>() {
        return string(text, path).map(Value::String);
    }
    if let Some(items) = value.dyn_ref::<js_sys::Array>() {
        InputError::check_depth(path)?;
        let mut out = Vec::with_capacity(items.length() as usize);
        for (index, item) in items.iter().enumerate() {
            path.push(index.to_string());
            out.push(plain(&item, path)?);
            path.pop();
        }
        return Ok(Value::Array(out));
    }
    if let Some(object) = value.dyn_ref::<js_sys::Object>() {
        InputError::check_depth(path)?;
        let mut out = serde_json::Map::new();
        for key in js_sys::Object::keys(object).iter() {
            let key = string(key.unchecked_ref(), path)?;
            let item =
                js_sys::Reflect::get(object, &JsValue::from_str(&key)).unwrap_or(JsValue::NULL);
            path.push(key);
            let item = plain(&item, path)?;
            let key = path.pop().unwrap_or_default();
            out.insert(key, item);
        }
        return Ok(Value::Object(out));
    }
    Ok(Value::Null)
}

/// A key or string value; one holding a lone surrogate is an error at `path` (core words it
/// as for Python).
fn string(text: &JsString, path: &[String]) -> Result<String, InputError> {
    if !text.is_valid_utf16() {
        let units: Vec<u16> = text.iter().collect();
        if let Some(error) = InputError::lone_surrogate(path, &units) {
            return Err(error);
        }
    }
    Ok(text.into())
}

/// A JS string as Rust text. JS strings may hold lone surrogates, which TextEncoder would
/// silently turn into U+FFFD; only when a U+FFFD shows up is the exact (slower) check run,
/// and core's UTF-16 decoder names the lone surrogate.
pub fn text(argument: &'static str, value: &JsValue) -> Result<String, Error> {
    let Some(text) = value.as_string() else {
        return Err(Error::invalid_argument(argument, "must be a string"));
    };
    if text.contains('\u{FFFD}') {
        let js = JsString::from(value.clone());
        if !js.is_valid_utf16() {
            let units: Vec<u16> = js.iter().collect();
            return chpass::text::decode_utf16(argument, &units);
        }
    }
    Ok(text)
}

/// An argument as JSON-shaped data (`undefined` is null), for core to read and check.
pub fn json_arg(argument: &'static str, value: JsValue) -> Result<serde_json::Value, JsValue> {
    from_js(value).map_err(|e| to_js_error(e.into_argument_error(argument)))
}

// ---------- policy arguments ----------

/// A context object (`{username, email, …}`), or the empty context for null/undefined.
pub fn context_of(value: JsValue) -> Result<Context, Error> {
    let json = from_js(value).map_err(|e| e.into_argument_error("context"))?;
    Context::from_value(json)
}

/// A policy spec (what `Policy#toJSON()` gives), or none for null/undefined.
pub fn policy_spec(policy: JsValue) -> Result<Option<chpass::Policy>, JsValue> {
    match from_js(policy).map_err(|e| to_js_error(e.into_policy_error()))? {
        serde_json::Value::Null => Ok(None),
        spec => Ok(Some(chpass::Policy::from_value(spec).js()?)),
    }
}
