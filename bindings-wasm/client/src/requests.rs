//! Operations as plain data: build the request, interpret the answer, dump it redacted.

use chpass::backend::{HttpResponse, Operation};
use chpass_wasm_glue::{IntoJsResult, json_arg, to_js};
use wasm_bindgen::prelude::*;

pub(crate) fn operation_arg(value: JsValue) -> Result<Operation, JsValue> {
    Operation::from_value(json_arg("operation", value)?).js()
}

/// The request for an operation: `{method, url, headers: [[name, value], …], body}`, ready
/// for `fetch(url, {method, headers, body})`.
#[wasm_bindgen(js_name = buildRequest)]
pub fn build_request(operation: JsValue) -> Result<JsValue, JsValue> {
    to_js(&operation_arg(operation)?.request().js()?)
}

/// The outcome of `response` (`{status, headers, body}`), or the typed error it means.
#[wasm_bindgen(js_name = interpretResponse)]
pub fn interpret_response(operation: JsValue, response: JsValue) -> Result<JsValue, JsValue> {
    let operation = operation_arg(operation)?;
    let response = HttpResponse::from_value(json_arg("response", response)?).js()?;
    to_js(&operation.interpret(&response).js()?)
}

/// The request as text with every secret shown as `[REDACTED]`.
#[wasm_bindgen(js_name = dumpRequest)]
pub fn dump_request(operation: JsValue) -> Result<String, JsValue> {
    operation_arg(operation)?.dump().js()
}
