//! An index keeps the user aliases its entities were extracted with, on real Reuters-21578
//! articles and BBC News files: reopened, rebuilt or run again it uses them without being given
//! them, and an ingest given other aliases extracts every article's entities again, ending as a
//! fresh index built with those aliases.

mod common;

use std::path::Path;

use dateline_core::entities::AliasTable;
use dateline_core::EntityKind;
use dateline_index::{Error, Index, IngestOptions, SearchRequest};

/// OPEC under another name: the articles naming it name `Petroleum Exporters` with these.
fn aliases() -> AliasTable {
    AliasTable::parse("ORG\tPetroleum Exporters\tOPEC\n").expect("aliases")
}

fn options() -> IngestOptions {
    IngestOptions {
        keep_duplicates: true,
        ..IngestOptions::default()
    }
}

/// Ingests `path`: how many articles were added, updated and unchanged.
fn ingest(index: &Index, path: &Path) -> (usize, usize, usize) {
    let report = index
        .ingest_paths(&[path.to_path_buf()], &options(), &|_| {})
        .expect("ingest");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    (report.added, report.updated, report.unchanged)
}

/// Every entity the index's articles name.
fn known(index: &Index) -> Vec<(EntityKind, String)> {
    let mut known = index.known_entities().expect("entities");
    known.sort();
    known
}

fn naming_exporters(index: &Index) -> usize {
    let request = SearchRequest::new("")
        .org("Petroleum Exporters")
        .limit(1)
        .snippets(false);
    index.search(&request).expect("search").total
}

#[test]
fn an_index_keeps_its_aliases_and_extracts_again_when_they_change() {
    let Some(lines) = common::reuters_lines(300) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reuters.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let fresh = |aliases: Option<AliasTable>| {
        let mut index = Index::create_in_ram().unwrap();
        if let Some(aliases) = aliases {
            index = index.with_aliases(aliases);
        }
        ingest(&index, &file);
        known(&index)
    };
    let exporters = (EntityKind::Organization, "Petroleum Exporters".to_string());
    let (with, without) = (fresh(Some(aliases())), fresh(None));
    assert!(with.contains(&exporters) && !without.contains(&exporters));

    let idx = dir.path().join("idx");
    let kept = idx.join("dateline-aliases.tsv");
    assert_eq!(ingest(&Index::create(&idx).unwrap(), &file), (300, 0, 0));
    assert!(!kept.exists(), "no file without user aliases");

    // Other aliases: every article is extracted again, as a fresh index would be.
    let index = Index::open(&idx).unwrap().with_aliases(aliases());
    assert_eq!(ingest(&index, &file), (0, 300, 0));
    assert_eq!(known(&index), with);
    let naming = naming_exporters(&index);
    assert!(naming > 0);
    drop(index);
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), aliases().to_tsv());

    // Reopened, the index uses them: to search, and to run again with nothing changed.
    let index = Index::open(&idx).unwrap();
    assert_eq!(index.user_aliases().len(), 1);
    assert_eq!(index.stats(1).unwrap().user_aliases, 1);
    assert_eq!(naming_exporters(&index), naming);
    assert_eq!(ingest(&index, &file), (0, 0, 300));
    drop(index);

    // A rebuild extracts with them too.
    let rebuilt = Index::begin_rebuild(&idx).unwrap();
    assert_eq!(ingest(&rebuilt, &file), (300, 0, 0));
    let index = rebuilt.finish_rebuild().unwrap();
    assert_eq!(known(&index), with);
    assert_eq!(index.user_aliases().len(), 1);
    drop(index);

    // An empty table goes back to the built-in aliases alone.
    let index = Index::open(&idx).unwrap().with_aliases(AliasTable::empty());
    assert_eq!(ingest(&index, &file), (0, 300, 0));
    assert_eq!(known(&index), without);
    drop(index);
    assert!(!kept.exists());
    assert!(Index::open(&idx).unwrap().user_aliases().is_empty());
}

#[test]
fn files_passed_over_as_unchanged_are_read_again_under_other_aliases() {
    let Some(business) = common::shared_data("bbc-news/raw/business") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    for n in 1..=12 {
        let name = format!("{n:03}.txt");
        std::fs::copy(business.join(&name), news.join(&name)).unwrap();
    }
    let idx = dir.path().join("idx");
    let index = Index::create(&idx).unwrap();
    assert_eq!(ingest(&index, &news), (12, 0, 0));
    assert_eq!(ingest(&index, &news), (0, 0, 12));
    let index = index.with_aliases(aliases());
    assert_eq!(ingest(&index, &news), (0, 12, 0));
    assert_eq!(ingest(&index, &news), (0, 0, 12));
}

#[test]
fn kept_aliases_that_do_not_parse_are_an_error_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    drop(Index::create(&idx).unwrap());
    let kept = idx.join("dateline-aliases.tsv");
    std::fs::write(&kept, "ORG\tEuropol\nPERSON\tJohn Kerry\n").unwrap();
    let Err(error) = Index::open(&idx) else {
        panic!("opened an index whose aliases do not parse");
    };
    assert!(matches!(error, Error::StoredAliases { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("dateline-aliases.tsv"), "{message}");
    assert!(message.contains("line 2"), "{message}");
}
