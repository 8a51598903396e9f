//! English stemming is for English articles only: a real Portuguese page from the
//! article-extraction benchmark (`../shared/data`) is indexed unstemmed beside the English seed
//! article, and queries find both.

mod common;

use dateline_index::{Index, IngestOptions, SearchRequest};

const PORTUGUESE: &str = "article-extraction-benchmark/raw/html/\
    23aaecd14171f96cfd201a8a46666097e286ad71f74f29347a78c5ecba50da1e.html.gz";
const SEED: &str = "seed/london-terror-talks.txt";

fn index() -> Option<Index> {
    let data = common::shared_data("")?;
    let index = Index::create_in_ram().unwrap();
    let report = index
        .ingest_paths(
            &[data.join(PORTUGUESE), data.join(SEED)],
            &IngestOptions::default(),
            &|_| {},
        )
        .unwrap();
    assert_eq!(report.added, 2, "{report:?}");
    Some(index)
}

fn count(index: &Index, request: SearchRequest) -> usize {
    index.count(&request).unwrap()
}

#[test]
fn portuguese_articles_are_not_english_stemmed() {
    let Some(index) = index() else { return };
    // Title: "Uma palinha das brincadeiras musicais do grupo Serelepe". English stemming
    // would index `musicais` as `musicai`; unstemmed, that stem finds nothing.
    assert_eq!(count(&index, SearchRequest::new("musicai")), 0);
    assert_eq!(count(&index, SearchRequest::new("musicais")), 1);
    assert_eq!(
        count(&index, SearchRequest::new("\"brincadeiras musicais\"")),
        1,
        "a phrase of unstemmed words"
    );
    assert_eq!(
        count(&index, SearchRequest::new("title:musicais").language("pt")),
        1
    );
    assert_eq!(
        count(&index, SearchRequest::new("musicais").language("en")),
        0
    );
}

#[test]
fn english_articles_keep_english_stemming_beside_them() {
    let Some(index) = index() else { return };
    // The seed says "talks"; its stem `talk` is what is indexed.
    assert_eq!(count(&index, SearchRequest::new("talk")), 1);
    assert_eq!(count(&index, SearchRequest::new("\"foreign fighter\"")), 1);
    assert_eq!(count(&index, SearchRequest::new("talks").language("en")), 1);
}

#[test]
fn phrases_rank_alike_pruned_or_not_with_both_spellings() {
    let Some(index) = index() else { return };
    // The index holds an unstemmed article, so a phrase is looked up stemmed and unstemmed:
    // four clauses (two spellings, two fields) that top-k pruning must sum as tantivy does.
    for q in [
        "\"foreign fighters\"",
        "\"brincadeiras musicais\"",
        "\"air strikes\"",
        "\"foreign officials\"",
    ] {
        let (all, pruned) = common::exhaustive_and_pruned(&index, q, 10);
        let scored = |hits: Vec<dateline_index::Hit>| -> Vec<(String, Option<f32>)> {
            hits.into_iter().map(|h| (h.id, h.score)).collect()
        };
        let (all, pruned) = (scored(all), scored(pruned));
        assert!(!all.is_empty(), "{q}");
        assert_eq!(all, pruned, "{q}");
    }
}
