//! `dateline index --rebuild` beside other dateline processes, and with input that holds no
//! article: the old index is locked for the whole rebuild as an ingest locks it, a rebuild
//! does not start while another process writes to the index, and a full index is never
//! replaced by an empty one.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use common::{assert_one_line_error, command, dateline, sample, stderr, stdout};

/// Articles in `index`, by a search of everything.
fn count(index: &Path) -> usize {
    let out = dateline(index, &["search", "*", "--count"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out).trim().parse().expect("a count")
}

/// An index of the sample corpus (12 articles) in `dir/idx`.
fn indexed_sample(dir: &Path) -> PathBuf {
    let index = common::indexed_sample(dir);
    assert_eq!(count(&index), 12);
    index
}

/// Asserts that `o` failed (exit 2) with one line saying `index` is locked.
fn assert_locked(o: &Output, index: &Path) {
    let expected = format!(
        "the index at {} is locked by another dateline process",
        index.display()
    );
    assert_one_line_error(o, &expected);
}

/// A `dateline` run in the background, killed if the test ends before it does.
struct Background(Option<Child>);

impl Background {
    fn spawn(index: &Path, args: &[&str]) -> Self {
        let child = command(index, args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start dateline");
        Background(Some(child))
    }

    fn feed(&mut self, bytes: &[u8]) {
        let child = self.0.as_mut().expect("running");
        child
            .stdin
            .as_mut()
            .expect("stdin")
            .write_all(bytes)
            .expect("feed stdin");
    }

    fn still_running(&mut self) -> bool {
        let child = self.0.as_mut().expect("running");
        child.try_wait().expect("try_wait").is_none()
    }

    /// Closes standard input and waits for the end.
    fn finish(mut self) -> Output {
        let mut child = self.0.take().expect("running");
        drop(child.stdin.take());
        child.wait_with_output().expect("wait")
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Waits (a few minutes at most) until `ready` holds, failing if `run` ends first.
fn wait_until(run: &mut Background, what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            run.still_running(),
            "the background run ended before {what}"
        );
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// QA's first case: a long `dateline index` is writing when `--rebuild` is asked for. The
/// rebuild must not start (it used to succeed and the first run died with
/// `FileDoesNotExist(".../x.fieldnorm")`, its work lost); the first run ends with all of it.
#[test]
fn a_rebuild_does_not_start_while_an_ingest_writes_and_the_ingest_keeps_its_work() {
    let Some(reuters) = common::shared_data("reuters21578") else {
        return;
    };
    let gz = fs::read(reuters.join("docs.jsonl.gz")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    // Reuters on standard input, half of it now: the run commits what it has read (after
    // each chunk of 4,096 lines) and waits for the rest, holding the writer lock.
    let mut ingest = Background::spawn(
        &index,
        &[
            "index",
            "-",
            "--no-entities",
            "--commit-every",
            "1",
            "--format",
            "json",
        ],
    );
    ingest.feed(&gz[..gz.len() / 2]);
    wait_until(&mut ingest, "the first commit", || count(&index) > 12);

    let out = dateline(&index, &["index", "--rebuild", sample().to_str().unwrap()]);
    assert_locked(&out, &index);
    assert!(!dir.path().join("idx.rebuild").exists());
    assert!(!dir.path().join("idx.old").exists());
    let out = dateline(&index, &["optimize"]);
    assert_locked(&out, &index);

    ingest.feed(&gz[gz.len() / 2..]);
    let out = ingest.finish();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let added = report["added"].as_u64().unwrap() as usize;
    assert!(added > 20_000, "{report}");
    assert_eq!(count(&index), 12 + added);
    let out = dateline(&index, &["search", "\"producer prices\"", "--count"]);
    assert!(stdout(&out).trim().parse::<usize>().unwrap() > 0);
}

/// QA's second case, and the rest of the lock: while a rebuild runs, a plain `index` (whose
/// articles used to vanish in the swap), `optimize` and a second `--rebuild` (which used to
/// remove the first one's `DIR.rebuild`) are told the index is locked; searching the old
/// index goes on; once the rebuild is in place the index is free again.
#[test]
fn while_a_rebuild_runs_the_old_index_is_locked_as_an_ingest_locks_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let extra = dir.path().join("extra.jsonl");
    fs::write(
        &extra,
        "{\"id\": \"extra-1\", \"title\": \"Hammond in Zagreb\", \"date\": \"2015-03-02\", \
         \"body\": \"Philip Hammond arrived in Zagreb for talks on the Balkans.\"}\n",
    )
    .unwrap();
    let wire = sample().join("wire.jsonl");
    // A rebuild from standard input: it holds the lock from its start and waits for input.
    let mut rebuild = Background::spawn(&index, &["index", "-", "--rebuild", "--format", "json"]);
    let staging = dir.path().join("idx.rebuild");
    wait_until(&mut rebuild, "the rebuild's start", || {
        staging.join("dateline.json").exists()
    });

    let out = dateline(&index, &["index", extra.to_str().unwrap()]);
    assert_locked(&out, &index);
    let out = dateline(&index, &["optimize"]);
    assert_locked(&out, &index);
    let out = dateline(&index, &["index", "--rebuild", wire.to_str().unwrap()]);
    assert_locked(&out, &index);
    assert!(
        staging.join("dateline.json").exists(),
        "the second rebuild removed the first's"
    );
    // Searching the old index meanwhile is fine.
    assert_eq!(count(&index), 12);

    rebuild.feed(&fs::read(&wire).unwrap());
    let out = rebuild.finish();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rebuilt = report["added"].as_u64().unwrap() as usize;
    assert!(rebuilt > 0, "{report}");
    assert_eq!(count(&index), rebuilt);
    assert!(!staging.exists());
    assert!(!dir.path().join("idx.old").exists());
    let out = dateline(&index, &["show", "extra-1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));

    // The rebuild is over: writing works again.
    let out = dateline(&index, &["index", extra.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(count(&index), rebuilt + 1);
}

/// QA's third case: a rebuild from a folder with nothing to read used to replace a full index
/// with an empty one (exit 0). It is refused: one line saying nothing was read and the index
/// kept, the old index as it was, no `DIR.rebuild` left.
#[test]
fn a_rebuild_that_reads_nothing_keeps_the_full_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let empty = dir.path().join("emptydir");
    fs::create_dir(&empty).unwrap();

    let out = dateline(&index, &["index", empty.to_str().unwrap(), "--rebuild"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    let expected = format!(
        "error: the rebuild read no articles from the given paths, so the index at {} was kept \
         as it was (12 articles)",
        index.display()
    );
    assert_eq!(err.trim_end(), expected);
    assert_eq!(count(&index), 12);
    let out = dateline(&index, &["search", "Hammond", "--count"]);
    assert_eq!(stdout(&out).trim(), "1");
    assert!(!dir.path().join("idx.rebuild").exists());
    assert!(!dir.path().join("idx.old").exists());

    // Input whose every line is unreadable: the same, the reasons listed before the error.
    let bad = dir.path().join("bad.jsonl");
    fs::write(&bad, "{oops\nnot json either\n").unwrap();
    let out = dateline(&index, &["index", bad.to_str().unwrap(), "--rebuild"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[..2].iter().all(|l| l.starts_with("skipped: ")),
        "{err}"
    );
    assert!(
        lines[2].starts_with("error: the rebuild read no articles"),
        "{err}"
    );
    assert_eq!(count(&index), 12);
    assert!(!dir.path().join("idx.rebuild").exists());

    // A rebuild that reads something still replaces the index.
    let wire = sample().join("wire.jsonl");
    let out = dateline(&index, &["index", wire.to_str().unwrap(), "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(count(&index) < 12);
}

/// A rebuild into a folder that holds no index yet, from nothing, makes an empty index:
/// nothing is lost, so nothing is refused.
#[test]
fn a_rebuild_from_nothing_into_a_new_folder_makes_an_empty_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("new");
    let empty = dir.path().join("emptydir");
    fs::create_dir(&empty).unwrap();
    let out = dateline(&index, &["index", empty.to_str().unwrap(), "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(count(&index), 0);
    assert!(!dir.path().join("new.rebuild").exists());
}
