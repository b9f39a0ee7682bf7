//! Where and as whom to log in: a cloud of `clouds.yaml` / `secure.yaml` (openstacksdk's search
//! order, secure values winning), or the `OS_*` variables that a sourced RC file sets.

use super::{cloud_config_files, io_error};
use crate::backend::keystone::{IssueToken, NameOrId, UserRef};
use crate::error::{Error, Result};
use crate::secret::SecretString;
use serde_yaml_ng::Value;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

/// A Keystone login: the endpoint, the user, and the password the files hold (if any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CloudAuth {
    /// The cloud's name when it came from clouds.yaml (the files to update afterwards).
    pub cloud: Option<String>,
    /// The Keystone endpoint (`auth_url` / `OS_AUTH_URL`).
    pub auth_url: String,
    /// The user's name (`username` / `OS_USERNAME`).
    pub username: Option<String>,
    /// The user's id (`user_id` / `OS_USER_ID`).
    pub user_id: Option<String>,
    /// The user's domain by name, as keystoneauth picks it.
    pub user_domain_name: Option<String>,
    /// The user's domain by id, as keystoneauth picks it.
    pub user_domain_id: Option<String>,
    /// The password the files hold, if any.
    pub password: Option<SecretString>,
    /// A CA bundle to trust (`cacert` / `OS_CACERT`).
    pub cacert: Option<String>,
}

impl CloudAuth {
    /// The cloud `name` from the files openstacksdk would read.
    pub fn from_cloud(name: &str) -> Result<Self> {
        Self::from_files(name, &cloud_config_files())
    }

    /// The cloud `name` from these files, later ones overriding (pass secure.yaml last).
    pub fn from_files(name: &str, files: &[PathBuf]) -> Result<Self> {
        let mut merged: Option<Value> = None;
        // cloud_config_files lists secure files first because their values win: merge them last
        for path in files.iter().rev() {
            let text = fs::read_to_string(path).map_err(|e| io_error(path, &e))?;
            let doc: Value = serde_yaml_ng::from_str(&text).map_err(|e| yaml_error(path, &e))?;
            if let Some(cloud) = doc.get("clouds").and_then(|c| c.get(name)) {
                merged = Some(match merged {
                    None => cloud.clone(),
                    Some(mut base) => {
                        merge(&mut base, cloud);
                        base
                    }
                });
            }
        }
        let cloud = merged.ok_or_else(|| {
            let searched: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
            Error::invalid_argument(
                "cloud",
                format!(
                    "no cloud named {name:?} in {}",
                    if searched.is_empty() {
                        "any clouds.yaml (none found)".into()
                    } else {
                        searched.join(", ")
                    }
                ),
            )
        })?;
        Self::from_cloud_config(Some(name), &cloud)
    }

    /// A cloud's settings read as openstacksdk reads them (see `LoginOptions`); `name` is the
    /// cloud's in clouds.yaml, `None` for the one the `OS_*` variables make.
    fn from_cloud_config(name: Option<&str>, cloud: &Value) -> Result<Self> {
        let cloud = normalize_keys(cloud);
        let options = LoginOptions { cloud: &cloud };
        if let Some(kind) = options
            .beside("auth_type")
            .filter(|t| !matches!(t.as_str(), "password" | "v3password"))
        {
            let whose = name.map_or("OS_AUTH_TYPE".to_owned(), |name| format!("{name:?}"));
            return Err(Error::invalid_argument(
                "cloud",
                format!(
                    "{whose} logs in with auth_type {kind:?}; only password logins have a password to change"
                ),
            ));
        }
        let (user_domain_id, user_domain_name) = options.user_domain();
        let login = CloudAuth {
            cloud: name.map(str::to_owned),
            auth_url: options.auth_first(&["auth_url"]).unwrap_or_default(),
            username: options.auth_first(&["username", "user_name"]),
            user_id: options.auth_first(&["user_id"]),
            user_domain_id,
            user_domain_name,
            password: options.auth_first(&["password"]).map(SecretString::new),
            cacert: options.beside("cacert"),
        };
        login.checked()
    }

    /// From `OS_*` variables (`var` is `std::env::var_os` or a test's map). `OS_CLOUD` selects a
    /// cloud of clouds.yaml instead, as openstacksdk does. A variable that is not UTF-8 is an
    /// error that names it, rather than a variable taken as unset (its value is not shown: it
    /// may be the password).
    pub fn from_env(var: impl Fn(&str) -> Option<OsString>) -> Result<Self> {
        let var = |key: &str| match var(key).map(OsString::into_string) {
            None => Ok(None),
            Some(Ok(value)) => Ok(Some(value).filter(|v| !v.is_empty())),
            Some(Err(_)) => Err(Error::invalid_argument(
                "cloud",
                format!("{key} is not valid UTF-8"),
            )),
        };
        if let Some(cloud) = var("OS_CLOUD")? {
            return Self::from_cloud(&cloud);
        }
        // openstacksdk makes a cloud of the OS_* variables, each named without its prefix and
        // in lower case, beside `auth`; these are the ones a password login reads
        let mut cloud = serde_yaml_ng::Mapping::new();
        for key in ENV_OPTIONS {
            if let Some(value) = var(key)? {
                cloud.insert(key["OS_".len()..].to_lowercase().into(), value.into());
            }
        }
        Self::from_cloud_config(None, &Value::Mapping(cloud))
    }

    fn checked(self) -> Result<Self> {
        if self.auth_url.is_empty() {
            return Err(Error::invalid_argument(
                "cloud",
                "no auth_url (OS_AUTH_URL)",
            ));
        }
        if self.username.is_none() && self.user_id.is_none() {
            return Err(Error::invalid_argument(
                "cloud",
                "no username or user_id (OS_USERNAME / OS_USER_ID)",
            ));
        }
        Ok(self)
    }

    /// The identity endpoint without its version: `…/v3` and `…/v2.0` are dropped, because the
    /// backend adds the versioned paths itself.
    pub fn keystone_base_url(&self) -> String {
        let url = self.auth_url.trim_end_matches('/');
        let url = url
            .strip_suffix("/v3")
            .or_else(|| url.strip_suffix("/v2.0"))
            .unwrap_or(url);
        url.to_owned()
    }

    /// An unscoped password login as this user (by id, or by name in its domain; the domain is
    /// `default` when none is named, as in a stock devstack).
    pub fn login(&self, password: SecretString) -> IssueToken {
        let user = match &self.user_id {
            Some(id) => UserRef {
                id: Some(id.clone()),
                name: None,
                domain: None,
            },
            None => UserRef {
                id: None,
                name: self.username.clone(),
                domain: Some(match (&self.user_domain_id, &self.user_domain_name) {
                    (Some(id), _) => NameOrId {
                        id: Some(id.clone()),
                        name: None,
                    },
                    (None, Some(name)) => NameOrId {
                        id: None,
                        name: Some(name.clone()),
                    },
                    (None, None) => NameOrId {
                        id: Some("default".into()),
                        name: None,
                    },
                }),
            },
        };
        IssueToken {
            base_url: self.keystone_base_url(),
            user,
            password,
            scope: None,
        }
    }
}

/// The `OS_*` variables that name a password login, its user and the user's domain.
const ENV_OPTIONS: [&str; 17] = [
    "OS_AUTH_TYPE",
    "OS_AUTH_URL",
    "OS_USERNAME",
    "OS_USER_NAME",
    "OS_USER_ID",
    "OS_USER_DOMAIN_ID",
    "OS_USER_DOMAIN_NAME",
    "OS_DEFAULT_DOMAIN_ID",
    "OS_DEFAULT_DOMAIN_NAME",
    "OS_DOMAIN_ID",
    "OS_DOMAIN_NAME",
    "OS_PROJECT_ID",
    "OS_PROJECT_NAME",
    "OS_TENANT_ID",
    "OS_TENANT_NAME",
    "OS_PASSWORD",
    "OS_CACERT",
];

/// A cloud's login options, where openstacksdk looks for them: in `auth` or beside it. Keys are
/// normalized first (`auth-url` is `auth_url`); empty values count as absent.
struct LoginOptions<'a> {
    cloud: &'a Value,
}

impl LoginOptions<'_> {
    fn auth(&self, key: &str) -> Option<String> {
        self.cloud
            .get("auth")
            .and_then(|auth| non_empty(auth.get(key)?))
    }

    fn beside(&self, key: &str) -> Option<String> {
        non_empty(self.cloud.get(key)?)
    }

    /// An option of keystoneauth's password plugin (`_validate_auth`): `auth` wins, and each
    /// name (the option, then its deprecated ones) is looked for there before beside it.
    fn auth_first(&self, names: &[&str]) -> Option<String> {
        let in_auth = names.iter().find_map(|name| self.auth(name));
        in_auth.or_else(|| names.iter().find_map(|name| self.beside(name)))
    }

    /// The domain and project keys of `_fix_backwards_auth`: the value beside `auth` wins.
    fn beside_first(&self, name: &str) -> Option<String> {
        self.beside(name).or_else(|| self.auth(name))
    }

    /// The user's domain (id, name) as keystoneauth's password plugin would send it. With a
    /// project, openstacksdk takes `domain_*` for the user's domain (`_handle_domain_id`); the
    /// plugin then falls back to `default_domain_*`. Without a project, `domain_*` is a scope
    /// and keystoneauth would send no user domain at all, which Keystone refuses for a user
    /// name: chpass takes `domain_*` then, and `login` the `default` domain after that.
    fn user_domain(&self) -> (Option<String>, Option<String>) {
        let scoped = ["project_id", "project_name", "tenant_id", "tenant_name"]
            .iter()
            .any(|key| self.beside_first(key).is_some());
        let domain = |kind: &str| self.beside_first(&format!("domain_{kind}"));
        let users = |kind: &str| {
            let named = self.beside_first(&format!("user_domain_{kind}"));
            let named = if scoped {
                named.or_else(|| domain(kind))
            } else {
                named
            };
            named.or_else(|| self.auth_first(&[&format!("default_domain_{kind}")]))
        };
        match (users("id"), users("name")) {
            (None, None) => (domain("id"), domain("name")),
            found => found,
        }
    }
}

/// A scalar's text, unless it is empty (openstacksdk takes an empty option as unset).
fn non_empty(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// openstacksdk's `normalize_keys`: every `-` in a key is a `_`, at every depth.
fn normalize_keys(value: &Value) -> Value {
    match value {
        Value::Mapping(map) => Value::Mapping(
            map.iter()
                .map(|(key, value)| {
                    let key = match key {
                        Value::String(key) => Value::String(key.replace('-', "_")),
                        other => other.clone(),
                    };
                    (key, normalize_keys(value))
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Mapping values of `over` replace or extend those of `base`, recursively.
fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Mapping(base), Value::Mapping(over)) => {
            for (key, value) in over {
                match base.get_mut(key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (base, over) => *base = over.clone(),
    }
}

fn yaml_error(path: &Path, e: &serde_yaml_ng::Error) -> Error {
    Error::File {
        path: Some(path.display().to_string()),
        reason: format!("not valid YAML: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secure_yaml_wins_and_v3_is_dropped() {
        let dir = std::env::temp_dir().join(format!("chpass-auth-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let clouds = dir.join("clouds.yaml");
        let secure = dir.join("secure.yaml");
        fs::write(&clouds, "clouds:\n  dev:\n    auth:\n      auth_url: http://127.0.0.1:5000/v3/\n      username: alice\n      password: in-clouds\n      user_domain_name: Default\n").unwrap();
        fs::write(
            &secure,
            "clouds:\n  dev:\n    auth:\n      password: 'in secure'\n",
        )
        .unwrap();
        let auth = CloudAuth::from_files("dev", &[secure.clone(), clouds.clone()]).unwrap();
        assert_eq!(
            auth.password.as_ref().map(SecretString::expose),
            Some("in secure")
        );
        assert_eq!(auth.keystone_base_url(), "http://127.0.0.1:5000");
        assert_eq!(auth.user_domain_name.as_deref(), Some("Default"));
        let err = CloudAuth::from_files("prod", &[secure, clouds]).unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        fs::remove_dir_all(&dir).unwrap();
    }

    fn cloud_from(yaml: &str) -> CloudAuth {
        // tests run in parallel: one directory per call
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("chpass-sdk-{}-{call}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let clouds = dir.join("clouds.yaml");
        fs::write(&clouds, yaml).unwrap();
        let auth = CloudAuth::from_files("c", &[clouds]);
        fs::remove_dir_all(&dir).unwrap();
        auth.unwrap()
    }

    #[test]
    fn a_cloud_is_read_as_openstacksdk_reads_it() {
        // what openstacksdk 4.22's get_one("c").auth gives for each of these
        let dashed = cloud_from(
            "clouds:\n  c:\n    auth:\n      auth-url: http://h/v3\n      user-name: u\n      \
             user-domain-name: D\n      password: p\n",
        );
        assert_eq!(
            (dashed.auth_url.as_str(), dashed.username.as_deref()),
            ("http://h/v3", Some("u"))
        );
        assert_eq!(dashed.user_domain_name.as_deref(), Some("D"));
        let beside = cloud_from(
            "clouds:\n  c:\n    auth_url: http://h/v3\n    username: u\n    password: top\n",
        );
        assert_eq!(beside.auth_url, "http://h/v3");
        assert_eq!(
            beside.password.as_ref().map(SecretString::expose),
            Some("top")
        );
        let auth_wins = cloud_from(
            "clouds:\n  c:\n    password: top\n    auth:\n      auth_url: http://h/v3\n      \
             username: u\n      password: inner\n",
        );
        assert_eq!(
            auth_wins.password.as_ref().map(SecretString::expose),
            Some("inner")
        );
    }

    #[test]
    fn the_users_domain_as_keystoneauth_takes_it() {
        let head = "clouds:\n  c:\n    auth:\n      auth_url: http://h/v3\n      username: u\n";
        let domain = |lines: &str| {
            let auth = cloud_from(&format!("{head}{lines}"));
            (auth.user_domain_id, auth.user_domain_name)
        };
        // the default domain stands in for the user's, as in keystoneauth's password plugin
        assert_eq!(
            domain("      default_domain_id: dd\n"),
            (Some("dd".into()), None)
        );
        assert_eq!(
            domain("      user_domain_name: D\n      default_domain_name: N\n"),
            (None, Some("D".into()))
        );
        // with a project, openstacksdk takes domain_* for the user's domain before the default
        assert_eq!(
            domain("      project_name: p\n      domain_name: S\n      default_domain_name: N\n"),
            (None, Some("S".into()))
        );
        // without one, domain_* (a scope) only when nothing names the user's domain
        assert_eq!(domain("      domain_name: S\n"), (None, Some("S".into())));
        assert_eq!(
            domain("      user_domain_name: D\n      domain_id: S\n"),
            (None, Some("D".into()))
        );
    }

    #[test]
    fn os_variables() {
        let env = |key: &str| match key {
            "OS_AUTH_URL" => Some("https://keystone.example/identity".into()),
            "OS_USERNAME" => Some("bob".into()),
            _ => None,
        };
        let auth = CloudAuth::from_env(env).unwrap();
        let login = auth.login(SecretString::new("pw"));
        assert_eq!(login.base_url, "https://keystone.example/identity");
        assert_eq!(login.user.domain.unwrap().id.as_deref(), Some("default"));
        assert_eq!(
            CloudAuth::from_env(|_| None).unwrap_err().code(),
            "invalid_argument"
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_os_variable_that_is_not_utf8_is_named_not_taken_as_unset() {
        use std::os::unix::ffi::OsStringExt;
        let env = |key: &str| match key {
            "OS_AUTH_URL" => Some("https://keystone.example/identity".into()),
            "OS_USERNAME" => Some("bob".into()),
            "OS_PASSWORD" => Some(OsString::from_vec(b"caf\xe9-secret".to_vec())),
            _ => None,
        };
        let err = CloudAuth::from_env(env).unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        assert!(
            err.to_string().contains("OS_PASSWORD is not valid UTF-8"),
            "{err}"
        );
        assert!(!format!("{err} {err:?}").contains("secret"), "{err:?}");
    }
}
