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

fn check(file: &str, flavor: Flavor, compile: impl Fn(&str) -> String) {
    let path = format!("{}/tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the vectors are committed");
    let vectors: Vectors = serde_json::from_str(&text).expect("vectors parse");
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
