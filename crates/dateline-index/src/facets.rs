//! Entity search beyond plain filters: typed entity filters (`--person`, `--org`, `--place`),
//! "did you mean" suggestions for filters that match nothing, and facets over all matching
//! articles (top entities per type counted from the `entity_id` column, articles per month from
//! tantivy's date-histogram aggregation).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use dateline_core::entities::{
    demonym_canonical, normalize_key, push_key, strip_titles, without_legal_form,
};
use dateline_core::EntityKind;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, EmptyQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::termdict::TermOrdinal;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

use crate::countries::{CountryCount, CountryCounts};
use crate::document::{entity_term, parse_entity_term};
use crate::error::Result;
use crate::query::EntityField;
use crate::search::{
    canonical_key, gathered_by_canonical_key, key_hash, CanonicalKey, EntityNames,
};
use crate::timeline::{day_counts, day_histogram, roll_up, Interval};
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
    /// The most frequent entities of each type, most articles first; people, organisations
    /// and places counted as in [`Index::top_entities`].
    pub entities: BTreeMap<EntityKind, Vec<EntityCount>>,
    /// The countries the matching articles are about, most articles first, counted as
    /// [`Index::top_countries`] counts them.
    pub countries: Vec<CountryCount>,
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

impl Index {
    /// The entities of segment `ord` by `entity_id`, for a collector (read once per segment and
    /// cached), with a failure as tantivy's error.
    pub(crate) fn segment_entity_names(
        &self,
        searcher: &Searcher,
        ord: SegmentOrdinal,
    ) -> tantivy::Result<Arc<EntityNames>> {
        self.columns
            .entity_names(searcher, ord, self.schema.entity, self.extractor.aliases())
            .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))
    }
}

impl<'a> EntityCounts<'a> {
    /// The collector, with the names of every segment's entities read first, in parallel.
    pub(crate) fn new(index: &'a Index, searcher: &'a Searcher) -> Result<Self> {
        index.columns.warm_entity_names(
            searcher,
            index.schema.entity,
            index.extractor.aliases(),
        )?;
        Ok(EntityCounts { index, searcher })
    }
}

/// Articles per entity, by type: the collected counts.
#[derive(Default)]
pub(crate) struct Counted {
    /// Articles naming each entity, by type and name as extracted; organisations and places
    /// once merged (see [`EntityCounts::merge_fruits`]), by the name of their row.
    names: FxHashMap<EntityKind, FxHashMap<String, u64>>,
    /// Articles naming people, counted as typed person filters read names.
    people: PeopleCounts,
    /// Organisations and places by type and [`canonical_key`] hash, as their typed filters
    /// gather them.
    gathered: FxHashMap<(EntityKind, u64), Gathered>,
}

/// The organisations or places of one canonical key (`GenCorp`, `Gencorp`, `GenCorp Inc`).
#[derive(Default)]
struct Gathered {
    /// Articles naming any of them, each once.
    articles: u64,
    /// Each name as extracted.
    forms: Vec<Form>,
}

/// A name under which an organisation or place was extracted.
struct Form {
    name: String,
    /// Articles naming it so.
    named: u64,
    /// See [`CanonicalKey::is_own`].
    is_own: bool,
}

impl Gathered {
    fn add(&mut self, other: Gathered) {
        self.articles += other.articles;
        for form in other.forms {
            match self.forms.iter_mut().find(|f| f.name == form.name) {
                Some(f) => f.named += form.named,
                None => self.forms.push(form),
            }
        }
    }

    /// The name of the row: the canonical name or the name without its legal form if any
    /// article gives it (in the spelling most of them use), else the form most articles use.
    /// Any of them filters for the same articles.
    fn into_row_name(self) -> Option<String> {
        self.forms
            .into_iter()
            .min_by(|a, b| {
                (Reverse(a.is_own), Reverse(a.named), &a.name).cmp(&(
                    Reverse(b.is_own),
                    Reverse(b.named),
                    &b.name,
                ))
            })
            .map(|f| f.name)
    }
}

/// Articles naming people by normalised name (any case, any accents) and by surname, both
/// by hash (see [`key_hash`]): what a person's count needs to be the number of articles its
/// filter finds, each article once however many of the person's forms it gives.
#[derive(Default)]
struct PeopleCounts {
    /// Articles naming a person of this key (`ronald reagan`, `reagan`) in any form.
    by_key: FxHashMap<u64, u64>,
    /// Articles naming a person by this bare surname or in full with it.
    by_surname: FxHashMap<u64, u64>,
    /// Articles naming both a bare surname and a person named in full with it, by (surname,
    /// key of the full name): the overlap when the surname is counted under that person.
    both: FxHashMap<(u64, u64), u64>,
}

impl PeopleCounts {
    fn add(&mut self, other: PeopleCounts) {
        fn sum<K: std::hash::Hash + Eq>(into: &mut FxHashMap<K, u64>, from: FxHashMap<K, u64>) {
            for (k, n) in from {
                *into.entry(k).or_default() += n;
            }
        }
        sum(&mut self.by_key, other.by_key);
        sum(&mut self.by_surname, other.by_surname);
        sum(&mut self.both, other.both);
    }
}

/// A bare surname stands for the person named in full with it when that person accounts for
/// at least this share of the articles naming anyone in full with that surname.
const SURNAME_OWNER_SHARE: f64 = 0.8;

/// A person counted under one name: the form shown and the count.
struct Row {
    name: String,
    /// Articles naming the person in that form, which chooses among forms.
    named: u64,
    articles: u64,
}

impl Counted {
    /// Counts people as a typed person filter (`--person NAME`) finds them, so that a count and
    /// the filter on its name describe the same articles: a person is named in any case (the
    /// form most articles use names the count); a bare surname (`Reagan`) is counted under the
    /// person it stands for across the index (`Ronald Reagan`, see [`Index::surname_owner`]),
    /// and any other bare surname counts the articles naming it or anyone in full with it
    /// (`Wagner`, `Robert Wagner`), as its filter does. An article counts once per person,
    /// whatever forms it gives.
    pub(crate) fn merge_surnames(&mut self, index: &Index, searcher: &Searcher) -> Result<()> {
        let Some(forms) = self.names.get(&EntityKind::Person) else {
            return Ok(());
        };
        let people = &self.people;
        // Each person by key, named by the form most articles give (then the first in order).
        let mut rows: FxHashMap<u64, Row> = FxHashMap::default();
        let mut bare: Vec<(u64, String)> = Vec::new();
        for (name, &named) in forms {
            let key = normalize_key(name);
            let hash = key_hash(&key);
            let row = rows.entry(hash).or_insert_with(|| {
                if !key.contains(' ') {
                    bare.push((hash, key));
                }
                Row {
                    name: name.clone(),
                    named,
                    articles: people.by_key.get(&hash).copied().unwrap_or(named),
                }
            });
            if (Reverse(named), name) < (Reverse(row.named), &row.name) {
                row.name.clone_from(name);
                row.named = named;
            }
        }
        if !bare.is_empty() {
            index.columns.warm_entity_catalogs(
                searcher,
                index.schema.entity,
                index.extractor.aliases(),
            )?;
        }
        for (hash, key) in bare {
            match index.surname_owner(searcher, &key)? {
                Some(owner) => {
                    let Some(row) = rows.remove(&hash) else {
                        continue;
                    };
                    let owner_hash = key_hash(&normalize_key(&owner));
                    let both = people.both.get(&(hash, owner_hash)).copied().unwrap_or(0);
                    let into = rows.entry(owner_hash).or_insert(Row {
                        name: owner,
                        named: 0,
                        articles: 0,
                    });
                    into.articles += row.articles.saturating_sub(both);
                }
                None => {
                    if let (Some(row), Some(&family)) =
                        (rows.get_mut(&hash), people.by_surname.get(&hash))
                    {
                        row.articles = family;
                    }
                }
            }
        }
        let counted = rows
            .into_values()
            .map(|row| (row.name, row.articles))
            .collect();
        self.names.insert(EntityKind::Person, counted);
        Ok(())
    }

    /// The `limit` entities of `kind` named by the most articles, most first (ties by name).
    pub(crate) fn top(&self, kind: EntityKind, limit: usize) -> Vec<EntityCount> {
        let mut list: Vec<(&String, u64)> = self
            .names
            .get(&kind)
            .into_iter()
            .flatten()
            .map(|(name, &articles)| (name, articles))
            .collect();
        let order =
            |a: &(&String, u64), b: &(&String, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0));
        // Tens of thousands of names for a page of them: only those are sorted and copied.
        if list.len() > limit {
            list.select_nth_unstable_by(limit, order);
            list.truncate(limit);
        }
        list.sort_unstable_by(order);
        list.into_iter()
            .map(|(name, articles)| EntityCount {
                kind,
                name: name.clone(),
                articles,
            })
            .collect()
    }
}

/// No article yet: a stamp no document id reaches.
const NO_DOC: DocId = DocId::MAX;

/// A person entity of a segment: its key and surname, as indexes of [`Tallies`].
#[derive(Clone, Copy)]
struct Person {
    key: u32,
    /// The surname: the key itself for a bare surname.
    surname: u32,
    bare: bool,
}

/// A segment's counts for one key or surname, with the last article counted in each, so that
/// an article counts once however many forms name the person.
struct Tally {
    hash: u64,
    by_key: u64,
    key_doc: DocId,
    by_surname: u64,
    surname_doc: DocId,
    /// The last article naming the bare surname.
    bare_doc: DocId,
    /// The last article counted in [`PeopleCounts::both`] for this key.
    both_doc: DocId,
}

/// The keys and surnames of a segment's people, interned by hash.
#[derive(Default)]
struct Tallies {
    tallies: Vec<Tally>,
    index_of: FxHashMap<u64, u32>,
}

impl Tallies {
    /// The tally of a key or surname, made on first sight.
    fn tally(&mut self, text: &str) -> u32 {
        let hash = key_hash(text);
        *self.index_of.entry(hash).or_insert_with(|| {
            self.tallies.push(Tally {
                hash,
                by_key: 0,
                key_doc: NO_DOC,
                by_surname: 0,
                surname_doc: NO_DOC,
                bare_doc: NO_DOC,
                both_doc: NO_DOC,
            });
            self.tallies.len() as u32 - 1
        })
    }

    /// The entity `id` of `names` as a person, if it is one.
    fn person(&mut self, names: &EntityNames, id: u64) -> Option<Person> {
        let (kind, name) = names
            .by_id
            .get(&id)
            .and_then(|n| parse_entity_term(&n.term))?;
        if kind != EntityKind::Person {
            return None;
        }
        let key = normalize_key(name);
        // Surnames as typed filters read them (`EntityCatalog::build`).
        Some(match key.rsplit_once(' ') {
            Some((_, surname)) => Person {
                surname: self.tally(surname),
                key: self.tally(&key),
                bare: false,
            },
            None => {
                let key = self.tally(&key);
                Person {
                    key,
                    surname: key,
                    bare: true,
                }
            }
        })
    }
}

/// An entity seen in a segment's matching articles.
struct Seen {
    articles: u64,
    person: Option<Person>,
    /// For an organisation or place, its canonical key.
    canonical: Option<CanonicalKey>,
}

/// A segment's articles naming the organisations or places of one canonical key.
#[derive(Clone, Copy)]
struct GatheredTally {
    articles: u64,
    /// The last article counted.
    doc: DocId,
}

pub(crate) struct SegmentEntityCounts {
    ids: Column<u64>,
    names: Arc<EntityNames>,
    counts: FxHashMap<u64, Seen>,
    /// Keys and surnames of the people seen.
    people: Tallies,
    /// Articles naming a bare surname and a person in full with it, by (surname, key) tally.
    both: FxHashMap<(u32, u32), u64>,
    /// The people of the article being collected.
    doc_people: Vec<Person>,
    /// Articles per canonical key of organisations and places, as
    /// [`EntityNames::canonical_keys`] lists them.
    gathered: Vec<GatheredTally>,
}

impl Collector for EntityCounts<'_> {
    type Fruit = Counted;
    type Child = SegmentEntityCounts;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCounts> {
        let names = self.index.segment_entity_names(self.searcher, ord)?;
        Ok(SegmentEntityCounts {
            ids: reader.fast_fields().u64("entity_id")?,
            counts: Default::default(),
            people: Tallies::default(),
            both: Default::default(),
            doc_people: Vec::new(),
            gathered: vec![
                GatheredTally {
                    articles: 0,
                    doc: NO_DOC,
                };
                names.canonical_keys.len()
            ],
            names,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    /// Adds up the segments' counts, and lists each canonical key of organisations and places
    /// as one row (see [`Gathered::into_row_name`]) counting the articles its filter finds.
    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        // The largest segment's counts are the base the others are added to.
        let mut fruits = fruits;
        let largest = (0..fruits.len()).max_by_key(|&i| fruits[i].gathered.len());
        let mut all = largest.map_or_else(Counted::default, |i| fruits.swap_remove(i));
        for fruit in fruits {
            for (kind, names) in fruit.names {
                let into = all.names.entry(kind).or_default();
                for (name, n) in names {
                    *into.entry(name).or_default() += n;
                }
            }
            all.people.add(fruit.people);
            for (key, gathered) in fruit.gathered {
                all.gathered.entry(key).or_default().add(gathered);
            }
        }
        for ((kind, _), gathered) in std::mem::take(&mut all.gathered) {
            let articles = gathered.articles;
            if let Some(name) = gathered.into_row_name() {
                all.names.entry(kind).or_default().insert(name, articles);
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentEntityCounts {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let SegmentEntityCounts {
            ids,
            names,
            counts,
            people,
            both,
            doc_people,
            gathered,
        } = self;
        doc_people.clear();
        for id in ids.values_for_doc(doc) {
            let seen = counts.entry(id).or_insert_with(|| Seen {
                articles: 0,
                person: people.person(names, id),
                canonical: names.by_id.get(&id).and_then(|e| e.canonical),
            });
            seen.articles += 1;
            doc_people.extend(seen.person);
            // An article naming a firm in several forms counts once, as its filter finds it.
            if let Some(canonical) = seen.canonical {
                let tally = &mut gathered[canonical.index as usize];
                if tally.doc != doc {
                    tally.doc = doc;
                    tally.articles += 1;
                }
            }
        }
        let tallies = &mut people.tallies;
        for p in doc_people.iter() {
            let key = &mut tallies[p.key as usize];
            if key.key_doc != doc {
                key.key_doc = doc;
                key.by_key += 1;
            }
            if p.bare {
                key.bare_doc = doc;
            }
            let surname = &mut tallies[p.surname as usize];
            if surname.surname_doc != doc {
                surname.surname_doc = doc;
                surname.by_surname += 1;
            }
        }
        for p in doc_people.iter() {
            if p.bare || tallies[p.surname as usize].bare_doc != doc {
                continue;
            }
            let key = &mut tallies[p.key as usize];
            if key.both_doc != doc {
                key.both_doc = doc;
                *both.entry((p.surname, p.key)).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> Counted {
        let mut out = Counted::default();
        out.gathered.reserve(self.counts.len());
        for (id, seen) in self.counts {
            let Some((kind, name)) = self
                .names
                .by_id
                .get(&id)
                .and_then(|e| parse_entity_term(&e.term))
            else {
                continue;
            };
            match seen.canonical {
                Some(canonical) => {
                    let i = canonical.index as usize;
                    out.gathered
                        .entry(self.names.canonical_keys[i])
                        .or_insert_with(|| Gathered {
                            articles: self.gathered[i].articles,
                            forms: Vec::new(),
                        })
                        .forms
                        .push(Form {
                            name: name.to_string(),
                            named: seen.articles,
                            is_own: canonical.is_own,
                        });
                }
                None => {
                    out.names
                        .entry(kind)
                        .or_default()
                        .insert(name.to_string(), seen.articles);
                }
            }
        }
        let tallies = self.people.tallies;
        for ((surname, key), n) in self.both {
            let hash = |i: u32| tallies[i as usize].hash;
            out.people.both.insert((hash(surname), hash(key)), n);
        }
        for tally in tallies {
            if tally.by_key > 0 {
                out.people.by_key.insert(tally.hash, tally.by_key);
            }
            if tally.by_surname > 0 {
                out.people.by_surname.insert(tally.hash, tally.by_surname);
            }
        }
        out
    }
}

/// The names a filter for `name` looks up, in turn until one finds an entity: `name` as
/// written, then, when it differs, as the extractor would read it in an article: without a
/// possessive (`Tony Blair's`), a leading `the` (`the Fed`, `the UK`; not for a person), or
/// the titles before a person's name ([`strip_titles`]: `Mr. Hammond`). Only a name that finds
/// nothing as written is read so: `the Hague` stays the place, not `Hague` the politician.
/// An untyped filter (`kind` `None`) reads both ways.
pub(crate) fn filter_names(kind: Option<EntityKind>, name: &str) -> Vec<&str> {
    let name = name.trim();
    let may_be_person = kind.is_none_or(|k| k == EntityKind::Person);
    let mut read = name;
    for possessive in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        read = read.strip_suffix(possessive).unwrap_or(read);
    }
    if kind != Some(EntityKind::Person) {
        if let Some(rest) = read
            .get(..4)
            .filter(|the| the.eq_ignore_ascii_case("the "))
            .and_then(|_| read.get(4..))
        {
            read = rest.trim_start();
        }
    }
    if may_be_person {
        read = strip_titles(read);
    }
    if read.is_empty() || read == name {
        vec![name]
    } else {
        vec![name, read]
    }
}

/// A filter alone, as [`Index::entity_suggestions`] counts it: typed when `kind` is given.
fn alone(kind: Option<EntityKind>, name: &str) -> SearchRequest {
    match kind {
        Some(k) => SearchRequest::new("*").typed_entity(k, name.to_string()),
        None => SearchRequest::new("*").entity(name.to_string()),
    }
}

/// An entity filter that matched no article, as names are compared with it.
struct Misspelled {
    /// The filter as given.
    given: String,
    /// Its type (`None` for `--entity`).
    kind: Option<EntityKind>,
    /// Its normalised name.
    key: String,
    /// The same, as chars, for names that are not ASCII.
    chars: Vec<char>,
    /// Edits allowed: one per three letters, at least one, at most four.
    limit: usize,
}

/// The names within reach of a misspelled filter, by type and name as the filter takes it,
/// with the closest of their forms.
type Found = FxHashMap<(EntityKind, String), Closeness>;

/// Adds a name to `found`, or keeps its closer form.
fn note(found: &mut Found, kind: EntityKind, name: &str, closeness: Closeness) {
    match found.get_mut(&(kind, name.to_string())) {
        Some(known) => *known = (*known).min(closeness),
        None => {
            found.insert((kind, name.to_string()), closeness);
        }
    }
}

/// How close a name's nearest form is to a misspelled filter, closest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Closeness {
    edits: usize,
    /// Only part of the name matched: a surname, a part of one, or the first words of a
    /// longer name.
    partial: bool,
    /// Letters between the form's length and the filter's: among forms equally close, the
    /// one of the filter's length is likelier meant (`ECC`: `EEC`, not `EC`).
    length_gap: usize,
}

/// Buffers reused by [`Misspelled::compare`], which runs for thousands of names.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    rows: [Vec<usize>; 3],
}

impl Misspelled {
    fn new(given: &str, kind: Option<EntityKind>) -> Self {
        let key = normalize_key(given);
        let chars: Vec<char> = key.chars().collect();
        Misspelled {
            given: given.to_string(),
            kind,
            limit: (chars.len() / 3).clamp(1, 4),
            key,
            chars,
        }
    }

    /// Whether the filter takes entities of `kind`.
    fn accepts(&self, kind: EntityKind) -> bool {
        self.kind.is_none_or(|k| k == kind)
    }

    /// How close `form` (normalised) is, if within the limit; `partial` as for [`Closeness`].
    fn compare(&self, form: &str, partial: bool, scratch: &mut Scratch) -> Option<Closeness> {
        // A name has at most as many chars as bytes: most names are rejected here.
        if form.len() + self.limit < self.chars.len() {
            return None;
        }
        let (edits, length) = if self.key.is_ascii() && form.is_ascii() {
            let edits = osa_distance(
                self.key.as_bytes(),
                form.as_bytes(),
                self.limit,
                &mut scratch.rows,
            );
            (edits, form.len())
        } else {
            scratch.chars.clear();
            scratch.chars.extend(form.chars());
            let edits = osa_distance(&self.chars, &scratch.chars, self.limit, &mut scratch.rows);
            (edits, scratch.chars.len())
        };
        (edits <= self.limit).then_some(Closeness {
            edits,
            partial,
            length_gap: length.abs_diff(self.chars.len()),
        })
    }

    /// How close the words `key` opens with are (`ford` of `ford motor`, `haider` of
    /// `haider al-abadi`), the closest of them: a part of the name.
    fn opening(&self, key: &str, scratch: &mut Scratch) -> Option<Closeness> {
        key.match_indices(' ')
            .filter_map(|(end, _)| self.compare(&key[..end], true, scratch))
            .min()
    }

    /// Compares an entity of the index, `name` of `kind` (normalised: `key`), by every form
    /// its typed filter accepts.
    fn consider_entity(
        &self,
        kind: EntityKind,
        name: &str,
        key: &str,
        scratch: &mut Scratch,
        found: &mut Found,
    ) {
        let mut best = self.compare(key, false, scratch);
        // Every other form is shorter than the whole name.
        if key.len() + self.limit >= self.chars.len() {
            let mut take = |c: Option<Closeness>| {
                if let Some(c) = c {
                    best = Some(best.map_or(c, |b| b.min(c)));
                }
            };
            take(self.opening(key, scratch));
            match kind {
                // The name without its legal form, which the filter takes as a whole.
                EntityKind::Organization if key.contains(' ') => {
                    let short = without_legal_form(key);
                    if short.len() < key.len() {
                        take(self.compare(short, false, scratch));
                    }
                }
                // The surname, which the filter takes, and the parts of a hyphenated one,
                // which the words of a query find (`Abadi` of `al-Abadi`).
                EntityKind::Person => {
                    let surname = key.rsplit_once(' ').map(|(_, s)| s);
                    if let Some(surname) = surname {
                        take(self.compare(surname, true, scratch));
                    }
                    let last = surname.unwrap_or(key);
                    if last.contains('-') {
                        for part in last.split('-').filter(|p| p.chars().count() >= 3) {
                            take(self.compare(part, true, scratch));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(closeness) = best {
            note(found, kind, name, closeness);
        }
    }

    /// Compares a form of the alias table (normalised: `key`), suggested as written there.
    fn consider_form(
        &self,
        kind: EntityKind,
        form: &str,
        key: &str,
        scratch: &mut Scratch,
        found: &mut Found,
    ) {
        let closeness = match (
            self.compare(key, false, scratch),
            self.opening(key, scratch),
        ) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(closeness) = closeness {
            note(found, kind, form, closeness);
        }
    }
}

/// Edits that turn `a` into `b`: insertions, deletions, substitutions and swaps of two
/// neighbouring letters (optimal string alignment: `deash` is one edit from `daesh`), giving
/// up (returning `limit + 1`) once past `limit`. `rows` are reused buffers.
pub(crate) fn osa_distance<T: PartialEq>(
    a: &[T],
    b: &[T],
    limit: usize,
    rows: &mut [Vec<usize>; 3],
) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let n = b.len();
    let [before, prev, cur] = rows;
    before.clear();
    before.resize(n + 1, 0);
    prev.clear();
    prev.extend(0..=n);
    cur.clear();
    cur.resize(n + 1, 0);
    for i in 1..=a.len() {
        cur[0] = i;
        let mut lowest = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            cur[j] = d;
            lowest = lowest.min(d);
        }
        // A row's lowest never falls in the rows below (a swap costs no less than the
        // substitution it spans), so nothing can come back under the limit.
        if lowest > limit {
            return limit + 1;
        }
        std::mem::swap(before, prev);
        std::mem::swap(prev, cur);
    }
    prev[n].min(limit + 1)
}

impl Index {
    /// Every entity in the index as `(kind, canonical name)`, read from the term dictionary.
    pub fn known_entities(&self) -> Result<Vec<(EntityKind, String)>> {
        let searcher = self.reader.searcher();
        Ok(known_entities(&searcher, self)
            .map_err(|e| self.damaged(e))?
            .into_iter()
            .map(|(kind, name, _)| (kind, name))
            .collect())
    }

    /// The query for a typed entity filter: articles having an entity of `kind` that `name`
    /// names, by its canonical name, any alias in the alias table (`ISIL` → Islamic State),
    /// any case, or (for people) its surname (`Hammond` → Philip Hammond); as written or as
    /// the extractor would read it ([`filter_names`]: `the Fed`, `Blair's`, `Mr. Hammond`;
    /// else the entity of `kind` the extractor finds at its end: `Fed Chairman Paul Volcker`);
    /// and an Arabic surname without its article (`Abadi` → Haider al-Abadi). An organisation
    /// or place filter finds every entity of the same [`canonical_key`], whichever of its
    /// names either gives: `Chrysler` and `Chrysler Corp` find the same articles, and so do
    /// `IBM` and `International Business Machines`.
    pub(crate) fn typed_entity_query(
        &self,
        kind: EntityKind,
        name: &str,
    ) -> Result<Box<dyn Query>> {
        let searcher = self.reader.searcher();
        self.columns.warm_entity_catalogs(
            &searcher,
            self.schema.entity,
            self.extractor.aliases(),
        )?;
        let mut names: BTreeSet<String> = BTreeSet::new();
        for name in filter_names(Some(kind), name) {
            self.entities_named(&searcher, kind, name, &mut names)?;
            if !names.is_empty() {
                break;
            }
        }
        if names.is_empty() {
            // Read as a sentence of its own, the name is the entity that ends it, as a noun
            // phrase ends with its head: `Fed Chairman Paul Volcker` names Paul Volcker (and
            // is no organisation). A person so is one named in full: a bare surname was
            // looked up already, and `Father Hammond` is no one named Hammond.
            let name = name.trim();
            let read = self.extractor.analyze(None, name);
            if let Some(last) = read.mentions.last() {
                let full = kind != EntityKind::Person || last.text.contains(char::is_whitespace);
                if last.end == name.len() && last.kind == kind && full {
                    self.entities_named(&searcher, kind, &last.entity, &mut names)?;
                }
            }
        }
        // `Ronald Reagan` is also the bare `Reagan` of stories that never give his first name,
        // when the index names almost no one else so.
        if kind == EntityKind::Person {
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

    /// Adds to `out` the entities of `kind` that `name` names as written: by key, canonical
    /// name or alias, a person by surname too (an Arabic one with or without its article).
    fn entities_named(
        &self,
        searcher: &Searcher,
        kind: EntityKind,
        name: &str,
        names: &mut BTreeSet<String>,
    ) -> Result<()> {
        let aliases = self.extractor.aliases();
        let key = normalize_key(name);
        if gathered_by_canonical_key(kind) {
            let canonical = canonical_key(aliases, kind, &key);
            for (ord, segment) in searcher.segment_readers().iter().enumerate() {
                let catalog = self.columns.entity_catalog(
                    searcher,
                    ord as SegmentOrdinal,
                    self.schema.entity,
                    aliases,
                )?;
                let inverted = segment.inverted_index(self.schema.entity)?;
                catalog.find_canonical(inverted.terms(), kind, &canonical, aliases, names)?;
            }
            return Ok(());
        }
        let person = kind == EntityKind::Person;
        let canonical = aliases
            .resolve(name)
            .filter(|(_, k)| *k == kind)
            .map(|(c, _)| normalize_key(c))
            .filter(|c| *c != key);
        // A demonym is named by its singular (`Americans` → `American`).
        let demonym = (kind == EntityKind::Misc)
            .then(|| normalize_key(&demonym_canonical(name)))
            .filter(|d| *d != key);
        self.find_entities(searcher, kind, &key, person, names)?;
        for canonical in canonical.iter().chain(&demonym) {
            self.find_entities(searcher, kind, canonical, false, names)?;
        }
        // An Arabic surname without its article, as the press often writes it: `Abadi` is
        // Haider al-Abadi, `Sisi` Abdel Fattah el-Sisi.
        if person && !key.contains([' ', '-']) {
            for article in ["al-", "el-"] {
                let surname = format!("{article}{key}");
                self.find_entities(searcher, kind, &surname, true, names)?;
            }
        }
        Ok(())
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
            let catalog = self.columns.entity_catalog(
                searcher,
                ord as SegmentOrdinal,
                self.schema.entity,
                self.extractor.aliases(),
            )?;
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
            let catalog = self.columns.entity_catalog(
                searcher,
                ord,
                self.schema.entity,
                self.extractor.aliases(),
            )?;
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

    /// For each entity filter of `request` that alone matches no article, the closest name the
    /// filter would accept (same type for typed filters), the one more articles name among
    /// equally close ones. Filters that match something, or have no close name, give nothing.
    ///
    /// Names are compared case-insensitively (normalised as filters read them), counting
    /// insertions, deletions, substitutions and swaps of two neighbouring letters, with one
    /// edit allowed per three letters (at least one, at most four). The names compared are
    /// those the filters accept: every entity's name, an organisation's name without its legal
    /// form (`Chrysler` of `Chrysler Corp`), a person's surname and the parts of a hyphenated
    /// one (`Abady`, one edit from `Abadi` of `Haider al-Abadi`, suggests the person; `Abadi`
    /// finds him), and every form of the alias table, built in or added with
    /// [`Index::with_aliases`] (`OPEK` suggests `OPEC`, `Deash` suggests `Daesh`). A filter that opens a longer name suggests it (`Trans
    /// World`: `Trans World Airlines`). Among names equally close, the one whose filter finds more articles
    /// wins, then a whole name over a part, then a name of the filter's length (`ECC`: `EEC`
    /// over `EC`). A bare surname is suggested as the person it stands for across the index
    /// (`Reagan` as `Ronald Reagan`, see [`Index::top_entities`]).
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![Article::new(
    ///     "a",
    ///     "Philip Hammond met Haider al-Abadi in London. OPEC ministers met in Vienna.",
    /// )])?;
    /// let request = SearchRequest::new("*").person("Philp Hamond");
    /// assert_eq!(index.count(&request)?, 0);
    /// let tips = index.entity_suggestions(&request)?;
    /// assert_eq!(tips[0].suggestion, "Philip Hammond");
    /// let tips = index.entity_suggestions(&SearchRequest::new("*").person("Abady"))?;
    /// assert_eq!(tips[0].suggestion, "Haider al-Abadi");
    /// let tips = index.entity_suggestions(&SearchRequest::new("*").org("OPEK"))?;
    /// assert_eq!(tips[0].suggestion, "OPEC");
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn entity_suggestions(&self, request: &SearchRequest) -> Result<Vec<EntitySuggestion>> {
        self.suggest(request).map_err(|e| self.damaged(e))
    }

    fn suggest(&self, request: &SearchRequest) -> Result<Vec<EntitySuggestion>> {
        let searcher = self.reader.searcher();
        // The query's entity clauses (`person:Kerry`) too; `country:` is checked as it is
        // built, against the country list.
        let tree = crate::search::syntax_tree(request)?;
        let clauses: Vec<(Option<EntityKind>, String)> = crate::query::entity_clauses(&tree)
            .into_iter()
            .filter(|(field, _)| *field != EntityField::Country)
            .map(|(field, name)| (field.kind(), name.to_string()))
            .collect();
        let filters = request
            .entities
            .iter()
            .map(|n| (None, n))
            .chain(request.typed_entities.iter().map(|(k, n)| (Some(*k), n)))
            .chain(clauses.iter().map(|(k, n)| (*k, n)));
        let mut wanted: Vec<Misspelled> = Vec::new();
        for (kind, name) in filters {
            if searcher.search(&*self.build_query(&alone(kind, name))?, &Count)? == 0 {
                wanted.push(Misspelled::new(name, kind));
            }
        }
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let found = self.names_close_to(&searcher, &wanted)?;
        let mut out = Vec::new();
        for (w, found) in wanted.iter().zip(&found) {
            if let Some((kind, name)) = self.closest(&searcher, w, found)? {
                out.push(EntitySuggestion {
                    given: w.given.clone(),
                    kind: w.kind,
                    suggestion: name,
                    suggestion_type: kind,
                });
            }
        }
        Ok(out)
    }

    /// The names within reach of each filter of `wanted` (a map per filter, in order): the
    /// entities of the index, by every form their filters accept, and the forms of the alias
    /// table.
    fn names_close_to(&self, searcher: &Searcher, wanted: &[Misspelled]) -> Result<Vec<Found>> {
        use rayon::prelude::*;
        // Only the types asked for, each a range of the dictionary (`PER:…`), cut in four by
        // the name's first letter: the pieces are read in parallel, so that an index of one
        // segment takes several cores too. Reading the terms is most of the time (20,000
        // organisations in Reuters); most names are then rejected by their length before any
        // edit is counted.
        const CUTS: [&str; 3] = ["G", "N", "T"];
        let mut pieces: Vec<(usize, String, String)> = Vec::new();
        for ord in 0..searcher.segment_readers().len() {
            for kind in EntityKind::ALL {
                if !wanted.iter().any(|w| w.accepts(kind)) {
                    continue;
                }
                let code = kind.code();
                let mut bounds = vec![format!("{code}:")];
                bounds.extend(CUTS.iter().map(|c| format!("{code}:{c}")));
                bounds.push(format!("{code};"));
                for pair in bounds.windows(2) {
                    pieces.push((ord, pair[0].clone(), pair[1].clone()));
                }
            }
        }
        let per_piece: Vec<Vec<Found>> = pieces
            .into_par_iter()
            .map(|(ord, from, to)| -> Result<Vec<Found>> {
                let mut found = vec![Found::default(); wanted.len()];
                let mut scratch = Scratch::default();
                let mut key = String::new();
                let inverted =
                    searcher.segment_readers()[ord].inverted_index(self.schema.entity)?;
                let mut stream = inverted
                    .terms()
                    .range()
                    .ge(from)
                    .lt(to)
                    .into_stream()
                    .map_err(tantivy::TantivyError::from)?;
                while stream.advance() {
                    let Some((kind, name)) = std::str::from_utf8(stream.key())
                        .ok()
                        .and_then(parse_entity_term)
                    else {
                        continue;
                    };
                    key.clear();
                    push_key(name, &mut key);
                    for (w, found) in wanted.iter().zip(&mut found) {
                        if w.accepts(kind) {
                            w.consider_entity(kind, name, &key, &mut scratch, found);
                        }
                    }
                }
                Ok(found)
            })
            .collect::<Result<_>>()?;
        let mut found = vec![Found::default(); wanted.len()];
        for piece in per_piece {
            for (into, from) in found.iter_mut().zip(piece) {
                for ((kind, name), closeness) in from {
                    note(into, kind, &name, closeness);
                }
            }
        }
        // The alias table's forms: the index holds entities under their canonical names only,
        // so `OPEC`, `EEC` or `Daesh` are no entity's name there.
        let aliases = self.extractor.aliases();
        let mut scratch = Scratch::default();
        let mut key = String::new();
        for (canonical, kind) in aliases.iter() {
            if !wanted.iter().any(|w| w.accepts(kind)) {
                continue;
            }
            for form in aliases.forms(canonical) {
                key.clear();
                push_key(form, &mut key);
                for (w, found) in wanted.iter().zip(&mut found) {
                    if w.accepts(kind) {
                        w.consider_form(kind, form, &key, &mut scratch, found);
                    }
                }
            }
        }
        Ok(found)
    }

    /// The best of the names found close to `w`: the fewest edits, then the most articles
    /// found by the filter with that name (names no article gives, such as aliases of
    /// entities the index lacks, are passed over), then a whole name, then a name of the
    /// filter's length, then the name in byte order.
    fn closest(
        &self,
        searcher: &Searcher,
        w: &Misspelled,
        found: &Found,
    ) -> Result<Option<(EntityKind, String)>> {
        let mut candidates: Vec<(&(EntityKind, String), &Closeness)> = found.iter().collect();
        candidates.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
        // Counted one distance at a time, closest first: a count is a search.
        for group in candidates.chunk_by(|a, b| a.1.edits == b.1.edits) {
            let mut best: Option<(Reverse<usize>, bool, usize, EntityKind, String)> = None;
            let mut counted: FxHashMap<(EntityKind, String), usize> = FxHashMap::default();
            for ((kind, name), closeness) in group {
                let name = self.row_name(searcher, *kind, name)?;
                let articles = match counted.get(&(*kind, name.clone())) {
                    Some(&n) => n,
                    None => {
                        let n = self.count(&alone(w.kind.map(|_| *kind), &name))?;
                        counted.insert((*kind, name.clone()), n);
                        n
                    }
                };
                if articles == 0 {
                    continue;
                }
                let rank = (
                    Reverse(articles),
                    closeness.partial,
                    closeness.length_gap,
                    *kind,
                    name,
                );
                if best.as_ref().is_none_or(|b| rank < *b) {
                    best = Some(rank);
                }
            }
            if let Some((_, _, _, kind, name)) = best {
                return Ok(Some((kind, name)));
            }
        }
        Ok(None)
    }

    /// The name under which a person is suggested: a bare surname that stands for one person
    /// across the index (`Reagan`) is that person (`Ronald Reagan`), as facets count it.
    fn row_name(&self, searcher: &Searcher, kind: EntityKind, name: &str) -> Result<String> {
        if kind == EntityKind::Person {
            let key = normalize_key(name);
            if !key.contains(' ') {
                if let Some(owner) = self.surname_owner(searcher, &key)? {
                    return Ok(owner);
                }
            }
        }
        Ok(name.to_string())
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
        self.count_facets(request, top).map_err(|e| self.damaged(e))
    }

    fn count_facets(&self, request: &SearchRequest, top: usize) -> Result<Facets> {
        let query = self.build_query(request)?;
        let searcher = self.reader.searcher();
        let counts = EntityCounts::new(self, &searcher)?;
        let countries = CountryCounts::new(self, &searcher)?;
        let (mut counts, countries, aggs, total) =
            searcher.search(&*query, &(counts, countries, day_histogram(self)?, Count))?;
        counts.merge_surnames(self, &searcher)?;
        let entities = LISTED
            .into_iter()
            .map(|kind| (kind, counts.top(kind, top)))
            .collect();
        let days = day_counts(&aggs)?;
        let dated: u64 = days.values().sum();
        Ok(Facets {
            total,
            entities,
            countries: crate::countries::top(countries, top),
            months: roll_up(&days, Interval::Month, false)
                .into_iter()
                .map(|p| MonthCount {
                    month: p.period,
                    articles: p.articles,
                })
                .collect(),
            undated: (total as u64).saturating_sub(dated),
        })
    }

    /// The most frequent entities among articles matching `request` (all articles for the
    /// query `*`), of one type or of every type, with the number of articles naming each,
    /// most first. People, organisations and places are counted as their typed filters find
    /// them, so that a count is the number of articles its name's filter finds. People in any
    /// case, and a bare surname (`Reagan`) under the person it stands for, the one person
    /// named in full with it who has at least four in five of the index's articles naming
    /// anyone in full so (`Ronald Reagan`); any other bare surname (`Wagner`) counts the
    /// articles naming anyone so. Organisations and places in any case, by any alias and (for
    /// firms) with or without their legal form, one row each: under the canonical name or the
    /// name without the legal form (`GenCorp` for `GenCorp`, `Gencorp` and `GenCorp Inc`) in
    /// the spelling most articles use, else under the form most articles use. An article
    /// counts once per row, whatever forms it gives.
    pub fn top_entities(
        &self,
        request: &SearchRequest,
        kind: Option<EntityKind>,
        limit: usize,
    ) -> Result<Vec<EntityCount>> {
        self.count_top_entities(request, kind, limit)
            .map_err(|e| self.damaged(e))
    }

    fn count_top_entities(
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
    use super::osa_distance;

    fn edits(a: &str, b: &str, limit: usize) -> usize {
        osa_distance(a.as_bytes(), b.as_bytes(), limit, &mut Default::default())
    }

    #[test]
    fn edit_distance_counts_swaps_as_one_edit_and_gives_up() {
        assert_eq!(edits("hamond", "hammond", 3), 1);
        assert_eq!(edits("kerry", "kerry", 1), 0);
        assert_eq!(edits("abc", "xyzxyz", 2), 3);
        // A swap of neighbours is one edit, as in `Deash` for `Daesh`.
        assert_eq!(edits("deash", "daesh", 1), 1);
        assert_eq!(edits("issi", "isis", 1), 1);
        assert_eq!(edits("ab", "ba", 3), 1);
        // Not a swap: two substitutions.
        assert_eq!(edits("abc", "cba", 3), 2);
        assert_eq!(edits("opek", "opec", 1), 1);
        assert_eq!(edits("", "abc", 4), 3);
    }
}
