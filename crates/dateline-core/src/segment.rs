//! Word boundaries (Unicode Standard Annex #29), as `unicode-segmentation` finds them, with an
//! exact fast path for ASCII.
//!
//! The entity extractor needs every segment, not just words, and boundary lookup was a third
//! of its time; most news text is ASCII throughout. (The analyzer keeps
//! `unicode_word_indices`, which has an ASCII fast path of its own and measured faster.) An
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

/// The words of `text` (segments holding a letter or digit), with their byte offsets: the
/// same as `unicode-segmentation`'s `unicode_word_indices`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    split_word_bounds(text).filter(|(_, s)| s.chars().any(char::is_alphanumeric))
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
const fn splat(n: u8) -> u64 {
    u64::from_ne_bytes([n; 8])
}

/// The high bit of each of eight ASCII bytes that is a letter, digit or `_`: a word is
/// scanned eight bytes a step, and its end found without a branch per byte. Every sum stays
/// below 0x100 in its byte (ASCII bytes are below 0x80), so no carry crosses bytes.
fn wordish8(x: u64) -> u64 {
    let lower = x | splat(0x20);
    let letter =
        lower.wrapping_add(splat(0x80 - b'a')) & !lower.wrapping_add(splat(0x80 - b'z' - 1));
    let digit = x.wrapping_add(splat(0x80 - b'0')) & !x.wrapping_add(splat(0x80 - b'9' - 1));
    let underscore = !(x ^ splat(b'_')).wrapping_add(splat(0x7f));
    (letter | digit | underscore) & splat(0x80)
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
                loop {
                    // The common case first: the word goes on.
                    end = word_end(b, end);
                    if end >= b.len() {
                        break;
                    }
                    // A word byte stops here: it may join across one mid-word character.
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
                        break;
                    }
                    end += 2;
                }
            }
            _ => {}
        }
        out(base + start, &text[start..end]);
        start = end;
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
