//! Elasticsearch: `PUT /_security/user/{username}/_password` (or `/_security/user/_password`
//! for the caller), as elasticsearch-py and elasticsearch-js send it.

use super::Outcome;
use super::auth::Auth;
use super::http::{HttpRequest, HttpResponse};
use super::status::{fallback, rejected, server_error, string_at};
use super::url::{join, with_query};
use crate::error::{Error, Result, ServerErrorCode};
use crate::secret::SecretString;
use serde::Deserialize;
use serde_json::{Value, json};

/// `PUT /_security/user/{username}/_password` (or `/_security/user/_password` for the caller), as
/// elasticsearch-py and elasticsearch-js send it; success is `200 {}`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// Whose password; none means the authenticated caller's own.
    #[serde(default)]
    pub username: Option<String>,
    /// Exactly one of `password` and `password_hash`.
    #[serde(default)]
    pub password: Option<SecretString>,
    /// A hash in a format Elasticsearch accepts (bcrypt cost 4–14, `{PBKDF2}`,
    /// `{PBKDF2_STRETCH}`), instead of `password`.
    #[serde(default)]
    pub password_hash: Option<SecretString>,
    /// The `refresh` query parameter.
    #[serde(default)]
    pub refresh: Option<Refresh>,
    /// How the caller authenticates; none sends no `Authorization`.
    #[serde(default)]
    pub auth: Option<Auth>,
}

/// When the change becomes visible to searches (Elasticsearch's `refresh` parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Refresh {
    /// `refresh=true`: at once.
    True,
    /// `refresh=false`: at the next refresh.
    False,
    /// `refresh=wait_for`: the answer waits for the next refresh.
    WaitFor,
}

impl Refresh {
    fn as_str(self) -> &'static str {
        match self {
            Refresh::True => "true",
            Refresh::False => "false",
            Refresh::WaitFor => "wait_for",
        }
    }
}

impl ChangePassword {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let body = match (&self.password, &self.password_hash) {
            (Some(password), None) => json!({ "password": password.expose() }),
            (None, Some(hash)) => {
                // what Elasticsearch would refuse is refused before anything is sent
                crate::hash::elasticsearch_hash_algorithm(hash.expose()).map_err(|e| {
                    let mut params = serde_json::Map::new();
                    params.insert("path".into(), Value::from("password_hash"));
                    Error::InvalidArgument {
                        argument: "operation",
                        reason: format!("password_hash: {e}"),
                        params,
                    }
                })?;
                json!({ "password_hash": hash.expose() })
            }
            (Some(_), Some(_)) => {
                return Err(Error::invalid_argument(
                    "operation",
                    "give password or password_hash, not both (Elasticsearch refuses both)",
                ));
            }
            (None, None) => {
                return Err(Error::invalid_argument(
                    "operation",
                    "password or password_hash is required",
                ));
            }
        };
        let url = match &self.username {
            Some(user) => join(
                &self.base_url,
                "/_security/user/{}/_password",
                &[("username", user)],
            )?,
            None => join(&self.base_url, "/_security/user/_password", &[])?,
        };
        let url = match self.refresh {
            Some(refresh) => with_query(url, &format!("refresh={}", refresh.as_str()))?,
            None => url,
        };
        let mut request = HttpRequest::new("PUT", url).json(&body);
        if let Some(auth) = &self.auth {
            request = request.header("Authorization", auth.header().as_str());
        }
        Ok(request)
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        let body = response.json();
        if response.status == 200 {
            // Elasticsearch answers `{}`; a 200 that is not a JSON object came from something
            // else on the way (a proxy's or a portal's page), which changed nothing
            return match body {
                Some(Value::Object(_)) => Ok(Outcome::PasswordChanged),
                _ => Err(response.unexpected("200 without a JSON object (Elasticsearch sends {})")),
            };
        }
        let message = body.as_ref().and_then(reason);
        match response.status {
            400 if message
                .as_deref()
                .is_some_and(|m| m.contains("passwords must be at least")) =>
            {
                Err(rejected(
                    response,
                    message.unwrap_or_default(),
                    Some("too_short"),
                ))
            }
            // with Basic auth on one's own password, the credentials are the current password
            401 if self.changes_own_password_with_basic_auth() => Err(server_error(
                response,
                ServerErrorCode::InvalidCurrentPassword,
                message,
            )),
            _ => Err(fallback(response, message)),
        }
    }

    fn changes_own_password_with_basic_auth(&self) -> bool {
        match (&self.auth, &self.username) {
            (Some(auth @ Auth::Basic { .. }), Some(user)) => auth.username() == Some(user),
            (Some(Auth::Basic { .. }), None) => true,
            _ => false,
        }
    }
}

/// `error.reason` (or the first root cause's), or a plain string `error`.
fn reason(body: &Value) -> Option<String> {
    string_at(body, &["error", "reason"])
        .or_else(|| {
            body.pointer("/error/root_cause/0/reason")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .or_else(|| string_at(body, &["error"]))
}
