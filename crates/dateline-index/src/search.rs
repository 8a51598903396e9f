//! Search requests, filters, hits and snippets.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use dateline_core::analyzer::{analyze_tokens, analyze_tokens_with, news_analyzer_with, Stemming};
use dateline_core::date::{parse_date_strict, DateError};
use dateline_core::entities::{self, normalize_key, without_legal_form, AliasTable};
use dateline_core::schema::{NewsSchema, NO_ENTITIES};
use dateline_core::{Article, EntityKind};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::index::SegmentId;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EmptyQuery, InvertedIndexRangeQuery, Occur, Query, TermQuery,
    TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::termdict::{TermDictionary, TermOrdinal};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    DocAddress, DocId, DocSet, Order, Score, Searcher, SegmentReader, TantivyDocument,
    TantivyError, Term,
};

use crate::bm25f::Bm25fQuery;
use crate::calendar::{self, Period};
use crate::document::{
    day_number, entities_of, entity_id, entity_term, from_tantivy_date, parse_entity_term,
    to_article, to_tantivy_date, EntityRef, SECONDS_PER_DAY,
};
use crate::entity_snippet::EntityMarks;
use crate::error::{Error, Result};
use crate::explanation::Explanation;
use crate::filter_cache::CachedFilter;
use crate::query::{self, EntityField, Node, QueryBuilder, TextField};
use crate::rank::{Prf, Proximity, Ranking};
use crate::top::TopScores;
use crate::Index;

/// Longest snippet, in bytes (tantivy's windows count bytes; the opening shown for a match
/// in the title only counts characters).
pub(crate) const SNIPPET_CHARS: usize = 200;

/// Order of the hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (BM25).
    #[default]
    Relevance,
    /// Newest first; articles without a date come last.
    Date,
    /// Oldest first, for following a story as it unfolded; articles without a date come last.
    Oldest,
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
    /// Countries that must all appear, each by its name or a place in it (`--country`; see
    /// [`SearchRequest::country`]).
    pub countries: Vec<String>,
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
    /// Whether each hit carries the [`Explanation`] of its score.
    pub explain: bool,
    /// Whether near duplicates of a hit ranked above are left off the page and listed with
    /// that hit instead ([`SearchRequest::fold_near_duplicates`]).
    pub fold_near_duplicates: bool,
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
            countries: Vec::new(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            snippets: true,
            count_total: true,
            stored_fields: true,
            ranking: Ranking::default(),
            explain: false,
            fold_near_duplicates: false,
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

    /// Like [`from`](Self::from), parsing `YYYY-MM-DD`, RFC 3339 or any date Dateline reads in
    /// articles (a bare date starts at midnight UTC), or a month `YYYY-MM` or a year `YYYY`
    /// (from its first day).
    ///
    /// ```
    /// use dateline_index::SearchRequest;
    ///
    /// let january = SearchRequest::new("*").from_str("2015-01")?.to_str("2015-01")?;
    /// let days = SearchRequest::new("*").from_str("2015-01-01")?.to_str("2015-01-31")?;
    /// assert_eq!((january.from, january.to), (days.from, days.to));
    /// let leap = SearchRequest::new("*").to_str("2016-02")?;
    /// assert_eq!(leap.to.map(|d| d.to_rfc3339()).as_deref(), Some("2016-02-29T23:59:59+00:00"));
    /// assert!(SearchRequest::new("*").from_str("2015-13").is_err());
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn from_str(self, text: &str) -> Result<Self> {
        let from = parse_bound(text, false)?;
        Ok(self.from(from))
    }

    /// Like [`to`](Self::to), parsing what [`from_str`](Self::from_str) parses; a bare date, a
    /// month or a year includes the whole of it (`2015-02` ends on 28 February 2015).
    pub fn to_str(self, text: &str) -> Result<Self> {
        let to = parse_bound(text, true)?;
        Ok(self.to(to))
    }

    /// Requires an entity, named by any alias or form, in any case, or a person by surname;
    /// a name that finds nothing as written is read as an article gives it (`Mr. Hammond`,
    /// `the Fed`, `Blair's`; repeat for several: all must appear).
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

    /// Requires a person (`--person`), named with or without the titles before the name
    /// (`Foreign Secretary Philip Hammond` is `Philip Hammond`) or a possessive.
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

    /// Requires a country, named (any alias, any case, `the UK` as `UK`), through a place in it
    /// (a city or US state the gazetteer knows to be there,
    /// [`dateline_core::entities::places_in`]) or through its people
    /// ([`dateline_core::entities::demonyms_of`]), so `country("Iraq")` finds an article that
    /// names only Mosul, or only Iraqi troops (`--country`; repeatable, all must appear). A
    /// name that is not a country is [`Error::NotACountry`](crate::Error).
    ///
    /// ```
    /// use dateline_index::SearchRequest;
    ///
    /// let request = SearchRequest::new("*").country("Iraq");
    /// assert_eq!(request.countries, ["Iraq"]);
    /// ```
    pub fn country(mut self, name: impl Into<String>) -> Self {
        self.countries.push(name.into());
        self
    }

    /// Requires a miscellaneous entity: a nationality or group, an event, a work (`--misc`);
    /// a nationality by its plural too (`Americans` finds `American`).
    pub fn misc(self, name: impl Into<String>) -> Self {
        self.typed_entity(EntityKind::Misc, name)
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

    /// Whether each hit carries the [`Explanation`] of its score (off by default): term by
    /// term for a bag of words; phrases, prefixes and fuzzy words field by field. It costs
    /// a second scoring of each hit of the page. Hits sorted by date have no score, and no
    /// explanation.
    pub fn explain(mut self, on: bool) -> Self {
        self.explain = on;
        self
    }

    /// Whether to fold near duplicates (off by default): an article that is the same story as
    /// a hit ranked above it, with small edits ([`Shingles::near_duplicate`]: an updated
    /// version, the wire story on another site, a copy cut short), is left off the page and
    /// its id listed in that hit's [`Hit::near_duplicates`]. Pages are counted in stories, so
    /// `limit` hits are distinct stories; the total still counts every matching article. The
    /// best [`FOLD_WINDOW`](crate::FOLD_WINDOW) matches are compared at most: a page past
    /// the stories among them is empty. It costs reading each compared article's body
    /// (about three per hit shown).
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let story = "Federal Reserve Board Chairman Paul Volcker said on Tuesday that he did \
    ///     not believe there was a connection between the Fed's policies and the recent rise \
    ///     in the prime interest rate by most major U.S. banks. Volcker told reporters the \
    ///     rise reflected market conditions, and that the central bank had not changed its \
    ///     stance on credit in recent weeks, contrary to what some analysts had suggested.";
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("first", story),
    ///     Article::new("again", story.replace("on Tuesday", "on Wednesday")),
    ///     Article::new("other", "Volcker spoke to bankers in Tokyo about the dollar."),
    /// ])?;
    /// let results = index.search(&SearchRequest::new("Volcker").fold_near_duplicates(true))?;
    /// assert_eq!(results.total, 3);
    /// assert_eq!(results.hits.len(), 2);
    /// let folded = results.hits.iter().find(|h| !h.near_duplicates.is_empty()).unwrap();
    /// assert_eq!(folded.near_duplicates.len(), 1);
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    ///
    /// [`Shingles::near_duplicate`]: dateline_core::shingles::Shingles::near_duplicate
    pub fn fold_near_duplicates(mut self, on: bool) -> Self {
        self.fold_near_duplicates = on;
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

impl SearchRequest {
    /// Whether the request filters by entity: an entity filter ([`SearchRequest::entity`],
    /// the typed ones, [`SearchRequest::country`]) or an entity clause in its query
    /// (`person:Kerry`). A query that does not parse has none.
    ///
    /// # Example
    /// ```
    /// use dateline_index::SearchRequest;
    ///
    /// assert!(SearchRequest::new("").person("Philip Hammond").filters_entities());
    /// assert!(SearchRequest::new("talks org:Europol").filters_entities());
    /// assert!(!SearchRequest::new("talks").filters_entities());
    /// ```
    pub fn filters_entities(&self) -> bool {
        self.entity_filters().next().is_some()
            || syntax_tree(self).is_ok_and(|tree| !query::entity_clauses(&tree).is_empty())
    }

    /// The request's entity filters (`--entity`, the typed ones, `--country`), each with the
    /// query field of the same meaning.
    pub(crate) fn entity_filters(&self) -> impl Iterator<Item = (EntityField, &str)> {
        let any = (self.entities.iter()).map(|name| (EntityField::Any, name.as_str()));
        let typed = (self.typed_entities.iter())
            .map(|(kind, name)| (EntityField::typed(*kind), name.as_str()));
        let countries = (self.countries.iter()).map(|name| (EntityField::Country, name.as_str()));
        any.chain(typed).chain(countries)
    }
}

/// The syntax tree of a request's query text.
pub(crate) fn syntax_tree(request: &SearchRequest) -> Result<Node> {
    Ok(match request.syntax {
        Syntax::Query => query::parse(&request.query)?,
        Syntax::Plain => query::plain_words(&request.query),
    })
}

/// Builds the snippets of a page of hits: the passage of each body that best shows what the
/// query matched there, with those matches highlighted.
///
/// Each body is read once, with the analyzer it was indexed with, so that a word is found
/// exactly where the index found it. A word of the query is highlighted wherever it occurs, and
/// so is a word starting with one of the query's prefixes (`oilse*`: the terms the prefix's
/// expression matched, which the query does not name). The words of a phrase are not: only the
/// phrase's occurrences are, found as tantivy's phrase scorer finds them (same terms, same
/// positions, same slop), each highlighted whole.
///
/// The passage is chosen as tantivy's snippet generator chooses it, among consecutive windows
/// of up to [`SNIPPET_CHARS`] bytes the one whose highlighted words weigh most (rarer words
/// weigh more, see [`term_weight`]), with two changes for phrases: a window is never cut inside
/// an occurrence that fits in one, and a window holding occurrences of more of the query's
/// phrases wins over any other. So a phrase query shows the phrase whenever the body has it,
/// not a window where its words merely recur; a query without phrases gets tantivy's snippet.
struct Highlighter {
    /// The query's terms in the body, by indexed text.
    terms: FxHashMap<String, QueryTerm>,
    /// The query's phrases that can match the body, one entry per spelling (stemmed, and
    /// unstemmed too when the index holds unstemmed articles, as the query searches them).
    phrases: Vec<BodyPhrase>,
    /// The terms of the phrases' words, by word id ([`QueryTerm::word`]), and their weights.
    phrase_words: Vec<(Term, Score)>,
    /// The query's prefixes that can match the body (see [`query::body_prefixes`]).
    prefixes: Vec<String>,
    /// The query's fuzzy words that can match the body, with their edits (see
    /// [`query::body_fuzzy`]).
    fuzzy: Vec<(String, u8)>,
    /// The body's analyzer, with English stemming.
    tokenizer: TextAnalyzer,
    /// When the index holds articles indexed without stemming: their analyzer, and the term
    /// that marks them (`stemming:none`).
    unstemmed: Option<(TextAnalyzer, Term)>,
    /// The body field.
    body: Field,
    /// The entities the request selects, for the snippets of articles whose body holds none of
    /// the query's words ([`EntityMarks::snippet`]).
    entities: Option<EntityMarks>,
}

/// A term of the query in the body.
struct QueryTerm {
    /// How much an occurrence counts in choosing the passage.
    weight: Score,
    /// Whether it is highlighted wherever it occurs (a word of the query), rather than only
    /// inside the occurrences of a phrase.
    plain: bool,
    /// Its id among the words of the query's phrases, if it is one.
    word: Option<usize>,
}

/// One spelling of a phrase of the query, as the phrase query on the body reads it.
struct BodyPhrase {
    /// The phrase of the query it spells (its index): a window counts each phrase once.
    group: usize,
    /// Per word, in order: its offset in the phrase and its word id.
    words: Vec<(u32, usize)>,
    /// Allowed word moves.
    slop: u32,
}

impl Highlighter {
    /// A highlighter for `query` built from `tree`; `split_words_are_phrases` when the query
    /// language was read (not plain words), where a word that the analyzer splits (`al-Abadi`)
    /// is searched as a phrase; `unstemmed` when the index holds unstemmed articles.
    fn new(
        searcher: &Searcher,
        query: &dyn Query,
        tree: &Node,
        split_words_are_phrases: bool,
        schema: &NewsSchema,
        unstemmed: bool,
    ) -> Result<Self> {
        let body = schema.body;
        // A term the query scores without positions comes from a word; the terms of phrases
        // come with positions.
        let mut named: BTreeMap<&Term, bool> = BTreeMap::new();
        query.query_terms(&mut |term, positions| {
            if term.field() == body {
                *named.entry(term).or_insert(false) |= !positions;
            }
        });
        let mut terms: FxHashMap<String, QueryTerm> = FxHashMap::default();
        for (term, plain) in named {
            if let Some(text) = term.value().as_str() {
                let weight = term_weight(searcher, term)?;
                terms.insert(
                    text.to_string(),
                    QueryTerm {
                        weight: weight.unwrap_or(0.0),
                        plain: plain && weight.is_some(),
                        word: None,
                    },
                );
            }
        }
        let mut phrases: Vec<BodyPhrase> = Vec::new();
        let mut phrase_words: Vec<(Term, Score)> = Vec::new();
        for (group, (text, slop)) in query_phrases(tree, split_words_are_phrases, false)
            .into_iter()
            .enumerate()
        {
            // As `QueryBuilder` builds a phrase: analysed words at their positions, a second
            // spelling without stemming where it differs and the index needs it.
            let tokens = analyze_tokens(text);
            if tokens.len() < 2 {
                // One word is searched as a word: highlighted as one.
                continue;
            }
            let mut spellings = vec![tokens.iter().map(|t| t.text.clone()).collect::<Vec<_>>()];
            if unstemmed {
                let plain: Vec<String> = analyze_tokens_with(text, Stemming::None)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                if plain != spellings[0] {
                    spellings.push(plain);
                }
            }
            for spelling in spellings {
                let mut words = Vec::with_capacity(spelling.len());
                for (token, text) in tokens.iter().zip(spelling) {
                    let term = Term::from_field_text(body, &text);
                    let entry = terms.entry(text).or_insert(QueryTerm {
                        weight: 0.0,
                        plain: false,
                        word: None,
                    });
                    let weight = entry.weight;
                    let id = *entry.word.get_or_insert_with(|| {
                        phrase_words.push((term, weight));
                        phrase_words.len() - 1
                    });
                    words.push((token.position as u32, id));
                }
                if !phrases.iter().any(|p| p.words == words && p.slop == slop) {
                    phrases.push(BodyPhrase { group, words, slop });
                }
            }
        }
        // A term searched with positions that no phrase of the query holds (a query shape this
        // highlighter does not know) is highlighted as a word, as all terms were before; the
        // words of excluded phrases and of phrases searched in titles only are not.
        let mut known: FxHashSet<String> = FxHashSet::default();
        for (text, _) in query_phrases(tree, split_words_are_phrases, true) {
            known.extend(analyze_tokens(text).into_iter().map(|t| t.text));
            if unstemmed {
                known.extend(
                    analyze_tokens_with(text, Stemming::None)
                        .into_iter()
                        .map(|t| t.text),
                );
            }
        }
        for (text, term) in &mut terms {
            if term.word.is_none() && term.weight > 0.0 && !known.contains(text) {
                term.plain = true;
            }
        }
        let tokenizer = searcher.index().tokenizer_for_field(body)?;
        Ok(Highlighter {
            terms,
            phrases,
            phrase_words,
            prefixes: query::body_prefixes(tree),
            fuzzy: query::body_fuzzy(tree),
            tokenizer,
            unstemmed: unstemmed.then(|| {
                (
                    news_analyzer_with(Stemming::None),
                    Term::from_field_text(schema.stemming, "none"),
                )
            }),
            body,
            entities: None,
        })
    }

    /// The snippet of the article at `address`, whose stored document is `doc`; `None` when
    /// nothing the query matched is in its body.
    fn snippet(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        doc: &TantivyDocument,
    ) -> Result<Option<Snippet>> {
        use tantivy::schema::Value;
        // The text tantivy's generator reads: the body's values joined by a space, trimmed.
        // An article's body is one value, whose positions are those of this text.
        let values: Vec<&str> = doc.get_all(self.body).filter_map(|v| v.as_str()).collect();
        let joined;
        let text = match values.as_slice() {
            [one] => one.trim(),
            _ => {
                joined = values.join(" ");
                joined.trim()
            }
        };
        let segment = searcher.segment_reader(address.segment_ord);
        let mut tokenizer = match &self.unstemmed {
            Some((analyzer, marker)) if has_term(segment, marker, address.doc_id)? => {
                analyzer.clone()
            }
            _ => self.tokenizer.clone(),
        };
        let mut tokens: Vec<BodyToken> = Vec::new();
        let mut marks: Vec<Mark> = Vec::new();
        let mut positions: Vec<Vec<u32>> = vec![Vec::new(); self.phrase_words.len()];
        // The weights of the words found by prefix, looked up once each.
        let mut by_prefix: FxHashMap<String, Option<Score>> = FxHashMap::default();
        let mut stream = tokenizer.token_stream(text);
        while let Some(token) = stream.next() {
            let at = tokens.len();
            let position = token.position as u32;
            tokens.push(BodyToken {
                position,
                from: token.offset_from,
                to: token.offset_to,
            });
            let word = token.text.as_str();
            let mut weight = None;
            if let Some(term) = self.terms.get(word) {
                if let Some(id) = term.word {
                    positions[id].push(position);
                }
                weight = term.plain.then_some(term.weight);
            }
            let approximate = || {
                self.fuzzy
                    .iter()
                    .any(|(f, edits)| query::within_edits(word, f, *edits))
            };
            if weight.is_none()
                && (self.prefixes.iter().any(|p| word.starts_with(p.as_str())) || approximate())
            {
                weight = match by_prefix.get(word) {
                    Some(&w) => w,
                    None => {
                        let w = term_weight(searcher, &Term::from_field_text(self.body, word))?;
                        by_prefix.insert(word.to_string(), w);
                        w
                    }
                };
            }
            if let Some(weight) = weight {
                marks.push(Mark {
                    first: at,
                    last: at,
                    weight,
                    phrase: None,
                });
            }
        }
        for phrase in &self.phrases {
            let words: Vec<(u32, &[u32])> = phrase
                .words
                .iter()
                .map(|&(offset, id)| (offset, positions[id].as_slice()))
                .collect();
            if words.iter().any(|(_, at)| at.is_empty()) {
                continue;
            }
            let order = if phrase.slop == 0 {
                // Exact occurrences do not depend on the order.
                (0..words.len()).collect()
            } else {
                self.intersection_order(segment, phrase)?
            };
            let weight: Score = phrase
                .words
                .iter()
                .map(|&(_, id)| self.phrase_words[id].1)
                .sum();
            for occurrence in phrase_occurrences(&words, phrase.slop, &order) {
                let mut at: Vec<usize> = occurrence
                    .iter()
                    .filter_map(|p| tokens.binary_search_by_key(p, |t| t.position).ok())
                    .collect();
                at.sort_unstable();
                at.dedup();
                let (Some(&first), Some(&last)) = (at.first(), at.last()) else {
                    continue;
                };
                marks.push(Mark {
                    first,
                    last,
                    weight,
                    phrase: Some((phrase.group, at)),
                });
            }
        }
        Ok(best_passage(text, &tokens, &marks, SNIPPET_CHARS))
    }

    /// The order in which tantivy's phrase scorer intersects the words of `phrase` in
    /// `segment`: by rising document frequency there, ties in phrase order. With slop, which
    /// occurrences it finds depends on it.
    fn intersection_order(
        &self,
        segment: &SegmentReader,
        phrase: &BodyPhrase,
    ) -> Result<Vec<usize>> {
        let inverted = segment.inverted_index(self.body)?;
        let mut frequencies = Vec::with_capacity(phrase.words.len());
        for &(_, id) in &phrase.words {
            let df = inverted
                .doc_freq(&self.phrase_words[id].0)
                .map_err(TantivyError::from)?;
            frequencies.push(df);
        }
        let mut order: Vec<usize> = (0..phrase.words.len()).collect();
        order.sort_by_key(|&i| frequencies[i]);
        Ok(order)
    }
}

/// Whether the article `doc` of `segment` has the (untokenized) term `term`.
fn has_term(segment: &SegmentReader, term: &Term, doc: DocId) -> Result<bool> {
    let inverted = segment.inverted_index(term.field())?;
    let postings = inverted
        .read_postings(term, IndexRecordOption::Basic)
        .map_err(TantivyError::from)?;
    // A posting list opens on its first article, and `seek` may only go forward.
    Ok(postings.is_some_and(|mut p| p.doc() == doc || (p.doc() < doc && p.seek(doc) == doc)))
}

/// The phrases of a query that can match words of the body, each once, with their slop: quoted
/// phrases, and with `words` the words, which the query searches as phrases when the analyzer
/// splits them (`al-Abadi`). Those under `NOT` (in no hit) or restricted to the title are left
/// out unless `everywhere`.
fn query_phrases(node: &Node, words: bool, everywhere: bool) -> Vec<(&str, u32)> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        let counts = |field: &Option<TextField>| everywhere || *field != Some(TextField::Title);
        let found = match node {
            Node::Phrase { field, text, slop } if counts(field) => Some((text.as_str(), *slop)),
            Node::Word { field, text } if words && counts(field) => Some((text.as_str(), 0)),
            Node::Required(inner) => {
                stack.push(inner);
                None
            }
            Node::Not(inner) if everywhere => {
                stack.push(inner);
                None
            }
            Node::Any(items) | Node::And(items) | Node::Or(items) => {
                stack.extend(items.iter().rev());
                None
            }
            Node::Not(_) => None,
            Node::All
            | Node::Word { .. }
            | Node::Phrase { .. }
            | Node::Prefix { .. }
            | Node::Fuzzy { .. }
            | Node::Entity { .. }
            | Node::Date { .. } => None,
        };
        if let Some(phrase) = found {
            if !out.contains(&phrase) {
                out.push(phrase);
            }
        }
    }
    out
}

/// A word of a body: its position, as indexed, and its bytes in the text.
pub(crate) struct BodyToken {
    pub(crate) position: u32,
    pub(crate) from: usize,
    pub(crate) to: usize,
}

/// Something to highlight: a word of the query, or a phrase occurrence.
pub(crate) struct Mark {
    /// Its first and last words (indexes in the body's tokens).
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// How much it counts in choosing the passage.
    pub(crate) weight: Score,
    /// For a phrase occurrence, the phrase's group (see [`BodyPhrase::group`]) and its words
    /// (token indexes, rising).
    pub(crate) phrase: Option<(usize, Vec<usize>)>,
}

/// A window of the body: its bytes and its tokens (`first..end`).
struct Window {
    start: usize,
    stop: usize,
    first: usize,
    end: usize,
}

/// The snippet of `text` whose `tokens` hold `marks`: the best window of at most `max` bytes
/// (see [`Highlighter`]) with the marks inside it highlighted; `None` without marks.
///
/// Windows are tantivy's (`tantivy::snippet`): the first starts at the text's start, and a
/// word that would end more than `max` bytes past a window's start opens the next one. Here a
/// phrase occurrence that would end past it opens the next one too, unless an occurrence begun
/// in the window is still open: an occurrence that fits in a window is shown whole.
pub(crate) fn best_passage(
    text: &str,
    tokens: &[BodyToken],
    marks: &[Mark],
    max: usize,
) -> Option<Snippet> {
    if marks.is_empty() {
        return None;
    }
    // Per token where occurrences start, the farthest end of those occurrences.
    let mut starts: Vec<(usize, usize, usize)> = marks
        .iter()
        .filter(|m| m.phrase.is_some())
        .map(|m| (m.first, tokens[m.last].to, m.last))
        .collect();
    starts.sort_unstable();
    let mut windows: Vec<Window> = Vec::new();
    let (mut start, mut stop, mut first) = (0, 0, 0);
    // The last token of the occurrences begun in the current window.
    let mut open: Option<usize> = None;
    let mut next_start = starts.iter().peekable();
    for (t, token) in tokens.iter().enumerate() {
        let mut reach: Option<(usize, usize)> = None;
        while let Some(&(_, end, last)) = next_start.next_if(|s| s.0 == t) {
            reach = Some(reach.map_or((end, last), |(e, l)| (e.max(end), l.max(last))));
        }
        let too_long = token.to.saturating_sub(start) > max;
        let splits_occurrence = t > first
            && open.is_none_or(|o| t > o)
            && reach.is_some_and(|(end, _)| end.saturating_sub(start) > max);
        if too_long || splits_occurrence {
            if t > first {
                windows.push(Window {
                    start,
                    stop,
                    first,
                    end: t,
                });
            }
            (start, first, open) = (token.from, t, None);
        }
        stop = token.to;
        if let Some((_, last)) = reach {
            open = Some(open.map_or(last, |o| o.max(last)));
        }
    }
    if tokens.len() > first {
        windows.push(Window {
            start,
            stop,
            first,
            end: tokens.len(),
        });
    }
    let window_of = |token: usize| windows.partition_point(|w| w.end <= token);
    // Which window shows each mark: the one holding it whole, or, for an occurrence longer
    // than any window, the one where it starts.
    let shown: Vec<Option<usize>> = marks
        .iter()
        .map(|m| {
            let w = window_of(m.first);
            let whole = w == window_of(m.last);
            let too_long = tokens[m.last].to - tokens[m.first].from > max;
            (whole || too_long).then_some(w)
        })
        .collect();
    // Per window, the sum of its marks' weights, if it shows any.
    let mut scores: Vec<Option<Score>> = vec![None; windows.len()];
    let mut groups: Vec<(usize, usize)> = Vec::new();
    // Summed in token order, words then phrases, as tantivy sums a window's words.
    for (mark, w) in marks.iter().zip(&shown) {
        if let Some(w) = *w {
            *scores[w].get_or_insert(0.0) += mark.weight;
            if let Some((group, _)) = &mark.phrase {
                groups.push((w, *group));
            }
        }
    }
    groups.sort_unstable();
    groups.dedup();
    let phrases_in = |w: usize| groups.iter().filter(|g| g.0 == w).count();
    let mut best: Option<(usize, usize, Score)> = None;
    for (w, score) in scores.iter().enumerate() {
        let Some(&score) = score.as_ref() else {
            continue;
        };
        let key = (phrases_in(w), score);
        // Strictly better only: the earliest of equal windows wins, as in tantivy.
        if best.is_none_or(|(_, p, s)| key.0 > p || (key.0 == p && key.1 > s)) {
            best = Some((w, key.0, key.1));
        }
    }
    let (w, _, _) = best?;
    let window = &windows[w];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (mark, _) in marks.iter().zip(&shown).filter(|(_, s)| **s == Some(w)) {
        match &mark.phrase {
            None => spans.push((tokens[mark.first].from, tokens[mark.first].to)),
            Some((_, words)) => {
                // Words at consecutive positions make one span, the text between included.
                let mut run: Option<(usize, usize)> = None;
                for &t in words
                    .iter()
                    .filter(|&&t| t >= window.first && t < window.end)
                {
                    run = match run {
                        Some((from, prev)) if tokens[t].position == tokens[prev].position + 1 => {
                            Some((from, t))
                        }
                        Some((from, prev)) => {
                            spans.push((tokens[from].from, tokens[prev].to));
                            Some((t, t))
                        }
                        None => Some((t, t)),
                    };
                }
                if let Some((from, last)) = run {
                    spans.push((tokens[from].from, tokens[last].to));
                }
            }
        }
    }
    spans.sort_unstable();
    // Overlapping spans (a word of the query inside a phrase occurrence) become one.
    let mut highlights: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (from, to) in spans {
        match highlights.last_mut() {
            Some(last) if from < last.1 => last.1 = last.1.max(to),
            _ => highlights.push((from, to)),
        }
    }
    Some(Snippet {
        // Paragraph breaks become spaces: same byte length, so ranges stay valid.
        text: text[window.start..window.stop].replace('\n', " "),
        highlights: highlights
            .into_iter()
            .map(|(from, to)| (from - window.start, to - window.start))
            .collect(),
    })
}

/// The occurrences of a phrase among the words of a body, as tantivy's phrase scorer finds
/// and counts them with scoring on (as searches run it): per occurrence, the position of each
/// word. `words` are the phrase's words in order, each with its offset in the phrase and its
/// positions in the body (rising); `order` lists them as the scorer intersects them (see
/// [`Highlighter::intersection_order`]), which matters with slop only.
///
/// tantivy aligns every word's positions on the phrase's last offset. Without slop an
/// occurrence is an aligned position all words share. With slop, two words match where their
/// aligned positions are at most `slop` apart (either order), and from three words on the
/// distances add up along the intersection order (`intersection_count_with_carrying_slop`,
/// whose every step, quirks included, is followed here so that a body holds an occurrence
/// exactly when the index matched the phrase in it).
fn phrase_occurrences(words: &[(u32, &[u32])], slop: u32, order: &[usize]) -> Vec<Vec<u32>> {
    let n = words.len();
    if n < 2 || order.len() != n {
        return Vec::new();
    }
    let max_offset = words.iter().map(|w| w.0).max().unwrap_or(0);
    let shift: Vec<u32> = words.iter().map(|w| max_offset - w.0).collect();
    let aligned = |i: usize| -> Vec<u32> { words[i].1.iter().map(|p| p + shift[i]).collect() };
    if slop == 0 {
        let mut common = aligned(0);
        for i in 1..n {
            let other = aligned(i);
            common.retain(|a| other.binary_search(a).is_ok());
        }
        return common
            .into_iter()
            .map(|a| shift.iter().map(|s| a - s).collect())
            .collect();
    }
    if n == 2 {
        // `intersection_count_with_slop`: a match pairs a right position with the last left
        // one not past it.
        let (l, r) = (order[0], order[1]);
        let (left, right) = (aligned(l), aligned(r));
        let (mut li, mut ri) = (0, 0);
        let mut out = Vec::new();
        while li < left.len() && ri < right.len() {
            let (lv, rv) = (left[li], right[ri]);
            if lv.abs_diff(rv) <= slop {
                while li + 1 < left.len() && left[li + 1] <= rv {
                    li += 1;
                }
                let mut occurrence = vec![0; 2];
                occurrence[l] = left[li] - shift[l];
                occurrence[r] = rv - shift[r];
                out.push(occurrence);
                li += 1;
                ri += 1;
            } else if lv < rv {
                li += 1;
            } else {
                ri += 1;
            }
        }
        return out;
    }
    let first = order[0];
    let mut left: Vec<Partial> = aligned(first)
        .into_iter()
        .map(|at| {
            let mut words = vec![u32::MAX; n];
            words[first] = at - shift[first];
            Partial { at, slop: 0, words }
        })
        .collect();
    for &word in &order[1..n - 1] {
        left = carry(&left, &aligned(word), word, shift[word], slop, true).0;
        if left.is_empty() {
            return Vec::new();
        }
    }
    let last = order[n - 1];
    carry(&left, &aligned(last), last, shift[last], slop, false).1
}

/// A partial match of a sloppy phrase in tantivy's carrying intersection: an aligned position,
/// the slop spent to reach it, and the positions of the words matched so far (`u32::MAX` for
/// the others).
#[derive(Clone)]
struct Partial {
    at: u32,
    slop: u32,
    words: Vec<u32>,
}

/// One step of tantivy's `intersection_count_with_carrying_slop`: `left` against the aligned
/// positions `right` of word `word` (shifted by `shift`), within `max` slop. Returns the new
/// partial matches when `update` (the steps before the last) and the counted matches (the
/// last step, when not `update`).
fn carry(
    left: &[Partial],
    right: &[u32],
    word: usize,
    shift: u32,
    max: u32,
    update: bool,
) -> (Vec<Partial>, Vec<Vec<u32>>) {
    let (mut next, mut counted) = (Vec::new(), Vec::new());
    if left.is_empty() || right.is_empty() {
        return (next, counted);
    }
    let with = |p: &Partial, r: u32| {
        let mut words = p.words.clone();
        words[word] = r - shift;
        words
    };
    // tantivy keeps one entry per position in a row, with the least slop.
    let add = |next: &mut Vec<Partial>, slop: u32, at: u32, words: Vec<u32>| {
        if !update {
            return;
        }
        match next.last_mut() {
            Some(last) if last.at == at => {
                if slop < last.slop {
                    (last.slop, last.words) = (slop, words);
                }
            }
            _ => next.push(Partial { at, slop, words }),
        }
    };
    let (mut li, mut ri) = (0, 0);
    loop {
        let l = &left[li];
        let rv = right[ri];
        let distance = l.slop + l.at.abs_diff(rv);
        if distance <= max {
            let mut slop = distance;
            if l.at < rv {
                add(&mut next, slop, l.at, with(l, rv));
                let mut si = li;
                while si + 1 < left.len() && left[si + 1].at <= rv {
                    si += 1;
                    slop = l.slop + left[si].at.abs_diff(rv);
                    add(&mut next, slop, left[si].at, with(&left[si], rv));
                }
                add(&mut next, slop, rv, with(&left[si], rv));
            } else {
                add(&mut next, slop, rv, with(l, rv));
                let mut si = ri;
                while si + 1 < right.len() && right[si + 1] <= l.at {
                    si += 1;
                    slop = l.slop + right[si].abs_diff(l.at);
                    add(&mut next, slop, right[si], with(l, right[si]));
                }
                add(&mut next, slop, l.at, with(l, right[si]));
            }
            if !update {
                counted.push(with(l, rv));
            }
            li += 1;
            ri += 1;
        } else if l.at < rv {
            li += 1;
        } else {
            ri += 1;
        }
        if li >= left.len() || ri >= right.len() {
            if li >= left.len() {
                if let Some(l) = left.last() {
                    for &rv in &right[ri..] {
                        let slop = l.at.abs_diff(rv) + l.slop;
                        if slop <= max {
                            add(&mut next, slop, rv, with(l, rv));
                        }
                    }
                }
            } else if let Some(&rv) = right.last() {
                for l in &left[li..] {
                    let slop = l.at.abs_diff(rv) + l.slop;
                    if slop <= max {
                        add(&mut next, slop, l.at, with(l, rv));
                    }
                }
            }
            break;
        }
    }
    (next, counted)
}

/// How much a highlighted term counts in choosing the passage, as tantivy counts it: more for
/// rarer terms; `None` for a term in no article.
fn term_weight(searcher: &Searcher, term: &Term) -> Result<Option<Score>> {
    let articles = searcher.doc_freq(term)?;
    Ok((articles > 0).then(|| 1.0 / (1.0 + articles as Score)))
}

/// Parses a date bound; `end_of_day` makes a bare date, a month or a year include the whole
/// of it.
pub(crate) fn parse_bound(text: &str, end_of_day: bool) -> Result<DateTime<Utc>> {
    if let Some(bound) = period_bound(text.trim(), end_of_day) {
        return Ok(bound);
    }
    let parsed = parse_date_strict(text).map_err(|e| Error::Date {
        text: text.to_string(),
        message: match e {
            // A bound may also be a whole month or year, which articles' dates may not.
            DateError::Unrecognised { .. } => format!("{e}; or a month YYYY-MM or a year YYYY"),
            _ => e.to_string(),
        },
    })?;
    Ok(if end_of_day && !parsed.has_time {
        parsed.instant + Duration::days(1) - Duration::seconds(1)
    } else {
        parsed.instant
    })
}

/// Hits of a page, in order: the score when ranked by relevance, and the address.
pub(crate) type Page = Vec<(Option<f32>, DocAddress)>;

/// The page of `request`'s hits that `query` finds, and the number of matches when the
/// request counts them (else the matches up to the end of the page).
pub(crate) fn ranked_page(
    searcher: &Searcher,
    query: &dyn Query,
    request: &SearchRequest,
) -> Result<(Page, usize)> {
    // No page can reach past the index: a huge `--limit` or `--offset` must not size a
    // buffer.
    let articles = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    let offset = request.offset.min(articles);
    let limit = request.limit.min(articles - offset);
    let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
    // With a count, every match is visited anyway; without, top-k pruning can skip most.
    let (page, total): (Page, Option<usize>) = match (request.sort, request.count_total) {
        (Sort::Relevance, true) => {
            let (docs, total) = searcher.search(query, &(top.order_by_score(), Count))?;
            (
                docs.into_iter().map(|(s, a)| (Some(s), a)).collect(),
                Some(total),
            )
        }
        (Sort::Relevance, false) => {
            let top = TopScores::new(limit, offset);
            let docs = searcher.search(query, &top)?;
            (docs.into_iter().map(|(s, a)| (Some(s), a)).collect(), None)
        }
        (sort @ (Sort::Date | Sort::Oldest), count) => {
            // Ascending puts articles without a date last too (tantivy's
            // `ReverseNoneLower` order).
            let order = if sort == Sort::Date {
                Order::Desc
            } else {
                Order::Asc
            };
            let by_date = top.order_by_fast_field::<tantivy::DateTime>("published", order);
            let (docs, total) = searcher.search(query, &(by_date, Count))?;
            let total = count.then_some(total);
            (docs.into_iter().map(|(_, a)| (None, a)).collect(), total)
        }
    };
    let total = total.unwrap_or(offset + page.len());
    let page = if limit == 0 { Vec::new() } else { page };
    Ok((page, total))
}

/// The first instant (or with `end`, the last second) of a year `YYYY` or a month `YYYY-MM`
/// of the years Dateline reads; `None` for any other text.
fn period_bound(text: &str, end: bool) -> Option<DateTime<Utc>> {
    let (year, month) = match text.split_once('-') {
        None => (text, None),
        Some((year, month)) if month.len() == 2 => (year, Some(month)),
        Some(_) => return None,
    };
    if year.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let first_month = month.map_or(Some(1), |m| m.parse::<u32>().ok())?;
    let first = chrono::NaiveDate::from_ymd_opt(year, first_month, 1)?;
    let start = first.and_hms_opt(0, 0, 0)?.and_utc();
    if !dateline_core::date::within_years(start) {
        return None;
    }
    if !end {
        return Some(start);
    }
    let next = if month.is_some() {
        first.checked_add_months(chrono::Months::new(1))?
    } else {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    };
    Some(next.and_hms_opt(0, 0, 0)?.and_utc() - Duration::seconds(1))
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
    /// How the score was computed, when the request asked ([`SearchRequest::explain`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
    /// Ids of the near duplicates folded into this hit, best ranked first, when the request
    /// folds them ([`SearchRequest::fold_near_duplicates`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub near_duplicates: Vec<String>,
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

    /// How many of the index's articles were indexed without entity extraction
    /// ([`IngestOptions::extract_entities`](crate::IngestOptions::extract_entities) off, `dateline
    /// index --no-entities`, or extraction failed on them): entity filters, facets and entity
    /// counts do not see them until an ingest with extraction indexes them again. Articles so
    /// indexed by a Dateline older than this method carry no mark and are not counted.
    ///
    /// # Example
    /// ```
    /// use dateline_index::{Index, IngestOptions};
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// let file = dir.path().join("news.jsonl");
    /// std::fs::write(&file, r#"{"id": "a1", "body": "Philip Hammond spoke in Vienna."}"#).unwrap();
    /// let index = Index::create_in_ram()?;
    /// let fast = IngestOptions { extract_entities: false, ..IngestOptions::default() };
    /// index.ingest_paths(&[file.clone()], &fast, &|_| {})?;
    /// assert_eq!(index.articles_without_entities()?, 1);
    /// index.ingest_paths(&[file], &IngestOptions::default(), &|_| {})?;
    /// assert_eq!(index.articles_without_entities()?, 0);
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn articles_without_entities(&self) -> Result<u64> {
        let searcher = self.reader.searcher();
        let term = Term::from_field_text(self.schema.stemming, NO_ENTITIES);
        // The postings are walked only when some article has the mark: the document
        // frequency counts deleted articles too (ones indexed again since, with entities).
        if searcher.doc_freq(&term)? == 0 {
            return Ok(0);
        }
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        Ok(searcher.search(&query, &Count)? as u64)
    }

    /// Builds the tantivy query of a request: text, date range and entity filters.
    pub fn build_query(&self, request: &SearchRequest) -> Result<Box<dyn Query>> {
        let node = syntax_tree(request)?;
        let (text, num_terms) = QueryBuilder::new(&self.schema)
            .ranking(request.ranking)
            .plain(request.syntax == Syntax::Plain)
            .unstemmed_forms(self.has_unstemmed_articles()?)
            .clause_queries(self.clause_queries(&node)?)
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

    /// The query of each filter clause of a query: an entity clause's filter (`person:Kerry`
    /// as `--person Kerry`), kept as a bit set where the filters are, and a date clause's
    /// range (`date:2015-01` as `--from 2015-01 --to 2015-01`).
    fn clause_queries(&self, node: &Node) -> Result<Vec<query::ClauseQuery>> {
        let mut out = Vec::new();
        for clause in query::filter_clauses(node) {
            let mut filter = match clause {
                Node::Entity { field, name } => self.entity_filter_query(*field, name)?,
                Node::Date { from, to } => self.date_filter(*from, *to),
                _ => continue,
            };
            if let Some(cached) = CachedFilter::of(&*filter, &self.filters) {
                filter = Box::new(cached);
            }
            out.push((clause.clone(), filter));
        }
        Ok(out)
    }

    /// The query of the entity filter `field` names, for `name`: `--entity`, `--person`...
    /// `--country`, or the query clause of the same name.
    pub(crate) fn entity_filter_query(
        &self,
        field: EntityField,
        name: &str,
    ) -> Result<Box<dyn Query>> {
        match (field, field.kind()) {
            (_, Some(kind)) => self.typed_entity_query(kind, name),
            (EntityField::Country, None) => self.country_query(name),
            (_, None) => self.entity_query(name),
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
        for (field, name) in request.entity_filters() {
            filters.push(self.entity_filter_query(field, name)?);
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
        // The name as written, else as an article would give it (`the Fed`, `Mr. Blair`).
        let searcher = self.reader.searcher();
        let key_term =
            |name: &str| Term::from_field_text(self.schema.entity_key, &self.entity_key(name));
        let names = crate::facets::filter_names(None, name);
        let (first, rest) = names.split_first().unwrap_or((&name, &[]));
        let mut term = key_term(first);
        for read in rest {
            if searcher.doc_freq(&term)? > 0 {
                break;
            }
            term = key_term(read);
        }
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

    /// The country a misspelt `--country` most likely means: the one a name of which is fewest
    /// edits away (a swap of two letters counts one; at most one edit for names of up to four
    /// letters, two for longer ones), then the one more articles name: `Irak` is one edit from
    /// both `Iraq` and `Iran`.
    fn closest_country(&self, name: &str) -> Result<Option<String>> {
        let key = normalize_key(name);
        let limit = if key.chars().count() <= 4 { 1 } else { 2 };
        let mut rows = Default::default();
        let mut closest: Vec<(usize, &str)> = entities::country_names()
            .map(|(known, country)| {
                let edits =
                    crate::facets::osa_distance(key.as_bytes(), known.as_bytes(), limit, &mut rows);
                (edits, country)
            })
            .filter(|&(edits, _)| edits <= limit)
            .collect();
        let Some(fewest) = closest.iter().map(|&(edits, _)| edits).min() else {
            return Ok(None);
        };
        closest.retain(|&(edits, _)| edits == fewest);
        let searcher = self.reader.searcher();
        let mut best: Option<(u64, &str)> = None;
        for (_, country) in closest {
            let term =
                Term::from_field_text(self.schema.entity, &entity_term(EntityKind::Place, country));
            let named = searcher.doc_freq(&term)?;
            // Most articles first, then the name, for the same answer every time.
            if best.is_none_or(|(n, c)| named > n || (named == n && country < c)) {
                best = Some((named, country));
            }
        }
        Ok(best.map(|(_, country)| country.to_string()))
    }

    /// A country filter: the country as a place filter reads it, any city or state in it, or
    /// any of its demonyms.
    fn country_query(&self, name: &str) -> Result<Box<dyn Query>> {
        // Short forms such as `US` and `UK` are aliases, in the alias table; `the UK` is
        // read as `UK`.
        let country = crate::facets::filter_names(Some(EntityKind::Place), name)
            .into_iter()
            .find_map(|name| {
                let resolved = self
                    .extractor
                    .aliases()
                    .resolve(name)
                    .filter(|(_, kind)| *kind == EntityKind::Place)
                    .map_or(name, |(canonical, _)| canonical);
                entities::country_named(resolved)
            });
        let Some(country) = country else {
            return Err(Error::NotACountry {
                name: name.to_string(),
                suggestion: self.closest_country(name)?,
            });
        };
        let named = self.typed_entity_query(EntityKind::Place, country)?;
        // A union of term queries, which the filter cache keeps as one bit set: the places of
        // a large country are hundreds of terms, too slow to merge on every search.
        let places = entities::places_in(country)
            .iter()
            .map(|&place| (EntityKind::Place, place));
        let demonyms = entities::demonyms_of(country)
            .iter()
            .map(|demonym| (EntityKind::Misc, demonym.as_str()));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = places
            .chain(demonyms)
            .map(|(kind, name)| {
                let term = Term::from_field_text(self.schema.entity, &entity_term(kind, name));
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        if named.downcast_ref::<EmptyQuery>().is_none() {
            clauses.push((Occur::Should, named));
        }
        Ok(match clauses.len() {
            0 => Box::new(EmptyQuery),
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        })
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
        let count = self.reader.searcher().search(&*query, &Count);
        count.map_err(|e| self.damaged(e.into()))
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
        // Files found damaged while reading say so, as when the index is opened.
        self.run_search(request).map_err(|e| self.damaged(e))
    }

    /// The stored articles matching `request`, in its order, limit and offset applied (ask for
    /// [`usize::MAX`] to have them all): for exporting a subset of a corpus. Each article is
    /// read from the store as the iterator reaches it, so an export of any size holds one at
    /// a time; entities come back by type and name, as hits carry them.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest, Sort};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("a", "John Kerry flew to London.")
    ///         .with_published("2015-01-22T15:11:00Z".parse().unwrap()),
    ///     Article::new("b", "John Kerry spoke in Paris.")
    ///         .with_published("2015-02-02T09:00:00Z".parse().unwrap()),
    /// ])?;
    /// let request = SearchRequest::new("Kerry").sort(Sort::Oldest).limit(usize::MAX);
    /// let bodies = index
    ///     .articles(&request)?
    ///     .map(|a| a.map(|a| a.body))
    ///     .collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(bodies, ["John Kerry flew to London.", "John Kerry spoke in Paris."]);
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn articles(
        &self,
        request: &SearchRequest,
    ) -> Result<impl Iterator<Item = Result<Article>> + '_> {
        let query = self.build_query(request)?;
        let searcher = self.reader.searcher();
        let request = request.clone().count_total(false);
        let (page, _) = ranked_page(&searcher, &*query, &request).map_err(|e| self.damaged(e))?;
        Ok(page.into_iter().map(move |(_, address)| {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.damaged(e.into()))?;
            Ok(to_article(&self.schema, &doc))
        }))
    }

    fn run_search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let query = self.build_query(request)?;
        self.run_query(&*query, request)
    }

    /// The page of hits of `query`, built from `request` (whose text gives the snippets).
    pub(crate) fn run_query(
        &self,
        query: &dyn Query,
        request: &SearchRequest,
    ) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        // A folded page comes with each hit's stored article, read to compare it.
        let (page, total): (crate::fold::FoldedPage, usize) = if request.fold_near_duplicates {
            crate::fold::folded_page(self, &searcher, query, request)?
        } else {
            let (page, total) = ranked_page(&searcher, query, request)?;
            let page = page
                .into_iter()
                .map(|hit| (hit, None, Vec::new()))
                .collect();
            (page, total)
        };
        let offset = request.offset;
        let snippets = if request.snippets && !page.is_empty() {
            let tree = syntax_tree(request)?;
            let mut highlighter = Highlighter::new(
                &searcher,
                query,
                &tree,
                request.syntax == Syntax::Query,
                &self.schema,
                self.has_unstemmed_articles()?,
            )?;
            highlighter.entities = self.entity_marks(request, &tree)?;
            Some(highlighter)
        } else {
            None
        };
        let stored = request.stored_fields || snippets.is_some();
        let hits = page
            .into_iter()
            .enumerate()
            .map(|(i, ((score, address), doc, copies))| {
                let rank = offset + i + 1;
                let mut hit = if stored || doc.is_some() {
                    self.hit(&searcher, address, doc, rank, score, snippets.as_ref())?
                } else {
                    self.column_hit(&searcher, address, rank, score)?
                };
                if request.explain && score.is_some() {
                    hit.explanation = Some(Explanation::from(&query.explain(&searcher, address)?));
                }
                for copy in copies {
                    let columns = self.columns.segment(&searcher, copy.segment_ord)?;
                    hit.near_duplicates.push(columns.id(copy.doc_id));
                }
                Ok(hit)
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
            explanation: None,
            near_duplicates: Vec::new(),
        })
    }

    /// A hit from its stored article (`doc`, read here when `None`).
    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        doc: Option<TantivyDocument>,
        rank: usize,
        score: Option<f32>,
        snippets: Option<&Highlighter>,
    ) -> Result<Hit> {
        let doc: TantivyDocument = match doc {
            Some(doc) => doc,
            None => searcher.doc(address)?,
        };
        let s = &self.schema;
        let text = |f| {
            use tantivy::schema::Value;
            doc.get_first(f)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let snippet = match snippets {
            Some(highlighter) => Some(match highlighter.snippet(searcher, address, &doc)? {
                Some(snippet) => snippet,
                None => {
                    // No word of the query in the body (none at all, or matches in the title
                    // only): where it names the entities asked for, else its opening.
                    let body = text(s.body).unwrap_or_default();
                    let named = highlighter.entities.as_ref().and_then(|marks| {
                        let title = text(s.title);
                        let mut tokenizer = highlighter.tokenizer.clone();
                        let language = text(s.lang);
                        marks.snippet(
                            &self.extractor,
                            &mut tokenizer,
                            title.as_deref(),
                            &body,
                            language.as_deref(),
                        )
                    });
                    named.unwrap_or_else(|| {
                        let end = body
                            .char_indices()
                            .nth(SNIPPET_CHARS)
                            .map_or(body.len(), |(i, _)| i);
                        Snippet {
                            text: body[..end].replace('\n', " "),
                            highlights: Vec::new(),
                        }
                    })
                }
            }),
            None => None,
        };
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
            explanation: None,
            near_duplicates: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::PhraseQuery;
    use tantivy::schema::{Schema, TEXT};

    /// A xorshift generator: the same documents and phrases on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Random texts over five words, where phrases recur in every order and distance: the
    /// occurrences found for snippets must be there exactly when tantivy's phrase query
    /// matches, exact or sloppy, two words or more (sloppy phrases of three words and more
    /// follow tantivy's carrying intersection step by step).
    #[test]
    fn phrase_occurrences_are_found_exactly_where_tantivy_matches_the_phrase() -> Result<()> {
        const WORDS: [&str; 5] = ["a", "b", "c", "d", "e"];
        let mut builder = Schema::builder();
        let field = builder.add_text_field("text", TEXT);
        let index = tantivy::Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let docs: Vec<Vec<usize>> = (0..300)
            .map(|_| {
                (0..1 + rng.below(24))
                    .map(|_| rng.below(WORDS.len()))
                    .collect()
            })
            .collect();
        for doc in &docs {
            let text: Vec<&str> = doc.iter().map(|&w| WORDS[w]).collect();
            writer.add_document(tantivy::doc!(field => text.join(" ")))?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        let inverted = searcher.segment_reader(0).inverted_index(field)?;
        let mut matched_somewhere = 0;
        for _ in 0..600 {
            let n = 2 + rng.below(3);
            let slop = if rng.below(3) == 0 {
                0
            } else {
                1 + rng.below(5) as u32
            };
            // A sloppy phrase may not repeat a word (the query language refuses it).
            let mut phrase: Vec<usize> = Vec::new();
            while phrase.len() < n {
                let word = rng.below(WORDS.len());
                if slop == 0 || !phrase.contains(&word) {
                    phrase.push(word);
                }
            }
            let terms: Vec<(usize, Term)> = phrase
                .iter()
                .enumerate()
                .map(|(i, &w)| (i, Term::from_field_text(field, WORDS[w])))
                .collect();
            let query = PhraseQuery::new_with_offset_and_slop(terms.clone(), slop);
            let top = TopDocs::with_limit(docs.len()).order_by_score();
            let matched: BTreeSet<DocId> = searcher
                .search(&query, &top)?
                .into_iter()
                .map(|(_, address)| address.doc_id)
                .collect();
            let mut frequencies = Vec::new();
            for (_, term) in &terms {
                frequencies.push(inverted.doc_freq(term).map_err(TantivyError::from)?);
            }
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&i| frequencies[i]);
            for (doc, words) in docs.iter().enumerate() {
                let positions: Vec<Vec<u32>> = phrase
                    .iter()
                    .map(|&w| {
                        (0..words.len() as u32)
                            .filter(|&p| words[p as usize] == w)
                            .collect()
                    })
                    .collect();
                let lists: Vec<(u32, &[u32])> = positions
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (i as u32, p.as_slice()))
                    .collect();
                let found = phrase_occurrences(&lists, slop, &order);
                for occurrence in &found {
                    for (i, &p) in occurrence.iter().enumerate() {
                        assert_eq!(words[p as usize], phrase[i], "{occurrence:?}");
                    }
                    if slop == 0 {
                        assert!(occurrence.windows(2).all(|w| w[1] == w[0] + 1));
                    }
                }
                let expected = matched.contains(&(doc as DocId));
                assert_eq!(
                    !found.is_empty(),
                    expected,
                    "phrase {phrase:?}~{slop} (order {order:?}) in {words:?}: {found:?}"
                );
                matched_somewhere += usize::from(expected);
            }
        }
        assert!(matched_somewhere > 10_000, "{matched_somewhere}");
        Ok(())
    }

    /// Tokens of a text of words separated by single spaces.
    fn tokens_of(text: &str) -> Vec<BodyToken> {
        let mut from = 0;
        text.split(' ')
            .enumerate()
            .map(|(position, word)| {
                let token = BodyToken {
                    position: position as u32,
                    from,
                    to: from + word.len(),
                };
                from += word.len() + 1;
                token
            })
            .collect()
    }

    #[test]
    fn a_window_holds_a_whole_occurrence_and_a_phrase_outweighs_any_word() {
        // tantivy's second window would open at `fighters`, 195 bytes in.
        let text = format!("rare {}foreign fighters went home", "aa ".repeat(63));
        let tokens = tokens_of(&text);
        let at = |word: &str| text.split(' ').position(|w| w == word).unwrap_or(0);
        let marks = vec![
            Mark {
                first: 0,
                last: 0,
                weight: 5.0,
                phrase: None,
            },
            Mark {
                first: at("foreign"),
                last: at("fighters"),
                weight: 0.1,
                phrase: Some((0, vec![at("foreign"), at("fighters")])),
            },
        ];
        let snippet = best_passage(&text, &tokens, &marks, 200).expect("a snippet");
        assert_eq!(snippet.text, "foreign fighters went home");
        assert_eq!(snippet.highlights, [(0, 16)]);
        // Without the phrase, the window of the rarer word wins, as in tantivy.
        let snippet = best_passage(&text, &tokens, &marks[..1], 200).expect("a snippet");
        assert!(snippet.text.starts_with("rare aa"), "{}", snippet.text);
        assert_eq!(snippet.highlights, [(0, 4)]);
    }
}
