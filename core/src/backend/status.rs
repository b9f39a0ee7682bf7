//! Error statuses every endpoint shares, and how to read a server's message.

use super::http::HttpResponse;
use crate::error::{Error, ServerError, ServerErrorCode};
use serde_json::Value;

/// The code of a status that means the same on every endpoint; `None` for the ones each
/// backend reads itself (400, 401) and for statuses no endpoint documents.
pub(crate) fn common(status: u16) -> Option<ServerErrorCode> {
    Some(match status {
        400 => ServerErrorCode::BadRequest,
        401 => ServerErrorCode::AuthenticationFailed,
        403 => ServerErrorCode::Forbidden,
        404 => ServerErrorCode::NotFound,
        405 => ServerErrorCode::MethodNotAllowed,
        409 => ServerErrorCode::Conflict,
        413 => ServerErrorCode::PayloadTooLarge,
        415 => ServerErrorCode::UnsupportedMediaType,
        429 | 503 => ServerErrorCode::ServerUnavailable,
        _ => return None,
    })
}

/// A server error with the server's message.
pub(crate) fn server_error(
    response: &HttpResponse,
    code: ServerErrorCode,
    message: Option<String>,
) -> Error {
    let retry_after = (code == ServerErrorCode::ServerUnavailable)
        .then(|| response.header("Retry-After"))
        .flatten()
        .and_then(|v| v.trim().parse().ok());
    Error::Server(ServerError {
        code,
        status: response.status,
        server_message: message,
        violation_code: None,
        retry_after,
    })
}

pub(crate) fn rejected(
    response: &HttpResponse,
    message: String,
    violation: Option<&'static str>,
) -> Error {
    Error::Server(ServerError {
        code: ServerErrorCode::ServerRejectedPassword,
        status: response.status,
        server_message: Some(message),
        violation_code: violation,
        retry_after: None,
    })
}

/// The fallback for an error status: its common code, or `unexpected_response`.
pub(crate) fn fallback(response: &HttpResponse, message: Option<String>) -> Error {
    match common(response.status) {
        Some(code) => server_error(response, code, message),
        None => response.unexpected(format!("status {} is not documented here", response.status)),
    }
}

/// A string at a JSON path, e.g. `["error", "message"]`.
pub(crate) fn string_at(body: &Value, path: &[&str]) -> Option<String> {
    let mut value = body;
    for key in path {
        value = value.get(key)?;
    }
    value.as_str().map(str::to_owned)
}
