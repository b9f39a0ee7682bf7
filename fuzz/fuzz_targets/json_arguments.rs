//! Every JSON-shaped argument (operations, hash specs, limits, generate options, contexts,
//! responses): read or refused with a typed error; an operation read builds its request.
#![no_main]

use chpass::Context;
use chpass::backend::{HttpResponse, Operation};
use chpass::generate::GenerateOptions;
use chpass::hash::{HashSpec, WorkLimits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    if let Ok(operation) = Operation::from_value(value.clone()) {
        let _ = operation.request();
        let _ = operation.dump();
    }
    let _ = HashSpec::from_value(value.clone());
    let _ = WorkLimits::from_value(value.clone());
    let _ = GenerateOptions::from_value(value.clone());
    let _ = Context::from_value(value.clone());
    let _ = HttpResponse::from_value(value);
});
