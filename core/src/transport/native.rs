//! Carrying a request natively: reqwest with rustls, no redirects followed.

use super::{Failure, failure_error};
use crate::backend::{HttpRequest, HttpResponse, MAX_RESPONSE_BODY};
use crate::error::{Error, Result};
use std::time::Duration;

#[derive(Debug, Clone)]
pub(super) struct Native {
    client: reqwest::Client,
    timeout: Duration,
}

impl Native {
    pub(super) fn new(options: &super::TransportOptions) -> Result<Self> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_millis(options.connect_timeout_ms))
            .redirect(reqwest::redirect::Policy::none())
            .danger_accept_invalid_certs(options.insecure_skip_tls_verify);
        if let Some(pem) = &options.extra_ca_pem {
            let certificates = reqwest::Certificate::from_pem_bundle(pem.as_bytes())
                .map_err(|e| Error::invalid_argument("extra_ca_pem", e.to_string()))?;
            if certificates.is_empty() {
                return Err(Error::invalid_argument(
                    "extra_ca_pem",
                    "no PEM certificate found",
                ));
            }
            for certificate in certificates {
                builder = builder.add_root_certificate(certificate);
            }
        }
        // a client that cannot be built is a configuration mistake (a certificate, say)
        let client = builder
            .build()
            .map_err(|e| Error::invalid_argument("options", error_chain(&e)))?;
        Ok(Native {
            client,
            timeout: Duration::from_millis(options.timeout_ms),
        })
    }

    pub(super) async fn send_once(
        &self,
        request: &HttpRequest,
        idempotent: bool,
    ) -> Result<HttpResponse> {
        let method = reqwest::Method::from_bytes(request.method.as_bytes())
            .map_err(|e| Error::invalid_argument("method", e.to_string()))?;
        let mut builder = self
            .client
            .request(method, &request.url)
            .timeout(self.timeout);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.as_str().to_owned());
        }
        let response = builder
            .send()
            .await
            .map_err(|e| map_error(&e, idempotent))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = read_body(response)
            .await
            .map_err(|e| map_error(&e, idempotent))?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// The scheme and host of `url` as the WHATWG URL standard parses them (`[::1]` for IPv6).
pub(super) fn scheme_and_host(url: &str) -> Result<(String, String)> {
    let parsed = url::Url::parse(url).map_err(|e| Error::invalid_argument("url", e.to_string()))?;
    Ok((
        parsed.scheme().to_owned(),
        parsed.host_str().unwrap_or_default().to_owned(),
    ))
}

async fn read_body(mut response: reqwest::Response) -> std::result::Result<String, reqwest::Error> {
    // read at most a little more than is ever parsed: a hostile body cannot fill memory
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        let room = (MAX_RESPONSE_BODY + 1).saturating_sub(body.len());
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if body.len() > MAX_RESPONSE_BODY {
            break;
        }
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// The error and its sources, the way a person needs them to see what went wrong.
fn error_chain(e: &reqwest::Error) -> String {
    let mut reason = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        reason.push_str(": ");
        reason.push_str(&inner.to_string());
        source = inner.source();
    }
    reason
}

fn map_error(e: &reqwest::Error, idempotent: bool) -> Error {
    let reason = error_chain(e);
    // a request reqwest cannot build never left: a configuration error, not an unknown outcome
    if e.is_builder() {
        return Error::invalid_argument("operation", reason);
    }
    let lower = reason.to_lowercase();
    let failure = Failure {
        unsent: e.is_connect(),
        tls: lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake"),
        timed_out: e.is_timeout(),
    };
    failure_error(failure, idempotent, reason)
}
