//! A server or a proxy may repeat what it was sent (a form echoed in an error page, a
//! request line in a 502). Every text an error carries is scrubbed of the operation's
//! secrets, in each form a body can hold them: as given, JSON-escaped (also with `\uXXXX` for
//! non-ASCII, as Python's `json.dumps` writes), percent-encoded, form-encoded and HTML-escaped.

use super::http::{EXCERPT_BYTES, shown_body};
use super::url::encode_segment;
use crate::error::Error;
use crate::secret::REDACTED;
use zeroize::Zeroizing;

/// The secrets of one operation, each in every form it may come back in.
pub(crate) struct Secrets {
    forms: Vec<Zeroizing<String>>,
}

impl Secrets {
    pub(crate) fn new<'a>(values: impl IntoIterator<Item = &'a str>) -> Self {
        let mut forms: Vec<Zeroizing<String>> = Vec::new();
        for value in values.into_iter().filter(|v| !v.is_empty()) {
            for form in forms_of(value) {
                if !form.is_empty() && !forms.iter().any(|f| **f == *form) {
                    forms.push(form);
                }
            }
        }
        Secrets { forms }
    }

    /// `text` with every occurrence of every form replaced by `[REDACTED]`; overlapping
    /// occurrences are replaced as one. Linear in the text per form.
    pub(crate) fn scrub(&self, text: &str) -> String {
        let mut ranges: Vec<(usize, usize)> = self
            .forms
            .iter()
            .flat_map(|form| {
                text.match_indices(form.as_str())
                    .map(|(start, found)| (start, start + found.len()))
            })
            .collect();
        if ranges.is_empty() {
            return text.to_owned();
        }
        ranges.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut done = 0;
        for (start, end) in ranges {
            if end <= done {
                continue;
            }
            if start >= done {
                out.push_str(&text[done..start]);
                out.push_str(REDACTED);
            }
            done = end;
        }
        out.push_str(&text[done..]);
        out
    }

    /// The error with every text it carries scrubbed; an excerpt is made again from the
    /// scrubbed `body`, so that a secret cut by the excerpt's end cannot show in part.
    pub(crate) fn scrub_error(&self, err: Error, body: &str) -> Error {
        if self.forms.is_empty() {
            return err;
        }
        match err {
            Error::Server(mut e) => {
                e.server_message = e.server_message.map(|m| self.scrub(&m));
                Error::Server(e)
            }
            Error::UnexpectedResponse { status, reason, .. } => Error::UnexpectedResponse {
                status,
                reason: self.scrub(&reason),
                excerpt: cut(&self.scrub(&shown_body(body))),
            },
            Error::Transport { code, reason } => Error::Transport {
                code,
                reason: self.scrub(&reason),
            },
            Error::InvalidArgument {
                argument,
                reason,
                params,
            } => Error::InvalidArgument {
                argument,
                reason: self.scrub(&reason),
                params,
            },
            other => other,
        }
    }
}

/// The start of a text, at most [`EXCERPT_BYTES`], cut at a char boundary.
pub(crate) fn cut(shown: &str) -> String {
    if shown.len() <= EXCERPT_BYTES {
        return shown.to_owned();
    }
    let mut end = EXCERPT_BYTES;
    while !shown.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &shown[..end])
}

fn forms_of(value: &str) -> Vec<Zeroizing<String>> {
    // a JSON string without its quotes
    let json = Zeroizing::new(
        serde_json::to_string(value)
            .map(|quoted| quoted[1..quoted.len() - 1].to_owned())
            .unwrap_or_default(),
    );
    let encoded = Zeroizing::new(encode_segment(value));
    let mut forms = vec![
        Zeroizing::new(value.to_owned()),
        Zeroizing::new(ascii_json(&json, false)),
        Zeroizing::new(ascii_json(&json, true)),
        // percent-encoded as chpass encodes path segments, in either case of hex, and as a
        // form writes it (a space as `+`)
        Zeroizing::new(encoded.to_string()),
        Zeroizing::new(lower_hex(&encoded)),
        Zeroizing::new(encoded.replace("%20", "+")),
        Zeroizing::new(html(value)),
    ];
    forms.push(json);
    forms
}

/// JSON text with every non-ASCII char as `\uXXXX` (UTF-16 units).
fn ascii_json(json: &str, upper: bool) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            out.push_str(&if upper {
                format!("\\u{unit:04X}")
            } else {
                format!("\\u{unit:04x}")
            });
        }
    }
    out
}

/// `%C3%A4` as `%c3%a4`: the hex digits after each `%` in lower case.
fn lower_hex(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut hex_left = 0;
    for c in encoded.chars() {
        if c == '%' {
            hex_left = 2;
            out.push(c);
        } else if hex_left > 0 {
            hex_left -= 1;
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn html(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_is_scrubbed() {
        let secrets = Secrets::new(["N3w pässwörd&\"x"]);
        for echoed in [
            "N3w pässwörd&\"x",
            "N3w pässwörd&\\\"x",
            "N3w p\\u00e4ssw\\u00f6rd&\\\"x",
            "N3w%20p%C3%A4ssw%C3%B6rd%26%22x",
            "N3w%20p%c3%a4ssw%c3%b6rd%26%22x",
            "N3w+p%C3%A4ssw%C3%B6rd%26%22x",
            "N3w pässwörd&amp;&quot;x",
        ] {
            let text = format!("password={echoed}; again {echoed}");
            assert_eq!(
                secrets.scrub(&text),
                "password=[REDACTED]; again [REDACTED]",
                "{echoed}"
            );
        }
    }

    #[test]
    fn overlapping_secrets_are_one_redaction() {
        let secrets = Secrets::new(["abcd", "cdef", ""]);
        assert_eq!(secrets.scrub("xabcdefy"), "x[REDACTED]y");
        assert_eq!(secrets.scrub("nothing"), "nothing");
    }
}
