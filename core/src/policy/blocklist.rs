//! Common and user-listed passwords, matched case-insensitively against the whole password.
//!
//! The built-in list is the 3,000 most frequent passwords of zxcvbn 4.4.2's `passwords`
//! list (MIT, © Dan Wheeler and Dropbox), itself drawn from Mark Burnett's corpus of ten
//! million leaked passwords; ASVS 5.0 6.2.4 asks for the top 3,000.

use super::report::Violation;
use super::spec::BlocklistSpec;
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

const COMMON_TEXT: &str = include_str!("../../data/common-passwords.txt");

struct Common {
    words: HashSet<&'static str>,
    longest: usize,
}

fn common() -> &'static Common {
    static COMMON: OnceLock<Common> = OnceLock::new();
    COMMON.get_or_init(|| {
        let words: HashSet<&'static str> = COMMON_TEXT.lines().filter(|w| !w.is_empty()).collect();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        Common { words, longest }
    })
}

/// The built-in list, lowercase, most common first.
pub fn common_passwords() -> impl Iterator<Item = &'static str> {
    COMMON_TEXT.lines().filter(|w| !w.is_empty())
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Blocklist {
    common: bool,
    words: Arc<HashSet<String>>,
    sha1: Arc<HashSet<[u8; 20]>>,
}

impl Blocklist {
    pub(crate) fn new(spec: Option<&BlocklistSpec>) -> Self {
        let Some(spec) = spec else {
            return Self::default();
        };
        Blocklist {
            common: spec.common,
            words: Arc::new(
                spec.words
                    .iter()
                    .map(|w| chpass_case::to_lowercase(w))
                    .collect(),
            ),
            sha1: Arc::new(spec.sha1.iter().filter_map(|h| parse_sha1(h)).collect()),
        }
    }

    /// The offline breach list: the password's SHA-1 among the listed digests.
    pub(crate) fn check_breached(&self, password: &str) -> Option<Violation> {
        if self.sha1.is_empty() {
            return None;
        }
        use sha1::Digest;
        let digest: [u8; 20] = sha1::Sha1::digest(password.as_bytes()).into();
        self.sha1
            .contains(&digest)
            .then_some(Violation::BreachedPassword { count: None })
    }

    /// `lowered` is the password already lowercased.
    pub(crate) fn check(&self, lowered: &str) -> Option<Violation> {
        if self.common {
            let common = common();
            if lowered.len() <= common.longest && common.words.contains(lowered) {
                return Some(Violation::CommonPassword);
            }
        }
        if self.words.contains(lowered) {
            return Some(Violation::Blocklisted);
        }
        None
    }
}

/// 40 hex digits (a trailing `:count`, as in the downloads, is ignored).
pub(crate) fn parse_sha1(line: &str) -> Option<[u8; 20]> {
    let hex = line.trim().split(':').next()?.trim();
    if hex.len() != 40 {
        return None;
    }
    let mut out = [0u8; 20];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_three_thousand_distinct_lowercase_passwords() {
        let words: Vec<_> = common_passwords().collect();
        assert_eq!(words.len(), 3000);
        assert_eq!(words.iter().collect::<HashSet<_>>().len(), 3000);
        assert!(words.iter().all(|w| *w == w.to_lowercase()));
        assert_eq!(&words[..2], ["123456", "password"]);
    }
}
