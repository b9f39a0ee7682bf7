//! Have I Been Pwned's Pwned Passwords range API (k-anonymity): only the first 5 hex digits of
//! the password's SHA-1 leave the machine; the answer lists `SUFFIX:COUNT` lines for every hash
//! with that prefix, padded with count-0 lines (`Add-Padding: true`) so its size says nothing.

use super::Outcome;
use super::http::{HttpRequest, HttpResponse};
use super::status::fallback;
use super::url::join;
use crate::error::Result;
use crate::secret::SecretString;
use serde::Deserialize;
use sha1::{Digest, Sha1};
use subtle::{ConditionallySelectable, ConstantTimeEq};

/// The public Pwned Passwords service.
pub const DEFAULT_BASE_URL: &str = "https://api.pwnedpasswords.com";

/// `GET {base_url}/range/{first five hex digits of SHA-1, upper case}`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RangeCheck {
    /// A self-hosted mirror, or the public service by default.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// The password whose SHA-1 prefix is asked about; only its first five hex digits leave the
    /// machine.
    pub password: SecretString,
}

fn default_base_url() -> String {
    DEFAULT_BASE_URL.into()
}

impl RangeCheck {
    fn digest(&self) -> String {
        Sha1::digest(self.password.expose().as_bytes())
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect()
    }

    /// The HTTP request: the first five hex digits of the password's SHA-1, with `Add-Padding:
    /// true`.
    pub fn request(&self) -> Result<HttpRequest> {
        let digest = self.digest();
        let url = join(&self.base_url, "/range/{}", &[("password", &digest[..5])])?;
        let mut request = HttpRequest::new("GET", url).header("Add-Padding", "true");
        // the answer is text, one `SUFFIX:COUNT` per line
        request.headers[0].1 = "text/plain".into();
        Ok(request)
    }

    /// `breach_count`: how often the password appears in breaches (0: not found). Every line is
    /// compared, in constant time, so timing says nothing about where a match was.
    pub fn interpret(&self, response: &HttpResponse) -> Result<Outcome> {
        if response.status != 200 {
            return Err(fallback(response, None));
        }
        let digest = self.digest();
        let suffix = &digest.as_bytes()[5..];
        let mut count: u64 = 0;
        for line in response.body.lines() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                continue;
            }
            let Some((their_suffix, their_count)) = line.split_once(':') else {
                return Err(response.unexpected("a line is not SUFFIX:COUNT"));
            };
            let Ok(their_count) = their_count.trim().parse::<u64>() else {
                return Err(response.unexpected("a count is not a number"));
            };
            if their_suffix.len() != 35 || !their_suffix.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(response.unexpected("a suffix is not 35 hex digits"));
            }
            let same = their_suffix.to_ascii_uppercase().as_bytes().ct_eq(suffix);
            // padding lines have count 0 and never count as found
            let found = same & !their_count.ct_eq(&0);
            count = u64::conditional_select(&count, &their_count, found);
        }
        Ok(Outcome::BreachCount { count })
    }
}
