//! Which clouds.yaml and secure.yaml openstacksdk reads (`openstack/config/loader.py`), so that
//! chpass logs in from, and writes the new password to, the very files the `openstack` command
//! will read next.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The secure file, then the clouds file, each the first that exists in openstacksdk's order;
/// secure first because its values win. `var` is `std::env::var_os` or a test's map.
pub(super) fn cloud_config_files(var: impl Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    let dirs = search_dirs(&var);
    [
        ("OS_CLIENT_SECURE_FILE", "secure"),
        ("OS_CLIENT_CONFIG_FILE", "clouds"),
    ]
    .into_iter()
    .filter_map(|(env, stem)| {
        // the variable's file goes first, and when it does not exist the search goes on
        let named = var(env).filter(|p| !p.is_empty()).map(PathBuf::from);
        let found = dirs
            .iter()
            .flat_map(|dir| ["yaml", "yml", "json"].map(|ext| dir.join(format!("{stem}.{ext}"))));
        named.into_iter().chain(found).find(|p| p.is_file())
    })
    .collect()
}

/// The current directory; platformdirs' user config dir (`$XDG_CONFIG_HOME` when absolute,
/// else `~/.config`); `~/.config` again, or the real home's inside a snap (`$SNAP_REAL_HOME`);
/// platformdirs' site config dir (the absolute entries of `$XDG_CONFIG_DIRS`, default
/// `/etc/xdg`, each with `/openstack` and joined by `:` as platformdirs' `multipath` joins
/// them, which only names a real directory when there is one entry); `/etc/openstack`.
fn search_dirs(var: &impl Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    let absolute = |key: &str| var(key).map(PathBuf::from).filter(|p| p.is_absolute());
    let home = var("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
    let dot_config = home.as_ref().map(|home| home.join(".config"));
    let user =
        absolute("XDG_CONFIG_HOME").or_else(|| dot_config.clone().filter(|p| p.is_absolute()));
    let unix = match var("SNAP_REAL_HOME").filter(|h| !h.is_empty()) {
        Some(real_home) => Some(Path::new(&real_home).join(".config")),
        None => dot_config,
    };
    let site_entries: Vec<PathBuf> = var("XDG_CONFIG_DIRS")
        .map(|dirs| {
            std::env::split_paths(&dirs)
                .filter(|p| p.is_absolute())
                .collect()
        })
        .filter(|dirs: &Vec<PathBuf>| !dirs.is_empty())
        .unwrap_or_else(|| vec![PathBuf::from("/etc/xdg")]);
    let site = site_entries
        .iter()
        .map(|dir| dir.join("openstack").into_os_string())
        .collect::<Vec<_>>()
        .join(std::ffi::OsStr::new(":"));

    let mut dirs = vec![PathBuf::from(".")];
    dirs.extend(user.map(|dir| dir.join("openstack")));
    dirs.extend(unix.map(|dir| dir.join("openstack")));
    dirs.push(PathBuf::from(site));
    dirs.push(PathBuf::from("/etc/openstack"));
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn dirs_with(vars: &[(&str, &str)]) -> Vec<String> {
        let vars: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        search_dirs(&|key: &str| vars.get(key).cloned())
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    }

    #[test]
    fn openstacksdks_directories_in_its_order() {
        assert_eq!(
            dirs_with(&[("HOME", "/h")]),
            [
                ".",
                "/h/.config/openstack",
                "/h/.config/openstack",
                "/etc/xdg/openstack",
                "/etc/openstack"
            ]
        );
        assert_eq!(
            dirs_with(&[
                ("HOME", "/h"),
                ("XDG_CONFIG_HOME", "/x"),
                ("SNAP_REAL_HOME", "/real"),
                ("XDG_CONFIG_DIRS", "/s")
            ]),
            [
                ".",
                "/x/openstack",
                "/real/.config/openstack",
                "/s/openstack",
                "/etc/openstack"
            ]
        );
        // relative XDG entries are ignored, as platformdirs ignores them; several site
        // entries make one path with a colon in it, as platformdirs' multipath makes it
        assert_eq!(
            dirs_with(&[
                ("HOME", "/h"),
                ("XDG_CONFIG_HOME", "rel"),
                ("XDG_CONFIG_DIRS", "rel:/a:/b")
            ]),
            [
                ".",
                "/h/.config/openstack",
                "/h/.config/openstack",
                "/a/openstack:/b/openstack",
                "/etc/openstack"
            ]
        );
    }
}
