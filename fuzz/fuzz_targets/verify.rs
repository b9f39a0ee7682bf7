//! `verify` and `verify_opensearch` on any hash string, within small work limits: a typed
//! error or a verdict, never a panic. Argon2 runs on one lane: with more, argon2-rust fills
//! them on scoped threads, which can still be exiting when libFuzzer checks for leaks after
//! the input, so LeakSanitizer reported their spawn allocations (twice in 5.6 million runs, never
//! on a rerun); the lanes themselves are argon2-rust's own tests' to cover.
#![no_main]

use chpass::hash::{WorkLimits, needs_rehash, verify_opensearch, verify_with_limits};
use libfuzzer_sys::fuzz_target;

const LIMITS: WorkLimits = WorkLimits {
    argon2_max_memory_kib: 256,
    argon2_max_iterations: 2,
    argon2_max_parallelism: 1,
    bcrypt_max_cost: 4,
    pbkdf2_max_iterations: 2_000,
};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (password, stored) = input.split_once('\n').unwrap_or(("password", &input));
    let _ = verify_with_limits(password, stored, &LIMITS);
    let _ = verify_opensearch(password, stored, &LIMITS);
    let _ = needs_rehash(stored, &Default::default());
});
