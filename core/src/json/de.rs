//! A `serde::Deserializer` over a borrowed `serde_json::Value` that knows where it is.
//!
//! serde_path_to_error gets the path by wrapping serde_json's own `Value` deserializer, which
//! compiles every type's visitor twice, once per layer; this is one layer. Paths are written
//! as serde_path_to_error writes them (`a.b[0].c`, `.` for the whole value), and a mismatch is
//! put where it does: an unknown key at the key, a missing field at its struct.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use serde_json::Value;
use std::fmt;

/// Where a value sits: the keys and indices from the top, each level on the stack.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("."),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(Path::Root, index) => write!(f, "[{index}]"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A mismatch, and once known, the path of the innermost value it belongs to.
#[derive(Debug)]
pub(super) struct Error {
    pub path: Option<String>,
    pub reason: String,
}

impl Error {
    fn at(mut self, path: &Path<'_>) -> Self {
        if self.path.is_none() {
            self.path = Some(path.to_string());
        }
        self
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(reason: T) -> Self {
        Error {
            path: None,
            reason: reason.to_string(),
        }
    }

    // serde's own wording, with a float written by serde_json (see `Shown`)
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!(
            "invalid type: {}, expected {expected}",
            Shown(unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!(
            "invalid value: {}, expected {expected}",
            Shown(unexpected)
        ))
    }

    // serde's wording without the value: a string in the wrong place may be a secret
    fn unknown_variant(_variant: &str, expected: &'static [&'static str]) -> Self {
        de::Error::custom(format_args!(
            "unknown variant, expected {}",
            OneOf(expected)
        ))
    }
}

/// serde's list of expected names: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
struct OneOf(&'static [&'static str]);

impl fmt::Display for OneOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [] => f.write_str("none"),
            [one] => write!(f, "`{one}`"),
            [a, b] => write!(f, "`{a}` or `{b}`"),
            names => {
                f.write_str("one of ")?;
                for (i, name) in names.iter().enumerate() {
                    let comma = if i == 0 { "" } else { ", " };
                    write!(f, "{comma}`{name}`")?;
                }
                Ok(())
            }
        }
    }
}

/// serde's words for each kind of value, except that a string's text is never shown, and a
/// float is written by serde_json (`1.5`,
/// `1e+300`, as JS writes them): serde's own Display of it pulls in Rust's float printing,
/// 17 KB of the npm module for these messages alone.
struct Shown<'a>(Unexpected<'a>);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Float(float) => write!(f, "floating point `{}`", shortest(float)),
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unsigned(n) => write!(f, "integer `{n}`"),
            Unexpected::Signed(n) => write!(f, "integer `{n}`"),
            Unexpected::Char(c) => write!(f, "character `{c}`"),
            // never the text: a string in the wrong place may be a secret
            Unexpected::Str(_) => f.write_str("a string"),
            Unexpected::Other(other) => f.write_str(other),
            Unexpected::Bytes(_) => f.write_str("byte array"),
            Unexpected::Unit => f.write_str("unit value"),
            Unexpected::Option => f.write_str("Option value"),
            Unexpected::NewtypeStruct => f.write_str("newtype struct"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            Unexpected::Enum => f.write_str("enum"),
            Unexpected::UnitVariant => f.write_str("unit variant"),
            Unexpected::NewtypeVariant => f.write_str("newtype variant"),
            Unexpected::TupleVariant => f.write_str("tuple variant"),
            Unexpected::StructVariant => f.write_str("struct variant"),
        }
    }
}

/// serde_json's shortest form, with a decimal point as serde writes floats (`3.0`).
fn shortest(float: f64) -> String {
    let Some(number) = serde_json::Number::from_f64(float) else {
        let text = if float.is_nan() {
            "NaN"
        } else if float > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return text.into();
    };
    let text = number.to_string();
    if text.contains(['.', 'e']) {
        text
    } else {
        text + ".0"
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Error {}

type Result<T> = std::result::Result<T, Error>;

/// Entry points that all read a JSON number.
macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.number(visitor)
        }
    )*};
}

/// The value at `path`.
pub(super) struct At<'de, 'p> {
    pub value: &'de Value,
    pub path: &'p Path<'p>,
}

impl<'de> de::Deserializer<'de> for At<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(_) => self.number(visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(_) => self.seq(visitor),
            Value::Object(_) => self.map(visitor),
        }
    }

    // Each typed entry point calls only the visit method its JSON type has: a derived
    // struct's visitor also takes arrays (`visit_seq`), which JSON-shaped input never means,
    // and compiling it for every struct doubled this module's share of the npm build.

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.seq(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    /// `"variant"` for a unit variant, `{"variant": value}` for the others.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.value {
            Value::String(name) => visitor.visit_enum(name.as_str().into_deserializer()),
            Value::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((name, value)), None) => visitor.visit_enum(Variant {
                        name,
                        value,
                        path: self.path,
                    }),
                    _ => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"a map with one key",
                    )),
                }
            }
            other => Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        }
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8
        deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf ignored_any
    }
}

impl<'de> At<'de, '_> {
    fn invalid_type(&self, expected: &dyn de::Expected) -> Error {
        de::Error::invalid_type(unexpected(self.value), expected)
    }

    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let Value::Number(n) = self.value else {
            return Err(self.invalid_type(&visitor));
        };
        if let Some(n) = n.as_u64() {
            visitor.visit_u64(n)
        } else if let Some(n) = n.as_i64() {
            visitor.visit_i64(n)
        } else {
            visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
        }
    }

    fn seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let Value::Array(items) = self.value else {
            return Err(self.invalid_type(&visitor));
        };
        let mut items = Items {
            iter: items.iter(),
            index: 0,
            path: self.path,
        };
        let value = visitor.visit_seq(&mut items)?;
        match items.iter.len() {
            0 => Ok(value),
            left => Err(de::Error::invalid_length(
                items.index + left,
                &"fewer elements in array",
            )),
        }
    }

    fn map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let Value::Object(map) = self.value else {
            return Err(self.invalid_type(&visitor));
        };
        let mut entries = Entries {
            iter: map.iter(),
            pending: None,
            path: self.path,
        };
        let value = visitor.visit_map(&mut entries)?;
        match entries.iter.len() {
            0 => Ok(value),
            _ => Err(de::Error::invalid_length(
                map.len(),
                &"fewer elements in map",
            )),
        }
    }
}

/// What serde calls a value in "invalid type: …, expected …", as serde_json does.
pub(super) fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(n), _) => Unexpected::Unsigned(n),
            (None, Some(n)) => Unexpected::Signed(n),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

struct Items<'de, 'p> {
    iter: std::slice::Iter<'de, Value>,
    index: usize,
    path: &'p Path<'p>,
}

impl<'de> de::SeqAccess<'de> for &mut Items<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some(value) = self.iter.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.path, self.index);
        self.index += 1;
        seed.deserialize(At { value, path: &path })
            .map(Some)
            .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct Entries<'de, 'p> {
    iter: serde_json::map::Iter<'de>,
    pending: Option<(&'de str, &'de Value)>,
    path: &'p Path<'p>,
}

impl<'de> de::MapAccess<'de> for &mut Entries<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::<Error>::new(key))
            .map(Some)
            .map_err(|e| e.at(&Path::Key(self.path, key)))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let (key, value) = self
            .pending
            .take()
            .ok_or_else(|| de::Error::custom("a map value was asked for before its key"))?;
        let path = Path::Key(self.path, key);
        seed.deserialize(At { value, path: &path })
            .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// `{"variant": value}`.
struct Variant<'de, 'p> {
    name: &'de str,
    value: &'de Value,
    path: &'p Path<'p>,
}

impl<'de> Variant<'de, '_> {
    fn read<T>(self, read: impl FnOnce(At<'de, '_>) -> Result<T>) -> Result<T> {
        let path = Path::Key(self.path, self.name);
        read(At {
            value: self.value,
            path: &path,
        })
        .map_err(|e| e.at(&path))
    }
}

impl<'de, 'p> de::EnumAccess<'de> for Variant<'de, 'p> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = seed
            .deserialize(BorrowedStrDeserializer::<Error>::new(self.name))
            .map_err(|e| e.at(&Path::Key(self.path, self.name)))?;
        Ok((name, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        self.read(|at| de::Deserialize::deserialize(at))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.read(|at| seed.deserialize(at))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.read(|at| de::Deserializer::deserialize_any(at, visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.read(|at| de::Deserializer::deserialize_any(at, visitor))
    }
}

#[cfg(test)]
mod tests {
    use crate::json::read;
    use crate::text::InputError;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        items: Vec<Item>,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        n: u8,
        pair: Option<(String, String)>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case", deny_unknown_fields)]
    enum Kind {
        Plain,
        Named(String),
        Sized { width: u32 },
    }

    fn mismatch(value: serde_json::Value) -> (String, String) {
        let InputError { path, reason, .. } = read::<Outer>(&value).unwrap_err();
        (path, reason)
    }

    #[test]
    fn reads_every_shape() {
        let value = json!({"items": [{"n": 1, "pair": ["a", "b"]}, {"n": 2, "pair": null}],
                           "note": null, "kind": {"sized": {"width": 3}}});
        let outer: Outer = read(&value).unwrap();
        assert_eq!(outer.items[0].pair, Some(("a".into(), "b".into())));
        assert_eq!(outer.note, None);
        assert_eq!(outer.kind, Some(Kind::Sized { width: 3 }));
        let kinds = [
            (json!("plain"), Kind::Plain),
            (json!({"named": "x"}), Kind::Named("x".into())),
        ];
        for (kind, want) in kinds {
            let outer: Outer = read(&json!({"items": [], "kind": kind})).unwrap();
            assert_eq!(outer.kind, Some(want));
        }
    }

    #[test]
    fn paths_are_written_like_serde_path_to_error() {
        let at = |value| mismatch(value).0;
        assert_eq!(
            at(json!({"items": [{"n": 1, "pair": null}, {"n": 300, "pair": null}]})),
            "items[1].n"
        );
        assert_eq!(
            at(json!({"items": [{"n": 1, "pair": ["a", 2]}]})),
            "items[0].pair[1]"
        );
        assert_eq!(at(json!({"items": [{"pair": null}]})), "items[0]");
        assert_eq!(at(json!({"items": [], "extra": 1})), "extra");
        assert_eq!(
            at(json!({"items": [], "kind": {"sized": {"width": "3"}}})),
            "kind.sized.width"
        );
        assert_eq!(at(json!({"items": [], "kind": "other"})), "kind");
        assert_eq!(at(json!({})), ".");
        assert_eq!(at(json!([[]])), ".");
    }

    #[test]
    fn messages_are_serde_json_s_but_never_show_a_string() {
        let reason = |value| mismatch(value).1;
        assert_eq!(
            reason(json!({"items": [{"n": 300, "pair": null}]})),
            "invalid value: integer `300`, expected u8"
        );
        assert_eq!(
            reason(json!({"items": [{"n": "1", "pair": null}]})),
            "invalid type: a string, expected u8"
        );
        for (float, shown) in [
            (1.5, "1.5"),
            (3.0, "3.0"),
            (1e300, "1e+300"),
            (-2e-9, "-2e-9"),
        ] {
            assert_eq!(
                reason(json!({"items": [{"n": float, "pair": null}]})),
                format!("invalid type: floating point `{shown}`, expected u8")
            );
        }
        assert_eq!(
            reason(json!({"items": [{"n": 1, "pair": ["a", "b", "c"]}]})),
            "invalid length 3, expected fewer elements in array"
        );
        // a struct is an object: the array form serde also accepts is refused
        assert_eq!(
            reason(json!([[]])),
            "invalid type: sequence, expected struct Outer"
        );
        assert_eq!(
            reason(json!({"items": [], "kind": {"plain": null, "named": "x"}})),
            "invalid value: map, expected a map with one key"
        );
    }
}
