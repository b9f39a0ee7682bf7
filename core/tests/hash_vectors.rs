//! Runs core/tests/vectors/hash.json (strings made by argon2-cffi, pyca/bcrypt and hashlib),
//! which js-tests and py-tests run too, plus the algorithms' own published vectors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
mod common;

use chpass::hash::{self, HashSpec, OpenSearchHashSettings};
use common::{check_all, section};
use serde_json::Value;

const VECTORS: &str = include_str!("vectors/hash.json");
const PASSWORD: &str = "Pa55-word";

fn expect_error<T: std::fmt::Debug>(result: chpass::Result<T>, code: &str) -> Result<(), String> {
    match result {
        Err(e) if e.code() == code => Ok(()),
        other => Err(format!("expected {code}, got {other:?}")),
    }
}

#[test]
fn hashes_with_a_fixed_salt_are_byte_identical_to_the_peers() {
    check_all(&section(VECTORS, "hash"), |case| {
        let spec = HashSpec::from_value(case["spec"].clone()).map_err(|e| e.to_string())?;
        let password = case["password"].as_str().unwrap();
        let made = hash::hash(password, &spec).map_err(|e| e.to_string())?;
        if made != case["hash"] {
            return Err(format!("made {made}, the peer made {}", case["hash"]));
        }
        if !hash::verify(password, &made).map_err(|e| e.to_string())? {
            return Err("does not verify".into());
        }
        if hash::needs_rehash(&made, &spec).map_err(|e| e.to_string())? {
            return Err("needs a rehash under its own spec".into());
        }
        Ok(())
    });
}

#[test]
fn verify_answers_false_or_the_documented_error() {
    check_all(&section(VECTORS, "verify"), |case| {
        let result = hash::verify(
            case["password"].as_str().unwrap(),
            case["hash"].as_str().unwrap(),
        );
        if let (Some(words), Err(err)) = (case["error_contains"].as_str(), &result)
            && !err.to_string().contains(words)
        {
            return Err(format!("the message does not say {words:?}: {err}"));
        }
        match case["error"].as_str() {
            Some(code) => expect_error(result, code),
            None if result.as_ref().ok() == case["result"].as_bool().as_ref() => Ok(()),
            None => Err(format!("got {result:?}")),
        }
    });
}

#[test]
fn needs_rehash_compares_parameters() {
    check_all(&section(VECTORS, "needs_rehash"), |case| {
        let spec = HashSpec::from_value(case["spec"].clone()).unwrap();
        let result = hash::needs_rehash(case["hash"].as_str().unwrap(), &spec);
        match case["error"].as_str() {
            Some(code) => expect_error(result, code),
            None if result.as_ref().ok() == case["result"].as_bool().as_ref() => Ok(()),
            None => Err(format!("got {result:?}")),
        }
    });
}

/// `verify` is how the server the hash is for checks it.
fn check_shape(
    case: &Value,
    made: chpass::Result<String>,
    verify: fn(&str, &str) -> chpass::Result<bool>,
) -> Result<(), String> {
    if let Some(code) = case["error"].as_str() {
        return expect_error(made, code);
    }
    let made = made.map_err(|e| e.to_string())?;
    let pattern = regex_lite::Regex::new(case["pattern"].as_str().unwrap()).unwrap();
    if !pattern.is_match(&made) {
        return Err(format!("{made} does not match {pattern}"));
    }
    match verify(PASSWORD, &made) {
        Ok(true) => Ok(()),
        other => Err(format!("{made} does not verify: {other:?}")),
    }
}

#[test]
fn elasticsearch_algorithm_names() {
    check_all(&section(VECTORS, "elasticsearch"), |case| {
        check_shape(
            case,
            hash::elasticsearch_password_hash(PASSWORD, case["algorithm"].as_str().unwrap()),
            hash::verify,
        )
    });
}

#[test]
fn opensearch_settings() {
    check_all(&section(VECTORS, "opensearch"), |case| {
        let made = OpenSearchHashSettings::from_value(&case["settings"])
            .and_then(|settings| hash::opensearch_hash(PASSWORD, &settings));
        check_shape(case, made, |password, stored| {
            hash::verify_opensearch(password, stored, &hash::WorkLimits::default())
        })
    });
}

#[test]
fn work_limits_can_be_raised() {
    let stored =
        "$argon2id$v=19$m=64,t=20,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    let limits = hash::WorkLimits {
        argon2_max_iterations: 20,
        ..Default::default()
    };
    assert_eq!(hash::verify_with_limits("x", stored, &limits), Ok(false));
    let err = hash::verify("x", stored).unwrap_err();
    assert_eq!(err.code(), "work_limit_exceeded");
    assert_eq!(err.params()["limit_name"], "argon2_max_iterations");
}

#[test]
fn random_salts_differ_and_errors_never_show_the_password() {
    let spec = HashSpec::Bcrypt(hash::BcryptParams {
        cost: 4,
        ..Default::default()
    });
    assert_ne!(
        hash::hash(PASSWORD, &spec).unwrap(),
        hash::hash(PASSWORD, &spec).unwrap()
    );
    let long = "secret-".repeat(20);
    let err = hash::hash(&long, &spec).unwrap_err();
    assert_eq!(err.code(), "password_too_long_for_bcrypt");
    assert!(!err.to_string().contains("secret") && !format!("{err:?}").contains("secret"));
}

/// RFC 9106 section 5: the engine chpass uses, with a secret and associated data.
#[test]
fn rfc_9106_argon2_vectors() {
    use argon2_rust::{Algorithm, Argon2, Params, Version, params::Memory};
    let params = Params::builder()
        .memory(Memory::kib(32))
        .passes(3)
        .lanes(4)
        .build()
        .unwrap();
    let expected = [
        (
            Algorithm::Argon2d,
            "512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb",
        ),
        (
            Algorithm::Argon2i,
            "c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8",
        ),
        (
            Algorithm::Argon2id,
            "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
        ),
    ];
    for (algorithm, tag) in expected {
        let mut out = [0u8; 32];
        Argon2::new(algorithm, Version::V0x13, params)
            .hash_into_with_ad(&[1; 32], &[2; 16], &[3; 8], &[4; 12], &mut out)
            .unwrap();
        assert_eq!(hex(&out), tag, "{algorithm:?}");
    }
}

/// PBKDF2-HMAC-SHA512 vectors (P="password", S="salt"), as published with RFC 6070's layout.
#[test]
fn pbkdf2_hmac_sha512_vectors() {
    let expected = [
        (
            1,
            "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce",
        ),
        (
            2,
            "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53cf76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e",
        ),
        (
            4096,
            "d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5",
        ),
    ];
    for (iterations, key) in expected {
        let mut out = [0u8; 64];
        pbkdf2::pbkdf2_hmac::<sha2::Sha512>(b"password", b"salt", iterations, &mut out);
        assert_eq!(hex(&out), key, "{iterations}");
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_spec_that_cannot_be_read_names_its_key() {
    check_all(&section(VECTORS, "spec_errors"), |case| {
        let err = match HashSpec::from_value(case["spec"].clone()) {
            Err(err) => err,
            Ok(spec) => return Err(format!("read as {spec:?}")),
        };
        let path = err.params().get("path").cloned();
        if err.code() != case["error"] || path.as_ref() != Some(&case["path"]) {
            return Err(format!("got {} at {path:?}: {err}", err.code()));
        }
        Ok(())
    });
}
