//! Word boundaries (Unicode Standard Annex #29), as `unicode-segmentation` finds them, with an
//! exact fast path for ASCII.
//!
//! The entity extractor needs every segment, not just words, and boundary lookup was a third
//! of its time; the analyzer needs the words ([`WordIndices`]), and `unicode_word_indices`
//! cost it a third more instructions than this scan. Most news text is ASCII throughout. An
//! ASCII text is segmented in one scan by the rules restricted to ASCII (below). UAX #29
//! always breaks before and after a line feed (rules WB3a, WB3b), so any other text is
//! segmented line by line: an ASCII line by those rules, any other line by
//! `unicode-segmentation` itself. The results are identical to `unicode-segmentation` on the
//! whole text; a property test checks it.
//!
//! The ASCII rules: letters, digits and `_` join (WB5, WB8–WB10, WB13a, WB13b); a letter
//! joins a letter across one `'`, `.` or `:` (WB6, WB7), a digit a digit across one `'`, `.`,
//! `,` or `;` (WB11, WB12); runs of spaces join (WB3d); `\r\n` is one segment;
//! everything else stands alone.
//!
//! # Example
//! ```
//! use dateline_core::segment::{split_word_bounds, words};
//!
//! let text = "U.S. forces, 1,000 strong: \u{201c}al-Abadi\u{201d}";
//! assert_eq!(words(text).map(|(_, w)| w).collect::<Vec<_>>(),
//!            ["U.S", "forces", "1,000", "strong", "al", "Abadi"]);
//! assert_eq!(split_word_bounds("a b").count(), 3);
//! ```

use unicode_segmentation::UnicodeSegmentation;

/// Every segment of `text` between word boundaries (words, spaces, punctuation), with its
/// byte offset: the same as `unicode-segmentation`'s `split_word_bound_indices`.
pub fn split_word_bounds(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    for_each_bound(text, |i, s| out.push((i, s)));
    out.into_iter()
}

/// Calls `f` on every segment of [`split_word_bounds`], in order. The extractor's tokenizer
/// takes its segments this way: no buffer, and the whole scan inlined into it.
pub(crate) fn for_each_bound<'a>(text: &'a str, f: impl FnMut(usize, &'a str)) {
    bounds::<true>(text, f);
}

/// [`for_each_bound`] without the segments that start with a space (runs of spaces): half
/// the segments of prose, which the tokenizer has nothing to do with.
pub(crate) fn for_each_bound_but_spaces<'a>(text: &'a str, f: impl FnMut(usize, &'a str)) {
    bounds::<false>(text, f);
}

#[inline]
fn bounds<'a, const SPACES: bool>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    // Most articles are ASCII throughout: one scan, no line splitting.
    if text.is_ascii() {
        ascii_bounds::<SPACES>(text, 0, &mut f);
        return;
    }
    let mut line_start = 0;
    while line_start < text.len() {
        let rest = &text[line_start..];
        let (line, newline) = match rest.find('\n') {
            Some(i) if i > 0 && rest.as_bytes()[i - 1] == b'\r' => (&rest[..i - 1], i - 1..i + 1),
            Some(i) => (&rest[..i], i..i + 1),
            None => (rest, rest.len()..rest.len()),
        };
        let base = line_start;
        if line.is_ascii() {
            ascii_bounds::<SPACES>(line, base, &mut f);
        } else {
            for (i, s) in line.split_word_bound_indices() {
                if SPACES || s.as_bytes().first() != Some(&b' ') {
                    f(base + i, s);
                }
            }
        }
        if !newline.is_empty() {
            f(base + newline.start, &rest[newline.clone()]);
        }
        line_start = base + newline.end.max(line.len());
    }
}

/// `char::is_whitespace` of an ASCII byte: `u8::is_ascii_whitespace` and the vertical tab.
///
/// ```
/// use dateline_core::segment::is_ascii_space;
///
/// for b in 0..0x80u8 {
///     assert_eq!(is_ascii_space(b), char::from(b).is_whitespace());
/// }
/// ```
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The words of ASCII `text` between runs of whitespace, as `str::split_whitespace` gives
/// them, split byte by byte.
///
/// ```
/// use dateline_core::segment::ascii_words;
///
/// let words: Vec<&[u8]> = ascii_words(b" Home\x0b page\t").collect();
/// assert_eq!(words, [&b"Home"[..], &b"page"[..]]);
/// ```
pub fn ascii_words(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|&b| is_ascii_space(b)).filter(|w| !w.is_empty())
}

/// The words of `text` (segments holding a letter or digit), with their byte offsets: the
/// same as `unicode-segmentation`'s `unicode_word_indices`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    WordIndices::new(text)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    /// `'` and `.`: between letters or between digits.
    MidBoth,
    /// `:`: between letters only.
    MidLetter,
    /// `,` and `;`: between digits only.
    MidNum,
    Space,
    /// Line feed, carriage return, vertical tab, form feed: always alone (but `\r\n` is one
    /// segment).
    Newline,
    Other,
}

const fn class_of(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b'\'' | b'.' => Class::MidBoth,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b' ' => Class::Space,
        b'\n' | b'\r' | b'\x0b' | b'\x0c' => Class::Newline,
        _ => Class::Other,
    }
}

/// [`class_of`] for every byte: one load per byte on the segmenter's hot loop.
static CLASSES: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

fn class(b: u8) -> Class {
    CLASSES[usize::from(b)]
}

fn is_wordish(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::Underscore)
}

/// Bytes set to `n` in each of a word's eight bytes.
pub(crate) const fn splat(n: u8) -> u64 {
    u64::from_ne_bytes([n; 8])
}

/// The high bit of each of eight ASCII bytes of `x` in `lo..=hi`: each byte plus `0x80 - lo`
/// has its high bit set from `lo` up, plus `0x80 - hi - 1` from past `hi`. No sum carries into
/// the next byte while every byte is ASCII (at most `0x7f + 0x80`); a byte with its high bit
/// set gives no meaningful answer, in its place or the next.
#[inline(always)]
pub(crate) const fn ascii_range8(x: u64, lo: u8, hi: u8) -> u64 {
    x.wrapping_add(splat(0x80 - lo)) & !x.wrapping_add(splat(0x80 - hi - 1)) & splat(0x80)
}

/// The high bit of each of eight ASCII bytes of `x` equal to `b` (same caveat as
/// [`ascii_range8`]): a byte of `x ^ b` other than zero reaches the high bit with `0x7f`.
#[inline(always)]
pub(crate) const fn ascii_eq8(x: u64, b: u8) -> u64 {
    !(x ^ splat(b)).wrapping_add(splat(0x7f)) & splat(0x80)
}

/// The high bit of each of eight ASCII bytes that is a letter, digit or `_`: a word is
/// scanned eight bytes a step, and its end found without a branch per byte. Every sum stays
/// below 0x100 in its byte (ASCII bytes are below 0x80), so no carry crosses bytes.
fn wordish8(x: u64) -> u64 {
    let letter = ascii_range8(x | splat(0x20), b'a', b'z');
    let digit = ascii_range8(x, b'0', b'9');
    letter | digit | ascii_eq8(x, b'_')
}

/// Where the run of letters, digits and `_` from `at` in ASCII `b` ends.
#[inline]
fn word_end(b: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = b.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let stops = !wordish8(u64::from_le_bytes(chunk)) & splat(0x80);
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < b.len() && is_wordish(class(b[at])) {
        at += 1;
    }
    at
}

/// Where the segment that a word byte opens, and that goes on at `end`, ends in ASCII `b`:
/// letters, digits and `_`, joined across one mid-word character (and whether any joined).
#[inline(always)]
pub(crate) fn word_segment_end(b: &[u8], mut end: usize) -> (usize, bool) {
    let mut joined = false;
    loop {
        // The common case first: the word goes on.
        end = word_end(b, end);
        if end >= b.len() {
            return (end, joined);
        }
        // A word byte stops here: it may join across one mid-word character. Most words
        // stop at a space or other byte that joins nothing: no classes to look up.
        if !matches!(b[end], b'\'' | b'.' | b':' | b',' | b';') {
            return (end, joined);
        }
        let (prev, next) = (class(b[end - 1]), class(b[end]));
        let after = b.get(end + 1).copied().map(class);
        let joins = matches!(
            (prev, next, after),
            (
                Class::Letter,
                Class::MidBoth | Class::MidLetter,
                Some(Class::Letter)
            ) | (
                Class::Digit,
                Class::MidBoth | Class::MidNum,
                Some(Class::Digit)
            )
        );
        if !joins {
            return (end, joined);
        }
        joined = true;
        end += 2;
    }
}

/// Where the run of spaces (` ` alone) from `at` in ASCII `b` ends: tables line their columns
/// up with long runs, scanned eight bytes a step.
#[inline]
pub(crate) fn spaces_end(b: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = b.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // Zero in each byte that is a space. The first other byte gets its high bit set; a
        // carry out of a byte only reaches the bytes after it.
        let x = u64::from_le_bytes(chunk) ^ splat(b' ');
        let others = (x.wrapping_add(splat(0x7f)) | x) & splat(0x80);
        if others != 0 {
            return at + (others.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < b.len() && b[at] == b' ' {
        at += 1;
    }
    at
}

/// Where the next letter, digit or `_` at or after `at` in ASCII `b` is.
#[inline]
fn next_wordish(b: &[u8], mut at: usize) -> Option<usize> {
    while let Some(chunk) = b.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let found = wordish8(u64::from_le_bytes(chunk));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    (at..b.len()).find(|&i| is_wordish(class(b[i])))
}

/// The words of a text with their byte offsets, as `unicode-segmentation`'s
/// `unicode_word_indices` gives them, pulled one at a time: the analyzer's tokenizer.
///
/// UAX #29 always breaks at a line feed, so the text is taken a line at a time: an ASCII line
/// is scanned by the ASCII rules, eight bytes a step, any other line by `unicode-segmentation`.
/// Lines are looked for only when the text is not ASCII throughout.
///
/// # Example
/// ```
/// use dateline_core::segment::WordIndices;
///
/// let words: Vec<_> = WordIndices::new("U.S. forces\n\u{201c}al-Abadi\u{201d} _ a_b").collect();
/// assert_eq!(words, [(0, "U.S"), (5, "forces"), (15, "al"), (18, "Abadi"), (29, "a_b")]);
/// ```
pub struct WordIndices<'a> {
    text: &'a str,
    /// Where the ASCII scan goes on.
    at: usize,
    /// End of the line being scanned (past its line feed, if any).
    line_end: usize,
    /// The current line when it is not ASCII, with its offset.
    unicode: Option<(usize, unicode_segmentation::UnicodeWordIndices<'a>)>,
}

impl<'a> WordIndices<'a> {
    /// The words of `text`.
    pub fn new(text: &'a str) -> Self {
        // An ASCII text is one "line": no line feeds are looked for.
        let line_end = if text.is_ascii() { text.len() } else { 0 };
        WordIndices {
            text,
            at: 0,
            line_end,
            unicode: None,
        }
    }

    /// The next word, its offset, and whether it is plain: ASCII letters, digits and `_`
    /// alone, which the analyzer only has to lower-case.
    pub(crate) fn next_word(&mut self) -> Option<(usize, &'a str, bool)> {
        loop {
            if let Some((base, words)) = &mut self.unicode {
                if let Some((i, word)) = words.next() {
                    return Some((*base + i, word, false));
                }
                self.unicode = None;
            }
            let b = &self.text.as_bytes()[..self.line_end];
            while let Some(start) = next_wordish(b, self.at) {
                let (end, joined) = word_segment_end(b, start + 1);
                self.at = end;
                // A run of `_` alone is a segment but not a word.
                if b[start] != b'_' || b[start..end].iter().any(u8::is_ascii_alphanumeric) {
                    return Some((start, &self.text[start..end], !joined));
                }
            }
            let start = self.line_end;
            if start >= self.text.len() {
                return None;
            }
            let rest = &self.text[start..];
            self.line_end = start + rest.find('\n').map_or(rest.len(), |i| i + 1);
            self.at = start;
            let line = &self.text[start..self.line_end];
            if !line.is_ascii() {
                self.unicode = Some((start, line.unicode_word_indices()));
                self.at = self.line_end;
            }
        }
    }
}

impl<'a> Iterator for WordIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        self.next_word().map(|(i, word, _)| (i, word))
    }
}

/// Segments ASCII text whose first byte is at `base` (without runs of spaces unless
/// `SPACES`).
fn ascii_bounds<'a, const SPACES: bool>(
    text: &'a str,
    base: usize,
    out: &mut impl FnMut(usize, &'a str),
) {
    let b = text.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let mut end = start + 1;
        let mut skip = 0;
        match class(b[start]) {
            Class::Space => {
                while end < b.len() && b[end] == b' ' {
                    end += 1;
                }
                if !SPACES {
                    start = end;
                    continue;
                }
            }
            Class::Newline if b[start] == b'\r' && b.get(end) == Some(&b'\n') => end += 1,
            c if is_wordish(c) => {
                end = word_segment_end(b, end).0;
                // Words of prose are a single space apart: step over it here rather than
                // through the dispatch above.
                skip = usize::from(
                    !SPACES && b.get(end) == Some(&b' ') && b.get(end + 1) != Some(&b' '),
                );
            }
            _ => {}
        }
        // One call site: the caller's closure is inlined here once.
        out(base + start, &text[start..end]);
        start = end + skip;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    #[test]
    fn news_lines_segment_as_unicode_segmentation_does() {
        for text in [
            "",
            "\n",
            "\r\n\r\n",
            "U.S. officials said on Thursday: 1,000.5 dlrs vs 3;4 o'clock a_b 9_",
            "Hammond\u{2019}s talks in \u{201c}London\u{201d}\r\nNext\tline\x0bend",
            "  lead  \n\n  trail  ",
            "caf\u{e9} na\u{ef}ve e\u{301}t\u{e9}\nplain line\n",
        ] {
            assert_eq!(
                split_word_bounds(text).collect::<Vec<_>>(),
                reference(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn eight_byte_word_test_agrees_with_the_classes() {
        for byte in 0..0x80u8 {
            for lane in 0..8 {
                let mut chunk = [b' '; 8];
                chunk[lane] = byte;
                let high = wordish8(u64::from_le_bytes(chunk)) >> (lane * 8) & 0x80 != 0;
                assert_eq!(high, is_wordish(class(byte)), "{byte:#x} in lane {lane}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn any_text_segments_as_unicode_segmentation_does(
            text in "[a-zA-Z0-9_'.:,; \\t\\r\\n\\x0b\\x0c\\-\"!?()é\u{301}\u{2019}\u{200d}\u{3000}]{0,40}"
        ) {
            prop_assert_eq!(split_word_bounds(&text).collect::<Vec<_>>(), reference(&text));
            let mut but_spaces = Vec::new();
            for_each_bound_but_spaces(&text, |i, s| but_spaces.push((i, s)));
            let expected: Vec<_> = reference(&text).into_iter().filter(|(_, s)| !s.starts_with(' ')).collect();
            prop_assert_eq!(but_spaces, expected);
            let words: Vec<_> = words(&text).collect();
            let expected: Vec<_> = text.unicode_word_indices().collect();
            prop_assert_eq!(words, expected);
        }
    }
}
