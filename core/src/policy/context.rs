//! What the validator knows about the user: words a password must not contain, and the
//! current password it must differ from.

use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::secret::SecretString;
use serde::Deserialize;

/// Context words shorter than this many characters are ignored: a two-letter user name
/// would otherwise forbid half the dictionary.
pub const MIN_CONTEXT_WORD_CHARS: usize = 3;

/// What the validator knows about the user: the words a password must not contain, the current
/// password, and the language of the messages. In JSON-shaped data an object with these keys, all
/// optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// The user name: a context word, and zxcvbn's user input for a strength rule.
    #[serde(default)]
    pub username: Option<String>,
    /// Only the local part (before the last `@`) is used as a context word.
    #[serde(default)]
    pub email: Option<String>,
    /// The service or organization name.
    #[serde(default)]
    pub service: Option<String>,
    /// Other words the password must not contain (at least three characters each).
    #[serde(default)]
    pub words: Vec<String>,
    /// The current password, for `differ_from_current`.
    #[serde(default)]
    pub current_password: Option<SecretString>,
    /// The language of the report's messages (English by default). In JSON-shaped data a
    /// BCP 47 or POSIX tag, `"locale": "de-DE"`, read by [`Locale::resolve`].
    #[serde(default, deserialize_with = "locale_of_tag")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub locale: Locale,
}

impl Context {
    /// Reads a context from JSON-shaped data; errors name the key.
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        if value.is_null() {
            return Ok(Self::default());
        }
        if !value.is_object() {
            return Err(Error::InvalidArgument {
                argument: "context",
                reason: "a context is an object".into(),
                params: serde_json::Map::new(),
            });
        }
        // resolved here first for its own error (`locale_not_loaded` in the npm modules);
        // the field's reader then resolves it again, and cannot fail
        if let Some(serde_json::Value::String(tag)) = value.get("locale") {
            Locale::resolve(tag)?;
        }
        crate::json::argument("context", value)
    }

    /// The context words, lowercased, in the order username, email, service, words.
    pub(crate) fn words(&self) -> impl Iterator<Item = String> + '_ {
        let email_local = self
            .email
            .as_deref()
            .map(|email| email.rsplit_once('@').map_or(email, |(local, _)| local));
        self.username
            .as_deref()
            .into_iter()
            .chain(email_local)
            .chain(self.service.as_deref())
            .chain(self.words.iter().map(String::as_str))
            .filter(|w| w.chars().count() >= MIN_CONTEXT_WORD_CHARS)
            .map(str::to_lowercase)
    }
}

/// `"locale": "de-DE"` (or null) as a [`Locale`].
fn locale_of_tag<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Locale, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(tag) => Locale::resolve(&tag).map_err(serde::de::Error::custom),
        None => Ok(Locale::english()),
    }
}
