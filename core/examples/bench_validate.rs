//! Native `validate` throughput, for bench/validate.sh: prints JSON.
//! A 16-character password against the nist-800-63b preset (blocklist included).

use chpass::{Context, Policy};
use std::hint::black_box;
use std::time::Instant;

fn rate(policy: &Policy, password: &str, context: &Context) -> f64 {
    let mut best: f64 = 0.0;
    for _ in 0..5 {
        let n = 1_000_000;
        let start = Instant::now();
        for _ in 0..n {
            black_box(policy.validate(black_box(password), context));
        }
        best = best.max(n as f64 / start.elapsed().as_secs_f64());
    }
    best
}

fn main() -> Result<(), chpass::Error> {
    let policy = Policy::preset("nist-800-63b", &serde_json::Value::Null)?;
    let context = Context::default();
    let passing = rate(&policy, "correct-horse-42", &context);
    let failing = rate(&policy, "password", &context);
    println!("{{\"passing_per_s\": {passing:.0}, \"failing_per_s\": {failing:.0}}}");
    Ok(())
}
