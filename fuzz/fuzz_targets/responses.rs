//! Every operation's interpretation of any answer: any status, headers and body give an
//! outcome or a typed error, never a panic, and an error never shows the operation's secrets.
#![no_main]

use chpass::backend::{HttpResponse, Operation};
use libfuzzer_sys::fuzz_target;
use serde_json::json;
use std::sync::LazyLock;

const SECRET: &str = "s3cret-Pa55";

/// Built once: reading them again for every input was most of each execution.
static OPERATIONS: LazyLock<Vec<Operation>> = LazyLock::new(|| {
    [
        json!({"operation": "keystone.change_password", "base_url": "https://k", "user_id": "u",
               "original_password": SECRET, "password": SECRET}),
        json!({"operation": "keystone.issue_token", "base_url": "https://k",
               "user": {"id": "u"}, "password": SECRET}),
        json!({"operation": "elasticsearch.change_password", "base_url": "https://e", "password": SECRET,
               "auth": {"basic": {"username": "u", "password": SECRET}}}),
        json!({"operation": "opensearch.change_own_password", "base_url": "https://o",
               "current_password": SECRET, "password": SECRET}),
        json!({"operation": "opensearch.set_password", "base_url": "https://o", "username": "u",
               "password": SECRET, "auth": {"basic": {"username": "admin", "password": SECRET}}}),
    ]
    .into_iter()
    .filter_map(|value| Operation::from_value(value).ok())
    .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((head, body)) = data.split_at_checked(3) else {
        return;
    };
    let status = u16::from_le_bytes([head[0], head[1]]) % 600;
    let body = String::from_utf8_lossy(body).into_owned();
    let headers = match head[2] % 4 {
        0 => vec![],
        1 => vec![("content-type".into(), "application/json".into())],
        2 => vec![("retry-after".into(), body.chars().take(12).collect())],
        _ => vec![("x-subject-token".into(), body.chars().take(40).collect())],
    };
    let response = HttpResponse {
        status,
        headers,
        body,
    };
    for operation in OPERATIONS.iter() {
        if let Err(error) = operation.interpret(&response) {
            let shown = format!("{error} {:?}", error.params());
            assert!(!shown.contains(SECRET), "{shown}");
        }
    }
});
