//! Sans-IO backends: an [`Operation`] becomes an [`HttpRequest`]; the [`HttpResponse`] to it
//! becomes an [`Outcome`] or a typed [`Error`]. Any HTTP client can carry the request.
//!
//! Operations and outcomes are JSON-shaped (tagged by `operation` / `outcome`), so the npm and
//! pip packages pass plain objects and dicts straight through.

mod auth;
pub mod elasticsearch;
mod http;
pub mod keystone;
pub mod opensearch;
pub mod pwned;
mod status;
mod url;

pub use auth::Auth;
pub use http::{EXCERPT_BYTES, HttpRequest, HttpResponse, MAX_RESPONSE_BODY};

use crate::error::{Error, Result};
use crate::policy::PolicySpec;
use crate::secret::SecretString;
use serde::{Deserialize, Serialize, Serializer};

/// Every request chpass can build, by its JSON tag.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "operation", deny_unknown_fields)]
#[non_exhaustive]
pub enum Operation {
    #[serde(rename = "elasticsearch.change_password")]
    ElasticsearchChangePassword(elasticsearch::ChangePassword),
    #[serde(rename = "opensearch.change_own_password")]
    OpenSearchChangeOwnPassword(opensearch::ChangeOwnPassword),
    #[serde(rename = "opensearch.set_password")]
    OpenSearchSetPassword(opensearch::SetPassword),
    #[serde(rename = "keystone.change_password")]
    KeystoneChangePassword(keystone::ChangePassword),
    #[serde(rename = "keystone.issue_token")]
    KeystoneIssueToken(keystone::IssueToken),
    #[serde(rename = "keystone.get_password_policy")]
    KeystoneGetPasswordPolicy(keystone::GetPasswordPolicy),
    #[serde(rename = "keystone.create_ec2_credential")]
    KeystoneCreateEc2Credential(keystone::CreateEc2Credential),
    #[serde(rename = "keystone.list_ec2_credentials")]
    KeystoneListEc2Credentials(keystone::ListEc2Credentials),
    #[serde(rename = "keystone.delete_ec2_credential")]
    KeystoneDeleteEc2Credential(keystone::DeleteEc2Credential),
    #[serde(rename = "keystone_v2.change_own_password")]
    KeystoneV2ChangeOwnPassword(keystone::v2::ChangeOwnPassword),
    #[serde(rename = "keystone_v2.set_password")]
    KeystoneV2SetPassword(keystone::v2::SetPassword),
    #[serde(rename = "keystone_v2.update_ec2_credentials")]
    KeystoneV2UpdateEc2Credentials(keystone::v2::UpdateEc2Credentials),
    #[serde(rename = "pwned_passwords.range")]
    PwnedPasswordsRange(pwned::RangeCheck),
}

/// What a successful answer means.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    PasswordChanged,
    /// A token; Keystone revokes every older token of the user when the password changes.
    Token {
        #[serde(serialize_with = "expose")]
        token: SecretString,
        #[serde(skip_serializing_if = "Option::is_none")]
        user_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        expires_at: Option<String>,
    },
    /// The server's password policy, ready for `Policy::new`.
    Policy {
        policy: PolicySpec,
    },
    Ec2Credential(keystone::Ec2Credential),
    Ec2Credentials {
        credentials: Vec<keystone::Ec2Credential>,
    },
    Deleted,
    Updated,
    /// Pwned Passwords: how many breaches the password appears in (0: none).
    BreachCount {
        count: u64,
    },
}

/// Outcomes go to the caller in clear: that is their purpose. Debug output stays redacted.
fn expose<S: Serializer>(secret: &SecretString, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(secret.expose())
}

/// A login to send after a change, no sooner than `after` the change's answer.
#[derive(Debug, Clone)]
pub struct Reauthentication {
    pub login: Operation,
    pub after: std::time::Duration,
}

impl Operation {
    /// Reads an operation from JSON-shaped data; errors name the key.
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        serde_path_to_error::deserialize(value).map_err(|e| {
            let mut params = serde_json::Map::new();
            params.insert("path".into(), e.path().to_string().into());
            Error::InvalidArgument {
                argument: "operation",
                reason: format!("{}: {}", e.path(), e.inner()),
                params,
            }
        })
    }

    /// The Keystone login a flow starts from: only `keystone.issue_token` is one.
    pub fn into_login(self) -> Result<keystone::IssueToken> {
        match self {
            Operation::KeystoneIssueToken(login) => Ok(login),
            _ => Err(Error::invalid_argument(
                "login",
                "a login is a keystone.issue_token operation",
            )),
        }
    }

    /// Reads that change nothing: a failure midway is a plain network error, not an unknown outcome.
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            Operation::KeystoneGetPasswordPolicy(_)
                | Operation::KeystoneListEc2Credentials(_)
                | Operation::PwnedPasswordsRange(_)
        )
    }

    /// The new password in clear, when the operation sets one (not for hashes).
    pub fn new_password(&self) -> Option<&str> {
        match self {
            Operation::ElasticsearchChangePassword(op) => {
                op.password.as_ref().map(SecretString::expose)
            }
            Operation::OpenSearchChangeOwnPassword(op) => {
                op.password.as_ref().map(SecretString::expose)
            }
            Operation::OpenSearchSetPassword(op) => op.password.as_ref().map(SecretString::expose),
            Operation::KeystoneChangePassword(op) => Some(op.password.expose()),
            Operation::KeystoneV2ChangeOwnPassword(op) => Some(op.password.expose()),
            Operation::KeystoneV2SetPassword(op) => Some(op.password.expose()),
            _ => None,
        }
    }

    /// The login that must follow: Keystone v3 revokes every token of a user whose password
    /// changed, so the flow logs in again with the new one, once that login can outlive the
    /// revocation.
    pub fn reauthenticate(&self) -> Option<Reauthentication> {
        match self {
            Operation::KeystoneChangePassword(op) => Some(Reauthentication {
                login: Operation::KeystoneIssueToken(keystone::IssueToken {
                    base_url: op.base_url.clone(),
                    user: keystone::UserRef {
                        id: Some(op.user_id.clone()),
                        name: None,
                        domain: None,
                    },
                    password: op.password.clone(),
                    scope: None,
                }),
                after: keystone::REVOCATION_GRANULARITY,
            }),
            _ => None,
        }
    }

    /// The request as text with every secret `[REDACTED]`, for logs and `--dry-run`.
    pub fn dump(&self) -> Result<String> {
        self.request().map(|request| request.dump())
    }

    pub fn request(&self) -> Result<HttpRequest> {
        match self {
            Operation::ElasticsearchChangePassword(op) => op.request(),
            Operation::OpenSearchChangeOwnPassword(op) => op.request(),
            Operation::OpenSearchSetPassword(op) => op.request(),
            Operation::KeystoneChangePassword(op) => op.request(),
            Operation::KeystoneIssueToken(op) => op.request(),
            Operation::KeystoneGetPasswordPolicy(op) => op.request(),
            Operation::KeystoneCreateEc2Credential(op) => op.request(),
            Operation::KeystoneListEc2Credentials(op) => op.request(),
            Operation::KeystoneDeleteEc2Credential(op) => op.request(),
            Operation::KeystoneV2ChangeOwnPassword(op) => op.request(),
            Operation::KeystoneV2SetPassword(op) => op.request(),
            Operation::KeystoneV2UpdateEc2Credentials(op) => op.request(),
            Operation::PwnedPasswordsRange(op) => op.request(),
        }
    }

    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        match self {
            Operation::ElasticsearchChangePassword(op) => op.interpret(response),
            Operation::OpenSearchChangeOwnPassword(op) => op.interpret(response),
            Operation::OpenSearchSetPassword(op) => op.interpret(response),
            Operation::KeystoneChangePassword(op) => op.interpret(response),
            Operation::KeystoneIssueToken(op) => op.interpret(response),
            Operation::KeystoneGetPasswordPolicy(op) => op.interpret(response),
            Operation::KeystoneCreateEc2Credential(op) => op.interpret(response),
            Operation::KeystoneListEc2Credentials(op) => op.interpret(response),
            Operation::KeystoneDeleteEc2Credential(op) => op.interpret(response),
            Operation::KeystoneV2ChangeOwnPassword(op) => op.interpret(response),
            Operation::KeystoneV2SetPassword(op) => op.interpret(response),
            Operation::KeystoneV2UpdateEc2Credentials(op) => op.interpret(response),
            Operation::PwnedPasswordsRange(op) => op.interpret(response),
        }
    }
}

impl HttpResponse {
    /// Reads a response from JSON-shaped data (`status`, `headers`, `body`).
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        serde_path_to_error::deserialize(value).map_err(|e| Error::InvalidArgument {
            argument: "response",
            reason: format!("{}: {}", e.path(), e.inner()),
            params: serde_json::Map::new(),
        })
    }
}
