//! Dense filters kept as bit sets from one search to the next.
//!
//! A filtered search checks each candidate against the filter. For a filter of one term (an
//! entity, a year) that check walks the term's postings, decoding a block whenever the
//! candidates move into a new one; for a filter matching a fifth of the articles
//! (`--entity "United States"`) the walk cost almost half as much as the unfiltered search.
//! A union of terms (a person's full name and the bare surname of stories that never give
//! it) is checked through a union scorer, dearer still. Gathering the postings into a bit set
//! on every search cost more than walking them. So, as Lucene's query cache does, a filter's
//! bit set is built for a segment only when the filter comes back ([`MIN_USES`] uses in that
//! segment) and its terms are dense enough for a bit set to beat their postings
//! ([`MIN_DENSITY`]); it is then kept, least recently used first out, within a budget of bytes
//! ([`Index::set_filter_cache_budget`]). A candidate then costs one bit test, and the ranking
//! moves each of its lists straight to the next admitted article.
//!
//! Segments never change once written (deletions are checked apart), so a bit set stays true
//! for as long as its segment lives; the sets of segments merged away are evicted in turn.
//!
//! [`Index::set_filter_cache_budget`]: crate::Index::set_filter_cache_budget

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use lru::LruCache;
use tantivy::index::SegmentId;
use tantivy::query::{
    BooleanQuery, EnableScoring, Explanation, Occur, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Uses of a filter in a segment before its bit set is built: the first search of a filter
/// (a one-shot `dateline search`) walks postings and keeps nothing.
pub(crate) const MIN_USES: u32 = 2;

/// A filter's articles (the sum over its terms) must be at least this share of its segment's
/// (1/64: one per bit-set word on average) for a bit set; sparser postings are skipped through
/// faster than a bit set is scanned, and would hold memory for little.
pub(crate) const MIN_DENSITY: u32 = 64;

/// The filter cache's default budget in bytes ([`Index::set_filter_cache_budget`]): 64 MiB
/// holds 500 filters over a million articles.
///
/// [`Index::set_filter_cache_budget`]: crate::Index::set_filter_cache_budget
pub const DEFAULT_FILTER_CACHE_BUDGET: usize = 64 << 20;

/// Filters not cached yet whose uses are counted; past that the counts start over, so that a
/// stream of one-off filters holds bounded memory.
const MAX_COUNTED: usize = 4096;

type Key = (SegmentId, Vec<Term>);

/// Bit sets of dense filters (a term, or a union of terms) per segment, shared by the
/// searches of an index.
pub(crate) struct FilterCache {
    inner: Mutex<Inner>,
}

struct Inner {
    budget: usize,
    bytes: usize,
    /// Uses of filters not cached yet.
    uses: HashMap<Key, u32>,
    sets: LruCache<Key, Arc<BitSet>>,
}

impl Default for FilterCache {
    fn default() -> Self {
        FilterCache {
            inner: Mutex::new(Inner {
                budget: DEFAULT_FILTER_CACHE_BUDGET,
                bytes: 0,
                uses: HashMap::new(),
                sets: LruCache::unbounded(),
            }),
        }
    }
}

impl fmt::Debug for FilterCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = self.lock();
        f.debug_struct("FilterCache")
            .field("budget", &inner.budget)
            .field("bytes", &inner.bytes)
            .field("sets", &inner.sets.len())
            .finish()
    }
}

/// Bytes held by a bit set over `max_doc` documents.
fn bytes_of(max_doc: DocId) -> usize {
    max_doc.div_ceil(64) as usize * 8
}

impl FilterCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Sets the budget in bytes (0 turns the cache off), evicting what no longer fits.
    pub(crate) fn set_budget(&self, bytes: usize) {
        let mut inner = self.lock();
        inner.budget = bytes;
        inner.evict();
        if bytes == 0 {
            inner.uses.clear();
        }
    }

    /// Bytes held by the cached bit sets.
    pub(crate) fn bytes(&self) -> usize {
        self.lock().bytes
    }

    /// The documents of `reader` holding any of `terms` (sorted, distinct) as a bit set, when
    /// it is cached or is now worth building (see the module docs); `None` when the postings
    /// should be read.
    pub(crate) fn bits(
        &self,
        reader: &SegmentReader,
        terms: &[Term],
    ) -> tantivy::Result<Option<Arc<BitSet>>> {
        let key = (reader.segment_id(), terms.to_vec());
        {
            let mut inner = self.lock();
            if let Some(bits) = inner.sets.get(&key) {
                return Ok(Some(Arc::clone(bits)));
            }
            if inner.budget == 0 || inner.budget < bytes_of(reader.max_doc()) {
                return Ok(None);
            }
        }
        let mut infos = Vec::with_capacity(terms.len());
        let mut docs = 0u32;
        for term in terms {
            let inverted = reader.inverted_index(term.field())?;
            if let Some(info) = inverted.get_term_info(term)? {
                docs = docs.saturating_add(info.doc_freq);
                infos.push((inverted, info));
            }
        }
        if infos.is_empty() || docs.saturating_mul(MIN_DENSITY) < reader.max_doc() {
            return Ok(None);
        }
        {
            let mut inner = self.lock();
            if inner.uses.len() >= MAX_COUNTED {
                inner.uses.clear();
            }
            let uses = inner.uses.entry(key.clone()).or_insert(0);
            *uses += 1;
            if *uses < MIN_USES {
                return Ok(None);
            }
        }
        // Built outside the lock: other segments' searches go on meanwhile.
        let mut bits = BitSet::with_max_value(reader.max_doc());
        for (inverted, info) in &infos {
            let mut postings =
                inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                bits.insert(doc);
                doc = postings.advance();
            }
        }
        let bits = Arc::new(bits);
        let mut inner = self.lock();
        inner.uses.remove(&key);
        if inner.sets.put(key, Arc::clone(&bits)).is_none() {
            inner.bytes += bytes_of(reader.max_doc());
        }
        inner.evict();
        Ok(Some(bits))
    }
}

impl Inner {
    /// Drops the least recently used sets until they fit the budget.
    fn evict(&mut self) {
        while self.bytes > self.budget {
            let Some((_, bits)) = self.sets.pop_lru() else {
                break;
            };
            self.bytes -= bytes_of(bits.max_value());
        }
    }
}

/// The first document of `bits` at or after `doc` ([`TERMINATED`] if none).
#[inline]
pub(crate) fn next_in(bits: &BitSet, doc: DocId) -> DocId {
    if doc >= bits.max_value() {
        return TERMINATED;
    }
    let bucket = doc / 64;
    let word = u64::from_le_bytes(bits.tinyset(bucket).into_bytes()) & (u64::MAX << (doc % 64));
    if word != 0 {
        return bucket * 64 + word.trailing_zeros();
    }
    if bucket + 1 >= bits.max_value().div_ceil(64) {
        return TERMINATED;
    }
    match bits.first_non_empty_bucket(bucket + 1) {
        Some(b) => {
            let word = u64::from_le_bytes(bits.tinyset(b).into_bytes());
            b * 64 + word.trailing_zeros()
        }
        None => TERMINATED,
    }
}

/// A filter of one term, or a union of terms, whose bit sets the index's [`FilterCache`] may
/// keep: what [`Index`](crate::Index) turns a date or entity filter of that shape into.
pub(crate) struct CachedFilter {
    /// The terms, sorted and distinct.
    terms: Vec<Term>,
    /// The filter as it was (a term query, or a union of them): what is run when no bit set
    /// is kept.
    query: Box<dyn Query>,
    cache: Arc<FilterCache>,
}

impl Clone for CachedFilter {
    fn clone(&self) -> Self {
        CachedFilter {
            terms: self.terms.clone(),
            query: self.query.box_clone(),
            cache: Arc::clone(&self.cache),
        }
    }
}

impl fmt::Debug for CachedFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CachedFilter")
            .field("terms", &self.terms)
            .finish()
    }
}

impl CachedFilter {
    /// `query` as a filter the cache may keep, if it is a term or a union of terms (and of
    /// such unions); `None` for any other query.
    pub(crate) fn of(query: &dyn Query, cache: &Arc<FilterCache>) -> Option<Self> {
        let mut terms = Vec::new();
        union_terms(query, &mut terms)?;
        terms.sort();
        terms.dedup();
        Some(CachedFilter {
            terms,
            query: query.box_clone(),
            cache: Arc::clone(cache),
        })
    }

    /// The filter's terms, sorted and distinct.
    pub(crate) fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The filter as it was given.
    pub(crate) fn query(&self) -> &dyn Query {
        &*self.query
    }

    /// The cache of its bit sets.
    pub(crate) fn cache(&self) -> &Arc<FilterCache> {
        &self.cache
    }
}

/// Adds the terms of `query` to `out` if it is a term query or a union of such (nested or not);
/// `None` otherwise.
fn union_terms(query: &dyn Query, out: &mut Vec<Term>) -> Option<()> {
    if let Some(term) = query.downcast_ref::<TermQuery>() {
        out.push(term.term().clone());
        return Some(());
    }
    let union = query.downcast_ref::<BooleanQuery>()?;
    if union.get_minimum_number_should_match() > 1 || union.clauses().is_empty() {
        return None;
    }
    for (occur, clause) in union.clauses() {
        if *occur != Occur::Should {
            return None;
        }
        union_terms(&**clause, out)?;
    }
    Some(())
}

impl Query for CachedFilter {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(CachedFilterWeight {
            filter: self.clone(),
            inner: self.query.weight(scoring)?,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for term in &self.terms {
            visitor(term, false);
        }
    }
}

/// The weight of a [`CachedFilter`]: the kept bit set's documents, or the filter's own.
struct CachedFilterWeight {
    filter: CachedFilter,
    inner: Box<dyn Weight>,
}

impl Weight for CachedFilterWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        match self.filter.cache.bits(reader, &self.filter.terms)? {
            Some(bits) => Ok(Box::new(BitsScorer::new(bits, boost))),
            None => self.inner.scorer(reader, boost),
        }
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

/// The documents of a shared bit set as a scorer.
pub(crate) struct BitsScorer {
    bits: Arc<BitSet>,
    doc: DocId,
    score: Score,
}

impl BitsScorer {
    fn new(bits: Arc<BitSet>, score: Score) -> Self {
        let doc = next_in(&bits, 0);
        BitsScorer { bits, doc, score }
    }
}

impl DocSet for BitsScorer {
    fn advance(&mut self) -> DocId {
        self.doc = next_in(&self.bits, self.doc.saturating_add(1));
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc < target {
            self.doc = next_in(&self.bits, target);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.bits.len() as u32
    }
}

impl Scorer for BitsScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_in_finds_the_next_member_within_and_across_words() {
        let mut bits = BitSet::with_max_value(300);
        for doc in [3, 64, 65, 200, 299] {
            bits.insert(doc);
        }
        let found: Vec<DocId> = [0, 3, 4, 64, 66, 199, 201, 299, 300, 5_000]
            .iter()
            .map(|&d| next_in(&bits, d))
            .collect();
        assert_eq!(
            found,
            [3, 3, 64, 64, 200, 200, 299, 299, TERMINATED, TERMINATED]
        );
        assert_eq!(next_in(&BitSet::with_max_value(128), 0), TERMINATED);
        assert_eq!(next_in(&BitSet::with_max_value(0), 0), TERMINATED);
    }

    #[test]
    fn bits_scorer_walks_and_seeks_the_set() {
        let mut bits = BitSet::with_max_value(1_000);
        for doc in (5..1_000).step_by(97) {
            bits.insert(doc);
        }
        let mut scorer = BitsScorer::new(Arc::new(bits), 1.0);
        let mut docs = Vec::new();
        while scorer.doc() != TERMINATED {
            docs.push(scorer.doc());
            scorer.advance();
        }
        assert_eq!(docs, (5..1_000).step_by(97).collect::<Vec<_>>());
        let mut scorer = BitsScorer::new(scorer.bits.clone(), 1.0);
        assert_eq!(scorer.seek(103), 199);
        assert_eq!(scorer.seek(150), 199);
        assert_eq!(scorer.seek(990), TERMINATED);
    }
}
