//! What `ingest_paths` reads from a folder: the articles in it, not what a folder of a user's
//! work also holds (a `.git` folder, the index itself).

mod common;

use std::collections::HashSet;
use std::fs;

use common::shared_data;
use dateline_index::{FileFilter, Index, IngestOptions, SearchRequest};

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

/// The `.txt` files of a folder of BBC News (`bbc-news/raw/<category>/NNN.txt`), counted
/// without Dateline.
fn bbc_files(bbc: &std::path::Path, category: &str) -> usize {
    fs::read_dir(bbc.join(category))
        .expect("category folder")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count()
}

#[test]
fn globs_choose_the_files_read_under_a_folder_and_left_out_files_are_not_pruned() {
    let Some(bbc) = shared_data("bbc-news/raw") else {
        return;
    };
    let categories = ["business", "entertainment", "politics", "sport", "tech"];
    let all: usize = categories.iter().map(|c| bbc_files(&bbc, c)).sum();
    let sport = bbc_files(&bbc, "sport");
    let tech = bbc_files(&bbc, "tech");
    assert!(sport > 0 && tech > 0);
    let options = |globs: &[&str], prune: bool| IngestOptions {
        files: FileFilter::new(globs.iter().copied()).expect("globs"),
        extract_entities: false,
        keep_duplicates: true,
        prune,
        ..IngestOptions::default()
    };
    let paths = [bbc.clone()];

    // A folder left out is not walked: the `README.TXT` beside the folders is still found
    // (and ignored, as no article format).
    let index = Index::create_in_ram().expect("index");
    let report = index
        .ingest_paths(&paths, &options(&["!sport/"], false), &|_| {})
        .expect("ingest");
    assert_eq!(report.files, all - sport);
    assert_eq!(report.added, all - sport);
    assert_eq!(index.num_articles() as usize, all - sport);
    let hits = index
        .search(&SearchRequest::new("").limit(all).snippets(false))
        .expect("every article")
        .hits;
    assert_eq!(hits.len(), all - sport);
    let folders: HashSet<&str> = hits
        .iter()
        .filter_map(|h| h.path.as_deref()?.rsplit('/').nth(1))
        .collect();
    assert_eq!(
        folders,
        HashSet::from(["business", "entertainment", "politics", "tech"])
    );

    // Files left out by a later run's globs still exist: pruning keeps their articles.
    let report = index
        .ingest_paths(&paths, &options(&["/tech/*.txt"], true), &|_| {})
        .expect("ingest");
    assert_eq!((report.files, report.removed), (tech, 0));
    assert_eq!(index.num_articles() as usize, all - sport);

    // With a glob without `!`, only the files it matches are read; the last glob wins.
    let index = Index::create_in_ram().expect("index");
    let report = index
        .ingest_paths(
            &paths,
            &options(&["/tech/*.txt", "!/tech/00*"], false),
            &|_| {},
        )
        .expect("ingest");
    let tech_00 = (1..=9)
        .filter(|n| bbc.join(format!("tech/{n:03}.txt")).is_file())
        .count();
    assert_eq!(tech_00, 9);
    assert_eq!((report.files, report.ignored_files), (tech - tech_00, 0));
    assert_eq!(index.num_articles() as usize, tech - tech_00);

    // A file named itself is read whatever the globs say.
    let named = bbc.join("sport/001.txt");
    let report = index
        .ingest_paths(&[named], &options(&["!sport/"], false), &|_| {})
        .expect("ingest");
    assert_eq!((report.files, report.added), (1, 1));
}
