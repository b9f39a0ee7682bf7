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

mod lines;
mod message;
mod plural;

use crate::error::{Error, Result};
use message::Message;
use serde_json::{Map, Value};
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

/// A catalog in its line form (lines.rs): the messages' text, sorted by key; each is parsed
/// when it is written (checked when the catalog was read).
struct Catalog {
    tag: &'static str,
    /// The language's own name for itself (`Deutsch`).
    name: &'static str,
    messages: Vec<(&'static str, &'static str)>,
}

impl Catalog {
    fn get(&self, key: &str) -> Option<&'static str> {
        let at = self
            .messages
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()?;
        Some(self.messages[at].1)
    }
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
    ///
    /// ```
    /// use chpass::i18n::Locale;
    ///
    /// assert_eq!(Locale::resolve("de_DE.UTF-8")?.tag(), "de");
    /// assert_eq!(Locale::resolve("pt")?.tag(), "pt-BR");
    /// assert!(Locale::resolve("sw")?.is_english());
    /// # Ok::<(), chpass::Error>(())
    /// ```
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
    pub fn name(&self) -> &'static str {
        self.catalog.name
    }

    /// Whether this is English, the language every build carries.
    pub fn is_english(&self) -> bool {
        self.tag() == "en"
    }

    /// The message `key` with `params` in place, from this catalog or else English's (the
    /// key itself when neither has it).
    pub fn message(&self, key: &str, params: &Map<String, Value>) -> String {
        let Some((tag, text)) = self.lookup(key) else {
            return key.to_string();
        };
        // checked when the catalog was read, so it parses
        Message::parse(text).map_or_else(
            |_| text.to_string(),
            |m| m.format(params, &|n| plural::category(tag, n)),
        )
    }

    /// A message without arguments, borrowed from the catalog (strength feedback).
    pub fn text(&self, key: &str) -> Option<&'static str> {
        // with no argument, a message is its text: the syntax has no escapes
        self.lookup(key)
            .map(|(_, text)| text)
            .filter(|text| !text.contains(['{', '}']))
    }

    fn lookup(&self, key: &str) -> Option<(&'static str, &'static str)> {
        let catalog = self.catalog;
        catalog
            .get(key)
            .map(|text| (catalog.tag, text))
            .or_else(|| english_catalog().get(key).map(|text| ("en", text)))
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

/// `tag` as the `&'static` entry of [`LANGUAGES`] it equals.
fn language(tag: &str) -> Option<&'static str> {
    LANGUAGES.iter().copied().find(|&t| t == tag)
}

/// The catalog tag for a BCP 47 or POSIX locale, by its language; `None` without a catalog.
fn catalog_tag(tag: &str) -> Option<&'static str> {
    // `de_DE.UTF-8@euro`: language `de`, then `DE`
    let tag = tag.split(['.', '@']).next().unwrap_or("");
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next()?;
    if language.eq_ignore_ascii_case("pt") {
        return Some("pt-BR");
    }
    if language.eq_ignore_ascii_case("zh") {
        let traditional = subtags.any(|s| {
            ["hant", "tw", "hk", "mo"]
                .iter()
                .any(|t| s.eq_ignore_ascii_case(t))
        });
        return (!traditional).then_some("zh-CN");
    }
    LANGUAGES
        .iter()
        .copied()
        .find(|t| t.eq_ignore_ascii_case(language))
}

/// Installs a catalog in its line form (what `chpass/locales/<tag>` modules hold; see
/// [`catalog_lines`]). Installing a language again keeps the first.
pub fn install_catalog(text: &str) -> Result<()> {
    let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
    let catalog = read_catalog(text).map_err(|reason| Error::InvalidArgument {
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

/// Reads a catalog's lines (lines.rs), checking its tag and every message.
fn read_catalog(text: &'static str) -> std::result::Result<Catalog, String> {
    let mut lines = text.lines();
    let (tag, name) = lines
        .next()
        .and_then(|first| first.split_once('\t'))
        .ok_or("a catalog starts with its tag and name")?;
    let tag =
        language(tag).ok_or_else(|| format!("{tag:?} is not one of {}", LANGUAGES.join(", ")))?;
    let mut messages: Vec<(&str, &str)> = Vec::new();
    for line in lines {
        let (key, text) = line
            .split_once('\t')
            .ok_or_else(|| format!("{tag}: {line:?} is not key<TAB>message"))?;
        Message::parse(text).map_err(|e| format!("{tag} {key}: {e}"))?;
        // written sorted (lines.rs), searched as it is
        if messages.last().is_some_and(|(last, _)| *last >= key) {
            return Err(format!("{tag}: {key} is out of order"));
        }
        messages.push((key, text));
    }
    Ok(Catalog {
        tag,
        name,
        messages,
    })
}

/// A catalog compiled into this build, read once.
fn embedded(tag: &'static str, text: &'static str) -> &'static Catalog {
    static READ: OnceLock<Mutex<Vec<&'static Catalog>>> = OnceLock::new();
    let mut read = READ
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(catalog) = read.iter().find(|c| c.tag == tag) {
        return catalog;
    }
    // the catalogs are checked by the build and the tests (core/tests/i18n.rs), so this read
    // cannot fail
    let catalog = read_catalog(text).unwrap_or(Catalog {
        tag,
        name: tag,
        messages: Vec::new(),
    });
    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
    read.push(catalog);
    catalog
}

macro_rules! catalog_text {
    ($tag:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/catalogs/", $tag, ".txt"))
    };
}

fn english_catalog() -> &'static Catalog {
    embedded("en", catalog_text!("en"))
}

#[cfg(not(target_arch = "wasm32"))]
fn catalog(tag: &'static str) -> Option<&'static Catalog> {
    let text = match tag {
        "en" => return Some(english_catalog()),
        "de" => catalog_text!("de"),
        "es" => catalog_text!("es"),
        "fr" => catalog_text!("fr"),
        "it" => catalog_text!("it"),
        "ja" => catalog_text!("ja"),
        "nl" => catalog_text!("nl"),
        "pl" => catalog_text!("pl"),
        "pt-BR" => catalog_text!("pt-BR"),
        "zh-CN" => catalog_text!("zh-CN"),
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

/// A `core/locales/<tag>.json` text in the line form [`install_catalog`] reads (the npm
/// package's `chpass/locales/<tag>` modules hold it).
pub fn catalog_lines(json: &str) -> Result<String> {
    let bad = |reason: String| Error::InvalidArgument {
        argument: "catalog",
        reason,
        params: Map::new(),
    };
    let doc: Value = serde_json::from_str(json).map_err(|e| bad(format!("not JSON: {e}")))?;
    let field = |name: &str| {
        doc[name]
            .as_str()
            .ok_or_else(|| bad(format!("no {name:?}")))
    };
    let (tag, name) = (field("tag")?, field("name")?);
    let messages = doc["messages"]
        .as_object()
        .ok_or_else(|| bad("no \"messages\" object".into()))?
        .iter()
        .map(|(k, v)| {
            Ok((
                k.clone(),
                v.as_str()
                    .ok_or_else(|| bad(format!("{k}: not text")))?
                    .to_owned(),
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    let lines = lines::to_lines(tag, name, &messages, |_| true).map_err(bad)?;
    read_catalog(Box::leak(lines.clone().into_boxed_str())).map_err(bad)?;
    Ok(lines)
}

/// Every key of a catalog with the arguments of its message, for the tests that hold the
/// catalogs to English's keys and arguments.
#[doc(hidden)]
pub fn catalog_arguments(tag: &str) -> Option<Vec<(String, Vec<String>)>> {
    let catalog = catalog(language(tag)?)?;
    let arguments =
        |text| Message::parse(text).map(|m| m.arguments().into_iter().map(String::from).collect());
    catalog
        .messages
        .iter()
        .map(|(k, text)| Some((k.to_string(), arguments(text).ok()?)))
        .collect()
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
