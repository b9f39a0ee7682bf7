//! The npm package's strength module: zxcvbn's estimator, a wasm module of its own that
//! `loadStrength()` downloads with the dictionaries, so that pages that never estimate
//! strength download neither. It answers `strength()` and, through the main module, the
//! strength rules of policies. No rule, format or code is decided here.

use chpass::SecretString;
use chpass::strength::StrengthOptions;
use chpass_wasm_glue::{IntoJsResult, text, to_js};
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
    // only the analysed prefix crosses into wasm, so a 1 MiB paste costs what 4,096 units do
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
    let options = options_of(&options).js()?;
    to_js(&chpass::strength::estimate_with_options(password.expose(), &inputs, &options).js()?)
}

/// `{ referenceYear, locale }`, the reference year alone, or nothing. Read by property rather
/// than as JSON: this module has no JSON parser, and two properties do not need one.
fn options_of(options: &JsValue) -> chpass::Result<StrengthOptions> {
    let bad = |reason: &str| chpass::Error::invalid_argument("options", reason);
    if options.is_undefined() || options.is_null() {
        return Ok(StrengthOptions::default());
    }
    if let Some(year) = options.as_f64() {
        return Ok(StrengthOptions {
            reference_year: Some(year as i64),
            locale: None,
        });
    }
    if !options.is_object() {
        return Err(bad("options are { referenceYear, locale } or a year"));
    }
    let get =
        |key: &str| js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or_default();
    let (year, locale) = (get("referenceYear"), get("locale"));
    Ok(StrengthOptions {
        reference_year: match year.as_f64() {
            Some(year) => Some(year as i64),
            None if year.is_undefined() || year.is_null() => None,
            None => return Err(bad("referenceYear must be a number")),
        },
        locale: match locale.as_string() {
            Some(tag) => Some(tag),
            None if locale.is_undefined() || locale.is_null() => None,
            None => return Err(bad("locale must be a string")),
        },
    })
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

/// Installs zxcvbn's lists with coarse ranks (the text of `meter-data.js`); `chpass/meter`'s
/// `ready()` calls it. Exact lists, once installed, take over.
#[wasm_bindgen(js_name = installCoarseDictionaries)]
pub fn install_coarse_dictionaries(text: String) -> Result<(), JsValue> {
    chpass::strength::install_coarse_dictionaries(&text).js()
}
