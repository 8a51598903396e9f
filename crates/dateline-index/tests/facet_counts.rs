//! A person's, an organisation's or a place's facet count is the number of articles its
//! typed filter finds, on Reuters-21578 and on made-up articles.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use dateline_core::entities::normalize_key;
use dateline_core::{Article, Entity, EntityKind};
use dateline_index::{Index, SearchRequest};

/// Reuters-21578, duplicates kept, in several segments (so that people named in one are
/// counted with those of the others), built once for every test of this file.
fn reuters() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    INDEX.get_or_init(|| common::reuters_index(4_000)).as_ref()
}

/// `(name, facet count, filtered total)` of the top `n` entities of `kind` in the facets of
/// `query`, the total being what the typed filter (`--person`, `--org`, `--place`) on the
/// row's name finds among the articles matching `query`.
fn rows(index: &Index, query: &str, kind: EntityKind, n: usize) -> Vec<(String, u64, u64)> {
    let facets = index.facets(&SearchRequest::new(query), n).expect("facets");
    facets
        .entities
        .get(&kind)
        .into_iter()
        .flatten()
        .map(|row| {
            (
                row.name.clone(),
                row.articles,
                filtered(index, query, kind, &row.name),
            )
        })
        .collect()
}

/// The articles matching `query` that the typed filter of `kind` on `name` finds.
fn filtered(index: &Index, query: &str, kind: EntityKind, name: &str) -> u64 {
    let request = SearchRequest::new(query);
    let request = match kind {
        EntityKind::Person => request.person(name),
        EntityKind::Organization => request.org(name),
        EntityKind::Place => request.place(name),
        EntityKind::Misc => unreachable!("no typed filter for {kind:?}"),
    };
    let request = request.limit(1).snippets(false).count_total(true);
    index.search(&request).expect("search").total as u64
}

/// `(name, facet count, filtered total)` of the top `n` people of the facets of `query`.
fn people(index: &Index, query: &str, n: usize) -> Vec<(String, u64, u64)> {
    rows(index, query, EntityKind::Person, n)
}

#[test]
fn a_persons_facet_count_is_the_number_of_articles_its_filter_finds() {
    let Some(index) = reuters() else { return };
    for (query, n) in [("*", 150), ("oil", 150), ("trade OR tariffs", 150)] {
        let listed = people(index, query, n);
        assert_eq!(listed.len(), n, "{query}");
        let differing: Vec<_> = listed.iter().filter(|(_, f, t)| f != t).collect();
        assert!(differing.is_empty(), "{query}: {differing:?}");
    }
}

#[test]
fn people_are_counted_once_whatever_case_or_surname_names_them() {
    let Some(index) = reuters() else { return };
    let listed = people(index, "*", 150);
    let count = |name: &str| listed.iter().find(|p| p.0 == name).map(|p| p.1);
    // A bare `Reagan` is Ronald Reagan's; `Wagner` is no one's in particular, so its count,
    // like its filter, takes in everyone so named.
    assert!(count("Ronald Reagan") >= Some(500), "{listed:?}");
    assert_eq!(count("Reagan"), None);
    let wagner = count("Wagner").expect("Wagner listed");
    let wagners = index
        .count(&SearchRequest::new("*").person("wagner"))
        .expect("count");
    assert_eq!(wagner, wagners as u64);
    // `Willy de Clercq` and `Willy De Clercq` are one person, listed once.
    let keys: Vec<String> = listed.iter().map(|p| normalize_key(&p.0)).collect();
    let distinct: BTreeSet<&String> = keys.iter().collect();
    assert_eq!(distinct.len(), keys.len(), "{listed:?}");
    assert!(count("Willy de Clercq").is_some(), "{listed:?}");
}

/// Articles naming the given people (names outside the alias table, so that a filter means
/// exactly them).
fn naming(id: &str, people: &[&str]) -> Article {
    naming_as(id, EntityKind::Person, people)
}

/// An article naming the given entities of `kind`, as extracted.
fn naming_as(id: &str, kind: EntityKind, names: &[&str]) -> Article {
    // Bodies differ: identical ones (ignoring case) would be indexed once.
    let body = format!("Story {id} is about {}.", names.join(" and "));
    let mut article = Article::new(id, body);
    article.entities = names
        .iter()
        .map(|name| Entity {
            kind,
            name: name.to_string(),
            forms: vec![name.to_string()],
            mentions: 1,
        })
        .collect();
    article
}

#[test]
fn an_article_naming_a_person_in_several_forms_counts_once() {
    let index = Index::create_in_ram().expect("index in RAM");
    index
        .add_articles(vec![
            // `Quokka` is Ronald Quokka's surname: every article names only him.
            naming("a", &["Ronald Quokka"]),
            naming("b", &["Quokka"]),
            naming("c", &["Quokka", "Ronald Quokka"]),
            // One person, in two cases, named by the more common.
            naming("d", &["Alice Zebedee"]),
            naming("e", &["ALICE ZEBEDEE"]),
            naming("e2", &["Alice Zebedee"]),
            // `Wombat` is shared: a bare `Wombat` is anyone so named, as its filter reads it.
            naming("f", &["Bruno Wombat"]),
            naming("g", &["Carla Wombat"]),
            naming("h", &["Wombat"]),
            naming("i", &["Wombat", "Bruno Wombat"]),
        ])
        .expect("add");
    let listed = people(&index, "*", 10);
    let expected = [
        ("Ronald Quokka", 3),
        ("Wombat", 4),
        ("Alice Zebedee", 3),
        ("Bruno Wombat", 2),
        ("Carla Wombat", 1),
    ];
    assert_eq!(listed.len(), expected.len(), "{listed:?}");
    for (name, articles) in expected {
        let found = listed.iter().find(|p| p.0 == name);
        assert_eq!(
            found.map(|p| (p.1, p.2)),
            Some((articles, articles)),
            "{name}: {listed:?}"
        );
    }
}

#[test]
fn an_organisations_or_places_facet_count_is_the_number_of_articles_its_filter_finds() {
    let Some(index) = reuters() else { return };
    for kind in [EntityKind::Organization, EntityKind::Place] {
        for (query, n) in [("*", 300), ("oil", 200), ("trade OR tariffs", 200)] {
            let listed = rows(index, query, kind, n);
            assert_eq!(listed.len(), n, "{kind:?} {query}");
            let differing: Vec<_> = listed.iter().filter(|(_, f, t)| f != t).collect();
            assert!(differing.is_empty(), "{kind:?} {query}: {differing:?}");
        }
    }
}

#[test]
fn organisations_are_counted_once_whatever_case_names_them() {
    let Some(index) = reuters() else { return };
    let facets = index
        .facets(&SearchRequest::new("*"), 2_000)
        .expect("facets");
    let listed = &facets.entities[&EntityKind::Organization];
    // Reuters writes `GenCorp` and `Gencorp`: one firm, one row, under the spelling most
    // articles use, counting the articles of both.
    let keys: Vec<String> = listed.iter().map(|o| normalize_key(&o.name)).collect();
    let distinct: BTreeSet<&String> = keys.iter().collect();
    assert_eq!(distinct.len(), keys.len(), "{listed:?}");
    let gencorp = listed
        .iter()
        .find(|o| o.name == "GenCorp")
        .expect("GenCorp");
    let gencorps = filtered(index, "*", EntityKind::Organization, "GENCORP");
    assert_eq!(gencorp.articles, gencorps);
}

#[test]
fn a_firm_named_with_or_without_its_legal_form_or_by_an_alias_is_one_row() {
    let index = Index::create_in_ram().expect("index in RAM");
    let org = EntityKind::Organization;
    let place = EntityKind::Place;
    index
        .add_articles(vec![
            // One firm, in two cases and with its legal form; an article naming it twice
            // counts once.
            naming_as("a", org, &["Quokka Widgets"]),
            naming_as("b", org, &["QUOKKA WIDGETS"]),
            naming_as("c", org, &["Quokka Widgets Inc"]),
            naming_as("d", org, &["Quokka Widgets", "Quokka Widgets Inc"]),
            // Never named without its legal form: the spelling most articles use.
            naming_as("e", org, &["Wombat Mining Ltd"]),
            naming_as("f", org, &["Wombat Mining Ltd"]),
            naming_as("g", org, &["WOMBAT MINING LTD"]),
            // An alias (of the alias table) under its canonical name.
            naming_as("h", org, &["IBM"]),
            naming_as("i", org, &["International Business Machines"]),
            naming_as("j", org, &["IBM", "International Business Machines"]),
            // Places likewise; a place named like the firm is another row.
            naming_as("k", place, &["Uk"]),
            naming_as("l", place, &["United Kingdom"]),
            naming_as("m", place, &["Quokka Widgets"]),
        ])
        .expect("add");
    let expected: [(EntityKind, &str, u64, &[&str]); 5] = [
        (
            org,
            "Quokka Widgets",
            4,
            &[
                "quokka widgets inc",
                "QUOKKA WIDGETS",
                "Quokka Widgets Corp",
            ],
        ),
        (
            org,
            "Wombat Mining Ltd",
            3,
            &["Wombat Mining", "wombat mining ltd"],
        ),
        (org, "International Business Machines", 3, &["IBM", "ibm"]),
        (place, "United Kingdom", 2, &["UK", "Britain"]),
        (place, "Quokka Widgets", 1, &["QUOKKA WIDGETS"]),
    ];
    for kind in [org, place] {
        let listed = rows(&index, "*", kind, 10);
        let want: Vec<_> = expected.iter().filter(|e| e.0 == kind).collect();
        assert_eq!(listed.len(), want.len(), "{listed:?}");
        for (_, name, articles, others) in want {
            let found = listed.iter().find(|row| row.0 == *name);
            assert_eq!(
                found.map(|row| (row.1, row.2)),
                Some((*articles, *articles)),
                "{name}: {listed:?}"
            );
            for other in *others {
                assert_eq!(filtered(&index, "*", kind, other), *articles, "{other}");
            }
        }
    }
}
