//! Stored articles read back intact after their segments merge. A merge copies each segment's
//! document store whole, and Dateline's directory serves reads that large with `pread` instead
//! of tantivy's memory map (so the pages do not stay resident while segments merge).

mod common;

use common::shared_data;
use dateline_core::reader::{read_file, Format};
use dateline_core::Article;
use dateline_index::Index;
use tantivy::TantivyDocument;

/// Reads of a store file from this size on take the `pread` path (`STORE_PREAD_FROM`).
const PREAD_FROM: u64 = 1 << 20;

#[test]
fn reuters_articles_read_back_intact_after_their_segments_merge() {
    let Some(data) = shared_data("reuters21578") else {
        return;
    };
    let articles: Vec<Article> = read_file(
        &data.join("docs.jsonl.gz"),
        Format::JsonLines,
        "docs.jsonl.gz",
    )
    .expect("Reuters")
    .into_iter()
    .filter_map(Result::ok)
    .collect();
    assert!(articles.len() > 20_000, "{}", articles.len());

    let dir = tempfile::tempdir().expect("temporary folder");
    let index = Index::create(dir.path()).expect("index");
    // Two commits, each written by tantivy's indexing threads as a segment per thread: stores
    // large enough for the `pread` path.
    for part in articles.chunks(articles.len().div_ceil(2)) {
        index.add_articles(part.to_vec()).expect("add");
    }
    let tantivy = index.tantivy();
    let segments = tantivy.searchable_segment_ids().expect("segments");
    assert!(segments.len() >= 2, "{segments:?}");
    let store_sizes = || -> Vec<u64> {
        std::fs::read_dir(dir.path())
            .expect("index folder")
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "store"))
            .map(|e| e.metadata().expect("metadata").len())
            .collect()
    };
    assert!(
        store_sizes().iter().all(|&n| n > PREAD_FROM),
        "{:?}",
        store_sizes()
    );

    let mut writer = tantivy
        .writer::<TantivyDocument>(50_000_000)
        .expect("writer");
    writer.merge(&segments).wait().expect("merge");
    writer.wait_merging_threads().expect("merge threads");
    index.reload().expect("reload");
    assert_eq!(tantivy.searchable_segment_ids().expect("segments").len(), 1);

    let kept = index.num_articles();
    let mut checked = 0;
    // Every 50th article: blocks from every former store, at their shifted offsets.
    for original in articles.iter().step_by(50) {
        let Some(stored) = index.get(&original.id).expect("get") else {
            continue; // an exact duplicate, indexed once under another id
        };
        assert_eq!(stored.title, original.title, "{}", original.id);
        assert_eq!(stored.body, original.body, "{}", original.id);
        assert_eq!(stored.published, original.published, "{}", original.id);
        checked += 1;
    }
    assert!(checked > 400, "checked {checked} of {kept}");
}
