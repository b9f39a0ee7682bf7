#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod backend;
pub mod error;
pub mod error_types;
#[cfg(feature = "files")]
pub mod files;
pub mod generate;
pub mod hash;
pub mod i18n;
mod json;
pub mod policy;
mod random;
#[cfg(feature = "schema")]
mod schema;
pub mod secret;
#[cfg(feature = "strength")]
pub mod strength;
pub mod text;
#[cfg(feature = "transport")]
pub mod transport;

pub use error::{
    Error, ErrorKind, HashErrorCode, Result, ServerError, ServerErrorCode, TransportErrorCode,
};
pub use policy::{
    Context, LengthLimit, LengthUnit, Policy, PolicySpec, Report, Violation, presets, validate,
};
pub use secret::SecretString;

/// The JSON-shaped arguments the bindings take besides operations, with their JSON Schemas
/// (their docs are the descriptions), for the bindings' TypeScript and Python types
/// (`backend::operation_schemas` has the operations').
#[cfg(feature = "schema")]
pub fn argument_schemas() -> Vec<(&'static str, schemars::Schema)> {
    use schemars::schema_for;
    vec![
        ("PolicySpec", schema_for!(PolicySpec)),
        ("Context", schema_for!(Context)),
        ("GenerateOptions", schema_for!(generate::GenerateOptions)),
        ("WorkLimits", schema_for!(hash::WorkLimits)),
        // a `Client`'s options (Python's takes them as keywords)
        ("ClientOptions", schema_for!(transport::TransportOptions)),
    ]
}

/// The results the bindings hand back as plain data, with their JSON Schemas, for the
/// bindings' TypeScript and Python types.
#[cfg(feature = "schema")]
pub fn result_schemas() -> Vec<(&'static str, schemars::Schema)> {
    /// As serialized: an `Option` field without `skip_serializing_if` is always there.
    fn written<T: schemars::JsonSchema>() -> schemars::Schema {
        schemars::generate::SchemaSettings::default()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<T>()
    }
    vec![
        ("Report", written::<policy::ReportShape>()),
        ("StrengthResult", written::<policy::StrengthResult>()),
        ("PresetInfo", written::<policy::presets::PresetInfo>()),
        ("HttpRequest", written::<backend::HttpRequest>()),
        // what a transport hands in: read, not written
        ("HttpResponse", schemars::schema_for!(backend::HttpResponse)),
        ("Outcome", written::<backend::Outcome>()),
        #[cfg(feature = "strength")]
        ("Strength", written::<strength::Strength>()),
        ("FileUpdate", written::<files::FileUpdate>()),
    ]
}

/// The Rust examples of the README and of docs/ (hashing.md has them) run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

#[cfg(doctest)]
#[doc = include_str!("../../docs/hashing.md")]
pub struct HashingDoctests;
