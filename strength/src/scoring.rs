//! zxcvbn's guess estimates and its search for the most guessable match sequence, ported from
//! scoring.coffee of zxcvbn 4.4.2 (f64 arithmetic, as JavaScript's numbers).

use super::data::graphs;
use super::matching::{Kind, Match};
use std::collections::BTreeMap;

const BRUTEFORCE_CARDINALITY: f64 = 10.0;
const MIN_GUESSES_BEFORE_GROWING_SEQUENCE: f64 = 10000.0;
const MIN_SUBMATCH_GUESSES_SINGLE_CHAR: f64 = 10.0;
const MIN_SUBMATCH_GUESSES_MULTI_CHAR: f64 = 50.0;
const MIN_YEAR_SPACE: i64 = 20;

pub(crate) struct Analysis {
    pub guesses: f64,
    pub sequence: Vec<Match>,
}

/// C(n, 0), C(n, 1), C(n, 2), … with zxcvbn's nCk arithmetic (r *= n; r /= d; n -= 1): its
/// loop for C(n, k) passes through C(n, k − 1), so a sum over k costs one step a term instead of
/// k, with the same f64 values. (A k above n gives 0, as nCk does.)
fn binomials(n: f64) -> impl Iterator<Item = f64> {
    let (mut r, mut n, mut d) = (1.0, n, 1.0);
    std::iter::once(1.0).chain(std::iter::from_fn(move || {
        r *= n;
        r /= d;
        n -= 1.0;
        d += 1.0;
        Some(r)
    }))
}

/// zxcvbn's count of ways to change up to min(a, b) of a + b characters (shifted keys,
/// capitals, l33t substitutions): Σ C(a + b, i) for i in 1..=min(a, b).
fn variations(a: f64, b: f64) -> f64 {
    let terms = a.min(b).max(0.0) as usize;
    binomials(a + b)
        .skip(1)
        .take(terms)
        .fold(0.0, |sum, c| sum + c)
}

/// The non-overlapping sequence of matches (bruteforce filling the gaps) with the fewest
/// guesses: g = l! · Π guesses + 10000^(l−1). `matches` come sorted on (i, j), as `omnimatch`
/// returns them.
pub(crate) fn most_guessable(
    password: &[u16],
    matches: Vec<Match>,
    reference_year: i64,
) -> Analysis {
    let n = password.len();
    let mut arena: Vec<Match> = matches;
    let mut by_j: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (index, m) in arena.iter().enumerate() {
        if m.j < n {
            by_j[m.j].push(index);
        }
    }
    // zxcvbn sorts each list on i (stably); taken in (i, j) order, they already are
    debug_assert!(
        by_j.iter()
            .all(|list| list.is_sorted_by_key(|&index| arena[index].i))
    );
    // optimal[k][l] = (match, pi, g)
    let mut optimal: Vec<BTreeMap<usize, (usize, f64, f64)>> = vec![BTreeMap::new(); n];
    // l! and 10000^(l-1) for every sequence length, and a bruteforce span's guesses for every
    // length, computed once (the same f64 values)
    let factorials: Vec<f64> = (0..=n + 1)
        .scan(1.0, |f, l| {
            *f *= (l as f64).max(1.0); // 1 · 2 · … · l, zxcvbn's product in its order
            Some(*f)
        })
        .collect();
    let penalties: Vec<f64> = (0..=n + 1)
        .map(|l| MIN_GUESSES_BEFORE_GROWING_SEQUENCE.powf(l.saturating_sub(1) as f64))
        .collect();
    let spans: Vec<f64> = (0..=n).map(|len| bruteforce_guesses(len.max(1))).collect();

    // zxcvbn's `update`: the sequence of length l ending at k with a match of `guesses` from i,
    // after the best sequence of length l − 1 ending at i − 1 (`before`). It is kept, as (pi, g),
    // unless a sequence as short or shorter ending at k is at least as good.
    let admit = |before: Option<&BTreeMap<usize, (usize, f64, f64)>>,
                 here: &BTreeMap<usize, (usize, f64, f64)>,
                 l: usize,
                 guesses: f64|
     -> Option<(f64, f64)> {
        let mut pi = guesses;
        if l > 1 {
            pi *= before
                .and_then(|b| b.get(&(l - 1)))
                .map_or(f64::NAN, |o| o.1);
        }
        let g = factorials[l] * pi + penalties[l];
        let beaten = here
            .range(..=l)
            .any(|(_, &(_, _, competing_g))| competing_g <= g);
        (!beaten).then_some((pi, g))
    };
    // a bruteforce span enters the arena only when a sequence keeps it: there are O(n²) spans
    let span = |arena: &mut Vec<Match>, i: usize, j: usize| -> usize {
        arena.push(Match {
            i,
            j,
            token: Vec::new(), // only its length is needed
            kind: Kind::Bruteforce,
            guesses: Some(spans[j + 1 - i]),
        });
        arena.len() - 1
    };
    // the positions where a sequence ending with a match (not bruteforce) ends: two adjacent
    // bruteforce spans are never optimal, so only these can precede a bruteforce span
    // (with the least pi of those sequences there, for the bound below)
    let mut match_ends: Vec<(usize, f64)> = Vec::new();

    for (k, ending_here) in by_j.iter().enumerate() {
        let (done, rest) = optimal.split_at_mut(k);
        let here = &mut rest[0];
        for &m in ending_here {
            let i = arena[m].i;
            let guesses = estimate_guesses(&mut arena[m], n, reference_year);
            let before = i.checked_sub(1).map(|q| &done[q]);
            let lengths: Vec<usize> = before.map_or(vec![0], |b| b.keys().copied().collect());
            for l in lengths {
                if let Some((pi, g)) = admit(before, here, l + 1, guesses) {
                    here.insert(l + 1, (m, pi, g));
                }
            }
        }
        // bruteforce over the whole prefix, and from every i onto the best sequences before it
        if let Some((pi, g)) = admit(None, here, 1, spans[k + 1]) {
            here.insert(1, (span(&mut arena, 0, k), pi, g));
        }
        // the best sequence of at most two matches ending here: a span from i = q + 1 after a
        // sequence of l matches is beaten by it when its g is no less, and that g is at least
        // 2! · (span · least pi at q) + 10000 (f64 rounding is monotonic): most spans of a long
        // password are beaten so, and cost one comparison
        let mut best_of_two = here
            .range(..=2)
            .map(|(_, e)| e.2)
            .fold(f64::INFINITY, f64::min);
        for &(q, least_pi) in &match_ends {
            let (i, guesses) = (q + 1, spans[k - q]);
            if best_of_two <= factorials[2] * (guesses * least_pi) + penalties[2] {
                continue;
            }
            let mut kept = None;
            for (&l, &(last, _, _)) in &done[q] {
                if matches!(arena[last].kind, Kind::Bruteforce) {
                    continue;
                }
                if let Some((pi, g)) = admit(Some(&done[q]), here, l + 1, guesses) {
                    let m = *kept.get_or_insert_with(|| span(&mut arena, i, k));
                    here.insert(l + 1, (m, pi, g));
                    if l < 2 {
                        best_of_two = best_of_two.min(g);
                    }
                }
            }
        }
        let least_pi = here
            .values()
            .filter(|&&(last, _, _)| !matches!(arena[last].kind, Kind::Bruteforce))
            .map(|&(_, pi, _)| pi)
            .reduce(f64::min);
        if let Some(least_pi) = least_pi {
            match_ends.push((k, least_pi));
        }
    }

    if n == 0 {
        return Analysis {
            guesses: 1.0,
            sequence: Vec::new(),
        };
    }
    let mut best: Option<(usize, f64)> = None;
    for (&l, &(_, _, g)) in &optimal[n - 1] {
        if best.is_none_or(|(_, best_g)| g < best_g) {
            best = Some((l, g));
        }
    }
    let Some((mut l, guesses)) = best else {
        return Analysis {
            guesses: 1.0,
            sequence: Vec::new(),
        };
    };
    let mut sequence = Vec::new();
    let mut k = n as isize - 1;
    while k >= 0 && l > 0 {
        let Some(&(m, _, _)) = optimal[k as usize].get(&l) else {
            break;
        };
        sequence.push(arena[m].clone());
        k = arena[m].i as isize - 1;
        l -= 1;
    }
    sequence.reverse();
    Analysis { guesses, sequence }
}

fn estimate_guesses(m: &mut Match, password_len: usize, reference_year: i64) -> f64 {
    if let Some(guesses) = m.guesses {
        return guesses;
    }
    let len = m.j + 1 - m.i;
    let mut min_guesses = 1.0;
    if len < password_len {
        min_guesses = if len == 1 {
            MIN_SUBMATCH_GUESSES_SINGLE_CHAR
        } else {
            MIN_SUBMATCH_GUESSES_MULTI_CHAR
        };
    }
    let guesses = match &m.kind {
        Kind::Bruteforce => bruteforce_guesses(len),
        Kind::Dictionary {
            rank,
            reversed,
            sub,
            ..
        } => {
            let reversed_variations = if *reversed { 2.0 } else { 1.0 };
            f64::from(*rank)
                * uppercase_variations(&m.token)
                * l33t_variations(&m.token, sub.as_deref())
                * reversed_variations
        }
        Kind::Spatial {
            keyboard,
            turns,
            shifted_count,
        } => spatial_guesses(len, *keyboard, *turns, *shifted_count),
        Kind::Repeat {
            base_guesses,
            repeat_count,
        } => base_guesses * repeat_count,
        Kind::Sequence { ascending } => sequence_guesses(&m.token, *ascending),
        Kind::Year { year } => (year - reference_year).abs().max(MIN_YEAR_SPACE) as f64,
        Kind::Date { year, separator } => {
            let year_space = (year - reference_year).abs().max(MIN_YEAR_SPACE) as f64;
            year_space * 365.0 * if *separator { 4.0 } else { 1.0 }
        }
    };
    let guesses = guesses.max(min_guesses);
    m.guesses = Some(guesses);
    guesses
}

fn bruteforce_guesses(len: usize) -> f64 {
    let mut guesses = BRUTEFORCE_CARDINALITY.powf(len as f64);
    if guesses.is_infinite() {
        guesses = f64::MAX;
    }
    let min = if len == 1 {
        MIN_SUBMATCH_GUESSES_SINGLE_CHAR + 1.0
    } else {
        MIN_SUBMATCH_GUESSES_MULTI_CHAR + 1.0
    };
    guesses.max(min)
}

fn sequence_guesses(token: &[u16], ascending: bool) -> f64 {
    let first = token.first().copied().unwrap_or(0);
    let mut base: f64 = if [b'a', b'A', b'z', b'Z', b'0', b'1', b'9']
        .iter()
        .any(|&c| u16::from(c) == first)
    {
        4.0
    } else if (u16::from(b'0')..=u16::from(b'9')).contains(&first) {
        10.0
    } else {
        26.0
    };
    if !ascending {
        base *= 2.0;
    }
    base * token.len() as f64
}

fn spatial_guesses(len: usize, keyboard: bool, turns: u32, shifted_count: u32) -> f64 {
    let g = graphs();
    let (s, d) = if keyboard {
        (g.keyboard_starting_positions, g.keyboard_average_degree)
    } else {
        (g.keypad_starting_positions, g.keypad_average_degree)
    };
    // Σ over i ≤ len, j ≤ min(turns, i − 1) of C(i − 1, j − 1) · s · d^j: one step a term (a
    // long walk with many turns is otherwise cubic in its length)
    let powers: Vec<f64> = (1..len.max(1))
        .take(turns as usize)
        .map(|j| d.powf(j as f64))
        .collect();
    let mut guesses = 0.0;
    for i in 2..=len {
        let possible_turns = (turns as usize).min(i - 1);
        for (binomial, power) in binomials((i - 1) as f64).zip(&powers).take(possible_turns) {
            guesses += binomial * s * power;
        }
        if guesses == f64::INFINITY {
            break; // every term is positive: the sum stays infinite (a walk of about 900 keys)
        }
    }
    if shifted_count > 0 {
        let shifted = f64::from(shifted_count);
        let unshifted = len as f64 - shifted;
        if unshifted == 0.0 {
            guesses *= 2.0;
        } else {
            guesses *= variations(shifted, unshifted);
        }
    }
    guesses
}

fn is_upper(c: u16) -> bool {
    (u16::from(b'A')..=u16::from(b'Z')).contains(&c)
}

fn is_lower(c: u16) -> bool {
    (u16::from(b'a')..=u16::from(b'z')).contains(&c)
}

fn uppercase_variations(word: &[u16]) -> f64 {
    let all_lower = !word.iter().any(|&c| is_upper(c));
    if all_lower || super::matching::lowercase(word) == word {
        return 1.0;
    }
    let n = word.len();
    let start_upper = n >= 2 && is_upper(word[0]) && word[1..].iter().all(|&c| !is_upper(c));
    let end_upper = n >= 2 && is_upper(word[n - 1]) && word[..n - 1].iter().all(|&c| !is_upper(c));
    let all_upper = n >= 1 && word.iter().all(|&c| !is_lower(c));
    if start_upper || end_upper || all_upper {
        return 2.0;
    }
    let upper = word.iter().filter(|&&c| is_upper(c)).count() as f64;
    let lower = word.iter().filter(|&&c| is_lower(c)).count() as f64;
    variations(upper, lower)
}

fn l33t_variations(token: &[u16], sub: Option<&[(u16, u16)]>) -> f64 {
    let Some(sub) = sub else { return 1.0 };
    let chars = super::matching::lowercase(token);
    let mut variations = 1.0;
    for &(subbed, unsubbed) in sub {
        let s = chars.iter().filter(|&&c| c == subbed).count() as f64;
        let u = chars.iter().filter(|&&c| c == unsubbed).count() as f64;
        if s == 0.0 || u == 0.0 {
            variations *= 2.0;
        } else {
            variations *= self::variations(u, s);
        }
    }
    variations
}

/// zxcvbn's score: 0 below 10^3 guesses (+5), 1 below 10^6, 2 below 10^8, 3 below 10^10, else 4.
pub(crate) fn score(guesses: f64) -> u8 {
    const DELTA: f64 = 5.0;
    if guesses < 1e3 + DELTA {
        0
    } else if guesses < 1e6 + DELTA {
        1
    } else if guesses < 1e8 + DELTA {
        2
    } else if guesses < 1e10 + DELTA {
        3
    } else {
        4
    }
}
