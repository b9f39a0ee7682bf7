//! One HTTP client for every backend (feature `transport`): reqwest with rustls natively,
//! `fetch` on wasm32 (browsers and Node 18+).
//!
//! Only a `503` is retried, after `Retry-After` (or a short back-off): the server said it did
//! nothing. A failure after a change request may have reached the server is
//! `outcome_unknown`, never retried: the password may or may not have changed.

mod sleep;

use crate::backend::{HttpRequest, HttpResponse, MAX_RESPONSE_BODY, Operation, Outcome};
use crate::error::{Error, Result, TransportErrorCode};
use crate::policy::{Context, Policy};
use serde::Deserialize;
use std::time::Duration;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TransportOptions {
    /// Time to establish a connection (native only; fetch has no such knob). Default 10 s.
    pub connect_timeout_ms: u64,
    /// Time for the whole exchange. Default 30 s.
    pub timeout_ms: u64,
    /// Allow plain `http://` to hosts that are not loopback. Off: passwords travel in bodies.
    pub allow_insecure_http: bool,
    /// An extra trusted CA, PEM (native only; browsers and Node use their own store).
    pub extra_ca_pem: Option<String>,
    /// How many times a `503` is retried. Default 2.
    pub max_retries: u32,
    /// A `Retry-After` longer than this is not waited for. Default 30 s.
    pub max_retry_after_s: u64,
    /// Where the breached-password check asks: a self-hosted Pwned Passwords mirror, or
    /// `https://api.pwnedpasswords.com` by default.
    pub pwned_passwords_url: Option<String>,
}

impl Default for TransportOptions {
    fn default() -> Self {
        TransportOptions {
            connect_timeout_ms: 10_000,
            timeout_ms: 30_000,
            allow_insecure_http: false,
            extra_ca_pem: None,
            max_retries: 2,
            max_retry_after_s: 30,
            pwned_passwords_url: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Transport {
    client: reqwest::Client,
    options: TransportOptions,
}

fn transport_error(code: TransportErrorCode, reason: impl Into<String>) -> Error {
    Error::Transport {
        code,
        reason: reason.into(),
    }
}

impl Transport {
    pub fn new(options: TransportOptions) -> Result<Self> {
        let builder = reqwest::Client::builder();
        #[cfg(not(target_arch = "wasm32"))]
        let builder = {
            let mut builder = builder
                .connect_timeout(Duration::from_millis(options.connect_timeout_ms))
                .redirect(reqwest::redirect::Policy::none());
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
            builder
        };
        // a client that cannot be built is a configuration mistake (a certificate, say)
        let client = builder
            .build()
            .map_err(|e| Error::invalid_argument("options", error_chain(&e)))?;
        Ok(Transport { client, options })
    }

    /// Carries one request; `idempotent` says whether a failure midway may be reported as a
    /// plain network error (reads) or must be `outcome_unknown` (changes).
    pub async fn send(&self, request: &HttpRequest, idempotent: bool) -> Result<HttpResponse> {
        self.check_scheme(&request.url)?;
        let mut attempt = 0;
        loop {
            let response = self.send_once(request, idempotent).await?;
            if response.status != 503 || attempt >= self.options.max_retries {
                return Ok(response);
            }
            let wait = match response.header("Retry-After").map(str::trim) {
                Some(value) => match value.parse::<u64>() {
                    Ok(seconds) if seconds <= self.options.max_retry_after_s => {
                        Duration::from_secs(seconds)
                    }
                    // too long, or an HTTP date: let the caller decide
                    _ => return Ok(response),
                },
                None => Duration::from_millis(500 << attempt),
            };
            sleep::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn send_once(&self, request: &HttpRequest, idempotent: bool) -> Result<HttpResponse> {
        let method = reqwest::Method::from_bytes(request.method.as_bytes())
            .map_err(|e| Error::invalid_argument("method", e.to_string()))?;
        let mut builder = self
            .client
            .request(method, &request.url)
            .timeout(Duration::from_millis(self.options.timeout_ms));
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

    /// Plain http:// only to loopback, unless allowed.
    fn check_scheme(&self, url: &str) -> Result<()> {
        let parsed =
            reqwest::Url::parse(url).map_err(|e| Error::invalid_argument("url", e.to_string()))?;
        if parsed.scheme() != "http" || self.options.allow_insecure_http {
            return Ok(());
        }
        let loopback = match parsed.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
            None => false,
        };
        if loopback {
            Ok(())
        } else {
            Err(transport_error(
                TransportErrorCode::InsecureHttp,
                "plain http:// would send the password unencrypted; use https:// or allow_insecure_http",
            ))
        }
    }

    /// Build, send, interpret.
    pub async fn execute(&self, operation: &Operation) -> Result<Outcome> {
        let request = operation.request()?;
        let response = self.send(&request, operation.is_read_only()).await?;
        operation.interpret(&response)
    }

    /// How many breaches `password` appears in, from Pwned Passwords (only the first five hex
    /// digits of its SHA-1 are sent).
    pub async fn breach_count(&self, password: &str) -> Result<u64> {
        let check = Operation::PwnedPasswordsRange(crate::backend::pwned::RangeCheck {
            base_url: self
                .options
                .pwned_passwords_url
                .clone()
                .unwrap_or_else(|| crate::backend::pwned::DEFAULT_BASE_URL.into()),
            password: crate::secret::SecretString::new(password),
        });
        match self.execute(&check).await? {
            Outcome::BreachCount { count } => Ok(count),
            _ => Ok(0),
        }
    }

    /// The policy's breached-password rule: a found password becomes a violation; an
    /// unreachable service fails the change unless the policy says `warn`.
    async fn check_breached(
        &self,
        password: &str,
        policy: &Policy,
        report: &mut crate::policy::Report,
    ) -> Result<()> {
        match self.breach_count(password).await {
            Ok(0) => {}
            Ok(count) => report
                .violations
                .push(crate::policy::Violation::BreachedPassword { count: Some(count) }),
            Err(e) if policy.spec().breached_on_error == crate::policy::BreachedOnError::Fail => {
                return Err(e);
            }
            Err(_) => {}
        }
        report
            .not_evaluated
            .retain(|code| *code != "breached_password");
        Ok(())
    }

    /// The whole change: check the new password against `policy` (nothing is sent when it
    /// fails), send, interpret; after a Keystone v3 change, log in again with the new
    /// password (Keystone revokes every older token) and return the new token.
    pub async fn change_password(
        &self,
        operation: &Operation,
        policy: Option<&Policy>,
        context: &Context,
    ) -> Result<Outcome> {
        if let (Some(policy), Some(password)) = (policy, operation.new_password()) {
            let mut report = policy.validate(password, context);
            if report.ok() && policy.spec().breached_check {
                self.check_breached(password, policy, &mut report).await?;
            }
            if !report.ok() {
                return Err(Error::PolicyViolation(report));
            }
        }
        let outcome = self.execute(operation).await?;
        match operation.reauthenticate() {
            Some(login) => self.execute(&login).await,
            None => Ok(outcome),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
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

#[cfg(target_arch = "wasm32")]
async fn read_body(response: reqwest::Response) -> std::result::Result<String, reqwest::Error> {
    let bytes = response.bytes().await?;
    let end = bytes.len().min(MAX_RESPONSE_BODY + 1);
    Ok(String::from_utf8_lossy(&bytes[..end]).into_owned())
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
    use TransportErrorCode::*;
    let reason = error_chain(e);
    let lower = reason.to_lowercase();
    let tls = lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake");
    #[cfg(not(target_arch = "wasm32"))]
    let connect = e.is_connect();
    // fetch does not say whether the request left: assume it may have
    #[cfg(target_arch = "wasm32")]
    let connect = false;
    let code = if connect && tls {
        Tls
    } else if connect && e.is_timeout() {
        Timeout
    } else if connect {
        Network
    } else if !idempotent {
        OutcomeUnknown
    } else if e.is_timeout() {
        Timeout
    } else {
        Network
    };
    transport_error(code, reason)
}
