//! Helpers shared by the CLI's integration tests: running the `dateline` binary, reading its
//! output, and the corpora the tests index.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The sample corpus of the repository (`sample/`), as an absolute path without `..`.
pub fn sample() -> PathBuf {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    crate_dir
        .parent()
        .and_then(Path::parent)
        .expect("the workspace holds the crate")
        .join("sample")
}

/// The id of a sample file in an index kept outside the repository: its real path.
pub fn sample_id(relative: &str) -> String {
    let path = sample().join(relative);
    let real = fs::canonicalize(&path).unwrap_or(path);
    real.to_string_lossy().into_owned()
}

/// A folder below the shared data folder (`<workspace>/../shared/data`), or `None` when it
/// is absent.
///
/// Under CI (`CI` set) a missing folder is a failure, not a skip: tests on real data must run.
pub fn shared_data(below: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(below);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("shared data folder {} is missing under CI", dir.display());
    }
    eprintln!("skipping: shared data folder {} is missing", dir.display());
    None
}

/// The `dateline` binary on `index`, ready to run `args`.
///
/// The caller's `NO_COLOR` and `RUST_BACKTRACE` are removed so that colour and error output
/// do not depend on who runs the tests.
pub fn command(index: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.args(args)
        .env("DATELINE_INDEX", index)
        .env_remove("NO_COLOR")
        .env_remove("RUST_BACKTRACE");
    cmd
}

/// Runs [`command`] to the end.
pub fn dateline(index: &Path, args: &[&str]) -> Output {
    command(index, args).output().expect("run dateline")
}

/// Indexes `corpus` (a file or folder) into `dir/idx`, quietly, and returns the index folder;
/// the run must succeed.
pub fn indexed(dir: &Path, corpus: &Path) -> PathBuf {
    let index = dir.join("idx");
    let out = dateline(&index, &["index", corpus.to_str().unwrap(), "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    index
}

/// The index of the repository's sample corpus in `dir/idx` ([`indexed`]).
pub fn indexed_sample(dir: &Path) -> PathBuf {
    indexed(dir, &sample())
}

/// What a run printed on stdout, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a run printed on stderr, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A corpus of made-up articles for [`write_made_up_corpus`].
pub struct MadeUpCorpus {
    /// Files to write (`00000.txt`, `00001.txt`…).
    pub files: usize,
    /// Title of each article, before its number.
    pub title: &'static str,
    /// Words in each article's body.
    pub words: usize,
    /// Distinct words to draw from: more make a larger index.
    pub vocabulary: u64,
    /// Words per paragraph, or `None` for a body of one paragraph.
    pub paragraph: Option<usize>,
    /// Seed of the word generator: the same seed writes the same corpus, so failures repeat.
    pub seed: u64,
}

/// Writes `corpus` into `dir`: articles dated 22 January 2015 whose bodies are words `w<hex>`
/// drawn by a xorshift generator.
pub fn write_made_up_corpus(dir: &Path, corpus: &MadeUpCorpus) {
    fs::create_dir_all(dir).unwrap();
    let mut seed = corpus.seed;
    for f in 0..corpus.files {
        let mut body = String::new();
        for w in 0..corpus.words {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            body.push_str(&format!("w{:x} ", seed % corpus.vocabulary));
            if corpus.paragraph.is_some_and(|p| w % p == p - 1) {
                body.push_str("\n\n");
            }
        }
        fs::write(
            dir.join(format!("{f:05}.txt")),
            format!("{} {f}\n22 January 2015\n\n{body}\n", corpus.title),
        )
        .unwrap();
    }
}

/// Asserts the error output is one line starting with `error:` and holds `needle`.
pub fn assert_one_line_error(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "stdout: {}\nstderr: {err}",
        stdout(o)
    );
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(needle), "{needle:?} not in {err}");
    for noise in [
        "panicked",
        "backtrace",
        "TantivyError",
        "LockFailure",
        "Os {",
    ] {
        assert!(!err.contains(noise), "{noise:?} in {err}");
    }
}
