//! Policy specs (JSON) and keystone.conf text: a policy or an `invalid_policy`, never a
//! panic; a policy validates any password.
#![no_main]

use chpass::{Context, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (text, password) = input.split_once('\0').unwrap_or((&input, "Passw0rd!x"));
    for policy in [Policy::from_json(text), Policy::from_keystone_conf(text)]
        .into_iter()
        .flatten()
    {
        let _ = policy.validate(password, &Context::default());
    }
});
