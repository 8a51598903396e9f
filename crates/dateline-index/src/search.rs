//! Search requests, filters, hits and snippets.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use dateline_core::date::parse_date_strict;
use dateline_core::entities::{normalize_key, without_legal_form, AliasTable};
use dateline_core::EntityKind;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::index::SegmentId;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EmptyQuery, InvertedIndexRangeQuery, Occur, Query, TermQuery,
    TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::termdict::{TermDictionary, TermOrdinal};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    DocAddress, DocId, Order, Score, Searcher, SegmentReader, TantivyDocument, TantivyError, Term,
};

use crate::bm25f::Bm25fQuery;
use crate::calendar::{self, Period};
use crate::document::{
    day_number, entities_of, entity_id, from_tantivy_date, parse_entity_term, to_tantivy_date,
    EntityRef, SECONDS_PER_DAY,
};
use crate::error::{Error, Result};
use crate::filter_cache::CachedFilter;
use crate::query::{self, Node, QueryBuilder};
use crate::rank::{Prf, Proximity, Ranking};
use crate::top::TopScores;
use crate::Index;

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 200;

/// Order of the hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (BM25).
    #[default]
    Relevance,
    /// Newest first; articles without a date come last.
    Date,
}

/// How the query text is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Syntax {
    /// Dateline's query language: phrases, operators, fields.
    #[default]
    Query,
    /// Plain words only: for topics and questions written in prose.
    Plain,
}

/// A search: query text, filters, paging and order.
///
/// # Example
/// ```
/// use dateline_index::SearchRequest;
///
/// let request = SearchRequest::new("\"foreign fighters\"")
///     .from_str("2015-01-01")?
///     .to_str("2015-01-31")?
///     .entity("Daesh")
///     .limit(20);
/// assert_eq!(request.limit, 20);
/// # Ok::<(), dateline_index::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// The query text.
    pub query: String,
    /// How the query text is read.
    pub syntax: Syntax,
    /// Earliest publication instant, inclusive.
    pub from: Option<DateTime<Utc>>,
    /// Latest publication instant, inclusive.
    pub to: Option<DateTime<Utc>>,
    /// Entities that must all appear (any alias, any case).
    pub entities: Vec<String>,
    /// Languages (ISO 639-1 codes such as `en`); when not empty, only articles detected in one
    /// of them match.
    pub languages: Vec<String>,
    /// Typed entities that must all appear (`--person`, `--org`, `--place`): by canonical
    /// name, any alias, any case, or a person's surname. A person named in full also matches
    /// articles giving only the surname when the index names almost no one else so (see
    /// [`Index::top_entities`]).
    pub typed_entities: Vec<(EntityKind, String)>,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip first.
    pub offset: usize,
    /// Order of the hits.
    pub sort: Sort,
    /// Whether to build highlighted snippets.
    pub snippets: bool,
    /// Whether to count every matching article ([`SearchResults::total`]). Counting visits
    /// every match; without it, top-k ranking skips articles that cannot make the page.
    pub count_total: bool,
    /// Whether hits carry the stored article (title, entities, path, URL) or only what the
    /// index's columns hold (id, score, date), which spares decompressing stored documents.
    pub stored_fields: bool,
    /// Ranking settings (BM25 form, stop words, pseudo-relevance feedback).
    pub ranking: Ranking,
}

impl SearchRequest {
    /// A request for `query`, top 10 by relevance, with snippets.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            syntax: Syntax::Query,
            from: None,
            to: None,
            entities: Vec::new(),
            languages: Vec::new(),
            typed_entities: Vec::new(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            snippets: true,
            count_total: true,
            stored_fields: true,
            ranking: Ranking::default(),
        }
    }

    /// Only articles published at or after `from`.
    pub fn from(mut self, from: DateTime<Utc>) -> Self {
        self.from = Some(from);
        self
    }

    /// Only articles published at or before `to`.
    pub fn to(mut self, to: DateTime<Utc>) -> Self {
        self.to = Some(to);
        self
    }

    /// Like [`from`](Self::from), parsing `YYYY-MM-DD` or RFC 3339 (a bare date starts at
    /// midnight UTC).
    pub fn from_str(self, text: &str) -> Result<Self> {
        let from = parse_bound(text, false)?;
        Ok(self.from(from))
    }

    /// Like [`to`](Self::to), parsing `YYYY-MM-DD` or RFC 3339 (a bare date includes the
    /// whole day).
    pub fn to_str(self, text: &str) -> Result<Self> {
        let to = parse_bound(text, true)?;
        Ok(self.to(to))
    }

    /// Requires an entity, named by any alias or form, in any case, or a person by surname
    /// (repeat for several: all must appear).
    pub fn entity(mut self, name: impl Into<String>) -> Self {
        self.entities.push(name.into());
        self
    }

    /// Only articles in this language (ISO 639-1 code, any case; repeat for any of several).
    pub fn language(mut self, code: impl Into<String>) -> Self {
        self.languages.push(code.into().trim().to_lowercase());
        self
    }

    /// Requires an entity of this type (repeatable; all must appear).
    pub fn typed_entity(mut self, kind: EntityKind, name: impl Into<String>) -> Self {
        self.typed_entities.push((kind, name.into()));
        self
    }

    /// Requires a person (`--person`).
    pub fn person(self, name: impl Into<String>) -> Self {
        self.typed_entity(EntityKind::Person, name)
    }

    /// Requires an organisation (`--org`).
    pub fn org(self, name: impl Into<String>) -> Self {
        self.typed_entity(EntityKind::Organization, name)
    }

    /// Requires a place (`--place`).
    pub fn place(self, name: impl Into<String>) -> Self {
        self.typed_entity(EntityKind::Place, name)
    }

    /// Number of hits to return.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Number of hits to skip.
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// Order of the hits.
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = sort;
        self
    }

    /// How the query text is read.
    pub fn syntax(mut self, syntax: Syntax) -> Self {
        self.syntax = syntax;
        self
    }

    /// Whether to build snippets.
    pub fn snippets(mut self, on: bool) -> Self {
        self.snippets = on;
        self
    }

    /// Whether to count all matching articles (on by default; see
    /// [`SearchRequest::count_total`]).
    pub fn count_total(mut self, on: bool) -> Self {
        self.count_total = on;
        self
    }

    /// Whether hits carry the stored article (on by default; see
    /// [`SearchRequest::stored_fields`]). Off suits scripts that only need ids, such as
    /// TREC runs and latency benchmarks; snippets need the stored body and turn it back on.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![Article::new("a1", "Hammond met Kerry.")])?;
    /// let request = SearchRequest::new("Hammond").stored_fields(false).count_total(false);
    /// let hit = &index.search(&request)?.hits[0];
    /// assert_eq!((hit.id.as_str(), hit.title.as_deref()), ("a1", None));
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn stored_fields(mut self, on: bool) -> Self {
        self.stored_fields = on;
        self
    }

    /// Ranking settings.
    pub fn ranking(mut self, ranking: Ranking) -> Self {
        self.ranking = ranking;
        self
    }

    /// Proximity boost for consecutive words of bags of words (see [`Proximity`]).
    pub fn proximity(mut self, on: bool) -> Self {
        self.ranking.proximity = on.then(Proximity::default);
        self
    }

    /// Pseudo-relevance feedback (RM3, default settings) on or off.
    pub fn prf(mut self, on: bool) -> Self {
        self.ranking.prf = on.then(Prf::default);
        self
    }
}

/// The syntax tree of a request's query text.
fn syntax_tree(request: &SearchRequest) -> Result<Node> {
    Ok(match request.syntax {
        Syntax::Query => query::parse(&request.query)?,
        Syntax::Plain => query::plain_words(&request.query),
    })
}

/// Builds the snippets of a page of hits. tantivy's generator highlights the terms a query
/// names, and the regular expression behind a prefix (`oilse*`) names none: so each hit's body
/// is also read for the words whose indexed form starts with a prefix of the query, the very
/// terms the expression matched in it, and they are highlighted like the query's own terms.
struct Highlighter {
    /// The query's terms in the body, weighted as tantivy weighs them (rarer is better).
    terms: BTreeMap<String, Score>,
    /// The query's prefixes that can match the body (see [`query::body_prefixes`]).
    prefixes: Vec<String>,
    tokenizer: TextAnalyzer,
    body: Field,
    /// The generator for the query's terms alone: all a query without prefixes needs.
    generator: SnippetGenerator,
}

impl Highlighter {
    fn new(
        searcher: &Searcher,
        query: &dyn Query,
        body: Field,
        prefixes: Vec<String>,
    ) -> Result<Self> {
        let mut named: BTreeSet<&Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == body {
                named.insert(term);
            }
        });
        let mut terms = BTreeMap::new();
        for term in named {
            if let Some(text) = term.value().as_str() {
                if let Some(weight) = term_weight(searcher, term)? {
                    terms.insert(text.to_string(), weight);
                }
            }
        }
        let tokenizer = searcher.index().tokenizer_for_field(body)?;
        let generator =
            SnippetGenerator::new(terms.clone(), tokenizer.clone(), body, SNIPPET_CHARS);
        Ok(Highlighter {
            terms,
            prefixes,
            tokenizer,
            body,
            generator,
        })
    }

    /// The snippet of one hit's body.
    fn snippet(
        &self,
        searcher: &Searcher,
        doc: &TantivyDocument,
    ) -> Result<tantivy::snippet::Snippet> {
        use tantivy::schema::Value;
        if self.prefixes.is_empty() {
            return Ok(self.generator.snippet_from_doc(doc));
        }
        let mut found: BTreeSet<String> = BTreeSet::new();
        let mut tokenizer = self.tokenizer.clone();
        for text in doc.get_all(self.body).filter_map(|v| v.as_str()) {
            let mut tokens = tokenizer.token_stream(text);
            while let Some(token) = tokens.next() {
                let word = token.text.as_str();
                if !self.terms.contains_key(word)
                    && !found.contains(word)
                    && self.prefixes.iter().any(|p| word.starts_with(p.as_str()))
                {
                    found.insert(word.to_string());
                }
            }
        }
        if found.is_empty() {
            return Ok(self.generator.snippet_from_doc(doc));
        }
        let mut terms = self.terms.clone();
        for text in found {
            if let Some(weight) = term_weight(searcher, &Term::from_field_text(self.body, &text))? {
                terms.insert(text, weight);
            }
        }
        let generator =
            SnippetGenerator::new(terms, self.tokenizer.clone(), self.body, SNIPPET_CHARS);
        Ok(generator.snippet_from_doc(doc))
    }
}

/// How much a highlighted term counts in choosing the fragment, as tantivy counts it: more for
/// rarer terms; `None` for a term in no article.
fn term_weight(searcher: &Searcher, term: &Term) -> Result<Option<Score>> {
    let articles = searcher.doc_freq(term)?;
    Ok((articles > 0).then(|| 1.0 / (1.0 + articles as Score)))
}

/// Parses a date bound; `end_of_day` makes a bare date include its whole day.
fn parse_bound(text: &str, end_of_day: bool) -> Result<DateTime<Utc>> {
    let parsed = parse_date_strict(text).map_err(|e| Error::Date {
        text: text.to_string(),
        message: e.to_string(),
    })?;
    Ok(if end_of_day && !parsed.has_time {
        parsed.instant + Duration::days(1) - Duration::seconds(1)
    } else {
        parsed.instant
    })
}

/// A highlighted excerpt of an article's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The excerpt.
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<(usize, usize)>,
}

/// One search result.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// 1-based rank, counting the offset.
    pub rank: usize,
    /// Article identity.
    pub id: String,
    /// Relevance score (`None` when sorted by date).
    pub score: Option<f32>,
    /// Publication instant.
    pub date: Option<DateTime<Utc>>,
    /// Headline.
    pub title: Option<String>,
    /// Highlighted excerpt, when requested.
    pub snippet: Option<Snippet>,
    /// Typed entities of the article.
    pub entities: Vec<EntityRef>,
    /// Source file, when read from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Source URL, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The page of hits and the total number of matching articles.
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    /// Matching articles in the whole index; when the request did not count them
    /// ([`SearchRequest::count_total`]), the number of hits up to the end of this page.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
}

impl Index {
    /// The normalised key an entity filter looks for: the canonical name when `name` is a
    /// known alias (`Daesh` → `islamic state`), else `name` itself.
    pub fn entity_key(&self, name: &str) -> String {
        match self.extractor.aliases().resolve(name) {
            Some((canonical, _)) => normalize_key(canonical),
            None => normalize_key(name),
        }
    }

    /// Whether any article was indexed without English stemming (not English, or
    /// [`IngestOptions::english_stemming`](crate::IngestOptions::english_stemming) off): one
    /// term lookup per segment.
    pub(crate) fn has_unstemmed_articles(&self) -> Result<bool> {
        let term = Term::from_field_text(self.schema.stemming, "none");
        Ok(self.reader.searcher().doc_freq(&term)? > 0)
    }

    /// Builds the tantivy query of a request: text, date range and entity filters.
    pub fn build_query(&self, request: &SearchRequest) -> Result<Box<dyn Query>> {
        let node = syntax_tree(request)?;
        let (text, num_terms) = QueryBuilder::new(&self.schema)
            .ranking(request.ranking)
            .plain(request.syntax == Syntax::Plain)
            .unstemmed_forms(self.has_unstemmed_articles()?)
            .build_counted(&node, &request.query)?;
        let query = self.filtered(request, text.box_clone())?;
        match request.ranking.prf {
            Some(prf) if request.sort == Sort::Relevance => {
                let bag = request.syntax == Syntax::Plain || crate::prf::is_bag(&node);
                let expanded = self.feedback(&*query, text, num_terms, bag, &prf, request)?;
                self.filtered(request, expanded)
            }
            _ => Ok(query),
        }
    }

    /// Adds a request's date and entity filters to a text query.
    pub(crate) fn filtered(
        &self,
        request: &SearchRequest,
        text: Box<dyn Query>,
    ) -> Result<Box<dyn Query>> {
        let mut filters: Vec<Box<dyn Query>> = Vec::new();
        if request.from.is_some() || request.to.is_some() {
            filters.push(self.date_filter(request.from, request.to));
        }
        for name in &request.entities {
            filters.push(self.entity_query(name)?);
        }
        for (kind, name) in &request.typed_entities {
            filters.push(self.typed_entity_query(*kind, name)?);
        }
        // Terms and unions of terms (an entity, a person and the bare surname, a year) may be
        // kept as bit sets from one search to the next.
        for filter in &mut filters {
            if let Some(cached) = CachedFilter::of(&**filter, &self.filters) {
                *filter = Box::new(cached);
            }
        }
        if !request.languages.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = request
                .languages
                .iter()
                .map(|code| {
                    let term = Term::from_field_text(self.schema.lang, &code.to_lowercase());
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                    (Occur::Should, q)
                })
                .collect();
            filters.push(Box::new(BooleanQuery::new(any)));
        }
        let filter = match filters.len() {
            0 => None,
            1 => filters.pop(),
            _ => Some(Box::new(BooleanQuery::intersection(filters)) as Box<dyn Query>),
        };
        // A bag of words checks the filter on each candidate and keeps its top-k pruning;
        // other queries are joined with it.
        match (filter, text.downcast_ref::<Bm25fQuery>()) {
            (None, _) => Ok(text),
            (Some(f), Some(bag)) => Ok(Box::new(bag.clone().filtered(f))),
            (Some(f), None) => Ok(Box::new(BooleanQuery::new(vec![
                (Occur::Must, text),
                (Occur::Must, Box::new(ConstScoreQuery::new(f, 0.0))),
            ]))),
        }
    }

    /// An untyped entity filter: any entity seen under that name (its canonical name, an alias,
    /// a form it took in an article), or a person of that surname, as a person filter reads it
    /// (`Kerry` finds an article that names only `John Kerry`).
    fn entity_query(&self, name: &str) -> Result<Box<dyn Query>> {
        let term = Term::from_field_text(self.schema.entity_key, &self.entity_key(name));
        let by_key: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
        let people = self.typed_entity_query(EntityKind::Person, name)?;
        // Most names are no one's surname: the filter stays one term, which a bag of words
        // reads as bare postings.
        if people.downcast_ref::<EmptyQuery>().is_some() {
            return Ok(by_key);
        }
        Ok(Box::new(BooleanQuery::new(vec![
            (Occur::Should, by_key),
            (Occur::Should, people),
        ])))
    }

    /// The articles published from `from` to `to` (both included). Bounds on whole days (a
    /// start at midnight, an end at 23:59:59, as bare dates give) are cut into whole years,
    /// months and days (see [`calendar::cover`]), each one term of the `year`, `month` or `day`
    /// field: a year of news is one posting list, walked through its skip list. Other bounds
    /// read the second-precise `published` field.
    fn date_filter(
        &self,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> Box<dyn Query> {
        let starts_day = from.is_none_or(|d| d.timestamp().rem_euclid(SECONDS_PER_DAY) == 0);
        let ends_day = to.is_none_or(|d| (d.timestamp() + 1).rem_euclid(SECONDS_PER_DAY) == 0);
        if starts_day && ends_day {
            if let Some(cover) = calendar::cover(from.map(day_number), to.map(day_number)) {
                return self.periods_query(cover);
            }
        }
        let bound = |d: Option<DateTime<Utc>>| {
            d.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_date(
                    self.schema.published,
                    to_tantivy_date(d),
                ))
            })
        };
        Box::new(InvertedIndexRangeQuery::new(bound(from), bound(to)))
    }

    /// The articles of any of `cover`'s periods.
    fn periods_query(&self, cover: calendar::Cover) -> Box<dyn Query> {
        let s = &self.schema;
        let mut terms: Vec<Term> = cover
            .periods
            .iter()
            .map(|p| match *p {
                Period::Day(d) => Term::from_field_i64(s.day, d),
                Period::Month(m) => Term::from_field_i64(s.month, m),
                Period::Year(y) => Term::from_field_i64(s.year, y),
            })
            .collect();
        let mut parts: Vec<Box<dyn Query>> = Vec::new();
        if let Some((lo, hi)) = cover.years {
            let term = |b: Bound<i64>| b.map(|y| Term::from_field_i64(s.year, y));
            parts.push(Box::new(InvertedIndexRangeQuery::new(term(lo), term(hi))));
        }
        match terms.len() {
            0 => {}
            // One list is walked through its skip list as the ranking seeks candidates.
            1 => parts.extend(
                terms
                    .pop()
                    .map(|t| Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as _),
            ),
            _ => parts.push(Box::new(TermSetQuery::new(terms))),
        }
        match parts.len() {
            0 => Box::new(EmptyQuery),
            1 => parts.remove(0),
            _ => Box::new(BooleanQuery::union(parts)),
        }
    }

    /// Number of articles matching a request (limit and offset ignored).
    pub fn count(&self, request: &SearchRequest) -> Result<usize> {
        let query = self.build_query(request)?;
        Ok(self.reader.searcher().search(&*query, &Count)?)
    }

    /// Runs a search.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![Article::new("a1", "Foreign fighters were discussed in London.")])?;
    /// let results = index.search(&SearchRequest::new("\"foreign fighters\""))?;
    /// assert_eq!(results.hits[0].id, "a1");
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let query = self.build_query(request)?;
        let searcher = self.reader.searcher();
        // No page can reach past the index: a huge `--limit` or `--offset` must not size a
        // buffer.
        let articles = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let offset = request.offset.min(articles);
        let limit = request.limit.min(articles - offset);
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
        // With a count, every match is visited anyway; without, top-k pruning can skip most.
        let (page, total): (Vec<(Option<f32>, DocAddress)>, Option<usize>) =
            match (request.sort, request.count_total) {
                (Sort::Relevance, true) => {
                    let (docs, total) = searcher.search(&*query, &(top.order_by_score(), Count))?;
                    (
                        docs.into_iter().map(|(s, a)| (Some(s), a)).collect(),
                        Some(total),
                    )
                }
                (Sort::Relevance, false) => {
                    let top = TopScores::new(limit, offset);
                    let docs = searcher.search(&*query, &top)?;
                    (docs.into_iter().map(|(s, a)| (Some(s), a)).collect(), None)
                }
                (Sort::Date, count) => {
                    let by_date =
                        top.order_by_fast_field::<tantivy::DateTime>("published", Order::Desc);
                    let (docs, total) = searcher.search(&*query, &(by_date, Count))?;
                    let total = count.then_some(total);
                    (docs.into_iter().map(|(_, a)| (None, a)).collect(), total)
                }
            };
        let total = total.unwrap_or(offset + page.len());
        let page = if limit == 0 { Vec::new() } else { page };
        let snippets = if request.snippets && !page.is_empty() {
            let prefixes = query::body_prefixes(&syntax_tree(request)?);
            Some(Highlighter::new(
                &searcher,
                &*query,
                self.schema.body,
                prefixes,
            )?)
        } else {
            None
        };
        let stored = request.stored_fields || snippets.is_some();
        let hits = page
            .into_iter()
            .enumerate()
            .map(|(i, (score, address))| {
                if !stored {
                    return self.column_hit(&searcher, address, offset + i + 1, score);
                }
                self.hit(&searcher, address, offset + i + 1, score, snippets.as_ref())
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(SearchResults { total, hits })
    }

    /// A hit from the columns alone: id and date, no stored document opened.
    fn column_hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        rank: usize,
        score: Option<f32>,
    ) -> Result<Hit> {
        let columns = self.columns.segment(searcher, address.segment_ord)?;
        let (id, date) = (columns.id(address.doc_id), columns.date(address.doc_id));
        Ok(Hit {
            rank,
            id,
            score,
            date,
            title: None,
            snippet: None,
            entities: Vec::new(),
            path: None,
            url: None,
        })
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        rank: usize,
        score: Option<f32>,
        snippets: Option<&Highlighter>,
    ) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let s = &self.schema;
        let text = |f| {
            use tantivy::schema::Value;
            doc.get_first(f)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let snippet = match snippets {
            Some(highlighter) => Some(highlighter.snippet(searcher, &doc)?),
            None => None,
        };
        let snippet = snippet.map(|snippet| {
            if snippet.is_empty() {
                // Matches only in the title: show the opening of the body instead.
                let body = text(s.body).unwrap_or_default();
                let end = body
                    .char_indices()
                    .nth(SNIPPET_CHARS)
                    .map_or(body.len(), |(i, _)| i);
                Snippet {
                    text: body[..end].replace('\n', " "),
                    highlights: Vec::new(),
                }
            } else {
                Snippet {
                    // Paragraph breaks become spaces: same byte length, so ranges stay valid.
                    text: snippet.fragment().replace('\n', " "),
                    highlights: snippet
                        .highlighted()
                        .iter()
                        .map(|r| (r.start, r.end))
                        .collect(),
                }
            }
        });
        Ok(Hit {
            rank,
            id: text(s.id).unwrap_or_default(),
            score,
            date: {
                use tantivy::schema::Value;
                doc.get_first(s.published)
                    .and_then(|v| v.as_datetime())
                    .and_then(from_tantivy_date)
            },
            title: text(s.title),
            snippet,
            entities: entities_of(s, &doc),
            path: text(s.path),
            url: text(s.url),
        })
    }
}

/// What a hit needs from one segment's columns: the article ids, read once from the `id`
/// column, and the opened `published` column (opening a column reads all its block headers,
/// which cost more than a hit's lookups: opening it per hit was a third of a rare word's
/// search).
pub(crate) struct SegmentColumns {
    ids: Vec<String>,
    dates: tantivy::columnar::Column<tantivy::DateTime>,
}

impl SegmentColumns {
    /// The id of `doc` (empty for a document without one).
    fn id(&self, doc: DocId) -> String {
        self.ids.get(doc as usize).cloned().unwrap_or_default()
    }

    /// The publication date of `doc`, if it has one.
    fn date(&self, doc: DocId) -> Option<DateTime<Utc>> {
        self.dates.first(doc).and_then(from_tantivy_date)
    }
}

/// What is read once per segment and kept while the segment lives: [`SegmentColumns`] for
/// hits, the entity names behind the `entity_id` hashes for entity counts, and the
/// [`EntityCatalog`] of typed entity filters.
#[derive(Default)]
pub(crate) struct ColumnCache {
    segments: std::sync::Mutex<HashMap<SegmentId, Arc<SegmentColumns>>>,
    entity_names: std::sync::Mutex<HashMap<SegmentId, Arc<EntityNames>>>,
    entity_catalogs: std::sync::Mutex<HashMap<SegmentId, Arc<EntityCatalog>>>,
}

/// A segment's entities, as entity counts read them.
#[derive(Default)]
pub(crate) struct EntityNames {
    /// Each entity by `entity_id`.
    pub(crate) by_id: rustc_hash::FxHashMap<u64, EntityName>,
    /// The [`canonical_key`]s of the segment's organisations and places, by type and hash
    /// (see [`key_hash`]), each once: what [`CanonicalKey::index`] points to.
    pub(crate) canonical_keys: Vec<(EntityKind, u64)>,
}

/// An entity of a segment, as entity counts read it.
pub(crate) struct EntityName {
    /// Its `CODE:Name` term.
    pub(crate) term: String,
    /// For an organisation or a place, the name its filter reads it as.
    pub(crate) canonical: Option<CanonicalKey>,
}

/// The [`canonical_key`] of an organisation or a place of a segment.
#[derive(Clone, Copy)]
pub(crate) struct CanonicalKey {
    /// Its index in [`EntityNames::canonical_keys`].
    pub(crate) index: u32,
    /// The entity's own normalised name is the canonical key: it is named without a legal form
    /// and by no alias of another.
    pub(crate) is_own: bool,
}

/// The normalised name under which a typed filter of `kind` (organisation or place) gathers an
/// entity whose normalised name is `key`: the canonical name the alias table gives it (`ibm` →
/// `international business machines`), else for an organisation the name without its legal
/// form (`gencorp inc` → `gencorp`, or that name's canonical one), else `key` itself. Any
/// spelling of an entity in any case has the same one, so that a filter by any of them finds
/// the same articles, and a facet row counts exactly those.
pub(crate) fn canonical_key<'a>(
    aliases: &AliasTable,
    kind: EntityKind,
    key: &'a str,
) -> Cow<'a, str> {
    let canonical = |name: &str| {
        aliases
            .resolve(name)
            .filter(|(_, k)| *k == kind)
            .map(|(c, _)| normalize_key(c))
    };
    if let Some(c) = canonical(key) {
        return Cow::Owned(c);
    }
    if kind == EntityKind::Organization {
        let bare = without_legal_form(key);
        if bare.len() < key.len() {
            return canonical(bare).map_or(Cow::Borrowed(bare), Cow::Owned);
        }
    }
    Cow::Borrowed(key)
}

/// Whether typed filters of `kind` gather its entities by [`canonical_key`]; person filters
/// read surnames instead.
pub(crate) fn gathered_by_canonical_key(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Organization | EntityKind::Place)
}

/// A segment's entities by normalised name, so that a typed filter (`--person Hammond`) finds
/// its `entity` terms by lookups instead of reading the whole term dictionary on every query.
/// It holds hashes, term ordinals and counts only (16 bytes per name, 32 per person named in
/// full); names are read back from the dictionary, and checked, when found.
#[derive(Default)]
pub(crate) struct EntityCatalog {
    /// `(hash of a normalised name, ordinal of its entity term)`, sorted.
    by_key: Vec<(u64, TermOrdinal)>,
    /// People named in two words or more, sorted by surname.
    by_surname: Vec<FullName>,
    /// `(hash of the canonical key, ordinal)` of the organisations and places whose own
    /// normalised name is not their [`canonical_key`] (`GenCorp Inc`, `IBM`), sorted.
    by_canonical: Vec<(u64, TermOrdinal)>,
}

/// A person named in full in a segment, catalogued by surname.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct FullName {
    /// Hash of the normalised surname.
    surname: u64,
    /// Ordinal of the `entity` term.
    pub(crate) ord: TermOrdinal,
    /// Hash of the normalised name: the same person in every segment.
    pub(crate) name: u64,
    /// Articles of the segment naming the person.
    pub(crate) articles: u32,
}

impl EntityCatalog {
    /// Catalogues a segment's `entity` terms (`CODE:Name`, as [`entity_term`] writes them),
    /// organisations and places under their canonical keys by `aliases`.
    ///
    /// [`entity_term`]: crate::document::entity_term
    fn build(dict: &TermDictionary, aliases: &AliasTable) -> Result<Self> {
        let mut catalog = EntityCatalog::default();
        let mut stream = dict.stream().map_err(TantivyError::from)?;
        while stream.advance() {
            let Some((kind, name)) = std::str::from_utf8(stream.key())
                .ok()
                .and_then(parse_entity_term)
            else {
                continue;
            };
            let key = normalize_key(name);
            let ord = stream.term_ord();
            if kind == EntityKind::Person {
                if let Some((_, surname)) = key.rsplit_once(' ') {
                    catalog.by_surname.push(FullName {
                        surname: key_hash(surname),
                        ord,
                        name: key_hash(&key),
                        articles: stream.value().doc_freq,
                    });
                }
            }
            if gathered_by_canonical_key(kind) {
                let canonical = canonical_key(aliases, kind, &key);
                if canonical != key {
                    catalog.by_canonical.push((key_hash(&canonical), ord));
                }
            }
            catalog.by_key.push((key_hash(&key), ord));
        }
        catalog.by_key.sort_unstable();
        catalog.by_surname.sort_unstable();
        catalog.by_canonical.sort_unstable();
        Ok(catalog)
    }

    /// Adds to `out` the names of the entities of `kind` in `dict` (the catalogued segment's)
    /// whose normalised name is `key`, and with `surnames` the people whose surname it is.
    pub(crate) fn find(
        &self,
        dict: &TermDictionary,
        kind: EntityKind,
        key: &str,
        surnames: bool,
        out: &mut BTreeSet<String>,
    ) -> Result<()> {
        let hash = key_hash(key);
        let mut bytes = Vec::new();
        let from = self.by_key.partition_point(|&(h, _)| h < hash);
        let by_key = self.by_key[from..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, ord)| (ord, false));
        let by_surname = self
            .people_by_surname(key)
            .filter(|_| surnames)
            .map(|p| (p.ord, true));
        for (ord, surname) in by_key.chain(by_surname) {
            let Some((k, name)) = entity_at(dict, ord, &mut bytes)? else {
                continue;
            };
            // The hash only narrows the search: the name must really have that key.
            let normalized = normalize_key(name);
            let matches = if surname {
                normalized.rsplit_once(' ').is_some_and(|(_, s)| s == key)
            } else {
                normalized == key
            };
            if k == kind && matches {
                out.insert(name.to_string());
            }
        }
        Ok(())
    }

    /// Adds to `out` the names of the entities of `kind` in `dict` (the catalogued segment's)
    /// whose [`canonical_key`] by `aliases` is `canonical`.
    pub(crate) fn find_canonical(
        &self,
        dict: &TermDictionary,
        kind: EntityKind,
        canonical: &str,
        aliases: &AliasTable,
        out: &mut BTreeSet<String>,
    ) -> Result<()> {
        let hash = key_hash(canonical);
        let with_hash = |list: &[(u64, TermOrdinal)]| {
            let from = list.partition_point(|&(h, _)| h < hash);
            list[from..]
                .iter()
                .take_while(|&&(h, _)| h == hash)
                .map(|&(_, ord)| ord)
                .collect::<Vec<_>>()
        };
        let mut bytes = Vec::new();
        for ord in with_hash(&self.by_key)
            .into_iter()
            .chain(with_hash(&self.by_canonical))
        {
            let Some((k, name)) = entity_at(dict, ord, &mut bytes)? else {
                continue;
            };
            // The hash only narrows the search: the name must really be gathered there.
            if k == kind && canonical_key(aliases, kind, &normalize_key(name)) == canonical {
                out.insert(name.to_string());
            }
        }
        Ok(())
    }
}

impl EntityCatalog {
    /// The people named in full whose normalised surname is `surname` (by hash: a name read
    /// back may have another).
    pub(crate) fn people_by_surname(&self, surname: &str) -> impl Iterator<Item = &FullName> {
        let hash = key_hash(surname);
        let from = self.by_surname.partition_point(|p| p.surname < hash);
        self.by_surname[from..]
            .iter()
            .take_while(move |p| p.surname == hash)
    }
}

/// The type and name of the `entity` term `ord` of `dict`, read into `bytes`; `None` for an
/// ordinal past the dictionary or a term that is not an entity's.
fn entity_at<'b>(
    dict: &TermDictionary,
    ord: TermOrdinal,
    bytes: &'b mut Vec<u8>,
) -> Result<Option<(EntityKind, &'b str)>> {
    if !dict.ord_to_term(ord, bytes).map_err(TantivyError::from)? {
        return Ok(None);
    }
    Ok(std::str::from_utf8(bytes).ok().and_then(parse_entity_term))
}

/// The hash by which entity names are catalogued and people counted (see [`normalize_key`]).
pub(crate) fn key_hash(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// Looks `key` up in `map`, or builds its value, first dropping the entries of segments merged
/// away since. The value is built outside the lock, so that segments can be read in parallel
/// ([`ColumnCache::warm_entity_catalogs`]).
fn cached<T>(
    map: &std::sync::Mutex<HashMap<SegmentId, Arc<T>>>,
    searcher: &Searcher,
    key: SegmentId,
    build: impl FnOnce() -> Result<T>,
) -> Result<Arc<T>> {
    let lock = || map.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(value) = lock().get(&key) {
        return Ok(Arc::clone(value));
    }
    let value = Arc::new(build()?);
    let live: std::collections::HashSet<SegmentId> = searcher
        .segment_readers()
        .iter()
        .map(SegmentReader::segment_id)
        .collect();
    let mut map = lock();
    map.retain(|id, _| live.contains(id));
    Ok(Arc::clone(map.entry(key).or_insert(value)))
}

/// Builds, one segment per thread, what `get` reads once per segment of `searcher`, for the
/// segments that lack it: the first entity filter, count or listing on a large index reads
/// every segment's entity dictionary (0.2–0.4 s at a million articles on one core).
fn warm<T: Send + Sync>(
    map: &std::sync::Mutex<HashMap<SegmentId, Arc<T>>>,
    searcher: &Searcher,
    get: impl Fn(u32) -> Result<Arc<T>> + Sync,
) -> Result<()> {
    use rayon::prelude::*;
    let missing: Vec<u32> = {
        let map = map.lock().unwrap_or_else(|p| p.into_inner());
        (0..searcher.segment_readers().len() as u32)
            .filter(|&ord| !map.contains_key(&searcher.segment_reader(ord).segment_id()))
            .collect()
    };
    if missing.len() < 2 {
        return Ok(());
    }
    missing
        .into_par_iter()
        .try_for_each(|ord| get(ord).map(drop))
}

impl ColumnCache {
    /// The id of the article at `address` (empty for a document without one).
    pub(crate) fn id(&self, searcher: &Searcher, address: DocAddress) -> Result<String> {
        Ok(self
            .segment(searcher, address.segment_ord)?
            .id(address.doc_id))
    }

    /// The columns of the segment `ord` of `searcher`.
    fn segment(&self, searcher: &Searcher, ord: u32) -> Result<Arc<SegmentColumns>> {
        let segment = searcher.segment_reader(ord);
        cached(&self.segments, searcher, segment.segment_id(), || {
            let mut ids = vec![String::new(); segment.max_doc() as usize];
            if let Some(column) = segment.fast_fields().str("id")? {
                // One pass over the dictionary, decompressing each block once.
                let mut terms = Vec::with_capacity(column.num_terms());
                let mut stream = column.dictionary().stream().map_err(TantivyError::from)?;
                while stream.advance() {
                    terms.push(String::from_utf8_lossy(stream.key()).into_owned());
                }
                for (doc, id) in ids.iter_mut().enumerate() {
                    if let Some(ord) = column.term_ords(doc as DocId).next() {
                        if let Some(term) = terms.get(ord as usize) {
                            id.clone_from(term);
                        }
                    }
                }
            }
            let dates = segment.fast_fields().date("published")?;
            Ok(SegmentColumns { ids, dates })
        })
    }

    /// The [`EntityCatalog`] of the segment `ord` of `searcher`; `aliases` must be the same
    /// table for every call on one cache (the index's).
    pub(crate) fn entity_catalog(
        &self,
        searcher: &Searcher,
        ord: u32,
        field: tantivy::schema::Field,
        aliases: &AliasTable,
    ) -> Result<Arc<EntityCatalog>> {
        let segment = searcher.segment_reader(ord);
        cached(
            &self.entity_catalogs,
            searcher,
            segment.segment_id(),
            || EntityCatalog::build(segment.inverted_index(field)?.terms(), aliases),
        )
    }

    /// Builds the [`EntityCatalog`] of every segment of `searcher` that lacks one, in parallel.
    pub(crate) fn warm_entity_catalogs(
        &self,
        searcher: &Searcher,
        field: tantivy::schema::Field,
        aliases: &AliasTable,
    ) -> Result<()> {
        warm(&self.entity_catalogs, searcher, |ord| {
            self.entity_catalog(searcher, ord, field, aliases)
        })
    }

    /// Builds the entity names of every segment of `searcher` that lacks them, in parallel.
    pub(crate) fn warm_entity_names(
        &self,
        searcher: &Searcher,
        field: tantivy::schema::Field,
        aliases: &AliasTable,
    ) -> Result<()> {
        warm(&self.entity_names, searcher, |ord| {
            self.entity_names(searcher, ord, field, aliases)
        })
    }

    /// The entity names of the segment `ord` of `searcher`, from its `entity` terms, with the
    /// canonical keys of organisations and places by `aliases` (the same table for every call
    /// on one cache).
    pub(crate) fn entity_names(
        &self,
        searcher: &Searcher,
        ord: u32,
        field: tantivy::schema::Field,
        aliases: &AliasTable,
    ) -> Result<Arc<EntityNames>> {
        let segment = searcher.segment_reader(ord);
        cached(&self.entity_names, searcher, segment.segment_id(), || {
            let inverted = segment.inverted_index(field)?;
            let mut names = EntityNames::default();
            let mut index_of: rustc_hash::FxHashMap<(EntityKind, u64), u32> = Default::default();
            let mut stream = inverted.terms().stream().map_err(TantivyError::from)?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                // Read once here rather than on every count: facets count by it.
                let canonical = parse_entity_term(term)
                    .filter(|(kind, _)| gathered_by_canonical_key(*kind))
                    .map(|(kind, name)| {
                        let key = normalize_key(name);
                        let canonical = canonical_key(aliases, kind, &key);
                        let keys = &mut names.canonical_keys;
                        let index = *index_of
                            .entry((kind, key_hash(&canonical)))
                            .or_insert_with_key(|&k| {
                                keys.push(k);
                                keys.len() as u32 - 1
                            });
                        CanonicalKey {
                            index,
                            is_own: canonical == key,
                        }
                    });
                names.by_id.insert(
                    entity_id(term),
                    EntityName {
                        term: term.to_string(),
                        canonical,
                    },
                );
            }
            Ok(names)
        })
    }
}
