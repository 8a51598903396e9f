//! Ranking: the settings of Dateline's scoring, its stop-word lists, and running a batch of
//! topics for relevance evaluation.
//!
//! Words are scored with BM25 over title and body as one combined field (the "contents" field
//! of Lucene baselines), with adjustable `k1` and `b` (tantivy's own BM25 has them fixed), see
//! [`Bm25fQuery`](crate::bm25f::Bm25fQuery). A word repeated in the query counts with Okapi's
//! query-term saturation (`k3` = 8, Terrier's default), not once per repeat as in Lucene. In a bag of words, common words (stop words) are
//! dropped at query time; phrases are never touched, so `"Secretary of State"` stays exact.
//! Pseudo-relevance feedback (RM3) is available and off by default.
//!
//! Every default here was measured on the six tuning collections; see BENCHMARKS.md.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::error::Result;
use crate::search::{SearchRequest, Syntax};
use crate::top::TopScores;
use crate::Index;

/// Which words a bag-of-words query drops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopWords {
    /// Keep every word.
    None,
    /// Lucene's English list (33 words).
    Lucene,
    /// A longer English list (NLTK's, 179 words): pronouns, auxiliaries, prepositions.
    Long,
}

/// How words are scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scoring {
    /// BM25 over title and body as one field (weighted term counts and lengths), with this
    /// ranking's `k1` and `b`.
    Combined,
    /// tantivy's own BM25 (k1 = 1.2, b = 0.75), title and body scored apart and summed.
    Tantivy,
}

/// Pseudo-relevance feedback settings (RM3).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    /// Feedback documents: the top of the first pass.
    pub docs: usize,
    /// Expansion terms kept.
    pub terms: usize,
    /// Weight of the original query in the interpolation (0..=1).
    pub original_weight: f32,
}

impl Default for Prf {
    fn default() -> Self {
        Prf {
            docs: 10,
            terms: 20,
            original_weight: 0.5,
        }
    }
}

/// Proximity boost: consecutive words of a bag of words that occur within `slop` positions of
/// each other, in order, add a phrase score scaled by `weight`. Off by default: it gains about
/// 0.007 mean nDCG@10 on the tuning collections but reads positions for every word pair, which
/// made running the topics 60% slower (BENCHMARKS.md, Levers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Proximity {
    /// Largest number of positions the pair may be moved apart.
    pub slop: u32,
    /// Scale of the pair's phrase score against the word scores.
    pub weight: f32,
}

impl Default for Proximity {
    /// The best setting measured on the tuning collections: adjacent pairs (slop 0), weight 0.1.
    fn default() -> Self {
        Proximity {
            slop: 0,
            weight: 0.1,
        }
    }
}

/// All ranking settings; [`Ranking::default`] is what `dateline search` and `dateline eval` use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranking {
    /// How words are scored.
    pub scoring: Scoring,
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalisation.
    pub b: f32,
    /// Query-term saturation (Okapi's `k3`): a word occurring `n` times in a bag of words
    /// weighs `(k3 + 1) · n / (k3 + n)`; `None` weighs it `n`.
    pub k3: Option<f32>,
    /// Weight of a title occurrence against a body occurrence.
    pub title_weight: f32,
    /// Stop words dropped from bags of words.
    pub stop_words: StopWords,
    /// Proximity boost for consecutive query words, `None` for off.
    pub proximity: Option<Proximity>,
    /// Pseudo-relevance feedback, `None` for off.
    pub prf: Option<Prf>,
}

impl Default for Ranking {
    fn default() -> Self {
        Ranking {
            scoring: Scoring::Combined,
            k1: 2.0,
            b: 0.72,
            k3: Some(8.0),
            title_weight: 3.0,
            stop_words: StopWords::Long,
            proximity: None,
            prf: None,
        }
    }
}

impl Ranking {
    /// Tantivy's stock behaviour, the baseline of the ablations: its own BM25 per field, no
    /// stop words, no feedback.
    pub fn tantivy_baseline() -> Self {
        Ranking {
            scoring: Scoring::Tantivy,
            k1: 1.2,
            b: 0.75,
            k3: None,
            title_weight: 1.0,
            stop_words: StopWords::None,
            proximity: None,
            prf: None,
        }
    }

    /// Turns the proximity boost on with its default settings.
    pub fn with_proximity(mut self) -> Self {
        self.proximity = Some(Proximity::default());
        self
    }

    /// Turns pseudo-relevance feedback on with its default settings.
    pub fn with_prf(mut self) -> Self {
        self.prf = Some(Prf::default());
        self
    }
}

const LUCENE: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

const LONG: &[&str] = &[
    "i",
    "me",
    "my",
    "myself",
    "we",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "what",
    "which",
    "who",
    "whom",
    "this",
    "that",
    "these",
    "those",
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    "a",
    "an",
    "the",
    "and",
    "but",
    "if",
    "or",
    "because",
    "as",
    "until",
    "while",
    "of",
    "at",
    "by",
    "for",
    "with",
    "about",
    "against",
    "between",
    "into",
    "through",
    "during",
    "before",
    "after",
    "above",
    "below",
    "to",
    "from",
    "up",
    "down",
    "in",
    "out",
    "on",
    "off",
    "over",
    "under",
    "again",
    "further",
    "then",
    "once",
    "here",
    "there",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "both",
    "each",
    "few",
    "more",
    "most",
    "other",
    "some",
    "such",
    "no",
    "nor",
    "not",
    "only",
    "own",
    "same",
    "so",
    "than",
    "too",
    "very",
    "s",
    "t",
    "can",
    "will",
    "just",
    "don",
    "should",
    "now",
    "d",
    "ll",
    "m",
    "o",
    "re",
    "ve",
    "y",
    "ain",
    "aren",
    "couldn",
    "didn",
    "doesn",
    "hadn",
    "hasn",
    "haven",
    "isn",
    "ma",
    "mightn",
    "mustn",
    "needn",
    "shan",
    "shouldn",
    "wasn",
    "weren",
    "won",
    "wouldn",
    "would",
    "could",
    "also",
    "shall",
    "may",
    "might",
    "must",
];

impl StopWords {
    /// The words of the list.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            StopWords::None => &[],
            StopWords::Lucene => LUCENE,
            StopWords::Long => LONG,
        }
    }

    fn set(self) -> Option<&'static HashSet<&'static str>> {
        static LUCENE_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
        static LONG_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
        match self {
            StopWords::None => None,
            StopWords::Lucene => Some(LUCENE_SET.get_or_init(|| LUCENE.iter().copied().collect())),
            StopWords::Long => Some(LONG_SET.get_or_init(|| LONG.iter().copied().collect())),
        }
    }

    /// Whether `surface` (a word as written) is a stop word. Acronyms in capitals inside
    /// mixed-case text (`US`, `IT`, `WHO`) are kept; in all-capitals text they are words.
    pub fn is_stop(self, surface: &str, all_caps_text: bool) -> bool {
        let Some(set) = self.set() else { return false };
        if surface.contains('.') {
            return false;
        }
        let upper =
            surface.chars().any(char::is_uppercase) && !surface.chars().any(char::is_lowercase);
        if upper && surface.chars().count() > 1 && !all_caps_text {
            return false;
        }
        let lower: String = surface
            .chars()
            .filter(|c| !matches!(c, '\'' | '’'))
            .flat_map(char::to_lowercase)
            .collect();
        set.contains(lower.as_str())
    }
}

/// Whether the text is written in capitals (no lower-case letter at all).
pub(crate) fn is_all_caps(text: &str) -> bool {
    text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase)
}

/// One ranked list: a topic id and its `(article id, score)` pairs, best first.
pub type RankedList = (String, Vec<(String, f32)>);

impl Index {
    /// Runs each `(topic id, text)` as plain words (no operators: topic text is prose) and
    /// returns the top `k` article ids with scores, best first, in the order of `topics`.
    /// A topic with no searchable word gets an empty list.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, Ranking};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("a1", "Foreign fighters were discussed in London."),
    ///     Article::new("a2", "The space probe reached its orbit."),
    /// ])?;
    /// let topics = [("q1".to_string(), "FOREIGN FIGHTERS - WHO: \"LONDON".to_string())];
    /// let runs = index.run_queries(&topics, 1000, &Ranking::default(), &|_, _| {})?;
    /// assert_eq!(runs[0].1[0].0, "a1");
    /// assert_eq!(runs[0].1.len(), 1);
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn run_queries(
        &self,
        topics: &[(String, String)],
        k: usize,
        ranking: &Ranking,
        progress: &dyn Fn(usize, usize),
    ) -> Result<Vec<RankedList>> {
        let searcher = self.reader.searcher();
        let mut out = Vec::with_capacity(topics.len());
        for (qid, text) in topics {
            progress(out.len(), topics.len());
            let request = SearchRequest::new(text.as_str())
                .syntax(Syntax::Plain)
                .ranking(*ranking)
                .snippets(false);
            let query = match self.build_query(&request) {
                Ok(q) => q,
                Err(crate::Error::Query(_)) => {
                    out.push((qid.clone(), Vec::new()));
                    continue;
                }
                Err(e) => return Err(e),
            };
            let top = searcher.search(&*query, &TopScores::new(k, 0))?;
            let hits = top
                .into_iter()
                .map(|(score, address)| Ok((self.columns.id(&searcher, address)?, score)))
                .collect::<Result<Vec<_>>>()?;
            out.push((qid.clone(), hits));
        }
        Ok(out)
    }
}
