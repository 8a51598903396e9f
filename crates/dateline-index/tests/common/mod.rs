//! Helpers shared by this crate's integration tests.

use std::path::PathBuf;

/// A folder below the shared data folder (`<workspace>/../shared/data`), or `None` when it is
/// absent. Under CI (`CI` set) a missing folder is a failure, not a skip: tests on real data
/// must run.
pub fn shared_data(below: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(below);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "shared data folder {} is missing under CI",
        dir.display()
    );
    eprintln!("skipping: {} is missing", dir.display());
    None
}
