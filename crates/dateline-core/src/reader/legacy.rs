//! Text that is not UTF-8, decoded instead of skipped.
//!
//! Scraped files come in legacy encodings (Windows-1252, ISO-8859-2, Windows-1251, Shift_JIS,
//! GBK, ...) or as UTF-8 with a stray byte of one: BBC News `sport/199.txt` is UTF-8 but for
//! one Latin-1 `£`. Skipping such a file would lose an article for a byte, so its text is
//! decoded, and the article records that it was ([`Transcoded`]) for the ingest to warn about:
//!
//! - Bytes with more of them in multi-byte UTF-8 characters than not UTF-8 are UTF-8 with stray
//!   bytes: the UTF-8 is kept and each other byte is read as Windows-1252 (the WHATWG fallback
//!   for unlabelled Western text, and ISO-8859-1's printable characters), so `\xA3` is `£`.
//! - Otherwise (ASCII and bytes that are not UTF-8, with at most a few valid UTF-8 sequences
//!   by chance), the encoding is guessed from all the bytes by [`chardetng`], Firefox's
//!   detector, and decoded with [`encoding_rs`]; with fewer than 16 bytes outside ASCII (a
//!   `£` or an accented name in English text) there is too little to guess from, and
//!   Windows-1252 is taken.
//!
//! # Example
//! ```
//! use dateline_core::reader::legacy::decode;
//!
//! let (text, transcoded) = decode(b"Title\n\nPrice \xA3400 in caf\xE9s.\n");
//! assert_eq!(text, "Title\n\nPrice £400 in cafés.\n");
//! let transcoded = transcoded.unwrap();
//! assert_eq!(transcoded.encoding, "windows-1252");
//! assert_eq!((transcoded.line, transcoded.byte), (3, 13));
//!
//! let (text, transcoded) = decode("Plain UTF-8: £400".as_bytes());
//! assert_eq!((text.as_ref(), transcoded), ("Plain UTF-8: £400", None));
//! ```

use std::borrow::Cow;

use encoding_rs::{Encoding, WINDOWS_1252};

use crate::article::Transcoded;

/// `bytes` as text: borrowed when they are UTF-8, else decoded as the module describes, with
/// where the first byte that is not UTF-8 is (its line, 1-based, and offset in `bytes`).
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<Transcoded>) {
    let first_bad = match std::str::from_utf8(bytes) {
        Ok(text) => return (Cow::Borrowed(text), None),
        Err(e) => e.valid_up_to(),
    };
    let line = bytes[..first_bad].iter().filter(|&&b| b == b'\n').count() + 1;
    let (text, encoding) = if mostly_utf8(bytes) {
        (utf8_with_stray_bytes(bytes), WINDOWS_1252.name())
    } else {
        let encoding = guess(bytes);
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        (text.into_owned(), encoding.name())
    };
    let transcoded = Transcoded {
        encoding: encoding.to_string(),
        line,
        byte: first_bad as u64,
    };
    (Cow::Owned(text), Some(transcoded))
}

/// Bytes outside ASCII below which the detector is not asked: a few bytes are too little
/// evidence (it takes BBC News' one `£`, `\xA3`, for the `Ł` of Windows-1250), and English
/// text with a pound sign or an accented name is the common case.
const MIN_EVIDENCE: usize = 16;

/// The encoding of `bytes`, text that is not UTF-8: Windows-1252 for a few bytes outside
/// ASCII ([`MIN_EVIDENCE`]), else what `chardetng` guesses.
fn guess(bytes: &[u8]) -> &'static Encoding {
    if bytes
        .iter()
        .filter(|b| !b.is_ascii())
        .nth(MIN_EVIDENCE)
        .is_none()
    {
        return WINDOWS_1252;
    }
    // ISO-2022-JP is 7-bit: text in it is ASCII, so UTF-8, and never comes here.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Whether `bytes` are mostly UTF-8: more of their bytes are in multi-byte UTF-8 characters
/// than are not UTF-8. Text in a legacy multi-byte encoding (Shift_JIS, GBK) forms valid UTF-8
/// sequences here and there by chance, but most of its bytes are not.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > invalid
}

/// The UTF-8 of `bytes` as it is, and each byte that is not UTF-8 as Windows-1252.
fn utf8_with_stray_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 16);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            // Windows-1252 maps every byte to one character.
            let (c, _) = WINDOWS_1252.decode_without_bom_handling(std::slice::from_ref(&b));
            out.push_str(&c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{SHIFT_JIS, WINDOWS_1250, WINDOWS_1251};

    #[test]
    fn utf8_with_a_stray_latin1_byte_keeps_its_utf8() {
        let mut bytes = "Café — ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xA315m");
        let (text, transcoded) = decode(&bytes);
        assert_eq!(text, "Café — £15m");
        let t = transcoded.expect("transcoded");
        assert_eq!(
            (t.encoding.as_str(), t.line, t.byte),
            ("windows-1252", 1, 10)
        );
    }

    #[test]
    fn a_legacy_file_is_read_in_the_encoding_its_bytes_show() {
        let texts: [(&'static Encoding, &str); 4] = [
            (
                WINDOWS_1251,
                "Министр иностранных дел России заявил в Москве, что переговоры \
                 продолжатся на следующей неделе.\n",
            ),
            (
                SHIFT_JIS,
                "東京で首相が記者会見を開き、経済対策について説明した。\n",
            ),
            (
                WINDOWS_1250,
                "Prezydent Lech Wałęsa powiedział, że rząd przyjął ustawę o źródłach \
                 energii, a posłowie będą głosować w przyszłym tygodniu.\n",
            ),
            (
                WINDOWS_1252,
                "Le président a rencontré les élèves à l'école.\n",
            ),
        ];
        for (encoding, text) in texts {
            let (bytes, _, _) = encoding.encode(text);
            let (decoded, t) = decode(&bytes);
            assert_eq!(decoded, text);
            assert_eq!(t.expect("transcoded").encoding, encoding.name());
        }
        // Where: the `é` of `président`.
        let (bytes, _, _) = WINDOWS_1252.encode(texts[3].1);
        let t = decode(&bytes).1.expect("transcoded");
        assert_eq!((t.line, t.byte), (1, 5));
    }
}
