//! Pseudo-relevance feedback (RM3).
//!
//! The first pass's top documents are taken as relevant. Each term `t` of their title and
//! body gets `P(t|R) = Σ_d s(d) · tf(t, d) / |d|` with `s(d)` the document's first-pass score
//! normalised over the feedback set; stop words, numbers and one-letter terms are skipped.
//! The best terms (normalised to sum 1) are interpolated with the original query,
//! `λ · P(t|Q) + (1 − λ) · P(t|R)`, and the expanded query is run again.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use dateline_core::analyzer::analyze;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use crate::bm25f::Bm25fQuery;
use crate::error::Result;
use crate::query::Node;
use crate::rank::{Prf, StopWords};
use crate::search::SearchRequest;
use crate::top::TopScores;
use crate::Index;

/// Candidates fetched beyond the feedback set, so that ties at its cut are broken by id.
const TIE_MARGIN: usize = 10;

/// Whether a query tree is only words (a bag: the expansion may find new documents).
pub(crate) fn is_bag(node: &Node) -> bool {
    match node {
        Node::Word { .. } => true,
        Node::Any(items) => items.iter().all(|n| matches!(n, Node::Word { .. })),
        _ => false,
    }
}

/// Analysed (stemmed) forms of the long stop list, to filter expansion terms.
fn stemmed_stop_words() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        StopWords::Long
            .words()
            .iter()
            .chain(StopWords::Lucene.words())
            .flat_map(|w| analyze(w))
            .collect()
    })
}

/// Whether a term may stand for a text: not a stop word, a number or a single letter.
pub(crate) fn allowed(term: &str) -> bool {
    term.chars().count() > 1
        && term.chars().any(char::is_alphabetic)
        && !stemmed_stop_words().contains(term)
}

impl Index {
    /// Expands `text` (the request's text query, `num_terms` terms long) with terms of the
    /// top documents of `first` (the filtered first-pass query).
    pub(crate) fn feedback(
        &self,
        first: &dyn Query,
        text: Box<dyn Query>,
        num_terms: usize,
        bag: bool,
        prf: &Prf,
        request: &SearchRequest,
    ) -> Result<Box<dyn Query>> {
        let searcher = self.reader.searcher();
        // Equal scores at the cut (duplicate records are common in test collections) would be
        // ordered by document address, which depends on how the indexing threads split the
        // collection into segments: a margin of candidates, ordered by id, makes the feedback
        // set the same on every index of the same articles.
        let candidates =
            searcher.search(first, &TopScores::new(prf.docs.max(1) + TIE_MARGIN, 0))?;
        let mut top = Vec::with_capacity(candidates.len());
        for (score, address) in candidates {
            top.push((score, self.columns.id(&searcher, address)?, address));
        }
        top.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        top.truncate(prf.docs.max(1));
        let total: f32 = top.iter().map(|(s, _, _)| s.max(0.0)).sum();
        if top.is_empty() || total <= 0.0 {
            return Ok(text);
        }
        let mut weights: HashMap<String, f32> = HashMap::new();
        for (score, _, address) in &top {
            let doc: TantivyDocument = searcher.doc(*address)?;
            let mut counts: HashMap<String, f32> = HashMap::new();
            let mut len = 0.0f32;
            for field in [self.schema.title, self.schema.body] {
                for value in doc.get_all(field) {
                    if let Some(s) = value.as_str() {
                        for term in analyze(s) {
                            len += 1.0;
                            *counts.entry(term).or_default() += 1.0;
                        }
                    }
                }
            }
            if len == 0.0 {
                continue;
            }
            let doc_weight = score.max(0.0) / total;
            for (term, tf) in counts {
                if allowed(&term) {
                    *weights.entry(term).or_default() += doc_weight * tf / len;
                }
            }
        }
        let mut terms: Vec<(String, f32)> = weights.into_iter().collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(prf.terms);
        let sum: f32 = terms.iter().map(|t| t.1).sum();
        if terms.is_empty() || sum <= 0.0 {
            return Ok(text);
        }
        terms.iter_mut().for_each(|t| t.1 /= sum);
        let ranking = &request.ranking;
        let fields = vec![
            (self.schema.title, ranking.title_weight),
            (self.schema.body, 1.0),
        ];
        let expansion: Box<dyn Query> = Box::new(BoostQuery::new(
            Box::new(Bm25fQuery::new(terms, fields, ranking.k1, ranking.b)),
            1.0 - prf.original_weight,
        ));
        let original: Box<dyn Query> = Box::new(BoostQuery::new(
            text,
            prf.original_weight / num_terms as f32,
        ));
        let occur = if bag { Occur::Should } else { Occur::Must };
        Ok(Box::new(BooleanQuery::new(vec![
            (occur, original),
            (Occur::Should, expansion),
        ])))
    }
}
