//! Snippets highlight what a query matched, prefixes (`oilse*`) included, on Reuters-21578.

mod common;

use common::highlighted;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use dateline_index::{Hit, Index, SearchRequest};

/// Reuters-21578, duplicates kept, built once for every test of this file.
fn reuters() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            common::reuters_index(dateline_index::IngestOptions::default().commit_every)
        })
        .as_ref()
}

/// Whether the article's body holds a word starting with `prefix` (lower-cased).
fn body_has_prefix(index: &Index, hit: &Hit, prefix: &str) -> bool {
    let article = index.get(&hit.id).expect("get").expect("stored article");
    article
        .body
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.to_lowercase().starts_with(prefix))
}

#[test]
fn prefix_queries_highlight_the_words_starting_with_the_prefix() {
    let Some(index) = reuters() else { return };
    let results = index
        .search(&SearchRequest::new("oilse*").limit(100))
        .expect("search");
    assert!(results.hits.len() >= 50, "{}", results.total);
    let mut words: BTreeSet<String> = BTreeSet::new();
    let mut in_body = 0;
    for hit in &results.hits {
        let marked = highlighted(hit);
        for word in &marked {
            assert!(word.starts_with("oilse"), "{}: {word:?}", hit.id);
        }
        // An article that has the word only in its headline shows the opening of its body.
        if body_has_prefix(index, hit, "oilse") {
            in_body += 1;
            assert!(!marked.is_empty(), "{}: {:?}", hit.id, hit.snippet);
        }
        words.extend(marked);
    }
    assert!(in_body >= 50, "{in_body}");
    assert!(
        words.contains("oilseed") && words.contains("oilseeds"),
        "{words:?}"
    );
}

#[test]
fn a_prefix_is_highlighted_beside_plain_words_and_not_when_excluded_or_in_the_title_only() {
    let Some(index) = reuters() else { return };
    let results = index
        .search(&SearchRequest::new("+soybeans oilse*").limit(30))
        .expect("search");
    let marked: BTreeSet<String> = results.hits.iter().flat_map(highlighted).collect();
    assert!(marked.contains("soybeans"), "{marked:?}");
    assert!(marked.iter().any(|w| w.starts_with("oilse")), "{marked:?}");
    assert!(
        marked
            .iter()
            .all(|w| w.starts_with("oilse") || w.starts_with("soybean")),
        "{marked:?}"
    );
    // A prefix searched in headlines only, or excluded, marks nothing in the body, as a word
    // would not; `soybeans` marks its stem's words.
    for query in ["soybeans title:oilse*", "soybeans -oilse*"] {
        let results = index
            .search(&SearchRequest::new(query).limit(30))
            .expect("search");
        let marked: BTreeSet<String> = results.hits.iter().flat_map(highlighted).collect();
        assert!(!marked.is_empty(), "{query}");
        assert!(
            marked.iter().all(|w| w.starts_with("soybean")),
            "{query}: {marked:?}"
        );
    }
}
