//! A damaged index (a segment file cut short or overwritten, a lost or broken `dateline.json`,
//! a broken `meta.json`, a missing file) is reported as the documented one-line error, naming
//! the index folder and the rebuild command, with exit status 2; and the rebuild it names
//! works.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// A copy of the index folder `index` at `dir/name` (an index folder holds only files).
fn copy_of(index: &Path, dir: &Path, name: &str) -> PathBuf {
    let copy = dir.join(name);
    fs::create_dir(&copy).unwrap();
    for entry in fs::read_dir(index).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    copy
}

/// The largest file of `index` whose name ends with `.ext`.
fn largest(index: &Path, ext: &str) -> PathBuf {
    fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .max_by_key(|p| fs::metadata(p).unwrap().len())
        .unwrap_or_else(|| panic!("no .{ext} file in {}", index.display()))
}

/// Cuts `file` to half its length.
fn truncate_to_half(file: &Path) {
    let len = fs::metadata(file).unwrap().len();
    fs::OpenOptions::new()
        .write(true)
        .open(file)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
}

/// Asserts that `args` on `index` fail with the damaged-index error naming `index`, with
/// `detail` in its parentheses; returns the message.
fn assert_damaged(index: &Path, args: &[&str], detail: &str) -> String {
    let out = dateline(index, args);
    let expected = format!("error: the index at {} is damaged (", index.display());
    assert_one_line_error(&out, &expected);
    let err = stderr(&out);
    assert!(err.starts_with(&expected), "{args:?}: {err}");
    assert!(
        err.trim_end()
            .ends_with("); rebuild it with `dateline index --rebuild PATH...`"),
        "{args:?}: {err}"
    );
    assert!(err.contains(detail), "{args:?}: {detail:?} not in {err}");
    // tantivy's advice to upgrade tantivy is no help to a Dateline user.
    assert!(!err.contains("Please use tantivy"), "{err}");
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    err
}

#[test]
fn a_segment_file_cut_short_names_the_file_and_the_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    for ext in ["store", "idx", "term", "pos", "fast", "fieldnorm"] {
        let copy = copy_of(&index, dir.path(), &format!("cut-{ext}"));
        let file = largest(&copy, ext);
        truncate_to_half(&file);
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let detail = format!("({name} is cut short or overwritten at its end)");
        for args in [
            &["search", "oil", "--count"][..],
            &["stats"][..],
            &["show", "wire-001"][..],
        ] {
            assert_damaged(&copy, args, &detail);
        }
    }
}

#[test]
fn a_lost_or_broken_marker_is_a_damaged_index_not_another_folder() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());

    let cut = copy_of(&index, dir.path(), "cut-marker");
    truncate_to_half(&cut.join("dateline.json"));
    assert_damaged(
        &cut,
        &["search", "oil", "--count"],
        "(dateline.json cannot be read: ",
    );

    // tantivy's files with Dateline's schema are a Dateline index that lost its marker.
    let lost = copy_of(&index, dir.path(), "lost-marker");
    fs::remove_file(lost.join("dateline.json")).unwrap();
    for args in [&["search", "oil", "--count"][..], &["stats"][..]] {
        assert_damaged(&lost, args, "(dateline.json is missing)");
    }
    // Indexing into it is refused the same way, and nothing is written.
    let files = fs::read_dir(&lost).unwrap().count();
    assert_damaged(
        &lost,
        &["index", sample().to_str().unwrap()],
        "(dateline.json is missing)",
    );
    assert_eq!(fs::read_dir(&lost).unwrap().count(), files);

    // A folder of other files is still not an index.
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("notes.txt"), "not an index").unwrap();
    let out = dateline(&other, &["search", "oil", "--count"]);
    assert_one_line_error(&out, "is not empty and holds no Dateline index");
}

#[test]
fn a_broken_meta_file_or_a_missing_segment_file_says_damaged_too() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());

    let meta = copy_of(&index, dir.path(), "meta");
    truncate_to_half(&meta.join("meta.json"));
    assert_damaged(&meta, &["search", "oil", "--count"], "meta.json");

    let missing = copy_of(&index, dir.path(), "missing");
    let store = largest(&missing, "store");
    fs::remove_file(&store).unwrap();
    let name = store.file_name().unwrap().to_string_lossy().into_owned();
    assert_damaged(
        &missing,
        &["search", "oil", "--count"],
        &format!("({name} is missing)"),
    );
}

/// The command the error names rebuilds the damaged index in place.
#[test]
fn the_rebuild_the_error_names_repairs_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let expected = stdout(&dateline(&index, &["search", "fighters", "--count"]));
    for (name, damage) in [
        ("cut-store", "store"),
        ("cut-marker", "dateline.json"),
        ("lost-marker", "lost"),
    ] {
        let copy = copy_of(&index, dir.path(), name);
        match damage {
            "store" => truncate_to_half(&largest(&copy, "store")),
            "lost" => fs::remove_file(copy.join("dateline.json")).unwrap(),
            file => truncate_to_half(&copy.join(file)),
        }
        assert_damaged(&copy, &["search", "fighters", "--count"], "");
        let out = dateline(
            &copy,
            &["index", "--rebuild", "--quiet", sample().to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let out = dateline(&copy, &["search", "fighters", "--count"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out), expected, "{name}");
    }
}

/// Overwrites 2,000 bytes in the middle of the largest document store of `index`, as a bad
/// disk block would.
fn overwrite_middle_of_store(index: &Path) {
    let file = largest(index, "store");
    let mut bytes = fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    assert!(bytes.len() > 20_000, "{} bytes", bytes.len());
    for b in &mut bytes[middle - 1_000..middle + 1_000] {
        *b ^= 0xff;
    }
    fs::write(&file, bytes).unwrap();
}

/// An index of made-up articles large enough for a document store of many blocks, and the
/// ids of its articles.
fn indexed_made_up(dir: &Path) -> (PathBuf, Vec<String>) {
    let corpus = dir.join("corpus");
    write_made_up_corpus(
        &corpus,
        &MadeUpCorpus {
            files: 60,
            title: "Made-up report",
            words: 1_500,
            vocabulary: 5_000,
            paragraph: Some(100),
            seed: 0x5eed,
        },
    );
    let index = dir.join("idx");
    let out = dateline(&index, &["index", "--quiet", corpus.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = dateline(&index, &["search", "*", "-n", "1000", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids = stdout(&out)
        .lines()
        .map(|line| {
            let hit: serde_json::Value = serde_json::from_str(line).unwrap();
            hit["id"].as_str().unwrap().to_string()
        })
        .collect::<Vec<_>>();
    assert_eq!(ids.len(), 60);
    (index, ids)
}

/// Bytes overwritten inside the stored articles leave every file's end intact: the store is
/// found damaged only when an article is read back, and that is the damaged error too, not
/// the decompressor's message.
#[test]
fn a_stored_article_that_does_not_decode_says_the_index_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let (index, ids) = indexed_made_up(dir.path());
    overwrite_middle_of_store(&index);
    // The articles whose block was hit, read as `show` reads them.
    let opened = dateline_index::Index::open(&index).expect("the files' ends are intact");
    let broken: Vec<&String> = ids
        .iter()
        .filter(|id| match opened.get(id) {
            Ok(_) => false,
            Err(dateline_index::Error::Damaged { dir, .. }) => {
                assert_eq!(dir, index);
                true
            }
            Err(other) => panic!("{id}: {other}"),
        })
        .collect();
    assert!(!broken.is_empty(), "no article reads the overwritten bytes");
    assert_damaged(&index, &["show", broken[0]], "(its files do not decode: ");
}

/// As above, through `search`, which reads the stored articles of its hits. Needs
/// `Index::search` to pass its errors through `Index::damaged` (search.rs, not changed here).
#[test]
fn a_search_over_a_store_that_does_not_decode_says_the_index_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = indexed_made_up(dir.path());
    overwrite_middle_of_store(&index);
    assert_damaged(
        &index,
        &["search", "*", "-n", "30000", "--format", "json"],
        "(its files do not decode: ",
    );
}
