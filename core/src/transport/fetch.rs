//! Carrying a request on wasm32 with the JS host's own `fetch` (browsers, workers, Node 18+)
//! and its WHATWG `URL`: no HTTP client or URL parser compiled into the npm package.

use super::{Failure, failure_error};
use crate::backend::{HttpRequest, HttpResponse, MAX_RESPONSE_BODY};
use crate::error::{Error, Result};
use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue, prelude::wasm_bindgen};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, Response};

#[wasm_bindgen]
extern "C" {
    // the global fetch, whichever global scope this runs in
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(url: &str, init: &RequestInit) -> std::result::Result<Promise, JsValue>;
}

#[derive(Debug, Clone)]
pub(super) struct Fetch {
    timeout_ms: u32,
}

impl Fetch {
    pub(super) fn new(options: &super::TransportOptions) -> Result<Self> {
        if options.insecure_skip_tls_verify {
            return Err(Error::invalid_argument(
                "options",
                "insecure_skip_tls_verify: fetch always verifies certificates",
            ));
        }
        Ok(Fetch {
            timeout_ms: u32::try_from(options.timeout_ms).unwrap_or(u32::MAX),
        })
    }

    pub(super) async fn send_once(
        &self,
        request: &HttpRequest,
        idempotent: bool,
    ) -> Result<HttpResponse> {
        let init = RequestInit::new();
        init.set_method(&request.method);
        let headers = Headers::new().map_err(|e| invalid("headers", &e))?;
        for (name, value) in &request.headers {
            headers
                .append(name, value)
                .map_err(|e| invalid("headers", &e))?;
        }
        init.set_headers(&headers);
        if let Some(body) = &request.body {
            init.set_body(&JsValue::from_str(body));
        }
        // one deadline for the whole exchange, body included
        init.set_signal(Some(&AbortSignal::timeout_with_u32(self.timeout_ms)));

        let failed = |e: JsValue| fetch_error(&e, idempotent);
        let promise = global_fetch(&request.url, &init).map_err(|e| invalid("url", &e))?;
        let response: Response = JsFuture::from(promise)
            .await
            .map_err(failed)?
            .unchecked_into();
        let buffer = response.array_buffer().map_err(failed)?;
        let bytes = Uint8Array::new(&JsFuture::from(buffer).await.map_err(failed)?);
        // fetch has read the whole body by now; parse no more than is ever parsed natively
        let end = bytes.length().min(MAX_RESPONSE_BODY as u32 + 1);
        let body = String::from_utf8_lossy(&bytes.subarray(0, end).to_vec()).into_owned();
        Ok(HttpResponse {
            status: response.status(),
            headers: header_pairs(&response.headers()),
            body,
        })
    }
}

/// The scheme and host of `url` as the WHATWG URL standard parses them (`[::1]` for IPv6).
pub(super) fn scheme_and_host(url: &str) -> Result<(String, String)> {
    let parsed = web_sys::Url::new(url).map_err(|e| invalid("url", &e))?;
    let scheme = parsed.protocol();
    Ok((
        scheme.strip_suffix(':').unwrap_or(&scheme).to_owned(),
        parsed.hostname(),
    ))
}

fn header_pairs(headers: &Headers) -> Vec<(String, String)> {
    let Ok(Some(entries)) = js_sys::try_iter(headers) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// fetch does not say whether a failed request left: a change may have reached the server.
fn fetch_error(e: &JsValue, idempotent: bool) -> Error {
    let failure = Failure {
        unsent: false,
        tls: false,
        timed_out: property(e, "name").as_deref() == Some("TimeoutError"),
    };
    failure_error(failure, idempotent, describe(e))
}

fn invalid(argument: &'static str, e: &JsValue) -> Error {
    Error::invalid_argument(argument, describe(e))
}

/// The JS error's message and its causes (Node puts the socket's error in `cause`).
fn describe(e: &JsValue) -> String {
    let mut reason = property(e, "message").unwrap_or_else(|| "fetch failed".into());
    let mut cause = Reflect::get(e, &"cause".into()).unwrap_or(JsValue::UNDEFINED);
    for _ in 0..4 {
        match property(&cause, "message") {
            Some(message) => reason = format!("{reason}: {message}"),
            None => break,
        }
        cause = Reflect::get(&cause, &"cause".into()).unwrap_or(JsValue::UNDEFINED);
    }
    reason
}

fn property(value: &JsValue, name: &str) -> Option<String> {
    if !value.is_object() {
        return None;
    }
    Reflect::get(value, &name.into()).ok()?.as_string()
}
