//! Merging an index into one segment, for the fastest searches.
//!
//! Every commit of an ingest run closes one segment per indexing thread, and every search
//! pays a fixed cost per segment (term lookups, opening postings, a top k restarted from the
//! threshold carried over). [`Index::optimize`] merges them all into one, as Lucene's
//! `forceMerge(1)` does; articles deleted by updates are dropped for good on the way.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::Result;
use crate::Index;

/// The smallest writer tantivy allows: a merge needs no indexing memory.
const MERGE_WRITER_BUDGET: usize = 15_000_000;

/// What [`Index::optimize`] did.
#[derive(Clone, Debug, Serialize)]
pub struct OptimizeReport {
    /// Segments before.
    pub segments_before: usize,
    /// Segments after: 1, or 0 for an empty index.
    pub segments_after: usize,
    /// Whether a merge ran: not for an index already in one segment without deleted
    /// articles.
    pub merged: bool,
    /// Articles in the index (unchanged by the merge).
    pub articles: u64,
    /// Wall time of the merge.
    #[serde(rename = "seconds", serialize_with = "crate::ingest::secs")]
    pub elapsed: Duration,
}

impl Index {
    /// Merges every segment into one, so that searches pay the per-segment cost once (on
    /// 262,000 articles in 4 segments, the median query took 76 µs before and 58 after; see
    /// BENCHMARKS.md). It takes about a quarter of the time of indexing the articles, and
    /// nothing is lost if it is interrupted: the merged segment replaces the others only once
    /// it is complete.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::Index;
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![Article::new("a1", "Philip Hammond spoke.")])?;
    /// index.add_articles(vec![Article::new("a2", "Hammond spoke again.")])?;
    /// let report = index.optimize()?;
    /// assert_eq!((report.segments_after, report.articles), (1, 2));
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn optimize(&self) -> Result<OptimizeReport> {
        let start = Instant::now();
        // Merges read postings and positions through the `pread` window while this lives.
        let _adding = self.adding();
        let segments = self
            .index
            .searchable_segment_metas()
            .map_err(|e| self.write_error(e))?;
        let segments_before = segments.len();
        let has_deletes = segments.iter().any(|s| s.has_deletes());
        let mut writer = self
            .index
            .writer_with_num_threads::<tantivy::TantivyDocument>(1, MERGE_WRITER_BUDGET)
            .map_err(|e| self.write_error(e))?;
        let merged = segments_before > 1 || has_deletes;
        if merged {
            let ids: Vec<_> = segments.iter().map(|s| s.id()).collect();
            writer.merge(&ids).wait().map_err(|e| self.write_error(e))?;
        }
        writer
            .wait_merging_threads()
            .map_err(|e| self.write_error(e))?;
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        Ok(OptimizeReport {
            segments_before,
            segments_after: searcher.segment_readers().len(),
            merged,
            articles: searcher.num_docs(),
            elapsed: start.elapsed(),
        })
    }
}
