//! Composition rules: how many lowercase, uppercase, digit and symbol characters.

use super::report::{Report, Violation};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Minimum counts per class (0 = no rule), and how many of the four classes must appear.
/// Classes follow Unicode: lowercase and uppercase letters, numeric characters, and
/// everything else that is not a letter or a number (space, punctuation, emoji) as a symbol.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CharacterClasses {
    /// At least this many lowercase letters.
    #[serde(default)]
    pub lowercase: usize,
    /// At least this many uppercase letters.
    #[serde(default)]
    pub uppercase: usize,
    /// At least this many digits (Unicode numeric characters).
    #[serde(default)]
    pub digit: usize,
    /// At least this many symbols (anything not a letter or a number).
    #[serde(default)]
    pub symbol: usize,
    /// At least this many of the four classes, 0–4.
    #[serde(default)]
    pub min_classes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    Lowercase,
    Uppercase,
    Digit,
    Symbol,
}

impl CharClass {
    /// The class a character counts for; letters without case (CJK, …) count for none.
    pub(crate) fn of(c: char) -> Option<CharClass> {
        if c.is_lowercase() {
            Some(CharClass::Lowercase)
        } else if c.is_uppercase() {
            Some(CharClass::Uppercase)
        } else if c.is_numeric() {
            Some(CharClass::Digit)
        } else if !c.is_alphabetic() {
            Some(CharClass::Symbol)
        } else {
            None
        }
    }
}

#[derive(Default)]
struct Counts {
    lowercase: usize,
    uppercase: usize,
    digit: usize,
    symbol: usize,
}

impl Counts {
    fn of(password: &str) -> Self {
        let mut counts = Counts::default();
        for c in password.chars() {
            match CharClass::of(c) {
                Some(CharClass::Lowercase) => counts.lowercase += 1,
                Some(CharClass::Uppercase) => counts.uppercase += 1,
                Some(CharClass::Digit) => counts.digit += 1,
                Some(CharClass::Symbol) => counts.symbol += 1,
                None => {}
            }
        }
        counts
    }

    fn classes(&self) -> usize {
        [self.lowercase, self.uppercase, self.digit, self.symbol]
            .iter()
            .filter(|&&n| n > 0)
            .count()
    }
}

impl CharacterClasses {
    pub(crate) fn check_spec(&self) -> Result<()> {
        if self.min_classes > 4 {
            return Err(Error::invalid_policy(
                "character_classes.min_classes",
                "there are only 4 classes",
            ));
        }
        Ok(())
    }

    pub(crate) fn check(&self, password: &str, report: &mut Report) {
        let counts = Counts::of(password);
        let rules = [
            (CharClass::Lowercase, self.lowercase, counts.lowercase),
            (CharClass::Uppercase, self.uppercase, counts.uppercase),
            (CharClass::Digit, self.digit, counts.digit),
            (CharClass::Symbol, self.symbol, counts.symbol),
        ];
        for (class, min, actual) in rules {
            if actual < min {
                report.push(Violation::MissingClass { class, min, actual });
            }
        }
        let actual = counts.classes();
        if actual < self.min_classes {
            report.push(Violation::TooFewCharacterClasses {
                min: self.min_classes,
                actual,
            });
        }
    }
}
