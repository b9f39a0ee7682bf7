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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// The unit's name in params and JSON (`code_points`, `utf16_units`, `utf8_bytes`).
    pub fn as_str(self) -> &'static str {
        match self {
            LengthUnit::CodePoints => "code_points",
            LengthUnit::Utf16Units => "utf16_units",
            LengthUnit::Utf8Bytes => "utf8_bytes",
        }
    }

    /// The length of `text` in this unit.
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

/// Decodes UTF-16 from JavaScript. A lone surrogate cannot be sent to any server as text, so
/// it is an `invalid_argument` error naming its position.
pub fn decode_utf16(argument: &'static str, units: &[u16]) -> Result<String, Error> {
    match LoneSurrogate::in_utf16(units) {
        // no lone surrogate, so nothing is replaced
        None => Ok(String::from_utf16_lossy(units)),
        Some(lone) => Err(lone.into_argument_error(argument)),
    }
}

/// The first surrogate code point in a text that is not valid Unicode, and its index in the
/// units its language indexes strings by: UTF-16 units in JavaScript (where a pair is one
/// character), code points in Python (where a str of two surrogates is two lone ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoneSurrogate {
    unit: u16,
    index: usize,
    /// What `index` counts: `UTF-16` units or `code point`s.
    counted_in: &'static str,
}

impl LoneSurrogate {
    /// In JavaScript's UTF-16 units: a high surrogate followed by a low one is a pair.
    pub fn in_utf16(units: &[u16]) -> Option<Self> {
        let mut index = 0;
        for decoded in char::decode_utf16(units.iter().copied()) {
            match decoded {
                Ok(c) => index += c.len_utf16(),
                Err(lone) => {
                    let unit = lone.unpaired_surrogate();
                    return Some(LoneSurrogate {
                        unit,
                        index,
                        counted_in: "UTF-16",
                    });
                }
            }
        }
        None
    }

    /// In Python's code points: every surrogate code point is lone.
    pub fn in_code_points(points: impl IntoIterator<Item = u32>) -> Option<Self> {
        points
            .into_iter()
            .enumerate()
            .find_map(|(index, point)| match u16::try_from(point) {
                Ok(unit @ 0xD800..=0xDFFF) => Some(LoneSurrogate {
                    unit,
                    index,
                    counted_in: "code point",
                }),
                _ => None,
            })
    }

    /// `reason: lone_surrogate`, `index`, `unit`: the same params in every language.
    fn params(&self) -> Map<String, Value> {
        let mut params = Map::new();
        params.insert("reason".into(), Value::from("lone_surrogate"));
        params.insert("index".into(), Value::from(self.index));
        params.insert("unit".into(), Value::from(format!("U+{:04X}", self.unit)));
        params
    }

    /// The `invalid_argument` error of `argument`, with this error's path and details.
    pub fn into_argument_error(self, argument: &'static str) -> Error {
        Error::InvalidArgument {
            argument,
            reason: self.to_string(),
            params: self.params(),
        }
    }
}

impl std::fmt::Display for LoneSurrogate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let LoneSurrogate {
            unit,
            index,
            counted_in,
        } = self;
        write!(
            f,
            "lone surrogate U+{unit:04X} at {counted_in} index {index}: not valid Unicode"
        )
    }
}

/// How deep objects and arrays may nest in a structured argument: the depth at which
/// serde_json's parser refuses JSON text, and the one the bindings hold JS and Python values to
/// (which also ends a dict that holds itself).
pub const MAX_DEPTH: usize = 127;

/// Part of a structured argument (a policy, a context, an operation) that cannot become JSON
/// (`blocklist.words.0`; empty for the whole value) or does not fit its type (`user.name`,
/// `headers[0]`, `.` for the whole value; see `json::read`), and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Where, dotted (`auth.basic.password`).
    pub path: String,
    /// What is wrong, in English.
    pub reason: String,
    /// Details beside `path` (a lone surrogate's `reason`, `index`, `unit`).
    pub params: Map<String, Value>,
}

impl InputError {
    /// An error at `path` (its parts, joined with dots).
    pub fn new(path: &[String], reason: impl Into<String>) -> Self {
        InputError {
            path: path.join("."),
            reason: reason.into(),
            params: Map::new(),
        }
    }

    /// A value whose objects and arrays nest deeper than [`MAX_DEPTH`] (or that holds itself);
    /// said of the whole value.
    pub fn too_deep() -> Self {
        InputError {
            path: String::new(),
            reason: format!("objects and arrays nest deeper than {MAX_DEPTH} levels"),
            params: Map::new(),
        }
    }

    /// `Err(too_deep)` for an object or array at `path` (one key or index per level above it).
    pub fn check_depth(path: &[String]) -> Result<(), Self> {
        match path.len() < MAX_DEPTH {
            true => Ok(()),
            false => Err(Self::too_deep()),
        }
    }

    /// The first lone surrogate in a string's UTF-16 units, if any.
    pub fn lone_surrogate(path: &[String], units: &[u16]) -> Option<Self> {
        LoneSurrogate::in_utf16(units).map(|lone| Self::surrogate(path, lone))
    }

    /// A string at `path` that holds `lone`.
    pub fn surrogate(path: &[String], lone: LoneSurrogate) -> Self {
        InputError {
            params: lone.params(),
            ..Self::new(path, lone.to_string())
        }
    }

    /// The same error seen from an enclosing value: `within("options")` of `minimum` is
    /// `options.minimum`.
    pub fn within(mut self, key: &str) -> Self {
        self.path = match self.path.as_str() {
            "" => key.to_owned(),
            path => format!("{key}.{path}"),
        };
        self
    }

    /// `invalid_policy`, with the path as `params.path` (its message leads with the path).
    pub fn into_policy_error(self) -> Error {
        Error::invalid_policy(self.path, self.reason)
    }

    /// `invalid_argument` naming the argument, with the path inside it as `params.path`.
    pub fn into_argument_error(self, argument: &'static str) -> Error {
        let mut params = self.params;
        let reason = match self.path.as_str() {
            "" => self.reason,
            path => format!("{path}: {}", self.reason),
        };
        if !self.path.is_empty() {
            params.insert("path".into(), Value::from(self.path));
        }
        Error::InvalidArgument {
            argument,
            reason,
            params,
        }
    }
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

    #[test]
    fn values_and_json_text_nest_equally_deep() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // JSON text: serde_json reads MAX_DEPTH levels and refuses one more
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH)).is_ok());
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH + 1)).is_err());
        // JS and Python values: the container at depth MAX_DEPTH has MAX_DEPTH - 1 levels above it
        let above = |levels: usize| vec!["0".to_owned(); levels];
        assert!(InputError::check_depth(&above(MAX_DEPTH - 1)).is_ok());
        assert_eq!(
            InputError::check_depth(&above(MAX_DEPTH)),
            Err(InputError::too_deep())
        );
    }

    #[test]
    fn a_lone_surrogate_inside_a_value_names_where_it_sits() {
        let path = ["blocklist".to_owned(), "words".to_owned(), "0".to_owned()];
        assert_eq!(InputError::lone_surrogate(&path, &[0xD83D, 0xDE00]), None);
        let found = InputError::lone_surrogate(&path, &[0x61, 0xD800, 0x62]).unwrap();
        let err = found.clone().into_policy_error();
        assert_eq!(
            (err.code(), &err.params()["path"]),
            ("invalid_policy", &"blocklist.words.0".into())
        );
        assert_eq!(
            err.to_string(),
            "invalid policy: blocklist.words.0: lone surrogate U+D800 at UTF-16 index 1: not valid Unicode"
        );
        let err = InputError::lone_surrogate(&["username".into()], &[0xDC00]).unwrap();
        let err = err.into_argument_error("context");
        assert_eq!(err.params()["path"], "username");
        assert_eq!(err.params()["argument"], "context");
        let options = InputError::new(&[], "unsupported type set").within("options");
        assert_eq!(options.into_policy_error().params()["path"], "options");
        assert!(
            !InputError::new(&[], "x")
                .into_argument_error("spec")
                .params()
                .contains_key("path")
        );
    }
}
