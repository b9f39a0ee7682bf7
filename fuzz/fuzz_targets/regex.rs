//! The regex engine: any pattern in either dialect, any text; never a panic, and the step
//! budget always ends the run.
#![no_main]

use chpass_regex::{Flavor, Regex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let flavor = [Flavor::Python, Flavor::Java, Flavor::Search][usize::from(selector % 3)];
    let input = String::from_utf8_lossy(rest);
    let (pattern, text) = input.split_once('\0').unwrap_or((&input, "password1"));
    if let Ok(regex) = Regex::new(pattern, flavor) {
        let _ = regex.is_match(text, 20_000);
        let _ = regex.lengths();
        let _ = regex.may_consume('a');
    }
});
