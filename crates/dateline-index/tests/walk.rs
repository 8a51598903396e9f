//! What `ingest_paths` reads from a folder: the articles in it, not what a folder of a user's
//! work also holds (a `.git` folder, the index itself).

mod common;

use std::fs;

use common::shared_data;
use dateline_index::{Index, IngestOptions, SearchRequest};

#[test]
fn a_folder_is_read_without_its_hidden_entries_or_the_index_inside_it() {
    let Some(seed) = shared_data("seed") else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let corpus = work.path();
    let story = fs::read(seed.join("london-terror-talks.txt")).expect("seed article");
    fs::write(corpus.join("talks.txt"), &story).expect("article");
    // A version-controlled corpus: git's own files are text and would pass for articles.
    fs::create_dir_all(corpus.join(".git/hooks")).expect(".git");
    fs::write(corpus.join(".git/HEAD"), "ref: refs/heads/main\n").expect("HEAD");
    fs::write(corpus.join(".git/COMMIT_EDITMSG"), "Add the talks story\n").expect("msg");
    fs::write(corpus.join(".notes.txt"), &story).expect("hidden file");
    // The index in the corpus folder itself, under a name that is not hidden.
    let index_dir = corpus.join("search-index");
    let index = Index::create(&index_dir).expect("index");
    let options = IngestOptions::default();

    for run in 0..2 {
        let report = index
            .ingest_paths(&[corpus.to_path_buf()], &options, &|_| {})
            .expect("ingest");
        assert!(report.skipped.is_empty(), "run {run}: {:?}", report.skipped);
        assert_eq!((report.files, report.ignored_files), (1, 0), "run {run}");
        assert_eq!(index.num_articles(), 1, "run {run}");
    }
    let hit = &index
        .search(&SearchRequest::new("Hammond"))
        .expect("search")
        .hits[0];
    assert_eq!(hit.id, "talks.txt");

    // Named on the command line, a hidden file is read like any other: it holds the story of
    // `talks.txt`, indexed by the runs before, so it is a copy.
    let report = index
        .ingest_paths(&[corpus.join(".notes.txt")], &options, &|_| {})
        .expect("ingest");
    assert_eq!((report.files, report.added, report.duplicates), (1, 0, 1));
    assert_eq!(index.num_articles(), 1);
}

#[test]
fn an_id_too_long_to_index_is_skipped_with_its_reason() {
    let work = tempfile::tempdir().expect("temporary folder");
    let file = work.path().join("scraped.jsonl");
    let long = "x".repeat(70_000);
    fs::write(
        &file,
        format!(
            "{{\"id\":\"{long}\",\"title\":\"Oil\",\"body\":\"Oil rose.\"}}\n\
             {{\"id\":\"short\",\"title\":\"Oil\",\"body\":\"Oil fell.\"}}\n"
        ),
    )
    .expect("write");
    let index = Index::create_in_ram().expect("index");
    let report = index
        .ingest_paths(&[file], &IngestOptions::default(), &|_| {})
        .expect("ingest");
    assert_eq!((report.added, report.skipped.len()), (1, 1));
    assert!(
        report.skipped[0]
            .reason
            .contains("id of 70000 bytes is too long"),
        "{:?}",
        report.skipped
    );
    assert_eq!(index.num_articles(), 1);
}
