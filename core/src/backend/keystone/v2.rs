//! Keystone v2.0, for legacy clouds (removed from Keystone in 2018).

use super::super::Outcome;
use super::super::http::{HttpRequest, HttpResponse};
use super::super::status::{fallback, server_error, string_at};
use super::super::url::join;
use super::token_header;
use crate::error::{Result, ServerErrorCode};
use crate::secret::SecretString;
use serde::Deserialize;
use serde_json::json;

/// `{"error": {"message": …}}`, as v3.
fn message(response: &HttpResponse) -> Option<String> {
    response
        .json()
        .and_then(|b| string_at(&b, &["error", "message"]))
}

/// OS-KSCRUD: `PATCH /v2.0/OS-KSCRUD/users/{user_id}` → `200` with a new token.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeOwnPassword {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// A token of the caller, sent as `X-Auth-Token`.
    pub token: SecretString,
    /// Whose password.
    pub user_id: String,
    /// The current password.
    pub original_password: SecretString,
    /// The new password.
    pub password: SecretString,
}

impl ChangeOwnPassword {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let url = join(
            &self.base_url,
            "/v2.0/OS-KSCRUD/users/{}",
            &[("user_id", &self.user_id)],
        )?;
        let body = json!({ "user": {
            "password": self.password.expose(),
            "original_password": self.original_password.expose(),
        }});
        Ok(token_header(
            HttpRequest::new("PATCH", url).json(&body),
            &self.token,
        ))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        match response.status {
            200 => {
                let body = response.json().unwrap_or_default();
                let token = string_at(&body, &["access", "token", "id"])
                    .ok_or_else(|| response.unexpected("200 without access.token.id"))?;
                Ok(Outcome::Token {
                    token: SecretString::new(token),
                    user_id: string_at(&body, &["access", "user", "id"]),
                    expires_at: string_at(&body, &["access", "token", "expires"]),
                })
            }
            401 => Err(server_error(
                response,
                ServerErrorCode::InvalidCurrentPassword,
                message(response),
            )),
            _ => Err(fallback(response, message(response))),
        }
    }
}

/// OS-KSADM: `PUT /v2.0/users/{user_id}/OS-KSADM/password` (administrators).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SetPassword {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// An administrator's token, sent as `X-Auth-Token`.
    pub token: SecretString,
    /// Whose password.
    pub user_id: String,
    /// The new password.
    pub password: SecretString,
}

impl SetPassword {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let url = join(
            &self.base_url,
            "/v2.0/users/{}/OS-KSADM/password",
            &[("user_id", &self.user_id)],
        )?;
        let body = json!({ "user": { "password": self.password.expose() } });
        Ok(token_header(
            HttpRequest::new("PUT", url).json(&body),
            &self.token,
        ))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        match response.status {
            200 => Ok(Outcome::PasswordChanged),
            _ => Err(fallback(response, message(response))),
        }
    }
}

/// The EC2 credentials update as the v2.0 API reference documents it:
/// `POST /v2.0/users/{userId}/OS-KSADM/credentials/OS-KSEC2:ec2Credentials` with an
/// administrator's token. Documented answers: 200, 400, 401, 403, 404, 405, 409, 413, 415, 503.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateEc2Credentials {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// An administrator's token, sent as `X-Auth-Token`.
    pub token: SecretString,
    /// Whose credentials.
    pub user_id: String,
    /// The user name the body names.
    pub username: String,
    /// The EC2 secret.
    pub secret: SecretString,
    /// The EC2 signature.
    pub signature: SecretString,
}

impl UpdateEc2Credentials {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let url = join(
            &self.base_url,
            "/v2.0/users/{}/OS-KSADM/credentials/OS-KSEC2:ec2Credentials",
            &[("user_id", &self.user_id)],
        )?;
        let body = json!({ "OS-KSEC2-ec2Credentials": {
            "username": self.username,
            "secret": self.secret.expose(),
            "signature": self.signature.expose(),
        }});
        Ok(token_header(
            HttpRequest::new("POST", url).json(&body),
            &self.token,
        ))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        match response.status {
            200 => Ok(Outcome::Updated),
            _ => Err(fallback(response, message(response))),
        }
    }
}
