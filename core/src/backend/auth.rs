//! How a request authenticates (Elasticsearch and OpenSearch; Keystone uses tokens).

use crate::hash::encoding::PADDED;
use crate::secret::SecretString;
use serde::Deserialize;
use zeroize::Zeroizing;

/// How a request authenticates, sent as the `Authorization` header.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Auth {
    /// `Authorization: Basic base64(username:password)`.
    Basic {
        /// The user name.
        username: String,
        /// Its password.
        password: SecretString,
    },
    /// `Authorization: ApiKey <encoded>`, the base64 of `id:api_key` that Elasticsearch returns.
    ApiKey {
        /// The base64 of `id:api_key`, as Elasticsearch's create-API-key call returns it.
        encoded: SecretString,
    },
    /// `Authorization: Bearer <token>`.
    Bearer {
        /// The token.
        token: SecretString,
    },
}

impl Auth {
    pub(crate) fn header(&self) -> Zeroizing<String> {
        Zeroizing::new(match self {
            Auth::Basic { username, password } => {
                let pair = Zeroizing::new(format!("{username}:{}", password.expose()));
                // encoded straight into the header, which is wiped: no other copy
                let mut header = String::from("Basic ");
                PADDED.encode_to(pair.as_bytes(), &mut header);
                header
            }
            Auth::ApiKey { encoded } => format!("ApiKey {}", encoded.expose()),
            Auth::Bearer { token } => format!("Bearer {}", token.expose()),
        })
    }

    /// The credentials as secrets: each one given, and the header value that carries them.
    pub(crate) fn secrets(&self) -> Vec<Zeroizing<String>> {
        let header = self.header();
        let credentials = Zeroizing::new(header.split_once(' ').map_or("", |(_, c)| c).to_owned());
        let given = match self {
            Auth::Basic { password, .. } => password,
            Auth::ApiKey { encoded } => encoded,
            Auth::Bearer { token } => token,
        };
        vec![
            header,
            credentials,
            Zeroizing::new(given.expose().to_owned()),
        ]
    }

    /// The user this authenticates as, when the credentials say.
    pub(crate) fn username(&self) -> Option<&str> {
        match self {
            Auth::Basic { username, .. } => Some(username),
            _ => None,
        }
    }
}
