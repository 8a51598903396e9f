//! "Did you mean" for the words of a query that no article contains, or that a few do where a
//! word spelt nearly alike is in far more: the closest word of the index, as the articles write
//! it (`Hamond` → `Hammond`, `Volker` → `Volcker`).

use dateline_core::analyzer::{analyze_tokens_with, Stemming};
use dateline_core::entities::known_word;
use rustc_hash::FxHashMap;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::query::Node;
use crate::{Index, SearchRequest};

/// A word of a query that no article contains, or that few do beside a word spelt nearly alike
/// in far more, and that closest word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WordSuggestion {
    /// The word as written in the query.
    pub given: String,
    /// Articles containing the given word (in title or body): 0 when it is misspelt beyond
    /// doubt, else a handful, at most a fiftieth of the suggestion's.
    pub given_articles: u64,
    /// The closest word of the index, as an article writes it.
    pub suggestion: String,
    /// Articles containing the suggestion (in title or body).
    pub articles: u64,
}

/// Words shorter than this (in chars) get no suggestion: most words of one or two letters are
/// a couple of edits from hundreds of others.
const MIN_CHARS: usize = 3;

/// A word that some articles contain gets a suggestion only when the suggestion is in at least
/// this many times as many articles (and the word is not one of the built-in lists': see
/// [`known_word`]). Real news holds misspellings of its own (Reuters-21578 writes `coutry`,
/// `Volker` and `sucessful` once each), so a misspelt query word often finds a few articles;
/// at 50 times, the rare words of Reuters and BBC News left with a suggestion are nearly all
/// such misspellings, where at 20 times rare names (`Biden`, `Hessen`) start to get one.
const MORE_ARTICLES: u64 = 50;

/// How many articles [`Index::spellings_of`] reads: the best-scored articles for a word are
/// its shortest, where one way of writing it (a headline's `Country`) may be the only one.
const SPELLING_ARTICLES: usize = 5;

impl Index {
    /// For each word of `request`'s query that no article contains (in title or body, in any
    /// form the analyzer gives it), the closest word that some article does: the fewest edits
    /// away (a swap of two neighbouring letters counts one; one edit for words of up to four
    /// letters, two for longer ones), then the one in the most articles. A word that some
    /// articles contain gets the closest word in at least 50 times as many,
    /// unless the built-in lists know it ([`known_word`]: an English word, a name, a place) or
    /// it is an alias of the index's table. Words inside quoted phrases count; excluded words
    /// (`-word`), prefixes (`migra*`) and fuzzy words (`word~1`) do not. Filters play no part:
    /// a word that is in the index but not in the filtered articles is spelt right.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("a", "Philip Hammond met the coalition in London."),
    ///     Article::new("b", "Hammond said the talks went well."),
    /// ])?;
    /// let tips = index.word_suggestions(&SearchRequest::new("Hamond coalition"))?;
    /// assert_eq!(tips.len(), 1);
    /// assert_eq!((tips[0].given.as_str(), tips[0].suggestion.as_str()), ("Hamond", "Hammond"));
    /// assert_eq!((tips[0].given_articles, tips[0].articles), (0, 2));
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn word_suggestions(&self, request: &SearchRequest) -> Result<Vec<WordSuggestion>> {
        self.suggest_words(request).map_err(|e| self.damaged(e))
    }

    fn suggest_words(&self, request: &SearchRequest) -> Result<Vec<WordSuggestion>> {
        let tree = crate::search::syntax_tree(request)?;
        let mut texts = Vec::new();
        searched_texts(&tree, &mut texts);
        let searcher = self.reader.searcher();
        let unstemmed = self.has_unstemmed_articles()?;
        let num_docs = searcher.num_docs();
        let mut out: Vec<WordSuggestion> = Vec::new();
        for text in texts {
            for token in analyze_tokens_with(text, Stemming::English) {
                let given = &text[token.offset_from..token.offset_to];
                if given.chars().count() < MIN_CHARS || out.iter().any(|s| s.given == given) {
                    continue;
                }
                let mut forms = vec![token.text];
                if unstemmed {
                    forms.extend(
                        analyze_tokens_with(given, Stemming::None)
                            .into_iter()
                            .map(|t| t.text),
                    );
                    forms.dedup();
                }
                // A known alias (`ISIL` in news of 1987) is no misspelling either way.
                if self.extractor.aliases().resolve(given).is_some() {
                    continue;
                }
                // An upper bound of the articles holding the word: a word some articles hold
                // is looked at only when others could be in MORE_ARTICLES times as many.
                let bound = self.doc_freq_bound(&searcher, &forms)?;
                let given_articles = if bound == 0 {
                    0
                } else if bound.saturating_mul(MORE_ARTICLES) > num_docs || known_word(given) {
                    continue;
                } else {
                    searcher.search(&self.words_query(&forms), &Count)? as u64
                };
                if let Some(tip) = self.closest_word(&searcher, given, &forms, given_articles)? {
                    out.push(tip);
                }
            }
        }
        Ok(out)
    }

    /// The sum of the document frequencies of `terms` in title and body: at least the number
    /// of articles holding one of them, 0 when none does.
    fn doc_freq_bound(&self, searcher: &Searcher, terms: &[String]) -> Result<u64> {
        let mut sum = 0;
        for term in terms {
            for field in [self.schema.title, self.schema.body] {
                sum += searcher.doc_freq(&Term::from_field_text(field, term))?;
            }
        }
        Ok(sum)
    }

    /// The indexed word closest to any of `forms` (the terms `given` analyses to), other than
    /// those, in at least [`MORE_ARTICLES`] times the `given_articles` holding `given` (any
    /// number when none do), with the articles holding it and its spelling in one of them.
    fn closest_word(
        &self,
        searcher: &Searcher,
        given: &str,
        forms: &[String],
        given_articles: u64,
    ) -> Result<Option<WordSuggestion>> {
        let wanted = given_articles.saturating_mul(MORE_ARTICLES);
        let limit = if given.chars().count() <= 4 { 1 } else { 2 };
        // Articles per term, title and body added up: enough to rank the candidates.
        let mut candidates: FxHashMap<String, u64> = FxHashMap::default();
        for form in forms {
            let query =
                FuzzyTermQuery::new(Term::from_field_text(self.schema.body, form), limit, true);
            let automaton = query.automaton()?;
            for segment in searcher.segment_readers() {
                for field in [self.schema.title, self.schema.body] {
                    let inverted = segment.inverted_index(field)?;
                    let mut stream = (inverted.terms().search(&automaton).into_stream())
                        .map_err(tantivy::TantivyError::from)?;
                    while stream.advance() {
                        if let Ok(word) = std::str::from_utf8(stream.key()) {
                            *candidates.entry(word.to_string()).or_insert(0) +=
                                u64::from(stream.value().doc_freq);
                        }
                    }
                }
            }
        }
        let mut rows = Default::default();
        let edits = |word: &str, rows: &mut _| {
            forms
                .iter()
                .map(|f| {
                    crate::facets::osa_distance(f.as_bytes(), word.as_bytes(), limit.into(), rows)
                })
                .min()
                .unwrap_or(usize::MAX)
        };
        let mut best: Option<(usize, u64, String)> = None;
        // The counts of title and body added up are at least the word's articles: a word
        // below `wanted` by them is below it by its articles too.
        for (word, articles) in candidates.into_iter().filter(|&(_, n)| n >= wanted.max(1)) {
            let edits = edits(&word, &mut rows);
            if edits == 0 {
                continue;
            }
            // Fewest edits, then most articles, then the word: the same answer every time.
            let better = best.as_ref().is_none_or(|(e, n, w)| {
                (edits, std::cmp::Reverse(articles), &word) < (*e, std::cmp::Reverse(*n), w)
            });
            if better {
                best = Some((edits, articles, word));
            }
        }
        let Some((_, _, term)) = best else {
            return Ok(None);
        };
        let query = self.words_query(std::slice::from_ref(&term));
        let articles = searcher.search(&query, &Count)? as u64;
        if articles < wanted {
            return Ok(None);
        }
        let spellings = self.spellings_of(searcher, &query, std::slice::from_ref(&term))?;
        let suggestion = closest_spelling(&spellings, given).unwrap_or_else(|| term.clone());
        // A name (`Biden`, written capitalised wherever its articles have it) is not a
        // misspelling of a common word (`widened`).
        if given_articles > 0 && !starts_upper(&suggestion) {
            let written = self.spellings_of(searcher, &self.words_query(forms), forms)?;
            let mut cased = written.iter().filter(|w| w.chars().any(char::is_lowercase));
            let mut cased_peek = cased.clone();
            if cased_peek.next().is_some() && cased.all(|w| starts_upper(w)) {
                return Ok(None);
            }
        }
        Ok(Some(WordSuggestion {
            given: given.to_string(),
            given_articles,
            suggestion,
            articles,
        }))
    }

    /// The articles holding one of `terms` in title or body.
    fn words_query(&self, terms: &[String]) -> BooleanQuery {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in terms {
            for field in [self.schema.title, self.schema.body] {
                let term = Term::from_field_text(field, term);
                clauses.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            }
        }
        BooleanQuery::new(clauses)
    }

    /// How the first articles `query` finds write the words indexed as `terms` (`Hammond` for
    /// `hammond`; `governments` and `government` for `govern`): every occurrence, article by
    /// article, in the body and then the title, possessives stripped.
    fn spellings_of(
        &self,
        searcher: &Searcher,
        query: &BooleanQuery,
        terms: &[String],
    ) -> Result<Vec<String>> {
        let top = searcher.search(
            query,
            &TopDocs::with_limit(SPELLING_ARTICLES).order_by_score(),
        )?;
        let mut out = Vec::new();
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            for field in [self.schema.body, self.schema.title] {
                for text in doc.get_all(field).filter_map(|v| v.as_str()) {
                    for stemming in [Stemming::English, Stemming::None] {
                        out.extend(
                            analyze_tokens_with(text, stemming)
                                .into_iter()
                                .filter(|t| terms.contains(&t.text))
                                .map(|t| without_possessive(&text[t.offset_from..t.offset_to]))
                                .map(str::to_string),
                        );
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Of the ways an article writes a word, the one to suggest for `given`: not in capitals if
/// the article has it otherwise (Reuters' headlines are in capitals), then the closest to
/// `given` in any case (`successful` rather than `success` for `sucessful`, both indexed as
/// `success`), then in the case `given` starts with (`country` for `coutry`), then the first.
fn closest_spelling(spellings: &[String], given: &str) -> Option<String> {
    let given_lower = given.to_lowercase();
    let upper = starts_upper(given);
    let mut rows = Default::default();
    spellings
        .iter()
        .enumerate()
        .min_by_key(|&(i, w)| {
            let edits = crate::facets::osa_distance(
                w.to_lowercase().as_bytes(),
                given_lower.as_bytes(),
                usize::MAX - 1,
                &mut rows,
            );
            (
                !w.chars().any(char::is_lowercase),
                edits,
                starts_upper(w) != upper,
                i,
            )
        })
        .map(|(_, w)| w.clone())
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `Thatcher` for `Thatcher's`: the analyzer indexes a possessive as the bare name, and a
/// suggestion names the word.
fn without_possessive(word: &str) -> &str {
    ["'s", "\u{2019}s", "'S"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word)
}

/// The texts of the words and phrases a query looks for, leaving out excluded clauses and
/// the words it matches loosely (prefixes, fuzzy words).
fn searched_texts<'n>(node: &'n Node, out: &mut Vec<&'n str>) {
    match node {
        Node::Word { text, .. } | Node::Phrase { text, .. } => out.push(text),
        Node::Required(inner) => searched_texts(inner, out),
        Node::Any(nodes) | Node::And(nodes) | Node::Or(nodes) => {
            for node in nodes {
                searched_texts(node, out);
            }
        }
        Node::All
        | Node::Prefix { .. }
        | Node::Fuzzy { .. }
        | Node::Not(_)
        | Node::Entity { .. }
        | Node::Date { .. } => {}
    }
}
