//! The npm package `chpass`'s main wasm module: converts JS values to core types (through
//! `chpass-wasm-glue`, shared with the strength module). No rule, format or code is decided here.

mod client;
mod generate;
mod hashing;
mod policy;
mod requests;
mod strength;

use chpass::Error;
use chpass_wasm_glue::to_js;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_name = presetInfo)]
pub fn preset_info() -> Result<JsValue, JsValue> {
    to_js(chpass::presets::ALL)
}

#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> Result<JsValue, JsValue> {
    to_js(Error::CODES)
}
