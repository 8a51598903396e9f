//! Articles per country over every article a search matches: where a story happens. An
//! article counts once for each country it names, names a city, US state or province in
//! ([`dateline_core::entities::place_country`]) or names the people of
//! ([`dateline_core::entities::demonym_country`]: `Iraqi`), as [`SearchRequest::country`]
//! finds it.

use rustc_hash::FxHashMap;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use dateline_core::entities::{country_named, demonym_country, place_country};
use dateline_core::EntityKind;

use crate::document::parse_entity_term;
use crate::error::Result;
use crate::{Index, SearchRequest};

/// One country and the matching articles that name it or a place in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountryCount {
    /// The country's canonical name (`United States`).
    pub country: String,
    /// Matching articles naming it, a city, US state or province in it, or its people.
    pub articles: u64,
}

impl Index {
    /// The countries the articles matching `request` are about, most articles first (ties by
    /// name), at most `limit`: each article counts once per country it names, names a place in
    /// or names the people of, so `Iraq` counts the stories of Baghdad and Mosul, and of Iraqi
    /// troops, that never say Iraq.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("a", "Fighting went on in Mosul and Baghdad."),
    ///     Article::new("b", "Iraq and Syria signed the accord in Damascus."),
    /// ])?;
    /// let top = index.top_countries(&SearchRequest::new("*"), 10)?;
    /// assert_eq!((top[0].country.as_str(), top[0].articles), ("Iraq", 2));
    /// assert_eq!((top[1].country.as_str(), top[1].articles), ("Syria", 1));
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn top_countries(
        &self,
        request: &SearchRequest,
        limit: usize,
    ) -> Result<Vec<CountryCount>> {
        self.count_countries(request, limit)
            .map_err(|e| self.damaged(e))
    }

    fn count_countries(&self, request: &SearchRequest, limit: usize) -> Result<Vec<CountryCount>> {
        let query = self.build_query(request)?;
        let searcher = self.reader.searcher();
        let counts = searcher.search(&*query, &CountryCounts::new(self, &searcher)?)?;
        Ok(top(counts, limit))
    }
}

/// The `limit` countries of the most articles, ties by name.
pub(crate) fn top(counts: FxHashMap<&'static str, u64>, limit: usize) -> Vec<CountryCount> {
    let mut out: Vec<CountryCount> = counts
        .into_iter()
        .map(|(country, articles)| CountryCount {
            country: country.to_string(),
            articles,
        })
        .collect();
    out.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.country.cmp(&b.country)));
    out.truncate(limit);
    out
}

/// Counts articles per country from the `entity_id` column, the places of each segment mapped
/// to their countries once.
pub(crate) struct CountryCounts<'a> {
    index: &'a Index,
    searcher: &'a tantivy::Searcher,
}

impl<'a> CountryCounts<'a> {
    /// The collector, with the names of every segment's entities read first, in parallel.
    pub(crate) fn new(index: &'a Index, searcher: &'a tantivy::Searcher) -> Result<Self> {
        index.columns.warm_entity_names(
            searcher,
            index.schema.entity,
            index.extractor.aliases(),
        )?;
        Ok(CountryCounts { index, searcher })
    }
}

impl Collector for CountryCounts<'_> {
    type Fruit = FxHashMap<&'static str, u64>;
    type Child = SegmentCountryCounts;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentCountryCounts> {
        let names = self.index.segment_entity_names(self.searcher, ord)?;
        let country_of = names
            .by_id
            .iter()
            .filter_map(|(&id, entity)| {
                let country = match parse_entity_term(&entity.term)? {
                    (EntityKind::Place, name) => {
                        country_named(name).or_else(|| place_country(name))
                    }
                    (EntityKind::Misc, name) => demonym_country(name),
                    _ => None,
                };
                Some((id, country?))
            })
            .collect();
        Ok(SegmentCountryCounts {
            ids: reader.fast_fields().u64("entity_id")?,
            country_of,
            counts: FxHashMap::default(),
            doc: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<FxHashMap<&'static str, u64>>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut all = FxHashMap::default();
        for fruit in fruits {
            for (country, n) in fruit {
                *all.entry(country).or_insert(0) += n;
            }
        }
        Ok(all)
    }
}

/// [`CountryCounts`] of one segment.
pub(crate) struct SegmentCountryCounts {
    ids: Column<u64>,
    /// The country of each place and demonym of the segment, by `entity_id`.
    country_of: FxHashMap<u64, &'static str>,
    counts: FxHashMap<&'static str, u64>,
    /// The countries of the article being counted, each once.
    doc: Vec<&'static str>,
}

impl SegmentCollector for SegmentCountryCounts {
    type Fruit = FxHashMap<&'static str, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.doc.clear();
        for id in self.ids.values_for_doc(doc) {
            if let Some(&country) = self.country_of.get(&id) {
                if !self.doc.contains(&country) {
                    self.doc.push(country);
                }
            }
        }
        for country in &self.doc {
            *self.counts.entry(country).or_insert(0) += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.counts
    }
}
