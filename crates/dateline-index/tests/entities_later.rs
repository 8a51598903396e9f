//! An index built with entity extraction off (`--no-entities`) gets its entities from a later
//! run with it on, on real Reuters-21578 articles: the articles indexed without them count as
//! updated and end with the entities a fresh index gives them, the others are passed over as
//! before, and a run with extraction off leaves the entities an article has. The index counts
//! the articles it holds without entities.

mod common;

use std::path::Path;

use dateline_index::{Index, IngestOptions, IngestReport, SearchRequest};

fn options(extract_entities: bool) -> IngestOptions {
    IngestOptions {
        extract_entities,
        keep_duplicates: true,
        ..IngestOptions::default()
    }
}

fn ingest(index: &Index, file: &Path, extract_entities: bool) -> (usize, usize, usize) {
    let report: IngestReport = index
        .ingest_paths(&[file.to_path_buf()], &options(extract_entities), &|_| {})
        .expect("ingest");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    (report.added, report.updated, report.unchanged)
}

/// How many articles each of a few entity filters finds.
fn naming(index: &Index) -> Vec<usize> {
    [
        "United States",
        "Japan",
        "Federal Reserve",
        "OPEC",
        "Reagan",
    ]
    .iter()
    .map(|name| {
        let request = SearchRequest::new("")
            .entity(*name)
            .limit(1)
            .snippets(false);
        index.search(&request).expect("search").total
    })
    .collect()
}

#[test]
fn a_run_with_entities_extracts_them_for_articles_indexed_without() {
    let Some(lines) = common::reuters_lines(350) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reuters.jsonl");
    std::fs::write(&file, lines[..300].join("\n")).unwrap();

    // What a fresh index with entities finds, first for 300 articles, then for all 350.
    let fresh = |file: &Path| {
        let index = Index::create_in_ram().unwrap();
        ingest(&index, file, true);
        naming(&index)
    };
    let expected_300 = fresh(&file);
    assert!(expected_300.iter().all(|&n| n > 0), "{expected_300:?}");

    let index = Index::create(&dir.path().join("idx")).unwrap();
    assert_eq!(ingest(&index, &file, false), (300, 0, 0));
    assert_eq!(naming(&index), [0; 5], "no entities without extraction");
    assert_eq!(index.articles_without_entities().unwrap(), 300);

    // Every article was indexed without entities: all are indexed again, with them.
    assert_eq!(ingest(&index, &file, true), (0, 300, 0));
    assert_eq!(naming(&index), expected_300);
    assert_eq!(index.articles_without_entities().unwrap(), 0);
    assert_eq!(ingest(&index, &file, true), (0, 0, 300));

    // Without extraction the articles that have entities are unchanged, and keep them.
    assert_eq!(ingest(&index, &file, false), (0, 0, 300));
    assert_eq!(naming(&index), expected_300);
    assert_eq!(index.articles_without_entities().unwrap(), 0);

    // Fifty new articles added without extraction: only they are indexed again by a run
    // with it, which ends as a fresh index of the 350 does.
    std::fs::write(&file, lines.join("\n")).unwrap();
    let expected_350 = fresh(&file);
    assert_ne!(expected_350, expected_300);
    assert_eq!(ingest(&index, &file, false), (50, 0, 300));
    assert_eq!(index.articles_without_entities().unwrap(), 50);
    assert_eq!(ingest(&index, &file, true), (0, 50, 300));
    assert_eq!(index.articles_without_entities().unwrap(), 0);
    assert_eq!(naming(&index), expected_350);
}
