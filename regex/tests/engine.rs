//! The engine's own behaviour, dialect by dialect: what each accepts and refuses, where the
//! two differ, and the step budget that ends every run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chpass_regex::{Exhausted, Flavor, Regex, python_space};

fn matches(pattern: &str, flavor: Flavor, text: &str) -> bool {
    Regex::new(pattern, flavor)
        .unwrap_or_else(|e| panic!("{pattern}: {e}"))
        .is_match(text, 1_000_000)
        .expect("within the budget")
}

#[test]
fn python_matches_at_the_start_only_and_java_the_whole_text() {
    assert!(matches(r"\d+", Flavor::Python, "123abc"));
    assert!(!matches(r"\d+", Flavor::Python, "abc123"));
    assert!(matches(r"\d+", Flavor::Search, "abc123"));
    assert!(!matches(r"\d+", Flavor::Java, "123abc"));
    assert!(matches(r"\d+", Flavor::Java, "123"));
}

#[test]
fn each_dialect_reads_its_own_syntax() {
    // named groups: (?P<n>…) in Python, (?<n>…) in Java
    assert!(matches(r"(?P<c>.)(?P=c)", Flavor::Python, "aa"));
    assert!(Regex::new(r"(?P<c>.)", Flavor::Java).is_err());
    assert!(matches(r"(?<c>.)\k<c>", Flavor::Java, "aa"));
    // class intersection and nested classes are Java's
    assert!(matches("[a-z&&[^aeiou]]+", Flavor::Java, "bcd"));
    assert!(!matches("[a-z&&[^aeiou]]+", Flavor::Java, "bad"));
    // \Z: the very end in Python, before a final newline in Java
    assert!(!matches(r"a\Z", Flavor::Python, "a\n"));
    assert!(matches(r"a\Z\n", Flavor::Java, "a\n"));
    // \p{L} is Java's; CPython's re has no \p
    assert!(matches(r"\p{L}+", Flavor::Java, "Äb"));
    assert!(Regex::new(r"\p{L}", Flavor::Python).is_err());
}

#[test]
fn python_classes_are_unicode_and_ascii_under_the_a_flag() {
    assert!(matches(r"^\w+$", Flavor::Python, "straße"));
    assert!(!matches(r"(?a)^\w+$", Flavor::Python, "straße"));
    assert!(matches(r"^\d+$", Flavor::Python, "١٢٣"));
    assert!(python_space('\u{2003}') && python_space('\x1c') && !python_space('a'));
}

#[test]
fn case_folding_follows_each_engine() {
    // CPython folds by Unicode's simple lowercase; Java only ASCII unless (?iu)
    assert!(matches("(?i)^k$", Flavor::Python, "\u{212a}"));
    assert!(!matches("(?i)k", Flavor::Java, "\u{212a}"));
    assert!(matches("(?iu)k", Flavor::Java, "\u{212a}"));
}

#[test]
fn errors_say_what_is_wrong() {
    for (pattern, flavor) in [
        ("(", Flavor::Python),
        ("[a", Flavor::Java),
        ("a**", Flavor::Python),
        ("[b-a]", Flavor::Java),
    ] {
        let error = Regex::new(pattern, flavor).expect_err(pattern);
        assert!(!error.is_empty(), "{pattern}");
    }
}

#[test]
fn the_step_budget_ends_catastrophic_backtracking() {
    let evil = Regex::new("^(a|aa)+$", Flavor::Python).expect("compiles");
    let text = format!("{}b", "a".repeat(64));
    assert_eq!(evil.is_match(&text, 100_000), Err(Exhausted));
    // the same pattern on a short text answers within it
    assert_eq!(evil.is_match("aaab", 100_000), Ok(false));
}

#[test]
fn lookarounds_atomic_groups_and_backreferences() {
    assert!(matches(
        r"^(?=.*\d)(?=.*[a-zA-Z]).{7,}$",
        Flavor::Python,
        "abcdef1"
    ));
    assert!(!matches(
        r"^(?=.*\d)(?=.*[a-zA-Z]).{7,}$",
        Flavor::Python,
        "abcdefg"
    ));
    assert!(matches(r"^.{8,}(?<!123)$", Flavor::Python, "abcdefgh"));
    assert!(!matches(r"^.{8,}(?<!123)$", Flavor::Python, "abcde123"));
    assert!(!matches(r"^(?>a+)ab", Flavor::Python, "aaab"));
    assert!(matches(r"^(\w)\w*\1$", Flavor::Python, "abca"));
}

/// Found by the fuzz target on a long text (`(?i).*po\u{FFFD}*za`, `re.search`-style): every
/// start scanned the rest of the text in one step, so 16,000 chars took 10.7 s within the
/// budget. Scans are charged a step a char: the budget bounds the work, here ending the search.
#[test]
fn a_scan_costs_a_step_a_char_so_the_budget_bounds_time() {
    let search = Regex::new("(?i).*po\u{e9}*za", Flavor::Search).unwrap();
    let text = "\0cdefg2".repeat(20_000);
    assert_eq!(search.is_match(&text, 1_000_000), Err(Exhausted));
    // a single scan of a long text stays well within a budget of 64 steps a char
    let keystone = Regex::new(r"^(?=.*\d)(?=.*[a-zA-Z]).{7,}$", Flavor::Python).unwrap();
    let long = "aB3!".repeat(262_144);
    assert_eq!(keystone.is_match(&long, 64 * long.len()), Ok(true));
}

/// The fuzz target's slow units (scripts/fuzz.sh records them as findings), as they were found:
/// long counted repetitions of classes compiled each class once per copy (seconds per
/// pattern), and a search rescanned its text from every start. Each now takes milliseconds;
/// read only what it reaches, each answers as on its whole text.
#[test]
fn the_fuzz_targets_slow_units_run_within_their_budget() {
    let units: [&[u8]; 3] = [
        // 01b77094a334
        &[
            0, 40, 63, 105, 41, 40, 63, 58, 40, 63, 58, 92, 115, 124, 195, 159, 123, 50, 125, 40,
            91, 44, 255, 255, 255, 255, 255, 255, 255, 20, 50, 125, 95, 123, 49, 44, 50, 125, 63,
            195, 169, 43, 43, 94, 124, 40, 63, 58, 92, 87, 123, 50, 255, 50, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 125, 255, 255,
            255, 255, 255, 255, 255, 255, 255, 255, 125, 46, 40, 63, 58, 92, 42, 99, 124, 41, 43,
            100, 98, 41, 41, 124, 40, 105, 58, 191, 214, 132, 209, 44, 51, 125, 91, 94, 97, 93, 42,
            43, 41, 123, 49, 51, 51, 125, 91, 52, 93, 42, 92, 100, 43, 63, 40, 45, 63, 255, 255,
            255, 255, 255, 255, 255, 125, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 125,
            46, 40, 63, 58, 92, 42, 99, 124, 41, 43, 100, 98, 41, 41, 124, 40, 105, 58, 65, 41,
            123, 48, 44, 51, 125, 91, 94, 97, 93, 42, 43, 41, 123, 49, 51, 51, 125, 91, 52, 93, 42,
            92, 100, 43, 63, 40, 45, 63, 63, 91, 46, 93, 42, 63, 41, 45, 42, 0, 97,
        ],
        // 32b98f2a5df7
        &[
            2, 40, 63, 105, 41, 46, 42, 112, 111, 142, 155, 214, 215, 42, 122, 97, 0, 0, 99, 100,
            101, 102, 103, 50,
        ],
        // 44165f48ee8f
        &[
            0, 40, 46, 42, 63, 124, 40, 63, 58, 92, 46, 43, 124, 40, 39, 63, 105, 58, 65, 41, 43,
            43, 41, 46, 43, 124, 40, 76, 101, 116, 116, 101, 114, 43, 43, 41, 40, 63, 58, 40, 92,
            63, 58, 46, 42, 63, 124, 40, 41, 40, 63, 58, 40, 92, 63, 58, 46, 42, 63, 124, 40, 63,
            58, 92, 46, 43, 124, 40, 39, 63, 105, 58, 65, 41, 43, 43, 41, 46, 43, 124, 58, 92, 46,
            43, 124, 40, 39, 63, 105, 58, 65, 41, 43, 43, 41, 46, 43, 124, 40, 39, 63, 105, 58, 65,
            144, 43, 43, 41, 40, 63, 58, 40, 92, 63, 58, 46, 42, 63, 124, 40, 41, 40, 63, 58, 40,
            92, 63, 58, 46, 42, 63, 124, 40, 63, 58, 92, 46, 43, 124, 40, 39, 63, 105, 58, 63, 40,
            41, 40, 206, 149, 40, 92, 63, 58, 46, 42, 63, 119, 40, 61, 58, 92, 46, 43, 124, 40, 39,
            63, 105, 58, 65, 40, 63, 58, 92, 46, 43, 124, 40, 39, 63, 105, 58, 63, 40, 41, 40, 206,
            149, 40, 92, 63, 58, 46, 42, 63, 119, 40, 63, 58, 92, 46, 43, 40, 63, 58, 40, 92, 55,
            58, 46, 46, 43, 124, 40, 39, 63, 105, 58, 65, 41, 43, 43, 41, 46, 43, 124, 40, 41, 123,
            221, 55, 125, 41, 43, 96, 204, 56, 41, 43, 39, 43, 41, 123, 44, 40, 41, 123, 221, 51,
            125, 41, 43, 96, 204, 56, 41, 43, 39, 43, 43, 41, 43, 43, 41, 42, 46, 43, 124, 58, 92,
            46, 43, 124, 40, 39, 63, 105, 65, 41, 43, 43, 201, 41, 46, 43, 124, 40, 39, 63, 105,
            58, 65, 144, 43, 43, 41, 40, 63, 58, 40, 92, 63, 58, 46, 42, 102, 105, 71, 115, 116,
            255, 90, 41, 40, 63, 58, 46, 43, 124, 40, 39, 63, 105, 58, 65, 41, 43, 43, 41, 46, 43,
            124, 40, 41, 123, 221, 55, 125, 41, 43, 96, 204, 56, 41, 43, 39, 43, 41, 123, 44, 40,
            41, 123, 221, 51, 125, 41, 48, 43, 96, 60, 204, 56, 41, 43, 39, 43, 43, 41, 46, 43,
            124, 39, 63, 105, 65, 41, 43, 43, 201, 41, 46, 43, 124, 40, 39, 63, 41, 123, 44, 40,
            41, 123, 221, 51, 125, 41, 43, 96, 204, 56, 41, 43, 155, 43, 41, 123, 44, 51, 41, 42,
            43, 155, 46, 63, 105, 58, 43, 123, 41, 43, 144, 65, 45, 221,
        ],
    ];
    for unit in units {
        let (&selector, rest) = unit.split_first().unwrap();
        let flavor = [Flavor::Python, Flavor::Java, Flavor::Search][usize::from(selector % 3)];
        let input = String::from_utf8_lossy(rest);
        let (pattern, text) = input.split_once('\0').unwrap_or((&input, "password1"));
        if let Ok(regex) = Regex::new(pattern, flavor) {
            let long = text.repeat(1 + 4100 / text.len().max(1));
            for text in [text, long.as_str()] {
                assert_eq!(
                    regex.is_match(text, 20_000),
                    regex.is_match_whole(text, 20_000)
                );
            }
        }
    }
}
