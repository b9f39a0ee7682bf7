//! `check`, `generate`, `hash` and `verify`: one password in, one answer out.

use crate::{EXIT_OK, EXIT_REFUSED, Io, PolicyArgs, input, output};
use chpass::generate::{GenerateOptions, Mode};
use chpass::hash::{self, HashSpec, OpenSearchHashSettings, WorkLimits};
use chpass::{Context, Error};
use serde_json::{Value, json};

pub(crate) fn check(
    policy: &PolicyArgs,
    user: Option<String>,
    json: bool,
    io: &mut Io<'_>,
) -> chpass::Result<i32> {
    let policy = input::policy(policy, "nist-800-63b")?;
    let password = input::password("new_password", io)?;
    let context = Context {
        username: user,
        locale: io.locale(),
        ..Context::default()
    };
    let report = policy.validate(password.expose(), &context);
    output::report(&report, json, io);
    Ok(if report.ok() { EXIT_OK } else { EXIT_REFUSED })
}

/// `chpass generate`'s options.
pub(crate) struct GenerateArgs {
    pub length: Option<usize>,
    pub words: Option<usize>,
    pub separator: String,
    pub alphabet: Option<String>,
}

pub(crate) fn generate(
    policy: &PolicyArgs,
    args: GenerateArgs,
    json: bool,
    io: &mut Io<'_>,
) -> chpass::Result<i32> {
    let policy = input::policy(policy, "nist-800-63b")?;
    let options = GenerateOptions {
        mode: if args.words.is_some() {
            Mode::Passphrase
        } else {
            Mode::Characters
        },
        length: args.length,
        words: args.words,
        separator: args.separator,
        alphabet: args.alphabet,
    };
    let made = chpass::generate::generate(&policy, &Context::default(), &options)?;
    if json {
        output::json(
            &json!({ "password": made.password.expose(), "entropy_bits": made.entropy_bits }),
            io,
        );
    } else {
        let _ = writeln!(io.stdout, "{}", made.password.expose());
        let bits = format!("{:.1}", made.entropy_bits);
        let _ = writeln!(io.stderr, "{}", io.say("entropy", json!({ "bits": bits })));
    }
    Ok(EXIT_OK)
}

#[derive(clap::Args, Debug)]
pub(crate) struct HashArgs {
    /// argon2id, argon2i, argon2d, bcrypt, es:<Elasticsearch algorithm> (es:bcrypt,
    /// es:pbkdf2_stretch_1000, …) or os:bcrypt, os:pbkdf2, os:argon2 (OpenSearch's defaults).
    #[arg(long, default_value = "argon2id")]
    format: String,
    /// bcrypt's cost (4–31).
    #[arg(long)]
    cost: Option<u32>,
    /// An OpenSearch setting for os:…, KEY=VALUE (e.g. pbkdf2.iterations=1000).
    #[arg(long = "setting", value_name = "KEY=VALUE")]
    settings: Vec<String>,
    /// The whole spec as JSON, e.g. '{"algorithm":"argon2id","memory_kib":65536}'.
    #[arg(long, conflicts_with_all = ["format", "cost", "settings"])]
    spec: Option<String>,
    #[command(flatten)]
    limits: LimitsArg,
}

/// The work limits `hash` and `verify` share, so that what one makes the other accepts.
#[derive(clap::Args, Debug)]
pub(crate) struct LimitsArg {
    /// Raise (or lower) the work limits as JSON, e.g. '{"bcrypt_max_cost": 17}'; the fields
    /// are argon2_max_memory_kib, argon2_max_iterations, argon2_max_parallelism,
    /// bcrypt_max_cost, pbkdf2_max_iterations (defaults: 262144, 16, 16, 16, 2000000).
    #[arg(long, value_name = "JSON")]
    limits: Option<String>,
}

impl LimitsArg {
    fn read(&self) -> chpass::Result<WorkLimits> {
        match &self.limits {
            None => Ok(WorkLimits::default()),
            Some(text) => WorkLimits::from_value(
                serde_json::from_str(text)
                    .map_err(|e| Error::invalid_argument("limits", e.to_string()))?,
            ),
        }
    }
}

pub(crate) fn hash(args: &HashArgs, json: bool, io: &mut Io<'_>) -> chpass::Result<i32> {
    let make = hasher(args)?;
    // typed twice on a terminal, as a new password is; one line from a pipe
    let prompts = ["password", "repeat_password"]; // cli.prompt.* of the catalogs
    let password = match input::new_password(io, prompts, false, |_| chpass::Report::default())? {
        input::NewPassword::Accepted(password) => password,
        input::NewPassword::Refused(report) => {
            output::report(&report, json, io);
            return Ok(EXIT_REFUSED);
        }
    };
    let made = with_progress(io, || make(password.expose()))?;
    if json {
        output::json(&json!({ "hash": made }), io);
    } else {
        let _ = writeln!(io.stdout, "{made}");
    }
    Ok(EXIT_OK)
}

type Hasher = Box<dyn Fn(&str) -> chpass::Result<String> + Send + Sync>;

/// Resolved before the password is read, so a typo (or a cost over the limits) costs no typing.
fn hasher(args: &HashArgs) -> chpass::Result<Hasher> {
    let limits = args.limits.read()?;
    if let Some(spec) = &args.spec {
        let value = serde_json::from_str(spec)
            .map_err(|e| Error::invalid_argument("spec", e.to_string()))?;
        let spec = HashSpec::from_value(value)?;
        spec.check_limits(&limits)?;
        return Ok(Box::new(move |pw| {
            hash::hash_with_limits(pw, &spec, &limits)
        }));
    }
    if let Some(algorithm) = args.format.strip_prefix("es:") {
        if !hash::ELASTICSEARCH_ALGORITHMS.contains(&algorithm.to_lowercase().as_str()) {
            let forms: Vec<String> = hash::ELASTICSEARCH_ALGORITHMS
                .iter()
                .map(|name| format!("es:{name}"))
                .collect();
            return Err(Error::invalid_argument(
                "format",
                format!(
                    "Elasticsearch has no algorithm {algorithm:?}; --format takes {}",
                    forms.join(", ")
                ),
            ));
        }
        let algorithm = algorithm.to_owned();
        return Ok(Box::new(move |pw| {
            hash::elasticsearch_password_hash(pw, &algorithm)
        }));
    }
    if let Some(algorithm) = args.format.strip_prefix("os:") {
        let mut settings = serde_json::Map::new();
        settings.insert("algorithm".into(), Value::from(algorithm));
        for setting in &args.settings {
            let (key, value) = setting.split_once('=').ok_or_else(|| {
                Error::invalid_argument("setting", format!("{setting:?} is not KEY=VALUE"))
            })?;
            settings.insert(key.to_owned(), Value::from(value));
        }
        let settings = OpenSearchHashSettings::from_value(&Value::Object(settings))?;
        settings.spec().check_limits(&limits)?;
        return Ok(Box::new(move |pw| {
            hash::opensearch_hash_with_limits(pw, &settings, &limits)
        }));
    }
    // the command's own words: its formats and flags, not the library's spec keys
    if !["argon2id", "argon2i", "argon2d", "bcrypt"].contains(&args.format.as_str()) {
        return Err(Error::invalid_argument(
            "format",
            format!(
                "unknown --format {:?}: argon2id, argon2i, argon2d, bcrypt, es:<Elasticsearch \
                 algorithm> (es:bcrypt, es:bcrypt12, es:pbkdf2, es:pbkdf2_stretch_1000, …), \
                 os:bcrypt, os:pbkdf2 or os:argon2; or the whole spec as --spec JSON",
                args.format
            ),
        ));
    }
    let mut spec = json!({ "algorithm": args.format });
    if let Some(cost) = args.cost {
        if args.format != "bcrypt" {
            return Err(Error::invalid_argument(
                "cost",
                format!(
                    "--cost is bcrypt's; {}'s parameters go in --spec, e.g. --spec \
                     '{{\"algorithm\": \"{}\", \"memory_kib\": 65536, \"iterations\": 3}}'",
                    args.format, args.format
                ),
            ));
        }
        spec["cost"] = Value::from(cost);
    }
    let spec = HashSpec::from_value(spec)?;
    spec.check_limits(&limits)?;
    Ok(Box::new(move |pw| {
        hash::hash_with_limits(pw, &spec, &limits)
    }))
}

/// Runs `work`; on a terminal, one that takes over a second shows how long it has taken on
/// standard error, and the line is cleared when it ends.
fn with_progress<T: Send>(io: &mut Io<'_>, work: impl FnOnce() -> T + Send) -> T {
    use std::time::{Duration, Instant};
    if !io.interactive {
        return work();
    }
    std::thread::scope(|scope| {
        let worker = scope.spawn(work);
        let started = Instant::now();
        let mut shown = false;
        while !worker.is_finished() {
            std::thread::sleep(Duration::from_millis(100));
            let elapsed = started.elapsed();
            if elapsed >= Duration::from_secs(1) {
                let line = io.say("hashing", json!({ "seconds": elapsed.as_secs() }));
                let _ = write!(io.stderr, "\r{line}");
                let _ = io.stderr.flush();
                shown = true;
            }
        }
        if shown {
            let _ = write!(io.stderr, "\r\x1b[2K");
        }
        match worker.join() {
            Ok(value) => value,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

#[derive(clap::Args, Debug)]
pub(crate) struct VerifyArgs {
    /// The stored hash (argon2, bcrypt, {PBKDF2}…, password4j).
    #[arg(long)]
    hash: String,
    /// Check as OpenSearch does (its password4j differs from standard bcrypt for $2a$ hashes
    /// of non-ASCII passwords).
    #[arg(long)]
    opensearch: bool,
    #[command(flatten)]
    limits: LimitsArg,
}

pub(crate) fn verify(args: &VerifyArgs, json: bool, io: &mut Io<'_>) -> chpass::Result<i32> {
    let limits = args.limits.read()?;
    let stored = args.hash.as_str();
    let password = input::password("password", io)?;
    let check = if args.opensearch {
        hash::verify_opensearch
    } else {
        hash::verify_with_limits
    };
    let matches = with_progress(io, || check(password.expose(), stored, &limits))?;
    if json {
        output::json(&json!({ "match": matches }), io);
    } else {
        let answer = io.say(if matches { "match" } else { "no_match" }, Value::Null);
        let _ = writeln!(io.stdout, "{answer}");
    }
    Ok(if matches { EXIT_OK } else { EXIT_REFUSED })
}
