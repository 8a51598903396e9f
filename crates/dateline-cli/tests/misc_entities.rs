//! Miscellaneous entities (demonyms and other names, `MISC`) are filtered and counted, so
//! every output that lists an article's or the index's entities lists them too: `show` (text
//! and JSON), search hits and `stats` (text and JSON); and `entities --format json` is the
//! one JSON array the README describes.

mod common;

use common::*;

fn json_lines(out: &std::process::Output) -> Vec<serde_json::Value> {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn names_misc(entities: &serde_json::Value, name: &str) -> bool {
    entities
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["type"] == "MISC" && e["name"] == name)
}

#[test]
fn show_hits_and_stats_list_miscellaneous_entities() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    // The filter and the listing both know `Kurdish`.
    let hits = json_lines(&dateline(
        &index,
        &["search", "--entity", "Kurdish", "--format", "json"],
    ));
    assert!(!hits.is_empty());
    for hit in &hits {
        assert!(names_misc(&hit["entities"], "Kurdish"), "{hit}");
    }
    let id = hits[0]["id"].as_str().unwrap();

    let shown = json_lines(&dateline(&index, &["show", id, "--format", "json"]));
    assert!(names_misc(&shown[0]["entities"], "Kurdish"), "{}", shown[0]);
    let out = dateline(&index, &["show", id]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let other = text
        .lines()
        .find(|l| l.trim_start().starts_with("other "))
        .unwrap_or_else(|| panic!("no `other` line: {text}"));
    assert!(other.contains("Kurdish"), "{other}");

    let stats = json_lines(&dateline(&index, &["stats", "--format", "json"]));
    let misc = stats[0]["top_entities"]["MISC"].as_array().unwrap();
    assert!(
        misc.iter().any(|row| row[0] == "Kurdish" && row[1] == 1),
        "{misc:?}"
    );
    let out = dateline(&index, &["stats"]);
    let text = stdout(&out);
    let below = text
        .split("\nother\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no `other` heading: {text}"));
    assert!(below.contains("Kurdish"), "{text}");
}

#[test]
fn entities_as_json_is_one_array_of_rows() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let rows = json_lines(&dateline(
        &index,
        &["entities", "--type", "misc", "--format", "json"],
    ));
    assert_eq!(rows.len(), 1, "one line");
    let rows = rows[0].as_array().expect("an array");
    assert!(rows
        .iter()
        .any(|r| r["type"] == "MISC" && r["name"] == "Kurdish" && r["articles"] == 1));
}

#[test]
fn a_misc_filter_finds_the_articles_naming_that_nationality_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search", "--format", "json"];
        all.extend_from_slice(args);
        json_lines(&dateline(&index, &all))
            .iter()
            .map(|hit| {
                assert!(names_misc(&hit["entities"], "Kurdish"), "{hit}");
                hit["id"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let kurdish = ids(&["--misc", "Kurdish"]);
    assert_eq!(kurdish.len(), 1, "the sample's Kurdish forces story");
    assert_eq!(ids(&["--misc", "KURDISH"]), kurdish);
    assert_eq!(ids(&["forces", "--misc", "kurdish"]), kurdish);
    // A nationality is not a place: `--place Kurdish` names no place.
    let out = dateline(
        &index,
        &["search", "--place", "Kurdish", "--format", "json"],
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_misc_filter_by_a_plural_demonym_finds_the_singular_entity() {
    let Some(bbc) = shared_data("bbc-news") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path(), &bbc.join("docs.jsonl"));
    let ids = |name: &str| -> Vec<String> {
        let out = dateline(
            &index,
            &[
                "search", "--misc", name, "--limit", "1000", "--format", "json",
            ],
        );
        json_lines(&out)
            .iter()
            .map(|hit| {
                assert!(names_misc(&hit["entities"], "American"), "{hit}");
                hit["id"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let american = ids("American");
    assert!(
        american.len() > 100,
        "BBC names Americans often: {}",
        american.len()
    );
    // The extractor names `Americans` by the singular; the filter reads the plural so too.
    assert_eq!(ids("Americans"), american);
    assert_eq!(ids("AMERICANS"), american);
}
