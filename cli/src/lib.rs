//! The `chpass` command. `run` takes its arguments, streams and environment, so the binary, the
//! Python package (`python -m chpass`) and the tests all run the same entry point.

#![deny(missing_docs)]

mod hashing;
mod input;
mod output;
mod set;

use clap::{CommandFactory, Parser, Subcommand};
use std::ffi::OsString;
use std::io::{self, BufRead, IsTerminal, Write};

/// Exit codes, by what went wrong (`chpass --help` lists them).
pub const EXIT_OK: i32 = 0;
/// The policy refused the password, or `verify` found no match.
pub const EXIT_REFUSED: i32 = 1;
/// A usage or configuration error (bad arguments, policy, hash string, unknown cloud).
pub const EXIT_ERROR: i32 = 2;
/// The server said no (wrong current password, password refused, forbidden, …).
pub const EXIT_SERVER: i32 = 3;
/// No usable answer: network, TLS, timeout, or a response chpass does not understand.
pub const EXIT_TRANSPORT: i32 = 4;
/// The password changed, but a credential file could not be updated.
pub const EXIT_FILE: i32 = 5;

const EXAMPLES: &str = "Examples:
  chpass check --policy nist-800-63b
  printf '%s\\n' 'correct horse battery' | chpass check --json
  chpass generate --policy keystone --words 6
  chpass hash --format es:pbkdf2_stretch
  chpass verify --hash '$2b$12$…'
  chpass set --os-cloud devstack --update-files
  chpass set --elasticsearch https://127.0.0.1:9200 --user elastic --dry-run

Exit codes: 0 done, 1 refused by the policy (or no match), 2 usage or configuration error,
3 the server said no, 4 network/TLS/timeout/unexpected answer, 5 changed but a file was not updated.
Errors end with their stable code in brackets, e.g. [invalid_current_password].";

#[derive(Parser, Debug)]
#[command(
    name = "chpass",
    version,
    about = "Check, hash, generate and change passwords for Keystone, Elasticsearch and OpenSearch.",
    after_help = EXAMPLES
)]
struct Cli {
    /// Print JSON instead of text (errors too, on standard output).
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Debug, Clone)]
struct PolicyArgs {
    /// A preset (`chpass presets` lists them) or a JSON policy file. Default: nist-800-63b for
    /// check and generate; for set, the server's own.
    #[arg(long)]
    policy: Option<String>,
    /// A preset option, KEY=VALUE (VALUE is JSON when it parses as JSON, else a string).
    #[arg(long = "option", value_name = "KEY=VALUE")]
    options: Vec<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a new password against a policy: read without echo from the terminal, or one line
    /// from standard input when it is not a terminal.
    Check {
        #[command(flatten)]
        policy: PolicyArgs,
        /// The user name, a context word the password must not contain.
        #[arg(long)]
        user: Option<String>,
    },
    /// Print a random password that passes the policy (and its entropy on standard error).
    Generate {
        #[command(flatten)]
        policy: PolicyArgs,
        /// Characters in the password (default 20, or the policy's minimum).
        #[arg(long, conflicts_with = "words")]
        length: Option<usize>,
        /// A passphrase of this many words from the EFF large word list.
        #[arg(long)]
        words: Option<usize>,
        /// What goes between passphrase words.
        #[arg(long, default_value = "-")]
        separator: String,
        /// The characters to draw from (default: printable ASCII letters, digits and symbols).
        #[arg(long, conflicts_with = "words")]
        alphabet: Option<String>,
    },
    /// Hash a password read like `check` does.
    Hash(hashing::HashArgs),
    /// Check a password against a stored hash: exit 0 when it matches, 1 when it does not.
    Verify(hashing::VerifyArgs),
    /// Change your password on Keystone, Elasticsearch or OpenSearch, like
    /// `openstack user password set`; prompts Current Password, New Password, Repeat New Password
    /// (or reads three lines from standard input).
    Set(Box<set::SetArgs>),
    /// List the policy presets, with the rules each copies and where from.
    Presets,
    /// Print a shell completion script (bash: `source <(chpass completions bash)`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `chpass man | man -l -`.
    Man,
}

/// The streams and environment a run uses.
#[allow(missing_debug_implementations)] // trait-object streams have nothing to show
pub struct Io<'a> {
    /// Where passwords and other input are read.
    pub stdin: &'a mut dyn BufRead,
    /// Where results go.
    pub stdout: &'a mut dyn Write,
    /// Where errors, warnings and prompts go.
    pub stderr: &'a mut dyn Write,
    /// Whether standard input is a terminal (then passwords are read without echo).
    pub interactive: bool,
    /// The environment (`OS_*` variables, `OS_CLIENT_CONFIG_FILE`…).
    pub env: &'a dyn Fn(&str) -> Option<OsString>,
}

impl Io<'_> {
    /// The language of the command's words: `LC_ALL`, `LC_MESSAGES`, `LANG` and `LANGUAGE`,
    /// as gettext reads them; English without a catalog.
    pub(crate) fn locale(&self) -> chpass::i18n::Locale {
        chpass::i18n::Locale::from_vars(|name| (self.env)(name).and_then(|v| v.into_string().ok()))
    }

    /// The command's own message `key` (`cli.<key>` of the catalog), in its language.
    pub(crate) fn say(&self, key: &str, params: serde_json::Value) -> String {
        let params = match params {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        self.locale().message(&format!("cli.{key}"), &params)
    }
}

/// The real process: arguments from the environment, the real streams, and Ctrl-C at a
/// password prompt restoring the terminal.
pub fn run_from_env() -> i32 {
    input::interrupt::install();
    run_with_args(std::env::args_os().collect())
}

/// The real streams and environment with the given arguments (the first is the program name).
pub fn run_with_args(args: Vec<OsString>) -> i32 {
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
            env: &|key| std::env::var_os(key),
        },
    )
}

/// An argument that is not UTF-8 is a usage error (exit 2) that says so, never a U+FFFD.
pub fn run(args: Vec<OsString>, mut io: Io<'_>) -> i32 {
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
    let json = cli.json;
    let result = match cli.command {
        Command::Check { policy, user } => hashing::check(&policy, user, json, &mut io),
        Command::Generate {
            policy,
            length,
            words,
            separator,
            alphabet,
        } => {
            let options = hashing::GenerateArgs {
                length,
                words,
                separator,
                alphabet,
            };
            hashing::generate(&policy, options, json, &mut io)
        }
        Command::Hash(args) => hashing::hash(&args, json, &mut io),
        Command::Verify(args) => hashing::verify(&args, json, &mut io),
        Command::Set(args) => set::run(&args, json, &mut io),
        Command::Presets => Ok(output::presets(json, &mut io)),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "chpass", io.stdout);
            Ok(EXIT_OK)
        }
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(io.stdout)
            .map(|()| EXIT_OK)
            .map_err(|e| chpass::Error::invalid_argument("man", e.to_string())),
    };
    match result {
        Ok(code) => code,
        Err(chpass::Error::InvalidArgument { argument, .. }) if argument == input::INTERRUPTED => {
            let _ = writeln!(io.stderr);
            130
        }
        Err(e) => {
            output::error(&e, json, &mut io);
            exit_code(&e)
        }
    }
}

fn exit_code(error: &chpass::Error) -> i32 {
    use chpass::ErrorKind::*;
    match error.kind() {
        Policy => EXIT_REFUSED,
        Server => EXIT_SERVER,
        Transport | Protocol => EXIT_TRANSPORT,
        File => EXIT_FILE,
        _ => EXIT_ERROR,
    }
}
