//! [`Index::begin_rebuild`] and [`Index::finish_rebuild`] beside other writers, and with input
//! that holds no article: the old index's writer lock is held from the start of a rebuild
//! until the new index is in place, and a full index is never replaced by an empty one.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use dateline_core::Article;
use dateline_index::{Error, Index, IngestOptions, SearchRequest};
use tantivy::TantivyDocument;

fn article(id: &str, body: &str) -> Article {
    Article::new(id, body)
}

/// An index of three made-up articles in `dir/idx`.
fn small_index(dir: &Path) -> PathBuf {
    let path = dir.join("idx");
    let index = Index::create(&path).unwrap();
    index
        .add_articles(vec![
            article("a1", "Philip Hammond spoke in London."),
            article("a2", "Angela Merkel met Francois Hollande in Minsk."),
            article("a3", "Oil fell below 50 dollars a barrel."),
        ])
        .unwrap();
    path
}

fn staging(dir: &Path) -> PathBuf {
    dir.join("idx.rebuild")
}

fn assert_locked<T>(result: Result<T, Error>, index: &Path) {
    match result {
        Err(Error::Locked { dir }) => assert_eq!(dir, index),
        Err(e) => panic!("not the locked error: {e}"),
        Ok(_) => panic!("not refused"),
    }
}

fn ingest(index: &Index, paths: &[PathBuf]) -> dateline_index::IngestReport {
    index
        .ingest_paths(paths, &IngestOptions::default(), &|_| {})
        .unwrap()
}

/// Adds the one article every rebuild here is filled with.
fn add_one(rebuild: &Index) {
    rebuild
        .add_articles(vec![article("b1", "Europol shared passenger data.")])
        .unwrap();
}

#[test]
fn a_rebuild_does_not_start_while_a_writer_holds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = small_index(dir.path());
    // What a running ingest holds: tantivy's writer on the index.
    let held = Index::open(&path).unwrap();
    let writer = held
        .tantivy()
        .writer::<TantivyDocument>(15_000_000)
        .unwrap();
    assert_locked(Index::begin_rebuild(&path), &path);
    assert!(!staging(dir.path()).exists());
    drop(writer);

    let rebuild = Index::begin_rebuild(&path).unwrap();
    add_one(&rebuild);
    assert_eq!(rebuild.finish_rebuild().unwrap().num_articles(), 1);
}

#[test]
fn while_a_rebuild_runs_the_old_index_takes_no_writes_and_no_second_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let path = small_index(dir.path());
    let rebuild = Index::begin_rebuild(&path).unwrap();

    let old = Index::open(&path).unwrap();
    assert_locked(
        old.add_articles(vec![article("x1", "Lost in the swap.")]),
        &path,
    );
    assert_locked(old.optimize(), &path);
    assert_locked(Index::begin_rebuild(&path), &path);
    assert_locked(
        Index::open(&path).and_then(|i| {
            let empty = tempfile::tempdir().unwrap();
            i.ingest_paths(
                &[empty.path().to_path_buf()],
                &IngestOptions::default(),
                &|_| {},
            )
        }),
        &path,
    );
    // The second rebuild left the first one's folder alone; the old index still answers.
    assert!(staging(dir.path()).join("dateline.json").exists());
    assert_eq!(old.num_articles(), 3);

    rebuild
        .add_articles(vec![
            article("b1", "Europol shared passenger data."),
            article("b2", "The Rosetta probe woke up."),
        ])
        .unwrap();
    let index = rebuild.finish_rebuild().unwrap();
    assert_eq!(index.num_articles(), 2);
    assert!(!staging(dir.path()).exists());
    assert!(!dir.path().join("idx.old").exists());
    // The old index's lock went with the rebuild: the new index takes writes.
    drop(index);
    let index = Index::open(&path).unwrap();
    index
        .add_articles(vec![article("c1", "Flood defences held.")])
        .unwrap();
    assert_eq!(index.num_articles(), 3);
}

/// A run that opened the index before a rebuild swapped another in, and asks for its writer
/// after: what it knows (which articles are unchanged) is the old index's, so it writes
/// nothing, and says why.
#[test]
fn a_writer_of_the_index_a_rebuild_replaced_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = small_index(dir.path());
    let early = Index::open(&path).unwrap();
    let rebuild = Index::begin_rebuild(&path).unwrap();
    add_one(&rebuild);
    drop(rebuild.finish_rebuild().unwrap());

    match early.add_articles(vec![article("x1", "Written to the wrong index.")]) {
        Err(Error::Replaced { dir }) => assert_eq!(dir, path),
        Err(e) => panic!("not the replaced error: {e}"),
        Ok(_) => panic!("not refused"),
    }
    let index = Index::open(&path).unwrap();
    assert_eq!(index.num_articles(), 1);
    let found = index.search(&SearchRequest::new("wrong")).unwrap();
    assert!(found.hits.is_empty());
}

/// A rebuild into a folder that holds no index yet locks the folder it creates: an ingest
/// that would create an index there meanwhile is refused.
#[test]
fn a_rebuild_into_a_new_folder_locks_it_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new");
    let rebuild = Index::begin_rebuild(&path).unwrap();
    assert_locked(Index::open_or_create(&path), &path);
    assert_locked(Index::begin_rebuild(&path), &path);
    add_one(&rebuild);
    assert_eq!(rebuild.finish_rebuild().unwrap().num_articles(), 1);
}

/// A rebuild dropped before it is finished is given up: its folder goes, the old index is
/// as it was and takes writes again.
#[test]
fn a_rebuild_given_up_removes_its_folder_and_unlocks_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = small_index(dir.path());
    let rebuild = Index::begin_rebuild(&path).unwrap();
    add_one(&rebuild);
    assert!(staging(dir.path()).exists());
    drop(rebuild);
    assert!(!staging(dir.path()).exists());
    let index = Index::open(&path).unwrap();
    assert_eq!(index.num_articles(), 3);
    index
        .add_articles(vec![article("c1", "Flood defences held.")])
        .unwrap();
    assert_eq!(index.num_articles(), 4);
}

/// The first `n` lines of Reuters-21578 written to `dir/r{n}.jsonl`, or `None` without the
/// shared data.
fn reuters_lines(dir: &Path, n: usize) -> Option<PathBuf> {
    let folder = common::shared_data("reuters21578")?;
    let gz = fs::File::open(folder.join("docs.jsonl.gz")).unwrap();
    let lines = BufReader::new(flate2::read::GzDecoder::new(gz)).lines();
    let path = dir.join(format!("r{n}.jsonl"));
    let mut out = fs::File::create(&path).unwrap();
    for line in lines.take(n) {
        writeln!(out, "{}", line.unwrap()).unwrap();
    }
    Some(path)
}

/// QA's case: an index of the first 50 Reuters articles, rebuilt from an empty folder. The
/// rebuild is refused with the number of articles kept (read from the old index's metadata,
/// less the articles an update deleted), the old index answers as before, and no
/// `DIR.rebuild` is left.
#[test]
fn a_rebuild_that_reads_nothing_does_not_replace_a_full_index() {
    let dir = tempfile::tempdir().unwrap();
    let Some(r50) = reuters_lines(dir.path(), 50) else {
        return;
    };
    let path = dir.path().join("idx");
    let index = Index::open_or_create(&path).unwrap();
    let first = ingest(&index, std::slice::from_ref(&r50));
    assert!(first.added > 40, "{first:?}");
    // An update deletes the article's old version: the count of what is kept must not
    // include it.
    let text = fs::read_to_string(&r50).unwrap();
    let changed = text.replacen("Showers continued", "Heavy showers continued", 1);
    assert_ne!(changed, text);
    fs::write(&r50, changed).unwrap();
    assert_eq!(ingest(&index, std::slice::from_ref(&r50)).updated, 1);
    let articles = index.num_articles();
    assert_eq!(articles, first.added as u64);
    let answers = |index: &Index| {
        let found = index
            .search(&SearchRequest::new("cocoa").count_total(true))
            .unwrap();
        (found.total, found.hits.len())
    };
    let before = answers(&index);
    assert!(before.0 > 0);
    drop(index);

    let empty = dir.path().join("emptydir");
    fs::create_dir(&empty).unwrap();
    let rebuild = Index::begin_rebuild(&path).unwrap();
    let report = ingest(&rebuild, &[empty]);
    assert_eq!(report.added, 0);
    match rebuild.finish_rebuild() {
        Err(e @ Error::EmptyRebuild { .. }) => {
            let message = e.to_string();
            let Error::EmptyRebuild {
                dir: kept_dir,
                kept,
            } = e
            else {
                unreachable!()
            };
            assert_eq!(kept_dir, path);
            assert_eq!(kept, Some(articles));
            assert!(message.contains("read no articles"), "{message}");
            assert!(
                message.contains(&format!("was kept as it was ({articles} articles)")),
                "{message}"
            );
        }
        Err(e) => panic!("not the empty-rebuild error: {e}"),
        Ok(index) => panic!("replaced by {} articles", index.num_articles()),
    }
    assert!(!staging(dir.path()).exists());
    assert!(!dir.path().join("idx.old").exists());
    let index = Index::open(&path).unwrap();
    assert_eq!(index.num_articles(), articles);
    assert_eq!(answers(&index), before);
    // And it is not left locked.
    index
        .add_articles(vec![article("c1", "Flood defences held.")])
        .unwrap();

    // The same input, read: the rebuild goes through.
    drop(index);
    let rebuild = Index::begin_rebuild(&path).unwrap();
    ingest(&rebuild, &[r50]);
    let index = rebuild.finish_rebuild().unwrap();
    assert_eq!(index.num_articles(), articles);
}

/// An empty index rebuilt from nothing loses nothing: that swap goes through.
#[test]
fn an_empty_index_may_be_rebuilt_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    drop(Index::create(&path).unwrap());
    let rebuild = Index::begin_rebuild(&path).unwrap();
    let index = rebuild.finish_rebuild().unwrap();
    assert_eq!(index.num_articles(), 0);
    assert!(!staging(dir.path()).exists());
}

#[test]
fn a_folder_of_the_users_under_the_rebuild_name_is_never_removed() {
    let dir = tempfile::tempdir().unwrap();
    let index = small_index(dir.path());
    let taken = staging(dir.path());
    fs::create_dir(&taken).unwrap();
    fs::write(taken.join("notes.txt"), "precious user data").unwrap();
    match Index::begin_rebuild(&index) {
        Err(Error::RebuildFolderTaken { dir }) => assert_eq!(dir, taken),
        Err(e) => panic!("not the folder-taken error: {e}"),
        Ok(_) => panic!("a rebuild began over the user's folder"),
    }
    assert_eq!(
        fs::read_to_string(taken.join("notes.txt")).unwrap(),
        "precious user data"
    );
    // The old index is unlocked and whole.
    let old = Index::open(&index).unwrap();
    assert_eq!(old.num_articles(), 3);
    drop(old);

    // A leftover of an interrupted rebuild (a Dateline index) is ours, and goes.
    fs::remove_dir_all(&taken).unwrap();
    let leftover = Index::create(&taken).unwrap();
    add_one(&leftover);
    drop(leftover);
    let rebuild = Index::begin_rebuild(&index).unwrap();
    add_one(&rebuild);
    assert_eq!(rebuild.finish_rebuild().unwrap().num_articles(), 1);
}
