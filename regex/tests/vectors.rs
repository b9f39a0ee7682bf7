//! The engine against CPython's `re.match` and `java.util.regex` on committed verdicts
//! (tests/make_vectors.py writes them from both engines): every pair agrees, except patterns
//! refused on purpose. Running out of steps counts as no match, as the policy counts it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chpass_regex::{Flavor, Regex};
use serde::Deserialize;

const BUDGET: usize = 1_000_000;

#[derive(Deserialize)]
struct Vectors {
    unsupported: Vec<String>,
    cases: Vec<(String, String, Option<bool>)>,
}

/// The committed vectors of `file` (tests/vectors/).
fn load(file: &str) -> Vectors {
    let path = format!("{}/tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the vectors are committed");
    serde_json::from_str(&text).expect("vectors parse")
}

fn check(file: &str, flavor: Flavor, compile: impl Fn(&str) -> String) {
    let vectors = load(file);
    let mut wrong = Vec::new();
    for (pattern, input, theirs) in &vectors.cases {
        let ours = match Regex::new(&compile(pattern), flavor) {
            Err(_) => None,
            Ok(regex) => Some(regex.is_match(input, BUDGET).unwrap_or(false)),
        };
        let refused_on_purpose = ours.is_none() && vectors.unsupported.contains(pattern);
        if ours != *theirs && !refused_on_purpose {
            wrong.push((pattern, input, ours, theirs));
        }
    }
    assert!(
        vectors.cases.len() > 10_000,
        "{file}: {} cases",
        vectors.cases.len()
    );
    assert!(
        wrong.is_empty(),
        "{file}: {} disagreements, first {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );
}

#[test]
fn agrees_with_cpython_re_match() {
    check("cpython.json", Flavor::Python, str::to_owned);
}

#[test]
fn agrees_with_java_util_regex_as_opensearch_compiles_it() {
    check("java.json", Flavor::Java, |regex| format!("^{regex}$"));
}

/// `is_match` reads only the chars a pattern can reach, and a long text's head first; on every
/// vector's pattern, with texts that run past that (line ends, `\r\n`, a long tail, past the
/// 4,096-byte head, with a char across its end), it answers as on the whole text.
#[test]
fn reading_only_what_the_pattern_reaches_changes_no_verdict() {
    let tails = ["", "\n", "\r\n", "x", "1\n", "\n\n", "é\r", "\u{2028}"];
    let long = "aB3!".repeat(20);
    let past_head = ["aB3!".repeat(1025), format!("x{}", "é".repeat(2100))];
    for (file, flavor) in [
        ("cpython.json", Flavor::Python),
        ("java.json", Flavor::Java),
    ] {
        let vectors = load(file);
        let mut inputs_seen = std::collections::HashMap::new();
        for (pattern, input, _) in &vectors.cases {
            let source = match flavor {
                Flavor::Java => format!("^{pattern}$"),
                _ => pattern.clone(),
            };
            let Ok(regex) = Regex::new(&source, flavor) else {
                continue;
            };
            let mut texts: Vec<String> = tails
                .iter()
                .flat_map(|tail| [format!("{input}{tail}"), format!("{input}{long}{tail}")])
                .collect();
            // the long texts once for first input of each pattern (each pattern has many)
            let seen = inputs_seen.entry(pattern.clone()).or_insert(0);
            *seen += 1;
            for filler in past_head.iter().filter(|_| *seen == 1) {
                texts.push(format!("{input}{filler}"));
                texts.push(format!("{input}{filler}\n"));
                texts.push(format!("{filler}{input}"));
            }
            {
                for text in texts {
                    // any budget gives the same steps; a small one keeps hostile patterns quick
                    assert_eq!(
                        regex.is_match(&text, 20_000),
                        regex.is_match_whole(&text, 20_000),
                        "{file}: {pattern:?} on {text:?}"
                    );
                }
            }
        }
    }
}
