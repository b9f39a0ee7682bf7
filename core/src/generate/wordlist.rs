//! The EFF large word list (7,776 words; © Electronic Frontier Foundation, CC BY 3.0 US,
//! <https://www.eff.org/dice>), one word per line in `data/eff-large-wordlist.txt`.
//!
//! Compiled in with the `word-list` feature; without it (the npm package, whose pages mostly
//! never generate a passphrase) the text is handed over at run time with [`install_word_list`].
//! Either way it is the same list, byte for byte: an installed text must have its SHA-256, so a
//! passphrase and its entropy are the same in every language.

use crate::error::{Error, Result};
use crate::hash::encoding::hex_lower;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// SHA-256 of `data/eff-large-wordlist.txt`, the only text [`install_word_list`] accepts.
const SHA256: &str = "6d557f0693958fb5e650b68b5bee585eb82cf4da32965505c789e924743bc522";

static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();

#[cfg(feature = "word-list")]
const TEXT: &str = include_str!("../../data/eff-large-wordlist.txt");

/// The passphrase words, in their published order; `word_list_not_loaded` in a build without
/// the `word-list` feature until [`install_word_list`] is called.
pub fn words() -> Result<&'static [&'static str]> {
    #[cfg(feature = "word-list")]
    WORDS.get_or_init(|| split(TEXT));
    WORDS
        .get()
        .map(Vec::as_slice)
        .ok_or(Error::WordListNotLoaded)
}

/// Hands the word list to a build without the `word-list` feature (the npm package's
/// `loadWordList()` does this); the first list installed stays. Any text but the EFF list's
/// exact bytes is `invalid_argument`.
pub fn install_word_list(text: String) -> Result<()> {
    let digest = Sha256::digest(text.as_bytes());
    if hex_lower(&digest) != SHA256 {
        return Err(Error::invalid_argument(
            "word_list",
            "not the EFF large word list (its SHA-256 differs)",
        ));
    }
    if WORDS.get().is_none() {
        // leaked once: the words borrow it for the life of the program
        let _ = WORDS.set(split(Box::leak(text.into_boxed_str())));
    }
    Ok(())
}

fn split(text: &'static str) -> Vec<&'static str> {
    text.lines().filter(|w| !w.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_eff_list_installs() {
        let code = install_word_list("abacus\nzoom\n".into()).map_err(|e| e.code());
        assert_eq!(code, Err("invalid_argument"));
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/eff-large-wordlist.txt"
        ))
        .unwrap();
        #[cfg(not(feature = "word-list"))]
        assert_eq!(words().map_err(|e| e.code()), Err("word_list_not_loaded"));
        install_word_list(text.clone()).unwrap();
        install_word_list(text).unwrap(); // again: no change, no error
        let words = words().unwrap();
        assert_eq!(words.len(), 7776);
        assert_eq!((words[0], words[7775]), ("abacus", "zoom"));
    }
}
