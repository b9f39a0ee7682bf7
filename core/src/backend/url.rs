//! Endpoint URLs. A base URL is parsed once by a WHATWG URL parser — the `url` crate natively
//! (what reqwest sends with), the JS host's `URL` on wasm32 (what fetch sends with) — and what
//! parsers read differently is refused before it is parsed: a backslash, userinfo, an empty
//! port, whitespace. The URL that goes out is the parser's own serialization, so `requests`,
//! `httpx` or `fetch` cannot read it another way.
//!
//! Path segments (user names, ids) are percent-encoded one by one, so `a/b` stays one segment;
//! `.` and `..` are refused, since every URL parser removes them as dot segments and the
//! request would reach another endpoint (`/_security/user/./_password` is the caller's own).

use crate::error::Error;
use serde_json::{Map, Value};

/// Characters left as they are in a path segment (RFC 3986 unreserved).
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

pub(crate) fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for &b in segment.as_bytes() {
        if unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `base` + a literal path whose `{}` placeholders are filled, in order, by the encoded
/// `segments`, each named by the operation's field it comes from (for errors).
pub(crate) fn join(
    base: &str,
    path: &str,
    segments: &[(&'static str, &str)],
) -> Result<String, Error> {
    let mut out = parse_base(base)?;
    let mut segments = segments.iter();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        out.push('/');
        if part == "{}" {
            let &(field, segment) = segments.next().unwrap_or(&("operation", ""));
            check_segment(field, segment)?;
            out.push_str(&encode_segment(segment));
        } else {
            out.push_str(part);
        }
    }
    check_round_trip(&out)?;
    Ok(out)
}

/// Appends a query made of known, safe words (`?refresh=wait_for`) and checks that the whole
/// URL is what a parser reads back.
pub(crate) fn with_query(url: String, query: &str) -> Result<String, Error> {
    let url = format!("{url}?{query}");
    check_round_trip(&url)?;
    Ok(url)
}

fn check_segment(field: &'static str, segment: &str) -> Result<(), Error> {
    let reason = match segment {
        "" => "is empty",
        "." | ".." => {
            "is a dot segment, which URL parsers remove (the request would reach another endpoint)"
        }
        _ => return Ok(()),
    };
    Err(invalid(field, reason))
}

/// The base URL as its parser serializes it, without a trailing slash.
fn parse_base(base: &str) -> Result<String, Error> {
    precheck(base).map_err(|reason| invalid("base_url", reason))?;
    let parsed = host::parse(base).ok_or_else(|| invalid("base_url", "is not a valid URL"))?;
    if !parsed.userinfo_empty {
        return Err(invalid("base_url", USERINFO));
    }
    if !matches!(parsed.scheme.as_str(), "http:" | "https:") {
        return Err(invalid("base_url", "must start with https:// or http://"));
    }
    Ok(parsed.href.trim_end_matches('/').to_owned())
}

const USERINFO: &str =
    "must not hold a user name or password: give credentials in the `auth` option";

/// What URL parsers read differently, or what has no place in a base URL, refused on the
/// text itself (the reasons are the same whichever parser follows).
fn precheck(base: &str) -> Result<(), &'static str> {
    if base
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        // WHATWG reads `\` as `/` and drops tabs and newlines; urllib does neither
        return Err("must not hold spaces, control characters or backslashes");
    }
    if base.contains(['?', '#']) {
        return Err("must not hold a query or fragment");
    }
    let (scheme, rest) = base
        .split_once("://")
        .ok_or("must start with https:// or http://")?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return Err("must start with https:// or http://");
    }
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.contains('@') {
        return Err(USERINFO);
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (address, after) = v6.split_once(']').ok_or("has an unclosed IPv6 address")?;
            if address.contains('%') {
                return Err("must not hold an IPv6 zone id");
            }
            match after {
                "" => (address, None),
                _ => (
                    address,
                    Some(
                        after
                            .strip_prefix(':')
                            .ok_or("has text after its IPv6 address")?,
                    ),
                ),
            }
        }
        None => match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    if host.is_empty() {
        return Err("has no host");
    }
    if let Some(port) = port {
        let valid = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p));
        if !valid {
            return Err("has no valid port (1 to 65535)");
        }
    }
    Ok(())
}

/// A URL we built must be what a parser reads back, byte for byte: nothing normalized away.
fn check_round_trip(url: &str) -> Result<(), Error> {
    match host::parse(url) {
        Some(parsed) if parsed.href == url => Ok(()),
        _ => Err(invalid(
            "operation",
            "the request URL would be changed by a URL parser",
        )),
    }
}

fn invalid(field: &'static str, reason: &str) -> Error {
    let mut params = Map::new();
    params.insert("path".into(), Value::from(field));
    Error::InvalidArgument {
        argument: "operation",
        reason: format!("{field}: {reason}"),
        params,
    }
}

/// What the checks read of a parsed URL.
struct Parsed {
    /// Lower case, with its colon (`https:`), as WHATWG's `protocol`.
    scheme: String,
    userinfo_empty: bool,
    href: String,
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    pub(super) fn parse(input: &str) -> Option<super::Parsed> {
        let url = url::Url::parse(input).ok()?;
        Some(super::Parsed {
            scheme: format!("{}:", url.scheme()),
            userinfo_empty: url.username().is_empty() && url.password().is_none(),
            href: url.into(),
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod host {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        // the JS host's WHATWG URL, the parser its fetch uses
        #[wasm_bindgen(js_name = URL)]
        type WebUrl;
        #[wasm_bindgen(constructor, js_class = "URL", catch)]
        fn new(input: &str) -> Result<WebUrl, wasm_bindgen::JsValue>;
        #[wasm_bindgen(method, getter)]
        fn href(this: &WebUrl) -> String;
        #[wasm_bindgen(method, getter)]
        fn protocol(this: &WebUrl) -> String;
        #[wasm_bindgen(method, getter)]
        fn username(this: &WebUrl) -> String;
        #[wasm_bindgen(method, getter)]
        fn password(this: &WebUrl) -> String;
    }

    pub(super) fn parse(input: &str) -> Option<super::Parsed> {
        let url = WebUrl::new(input).ok()?;
        Some(super::Parsed {
            scheme: url.protocol(),
            userinfo_empty: url.username().is_empty() && url.password().is_empty(),
            href: url.href(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(err: Error) -> Value {
        err.params()["path"].clone()
    }

    #[test]
    fn segments_are_encoded_one_by_one() {
        let url = join(
            "https://h/identity/",
            "/v3/users/{}/password",
            &[("user_id", "a/b ü%")],
        )
        .unwrap();
        assert_eq!(
            url,
            "https://h/identity/v3/users/a%2Fb%20%C3%BC%25/password"
        );
        assert_eq!(join("https://h", "/x", &[]).unwrap(), "https://h/x");
        assert!(join("ftp://h", "/x", &[]).is_err());
    }

    #[test]
    fn dot_segments_and_empty_names_are_refused() {
        for name in ["", ".", ".."] {
            let err = join("https://h", "/u/{}", &[("username", name)]).unwrap_err();
            assert_eq!(path_of(err), "username");
        }
        // a literal %2e is a name, not a dot: its % is encoded
        let url = join("https://h", "/u/{}", &[("username", "%2e")]).unwrap();
        assert_eq!(url, "https://h/u/%252e");
        assert_eq!(
            join("https://h", "/u/{}", &[("username", "...")]).unwrap(),
            "https://h/u/..."
        );
    }

    #[test]
    fn base_urls_are_parsed() {
        let ok = [
            ("HTTP://Host.Example:9200", "http://host.example:9200/x"),
            ("Https://h/ü/", "https://h/%C3%BC/x"),
            ("https://h:443/p", "https://h/p/x"),
            ("http://[::1]:5000", "http://[::1]:5000/x"),
            ("http://h/a/../b", "http://h/b/x"),
        ];
        for (input, want) in ok {
            assert_eq!(join(input, "/x", &[]).unwrap(), want, "{input}");
        }
        let refused = [
            "http://:9200",
            "http://h:",
            "http://h:99999",
            "http://h:0",
            "http://h\\@evil.example",
            "https://user:pass@host",
            "https://@host",
            "http://[fe80::1%25eth0]:80",
            "http://h/a?b",
            "http:h",
            "ftp://h",
            "http://h /",
        ];
        for input in refused {
            let err = join(input, "/x", &[]).unwrap_err();
            assert_eq!(path_of(err.clone()), "base_url", "{input}");
            assert!(!err.to_string().contains("user:pass"), "{err}");
        }
    }
}
