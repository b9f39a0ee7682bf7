//! Counting and decoding text the way each server does.

use crate::error::Error;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Unicode NFKC. On wasm32 the JS engine's `String.prototype.normalize` does it (its ICU
/// tables are already in every browser and Node); natively ICU4X.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn nfkc(text: &str) -> Cow<'_, str> {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfkc().normalize(text)
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn nfkc(text: &str) -> Cow<'_, str> {
    Cow::Owned(js_sys::JsString::from(text).normalize("NFKC").into())
}

/// The unit a length is counted in. The three give three answers for "😀😀😀": 3, 6 and 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LengthUnit {
    /// Unicode scalar values: Python's `len`, NIST SP 800-63B.
    CodePoints,
    /// UTF-16 code units: Java's `String.length()` (Elasticsearch, OpenSearch), JavaScript's `.length`.
    Utf16Units,
    /// UTF-8 bytes: bcrypt's 72-byte input, Keystone's `max_password_length`.
    Utf8Bytes,
}

impl LengthUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            LengthUnit::CodePoints => "code_points",
            LengthUnit::Utf16Units => "utf16_units",
            LengthUnit::Utf8Bytes => "utf8_bytes",
        }
    }

    /// How a person reads the unit in an English message.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            LengthUnit::CodePoints => "characters",
            LengthUnit::Utf16Units => "UTF-16 code units",
            LengthUnit::Utf8Bytes => "bytes (UTF-8)",
        }
    }

    pub fn count(self, text: &str) -> usize {
        match self {
            LengthUnit::CodePoints => text.chars().count(),
            LengthUnit::Utf16Units => text.chars().map(char::len_utf16).sum(),
            LengthUnit::Utf8Bytes => text.len(),
        }
    }

    /// The least a text of `n` units of `self` can measure in `other`; used to reject
    /// policies whose minimum can never fit under their maximum.
    pub(crate) fn least_in(self, n: usize, other: LengthUnit) -> usize {
        use LengthUnit::*;
        match (self, other) {
            (Utf16Units, Utf16Units) | (Utf8Bytes, Utf8Bytes) => n,
            // each code point is at least one UTF-16 unit and one byte
            (CodePoints, _) => n,
            // a UTF-16 unit is at least one byte; two units can be one code point
            (Utf16Units, Utf8Bytes) => n,
            (Utf16Units, CodePoints) => n.div_ceil(2),
            // a code point takes at most 4 bytes; a single UTF-16 unit at most 3
            (Utf8Bytes, CodePoints) => n.div_ceil(4),
            (Utf8Bytes, Utf16Units) => n.div_ceil(3),
        }
    }
}

/// Decodes UTF-16 from JavaScript or Python (surrogatepass). A lone surrogate cannot be sent
/// to any server as text, so it is an `invalid_argument` error naming its position.
pub fn decode_utf16(argument: &'static str, units: &[u16]) -> Result<String, Error> {
    let mut out = String::with_capacity(units.len());
    let mut index = 0;
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok(c) => {
                out.push(c);
                index += c.len_utf16();
            }
            Err(lone) => {
                let unit = lone.unpaired_surrogate();
                let mut params = Map::new();
                params.insert("reason".into(), Value::from("lone_surrogate"));
                params.insert("index".into(), Value::from(index));
                params.insert("unit".into(), Value::from(format!("U+{unit:04X}")));
                return Err(Error::InvalidArgument {
                    argument,
                    reason: format!(
                        "lone surrogate U+{unit:04X} at UTF-16 index {index}: not valid Unicode"
                    ),
                    params,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_units_three_answers() {
        let s = "😀😀😀";
        assert_eq!(LengthUnit::CodePoints.count(s), 3);
        assert_eq!(LengthUnit::Utf16Units.count(s), 6);
        assert_eq!(LengthUnit::Utf8Bytes.count(s), 12);
    }

    #[test]
    fn lone_surrogate_is_an_error_with_its_index() {
        let err = decode_utf16("password", &[0x61, 0xDC80]).unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        assert_eq!(err.params()["index"], 1);
        assert_eq!(decode_utf16("password", &[0xD83D, 0xDE00]).unwrap(), "😀");
    }
}
