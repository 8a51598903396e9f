//! Shared fixtures for the integration tests: where `../shared/data` is.

#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data folder (`<workspace>/../shared/data`), or `None` when it is absent.
///
/// Under CI (`CI` set) a missing folder is a failure, not a skip: tests on real data must run.
pub fn shared_data() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("shared data folder {} is missing under CI", dir.display());
    }
    eprintln!("skipping: shared data folder {} is missing", dir.display());
    None
}

/// The seed article's path.
pub fn seed_path() -> Option<PathBuf> {
    shared_data().map(|d| d.join("seed/london-terror-talks.txt"))
}
