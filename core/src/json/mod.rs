//! Typed values from JSON-shaped data: a JS object, a Python dict, a parsed file.
//!
//! Every type is read one way, by [`de::At`] over a borrowed `serde_json::Value`, so each
//! `Deserialize` is compiled once (the npm build downloads every copy) and a mistake names its
//! key. Internally tagged enums are split here by hand rather than with serde's
//! `tag = "…"`, which buffers the input in serde's private `Content` tree: that compiles every
//! variant a second time, and errors inside a variant lose their path.

mod de;

use crate::text::InputError;
use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde_json::Value;

/// Reads `T`; a value that does not fit is an [`InputError`] at the key of the first mismatch
/// (`user.name`, `headers[0]`, `.` for the whole value).
pub(crate) fn read<T: DeserializeOwned>(value: &Value) -> Result<T, InputError> {
    let root = de::Path::Root;
    T::deserialize(de::At { value, path: &root }).map_err(|e| InputError {
        path: e.path.unwrap_or_else(|| root.to_string()),
        reason: e.reason,
        params: serde_json::Map::new(),
    })
}

/// The `Deserialize` impl of a type that `read` splits by hand: any serde format reads it, in
/// the same words.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T>(
    d: D,
    read: fn(Value) -> Result<T, InputError>,
) -> Result<T, D::Error> {
    let value = Value::deserialize(d)?;
    read(value).map_err(|e| D::Error::custom(format!("{}: {}", e.path, e.reason)))
}

/// Reads the argument `argument` of a public function; errors are `invalid_argument`.
pub(crate) fn argument<T: DeserializeOwned>(
    argument: &'static str,
    value: Value,
) -> crate::Result<T> {
    read(&value).map_err(|e| e.into_argument_error(argument))
}

/// Reads an options argument: `null` (JS `undefined`, Python `None`) means every default.
pub(crate) fn options<T: DeserializeOwned + Default>(
    argument: &'static str,
    value: Value,
) -> crate::Result<T> {
    if value.is_null() {
        return Ok(T::default());
    }
    self::argument(argument, value)
}

fn mismatch(path: &str, reason: impl ToString) -> InputError {
    InputError {
        path: path.to_owned(),
        reason: reason.to_string(),
        params: serde_json::Map::new(),
    }
}

/// An internally tagged object split in two: the tag's value, and the rest of the object, which
/// reads as the variant's own type (that type still refuses keys it does not know).
pub(crate) struct Tagged {
    pub tag: String,
    pub rest: Value,
    key: &'static str,
    expected: &'static [&'static str],
}

impl Tagged {
    /// `expected` lists the tags, for the message when the tag is none of them.
    pub fn split(
        value: Value,
        key: &'static str,
        expected: &'static [&'static str],
    ) -> Result<Self, InputError> {
        let Value::Object(mut map) = value else {
            let unexpected = de::Error::invalid_type(de::unexpected(&value), &"an object");
            return Err(mismatch(".", unexpected));
        };
        // shift_remove keeps the other keys in document order: the first mismatch stays first
        let tag = match map.shift_remove(key) {
            Some(Value::String(tag)) => tag,
            Some(other) => {
                let reason = de::Error::invalid_type(de::unexpected(&other), &"a string");
                return Err(mismatch(key, reason));
            }
            None => return Err(mismatch(".", de::Error::missing_field(key))),
        };
        Ok(Tagged {
            tag,
            rest: Value::Object(map),
            key,
            expected,
        })
    }

    /// Reads the rest as `T`.
    pub fn read<T: DeserializeOwned>(&self) -> Result<T, InputError> {
        read(&self.rest)
    }

    /// The error for a tag that is none of `expected`.
    pub fn unknown(&self) -> InputError {
        let reason = de::Error::unknown_variant(&self.tag, self.expected);
        mismatch(self.key, reason)
    }
}

/// Reads an internally tagged enum whose variants each hold one type:
/// `read_tagged!(value, "operation", { "a.b" => Enum::Ab, … })` is a `Result<Enum, InputError>`.
/// Each tag is written once; the list in the unknown-tag message is made from the arms.
macro_rules! read_tagged {
    ($value:expr, $key:literal, { $($tag:literal => $variant:path),+ $(,)? }) => {{
        const TAGS: &[&str] = &[$($tag),+];
        (|| {
            let tagged = $crate::json::Tagged::split($value, $key, TAGS)?;
            Ok(match tagged.tag.as_str() {
                $($tag => $variant(tagged.read()?),)+
                _ => return Err(tagged.unknown()),
            })
        })()
    }};
}
pub(crate) use read_tagged;

/// A tagged enum written once as a table of `tag => Variant(Fields)`: it makes the enum's
/// `read` and, with the `schema` feature, a function listing each tag and variant name with the
/// JSON Schema of its fields (their docs become the descriptions), which the bindings' TypeScript
/// and Python types are generated from. So a tag cannot drift between the two.
macro_rules! tagged_table {
    (
        $enum:ident by $key:literal;
        $(#[$doc:meta])* $schemas:ident;
        $($tag:literal => $variant:ident($fields:ty),)+
    ) => {
        impl $enum {
            fn read(
                value: serde_json::Value,
            ) -> std::result::Result<Self, $crate::text::InputError> {
                $crate::json::read_tagged!(value, $key, { $($tag => $enum::$variant,)+ })
            }
        }

        $(#[$doc])*
        #[cfg(feature = "schema")]
        pub fn $schemas() -> Vec<(&'static str, &'static str, schemars::Schema)> {
            vec![$(($tag, stringify!($variant), schemars::schema_for!($fields)),)+]
        }
    };
}
pub(crate) use tagged_table;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TAGS: &[&str] = &["a", "b"];

    #[test]
    fn split_takes_the_tag_out() {
        let tagged = Tagged::split(json!({"kind": "a", "x": 1}), "kind", TAGS).unwrap();
        assert_eq!(tagged.tag, "a");
        assert_eq!(tagged.rest, json!({"x": 1}));
    }

    #[test]
    fn split_keeps_the_order_of_the_rest() {
        let value = json!({"kind": "a", "x": 1, "y": 2, "z": 3});
        let tagged = Tagged::split(value, "kind", TAGS).unwrap();
        let keys: Vec<&String> = tagged.rest.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["x", "y", "z"]);
    }

    #[test]
    fn split_names_what_is_wrong() {
        let err = |value| Tagged::split(value, "kind", TAGS).err().unwrap();
        let missing = err(json!({"x": 1}));
        assert_eq!(
            (missing.path.as_str(), missing.reason.as_str()),
            (".", "missing field `kind`")
        );
        let not_text = err(json!({"kind": 5}));
        assert_eq!(not_text.path, "kind");
        assert_eq!(
            not_text.reason,
            "invalid type: integer `5`, expected a string"
        );
        let not_object = err(json!("a"));
        assert_eq!(
            not_object.reason,
            "invalid type: a string, expected an object"
        );
        let unknown = Tagged::split(json!({"kind": "c"}), "kind", TAGS)
            .unwrap()
            .unknown();
        assert_eq!(unknown.path, "kind");
        assert_eq!(unknown.reason, "unknown variant, expected `a` or `b`");
    }

    #[test]
    fn errors_inside_a_variant_keep_their_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Inner {
            n: u32,
        }
        let tagged = Tagged::split(json!({"kind": "a", "n": "x"}), "kind", TAGS).unwrap();
        let err = tagged.read::<Inner>().unwrap_err();
        assert_eq!(err.path, "n");
    }
}
