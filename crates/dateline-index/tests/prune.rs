//! `IngestOptions::prune`: a run removes what the files and folders it names no longer hold,
//! and nothing else.

mod common;

use std::fs;
use std::path::Path;

use common::{reuters_lines, shared_data, sorted_ids as ids};
use dateline_index::{Index, IngestOptions, IngestReport};

fn ingest(index: &Index, paths: &[&Path], prune: bool) -> IngestReport {
    let paths: Vec<_> = paths.iter().map(|p| p.to_path_buf()).collect();
    let options = IngestOptions {
        prune,
        ..IngestOptions::default()
    };
    index
        .ingest_paths(&paths, &options, &|_| {})
        .expect("ingest")
}

#[test]
fn deleted_files_below_a_named_folder_go_and_other_folders_stay() {
    let Some(bbc) = shared_data("bbc-news/raw/business") else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let (news, other) = (work.path().join("news"), work.path().join("other"));
    fs::create_dir_all(&news).expect("folder");
    fs::create_dir_all(&other).expect("folder");
    for name in ["001.txt", "002.txt", "003.txt"] {
        fs::copy(bbc.join(name), news.join(name)).expect("story");
    }
    fs::copy(bbc.join("004.txt"), other.join("004.txt")).expect("story");
    let index = Index::create(&work.path().join("index")).expect("index");
    assert_eq!(ingest(&index, &[&news, &other], false).added, 4);

    fs::remove_file(news.join("002.txt")).expect("delete");
    fs::remove_file(other.join("004.txt")).expect("delete");
    // Without pruning an index only grows.
    let report = ingest(&index, &[&news], false);
    assert_eq!((report.unchanged, report.removed), (2, 0), "{report:?}");
    assert_eq!(index.num_articles(), 4);

    // `other` is not named: its deleted file keeps its article.
    let report = ingest(&index, &[&news], true);
    assert_eq!((report.unchanged, report.removed), (2, 1), "{report:?}");
    assert_eq!(
        ids(&index),
        ["news/001.txt", "news/003.txt", "other/004.txt"]
    );
    let report = ingest(&index, &[&other], true);
    assert_eq!(report.removed, 1, "{report:?}");
    assert_eq!(ids(&index), ["news/001.txt", "news/003.txt"]);
}

#[test]
fn lines_deleted_from_a_json_lines_file_go_unless_the_file_has_unreadable_lines() {
    let Some(lines) = reuters_lines(10) else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let file = work.path().join("wire.jsonl");
    fs::write(&file, lines.join("\n")).expect("export");
    let index = Index::create(&work.path().join("index")).expect("index");
    assert_eq!(ingest(&index, &[&file], true).added, 10);
    let all = ids(&index);

    // Records 3 and 7 withdrawn, and record 5 damaged: the damaged file keeps everything.
    let mut damaged = lines.clone();
    damaged[4] = damaged[4][..40].to_string();
    let kept: Vec<&String> = damaged
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 2 && *i != 6)
        .map(|(_, l)| l)
        .collect();
    fs::write(
        &file,
        kept.iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .expect("export");
    let report = ingest(&index, &[&file], true);
    assert_eq!((report.skipped.len(), report.removed), (1, 0), "{report:?}");
    assert_eq!(ids(&index), all);

    // Mended, the file no longer holds records 3 and 7, and only they go.
    let mended: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 2 && *i != 6)
        .map(|(_, l)| l.as_str())
        .collect();
    fs::write(&file, mended.join("\n")).expect("export");
    let report = ingest(&index, &[&file], true);
    assert_eq!((report.unchanged, report.removed), (8, 2), "{report:?}");
    let id_of = |line: &str| -> String {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    };
    let mut expected: Vec<String> = mended.iter().map(|l| id_of(l)).collect();
    expected.sort();
    assert_eq!(ids(&index), expected);
}

#[test]
fn a_renamed_file_is_indexed_under_its_new_name_and_a_moved_record_is_never_lost() {
    let Some(bbc) = shared_data("bbc-news/raw/sport") else {
        return;
    };
    let Some(lines) = reuters_lines(3) else {
        return;
    };
    let work = tempfile::tempdir().expect("temporary folder");
    let news = work.path().join("news");
    fs::create_dir_all(&news).expect("folder");
    fs::copy(bbc.join("001.txt"), news.join("old-name.txt")).expect("story");
    fs::write(news.join("a.jsonl"), lines.join("\n")).expect("export");
    let index = Index::create(&work.path().join("index")).expect("index");
    assert_eq!(ingest(&index, &[&news], true).added, 4);

    // The story renamed; Reuters 3 moved to another export under a new id.
    fs::rename(news.join("old-name.txt"), news.join("new-name.txt")).expect("rename");
    fs::write(news.join("a.jsonl"), lines[..2].join("\n")).expect("export");
    let mut moved: serde_json::Value = serde_json::from_str(&lines[2]).expect("JSON");
    moved["id"] = serde_json::Value::from("moved-3");
    fs::write(news.join("b.jsonl"), moved.to_string()).expect("export");
    let report = ingest(&index, &[&news], true);
    // The renamed story is no copy of an article about to go: it is added, the old name
    // removed. The moved record is a copy of Reuters 3, which therefore stays.
    assert_eq!(
        (report.added, report.duplicates, report.removed),
        (1, 1, 1),
        "{report:?}"
    );
    let ids = ids(&index);
    assert!(ids.contains(&"news/new-name.txt".to_string()), "{ids:?}");
    assert!(!ids.contains(&"news/old-name.txt".to_string()), "{ids:?}");
    assert_eq!(ids.len(), 4, "{ids:?}");
}
