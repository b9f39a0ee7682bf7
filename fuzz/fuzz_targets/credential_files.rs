//! The clouds.yaml and RC editors on any text: refused, or the edited file re-reads as the
//! old one with only the password changed.
#![no_main]

use chpass::files::{RcUpdate, set_cloud_password, set_rc_password};
use libfuzzer_sys::fuzz_target;
use serde_yaml_ng::Value;

const NEW: &str = "n3w 'pass\" word";

fn password_slot<'a>(cloud: &'a mut Value) -> Option<&'a mut Value> {
    // `auth.password` first, as openstacksdk reads it; else a `password` beside `auth`
    if cloud
        .get("auth")
        .and_then(|auth| auth.get("password"))
        .is_some()
    {
        return cloud.get_mut("auth")?.get_mut("password");
    }
    cloud.get_mut("password")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(Some(edited)) = set_cloud_password(text, "prod", NEW) {
        // (a byte-order mark is not part of the document)
        let unmarked = |t: &str| t.strip_prefix('\u{FEFF}').unwrap_or(t).to_owned();
        let old: Value =
            serde_yaml_ng::from_str(&unmarked(text)).expect("an edited file was valid YAML");
        let mut new: Value =
            serde_yaml_ng::from_str(&unmarked(&edited)).expect("the edit is valid YAML");
        let cloud = new
            .get_mut("clouds")
            .and_then(|c| c.get_mut("prod"))
            .expect("the cloud is still there");
        let slot = password_slot(cloud).expect("the password is still there");
        assert_eq!(slot.as_str(), Some(NEW));
        let before = old.get("clouds").and_then(|c| c.get("prod")).and_then(|c| {
            c.get("auth")
                .and_then(|a| a.get("password"))
                .or_else(|| c.get("password"))
        });
        *slot = before.cloned().expect("the old file had a password");
        assert_eq!(new, old, "only the password changed");
    }
    if let Ok(RcUpdate::Updated(edited)) = set_rc_password(text, NEW) {
        // the new value is there, on one line; every line without OS_PASSWORD is kept, in
        // order (which assignments sh runs, here-documents and quotes decide: the unit tests
        // and py-tests' sh read-backs check those)
        assert!(
            edited
                .lines()
                .any(|l| l.contains("OS_PASSWORD=") && l.contains("n3w ") && l.contains("word"))
        );
        let mut old_lines = text.lines();
        for line in edited.lines().filter(|l| !l.contains("OS_PASSWORD")) {
            assert!(
                old_lines.any(|old| old == line),
                "a line not in the old file: {line:?}"
            );
        }
    }
});
