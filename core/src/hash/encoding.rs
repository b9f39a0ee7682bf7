//! The Base64 dialects of the formats: PHC (unpadded standard), bcrypt's own alphabet, and the
//! padded standard Base64 of Elasticsearch and password4j. Decoding is lenient about padding
//! and trailing bits, as the servers' decoders are; comparisons are made on bytes. (The base64
//! crate's lenient engine, which a test compares this with, accepts the same strings.)

const STANDARD_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BCRYPT_ALPHABET: &[u8; 64] =
    b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// One dialect's encoder: its alphabet, and whether it pads to whole quads with `=`.
#[derive(Debug)]
pub(crate) struct Base64 {
    alphabet: &'static [u8; 64],
    pad: bool,
}

pub(crate) const PHC: Base64 = Base64 {
    alphabet: STANDARD_ALPHABET,
    pad: false,
};
pub(crate) const BCRYPT: Base64 = Base64 {
    alphabet: BCRYPT_ALPHABET,
    pad: false,
};
pub(crate) const PADDED: Base64 = Base64 {
    alphabet: STANDARD_ALPHABET,
    pad: true,
};

impl Base64 {
    pub(crate) fn encode(&self, bytes: impl AsRef<[u8]>) -> String {
        let mut out = String::new();
        self.encode_to(bytes.as_ref(), &mut out);
        out
    }

    /// Appends to `out`, which may be a secret's buffer: nothing is written anywhere else.
    pub(crate) fn encode_to(&self, bytes: &[u8], out: &mut String) {
        out.reserve(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let word = chunk
                .iter()
                .enumerate()
                .fold(0u32, |w, (k, &b)| w | u32::from(b) << (16 - 8 * k));
            for k in 0..4 {
                if k <= chunk.len() {
                    out.push(char::from(
                        self.alphabet[(word >> (18 - 6 * k)) as usize & 63],
                    ));
                } else if self.pad {
                    out.push('=');
                }
            }
        }
    }
}

pub(crate) fn decode_standard(text: &str) -> Option<Vec<u8>> {
    decode(text, STANDARD_ALPHABET)
}

pub(crate) fn decode_bcrypt(text: &str) -> Option<Vec<u8>> {
    decode(text, BCRYPT_ALPHABET)
}

/// Padding optional, unused trailing bits ignored; a `=` only at the end, after two or three
/// symbols of the last quad.
fn decode(text: &str, alphabet: &[u8; 64]) -> Option<Vec<u8>> {
    let symbols = text.trim_end_matches('=').as_bytes();
    let padding = text.len() - symbols.len();
    let last_quad = (text.len() + 3) % 4 + 1;
    if !text.is_empty() && last_quad < padding + 2 {
        return None;
    }
    let mut out = Vec::with_capacity(symbols.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0);
    for &symbol in symbols {
        let value = alphabet.iter().position(|&a| a == symbol)?;
        bits = bits << 6 | value as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

/// A number in a hash string: digits only (no sign, no spaces), no overflow.
pub(crate) fn decimal(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Lowercase hex, two digits per byte.
pub(crate) fn hex_lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::{
        DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig, general_purpose,
    };

    const LENIENT: GeneralPurposeConfig = GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent);

    #[test]
    fn decoding_accepts_what_the_base64_crates_lenient_engine_accepts() {
        let engines = [
            (
                STANDARD_ALPHABET,
                GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT),
            ),
            (
                BCRYPT_ALPHABET,
                GeneralPurpose::new(&base64::alphabet::BCRYPT, LENIENT),
            ),
        ];
        // every string up to 7 characters over symbols of either alphabet, padding and junk
        let pieces = b"Aw/.+=!";
        for (alphabet, engine) in &engines {
            let mut text = Vec::new();
            for length in 0..=7u32 {
                for mut n in 0..pieces.len().pow(length) {
                    text.clear();
                    for _ in 0..length {
                        text.push(pieces[n % pieces.len()]);
                        n /= pieces.len();
                    }
                    let text = std::str::from_utf8(&text).unwrap();
                    assert_eq!(decode(text, alphabet), engine.decode(text).ok(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn encoding_is_the_base64_crates() {
        let padded = general_purpose::STANDARD;
        let phc = general_purpose::STANDARD_NO_PAD;
        let bcrypt = GeneralPurpose::new(&base64::alphabet::BCRYPT, general_purpose::NO_PAD);
        let bytes: Vec<u8> = (0..=255u8).rev().chain(0..=255).collect();
        for length in 0..70 {
            for start in [0, 3, 200, 300] {
                let input = &bytes[start..start + length];
                assert_eq!(PADDED.encode(input), padded.encode(input));
                assert_eq!(PHC.encode(input), phc.encode(input));
                assert_eq!(BCRYPT.encode(input), bcrypt.encode(input));
                assert_eq!(
                    decode_standard(&PADDED.encode(input)).as_deref(),
                    Some(input)
                );
                assert_eq!(decode_bcrypt(&BCRYPT.encode(input)).as_deref(), Some(input));
            }
        }
    }
}
