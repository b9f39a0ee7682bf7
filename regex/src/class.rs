//! Character sets: ranges, the servers' `\d \w \s` and Unicode categories, nested and
//! intersected sets (Java), and case-insensitive membership.

use super::gencat::{CATEGORIES, GAPS, NAMES};
use std::sync::OnceLock;

/// How case-insensitive matching compares: not at all, ASCII letters only (Java's default
/// `(?i)`), or by Unicode simple case mapping (Python, Java `(?iu)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fold {
    None,
    Ascii,
    Unicode,
}

impl Fold {
    /// `c`'s lowercase as this fold compares (Unicode's simple lowercase, by which both servers
    /// fold; ASCII letters only; or none).
    fn lower(self, c: char) -> char {
        match self {
            Fold::None => c,
            Fold::Ascii => c.to_ascii_lowercase(),
            // UnicodeData's simple lowercase: std's where it is one char; İ's full
            // lowercase is two chars, its simple one `i`
            Fold::Unicode if c == 'İ' => 'i',
            Fold::Unicode => one(c.to_lowercase(), c),
        }
    }

    fn upper(self, c: char) -> char {
        match self {
            Fold::None => c,
            Fold::Ascii => c.to_ascii_uppercase(),
            Fold::Unicode => one(c.to_uppercase(), c),
        }
    }
}

/// The mapping's char if it is one char (ß's uppercase is two: ß stays ß), else `c`.
fn one(mut mapped: impl Iterator<Item = char>, c: char) -> char {
    match (mapped.next(), mapped.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// A predefined set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Named {
    /// Python's Unicode `\d`: decimal digits (Nd).
    UnicodeDigit,
    /// Python's Unicode `\w`: `str.isalnum()` or `_`.
    UnicodeWord,
    /// Python's Unicode `\s`: `str.isspace()`.
    UnicodeSpace,
    /// A mask of general categories (bit i: `NAMES[i]`).
    Categories(u32),
    Alphabetic,
    Uppercase,
    Lowercase,
    /// Java's reading of `\p{Lower}`-like case properties under `(?i)`: any cased letter.
    Cased,
    WhiteSpace,
}

#[derive(Debug, Clone)]
pub(super) enum Item {
    /// Chars written in the pattern, which `(?i)` folds.
    Range(char, char),
    /// A predefined set. Under `(?i)` CPython tests a char's lowercase against it, and Java the
    /// char itself (it widens the case properties instead, at parse time): `lowercased` says
    /// which.
    Named {
        set: Named,
        negated: bool,
        lowercased: bool,
    },
    /// A set of its own, folding by its own `fold`.
    Nested(Class),
}

#[derive(Debug, Clone)]
pub(super) struct Class {
    pub negated: bool,
    pub items: Vec<Item>,
    /// Java's `&&`: the char must also be in each of these.
    pub and: Vec<Class>,
    pub fold: Fold,
}

impl Class {
    pub fn new(items: Vec<Item>, negated: bool) -> Self {
        Class {
            negated,
            items,
            and: Vec::new(),
            fold: Fold::None,
        }
    }

    pub fn ranges(ranges: &[(char, char)], negated: bool) -> Self {
        let items = ranges.iter().map(|&(a, b)| Item::Range(a, b)).collect();
        Class::new(items, negated)
    }

    pub fn contains(&self, c: char) -> bool {
        // the case variants once per char, not once per range; without folding, `c` alone
        // (`.*` over a long password tests every char: 5x faster so)
        let folded;
        let cases: &[char] = if self.fold == Fold::None {
            std::slice::from_ref(&c)
        } else {
            folded = other_cases(c, self.fold);
            &folded
        };
        let found = self
            .items
            .iter()
            .any(|item| item.contains(c, cases, self.fold))
            && self.and.iter().all(|set| set.contains(c));
        found != self.negated
    }
}

impl Item {
    /// `cases`: `c` and the chars it equals under `fold`.
    fn contains(&self, c: char, cases: &[char], fold: Fold) -> bool {
        match self {
            Item::Range(a, b) => cases.iter().any(|c| (*a..=*b).contains(c)),
            Item::Named {
                set,
                negated,
                lowercased,
            } => {
                let c = if *lowercased { fold.lower(c) } else { c };
                set.contains(c) != *negated
            }
            Item::Nested(class) => class.contains(c),
        }
    }
}

impl Named {
    pub fn contains(self, c: char) -> bool {
        match self {
            Named::UnicodeDigit => category(c) == ND,
            Named::UnicodeWord => c == '_' || (1 << category(c)) & (LETTERS | NUMBERS) != 0,
            Named::UnicodeSpace => python_space(c),
            Named::Categories(mask) => (1 << category(c)) & mask != 0,
            Named::Alphabetic => c.is_alphabetic(),
            Named::Uppercase => c.is_uppercase(),
            Named::Lowercase => c.is_lowercase(),
            Named::Cased => c.is_lowercase() || c.is_uppercase() || category(c) == LT,
            Named::WhiteSpace => c.is_whitespace(),
        }
    }
}

const LT: u32 = 2;
const ND: u32 = 8;
const LETTERS: u32 = 0b11111;
const NUMBERS: u32 = 0b111 << ND;

/// The general category of `c`, as an index into `NAMES`.
fn category(c: char) -> u32 {
    let starts = run_starts();
    let run = starts.partition_point(|&start| start <= c as u32);
    u32::from(CATEGORIES[run.saturating_sub(1)])
}

/// Each run's first code point, decoded from `GAPS` at first use.
fn run_starts() -> &'static [u32] {
    static STARTS: OnceLock<Vec<u32>> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut start = 0;
        leb128(&GAPS)
            .into_iter()
            .map(|gap| {
                start += gap;
                start
            })
            .collect()
    })
}

/// The unsigned LEB128 numbers in `bytes`, as gen-gencat.py stores the runs compactly.
fn leb128(bytes: &[u8]) -> Vec<u32> {
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

/// A mask for a category name (`L`, `Lu`, …), as Java and Unicode spell them.
pub(super) fn category_mask(name: &str) -> Option<u32> {
    let mut mask = 0;
    for (i, full) in NAMES.iter().enumerate() {
        if *full == name || (name.len() == 1 && full.starts_with(name)) {
            mask |= 1 << i;
        }
    }
    (mask != 0).then_some(mask)
}

/// Python's `str.isspace()`: bidirectional whitespace, separators and the ASCII controls.
/// Also how keystone.conf is trimmed (oslo.config's `str.strip`).
pub fn python_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x20' | '\u{85}')
        || (c > '\u{7f}' && (1 << category(c)) & (0b111 << 22) != 0)
}

/// `c` and the chars it equals under `fold`.
pub(super) fn other_cases(c: char, fold: Fold) -> [char; 5] {
    let (lower, upper) = (|c| fold.lower(c), |c| fold.upper(c));
    // both round trips: the Kelvin sign K lowers to k, which raises to K; ſ raises to S; İ
    // lowers to i by the simple mapping, as both servers fold it
    [c, lower(c), upper(c), upper(lower(c)), lower(upper(c))]
}

/// Whether two chars are equal under `fold`.
pub(super) fn same(a: char, b: char, fold: Fold) -> bool {
    a == b
        || (fold != Fold::None
            && other_cases(a, fold)
                .iter()
                .any(|a| other_cases(b, fold).contains(a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runs_decode_to_one_category_per_code_point() {
        let starts = run_starts();
        assert_eq!(starts.len(), CATEGORIES.len());
        assert_eq!(starts[0], 0);
        assert!(starts.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(*starts.last().unwrap_or(&u32::MAX) <= 0x10FFFF);
    }

    #[test]
    fn categories_are_unicode_14s() {
        let name = |c| NAMES[category(c) as usize];
        let expected = [
            ('\0', "Cc"),
            ('A', "Lu"),
            ('a', "Ll"),
            ('ǅ', "Lt"),
            ('0', "Nd"),
            ('_', "Pc"),
            ('\u{3000}', "Zs"),
            ('\u{E000}', "Co"),
            ('\u{10FFFF}', "Cn"),
            // new in Unicode 14.0: ARABIC LETTER BEH WITH SMALL V BELOW
            ('\u{0870}', "Lo"),
            // assigned only in Unicode 15.0, so unassigned here
            ('\u{11F00}', "Cn"),
        ];
        for (c, category) in expected {
            assert_eq!(name(c), category, "U+{:04X}", c as u32);
        }
    }
}
