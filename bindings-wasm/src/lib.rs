//! The npm package `chpass`'s main wasm module: converts JS values to core types (through
//! `chpass-wasm-glue`, shared with the strength module). No rule, format or code is decided here.

use chpass::backend::{HttpResponse, Operation};
use chpass::generate::GenerateOptions;
use chpass::hash::{HashSpec, OpenSearchHashSettings, WorkLimits};
use chpass::policy::StrengthVerdict;
use chpass::transport::{Transport, TransportOptions};
use chpass::{Context, Error, SecretString};
use chpass_wasm_glue::{IntoJsResult, from_js, json_arg, text, to_js, to_js_error};
use js_sys::Function;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

fn context_of(value: JsValue) -> Result<Context, Error> {
    let json = from_js(value).map_err(|e| e.into_argument_error("context"))?;
    Context::from_value(json)
}

// ---------- API ----------

/// A checked password policy. Build it from a plain object, JSON, a preset or a keystone.conf.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Policy {
    inner: chpass::Policy,
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
    pub fn from_json(json: &str) -> Result<Policy, JsValue> {
        Ok(Policy {
            inner: chpass::Policy::from_json(json).js()?,
        })
    }

    /// A named preset with its options object (see `presets`).
    pub fn preset(name: &str, options: JsValue) -> Result<Policy, JsValue> {
        let options =
            from_js(options).map_err(|e| to_js_error(e.within("options").into_policy_error()))?;
        Ok(Policy {
            inner: chpass::Policy::preset(name, &options).js()?,
        })
    }

    /// The policy Keystone enforces, from a keystone.conf's `[security_compliance]` section.
    #[wasm_bindgen(js_name = fromKeystoneConf)]
    pub fn from_keystone_conf(text: &str) -> Result<Policy, JsValue> {
        Ok(Policy {
            inner: chpass::Policy::from_keystone_conf(text).js()?,
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

fn operation(value: JsValue) -> Result<Operation, JsValue> {
    Operation::from_value(json_arg("operation", value)?).js()
}

/// The request for an operation: `{method, url, headers: [[name, value], …], body}`, ready
/// for `fetch(url, {method, headers, body})`.
#[wasm_bindgen(js_name = buildRequest)]
pub fn build_request(operation: JsValue) -> Result<JsValue, JsValue> {
    to_js(&self::operation(operation)?.request().js()?)
}

/// The outcome of `response` (`{status, headers, body}`), or the typed error it means.
#[wasm_bindgen(js_name = interpretResponse)]
pub fn interpret_response(operation: JsValue, response: JsValue) -> Result<JsValue, JsValue> {
    let operation = self::operation(operation)?;
    let response = HttpResponse::from_value(json_arg("response", response)?).js()?;
    to_js(&operation.interpret(&response).js()?)
}

/// The request as text with every secret shown as `[REDACTED]`.
#[wasm_bindgen(js_name = dumpRequest)]
pub fn dump_request(operation: JsValue) -> Result<String, JsValue> {
    self::operation(operation)?.dump().js()
}

/// Sends operations with `fetch` (browsers, Node 18+). Every call returns a Promise.
#[wasm_bindgen(js_name = Client)]
#[derive(Debug)]
pub struct Client {
    inner: Rc<Transport>,
}

#[wasm_bindgen(js_class = Client)]
impl Client {
    /// `new Client({timeout_ms, allow_insecure_http, max_retries, max_retry_after_s})`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Client, JsValue> {
        let options = TransportOptions::from_value(json_arg("options", options)?).js()?;
        Ok(Client {
            inner: Rc::new(Transport::new(options).js()?),
        })
    }

    /// Builds, sends and interprets one operation: a Promise of the outcome.
    pub fn execute(&self, operation: JsValue) -> js_sys::Promise {
        let transport = self.inner.clone();
        future_to_promise(async move {
            let operation = self::operation(operation)?;
            to_js(&transport.execute(&operation).await.js()?)
        })
    }

    /// The whole change; `policy` is a policy spec (what `Policy#toJSON()` gives) or undefined.
    #[wasm_bindgen(js_name = changePasswordWithSpec)]
    pub fn change_password_with_spec(
        &self,
        operation: JsValue,
        policy: JsValue,
        context: JsValue,
    ) -> js_sys::Promise {
        let transport = self.inner.clone();
        future_to_promise(async move {
            let operation = self::operation(operation)?;
            let policy = policy_spec(policy)?;
            let context = context_of(context).js()?;
            let outcome = transport
                .change_password(&operation, policy.as_ref(), &context)
                .await
                .js()?;
            to_js(&outcome)
        })
    }

    /// Logs in with `login` (a `keystone.issue_token` operation) and reads the server's policy:
    /// a Promise of `{policy, source}` with the policy as a spec, `source` "server" or "preset".
    #[wasm_bindgen(js_name = keystonePolicySpec)]
    pub fn keystone_policy_spec(&self, login: JsValue) -> js_sys::Promise {
        let transport = self.inner.clone();
        future_to_promise(async move {
            let login = self::operation(login)?.into_login().js()?;
            let found = transport.keystone_policy(&login).await.js()?;
            to_js(&serde_json::json!({ "policy": found.policy.spec(), "source": found.source }))
        })
    }

    /// The whole Keystone change from the current password alone; `policy` is a spec or
    /// undefined (then the server's own).
    #[wasm_bindgen(js_name = changeKeystonePasswordWithSpec)]
    pub fn change_keystone_password_with_spec(
        &self,
        login: JsValue,
        new_password: JsValue,
        policy: JsValue,
        context: JsValue,
    ) -> js_sys::Promise {
        let transport = self.inner.clone();
        future_to_promise(async move {
            let login = self::operation(login)?.into_login().js()?;
            let new_password = SecretString::new(text("new_password", &new_password).js()?);
            let policy = policy_spec(policy)?;
            let context = context_of(context).js()?;
            let outcome = transport
                .change_keystone_password(&login, new_password, policy, &context)
                .await
                .js()?;
            to_js(&outcome)
        })
    }
}

/// A policy spec (what `Policy#toJSON()` gives), or none for null/undefined.
fn policy_spec(policy: JsValue) -> Result<Option<chpass::Policy>, JsValue> {
    match from_js(policy).map_err(|e| to_js_error(e.into_policy_error()))? {
        serde_json::Value::Null => Ok(None),
        spec => Ok(Some(chpass::Policy::from_value(spec).js()?)),
    }
}

// ---------- hashing and generation ----------

fn hash_spec(spec: JsValue) -> Result<HashSpec, JsValue> {
    HashSpec::from_value(json_arg("spec", spec)?).js()
}

/// hash(password, spec?): argon2id with OWASP's parameters unless `spec` says otherwise.
#[wasm_bindgen]
pub fn hash(password: JsValue, spec: JsValue) -> Result<String, JsValue> {
    let password = SecretString::new(text("password", &password).js()?);
    chpass::hash::hash(password.expose(), &hash_spec(spec)?).js()
}

/// verify(password, hash, limits?): false for a wrong password; typed errors otherwise.
#[wasm_bindgen]
pub fn verify(password: JsValue, hash: &str, limits: JsValue) -> Result<bool, JsValue> {
    let password = SecretString::new(text("password", &password).js()?);
    let limits = WorkLimits::from_value(json_arg("limits", limits)?).js()?;
    chpass::hash::verify_with_limits(password.expose(), hash, &limits).js()
}

#[wasm_bindgen(js_name = needsRehash)]
pub fn needs_rehash(hash: &str, spec: JsValue) -> Result<bool, JsValue> {
    chpass::hash::needs_rehash(hash, &hash_spec(spec)?).js()
}

#[wasm_bindgen(js_name = elasticsearchPasswordHash)]
pub fn elasticsearch_password_hash(
    password: JsValue,
    algorithm: Option<String>,
) -> Result<String, JsValue> {
    let password = SecretString::new(text("password", &password).js()?);
    let algorithm = algorithm.as_deref().unwrap_or("bcrypt");
    chpass::hash::elasticsearch_password_hash(password.expose(), algorithm).js()
}

#[wasm_bindgen(js_name = opensearchHash)]
pub fn opensearch_hash(password: JsValue, settings: JsValue) -> Result<String, JsValue> {
    let password = SecretString::new(text("password", &password).js()?);
    let settings = if settings.is_undefined() || settings.is_null() {
        OpenSearchHashSettings::default()
    } else {
        let json = from_js(settings)
            .map_err(|e| e.into_argument_error("settings"))
            .js()?;
        OpenSearchHashSettings::from_value(&json).js()?
    };
    chpass::hash::opensearch_hash(password.expose(), &settings).js()
}

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

// ---------- strength ----------

// zxcvbn's estimator and dictionaries are a wasm module of their own (bindings-wasm/strength),
// which `loadStrength()` downloads and hands over: pages that never estimate strength never
// download it.

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

/// Installs the passphrase word list (the text of `word-list.js`); `loadWordList()` calls it.
#[wasm_bindgen(js_name = installWordList)]
pub fn install_word_list(text: String) -> Result<(), JsValue> {
    chpass::generate::install_word_list(text).js()
}

#[wasm_bindgen(js_name = presetInfo)]
pub fn preset_info() -> Result<JsValue, JsValue> {
    to_js(chpass::presets::ALL)
}

#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> Result<JsValue, JsValue> {
    to_js(Error::CODES)
}
