//! The main job's Rust third: validates examples/demo/samples.json against every preset and
//! prints one line per verdict (Node and Python print the same lines).

use chpass::{Context, Policy};
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/demo/samples.json".into());
    let samples: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let context = Context::from_value(samples["context"].clone())?;
    for preset in samples["presets"].as_array().into_iter().flatten() {
        let (name, options) = (preset[0].as_str().unwrap_or_default(), &preset[1]);
        let policy = Policy::preset(name, options)?;
        let label = format!(
            "{name}{}",
            if options.get("mfa").is_some() {
                "+mfa"
            } else {
                ""
            }
        );
        for password in samples["passwords"].as_array().into_iter().flatten() {
            let password = password.as_str().unwrap_or_default();
            let report = policy.validate(password, &context);
            let verdict = if report.ok() {
                "ok".to_owned()
            } else {
                report.codes().join(",")
            };
            println!("{label}\t{verdict}\t{}", serde_json::to_string(password)?);
        }
    }
    Ok(())
}
