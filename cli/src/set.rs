//! `chpass set`: the whole change from a terminal or a script, then the local files.

use crate::{EXIT_OK, EXIT_REFUSED, Io, PolicyArgs, input, output};
use chpass::backend::{Auth, Operation, Outcome, elasticsearch, opensearch};
use chpass::files::{self, CloudAuth, FileStatus, FileUpdate, WriteOptions};
use chpass::policy::Violation;
use chpass::transport::{Transport, TransportOptions, current_password_refused};
use chpass::{Context, Error, Policy, SecretString};
use serde_json::json;
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub(crate) struct SetArgs {
    /// A cloud of clouds.yaml / secure.yaml (default: $OS_CLOUD, else the OS_* variables of a
    /// sourced RC file).
    #[arg(long)]
    os_cloud: Option<String>,
    /// Change --user's own password on this Elasticsearch.
    #[arg(long, value_name = "URL", conflicts_with_all = ["os_cloud", "opensearch"], requires = "user")]
    elasticsearch: Option<String>,
    /// Change --user's own password on this OpenSearch (security plugin).
    #[arg(
        long,
        value_name = "URL",
        conflicts_with = "os_cloud",
        requires = "user"
    )]
    opensearch: Option<String>,
    /// The user, for --elasticsearch and --opensearch.
    #[arg(long)]
    user: Option<String>,
    /// The policy to check before sending (default: the server's: Keystone's own
    /// security_compliance when readable, else the matching preset).
    #[command(flatten)]
    policy: PolicyArgs,
    /// Check, and print the request with every secret [REDACTED]; change nothing.
    #[arg(long)]
    dry_run: bool,
    /// After the change, update the password in clouds.yaml / secure.yaml and --rc-file files.
    #[arg(long)]
    update_files: bool,
    /// An RC file (`export OS_PASSWORD=…`) to update with --update-files; repeatable.
    #[arg(long = "rc-file", value_name = "PATH")]
    rc_files: Vec<PathBuf>,
    /// Do not keep a .bak of updated files.
    #[arg(long)]
    no_backup: bool,
    /// A PEM bundle of CA certificates to trust as well.
    #[arg(long, visible_alias = "os-cacert", value_name = "PEM")]
    cacert: Option<PathBuf>,
    /// Accept any server certificate (a test cloud only), as `openstack --insecure`.
    #[arg(long)]
    insecure: bool,
    /// The new password on the command line, as `openstack user password set --password`:
    /// other users can see it (ps) and it stays in your shell history. Prefer the prompt.
    #[arg(long, value_name = "PASSWORD")]
    password: Option<String>,
    /// The current password on the command line (same warning as --password).
    #[arg(long, value_name = "PASSWORD")]
    original_password: Option<String>,
    #[command(flatten)]
    os: OsArgs,
}

/// `openstack`'s authentication options; each one stands for its `OS_*` variable.
#[derive(clap::Args, Debug)]
struct OsArgs {
    /// $OS_AUTH_URL: Keystone's URL.
    #[arg(long, value_name = "URL")]
    os_auth_url: Option<String>,
    /// $OS_USERNAME.
    #[arg(long, value_name = "NAME")]
    os_username: Option<String>,
    /// $OS_USER_ID.
    #[arg(long, value_name = "ID")]
    os_user_id: Option<String>,
    /// $OS_USER_DOMAIN_NAME.
    #[arg(long, value_name = "NAME")]
    os_user_domain_name: Option<String>,
    /// $OS_USER_DOMAIN_ID.
    #[arg(long, value_name = "ID")]
    os_user_domain_id: Option<String>,
    /// $OS_PROJECT_NAME.
    #[arg(long, value_name = "NAME")]
    os_project_name: Option<String>,
    /// $OS_PROJECT_ID.
    #[arg(long, value_name = "ID")]
    os_project_id: Option<String>,
    /// $OS_PROJECT_DOMAIN_NAME.
    #[arg(long, value_name = "NAME")]
    os_project_domain_name: Option<String>,
    /// $OS_PROJECT_DOMAIN_ID.
    #[arg(long, value_name = "ID")]
    os_project_domain_id: Option<String>,
}

impl OsArgs {
    /// The value a flag gives the variable `key`, if any.
    fn get(&self, key: &str) -> Option<&String> {
        match key {
            "OS_AUTH_URL" => self.os_auth_url.as_ref(),
            "OS_USERNAME" => self.os_username.as_ref(),
            "OS_USER_ID" => self.os_user_id.as_ref(),
            "OS_USER_DOMAIN_NAME" => self.os_user_domain_name.as_ref(),
            "OS_USER_DOMAIN_ID" => self.os_user_domain_id.as_ref(),
            "OS_PROJECT_NAME" => self.os_project_name.as_ref(),
            "OS_PROJECT_ID" => self.os_project_id.as_ref(),
            "OS_PROJECT_DOMAIN_NAME" => self.os_project_domain_name.as_ref(),
            "OS_PROJECT_DOMAIN_ID" => self.os_project_domain_id.as_ref(),
            _ => None,
        }
    }
}

enum Target {
    Keystone(CloudAuth),
    Elasticsearch { url: String, user: String },
    OpenSearch { url: String, user: String },
}

impl Target {
    fn of(args: &SetArgs, io: &Io<'_>) -> chpass::Result<Self> {
        let user = || args.user.clone().unwrap_or_default();
        Ok(
            match (&args.os_cloud, &args.elasticsearch, &args.opensearch) {
                (_, Some(url), _) => Target::Elasticsearch {
                    url: url.clone(),
                    user: user(),
                },
                (_, _, Some(url)) => Target::OpenSearch {
                    url: url.clone(),
                    user: user(),
                },
                (Some(cloud), _, _) => Target::Keystone(CloudAuth::from_cloud(cloud)?),
                // a flag overrides its variable, as in `openstack`
                (None, None, None) => Target::Keystone(CloudAuth::from_env(|key: &str| {
                    args.os
                        .get(key)
                        .map(OsString::from)
                        .or_else(|| (io.env)(key))
                })?),
            },
        )
    }

    fn describe(&self) -> String {
        match self {
            Target::Keystone(auth) => format!(
                "{} at {}",
                auth.username
                    .as_deref()
                    .or(auth.user_id.as_deref())
                    .unwrap_or("?"),
                auth.keystone_base_url()
            ),
            Target::Elasticsearch { url, user } | Target::OpenSearch { url, user } => {
                format!("{user} at {url}")
            }
        }
    }
}

pub(crate) fn run(args: &SetArgs, json: bool, io: &mut Io<'_>) -> chpass::Result<i32> {
    let target = Target::of(args, io)?;
    let mut options = TransportOptions {
        insecure_skip_tls_verify: args.insecure,
        ..TransportOptions::default()
    };
    if let Some(path) = args.cacert.as_ref().or(cacert_of(&target).as_ref()) {
        let pem = std::fs::read_to_string(path)
            .map_err(|e| Error::invalid_argument("cacert", format!("{}: {e}", path.display())))?;
        options.extra_ca_pem = Some(pem);
    }
    let transport = Transport::new(options)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::invalid_argument("runtime", e.to_string()))?;

    if args.password.is_some() || args.original_password.is_some() {
        let warning = io.say("password_on_command_line", serde_json::Value::Null);
        let _ = writeln!(io.stderr, "chpass: {warning}");
    }
    let current = match &args.original_password {
        Some(given) => SecretString::new(given.as_str()),
        None => input::password("current_password", io)?,
    };
    // the policy before the new password, so that a refusal comes right after it is typed
    // (for Keystone this logs in: a wrong current password is said before anything else)
    let (policy, username) = runtime.block_on(policy_of(&target, args, &transport, &current))?;
    let context = Context {
        username,
        current_password: Some(current.clone()),
        locale: io.locale(),
        ..Context::default()
    };
    let check = |new: &SecretString| {
        let mut report = policy.validate(new.expose(), &context);
        // a change to the same password changes nothing, and a server that keeps a password
        // history refuses it: refused here, in a dry run and a real one alike
        if new.expose() == current.expose() && !report.codes().contains(&"same_as_current") {
            report.violations.push(Violation::SameAsCurrent);
        }
        report
    };
    let prompts = ["new_password", "repeat_new_password"]; // cli.prompt.* of the catalogs
    let given = args.password.as_deref().map(SecretString::new);
    let entered = match given {
        Some(new) => match check(&new) {
            report if report.ok() => input::NewPassword::Accepted(new),
            report => input::NewPassword::Refused(report),
        },
        None => input::new_password(io, prompts, true, check)?,
    };
    let new = match entered {
        input::NewPassword::Accepted(new) => new,
        input::NewPassword::Refused(report) => {
            output::report(&report, json, io);
            return Ok(EXIT_REFUSED);
        }
    };
    let operation = runtime.block_on(operation_of(&target, &transport, &current, &new, &policy))?;
    if args.dry_run {
        // everything the real run checks before sending
        transport.preflight(&operation.request()?)?;
        if json {
            let request = operation.request()?.redacted();
            output::json(&json!({ "dry_run": true, "request": request }), io);
        } else {
            let dump = operation.dump()?;
            let _ = writeln!(io.stdout, "{dump}");
            let _ = writeln!(io.stderr, "{}", io.say("dry_run", serde_json::Value::Null));
        }
        return Ok(EXIT_OK);
    }
    let outcome = runtime.block_on(transport.change_password(&operation, None, &context))?;
    let relogin = matches!(outcome, Outcome::Token { .. });
    if !json {
        let changed = io.say("password_changed", json!({ "target": target.describe() }));
        let _ = writeln!(io.stdout, "{changed}");
        if relogin {
            let _ = writeln!(
                io.stdout,
                "{}",
                io.say("logged_in_again", serde_json::Value::Null)
            );
        }
    }
    let updates = if args.update_files {
        update_files(&target, args, &new, json, io)
    } else {
        Ok(Vec::new())
    };
    match updates {
        Ok(updates) => {
            if json {
                output::json(
                    &json!({ "changed": true, "relogin": relogin, "files": updates }),
                    io,
                );
            }
            Ok(EXIT_OK)
        }
        Err(e) => {
            let note = io.say("file_not_updated", serde_json::Value::Null);
            let _ = writeln!(io.stderr, "chpass: {note}");
            Err(e)
        }
    }
}

fn cacert_of(target: &Target) -> Option<PathBuf> {
    match target {
        Target::Keystone(auth) => auth.cacert.as_ref().map(PathBuf::from),
        _ => None,
    }
}

/// The policy to check the new password against, and the user name for the context: the one
/// given, else the server's (for Keystone its own `security_compliance`, read after a login
/// with the current password), else the matching preset.
async fn policy_of(
    target: &Target,
    args: &SetArgs,
    transport: &Transport,
    current: &SecretString,
) -> chpass::Result<(Policy, Option<String>)> {
    let given = args.policy.policy.is_some();
    let policy_or = |preset: &str| input::policy(&args.policy, preset);
    Ok(match target {
        Target::Keystone(auth) => {
            let policy = match given {
                true => policy_or("keystone")?,
                false => {
                    let login = auth.login(current.clone());
                    transport
                        .keystone_policy(&login)
                        .await
                        .map_err(current_password_refused)?
                        .policy
                }
            };
            (policy, auth.username.clone())
        }
        Target::Elasticsearch { user, .. } => (policy_or("elasticsearch")?, Some(user.clone())),
        Target::OpenSearch { user, .. } => (policy_or("opensearch")?, Some(user.clone())),
    })
}

/// The change operation. For Keystone this logs in with the current password (core's Keystone
/// flow), which names the user's id.
async fn operation_of(
    target: &Target,
    transport: &Transport,
    current: &SecretString,
    new: &SecretString,
    policy: &Policy,
) -> chpass::Result<Operation> {
    Ok(match target {
        Target::Keystone(auth) => {
            let login = auth.login(current.clone());
            transport
                .plan_keystone_change(&login, new.clone(), Some(policy.clone()))
                .await?
                .operation
        }
        Target::Elasticsearch { url, user } => {
            Operation::ElasticsearchChangePassword(elasticsearch::ChangePassword {
                base_url: url.clone(),
                username: None,
                password: Some(new.clone()),
                password_hash: None,
                refresh: None,
                auth: Some(Auth::Basic {
                    username: user.clone(),
                    password: current.clone(),
                }),
            })
        }
        Target::OpenSearch { url, user } => {
            Operation::OpenSearchChangeOwnPassword(opensearch::ChangeOwnPassword {
                base_url: url.clone(),
                current_password: current.clone(),
                password: Some(new.clone()),
                hash: None,
                legacy_path: false,
                auth: Some(Auth::Basic {
                    username: user.clone(),
                    password: current.clone(),
                }),
                validation_error_message: None,
            })
        }
    })
}

fn update_files(
    target: &Target,
    args: &SetArgs,
    new: &SecretString,
    json: bool,
    io: &mut Io<'_>,
) -> chpass::Result<Vec<FileUpdate>> {
    let options = WriteOptions {
        backup: !args.no_backup,
    };
    let mut updates = Vec::new();
    // The password has changed on the server by now: a file with nothing to change is reported
    // beside the others (status `no_password` or `prompts`), not a failure of the command.
    if let Target::Keystone(CloudAuth {
        cloud: Some(cloud), ..
    }) = target
    {
        match files::update_cloud_password(cloud, new.expose(), options) {
            Err(chpass::Error::PasswordNotFound { .. }) => {
                let cloud = format!("{cloud:?}");
                let _ = writeln!(
                    io.stderr,
                    "{}",
                    io.say("no_cloud_password", json!({ "cloud": cloud }))
                );
            }
            result => updates.extend(result?),
        }
    }
    for path in &args.rc_files {
        let update = files::update_rc_file(path, new.expose(), options);
        updates.push(FileUpdate::left_alone(update)?);
    }
    if !json {
        if updates.is_empty() {
            let _ = writeln!(
                io.stderr,
                "{}",
                io.say("no_credential_file", serde_json::Value::Null)
            );
        }
        for update in &updates {
            let note = match update.status {
                FileStatus::Updated => "file_updated",
                FileStatus::Prompts => "file_prompts",
                FileStatus::NoPassword => "file_no_password",
            };
            let note = io.say(note, serde_json::Value::Null);
            let _ = writeln!(io.stdout, "{}: {note}", update.path);
            if let Some(warning) = &update.warning {
                let label = io.say("warning", serde_json::Value::Null);
                let _ = writeln!(io.stderr, "{label}: {}: {warning}", update.path);
            }
        }
    }
    Ok(updates)
}
