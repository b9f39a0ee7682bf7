//! `Client`: sends operations with `fetch`; every call returns a Promise.

use crate::requests::operation_arg;
use chpass::SecretString;
use chpass::transport::{Transport, TransportOptions};
use chpass_wasm_glue::{IntoJsResult, json_arg, text, to_js};
use chpass_wasm_glue::{context_of, policy_spec};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

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
            let operation = operation_arg(operation)?;
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
            let operation = operation_arg(operation)?;
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
            let login = operation_arg(login)?.into_login().js()?;
            let found = transport.keystone_policy(&login).await.js()?;
            to_js(&found)
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
            let login = operation_arg(login)?.into_login().js()?;
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
