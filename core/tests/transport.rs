//! The transport against a scripted server on 127.0.0.1: retries, timeouts, unknown outcomes.
#![cfg(feature = "transport")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chpass::backend::Operation;
use chpass::transport::{Transport, TransportOptions};
use chpass::{Context, Policy};
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the server does with the n-th connection.
#[derive(Clone)]
enum Reply {
    Status(u16, &'static str, &'static str), // status, extra header line, body
    CloseWithoutAnswer,
    Stall,
}

async fn server(replies: Vec<Reply>) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        for reply in replies {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut buf = vec![0u8; 65536];
            let n = socket.read(&mut buf).await.unwrap_or(0);
            log.lock()
                .unwrap()
                .push(String::from_utf8_lossy(&buf[..n]).into_owned());
            match reply {
                Reply::Status(status, header, body) => {
                    let head = format!(
                        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n{header}\r\n",
                        body.len()
                    );
                    let _ = socket.write_all(head.as_bytes()).await;
                    let _ = socket.write_all(body.as_bytes()).await;
                }
                Reply::CloseWithoutAnswer => drop(socket),
                Reply::Stall => {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
            }
        }
    });
    (url, seen)
}

fn es_change(url: &str) -> Operation {
    Operation::from_value(json!({
        "operation": "elasticsearch.change_password", "base_url": url, "username": "jack",
        "password": "n3w-Passw0rd", "auth": {"basic": {"username": "elastic", "password": "changeme"}}
    }))
    .unwrap()
}

fn quick() -> TransportOptions {
    TransportOptions {
        timeout_ms: 1_000,
        ..TransportOptions::default()
    }
}

#[tokio::test]
async fn a_change_goes_through() {
    let (url, seen) = server(vec![Reply::Status(200, "", "{}")]).await;
    let outcome = Transport::new(quick())
        .unwrap()
        .execute(&es_change(&url))
        .await
        .unwrap();
    assert_eq!(
        serde_json::to_value(outcome).unwrap(),
        json!({"outcome": "password_changed"})
    );
    let request = seen.lock().unwrap()[0].clone();
    assert!(request.starts_with("PUT /_security/user/jack/_password HTTP/1.1"));
    assert!(request.ends_with(r#"{"password":"n3w-Passw0rd"}"#));
}

#[tokio::test]
async fn a_503_is_retried_after_retry_after() {
    let (url, seen) = server(vec![
        Reply::Status(503, "Retry-After: 1\r\n", ""),
        Reply::Status(200, "", "{}"),
    ])
    .await;
    let start = Instant::now();
    Transport::new(quick())
        .unwrap()
        .execute(&es_change(&url))
        .await
        .unwrap();
    assert!(start.elapsed() >= Duration::from_secs(1));
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn retries_stop_and_the_error_says_retryable() {
    let (url, seen) = server(vec![
        Reply::Status(503, "Retry-After: 0\r\n", ""),
        Reply::Status(503, "Retry-After: 0\r\n", ""),
        Reply::Status(503, "Retry-After: 0\r\n", ""),
    ])
    .await;
    let err = Transport::new(quick())
        .unwrap()
        .execute(&es_change(&url))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "server_unavailable");
    assert!(err.is_retryable());
    assert_eq!(seen.lock().unwrap().len(), 3, "one try and two retries");
}

#[tokio::test]
async fn nothing_else_is_retried() {
    let (url, seen) = server(vec![
        Reply::Status(500, "", "boom"),
        Reply::Status(200, "", "{}"),
    ])
    .await;
    let err = Transport::new(quick())
        .unwrap()
        .execute(&es_change(&url))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "unexpected_response");
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn a_dropped_change_is_an_unknown_outcome() {
    let (url, _) = server(vec![Reply::CloseWithoutAnswer]).await;
    let err = Transport::new(quick())
        .unwrap()
        .execute(&es_change(&url))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "outcome_unknown", "{err}");
}

#[tokio::test]
async fn a_stalled_change_is_an_unknown_outcome_and_a_stalled_read_a_timeout() {
    let (url, _) = server(vec![Reply::Stall, Reply::Stall]).await;
    let transport = Transport::new(quick()).unwrap();
    let err = transport.execute(&es_change(&url)).await.unwrap_err();
    assert_eq!(err.code(), "outcome_unknown");
    let read = Operation::from_value(json!({
        "operation": "keystone.get_password_policy", "base_url": url, "token": "t"
    }))
    .unwrap();
    assert_eq!(
        transport.execute(&read).await.unwrap_err().code(),
        "timeout"
    );
}

#[tokio::test]
async fn a_refused_connection_is_a_network_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let err = Transport::new(quick())
        .unwrap()
        .execute(&es_change(&url))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "network", "{err}");
}

#[tokio::test]
async fn plain_http_only_to_loopback() {
    let transport = Transport::new(quick()).unwrap();
    let err = transport
        .execute(&es_change("http://es.example:9200"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "insecure_http");
    assert!(!err.to_string().contains("n3w-Passw0rd"));
}

#[tokio::test]
async fn a_policy_failure_sends_nothing() {
    let (url, seen) = server(vec![Reply::Status(200, "", "{}")]).await;
    let policy = Policy::preset("nist-800-63b", &serde_json::Value::Null).unwrap();
    let err = Transport::new(quick())
        .unwrap()
        .change_password(&es_change(&url), Some(&policy), &Context::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "policy_violation");
    assert_eq!(err.params()["report"]["violations"][0]["code"], "too_short");
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn plain_http_beyond_loopback_only_when_explicitly_allowed() {
    // [::ffff:127.0.0.1] is not on chpass's loopback list, yet the traffic stays on this machine
    let (url, seen) = server(vec![Reply::Status(200, "", "{}")]).await;
    let port = url.rsplit(':').next().unwrap();
    let mapped = format!("http://[::ffff:127.0.0.1]:{port}");
    let refused = Transport::new(quick())
        .unwrap()
        .execute(&es_change(&mapped))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "insecure_http");
    let allowed = Transport::new(TransportOptions {
        allow_insecure_http: true,
        ..quick()
    })
    .unwrap();
    allowed.execute(&es_change(&mapped)).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 1);
}

/// SHA-1("n3w-Passw0rd") starts with these five hex digits; the rest must never leave.
fn sha1_hex(text: &str) -> String {
    use sha1::Digest;
    sha1::Sha1::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

fn breach_policy(on_error: &str) -> Policy {
    Policy::from_value(json!({ "breached_check": true, "breached_on_error": on_error })).unwrap()
}

#[tokio::test]
async fn a_breached_password_is_refused_and_only_the_prefix_left() {
    let digest = sha1_hex("n3w-Passw0rd");
    let body: &'static str = Box::leak(
        format!(
            "{}:42\r\n0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n",
            &digest[5..]
        )
        .into_boxed_str(),
    );
    let (url, seen) = server(vec![Reply::Status(200, "", body)]).await;
    let transport = Transport::new(TransportOptions {
        pwned_passwords_url: Some(url.clone()),
        ..quick()
    })
    .unwrap();
    let err = transport
        .change_password(
            &es_change("http://127.0.0.1:9"),
            Some(&breach_policy("fail")),
            &Context::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "policy_violation");
    assert_eq!(
        err.params()["report"]["violations"][0]["code"],
        "breached_password"
    );
    assert_eq!(
        err.params()["report"]["violations"][0]["params"]["count"],
        42
    );
    let requests = seen.lock().unwrap().clone();
    assert_eq!(requests.len(), 1, "the change itself was never sent");
    assert!(
        requests[0].starts_with(&format!("GET /range/{} HTTP/1.1", &digest[..5])),
        "{}",
        requests[0]
    );
    assert!(
        requests[0]
            .to_ascii_lowercase()
            .contains("add-padding: true")
    );
    assert!(!requests[0].contains(&digest[5..]) && !requests[0].contains("n3w-Passw0rd"));
}

#[tokio::test]
async fn an_unreachable_breach_service_fails_or_warns_as_the_policy_says() {
    let dead = "http://127.0.0.1:9".to_owned(); // nothing listens on discard
    let transport = Transport::new(TransportOptions {
        pwned_passwords_url: Some(dead),
        ..quick()
    })
    .unwrap();
    let err = transport
        .change_password(
            &es_change("http://127.0.0.1:9"),
            Some(&breach_policy("fail")),
            &Context::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "network", "fail: nothing is sent");
    let (url, seen) = server(vec![Reply::Status(200, "", "{}")]).await;
    let outcome = transport
        .change_password(
            &es_change(&url),
            Some(&breach_policy("warn")),
            &Context::default(),
        )
        .await
        .unwrap();
    assert_eq!(
        serde_json::to_value(outcome).unwrap(),
        json!({"outcome": "password_changed"})
    );
    assert_eq!(seen.lock().unwrap().len(), 1, "warn: the change went ahead");
}

// ---------- the Keystone flow ----------

const LOGIN_OK: Reply = Reply::Status(
    201,
    "X-Subject-Token: tok-1\r\n",
    r#"{"token": {"user": {"id": "u-42"}, "expires_at": "2030-01-01T00:00:00Z"}}"#,
);
const SERVER_POLICY: Reply = Reply::Status(
    200,
    "",
    r#"{"config": {"security_compliance": {"password_regex": "^.{12,}$", "password_regex_description": "12 or more"}}}"#,
);

fn keystone_login(url: &str) -> chpass::backend::keystone::IssueToken {
    Operation::from_value(json!({
        "operation": "keystone.issue_token", "base_url": url,
        "user": {"name": "alice", "domain": {"id": "d-7"}}, "password": "old-Passw0rd"
    }))
    .unwrap()
    .into_login()
    .unwrap()
}

/// The whole Keystone flow against the server's own policy.
async fn change_keystone(url: &str, new: &str) -> chpass::Result<chpass::backend::Outcome> {
    Transport::new(quick())
        .unwrap()
        .change_keystone_password(&keystone_login(url), new.into(), None, &Context::default())
        .await
}

#[tokio::test]
async fn the_keystone_flow_logs_in_reads_the_policy_changes_and_logs_in_again() {
    let relogin = Reply::Status(201, "X-Subject-Token: tok-2\r\n", r#"{"token": {}}"#);
    let (url, seen) = server(vec![
        LOGIN_OK,
        SERVER_POLICY,
        Reply::Status(204, "", ""),
        relogin,
    ])
    .await;
    let start = Instant::now();
    let outcome = change_keystone(&url, "a-much-longer-one").await.unwrap();
    assert_eq!(
        serde_json::to_value(outcome).unwrap(),
        json!({"outcome": "token", "token": "tok-2"})
    );
    // a token from the change's second would be born revoked
    assert!(start.elapsed() >= chpass::backend::keystone::REVOCATION_GRANULARITY);
    let seen = seen.lock().unwrap();
    assert!(seen[0].starts_with("POST /v3/auth/tokens "));
    assert!(seen[1].starts_with("GET /v3/domains/d-7/config/security_compliance "));
    assert!(seen[1].contains("x-auth-token: tok-1\r\n"), "{}", seen[1]);
    assert!(seen[2].starts_with("POST /v3/users/u-42/password "));
    assert!(seen[2].ends_with(
        r#"{"user":{"password":"a-much-longer-one","original_password":"old-Passw0rd"}}"#
    ));
    assert!(seen[3].contains(r#""user":{"id":"u-42","password":"a-much-longer-one"}"#));
}

#[tokio::test]
async fn the_keystone_flow_refuses_by_the_servers_policy_before_sending() {
    let (url, seen) = server(vec![LOGIN_OK, SERVER_POLICY]).await;
    let err = change_keystone(&url, "short-1").await.unwrap_err();
    assert_eq!(err.code(), "policy_violation");
    assert_eq!(
        seen.lock().unwrap().len(),
        2,
        "a login and the policy read only"
    );
}

#[tokio::test]
async fn the_keystone_flow_falls_back_to_the_preset_only_when_the_server_refuses_to_show() {
    use chpass::transport::PolicySource;
    let forbidden = Reply::Status(403, "", r#"{"error": {"code": 403, "message": "no"}}"#);
    let (url, _) = server(vec![LOGIN_OK, forbidden]).await;
    let transport = Transport::new(quick()).unwrap();
    let change = transport
        .plan_keystone_change(&keystone_login(&url), "new-Passw0rd".into(), None)
        .await
        .unwrap();
    assert_eq!(change.policy.source, PolicySource::Preset);
    assert_eq!(
        change.policy.policy,
        Policy::preset("keystone", &json!({})).unwrap()
    );
    // a policy read that gets no answer is an error, not a silently weaker policy
    let (url, _) = server(vec![LOGIN_OK, Reply::CloseWithoutAnswer]).await;
    let err = transport
        .keystone_policy(&keystone_login(&url))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "network");
    // a caller's policy is used as given: nothing is read
    let (url, seen) = server(vec![LOGIN_OK]).await;
    let given = Policy::preset("nist-800-63b", &json!({})).unwrap();
    let change = transport
        .plan_keystone_change(&keystone_login(&url), "x".into(), Some(given.clone()))
        .await
        .unwrap();
    assert_eq!(
        (change.policy.source, change.policy.policy),
        (PolicySource::Given, given)
    );
    assert_eq!(seen.lock().unwrap().len(), 1);
}
