//! OpenStack Keystone identity v3: change one's own password (no token needed), issue a
//! token, read the password policy, manage EC2 credentials. `v2` holds the legacy API.

pub mod v2;

use super::Outcome;
use super::http::{HttpRequest, HttpResponse};
use super::status::{fallback, rejected, server_error, string_at};
use super::url::join;
use crate::error::{Error, Result, ServerErrorCode};
use crate::policy::presets::{KeystoneOptions, keystone};
use crate::secret::SecretString;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Value, json};

/// How long after a password change a new login's token stays valid. The change revokes the
/// user's tokens with an event that matches every token issued up to its time
/// (`issued_before >= issued_at`, keystone/revoke/backends/sql.py), and a fernet token's issue
/// time is in whole seconds: a token issued in the same second as the change is born revoked.
pub const REVOCATION_GRANULARITY: std::time::Duration = std::time::Duration::from_secs(1);

/// `POST /v3/users/{user_id}/password`; success is `204` and revokes the user's tokens.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// Whose password (Keystone addresses users by id).
    pub user_id: String,
    /// The current password: Keystone authenticates the change with it, no token needed.
    pub original_password: SecretString,
    /// The new password.
    pub password: SecretString,
}

impl ChangePassword {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let url = join(
            &self.base_url,
            "/v3/users/{}/password",
            &[("user_id", &self.user_id)],
        )?;
        let body = json!({ "user": {
            "password": self.password.expose(),
            "original_password": self.original_password.expose(),
        }});
        Ok(HttpRequest::new("POST", url).json(&body))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        if response.status == 204 {
            return Ok(Outcome::PasswordChanged);
        }
        let message = error_message(response);
        let text = message.as_deref().unwrap_or_default();
        match response.status {
            401 => Err(server_error(
                response,
                unauthorized(text, ServerErrorCode::InvalidCurrentPassword),
                message,
            )),
            400 => match refusal(text) {
                Some(violation) => Err(rejected(response, text.to_owned(), Some(violation))),
                None => Err(fallback(response, message)),
            },
            // strict_password_check: over max_password_length is a 403
            403 if text.contains("password length must be less than or equal to") => {
                Err(rejected(response, text.to_owned(), Some("too_long")))
            }
            _ => Err(fallback(response, message)),
        }
    }
}

/// Keystone's 400 sentences for a refused new password, with the code that predicts each.
fn refusal(message: &str) -> Option<&'static str> {
    if message.starts_with("The password does not match the requirements") {
        Some("pattern_mismatch")
    } else if message.contains("minimum password age") {
        Some("minimum_password_age")
    } else if message.contains("cannot be identical to a previous password") {
        Some("password_reused")
    } else {
        None
    }
}

/// A 401's sentence: locked, disabled, expired, or plain wrong credentials (`otherwise`).
fn unauthorized(message: &str, otherwise: ServerErrorCode) -> ServerErrorCode {
    if message.starts_with("The account is locked for user") {
        ServerErrorCode::AccountLocked
    } else if message.starts_with("The account is disabled for user") {
        ServerErrorCode::AccountDisabled
    } else if message.starts_with("The password is expired") {
        ServerErrorCode::PasswordExpired
    } else {
        otherwise
    }
}

/// `{"error": {"code": …, "title": …, "message": …}}`.
fn error_message(response: &HttpResponse) -> Option<String> {
    response
        .json()
        .and_then(|body| string_at(&body, &["error", "message"]))
}

/// A user or a project: by id, or by name within a domain (Keystone's own shape for both).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// By id (then no name or domain is needed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name, within `domain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The domain of a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<NameOrId>,
}

/// A user, by id or by name and domain.
pub type UserRef = Reference;
/// A project, by id or by name and domain.
pub type ProjectRef = Reference;

/// A domain, by id or by name.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NameOrId {
    /// The domain's id (`default` for the default domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The domain's name (`Default` for the default domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// What the token is for; none gives an unscoped token.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Scope {
    /// A token for a project.
    Project(ProjectRef),
    /// A token for a domain.
    Domain(NameOrId),
}

/// `POST /v3/auth/tokens` with the password method; the token comes back in `X-Subject-Token`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IssueToken {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// Who logs in.
    pub user: UserRef,
    /// Their password.
    pub password: SecretString,
    /// What the token is for; none gives an unscoped token.
    #[serde(default)]
    pub scope: Option<Scope>,
}

impl IssueToken {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let by_id = self.user.id.is_some();
        let by_name = self.user.name.is_some() && self.user.domain.is_some();
        if by_id == by_name {
            return Err(Error::invalid_argument(
                "operation",
                "user needs an id, or a name and a domain",
            ));
        }
        let mut user = serde_json::to_value(&self.user).unwrap_or_default();
        user["password"] = Value::from(self.password.expose());
        let mut auth = json!({ "identity": {
            "methods": ["password"],
            "password": { "user": user },
        }});
        if let Some(scope) = &self.scope {
            auth["scope"] = serde_json::to_value(scope).unwrap_or_default();
        }
        let url = join(&self.base_url, "/v3/auth/tokens", &[])?;
        Ok(HttpRequest::new("POST", url).json(&json!({ "auth": auth })))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        if response.status == 201 {
            let token = response
                .header("X-Subject-Token")
                .filter(|t| !t.is_empty())
                .ok_or_else(|| response.unexpected("201 without an X-Subject-Token header"))?;
            let body = response.json().unwrap_or_default();
            return Ok(Outcome::Token {
                token: SecretString::new(token),
                user_id: string_at(&body, &["token", "user", "id"]),
                expires_at: string_at(&body, &["token", "expires_at"]),
            });
        }
        let message = error_message(response);
        match response.status {
            401 => {
                let text = message.as_deref().unwrap_or_default();
                let code = unauthorized(text, ServerErrorCode::AuthenticationFailed);
                Err(server_error(response, code, message))
            }
            _ => Err(fallback(response, message)),
        }
    }
}

fn token_header(request: HttpRequest, token: &SecretString) -> HttpRequest {
    request.header("X-Auth-Token", token.expose())
}

/// `GET /v3/domains/{domain_id}/config/security_compliance` (any valid token): the policy
/// Keystone enforces, as a `keystone` preset.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GetPasswordPolicy {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// A token of the caller, sent as `X-Auth-Token`.
    pub token: SecretString,
    /// The domain whose configuration is read (`default` when not given).
    #[serde(default = "default_domain")]
    pub domain_id: String,
}

/// The domain whose `security_compliance` is read when none is named.
pub(crate) fn default_domain() -> String {
    "default".into()
}

impl GetPasswordPolicy {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let url = join(
            &self.base_url,
            "/v3/domains/{}/config/security_compliance",
            &[("domain_id", &self.domain_id)],
        )?;
        Ok(token_header(HttpRequest::new("GET", url), &self.token))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        if response.status != 200 {
            return Err(fallback(response, error_message(response)));
        }
        let body = response
            .json()
            .ok_or_else(|| response.unexpected("the body is not JSON"))?;
        let section = body
            .pointer("/config/security_compliance")
            .and_then(Value::as_object)
            .ok_or_else(|| response.unexpected("no config.security_compliance object"))?;
        let text = |key: &str| section.get(key).and_then(Value::as_str).map(str::to_owned);
        let policy = keystone(KeystoneOptions {
            password_regex: text("password_regex"),
            password_regex_description: text("password_regex_description"),
            // the API shows only the regex: Keystone's defaults for the rest
            ..KeystoneOptions::default()
        })?;
        Ok(Outcome::Policy {
            policy: policy.spec().clone(),
        })
    }
}

/// An EC2 credential; `secret` is given in clear to the caller (it asked for it).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ec2Credential {
    /// The access key (public).
    pub access: String,
    /// The secret key.
    #[serde(serialize_with = "expose")]
    pub secret: SecretString,
    /// The project it is for (Keystone's `tenant_id`).
    pub project_id: Option<String>,
    /// The user it belongs to.
    pub user_id: Option<String>,
    /// The trust it was made under, if any.
    pub trust_id: Option<String>,
}

fn expose<S: Serializer>(secret: &SecretString, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(secret.expose())
}

impl Ec2Credential {
    fn from_json(value: &Value) -> Option<Self> {
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        Some(Ec2Credential {
            access: text("access")?,
            secret: SecretString::new(text("secret")?),
            project_id: text("tenant_id"),
            user_id: text("user_id"),
            trust_id: text("trust_id"),
        })
    }
}

/// `POST /v3/users/{user_id}/credentials/OS-EC2` with `{"tenant_id": project_id}` → `201`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateEc2Credential {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// A token of the caller, sent as `X-Auth-Token`.
    pub token: SecretString,
    /// Whose credential.
    pub user_id: String,
    /// The project the credential is for.
    pub project_id: String,
}

impl CreateEc2Credential {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let url = join(
            &self.base_url,
            "/v3/users/{}/credentials/OS-EC2",
            &[("user_id", &self.user_id)],
        )?;
        let request = HttpRequest::new("POST", url).json(&json!({ "tenant_id": self.project_id }));
        Ok(token_header(request, &self.token))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        if response.status != 201 {
            return Err(fallback(response, error_message(response)));
        }
        response
            .json()
            .as_ref()
            .and_then(|body| body.get("credential"))
            .and_then(Ec2Credential::from_json)
            .map(Outcome::Ec2Credential)
            .ok_or_else(|| response.unexpected("no credential with access and secret"))
    }
}

/// `GET /v3/users/{user_id}/credentials/OS-EC2` → `200 {"credentials": […]}`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ListEc2Credentials {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// A token of the caller, sent as `X-Auth-Token`.
    pub token: SecretString,
    /// Whose credentials.
    pub user_id: String,
}

impl ListEc2Credentials {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let url = join(
            &self.base_url,
            "/v3/users/{}/credentials/OS-EC2",
            &[("user_id", &self.user_id)],
        )?;
        Ok(token_header(HttpRequest::new("GET", url), &self.token))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        if response.status != 200 {
            return Err(fallback(response, error_message(response)));
        }
        let body = response.json().unwrap_or_default();
        let items = body
            .get("credentials")
            .and_then(Value::as_array)
            .ok_or_else(|| response.unexpected("no credentials list"))?;
        let credentials = items
            .iter()
            .map(Ec2Credential::from_json)
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| response.unexpected("a credential without access or secret"))?;
        Ok(Outcome::Ec2Credentials { credentials })
    }
}

/// `DELETE /v3/users/{user_id}/credentials/OS-EC2/{access}` → `204`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeleteEc2Credential {
    /// The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is
    /// appended.
    pub base_url: String,
    /// A token of the caller, sent as `X-Auth-Token`.
    pub token: SecretString,
    /// Whose credential.
    pub user_id: String,
    /// The access key of the credential to delete.
    pub access: String,
}

impl DeleteEc2Credential {
    /// The HTTP request to send (headers and body as the official client sends them).
    pub fn request(&self) -> Result<HttpRequest> {
        let url = join(
            &self.base_url,
            "/v3/users/{}/credentials/OS-EC2/{}",
            &[("user_id", &self.user_id), ("access", &self.access)],
        )?;
        Ok(token_header(HttpRequest::new("DELETE", url), &self.token))
    }

    /// What the server's answer means: the outcome, or the typed error of its status and message.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        match response.status {
            204 => Ok(Outcome::Deleted),
            _ => Err(fallback(response, error_message(response))),
        }
    }
}
