//! What the npm package's wasm modules share: core errors become the `ChpassError`
//! classes of `js/api.js`, and values cross as JSON text. No rule, format or code is decided here.

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

/// What `JSON.stringify` keeps of a value (`undefined` is null); a value it cannot write (a
/// function, a cycle, a BigInt) and a string holding a lone surrogate are errors.
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
    // JSON.stringify escapes a lone surrogate (`\udc00`), which serde_json refuses: only then
    // is the value walked to say where it sits
    serde_json::from_str(&text).map_err(|e| {
        InputError::from_json_error(&e, || locate_lone_surrogate(&value, &mut Vec::new()))
    })
}

/// The first lone surrogate in a key or string, walking objects' and arrays' own entries as
/// `JSON.stringify` does; core words the error as for Python.
fn locate_lone_surrogate(value: &JsValue, path: &mut Vec<String>) -> Option<InputError> {
    let units = |text: &JsString| text.iter().collect::<Vec<u16>>();
    if let Some(text) = value.dyn_ref::<JsString>() {
        return InputError::lone_surrogate(path, &units(text));
    }
    if !value.is_object() {
        return None;
    }
    js_sys::Object::entries(value.unchecked_ref())
        .iter()
        .find_map(|entry| {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = JsString::from(entry.get(0));
            InputError::lone_surrogate(path, &units(&key)).or_else(|| {
                path.push(key.into());
                let found = locate_lone_surrogate(&entry.get(1), path);
                path.pop();
                found
            })
        })
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
