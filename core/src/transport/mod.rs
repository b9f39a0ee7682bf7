//! One HTTP client for every backend (feature `transport`): reqwest with rustls natively,
//! the JS host's `fetch` on wasm32 (browsers and Node 18+).
//!
//! Only a `503` is retried, after `Retry-After` (or a short back-off): the server said it did
//! nothing. A failure after a change request may have reached the server is
//! `outcome_unknown`, never retried: the password may or may not have changed.

#[cfg(target_arch = "wasm32")]
mod fetch;
mod keystone;
#[cfg(not(target_arch = "wasm32"))]
mod native;
mod sleep;

pub use keystone::{KeystoneChange, KeystonePolicy, PolicySource, current_password_refused};

#[cfg(target_arch = "wasm32")]
use fetch::{Fetch as Carrier, scheme_and_host};
#[cfg(not(target_arch = "wasm32"))]
use native::{Native as Carrier, scheme_and_host};

use crate::backend::{HttpRequest, HttpResponse, Operation, Outcome};
use crate::error::{Error, Result, TransportErrorCode};
use crate::policy::{Context, Policy};
use serde::Deserialize;
use std::time::Duration;

/// How a [`Transport`] (the bindings' `Client`) connects, waits and retries; every key is
/// optional.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Accept any certificate: for a test cloud only, as `openstack --insecure` (native only;
    /// refused on wasm32, where the JS host decides).
    pub insecure_skip_tls_verify: bool,
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
            insecure_skip_tls_verify: false,
            max_retries: 2,
            max_retry_after_s: 30,
            pwned_passwords_url: None,
        }
    }
}

impl TransportOptions {
    /// Reads options from JSON-shaped data (`null` or a missing field: the default); errors name the key.
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        crate::json::options("options", value)
    }
}

/// Sends operations and interprets the answers: reqwest natively, the host's `fetch` in the npm
/// package. Cheap to clone (one connection pool).
#[derive(Debug, Clone)]
pub struct Transport {
    carrier: Carrier,
    options: TransportOptions,
}

fn transport_error(code: TransportErrorCode, reason: impl Into<String>) -> Error {
    Error::Transport {
        code,
        reason: reason.into(),
    }
}

/// What a carrier knows about a request that got no answer.
struct Failure {
    /// It never reached the server (natively only; fetch cannot tell).
    unsent: bool,
    tls: bool,
    timed_out: bool,
}

/// The one rule for every carrier: a change that may have reached the server is
/// `outcome_unknown`; anything else says what went wrong.
fn failure_error(failure: Failure, idempotent: bool, reason: String) -> Error {
    use TransportErrorCode::*;
    let code = match (failure.unsent, idempotent) {
        (true, _) if failure.tls => Tls,
        (false, false) => OutcomeUnknown,
        _ if failure.timed_out => Timeout,
        _ => Network,
    };
    transport_error(code, reason)
}

impl Transport {
    /// A transport with these options; an unreadable `extra_ca_pem` is an `invalid_argument`.
    pub fn new(options: TransportOptions) -> Result<Self> {
        Ok(Transport {
            carrier: Carrier::new(&options)?,
            options,
        })
    }

    /// Carries one request; `idempotent` says whether a failure midway may be reported as a
    /// plain network error (reads) or must be `outcome_unknown` (changes).
    pub async fn send(&self, request: &HttpRequest, idempotent: bool) -> Result<HttpResponse> {
        self.check_scheme(&request.url)?;
        let mut attempt = 0;
        loop {
            let response = self.carrier.send_once(request, idempotent).await?;
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

    /// What `send` checks before anything leaves: the checks a dry run must make too.
    pub fn preflight(&self, request: &HttpRequest) -> Result<()> {
        self.check_scheme(&request.url)
    }

    /// Plain http:// only to loopback, unless allowed.
    fn check_scheme(&self, url: &str) -> Result<()> {
        let (scheme, host) = scheme_and_host(url)?;
        if scheme != "http" || self.options.allow_insecure_http || is_loopback(&host) {
            return Ok(());
        }
        Err(transport_error(
            TransportErrorCode::InsecureHttp,
            "plain http:// would send the password unencrypted; use https:// or allow_insecure_http",
        ))
    }

    /// Build, send, interpret.
    pub async fn execute(&self, operation: &Operation) -> Result<Outcome> {
        let request = operation.request()?;
        let response = self
            .send(&request, operation.is_read_only())
            .await
            .map_err(|err| operation.scrub_error(err))?;
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
    /// password (Keystone revokes every older token, and for one second every new one too)
    /// and return the new token.
    ///
    /// ```no_run
    /// use chpass::transport::{Transport, TransportOptions};
    /// use chpass::backend::Operation;
    /// use chpass::{Context, Policy};
    /// use serde_json::json;
    ///
    /// # async fn run() -> chpass::Result<()> {
    /// let transport = Transport::new(TransportOptions::default())?;
    /// let policy = Policy::preset("opensearch", &json!({}))?;
    /// let op = Operation::from_value(json!({
    ///     "operation": "opensearch.change_own_password",
    ///     "base_url": "https://search.example:9200",
    ///     "current_password": "Old-pass-1",
    ///     "password": "correct horse battery staple",
    /// }))?;
    /// let outcome = transport.change_password(&op, Some(&policy), &Context::default()).await?;
    /// # Ok(()) }
    /// ```
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
            Some(again) => {
                sleep::sleep(again.after).await;
                self.execute(&again.login).await
            }
            None => Ok(outcome),
        }
    }
}

/// `host` as a WHATWG URL serializes it: `localhost`, `127.0.0.0/8` or `[::1]`.
fn is_loopback(host: &str) -> bool {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6
            .parse::<std::net::Ipv6Addr>()
            .is_ok_and(|ip| ip.is_loopback());
    }
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}
