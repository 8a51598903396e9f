//! "Did you mean" for the words of a query that no article contains: the closest word of the
//! index, as the articles write it (`Hamond` → `Hammond`).

use dateline_core::analyzer::{analyze_tokens_with, Stemming};
use rustc_hash::FxHashMap;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::query::Node;
use crate::{Index, SearchRequest};

/// A word of a query that no article contains, and the closest one that some do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WordSuggestion {
    /// The word as written in the query.
    pub given: String,
    /// The closest word of the index, as an article writes it.
    pub suggestion: String,
    /// Articles containing the suggestion (in title or body).
    pub articles: u64,
}

/// Words shorter than this (in chars) get no suggestion: most words of one or two letters are
/// a couple of edits from hundreds of others.
const MIN_CHARS: usize = 3;

impl Index {
    /// For each word of `request`'s query that no article contains (in title or body, in any
    /// form the analyzer gives it), the closest word that some article does: the fewest edits
    /// away (a swap of two neighbouring letters counts one; one edit for words of up to four
    /// letters, two for longer ones), then the one in the most articles. Words inside quoted
    /// phrases count; excluded words (`-word`), prefixes (`migra*`) and fuzzy words (`word~1`)
    /// do not. Filters play no part: a word that is in the index but not in the filtered
    /// articles is spelt right.
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
    /// assert_eq!(tips[0].articles, 2);
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
                if self.in_any_article(&searcher, &forms)? {
                    continue;
                }
                if let Some(tip) = self.closest_word(&searcher, given, &forms)? {
                    out.push(tip);
                }
            }
        }
        Ok(out)
    }

    /// Whether some article has one of `terms` in its title or body.
    fn in_any_article(&self, searcher: &Searcher, terms: &[String]) -> Result<bool> {
        for term in terms {
            for field in [self.schema.title, self.schema.body] {
                if searcher.doc_freq(&Term::from_field_text(field, term))? > 0 {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// The indexed word closest to any of `forms` (the terms `given` analyses to), with the
    /// articles holding it and its spelling in one of them.
    fn closest_word(
        &self,
        searcher: &Searcher,
        given: &str,
        forms: &[String],
    ) -> Result<Option<WordSuggestion>> {
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
        for (word, articles) in candidates {
            let edits = edits(&word, &mut rows);
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
        let query = self.word_query(&term);
        let articles = searcher.search(&query, &Count)? as u64;
        let suggestion = self
            .spelling_of(searcher, &query, &term)?
            .unwrap_or_else(|| term.clone());
        Ok(Some(WordSuggestion {
            given: given.to_string(),
            suggestion,
            articles,
        }))
    }

    /// The articles holding `term` in title or body.
    fn word_query(&self, term: &str) -> BooleanQuery {
        let clause = |field: Field| -> (Occur, Box<dyn Query>) {
            let term = Term::from_field_text(field, term);
            (
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            )
        };
        BooleanQuery::new(vec![clause(self.schema.title), clause(self.schema.body)])
    }

    /// How the first article `query` finds writes the word indexed as `term` (`Hammond` for
    /// `hammond`, `governments` for `govern`): the first occurrence in the body, else in the
    /// title, not in capitals if the article has it otherwise (Reuters' headlines are in
    /// capitals); `None` if it cannot be found again.
    fn spelling_of(
        &self,
        searcher: &Searcher,
        query: &BooleanQuery,
        term: &str,
    ) -> Result<Option<String>> {
        let top = searcher.search(query, &TopDocs::with_limit(1).order_by_score())?;
        let Some(&(_, address)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let mut in_capitals = None;
        for field in [self.schema.body, self.schema.title] {
            for text in doc.get_all(field).filter_map(|v| v.as_str()) {
                for stemming in [Stemming::English, Stemming::None] {
                    let spellings = analyze_tokens_with(text, stemming)
                        .into_iter()
                        .filter(|t| t.text == term)
                        .map(|t| without_possessive(&text[t.offset_from..t.offset_to]));
                    for spelling in spellings {
                        if spelling.chars().any(char::is_lowercase) {
                            return Ok(Some(spelling.to_string()));
                        }
                        in_capitals.get_or_insert_with(|| spelling.to_string());
                    }
                }
            }
        }
        Ok(in_capitals)
    }
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
