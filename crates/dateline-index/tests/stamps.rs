//! Re-runs over folders of raw text files pass over the files unchanged since their article was
//! indexed without reading them (by length and modification time), on real BBC News files:
//! what changed is read, what is new is added, and a lost stamp file only means reading again.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use std::sync::atomic::{AtomicUsize, Ordering};

use dateline_index::{Index, IngestOptions, IngestReport, Progress};

/// Twelve BBC business stories copied into `dir/news`, six in `news/a` and six in `news/b`.
fn news(dir: &Path) -> Option<Vec<PathBuf>> {
    let business = common::shared_data("bbc-news/raw/business")?;
    let mut files = Vec::new();
    for n in 1..=12 {
        let folder = dir.join(if n <= 6 { "news/a" } else { "news/b" });
        fs::create_dir_all(&folder).unwrap();
        let name = format!("{n:03}.txt");
        let to = folder.join(&name);
        fs::copy(business.join(&name), &to).unwrap();
        files.push(to);
    }
    Some(files)
}

/// Runs an ingest of `dir/news`: its report and how many files it passed over unread.
fn run(index: &Index, dir: &Path, options: &IngestOptions) -> (IngestReport, usize) {
    let unread = AtomicUsize::new(0);
    let report = index
        .ingest_paths(&[dir.join("news")], options, &|p| {
            if let Progress::Found { unchanged, .. } = p {
                unread.store(unchanged, Ordering::Relaxed);
            }
        })
        .expect("ingest");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    (report, unread.into_inner())
}

fn ingest(index: &Index, dir: &Path, options: &IngestOptions) -> IngestReport {
    run(index, dir, options).0
}

fn counts(report: &IngestReport) -> (usize, usize, usize) {
    (report.added, report.updated, report.unchanged)
}

/// The id of the article of file `path` below `dir` (where the index is): its relative path.
fn id_of(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// Gives `path` a modification time `secs` seconds after the epoch.
fn set_time(path: &Path, secs: u64) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
        .unwrap();
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
    let (report, unread) = run(&index, dir.path(), &options);
    assert_eq!((counts(&report), unread), ((0, 0, 12), 12));
    let id = |path: &Path| id_of(dir.path(), path);
    let body_of = |path: &Path| index.get(&id(path)).unwrap().unwrap().body;

    // Same length, its old modification time, other words: still read (its change time and
    // the folder's other files with it, whose boilerplate it may change); the other folder not.
    let original = fs::read(&files[0]).unwrap();
    let modified = fs::metadata(&files[0]).unwrap().modified().unwrap();
    let mut altered = original.clone();
    let at = altered.len() - 20;
    altered[at..at + 5].copy_from_slice(b"ZZZZZ");
    fs::write(&files[0], &altered).unwrap();
    fs::File::options()
        .write(true)
        .open(&files[0])
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let (report, unread) = run(&index, dir.path(), &options);
    assert_eq!((counts(&report), unread), ((0, 1, 11), 6));
    assert!(body_of(&files[0]).contains("ZZZZZ"));

    // A new file in `b` is added; `a` stays unread.
    let business = common::shared_data("bbc-news/raw/business").unwrap();
    fs::copy(business.join("013.txt"), dir.path().join("news/b/013.txt")).unwrap();
    let (report, unread) = run(&index, dir.path(), &options);
    assert_eq!((counts(&report), unread), ((1, 0, 12), 6));

    // Without the stamps (lost, or written by another version), every file is read again and
    // found unchanged by its content.
    let stamps = dir.path().join("idx/dateline-file-stamps");
    assert!(stamps.is_file());
    fs::remove_file(&stamps).unwrap();
    let (report, unread) = run(&index, dir.path(), &options);
    assert_eq!((counts(&report), unread), ((0, 0, 13), 0));
    assert!(stamps.is_file(), "written again");

    // Merging segments leaves the stamps in place.
    index.optimize().expect("optimize");
    assert!(stamps.is_file(), "kept by optimize");

    // --prune leaves the articles of files passed over alone, and removes a deleted file's.
    fs::remove_file(&files[1]).unwrap();
    let prune = IngestOptions {
        prune: true,
        ..IngestOptions::default()
    };
    let (report, unread) = run(&index, dir.path(), &prune);
    assert_eq!(
        (counts(&report), report.removed, unread),
        ((0, 0, 12), 1, 12)
    );
    assert_eq!(index.num_articles(), 12);
}

#[test]
fn two_files_of_one_length_and_time_swapped_by_renames_are_both_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    fs::create_dir(&folder).unwrap();
    let (a, b) = (folder.join("a.txt"), folder.join("b.txt"));
    fs::write(
        &a,
        "Alpha story title\n\nThe alpha committee met on Monday to discuss the harbour plan.\n",
    )
    .unwrap();
    fs::write(
        &b,
        "Bravo story title\n\nThe bravo committee met on Monday to discuss the railway plan.\n",
    )
    .unwrap();
    set_time(&a, 1_577_836_800);
    set_time(&b, 1_577_836_800);
    let index = Index::create(&dir.path().join("idx")).unwrap();
    // Copies kept: with copies left out, the first file read would be a copy of the second's
    // article, which has not been read yet.
    let options = IngestOptions {
        keep_duplicates: true,
        ..IngestOptions::default()
    };
    assert_eq!(counts(&ingest(&index, dir.path(), &options)), (2, 0, 0));
    let swap = folder.join("swap");
    fs::rename(&a, &swap).unwrap();
    fs::rename(&b, &a).unwrap();
    fs::rename(&swap, &b).unwrap();
    let (report, unread) = run(&index, dir.path(), &options);
    assert_eq!((counts(&report), unread), ((0, 2, 0), 0));
    let title = index.get("news/a.txt").unwrap().unwrap().title;
    assert_eq!(title.as_deref(), Some("Bravo story title"));
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

#[test]
fn files_passed_over_by_a_run_without_entities_are_read_by_one_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let Some(files) = news(dir.path()) else {
        return;
    };
    let index = Index::create(&dir.path().join("idx")).unwrap();
    let with = IngestOptions::default();
    let without = IngestOptions {
        extract_entities: false,
        ..IngestOptions::default()
    };
    let id = |path: &Path| id_of(dir.path(), path);
    let entities = || -> Vec<usize> {
        let articles = files.iter().map(|f| index.get(&id(f)).unwrap().unwrap());
        articles.map(|a| a.entities.len()).collect()
    };
    assert_eq!(counts(&ingest(&index, dir.path(), &without)), (12, 0, 0));
    assert_eq!(entities(), [0; 12]);
    // Unchanged, yet read: their articles were indexed without entities, and are again with.
    let (report, unread) = run(&index, dir.path(), &with);
    assert_eq!((counts(&report), unread), ((0, 12, 0), 0));
    let found = entities();
    assert!(found.iter().all(|&n| n > 0), "{found:?}");
    let (report, unread) = run(&index, dir.path(), &with);
    assert_eq!((counts(&report), unread), ((0, 0, 12), 12));
    // A run without entities passes over the files of a run with them, and leaves their
    // entities. Its stamps do not say which articles lack entities: the run with them after
    // it reads every file again, and changes nothing.
    let (report, unread) = run(&index, dir.path(), &without);
    assert_eq!((counts(&report), unread), ((0, 0, 12), 12));
    assert_eq!(entities(), found);
    let (report, unread) = run(&index, dir.path(), &with);
    assert_eq!((counts(&report), unread), ((0, 0, 12), 0));
    assert_eq!(entities(), found);
}
