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
        let presets: Vec<&str> = chpass::presets::ALL.iter().map(|p| p.name).collect();
        Error::invalid_argument(
            "policy",
            format!(
                "{name:?} is no preset ({}; `chpass presets` describes them) and no readable \
                 policy file ({e})",
                presets.join(", ")
            ),
        )
    })?;
    Policy::from_json(&text)
}

/// What an interrupted prompt (Ctrl-C under Python, whose handler makes the read fail) ends
/// with: `run` exits 130 for it, as a shell expects, without an error message.
pub(crate) const INTERRUPTED: &str = "interrupted";

/// Without echo from a terminal, after the prompt `cli.prompt.<prompt>` in the command's
/// language; otherwise one line of standard input (its newline removed).
pub(crate) fn password(prompt: &str, io: &mut Io<'_>) -> chpass::Result<SecretString> {
    if io.interactive {
        let prompt = io.say(&format!("prompt.{prompt}"), serde_json::Value::Null);
        return interrupt::restoring_the_terminal(|| rpassword::prompt_password(&prompt))
            .map(SecretString::new)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::Interrupted => Error::invalid_argument(INTERRUPTED, "Ctrl-C"),
                _ => Error::invalid_argument("password", e.to_string()),
            });
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

/// What the new-password prompts ended with.
pub(crate) enum NewPassword {
    Accepted(SecretString),
    /// The check's refusal of the last password typed.
    Refused(chpass::Report),
}

/// A new password, checked as soon as it is typed, then typed again. On a terminal a refusal
/// or a mismatch asks again (three tries in all; `openstack user password set` gives up at the
/// first mismatch); the repeat is asked for on a terminal, and from a pipe only when `repeat_piped`.
pub(crate) fn new_password(
    io: &mut Io<'_>,
    prompts: [&str; 2],
    repeat_piped: bool,
    check: impl Fn(&SecretString) -> chpass::Report,
) -> chpass::Result<NewPassword> {
    let tries = if io.interactive { 3 } else { 1 };
    for attempt in 1..=tries {
        let new = password(prompts[0], io)?;
        let report = check(&new);
        if !report.ok() {
            if attempt == tries {
                return Ok(NewPassword::Refused(report));
            }
            for v in &report.violations {
                let _ = writeln!(io.stderr, "{}: {}", v.code(), report.message_of(v));
            }
            let again = io.say("try_another_password", serde_json::Value::Null);
            let _ = writeln!(io.stderr, "chpass: {again}");
            continue;
        }
        if !io.interactive && !repeat_piped {
            return Ok(NewPassword::Accepted(new));
        }
        if password(prompts[1], io)?.expose() == new.expose() {
            return Ok(NewPassword::Accepted(new));
        }
        if attempt < tries {
            let again = io.say("passwords_differ", serde_json::Value::Null);
            let _ = writeln!(io.stderr, "chpass: {again}");
        }
    }
    Err(Error::invalid_argument(
        "password",
        "the new passwords do not match",
    ))
}

/// Ctrl-C at a prompt must give the terminal back its echo. rpassword restores it when the read
/// returns, but SIGINT's default action ends the process first, and not every shell (dash)
/// restores the terminal after: in the `chpass` binary a handler puts back the settings saved
/// before the prompt, then exits 130. Inside Python (`python -m chpass`) Python's own handler
/// makes the read fail instead, and rpassword restores the terminal itself.
pub(crate) mod interrupt {
    #[cfg(unix)]
    static SAVED: std::sync::Mutex<Option<rustix::termios::Termios>> = std::sync::Mutex::new(None);

    /// Installs the handler; only the binary calls this (a library must not take SIGINT).
    pub fn install() {
        #[cfg(unix)]
        let _ = ctrlc::set_handler(|| {
            if let (Ok(saved), Ok(tty)) = (SAVED.lock(), std::fs::File::open("/dev/tty"))
                && let Some(termios) = saved.as_ref()
            {
                let _ = rustix::termios::tcsetattr(
                    &tty,
                    rustix::termios::OptionalActions::Now,
                    termios,
                );
            }
            eprintln!();
            std::process::exit(130);
        });
    }

    pub(super) fn restoring_the_terminal<T>(read: impl FnOnce() -> T) -> T {
        #[cfg(unix)]
        if let (Ok(mut saved), Ok(tty)) = (SAVED.lock(), std::fs::File::open("/dev/tty")) {
            *saved = rustix::termios::tcgetattr(&tty).ok();
        }
        let out = read();
        #[cfg(unix)]
        if let Ok(mut saved) = SAVED.lock() {
            *saved = None;
        }
        out
    }
}
