//! The article-extraction benchmark's metric, so extraction quality can be measured in Rust.
//!
//! This reproduces `evaluate.py` of the scrapinghub article-extraction benchmark: a text's
//! tokens are its `\w+` matches (Unicode word characters: letters, digits, marks, `_`); each
//! text becomes the multiset of its shingles of 4 consecutive tokens (a text of fewer than 4
//! tokens is one shingle; an empty text has none); per page TP, FP and FN are counted over
//! shingles and divided by their sum, so every page weighs the same. Precision is the mean over
//! pages with TP + FP > 0, recall the mean over pages with TP + FN > 0 (a page with FP = FN = 0
//! scores 1 for both), and F1 is the harmonic mean of the two means.
//!
//! # Example
//! ```
//! use dateline_core::extraction_eval::{PageScore, Summary};
//!
//! let perfect = PageScore::new("one two three four five", "one two three four five");
//! assert_eq!(perfect.precision(), Some(1.0));
//! let half = PageScore::new("a b c d", "a b c d e f g");
//! assert_eq!(half.recall(), Some(1.0));
//! let summary = Summary::from_pages(&[perfect, half]);
//! assert_eq!(summary.pages, 2);
//! assert!(summary.f1 > 0.7 && summary.f1 < 1.0); // P 0.625, R 1.0
//! ```

use std::collections::HashMap;

/// Shingle length of the benchmark.
pub const SHINGLE: usize = 4;

/// The benchmark's tokens: maximal runs of Unicode word characters (`\w+`).
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// A character `\w` matches in Python's Unicode regular expressions (approximately:
/// alphanumerics, combining marks and `_`).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The multiset of shingles of `text`.
fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let toks = tokens(text);
    let mut map = HashMap::new();
    if toks.is_empty() {
        return map;
    }
    let n = toks.len().saturating_sub(SHINGLE - 1).max(1);
    for i in 0..n {
        let end = (i + SHINGLE).min(toks.len());
        *map.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    map
}

/// TP, FP and FN of one page, normalised to sum to 1 (all zero when both texts are empty).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PageScore {
    /// Shingles in both (normalised).
    pub tp: f64,
    /// Extracted shingles not in the gold text (normalised).
    pub fp: f64,
    /// Gold shingles not extracted (normalised).
    pub fn_: f64,
}

impl PageScore {
    /// Scores an extracted text against the gold text.
    pub fn new(gold: &str, extracted: &str) -> Self {
        let g = shingles(gold);
        let e = shingles(extracted);
        let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
        for (k, &gc) in &g {
            let ec = e.get(k).copied().unwrap_or(0);
            tp += f64::from(gc.min(ec));
            fn_ += f64::from(gc.saturating_sub(ec));
        }
        for (k, &ec) in &e {
            let gc = g.get(k).copied().unwrap_or(0);
            fp += f64::from(ec.saturating_sub(gc));
        }
        let s = tp + fp + fn_;
        if s > 0.0 {
            PageScore {
                tp: tp / s,
                fp: fp / s,
                fn_: fn_ / s,
            }
        } else {
            PageScore::default()
        }
    }

    /// This page's precision, or `None` when nothing counts toward it (TP + FP = 0).
    pub fn precision(&self) -> Option<f64> {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            Some(1.0)
        } else if self.tp + self.fp > 0.0 {
            Some(self.tp / (self.tp + self.fp))
        } else {
            None
        }
    }

    /// This page's recall, or `None` when nothing counts toward it (TP + FN = 0).
    pub fn recall(&self) -> Option<f64> {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            Some(1.0)
        } else if self.tp + self.fn_ > 0.0 {
            Some(self.tp / (self.tp + self.fn_))
        } else {
            None
        }
    }

    /// This page's F1 (0 when undefined).
    pub fn f1(&self) -> f64 {
        let p = self.precision().unwrap_or(0.0);
        let r = self.recall().unwrap_or(0.0);
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Precision, recall and F1 over a set of pages, as the benchmark computes them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// Pages scored.
    pub pages: usize,
    /// Mean precision over pages where it is defined.
    pub precision: f64,
    /// Mean recall over pages where it is defined.
    pub recall: f64,
    /// Harmonic mean of the two means.
    pub f1: f64,
}

impl Summary {
    /// Summarises page scores.
    pub fn from_pages(pages: &[PageScore]) -> Self {
        let mean = |xs: Vec<f64>| {
            if xs.is_empty() {
                0.0
            } else {
                xs.iter().sum::<f64>() / xs.len() as f64
            }
        };
        let precision = mean(pages.iter().filter_map(PageScore::precision).collect());
        let recall = mean(pages.iter().filter_map(PageScore::recall).collect());
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Summary {
            pages: pages.len(),
            precision,
            recall,
            f1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unicode_word_runs() {
        assert_eq!(
            tokens("U.S.-led, “talks” 5.9 über_x"),
            ["U", "S", "led", "talks", "5", "9", "über_x"]
        );
        assert_eq!(tokens("한국어 텍스트"), ["한국어", "텍스트"]);
    }

    #[test]
    fn short_and_empty_texts() {
        let s = PageScore::new("a b", "a b");
        assert_eq!((s.precision(), s.recall()), (Some(1.0), Some(1.0)));
        let s = PageScore::new("a b c d e", "");
        assert_eq!((s.precision(), s.recall()), (None, Some(0.0)));
        let s = PageScore::new("", "");
        assert_eq!(s.precision(), Some(1.0));
    }
}
