//! Near-duplicate articles: the same story with small edits, as scraped news holds it many
//! times over (a wire story on several sites, an updated version, a copy cut short).
//!
//! Exact copies are left out at indexing time by their normalised text; these are the copies
//! that differ by a word, a sentence or their end. An article's [`Shingles`] are the hashes of
//! its runs of [`SHINGLE_WORDS`] consecutive words (lower-cased), and two articles are near
//! duplicates when nearly all the runs of the shorter are also in the longer
//! ([`Shingles::near_duplicate`]): Broder's containment, which a story cut after its third
//! paragraph keeps whole, where resemblance (the Jaccard index) would not.
//!
//! The thresholds were chosen on Reuters-21578, whose wire often sent a story again with a
//! figure corrected, a headline changed or paragraphs added. At five words a run and 90%
//! containment, the pairs found with at least 25 runs in the shorter (about 29 words) read as
//! such stories (all 14 with 25 to 49 runs: a longer copy of a short report, the same table at
//! opening and close; a sample of 12 of the 248 longer ones), while below 25 runs identical
//! notices of different events appear (`Qtly div eight cts vs eight cts prior, Pay June 1,
//! Record May 15` from two firms).
//! Templated reports with a figure changed every few words (two days' money market forecasts)
//! share too few runs to be taken for one another.
//!
//! # Example
//! ```
//! use dateline_core::shingles::Shingles;
//!
//! let story = "Federal Reserve Board Chairman Paul Volcker said on Tuesday that he did not \
//!     believe there was a connection between the Fed's policies and the recent rise in the \
//!     prime interest rate by most major U.S. banks. Volcker told reporters the rise reflected \
//!     market conditions, and that the central bank had not changed its stance on credit in \
//!     recent weeks, contrary to what some analysts had suggested.";
//! let updated = story.replace("on Tuesday", "on Wednesday");
//! let other = "Japan's trade surplus rose in March as exports of cars and electronics grew \
//!     faster than imports of oil and food, the finance ministry said in its monthly report, \
//!     adding that the yen's rise against the dollar had yet to show in the figures and that \
//!     officials expected the surplus to narrow later in the year as the currency's gains took \
//!     effect on prices paid by importers abroad.";
//! let a = Shingles::of(story);
//! assert!(a.near_duplicate(&Shingles::of(&updated)));
//! assert!(!a.near_duplicate(&Shingles::of(other)));
//! ```

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// Words in a run (a shingle).
pub const SHINGLE_WORDS: usize = 5;

/// Share of the shorter article's runs that must be in the longer one.
pub const MIN_CONTAINMENT: f64 = 0.9;

/// Runs the shorter article must have (about 29 words): below, notices of different events
/// (two firms' dividends) can be word for word alike.
pub const MIN_SHINGLES: usize = 25;

/// The distinct runs of [`SHINGLE_WORDS`] words of a text, hashed, in order of hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shingles {
    hashes: Vec<u64>,
}

impl Shingles {
    /// The runs of `text`'s words (runs of letters and digits, and each Chinese or Japanese
    /// character alone, as those scripts write no spaces), compared in lower case; a text of
    /// fewer words than a run has none.
    pub fn of(text: &str) -> Self {
        let words = word_hashes(text);
        let mut hashes: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|run| {
                let mut h = FxHasher::default();
                for &word in run {
                    h.write_u64(word);
                }
                h.finish()
            })
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        Shingles { hashes }
    }

    /// The runs' hashes, in increasing order.
    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }

    /// Number of distinct runs.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether the text had fewer words than a run.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Runs the two texts share.
    pub fn shared(&self, other: &Shingles) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        let (a, b) = (&self.hashes, &other.hashes);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// Share of the shorter text's runs found in the other (0 when either has none).
    pub fn containment(&self, other: &Shingles) -> f64 {
        let shorter = self.len().min(other.len());
        if shorter == 0 {
            return 0.0;
        }
        self.shared(other) as f64 / shorter as f64
    }

    /// Whether the two texts are near duplicates: the shorter has at least [`MIN_SHINGLES`]
    /// runs and at least [`MIN_CONTAINMENT`] of them are in the other.
    pub fn near_duplicate(&self, other: &Shingles) -> bool {
        self.len().min(other.len()) >= MIN_SHINGLES && self.containment(other) >= MIN_CONTAINMENT
    }
}

/// The hash of each word of `text`, in order.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut words = Vec::with_capacity(text.len() / 5);
    let mut word: Option<FxHasher> = None;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.get_or_insert_with(FxHasher::default)
                    .write_u32(c.to_ascii_lowercase() as u32);
                continue;
            }
        } else if ideographic(c) {
            words.extend(word.take().map(|w| w.finish()));
            let mut alone = FxHasher::default();
            alone.write_u32(c as u32);
            words.push(alone.finish());
            continue;
        } else if c.is_alphanumeric() {
            let w = word.get_or_insert_with(FxHasher::default);
            for lower in c.to_lowercase() {
                w.write_u32(lower as u32);
            }
            continue;
        }
        words.extend(word.take().map(|w| w.finish()));
    }
    words.extend(word.map(|w| w.finish()));
    words
}

/// Whether `c` is a Chinese character or Japanese kana: a word of its own.
fn ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_counted_once_and_compared_in_any_case() {
        let a = Shingles::of("One two three four five six. ONE TWO THREE FOUR FIVE");
        // 11 words: 7 runs, of which `one two three four five` twice.
        assert_eq!(a.len(), 6);
        assert!(Shingles::of("one two three four").is_empty());
        let b = Shingles::of("one two three four five");
        assert_eq!(a.shared(&b), 1);
        assert_eq!(b.containment(&a), 1.0);
    }

    #[test]
    fn words_are_letters_and_digits_and_each_chinese_character() {
        let same = |a: &str, b: &str| word_hashes(a) == word_hashes(b);
        assert!(same("Ölpreis steigt: 3,5 %", "ölpreis STEIGT 3 5"));
        assert_eq!(word_hashes("東京で会議").len(), 5);
        assert_eq!(word_hashes("Tokyo東京 talks").len(), 4);
        assert!(word_hashes(" -- ").is_empty());
    }

    #[test]
    fn short_texts_are_never_near_duplicates() {
        let text = "Qtly div 30 cts vs 30 cts prior Pay April 30 Record April 3";
        let a = Shingles::of(text);
        assert_eq!(a.containment(&a), 1.0);
        assert!(!a.near_duplicate(&a));
    }
}
