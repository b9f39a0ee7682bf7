//! Policy specs (JSON) and keystone.conf text: a policy or an `invalid_policy`, never a
//! panic; a policy validates any password of up to 128 chars. Longer ones are the worst-case
//! bench's (bench/worst.mjs: every preset on 1 MiB): a strength rule's estimate of a long
//! password took most of each execution (80% at 256 chars), and the parsers are this target's
//! job.
#![no_main]

use chpass::{Context, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (text, password) = input.split_once('\0').unwrap_or((&input, "Passw0rd!x"));
    let password: String = password.chars().take(128).collect();
    for policy in [Policy::from_json(text), Policy::from_keystone_conf(text)]
        .into_iter()
        .flatten()
    {
        let _ = policy.validate(&password, &Context::default());
    }
});
