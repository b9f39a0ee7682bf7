//! The message catalogs: core/tests/vectors/i18n.json (which js-tests and py-tests run too),
//! and every catalog held to English's keys and arguments.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
mod common;

use chpass::i18n::{LANGUAGES, catalog_arguments};
use chpass::{Context, Policy};
use common::{check_all, section};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

const VECTORS: &str = include_str!("vectors/i18n.json");

#[test]
fn validate_in_the_context_locale() {
    check_all(&section(VECTORS, "validate"), |case| {
        let policy = match &case["policy"] {
            Value::String(name) => Policy::preset(name, &Value::Null),
            spec => Policy::from_value(spec.clone()),
        }
        .map_err(|e| e.to_string())?;
        let mut context = case.get("context").cloned().unwrap_or(Value::Null);
        if !case["locale"].is_null() {
            if context.is_null() {
                context = serde_json::json!({});
            }
            context["locale"] = case["locale"].clone();
        }
        let context = Context::from_value(context).map_err(|e| e.to_string())?;
        let report = policy.validate(case["password"].as_str().unwrap(), &context);
        let messages: Vec<String> = report
            .violations
            .iter()
            .map(|v| report.message_of(v))
            .collect();
        // the JSON a binding sees says the same
        let json = serde_json::to_value(&report).unwrap();
        let from_json: Vec<&str> = json["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["message"].as_str().unwrap())
            .collect();
        (messages
            == case["messages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap())
                .collect::<Vec<_>>()
            && from_json == messages)
            .then_some(())
            .ok_or_else(|| format!("got {messages:?}"))
    });
}

#[test]
fn strength_feedback_in_the_locale() {
    check_all(&section(VECTORS, "strength"), |case| {
        let options = chpass::strength::StrengthOptions {
            reference_year: Some(2024),
            locale: case["locale"].as_str().map(String::from),
        };
        let password = case["password"].as_str().unwrap();
        let estimate = chpass::strength::estimate_with_options(password, &[], &options)
            .map_err(|e| e.to_string())?;
        let warning = estimate.feedback.warning.as_ref().map(|w| w.message);
        let suggestions: Vec<&str> = estimate
            .feedback
            .suggestions
            .iter()
            .map(|s| s.message)
            .collect();
        (warning == case["warning"].as_str()
            && suggestions
                == case["suggestions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect::<Vec<_>>())
        .then_some(())
        .ok_or_else(|| format!("got {warning:?} {suggestions:?}"))
    });
}

/// Every catalog has English's keys, and each message the same arguments (plural and select
/// selectors included), so no translation drops a number or names one English lacks.
#[test]
fn every_catalog_has_every_key_and_argument() {
    let arguments = |tag| -> HashMap<String, BTreeSet<String>> {
        catalog_arguments(tag)
            .unwrap()
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect()
    };
    let english = arguments("en");
    for tag in LANGUAGES {
        let catalog = arguments(tag);
        let mut keys: Vec<_> = english.keys().collect();
        keys.sort();
        for key in keys {
            let translated = catalog.get(key);
            assert!(translated.is_some(), "{tag}: no {key}");
            assert_eq!(translated, english.get(key), "{tag} {key}: other arguments");
        }
        assert_eq!(
            catalog.len(),
            english.len(),
            "{tag}: keys English does not have"
        );
    }
    // one file per language, and no other
    let mut files: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/locales"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".json")
                .to_string()
        })
        .collect();
    files.sort();
    let mut languages: Vec<&str> = LANGUAGES.to_vec();
    languages.sort();
    assert_eq!(files, languages);
}

/// What the catalogs must say: every violation, notice and strength feedback code, every
/// error the command can show, and every message the command asks for.
#[test]
fn english_covers_every_code_and_repeats_zxcvbn() {
    let english: HashMap<String, Vec<String>> =
        catalog_arguments("en").unwrap().into_iter().collect();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let read = |path: &str| std::fs::read_to_string(format!("{root}/{path}")).unwrap();
    for code in [
        "too_short",
        "too_long",
        "control_character",
        "pattern_mismatch",
        "policy_regex_limit",
        "weak_password",
        "similar_to_username",
        "missing_lowercase",
        "missing_uppercase",
        "missing_digit",
        "missing_symbol",
        "too_few_character_classes",
        "contains_context_word",
        "same_as_current",
        "common_password",
        "blocklisted",
        "breached_password",
        "breached_password_count",
    ] {
        assert!(
            english.contains_key(&format!("violation.{code}")),
            "violation.{code}"
        );
    }
    assert!(english.contains_key("notice.truncated_by_server"));
    // the command never meets the npm package's own errors
    let npm_only = [
        "strength_dictionaries_not_loaded",
        "word_list_not_loaded",
        "not_ready",
        "locale_not_loaded",
    ];
    for code in chpass::Error::CODES
        .iter()
        .filter(|c| !npm_only.contains(c))
    {
        assert!(
            english.contains_key(&format!("error.{code}")),
            "error.{code}"
        );
    }
    // zxcvbn's sentences, as chpass-strength writes them
    let feedback = read("strength/src/feedback.rs");
    let en: Value = serde_json::from_str(&read("core/locales/en.json")).unwrap();
    let pattern =
        regex_lite::Regex::new(r#"advice\(\s*"([a-z0-9_]+)",\s*"((?:[^"\\]|\\.)*)""#).unwrap();
    let mut seen = 0;
    for m in pattern.captures_iter(&feedback) {
        let message = m[2].replace("\\\"", "\"");
        assert_eq!(
            en["messages"][format!("feedback.{}", &m[1])],
            Value::from(message),
            "{}",
            &m[1]
        );
        seen += 1;
    }
    let keys = english
        .keys()
        .filter(|k| k.starts_with("feedback."))
        .count();
    assert_eq!(seen, keys, "a feedback key zxcvbn does not have");
    // the command's `say("…")` and prompts
    let said = regex_lite::Regex::new(r#"say\(\s*"([a-z_]+)""#).unwrap();
    let prompted = regex_lite::Regex::new(r#""((?:repeat_)?(?:new_|current_)?password)""#).unwrap();
    for file in [
        "cli/src/hashing.rs",
        "cli/src/input.rs",
        "cli/src/output.rs",
        "cli/src/set.rs",
    ] {
        let source = read(file);
        for m in said.captures_iter(&source) {
            assert!(
                english.contains_key(&format!("cli.{}", &m[1])),
                "{file}: cli.{}",
                &m[1]
            );
        }
        for m in prompted.captures_iter(&source) {
            assert!(
                english.contains_key(&format!("cli.prompt.{}", &m[1])),
                "{file}: cli.prompt.{}",
                &m[1]
            );
        }
    }
}

/// A catalog the npm package hands over is checked as the compiled-in ones are.
#[test]
fn installing_a_catalog_checks_it() {
    let code = |text: &str| chpass::i18n::install_catalog(text).err().map(|e| e.code());
    assert_eq!(code("{"), Some("invalid_argument"));
    assert_eq!(
        code(r#"{"tag": "xx", "messages": {}}"#),
        Some("invalid_argument")
    );
    assert_eq!(
        code(r#"{"tag": "de", "messages": {"k": "{unclosed"}}"#),
        Some("invalid_argument")
    );
    let lines = chpass::i18n::catalog_lines(include_str!("../locales/pl.json")).unwrap();
    assert!(lines.starts_with("pl\tPolski\n"));
    assert_eq!(chpass::i18n::install_catalog(&lines), Ok(()));
    assert_eq!(code("de\tDeutsch\nno tab here\n"), Some("invalid_argument"));
}

#[test]
fn a_locale_that_is_not_text_is_an_argument_error() {
    let err = Context::from_value(serde_json::json!({ "locale": 7 })).unwrap_err();
    assert_eq!(
        (err.code(), err.params()["path"].as_str()),
        ("invalid_argument", Some("locale"))
    );
    let context =
        Context::from_value(serde_json::json!({ "locale": null, "username": "ann" })).unwrap();
    assert!(context.locale.is_english());
}
