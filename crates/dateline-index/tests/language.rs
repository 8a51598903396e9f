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
