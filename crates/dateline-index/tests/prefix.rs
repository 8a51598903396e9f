//! Prefix queries (`runni*`) on an index of stems: a prefix finds the words starting with it
//! even where their stems are shorter than the prefix (`running` is indexed as `run`), on
//! Reuters-21578, and highlights them; unstemmed articles keep matching words as written.

mod common;

use common::highlighted;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use dateline_core::analyzer::analyze;
use dateline_index::{Index, IngestOptions, SearchRequest};

/// Reuters-21578, duplicates kept, built once for every test of this file.
fn reuters() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    INDEX
        .get_or_init(|| common::reuters_index(IngestOptions::default().commit_every))
        .as_ref()
}

fn count(index: &Index, query: &str) -> usize {
    index.count(&SearchRequest::new(query)).expect("count")
}

/// The words of an article (title and body), lower-cased.
fn words(index: &Index, id: &str) -> BTreeSet<String> {
    let article = index.get(id).expect("get").expect("stored article");
    let text = format!("{} {}", article.title.unwrap_or_default(), article.body);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn a_prefix_finds_every_article_holding_a_word_it_starts() {
    let Some(index) = reuters() else { return };
    // Each word's stem is shorter than the prefix typed (`run`, `nation`, `immigr`, `govern`,
    // `elect`, `busi`, `econom`), or the prefix is the whole word: before, each of these
    // prefixes missed most or all of the word's articles (`runni*` found none of 493).
    for (prefix, word, articles) in [
        ("runni*", "running", 493),
        ("running*", "running", 493),
        ("nationa*", "national", 1_915),
        ("immigratio*", "immigration", 3),
        ("governmen*", "government", 2_263),
        ("electio*", "election", 349),
        ("businesse*", "businesses", 1_515),
        ("economi*", "economic", 1_331),
    ] {
        assert_eq!(count(index, word), articles, "{word}");
        // No article with the word is left out by the prefix.
        assert_eq!(count(index, &format!("+{word} -{prefix}")), 0, "{prefix}");
        assert!(count(index, prefix) >= articles, "{prefix}");
    }
    // Prefixes whose words keep them whole are unchanged: `migra*` is `migrant`, `migrat`...
    assert_eq!(count(index, "migra*"), 8);
    assert_eq!(count(index, "+migration -migra*"), 0);
}

#[test]
fn a_prefix_matches_at_stem_granularity_and_no_further() {
    let Some(index) = reuters() else { return };
    // `runni*` finds `running` through its stem `run`, which `run` and `runs` share: it is
    // the query `run`, no more (no indexed term starts with `runni`).
    assert_eq!(count(index, "runni*"), count(index, "run"));
    // `companio` + `-ous` would stem to `compani`, `company`'s stem; no such word exists, so
    // `companio*` finds only articles with a word starting with `companio`, not the 6,000
    // articles naming a company.
    let results = index
        .search(&SearchRequest::new("companio*").limit(100).snippets(false))
        .expect("search");
    assert!(
        (1..100).contains(&results.total),
        "{} articles",
        results.total
    );
    for hit in &results.hits {
        let words = words(index, &hit.id);
        assert!(
            words.iter().any(|w| w.starts_with("companio")),
            "{}: no word starting with `companio`",
            hit.id
        );
    }
}

#[test]
fn snippets_highlight_the_words_found_through_their_stems() {
    let Some(index) = reuters() else { return };
    for (query, word, stem) in [
        ("runni*", "running", "run"),
        ("nationa*", "national", "nation"),
    ] {
        let results = index
            .search(&SearchRequest::new(query).limit(50))
            .expect("search");
        let marked: BTreeSet<String> = results.hits.iter().flat_map(highlighted).collect();
        assert!(marked.contains(word), "{query}: {marked:?}");
        // Only words of the stem, or words whose indexed form starts with the prefix.
        let prefix = query.trim_end_matches('*');
        for w in &marked {
            let indexed = analyze(w).join(" ");
            assert!(
                indexed == stem || indexed.starts_with(prefix),
                "{query}: {w:?} is {indexed:?}"
            );
        }
    }
}

#[test]
fn stems_are_matched_in_stemmed_articles_only() {
    let Some(data) = common::shared_data("seed") else {
        return;
    };
    let seed = data.join("london-terror-talks.txt");
    let index_with = |english_stemming| {
        let index = Index::create_in_ram().expect("index in RAM");
        let options = IngestOptions {
            english_stemming,
            ..IngestOptions::default()
        };
        index
            .ingest_paths(std::slice::from_ref(&seed), &options, &|_| {})
            .expect("ingest");
        index
    };
    let stemmed = index_with(true);
    let unstemmed = index_with(false);
    // The seed's "EU nationals": as the stem `nation`, and as written.
    assert_eq!(count(&stemmed, "nationa*"), 1);
    assert_eq!(count(&unstemmed, "nationa*"), 1);
    // `statel*` stands for `stately`, whose stem is `state`: the seed's `state` matches at stem
    // granularity where it is indexed as a stem, but as written it is no word starting with
    // `statel`.
    assert_eq!(count(&stemmed, "statel*"), 1);
    assert_eq!(count(&unstemmed, "statel*"), 0);
}
