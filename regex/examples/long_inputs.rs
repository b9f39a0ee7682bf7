//! chpass's engine on long passwords, for `bench/regex.py`, which times CPython's `re` on the
//! same patterns and texts in the same run and writes the ratios to bench/results/regex.json.
//! Reads `flavor<TAB>pattern<TAB>text length<TAB>text unit` lines on standard input; prints the
//! median of 9 runs per line, in milliseconds, as a JSON array.

use chpass_regex::{Flavor, Regex};
use std::io::BufRead;
use std::time::Instant;

/// core's budget for a password check: 10^6 steps, or 64 per char (chpass::policy::pattern).
fn budget(chars: usize) -> usize {
    1_000_000usize.max(64 * chars)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut medians = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let fields: Vec<&str> = line.split('\t').collect();
        let [flavor, pattern, length, unit] = fields[..] else {
            return Err(format!("not flavor<TAB>pattern<TAB>length<TAB>unit: {line:?}").into());
        };
        let flavor = match flavor {
            "python" => Flavor::Python,
            "java" => Flavor::Java,
            _ => Flavor::Search,
        };
        let regex = Regex::new(pattern, flavor)?;
        let length: usize = length.parse()?;
        let text: String = unit.chars().cycle().take(length).collect();
        let mut times: Vec<f64> = (0..9)
            .map(|_| {
                let start = Instant::now();
                let _ = std::hint::black_box(regex.is_match(&text, budget(length)));
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        medians.push(times[4]);
    }
    println!("{}", serde_json::to_string(&medians)?);
    Ok(())
}
