//! Strength rules through the strength module (bindings-wasm/strength), a wasm module of its
//! own that `chpass/strength`'s `ready()` downloads and hands to the modules that check
//! policies: pages that never estimate strength never download it.

use crate::from_js;
use chpass::policy::StrengthVerdict;
use js_sys::Function;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

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
