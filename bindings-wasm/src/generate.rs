//! `generate` and the passphrase word list it draws from.

use crate::policy::Policy;
use chpass::generate::GenerateOptions;
use chpass_wasm_glue::{IntoJsResult, context_of, json_arg};
use wasm_bindgen::prelude::*;

/// generate(policy, options?, context?) -> { password, entropy_bits }
#[wasm_bindgen(js_name = generateWithPolicy)]
pub fn generate_with_policy(
    policy: &Policy,
    options: JsValue,
    context: JsValue,
) -> Result<JsValue, JsValue> {
    let options = GenerateOptions::from_value(json_arg("options", options)?).js()?;
    let context = context_of(context).js()?;
    let made = chpass::generate::generate(&policy.inner, &context, &options).js()?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"password".into(), &made.password.expose().into())?;
    js_sys::Reflect::set(&out, &"entropy_bits".into(), &made.entropy_bits.into())?;
    Ok(out.into())
}

/// Installs the passphrase word list (the text of `word-list.js`); `loadWordList()` calls it.
#[wasm_bindgen(js_name = installWordList)]
pub fn install_word_list(text: String) -> Result<(), JsValue> {
    chpass::generate::install_word_list(text).js()
}
