//! Bytes to text: UTF-8 when it is, else the declared or detected encoding, with a warning.
//!
//! Arabic sites still serve Windows-1256; files also come with a damaged UTF-8 byte here and
//! there. Neither stops a document: the first is decoded with the encoding `chardetng` guesses,
//! the second with U+FFFD for the bad bytes, and both leave a warning saying so.
use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// Decoded text and what was done to get it.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Set when the input was not clean UTF-8.
    pub warning: Option<String>,
}

/// Decode `bytes`: a byte-order mark wins, then valid UTF-8, then a `declared` encoding, then
/// mostly-valid UTF-8 (bad bytes replaced), then the encoding chardetng guesses.
pub(crate) fn decode<'a>(mut bytes: &'a [u8], declared: Option<&'static Encoding>) -> Decoded<'a> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or_default();
        if enc != UTF_8 {
            let (text, bad) = enc.decode_without_bom_handling(rest);
            let warning = Some(format!(
                "decoded from {} (byte-order mark){}",
                enc.name(),
                unmappable(bad)
            ));
            return Decoded { text, warning };
        }
        bytes = rest;
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(s),
            warning: None,
        };
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_8) {
        let (text, bad) = enc.decode_without_bom_handling(bytes);
        let warning = bad.then(|| {
            format!(
                "decoded from {}, as declared{}",
                enc.name(),
                unmappable(bad)
            )
        });
        return Decoded { text, warning };
    }
    let (valid_non_ascii, invalid) = utf8_counts(bytes);
    if valid_non_ascii >= 4 * invalid {
        let text = String::from_utf8_lossy(bytes);
        let warning = Some(format!(
            "invalid UTF-8: {invalid} bad byte sequence(s) replaced by U+FFFD"
        ));
        return Decoded { text, warning };
    }
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, Utf8Detection::Deny);
    let (text, bad) = enc.decode_without_bom_handling(bytes);
    let warning = Some(format!(
        "not UTF-8: decoded as {} (detected){}",
        enc.name(),
        unmappable(bad)
    ));
    Decoded { text, warning }
}

fn unmappable(bad: bool) -> &'static str {
    if bad {
        ", some bytes unmappable"
    } else {
        ""
    }
}

/// Valid non-ASCII characters and invalid sequences in UTF-8 bytes.
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (valid, invalid)
}

/// The encoding an HTML page declares in its first bytes (`<meta charset=…>` or
/// `content="text/html; charset=…"`), if any.
pub(crate) fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = head.get(..head.len().min(4096)).unwrap_or(head);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let needle = b"charset=";
    let pos = lower.windows(needle.len()).position(|w| w == needle)?;
    let rest = lower.get(pos + needle.len()..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(rest.get(..end)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1256;

    const ARABIC: &str = "قالت مصادر محلية إن قذيفة سقطت على سوق شعبية في المدينة صباح اليوم";

    #[test]
    fn utf8_passes_through_borrowed() {
        let d = decode(ARABIC.as_bytes(), None);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert!(d.warning.is_none());
    }

    #[test]
    fn bom_is_dropped() {
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(ARABIC.as_bytes());
        let d = decode(&b, None);
        assert_eq!(d.text, ARABIC);
        assert!(d.warning.is_none());
    }

    #[test]
    fn windows_1256_is_detected() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        let d = decode(&bytes, None);
        assert_eq!(d.text, ARABIC);
        assert!(d.warning.unwrap().contains("windows-1256"));
    }

    #[test]
    fn declared_encoding_is_used() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        let d = decode(&bytes, Some(WINDOWS_1256));
        assert_eq!(d.text, ARABIC);
        assert!(d.warning.is_none());
    }

    #[test]
    fn damaged_utf8_keeps_the_rest() {
        let mut b = ARABIC.as_bytes().to_vec();
        b.insert(10, 0xFF);
        let d = decode(&b, None);
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.text.contains("محلية"));
        assert!(d.warning.unwrap().contains("invalid UTF-8"));
    }

    #[test]
    fn charset_declarations() {
        let h = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">"#;
        assert_eq!(declared_charset(h), Some(WINDOWS_1256));
        assert_eq!(declared_charset(br#"<meta charset="UTF-8"/>"#), Some(UTF_8));
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
    }
}
