//! Endpoint URLs: any base URL (with a path prefix, with or without a trailing slash) plus
//! path segments, each percent-encoded on its own, so `a/b` stays one segment.

use crate::error::Error;

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

/// `base` + literal path (already safe) with `{}` placeholders filled by encoded segments.
pub(crate) fn join(base: &str, path: &str, segments: &[&str]) -> Result<String, Error> {
    let base = check_base(base)?;
    let mut out = String::from(base.trim_end_matches('/'));
    let mut segments = segments.iter();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        out.push('/');
        if part == "{}" {
            let segment = segments.next().copied().unwrap_or_default();
            if segment.is_empty() {
                return Err(invalid("a path segment (user name or id) is empty"));
            }
            out.push_str(&encode_segment(segment));
        } else {
            out.push_str(part);
        }
    }
    Ok(out)
}

fn check_base(base: &str) -> Result<&str, Error> {
    let rest = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"))
        .ok_or_else(|| invalid("the base URL must start with https:// or http://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() {
        return Err(invalid("the base URL has no host"));
    }
    if base.contains(['?', '#']) || base.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid(
            "the base URL must not hold a query, fragment or spaces",
        ));
    }
    Ok(base)
}

fn invalid(reason: &str) -> Error {
    Error::InvalidArgument {
        argument: "url",
        reason: reason.to_owned(),
        params: serde_json::Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded_one_by_one() {
        let url = join("https://h/identity/", "/v3/users/{}/password", &["a/b ü%"]).unwrap();
        assert_eq!(
            url,
            "https://h/identity/v3/users/a%2Fb%20%C3%BC%25/password"
        );
        assert_eq!(join("https://h", "/x", &[]).unwrap(), "https://h/x");
        assert!(join("ftp://h", "/x", &[]).is_err());
        assert!(join("https://h", "/u/{}", &[""]).is_err());
    }
}
