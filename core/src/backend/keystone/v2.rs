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
#[serde(deny_unknown_fields)]
pub struct ChangeOwnPassword {
    pub base_url: String,
    pub token: SecretString,
    pub user_id: String,
    pub original_password: SecretString,
    pub password: SecretString,
}

impl ChangeOwnPassword {
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
#[serde(deny_unknown_fields)]
pub struct SetPassword {
    pub base_url: String,
    pub token: SecretString,
    pub user_id: String,
    pub password: SecretString,
}

impl SetPassword {
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
#[serde(deny_unknown_fields)]
pub struct UpdateEc2Credentials {
    pub base_url: String,
    pub token: SecretString,
    pub user_id: String,
    pub username: String,
    pub secret: SecretString,
    pub signature: SecretString,
}

impl UpdateEc2Credentials {
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

    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        match response.status {
            200 => Ok(Outcome::Updated),
            _ => Err(fallback(response, message(response))),
        }
    }
}
