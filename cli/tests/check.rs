//! `chpass check` through the same entry point the binary and Python use.
#![allow(clippy::unwrap_used)]

mod common;

use chpass_cli::{EXIT_ERROR, EXIT_OK, EXIT_REFUSED};
use common::chpass;

#[test]
fn a_good_password_exits_0() {
    let (code, out, _) = chpass(&["check"], "correct horse battery\n");
    assert_eq!(code, EXIT_OK);
    assert_eq!(out, "ok: the password meets the policy\n");
}

#[test]
fn violations_exit_1_with_their_codes() {
    let (code, out, _) = chpass(
        &["check", "--policy", "nist-800-63b", "--user", "jack"],
        "jack\n",
    );
    assert_eq!(code, EXIT_REFUSED);
    assert_eq!(
        out,
        "too_short: Must be at least 15 characters long.\ncontains_context_word: Must not contain \"jack\".\n"
    );
}

#[test]
fn json_report_and_preset_options() {
    let (code, out, _) = chpass(
        &[
            "check",
            "--policy",
            "keystone",
            "--option",
            r"password_regex=^(?=.*\d).{8,}$",
            "--json",
        ],
        "abcdefgh",
    );
    assert_eq!(code, EXIT_REFUSED);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["violations"][0]["code"], "pattern_mismatch");
}

#[test]
fn errors_exit_2_with_the_code() {
    let (code, _, err) = chpass(
        &["check", "--policy", "nist-800-63b", "--option", "mfa=maybe"],
        "x",
    );
    assert_eq!(code, EXIT_ERROR);
    assert!(err.contains("[invalid_policy]"), "{err}");
    let (code, _, err) = chpass(&["check", "--policy", "/nonexistent.json"], "x");
    assert_eq!(code, EXIT_ERROR);
    assert!(err.contains("[invalid_argument]"), "{err}");
}

#[test]
fn help_has_examples() {
    let (code, out, _) = chpass(&["--help"], "");
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("Examples:"));
}
