//! The npm package's strength module: zxcvbn's estimator, a wasm module of its own that
//! `loadStrength()` downloads with the dictionaries, so that pages that never estimate
//! strength download neither. It answers `strength()` and, through the main module, the
//! strength rules of policies. No rule, format or code is decided here.

use chpass::SecretString;
use chpass::strength::StrengthOptions;
use chpass_wasm_glue::{IntoJsResult, json_arg, text, to_js};
use js_sys::JsString;
use wasm_bindgen::prelude::*;

/// strength(password, userInputs?, options?) -> { score, guesses, guesses_log10, sequence, feedback }
/// `options`: `{ referenceYear, locale }`, or the reference year alone.
#[wasm_bindgen]
pub fn strength(
    password: JsValue,
    user_inputs: Option<Vec<JsValue>>,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    // only the analysed prefix crosses into wasm, so a 1 MiB paste costs what 100 units do
    let analysed = match password.dyn_ref::<JsString>() {
        Some(all) => {
            let units = chpass::strength::units_to_pass(all.length() as usize, |i| {
                all.char_code_at(i as u32) as u16
            });
            JsValue::from(all.slice(0, units as u32))
        }
        None => password,
    };
    let password = SecretString::new(text("password", &analysed).js()?);
    let inputs = user_inputs
        .iter()
        .flatten()
        .map(|input| text("user_inputs", input))
        .collect::<Result<Vec<_>, _>>()
        .js()?;
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let options = match options.as_f64() {
        Some(year) => StrengthOptions {
            reference_year: Some(year as i64),
            ..StrengthOptions::default()
        },
        None => StrengthOptions::from_value(json_arg("options", options)?).js()?,
    };
    to_js(&chpass::strength::estimate_with_options(password.expose(), &inputs, &options).js()?)
}

/// What a policy's strength rule needs, for the main module (`installStrengthEstimator`).
#[wasm_bindgen(js_name = strengthVerdict)]
pub fn strength_verdict(password: String, user_inputs: Vec<String>) -> Result<JsValue, JsValue> {
    let password = SecretString::new(password);
    let inputs: Vec<&str> = user_inputs.iter().map(String::as_str).collect();
    to_js(&chpass::strength::verdict(password.expose(), &inputs).js()?)
}

/// Installs zxcvbn's dictionaries (the text of `strength-data.js`); `loadStrength()` calls it.
#[wasm_bindgen(js_name = installStrengthDictionaries)]
pub fn install_strength_dictionaries(text: String) -> Result<(), JsValue> {
    chpass::strength::install_dictionaries(text).js()
}
