//! Runs core/tests/vectors/requests.json and responses.json, which js-tests and py-tests run too.

// Test helpers: a malformed vector file should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chpass::backend::{HttpResponse, Operation};
use common::{cases, check_all};
use serde_json::Value;

fn response_of(case: &Value) -> HttpResponse {
    let mut response = case["response"].clone();
    if let Some(repeat) = response.get("body_repeat").cloned() {
        let body = repeat["text"]
            .as_str()
            .unwrap()
            .repeat(repeat["count"].as_u64().unwrap() as usize);
        let map = response.as_object_mut().unwrap();
        map.remove("body_repeat");
        map.insert("body".into(), Value::from(body));
    }
    HttpResponse::from_value(response).unwrap()
}

fn check_request(case: &Value) -> Result<(), String> {
    let built = Operation::from_value(case["operation"].clone()).and_then(|op| op.request());
    if let Some(code) = case["expected_error"].as_str() {
        return match built {
            Err(e)
                if e.code() == code
                    && e.params().get("path") == case.get("expected_error_path") =>
            {
                shows_none_of(&e, case)
            }
            other => Err(format!("expected {code}, got {other:?}")),
        };
    }
    let request = built.map_err(|e| format!("unexpected error {e}"))?;
    let want = &case["expected_request"];
    if request.method != want["method"] || request.url != want["url"] {
        return Err(format!(
            "{} {} != {} {}",
            request.method, request.url, want["method"], want["url"]
        ));
    }
    let headers: Vec<Value> = request
        .headers
        .iter()
        .map(|(k, v)| serde_json::json!([k, v]))
        .collect();
    if Value::from(headers.clone()) != want["headers"] {
        return Err(format!("headers {headers:?} != {}", want["headers"]));
    }
    let body: Value = request
        .body
        .as_ref()
        .map(|b| serde_json::from_str(b).unwrap())
        .unwrap_or(Value::Null);
    if body != want["body"] {
        return Err(format!("body {body} != {}", want["body"]));
    }
    let dump = request.dump();
    for secret in case["dump_must_not_contain"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let secret = secret.as_str().unwrap();
        if dump.contains(secret) || format!("{request:?}").contains(secret) {
            return Err(format!("the dump shows {secret:?}:\n{dump}"));
        }
    }
    Ok(())
}

/// `error_must_not_contain`: secrets that neither the message nor the params may show.
fn shows_none_of(err: &chpass::Error, case: &Value) -> Result<(), String> {
    let shown = format!("{err} {err:?} {}", Value::from(err.params()));
    for secret in case["error_must_not_contain"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let secret = secret.as_str().unwrap();
        if shown.contains(secret) {
            return Err(format!("the error shows {secret:?}: {shown}"));
        }
    }
    Ok(())
}

fn check_response(case: &Value) -> Result<(), String> {
    let operation = Operation::from_value(case["operation"].clone()).map_err(|e| e.to_string())?;
    let outcome = operation.interpret(&response_of(case));
    if let Some(code) = case["expected_error"].as_str() {
        let err = match outcome {
            Err(err) => err,
            Ok(outcome) => return Err(format!("expected {code}, got {outcome:?}")),
        };
        if err.code() != code {
            return Err(format!("expected {code}, got {} ({err})", err.code()));
        }
        shows_none_of(&err, case)?;
        let params = err.params();
        for (key, want) in case["expected_params"].as_object().unwrap() {
            if params.get(key) != Some(want) {
                return Err(format!("param {key}: {:?} != {want}", params.get(key)));
            }
        }
        if let Some(excerpt) = params.get("excerpt").and_then(Value::as_str)
            && excerpt.len() > chpass::backend::EXCERPT_BYTES + 3
        {
            return Err("the excerpt is not bounded".into());
        }
        return Ok(());
    }
    let outcome = outcome.map_err(|e| format!("unexpected error {e}"))?;
    let got = serde_json::to_value(&outcome).unwrap();
    if got != case["expected_outcome"] {
        return Err(format!("outcome {got} != {}", case["expected_outcome"]));
    }
    Ok(())
}

#[test]
fn every_request_vector() {
    check_all(&cases(include_str!("vectors/requests.json")), check_request);
}

#[test]
fn every_response_vector() {
    let cases = cases(include_str!("vectors/responses.json"));
    // at least one case for every documented status of every endpoint
    assert!(cases.len() >= 70);
    check_all(&cases, check_response);
}

#[test]
fn errors_never_show_passwords_or_tokens() {
    let op = Operation::from_value(serde_json::json!({
        "operation": "keystone.issue_token", "base_url": "https://k", "user": {"id": "u"}, "password": "hunter2"
    }))
    .unwrap();
    let response = HttpResponse::from_value(serde_json::json!({
        "status": 201, "headers": {"X-Subject-Token": "tok-123"}, "body": "{\"token\": {\"user\": {\"id\": \"u\"}}}"
    }))
    .unwrap();
    let outcome = op.interpret(&response).unwrap();
    assert!(!format!("{op:?} {outcome:?} {response:?}").contains("hunter2"));
    assert!(!format!("{outcome:?} {response:?}").contains("tok-123"));
}

/// Operations and hash specs are `Deserialize` for Rust callers too: the same reader, the same
/// words, the key in front.
#[test]
fn operations_and_specs_deserialize_from_any_serde_format() {
    let op: Operation = serde_json::from_str(
        r#"{"operation": "elasticsearch.change_password", "base_url": "https://es.example:9200", "password": "pw"}"#,
    )
    .unwrap();
    assert!(matches!(op, Operation::ElasticsearchChangePassword(_)));
    let err =
        serde_json::from_str::<Operation>(r#"{"operation": "keystone.issue_token", "user": 5}"#)
            .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("user: invalid type: integer `5`"),
        "{err}"
    );
    let spec: chpass::hash::HashSpec =
        serde_json::from_str(r#"{"algorithm": "bcrypt", "cost": 4}"#).unwrap();
    assert!(matches!(spec, chpass::hash::HashSpec::Bcrypt(_)));
    let err =
        serde_json::from_str::<chpass::hash::HashSpec>(r#"{"algorithm": "md5"}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("algorithm: unknown variant, expected"),
        "{err}"
    );
}
