//! Common and user-listed passwords, matched case-insensitively against the whole password.
//!
//! The built-in list is the 3,000 most frequent passwords of zxcvbn 4.4.2's `passwords`
//! list (MIT, © Dan Wheeler and Dropbox), itself drawn from Mark Burnett's corpus of ten
//! million leaked passwords; ASVS 5.0 6.2.4 asks for the top 3,000. It is stored in byte
//! order, which gzips 2 KB smaller in the npm module than rank order and is searched as it is.

use super::report::Violation;
use super::spec::BlocklistSpec;
use std::sync::{Arc, OnceLock};

const COMMON_TEXT: &str = include_str!("../../data/common-passwords.txt");

fn common() -> &'static [&'static str] {
    static COMMON: OnceLock<Vec<&'static str>> = OnceLock::new();
    COMMON.get_or_init(|| common_passwords().collect())
}

/// The built-in list, lowercase, in byte order.
pub fn common_passwords() -> impl Iterator<Item = &'static str> {
    COMMON_TEXT.lines().filter(|w| !w.is_empty())
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Blocklist {
    common: bool,
    words: Arc<Vec<String>>,
    sha1: Arc<Vec<[u8; 20]>>,
}

impl Blocklist {
    pub(crate) fn new(spec: Option<&BlocklistSpec>) -> Self {
        let Some(spec) = spec else {
            return Self::default();
        };
        Blocklist {
            common: spec.common,
            words: Arc::new(sorted(
                spec.words.iter().map(|w| w.to_lowercase()).collect(),
            )),
            sha1: Arc::new(sorted(
                spec.sha1.iter().filter_map(|h| parse_sha1(h)).collect(),
            )),
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
            .binary_search(&digest)
            .is_ok()
            .then_some(Violation::BreachedPassword { count: None })
    }

    /// `lowered` is the password already lowercased.
    pub(crate) fn check(&self, lowered: &str) -> Option<Violation> {
        if self.common && common().binary_search(&lowered).is_ok() {
            return Some(Violation::CommonPassword);
        }
        if self
            .words
            .binary_search_by(|w| w.as_str().cmp(lowered))
            .is_ok()
        {
            return Some(Violation::Blocklisted);
        }
        None
    }
}

/// Sorted, without repeats, for binary search: lists are built once per policy, and the npm
/// module then carries no hash table of its own (1.4 KB gzipped).
fn sorted<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort_unstable();
    items.dedup();
    items
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
    fn ships_three_thousand_distinct_lowercase_passwords_in_byte_order() {
        let words: Vec<_> = common_passwords().collect();
        assert_eq!(words.len(), 3000);
        assert!(
            words.windows(2).all(|pair| pair[0] < pair[1]),
            "sorted, no repeats"
        );
        assert!(words.iter().all(|w| *w == w.to_lowercase()));
    }

    #[cfg(feature = "strength-dictionaries")]
    #[test]
    fn the_list_is_the_top_three_thousand_of_zxcvbns_passwords() {
        let dictionaries = chpass_strength::dictionaries_text();
        let passwords = dictionaries
            .split("# ")
            .find_map(|section| section.strip_prefix("passwords\n"))
            .expect("zxcvbn's passwords list");
        let mut top: Vec<_> = passwords.lines().take(3000).collect();
        top.sort_unstable();
        assert_eq!(top, common());
    }
}
