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
}

impl Blocklist {
    pub(crate) fn new(spec: Option<&BlocklistSpec>) -> Self {
        let Some(spec) = spec else {
            return Self::default();
        };
        Blocklist {
            common: spec.common,
            words: Arc::new(spec.words.iter().map(|w| w.to_lowercase()).collect()),
        }
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
