//! The Keystone v3 change as one flow: logging in with the current password says who the user
//! is (the change is addressed by user id) and gives a token to read the server's own
//! `[security_compliance]` with; the new password is checked against that before it is sent.

use super::Transport;
use crate::backend::keystone::{ChangePassword, GetPasswordPolicy, IssueToken, default_domain};
use crate::backend::{Operation, Outcome};
use crate::error::{Error, Result};
use crate::policy::{Context, Policy};
use crate::secret::SecretString;
use serde::Serialize;

/// Where the policy of a Keystone change came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicySource {
    /// The caller's.
    Given,
    /// The server's `[security_compliance]`, read with the login's token.
    Server,
    /// The `keystone` preset (Keystone's defaults): the token may not read the server's.
    Preset,
}

impl PolicySource {
    /// The source's name (`given`, `server`, `preset`).
    pub fn as_str(self) -> &'static str {
        match self {
            PolicySource::Given => "given",
            PolicySource::Server => "server",
            PolicySource::Preset => "preset",
        }
    }
}

/// The server's policy as the logged-in user sees it; serialized as `{policy: spec, source}`.
#[derive(Debug, Clone, Serialize)]
pub struct KeystonePolicy {
    /// The rules.
    pub policy: Policy,
    /// Where they come from.
    pub source: PolicySource,
}

/// A change not yet checked or sent: the request, and the policy to check it against.
#[derive(Debug, Clone)]
pub struct KeystoneChange {
    /// `keystone.change_password`, addressed to the logged-in user's id.
    pub operation: Operation,
    /// The policy to check the new password against, and its source.
    pub policy: KeystonePolicy,
}

/// Who the login says the user is, and the token it got.
struct Session {
    token: SecretString,
    user_id: String,
}

impl Transport {
    /// Logs in and reads the server's password policy; the `keystone` preset when the token
    /// may not read it (reading `security_compliance` needs a token the server's policy allows).
    pub async fn keystone_policy(&self, login: &IssueToken) -> Result<KeystonePolicy> {
        let session = self.keystone_login(login).await?;
        self.server_policy(login, session.token).await
    }

    /// Logs in with `login` (the current password) and builds the change to `new_password`:
    /// against `policy` when given, else against the server's.
    pub async fn plan_keystone_change(
        &self,
        login: &IssueToken,
        new_password: SecretString,
        policy: Option<Policy>,
    ) -> Result<KeystoneChange> {
        // this login's password is the current one: a refusal means it is wrong
        let session = self
            .keystone_login(login)
            .await
            .map_err(current_password_refused)?;
        let policy = match policy {
            Some(policy) => KeystonePolicy {
                policy,
                source: PolicySource::Given,
            },
            None => self.server_policy(login, session.token).await?,
        };
        let operation = Operation::KeystoneChangePassword(ChangePassword {
            base_url: login.base_url.clone(),
            user_id: session.user_id,
            original_password: login.password.clone(),
            password: new_password,
        });
        Ok(KeystoneChange { operation, policy })
    }

    /// The whole Keystone change: plan it, check the new password (nothing is sent when it
    /// fails), change, log in again. The context's user name and current password default to
    /// the login's.
    pub async fn change_keystone_password(
        &self,
        login: &IssueToken,
        new_password: SecretString,
        policy: Option<Policy>,
        context: &Context,
    ) -> Result<Outcome> {
        let change = self
            .plan_keystone_change(login, new_password, policy)
            .await?;
        let context = Context {
            username: context.username.clone().or_else(|| login.user.name.clone()),
            current_password: context
                .current_password
                .clone()
                .or_else(|| Some(login.password.clone())),
            ..context.clone()
        };
        self.change_password(&change.operation, Some(&change.policy.policy), &context)
            .await
    }

    async fn keystone_login(&self, login: &IssueToken) -> Result<Session> {
        let Outcome::Token { token, user_id, .. } = self
            .execute(&Operation::KeystoneIssueToken(login.clone()))
            .await?
        else {
            return Err(Error::invalid_argument(
                "login",
                "Keystone answered the login without a token",
            ));
        };
        let user_id = user_id.or_else(|| login.user.id.clone()).ok_or_else(|| {
            Error::invalid_argument("login", "Keystone did not say who the user is")
        })?;
        Ok(Session { token, user_id })
    }

    /// The server's `[security_compliance]`; the `keystone` preset when the server refuses to
    /// show it (a 403 under its default policy for some roles). Anything else is an error.
    async fn server_policy(
        &self,
        login: &IssueToken,
        token: SecretString,
    ) -> Result<KeystonePolicy> {
        let domain_id = login
            .user
            .domain
            .as_ref()
            .and_then(|domain| domain.id.clone())
            .unwrap_or_else(default_domain);
        let read = Operation::KeystoneGetPasswordPolicy(GetPasswordPolicy {
            base_url: login.base_url.clone(),
            token,
            domain_id,
        });
        Ok(match self.execute(&read).await {
            Ok(Outcome::Policy { policy }) => KeystonePolicy {
                policy: Policy::new(policy)?,
                source: PolicySource::Server,
            },
            Err(Error::Server(_)) => KeystonePolicy {
                policy: Policy::preset("keystone", &serde_json::json!({}))?,
                source: PolicySource::Preset,
            },
            Err(e) => return Err(e),
            Ok(_) => {
                return Err(Error::invalid_argument(
                    "login",
                    "the policy read returned no policy",
                ));
            }
        })
    }
}

/// A login refused with the password the change names as current: the current password is
/// wrong, as Keystone's own change call would say (`invalid_current_password`, not
/// `authentication_failed`).
pub fn current_password_refused(err: Error) -> Error {
    match err {
        Error::Server(mut e) if e.code == crate::error::ServerErrorCode::AuthenticationFailed => {
            e.code = crate::error::ServerErrorCode::InvalidCurrentPassword;
            Error::Server(e)
        }
        other => other,
    }
}
