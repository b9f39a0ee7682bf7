//! Strength rules through the strength module, a wasm module of its own
//! (bindings-wasm/strength) that `loadStrength()` downloads and hands over: pages that never
//! estimate strength never download it.

use chpass::Error;
use chpass::policy::StrengthVerdict;
use chpass_wasm_glue::{from_js, to_js_error};
use js_sys::Function;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Before `loadStrength()`: core's `strength_dictionaries_not_loaded` (js/api.js then calls
/// the strength module's `strength`).
#[wasm_bindgen]
pub fn strength() -> Result<(), JsValue> {
    Err(to_js_error(Error::StrengthDictionariesNotLoaded))
}

thread_local! {
    /// The strength module's `strengthVerdict(password, userInputs)`.
    static ESTIMATOR: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Makes policies with a strength rule usable: core asks `verdict` for each estimate.
#[wasm_bindgen(js_name = installStrengthEstimator)]
pub fn install_strength_estimator(verdict: Function) {
    ESTIMATOR.with(|slot| *slot.borrow_mut() = Some(verdict));
    chpass::policy::install_strength_estimator(estimate_in_strength_module);
}

fn estimate_in_strength_module(password: &str, user_inputs: &[&str]) -> Option<StrengthVerdict> {
    let inputs: js_sys::Array = user_inputs.iter().copied().map(JsValue::from_str).collect();
    let answer = ESTIMATOR.with(|slot| {
        let verdict = slot.borrow();
        verdict
            .as_ref()?
            .call2(&JsValue::NULL, &password.into(), &inputs)
            .ok()
    })?;
    StrengthVerdict::from_value(&from_js(answer).ok()?).ok()
}
