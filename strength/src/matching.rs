//! zxcvbn's matchers, ported from matching.coffee of zxcvbn 4.4.2. Everything works on UTF-16
//! code units, as JavaScript and Java (zxcvbn4j, OpenSearch) do, so lengths and indices agree.

use super::data::{DICTIONARIES, Dictionaries, FxMap, FxSet, graphs};
use super::scoring;

#[derive(Debug, Clone)]
pub(crate) struct Match {
    pub i: usize,
    pub j: usize,
    pub token: Vec<u16>,
    pub kind: Kind,
    pub guesses: Option<f64>,
}

#[derive(Debug, Clone)]
pub(crate) enum Kind {
    Dictionary {
        /// 0–5: zxcvbn's lists; 6: the user inputs.
        dictionary: usize,
        rank: u32,
        reversed: bool,
        /// (substituted character, letter) pairs in use, when a l33t match.
        sub: Option<Vec<(u16, u16)>>,
    },
    Spatial {
        keyboard: bool,
        turns: u32,
        shifted_count: u32,
    },
    Repeat {
        base_guesses: f64,
        repeat_count: f64,
    },
    Sequence {
        ascending: bool,
    },
    Year {
        year: i64,
    },
    Date {
        year: i64,
        separator: bool,
    },
    Bruteforce,
}

pub(crate) const USER_INPUTS: usize = 6;

pub(crate) fn dictionary_name(d: usize) -> &'static str {
    DICTIONARIES.get(d).copied().unwrap_or("user_inputs")
}

/// The user inputs as zxcvbn ranks them (lowercased; a later duplicate wins).
pub(crate) struct Inputs {
    ranks: FxMap<Vec<u16>, u32>,
    longest: usize,
}

impl Inputs {
    pub(crate) fn new(inputs: &[&str]) -> Self {
        let mut ranks = FxMap::default();
        for (rank, input) in inputs.iter().enumerate() {
            let lower: Vec<u16> = lowercase(&input.encode_utf16().collect::<Vec<_>>());
            ranks.insert(lower, rank as u32 + 1);
        }
        let longest = ranks.keys().map(Vec::len).max().unwrap_or(0);
        Inputs { ranks, longest }
    }

    fn has_prefix(&self, prefix: &[u16]) -> bool {
        self.ranks.keys().any(|input| input.starts_with(prefix))
    }
}

/// JavaScript's `toLowerCase` (and Java's, which zxcvbn4j calls): Unicode's full lowercase
/// mapping with the final-sigma rule, which std's `str::to_lowercase` follows too. İ becomes
/// two units (`i̇`), so the lowered password can be longer than the password; zxcvbn reads it
/// at the password's positions all the same, and so does the matcher here.
pub(crate) fn lowercase(units: &[u16]) -> Vec<u16> {
    if units.iter().all(|&u| u < 0x80) {
        return units
            .iter()
            .map(|&u| (u as u8).to_ascii_lowercase().into())
            .collect();
    }
    match String::from_utf16(units) {
        Ok(text) => text.to_lowercase().encode_utf16().collect(),
        // a token that splits a surrogate pair: unit by unit, as JS lowercases a lone surrogate
        Err(_) => units
            .iter()
            .map(|&u| match char::from_u32(u32::from(u)) {
                Some(c) => {
                    let mut lower = c.to_lowercase();
                    match (lower.next(), lower.next()) {
                        (Some(l), None) if (l as u32) < 0x10000 => l as u16,
                        _ => u,
                    }
                }
                None => u,
            })
            .collect(),
    }
}

pub(crate) struct Matcher<'a> {
    pub dictionaries: &'a Dictionaries,
    pub inputs: &'a Inputs,
    pub reference_year: i64,
}

impl Matcher<'_> {
    pub(crate) fn omnimatch(&self, password: &[u16]) -> Vec<Match> {
        let mut matches = self.dictionary_match(password);
        matches.extend(self.reverse_dictionary_match(password));
        matches.extend(self.l33t_match(password));
        matches.extend(spatial_match(password));
        matches.extend(self.repeat_match(password));
        matches.extend(sequence_match(password));
        matches.extend(regex_match(password));
        matches.extend(date_match(password, self.reference_year));
        sort(&mut matches);
        matches
    }

    fn dictionary_match(&self, password: &[u16]) -> Vec<Match> {
        let lower = lowercase(password);
        let data = self.dictionaries;
        let n = password.len();
        // per dictionary, as zxcvbn iterates them, so equal (i, j) keep zxcvbn's order
        let mut per_dict: Vec<Vec<Match>> = vec![Vec::new(); 7];
        // no word is longer than `longest`: each start looks at a bounded window (linear cost),
        // and the lookup key grows one character at a time
        let window = data.longest.max(self.inputs.longest);
        let mut key = String::with_capacity(data.longest);
        for i in 0..n {
            key.clear();
            let mut ascii = true;
            // (`lower` is never shorter than the password; the bound says so to the compiler)
            for j in i..n.min(i + window).min(lower.len()) {
                let len = j - i + 1;
                ascii = ascii && lower[j] < 0x80;
                if ascii && len <= data.longest {
                    key.push(lower[j] as u8 as char);
                    if let Some(ranks) = data.words.get(key.as_str()) {
                        for (d, &rank) in ranks.iter().enumerate() {
                            if rank > 0 {
                                per_dict[d].push(dictionary(i, j, &password[i..=j], d, rank));
                            }
                        }
                    }
                }
                if len <= self.inputs.longest
                    && let Some(&rank) = self.inputs.ranks.get(&lower[i..=j])
                {
                    per_dict[USER_INPUTS].push(dictionary(
                        i,
                        j,
                        &password[i..=j],
                        USER_INPUTS,
                        rank,
                    ));
                }
            }
        }
        let mut matches: Vec<Match> = per_dict.into_iter().flatten().collect();
        sort(&mut matches);
        matches
    }

    fn reverse_dictionary_match(&self, password: &[u16]) -> Vec<Match> {
        let reversed: Vec<u16> = password.iter().rev().copied().collect();
        let n = password.len();
        let mut matches = self.dictionary_match(&reversed);
        for m in &mut matches {
            m.token.reverse();
            if let Kind::Dictionary { reversed, .. } = &mut m.kind {
                *reversed = true;
            }
            let (i, j) = (n - 1 - m.j, n - 1 - m.i);
            m.i = i;
            m.j = j;
        }
        sort(&mut matches);
        matches
    }

    /// zxcvbn translates the whole password once per substitution table and runs the
    /// dictionaries over each: exponential in the l33t characters present. The same matches come
    /// from looking, per window, at each distinct way the tables rewrite that window's l33t
    /// characters (duplicates, which zxcvbn keeps, never change the estimate).
    fn l33t_match(&self, password: &[u16]) -> Vec<Match> {
        let subs = enumerate_l33t_subs(&relevant_l33t_subtable(password));
        if subs.iter().all(Vec::is_empty) {
            return Vec::new();
        }
        // the table's characters present, ascending (at most 20, all ASCII)
        let mut present = [false; 128];
        for &(from, _) in subs.iter().flatten() {
            if let Some(seen) = present.get_mut(usize::from(from)) {
                *seen = true;
            }
        }
        let l33t_chars: Vec<u16> = (0..128u16).filter(|&c| present[usize::from(c)]).collect();
        let index = |c: u16| l33t_chars.binary_search(&c).ok();
        // each table as letter-per-l33t-character (0: not substituted), to project it cheaply
        let letters: Vec<Vec<u16>> = subs
            .iter()
            .map(|sub| {
                let mut row = vec![0u16; l33t_chars.len()];
                for &(from, to) in sub {
                    if let Some(k) = index(from) {
                        row[k] = to;
                    }
                }
                row
            })
            .collect();
        let lower = lowercase(password);
        let data = self.dictionaries;
        let window = data.longest.max(self.inputs.longest);
        let mut by_mask: FxMap<u32, Vec<Vec<(u16, u16)>>> = FxMap::default();
        let mut matches = Vec::new();
        let mut word: Vec<u16> = Vec::with_capacity(window);
        let mut key = String::with_capacity(window);
        let n = password.len();
        // Whether a word or user input starts with `text`. When no text a window can become
        // (the window as it is, or under one of its distinct substitutions) starts one, no
        // longer window from the same start can be one either: each table rewrites the
        // shorter window as one of those. zxcvbn tries every window all the same, 120 ms for
        // a 100-character l33t-dense password; stopping there gives the same matches.
        let mut prefix = String::with_capacity(window);
        let mut starts_a_word = |text: &[u16]| {
            let ascii = text.iter().all(|&u| u < 0x80);
            (ascii && {
                prefix.clear();
                prefix.extend(text.iter().map(|&u| u as u8 as char));
                data.has_prefix(&prefix)
            }) || self.inputs.has_prefix(text)
        };
        for i in 0..n {
            let mut mask = 0u32;
            for j in i..n.min(i + window).min(lower.len()) {
                mask |= index(lower[j]).map_or(0, |k| 1u32 << k);
                let mut alive = j == i || starts_a_word(&lower[i..=j]);
                if mask == 0 || j == i {
                    if !alive {
                        break;
                    }
                    continue; // nothing to substitute, or a single character (noise)
                }
                let restrictions = by_mask.entry(mask).or_insert_with(|| {
                    // the distinct ways the tables rewrite these characters, first seen first
                    let bits: Vec<usize> = (0..l33t_chars.len())
                        .filter(|k| mask & (1 << k) != 0)
                        .collect();
                    let mut seen = FxSet::default();
                    let mut distinct = Vec::new();
                    for row in &letters {
                        // letters are a–z: 5 bits each, 20 characters fit in 100 bits
                        let packed = bits.iter().fold(0u128, |acc, &k| {
                            (acc << 5) | u128::from(row[k].saturating_sub(0x60) & 0x1f)
                        });
                        if packed != 0 && seen.insert(packed) {
                            distinct.push(
                                bits.iter()
                                    .filter(|&&k| row[k] != 0)
                                    .map(|&k| (l33t_chars[k], row[k]))
                                    .collect(),
                            );
                        }
                    }
                    distinct
                });
                for r in restrictions.iter() {
                    word.clear();
                    word.extend(lower[i..=j].iter().map(|&c| {
                        r.iter()
                            .find(|&&(from, _)| from == c)
                            .map_or(c, |&(_, to)| to)
                    }));
                    alive = alive || starts_a_word(&word);
                    let mut hits: Vec<(usize, u32)> = Vec::new();
                    if word.len() <= data.longest && word.iter().all(|&u| u < 0x80) {
                        key.clear();
                        key.extend(word.iter().map(|&u| u as u8 as char));
                        if let Some(ranks) = data.words.get(key.as_str()) {
                            hits.extend(
                                ranks
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, r)| **r > 0)
                                    .map(|(d, &r)| (d, r)),
                            );
                        }
                    }
                    if let Some(&rank) = self.inputs.ranks.get(word.as_slice()) {
                        hits.push((USER_INPUTS, rank));
                    }
                    for (d, rank) in hits {
                        let mut m = dictionary(i, j, &password[i..=j], d, rank);
                        if let Kind::Dictionary { sub, .. } = &mut m.kind {
                            *sub = Some(r.clone());
                        }
                        matches.push(m);
                    }
                }
                if !alive {
                    break;
                }
            }
        }
        sort(&mut matches);
        matches
    }

    fn repeat_match(&self, password: &[u16]) -> Vec<Match> {
        let mut matches = Vec::new();
        let mut last_index = 0;
        while last_index < password.len() {
            let Some((start, greedy_len, greedy_base, lazy_len, lazy_base)) =
                find_repeat(password, last_index)
            else {
                break;
            };
            let (len, base_len) = if greedy_len > lazy_len {
                // aabaab: greedy wins; its base may itself repeat (aab in aabaabaabaab)
                let token = &password[start..start + greedy_len];
                (greedy_len, smallest_period(token).unwrap_or(greedy_base))
            } else {
                (lazy_len, lazy_base)
            };
            let token = password[start..start + len].to_vec();
            let base_token = &token[..base_len];
            let base_matches = self.omnimatch(base_token);
            let base = scoring::most_guessable(base_token, base_matches, self.reference_year);
            let j = start + len - 1;
            matches.push(Match {
                i: start,
                j,
                kind: Kind::Repeat {
                    base_guesses: base.guesses,
                    repeat_count: len as f64 / base_len as f64,
                },
                token,
                guesses: None,
            });
            last_index = j + 1;
        }
        matches
    }
}

fn dictionary(i: usize, j: usize, token: &[u16], dictionary: usize, rank: u32) -> Match {
    Match {
        i,
        j,
        token: token.to_vec(),
        kind: Kind::Dictionary {
            dictionary,
            rank,
            reversed: false,
            sub: None,
        },
        guesses: None,
    }
}

/// Sorted on i, then j; stable, as JavaScript's sort is.
fn sort(matches: &mut [Match]) {
    matches.sort_by(|a, b| a.i.cmp(&b.i).then(a.j.cmp(&b.j)));
}

const L33T_TABLE: [(char, &str); 12] = [
    ('a', "4@"),
    ('b', "8"),
    ('c', "({[<"),
    ('e', "3"),
    ('g', "69"),
    ('i', "1!|"),
    ('l', "1|7"),
    ('o', "0"),
    ('s', "$5"),
    ('t', "+7"),
    ('x', "%"),
    ('z', "2"),
];

fn relevant_l33t_subtable(password: &[u16]) -> Vec<(u16, Vec<u16>)> {
    L33T_TABLE
        .iter()
        .filter_map(|&(letter, subs)| {
            let relevant: Vec<u16> = subs
                .encode_utf16()
                .filter(|s| password.contains(s))
                .collect();
            (!relevant.is_empty()).then_some((letter as u16, relevant))
        })
        .collect()
}

/// Every way to read the l33t characters as letters (a character stands for one letter at a
/// time), in zxcvbn's order and with its de-duplication.
fn enumerate_l33t_subs(table: &[(u16, Vec<u16>)]) -> Vec<Vec<(u16, u16)>> {
    let mut subs: Vec<Vec<(u16, u16)>> = vec![Vec::new()];
    for (letter, l33t_chrs) in table {
        let mut next = Vec::new();
        for &l33t in l33t_chrs {
            for sub in &subs {
                match sub.iter().position(|&(from, _)| from == l33t) {
                    None => {
                        let mut extended = sub.clone();
                        extended.push((l33t, *letter));
                        next.push(extended);
                    }
                    Some(dup) => {
                        let mut alternative = sub.clone();
                        alternative.remove(dup);
                        alternative.push((l33t, *letter));
                        next.push(sub.clone());
                        next.push(alternative);
                    }
                }
            }
        }
        // dedup on the sorted association list
        let mut seen = FxSet::default();
        subs = next
            .into_iter()
            .filter(|sub| {
                let mut label = sub.clone();
                // the same order as sort_unstable for these pairs, and the one sort the npm
                // module then carries (`sort` above): 1.4 KB less gzipped
                label.sort();
                seen.insert(label)
            })
            .collect();
    }
    subs
}

fn shifted(c: u16) -> bool {
    matches!(char::from_u32(u32::from(c)), Some(ch) if "~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?".contains(ch))
}

fn spatial_match(password: &[u16]) -> Vec<Match> {
    let mut matches = Vec::new();
    for graph in &graphs().all {
        let keyboard = matches!(graph.name, "qwerty" | "dvorak");
        let mut i = 0;
        while i + 1 < password.len() {
            let mut j = i + 1;
            let mut last_direction: Option<usize> = None;
            let mut turns = 0;
            let mut shifted_count = u32::from(keyboard && shifted(password[i]));
            loop {
                let prev = password[j - 1];
                let mut found = false;
                if j < password.len() {
                    let cur = password[j];
                    if let Some(adjacents) = graph.keys.get(&prev) {
                        for (direction, adj) in adjacents.iter().enumerate() {
                            let Some(adj) = adj else { continue };
                            if let Some(pos) = adj.iter().position(|&c| c == cur) {
                                found = true;
                                if pos == 1 {
                                    shifted_count += 1;
                                }
                                if last_direction != Some(direction) {
                                    turns += 1;
                                    last_direction = Some(direction);
                                }
                                break;
                            }
                        }
                    }
                }
                if found {
                    j += 1;
                } else {
                    if j - i > 2 {
                        matches.push(Match {
                            i,
                            j: j - 1,
                            token: password[i..j].to_vec(),
                            kind: Kind::Spatial {
                                keyboard,
                                turns,
                                shifted_count,
                            },
                            guesses: None,
                        });
                    }
                    i = j;
                    break;
                }
            }
        }
    }
    sort(&mut matches);
    matches
}

/// JavaScript's `.` (no `s` flag): any UTF-16 unit but a line terminator.
fn dot(c: u16) -> bool {
    !matches!(c, 0x0A | 0x0D | 0x2028 | 0x2029)
}

/// `/(.+)\1+/g` and `/(.+?)\1+/g` from `from`: the leftmost start where some unit repeats,
/// with the greedy and the lazy lengths and bases.
fn find_repeat(s: &[u16], from: usize) -> Option<(usize, usize, usize, usize, usize)> {
    // how many times s[p..p+l] occurs back to back from p
    let repeats_at = |p: usize, l: usize| -> usize {
        let base = &s[p..p + l];
        let mut count = 1;
        while p + (count + 1) * l <= s.len() && &s[p + count * l..p + (count + 1) * l] == base {
            count += 1;
        }
        count
    };
    // `.` stops at line ends: a repeat lies within one run of other units, so a base is at most
    // half of what is left of its run (checked once per start, not once per base length)
    let mut run_end = from;
    for p in from..s.len() {
        if run_end <= p {
            run_end = p + s[p..].iter().position(|&c| !dot(c)).unwrap_or(s.len() - p);
        }
        let max_l = (run_end - p) / 2;
        let greedy = (1..=max_l).rev().find_map(|l| {
            let count = repeats_at(p, l);
            (count >= 2).then_some((l * count, l))
        });
        if let Some((greedy_len, greedy_base)) = greedy {
            let (lazy_len, lazy_base) = (1..=max_l)
                .find_map(|l| {
                    let count = repeats_at(p, l);
                    (count >= 2).then_some((l * count, l))
                })
                .unwrap_or((greedy_len, greedy_base));
            return Some((p, greedy_len, greedy_base, lazy_len, lazy_base));
        }
    }
    None
}

/// `/^(.+?)\1+$/`: the shortest base the whole token repeats.
fn smallest_period(token: &[u16]) -> Option<usize> {
    (1..=token.len() / 2).find(|&l| {
        token.len().is_multiple_of(l)
            && token.iter().all(|&c| dot(c))
            && token.chunks(l).all(|chunk| chunk == &token[..l])
    })
}

const MAX_DELTA: i32 = 5;

fn sequence_match(password: &[u16]) -> Vec<Match> {
    let mut result = Vec::new();
    if password.len() <= 1 {
        return result;
    }
    let mut update = |i: usize, j: usize, delta: i32| {
        if (j - i > 1 || delta.abs() == 1) && (1..=MAX_DELTA).contains(&delta.abs()) {
            result.push(Match {
                i,
                j,
                token: password[i..=j].to_vec(),
                kind: Kind::Sequence {
                    ascending: delta > 0,
                },
                guesses: None,
            });
        }
    };
    let mut i = 0;
    let mut last_delta: Option<i32> = None;
    for k in 1..password.len() {
        let delta = i32::from(password[k]) - i32::from(password[k - 1]);
        let last = *last_delta.get_or_insert(delta);
        if delta == last {
            continue;
        }
        let j = k - 1;
        update(i, j, last);
        i = j;
        last_delta = Some(delta);
    }
    update(i, password.len() - 1, last_delta.unwrap_or(0));
    result
}

fn digit(c: u16) -> bool {
    (u16::from(b'0')..=u16::from(b'9')).contains(&c)
}

/// `/19\d\d|200\d|201\d/g`.
fn regex_match(password: &[u16]) -> Vec<Match> {
    let mut matches = Vec::new();
    let mut p = 0;
    while p + 4 <= password.len() {
        let w = &password[p..p + 4];
        let is = |a: u8, b: u8| w[0] == u16::from(a) && w[1] == u16::from(b);
        let year = (is(b'1', b'9') && digit(w[2]) && digit(w[3]))
            || (is(b'2', b'0')
                && (w[2] == u16::from(b'0') || w[2] == u16::from(b'1'))
                && digit(w[3]));
        if year {
            let value = w
                .iter()
                .fold(0i64, |acc, &c| acc * 10 + i64::from(c - u16::from(b'0')));
            matches.push(Match {
                i: p,
                j: p + 3,
                token: w.to_vec(),
                kind: Kind::Year { year: value },
                guesses: None,
            });
            p += 4;
        } else {
            p += 1;
        }
    }
    matches
}

const DATE_MIN_YEAR: i64 = 1000;
const DATE_MAX_YEAR: i64 = 2050;

fn date_splits(len: usize) -> &'static [(usize, usize)] {
    match len {
        4 => &[(1, 2), (2, 3)],
        5 => &[(1, 3), (2, 3)],
        6 => &[(1, 2), (2, 4), (4, 5)],
        7 => &[(1, 3), (2, 3), (4, 5), (4, 6)],
        8 => &[(2, 4), (4, 6)],
        _ => &[],
    }
}

fn number(units: &[u16]) -> i64 {
    units.iter().fold(0i64, |acc, &c| {
        acc.saturating_mul(10) + i64::from(c - u16::from(b'0'))
    })
}

/// JavaScript's `\s`.
fn js_space(c: u16) -> bool {
    matches!(c, 0x09..=0x0D | 0x20 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF)
}

fn date_separator(c: u16) -> bool {
    js_space(c) || matches!(c, 0x2F | 0x5C | 0x5F | 0x2E | 0x2D) // / \ _ . -
}

fn date_match(password: &[u16], reference_year: i64) -> Vec<Match> {
    let mut matches: Vec<Match> = Vec::new();
    let n = password.len();
    // without separators: 4 to 8 digits
    for i in 0..n.saturating_sub(3) {
        for j in i + 3..=i + 7 {
            if j >= n {
                break;
            }
            let token = &password[i..=j];
            if !token.iter().all(|&c| digit(c)) {
                continue;
            }
            let candidates: Vec<(i64, i64, i64)> = date_splits(token.len())
                .iter()
                .filter_map(|&(k, l)| {
                    map_ints_to_dmy([
                        number(&token[..k]),
                        number(&token[k..l]),
                        number(&token[l..]),
                    ])
                })
                .collect();
            let Some(first) = candidates.first() else {
                continue;
            };
            let mut best = *first;
            let metric = |c: &(i64, i64, i64)| (c.0 - reference_year).abs();
            let mut min_distance = metric(first);
            for candidate in &candidates[1..] {
                let distance = metric(candidate);
                if distance < min_distance {
                    best = *candidate;
                    min_distance = distance;
                }
            }
            matches.push(Match {
                i,
                j,
                token: token.to_vec(),
                kind: Kind::Date {
                    year: best.0,
                    separator: false,
                },
                guesses: None,
            });
        }
    }
    // with separators: 6 to 10 units, d{1,4} sep d{1,2} sep d{1,4}
    for i in 0..n.saturating_sub(5) {
        for j in i + 5..=i + 9 {
            if j >= n {
                break;
            }
            let token = &password[i..=j];
            let Some(ints) = split_with_separator(token) else {
                continue;
            };
            if let Some((year, _, _)) = map_ints_to_dmy(ints) {
                matches.push(Match {
                    i,
                    j,
                    token: token.to_vec(),
                    kind: Kind::Date {
                        year,
                        separator: true,
                    },
                    guesses: None,
                });
            }
        }
    }
    // drop dates that are strict submatches of others
    let spans: Vec<(usize, usize)> = matches.iter().map(|m| (m.i, m.j)).collect();
    let mut kept: Vec<Match> = matches
        .into_iter()
        .enumerate()
        .filter(|(index, m)| {
            !spans
                .iter()
                .enumerate()
                .any(|(other, &(i, j))| other != *index && i <= m.i && j >= m.j)
        })
        .map(|(_, m)| m)
        .collect();
    sort(&mut kept);
    kept
}

/// `^(\d{1,4})([\s/\\_.-])(\d{1,2})\2(\d{1,4})$`: the three numbers.
fn split_with_separator(token: &[u16]) -> Option<[i64; 3]> {
    let first_end = token.iter().position(|&c| !digit(c))?;
    if !(1..=4).contains(&first_end) {
        return None;
    }
    let sep = token[first_end];
    if !date_separator(sep) {
        return None;
    }
    let rest = &token[first_end + 1..];
    let middle_end = rest.iter().position(|&c| !digit(c))?;
    if !(1..=2).contains(&middle_end) || rest[middle_end] != sep {
        return None;
    }
    let last = &rest[middle_end + 1..];
    if !(1..=4).contains(&last.len()) || !last.iter().all(|&c| digit(c)) {
        return None;
    }
    Some([
        number(&token[..first_end]),
        number(&rest[..middle_end]),
        number(last),
    ])
}

/// (year, month, day), as zxcvbn's map_ints_to_dmy.
fn map_ints_to_dmy(ints: [i64; 3]) -> Option<(i64, i64, i64)> {
    if ints[1] > 31 || ints[1] <= 0 {
        return None;
    }
    let (mut over_12, mut over_31, mut under_1) = (0, 0, 0);
    for &int in &ints {
        if (99 < int && int < DATE_MIN_YEAR) || int > DATE_MAX_YEAR {
            return None;
        }
        over_31 += i32::from(int > 31);
        over_12 += i32::from(int > 12);
        under_1 += i32::from(int <= 0);
    }
    if over_31 >= 2 || over_12 == 3 || under_1 >= 2 {
        return None;
    }
    let splits = [(ints[2], [ints[0], ints[1]]), (ints[0], [ints[1], ints[2]])];
    for (y, rest) in splits {
        if (DATE_MIN_YEAR..=DATE_MAX_YEAR).contains(&y) {
            return map_ints_to_dm(rest).map(|(d, m)| (y, m, d));
        }
    }
    for (y, rest) in splits {
        if let Some((d, m)) = map_ints_to_dm(rest) {
            let y = if y > 99 {
                y
            } else if y > 50 {
                y + 1900
            } else {
                y + 2000
            };
            return Some((y, m, d));
        }
    }
    None
}

fn map_ints_to_dm(ints: [i64; 2]) -> Option<(i64, i64)> {
    for (d, m) in [(ints[0], ints[1]), (ints[1], ints[0])] {
        if (1..=31).contains(&d) && (1..=12).contains(&m) {
            return Some((d, m));
        }
    }
    None
}
