//! Runs core/tests/vectors/policy.json, the cases js-tests and py-tests run too.

// Test helpers: a malformed vector file should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chpass::{Context, Error, Policy, Report};
use common::{cases, check_all};
use serde_json::Value;

fn policy_of(case: &Value) -> Result<Policy, Error> {
    if let Some(name) = case["preset"].as_str() {
        Policy::preset(name, &case["options"])
    } else if let Some(conf) = case["keystone_conf"].as_str() {
        Policy::from_keystone_conf(conf)
    } else {
        Policy::from_value(case["policy"].clone())
    }
}

fn password_of(case: &Value) -> Result<String, Error> {
    if let Some(units) = case["password_utf16"].as_array() {
        let units: Vec<u16> = units.iter().map(|u| u.as_u64().unwrap() as u16).collect();
        return chpass::text::decode_utf16("password", &units);
    }
    if let Some(repeat) = case.get("password_repeat") {
        let count = repeat["count"].as_u64().unwrap() as usize;
        return Ok(repeat["text"].as_str().unwrap().repeat(count));
    }
    Ok(case["password"].as_str().expect("password").to_owned())
}

fn run(case: &Value) -> Result<Report, Error> {
    let policy = policy_of(case)?;
    let password = password_of(case)?;
    let context = Context::from_value(case.get("context").cloned().unwrap_or(Value::Null))?;
    Ok(policy.validate(&password, &context))
}

fn check(case: &Value) -> Result<(), String> {
    let outcome = run(case);
    if let Some(code) = case["expected_error"].as_str() {
        let err = match outcome {
            Err(err) => err,
            Ok(report) => return Err(format!("expected error {code}, got {:?}", report.codes())),
        };
        if err.code() != code {
            return Err(format!("expected error {code}, got {err:?}"));
        }
        if let Some(path) = case["expected_error_path"].as_str()
            && err.params()["path"] != path
        {
            return Err(format!("expected error path {path}, got {err:?}"));
        }
        return Ok(());
    }
    let report = outcome.map_err(|e| format!("unexpected error {e}"))?;
    let expected: Vec<&str> = case["expected_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    if report.codes() != expected {
        return Err(format!(
            "codes {:?} != expected {expected:?}",
            report.codes()
        ));
    }
    if report.ok() != expected.is_empty() {
        return Err("ok disagrees with the violations".into());
    }
    if let Some(params) = case["expected_params"].as_array() {
        for (violation, want) in report.violations.iter().zip(params) {
            if &Value::Object(violation.params()) != want {
                return Err(format!("params {:?} != {want}", violation.params()));
            }
        }
    }
    if let Some(messages) = case["expected_messages"].as_array() {
        for (violation, want) in report.violations.iter().zip(messages) {
            if violation.message() != want.as_str().unwrap() {
                return Err(format!("message {:?} != {want}", violation.message()));
            }
        }
    }
    // notices: `expected_notices` as [{code, params}], none when the case names none
    let notices: Vec<Value> = report
        .notices
        .iter()
        .map(|n| serde_json::json!({ "code": n.code(), "params": n.params() }))
        .collect();
    let want_notices = case.get("expected_notices").cloned().unwrap_or_default();
    if Value::from(notices.clone()) != want_notices
        && !(notices.is_empty() && want_notices.is_null())
    {
        return Err(format!("notices {notices:?} != {want_notices}"));
    }
    if let Some(want) = case["expected_not_evaluated"].as_array() {
        let want: Vec<&str> = want.iter().map(|c| c.as_str().unwrap()).collect();
        if report.not_evaluated != want {
            return Err(format!(
                "not_evaluated {:?} != {want:?}",
                report.not_evaluated
            ));
        }
    }
    Ok(())
}

#[test]
fn every_policy_vector() {
    let cases = cases(include_str!("vectors/policy.json"));
    assert!(cases.len() >= 150, "the issue asks for at least 150 cases");
    check_all(&cases, check);
}

#[test]
fn reports_serialize_to_the_shape_the_bindings_return() {
    let policy = Policy::preset("elasticsearch", &Value::Null).unwrap();
    let report = policy.validate("abc", &Context::default());
    assert_eq!(
        serde_json::to_value(&report).unwrap(),
        serde_json::json!({
            "ok": false,
            "violations": [{
                "code": "too_short",
                "message": "Must be at least 6 UTF-16 code units long.",
                "params": {"min": 6, "actual": 3, "unit": "utf16_units"}
            }],
            "notices": [],
            "not_evaluated": [],
            "strength": null
        })
    );
    // with a strength rule, the estimate comes along
    let policy = Policy::preset("opensearch", &Value::Null).unwrap();
    let report = policy.validate("password1", &Context::default());
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(value["strength"]["score"], 0);
    assert!(value["strength"]["guesses_log10"].as_f64().unwrap() > 0.0);
}

#[test]
fn policies_round_trip_through_json() {
    for preset in chpass::presets::ALL {
        let policy = Policy::preset(preset.name, &Value::Null).unwrap();
        let again = Policy::from_json(&policy.to_json()).unwrap();
        assert_eq!(policy, again, "{}", preset.name);
    }
}

#[test]
fn context_debug_never_shows_the_current_password() {
    let context = Context::from_value(serde_json::json!({"current_password": "hunter2"})).unwrap();
    assert!(!format!("{context:?}").contains("hunter2"));
}
