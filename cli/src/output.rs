//! How results and errors are printed: text for people, one JSON document with `--json`.

use crate::Io;
use chpass::{Error, Report};
use serde_json::{Value, json};

pub(crate) fn report(report: &Report, json: bool, io: &mut Io<'_>) {
    let out = &mut *io.stdout;
    let _ = if json {
        writeln!(out, "{}", serde_json::to_string(report).unwrap_or_default())
    } else if report.ok() {
        writeln!(out, "ok: the password meets the policy")
    } else {
        report
            .violations
            .iter()
            .try_for_each(|v| writeln!(out, "{}: {}", v.code(), v.message()))
    };
    if !json {
        for notice in &report.notices {
            let _ = writeln!(out, "notice: {}: {}", notice.code(), notice.message());
        }
        for rule in &report.not_evaluated {
            let _ = writeln!(out, "not evaluated: {rule}");
        }
    }
}

pub(crate) fn json(value: &Value, io: &mut Io<'_>) {
    let _ = writeln!(io.stdout, "{value}");
}

/// `chpass: <message> [<code>]` on standard error, or `{"error": {…}}` on standard output.
pub(crate) fn error(e: &Error, as_json: bool, io: &mut Io<'_>) {
    if as_json {
        json(
            &json!({ "error": { "code": e.code(), "kind": e.kind().as_str(), "message": e.to_string(), "params": e.params() } }),
            io,
        );
    } else {
        let _ = writeln!(io.stderr, "chpass: {e} [{}]", e.code());
    }
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
