//! The npm package's main wasm module (`chpass`): policies, validation and generation, all a
//! sign-up form needs. Hashing, the request builders and client, and the strength estimator are
//! modules of their own (hash/, client/, strength/), downloaded only by pages that import them.
//! Values cross through `chpass-wasm-glue`; no rule, format or code is decided here.

mod generate;
mod policy;
