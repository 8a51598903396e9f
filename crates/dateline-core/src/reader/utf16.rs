//! UTF-16 text with a byte order mark, decoded to UTF-8.
//!
//! Windows tools save "Unicode" text as UTF-16 with a byte order mark (`FF FE` little-endian,
//! `FE FF` big-endian); read as bytes, its zero high bytes look like binary content. Only text
//! that starts with a mark is decoded: without one, UTF-16 cannot be told from binary data
//! cheaply, and such files stay binary.
//!
//! Errors count bytes of the UTF-16 input (from the start of the decompressed file, the mark
//! included): an unpaired surrogate or a lone last byte is [`ReadError::InvalidUtf16`]; a NUL
//! character where the UTF-8 reading of the same format would call the file binary is
//! [`ReadError::Binary`].

use std::io::{self, Read};

use crate::reader::ReadError;

/// The order of the two bytes of a UTF-16 code unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ByteOrder {
    Little,
    Big,
}

impl ByteOrder {
    fn unit(self, pair: [u8; 2]) -> u16 {
        match self {
            ByteOrder::Little => u16::from_le_bytes(pair),
            ByteOrder::Big => u16::from_be_bytes(pair),
        }
    }
}

/// The byte order that `bytes` declares with a UTF-16 byte order mark, if they start with one.
pub(crate) fn byte_order(bytes: &[u8]) -> Option<ByteOrder> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(ByteOrder::Little),
        [0xFE, 0xFF, ..] => Some(ByteOrder::Big),
        _ => None,
    }
}

/// The text of `bytes` when they are UTF-16 with a byte order mark (the mark is dropped);
/// `None` when they do not start with a mark. A NUL character within the first `nul_within`
/// bytes is [`ReadError::Binary`]; later ones are kept.
pub(crate) fn decode(bytes: &[u8], nul_within: u64) -> Option<Result<String, ReadError>> {
    let order = byte_order(bytes)?;
    let mut text = String::with_capacity(bytes.len());
    Some(decode_units(bytes, order, 0, nul_within, true, &mut text).map(|_| text))
}

/// The start of `bytes` as text, for sniffing: UTF-16 with a byte order mark is decoded (an
/// invalid code unit becomes U+FFFD, since a cut surrogate pair at the end is no error here),
/// anything else is read as UTF-8 the same way. The mark is dropped.
pub(crate) fn head_text(bytes: &[u8]) -> String {
    match byte_order(bytes) {
        Some(order) => char::decode_utf16(
            bytes[2..]
                .chunks_exact(2)
                .map(|pair| order.unit([pair[0], pair[1]])),
        )
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect(),
        None => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Decodes the code units of `input` (which starts at byte `offset` of the stream) onto `out`
/// and returns how many bytes it decoded. Unless `at_end`, a last odd byte or high surrogate
/// is left undecoded: the rest of its character comes with the next read. On an error, `out`
/// holds the text before it.
fn decode_units(
    input: &[u8],
    order: ByteOrder,
    offset: u64,
    nul_within: u64,
    at_end: bool,
    out: &mut String,
) -> Result<usize, ReadError> {
    let unit_at = |i: usize| order.unit([input[2 * i], input[2 * i + 1]]);
    let mut units = input.len() / 2;
    if !at_end && units > 0 && (0xD800..0xDC00).contains(&unit_at(units - 1)) {
        units -= 1;
    }
    let mut at = offset;
    for c in char::decode_utf16((0..units).map(unit_at)) {
        let c = c.map_err(|_| ReadError::InvalidUtf16 {
            byte_offset: at,
            problem: "unpaired surrogate",
        })?;
        if c == '\0' && at < nul_within {
            return Err(ReadError::Binary { offset: at });
        }
        if !(at == 0 && c == '\u{FEFF}') {
            out.push(c);
        }
        at += 2 * c.len_utf16() as u64;
    }
    if at_end && input.len() % 2 == 1 {
        return Err(ReadError::InvalidUtf16 {
            byte_offset: at,
            problem: "odd number of bytes",
        });
    }
    Ok(2 * units)
}

/// How many bytes are read from the inner reader at a time.
const CHUNK: usize = 32 * 1024;

/// Reads UTF-16 text (byte order mark included) from `inner` and gives it as UTF-8 without
/// the mark. Decoding errors are [`io::Error`]s wrapping the [`ReadError`], which
/// `ReadError::from` unwraps again.
pub(crate) struct Utf16Reader<R> {
    inner: R,
    order: ByteOrder,
    nul_within: u64,
    /// Bytes read but not decoded yet (half a character at most, between reads).
    input: Vec<u8>,
    /// Stream offset of `input[0]`.
    offset: u64,
    /// Decoded text not handed out yet, from `out_pos`.
    out: String,
    out_pos: usize,
    /// A decoding error, reported once the text decoded before it is handed out.
    error: Option<ReadError>,
    done: bool,
}

impl<R: Read> Utf16Reader<R> {
    /// A reader decoding `inner`, which must start with a byte order mark for `order`. NUL
    /// characters within the first `nul_within` bytes are [`ReadError::Binary`].
    pub(crate) fn new(inner: R, order: ByteOrder, nul_within: u64) -> Self {
        Utf16Reader {
            inner,
            order,
            nul_within,
            input: Vec::new(),
            offset: 0,
            out: String::new(),
            out_pos: 0,
            error: None,
            done: false,
        }
    }

    /// Reads and decodes the next chunk; at the end of the input, sets `done`.
    fn fill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.out_pos = 0;
        let kept = self.input.len();
        self.input.resize(kept + CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.input[kept..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.input.truncate(kept);
                    return Err(e);
                }
            }
        };
        self.input.truncate(kept + n);
        let at_end = n == 0;
        let decoded = decode_units(
            &self.input,
            self.order,
            self.offset,
            self.nul_within,
            at_end,
            &mut self.out,
        );
        match decoded {
            Ok(used) => {
                self.input.drain(..used);
                self.offset += used as u64;
                self.done = at_end;
                Ok(())
            }
            Err(e) => {
                // The stream cannot be resynchronised reliably after a bad code unit.
                self.error = Some(e);
                self.done = true;
                Ok(())
            }
        }
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos == self.out.len() {
            if let Some(e) = self.error.take() {
                return Err(io::Error::new(io::ErrorKind::InvalidData, e));
            }
            if self.done || buf.is_empty() {
                return Ok(0);
            }
            self.fill()?;
        }
        let pending = &self.out.as_bytes()[self.out_pos..];
        let n = pending.len().min(buf.len());
        buf[..n].copy_from_slice(&pending[..n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn streaming_in_one_byte_reads_splits_no_surrogate_pair() {
        let text = "Ca va 😀 \u{feff}ok";
        let bytes = utf16le(text);
        // One byte per inner read: every character, and the pair of 😀, straddles reads.
        struct OneByte<'a>(&'a [u8]);
        impl Read for OneByte<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let Some((&b, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                if buf.is_empty() {
                    return Ok(0);
                }
                buf[0] = b;
                self.0 = rest;
                Ok(1)
            }
        }
        let mut out = String::new();
        Utf16Reader::new(OneByte(&bytes), ByteOrder::Little, u64::MAX)
            .read_to_string(&mut out)
            .expect("decodes");
        assert_eq!(out, text, "only the leading mark is dropped");
    }

    #[test]
    fn a_lone_low_surrogate_is_an_error_at_its_byte() {
        let mut bytes = utf16le("ab");
        bytes.extend([0x00, 0xDC, b'c', 0]);
        let err = decode(&bytes, u64::MAX).expect("a mark").unwrap_err();
        assert!(
            matches!(err, ReadError::InvalidUtf16 { byte_offset: 6, .. }),
            "{err:?}"
        );
    }
}
