//! zxcvbn's feedback (feedback.coffee of 4.4.2) and crack-time estimates (time_estimates.coffee),
//! with a stable code beside each English sentence so applications can translate.

use super::matching::{Kind, Match};
use serde::Serialize;

/// A warning or suggestion of zxcvbn's feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Advice {
    /// A stable name for it (`top10_common_password`, `add_another_word`, …), to translate by.
    pub code: &'static str,
    /// zxcvbn's English sentence.
    pub message: &'static str,
}

const fn advice(code: &'static str, message: &'static str) -> Advice {
    Advice { code, message }
}

/// zxcvbn's feedback: what is weak about the password and how to make it stronger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Feedback {
    /// zxcvbn's warning, or `None` where it gives the empty string.
    pub warning: Option<Advice>,
    /// zxcvbn's suggestions, in its order.
    pub suggestions: Vec<Advice>,
}

pub(crate) fn feedback(score: u8, sequence: &[Match], password: &[u16]) -> Feedback {
    if sequence.is_empty() {
        return Feedback {
            warning: None,
            suggestions: vec![
                advice("use_a_few_words", "Use a few words, avoid common phrases"),
                advice(
                    "no_need_for_symbols",
                    "No need for symbols, digits, or uppercase letters",
                ),
            ],
        };
    }
    if score > 2 {
        return Feedback {
            warning: None,
            suggestions: Vec::new(),
        };
    }
    // the longest match (the first of equal length)
    let mut longest = &sequence[0];
    for m in &sequence[1..] {
        if m.j - m.i > longest.j - longest.i {
            longest = m;
        }
    }
    let extra = advice(
        "add_another_word",
        "Add another word or two. Uncommon words are better.",
    );
    match match_feedback(longest, sequence.len() == 1, password) {
        Some(mut feedback) => {
            feedback.suggestions.insert(0, extra);
            feedback
        }
        None => Feedback {
            warning: None,
            suggestions: vec![extra],
        },
    }
}

fn match_feedback(m: &Match, sole: bool, password: &[u16]) -> Option<Feedback> {
    let (warning, suggestions) = match &m.kind {
        Kind::Dictionary { .. } => return Some(dictionary_feedback(m, sole, password)),
        Kind::Spatial { turns, .. } => (
            if *turns == 1 {
                advice(
                    "straight_rows_of_keys",
                    "Straight rows of keys are easy to guess",
                )
            } else {
                advice(
                    "short_keyboard_patterns",
                    "Short keyboard patterns are easy to guess",
                )
            },
            vec![advice(
                "use_longer_keyboard_patterns",
                "Use a longer keyboard pattern with more turns",
            )],
        ),
        Kind::Repeat { repeat_count, .. } => {
            let base_len = ((m.j - m.i + 1) as f64 / repeat_count).round() as usize;
            (
                if base_len == 1 {
                    advice(
                        "repeated_characters",
                        "Repeats like \"aaa\" are easy to guess",
                    )
                } else {
                    advice(
                        "repeated_patterns",
                        "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"",
                    )
                },
                vec![advice(
                    "avoid_repeats",
                    "Avoid repeated words and characters",
                )],
            )
        }
        Kind::Sequence { .. } => (
            advice("sequences", "Sequences like abc or 6543 are easy to guess"),
            vec![advice("avoid_sequences", "Avoid sequences")],
        ),
        Kind::Year { .. } => (
            advice("recent_years", "Recent years are easy to guess"),
            vec![
                advice("avoid_recent_years", "Avoid recent years"),
                advice(
                    "avoid_associated_years",
                    "Avoid years that are associated with you",
                ),
            ],
        ),
        Kind::Date { .. } => (
            advice("dates", "Dates are often easy to guess"),
            vec![advice(
                "avoid_associated_dates",
                "Avoid dates and years that are associated with you",
            )],
        ),
        Kind::Bruteforce => return None,
    };
    Some(Feedback {
        warning: Some(warning),
        suggestions,
    })
}

fn dictionary_feedback(m: &Match, sole: bool, password: &[u16]) -> Feedback {
    let Kind::Dictionary {
        dictionary,
        rank,
        reversed,
        sub,
    } = &m.kind
    else {
        return Feedback {
            warning: None,
            suggestions: Vec::new(),
        };
    };
    let l33t = sub.is_some();
    let guesses_log10 = m.guesses.unwrap_or(0.0).log10();
    let warning = match super::matching::dictionary_name(*dictionary) {
        "passwords" if sole && !l33t && !reversed => Some(if *rank <= 10 {
            advice("top10_common_password", "This is a top-10 common password")
        } else if *rank <= 100 {
            advice(
                "top100_common_password",
                "This is a top-100 common password",
            )
        } else {
            advice("very_common_password", "This is a very common password")
        }),
        "passwords" if guesses_log10 <= 4.0 => Some(advice(
            "similar_to_common_password",
            "This is similar to a commonly used password",
        )),
        "english_wikipedia" if sole => Some(advice(
            "word_by_itself",
            "A word by itself is easy to guess",
        )),
        "surnames" | "male_names" | "female_names" => Some(if sole {
            advice(
                "names_by_themselves",
                "Names and surnames by themselves are easy to guess",
            )
        } else {
            advice(
                "common_names",
                "Common names and surnames are easy to guess",
            )
        }),
        _ => None,
    };
    let token = &password[m.i..=m.j];
    let upper = |c: &u16| (u16::from(b'A')..=u16::from(b'Z')).contains(c);
    let lower = |c: &u16| (u16::from(b'a')..=u16::from(b'z')).contains(c);
    let n = token.len();
    let start_upper = n >= 2 && upper(&token[0]) && !token[1..].iter().any(upper);
    let all_upper = !token.iter().any(lower);
    let mut suggestions = Vec::new();
    if start_upper {
        suggestions.push(advice(
            "capitalization",
            "Capitalization doesn't help very much",
        ));
    } else if all_upper && super::matching::lowercase(token) != token {
        suggestions.push(advice(
            "all_uppercase",
            "All-uppercase is almost as easy to guess as all-lowercase",
        ));
    }
    if *reversed && n >= 4 {
        suggestions.push(advice(
            "reversed_words",
            "Reversed words aren't much harder to guess",
        ));
    }
    if l33t {
        suggestions.push(advice(
            "l33t",
            "Predictable substitutions like '@' instead of 'a' don't help very much",
        ));
    }
    Feedback {
        warning,
        suggestions,
    }
}

/// Seconds to crack at zxcvbn's four attack speeds, and how zxcvbn says them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CrackTimes {
    /// An online attack throttled to 100 guesses an hour.
    pub online_throttling_100_per_hour: f64,
    /// An online attack with no throttling, 10 guesses a second.
    pub online_no_throttling_10_per_second: f64,
    /// An offline attack on a slow hash (bcrypt, argon2…), 10⁴ guesses a second.
    pub offline_slow_hashing_1e4_per_second: f64,
    /// An offline attack on a fast hash, 10¹⁰ guesses a second.
    pub offline_fast_hashing_1e10_per_second: f64,
}

impl CrackTimes {
    pub(crate) fn of(guesses: f64) -> Self {
        CrackTimes {
            online_throttling_100_per_hour: guesses / (100.0 / 3600.0),
            online_no_throttling_10_per_second: guesses / 10.0,
            offline_slow_hashing_1e4_per_second: guesses / 1e4,
            offline_fast_hashing_1e10_per_second: guesses / 1e10,
        }
    }
}

/// zxcvbn's `display_time`: "less than a second", "3 hours", "centuries".
pub fn display_time(seconds: f64) -> String {
    const MINUTE: f64 = 60.0;
    const HOUR: f64 = MINUTE * 60.0;
    const DAY: f64 = HOUR * 24.0;
    const MONTH: f64 = DAY * 31.0;
    const YEAR: f64 = MONTH * 12.0;
    const CENTURY: f64 = YEAR * 100.0;
    let (base, unit) = if seconds < 1.0 {
        return "less than a second".into();
    } else if seconds < MINUTE {
        (js_round(seconds), "second")
    } else if seconds < HOUR {
        (js_round(seconds / MINUTE), "minute")
    } else if seconds < DAY {
        (js_round(seconds / HOUR), "hour")
    } else if seconds < MONTH {
        (js_round(seconds / DAY), "day")
    } else if seconds < YEAR {
        (js_round(seconds / MONTH), "month")
    } else if seconds < CENTURY {
        (js_round(seconds / YEAR), "year")
    } else {
        return "centuries".into();
    };
    // a whole number from 1 to 100, written as an integer: the npm build then needs no
    // float formatting
    let base = base as u32;
    format!("{base} {unit}{}", if base == 1 { "" } else { "s" })
}

/// JavaScript's Math.round: halves go up.
fn js_round(x: f64) -> f64 {
    (x + 0.5).floor()
}
