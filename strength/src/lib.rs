#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod data;
mod feedback;
mod matching;
mod scoring;

pub use data::{
    DICTIONARIES, Dictionaries, DictionariesError, dictionaries, exact_dictionaries,
    install_coarse_ranked_dictionaries, install_dictionaries,
};
#[cfg(feature = "dictionaries")]
pub use data::{dictionaries_text, dictionary_lists};
pub use feedback::{Advice, CrackTimes, Feedback, display_time};

use matching::{Inputs, Kind, Matcher, dictionary_name};
use serde::Serialize;

/// How many leading UTF-16 units are scored: the whole password, as zxcvbn and zxcvbn4j score
/// it, up to 4,096 units (Keystone's own `max_password_length` is 4,096 bytes; OpenSearch refuses
/// more than 100 units before its score rule). zxcvbn's search grows faster than linearly; this
/// port keeps any estimate within 10 ms per 100 units (`bench/worst.mjs`), and a longer paste
/// costs what 4,096 units do.
pub const MAX_ANALYSED_UNITS: usize = 4096;

/// How many leading UTF-16 units of a text of `len` units to hand to [`estimate`]: the analysed
/// ones, plus the low half of a surrogate pair the cut would split, so the piece stays valid
/// text. A binding copies that much of a 1 MiB paste instead of all of it.
pub fn units_to_pass(len: usize, unit_at: impl Fn(usize) -> u16) -> usize {
    if len <= MAX_ANALYSED_UNITS {
        return len;
    }
    let last = unit_at(MAX_ANALYSED_UNITS - 1);
    MAX_ANALYSED_UNITS + usize::from((0xD800..0xDC00).contains(&last))
}

/// The estimate, with the match sequence zxcvbn found (positions in UTF-16 units, no tokens:
/// they are pieces of the password).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Strength {
    /// 0 (too guessable) to 4 (very unguessable).
    #[cfg_attr(feature = "schema", schemars(range(max = 4)))]
    pub score: u8,
    /// zxcvbn's estimate of the guesses an attacker needs.
    pub guesses: f64,
    /// log10 of `guesses`.
    pub guesses_log10: f64,
    /// The matches of the most guessable sequence, in order, covering the password.
    pub sequence: Vec<StrengthMatch>,
    /// Seconds to crack at zxcvbn's four attack speeds.
    pub crack_times_seconds: CrackTimes,
    /// zxcvbn's warning and suggestions, each with a stable code.
    pub feedback: Feedback,
}

/// One match of the sequence: its pattern, where it lies and what it costs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StrengthMatch {
    /// What kind of match it is.
    pub pattern: Pattern,
    /// The first UTF-16 unit of the match.
    pub i: usize,
    /// The last UTF-16 unit of the match (inclusive, as zxcvbn's `j`).
    pub j: usize,
    /// The guesses zxcvbn estimates for this match alone.
    pub guesses: f64,
    /// For a dictionary match, zxcvbn's list: `passwords`, `english_wikipedia`,
    /// `female_names`, `surnames`, `us_tv_and_film`, `male_names` or `user_inputs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "dictionary_name_schema"))]
    pub dictionary_name: Option<&'static str>,
}

/// zxcvbn's name for the kind of a match (its `pattern`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// A word of one of the dictionaries, maybe reversed or in l33t.
    Dictionary,
    /// A walk on a keyboard or keypad.
    Spatial,
    /// A repeated piece (`aaa`, `abcabc`).
    Repeat,
    /// A run of consecutive characters (`abcd`, `9753`).
    Sequence,
    /// A recent year.
    Regex,
    /// A date.
    Date,
    /// Anything else, guessed character by character.
    Bruteforce,
}

#[cfg(feature = "schema")]
fn dictionary_name_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = data::DICTIONARIES
        .into_iter()
        .chain(["user_inputs"])
        .collect();
    schemars::json_schema!({ "enum": names })
}

impl Strength {
    /// OpenSearch's rule 5: a dictionary match on the user inputs (the user name).
    pub fn matches_user_input(&self) -> bool {
        self.sequence
            .iter()
            .any(|m| m.dictionary_name == Some("user_inputs"))
    }
}

/// zxcvbn(password, user_inputs), with this year as the reference for dates. Fails only when
/// the dictionaries are not loaded (see the crate's documentation).
pub fn estimate(password: &str, user_inputs: &[&str]) -> Result<Strength, DictionariesError> {
    estimate_in_year(password, user_inputs, current_year())
}

/// The same with a fixed reference year (zxcvbn uses the current one), for reproducible tests.
pub fn estimate_in_year(
    password: &str,
    user_inputs: &[&str],
    reference_year: i64,
) -> Result<Strength, DictionariesError> {
    Ok(estimate_with(
        dictionaries()?,
        password,
        user_inputs,
        reference_year,
    ))
}

/// The estimate with dictionaries already at hand (a policy takes them when it is built).
pub fn estimate_with(
    dictionaries: &Dictionaries,
    password: &str,
    user_inputs: &[&str],
    reference_year: i64,
) -> Strength {
    let units: Vec<u16> = password.encode_utf16().take(MAX_ANALYSED_UNITS).collect();
    let inputs = Inputs::new(user_inputs);
    let matcher = Matcher {
        dictionaries,
        inputs: &inputs,
        reference_year,
    };
    let matches = matcher.omnimatch(&units);
    let analysis = scoring::most_guessable(&units, matches, reference_year);
    let score = scoring::score(analysis.guesses);
    Strength {
        score,
        crack_times_seconds: CrackTimes::of(analysis.guesses),
        feedback: feedback::feedback(score, &analysis.sequence, &units),
        guesses: analysis.guesses,
        guesses_log10: analysis.guesses.log10(),
        sequence: analysis
            .sequence
            .iter()
            .map(|m| StrengthMatch {
                pattern: match m.kind {
                    Kind::Dictionary { .. } => Pattern::Dictionary,
                    Kind::Spatial { .. } => Pattern::Spatial,
                    Kind::Repeat { .. } => Pattern::Repeat,
                    Kind::Sequence { .. } => Pattern::Sequence,
                    Kind::Year { .. } => Pattern::Regex,
                    Kind::Date { .. } => Pattern::Date,
                    Kind::Bruteforce => Pattern::Bruteforce,
                },
                i: m.i,
                j: m.j,
                guesses: m.guesses.unwrap_or(0.0),
                dictionary_name: match m.kind {
                    Kind::Dictionary { dictionary, .. } => Some(dictionary_name(dictionary)),
                    _ => None,
                },
            })
            .collect(),
    }
}

/// The current year, which zxcvbn takes as the reference for dates and years.
pub fn current_year() -> i64 {
    year_of_days(days_since_epoch())
}

#[cfg(not(target_arch = "wasm32"))]
fn days_since_epoch() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

#[cfg(target_arch = "wasm32")]
fn days_since_epoch() -> i64 {
    (js_sys::Date::now() / 86_400_000.0) as i64
}

/// The proleptic Gregorian year of a day count from 1970-01-01 (H. Hinnant's civil_from_days).
fn year_of_days(days: i64) -> i64 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_after_the_analysed_units_never_inside_a_pair() {
        let units = |text: &str| text.encode_utf16().collect::<Vec<u16>>();
        let cut = |text: &str| {
            let u = units(text);
            units_to_pass(u.len(), |i| u[i])
        };
        assert_eq!(cut("short"), 5);
        assert_eq!(cut(&"a".repeat(1 << 20)), MAX_ANALYSED_UNITS);
        assert_eq!(cut(&"😀".repeat(2048)), 4096);
        assert_eq!(
            cut(&format!("a{}", "😀".repeat(2048))),
            4097,
            "unit 4,096 is a high surrogate"
        );
    }

    #[test]
    fn years() {
        assert_eq!(year_of_days(0), 1970);
        assert_eq!(year_of_days(20_818), 2026); // 2026-12-31
        assert_eq!(year_of_days(20_819), 2027);
    }

    #[test]
    #[cfg(feature = "dictionaries")]
    fn known_scores() {
        let year = 2026;
        for (password, score) in [
            ("", 0),
            ("password", 0),
            ("Tr0ub4dour&3", 2),
            ("correcthorsebatterystaple", 4),
            ("qwertyuiop", 0),
            ("aaaaaaaaaaaa", 0),
        ] {
            assert_eq!(
                estimate_in_year(password, &[], year).unwrap().score,
                score,
                "{password}"
            );
        }
        let similar = estimate_in_year("alice1234", &["Alice"], year).unwrap();
        assert!(similar.matches_user_input());
    }
}
