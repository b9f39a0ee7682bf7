//! The Base64 dialects of the formats, by the base64 crate: PHC (unpadded standard), bcrypt's own
//! alphabet, and the padded standard Base64 of Elasticsearch and password4j. Decoding is lenient
//! about padding and trailing bits, as the servers' decoders are; comparisons are made on bytes.

use base64::Engine;
use base64::alphabet;
use base64::engine::{
    Config, DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig, general_purpose,
};
use zeroize::Zeroizing;

/// One dialect's encoder.
#[derive(Debug)]
pub(crate) struct Base64(GeneralPurpose);

pub(crate) const PHC: Base64 = Base64(general_purpose::STANDARD_NO_PAD);
pub(crate) const BCRYPT: Base64 = Base64(GeneralPurpose::new(
    &alphabet::BCRYPT,
    general_purpose::NO_PAD,
));
pub(crate) const PADDED: Base64 = Base64(general_purpose::STANDARD);

/// Padding optional, unused trailing bits ignored.
const LENIENT: GeneralPurposeConfig = GeneralPurposeConfig::new()
    .with_decode_allow_trailing_bits(true)
    .with_decode_padding_mode(DecodePaddingMode::Indifferent);

impl Base64 {
    pub(crate) fn encode(&self, bytes: impl AsRef<[u8]>) -> String {
        self.0.encode(bytes)
    }

    /// Appends to `out`, which may be a secret's buffer: the only other copy, a buffer of our
    /// own, is wiped (the crate's `encode_string` would go through a stack buffer it leaves).
    pub(crate) fn encode_to(&self, bytes: &[u8], out: &mut String) {
        let length =
            base64::encoded_len(bytes.len(), self.0.config().encode_padding()).unwrap_or(0);
        let mut encoded = Zeroizing::new(vec![0; length]);
        if let Ok(written) = self.0.encode_slice(bytes, &mut encoded) {
            out.extend(encoded[..written].iter().map(|&b| char::from(b)));
        }
    }
}

pub(crate) fn decode_standard(text: &str) -> Option<Vec<u8>> {
    GeneralPurpose::new(&alphabet::STANDARD, LENIENT)
        .decode(text)
        .ok()
}

pub(crate) fn decode_bcrypt(text: &str) -> Option<Vec<u8>> {
    GeneralPurpose::new(&alphabet::BCRYPT, LENIENT)
        .decode(text)
        .ok()
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
