//! Boilerplate learned from a corpus: lines that repeat across many files of one folder or
//! site (menus, footers, share buttons, cookie notices) are not article text.
//!
//! A [`BoilerplateModel`] is built from a set of raw text files (usually every raw file of one
//! folder) before they are read, then given to [`raw::parse_with`](super::raw::parse_with).
//! Each file counts a line once. A line is boilerplate when it is at most
//! [`MAX_WORDS`] words long and occurs in at least [`BoilerplateModel::threshold`] files:
//! 3 files, and at least 2% of the files, so two copies of one article never make each other
//! boilerplate.
//!
//! # Example
//! ```
//! use dateline_core::reader::boilerplate::BoilerplateModel;
//!
//! let mut model = BoilerplateModel::new();
//! for story in ["first", "second", "third"] {
//!     model.add_text(&format!("Home\nWorld\nSports\n\nThe {story} story is told here.\n"));
//! }
//! assert!(model.is_boilerplate("World"));
//! assert!(!model.is_boilerplate("The first story is told here."));
//! ```

use rustc_hash::FxHashMap as HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Longest line (in words) that can be learned as boilerplate.
pub const MAX_WORDS: usize = 40;
/// Longest line (in bytes) that is counted at all.
const MAX_LINE_BYTES: usize = 400;

/// Lines seen in a set of files, with the number of files each occurs in.
#[derive(Clone, Debug, Default)]
pub struct BoilerplateModel {
    /// Line hash → (files containing it, last file counted).
    counts: HashMap<u64, (u32, u32)>,
    files: u32,
}

impl BoilerplateModel {
    /// An empty model (which finds no boilerplate).
    pub fn new() -> Self {
        BoilerplateModel::default()
    }

    /// Counts the lines of one file's text (each distinct line once).
    pub fn add_text(&mut self, text: &str) {
        self.files += 1;
        let file = self.files;
        for line in text.lines() {
            let Some(key) = line_key(line) else {
                continue;
            };
            let entry = self.counts.entry(key).or_insert((0, 0));
            if entry.1 != file {
                entry.0 += 1;
                entry.1 = file;
            }
        }
    }

    /// Counts the lines of one file's raw bytes. Ignored unless the file is read as raw text:
    /// UTF-8 without NUL bytes, or UTF-16 with a byte order mark, and not an HTML page
    /// (which [`read_file`](super::read_file) reads as HTML).
    pub fn add_bytes(&mut self, bytes: &[u8]) {
        if super::html::starts_as_page(bytes) {
            return;
        }
        if let Some(text) = super::utf16::decode(bytes, u64::MAX) {
            if let Ok(text) = text {
                self.add_text(&text);
            }
            return;
        }
        if bytes.contains(&0) {
            return;
        }
        if let Ok(text) = std::str::from_utf8(bytes) {
            self.add_text(text);
        }
    }

    /// Files counted so far.
    pub fn files(&self) -> usize {
        self.files as usize
    }

    /// In how many files a line must occur to be boilerplate: at least 3 and at least 2% of
    /// the files.
    pub fn threshold(&self) -> u32 {
        3.max(self.files.div_ceil(50))
    }

    /// In how many files `line` occurs (0 for lines that are never counted).
    pub fn count(&self, line: &str) -> u32 {
        line_key(line)
            .and_then(|k| self.counts.get(&k))
            .map_or(0, |&(n, _)| n)
    }

    /// Whether `line` is boilerplate: short enough, and in enough files.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.files >= 3 && self.count(line) >= self.threshold()
    }
}

/// The hash of a line's normalised form (whitespace collapsed, lower case), or `None` for
/// blank, very long or many-word lines.
fn line_key(line: &str) -> Option<u64> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_LINE_BYTES {
        return None;
    }
    // Every line of every raw file is hashed twice (learning, then reading): the normalised
    // line is built on the stack and hashed once. Lower-casing at most doubles a character's
    // bytes and each word adds one space, so four times the longest line always fits.
    let mut buf = [0u8; 4 * MAX_LINE_BYTES];
    let mut n = 0;
    if line.is_ascii() {
        // Byte by byte, with no char decoding.
        for (words, w) in crate::segment::ascii_words(line.as_bytes()).enumerate() {
            if words == MAX_WORDS {
                return None;
            }
            let out = buf.get_mut(n..n + w.len())?;
            for (to, from) in out.iter_mut().zip(w) {
                *to = from.to_ascii_lowercase();
            }
            n += w.len();
            *buf.get_mut(n)? = b' ';
            n += 1;
        }
        return Some(xxh3_64(&buf[..n]));
    }
    for (words, w) in line.split_whitespace().enumerate() {
        if words == MAX_WORDS {
            return None;
        }
        if w.is_ascii() {
            let out = buf.get_mut(n..n + w.len())?;
            out.copy_from_slice(w.as_bytes());
            out.make_ascii_lowercase();
            n += w.len();
        } else {
            for c in w.chars().flat_map(char::to_lowercase) {
                n += c.encode_utf8(buf.get_mut(n..n + 4)?).len();
            }
        }
        *buf.get_mut(n)? = b' ';
        n += 1;
    }
    Some(xxh3_64(&buf[..n]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_alike_whatever_their_case_and_spacing() {
        let mut model = BoilerplateModel::new();
        for line in [
            "Home  Page",
            "home page",
            "  HOME\tPAGE ",
            "ÉDITION Générale",
        ] {
            model.add_text(line);
        }
        assert_eq!(model.count("home page"), 3);
        assert_eq!(model.count("édition générale"), 1);
        assert_eq!(model.count("home pages"), 0);
        assert_eq!(model.count("homepage"), 0);
    }

    #[test]
    fn long_lines_and_many_word_lines_are_never_counted() {
        let mut model = BoilerplateModel::new();
        let many = vec!["w"; MAX_WORDS + 1].join(" ");
        let most = vec!["w"; MAX_WORDS].join(" ");
        let long = "x".repeat(MAX_LINE_BYTES + 1);
        for _ in 0..3 {
            model.add_text(&format!("{many}\n{most}\n{long}\n"));
        }
        assert_eq!(model.count(&many), 0);
        assert_eq!(model.count(&most), 3);
        assert_eq!(model.count(&long), 0);
    }
}
