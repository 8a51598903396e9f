//! Extraction throughput: how many megabytes of article text the extractor handles a second.
//!
//! One measurement serves `dateline entities bench` and the `entities_measure` example, so
//! the two report numbers taken the same way.

use std::time::Instant;

use serde::Serialize;

use super::EntityExtractor;
use crate::Article;

/// The result of [`measure_throughput`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Throughput {
    /// Articles analysed per pass.
    pub articles: usize,
    /// Bytes of text per pass (titles and bodies).
    pub bytes: usize,
    /// Timed passes over all the articles.
    pub passes: usize,
    /// Wall-clock seconds of the fastest pass.
    pub best_seconds: f64,
    /// Megabytes (10⁶ bytes) a second in the fastest pass.
    pub mb_per_second: f64,
    /// Mentions found in one pass (each pass finds the same).
    pub mentions: usize,
}

/// Times `passes` runs of [`EntityExtractor::analyze`] over every article's title and body
/// on the calling thread and keeps the fastest, which is the least disturbed by other work
/// on the machine. At least one pass runs, whatever `passes` says.
///
/// # Example
/// ```
/// use dateline_core::entities::throughput::measure_throughput;
/// use dateline_core::entities::EntityExtractor;
/// use dateline_core::Article;
///
/// let articles = [Article::new("a", "Philip Hammond met John Kerry in London.")];
/// let t = measure_throughput(&EntityExtractor::new(), &articles, 0);
/// assert_eq!((t.articles, t.passes), (1, 1));
/// assert_eq!(t.bytes, articles[0].body.len());
/// assert!(t.mentions > 0);
/// ```
pub fn measure_throughput(
    extractor: &EntityExtractor,
    articles: &[Article],
    passes: usize,
) -> Throughput {
    let passes = passes.max(1);
    let bytes: usize = articles
        .iter()
        .map(|a| a.body.len() + a.title.as_ref().map_or(0, String::len))
        .sum();
    let mut best = f64::INFINITY;
    let mut mentions = 0;
    for _ in 0..passes {
        let start = Instant::now();
        mentions = 0;
        for a in articles {
            mentions += extractor
                .analyze(a.title.as_deref(), &a.body)
                .mentions
                .len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    Throughput {
        articles: articles.len(),
        bytes,
        passes,
        best_seconds: best,
        mb_per_second: bytes as f64 / 1e6 / best,
        mentions,
    }
}
