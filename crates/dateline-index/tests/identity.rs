//! Which article an id names across runs: files keep one id however their folder is reached,
//! two folders never share ids, and what replaces or removes an article read from elsewhere
//! is reported, with its line.

mod common;

use std::fs;
use std::path::Path;

use common::{reuters_lines, shared_data, sorted_ids as ids};
use dateline_index::{Index, IngestOptions, IngestReport};

/// Two BBC stories and the seed, as raw text files.
fn stories() -> Option<[Vec<u8>; 3]> {
    let data = shared_data("")?;
    let read = |p: &str| fs::read(data.join(p)).expect("shared article");
    Some([
        read("seed/london-terror-talks.txt"),
        read("bbc-news/raw/business/001.txt"),
        read("bbc-news/raw/sport/001.txt"),
    ])
}

fn ingest(index: &Index, paths: &[&Path], options: &IngestOptions) -> IngestReport {
    let paths: Vec<_> = paths.iter().map(|p| p.to_path_buf()).collect();
    index
        .ingest_paths(&paths, options, &|_| {})
        .expect("ingest")
}

#[test]
fn files_of_one_name_in_two_folders_are_two_articles_and_a_subfolder_keeps_its_ids() {
    let Some([seed, business, sport]) = stories() else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let root = work.path();
    for (dir, text) in [
        ("news/a", &seed),
        ("news/b", &business),
        ("news/b/deep", &sport),
    ] {
        fs::create_dir_all(root.join(dir)).expect("folder");
        fs::write(root.join(dir).join("story.txt"), text).expect("article");
    }
    let index = Index::create(&root.join("index")).expect("index");
    let options = IngestOptions::default();

    let first = ingest(&index, &[&root.join("news/a")], &options);
    let second = ingest(&index, &[&root.join("news/b")], &options);
    // Before, both folders gave the id `story.txt` and the second run replaced the first.
    assert_eq!((first.added, second.added, second.updated), (1, 2, 0));
    assert_eq!(
        ids(&index),
        [
            "news/a/story.txt",
            "news/b/deep/story.txt",
            "news/b/story.txt"
        ]
    );

    // A subfolder, or the whole tree reached by another spelling, finds the same ids.
    let deep = ingest(&index, &[&root.join("news/b/deep")], &options);
    assert_eq!((deep.added, deep.unchanged), (0, 1), "{deep:?}");
    let again = ingest(&index, &[&root.join("news/b/../a/../")], &options);
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 3));
    assert_eq!(index.num_articles(), 3);
}

#[test]
fn a_file_outside_the_index_folder_is_named_by_its_absolute_path() {
    let Some([seed, ..]) = stories() else { return };
    let corpus = tempfile::tempdir().expect("corpus folder");
    let elsewhere = tempfile::tempdir().expect("index folder");
    fs::write(corpus.path().join("talks.txt"), &seed).expect("article");
    let index = Index::create(&elsewhere.path().join("index")).expect("index");
    ingest(&index, &[corpus.path()], &IngestOptions::default());
    let expected = fs::canonicalize(corpus.path().join("talks.txt")).expect("real path");
    assert_eq!(ids(&index), [expected.to_string_lossy()]);
}

/// A Reuters record with its `id` set to `id`.
fn with_id(line: &str, id: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(line).expect("JSON");
    value["id"] = serde_json::Value::from(id);
    value.to_string()
}

#[test]
fn an_update_read_from_another_file_is_reported_with_the_file_it_replaces() {
    let Some(records) = reuters_lines(6) else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let root = work.path();
    // Two exports that both number their articles from 1.
    let export = |name: &str, records: &[String]| {
        let text: Vec<String> = records
            .iter()
            .enumerate()
            .map(|(i, r)| with_id(r, &(i + 1).to_string()))
            .collect();
        fs::write(root.join(name), text.join("\n") + "\n").expect("export");
    };
    export("monday.jsonl", &records[..3]);
    export("tuesday.jsonl", &records[3..]);
    let index = Index::create(&root.join("index")).expect("index");
    let options = IngestOptions::default();
    let monday = ingest(&index, &[&root.join("monday.jsonl")], &options);
    assert!(monday.warnings.is_empty(), "{:?}", monday.warnings);

    let tuesday = ingest(&index, &[&root.join("tuesday.jsonl")], &options);
    assert_eq!((tuesday.added, tuesday.updated), (0, 3));
    let warned: Vec<String> = tuesday.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 3, "{warned:?}");
    assert!(
        warned[0].ends_with(
            "tuesday.jsonl:1: \"1\" replaces the article of that id read from monday.jsonl: \
             ids are shared by every file of an index"
        ),
        "{warned:?}"
    );

    // An update from the same file is an ordinary update, without a warning.
    export("tuesday.jsonl", &records[..3]);
    let again = ingest(&index, &[&root.join("tuesday.jsonl")], &options);
    assert_eq!(again.updated, 3);
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
}

#[test]
fn a_repeated_id_is_skipped_at_its_line_naming_the_first_unless_the_record_is_the_same() {
    let Some(records) = reuters_lines(3) else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let file = work.path().join("scrape.jsonl");
    let lines = [
        with_id(&records[0], "a"),
        with_id(&records[1], "b"),
        with_id(&records[2], "a"),
        // The first record word for word: a duplicate, not an error.
        with_id(&records[0], "a"),
    ];
    fs::write(&file, lines.join("\n")).expect("write");
    let index = Index::create_in_ram().expect("index");
    let report = ingest(&index, &[&file], &IngestOptions::default());
    assert_eq!((report.added, report.duplicates), (2, 1), "{report:?}");
    let skipped: Vec<String> = report.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(skipped.len(), 1);
    assert!(
        skipped[0].contains("scrape.jsonl:3: duplicate id \"a\" (first seen in "),
        "{skipped:?}"
    );
    assert!(skipped[0].ends_with("scrape.jsonl:1)"), "{skipped:?}");
}

#[test]
fn a_copy_kept_by_an_earlier_run_and_then_removed_is_reported() {
    let Some([seed, ..]) = stories() else { return };
    let work = tempfile::tempdir().expect("temporary folder");
    let corpus = work.path().join("corpus");
    fs::create_dir_all(&corpus).expect("folder");
    fs::write(corpus.join("a.txt"), &seed).expect("article");
    fs::write(corpus.join("b-copy.txt"), &seed).expect("copy");
    let index = Index::create(&work.path().join("index")).expect("index");
    let keep = IngestOptions {
        keep_duplicates: true,
        ..IngestOptions::default()
    };
    assert_eq!(ingest(&index, &[&corpus], &keep).added, 2);

    let report = ingest(&index, &[&corpus], &IngestOptions::default());
    assert_eq!((report.unchanged, report.duplicates), (1, 1));
    assert_eq!(index.num_articles(), 1);
    let warned: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0].contains("b-copy.txt: removed \"corpus/b-copy.txt\", indexed by an earlier run"),
        "{warned:?}"
    );
    let original = corpus.join("a.txt");
    assert!(
        warned[0].contains(&format!("a copy of {}", original.display())),
        "{warned:?}"
    );
}

#[test]
fn a_later_run_leaves_out_copies_of_articles_indexed_before_and_keeps_the_originals() {
    let Some([seed, business, sport]) = stories() else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let (first, later) = (work.path().join("first"), work.path().join("later"));
    fs::create_dir_all(&first).expect("folder");
    fs::create_dir_all(&later).expect("folder");
    fs::write(first.join("talks.txt"), &seed).expect("article");
    fs::write(first.join("business.txt"), &business).expect("article");
    let index = Index::create(&work.path().join("index")).expect("index");
    assert_eq!(
        ingest(&index, &[&first], &IngestOptions::default()).added,
        2
    );

    // The same stories scraped again under other names (one with Windows line ends), and one
    // new story.
    fs::write(later.join("talks-again.txt"), &seed).expect("copy");
    let crlf = String::from_utf8_lossy(&business).replace('\n', "\r\n");
    fs::write(later.join("business-crlf.txt"), crlf).expect("copy");
    fs::write(later.join("sport.txt"), &sport).expect("article");
    let report = ingest(&index, &[&later], &IngestOptions::default());
    assert_eq!((report.added, report.duplicates), (1, 2), "{report:?}");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(
        ids(&index),
        ["first/business.txt", "first/talks.txt", "later/sport.txt"]
    );

    // A run that reads a copy before its original keeps the original, which it reads unchanged.
    let report = ingest(&index, &[&later, &first], &IngestOptions::default());
    assert_eq!(
        (report.added, report.unchanged, report.duplicates),
        (0, 3, 2),
        "{report:?}"
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(index.num_articles(), 3);

    // Copies are indexed when asked for.
    let keep = IngestOptions {
        keep_duplicates: true,
        ..IngestOptions::default()
    };
    assert_eq!(ingest(&index, &[&later], &keep).added, 2);
    assert_eq!(index.num_articles(), 5);
}

#[test]
fn a_json_lines_file_and_its_copy_are_one_set_of_articles_without_warnings() {
    let Some(lines) = reuters_lines(20) else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let corpus = work.path().join("corpus");
    fs::create_dir_all(&corpus).expect("folder");
    // The first 20 Reuters records, as exported twice.
    let head: String = lines.iter().flat_map(|l| [l.as_str(), "\n"]).collect();
    fs::write(corpus.join("a.jsonl"), &head).expect("export");
    fs::write(corpus.join("b.jsonl"), &head).expect("copy");
    let index = Index::create(&work.path().join("index")).expect("index");
    // 21 duplicates: the copy's 20 records, and Reuters 16, which repeats the story of 4
    // under another headline.
    for run in 0..2 {
        let report = ingest(&index, &[&corpus], &IngestOptions::default());
        assert!(
            report.warnings.is_empty(),
            "run {run}: {:?}",
            report.warnings
        );
        assert_eq!(report.duplicates, 21, "run {run}: {report:?}");
        assert_eq!(report.added + report.unchanged, 19, "run {run}: {report:?}");
    }
    assert_eq!(index.num_articles(), 19);
    let first = ids(&index).into_iter().next().expect("an article");
    let article = index.get(&first).expect("get").expect("indexed");
    assert_eq!(article.path.as_deref(), Some("corpus/a.jsonl"));
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_keep_their_bytes_apart_in_ids() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let Some([seed, business, _]) = stories() else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let corpus = work.path().join("corpus");
    fs::create_dir_all(&corpus).expect("folder");
    // Latin-1 names of one length: read lossily they would both be `caf\u{fffd}.txt`.
    fs::write(corpus.join(OsStr::from_bytes(b"caf\xe9.txt")), &seed).expect("article");
    fs::write(corpus.join(OsStr::from_bytes(b"caf\xe8.txt")), &business).expect("article");
    let index = Index::create(&work.path().join("index")).expect("index");
    let report = ingest(&index, &[&corpus], &IngestOptions::default());
    assert_eq!(report.added, 2, "{report:?}");
    assert_eq!(ids(&index), ["corpus/caf\\xE8.txt", "corpus/caf\\xE9.txt"]);
}

#[cfg(unix)]
#[test]
fn a_file_reached_through_a_link_or_twice_keeps_one_id_and_is_read_once() {
    let Some([seed, business, _]) = stories() else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let root = work.path();
    fs::create_dir_all(root.join("news/2016")).expect("folder");
    fs::write(root.join("news/2016/a.txt"), &seed).expect("article");
    fs::write(root.join("news/b.txt"), &business).expect("article");
    std::os::unix::fs::symlink(root.join("news"), root.join("link")).expect("link");
    std::os::unix::fs::symlink(root.join("news/2016"), root.join("deep")).expect("link");
    let index = Index::create(&root.join("index")).expect("index");
    let options = IngestOptions::default();
    assert_eq!(ingest(&index, &[&root.join("news")], &options).added, 2);

    // Through a link, through `..` across a link (`deep/..` is `news` on disk, not `.`), and
    // a folder named with its own subfolder: the same two files, read once each.
    for paths in [
        vec![root.join("link")],
        vec![root.join("deep/../2016/a.txt")],
        vec![
            root.join("news"),
            root.join("news/2016"),
            root.join("link/b.txt"),
        ],
    ] {
        let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
        let report = ingest(&index, &refs, &options);
        assert_eq!(
            (report.added, report.updated, report.skipped.len()),
            (0, 0, 0),
            "{paths:?}: {report:?}"
        );
        assert_eq!(report.files, report.unchanged, "{paths:?}: {report:?}");
    }
    assert_eq!(ids(&index), ["news/2016/a.txt", "news/b.txt"]);
}

#[test]
fn in_one_run_as_across_runs_the_later_file_replaces_an_id_with_a_warning() {
    let Some(records) = reuters_lines(4) else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let root = work.path();
    let write = |name: &str, lines: &[String]| {
        fs::write(root.join(name), lines.join("\n") + "\n").expect("write");
    };
    write(
        "a.jsonl",
        &[with_id(&records[0], "1"), with_id(&records[1], "2")],
    );
    write(
        "b.jsonl",
        &[with_id(&records[2], "1"), with_id(&records[3], "3")],
    );
    let index = Index::create(&root.join("index")).expect("index");
    let report = ingest(&index, &[root], &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!((report.added, report.updated), (3, 1), "{report:?}");
    let warned: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0].contains("b.jsonl:1: \"1\" replaces the article of that id read from ")
            && warned[0].contains("a.jsonl:1: ids are shared"),
        "{warned:?}"
    );
    assert_eq!(index.num_articles(), 3);
    let one = index.get("1").expect("get").expect("article 1");
    let expected: serde_json::Value = serde_json::from_str(&records[2]).expect("JSON");
    assert_eq!(one.title.as_deref(), expected["title"].as_str());
}
