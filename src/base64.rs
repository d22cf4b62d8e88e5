//! Base64 (RFC 4648), in the two alphabets the project writes: the standard one with padding
//! (mail headers' encoded words) and the URL-safe one without (code carried in a link), and the
//! URL-safe reading.

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn encode_with(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(alphabet[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

/// Standard base64 with padding (`+`, `/`, `=`).
pub fn encode(bytes: &[u8]) -> String {
    encode_with(bytes, STANDARD, true)
}

/// URL-safe base64 without padding (`-`, `_`): Python's `base64.urlsafe_b64encode` with the
/// `=` stripped.
pub fn encode_url_safe(bytes: &[u8]) -> String {
    encode_with(bytes, URL_SAFE, false)
}

/// Reads URL-safe base64, with or without padding; `None` for any other character, or a
/// length no encoding gives.
pub fn decode_url_safe(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0u32);
    for byte in text.bytes() {
        let value = URL_SAFE.iter().position(|&c| c == byte)? as u32;
        bits = bits << 6 | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_rfc_4648_does() {
        // RFC 4648, section 10.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(
                encode_url_safe(plain.as_bytes()),
                coded.trim_end_matches('=')
            );
            assert_eq!(decode_url_safe(coded).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn the_url_safe_alphabet_round_trips_every_byte() {
        let bytes: Vec<u8> = (0..=255).collect();
        let coded = encode_url_safe(&bytes);
        assert!(!coded.contains(['+', '/', '=']));
        assert_eq!(decode_url_safe(&coded).unwrap(), bytes);
    }

    #[test]
    fn anything_else_is_refused() {
        assert_eq!(decode_url_safe("Zm9v+"), None);
        assert_eq!(decode_url_safe("Z"), None);
        assert_eq!(decode_url_safe("Zm 9v"), None);
    }
}
