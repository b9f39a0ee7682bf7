//! Native hashing speed, and the two Argon2 engines side by side (argon2-rust, which chpass
//! uses, and RustCrypto's argon2): milliseconds per hash, median of interleaved rounds.
//! Prints JSON for bench/hash.sh.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

fn median_ms(rounds: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[rounds / 2]
}

fn main() {
    use chpass::hash::{HashSpec, hash};
    let spec = HashSpec::default(); // argon2id m=19456 t=2 p=1
    let password = "correct horse battery staple";
    let salt = [7u8; 16];
    let rust_crypto = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(19456, 2, 1, Some(32)).unwrap(),
    );
    let mut out = [0u8; 32];
    let mut chpass_ms = Vec::new();
    let mut rustcrypto_ms = Vec::new();
    for _ in 0..5 {
        chpass_ms.push(median_ms(5, || {
            hash(password, &spec).unwrap();
        }));
        rustcrypto_ms.push(median_ms(5, || {
            rust_crypto
                .hash_password_into(password.as_bytes(), &salt, &mut out)
                .unwrap();
        }));
    }
    let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let bcrypt =
        HashSpec::from_value(serde_json::json!({"algorithm": "bcrypt", "cost": 10})).unwrap();
    let pbkdf2 = HashSpec::from_value(
        serde_json::json!({"algorithm": "elasticsearch_pbkdf2", "iterations": 10000}),
    )
    .unwrap();
    let result = serde_json::json!({
        "argon2id_m19456_t2_p1_ms": { "chpass_argon2_rust": best(&chpass_ms), "rustcrypto_argon2": best(&rustcrypto_ms) },
        "argon2_backend": format!("{:?}", argon2_rust::detected_backend()),
        "bcrypt_cost10_ms": median_ms(5, || { hash(password, &bcrypt).unwrap(); }),
        "pbkdf2_sha512_10000_ms": median_ms(9, || { hash(password, &pbkdf2).unwrap(); }),
    });
    println!("{result}");
}
