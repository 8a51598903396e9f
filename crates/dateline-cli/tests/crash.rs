//! Crash safety and concurrency on a real corpus (the BBC News raw files, 2,225 articles):
//! `dateline index` killed with SIGKILL at varied moments leaves an index that opens, holds
//! no article twice, and that a re-run completes with every article exactly once; a search
//! during indexing sees what was committed; a second writer is told the index is locked.
//!
//! Set `DATELINE_CRASH_RECORD=FILE` to write the record of the kills (one line per run).

mod common;

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{stderr, stdout};
use tempfile::TempDir;

/// The BBC raw corpus beside the checkout copied by [`flat_corpus`] into a new temporary
/// folder, as that folder, the corpus in it and its number of files; or `None` when the
/// corpus is absent (a failure under CI).
fn bbc_corpus() -> Option<(TempDir, PathBuf, usize)> {
    let bbc = common::shared_data("bbc-news/raw")?;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let total = flat_corpus(&bbc, &corpus);
    Some((dir, corpus, total))
}

/// Copies the corpus's article files into one flat folder, each cut after its first
/// paragraphs (about 1 kB: small files keep the test quick); returns how many.
fn flat_corpus(from: &Path, to: &Path) -> usize {
    fs::create_dir_all(to).unwrap();
    let mut n = 0;
    for topic in fs::read_dir(from).unwrap() {
        let topic = topic.unwrap().path();
        if !topic.is_dir() {
            continue;
        }
        let label = topic.file_name().unwrap().to_string_lossy().into_owned();
        for file in fs::read_dir(&topic).unwrap() {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = fs::read(&file).unwrap();
            let cut = match bytes.len() {
                n if n <= 1200 => n,
                _ => bytes[..1200]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .unwrap_or(bytes.len()),
            };
            fs::write(to.join(format!("{label}-{name}")), &bytes[..cut]).unwrap();
            n += 1;
        }
    }
    n
}

/// [`common::command`] without colour, whose escapes would only get in the way here.
fn command(index: &Path, args: &[&str]) -> Command {
    let mut cmd = common::command(index, args);
    cmd.env("NO_COLOR", "1");
    cmd
}

fn run(index: &Path, args: &[&str]) -> Output {
    command(index, args).output().expect("run dateline")
}

fn index_args<'a>(corpus: &'a str, commit_every: &'a str) -> Vec<&'a str> {
    vec![
        "index",
        corpus,
        "--quiet",
        "--format",
        "json",
        "--memory",
        "64",
        "--commit-every",
        commit_every,
        // Every file counts as its own article: this test is about crashes, not
        // de-duplication.
        "--keep-duplicates",
    ]
}

/// Every id in the index, through `search` (so the index must open and search).
fn ids(index: &Path, expected_max: usize) -> Vec<String> {
    let limit = (expected_max + 10).to_string();
    let out = run(
        index,
        &[
            "search", "*", "--format", "json", "-n", &limit, "--sort", "date",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "index does not search: {}",
        stderr(&out)
    );
    stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect()
}

fn count(index: &Path) -> Option<usize> {
    let out = run(index, &["search", "*", "--count"]);
    if out.status.code() != Some(0) {
        return None;
    }
    stdout(&out).trim().parse().ok()
}

fn assert_unique(ids: &[String], when: &str) {
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(
        unique.len(),
        ids.len(),
        "an article is indexed twice {when}"
    );
}

#[test]
fn sigkill_at_any_moment_leaves_a_consistent_index_that_a_rerun_completes() {
    let Some((dir, corpus, total)) = bbc_corpus() else {
        return;
    };
    assert!(total >= 2000, "{total} files");
    let corpus_arg = corpus.to_str().unwrap();

    // How long one full run takes here, to spread the kills over it.
    let index = dir.path().join("timing");
    let start = Instant::now();
    let out = run(&index, &index_args(corpus_arg, "250"));
    let full = start.elapsed();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    let all = ids(&index, total);
    assert_unique(&all, "after a clean run");
    let expected = all.len();
    fs::remove_dir_all(&index).unwrap();

    let runs = 20;
    let mut record = vec![format!(
        "# corpus: {total} BBC raw files (first ~1 kB of each); a clean run takes {:.2} s; \
         commits after each batch of 512 files holding 250+ new articles",
        full.as_secs_f64()
    )];
    record.push(
        "# run  kill_after_ms  kills  after_kill_articles  zero_byte_files  rerun_exit  final_articles  outcome"
            .to_string(),
    );
    for i in 0..runs {
        let index = dir.path().join(format!("idx{i}"));
        // Kill moments from very early (the index may not exist yet) to near the end; every
        // third run is killed twice, the second time during the resumed run.
        let fraction = (i as f64 + 0.5) / runs as f64;
        let delay = full.mul_f64(fraction * 1.05);
        let kills = if i % 3 == 2 { 2 } else { 1 };
        for k in 0..kills {
            let mut child = command(&index, &index_args(corpus_arg, "250"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(if k == 0 { delay } else { delay / 3 });
            child.kill().unwrap(); // SIGKILL on Unix
            child.wait().unwrap();
        }
        let zero_byte = fs::read_dir(&index)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.metadata().is_ok_and(|m| m.is_file() && m.len() == 0))
                    .count()
            })
            .unwrap_or(0);
        // The index opens (or was never created) and holds no article twice.
        let after_kill = if index.join("dateline.json").exists() {
            let found = ids(&index, total);
            assert_unique(&found, &format!("after kill {i}"));
            assert!(found.len() <= expected);
            found.len()
        } else {
            0
        };
        let out = run(&index, &index_args(corpus_arg, "250"));
        let rerun_exit = out.status.code();
        assert!(
            rerun_exit.is_some_and(|c| c <= 1),
            "re-run {i} failed: {}",
            stderr(&out)
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let after = ids(&index, total);
        assert_unique(&after, &format!("after re-run {i}"));
        assert_eq!(
            after.len(),
            expected,
            "re-run {i} did not complete the index"
        );
        assert_eq!(count(&index), Some(expected));
        assert_eq!(
            report["unchanged"].as_u64().unwrap() as usize,
            after_kill,
            "re-run {i} re-added committed articles"
        );
        record.push(format!(
            "{i:>5}  {:>13}  {kills:>5}  {after_kill:>19}  {zero_byte:>15}  {:>10}  {:>14}  ok",
            delay.as_millis(),
            rerun_exit.unwrap(),
            after.len()
        ));
        fs::remove_dir_all(&index).unwrap();
    }
    let record = record.join("\n");
    eprintln!("{record}");
    if let Some(path) = std::env::var_os("DATELINE_CRASH_RECORD") {
        let mut f = fs::File::create(path).unwrap();
        writeln!(f, "{record}").unwrap();
    }
}

#[test]
fn a_search_during_indexing_sees_commits_and_a_second_writer_is_refused() {
    let Some((dir, corpus, total)) = bbc_corpus() else {
        return;
    };
    let index = dir.path().join("idx");
    let mut writer = command(
        &index,
        &index_args(corpus.to_str().unwrap(), "100")
            .into_iter()
            .chain(["--threads", "1"])
            .collect::<Vec<_>>(),
    )
    .stdout(Stdio::null())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();

    let mut counts = Vec::new();
    let mut refused = None;
    let deadline = Instant::now() + Duration::from_secs(120);
    while writer.try_wait().unwrap().is_none() && Instant::now() < deadline {
        if index.join("dateline.json").exists() {
            let out = run(&index, &["search", "*", "--count"]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "search during indexing failed: {}",
                stderr(&out)
            );
            counts.push(stdout(&out).trim().parse::<usize>().unwrap());
            // Once something is committed the first writer surely holds the lock (before,
            // the second could win the race to it, which is fine but not this test).
            if refused.is_none() && counts.last().is_some_and(|&c| c > 0) {
                let other = dir.path().join("other");
                fs::create_dir_all(&other).unwrap();
                fs::copy(corpus.join("tech-001.txt"), other.join("x.txt")).unwrap();
                refused = Some(run(&index, &["index", other.to_str().unwrap()]));
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let writer = writer.wait_with_output().unwrap();
    assert!(
        writer.status.code().is_some_and(|c| c <= 1),
        "{:?}: {}",
        writer.status,
        stderr(&writer)
    );
    let final_count = count(&index).unwrap();
    assert!(final_count >= total - 5, "{final_count} of {total}");

    assert!(
        counts.windows(2).all(|w| w[0] <= w[1]),
        "counts went back: {counts:?}"
    );
    assert!(
        counts.iter().any(|&c| c > 0 && c < final_count),
        "no search saw a commit before the end: {counts:?}"
    );
    let refused = refused.expect("the writer finished before a second one could start");
    let err = stderr(&refused);
    assert_eq!(refused.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("is locked by another dateline process"),
        "{err}"
    );
    assert!(
        !err.contains("Lockfile") && !err.contains("LockBusy"),
        "{err}"
    );
}
