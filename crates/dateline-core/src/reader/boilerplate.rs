//! Boilerplate learned from a corpus: lines that repeat across many files of one folder or
//! site (menus, footers, share buttons, cookie notices) are not article text.
//!
//! A [`BoilerplateModel`] is built from a set of raw text files (usually every raw file of one
//! folder) before they are read, then given to [`raw::parse_with`](super::raw::parse_with).
//! A line is boilerplate when it is at most [`MAX_WORDS`] words long and occurs in at least
//! [`BoilerplateModel::threshold`] *stories* of the set: 3, and at least 2% of the files.
//!
//! A story is a file together with the later files that repeat most of its prose: saved
//! versions of one article (an update paragraph added each time), syndicated or duplicate
//! copies. A file more than half of whose prose (sentences of several words, and long lines;
//! by length) lies in the files of one earlier story joins that story; any other file starts a
//! story of its own. A story counts each of its lines once, so the paragraphs the versions
//! of an article share are never boilerplate however many versions a folder holds. The
//! pages of a site, whose articles differ, are different stories, and their menus, footers
//! and cookie notices are counted page by page; a page whose prose is mostly such notices may
//! join another page's story, which only makes its lines count once less.
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
//!
//! // Three versions of one story are one story: none of their lines is boilerplate.
//! let mut versions = BoilerplateModel::new();
//! for update in 1..=3 {
//!     versions.add_text(&format!(
//!         "Home\n\nThe talks opened in London today.\n\nUpdate {update}: more delegates came.\n"
//!     ));
//! }
//! assert_eq!((versions.files(), versions.stories()), (3, 1));
//! assert!(!versions.is_boilerplate("The talks opened in London today."));
//! assert!(!versions.is_boilerplate("Home"));
//! ```

use rustc_hash::FxHashMap as HashMap;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use super::page::is_prose;

/// Longest line (in words) that can be learned as boilerplate.
pub const MAX_WORDS: usize = 40;
/// Longest line (in bytes) that can be learned as boilerplate.
const MAX_LINE_BYTES: usize = 400;
/// Hash seed of the prose lines too long to be boilerplate, which are kept only to recognise
/// the versions of a story.
const LONG_LINE_SEED: u64 = 0x6c6f_6e67_6c69_6e65;

/// Lines seen in a set of files, with the number of files and of stories each occurs in.
#[derive(Clone, Debug, Default)]
pub struct BoilerplateModel {
    /// Line hash → where the line was seen.
    lines: HashMap<u64, Seen>,
    files: u32,
    stories: u32,
}

/// Where a line was seen. Stories are numbered from 1.
#[derive(Clone, Copy, Debug, Default)]
struct Seen {
    files: u32,
    stories: u32,
    /// The first story and the latest other one: a line counts again only in a story that is
    /// neither, so that a line of two stories whose files alternate counts twice, not once
    /// per file. (A line of three or more stories may count again when a file of a middle one
    /// comes back; such a line is already common.)
    first: u32,
    last: u32,
}

impl BoilerplateModel {
    /// An empty model (which finds no boilerplate).
    pub fn new() -> Self {
        BoilerplateModel::default()
    }

    /// Counts the lines of one file's text: each distinct line once for the file, and once
    /// for its story unless an earlier file of the story (see the
    /// [module documentation](self)) counted it.
    pub fn add_text(&mut self, text: &str) {
        self.files += 1;
        // Each distinct line, with its length in bytes if it is prose (0 otherwise).
        let mut lines: Vec<(u64, usize)> = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let prose = if is_prose(line) { line.len() } else { 0 };
            let key = match line_key(line) {
                Some(key) => key,
                None if prose > 0 => xxh3_64_with_seed(line.as_bytes(), LONG_LINE_SEED),
                None => continue,
            };
            lines.push((key, prose));
        }
        lines.sort_unstable_by_key(|&(key, _)| key);
        lines.dedup_by_key(|&mut (key, _)| key);
        let story = self.story_of(&lines).unwrap_or_else(|| {
            self.stories += 1;
            self.stories
        });
        for (key, _) in lines {
            let seen = self.lines.entry(key).or_default();
            seen.files += 1;
            if seen.first != story && seen.last != story {
                seen.stories += 1;
                if seen.first == 0 {
                    seen.first = story;
                }
                seen.last = story;
            }
        }
    }

    /// The earlier story holding more than half of the prose of a file's `lines`.
    fn story_of(&self, lines: &[(u64, usize)]) -> Option<u32> {
        let prose = lines.iter().filter(|&&(_, len)| len > 0);
        let total: usize = prose.clone().map(|&(_, len)| len).sum();
        let mut found: Vec<(u32, usize)> = prose
            .filter_map(|&(key, len)| self.lines.get(&key).map(|seen| (seen.last, len)))
            .collect();
        found.sort_unstable_by_key(|&(story, _)| story);
        found
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| (run[0].0, run.iter().map(|&(_, len)| len).sum::<usize>()))
            .find(|&(_, len)| len * 2 > total)
            .map(|(story, _)| story)
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

    /// Stories counted so far: the files, with the versions and copies of a story counted
    /// once.
    pub fn stories(&self) -> usize {
        self.stories as usize
    }

    /// In how many stories a line must occur to be boilerplate: at least 3, and at least 2% of
    /// the files (of the files rather than the stories: the higher bar, as a line wrongly
    /// learned is text lost).
    pub fn threshold(&self) -> u32 {
        3.max(self.files.div_ceil(50))
    }

    /// In how many files `line` occurs (0 for lines that are never counted). The scraped-page
    /// reader compares this with the page at hand, which tells whether the page is a copy.
    pub fn count(&self, line: &str) -> u32 {
        self.seen(line).map_or(0, |seen| seen.files)
    }

    /// In how many stories `line` occurs (0 for lines that are never counted).
    pub fn story_count(&self, line: &str) -> u32 {
        self.seen(line).map_or(0, |seen| seen.stories)
    }

    /// Whether `line` is boilerplate: short enough, and in enough stories.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.stories >= 3 && self.story_count(line) >= self.threshold()
    }

    fn seen(&self, line: &str) -> Option<&Seen> {
        line_key(line).and_then(|key| self.lines.get(&key))
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

    /// A page: a menu, an article of sentences naming `story`, and `extra` lines.
    fn page(story: &str, extra: &str) -> String {
        let article: String = (1..=4)
            .map(|p| format!("Paragraph {p} of the {story} story says what happened today.\n\n"))
            .collect();
        format!("Home\nWorld\n\n{article}{extra}\n")
    }

    #[test]
    fn versions_of_a_story_count_their_lines_once_for_it() {
        let mut model = BoilerplateModel::new();
        for update in 1..=4 {
            model.add_text(&page(
                "talks",
                &format!("Update {update} adds one more sentence."),
            ));
        }
        for other in ["flood", "budget"] {
            model.add_text(&page(other, ""));
        }
        assert_eq!((model.files(), model.stories()), (6, 3));
        let shared = "Paragraph 1 of the talks story says what happened today.";
        assert_eq!((model.count(shared), model.story_count(shared)), (4, 1));
        assert_eq!(model.story_count("Update 2 adds one more sentence."), 1);
        assert_eq!((model.count("World"), model.story_count("World")), (6, 3));
        assert!(model.is_boilerplate("World"));
        assert!(!model.is_boilerplate(shared));
    }

    #[test]
    fn pages_sharing_less_than_half_their_prose_are_different_stories() {
        let notice = "We use cookies to improve your experience of this site.";
        let mut model = BoilerplateModel::new();
        for story in ["talks", "flood", "budget"] {
            model.add_text(&page(story, notice));
        }
        assert_eq!(model.stories(), 3);
        assert!(model.is_boilerplate(notice));
    }

    #[test]
    fn a_line_of_two_stories_whose_files_alternate_counts_twice() {
        let quote = "The minister said the talks would go on until a deal was found.";
        let mut model = BoilerplateModel::new();
        for story in ["talks", "flood", "talks", "flood", "talks"] {
            model.add_text(&page(story, quote));
        }
        assert_eq!((model.files(), model.stories()), (5, 2));
        assert_eq!((model.count(quote), model.story_count(quote)), (5, 2));
    }

    #[test]
    fn long_prose_lines_tell_versions_apart_though_never_boilerplate() {
        // Every shared paragraph is too long to be learned; the short update lines are what
        // the versions do not share.
        let long = |p: usize| format!("Paragraph {p} {}.", vec!["word"; MAX_WORDS].join(" "));
        let article: String = (1..=3).map(|p| long(p) + "\n\n").collect();
        let mut model = BoilerplateModel::new();
        for update in 1..=3 {
            model.add_text(&format!(
                "{article}Update {update} adds one more sentence.\n"
            ));
        }
        assert_eq!(model.stories(), 1);
        assert_eq!(model.count(&long(1)), 0);
    }

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
