//! Runs the command through its library entry point with given arguments, standard input and
//! environment; returns (exit code, stdout, stderr).
#![allow(clippy::unwrap_used, dead_code)]

use chpass_cli::{Io, run};
use std::ffi::OsString;

pub fn chpass_env(
    args: &[&str],
    stdin: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> (i32, String, String) {
    let argv = std::iter::once("chpass").chain(args.iter().copied());
    let env = |key: &str| env(key).map(OsString::from);
    chpass_os(argv.map(OsString::from).collect(), stdin, &env)
}

/// As `chpass_env`, with arguments and an environment that need not be UTF-8.
pub fn chpass_os(
    argv: Vec<OsString>,
    stdin: &str,
    env: &dyn Fn(&str) -> Option<OsString>,
) -> (i32, String, String) {
    let mut input = stdin.as_bytes();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(
        argv,
        Io {
            stdin: &mut input,
            stdout: &mut out,
            stderr: &mut err,
            interactive: false,
            env,
        },
    );
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

pub fn chpass(args: &[&str], stdin: &str) -> (i32, String, String) {
    chpass_env(args, stdin, &|_| None)
}
