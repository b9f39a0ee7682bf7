//! What the bindings' generated types need beyond the derived schemas: the types generated
//! from core's tables rather than from a schema (violations, notices, preset names, …), which
//! a schema names with `x-generated` for the renderer to refer to, not declare.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

macro_rules! generated_elsewhere {
    ($($(#[$doc:meta])* $rust:ident => $name:literal,)*) => {$(
        $(#[$doc])*
        pub(crate) struct $rust;

        impl JsonSchema for $rust {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "x-generated": $name })
            }
        }
    )*};
}

generated_elsewhere! {
    /// A violation, typed by its code (`violation_types`).
    Violation => "Violation",
    /// A notice, typed by its code.
    Notice => "Notice",
    /// A violation's code.
    ViolationCode => "ViolationCode",
    /// A preset's name.
    PresetName => "PresetName",
}
