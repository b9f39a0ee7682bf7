//! core/tests/vectors/strength.json: npm zxcvbn 4.4.2's own results, which chpass must equal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
mod common;

use common::{cases, check_all};

const TEXT: &str = include_str!("vectors/strength.json");

fn reference_year() -> i64 {
    serde_json::from_str::<serde_json::Value>(TEXT).unwrap()["reference_year"]
        .as_i64()
        .unwrap()
}

#[test]
fn the_same_results_as_npm_zxcvbn() {
    let cases = cases(TEXT);
    assert!(cases.len() >= 400);
    check_all(&cases, |case| {
        let password = case["password"].as_str().unwrap();
        let inputs: Vec<&str> = case["user_inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let ours = chpass::strength::estimate_in_year(password, &inputs, reference_year())
            .map_err(|e| e.to_string())?;
        let want = case["guesses_log10"].as_f64().unwrap();
        if ours.score != case["score"].as_u64().unwrap() as u8
            || (ours.guesses_log10 - want).abs() > 1e-9
        {
            return Err(format!(
                "{password:?}: score {} log10 {} vs {} {want}",
                ours.score, ours.guesses_log10, case["score"]
            ));
        }
        if ours.matches_user_input() != case["user_input_match"].as_bool().unwrap() {
            return Err(format!("{password:?}: user input match differs"));
        }
        Ok(())
    });
}
