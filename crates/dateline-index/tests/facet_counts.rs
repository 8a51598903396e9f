//! A person's facet count is the number of articles its filter finds, on Reuters-21578.

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

/// `(name, facet count, filtered total)` of the top `n` people of the facets of `query`.
fn people(index: &Index, query: &str, n: usize) -> Vec<(String, u64, u64)> {
    let facets = index.facets(&SearchRequest::new(query), n).expect("facets");
    facets.entities[&EntityKind::Person]
        .iter()
        .map(|person| {
            let filtered = SearchRequest::new(query)
                .person(person.name.clone())
                .limit(1)
                .snippets(false);
            let total = index.search(&filtered).expect("search").total as u64;
            (person.name.clone(), person.articles, total)
        })
        .collect()
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
    // Bodies differ: identical ones (ignoring case) would be indexed once.
    let body = format!("Story {id} is about {}.", people.join(" and "));
    let mut article = Article::new(id, body);
    article.entities = people
        .iter()
        .map(|name| Entity {
            kind: EntityKind::Person,
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
