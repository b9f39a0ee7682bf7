//! How results and errors are printed: text for people, one JSON document with `--json`.

use crate::Io;
use chpass::{Error, Report};
use serde_json::{Value, json};

/// A report in its own language (the context's, which the command sets from the environment).
pub(crate) fn report(report: &Report, json: bool, io: &mut Io<'_>) {
    if json {
        let _ = writeln!(
            io.stdout,
            "{}",
            serde_json::to_string(report).unwrap_or_default()
        );
        return;
    }
    let mut lines = Vec::new();
    if report.ok() {
        lines.push(io.say("policy_ok", Value::Null));
    }
    for v in &report.violations {
        lines.push(format!("{}: {}", v.code(), report.message_of(v)));
    }
    let notice = io.say("notice", Value::Null);
    for n in &report.notices {
        lines.push(format!(
            "{notice}: {}: {}",
            n.code(),
            n.message_in(&report.locale)
        ));
    }
    for rule in &report.not_evaluated {
        lines.push(io.say("not_evaluated", json!({ "rule": rule })));
    }
    for line in lines {
        let _ = writeln!(io.stdout, "{line}");
    }
}

pub(crate) fn json(value: &Value, io: &mut Io<'_>) {
    let _ = writeln!(io.stdout, "{value}");
}

/// `chpass: <message> [<code>]` on standard error, or `{"error": {…}}` on standard output.
/// In another language the message starts with the code's sentence from the catalog
/// (`error.<code>`); the details after it (what the server said, a file's name, which
/// argument) stay as written.
pub(crate) fn error(e: &Error, as_json: bool, io: &mut Io<'_>) {
    if as_json {
        json(
            &json!({ "error": { "code": e.code(), "kind": e.kind().as_str(), "message": e.to_string(), "params": e.params() } }),
            io,
        );
        return;
    }
    let locale = io.locale();
    let key = format!("error.{}", e.code());
    let headline = locale.text(&key).filter(|_| !locale.is_english());
    let _ = match headline {
        Some(headline) => writeln!(io.stderr, "chpass: {headline} ({e}) [{}]", e.code()),
        None => writeln!(io.stderr, "chpass: {e} [{}]", e.code()),
    };
}

/// `chpass presets`: each preset's name, rules, source and options.
pub(crate) fn presets(as_json: bool, io: &mut Io<'_>) -> i32 {
    let all = chpass::presets::ALL;
    if as_json {
        let list: Vec<Value> = all
            .iter()
            .map(|p| {
                json!({ "name": p.name, "summary": p.summary, "source": p.source, "options": p.options })
            })
            .collect();
        json(&Value::from(list), io);
    } else {
        for p in all {
            let _ = writeln!(
                io.stdout,
                "{}\n  {}\n  source: {}",
                p.name, p.summary, p.source
            );
            if !p.options.is_empty() {
                let _ = writeln!(
                    io.stdout,
                    "  options (--option KEY=VALUE): {}",
                    p.options.join(", ")
                );
            }
        }
    }
    crate::EXIT_OK
}
