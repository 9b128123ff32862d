//! Text encodings of infrastructure code. Base64 as it is held (RFC 4648, through the `base64`
//! crate): Kubernetes `data` values, certificates pasted into Terraform, and
//! Terraform's own `base64encode`/`base64decode`.

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// Decoding that takes what people paste: padding optional, trailing bits
/// not checked.
const LENIENT: GeneralPurposeConfig = GeneralPurposeConfig::new()
    .with_decode_padding_mode(DecodePaddingMode::Indifferent)
    .with_decode_allow_trailing_bits(true);
const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, LENIENT);
const URL_SAFE_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, LENIENT);

fn without_whitespace(text: &str) -> Vec<u8> {
    text.bytes().filter(|b| !b.is_ascii_whitespace()).collect()
}

/// Standard-alphabet base64 with ASCII whitespace (line breaks of PEM bodies
/// and YAML block scalars) ignored and padding optional; `None` for any other
/// character, data after padding or a dangling character.
#[must_use]
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    STANDARD_LENIENT.decode(without_whitespace(text)).ok()
}

/// Like [`base64_decode`], in the standard or the URL-safe alphabet.
#[must_use]
pub fn base64_decode_any_alphabet(text: &str) -> Option<Vec<u8>> {
    let clean = without_whitespace(text);
    STANDARD_LENIENT
        .decode(&clean)
        .or_else(|_| URL_SAFE_LENIENT.decode(&clean))
        .ok()
}

/// Strict standard base64 with padding, line breaks ignored (Go's decoder,
/// which Terraform's `base64decode` uses).
#[must_use]
pub fn base64_decode_padded(text: &str) -> Option<Vec<u8>> {
    let clean: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b'\r' | b'\n'))
        .collect();
    base64::engine::general_purpose::STANDARD.decode(clean).ok()
}

/// Standard base64 with padding.
#[must_use]
pub fn base64_encode(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_and_without_padding() {
        for len in 0..40 {
            let data: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64_encode(&data);
            assert_eq!(base64_decode(&text), Some(data.clone()), "{len}");
            assert_eq!(base64_decode_padded(&text), Some(data.clone()), "{len}");
            let unpadded = text.trim_end_matches('=');
            assert_eq!(base64_decode(unpadded), Some(data), "{len} unpadded");
        }
    }

    #[test]
    fn what_is_accepted() {
        assert_eq!(base64_decode("QQ==\n"), Some(b"A".to_vec()));
        assert_eq!(base64_decode("cGFz\n c3dvcmQ="), Some(b"password".to_vec()));
        assert_eq!(base64_decode("Q"), None);
        assert_eq!(base64_decode("QQ==QQ=="), None);
        assert_eq!(base64_decode("QQ-_"), None);
        assert_eq!(base64_decode_any_alphabet("-_8"), Some(vec![0xfb, 0xff]));
        assert_eq!(base64_decode_padded("QQ"), None);
        assert_eq!(base64_decode_padded("QQ==\r\n"), Some(b"A".to_vec()));
        assert_eq!(base64_encode("☃".as_bytes()), "4piD");
    }
}
