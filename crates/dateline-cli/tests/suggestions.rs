//! "Did you mean" on standard error when an entity filter matches nothing, through the
//! command: aliases (built in and from `--aliases`), swapped letters and the parts of a name.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The index of the repository's sample corpus (Islamic State, Haider al-Abadi) in `dir/idx`.
fn indexed_sample(dir: &Path) -> PathBuf {
    let index = dir.join("idx");
    let out = dateline(&index, &["index", sample().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    index
}

/// Runs a search that matches nothing and returns what it printed on standard error.
fn tip(index: &Path, args: &[&str]) -> String {
    let out = dateline(index, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    if args.contains(&"--count") {
        assert_eq!(stdout(&out), "0\n", "{args:?}");
    }
    stderr(&out)
}

#[test]
fn aliases_swapped_letters_and_name_parts_are_suggested() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    // `Daesh` and `ISIS` are aliases of Islamic State, which the index names only so.
    let deash = tip(&index, &["search", "--org", "Deash", "--count"]);
    assert!(
        deash.contains("no article names the ORG \"Deash\"; did you mean \"Daesh\" (ORG)?"),
        "{deash}"
    );
    let issi = tip(&index, &["search", "--org", "ISSI", "--count"]);
    assert!(issi.contains("did you mean \"ISIS\" (ORG)?"), "{issi}");
    // `Abadi`, a word of `Haider al-Abadi`'s surname, finds him as a query word.
    let abadi = tip(&index, &["search", "--person", "Abadi"]);
    assert!(
        abadi.contains("did you mean \"Haider al-Abadi\" (PER)?"),
        "{abadi}"
    );
    let entity = tip(&index, &["search", "--entity", "Abadi", "--count"]);
    assert!(
        entity.contains(
            "no article names the entity \"Abadi\"; did you mean \"Haider al-Abadi\" (PER)?"
        ),
        "{entity}"
    );
}

#[test]
fn an_alias_of_the_users_table_is_suggested_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let aliases = dir.path().join("aliases.tsv");
    std::fs::write(&aliases, "ORG\tEuropol\tEurocops\n").unwrap();
    let args = ["search", "--org", "Eurocopz", "--count"];
    let with = tip(
        &index,
        &[&args[..], &["--aliases", aliases.to_str().unwrap()]].concat(),
    );
    assert!(with.contains("did you mean \"Eurocops\" (ORG)?"), "{with}");
    let without = tip(&index, &args);
    assert!(!without.contains("Eurocops"), "{without}");
}
