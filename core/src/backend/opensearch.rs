//! OpenSearch security plugin: one's own password through the account API, another internal
//! user's through a JSON Patch that keeps its roles and attributes.

use super::Outcome;
use super::auth::Auth;
use super::http::{HttpRequest, HttpResponse};
use super::status::{fallback, rejected, server_error, string_at};
use super::url::join;
use crate::error::{Error, Result, ServerErrorCode};
use crate::policy::presets::OPENSEARCH_REGEX_MESSAGE;
use crate::secret::SecretString;
use serde::Deserialize;
use serde_json::{Value, json};

const API: &str = "/_plugins/_security/api";
const LEGACY_API: &str = "/_opendistro/_security/api";
/// What the plugin's code answers to a wrong current password.
const WRONG_CURRENT: &str = "Could not validate your current password.";

/// `PUT /_plugins/_security/api/account` with the current and the new password (or hash).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeOwnPassword {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// The caller's current password.
    pub current_password: SecretString,
    /// Exactly one of `password` and `hash`.
    #[serde(default)]
    pub password: Option<SecretString>,
    /// A hash in the cluster's configured format (`opensearch_hash`), instead of `password`.
    #[serde(default)]
    pub hash: Option<SecretString>,
    /// Use the deprecated `/_opendistro/_security` path (old clusters).
    #[serde(default)]
    pub legacy_path: bool,
    /// How the caller authenticates; none sends no `Authorization`.
    #[serde(default)]
    pub auth: Option<Auth>,
    /// The cluster's `password_validation_error_message`, to recognise a regex refusal.
    #[serde(default)]
    pub validation_error_message: Option<String>,
}

/// An administrator sets another internal user's password: `PATCH …/internalusers/{name}`
/// with `[{"op": "add", "path": "/password", "value": …}]`. A `PUT` would replace the whole
/// user and drop its roles.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SetPassword {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// The internal user whose password is set.
    pub username: String,
    /// The new password; exactly one of `password` and `hash`.
    #[serde(default)]
    pub password: Option<SecretString>,
    /// A hash in the cluster's configured format (`opensearch_hash`), instead of `password`.
    #[serde(default)]
    pub hash: Option<SecretString>,
    /// Use the deprecated `/_opendistro/_security` path (old clusters).
    #[serde(default)]
    pub legacy_path: bool,
    /// How the administrator authenticates.
    #[serde(default)]
    pub auth: Option<Auth>,
    /// The cluster's `password_validation_error_message`, to recognise a regex refusal.
    #[serde(default)]
    pub validation_error_message: Option<String>,
}

fn api(legacy: bool) -> &'static str {
    if legacy { LEGACY_API } else { API }
}

/// `("password", value)` or `("hash", value)`.
fn new_secret<'a>(
    password: &'a Option<SecretString>,
    hash: &'a Option<SecretString>,
) -> Result<(&'static str, &'a str)> {
    match (password, hash) {
        (Some(p), None) => Ok(("password", p.expose())),
        (None, Some(h)) => Ok(("hash", h.expose())),
        (Some(_), Some(_)) => Err(Error::invalid_argument(
            "operation",
            "give password or hash, not both",
        )),
        (None, None) => Err(Error::invalid_argument(
            "operation",
            "password or hash is required",
        )),
    }
}

fn with_auth(request: HttpRequest, auth: &Option<Auth>) -> HttpRequest {
    match auth {
        Some(auth) => request.header("Authorization", auth.header().as_str()),
        None => request,
    }
}

impl ChangeOwnPassword {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let (key, value) = new_secret(&self.password, &self.hash)?;
        let url = join(
            &self.base_url,
            &format!("{}/account", api(self.legacy_path)),
            &[],
        )?;
        let mut body = json!({ "current_password": self.current_password.expose() });
        body[key] = Value::from(value);
        Ok(with_auth(
            HttpRequest::new("PUT", url).json(&body),
            &self.auth,
        ))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        interpret(response, self.validation_error_message.as_deref(), true)
    }
}

impl SetPassword {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let (key, value) = new_secret(&self.password, &self.hash)?;
        let url = join(
            &self.base_url,
            &format!("{}/internalusers/{{}}", api(self.legacy_path)),
            &[("username", &self.username)],
        )?;
        let body = json!([{ "op": "add", "path": format!("/{key}"), "value": value }]);
        Ok(with_auth(
            HttpRequest::new("PATCH", url).json(&body),
            &self.auth,
        ))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        interpret(response, self.validation_error_message.as_deref(), false)
    }
}

fn interpret(response: &HttpResponse, regex_message: Option<&str>, own: bool) -> Result<Outcome> {
    let body = response.json();
    if response.status == 200 {
        return match body.as_ref().and_then(|b| string_at(b, &["status"])) {
            Some(status) if status == "OK" => Ok(Outcome::PasswordChanged),
            _ => Err(response.unexpected("200 without {\"status\": \"OK\"}")),
        };
    }
    // two shapes: {"status": "BAD_REQUEST", "message": …} and {"status": "error", "reason": …}
    let message = body
        .as_ref()
        .and_then(|b| string_at(b, &["message"]).or_else(|| string_at(b, &["reason"])));
    match (response.status, message.as_deref()) {
        (400, Some(WRONG_CURRENT)) if own => Err(server_error(
            response,
            ServerErrorCode::InvalidCurrentPassword,
            message,
        )),
        // the documented shape: 401 {"status": "UNAUTHORIZED", "message": "Invalid credentials"}
        (401, _) if own => Err(server_error(
            response,
            ServerErrorCode::InvalidCurrentPassword,
            message,
        )),
        (400, Some(text)) => match violation(text, regex_message) {
            Some(code) => Err(rejected(response, text.to_owned(), Some(code))),
            None => Err(fallback(response, message)),
        },
        _ => Err(fallback(response, message)),
    }
}

/// The plugin's validation reasons and the client-side code that predicts each.
fn violation(reason: &str, regex_message: Option<&str>) -> Option<&'static str> {
    Some(match reason {
        "Password is too short" => "too_short",
        "Password is too long" => "too_long",
        "Weak password" => "weak_password",
        "Password is similar to user name" => "similar_to_username",
        r if r == regex_message.unwrap_or(OPENSEARCH_REGEX_MESSAGE) => "pattern_mismatch",
        _ => return None,
    })
}
