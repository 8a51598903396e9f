//! Fuzzy words (`Yeuter~1`) on Reuters-21578: a misspelt name finds the articles of the name,
//! every article found holds a word within the edits, and snippets mark those words.

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

/// The ids of every article matching `query`.
fn ids(index: &Index, query: &str) -> BTreeSet<String> {
    let request = SearchRequest::new(query).limit(100_000);
    let results = index.search(&request).expect(query);
    results.hits.into_iter().map(|h| h.id).collect()
}

/// Levenshtein distance with adjacent swaps counted as one edit, by the textbook table.
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// The indexed terms of an article's title and body.
fn terms(index: &Index, id: &str) -> BTreeSet<String> {
    let article = index.get(id).expect("get").expect("stored article");
    let text = format!("{} {}", article.title.unwrap_or_default(), article.body);
    analyze(&text).into_iter().collect()
}

#[test]
fn a_misspelt_name_within_its_edits_finds_the_articles_of_the_name() {
    let Some(index) = reuters() else { return };
    let exact = ids(index, "Yeutter");
    assert!(exact.len() > 50, "Clayton Yeutter, US trade representative");
    assert!(
        ids(index, "Yeuter").is_empty(),
        "the misspelling itself is in no article"
    );
    let fuzzy = ids(index, "Yeuter~1");
    assert!(fuzzy.is_superset(&exact));
    // Whatever else it finds holds a word one edit from `yeuter`.
    for id in fuzzy.difference(&exact) {
        assert!(
            terms(index, id).iter().any(|t| edits(t, "yeuter") <= 1),
            "{id}"
        );
    }
    // No edits is the word itself; two find at least what one finds.
    assert_eq!(ids(index, "Yeutter~0"), exact);
    assert!(ids(index, "Yeuter~").is_superset(&fuzzy));
    assert_eq!(ids(index, "Yeuter~"), ids(index, "Yeuter~2"));
}

#[test]
fn a_fuzzy_word_is_matched_by_its_stem_in_its_field() {
    let Some(index) = reuters() else { return };
    // `exportes` stems to `export`, as `exports` and `exported` do.
    let fuzzy = ids(index, "title:exportes~1");
    assert!(fuzzy.is_superset(&ids(index, "title:exports")));
    for id in &fuzzy {
        let article = index.get(id).expect("get").expect("stored");
        let title = analyze(&article.title.unwrap_or_default());
        assert!(
            title.iter().any(|t| edits(t, "export") <= 1),
            "{id}: {title:?}"
        );
    }
    // And it combines with the rest of the language.
    let both = ids(index, "+Yeuter~1 +title:Japan");
    assert!(!both.is_empty());
    let japan = ids(index, "title:Japan");
    let expected: BTreeSet<String> = ids(index, "Yeuter~1")
        .intersection(&japan)
        .cloned()
        .collect();
    assert_eq!(both, expected);
}

#[test]
fn snippets_mark_the_words_a_fuzzy_word_matched() {
    let Some(index) = reuters() else { return };
    let request = SearchRequest::new("Yeuter~1").limit(20);
    let results = index.search(&request).expect("search");
    assert_eq!(results.hits.len(), 20);
    let marked: BTreeSet<String> = results.hits.iter().flat_map(highlighted).collect();
    assert!(marked.contains("yeutter"), "{marked:?}");
    for word in &marked {
        let term = analyze(word).join(" ");
        assert!(edits(&term, "yeuter") <= 1, "{word:?} ({term:?})");
    }
}
