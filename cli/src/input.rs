//! What the commands read: passwords (no echo on a terminal) and policies.

use crate::Io;
use chpass::{Error, Policy, SecretString};

/// A preset name, or a JSON policy file; `default` when neither is given.
pub(crate) fn policy(args: &crate::PolicyArgs, default: &str) -> chpass::Result<Policy> {
    let name = args.policy.as_deref().unwrap_or(default);
    if chpass::presets::ALL.iter().any(|p| p.name == name) {
        let mut map = serde_json::Map::new();
        for option in &args.options {
            let (key, value) = option.split_once('=').ok_or_else(|| {
                Error::invalid_argument("option", format!("{option:?} is not KEY=VALUE"))
            })?;
            let value =
                serde_json::from_str(value).unwrap_or_else(|_| serde_json::Value::from(value));
            map.insert(key.to_owned(), value);
        }
        return Policy::preset(name, &serde_json::Value::Object(map));
    }
    if !args.options.is_empty() {
        return Err(Error::invalid_argument(
            "option",
            "--option goes with a preset, not a policy file",
        ));
    }
    let text = std::fs::read_to_string(name).map_err(|e| {
        Error::invalid_argument(
            "policy",
            format!("{name:?} is neither a preset nor a readable file: {e}"),
        )
    })?;
    Policy::from_json(&text)
}

/// Without echo from a terminal; otherwise one line of standard input (its newline removed).
pub(crate) fn password(prompt: &str, io: &mut Io<'_>) -> chpass::Result<SecretString> {
    if io.interactive {
        return rpassword::prompt_password(prompt)
            .map(SecretString::new)
            .map_err(|e| Error::invalid_argument("password", e.to_string()));
    }
    let mut line = String::new();
    let read = io
        .stdin
        .read_line(&mut line)
        .map_err(|e| Error::invalid_argument("password", e.to_string()))?;
    if read == 0 {
        return Err(Error::invalid_argument(
            "password",
            format!("standard input ended before {prompt:?}"),
        ));
    }
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    Ok(SecretString::new(line))
}
