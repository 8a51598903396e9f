//! Why a hit scored what it did: tantivy's explanation tree, with its parts readable.

use serde::{Deserialize, Serialize};
use tantivy::query::{EnableScoring, Query, Scorer, Weight};
use tantivy::{DocId, Score, SegmentReader, Term};

/// How one part of a hit's score was computed: a value, what it is, and the parts it was
/// computed from. The root's value is the hit's score; for a bag of words its parts are the
/// query's terms, each with its query weight, idf (from `N` and `df`), weighted frequency and
/// length normalisation (see [`Bm25fQuery`](crate::Bm25fQuery)); a phrase, prefix or fuzzy
/// word, field by field, with tantivy's BM25 of the phrase or the field's constant weight,
/// the parts named in words (`tf: occurrences in the field`).
///
/// # Example
/// ```
/// use dateline_core::Article;
/// use dateline_index::{Index, SearchRequest};
///
/// let index = Index::create_in_ram()?;
/// index.add_articles(vec![
///     Article::new("a", "Hammond met Kerry in London.").with_title("Hammond in London"),
///     Article::new("b", "Kerry flew home."),
/// ])?;
/// let hit = &index.search(&SearchRequest::new("Hammond Kerry").explain(true))?.hits[0];
/// let why = hit.explanation.as_ref().unwrap();
/// assert!((why.value - hit.score.unwrap()).abs() < 1e-5);
/// assert_eq!(why.details.len(), 2, "one part per term");
/// assert_eq!(why.details[0].description, "term \"hammond\"");
/// print!("{why}");
/// # Ok::<(), dateline_index::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The value of this part.
    pub value: f32,
    /// What it is.
    pub description: String,
    /// The parts it was computed from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Explanation>,
    /// Remarks that go with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
}

impl From<&tantivy::query::Explanation> for Explanation {
    fn from(tantivy: &tantivy::query::Explanation) -> Self {
        // tantivy keeps the tree's fields private and gives them out only serialised.
        let mut tree = serde_json::to_value(tantivy)
            .and_then(serde_json::from_value)
            .unwrap_or_else(|_| Explanation {
                value: tantivy.value(),
                description: "score".to_string(),
                details: Vec::new(),
                context: Vec::new(),
            });
        tree.make_readable();
        tree
    }
}

/// tantivy's descriptions of the parts of its BM25, and what they are called here.
const READABLE: [(&str, &str); 9] = [
    ("BooleanClause. sum of ...", "sum of the matching parts"),
    ("(K1+1)", "k1 + 1"),
    (
        "idf",
        "idf = ln(1 + (N − df + 0.5) / (df + 0.5)), a phrase's the sum of its words'",
    ),
    (
        "freq / (freq + k1 * (1 - b + b * dl / avgdl))",
        "tf / (tf + k1 · (1 − b + b · dl / avgdl))",
    ),
    (
        "freq, occurrences of term within document",
        "tf: occurrences in the field",
    ),
    ("k1, term saturation parameter", "k1: term saturation"),
    (
        "b, length normalization parameter",
        "b: length normalisation",
    ),
    (
        "dl, length of field",
        "dl: the field's length in this article (in words, as its norm keeps it)",
    ),
    (
        "avgdl, average length of field",
        "avgdl: the field's mean length",
    ),
];

impl Explanation {
    /// Names tantivy's parts in words and folds its wrappers (a boost, the phrase scorer
    /// around its BM25, a sum of one part) into the parts above or below them.
    fn make_readable(&mut self) {
        for detail in &mut self.details {
            detail.make_readable();
        }
        let same_value = |a: f32, b: f32| (a - b).abs() <= 1e-4 * a.abs().max(1.0);
        match self.description.as_str() {
            "TermQuery, product of..." => {
                self.description = BM25.to_string();
            }
            "Phrase Scorer" => {
                if let [only] = self.details.as_mut_slice() {
                    if only.description == BM25 && same_value(only.value, self.value) {
                        self.details = std::mem::take(&mut only.details);
                    }
                }
                self.description = PHRASE_BM25.to_string();
            }
            "Const" => self.description = "every match scores the field's weight".to_string(),
            boost if boost.starts_with("Boost x") => {
                let weight = boost["Boost x".len()..]
                    .trim_end_matches(" of ...")
                    .parse()
                    .ok();
                self.description = "weight × score, product of".to_string();
                let weight = weight.map(|w| Explanation::part(w, "weight"));
                self.details.splice(0..0, weight);
            }
            tantivy => {
                if let Some(&(_, readable)) = READABLE.iter().find(|(t, _)| *t == tantivy) {
                    self.description = readable.to_string();
                }
            }
        }
        // A part with one part under it of the same value (a named phrase over its score, a
        // sum of one part) reads as one line.
        if let [only] = self.details.as_mut_slice() {
            if same_value(only.value, self.value) {
                let only = std::mem::replace(only, Explanation::part(0.0, ""));
                self.description = if self.description == "sum of the matching parts" {
                    only.description
                } else {
                    format!("{}: {}", self.description, only.description)
                };
                self.details = only.details;
                self.context.extend(only.context);
            }
        }
    }

    fn part(value: f32, description: &str) -> Self {
        Explanation {
            value,
            description: description.to_string(),
            details: Vec::new(),
            context: Vec::new(),
        }
    }
}

/// What tantivy's BM25 of one term in one field is called here.
const BM25: &str = "tantivy's BM25 in one field, product of";

/// What tantivy's BM25 of a phrase in one field is called here.
const PHRASE_BM25: &str = "tantivy's BM25 of the phrase's occurrences in one field, product of";

/// A query that names itself in explanations (`phrase "oil prices" in title, weight 3`) and
/// otherwise is `inner`: the scorer, counts and collection are the inner query's own.
#[derive(Debug)]
pub(crate) struct Described {
    inner: Box<dyn Query>,
    description: String,
}

impl Described {
    pub(crate) fn new(inner: Box<dyn Query>, description: String) -> Self {
        Described { inner, description }
    }
}

impl Clone for Described {
    fn clone(&self) -> Self {
        Described {
            inner: self.inner.box_clone(),
            description: self.description.clone(),
        }
    }
}

impl Query for Described {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(DescribedWeight {
            inner: self.inner.weight(scoring)?,
            description: self.description.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct DescribedWeight {
    inner: Box<dyn Weight>,
    description: String,
}

impl Weight for DescribedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.inner.scorer(reader, boost)
    }

    fn explain(
        &self,
        reader: &SegmentReader,
        doc: DocId,
    ) -> tantivy::Result<tantivy::query::Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let mut named =
            tantivy::query::Explanation::new_with_string(self.description.clone(), inner.value());
        named.add_detail(inner);
        Ok(named)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        self.inner.for_each(reader, callback)
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        self.inner.for_each_no_score(reader, callback)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        self.inner.for_each_pruning(threshold, reader, callback)
    }
}

impl std::fmt::Display for Explanation {
    /// The tree, one part a line, each indented under the part it goes into:
    /// `3.2140 = term "hammond"`; whole numbers without decimals.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_indented(f, 0)
    }
}

impl Explanation {
    fn write_indented(&self, f: &mut std::fmt::Formatter<'_>, depth: usize) -> std::fmt::Result {
        // Counts (frequencies, lengths, N, df) read better without decimals.
        let value = if self.value.fract() == 0.0 && self.value.abs() < 1e9 {
            format!("{:.0}", self.value)
        } else {
            format!("{:.4}", self.value)
        };
        writeln!(
            f,
            "{:indent$}{value} = {}",
            "",
            self.description,
            indent = 2 * depth
        )?;
        for line in &self.context {
            writeln!(f, "{:indent$}  ({line})", "", indent = 2 * depth)?;
        }
        for detail in &self.details {
            detail.write_indented(f, depth + 1)?;
        }
        Ok(())
    }
}
