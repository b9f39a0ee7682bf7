//! Random passwords guaranteed to pass a policy, like `elasticsearch-reset-password`'s.
//!
//! Every character (or word) is drawn uniformly from the OS CSPRNG without modulo bias; a
//! candidate that breaks the policy is thrown away and drawn again, so the result is uniform
//! over the passwords of that length that pass. `entropy_bits` is log2 of how many strings of
//! that length and alphabet meet the length and composition rules; the other rules (blocklist,
//! pattern, context words) reject a vanishing share and are not subtracted.
//!
//! ```
//! use chpass::{Context, Policy, generate::{GenerateOptions, generate}};
//!
//! let policy = Policy::preset("owasp-asvs-5-l2", &serde_json::json!({})).unwrap();
//! let generated = generate(&policy, &Context::default(), &GenerateOptions::default()).unwrap();
//! assert!(policy.validate(generated.password.expose(), &Context::default()).ok());
//! assert!(generated.entropy_bits > 100.0);
//! ```

mod count;
mod wordlist;

use crate::error::{Error, Result};
use crate::policy::{CharClass, Context, LengthUnit, Policy, Report};
use crate::random::Rng;
use crate::secret::SecretString;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

pub use wordlist::{install_word_list, words};

/// The characters `elasticsearch-reset-password` draws from: digits, letters and 14 symbols.
pub const DEFAULT_ALPHABET: &str =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ~!@#$%^&*-_=+?";
/// The length of a generated password, unless the policy needs another.
pub const DEFAULT_LENGTH: usize = 20;
/// The words of a generated passphrase (77 bits), unless the policy's minimum length needs more.
pub const DEFAULT_WORDS: usize = 6;
/// Longer passwords are not generated (the entropy is exact up to this length).
pub const MAX_LENGTH: usize = 256;
const MAX_ATTEMPTS: usize = 1000;

/// What a generated password is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Characters drawn from an alphabet.
    #[default]
    Characters,
    /// Words from the EFF large word list (7,776 words, 12.9 bits each).
    Passphrase,
}

/// How to generate; in JSON-shaped data an object with these keys, all optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct GenerateOptions {
    /// Characters or a passphrase.
    pub mode: Mode,
    /// Characters: 20, or the policy's minimum if larger, or its maximum if smaller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<usize>,
    /// Characters to draw from (each counted once); Elasticsearch's 76 by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alphabet: Option<String>,
    /// Passphrase: 6 words, or more if the policy's minimum length needs them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<usize>,
    /// Passphrase: what goes between words.
    pub separator: String,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            mode: Mode::Characters,
            length: None,
            alphabet: None,
            words: None,
            separator: "-".into(),
        }
    }
}

impl GenerateOptions {
    /// Reads the options from JSON-shaped data; errors name the key.
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        crate::json::options("options", value)
    }
}

/// A generated password and how much it is worth.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The password.
    pub password: SecretString,
    /// Its entropy: the bits an attacker who knows how it was drawn must guess.
    pub entropy_bits: f64,
}

/// A random password that `policy.validate(…, context)` accepts.
///
/// ```
/// use chpass::generate::{GenerateOptions, Mode, generate};
/// use chpass::{Context, Policy};
///
/// let policy = Policy::preset("nist-800-63b", &serde_json::json!({}))?;
/// let options = GenerateOptions { mode: Mode::Passphrase, ..GenerateOptions::default() };
/// let generated = generate(&policy, &Context::default(), &options)?;
/// assert!(policy.validate(generated.password.expose(), &Context::default()).ok());
/// assert!(generated.entropy_bits > 70.0);
/// # Ok::<(), chpass::Error>(())
/// ```
pub fn generate(
    policy: &Policy,
    context: &Context,
    options: &GenerateOptions,
) -> Result<Generated> {
    let (source, entropy_bits) = match options.mode {
        Mode::Characters => {
            let alphabet = Alphabet::new(&alphabet_for(policy, options)?)?;
            let length = character_length(policy, &alphabet, options.length)?;
            alphabet.check_can_meet(policy)?;
            let bits = count::entropy_bits(&alphabet.class_sizes(), length, policy);
            (Source::Characters { alphabet, length }, bits)
        }
        Mode::Passphrase => {
            let count = passphrase_words(policy, options)?;
            let bits = count as f64 * (words()?.len() as f64).log2();
            let separator = options.separator.as_str();
            (Source::Passphrase { count, separator }, bits)
        }
    };
    let mut rng = Rng::new();
    let mut last = Report::default();
    for _ in 0..MAX_ATTEMPTS {
        let candidate = source.draw(&mut rng)?;
        last = policy.validate(&candidate, context);
        if last.ok() {
            return Ok(Generated {
                password: SecretString::new(candidate.as_str()),
                entropy_bits,
            });
        }
    }
    let hint = match last.codes().contains(&"pattern_mismatch") {
        // a pattern such as ^[0-9]{6}$ takes almost nothing the default alphabet and length make
        true => {
            "; the policy's pattern takes few of these passwords: give an alphabet and a \
                 length it accepts (the command: --alphabet 0123456789 --length 6)"
        }
        false => "",
    };
    Err(Error::invalid_argument(
        "options",
        format!(
            "no password drawn in {MAX_ATTEMPTS} attempts passed the policy; the last one broke {}{hint}",
            last.codes().join(", ")
        ),
    ))
}

enum Source<'a> {
    Characters { alphabet: Alphabet, length: usize },
    Passphrase { count: usize, separator: &'a str },
}

impl Source<'_> {
    fn draw(&self, rng: &mut Rng) -> Result<Zeroizing<String>> {
        let mut out = Zeroizing::new(String::new());
        match self {
            Source::Characters { alphabet, length } => {
                for _ in 0..*length {
                    out.push(*rng.choose(&alphabet.chars)?);
                }
            }
            Source::Passphrase { count, separator } => {
                let words = words()?;
                for i in 0..*count {
                    if i > 0 {
                        out.push_str(separator);
                    }
                    out.push_str(rng.choose(words)?);
                }
            }
        }
        Ok(out)
    }
}

struct Alphabet {
    chars: Vec<char>,
}

impl Alphabet {
    fn new(text: &str) -> Result<Self> {
        let mut chars: Vec<char> = text.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        if chars.len() < 2 {
            return Err(Error::invalid_argument(
                "alphabet",
                "needs at least 2 different characters",
            ));
        }
        if chars.iter().any(|c| c.is_control()) {
            return Err(Error::invalid_argument(
                "alphabet",
                "control characters cannot be typed",
            ));
        }
        Ok(Alphabet { chars })
    }

    /// Sizes of lowercase, uppercase, digit, symbol and class-less characters.
    fn class_sizes(&self) -> [usize; 5] {
        let mut sizes = [0; 5];
        for &c in &self.chars {
            sizes[class_index(CharClass::of(c))] += 1;
        }
        sizes
    }

    /// A required class the alphabet lacks can never be met: say so instead of retrying.
    fn check_can_meet(&self, policy: &Policy) -> Result<()> {
        let Some(classes) = &policy.spec().character_classes else {
            return Ok(());
        };
        let sizes = self.class_sizes();
        let required = [
            (classes.lowercase, sizes[0], "lowercase letters"),
            (classes.uppercase, sizes[1], "uppercase letters"),
            (classes.digit, sizes[2], "digits"),
            (classes.symbol, sizes[3], "symbols"),
        ];
        for (min, size, name) in required {
            if min > 0 && size == 0 {
                return Err(Error::invalid_argument(
                    "alphabet",
                    format!("has no {name}, which the policy requires"),
                ));
            }
        }
        if sizes[..4].iter().filter(|&&n| n > 0).count() < classes.min_classes {
            return Err(Error::invalid_argument(
                "alphabet",
                format!(
                    "has fewer than the {} character classes the policy requires",
                    classes.min_classes
                ),
            ));
        }
        Ok(())
    }

    /// The most units one character of the alphabet takes.
    fn widest(&self, unit: LengthUnit) -> usize {
        self.chars
            .iter()
            .map(|&c| unit.count(c.encode_utf8(&mut [0; 4])))
            .max()
            .unwrap_or(1)
    }
}

pub(crate) fn class_index(class: Option<CharClass>) -> usize {
    match class {
        Some(CharClass::Lowercase) => 0,
        Some(CharClass::Uppercase) => 1,
        Some(CharClass::Digit) => 2,
        Some(CharClass::Symbol) => 3,
        None => 4,
    }
}

/// The alphabet asked for, else the default one less what the policy's pattern never accepts
/// (`^[0-9]{6}$` leaves the digits).
fn alphabet_for(policy: &Policy, options: &GenerateOptions) -> Result<String> {
    if let Some(asked) = &options.alphabet {
        return Ok(asked.clone());
    }
    let Some(pattern) = policy.pattern() else {
        return Ok(DEFAULT_ALPHABET.to_owned());
    };
    let allowed: String = DEFAULT_ALPHABET
        .chars()
        .filter(|c| pattern.may_contain(*c))
        .collect();
    if allowed.is_empty() {
        return Err(Error::invalid_argument(
            "alphabet",
            "no character of the default alphabet can appear in a password the policy's \
             pattern accepts: give an alphabet",
        ));
    }
    Ok(allowed)
}

/// A length in characters that every draw fits in: at least the minimum (every character is
/// at least one unit), and at most the maximum even if every character is the widest.
fn character_length(policy: &Policy, alphabet: &Alphabet, asked: Option<usize>) -> Result<usize> {
    let spec = policy.spec();
    // the pattern's own lengths too (`^[0-9]{6}$` takes exactly 6)
    let (pattern_least, pattern_most) = policy.pattern().map_or((0, None), |p| p.lengths());
    let least = spec.min_length.map_or(0, |m| m.value).max(pattern_least);
    let most = spec
        .max_length
        .map_or(MAX_LENGTH, |m| {
            (m.value / alphabet.widest(m.unit)).min(MAX_LENGTH)
        })
        .min(pattern_most.unwrap_or(MAX_LENGTH));
    let length = asked.unwrap_or_else(|| DEFAULT_LENGTH.max(least).min(most));
    if length == 0 || length > MAX_LENGTH {
        return Err(Error::invalid_argument(
            "length",
            format!("must be 1 to {MAX_LENGTH}"),
        ));
    }
    if length < least.min(MAX_LENGTH) || length > most {
        return Err(Error::invalid_argument(
            "length",
            format!("{length} characters cannot meet the policy's length limits"),
        ));
    }
    Ok(length)
}

fn passphrase_words(policy: &Policy, options: &GenerateOptions) -> Result<usize> {
    if options.separator.chars().count() > 8 || options.separator.chars().any(char::is_control) {
        return Err(Error::invalid_argument(
            "separator",
            "at most 8 printable characters",
        ));
    }
    if let Some(classes) = &policy.spec().character_classes
        && (classes.uppercase > 0 || classes.digit > 0 || classes.min_classes > 2)
    {
        return Err(Error::invalid_argument(
            "options",
            "passphrases are lowercase words; this policy requires uppercase letters or digits",
        ));
    }
    // the shortest word has 3 letters, so this many words always reach the minimum
    let least = policy.spec().min_length.map_or(0, |m| m.value);
    let separator = options.separator.len();
    let mut needed = 1;
    while needed * 3 + (needed - 1) * separator < least {
        needed += 1;
    }
    let words = options.words.unwrap_or(DEFAULT_WORDS.max(needed));
    if words == 0 || words > 64 {
        return Err(Error::invalid_argument("words", "must be 1 to 64"));
    }
    Ok(words)
}
