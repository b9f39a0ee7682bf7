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
mod redact;
mod status;
mod url;

pub use auth::Auth;
pub use http::{EXCERPT_BYTES, HttpRequest, HttpResponse, MAX_RESPONSE_BODY};

use crate::error::{Error, Result};
use crate::json::tagged_table;
use crate::policy::PolicySpec;
use crate::secret::SecretString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Every request chpass can build. In JSON, tagged by `operation` (see [`Operation::from_value`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Operation {
    /// `elasticsearch.change_password`: a native user's password, or the caller's own.
    ElasticsearchChangePassword(elasticsearch::ChangePassword),
    /// `opensearch.change_own_password`: the caller's own password, with the current one.
    OpenSearchChangeOwnPassword(opensearch::ChangeOwnPassword),
    /// `opensearch.set_password`: an administrator sets an internal user's password.
    OpenSearchSetPassword(opensearch::SetPassword),
    /// `keystone.change_password`: a user's own password, with the current one (v3).
    KeystoneChangePassword(keystone::ChangePassword),
    /// `keystone.issue_token`: a login with a password (v3).
    KeystoneIssueToken(keystone::IssueToken),
    /// `keystone.get_password_policy`: the `[security_compliance]` rules a domain enforces.
    KeystoneGetPasswordPolicy(keystone::GetPasswordPolicy),
    /// `keystone.create_ec2_credential`: a new EC2 credential for a project.
    KeystoneCreateEc2Credential(keystone::CreateEc2Credential),
    /// `keystone.list_ec2_credentials`: a user's EC2 credentials.
    KeystoneListEc2Credentials(keystone::ListEc2Credentials),
    /// `keystone.delete_ec2_credential`: one EC2 credential, by access key.
    KeystoneDeleteEc2Credential(keystone::DeleteEc2Credential),
    /// `keystone_v2.change_own_password`: OS-KSCRUD, on legacy v2.0 clouds.
    KeystoneV2ChangeOwnPassword(keystone::v2::ChangeOwnPassword),
    /// `keystone_v2.set_password`: OS-KSADM, an administrator on legacy v2.0 clouds.
    KeystoneV2SetPassword(keystone::v2::SetPassword),
    /// `keystone_v2.update_ec2_credentials`: OS-KSEC2, on legacy v2.0 clouds.
    KeystoneV2UpdateEc2Credentials(keystone::v2::UpdateEc2Credentials),
    /// `pwned_passwords.range`: how many breaches a password appears in (k-anonymity).
    PwnedPasswordsRange(pwned::RangeCheck),
}

impl<'de> Deserialize<'de> for Operation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        crate::json::deserialize(d, Self::read)
    }
}

tagged_table! {
    Operation by "operation";
    /// Each operation's tag and variant name with the JSON Schema of its other fields, for the
    /// bindings' TypeScript and Python types.
    operation_schemas;
    "elasticsearch.change_password" => ElasticsearchChangePassword(elasticsearch::ChangePassword),
    "opensearch.change_own_password" => OpenSearchChangeOwnPassword(opensearch::ChangeOwnPassword),
    "opensearch.set_password" => OpenSearchSetPassword(opensearch::SetPassword),
    "keystone.change_password" => KeystoneChangePassword(keystone::ChangePassword),
    "keystone.issue_token" => KeystoneIssueToken(keystone::IssueToken),
    "keystone.get_password_policy" => KeystoneGetPasswordPolicy(keystone::GetPasswordPolicy),
    "keystone.create_ec2_credential" => KeystoneCreateEc2Credential(keystone::CreateEc2Credential),
    "keystone.list_ec2_credentials" => KeystoneListEc2Credentials(keystone::ListEc2Credentials),
    "keystone.delete_ec2_credential" => KeystoneDeleteEc2Credential(keystone::DeleteEc2Credential),
    "keystone_v2.change_own_password" => KeystoneV2ChangeOwnPassword(keystone::v2::ChangeOwnPassword),
    "keystone_v2.set_password" => KeystoneV2SetPassword(keystone::v2::SetPassword),
    "keystone_v2.update_ec2_credentials" => KeystoneV2UpdateEc2Credentials(keystone::v2::UpdateEc2Credentials),
    "pwned_passwords.range" => PwnedPasswordsRange(pwned::RangeCheck),
}

/// What a successful answer means.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The password changed (or was set).
    PasswordChanged,
    /// A token; Keystone revokes every older token of the user when the password changes.
    Token {
        /// The token, in clear: the caller asked for it.
        #[serde(serialize_with = "expose")]
        token: SecretString,
        /// The user the token is for (Keystone's `token.user.id`).
        #[serde(skip_serializing_if = "Option::is_none")]
        user_id: Option<String>,
        /// When the token expires, as the server wrote it (ISO 8601).
        #[serde(skip_serializing_if = "Option::is_none")]
        expires_at: Option<String>,
    },
    /// The server's password policy, ready for `Policy::new`.
    Policy {
        /// The rules, as a policy spec.
        policy: PolicySpec,
    },
    /// A new EC2 credential.
    Ec2Credential(keystone::Ec2Credential),
    /// A user's EC2 credentials.
    Ec2Credentials {
        /// The credentials, as the server listed them.
        credentials: Vec<keystone::Ec2Credential>,
    },
    /// The credential was deleted.
    Deleted,
    /// The credentials were updated (Keystone v2.0).
    Updated,
    /// Pwned Passwords: how many breaches the password appears in (0: none).
    BreachCount {
        /// The count of breaches.
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
    /// The login operation.
    pub login: Operation,
    /// How long after the change's answer to send it ([`keystone::REVOCATION_GRANULARITY`]).
    pub after: std::time::Duration,
}

impl Operation {
    /// Reads an operation from JSON-shaped data; errors name the key.
    ///
    /// Sans-IO: build the request, send it with any HTTP client, interpret the answer.
    ///
    /// ```
    /// use chpass::backend::{HttpResponse, Operation, Outcome};
    /// use serde_json::json;
    ///
    /// let op = Operation::from_value(json!({
    ///     "operation": "keystone.change_password",
    ///     "base_url": "https://keystone.example:5000",
    ///     "user_id": "423f19a4ac1e4f48bbb4180756e6eb6c",
    ///     "original_password": "Old-pass-1",
    ///     "password": "N3w-passw0rd!",
    /// }))?;
    /// let request = op.request()?;
    /// assert_eq!(request.url, "https://keystone.example:5000/v3/users/423f19a4ac1e4f48bbb4180756e6eb6c/password");
    /// let answer = HttpResponse { status: 204, ..HttpResponse::default() };
    /// assert_eq!(op.interpret(&answer)?, Outcome::PasswordChanged);
    /// # Ok::<(), chpass::Error>(())
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        Self::read(value).map_err(|e| e.into_argument_error("operation"))
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

    /// The request, or `invalid_argument` when it cannot go out exactly as built: header
    /// values are printable ASCII, since fetch would send a non-ASCII char as one Latin-1
    /// byte, reqwest as UTF-8, and both refuse control characters (a request that cannot be
    /// built is never `outcome_unknown`).
    pub fn request(&self) -> Result<HttpRequest> {
        let request = self.unchecked_request()?;
        request.check_headers()?;
        Ok(request)
    }

    fn unchecked_request(&self) -> Result<HttpRequest> {
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

    /// The answer as an outcome or a typed error. Whatever of the operation's secrets the
    /// answer repeats is `[REDACTED]` in the error.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        self.interpret_unscrubbed(response)
            .map_err(|err| self.secrets().scrub_error(err, &response.body))
    }

    /// An error of this operation's own (a transport's, say) without its secrets.
    pub fn scrub_error(&self, err: Error) -> Error {
        self.secrets().scrub_error(err, "")
    }

    /// Every secret the operation carries: passwords, hashes, tokens, credentials.
    fn secrets(&self) -> redact::Secrets {
        use Operation::*;
        let mut given: Vec<&SecretString> = Vec::new();
        let mut auth: Option<&Auth> = None;
        match self {
            ElasticsearchChangePassword(op) => {
                given.extend(op.password.iter().chain(&op.password_hash));
                auth = op.auth.as_ref();
            }
            OpenSearchChangeOwnPassword(op) => {
                given.extend(
                    [&op.current_password]
                        .into_iter()
                        .chain(&op.password)
                        .chain(&op.hash),
                );
                auth = op.auth.as_ref();
            }
            OpenSearchSetPassword(op) => {
                given.extend(op.password.iter().chain(&op.hash));
                auth = op.auth.as_ref();
            }
            KeystoneChangePassword(op) => given.extend([&op.password, &op.original_password]),
            KeystoneIssueToken(op) => given.push(&op.password),
            KeystoneGetPasswordPolicy(op) => given.push(&op.token),
            KeystoneCreateEc2Credential(op) => given.push(&op.token),
            KeystoneListEc2Credentials(op) => given.push(&op.token),
            KeystoneDeleteEc2Credential(op) => given.push(&op.token),
            KeystoneV2ChangeOwnPassword(op) => {
                given.extend([&op.token, &op.password, &op.original_password]);
            }
            KeystoneV2SetPassword(op) => given.extend([&op.token, &op.password]),
            KeystoneV2UpdateEc2Credentials(op) => {
                given.extend([&op.token, &op.secret, &op.signature]);
            }
            PwnedPasswordsRange(op) => given.push(&op.password),
        }
        let credentials = auth.map(Auth::secrets).unwrap_or_default();
        redact::Secrets::new(
            given
                .into_iter()
                .map(SecretString::expose)
                .chain(credentials.iter().map(|c| c.as_str())),
        )
    }

    fn interpret_unscrubbed(&self, response: &HttpResponse) -> Result<Outcome> {
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
        crate::json::argument("response", value)
    }
}
