//! The npm package's `chpass/hash` module: hash, verify and the server-targeted hash formats
//! (synchronous; js/hash.js adds the Worker-backed async versions). Only pages that import
//! `chpass/hash` download it. No rule, format or code is decided here.

use chpass::SecretString;
use chpass::hash::{ELASTICSEARCH_DEFAULT_ALGORITHM, HashSpec, OpenSearchHashSettings, WorkLimits};
use chpass_wasm_glue::{IntoJsResult, json_arg, text};
use wasm_bindgen::prelude::*;

fn hash_spec(spec: JsValue) -> Result<HashSpec, JsValue> {
    HashSpec::from_value(json_arg("spec", spec)?).js()
}

/// hash(password, spec?, limits?): argon2id with OWASP's parameters unless `spec` says
/// otherwise, within the limits `verify` holds the hash to.
#[wasm_bindgen]
pub fn hash(password: JsValue, spec: JsValue, limits: JsValue) -> Result<String, JsValue> {
    let password = SecretString::new(text("password", &password).js()?);
    let limits = WorkLimits::from_value(json_arg("limits", limits)?).js()?;
    chpass::hash::hash_with_limits(password.expose(), &hash_spec(spec)?, &limits).js()
}

/// verify(password, hash, limits?): false for a wrong password; typed errors otherwise.
#[wasm_bindgen]
pub fn verify(password: JsValue, hash: JsValue, limits: JsValue) -> Result<bool, JsValue> {
    check_with(chpass::hash::verify_with_limits, password, hash, limits)
}

/// verifyOpenSearch(password, hash, limits?): whether OpenSearch (password4j) would accept it.
#[wasm_bindgen(js_name = verifyOpenSearch)]
pub fn verify_opensearch(
    password: JsValue,
    hash: JsValue,
    limits: JsValue,
) -> Result<bool, JsValue> {
    check_with(chpass::hash::verify_opensearch, password, hash, limits)
}

type Check = fn(&str, &str, &WorkLimits) -> chpass::Result<bool>;

/// A password against a hash with one of core's checks.
fn check_with(
    check: Check,
    password: JsValue,
    hash: JsValue,
    limits: JsValue,
) -> Result<bool, JsValue> {
    let password = SecretString::new(text("password", &password).js()?);
    let hash = text("hash", &hash).js()?;
    let limits = WorkLimits::from_value(json_arg("limits", limits)?).js()?;
    check(password.expose(), &hash, &limits).js()
}

#[wasm_bindgen(js_name = needsRehash)]
pub fn needs_rehash(hash: JsValue, spec: JsValue) -> Result<bool, JsValue> {
    let hash = text("hash", &hash).js()?;
    chpass::hash::needs_rehash(&hash, &hash_spec(spec)?).js()
}

#[wasm_bindgen(js_name = elasticsearchPasswordHash)]
pub fn elasticsearch_password_hash(
    password: JsValue,
    algorithm: JsValue,
) -> Result<String, JsValue> {
    let password = SecretString::new(text("password", &password).js()?);
    let algorithm = if algorithm.is_undefined() || algorithm.is_null() {
        ELASTICSEARCH_DEFAULT_ALGORITHM.into()
    } else {
        text("algorithm", &algorithm).js()?
    };
    chpass::hash::elasticsearch_password_hash(password.expose(), &algorithm).js()
}

#[wasm_bindgen(js_name = opensearchHash)]
pub fn opensearch_hash(
    password: JsValue,
    settings: JsValue,
    limits: JsValue,
) -> Result<String, JsValue> {
    let password = SecretString::new(text("password", &password).js()?);
    let settings = OpenSearchHashSettings::from_value(&json_arg("settings", settings)?).js()?;
    let limits = WorkLimits::from_value(json_arg("limits", limits)?).js()?;
    chpass::hash::opensearch_hash_with_limits(password.expose(), &settings, &limits).js()
}
