//! Re-runs over folders of raw text files pass over the files unchanged since their article was
//! indexed without reading them (by length and modification time), on real BBC News files:
//! what changed is read, what is new is added, and a lost stamp file only means reading again.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use dateline_index::{Index, IngestOptions, IngestReport};

/// Twelve BBC business stories copied into `dir/news`.
fn news(dir: &Path) -> Option<Vec<PathBuf>> {
    let business = common::shared_data("bbc-news/raw/business")?;
    let news = dir.join("news");
    fs::create_dir_all(&news).unwrap();
    let mut files = Vec::new();
    for n in 1..=12 {
        let name = format!("{n:03}.txt");
        let to = news.join(&name);
        fs::copy(business.join(&name), &to).unwrap();
        files.push(to);
    }
    Some(files)
}

fn ingest(index: &Index, dir: &Path, options: &IngestOptions) -> IngestReport {
    let report = index
        .ingest_paths(&[dir.join("news")], options, &|_| {})
        .expect("ingest");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    report
}

fn counts(report: &IngestReport) -> (usize, usize, usize) {
    (report.added, report.updated, report.unchanged)
}

/// Writes `text` over `path`, keeping its modification time: a change no stamp can see.
fn overwrite_keeping_time(path: &Path, text: &[u8]) {
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    fs::write(path, text).unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(modified).unwrap();
}

#[test]
fn unchanged_files_are_passed_over_unread_and_changed_or_new_ones_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let Some(files) = news(dir.path()) else {
        return;
    };
    let index = Index::create(&dir.path().join("idx")).unwrap();
    let options = IngestOptions::default();
    assert_eq!(counts(&ingest(&index, dir.path(), &options)), (12, 0, 0));
    let id = |path: &Path| {
        let relative = path.strip_prefix(dir.path()).unwrap();
        relative.to_string_lossy().into_owned()
    };
    let body_of = |path: &Path| index.get(&id(path)).unwrap().unwrap().body;
    let first_body = body_of(&files[0]);

    // Same length, same time, other words: not read, so the index keeps the first version.
    let original = fs::read(&files[0]).unwrap();
    let mut altered = original.clone();
    let at = altered.len() - 20;
    altered[at..at + 5].copy_from_slice(b"ZZZZZ");
    overwrite_keeping_time(&files[0], &altered);
    assert_eq!(counts(&ingest(&index, dir.path(), &options)), (0, 0, 12));
    assert_eq!(body_of(&files[0]), first_body, "passed over unread");

    // A file written again (a new time) is read: its change is indexed.
    fs::write(&files[0], &altered).unwrap();
    let later = SystemTime::now() + Duration::from_secs(2);
    fs::File::options()
        .write(true)
        .open(&files[0])
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(counts(&ingest(&index, dir.path(), &options)), (0, 1, 11));
    assert!(body_of(&files[0]).contains("ZZZZZ"));

    // A new file is added; the rest stays unread.
    let business = common::shared_data("bbc-news/raw/business").unwrap();
    fs::copy(business.join("013.txt"), dir.path().join("news/013.txt")).unwrap();
    assert_eq!(counts(&ingest(&index, dir.path(), &options)), (1, 0, 12));

    // Without the stamps (lost, or written by another version), every file is read again and
    // found unchanged by its content.
    let stamps = dir.path().join("idx/dateline-file-stamps");
    assert!(stamps.is_file());
    fs::remove_file(&stamps).unwrap();
    assert_eq!(counts(&ingest(&index, dir.path(), &options)), (0, 0, 13));
    assert!(stamps.is_file(), "written again");

    // --prune leaves the articles of files passed over alone, and removes a deleted file's.
    fs::remove_file(&files[1]).unwrap();
    let prune = IngestOptions {
        prune: true,
        ..IngestOptions::default()
    };
    let report = ingest(&index, dir.path(), &prune);
    assert_eq!((counts(&report), report.removed), ((0, 0, 12), 1));
    assert_eq!(index.num_articles(), 12);
}

#[test]
fn copies_are_read_again_and_stamps_of_a_keep_duplicates_run_do_not_hold_for_another() {
    let dir = tempfile::tempdir().unwrap();
    let Some(files) = news(dir.path()) else {
        return;
    };
    // The same story under another name: a run keeping copies indexes both.
    fs::copy(&files[0], dir.path().join("news/000.txt")).unwrap();
    let index = Index::create(&dir.path().join("idx")).unwrap();
    let keep = IngestOptions {
        keep_duplicates: true,
        ..IngestOptions::default()
    };
    assert_eq!(counts(&ingest(&index, dir.path(), &keep)), (13, 0, 0));
    assert_eq!(counts(&ingest(&index, dir.path(), &keep)), (0, 0, 13));
    // A run without `--keep-duplicates` reads every file, whatever the stamps say, and removes
    // the later copy, as it did before stamps.
    let options = IngestOptions::default();
    let report = ingest(&index, dir.path(), &options);
    assert_eq!((counts(&report), report.duplicates), ((0, 0, 12), 1));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(index.num_articles(), 12);
    // The copy left out has no stamp: it is read again, and left out again.
    let report = ingest(&index, dir.path(), &options);
    assert_eq!((counts(&report), report.duplicates), ((0, 0, 12), 1));
    assert_eq!(index.num_articles(), 12);
}
