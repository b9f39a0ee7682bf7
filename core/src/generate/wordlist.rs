//! The EFF large word list (7,776 words; © Electronic Frontier Foundation, CC BY 3.0 US,
//! https://www.eff.org/dice), one word per line in `data/eff-large-wordlist.txt`.

use std::sync::OnceLock;

const TEXT: &str = include_str!("../../data/eff-large-wordlist.txt");

/// The passphrase words, in their published order.
pub fn words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| TEXT.lines().filter(|w| !w.is_empty()).collect())
}
