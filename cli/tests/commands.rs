//! `generate`, `hash`, `verify` and `set --dry-run` through the shared entry point.
#![allow(clippy::unwrap_used)]

mod common;

use chpass_cli::{EXIT_ERROR, EXIT_OK, EXIT_REFUSED};
use common::{chpass, chpass_env};

#[test]
fn generate_prints_a_password_that_passes() {
    let (code, out, err) = chpass(&["generate", "--policy", "owasp-asvs-5-l2"], "");
    assert_eq!(code, EXIT_OK, "{err}");
    let password = out.trim_end_matches('\n');
    assert_eq!(password.chars().count(), 20);
    assert!(err.starts_with("entropy: 125.0 bits"));
    let (code, out, _) = chpass(
        &["check", "--policy", "owasp-asvs-5-l2"],
        &format!("{password}\n"),
    );
    assert_eq!(code, EXIT_OK);
    assert!(
        out.starts_with("ok: the password meets the policy\n"),
        "{out}"
    );
    let (code, out, _) = chpass(&["generate", "--words", "5", "--json"], "");
    assert_eq!(code, EXIT_OK);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!((doc["entropy_bits"].as_f64().unwrap() - 5.0 * 7776f64.log2()).abs() < 1e-9);
}

#[test]
fn hash_then_verify() {
    for format in ["bcrypt", "es:pbkdf2_stretch_1000", "os:pbkdf2"] {
        let mut args = vec!["hash", "--format", format];
        if format == "bcrypt" {
            args.extend(["--cost", "4"]);
        }
        if format == "os:pbkdf2" {
            args.extend(["--setting", "pbkdf2.iterations=1000"]);
        }
        let (code, out, err) = chpass(&args, "s3cret pass\n");
        assert_eq!(code, EXIT_OK, "{format}: {err}");
        let stored = out.trim_end();
        let (code, out, _) = chpass(&["verify", "--hash", stored], "s3cret pass\n");
        assert_eq!((code, out.as_str()), (EXIT_OK, "match\n"), "{format}");
        let (code, out, _) = chpass(&["verify", "--hash", stored, "--json"], "s3cret pasS\n");
        assert_eq!(
            (code, out.as_str()),
            (EXIT_REFUSED, "{\"match\":false}\n"),
            "{format}"
        );
    }
}

#[test]
fn errors_have_their_code_and_exit_code() {
    let (code, _, err) = chpass(&["hash", "--format", "es:bcrypt15"], "x\n");
    assert_eq!(code, EXIT_ERROR);
    assert!(err.ends_with("[invalid_argument]\n"), "{err}");
    let (code, out, _) = chpass(&["verify", "--hash", "nonsense", "--json"], "x\n");
    assert_eq!(code, EXIT_ERROR);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["error"]["code"], "malformed_hash");
    let (code, _, err) = chpass(
        &["hash", "--format", "bcrypt"],
        &format!("{}\n", "é".repeat(40)),
    );
    assert_eq!(code, EXIT_ERROR);
    assert!(
        err.contains("[password_too_long_for_bcrypt]") && !err.contains("éé"),
        "{err}"
    );
}

#[test]
fn set_dry_run_prints_the_redacted_request_and_sends_nothing() {
    // port 9 (discard) on loopback: nothing listens, and nothing is sent in a dry run anyway
    let args = [
        "set",
        "--elasticsearch",
        "http://127.0.0.1:9",
        "--user",
        "elastic",
        "--dry-run",
    ];
    let (code, out, err) = chpass(
        &args,
        "old-Passw0rd\nnew correct horse\nnew correct horse\n",
    );
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(
        out.starts_with("PUT http://127.0.0.1:9/_security/user/_password"),
        "{out}"
    );
    assert!(
        out.contains("[REDACTED]")
            && !out.contains("correct horse")
            && !out.contains("old-Passw0rd")
    );
    assert!(err.contains("nothing was sent"));
}

#[test]
fn set_refuses_a_mismatch_and_a_policy_violation_before_sending() {
    let args = [
        "set",
        "--opensearch",
        "http://127.0.0.1:9",
        "--user",
        "admin",
    ];
    let (code, _, err) = chpass(&args, "old\nnew correct horse\nnew correct hors\n");
    assert_eq!(code, EXIT_ERROR);
    assert!(err.contains("do not match"), "{err}");
    // OpenSearch refuses over 100 UTF-16 units; so does its preset, before anything is sent
    let long = "x".repeat(101);
    let (code, out, _) = chpass(&args, &format!("old\n{long}\n{long}\n"));
    assert_eq!(code, EXIT_REFUSED);
    assert!(out.starts_with("too_long:"), "{out}");
}

#[test]
fn set_without_a_target_says_what_is_missing() {
    let (code, _, err) = chpass_env(&["set"], "a\nb\nb\n", &|_| None);
    assert_eq!(code, EXIT_ERROR);
    assert!(err.contains("OS_AUTH_URL"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error() {
    use std::os::unix::ffi::OsStringExt;
    let argv = ["chpass", "verify", "--hash"].map(std::ffi::OsString::from);
    let mut argv = argv.to_vec();
    argv.push(std::ffi::OsString::from_vec(b"$2b$04$\xff".to_vec()));
    let (code, out, err) = common::chpass_os(argv, "pw\n", &|_| None);
    assert_eq!(code, EXIT_ERROR);
    assert_eq!(out, "");
    assert!(err.contains("invalid UTF-8"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_os_variable_that_is_not_utf8_is_named_not_taken_as_unset() {
    use std::os::unix::ffi::OsStringExt;
    let env = |key: &str| match key {
        "OS_AUTH_URL" => Some("http://127.0.0.1:9/identity".into()),
        "OS_USERNAME" => Some(std::ffi::OsString::from_vec(b"b\xf6b".to_vec())),
        _ => None,
    };
    let argv = ["chpass", "set"].map(std::ffi::OsString::from).to_vec();
    let (code, _, err) = common::chpass_os(argv, "a\nb\nb\n", &env);
    assert_eq!(code, EXIT_ERROR);
    assert!(err.contains("OS_USERNAME is not valid UTF-8"), "{err}");
}

#[test]
fn presets_are_listed_with_their_sources() {
    let (code, out, _) = chpass(&["presets"], "");
    assert_eq!(code, EXIT_OK);
    for preset in ::chpass::presets::ALL {
        assert!(
            out.contains(preset.name) && out.contains(preset.source),
            "{out}"
        );
    }
    let (_, out, _) = chpass(&["presets", "--json"], "");
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(list[5]["name"], "keystone");
    assert!(list[5]["options"].as_array().unwrap().len() >= 5);
}

#[test]
fn an_unknown_preset_names_the_presets() {
    let (code, _, err) = chpass(&["check", "--policy", "nist"], "x\n");
    assert_eq!(code, EXIT_ERROR);
    assert!(
        err.contains("nist-800-63b, owasp-asvs-5-l1") && err.contains("chpass presets"),
        "{err}"
    );
}

#[test]
fn hash_errors_speak_the_commands_words() {
    let (code, _, err) = chpass(&["hash", "--format", "sha256"], "x\n");
    assert_eq!(code, EXIT_ERROR);
    assert!(
        err.contains("es:pbkdf2_stretch_1000") && !err.contains("elasticsearch_pbkdf2"),
        "{err}"
    );
    let (_, _, err) = chpass(&["hash", "--format", "argon2id", "--cost", "10"], "x\n");
    assert!(
        err.contains("--cost is bcrypt's") && err.contains("--spec"),
        "{err}"
    );
    let (_, _, err) = chpass(&["hash", "--format", "es:pbkdf2_20000"], "x\n");
    assert!(err.contains("es:pbkdf2_10000"), "{err}");
}

#[test]
fn completions_and_the_man_page_come_from_the_command_itself() {
    let (code, bash, _) = chpass(&["completions", "bash"], "");
    assert_eq!(code, EXIT_OK);
    for word in ["_chpass", "presets", "completions", "--policy", "--dry-run"] {
        assert!(bash.contains(word), "{word}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let (code, script, _) = chpass(&["completions", shell], "");
        assert!(code == EXIT_OK && script.contains("presets"), "{shell}");
    }
    let (code, man, _) = chpass(&["man"], "");
    assert_eq!(code, EXIT_OK);
    assert!(
        man.starts_with(".ie") || man.contains(".TH chpass"),
        "{man}"
    );
    assert!(man.contains("completions") && man.contains("presets"));
}

#[test]
fn a_dry_run_in_json_gives_the_request_as_fields() {
    let args = [
        "set",
        "--elasticsearch",
        "http://127.0.0.1:9",
        "--user",
        "elastic",
        "--dry-run",
        "--json",
    ];
    let (code, out, err) = chpass(
        &args,
        "old-Passw0rd\nnew correct horse\nnew correct horse\n",
    );
    assert_eq!(code, EXIT_OK, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let request = &doc["request"];
    assert_eq!(request["method"], "PUT");
    assert_eq!(
        request["url"],
        "http://127.0.0.1:9/_security/user/_password"
    );
    assert_eq!(request["body"]["password"], "[REDACTED]");
    assert!(!out.contains("correct horse") && !out.contains("old-Passw0rd"));
}

#[test]
fn openstack_flags_stand_for_their_variables_and_passwords_on_the_line_warn() {
    // nothing listens on port 9: reaching it proves the flags were read (else: no OS_AUTH_URL)
    let args = [
        "set",
        "--os-auth-url",
        "http://127.0.0.1:9/identity",
        "--os-username",
        "jack",
        "--os-user-domain-id",
        "default",
        "--policy",
        "keystone",
        "--original-password",
        "0ld-Passw0rd",
        "--password",
        "correct horse battery",
    ];
    let (code, _, err) = chpass_env(&args, "", &|_| None);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("[network]"), "{err}");
    assert!(
        err.contains("shell history") && !err.contains("correct horse"),
        "{err}"
    );
}

#[test]
fn generate_draws_what_the_pattern_takes_and_says_when_it_cannot() {
    // ^[0-9]{6}$: six digits, drawn from the digits, with no option needed
    let policy = [
        "--policy",
        "keystone",
        "--option",
        "password_regex=^[0-9]{6}$",
    ];
    let (code, out, err) = chpass(&[&["generate"][..], &policy[..]].concat(), "");
    assert_eq!(code, EXIT_OK, "{err}");
    let made = out.trim();
    assert!(
        made.len() == 6 && made.bytes().all(|b| b.is_ascii_digit()),
        "{made}"
    );
    // an alphabet may still be given
    let args = [
        &["generate"][..],
        &policy[..],
        &["--alphabet", "13579", "--length", "6"][..],
    ]
    .concat();
    let (code, out, _) = chpass(&args, "");
    assert!(
        code == EXIT_OK && out.trim().bytes().all(|b| b"13579".contains(&b)),
        "{out}"
    );
    // a lookahead no drawn password can meet: said, with the way out
    let impossible = [
        "--policy",
        "keystone",
        "--option",
        "password_regex=^(?=.*[a-z])[0-9]+$",
    ];
    let (code, _, err) = chpass(&[&["generate"][..], &impossible[..]].concat(), "");
    assert_eq!(code, EXIT_ERROR);
    assert!(err.contains("--alphabet"), "{err}");
}

#[test]
fn the_command_speaks_the_language_of_its_environment() {
    let german = |key: &str| (key == "LANG").then(|| "de_DE.UTF-8".to_string());
    let (code, out, _) = chpass_env(&["check"], "kurz\n", &german);
    assert_eq!(
        (code, out.as_str()),
        (1, "too_short: Muss mindestens 15 Zeichen lang sein.\n")
    );
    // an error: the code's sentence in the language, the details as written, the code
    let (code, _, err) = chpass_env(&["verify", "--hash", "nope"], "x\n", &german);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("chpass: Kein Hash, den chpass kennt. (malformed hash: "),
        "{err}"
    );
    assert!(err.trim_end().ends_with("[malformed_hash]"), "{err}");
    // LC_ALL before LANG; the C locale and languages without a catalog are English
    let french = |key: &str| match key {
        "LC_ALL" => Some("fr_FR.UTF-8".to_string()),
        "LANG" => Some("de_DE.UTF-8".to_string()),
        _ => None,
    };
    let (_, out, _) = chpass_env(&["check"], "correct horse battery staple\n", &french);
    assert_eq!(out, "ok : le mot de passe respecte la politique\n");
    for lang in ["C", "C.UTF-8", "sv_SE.UTF-8"] {
        let env = |key: &str| (key == "LANG").then(|| lang.to_string());
        let (_, out, _) = chpass_env(&["check"], "kurz\n", &env);
        assert_eq!(
            out, "too_short: Must be at least 15 characters long.\n",
            "{lang}"
        );
    }
}
