//! Property: every search hit satisfies its date and entity filters, and every article that
//! satisfies them is counted. Then typed entity filters on an index that grows and merges,
//! and person filters that name a person with a title (the seed article).

mod common;

use chrono::{DateTime, TimeZone, Utc};
use dateline_core::{Article, Entity, EntityKind};
use dateline_index::{Index, SearchRequest, Sort};
use proptest::prelude::*;

/// Names outside the alias table, so that a filter means exactly that name.
const NAMES: &[(&str, EntityKind)] = &[
    ("Alice Quokka", EntityKind::Person),
    ("Bruno Zebedee", EntityKind::Person),
    ("Quokka Holdings", EntityKind::Organization),
    ("Zebedee Council", EntityKind::Organization),
    ("Port Quokka", EntityKind::Place),
];

fn entity(i: usize) -> Entity {
    let (name, kind) = NAMES[i];
    Entity {
        kind,
        name: name.to_string(),
        forms: vec![name.to_string()],
        mentions: 1,
    }
}

/// Seconds in the years 2014–2016.
const START: i64 = 1_388_534_400;
const SPAN: i64 = 3 * 365 * 86_400;

fn instant(offset: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(START + offset, 0).unwrap()
}

fn day_start(d: DateTime<Utc>) -> i64 {
    d.timestamp() - d.timestamp().rem_euclid(86_400)
}

#[derive(Debug, Clone)]
struct Spec {
    date: Option<i64>,
    entities: Vec<usize>,
    words: Vec<&'static str>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        proptest::option::weighted(0.85, 0..SPAN),
        proptest::collection::btree_set(0..NAMES.len(), 0..3),
        proptest::collection::vec(
            prop_oneof![Just("talks"), Just("fighters"), Just("bank"), Just("flood")],
            1..4,
        ),
    )
        .prop_map(|(date, entities, words)| Spec {
            date,
            entities: entities.into_iter().collect(),
            words,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_hit_satisfies_its_filters(
        specs in proptest::collection::vec(spec(), 1..40),
        from in proptest::option::of(0..SPAN),
        length in 0..SPAN,
        to_set in any::<bool>(),
        filter in proptest::collection::btree_set(0..NAMES.len(), 0..2),
        query in prop_oneof![Just("*"), Just("talks"), Just("fighters OR bank"), Just("-flood")],
        by_date in any::<bool>(),
        whole_days in any::<bool>(),
        typed in any::<bool>(),
    ) {
        let index = Index::create_in_ram().unwrap();
        let articles: Vec<Article> = specs
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut a = Article::new(format!("a{i}"), s.words.join(" ")).with_title(format!("Article {i}"));
                a.published = s.date.map(instant);
                a.entities = s.entities.iter().map(|&e| entity(e)).collect();
                a
            })
            .collect();
        index.add_articles(articles).unwrap();

        let mut from = from.map(instant);
        let mut to = to_set.then(|| instant(from.map_or(0, |f| f.timestamp() - START) + length));
        if whole_days {
            // Bounds on whole days, as bare dates give, take the `day` field's path.
            from = from.map(|f| instant(day_start(f) - START));
            to = to.map(|t| instant(day_start(t) - START + 86_399));
        }
        let mut request = SearchRequest::new(query).limit(100).sort(if by_date { Sort::Date } else { Sort::Relevance });
        if let Some(f) = from {
            request = request.from(f);
        }
        if let Some(t) = to {
            request = request.to(t);
        }
        // Entity filters by any case, with or without their type.
        for &e in &filter {
            let (name, kind) = NAMES[e];
            request = if typed {
                request.typed_entity(kind, name.to_uppercase())
            } else {
                request.entity(name.to_lowercase())
            };
        }
        let results = index.search(&request).unwrap();
        for hit in &results.hits {
            if from.is_some() || to.is_some() {
                let date = hit.date.expect("a date-filtered hit has a date");
                prop_assert!(from.is_none_or(|f| date >= f), "{date} before {from:?}");
                prop_assert!(to.is_none_or(|t| date <= t), "{date} after {to:?}");
            }
            for &e in &filter {
                prop_assert!(
                    hit.entities.iter().any(|r| r.name == NAMES[e].0 && r.kind == NAMES[e].1),
                    "hit {} lacks {}", hit.id, NAMES[e].0
                );
            }
        }
        // And nothing that satisfies the filters is missing (for `*`, which matches all).
        if query == "*" {
            let expected = specs
                .iter()
                .filter(|s| {
                    let dated_ok = match s.date.map(instant) {
                        Some(d) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
                        None => from.is_none() && to.is_none(),
                    };
                    dated_ok && filter.iter().all(|e| s.entities.contains(e))
                })
                .count();
            prop_assert_eq!(results.total, expected);
        }
    }
}

#[test]
fn whole_day_and_exact_bounds_agree_around_midnight_also_before_1970() {
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let index = Index::create_in_ram().unwrap();
    let dates = [
        "1969-12-31T00:00:00Z",
        "1969-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z",
        "2015-01-21T23:59:59Z",
        "2015-01-22T00:00:00Z",
        "2015-01-22T15:11:00Z",
        "2015-01-23T00:00:00Z",
    ];
    let articles = dates.iter().enumerate().map(|(i, d)| {
        // Titles differ so that no article is a duplicate of another.
        Article::new(format!("a{i}"), "talks")
            .with_title(format!("Article {i}"))
            .with_published(at(d))
    });
    index.add_articles(articles).unwrap();
    let count = |from: &str, to: &str| {
        let request = SearchRequest::new("talks")
            .from_str(from)
            .unwrap()
            .to_str(to)
            .unwrap();
        index.count(&request).unwrap()
    };
    // Bare dates: whole days.
    assert_eq!(count("1969-12-31", "1969-12-31"), 2);
    assert_eq!(count("1970-01-01", "1970-01-01"), 1);
    assert_eq!(count("2015-01-22", "2015-01-22"), 2);
    assert_eq!(count("2015-01-21", "2015-01-23"), 4);
    // Whole months and years (one `month` or `year` term each), and edges around them.
    assert_eq!(count("1969-01-01", "1969-12-31"), 2);
    assert_eq!(count("1969-12-01", "1970-01-31"), 3);
    assert_eq!(count("2015-01-01", "2015-01-31"), 4);
    assert_eq!(count("2015-01-01", "2015-12-31"), 4);
    assert_eq!(count("2014-12-31", "2015-01-21"), 1);
    assert_eq!(count("1960-01-01", "2020-12-31"), 7);
    // Instants inside a day: exact to the second.
    assert_eq!(count("2015-01-22T00:00:01Z", "2015-01-23"), 2);
    assert_eq!(count("2015-01-21", "2015-01-22T15:10:59Z"), 2);
    assert_eq!(count("1969-12-31T12:00:00Z", "1970-01-01T00:00:00Z"), 2);
}

#[test]
fn a_typed_filter_sees_segments_added_after_its_first_run_and_merged_ones() {
    let index = Index::create_in_ram().unwrap();
    let article = |id: &str, text: &str| Article::new(id, text).with_title(format!("Article {id}"));
    index
        .add_articles(vec![article(
            "a",
            "Philip Hammond met John Kerry in London on Thursday.",
        )])
        .unwrap();
    let count = |request: SearchRequest| index.count(&request).unwrap();
    let by_surname = || SearchRequest::new("*").person("HAMMOND");
    assert_eq!(count(by_surname()), 1);
    // A second segment, after the first one's entities were catalogued by the query above.
    index
        .add_articles(vec![
            article(
                "b",
                "Foreign Secretary Philip Hammond spoke in Paris on Monday.",
            ),
            article(
                "c",
                "The presenter Richard Hammond drove from Paris to Lyon.",
            ),
            article("d", "Hammond Power Solutions said sales rose in Ontario."),
        ])
        .unwrap();
    let check = || {
        // Both people named Hammond, not the company.
        assert_eq!(count(by_surname()), 3);
        assert_eq!(count(SearchRequest::new("*").person("philip hammond")), 2);
        assert_eq!(count(SearchRequest::new("*").person("Paris")), 0);
        assert_eq!(count(SearchRequest::new("*").place("paris")), 2);
        assert_eq!(count(SearchRequest::new("*").org("John Kerry")), 0);
    };
    check();
    // One segment instead of two: its catalogue is built anew.
    let merged = index.optimize().unwrap();
    assert_eq!(merged.segments_after, 1, "{merged:?}");
    check();
}

#[test]
fn a_bare_surname_counts_for_the_person_it_stands_for_across_the_index() {
    let index = Index::create_in_ram().unwrap();
    let article = |id: &str, text: &str| Article::new(id, text).with_title(format!("Article {id}"));
    index
        .add_articles(vec![
            article("a", "Ronald Reagan spoke in Washington on Monday."),
            article("b", "Ronald Reagan flew to Chicago."),
            article("c", "Trade will grow, Reagan said on Tuesday."),
            article("d", "Taxes will fall, Reagan told reporters."),
            article("e", "James Baker met Helmut Kohl in Bonn."),
            article("f", "Howard Baker met Helmut Kohl in Bonn."),
            article("g", "Rates will fall, Baker said on Friday."),
        ])
        .unwrap();
    let count = |request: SearchRequest| index.count(&request).unwrap();
    // Every Reagan named in full is Ronald Reagan: the bare surname is his.
    assert_eq!(count(SearchRequest::new("*").person("Ronald Reagan")), 4);
    assert_eq!(count(SearchRequest::new("*").entity("Ronald Reagan")), 4);
    // Two Bakers share the name: the bare one stays apart.
    assert_eq!(count(SearchRequest::new("*").person("James Baker")), 1);
    assert_eq!(count(SearchRequest::new("*").person("Baker")), 3);
    let people = index
        .top_entities(&SearchRequest::new("*"), Some(EntityKind::Person), 10)
        .unwrap();
    let listed: Vec<(&str, u64)> = people
        .iter()
        .map(|e| (e.name.as_str(), e.articles))
        .collect();
    assert!(listed.contains(&("Ronald Reagan", 4)), "{listed:?}");
    assert!(
        !listed.iter().any(|(name, _)| *name == "Reagan"),
        "{listed:?}"
    );
    // The bare `Baker` is listed with what its filter finds: every Baker.
    assert!(listed.contains(&("Baker", 3)), "{listed:?}");
    // Facets of a search that finds only the bare surname name the person too.
    let facets = index.facets(&SearchRequest::new("trade"), 5).unwrap();
    assert_eq!(
        facets.entities[&EntityKind::Person][0].name,
        "Ronald Reagan"
    );
}

/// A person filter reads a name as the extractor reads names, without the titles before it,
/// on the seed article: `Mr. Hammond`, `foreign secretary philip hammond` and `Prime Minister
/// Haider al-Abadi` find what `Hammond`, `Philip Hammond` and `Haider al-Abadi` find, through
/// `--person` and `--entity` alike; `Abadi`, the surname without its article, is Haider
/// al-Abadi; `Iraqi Prime Minister Haider al-Abadi` is read as the extractor reads it. A weak
/// title counts before a given name only: `Father Hammond` is no one of the article.
#[test]
fn a_person_filter_leaves_out_titles_and_reads_a_surname_without_its_article() {
    let Some(index) = common::seed_index(None) else {
        return;
    };
    let count = |request: SearchRequest| index.count(&request).unwrap();
    for (titled, name) in [
        ("Mr. Hammond", "Hammond"),
        ("mr hammond", "Hammond"),
        ("foreign secretary philip hammond", "Philip Hammond"),
        ("Prime Minister Haider al-Abadi", "Haider al-Abadi"),
        ("Secretary Kerry", "Kerry"),
        ("Mr Abadi", "Abadi"),
    ] {
        assert_eq!(count(SearchRequest::new("*").person(name)), 1, "{name}");
        assert_eq!(count(SearchRequest::new("*").person(titled)), 1, "{titled}");
        assert_eq!(count(SearchRequest::new("*").entity(titled)), 1, "{titled}");
    }
    assert_eq!(count(SearchRequest::new("*").person("Father Hammond")), 0);
    assert_eq!(
        count(SearchRequest::new("*").person("Secretary of State")),
        0
    );
    // Words no title list holds are read as the extractor reads a sentence: the name is the
    // entity that ends it.
    for described in [
        "Iraqi Prime Minister Haider al-Abadi",
        "British Foreign Secretary Philip Hammond",
    ] {
        assert_eq!(
            count(SearchRequest::new("*").person(described)),
            1,
            "{described}"
        );
        assert_eq!(
            count(SearchRequest::new("*").org(described)),
            0,
            "{described}"
        );
    }
}

/// A filter's name as an article would give it finds the entity too: a possessive, a leading
/// `the` (`the EU`, `the Islamic State`), on the seed article; but only when the name as
/// written finds nothing, so that `the Hague` stays the place and is not William Hague.
#[test]
fn a_filter_name_with_a_possessive_or_a_leading_the_finds_the_entity() {
    let Some(seed) = common::seed_index(None) else {
        return;
    };
    let count = |index: &Index, request: SearchRequest| index.count(&request).unwrap();
    assert_eq!(
        count(&seed, SearchRequest::new("*").person("Philip Hammond's")),
        1
    );
    assert_eq!(
        count(&seed, SearchRequest::new("*").entity("Hammond\u{2019}s")),
        1
    );
    assert_eq!(
        count(&seed, SearchRequest::new("*").org("the Islamic State")),
        1
    );
    assert_eq!(count(&seed, SearchRequest::new("*").org("The EU")), 1);
    assert_eq!(count(&seed, SearchRequest::new("*").entity("the EU")), 1);
    // A person is never `the` someone.
    assert_eq!(
        count(&seed, SearchRequest::new("*").person("the Hammond")),
        0
    );

    let index = Index::create_in_ram().unwrap();
    index
        .add_articles(vec![
            Article::new("a", "William Hague spoke in London on Monday.").with_title("Hague"),
            Article::new("b", "Judges met in The Hague on Tuesday.").with_title("Court"),
        ])
        .unwrap();
    assert_eq!(count(&index, SearchRequest::new("*").person("Hague")), 1);
    assert_eq!(count(&index, SearchRequest::new("*").place("the Hague")), 1);
    let the_hague = SearchRequest::new("*").entity("the Hague");
    let hague = SearchRequest::new("*").entity("Hague");
    assert_eq!(index.search(&the_hague).unwrap().hits[0].id, "b");
    assert_eq!(index.search(&hague).unwrap().hits[0].id, "a");
    assert_eq!((count(&index, the_hague), count(&index, hague)), (1, 1));
}
