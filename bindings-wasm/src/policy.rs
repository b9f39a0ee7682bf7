//! `Policy` and the policy arguments of the other calls.

use chpass_wasm_glue::{IntoJsResult, context_of, from_js, parse_json, text, to_js, to_js_error};
use wasm_bindgen::prelude::*;

/// A checked password policy. Build it from a plain object, JSON, a preset or a keystone.conf.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Policy {
    pub(crate) inner: chpass::Policy,
}

#[wasm_bindgen]
impl Policy {
    /// `new Policy(spec)`: the same keys as the JSON form; unknown keys are refused.
    #[wasm_bindgen(constructor)]
    pub fn new(spec: JsValue) -> Result<Policy, JsValue> {
        let json = from_js(spec).map_err(|e| to_js_error(e.into_policy_error()))?;
        Ok(Policy {
            inner: chpass::Policy::from_value(json).js()?,
        })
    }

    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(json: JsValue) -> Result<Policy, JsValue> {
        let json = text("json", &json).js()?;
        let value = parse_json(&json).map_err(|e| to_js_error(e.into_policy_error()))?;
        Ok(Policy {
            inner: chpass::Policy::from_value(value).js()?,
        })
    }

    /// A named preset with its options object (see `presets`).
    pub fn preset(name: JsValue, options: JsValue) -> Result<Policy, JsValue> {
        let name = text("name", &name).js()?;
        let options =
            from_js(options).map_err(|e| to_js_error(e.within("options").into_policy_error()))?;
        Ok(Policy {
            inner: chpass::Policy::preset(&name, &options).js()?,
        })
    }

    /// The policy Keystone enforces, from a keystone.conf's `[security_compliance]` section.
    #[wasm_bindgen(js_name = fromKeystoneConf)]
    pub fn from_keystone_conf(conf: JsValue) -> Result<Policy, JsValue> {
        let conf = text("text", &conf).js()?;
        Ok(Policy {
            inner: chpass::Policy::from_keystone_conf(&conf).js()?,
        })
    }

    /// Every violation of this policy by `password`, in the documented order.
    pub fn validate(&self, password: JsValue, context: JsValue) -> Result<JsValue, JsValue> {
        let password = text("password", &password).js()?;
        let context = context_of(context).js()?;
        to_js(&self.inner.validate(&password, &context))
    }

    /// The policy as a plain object (what `JSON.stringify` writes).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.spec())
    }

    pub fn equals(&self, other: &Policy) -> bool {
        self.inner == other.inner
    }
}
