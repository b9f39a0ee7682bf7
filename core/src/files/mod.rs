//! After a change, update the password in local credential files (feature `files`, native):
//! `clouds.yaml` / `secure.yaml` (`clouds.<name>.auth.password`, or a `password` beside `auth`)
//! and RC files (`export OS_PASSWORD=…`). Only the password's bytes change.
//!
//! Writes go to a temporary file in the same directory, are fsynced and renamed over the
//! original, so a crash leaves the old or the new file, never a torn one. The file's mode is
//! kept, a `.bak` is kept unless told not to, and a file that changed while chpass was
//! editing it is left alone (`file_error`, reason `concurrent_edit`).

mod auth;
mod rc;
mod search;
mod yaml;

pub use auth::CloudAuth;
pub use rc::RcUpdate;

use crate::error::{Error, Result};
use serde::Serialize;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub(crate) fn file_error(reason: impl Into<String>) -> Error {
    Error::File {
        path: None,
        reason: reason.into(),
    }
}

fn with_path(error: Error, path: &Path) -> Error {
    match error {
        Error::File { reason, .. } => Error::File {
            path: Some(path.display().to_string()),
            reason,
        },
        other => other,
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    Error::File {
        path: Some(path.display().to_string()),
        reason: e.to_string(),
    }
}

/// The new text of a clouds.yaml / secure.yaml, or `None` when it holds no password for
/// `cloud` (`clouds.<cloud>.auth.password`, or a `password` beside `auth`).
///
/// ```
/// let text = "clouds:\n  prod:\n    auth:\n      password: old  # rotated\n";
/// let new = chpass::files::set_cloud_password(text, "prod", "it's $ecret")?;
/// assert_eq!(new.as_deref(), Some("clouds:\n  prod:\n    auth:\n      password: 'it''s $ecret'  # rotated\n"));
/// assert_eq!(chpass::files::set_cloud_password(text, "staging", "x")?, None);
/// # Ok::<(), chpass::Error>(())
/// ```
pub fn set_cloud_password(text: &str, cloud: &str, password: &str) -> Result<Option<String>> {
    yaml::set_password(text, cloud, password)
}

/// The new text of an RC file, or why there is none.
pub fn set_rc_password(text: &str, password: &str) -> Result<RcUpdate> {
    rc::set_password(text, password)
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileUpdate {
    /// The file.
    pub path: String,
    /// What happened to it.
    pub status: FileStatus,
    /// The copy of the old file (`<path>.bak`), when one was made.
    pub backup: Option<String>,
    /// Set when the file is readable by its group or by others.
    pub warning: Option<String>,
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// The password was changed.
    Updated,
    /// In `update_cloud_password`'s list: this file holds no password for the cloud, another
    /// one did (were none to hold it, the call fails with `password_not_found`); also what
    /// [`FileUpdate::left_alone`] makes of `password_not_found`.
    NoPassword,
    /// The RC file asks for the password when sourced ([`FileUpdate::left_alone`]'s reading
    /// of `password_prompted`).
    Prompts,
}

impl FileUpdate {
    fn unchanged(path: String, status: FileStatus) -> Self {
        FileUpdate {
            path,
            status,
            backup: None,
            warning: None,
        }
    }

    /// For a caller that reports every file (the command, after the server's change): a file
    /// with nothing to change as an update with status `no_password` or `prompts` instead of
    /// the error; every other result as it is.
    pub fn left_alone(result: Result<FileUpdate>) -> Result<FileUpdate> {
        match result {
            Err(Error::PasswordNotFound {
                path: Some(path), ..
            }) => Ok(Self::unchanged(path, FileStatus::NoPassword)),
            Err(Error::PasswordPrompted { path }) => Ok(Self::unchanged(path, FileStatus::Prompts)),
            other => other,
        }
    }
}

/// How a credential file is written.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    /// Keep the old file as `<path>.bak`.
    pub backup: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions { backup: true }
    }
}

/// Updates the password of `cloud` in the file at `path` (see [`set_cloud_password`]).
pub fn update_cloud_file(
    path: &Path,
    cloud: &str,
    password: &str,
    options: WriteOptions,
) -> Result<FileUpdate> {
    let (original, edited) = edit_cloud_file(path, cloud, password)?;
    match edited {
        Some(text) => write_atomically(path, &original, &text, options),
        None => Err(Error::PasswordNotFound {
            path: Some(path.display().to_string()),
            cloud: Some(cloud.into()),
        }),
    }
}

/// The file's text and its edit (see [`set_cloud_password`]); nothing is written yet.
fn edit_cloud_file(path: &Path, cloud: &str, password: &str) -> Result<(String, Option<String>)> {
    let original = fs::read_to_string(path).map_err(|e| io_error(path, &e))?;
    let edited = set_cloud_password(&original, cloud, password).map_err(|e| with_path(e, path))?;
    Ok((original, edited))
}

/// Updates `OS_PASSWORD` in the RC file at `path`. One that prompts for the password is
/// `password_prompted`, one without `OS_PASSWORD` `password_not_found`; both are left alone.
pub fn update_rc_file(path: &Path, password: &str, options: WriteOptions) -> Result<FileUpdate> {
    let original = fs::read_to_string(path).map_err(|e| io_error(path, &e))?;
    let shown = || path.display().to_string();
    match set_rc_password(&original, password).map_err(|e| with_path(e, path))? {
        RcUpdate::Updated(text) => write_atomically(path, &original, &text, options),
        RcUpdate::Prompts => Err(Error::PasswordPrompted { path: shown() }),
        RcUpdate::NoPassword => Err(Error::PasswordNotFound {
            path: Some(shown()),
            cloud: None,
        }),
    }
}

/// The secure.yaml and clouds.yaml openstacksdk reads, in its order (see `search`): secure first,
/// because its values win. Only existing files are returned.
pub fn cloud_config_files() -> Vec<PathBuf> {
    search::cloud_config_files(|key| std::env::var_os(key))
}

/// Updates the password of `cloud` in every file openstacksdk reads that holds it (secure.yaml
/// and clouds.yaml), so whichever wins for openstacksdk has the new one and no copy of the old
/// one is left behind. Every edit is worked out before the first is written: a file that
/// cannot be edited leaves them all alone.
pub fn update_cloud_password(
    cloud: &str,
    password: &str,
    options: WriteOptions,
) -> Result<Vec<FileUpdate>> {
    let mut planned = Vec::new();
    for path in cloud_config_files() {
        if path.extension().is_some_and(|e| e == "json") {
            continue; // JSON configs: not edited in place (no comments or styles to keep)
        }
        let (original, edited) = edit_cloud_file(&path, cloud, password)?;
        planned.push((path, original, edited));
    }
    if planned.iter().all(|(_, _, edited)| edited.is_none()) {
        return Err(Error::PasswordNotFound {
            path: None,
            cloud: Some(cloud.into()),
        });
    }
    planned
        .into_iter()
        .map(|(path, original, edited)| match edited {
            Some(text) => write_atomically(&path, &original, &text, options),
            None => Ok(FileUpdate::unchanged(
                path.display().to_string(),
                FileStatus::NoPassword,
            )),
        })
        .collect()
}

/// Temporary file in the same directory, fsync, check nobody changed the original meanwhile,
/// keep a backup, rename over, fsync the directory. The mode is kept.
fn write_atomically(
    path: &Path,
    original: &str,
    text: &str,
    options: WriteOptions,
) -> Result<FileUpdate> {
    write_atomically_with(path, original, text, options, || {})
}

/// `before_check` runs after the temporary file is written and before the original is
/// re-read: the window in which another editor could change it (a test hook).
fn write_atomically_with(
    path: &Path,
    original: &str,
    text: &str,
    options: WriteOptions,
    before_check: impl FnOnce(),
) -> Result<FileUpdate> {
    // a symlinked clouds.yaml stays a symlink: write where it points
    let path = fs::canonicalize(path).map_err(|e| io_error(path, &e))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let metadata = fs::metadata(&path).map_err(|e| io_error(&path, &e))?;
    let permissions = metadata.permissions();

    let tmp = dir.join(format!(".{name}.chpass-{}.tmp", std::process::id()));
    let cleanup = |e: Error| {
        let _ = fs::remove_file(&tmp);
        e
    };
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(|e| io_error(&tmp, &e))?;
    // narrow first, so the password is never readable by more people than before
    fs::set_permissions(&tmp, permissions.clone()).map_err(|e| cleanup(io_error(&tmp, &e)))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| cleanup(io_error(&tmp, &e)))?;
    drop(file);

    before_check();
    let now = fs::read_to_string(&path).map_err(|e| cleanup(io_error(&path, &e)))?;
    if now != original {
        return Err(cleanup(Error::File {
            path: Some(path.display().to_string()),
            reason: "concurrent_edit: the file changed while chpass was updating it; left as it is"
                .into(),
        }));
    }
    let backup = if options.backup {
        let backup = dir.join(format!("{name}.bak"));
        fs::write(&backup, original)
            .and_then(|()| fs::set_permissions(&backup, permissions.clone()))
            .map_err(|e| cleanup(io_error(&backup, &e)))?;
        Some(backup.display().to_string())
    } else {
        None
    };
    fs::rename(&tmp, &path).map_err(|e| cleanup(io_error(&path, &e)))?;
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(FileUpdate {
        path: path.display().to_string(),
        status: FileStatus::Updated,
        backup,
        warning: readable_by_others(&metadata),
    })
}

#[cfg(unix)]
fn readable_by_others(metadata: &fs::Metadata) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = metadata.permissions().mode();
    (mode & 0o044 != 0).then(|| {
        format!("the file holds a password and is readable by its group or others (mode {:o}); chmod 600 it", mode & 0o777)
    })
}

#[cfg(not(unix))]
fn readable_by_others(_: &fs::Metadata) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_edited_meanwhile_is_left_as_the_other_editor_wrote_it() {
        let dir = std::env::temp_dir().join(format!("chpass-concurrent-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("clouds.yaml");
        let original = "clouds:\n  dev:\n    auth:\n      password: old\n";
        fs::write(&path, original).unwrap();
        let theirs = "clouds:\n  dev:\n    auth:\n      password: theirs\n";
        let new = set_cloud_password(original, "dev", "new").unwrap().unwrap();
        let err = write_atomically_with(&path, original, &new, WriteOptions::default(), || {
            fs::write(&path, theirs).unwrap();
        })
        .unwrap_err();
        assert_eq!(err.code(), "file_error");
        assert!(err.to_string().contains("concurrent_edit"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            leftovers,
            ["clouds.yaml"],
            "no temporary file or backup left behind"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
