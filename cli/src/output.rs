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
