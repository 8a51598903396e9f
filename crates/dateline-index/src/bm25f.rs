//! A bag-of-words BM25 query over several text fields scored as one combined field.
//!
//! For each term, occurrences in the fields are added up (each field with its weight) before
//! BM25's saturation, and document lengths likewise, as if title and body were one field:
//!
//! ```text
//! tf(t, d)  = Σ_f w_f · tf_f(t, d)          len(d) = Σ_f w_f · len_f(d)
//! score(d)  = Σ_t q_t · idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len(d) / avglen))
//! idf(t)    = ln(1 + (N − df + 0.5) / (df + 0.5)),  df = max_f df_f(t)
//! ```
//!
//! `df` is the largest of the term's document frequencies in the fields, as in Lucene's
//! `CombinedFieldQuery`, rather than the number of articles with the term in any field: the
//! exact count walked the shorter lists of every term on every search (a seventh of search
//! time), and news titles mostly repeat words of their bodies, so the two differ little.
//!
//! `q_t` is the term's query weight (repeats, feedback). Unlike tantivy's `TermQuery`, `k1`
//! and `b` are parameters. Scoring walks the union of the postings document at a time. For
//! top-k collection it prunes with MaxScore (Turtle & Flood, 1995): a term adds less than
//! `q_t · idf(t) · (k1 + 1)` to any score, so once the k-th best score exceeds the sum of the
//! smallest such bounds, articles holding only those terms cannot enter the top k and are never
//! visited: their postings are only seeked into, for articles found through the others, one
//! list at a time (highest bound first) and only while the article could still enter the top k.
//!
//! Date and entity filters are checked on each candidate inside that traversal
//! ([`Bm25fQuery::filtered`]) rather than by a boolean conjunction around the query, which
//! would score every match and lose the pruning; a filter the index keeps as a bit set
//! ([`crate::filter_cache`]) instead moves each list past the articles it refuses, so that
//! every candidate is admitted.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::postings::{Postings, SegmentPostings, TermInfo};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::filter_cache::{next_in, CachedFilter};

/// A weighted bag of analysed terms, scored with BM25 over combined fields.
pub struct Bm25fQuery {
    terms: Vec<(String, f32)>,
    fields: Vec<(Field, f32)>,
    /// Every (term, field) pair, for highlighting.
    field_terms: Vec<Term>,
    k1: f32,
    b: f32,
    /// Only articles this query matches (its scores are ignored).
    filter: Option<Box<dyn Query>>,
}

impl Clone for Bm25fQuery {
    fn clone(&self) -> Self {
        Bm25fQuery {
            terms: self.terms.clone(),
            fields: self.fields.clone(),
            field_terms: self.field_terms.clone(),
            k1: self.k1,
            b: self.b,
            filter: self.filter.as_ref().map(|f| f.box_clone()),
        }
    }
}

impl fmt::Debug for Bm25fQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bm25fQuery")
            .field("terms", &self.terms)
            .field("k1", &self.k1)
            .field("b", &self.b)
            .field("filter", &self.filter)
            .finish()
    }
}

impl Bm25fQuery {
    /// A query for analysed `terms` (text, weight) over `fields` (field, weight).
    pub fn new(terms: Vec<(String, f32)>, fields: Vec<(Field, f32)>, k1: f32, b: f32) -> Self {
        let field_terms = terms
            .iter()
            .flat_map(|(t, _)| {
                fields
                    .iter()
                    .map(move |(f, _)| Term::from_field_text(*f, t))
            })
            .collect();
        Bm25fQuery {
            terms,
            fields,
            field_terms,
            k1,
            b,
            filter: None,
        }
    }

    /// The same query restricted to the articles `filter` matches (a date range, entities),
    /// with the same ranking; filters given one after the other must all match. The filter is
    /// checked per candidate during the top-k traversal, which keeps its pruning; a boolean
    /// conjunction around the query would lose it.
    ///
    /// # Example
    /// ```
    /// use tantivy::query::TermQuery;
    /// use tantivy::schema::{IndexRecordOption, Schema, STRING, TEXT};
    /// use tantivy::{doc, Index, Term};
    /// use dateline_index::Bm25fQuery;
    ///
    /// let mut builder = Schema::builder();
    /// let body = builder.add_text_field("body", TEXT);
    /// let place = builder.add_text_field("place", STRING);
    /// let index = Index::create_in_ram(builder.build());
    /// let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
    /// writer.add_document(doc!(body => "fighters", place => "syria"))?;
    /// writer.add_document(doc!(body => "foreign fighters", place => "iraq"))?;
    /// writer.commit()?;
    /// let iraq = TermQuery::new(Term::from_field_text(place, "iraq"), IndexRecordOption::Basic);
    /// let query = Bm25fQuery::new(vec![("fighters".into(), 1.0)], vec![(body, 1.0)], 1.2, 0.75)
    ///     .filtered(Box::new(iraq));
    /// let searcher = index.reader()?.searcher();
    /// assert_eq!(searcher.search(&query, &tantivy::collector::Count)?, 1);
    /// # Ok::<(), tantivy::TantivyError>(())
    /// ```
    pub fn filtered(mut self, filter: Box<dyn Query>) -> Self {
        self.filter = Some(match self.filter.take() {
            None => filter,
            Some(earlier) => Box::new(tantivy::query::BooleanQuery::intersection(vec![
                earlier, filter,
            ])),
        });
        self
    }

    /// The terms and their weights.
    pub fn terms(&self) -> &[(String, f32)] {
        &self.terms
    }
}

/// Per-term statistics computed once per search.
struct TermStat {
    text: String,
    /// `q_t · idf(t) · (k1 + 1)`.
    weight: f32,
    /// `q_t`, `idf(t)` and the `df` it was computed from, for explanations.
    q: f32,
    idf: f32,
    df: u64,
}

struct Bm25fWeight {
    terms: Vec<TermStat>,
    fields: Vec<(Field, f32)>,
    k1: f32,
    b: f32,
    avg_len: f32,
    filter: Option<FilterWeight>,
    /// Per segment, the term info of each term in each field (`term * fields + field`), from
    /// the statistics pass: the scorers need not look the terms up again.
    infos: HashMap<SegmentId, Vec<Option<TermInfo>>>,
    /// Articles in the index (`N` of the idf).
    num_docs: u64,
}

/// The term info of `term` in every segment of `readers` and its document frequency over them
/// all: looked up once for the statistics and kept for the scorers.
pub(crate) fn term_infos(
    readers: &[SegmentReader],
    term: &Term,
) -> tantivy::Result<(u64, Vec<Option<TermInfo>>)> {
    let mut df = 0;
    let mut infos = Vec::with_capacity(readers.len());
    for reader in readers {
        let info = reader.inverted_index(term.field())?.get_term_info(term)?;
        df += info.as_ref().map_or(0, |i| u64::from(i.doc_freq));
        infos.push(info);
    }
    Ok((df, infos))
}

impl Query for Bm25fQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let Some(searcher) = scoring.searcher() else {
            // Scoring disabled: statistics are not needed, every weight is 1.
            return Ok(Box::new(Bm25fWeight {
                terms: self
                    .terms
                    .iter()
                    .map(|(text, _)| TermStat {
                        text: text.clone(),
                        weight: 1.0,
                        q: 1.0,
                        idf: 1.0,
                        df: 0,
                    })
                    .collect(),
                fields: self.fields.clone(),
                k1: self.k1,
                b: self.b,
                avg_len: 1.0,
                filter: self
                    .filter
                    .as_ref()
                    .map(|f| FilterWeight::new(&**f, scoring))
                    .transpose()?,
                infos: HashMap::new(),
                num_docs: 0,
            }));
        };
        let num_docs = searcher
            .segment_readers()
            .iter()
            .map(|r| u64::from(r.max_doc()))
            .sum::<u64>()
            .max(1);
        let mut total_len = 0f64;
        for &(field, w) in &self.fields {
            let mut tokens = 0u64;
            for reader in searcher.segment_readers() {
                tokens += reader.inverted_index(field)?.total_num_tokens();
            }
            total_len += f64::from(w) * tokens as f64;
        }
        let avg_len = ((total_len / num_docs as f64) as f32).max(f32::MIN_POSITIVE);
        let readers = searcher.segment_readers();
        let mut infos: Vec<Vec<Option<TermInfo>>> = vec![Vec::new(); readers.len()];
        let mut terms = Vec::with_capacity(self.terms.len());
        for (text, q) in &self.terms {
            // Document frequency per field over the whole index; the term's is the largest of
            // them (see the module docs). Infos per field, each over the segments.
            let mut df = 0;
            let mut field_infos = Vec::with_capacity(self.fields.len());
            for &(field, _) in &self.fields {
                let (n, found) = term_infos(readers, &Term::from_field_text(field, text))?;
                df = df.max(n);
                field_infos.push(found);
            }
            let df = df.min(num_docs);
            if df == 0 {
                // Matches nothing (an unstemmed form in an English index): its bound would only
                // slow MaxScore down.
                continue;
            }
            for (s, segment) in infos.iter_mut().enumerate() {
                segment.extend(field_infos.iter().map(|found| found[s].clone()));
            }
            let x = ((num_docs - df) as f32 + 0.5) / (df as f32 + 0.5);
            let idf = (1.0 + x).ln();
            terms.push(TermStat {
                text: text.clone(),
                weight: q * idf * (self.k1 + 1.0),
                q: *q,
                idf,
                df,
            });
        }
        let filter = self
            .filter
            .as_ref()
            .map(|f| FilterWeight::new(&**f, EnableScoring::disabled_from_searcher(searcher)))
            .transpose()?;
        Ok(Box::new(Bm25fWeight {
            terms,
            fields: self.fields.clone(),
            k1: self.k1,
            b: self.b,
            avg_len,
            filter,
            infos: readers
                .iter()
                .map(SegmentReader::segment_id)
                .zip(infos)
                .collect(),
            num_docs,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for term in &self.field_terms {
            visitor(term, false);
        }
    }
}

impl Bm25fWeight {
    fn bm25f_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Bm25fScorer> {
        let mut norms = Vec::with_capacity(self.fields.len());
        for &(field, _) in &self.fields {
            norms.push(reader.get_fieldnorms_reader(field)?);
        }
        let known = self.infos.get(&reader.segment_id());
        let mut cursors = Vec::new();
        for (t, stat) in self.terms.iter().enumerate() {
            for (f, &(field, _)) in self.fields.iter().enumerate() {
                let inverted = reader.inverted_index(field)?;
                let info = match known {
                    Some(infos) => infos[t * self.fields.len() + f].clone(),
                    None => inverted.get_term_info(&Term::from_field_text(field, &stat.text))?,
                };
                if let Some(info) = info {
                    cursors.push(Cursor {
                        term: t as u32,
                        field: f as u32,
                        postings: inverted
                            .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)?,
                    });
                }
            }
        }
        let filter = self.filter.as_ref().map(|f| f.docs(reader)).transpose()?;
        let mut scorer = Bm25fScorer {
            filter,
            term_weights: self.terms.iter().map(|t| t.weight * boost).collect(),
            field_weights: self.fields.iter().map(|f| f.1).collect(),
            norms,
            cursors,
            k1: self.k1,
            b: self.b,
            avg_len: self.avg_len,
            doc: 0,
        };
        let first = scorer.min_doc();
        scorer.doc = scorer.admitted_from(first);
        Ok(scorer)
    }
}

impl Weight for Bm25fWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.bm25f_scorer(reader, boost)?))
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        self.bm25f_scorer(reader, 1.0)?
            .for_each_pruning(threshold, callback);
        Ok(())
    }

    /// The score term by term, with every quantity of the module's formula: `q_t`, `idf(t)`
    /// with its `N` and `df`, the weighted frequency field by field and the length
    /// normalisation with `len(d)` and `avglen`.
    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.bm25f_scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document #{doc} does not match"
            )));
        }
        let schema = reader.schema();
        let field_names: Vec<&str> = self
            .fields
            .iter()
            .map(|&(f, _)| schema.get_field_name(f))
            .collect();
        let norm = scorer.length_norm();
        // Lengths as the field norms keep them: exact up to 40 words, then rounded into
        // tantivy's buckets, as scoring reads them.
        let lengths: Vec<(&str, f32, u32)> = (scorer.norms.iter())
            .zip(&scorer.field_weights)
            .zip(&field_names)
            .map(|((n, &w), &name)| (name, w, n.fieldnorm(doc)))
            .collect();
        let mut len = Explanation::new_with_string(
            format!(
                "len(d) = Σ field weight · length (in words, as the field norms keep it): {}",
                field_names.join(" + ")
            ),
            lengths.iter().map(|&(_, w, n)| w * n as f32).sum(),
        );
        for (name, w, n) in lengths {
            len.add_detail(Explanation::new_with_string(
                format!("{name}: weight {w} · length {n}"),
                w * n as f32,
            ));
        }
        let mut total = Explanation::new_with_string(
            format!(
                "BM25F: {} as one field, sum over the query's terms of q · idf · tf · (k1 + 1) / \
                 (tf + k1 · (1 − b + b · len(d) / avglen)), k1 = {}, b = {}",
                field_names.join(" + "),
                self.k1,
                self.b
            ),
            scorer.score(),
        );
        for (t, stat) in self.terms.iter().enumerate() {
            let found: Vec<(&str, f32, u32)> = (scorer.cursors.iter())
                .filter(|c| c.term as usize == t && c.postings.doc() == doc)
                .map(|c| {
                    let field = c.field as usize;
                    (
                        field_names[field],
                        self.fields[field].1,
                        c.postings.term_freq(),
                    )
                })
                .collect();
            let sum: f32 = found.iter().map(|&(_, w, n)| w * n as f32).sum();
            if sum == 0.0 {
                continue;
            }
            let mut tf = Explanation::new("tf = Σ field weight · occurrences", sum);
            for (name, w, n) in found {
                tf.add_detail(Explanation::new_with_string(
                    format!("{name}: weight {w} · {n} occurrence{}", plural(n)),
                    w * n as f32,
                ));
            }
            let mut part = Explanation::new_with_string(
                format!("term \"{}\"", stat.text),
                stat.weight * sum / (sum + norm),
            );
            part.add_const("q: the term's weight in the query", stat.q);
            let mut idf = Explanation::new("idf = ln(1 + (N − df + 0.5) / (df + 0.5))", stat.idf);
            idf.add_const(
                "N: documents in the index (deleted ones too, until merged away)",
                self.num_docs as f32,
            );
            idf.add_const(
                "df: articles with the term, in its most frequent field",
                stat.df as f32,
            );
            part.add_detail(idf);
            part.add_detail(tf);
            let mut normalisation = Explanation::new("k1 · (1 − b + b · len(d) / avglen)", norm);
            normalisation.add_detail(len.clone());
            normalisation.add_const("avglen: mean len(d) over the index", self.avg_len);
            part.add_detail(normalisation);
            total.add_detail(part);
        }
        Ok(total)
    }
}

/// `s` after a count other than one.
fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

struct Cursor {
    term: u32,
    field: u32,
    postings: SegmentPostings,
}

/// A filter, prepared for the segments.
enum FilterWeight {
    /// One term given as a `TermQuery` (by a program building its own [`Bm25fQuery`]; an
    /// [`Index`](crate::Index) passes its filters as [`CachedFilter`]): its postings are read
    /// directly.
    Term(Term),
    /// A term or a union of terms whose bit sets the index may keep: the bit set when there
    /// is one, else the term's postings or the union's scorer (`None` for a single term).
    Cached(CachedFilter, Option<Box<dyn Weight>>),
    /// Anything else (a date range, several filters together).
    Other(Box<dyn Weight>),
}

impl FilterWeight {
    fn new(filter: &dyn Query, scoring: EnableScoring<'_>) -> tantivy::Result<Self> {
        if let Some(cached) = filter.downcast_ref::<CachedFilter>() {
            let union = match cached.terms() {
                [_] => None,
                _ => Some(cached.query().weight(scoring)?),
            };
            return Ok(FilterWeight::Cached(cached.clone(), union));
        }
        Ok(match filter.downcast_ref::<TermQuery>() {
            Some(term) => FilterWeight::Term(term.term().clone()),
            None => FilterWeight::Other(filter.weight(scoring)?),
        })
    }

    fn docs(&self, reader: &SegmentReader) -> tantivy::Result<FilterDocs> {
        let postings = |term: &Term| -> tantivy::Result<FilterDocs> {
            Ok(FilterDocs::Postings(Box::new(
                reader
                    .inverted_index(term.field())?
                    .read_postings(term, IndexRecordOption::Basic)?
                    .unwrap_or_else(SegmentPostings::empty),
            )))
        };
        match self {
            FilterWeight::Term(term) => postings(term),
            FilterWeight::Cached(filter, union) => {
                match (filter.cache().bits(reader, filter.terms())?, union) {
                    (Some(bits), _) => Ok(FilterDocs::Bits(Bits(bits))),
                    (None, Some(union)) => Ok(FilterDocs::Scorer(union.scorer(reader, 1.0)?)),
                    (None, None) => postings(&filter.terms()[0]),
                }
            }
            FilterWeight::Other(weight) => Ok(FilterDocs::Scorer(weight.scorer(reader, 1.0)?)),
        }
    }
}

/// A filter's matches in one segment. Every candidate of a search is checked against them,
/// so a single term's postings are walked without the indirection of a scorer: that
/// indirection was a tenth of the time of a search filtered by a frequent entity.
enum FilterDocs {
    Postings(Box<SegmentPostings>),
    /// A dense filter used before (see [`crate::filter_cache`]): each list skips to the
    /// articles it admits ([`Admit::PER_LIST`]).
    Bits(Bits),
    Scorer(Box<dyn Scorer>),
}

/// A filter's documents in a segment as a bit set.
struct Bits(Arc<BitSet>);

/// What a traversal asks of a filter.
trait Admit {
    /// Whether the traversal asks [`Admit::skip`] to move each list to its next admitted
    /// document, so that every candidate is admitted, instead of asking [`Admit::refuses`]
    /// about candidates. For a filter that answers for any document at once (a bit set): a
    /// candidate refused costs a pass over all the lists, a document skipped within one list
    /// a bit test.
    const PER_LIST: bool = false;

    /// `None` if the filter admits `doc`; otherwise the next document it admits. `doc` never
    /// goes down from one call to the next.
    fn refuses(&mut self, doc: DocId) -> Option<DocId>;

    /// Moves `postings` to its first document the filter admits (with [`Admit::PER_LIST`]).
    #[inline(always)]
    fn skip(&mut self, postings: &mut SegmentPostings) -> DocId {
        postings.doc()
    }
}

/// No filter.
struct AdmitAll;

impl Admit for AdmitAll {
    #[inline]
    fn refuses(&mut self, _: DocId) -> Option<DocId> {
        None
    }
}

impl Admit for SegmentPostings {
    #[inline]
    fn refuses(&mut self, doc: DocId) -> Option<DocId> {
        let next = seek_near(self, doc);
        (next != doc).then_some(next)
    }
}

impl Admit for Bits {
    const PER_LIST: bool = true;

    #[inline]
    fn refuses(&mut self, doc: DocId) -> Option<DocId> {
        if doc < self.0.max_value() && self.0.contains(doc) {
            None
        } else {
            Some(next_in(&self.0, doc))
        }
    }

    #[inline(always)]
    fn skip(&mut self, postings: &mut SegmentPostings) -> DocId {
        let mut doc = postings.doc();
        // The list's documents and the set's leapfrog: a step when the next admitted document
        // is near, a seek when it is far.
        while let Some(next) = self.refuses(doc) {
            if next == TERMINATED {
                // Past the set's last document: the list is done, and must say so, or every
                // later candidate would scan the set to its end again.
                return postings.seek(TERMINATED);
            }
            doc = seek_near(postings, next);
        }
        doc
    }
}

impl Admit for Box<dyn Scorer> {
    fn refuses(&mut self, doc: DocId) -> Option<DocId> {
        let next = if self.doc() < doc {
            self.seek(doc)
        } else {
            self.doc()
        };
        (next != doc).then_some(next)
    }
}

/// Steps a list checked on each candidate before seeking it.
const NEAR_STEPS: usize = 3;

/// Moves `postings` to its first document at or after `target`. Lists checked on each
/// candidate (common words, a frequent entity) are mostly asked for a document a few places
/// on: stepping there is cheaper than a seek, which searches the whole block.
#[inline(always)]
fn seek_near(postings: &mut SegmentPostings, target: DocId) -> DocId {
    let mut doc = postings.doc();
    for _ in 0..NEAR_STEPS {
        if doc >= target {
            return doc;
        }
        doc = postings.advance();
    }
    // tantivy's seek may not be asked for a document behind the list.
    if doc >= target {
        doc
    } else {
        postings.seek(target)
    }
}

struct Bm25fScorer {
    /// The filter's matches.
    filter: Option<FilterDocs>,
    term_weights: Vec<f32>,
    field_weights: Vec<f32>,
    norms: Vec<FieldNormReader>,
    cursors: Vec<Cursor>,
    k1: f32,
    b: f32,
    avg_len: f32,
    doc: DocId,
}

impl Bm25fScorer {
    fn min_doc(&self) -> DocId {
        self.cursors
            .iter()
            .map(|c| c.postings.doc())
            .min()
            .unwrap_or(TERMINATED)
    }

    /// `None` if the filter admits `doc`; otherwise the next document it admits.
    fn refused(&mut self, doc: DocId) -> Option<DocId> {
        match &mut self.filter {
            None => None,
            Some(FilterDocs::Postings(p)) => p.refuses(doc),
            Some(FilterDocs::Bits(b)) => b.refuses(doc),
            Some(FilterDocs::Scorer(s)) => s.refuses(doc),
        }
    }

    /// The first match at or after `doc` (a document of some list) that the filter admits,
    /// with the lists moved up to it.
    fn admitted_from(&mut self, mut doc: DocId) -> DocId {
        while doc != TERMINATED {
            let Some(next) = self.refused(doc) else {
                return doc;
            };
            if next == TERMINATED {
                return TERMINATED;
            }
            for c in &mut self.cursors {
                seek_near(&mut c.postings, next);
            }
            doc = self.min_doc();
        }
        TERMINATED
    }

    /// MaxScore top-k traversal (see the module documentation): calls `callback` with every
    /// article scoring above `threshold`, which the callback raises as the top k fills.
    fn for_each_pruning(
        &mut self,
        threshold: Score,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) {
        // One traversal per kind of filter: unfiltered searches carry no filter code, and a
        // single term's postings are read without a scorer's indirection.
        match self.filter.take() {
            None => self.prune(&mut AdmitAll, threshold, callback),
            Some(FilterDocs::Postings(mut p)) => self.prune(&mut *p, threshold, callback),
            Some(FilterDocs::Bits(mut b)) => self.prune(&mut b, threshold, callback),
            Some(FilterDocs::Scorer(mut s)) => self.prune(&mut s, threshold, callback),
        }
    }

    fn prune<F: Admit>(
        &mut self,
        filter: &mut F,
        mut threshold: Score,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) {
        // A term's contribution w · tf / (tf + norm) is below its weight w.
        let bounds: Vec<f32> = self.term_weights.iter().map(|w| w.max(0.0)).collect();
        let mut order: Vec<usize> = (0..bounds.len()).collect();
        order.sort_by(|&a, &b| bounds[a].total_cmp(&bounds[b]));
        let mut rank = vec![0; bounds.len()];
        for (r, &t) in order.iter().enumerate() {
            rank[t] = r;
        }
        // prefix[r]: the most the terms ranked below r can add together.
        let mut prefix = vec![0.0f32; bounds.len() + 1];
        for (r, &t) in order.iter().enumerate() {
            prefix[r + 1] = prefix[r] + bounds[t];
        }
        let cursor_rank: Vec<usize> = self.cursors.iter().map(|c| rank[c.term as usize]).collect();
        // Each term's cursors, which come term by term.
        let mut spans = vec![(0, 0); bounds.len()];
        for (i, c) in self.cursors.iter().enumerate() {
            let span = &mut spans[c.term as usize];
            if span.1 == 0 {
                span.0 = i;
            }
            span.1 = i + 1;
        }
        let mut parts = vec![0.0f32; bounds.len()];
        // Terms ranked below `essential` cannot lift an article above the threshold alone.
        let essential_from =
            |threshold: Score| prefix.iter().rposition(|&p| p <= threshold).unwrap_or(0);
        let mut essential = essential_from(threshold);
        // The next candidate: the first article of an essential list. Each pass over the lists
        // that moves them also finds it.
        let mut doc = self
            .cursors
            .iter_mut()
            .zip(&cursor_rank)
            .filter(|(_, &r)| r >= essential)
            .map(|(c, _)| filter.skip(&mut c.postings))
            .min()
            .unwrap_or(TERMINATED);
        while doc != TERMINATED {
            if F::PER_LIST {
                // Every list stands on an admitted document: so does the candidate.
            } else if let Some(next) = filter.refuses(doc) {
                if next == TERMINATED {
                    break;
                }
                // Only the lists that make candidates move on; the others are seeked when
                // a candidate is scored.
                doc = TERMINATED;
                for (c, _) in self
                    .cursors
                    .iter_mut()
                    .zip(&cursor_rank)
                    .filter(|(_, &r)| r >= essential)
                {
                    seek_near(&mut c.postings, next);
                    doc = doc.min(c.postings.doc());
                }
                continue;
            }
            self.doc = doc;
            let lists = Lists {
                spans: &spans,
                order: &order,
                prefix: &prefix,
            };
            if let Some(score) = self.competitive_score(threshold, essential, &lists, &mut parts) {
                if score > threshold {
                    threshold = callback(doc, score);
                    essential = essential_from(threshold);
                }
            }
            let scored = doc;
            doc = TERMINATED;
            for (c, &r) in self.cursors.iter_mut().zip(&cursor_rank) {
                if c.postings.doc() == scored {
                    c.postings.advance();
                    // Lists that did not move stand on an admitted document already.
                    if r >= essential {
                        filter.skip(&mut c.postings);
                    }
                }
                if r >= essential {
                    doc = doc.min(c.postings.doc());
                }
            }
        }
        self.doc = TERMINATED;
    }
}

/// How [`Bm25fScorer::competitive_score`] finds a term's lists and bounds.
struct Lists<'a> {
    /// Each term's range of cursors.
    spans: &'a [(usize, usize)],
    /// Terms by rising bound.
    order: &'a [usize],
    /// `prefix[r]`: the sum of the bounds of the terms ranked below `r`.
    prefix: &'a [f32],
}

impl Bm25fScorer {
    /// The combined length term of BM25 for the current document.
    // This and the next two are inlined into each of `prune`'s copies (one per kind of
    // filter): left to the compiler, they became calls, 8% more instructions per search.
    #[inline(always)]
    fn length_norm(&self) -> f32 {
        let mut len = 0.0;
        for (norm, w) in self.norms.iter().zip(&self.field_weights) {
            len += w * norm.fieldnorm(self.doc) as f32;
        }
        self.k1 * (1.0 - self.b + self.b * len / self.avg_len)
    }

    /// What term `t` (its cursors `span`) adds to the current document's score.
    #[inline(always)]
    fn term_part(&self, t: usize, span: (usize, usize), norm: f32) -> f32 {
        let mut tf = 0.0f32;
        for c in &self.cursors[span.0..span.1] {
            if c.postings.doc() == self.doc {
                tf += self.field_weights[c.field as usize] * c.postings.term_freq() as f32;
            }
        }
        if tf > 0.0 {
            self.term_weights[t] * tf / (tf + norm)
        } else {
            0.0
        }
    }

    /// The current document's score, or `None` as soon as it cannot exceed `threshold`. The
    /// essential terms' lists stand on the document already; the others are seeked to it one
    /// at a time, the highest bound first, and only while what they could still add might
    /// lift it over the threshold: most candidates of a bag of common words stop there.
    /// The score is the same sum, in the same order, as [`Scorer::score`].
    #[inline(always)]
    fn competitive_score(
        &mut self,
        threshold: Score,
        essential: usize,
        lists: &Lists<'_>,
        parts: &mut [f32],
    ) -> Option<Score> {
        if essential == 0 {
            // Every list is essential and stands on the document: one pass does it all.
            return Some(self.score());
        }
        let doc = self.doc;
        let norm = self.length_norm();
        parts.fill(0.0);
        let mut partial = 0.0;
        for &t in &lists.order[essential..] {
            parts[t] = self.term_part(t, lists.spans[t], norm);
            partial += parts[t];
        }
        for r in (0..essential).rev() {
            if partial + lists.prefix[r + 1] <= threshold {
                return None;
            }
            let t = lists.order[r];
            let span = lists.spans[t];
            for c in &mut self.cursors[span.0..span.1] {
                seek_near(&mut c.postings, doc);
            }
            parts[t] = self.term_part(t, span, norm);
            partial += parts[t];
        }
        // Terms in their order, each added once: absent ones add an exact zero.
        Some(parts.iter().sum())
    }
}

impl DocSet for Bm25fScorer {
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        if doc == TERMINATED {
            return TERMINATED;
        }
        for c in &mut self.cursors {
            if c.postings.doc() == doc {
                c.postings.advance();
            }
        }
        let next = self.min_doc();
        self.doc = self.admitted_from(next);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for c in &mut self.cursors {
            if c.postings.doc() < target {
                c.postings.seek(target);
            }
        }
        let next = self.min_doc();
        self.doc = self.admitted_from(next);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.cursors
            .iter()
            .map(|c| c.postings.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for Bm25fScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let norm = self.length_norm();
        // Cursors come term by term (fields within): each term's frequency is summed over
        // its fields, then saturated, in one pass.
        let mut score = 0.0;
        let (mut term, mut tf) = (u32::MAX, 0.0f32);
        for c in &self.cursors {
            if c.term != term {
                if tf > 0.0 {
                    score += self.term_weights[term as usize] * tf / (tf + norm);
                }
                (term, tf) = (c.term, 0.0);
            }
            if c.postings.doc() == doc {
                tf += self.field_weights[c.field as usize] * c.postings.term_freq() as f32;
            }
        }
        if tf > 0.0 {
            score += self.term_weights[term as usize] * tf / (tf + norm);
        }
        score
    }
}
