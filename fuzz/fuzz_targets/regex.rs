//! The regex engine: any pattern in either dialect, any text; never a panic, the step budget
//! always ends the run, and reading only what the pattern can reach (its bounded reach, a
//! long text's head) answers as reading the whole text.
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
        assert_eq!(
            regex.is_match(text, 20_000),
            regex.is_match_whole(text, 20_000)
        );
        // and past the 4,096-byte head that `is_match` tries first (a search reads the whole
        // text: there, only its time, which the budget bounds); a smaller budget, since any
        // budget gives both the same steps
        let long = text.repeat(1 + 4100 / text.len().max(1));
        match flavor {
            Flavor::Search => drop(regex.is_match(&long, 5_000)),
            _ => assert_eq!(regex.is_match(&long, 5_000), regex.is_match_whole(&long, 5_000)),
        }
        let _ = regex.lengths();
        let _ = regex.may_consume('a');
    }
});
