//! Messages in the user's language: violations, notices, strength feedback and the command's
//! own words, from one catalog per language (`core/locales/<tag>.json`, the same keys in each;
//! English is the fallback and the reference). A server's own message (Keystone's regex
//! description, OpenSearch's `validation_error_message`) is never translated.
//!
//! ```
//! use chpass::{Context, Policy, i18n::Locale};
//!
//! let policy = Policy::preset("nist-800-63b", &serde_json::json!({}))?;
//! let context = Context { locale: Locale::resolve("de_DE.UTF-8")?, ..Context::default() };
//! let report = policy.validate("kurz", &context);
//! assert_eq!(report.message_of(&report.violations[0]), "Muss mindestens 15 Zeichen lang sein.");
//! # Ok::<(), chpass::Error>(())
//! ```
//!
//! Natively every catalog is compiled in. The npm modules hold English only: a page imports
//! the catalog of its language (`import 'chpass/locales/de'`), which hands it to
//! [`install_catalog`]; a locale whose catalog was not installed is `locale_not_loaded`.

mod message;
mod plural;

use crate::error::{Error, Result};
use message::Message;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The languages with a catalog, as BCP 47 tags; `en` first.
pub const LANGUAGES: &[&str] = &[
    "en", "de", "es", "fr", "it", "ja", "nl", "pl", "pt-BR", "zh-CN",
];

/// A language with a catalog. `Copy`: it is a reference to the loaded catalog.
#[derive(Clone, Copy)]
pub struct Locale {
    catalog: &'static Catalog,
}

struct Catalog {
    tag: &'static str,
    /// The language's own name for itself (`Deutsch`).
    name: String,
    messages: HashMap<String, Message>,
}

impl Locale {
    /// English, the fallback.
    pub fn english() -> Locale {
        Locale {
            catalog: english_catalog(),
        }
    }

    /// The catalog for a BCP 47 tag (`de`, `pt-BR`) or a POSIX locale (`de_DE.UTF-8`), by its
    /// language: Portuguese is `pt-BR`, Chinese in simplified script `zh-CN`, and a language
    /// without a catalog (Traditional Chinese included) is English. Fails only in a build
    /// without compiled-in catalogs (npm), for a language whose catalog was not installed.
    pub fn resolve(tag: &str) -> Result<Locale> {
        let Some(tag) = catalog_tag(tag) else {
            return Ok(Locale::english());
        };
        catalog(tag)
            .map(|catalog| Locale { catalog })
            .ok_or_else(|| Error::LocaleNotLoaded {
                locale: tag.to_string(),
            })
    }

    /// The command's language, as gettext chooses it: `LC_ALL`, else `LC_MESSAGES`, else `LANG`;
    /// unless that is `C` or `POSIX`, the first language of `LANGUAGE` with a catalog comes
    /// first. English when none has one.
    pub fn from_env() -> Locale {
        Locale::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Locale::from_env`] with the variables read by `var` (a test's, or a command's own).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Locale {
        let var = |name| var(name).filter(|v| !v.is_empty());
        let posix = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"));
        let plain = posix
            .as_deref()
            .is_none_or(|p| matches!(p.split('.').next(), Some("C" | "POSIX")));
        let language = if plain { None } else { var("LANGUAGE") };
        language
            .iter()
            .flat_map(|list| list.split(':'))
            .chain(posix.as_deref())
            .find_map(|tag| catalog_tag(tag).and_then(|t| Locale::resolve(t).ok()))
            .unwrap_or_else(Locale::english)
    }

    /// Its BCP 47 tag, one of [`LANGUAGES`].
    pub fn tag(&self) -> &'static str {
        self.catalog.tag
    }

    /// The language's name for itself.
    pub fn name(&self) -> &str {
        &self.catalog.name
    }

    pub fn is_english(&self) -> bool {
        self.tag() == "en"
    }

    /// The message `key` with `params` in place, from this catalog or else English's.
    pub fn message(&self, key: &str, params: &Map<String, Value>) -> String {
        let (catalog, message) = self.lookup(key);
        let tag = catalog.tag;
        message.map_or_else(
            || key.to_string(),
            |m| m.format(params, &|n| plural::category(tag, n)),
        )
    }

    /// A message without arguments, borrowed from the catalog (strength feedback).
    pub fn text(&self, key: &str) -> Option<&'static str> {
        self.lookup(key).1.and_then(Message::as_text)
    }

    fn lookup(&self, key: &str) -> (&'static Catalog, Option<&'static Message>) {
        match self.catalog.messages.get(key) {
            Some(message) => (self.catalog, Some(message)),
            None => {
                let english = english_catalog();
                (english, english.messages.get(key))
            }
        }
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::english()
    }
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Locale").field(&self.tag()).finish()
    }
}

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.tag() == other.tag()
    }
}

impl Eq for Locale {}

/// The catalog tag for a BCP 47 or POSIX locale, by its language; `None` without a catalog.
fn catalog_tag(tag: &str) -> Option<&'static str> {
    // `de_DE.UTF-8@euro` -> `de-DE`
    let tag = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    let mut subtags = tag.split('-');
    let language = subtags.next()?.to_ascii_lowercase();
    let rest: Vec<String> = subtags.map(str::to_ascii_lowercase).collect();
    match language.as_str() {
        "pt" => Some("pt-BR"),
        "zh" => {
            let traditional = rest
                .iter()
                .any(|s| matches!(s.as_str(), "hant" | "tw" | "hk" | "mo"));
            (!traditional).then_some("zh-CN")
        }
        language => LANGUAGES.iter().copied().find(|&t| t == language),
    }
}

/// Installs a catalog (a `core/locales/<tag>.json` text); the npm package's `chpass/locales/<tag>`
/// modules call it. Installing a language again keeps the first.
pub fn install_catalog(text: &str) -> Result<()> {
    let catalog = parse_catalog(text).map_err(|reason| Error::InvalidArgument {
        argument: "catalog",
        reason,
        params: Map::new(),
    })?;
    let mut installed = installed().lock().unwrap_or_else(|e| e.into_inner());
    if !installed.iter().any(|c| c.tag == catalog.tag) {
        installed.push(Box::leak(Box::new(catalog)));
    }
    Ok(())
}

fn installed() -> &'static Mutex<Vec<&'static Catalog>> {
    static INSTALLED: Mutex<Vec<&'static Catalog>> = Mutex::new(Vec::new());
    &INSTALLED
}

fn parse_catalog(text: &str) -> std::result::Result<Catalog, String> {
    let mut doc: Map<String, Value> =
        serde_json::from_str(text).map_err(|e| format!("not a catalog: {e}"))?;
    let tag = doc.get("tag").and_then(Value::as_str).unwrap_or_default();
    let tag = LANGUAGES
        .iter()
        .copied()
        .find(|&t| t == tag)
        .ok_or_else(|| format!("{tag:?} is not one of {}", LANGUAGES.join(", ")))?;
    let name = doc
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or(tag)
        .to_string();
    let Some(Value::Object(entries)) = doc.remove("messages") else {
        return Err("a catalog has an object \"messages\"".into());
    };
    let mut messages = HashMap::with_capacity(entries.len());
    for (key, text) in entries {
        let text = text
            .as_str()
            .ok_or_else(|| format!("{key}: not a string"))?;
        let message = Message::parse(text).map_err(|e| format!("{tag} {key}: {e}"))?;
        messages.insert(key, message);
    }
    Ok(Catalog {
        tag,
        name,
        messages,
    })
}

/// A catalog compiled into this build, parsed once.
fn embedded(tag: &'static str, text: &'static str) -> &'static Catalog {
    static PARSED: OnceLock<Mutex<Vec<&'static Catalog>>> = OnceLock::new();
    let mut parsed = PARSED
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(catalog) = parsed.iter().find(|c| c.tag == tag) {
        return catalog;
    }
    // the catalogs are checked by tests (`i18n` in core/tests), so this parse cannot fail
    let catalog: &'static Catalog =
        Box::leak(Box::new(parse_catalog(text).unwrap_or_else(|_| Catalog {
            tag,
            name: tag.to_string(),
            messages: HashMap::new(),
        })));
    parsed.push(catalog);
    catalog
}

fn english_catalog() -> &'static Catalog {
    embedded("en", include_str!("../../locales/en.json"))
}

#[cfg(not(target_arch = "wasm32"))]
fn catalog(tag: &'static str) -> Option<&'static Catalog> {
    let text = match tag {
        "en" => return Some(english_catalog()),
        "de" => include_str!("../../locales/de.json"),
        "es" => include_str!("../../locales/es.json"),
        "fr" => include_str!("../../locales/fr.json"),
        "it" => include_str!("../../locales/it.json"),
        "ja" => include_str!("../../locales/ja.json"),
        "nl" => include_str!("../../locales/nl.json"),
        "pl" => include_str!("../../locales/pl.json"),
        "pt-BR" => include_str!("../../locales/pt-BR.json"),
        "zh-CN" => include_str!("../../locales/zh-CN.json"),
        _ => return None,
    };
    Some(embedded(tag, text))
}

/// The npm modules hold English only; other catalogs are installed by the page.
#[cfg(target_arch = "wasm32")]
fn catalog(tag: &'static str) -> Option<&'static Catalog> {
    if tag == "en" {
        return Some(english_catalog());
    }
    let installed = installed().lock().unwrap_or_else(|e| e.into_inner());
    installed.iter().copied().find(|c| c.tag == tag)
}

/// Every key of every catalog and the arguments of its message, for the tests that hold the
/// catalogs to English's keys and arguments.
#[doc(hidden)]
pub fn catalog_arguments(tag: &str) -> Option<HashMap<String, Vec<String>>> {
    let tag = LANGUAGES.iter().copied().find(|&t| t == tag)?;
    let catalog = catalog(tag)?;
    Some(
        catalog
            .messages
            .iter()
            .map(|(k, m)| {
                (
                    k.clone(),
                    m.arguments().into_iter().map(String::from).collect(),
                )
            })
            .collect(),
    )
}

/// Checks a catalog text as [`install_catalog`] would, without installing it.
#[doc(hidden)]
pub fn check_catalog(text: &str) -> std::result::Result<(), String> {
    parse_catalog(text).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_resolve_by_language() {
        for (given, expected) in [
            ("de", Some("de")),
            ("de_DE.UTF-8", Some("de")),
            ("de-AT", Some("de")),
            ("DE", Some("de")),
            ("pt", Some("pt-BR")),
            ("pt_PT", Some("pt-BR")),
            ("zh", Some("zh-CN")),
            ("zh-Hans-SG", Some("zh-CN")),
            ("zh_TW.UTF-8", None),
            ("zh-Hant", None),
            ("ja_JP.eucJP", Some("ja")),
            ("fr_FR@euro", Some("fr")),
            ("C", None),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("sv-SE", None),
            ("", None),
        ] {
            assert_eq!(catalog_tag(given), expected, "{given}");
        }
        assert_eq!(Locale::resolve("sv").unwrap().tag(), "en");
        let env = |vars: &'static [(&'static str, &'static str)]| {
            Locale::from_vars(move |name| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            })
            .tag()
        };
        assert_eq!(env(&[("LANG", "de_DE.UTF-8")]), "de");
        assert_eq!(
            env(&[("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "fr_FR")]),
            "fr"
        );
        assert_eq!(env(&[("LC_ALL", "ja_JP"), ("LC_MESSAGES", "fr_FR")]), "ja");
        assert_eq!(env(&[("LANG", "de_DE"), ("LANGUAGE", "sv:pl:de")]), "pl");
        // gettext ignores LANGUAGE under the C locale
        assert_eq!(env(&[("LANG", "C.UTF-8"), ("LANGUAGE", "de")]), "en");
        assert_eq!(env(&[("LANG", "sv_SE")]), "en");
        assert_eq!(env(&[]), "en");
        assert_eq!(Locale::resolve("pl-PL").unwrap().tag(), "pl");
    }
}
