//! Shared by the vector tests: load a vector file's cases, and run a check over all of them
//! so one failure does not hide the others.

use serde_json::Value;

pub fn cases(text: &str) -> Vec<Value> {
    section(text, "cases")
}

/// One named list of a vector file that has several (hash.json).
pub fn section(text: &str, key: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(text).expect("vectors parse");
    doc[key].as_array().expect(key).clone()
}

pub fn check_all(cases: &[Value], check: fn(&Value) -> Result<(), String>) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            check(case)
                .err()
                .map(|why| format!("{}: {why}", case["name"].as_str().unwrap_or("?")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
