//! Runs core/tests/vectors/generate.json (entropy from exact integer counts), and the property
//! that generated passwords always pass the policy they were made for.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
mod common;

use chpass::generate::{GenerateOptions, generate};
use chpass::{Context, Policy, presets};
use common::{cases, check_all};
use serde_json::{Value, json};

fn policy_of(case: &Value) -> Policy {
    match case["preset"].as_str() {
        Some(name) => Policy::preset(name, &json!({})).unwrap(),
        None => Policy::from_value(case["policy"].clone()).unwrap(),
    }
}

#[test]
fn generate_vectors() {
    check_all(&cases(include_str!("vectors/generate.json")), |case| {
        let policy = policy_of(case);
        let made = GenerateOptions::from_value(case["options"].clone())
            .and_then(|options| generate(&policy, &Context::default(), &options));
        if let Some(code) = case["error"].as_str() {
            return match made {
                Err(e) if e.code() == code => Ok(()),
                other => Err(format!("expected {code}, got {other:?}")),
            };
        }
        let made = made.map_err(|e| e.to_string())?;
        let password = made.password.expose();
        let want = case["entropy_bits"].as_f64().unwrap();
        if (made.entropy_bits - want).abs() > 1e-6 {
            return Err(format!("entropy {} != {want}", made.entropy_bits));
        }
        if let Some(length) = case["length"].as_u64()
            && password.chars().count() as u64 != length
        {
            return Err(format!("length {} != {length}", password.chars().count()));
        }
        if let Some(words) = case["words"].as_u64() {
            let separator = case["options"]["separator"].as_str().unwrap_or("-");
            let count = password.split(separator).count() as u64;
            // a hyphenated word (e.g. "t-shirt") adds a piece when the separator is "-"
            if count < words || (separator != "-" && count != words) {
                return Err(format!("{count} words, want {words}"));
            }
        }
        if !policy.validate(password, &Context::default()).ok() {
            return Err("does not pass its own policy".into());
        }
        Ok(())
    });
}

/// 10,000 passwords for every preset, in both modes where the preset allows passphrases.
#[test]
fn every_generated_password_passes_every_preset() {
    let context =
        Context::from_value(json!({ "username": "alice", "email": "alice@example.com" })).unwrap();
    for preset in presets::ALL {
        let policy = Policy::preset(preset.name, &json!({})).unwrap();
        for mode in ["characters", "passphrase"] {
            let options = GenerateOptions::from_value(json!({ "mode": mode })).unwrap();
            for _ in 0..10_000 {
                match generate(&policy, &context, &options) {
                    Ok(made) => {
                        let report = policy.validate(made.password.expose(), &context);
                        assert!(report.ok(), "{}: {:?}", preset.name, report.codes());
                    }
                    Err(e) => panic!("{} ({mode}): {e}", preset.name),
                }
            }
        }
    }
}

#[test]
fn characters_are_uniform() {
    // 20,000 characters over a 4-letter alphabet: each expects 5,000; 4,500 is 8 sigma away
    let policy = Policy::from_value(json!({})).unwrap();
    let options = GenerateOptions::from_value(json!({ "alphabet": "abcd", "length": 20 })).unwrap();
    let mut seen = [0usize; 4];
    for _ in 0..1000 {
        let made = generate(&policy, &Context::default(), &options).unwrap();
        for c in made.password.expose().chars() {
            seen[(c as u8 - b'a') as usize] += 1;
        }
    }
    assert!(seen.iter().all(|&n| n > 4500), "{seen:?}");
}
