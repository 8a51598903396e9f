//! "Did you mean" on standard error when an entity filter matches nothing, through the
//! command: aliases (built in and from `--aliases`), swapped letters and the parts of a name.

mod common;

use std::path::Path;

use common::*;

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
    // `Abady`, a word of `Haider al-Abadi`'s surname misspelt, suggests him; spelt right
    // (the surname without its article), it finds him.
    let abady = tip(&index, &["search", "--person", "Abady"]);
    assert!(
        abady.contains("did you mean \"Haider al-Abadi\" (PER)?"),
        "{abady}"
    );
    let entity = tip(&index, &["search", "--entity", "Abady", "--count"]);
    assert!(
        entity.contains(
            "no article names the entity \"Abady\"; did you mean \"Haider al-Abadi\" (PER)?"
        ),
        "{entity}"
    );
    let abadi = dateline(&index, &["search", "--person", "Abadi", "--count"]);
    assert_eq!(stdout(&abadi), "1\n", "{}", stderr(&abadi));
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

#[test]
fn aliases_given_to_index_are_used_by_the_searches_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let aliases = dir.path().join("aliases.tsv");
    std::fs::write(&aliases, "ORG\tEuropol\tEurocops\n").unwrap();
    let sample = sample();
    let reindex = |file: &Path| {
        let args = ["index", sample.to_str().unwrap(), "--quiet", "--aliases"];
        let out = dateline(&index, &[&args[..], &[file.to_str().unwrap()]].concat());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    };
    reindex(&aliases);
    let args = ["search", "--org", "Eurocopz", "--count"];
    let kept = tip(&index, &args);
    assert!(kept.contains("did you mean \"Eurocops\" (ORG)?"), "{kept}");
    let stats = stdout(&dateline(&index, &["stats"]));
    assert!(stats.contains("user aliases  1\n"), "{stats}");
    // An empty file goes back to the built-in aliases.
    let empty = dir.path().join("empty.tsv");
    std::fs::write(&empty, "").unwrap();
    reindex(&empty);
    assert!(!tip(&index, &args).contains("Eurocops"));
    assert!(!stdout(&dateline(&index, &["stats"])).contains("user aliases"));
}

#[test]
fn entity_filters_tell_of_articles_indexed_without_entities() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let sample = sample();
    let run_index = |extra: &[&str]| {
        let args = ["index", sample.to_str().unwrap(), "--quiet"];
        let out = dateline(&index, &[&args[..], extra].concat());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    };
    run_index(&["--no-entities"]);
    let articles = stdout(&dateline(&index, &["stats"]));
    let articles = articles.lines().next().unwrap().split_whitespace().last();
    let note = format!(
        "note: {} articles of the index were indexed without entities (--no-entities)",
        articles.unwrap()
    );
    for args in [
        &["search", "--person", "Philip Hammond", "--count"][..],
        &["search", "talks person:Hammond"],
        &["search", "talks", "--facets"],
        &["entities"],
        &["entities", "--type", "country"],
    ] {
        assert!(tip(&index, args).contains(&note), "{args:?}");
    }
    // Words alone need no entities.
    assert!(!tip(&index, &["search", "talks"]).contains("note:"));
    // Read again with extraction, the articles are seen.
    run_index(&[]);
    let out = dateline(&index, &["search", "--person", "Philip Hammond", "--count"]);
    assert!(!stderr(&out).contains("note:"), "{}", stderr(&out));
    assert_ne!(stdout(&out), "0\n");
}

#[test]
fn a_word_no_article_contains_is_suggested_as_the_articles_write_the_closest_one() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    // Nothing matches: the count on standard output, the tip on standard error.
    let hamond = tip(&index, &["search", "Hamond", "--count"]);
    assert_eq!(
        hamond,
        "no article contains \"Hamond\"; did you mean \"Hammond\" (1 article)?\n"
    );
    // A word inside a phrase, and one beside words that match: a bag of words would
    // otherwise drop it without a word.
    let phrase = tip(&index, &["search", "\"foreign figters\""]);
    assert!(
        phrase.contains("no article contains \"figters\"; did you mean \"fighters\""),
        "{phrase}"
    );
    let out = dateline(&index, &["search", "Abadi", "Kobanni"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("kurdish-forces.txt"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("no article contains \"Kobanni\"; did you mean \"Kobani\""),
        "{}",
        stderr(&out)
    );
    // Words that are there, excluded words and words matched loosely get none.
    for query in [
        "Hammond coalition",
        "coalition -Hamond",
        "Hamond~1",
        "Hamo*",
    ] {
        let out = dateline(&index, &["search", query]);
        assert_eq!(out.status.code(), Some(0), "{query}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{query}");
    }
}

#[test]
fn a_word_few_articles_contain_beside_a_far_more_common_one_is_suggested_with_both_counts() {
    let Some(bbc) = shared_data("bbc-news") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path(), &bbc.join("docs.jsonl"));
    let count = |word: &str| -> String {
        let out = dateline(&index, &["search", word, "--count"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out).trim().to_string()
    };
    // BBC News writes `spokeman` once, `spokesman` in hundreds of stories.
    let spokesman = count("spokesman");
    let out = dateline(&index, &["search", "spokeman", "--count"]);
    assert_eq!(stdout(&out), "1\n");
    assert_eq!(
        stderr(&out),
        format!(
            "only 1 article contains \"spokeman\"; did you mean \"spokesman\" ({spokesman} articles)?\n"
        )
    );
    // A name it writes once (`Robert Sinche`) is no misspelling of `since`.
    let out = dateline(&index, &["search", "Sinche", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert_eq!(stdout(&out).lines().count(), 1);
}
