//! The `chpass` command. `run` takes its arguments and streams, so the binary, the Python
//! package (`python -m chpass`) and the tests all run the same entry point.

use chpass::{Context, Policy, Report};
use clap::{Parser, Subcommand};
use std::io::{self, BufRead, IsTerminal, Write};

/// Exit codes: 0 accepted, 1 refused by the policy, 2 a usage or configuration error.
pub const EXIT_OK: i32 = 0;
pub const EXIT_REFUSED: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "chpass",
    version,
    about = "Check and change passwords for Keystone, Elasticsearch and OpenSearch.",
    after_help = "Examples:\n  chpass check --policy nist-800-63b\n  printf '%s\\n' 'correct horse battery' | chpass check --json\n  chpass check --policy keystone --option password_regex='^(?=.*\\d).{8,}$'\n  chpass check --policy ./policy.json --user jack"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a new password against a policy: read without echo from the terminal, or one line
    /// from standard input when it is not a terminal.
    Check {
        /// A preset name (nist-800-63b, owasp-asvs-5-l1, …) or a JSON policy file.
        #[arg(long, default_value = "nist-800-63b")]
        policy: String,
        /// A preset option, KEY=VALUE (VALUE is JSON when it parses as JSON, else a string).
        #[arg(long = "option", value_name = "KEY=VALUE")]
        options: Vec<String>,
        /// The user name, a context word the password must not contain.
        #[arg(long)]
        user: Option<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The streams a run uses.
#[allow(missing_debug_implementations)] // trait-object streams have nothing to show
pub struct Io<'a> {
    pub stdin: &'a mut dyn BufRead,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Whether standard input is a terminal (then passwords are read without echo).
    pub interactive: bool,
}

/// The real process: arguments from the environment, the real streams.
pub fn run_from_env() -> i32 {
    run_with_args(
        std::env::args_os()
            .map(|a| a.to_string_lossy().into_owned())
            .collect(),
    )
}

/// The real streams with the given arguments (the first is the program name).
pub fn run_with_args(args: Vec<String>) -> i32 {
    let stdin = io::stdin();
    let interactive = stdin.is_terminal();
    let mut lock = stdin.lock();
    run(
        args,
        Io {
            stdin: &mut lock,
            stdout: &mut io::stdout(),
            stderr: &mut io::stderr(),
            interactive,
        },
    )
}

pub fn run(args: Vec<String>, io: Io<'_>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = if e.use_stderr() {
                write!(io.stderr, "{e}")
            } else {
                write!(io.stdout, "{e}")
            };
            return code;
        }
    };
    let result = match cli.command {
        Command::Check {
            policy,
            options,
            user,
            json,
        } => check(
            &policy,
            &options,
            user,
            json,
            io.stdout,
            io.stdin,
            io.interactive,
        ),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(io.stderr, "chpass: {e} [{}]", e.code());
            EXIT_ERROR
        }
    }
}

fn check(
    policy: &str,
    options: &[String],
    user: Option<String>,
    json: bool,
    stdout: &mut dyn Write,
    stdin: &mut dyn BufRead,
    interactive: bool,
) -> chpass::Result<i32> {
    let policy = load_policy(policy, options)?;
    let password = read_password("New Password: ", stdin, interactive)?;
    let context = Context {
        username: user,
        ..Context::default()
    };
    let report = policy.validate(&password, &context);
    print_report(&report, json, stdout);
    Ok(if report.ok() { EXIT_OK } else { EXIT_REFUSED })
}

fn invalid(argument: &'static str, reason: impl Into<String>) -> chpass::Error {
    chpass::Error::InvalidArgument {
        argument,
        reason: reason.into(),
        params: serde_json::Map::new(),
    }
}

/// A preset name, or a JSON policy file.
fn load_policy(name: &str, options: &[String]) -> chpass::Result<Policy> {
    if chpass::presets::ALL.iter().any(|p| p.name == name) {
        let mut map = serde_json::Map::new();
        for option in options {
            let (key, value) = option
                .split_once('=')
                .ok_or_else(|| invalid("option", format!("{option:?} is not KEY=VALUE")))?;
            let value =
                serde_json::from_str(value).unwrap_or_else(|_| serde_json::Value::from(value));
            map.insert(key.to_owned(), value);
        }
        return Policy::preset(name, &serde_json::Value::Object(map));
    }
    if !options.is_empty() {
        return Err(invalid(
            "option",
            "--option goes with a preset, not a policy file",
        ));
    }
    let text = std::fs::read_to_string(name).map_err(|e| {
        invalid(
            "policy",
            format!("{name:?} is neither a preset nor a readable file: {e}"),
        )
    })?;
    Policy::from_json(&text)
}

/// Without echo from a terminal; otherwise one line of standard input (its newline removed).
fn read_password(
    prompt: &str,
    stdin: &mut dyn BufRead,
    interactive: bool,
) -> chpass::Result<String> {
    if interactive {
        return rpassword::prompt_password(prompt).map_err(|e| invalid("password", e.to_string()));
    }
    let mut line = String::new();
    stdin
        .read_line(&mut line)
        .map_err(|e| invalid("password", e.to_string()))?;
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    Ok(line)
}

fn print_report(report: &Report, json: bool, out: &mut dyn Write) {
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
