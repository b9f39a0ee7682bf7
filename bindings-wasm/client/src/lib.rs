//! The npm package's `chpass/client` module: operations as plain data (build the request,
//! interpret the answer) and the `fetch` client that runs the whole change. Only pages that
//! import `chpass/client` download it. No rule, format or code is decided here.

mod client;
mod requests;
