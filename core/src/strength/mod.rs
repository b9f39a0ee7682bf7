//! A zxcvbn-compatible strength estimate: a port of zxcvbn 4.4.2 (the npm package, and
//! zxcvbn4j that OpenSearch runs), giving the same score, guesses and match sequence. The
//! estimator is the `chpass-strength` crate; this module gives it chpass's error codes.
//!
//! ```
//! # fn main() -> chpass::Result<()> {
//! let weak = chpass::strength::estimate("password1", &[])?;
//! assert_eq!(weak.score, 0);
//! let strong = chpass::strength::estimate("correct horse battery staple", &[])?;
//! assert_eq!(strong.score, 4);
//! # Ok(())
//! # }
//! ```
//!
//! The estimate needs zxcvbn's dictionaries: compiled in with the `strength-dictionaries`
//! feature (the default), else installed once at run time with [`install_dictionaries`]. A web
//! meter may install lists with coarse ranks instead ([`install_coarse_dictionaries`]): they
//! serve estimates, never a policy's strength rule, whose verdict must be the server's.

use crate::error::{Error, Result};
use crate::i18n::Locale;
use chpass_strength::DictionariesError;

pub use crate::policy::StrengthVerdict;
use chpass_strength::estimate_with;
pub use chpass_strength::{
    Advice, CrackTimes, Dictionaries, Feedback, MAX_ANALYSED_UNITS, Pattern, Strength,
    StrengthMatch, current_year, display_time, units_to_pass,
};
mod coarse;

#[cfg(feature = "strength-dictionaries")]
pub use chpass_strength::dictionaries_text;
pub use coarse::COARSE_BASE;

/// zxcvbn(password, user_inputs), with this year as the reference for dates. Fails only with
/// `strength_dictionaries_not_loaded` (see the module's documentation).
///
/// ```
/// # #[cfg(feature = "strength-dictionaries")] {
/// let estimate = chpass::strength::estimate("Tr0ub4dour&3", &[])?;
/// assert_eq!(estimate.score, 2);
/// assert_eq!(chpass::strength::estimate("jsmith1987", &["jsmith"])?.score, 1);
/// # }
/// # Ok::<(), chpass::Error>(())
/// ```
pub fn estimate(password: &str, user_inputs: &[&str]) -> Result<Strength> {
    chpass_strength::estimate(password, user_inputs).map_err(into_error)
}

/// The same with a fixed reference year (zxcvbn uses the current one), for reproducible tests.
pub fn estimate_in_year(
    password: &str,
    user_inputs: &[&str],
    reference_year: i64,
) -> Result<Strength> {
    chpass_strength::estimate_in_year(password, user_inputs, reference_year).map_err(into_error)
}

/// Hands the dictionaries to a build without `strength-dictionaries` (the npm package's
/// `loadStrength()` does this); the first dictionaries loaded stay. A text not in the
/// [`dictionaries_text`] form is `invalid_argument`.
pub fn install_dictionaries(text: String) -> Result<()> {
    chpass_strength::install_dictionaries(text).map_err(into_error)
}

/// Installs zxcvbn's lists with coarse ranks (the [`coarse_dictionaries_text`] form; the npm
/// package's `chpass/meter` does this): estimates use them until exact lists are installed.
/// A policy's strength rule does not: it stays `strength_dictionaries_not_loaded`. A text in
/// another form is `invalid_argument`.
pub fn install_coarse_dictionaries(text: &str) -> Result<()> {
    if chpass_strength::dictionaries().is_ok() {
        return Ok(()); // exact lists, or the first coarse ones, stay: no need to decode
    }
    chpass_strength::install_coarse_ranked_dictionaries(coarse::decode(text)?).map_err(into_error)
}

/// zxcvbn's lists in the form [`install_coarse_dictionaries`] takes, with rank buckets of ratio
/// `base` ([`COARSE_BASE`] for the npm package's `meter-data.js`).
#[cfg(feature = "strength-dictionaries")]
pub fn coarse_dictionaries_text(base: f64) -> String {
    coarse::encode(chpass_strength::dictionary_lists(), base)
}

/// What a policy's strength rule needs (the npm package's strength module hands this to its
/// main module): from exact ranks only.
pub fn verdict(password: &str, user_inputs: &[&str]) -> Result<StrengthVerdict> {
    Ok(verdict_with(dictionaries()?, password, user_inputs))
}

fn verdict_of(strength: &Strength) -> StrengthVerdict {
    StrengthVerdict {
        score: strength.score,
        guesses_log10: strength.guesses_log10,
        matches_user_input: strength.matches_user_input(),
    }
}

pub(crate) fn verdict_with(
    dictionaries: &Dictionaries,
    password: &str,
    user_inputs: &[&str],
) -> StrengthVerdict {
    verdict_of(&estimate_with(
        dictionaries,
        password,
        user_inputs,
        current_year(),
    ))
}

/// The feedback's warning and suggestions in `locale`'s language (`feedback.<code>` of its
/// catalog); the codes stay.
pub fn localize(feedback: &mut Feedback, locale: &Locale) {
    if locale.is_english() {
        return; // zxcvbn's own sentences, which the English catalog repeats
    }
    for advice in feedback.warning.iter_mut().chain(&mut feedback.suggestions) {
        if let Some(text) = locale.text(&format!("feedback.{}", advice.code)) {
            advice.message = text;
        }
    }
}

/// `strength()`'s options in the bindings: a reference year for dates (zxcvbn uses this
/// year) and the language of the feedback.
#[derive(Debug, Default, Clone)]
pub struct StrengthOptions {
    /// The year dates are measured from (zxcvbn uses the current one).
    pub reference_year: Option<i64>,
    /// The language of the feedback, a BCP 47 or POSIX tag (English by default).
    pub locale: Option<String>,
}

/// [`estimate_in_year`] with the bindings' options, the feedback in their locale.
pub fn estimate_with_options(
    password: &str,
    user_inputs: &[&str],
    options: &StrengthOptions,
) -> Result<Strength> {
    let locale = match &options.locale {
        Some(tag) => Locale::resolve(tag)?,
        None => Locale::english(),
    };
    let year = options.reference_year.unwrap_or_else(current_year);
    let mut strength = estimate_in_year(password, user_inputs, year)?;
    localize(&mut strength.feedback, &locale);
    Ok(strength)
}

/// The loaded dictionaries, for a policy to keep: exact ranks only, since a policy's verdict
/// must be the server's (OpenSearch scores with zxcvbn4j's exact lists).
pub(crate) fn dictionaries() -> Result<&'static Dictionaries> {
    chpass_strength::exact_dictionaries().map_err(into_error)
}

fn into_error(err: DictionariesError) -> Error {
    match err {
        DictionariesError::NotLoaded => Error::StrengthDictionariesNotLoaded,
        DictionariesError::Malformed(_) => Error::invalid_argument("dictionaries", err.to_string()),
    }
}

/// A build without compiled-in dictionaries (the npm package's): policies with a strength rule
/// wait for them too.
#[cfg(all(test, not(feature = "strength-dictionaries")))]
mod tests {
    use super::*;

    #[test]
    fn a_strength_rule_needs_the_dictionaries_loaded() {
        let opensearch = || crate::Policy::preset("opensearch", &serde_json::json!({}));
        let code = opensearch().err().map(|e| e.code());
        assert_eq!(code, Some("strength_dictionaries_not_loaded"));
        let code = estimate("password", &[]).err().map(|e| e.code());
        assert_eq!(code, Some("strength_dictionaries_not_loaded"));
        let code = install_dictionaries("# passwords\nx\n".into())
            .err()
            .map(|e| e.code());
        assert_eq!(code, Some("invalid_argument"));
        // a meter's coarse lists serve estimates, never a policy's rule
        let coarse: String = chpass_strength::DICTIONARIES
            .iter()
            .map(|name| format!("# {name} 1\n0dragon\n!\n"))
            .collect();
        install_coarse_dictionaries(&format!("{}{coarse}", coarse::HEADER)).unwrap();
        assert_eq!(estimate("dragon", &[]).unwrap().sequence.len(), 1);
        let code = opensearch().err().map(|e| e.code());
        assert_eq!(code, Some("strength_dictionaries_not_loaded"));
        let code = verdict("dragon", &[]).err().map(|e| e.code());
        assert_eq!(code, Some("strength_dictionaries_not_loaded"));
        let lists: String = chpass_strength::DICTIONARIES
            .iter()
            .map(|name| format!("# {name}\nqwertyuiop\n"))
            .collect();
        install_dictionaries(lists).unwrap();
        assert!(opensearch().is_ok());
        assert!(verdict("dragon", &[]).is_ok());
        assert_eq!(estimate("qwertyuiop", &[]).unwrap().sequence.len(), 1);
    }
}
