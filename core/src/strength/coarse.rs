//! zxcvbn's lists with coarse ranks, in a form that compresses well: the web's strength meter
//! downloads these instead of the exact lists (npm `chpass/meter`, issue 30). The estimator
//! (`chpass-strength`, zxcvbn's port) ranks the decoded lists by line as it ranks the exact
//! ones; the coded form is chpass's way of shipping them, so it lives here.
//!
//! Exact ranks cost about as much as the words: a list in rank order is a permutation of the
//! sorted one, and gzip sees neither. Here each list is cut into buckets of ranks
//! `[r, base·r)`; a word's rank becomes its place in its bucket once the bucket is sorted. The
//! words travel sorted and front-coded, each with its bucket as one character, so the text
//! gzips about a quarter smaller (`bench/strength_rank.mjs`). A rank is off by less than
//! `base - 1` of itself, and the top ranks, whose buckets hold one word, are exact.
//!
//! The form: a header line, then for each list in zxcvbn's order a line `# <name> <count>`,
//! `count` lines of words (each: how many leading bytes it shares with the word before, as the
//! character `'0' + n`, then the rest), and one line of `count` bucket characters, in the words'
//! order. A bucket is counted from the last one, so the largest buckets, which are the last,
//! take the printable ASCII characters.

use crate::error::{Error, Result};
use chpass_strength::DICTIONARIES;

/// The ratio of the npm meter's rank buckets ([`super::coarse_dictionaries_text`]): of those
/// measured, the largest that keeps zxcvbn's score on at least 99.5% of the project's corpus
/// (`bench/strength_rank.mjs` → `strength-rank.json`: 99.68%; 1.1 gave 99.38%).
pub const COARSE_BASE: f64 = 1.07;

/// The first line of the coarse form.
pub(crate) const HEADER: &str = "#! zxcvbn 4.4.2's lists, coarse ranks\n";

#[cfg(any(test, feature = "strength-dictionaries"))]
/// The bucket of each rank (0-based) of a list of `len` words: `[start, max(start + 1,
/// ⌊(start + 1)·base⌋))`, so the first ranks keep a bucket each.
fn buckets(len: usize, base: f64) -> Vec<usize> {
    let mut bucket_of = Vec::with_capacity(len);
    let (mut start, mut bucket) = (0, 0);
    while start < len {
        let end = (((start + 1) as f64 * base) as usize)
            .max(start + 1)
            .min(len);
        bucket_of.resize(end, bucket);
        (start, bucket) = (end, bucket + 1);
    }
    bucket_of
}

#[cfg(any(test, feature = "strength-dictionaries"))]
/// A bucket counted from the last, as one character: printable ASCII, then from U+00A1.
fn bucket_char(from_last: usize) -> char {
    let code = match from_last {
        n if n < 94 => 0x21 + n as u32,
        n => 0xA1 + (n - 94) as u32,
    };
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn bucket_of_char(c: char) -> Option<usize> {
    match c as u32 {
        code @ 0x21..=0x7E => Some((code - 0x21) as usize),
        code @ 0xA1.. => Some((code - 0xA1) as usize + 94),
        _ => None,
    }
}

#[cfg(any(test, feature = "strength-dictionaries"))]
/// `lists` (names and words, most common first) in the coarse form, buckets of ratio `base`.
pub(crate) fn encode<'a>(lists: impl IntoIterator<Item = (&'a str, &'a str)>, base: f64) -> String {
    let mut text = String::from(HEADER);
    for (name, list) in lists {
        let words: Vec<&str> = list.lines().collect();
        let bucket_of = buckets(words.len(), base);
        let last = bucket_of.last().copied().unwrap_or_default();
        let mut sorted: Vec<usize> = (0..words.len()).collect();
        sorted.sort_by_key(|&i| (words[i], i));
        text.push_str(&format!("# {name} {}\n", words.len()));
        let mut previous = "";
        for &i in &sorted {
            let word = words[i];
            let shared = shared_prefix(previous, word);
            text.push(char::from(b'0' + shared as u8));
            text.push_str(&word[shared..]);
            text.push('\n');
            previous = word;
        }
        text.extend(sorted.iter().map(|&i| bucket_char(last - bucket_of[i])));
        text.push('\n');
    }
    text
}

#[cfg(any(test, feature = "strength-dictionaries"))]
/// How many leading bytes `b` shares with `a`, at most 64 and at a character boundary.
fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = a
        .bytes()
        .zip(b.bytes())
        .take_while(|(x, y)| x == y)
        .count()
        .min(64);
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// The coarse form back as the exact form's text (`# <name>` lines, each list's words one per
/// line in their coarse rank order), checked as it is read.
pub(crate) fn decode(text: &str) -> Result<String> {
    let bad = |reason: String| Error::invalid_argument("dictionaries", reason);
    let body = text
        .strip_prefix(HEADER)
        .ok_or_else(|| bad("no coarse-form header".into()))?;
    let mut lines = body.split('\n');
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for name in DICTIONARIES {
        let head = lines.next().unwrap_or_default();
        let count: usize = head
            .strip_prefix("# ")
            .and_then(|rest| rest.strip_prefix(name))
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|count| count.parse().ok())
            .ok_or_else(|| bad(format!("expected `# {name} <count>`, found `{head}`")))?;
        // the words, front-decoded one after the other into `words`; `ends[i]` closes word i
        let mut words = String::new();
        let mut ends = Vec::with_capacity(count);
        let mut previous = 0..0_usize;
        for _ in 0..count {
            let line = lines.next().unwrap_or_default();
            let mut chars = line.chars();
            let shared = chars
                .next()
                .map_or(usize::MAX, |c| (c as usize).wrapping_sub(0x30));
            let start = words.len();
            let prefix = previous.start..previous.start.saturating_add(shared);
            if shared > previous.len() || !words.is_char_boundary(prefix.end) {
                return Err(bad(format!(
                    "a word of {name} is not front-coded: `{line}`"
                )));
            }
            words.extend_from_within(prefix);
            words.push_str(chars.as_str());
            previous = start..words.len();
            ends.push(words.len());
        }
        let buckets: Vec<usize> = lines
            .next()
            .unwrap_or_default()
            .chars()
            .map(bucket_of_char)
            .collect::<Option<_>>()
            .filter(|buckets: &Vec<usize>| buckets.len() == count)
            .ok_or_else(|| bad(format!("{name} needs one bucket character per word")))?;
        // by bucket, the first one holding the highest character, then in sorted order: a
        // counting sort (no comparison sort compiled into the meter's wasm for this)
        let last = buckets.iter().copied().max().unwrap_or_default();
        let mut first = vec![0; last + 2];
        for &b in &buckets {
            first[last - b + 1] += 1;
        }
        for b in 1..first.len() {
            first[b] += first[b - 1];
        }
        let mut ranked = vec![0; count];
        for (i, &b) in buckets.iter().enumerate() {
            ranked[first[last - b]] = i;
            first[last - b] += 1;
        }
        out.push_str("# ");
        out.push_str(name);
        out.push('\n');
        for i in ranked {
            let start = if i == 0 { 0 } else { ends[i - 1] };
            out.push_str(&words[start..ends[i]]);
            out.push('\n');
        }
    }
    if lines.ne([""]) {
        return Err(bad("text after the last list".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTS: [(&str, &str); 6] = [
        (
            "passwords",
            "123456\npassword\n12345678\nqwerty\n123456789\nqwertz\n",
        ),
        ("english_wikipedia", "the\nof\n"),
        ("female_names", ""),
        ("surnames", "smith\nsmithson\nsmit\n"),
        ("us_tv_and_film", "you\n"),
        ("male_names", "john\n"),
    ];

    #[test]
    fn the_first_ranks_keep_a_bucket_each_and_later_buckets_grow_by_the_base() {
        assert_eq!(buckets(6, 1.05), [0, 1, 2, 3, 4, 5]);
        assert_eq!(buckets(6, 2.0), [0, 0, 1, 1, 1, 1]);
        let large = buckets(30_000, 1.05);
        assert_eq!(large[..20], (0..20).collect::<Vec<_>>()[..]);
        assert_eq!(large[20], 19);
        assert_eq!(large.last(), Some(&159));
        let large = buckets(30_000, COARSE_BASE);
        assert_eq!(large[..14], (0..14).collect::<Vec<_>>()[..]);
        assert_eq!(large[14..16], [14, 14]);
    }

    #[test]
    fn a_list_comes_back_in_coarse_rank_order() {
        let exact: String = LISTS
            .iter()
            .map(|(name, list)| format!("# {name}\n{list}"))
            .collect();
        // ratio 1: every rank is its own bucket, so the order is zxcvbn's
        assert_eq!(decode(&encode(LISTS, 1.0)).unwrap(), exact);
        // ratio 2: ranks 1-2 and 3-6 are buckets, each sorted
        let coarse = decode(&encode(LISTS, 2.0)).unwrap();
        assert!(
            coarse.starts_with(
                "# passwords\n123456\npassword\n12345678\n123456789\nqwerty\nqwertz\n"
            )
        );
        assert!(coarse.contains("# surnames\nsmith\nsmithson\nsmit\n"));
    }

    #[test]
    fn words_are_front_coded_and_buckets_are_counted_from_the_last() {
        let text = encode(LISTS, 2.0);
        assert!(
            text.contains("# surnames 3\n0smit\n4h\n5son\n!\"\"\n"),
            "{text}"
        );
        assert_eq!(bucket_char(0), '!');
        assert_eq!(bucket_char(93), '~');
        assert_eq!(bucket_char(94), '\u{a1}');
        for n in [0, 93, 94, 200] {
            assert_eq!(bucket_of_char(bucket_char(n)), Some(n));
        }
    }

    #[cfg(feature = "strength-dictionaries")]
    #[test]
    fn zxcvbn_lists_keep_every_word_with_a_rank_off_by_less_than_the_base() {
        let exact = super::super::dictionaries_text();
        let coarse = decode(&super::super::coarse_dictionaries_text(COARSE_BASE)).unwrap();
        let lists = |text: &str| -> Vec<Vec<String>> {
            let sections = text.split("# ").skip(1);
            sections
                .map(|s| s.lines().map(String::from).collect())
                .collect()
        };
        let (exact, coarse) = (lists(&exact), lists(&coarse));
        assert_eq!(exact.len(), DICTIONARIES.len());
        for (exact, coarse) in exact.iter().zip(&coarse) {
            assert_eq!(exact[0], coarse[0], "the lists' names");
            assert_eq!(exact.len(), coarse.len());
            let words = coarse.iter().enumerate().skip(1);
            let rank_of: std::collections::HashMap<&str, usize> =
                words.map(|(rank, word)| (word.as_str(), rank)).collect();
            for (rank, word) in exact.iter().enumerate().skip(1) {
                let (e, c) = (rank as f64, rank_of[word.as_str()] as f64);
                assert!(
                    c < e * COARSE_BASE + 1.0 && e < c * COARSE_BASE + 1.0,
                    "{word}: {e} {c}"
                );
                if e * (COARSE_BASE - 1.0) < 1.0 {
                    assert_eq!(e, c, "{word}: the top ranks, a bucket each, stay exact");
                }
            }
        }
    }

    #[test]
    fn a_text_in_another_form_is_refused_with_a_reason() {
        let good = encode(LISTS, 2.0);
        let cases = [
            String::new(),
            good.replacen(HEADER, "", 1),
            good.replacen("# passwords 6", "# passwords 7", 1),
            good.replacen("# surnames 3", "# names 3", 1),
            good.replacen("4h\n", "9h\n", 1),
            good.replacen("!\"\"\n", "!\"\n", 1),
            good.replacen("!\"\"\n", "!\"\u{7f}\n", 1),
            good.clone() + "more\n",
            good[..good.len() / 2].to_owned(),
        ];
        for bad in cases {
            let err = decode(&bad).unwrap_err();
            assert_eq!(err.code(), "invalid_argument", "{bad:?}");
        }
    }
}
