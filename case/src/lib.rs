//! Unicode case mapping, exactly as Rust's std maps it, from 4 KB of tables: runs of chars
//! that map by the same distance. A browser downloads chpass's npm package, and without std's
//! tables and their code its main wasm module is 13 KB smaller gzipped, the estimator's 7 KB.
//!
//! The tables are read off std (`examples/tables.rs`), and the tests compare every char with
//! std, so a new Rust with a new Unicode version fails them until the tables are generated
//! again. `simple_lower` is the one departure: Unicode's simple lowercase, by which regex
//! engines fold case.
//!
//! ```
//! assert_eq!(chpass_case::to_lowercase("ΟΔΟΣ"), "οδος");
//! assert_eq!(chpass_case::upper('ß'), 'ß');
//! ```

mod tables;

use std::sync::OnceLock;
use tables::{IGNORABLE, LOWER, UPPER};

/// `str::to_lowercase`: full lowercase mapping (İ becomes two chars), and Σ becomes ς at the
/// end of a word.
pub fn to_lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            'Σ' => out.push(if ends_word(text, i) { 'ς' } else { 'σ' }),
            'İ' => out.push_str("i\u{307}"),
            c => out.push(lower(c)),
        }
    }
    out
}

/// `c`'s lowercase if that is one char (as `char::to_lowercase` maps it), else `c`.
pub fn lower(c: char) -> char {
    mapped(&LOWER, c)
}

/// Unicode's simple lowercase of `c` (UnicodeData's), by which CPython's `re` and Java's
/// `Pattern` fold case: `lower(c)`, except that İ, whose full lowercase is two chars, is `i`.
pub fn simple_lower(c: char) -> char {
    if c == 'İ' { 'i' } else { lower(c) }
}

/// `c`'s uppercase if that is one char (as `char::to_uppercase` maps it), else `c`: ß stays ß.
pub fn upper(c: char) -> char {
    mapped(&UPPER, c)
}

fn mapped(runs: &[(u32, i32)], c: char) -> char {
    let code = c as u32;
    let run = runs.partition_point(|&(key, _)| key >> 8 <= code);
    let Some(&(key, delta)) = run.checked_sub(1).map(|run| &runs[run]) else {
        return c;
    };
    let (first, step, count) = (key >> 8, (key >> 7 & 1) + 1, key & 0x7F);
    let offset = code - first;
    if !offset.is_multiple_of(step) || offset / step >= count {
        return c;
    }
    code.checked_add_signed(delta)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// Whether the Σ at byte `i` ends a word, as std decides it: a cased char before it and none
/// after it, skipping case-ignorable chars either way.
fn ends_word(text: &str, i: usize) -> bool {
    let after = i + 'Σ'.len_utf8();
    cased_past_ignorable(text[..i].chars().rev()) && !cased_past_ignorable(text[after..].chars())
}

fn cased_past_ignorable(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| !ignorable(c))
        .is_some_and(|c| c.is_lowercase() || c.is_uppercase() || titlecase(c))
}

/// Unicode's Lt: the only cased chars that are neither lowercase nor uppercase.
fn titlecase(c: char) -> bool {
    matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ' | 'ᾈ'..='ᾏ' | 'ᾘ'..='ᾟ' | 'ᾨ'..='ᾯ' | 'ᾼ' | 'ῌ' | 'ῼ')
}

fn ignorable(c: char) -> bool {
    let runs = ignorable_runs();
    let run = runs.partition_point(|&(first, _)| first <= c as u32);
    run.checked_sub(1)
        .is_some_and(|run| c as u32 <= runs[run].1)
}

/// The unsigned LEB128 numbers in `bytes`: how chpass stores its Unicode tables compactly
/// (this crate's case-ignorable runs, the policy regex engine's general-category runs).
pub fn leb128(bytes: &[u8]) -> Vec<u32> {
    let mut numbers = Vec::with_capacity(bytes.len());
    let (mut n, mut shift) = (0, 0);
    for &byte in bytes {
        n |= u32::from(byte & 0x7F) << shift;
        shift += 7;
        if byte < 0x80 {
            numbers.push(n);
            (n, shift) = (0, 0);
        }
    }
    numbers
}

/// The case-ignorable runs as `(first, last)`, decoded from `IGNORABLE` at first use.
fn ignorable_runs() -> &'static [(u32, u32)] {
    static RUNS: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let mut end = 0;
        leb128(&IGNORABLE)
            .chunks_exact(2)
            .map(|pair| {
                let first = end + pair[0];
                end = first + pair[1];
                (first, end - 1)
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(mut mapped: impl Iterator<Item = char>, c: char) -> char {
        match (mapped.next(), mapped.next()) {
            (Some(one), None) => one,
            _ => c,
        }
    }

    #[test]
    fn every_char_maps_as_std_maps_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                lower(c),
                single(c.to_lowercase(), c),
                "lower U+{:04X}",
                c as u32
            );
            assert_eq!(
                upper(c),
                single(c.to_uppercase(), c),
                "upper U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn the_simple_lowercase_differs_only_for_dotted_capital_i() {
        let differ: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| simple_lower(c) != lower(c))
            .collect();
        assert_eq!(differ, ['İ']);
        assert_eq!(simple_lower('İ'), 'i');
    }

    #[test]
    fn every_char_around_a_sigma_lowercases_as_std_does() {
        let mut text = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for context in [["", ""], ["", "Σ"], ["A", "Σ"], ["AΣ", ""], ["AΣ", "b"]] {
                text.clear();
                text.push_str(context[0]);
                text.push(c);
                text.push_str(context[1]);
                assert_eq!(to_lowercase(&text), text.to_lowercase(), "{text:?}");
            }
        }
    }

    #[test]
    fn words_lowercase_as_std_does() {
        for text in [
            "",
            "PASSWORD",
            "ΟΔΟΣ ΟΔΟΣ.",
            "Σ",
            "ΑΣ\u{301}",
            "ΑΣ\u{301}Β",
            "İstanbul",
            "ǅemal",
            "ßTRASSE",
            "ΣΑΣ ΣΣ",
            "Ａ\u{10400}😀",
        ] {
            assert_eq!(to_lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }
}
