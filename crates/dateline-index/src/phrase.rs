//! Top-k collection for exact phrases over several fields, without reading the positions of
//! articles that cannot enter the top k.
//!
//! A phrase is tantivy's `PhraseQuery` per field, boosted and summed (a boolean union), and
//! [`TopPhraseQuery`] keeps that query for everything but top-k collection, which it does
//! itself with the same scores: an article holding every word of the phrase in a field can
//! score there at most what the phrase would score if it occurred as often as the rarest of
//! those words does in the article. Only when that bound beats the current k-th best score are
//! the positions read and the phrase counted, which is most of the cost of a phrase of common
//! words (`"last year"`): tantivy reads the positions of every article holding both words.

use std::collections::HashMap;
use std::fmt;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::postings::{Postings, SegmentPostings, TermInfo};
use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::bm25f::term_infos;

/// One phrase clause: a field, its boost, and the analysed words with their positions.
pub(crate) type PhraseClause = (Field, f32, Vec<(usize, String)>);

/// An exact phrase that collects its top k with pruning. `inner` must be the boolean union,
/// in `clauses` order, of one `PhraseQuery` (without slop) per clause, wrapped in a
/// `BoostQuery` when its boost is not 1 (a clause per field, and per spelling when the index
/// holds unstemmed articles): it answers everything but top-k collection, and the top k
/// scores are the same as its own.
pub(crate) struct TopPhraseQuery {
    inner: Box<dyn Query>,
    clauses: Vec<PhraseClause>,
}

impl TopPhraseQuery {
    pub(crate) fn new(inner: Box<dyn Query>, clauses: Vec<PhraseClause>) -> Self {
        TopPhraseQuery { inner, clauses }
    }
}

impl Clone for TopPhraseQuery {
    fn clone(&self) -> Self {
        TopPhraseQuery {
            inner: self.inner.box_clone(),
            clauses: self.clauses.clone(),
        }
    }
}

impl fmt::Debug for TopPhraseQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TopPhraseQuery")
            .field("inner", &self.inner)
            .finish()
    }
}

impl Query for TopPhraseQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let (statistics_provider, searcher) = match scoring {
            EnableScoring::Enabled {
                statistics_provider,
                searcher,
            } => (statistics_provider, searcher),
            EnableScoring::Disabled { .. } => {
                return Ok(Box::new(TopPhraseWeight {
                    inner: self.inner.weight(scoring)?,
                    clauses: None,
                    infos: HashMap::new(),
                }));
            }
        };
        // Every word is looked up once per segment: its term info serves the document
        // frequency (for the inner query's weight too) and later the segment's postings.
        let readers = searcher.segment_readers();
        let mut known = KnownFrequencies {
            inner: statistics_provider,
            doc_freqs: HashMap::new(),
        };
        let mut infos: Vec<Vec<Option<TermInfo>>> = vec![Vec::new(); readers.len()];
        let mut clauses = Vec::with_capacity(self.clauses.len());
        for (field, boost, words) in &self.clauses {
            let terms: Vec<Term> = words
                .iter()
                .map(|(_, w)| Term::from_field_text(*field, w))
                .collect();
            for term in &terms {
                let (df, found) = term_infos(readers, term)?;
                for (segment, info) in infos.iter_mut().zip(found) {
                    segment.push(info);
                }
                known.doc_freqs.insert(term.clone(), df);
            }
            // As tantivy's phrase weight, boosted as its boost query boosts it.
            let bm25 = Bm25Weight::for_terms(&known, &terms)?;
            let max_offset = words.iter().map(|w| w.0).max().unwrap_or(0);
            let shifts = words
                .iter()
                .map(|&(offset, _)| (max_offset - offset) as u32)
                .collect();
            clauses.push(WeightedClause {
                field: *field,
                bm25: bm25.boost_by(*boost),
                terms,
                shifts,
            });
        }
        let inner = self
            .inner
            .weight(EnableScoring::enabled_from_statistics_provider(
                &known, searcher,
            ))?;
        Ok(Box::new(TopPhraseWeight {
            inner,
            clauses: Some(clauses),
            infos: readers
                .iter()
                .map(SegmentReader::segment_id)
                .zip(infos)
                .collect(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct TopPhraseWeight {
    inner: Box<dyn Weight>,
    /// The clauses, weighted; `None` without scoring.
    clauses: Option<Vec<WeightedClause>>,
    /// Per segment, the term info of every word of every clause, in clause order.
    infos: HashMap<SegmentId, Vec<Option<TermInfo>>>,
}

/// The document frequencies of the phrase's words, as looked up for the weight; the rest
/// from the search's own statistics.
struct KnownFrequencies<'a> {
    inner: &'a dyn Bm25StatisticsProvider,
    doc_freqs: HashMap<Term, u64>,
}

impl Bm25StatisticsProvider for KnownFrequencies<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.inner.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.inner.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        match self.doc_freqs.get(term) {
            Some(&df) => Ok(df),
            None => self.inner.doc_freq(term),
        }
    }
}

struct WeightedClause {
    field: Field,
    /// Boosted BM25 weight of the phrase in the field.
    bm25: Bm25Weight,
    terms: Vec<Term>,
    /// Per word, what aligns its positions with the others' (as tantivy aligns them).
    shifts: Vec<u32>,
}

impl Weight for TopPhraseWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.inner.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }

    fn for_each_pruning(
        &self,
        mut threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let Some(clauses) = &self.clauses else {
            return self.inner.for_each_pruning(threshold, reader, callback);
        };
        let known = self.infos.get(&reader.segment_id());
        let mut lists = Vec::with_capacity(clauses.len());
        let mut at = 0;
        for clause in clauses {
            let infos = known.and_then(|k| k.get(at..at + clause.terms.len()));
            at += clause.terms.len();
            if let Some(list) = FieldPhrase::open(reader, clause, infos)? {
                lists.push(list);
            }
        }
        // MaxScore over the clauses: those whose best possible scores add up to no more than
        // the threshold cannot place an article alone, so only the others propose articles;
        // a title match lifts an article far above any body match.
        let mut by_max: Vec<(usize, Score)> = lists.iter().map(|l| l.max).enumerate().collect();
        by_max.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mut proposing = vec![true; lists.len()];
        let refresh = |threshold: Score, proposing: &mut [bool]| {
            let mut below = 0.0;
            for &(i, max) in &by_max {
                below += max;
                proposing[i] = below > threshold;
            }
        };
        refresh(threshold, &mut proposing);
        let (mut left, mut right) = (Vec::new(), Vec::new());
        loop {
            let doc = lists
                .iter()
                .zip(&proposing)
                .filter(|(_, &p)| p)
                .map(|(l, _)| l.doc)
                .min()
                .unwrap_or(TERMINATED);
            if doc == TERMINATED {
                break;
            }
            for list in lists.iter_mut().filter(|l| l.doc < doc) {
                list.seek(doc);
            }
            let bound: Score = lists
                .iter()
                .filter(|l| l.doc == doc)
                .map(FieldPhrase::bound)
                .sum();
            if bound > threshold {
                // Summed from 0 in clause order, as tantivy's union sums its clauses.
                let mut score = 0.0;
                let mut matched = false;
                for list in lists.iter_mut().filter(|l| l.doc == doc) {
                    let count = list.count(&mut left, &mut right);
                    if count > 0 {
                        score += list.bm25.score(list.norms.fieldnorm_id(doc), count);
                        matched = true;
                    }
                }
                if matched && score > threshold {
                    threshold = callback(doc, score);
                    refresh(threshold, &mut proposing);
                }
            }
            for list in lists.iter_mut().filter(|l| l.doc == doc) {
                list.seek(doc + 1);
            }
        }
        Ok(())
    }
}

/// One clause's postings of the phrase's words, moved together over the articles holding all
/// of them.
struct FieldPhrase<'a> {
    bm25: &'a Bm25Weight,
    norms: FieldNormReader,
    postings: Vec<(u32, SegmentPostings)>,
    doc: DocId,
    /// The most the phrase can score in this clause.
    max: Score,
}

impl<'a> FieldPhrase<'a> {
    /// `None` when some word is not in the field in this segment. `infos` are the words' term
    /// infos in this segment when the weight looked them up already.
    fn open(
        reader: &SegmentReader,
        clause: &'a WeightedClause,
        infos: Option<&[Option<TermInfo>]>,
    ) -> tantivy::Result<Option<Self>> {
        let inverted = reader.inverted_index(clause.field)?;
        let mut postings = Vec::with_capacity(clause.terms.len());
        for (i, (term, &shift)) in clause.terms.iter().zip(&clause.shifts).enumerate() {
            let info = match infos {
                Some(infos) => infos[i].clone(),
                None => inverted.get_term_info(term)?,
            };
            let Some(info) = info else {
                return Ok(None);
            };
            let p = inverted
                .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqsAndPositions)?;
            postings.push((shift, p));
        }
        let norms = match reader.fieldnorms_readers().get_field(clause.field)? {
            Some(norms) => norms,
            None => FieldNormReader::constant(reader.max_doc(), 1),
        };
        let bm25 = &clause.bm25;
        // The rarest word leads the intersection.
        postings.sort_by_key(|(_, p)| p.doc_freq());
        let mut list = FieldPhrase {
            bm25,
            norms,
            postings,
            doc: 0,
            // The weight itself (saturation 1, as no article reaches): a bound with no
            // assumption on lengths, unlike `max_score`.
            max: bm25.score(0, u32::MAX),
        };
        list.seek(0);
        Ok(Some(list))
    }

    /// Moves to the first article at or after `target` that holds every word.
    fn seek(&mut self, target: DocId) {
        let mut doc = target;
        'agree: while doc != TERMINATED {
            for (_, p) in &mut self.postings {
                let at = if p.doc() < doc { p.seek(doc) } else { p.doc() };
                if at > doc {
                    doc = at;
                    continue 'agree;
                }
            }
            break;
        }
        self.doc = doc;
    }

    /// The most the phrase can score here: as if it occurred as often as its rarest word.
    fn bound(&self) -> Score {
        let tf = self
            .postings
            .iter()
            .map(|(_, p)| p.term_freq())
            .min()
            .unwrap_or(0);
        self.bm25.score(self.norms.fieldnorm_id(self.doc), tf)
    }

    /// How often the words occur here next to each other, in order.
    fn count(&mut self, left: &mut Vec<u32>, right: &mut Vec<u32>) -> u32 {
        let Some(((shift, first), rest)) = self.postings.split_first_mut() else {
            return 0;
        };
        first.positions_with_offset(*shift, left);
        for (shift, p) in rest {
            p.positions_with_offset(*shift, right);
            intersect(left, right);
            if left.is_empty() {
                return 0;
            }
        }
        left.len() as u32
    }
}

/// Keeps in `left` (sorted) the values also in `right` (sorted).
fn intersect(left: &mut Vec<u32>, right: &[u32]) {
    let (mut i, mut j, mut kept) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                left[kept] = left[i];
                kept += 1;
                i += 1;
                j += 1;
            }
        }
    }
    left.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::intersect;

    #[test]
    fn intersect_keeps_common_positions() {
        let mut left = vec![1, 4, 7, 9];
        intersect(&mut left, &[2, 4, 9, 12]);
        assert_eq!(left, vec![4, 9]);
        intersect(&mut left, &[5]);
        assert!(left.is_empty());
    }
}
