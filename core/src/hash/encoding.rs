//! The Base64 dialects of the formats: PHC (unpadded standard), bcrypt's own alphabet, and the
//! padded standard Base64 of Elasticsearch and password4j. Decoding is lenient about padding
//! and trailing bits, as the servers' decoders are; comparisons are made on bytes.

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

const LENIENT: GeneralPurposeConfig = GeneralPurposeConfig::new()
    .with_decode_allow_trailing_bits(true)
    .with_decode_padding_mode(DecodePaddingMode::Indifferent);

pub(crate) const PHC: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_encode_padding(false),
);
pub(crate) const BCRYPT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::BCRYPT,
    GeneralPurposeConfig::new().with_encode_padding(false),
);
pub(crate) const PADDED: GeneralPurpose = base64::engine::general_purpose::STANDARD;

const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, LENIENT);
const BCRYPT_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::BCRYPT, LENIENT);

pub(crate) fn decode_standard(text: &str) -> Option<Vec<u8>> {
    STANDARD_LENIENT.decode(text).ok()
}

pub(crate) fn decode_bcrypt(text: &str) -> Option<Vec<u8>> {
    BCRYPT_LENIENT.decode(text).ok()
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
