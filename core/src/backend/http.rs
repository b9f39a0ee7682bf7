//! The HTTP messages a backend produces and reads. Carrying them is the caller's business
//! (fetch, requests, httpx, reqwest, …).

use crate::error::Error;
use crate::secret::REDACTED;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use zeroize::Zeroizing;

/// Headers whose values are credentials.
const SECRET_HEADERS: &[&str] = &["authorization", "x-auth-token", "x-subject-token"];
/// JSON keys whose values are secrets, wherever they appear in a body.
const SECRET_KEYS: &[&str] = &[
    "password",
    "original_password",
    "current_password",
    "password_hash",
    "hash",
    "secret",
    "signature",
];

/// Bodies longer than this are not parsed (their excerpt still shows in errors).
pub const MAX_RESPONSE_BODY: usize = 1 << 20;
/// Error excerpts are cut to this many bytes.
pub const EXCERPT_BYTES: usize = 512;

/// A request to send: what the sans-IO builders return and a transport sends as it is.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HttpRequest {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: String,
    /// The whole URL, path segments percent-encoded.
    pub url: String,
    /// Header names and values, in order (secrets in `Authorization` and `X-Auth-Token`).
    pub headers: Vec<(String, String)>,
    /// UTF-8 JSON; wiped from memory on drop (it may hold passwords).
    #[serde(with = "zeroizing_body")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub body: Option<Zeroizing<String>>,
}

impl HttpRequest {
    pub(crate) fn new(method: &str, url: String) -> Self {
        HttpRequest {
            method: method.to_owned(),
            url,
            headers: vec![("Accept".into(), "application/json".into())],
            body: None,
        }
    }

    pub(crate) fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub(crate) fn json(mut self, body: &Value) -> Self {
        self.headers
            .push(("Content-Type".into(), "application/json".into()));
        self.body = Some(Zeroizing::new(body.to_string()));
        self
    }

    /// Every header value printable ASCII (or a tab); the error names the operation's field
    /// the header carries, never the value.
    pub(crate) fn check_headers(&self) -> Result<(), Error> {
        let Some((name, _)) = self.headers.iter().find(|(_, value)| {
            !value
                .bytes()
                .all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
        }) else {
            return Ok(());
        };
        let field = match name.to_ascii_lowercase().as_str() {
            "authorization" => "auth",
            "x-auth-token" => "token",
            _ => "operation",
        };
        let mut params = serde_json::Map::new();
        params.insert("path".into(), Value::from(field));
        Err(Error::InvalidArgument {
            argument: "operation",
            reason: format!(
                "{field}: the {name} header would hold a control or non-ASCII character, \
                 which HTTP clients refuse or send differently"
            ),
            params,
        })
    }

    /// The request as data for logs and `--dry-run --json`: `method`, `url`, `headers` and the
    /// parsed `body`, with every secret `[REDACTED]`, as in [`HttpRequest::dump`].
    pub fn redacted(&self) -> Value {
        let headers: Vec<Value> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let value = if is_secret_header(name) {
                    REDACTED
                } else {
                    value
                };
                Value::from(vec![name.as_str(), value])
            })
            .collect();
        let body = self.body.as_ref().map(|body| {
            serde_json::from_str::<Value>(&redact_json_text(body)).unwrap_or(Value::from(REDACTED))
        });
        serde_json::json!({
            "method": self.method,
            "url": self.url,
            "headers": headers,
            "body": body,
        })
    }

    /// The request as text for logs and `--dry-run`: every password, hash, token and
    /// Authorization value shows as `[REDACTED]`.
    pub fn dump(&self) -> String {
        let mut out = format!("{} {}\n", self.method, self.url);
        for (name, value) in &self.headers {
            let value = if is_secret_header(name) {
                REDACTED
            } else {
                value
            };
            out.push_str(&format!("{name}: {value}\n"));
        }
        if let Some(body) = &self.body {
            out.push('\n');
            out.push_str(&redact_json_text(body));
            out.push('\n');
        }
        out
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dump())
    }
}

fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name))
}

/// A JSON text with every secret value replaced; text that is not JSON is hidden whole.
pub(crate) fn redact_json_text(text: &str) -> String {
    match serde_json::from_str::<Value>(text) {
        Ok(mut value) => {
            redact(&mut value, false);
            value.to_string()
        }
        Err(_) => REDACTED.to_owned(),
    }
}

fn redact(value: &mut Value, secret: bool) {
    match value {
        Value::Object(map) => {
            // OpenSearch's JSON Patch puts the password in {"path": "/password", "value": …}
            let patch_secret = map
                .get("path")
                .and_then(Value::as_str)
                .is_some_and(|path| path == "/password" || path == "/hash");
            for (key, item) in map.iter_mut() {
                let secret_key =
                    SECRET_KEYS.contains(&key.as_str()) || (patch_secret && key == "value");
                redact(item, secret || secret_key);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redact(item, secret)),
        Value::Null => {}
        other if secret => *other = Value::from(REDACTED),
        _ => {}
    }
}

/// The server's answer, as a transport received it, for the operation's `interpret`.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: u16,
    /// `[[name, value], …]` or `{name: value}` (what fetch and requests hand out).
    #[serde(default, deserialize_with = "pairs_or_object")]
    #[cfg_attr(feature = "schema", schemars(with = "schema::ResponseHeaders"))]
    pub headers: Vec<(String, String)>,
    /// The body as text (one over [`MAX_RESPONSE_BODY`] bytes is an `unexpected_response`).
    #[serde(default)]
    pub body: String,
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &self.redacted_headers())
            // its length only: a body may repeat a secret of the request, which the response
            // does not know (errors scrub those with the operation's secrets)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

impl HttpResponse {
    /// The first header of that name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn redacted_headers(&self) -> Vec<(&str, &str)> {
        self.headers
            .iter()
            .map(|(n, v)| (n.as_str(), if is_secret_header(n) { REDACTED } else { v }))
            .collect()
    }

    /// The body as JSON, if it is JSON and not oversized.
    pub(crate) fn json(&self) -> Option<Value> {
        if self.body.len() > MAX_RESPONSE_BODY {
            return None;
        }
        serde_json::from_str(&self.body).ok()
    }

    pub(crate) fn unexpected(&self, reason: impl Into<String>) -> Error {
        Error::UnexpectedResponse {
            status: self.status,
            reason: reason.into(),
            excerpt: excerpt(&self.body),
        }
    }
}

/// The start of a body for an error: secrets redacted when it is JSON, cut at a char boundary.
pub(crate) fn excerpt(body: &str) -> String {
    super::redact::cut(&shown_body(body))
}

/// A body as errors may show it: JSON with every secret key's value redacted, other text as it is.
pub(crate) fn shown_body(body: &str) -> String {
    let is_json = body.len() <= MAX_RESPONSE_BODY && serde_json::from_str::<Value>(body).is_ok();
    if is_json {
        redact_json_text(body)
    } else {
        body.to_owned()
    }
}

fn pairs_or_object<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<(String, String)>, D::Error> {
    struct Headers;
    impl<'de> serde::de::Visitor<'de> for Headers {
        type Value = Vec<(String, String)>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("[[name, value], …] or {name: value}")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut pairs = Vec::new();
            while let Some(pair) = seq.next_element()? {
                pairs.push(pair);
            }
            Ok(pairs)
        }

        /// In name order, as fetch's `Headers` iterates.
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut sorted = std::collections::BTreeMap::new();
            while let Some((name, value)) = map.next_entry::<String, String>()? {
                sorted.insert(name, value);
            }
            Ok(sorted.into_iter().collect())
        }
    }
    d.deserialize_any(Headers)
}

mod zeroizing_body {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use zeroize::Zeroizing;

    pub fn serialize<S: Serializer>(
        body: &Option<Zeroizing<String>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        body.as_deref().map(String::as_str).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Zeroizing<String>>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.map(Zeroizing::new))
    }
}

/// The shape `HttpResponse.headers` is read from, for its schema.
#[cfg(feature = "schema")]
mod schema {
    use std::collections::BTreeMap;

    /// `[[name, value], …]` or `{name: value}`.
    #[derive(schemars::JsonSchema)]
    #[serde(untagged)]
    #[allow(dead_code)] // only its schema is used
    pub enum ResponseHeaders {
        Pairs(Vec<(String, String)>),
        Object(BTreeMap<String, String>),
    }
}
