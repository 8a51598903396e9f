//! Articles like a given one ("more like this", as Lucene's `MoreLikeThis` does it): the
//! article's most telling words, by tf · idf over its title and body, searched as one bag of
//! words with the article itself left out. Other coverage of a story, its follow-ups, and the
//! copies a wire story gets.

use std::collections::HashMap;

use dateline_core::analyzer::analyze_tokens;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::error::Result;
use crate::search::{SearchRequest, SearchResults, Syntax};
use crate::Index;

/// Words of an article searched for (Lucene's `MoreLikeThis` default, `maxQueryTerms`).
pub const SIMILAR_WORDS: usize = 25;

impl Index {
    /// The articles most like the article `id`, itself left out: its [`SIMILAR_WORDS`] most
    /// telling words (term frequency in its title and body times inverse document frequency in
    /// the index; stop words, numbers and words no other article has passed over) searched as a
    /// bag of words. `request` gives the filters, limit, offset, order and snippets; its query
    /// text is replaced by those words. `None` when no article has that id.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("cocoa-1", "Cocoa arrivals in Bahia rose as showers ended the drought."),
    ///     Article::new("cocoa-2", "Bahia cocoa arrivals fell after the drought returned."),
    ///     Article::new("oil", "Crude oil prices rose in London trading."),
    /// ])?;
    /// let like = index.similar("cocoa-1", &SearchRequest::new(""))?.expect("an article");
    /// assert_eq!(like.hits[0].id, "cocoa-2");
    /// assert!(like.hits.iter().all(|h| h.id != "cocoa-1"));
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn similar(&self, id: &str, request: &SearchRequest) -> Result<Option<SearchResults>> {
        let Some(article) = self.get(id)? else {
            return Ok(None);
        };
        let text = match &article.title {
            Some(title) => format!("{title}\n{}", article.body),
            None => article.body.clone(),
        };
        self.like(&text, Some(id), request).map(Some)
    }

    /// The articles most like `text` (a paragraph, a press release, an article from elsewhere),
    /// found as [`similar`](Self::similar) finds them for an article of the index: its most
    /// telling words searched as a bag of words.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("cocoa", "Cocoa arrivals in Bahia rose as showers ended the drought."),
    ///     Article::new("oil", "Crude oil prices rose in London trading."),
    /// ])?;
    /// let text = "Drought hits the Bahia cocoa harvest";
    /// let like = index.similar_to_text(text, &SearchRequest::new(""))?;
    /// assert_eq!(like.hits[0].id, "cocoa");
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn similar_to_text(&self, text: &str, request: &SearchRequest) -> Result<SearchResults> {
        self.like(text, None, request)
    }

    /// The articles like `text`, leaving out the article `itself` when it is one of the index.
    fn like(
        &self,
        text: &str,
        itself: Option<&str>,
        request: &SearchRequest,
    ) -> Result<SearchResults> {
        // A word of an article of the index must be in another article to find one.
        let min_df = 1 + u64::from(itself.is_some());
        let words = self.telling_words(text, min_df)?;
        if words.is_empty() {
            // Nothing in it that an article shares: no article is like it.
            return Ok(SearchResults {
                total: 0,
                hits: Vec::new(),
            });
        }
        let mut request = request.clone();
        request.query = words.join(" ");
        request.syntax = Syntax::Plain;
        let mut query = self.build_query(&request)?;
        if let Some(id) = itself {
            let itself: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(self.schema.id, id),
                IndexRecordOption::Basic,
            ));
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::MustNot, itself),
            ]));
        }
        self.run_query(&*query, &request)
            .map_err(|e| self.damaged(e))
    }

    /// The [`SIMILAR_WORDS`] words of `text` with the highest tf · idf among those in at least
    /// `min_df` articles, each as written the first time its term appears, best first (ties by
    /// term).
    fn telling_words(&self, text: &str, min_df: u64) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let articles = searcher.num_docs() as f32;
        let mut terms: HashMap<String, (f32, String)> = HashMap::new();
        for token in analyze_tokens(text) {
            let surface = &text[token.offset_from..token.offset_to];
            let entry = terms
                .entry(token.text)
                .or_insert_with(|| (0.0, surface.to_string()));
            entry.0 += 1.0;
        }
        let mut scored: Vec<(f32, String, String)> = Vec::with_capacity(terms.len());
        for (term, (tf, surface)) in terms {
            if !crate::prf::allowed(&term) {
                continue;
            }
            // As BM25F takes it: the larger of the two fields' document frequencies.
            let df = searcher
                .doc_freq(&Term::from_field_text(self.schema.body, &term))?
                .max(searcher.doc_freq(&Term::from_field_text(self.schema.title, &term))?);
            if df < min_df {
                continue;
            }
            let df = df as f32;
            let idf = (1.0 + (articles - df + 0.5) / (df + 0.5)).ln();
            scored.push((tf * idf, term, surface));
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(scored
            .into_iter()
            .take(SIMILAR_WORDS)
            .map(|(_, _, surface)| surface)
            .collect())
    }
}
