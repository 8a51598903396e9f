//! Entity search beyond plain filters: typed entity filters (`--person`, `--org`, `--place`),
//! "did you mean" suggestions for filters that match nothing, and facets over all matching
//! articles (top entities per type counted from the `entity_id` column, articles per month from
//! tantivy's date-histogram aggregation).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use dateline_core::entities::{normalize_key, without_legal_form};
use dateline_core::EntityKind;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};

use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, EmptyQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::termdict::TermOrdinal;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

use crate::document::{entity_term, parse_entity_term};
use crate::error::Result;
use crate::search::EntityNames;
use crate::{Index, SearchRequest};

/// An entity with the number of matching articles naming it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Its canonical name.
    pub name: String,
    /// Matching articles that name it.
    pub articles: u64,
}

/// Matching articles published in one calendar month (UTC).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Matching articles published that month.
    pub articles: u64,
}

/// Facets of a search over all its matching articles (not just the page shown).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Facets {
    /// Matching articles.
    pub total: usize,
    /// The most frequent entities of each type, most articles first.
    pub entities: BTreeMap<EntityKind, Vec<EntityCount>>,
    /// Matching articles per month, oldest first (months without articles are left out).
    pub months: Vec<MonthCount>,
    /// Matching articles without a publication date.
    pub undated: u64,
}

/// A suggestion for an entity filter that matches no article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntitySuggestion {
    /// The filter as given.
    pub given: String,
    /// The type the filter asked for (`None` for `--entity`).
    #[serde(rename = "type")]
    pub kind: Option<EntityKind>,
    /// The closest known entity.
    pub suggestion: String,
    /// Its type.
    pub suggestion_type: EntityKind,
}

/// The kinds listed by facets and `dateline entities`.
const LISTED: [EntityKind; 4] = EntityKind::ALL;

/// Counts, over the articles a query matches, the articles naming each entity, from the
/// `entity_id` column; the hashes are named through each segment's `entity` terms (read once
/// per segment and cached).
pub(crate) struct EntityCounts<'a> {
    index: &'a Index,
    searcher: &'a Searcher,
}

impl<'a> EntityCounts<'a> {
    /// The collector, with the names of every segment's entities read first, in parallel.
    pub(crate) fn new(index: &'a Index, searcher: &'a Searcher) -> Result<Self> {
        index
            .columns
            .warm_entity_names(searcher, index.schema.entity)?;
        Ok(EntityCounts { index, searcher })
    }
}

/// Articles per entity, by type: the collected counts.
#[derive(Default)]
pub(crate) struct Counted(HashMap<EntityKind, HashMap<String, u64>>);

/// A bare surname stands for the person named in full with it when that person accounts for
/// at least this share of the articles naming anyone in full with that surname.
const SURNAME_OWNER_SHARE: f64 = 0.8;

impl Counted {
    /// Counts each person named by a bare surname (`Reagan`) under the person it stands for
    /// across the index (`Ronald Reagan`, see [`Index::surname_owner`]): an article names
    /// one or the other, since within an article a surname already joins the full name.
    pub(crate) fn merge_surnames(&mut self, index: &Index, searcher: &Searcher) -> Result<()> {
        let Some(people) = self.0.get_mut(&EntityKind::Person) else {
            return Ok(());
        };
        let bare: Vec<String> = people
            .keys()
            .filter(|n| !n.contains(' '))
            .cloned()
            .collect();
        if !bare.is_empty() {
            index
                .columns
                .warm_entity_catalogs(searcher, index.schema.entity)?;
        }
        for name in bare {
            if let Some(owner) = index.surname_owner(searcher, &normalize_key(&name))? {
                if let Some(n) = people.remove(&name) {
                    *people.entry(owner).or_default() += n;
                }
            }
        }
        Ok(())
    }

    /// The `limit` entities of `kind` named by the most articles, most first (ties by name).
    pub(crate) fn top(&self, kind: EntityKind, limit: usize) -> Vec<EntityCount> {
        let mut list: Vec<EntityCount> = self
            .0
            .get(&kind)
            .into_iter()
            .flatten()
            .map(|(name, &articles)| EntityCount {
                kind,
                name: name.clone(),
                articles,
            })
            .collect();
        list.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.name.cmp(&b.name))
        });
        list.truncate(limit);
        list
    }
}

pub(crate) struct SegmentEntityCounts {
    ids: Column<u64>,
    names: Arc<EntityNames>,
    counts: rustc_hash::FxHashMap<u64, u64>,
}

impl Collector for EntityCounts<'_> {
    type Fruit = Counted;
    type Child = SegmentEntityCounts;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCounts> {
        let names = self
            .index
            .columns
            .entity_names(self.searcher, ord, self.index.schema.entity)
            .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        Ok(SegmentEntityCounts {
            ids: reader.fast_fields().u64("entity_id")?,
            names,
            counts: Default::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        let mut all = Counted::default();
        for fruit in fruits {
            for (kind, names) in fruit.0 {
                let into = all.0.entry(kind).or_default();
                for (name, n) in names {
                    *into.entry(name).or_default() += n;
                }
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentEntityCounts {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for id in self.ids.values_for_doc(doc) {
            *self.counts.entry(id).or_default() += 1;
        }
    }

    fn harvest(self) -> Counted {
        let mut out = Counted::default();
        for (id, n) in self.counts {
            let Some((kind, name)) = self.names.get(&id).and_then(|t| parse_entity_term(t)) else {
                continue;
            };
            out.0.entry(kind).or_default().insert(name.to_string(), n);
        }
        out
    }
}

/// Levenshtein distance on chars, giving up (returning `limit + 1`) past `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            best = best.min(cur[j]);
        }
        if best > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

impl Index {
    /// Every entity in the index as `(kind, canonical name)`, read from the term dictionary.
    pub fn known_entities(&self) -> Result<Vec<(EntityKind, String)>> {
        let searcher = self.reader.searcher();
        Ok(known_entities(&searcher, self)?
            .into_iter()
            .map(|(kind, name, _)| (kind, name))
            .collect())
    }

    /// The query for a typed entity filter: articles having an entity of `kind` that `name`
    /// names, by its canonical name, any alias in the alias table (`ISIL` → Islamic State),
    /// any case, or (for people) its surname (`Hammond` → Philip Hammond).
    pub(crate) fn typed_entity_query(
        &self,
        kind: EntityKind,
        name: &str,
    ) -> Result<Box<dyn Query>> {
        let key = normalize_key(name);
        // `Chrysler Corp` is the firm the extractor names `Chrysler`.
        let canonical = self
            .extractor
            .aliases()
            .resolve(name)
            .filter(|(_, k)| *k == kind)
            .map(|(c, _)| c)
            .or_else(|| (kind == EntityKind::Organization).then(|| without_legal_form(name)))
            .map(normalize_key)
            .filter(|c| *c != key);
        let searcher = self.reader.searcher();
        self.columns
            .warm_entity_catalogs(&searcher, self.schema.entity)?;
        let mut names: BTreeSet<String> = BTreeSet::new();
        let person = kind == EntityKind::Person;
        self.find_entities(&searcher, kind, &key, person, &mut names)?;
        if let Some(canonical) = &canonical {
            self.find_entities(&searcher, kind, canonical, false, &mut names)?;
        }
        // `Ronald Reagan` is also the bare `Reagan` of stories that never give his first name,
        // when the index names almost no one else so.
        if person {
            let full: Vec<String> = names.iter().filter(|n| n.contains(' ')).cloned().collect();
            for person in full {
                let key = normalize_key(&person);
                let Some((_, surname)) = key.rsplit_once(' ') else {
                    continue;
                };
                if self.surname_owner(&searcher, surname)?.as_deref() == Some(person.as_str()) {
                    self.find_entities(&searcher, kind, surname, false, &mut names)?;
                }
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = names
            .iter()
            .map(|entity| {
                let term = Term::from_field_text(self.schema.entity, &entity_term(kind, entity));
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        // One term stays a term query: a bag of words reads it as bare postings.
        Ok(match clauses.len() {
            0 => Box::new(EmptyQuery),
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        })
    }

    /// Adds to `out` the names of the entities of `kind` whose normalised name is `key` in
    /// any segment, and with `surnames` the people whose surname it is.
    fn find_entities(
        &self,
        searcher: &Searcher,
        kind: EntityKind,
        key: &str,
        surnames: bool,
        out: &mut BTreeSet<String>,
    ) -> Result<()> {
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let catalog =
                self.columns
                    .entity_catalog(searcher, ord as SegmentOrdinal, self.schema.entity)?;
            let inverted = segment.inverted_index(self.schema.entity)?;
            catalog.find(inverted.terms(), kind, key, surnames, out)?;
        }
        Ok(())
    }

    /// The person a bare surname (normalised, `reagan`) stands for across the index: the one
    /// person named in full with that surname who accounts for at least four in five of the
    /// articles naming anyone so (`Ronald Reagan`, not when `James Baker` and `Howard Baker`
    /// share the name more evenly). Within an article a surname joins the full name given
    /// there; this reads the surname of stories that never give it.
    pub(crate) fn surname_owner(
        &self,
        searcher: &Searcher,
        surname: &str,
    ) -> Result<Option<String>> {
        // Articles per person (by name hash), and where one of its terms is.
        let mut people: HashMap<u64, (u64, SegmentOrdinal, TermOrdinal)> = HashMap::new();
        for ord in 0..searcher.segment_readers().len() as SegmentOrdinal {
            let catalog = self
                .columns
                .entity_catalog(searcher, ord, self.schema.entity)?;
            for p in catalog.people_by_surname(surname) {
                let entry = people.entry(p.name).or_insert((0, ord, p.ord));
                entry.0 += u64::from(p.articles);
            }
        }
        let total: u64 = people.values().map(|p| p.0).sum();
        let Some(&(articles, segment, term)) = people.values().max_by_key(|p| p.0) else {
            return Ok(None);
        };
        if (articles as f64) < SURNAME_OWNER_SHARE * total as f64 {
            return Ok(None);
        }
        let inverted = searcher
            .segment_reader(segment)
            .inverted_index(self.schema.entity)?;
        let mut bytes = Vec::new();
        if !inverted
            .terms()
            .ord_to_term(term, &mut bytes)
            .map_err(tantivy::TantivyError::from)?
        {
            return Ok(None);
        }
        // The surname was matched by hash: the name must really end with it.
        Ok(std::str::from_utf8(&bytes)
            .ok()
            .and_then(parse_entity_term)
            .filter(|(kind, name)| {
                *kind == EntityKind::Person
                    && normalize_key(name)
                        .rsplit_once(' ')
                        .is_some_and(|(_, s)| s == surname)
            })
            .map(|(_, name)| name.to_string()))
    }

    /// For each entity filter of `request` that alone matches no article, the closest known
    /// entity (by edit distance on normalised names, or on a person's surname; same type for
    /// typed filters), the one more articles name among equally close ones. Filters that match
    /// something, or have no close entity, give nothing.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![Article::new("a", "Philip Hammond met John Kerry in London.")])?;
    /// let request = SearchRequest::new("*").person("Philp Hamond");
    /// assert_eq!(index.count(&request)?, 0);
    /// let tips = index.entity_suggestions(&request)?;
    /// assert_eq!(tips[0].suggestion, "Philip Hammond");
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn entity_suggestions(&self, request: &SearchRequest) -> Result<Vec<EntitySuggestion>> {
        let searcher = self.reader.searcher();
        let filters: Vec<(Option<EntityKind>, &String)> = request
            .entities
            .iter()
            .map(|n| (None, n))
            .chain(request.typed_entities.iter().map(|(k, n)| (Some(*k), n)))
            .collect();
        let mut known: Option<Vec<(EntityKind, String, u64)>> = None;
        let mut out = Vec::new();
        for (kind, name) in filters {
            let alone = match kind {
                Some(k) => SearchRequest::new("*").typed_entity(k, name.clone()),
                None => SearchRequest::new("*").entity(name.clone()),
            };
            if searcher.search(&*self.build_query(&alone)?, &Count)? > 0 {
                continue;
            }
            if known.is_none() {
                known = Some(known_entities(&searcher, self)?);
            }
            let key = normalize_key(name);
            let limit = (key.chars().count() / 3).clamp(1, 4);
            // The fewest edits, on the whole name or (for people) the surname; then the name
            // more articles use (`Reagn`: `Ronald Reagan` of thousands of articles, not a
            // `Reaan` of one); then a whole name over a surname.
            let mut best: Option<(Closeness, EntityKind, &str)> = None;
            for (k, entity, articles) in known.iter().flatten() {
                if kind.is_some_and(|want| want != *k) {
                    continue;
                }
                let ekey = normalize_key(entity);
                let mut rank = (edit_distance(&key, &ekey, limit), Reverse(*articles), false);
                // `Ford`: the `Ford Motor` that the name opens, over a `FOR` one edit away.
                if ekey
                    .strip_prefix(key.as_str())
                    .is_some_and(|r| r.starts_with(' '))
                {
                    rank = rank.min((0, Reverse(*articles), true));
                }
                if *k == EntityKind::Person && ekey.contains(' ') {
                    if let Some(last) = ekey.rsplit(' ').next() {
                        let by_surname =
                            (edit_distance(&key, last, limit), Reverse(*articles), true);
                        rank = rank.min(by_surname);
                    }
                }
                if rank.0 <= limit && best.as_ref().is_none_or(|(b, _, _)| rank < *b) {
                    best = Some((rank, *k, entity));
                }
            }
            if let Some((_, k, entity)) = best {
                out.push(EntitySuggestion {
                    given: name.clone(),
                    kind,
                    suggestion: entity.to_string(),
                    suggestion_type: k,
                });
            }
        }
        Ok(out)
    }

    /// Facets over every article matching `request` (limit, offset and sort ignored): the
    /// `top` most frequent entities of each type and the number of articles per month.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_core::EntityKind;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("a", "John Kerry flew to London.")
    ///         .with_published("2015-01-22T15:11:00Z".parse().unwrap()),
    ///     Article::new("b", "John Kerry spoke in Paris.")
    ///         .with_published("2015-02-02T09:00:00Z".parse().unwrap()),
    /// ])?;
    /// let facets = index.facets(&SearchRequest::new("Kerry").limit(1), 5)?;
    /// assert_eq!(facets.total, 2);
    /// assert_eq!(facets.entities[&EntityKind::Person][0].name, "John Kerry");
    /// assert_eq!(facets.entities[&EntityKind::Person][0].articles, 2);
    /// assert_eq!(facets.months.len(), 2);
    /// assert_eq!(facets.months[0].month, "2015-01");
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn facets(&self, request: &SearchRequest, top: usize) -> Result<Facets> {
        let query = self.build_query(request)?;
        let searcher = self.reader.searcher();
        let aggs: Aggregations = serde_json::from_value(serde_json::json!({
            "days": {
                "date_histogram": {
                    "field": "published",
                    "fixed_interval": "1d",
                    "min_doc_count": 1
                }
            }
        }))
        .map_err(|e| tantivy::TantivyError::InvalidArgument(e.to_string()))?;
        let context = AggContextParams::new(
            AggregationLimitsGuard::default(),
            self.index.tokenizers().clone(),
        );
        let agg_collector = AggregationCollector::from_aggs(aggs, context);
        let counts = EntityCounts::new(self, &searcher)?;
        let (mut counts, aggs, total) =
            searcher.search(&*query, &(counts, agg_collector, Count))?;
        counts.merge_surnames(self, &searcher)?;
        let entities = LISTED
            .into_iter()
            .map(|kind| (kind, counts.top(kind, top)))
            .collect();
        // Roll the day buckets up into calendar months.
        let mut months: BTreeMap<String, u64> = BTreeMap::new();
        let json = serde_json::to_value(&aggs)
            .map_err(|e| tantivy::TantivyError::InvalidArgument(e.to_string()))?;
        let mut dated = 0u64;
        if let Some(buckets) = json["days"]["buckets"].as_array() {
            for b in buckets {
                let n = b["doc_count"].as_u64().unwrap_or(0);
                let month = b["key_as_string"]
                    .as_str()
                    .and_then(|s| s.get(..7))
                    .map(str::to_string)
                    .or_else(|| {
                        let ms = b["key"].as_f64()? as i64;
                        chrono::DateTime::from_timestamp_millis(ms)
                            .map(|d| d.format("%Y-%m").to_string())
                    });
                if let (Some(month), true) = (month, n > 0) {
                    *months.entry(month).or_default() += n;
                    dated += n;
                }
            }
        }
        Ok(Facets {
            total,
            entities,
            months: months
                .into_iter()
                .map(|(month, articles)| MonthCount { month, articles })
                .collect(),
            undated: (total as u64).saturating_sub(dated),
        })
    }

    /// The most frequent entities among articles matching `request` (all articles for the
    /// query `*`), of one type or of every type, with the number of articles naming each,
    /// most first. A bare surname (`Reagan`) is counted under the person it stands for: the
    /// one person named in full with it who has at least four in five of the index's articles
    /// naming anyone in full so (`Ronald Reagan`); typed person filters read it the same way.
    pub fn top_entities(
        &self,
        request: &SearchRequest,
        kind: Option<EntityKind>,
        limit: usize,
    ) -> Result<Vec<EntityCount>> {
        let query = self.build_query(request)?;
        let searcher = self.reader.searcher();
        let kinds: Vec<EntityKind> = match kind {
            Some(k) => vec![k],
            None => LISTED.to_vec(),
        };
        let mut counts = searcher.search(&*query, &EntityCounts::new(self, &searcher)?)?;
        counts.merge_surnames(self, &searcher)?;
        let mut out: Vec<EntityCount> = kinds
            .into_iter()
            .flat_map(|k| counts.top(k, limit))
            .collect();
        out.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.name.cmp(&b.name))
        });
        if kind.is_some() {
            out.truncate(limit);
        }
        Ok(out)
    }
}

/// How close a known entity is to a misspelled filter, closest first: edits, then articles
/// (more first), then whether only part of the name matched (the surname, or the first words
/// of a longer name).
type Closeness = (usize, Reverse<u64>, bool);

/// Every entity in the index's `entity` term dictionaries with the number of articles naming
/// it, sorted by type and name.
fn known_entities(searcher: &Searcher, index: &Index) -> Result<Vec<(EntityKind, String, u64)>> {
    let mut counts: BTreeMap<(EntityKind, String), u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(index.schema.entity)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let term = std::str::from_utf8(stream.key()).ok();
            if let Some((kind, name)) = term.and_then(parse_entity_term) {
                *counts.entry((kind, name.to_string())).or_default() +=
                    u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(counts
        .into_iter()
        .map(|((kind, name), articles)| (kind, name, articles))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_and_gives_up() {
        assert_eq!(edit_distance("hamond", "hammond", 3), 1);
        assert_eq!(edit_distance("kerry", "kerry", 1), 0);
        assert_eq!(edit_distance("abc", "xyzxyz", 2), 3);
    }
}
