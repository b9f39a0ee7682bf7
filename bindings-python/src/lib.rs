//! The `chpass._chpass` extension: converts Python values to core types and core errors to
//! the exceptions of `chpass._errors`. No rule, format or code is decided here.

mod client;
mod errors;
mod files;
mod generate;
mod hashing;
mod policy;
mod requests;
mod strength;
mod values;

use pyo3::prelude::*;

/// cli_main(args) -> exit code: the `chpass` command itself (the Rust entry point), for
/// `python -m chpass` and the `chpass` console script. The GIL is released while it runs.
#[pyfunction]
fn cli_main(py: Python<'_>, args: Vec<std::ffi::OsString>) -> i32 {
    let argv = std::iter::once("chpass".into()).chain(args).collect();
    py.detach(|| chpass_cli::run_with_args(argv))
}

#[pymodule]
fn _chpass(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<policy::Policy>()?;
    m.add_function(wrap_pyfunction!(policy::validate, m)?)?;
    m.add_function(wrap_pyfunction!(policy::preset_info, m)?)?;
    m.add_function(wrap_pyfunction!(requests::build_request, m)?)?;
    m.add_function(wrap_pyfunction!(requests::interpret_response, m)?)?;
    m.add_function(wrap_pyfunction!(requests::dump_request, m)?)?;
    m.add_class::<client::Client>()?;
    m.add_function(wrap_pyfunction!(files::set_cloud_password, m)?)?;
    m.add_function(wrap_pyfunction!(files::set_rc_password, m)?)?;
    m.add_function(wrap_pyfunction!(files::update_cloud_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::update_rc_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::update_cloud_password, m)?)?;
    m.add_function(wrap_pyfunction!(hashing::hash, m)?)?;
    m.add_function(wrap_pyfunction!(hashing::verify, m)?)?;
    m.add_function(wrap_pyfunction!(hashing::verify_opensearch, m)?)?;
    m.add_function(wrap_pyfunction!(hashing::needs_rehash, m)?)?;
    m.add_function(wrap_pyfunction!(hashing::elasticsearch_password_hash, m)?)?;
    m.add_function(wrap_pyfunction!(hashing::opensearch_hash, m)?)?;
    m.add_class::<generate::Generated>()?;
    m.add_function(wrap_pyfunction!(generate::generate, m)?)?;
    m.add_function(wrap_pyfunction!(strength::strength, m)?)?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    m.add("ERROR_CODES", chpass::Error::CODES.to_vec())?;
    m.add("LOCALES", chpass::i18n::LANGUAGES.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
