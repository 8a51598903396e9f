//! The top k articles by score, with the k-th best score carried from one segment to the next.
//!
//! tantivy's `TopDocs` starts every segment from no threshold, so each segment scores its
//! first k candidates in full before pruning can begin. An index built by periodic commits
//! has a handful of segments, and for the cheap queries that make up the median that restart
//! was a large part of the cost. Segments are searched one after another in order
//! (the searcher has one thread), so a later segment may start from the k-th best score of
//! those before it.
//!
//! The answer is the same as `TopDocs`'s, ties included: a later segment's article that only
//! equals the carried threshold ranks below the k articles that set it, which all have lower
//! addresses, and `TopDocs` breaks ties by address.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::sync::Mutex;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// Collects the `offset..offset + limit` best articles by score (see the module docs).
pub(crate) struct TopScores {
    /// Articles kept per segment: `offset + limit`.
    keep: usize,
    offset: usize,
    /// The k-th best score over the segments searched so far.
    threshold: Mutex<Score>,
}

impl TopScores {
    /// The top `limit` articles after the first `offset`.
    pub(crate) fn new(limit: usize, offset: usize) -> Self {
        TopScores {
            keep: limit.max(1) + offset,
            offset,
            threshold: Mutex::new(Score::MIN),
        }
    }

    fn carried(&self) -> Score {
        *self.threshold.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn raise(&self, score: Score) {
        let mut threshold = self.threshold.lock().unwrap_or_else(|p| p.into_inner());
        if score > *threshold {
            *threshold = score;
        }
    }
}

impl Collector for TopScores {
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = SegmentTopScores;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(SegmentTopScores {
            heap: TopHeap::new(self.keep),
            segment,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<(Score, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_unstable_by(|a, b| by_rank(a.0, a.1, b.0, b.1));
        Ok(all
            .into_iter()
            .skip(self.offset)
            .take(self.keep - self.offset)
            .collect())
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Fruit> {
        let carried = self.carried();
        let mut heap = TopHeap::new(self.keep);
        let alive = reader.alive_bitset();
        let mut current = carried;
        weight.for_each_pruning(carried, reader, &mut |doc, score| {
            if alive.is_some_and(|alive| alive.is_deleted(doc)) {
                return current;
            }
            heap.push(score, doc);
            // Every article kept scored above `carried`, so a full heap's k-th is above it too.
            current = heap.threshold().unwrap_or(carried);
            current
        })?;
        if let Some(kth) = heap.threshold() {
            self.raise(kth);
        }
        Ok(heap.into_hits(segment))
    }
}

/// [`TopScores`] over one segment when it is driven article by article (inside a tuple of
/// collectors, say): no pruning, the same answer.
pub(crate) struct SegmentTopScores {
    heap: TopHeap,
    segment: SegmentOrdinal,
}

impl SegmentCollector for SegmentTopScores {
    type Fruit = Vec<(Score, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.heap.push(score, doc);
    }

    fn harvest(self) -> Self::Fruit {
        self.heap.into_hits(self.segment)
    }
}

/// Higher scores first; among equal scores, lower addresses first (as `TopDocs`).
fn by_rank(a_score: Score, a: DocAddress, b_score: Score, b: DocAddress) -> Ordering {
    b_score
        .partial_cmp(&a_score)
        .unwrap_or(Ordering::Equal)
        .then_with(|| a.cmp(&b))
}

/// A heap entry; the heap's minimum is the entry ranked last.
struct Entry {
    score: Score,
    doc: DocId,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Greater means ranked higher: the higher score, or on a tie the lower doc.
        self.score
            .partial_cmp(&other.score)
            .unwrap_or(Ordering::Equal)
            .then_with(|| other.doc.cmp(&self.doc))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

/// The best `k` of one segment's articles, fed in doc order.
struct TopHeap {
    heap: BinaryHeap<Reverse<Entry>>,
    k: usize,
}

impl TopHeap {
    fn new(k: usize) -> Self {
        TopHeap {
            heap: BinaryHeap::with_capacity(k),
            k,
        }
    }

    /// Docs arrive in increasing order, so a later doc that only ties the last kept one ranks
    /// below it and is not kept.
    fn push(&mut self, score: Score, doc: DocId) {
        if self.heap.len() < self.k {
            self.heap.push(Reverse(Entry { score, doc }));
        } else if let Some(mut last) = self.heap.peek_mut() {
            if score > last.0.score {
                *last = Reverse(Entry { score, doc });
            }
        }
    }

    /// The k-th best score, once k articles are kept.
    fn threshold(&self) -> Option<Score> {
        if self.heap.len() < self.k {
            return None;
        }
        self.heap.peek().map(|Reverse(entry)| entry.score)
    }

    fn into_hits(self, segment: SegmentOrdinal) -> Vec<(Score, DocAddress)> {
        self.heap
            .into_iter()
            .map(|Reverse(Entry { score, doc })| (score, DocAddress::new(segment, doc)))
            .collect()
    }
}
