//! The `dateline` binary end to end: exit codes, summaries, output formats, errors.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{dateline, sample, sample_id, stderr, stdout};

fn summary_count(out: &str, label: &str) -> usize {
    out.lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix(label)
                .map(|rest| rest.trim().to_string())
        })
        .and_then(|n| n.split_whitespace().next().map(str::to_string))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {label:?} line in:\n{out}"))
}

#[test]
fn quick_start_indexes_the_sample_and_finds_the_phrase() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let out = dateline(&index, &["index", sample().to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    assert_eq!(summary_count(&text, "added"), 12, "{text}");
    assert_eq!(summary_count(&text, "without date"), 2, "{text}");
    assert!(text.contains("articles/s"), "{text}");

    let out = dateline(&index, &["search", "\"foreign fighters\""]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("Coalition ministers meet in London on foreign fighters"),
        "{text}"
    );
    assert!(
        text.contains("Ministers discuss returning foreign fighters"),
        "{text}"
    );
    assert!(text.contains("2 matching articles"), "{text}");
    // Not a terminal: no colour codes.
    assert!(!text.contains('\x1b'), "{text:?}");
}

#[test]
fn reindexing_adds_nothing_twice_replaces_changed_files_and_prunes_deleted_ones() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for name in ["coalition-talks.txt", "space-probe.txt"] {
        fs::copy(sample().join("raw").join(name), corpus.join(name)).unwrap();
    }
    let index = dir.path().join("idx");
    let run = || stdout(&dateline(&index, &["index", corpus.to_str().unwrap()]));
    assert_eq!(summary_count(&run(), "added"), 2);
    let again = run();
    assert_eq!(
        (
            summary_count(&again, "added"),
            summary_count(&again, "unchanged")
        ),
        (0, 2)
    );

    let probe = corpus.join("space-probe.txt");
    let text = fs::read_to_string(&probe)
        .unwrap()
        .replace("sharpest", "clearest");
    fs::write(&probe, text).unwrap();
    let changed = run();
    assert_eq!(summary_count(&changed, "updated"), 1, "{changed}");
    assert_eq!(summary_count(&changed, "in index"), 2, "{changed}");
    let out = dateline(&index, &["search", "clearest", "--count"]);
    assert_eq!(stdout(&out).trim(), "1");
    let out = dateline(&index, &["search", "sharpest", "--count"]);
    assert_eq!(stdout(&out).trim(), "0");

    // A deleted file's article stays until a run prunes it.
    fs::remove_file(&probe).unwrap();
    let kept = run();
    assert_eq!(summary_count(&kept, "in index"), 2, "{kept}");
    let out = dateline(
        &index,
        &[
            "index",
            corpus.to_str().unwrap(),
            "--prune",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (&report["removed"], &report["unchanged"]),
        (&1.into(), &1.into())
    );
    let out = dateline(&index, &["search", "clearest", "--count"]);
    assert_eq!(stdout(&out).trim(), "0");
}

#[test]
fn bad_files_are_reported_with_file_and_line_and_the_rest_is_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::copy(
        sample().join("raw/central-bank.txt"),
        corpus.join("good.txt"),
    )
    .unwrap();
    fs::write(corpus.join("empty.txt"), "").unwrap();
    fs::write(
        corpus.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0, 0],
    )
    .unwrap();
    fs::write(
        corpus.join("latin1.txt"),
        b"Title\n\nCaf\xe9 society returns.\n",
    )
    .unwrap();
    let jsonl = "{\"id\": \"j1\", \"title\": \"First\", \"date\": \"2015-01-02\", \"body\": \"One.\"}\n\
                 {\"id\": \"j2\", \"title\": \"Broken\", \"body\": \n\
                 {\"id\": \"j3\", \"title\": \"Third\", \"date\": \"2015-01-03\", \"body\": \"Three.\"}\n";
    fs::write(corpus.join("feed.jsonl"), jsonl).unwrap();
    let index = dir.path().join("idx");
    let out = dateline(&index, &["index", corpus.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert_eq!(summary_count(&text, "added"), 4, "{text}");
    assert_eq!(summary_count(&text, "skipped"), 3, "{text}");
    let skipped: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Skipped"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    let line_for = |name: &str| {
        skipped
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported in {skipped:?}"))
            .to_string()
    };
    assert!(line_for("empty.txt").contains("empty"));
    assert!(line_for("binary.txt").contains("binary"));
    assert!(
        line_for("feed.jsonl").contains("feed.jsonl:2:"),
        "{skipped:?}"
    );
    // The Latin-1 file is read, with a warning saying as what.
    assert!(!skipped.iter().any(|l| l.contains("latin1.txt")), "{text}");
    let warned = text.lines().skip_while(|l| !l.starts_with("Warnings"));
    assert_eq!(
        warned
            .skip(1)
            .find(|l| l.contains("latin1.txt"))
            .map(str::trim),
        Some(
            format!(
                "{}:3: not UTF-8 (byte 10): read as windows-1252",
                corpus.join("latin1.txt").display()
            )
            .as_str()
        ),
        "{text}"
    );

    let out = dateline(&index, &["search", "*", "--count"]);
    assert_eq!(stdout(&out).trim(), "4");
    let out = dateline(&index, &["search", "café", "--count"]);
    assert_eq!(stdout(&out).trim(), "1");
}

/// serde cannot write a path that is not UTF-8 as a JSON string: the summary used to stop
/// half-way through its line with "path contains invalid UTF-8 characters".
#[cfg(unix)]
#[test]
fn index_json_summary_names_a_file_whose_name_is_not_utf8_lossily_with_its_bytes() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::copy(
        sample().join("raw/central-bank.txt"),
        corpus.join(OsStr::from_bytes(b"bad\xfe.txt")),
    )
    .unwrap();
    fs::write(
        corpus.join(OsStr::from_bytes(b"bad\xff.jsonl")),
        "{not json\n",
    )
    .unwrap();
    fs::write(corpus.join("empty.txt"), "").unwrap();
    let index = dir.path().join("idx");
    // A relative folder, so that the paths in the summary are known bytes.
    let out = common::command(&index, &["index", "corpus", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {text}\nstderr: {}", stderr(&out));
    });
    assert_eq!(json["added"], 1, "{json}");
    let skipped = json["skipped"].as_array().unwrap();
    let entry = |path: &str| {
        skipped
            .iter()
            .find(|s| s["path"] == path)
            .unwrap_or_else(|| panic!("{path:?} not in {json}"))
    };
    let bad = entry("corpus/bad\u{FFFD}.jsonl");
    assert_eq!(bad["path_bytes"], "Y29ycHVzL2JhZP8uanNvbmw=", "{json}");
    assert_eq!(bad["line"], 1, "{json}");
    // A UTF-8 path is written as it is, with no bytes beside it.
    let empty = entry("corpus/empty.txt");
    assert!(empty.get("path_bytes").is_none(), "{json}");
    assert!(
        empty["reason"].as_str().unwrap().contains("empty"),
        "{json}"
    );
}

/// `--memory` is checked when the arguments are parsed, naming the range; the range's ends
/// are the ones tantivy's writer really accepts on this machine.
#[test]
fn memory_budget_is_checked_when_parsed_and_its_bounds_are_tantivys() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::copy(sample().join("raw/central-bank.txt"), corpus.join("a.txt")).unwrap();
    let index_with = |budget: &str| {
        let index = dir.path().join(format!("idx-{budget}"));
        let out = dateline(
            &index,
            &["index", corpus.to_str().unwrap(), "--memory", budget],
        );
        (index, out)
    };

    let (index, out) = index_with("100000");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("error: invalid value '100000' for '--memory <MB>': "),
        "{err}"
    );
    assert!(!err.contains("arena"), "{err}");
    assert!(!index.exists(), "refused before the index was created");
    let max: usize = err
        .split("from 15 to ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no range in {err}"));
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    assert!(
        err.contains(&format!(
            "each of its {threads} indexing threads at most 4293 MB"
        )),
        "{err}"
    );

    for budget in ["14", &(max + 1).to_string(), "lots"] {
        let (_, out) = index_with(budget);
        assert_eq!(out.status.code(), Some(2), "{budget}");
        assert!(
            stderr(&out).contains(&format!("from 15 to {max} on this machine")),
            "{budget}: {}",
            stderr(&out)
        );
    }
    for budget in ["15", &max.to_string()] {
        let (index, out) = index_with(budget);
        assert_eq!(out.status.code(), Some(0), "{budget}: {}", stderr(&out));
        let out = dateline(&index, &["search", "*", "--count"]);
        assert_eq!(stdout(&out).trim(), "1", "{budget}");
    }

    // The same ends, asked of tantivy itself.
    let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
    let writer = |mb: usize| index.writer::<tantivy::TantivyDocument>(mb * 1_000_000);
    assert!(writer(15).is_ok());
    assert!(writer(14).is_err());
    assert!(writer(max).is_ok());
    assert!(writer(max + 1).is_err());
}

#[test]
fn json_output_has_one_object_per_hit_with_typed_entities() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    dateline(&index, &["index", sample().to_str().unwrap()]);
    let out = dateline(
        &index,
        &["search", "Hammond", "--format", "json", "--entity", "Daesh"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let hits: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit["rank"], 1);
    // Outside the folder holding the index, a file's id is its absolute path.
    assert_eq!(hit["id"], sample_id("raw/coalition-talks.txt").as_str());
    assert_eq!(hit["date"], "2015-01-22T15:11:00Z");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert!(hit["snippet"].as_str().unwrap().contains("Hammond"));
    let entities = hit["entities"].as_array().unwrap();
    assert!(entities
        .iter()
        .any(|e| e["type"] == "PER" && e["name"] == "Philip Hammond"));
    assert!(entities
        .iter()
        .any(|e| e["type"] == "ORG" && e["name"] == "Islamic State"));
}

#[test]
fn date_filters_are_inclusive_and_sort_by_date_is_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    dateline(&index, &["index", sample().to_str().unwrap()]);
    let count = |args: &[&str]| {
        let mut all = vec!["search", "*", "--count"];
        all.extend_from_slice(args);
        stdout(&dateline(&index, &all))
            .trim()
            .parse::<usize>()
            .unwrap()
    };
    assert_eq!(count(&[]), 12);
    assert_eq!(count(&["--from", "2015-01-22", "--to", "2015-01-22"]), 1);
    assert_eq!(count(&["--from", "2015-02-01"]), 4);
    assert_eq!(count(&["--to", "2015-01-20T00:00:00Z"]), 2);
    let out = dateline(
        &index,
        &[
            "search", "*", "--sort", "date", "--format", "json", "-n", "3",
        ],
    );
    let dates: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].to_string())
        .collect();
    assert_eq!(dates.len(), 3);
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

#[test]
fn search_without_a_query_lists_what_the_filters_admit_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    dateline(&index, &["index", sample().to_str().unwrap()]);
    let dates = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search", "--format", "json", "-n", "50"];
        all.extend_from_slice(args);
        let out = dateline(&index, &all);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].to_string())
            .collect()
    };
    let all = dates(&[]);
    assert_eq!(all.len(), 12);
    let dated: Vec<&String> = all.iter().filter(|d| *d != "null").collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{all:?}");
    let daesh = dates(&[
        "--org",
        "Daesh",
        "--from",
        "2015-01-01",
        "--to",
        "2015-01-31",
    ]);
    assert!(!daesh.is_empty() && daesh.len() < all.len(), "{daesh:?}");
    assert!(daesh.windows(2).all(|w| w[0] >= w[1]), "{daesh:?}");
    // `--sort relevance` keeps the order asked for.
    assert_eq!(dates(&["--sort", "relevance"]).len(), 12);
}

#[test]
fn star_lists_newest_first_hits_show_their_id_and_odd_filters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    dateline(&index, &["index", sample().to_str().unwrap()]);
    let out = dateline(&index, &["search", "*", "--format", "json", "-n", "50"]);
    let dates: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].to_string())
        .filter(|d| d != "null")
        .collect();
    assert!(
        dates.len() > 2 && dates.windows(2).all(|w| w[0] >= w[1]),
        "{dates:?}"
    );
    // A wire article is listed by its URL: its id, which `show` takes, is printed beside it.
    let out = dateline(
        &index,
        &["search", "\"foreign fighters\"", "--color", "never"],
    );
    assert!(stdout(&out).contains("https://example.org/wire/003 · id wire-003 · score"));
    let refused = |args: &[&str], says: &str| {
        let out = dateline(&index, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    };
    refused(
        &[
            "search",
            "oil",
            "--from",
            "2015-02-01",
            "--to",
            "2015-01-01",
        ],
        "--to 2015-01-01 is before --from 2015-02-01",
    );
    refused(&["search", "oil", "--entity", " "], "needs a name");
    refused(&["search", "oil", "--lang", "English"], "ISO 639-1");
    refused(&["search", "oil", "--from", "2015-02-30"], "no such day");
    refused(&["search", "\"oil oil\"~2"], "cannot repeat a word");
}

#[test]
fn entities_takes_the_filters_of_search_and_counts_within_them() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    dateline(&index, &["index", sample().to_str().unwrap()]);
    let top = |args: &[&str]| -> Vec<(String, u64)> {
        let mut all = vec!["entities", "--type", "org", "--format", "json"];
        all.extend_from_slice(args);
        let out = dateline(&index, &all);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let list: Vec<serde_json::Value> = serde_json::from_str(stdout(&out).trim()).unwrap();
        list.iter()
            .map(|e| {
                (
                    e["name"].as_str().unwrap().to_string(),
                    e["articles"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let beside = top(&["--org", "Europol"]);
    assert_eq!(beside[0], ("Europol".to_string(), 2), "{beside:?}");
    // Islamic State is named in two articles, one of them beside Europol.
    assert!(top(&[]).contains(&("Islamic State".to_string(), 2)));
    assert!(
        beside.contains(&("Islamic State".to_string(), 1)),
        "{beside:?}"
    );
    assert!(
        !beside.iter().any(|(name, _)| name == "Bank of England"),
        "{beside:?}"
    );
}

#[test]
fn malformed_queries_and_dates_exit_2_with_a_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    dateline(&index, &["index", sample().to_str().unwrap()]);
    let out = dateline(&index, &["search", "(Hammond OR Kerry"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("column 1") && err.contains("never closed"),
        "{err}"
    );
    assert!(err.contains("  (Hammond OR Kerry\n  ^"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    // A slop inside the quotes would search the word `2`: the error shows where it goes.
    let out = dateline(&index, &["search", "\"foreign fighters~2\""]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: invalid query: column 18: a phrase's `~N` goes after its closing quote: \
         write \"foreign fighters\"~2\n  \"foreign fighters~2\"\n                   ^\n"
    );

    let out = dateline(&index, &["search", "Hammond", "--from", "22/13/2015"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("22/13/2015"), "{}", stderr(&out));
}

#[test]
fn searching_without_an_index_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(&dir.path().join("nothing"), &["search", "Hammond"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no Dateline index"),
        "{}",
        stderr(&out)
    );
    let out = dateline(&dir.path().join("idx"), &["index", "/no/such/path"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/path"), "{}", stderr(&out));
}

#[test]
fn colour_is_forced_with_color_always_and_stats_print_json() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    dateline(&index, &["index", sample().to_str().unwrap()]);
    let out = dateline(&index, &["--color", "always", "search", "Hammond"]);
    assert!(stdout(&out).contains("\x1b["), "{}", stdout(&out));
    let out = dateline(&index, &["stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["articles"], 12);
    assert_eq!(stats["without_date"], 2);
    assert_eq!(stats["first_date"], "2015-01-13T08:00:00Z");
    let people = stats["top_entities"]["PER"].as_array().unwrap();
    assert!(
        people.iter().any(|p| p[0] == "Philip Hammond"),
        "{people:?}"
    );
}

/// A tiny collection for `dateline eval`: JSON Lines docs, TSV and TREC topics, qrels.
fn eval_fixture(dir: &Path) -> (PathBuf, PathBuf, PathBuf, PathBuf) {
    let docs = dir.join("docs.jsonl");
    fs::write(
        &docs,
        concat!(
            r#"{"id": "d1", "title": "Time sharing systems", "date": null, "body": "Time-sharing on large computers: scheduling and swapping."}"#,
            "\n",
            r#"{"id": "d2", "title": "Numerical integration", "date": null, "body": "Quadrature rules for ordinary differential equations."}"#,
            "\n",
            r#"{"id": "d3", "title": "Nuclear test ban", "date": null, "body": "The test ban treaty and the Soviet position at Geneva."}"#,
            "\n",
        ),
    )
    .unwrap();
    let tsv = dir.join("topics.tsv");
    // ALL CAPS operators, a stray `-`, `:`, an unclosed quote and parenthesis: all plain words.
    fs::write(
        &tsv,
        "1\tTIME-SHARING SYSTEMS AND SCHEDULING - NOT \"BATCH\n\
         2\tNUCLEAR TEST BAN: WHAT IS THE SOVIET POSITION (GENEVA\n\
         3\tOR AND NOT -\n",
    )
    .unwrap();
    let trec = dir.join("topics.trec");
    fs::write(
        &trec,
        "<top>\n<num> Number: 1\n<title> time sharing\n<desc> Description: x\n</top>\n\
         <top>\n<num> Number: 2\n<title> quadrature\n</top>\n",
    )
    .unwrap();
    let qrels = dir.join("qrels.txt");
    fs::write(&qrels, "1 0 d1 1\n2 0 d3 1\n2 0 d2 0\n3 0 d2 1\n").unwrap();
    (docs, tsv, trec, qrels)
}

#[test]
fn eval_runs_prose_topics_writes_a_run_and_scores_run_files() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let (docs, tsv, trec, qrels) = eval_fixture(dir.path());
    let out = dateline(&index, &["index", docs.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let run = dir.path().join("run.txt");
    let out = dateline(
        &index,
        &[
            "eval",
            "--topics",
            tsv.to_str().unwrap(),
            "--qrels",
            qrels.to_str().unwrap(),
            "--run-out",
            run.to_str().unwrap(),
            "--tag",
            "t1",
            "--per-query",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("query      map  ndcg@10"), "{text}");
    // Topics 1 and 2 find their document first; topic 3 (only operators and stop words)
    // is searched for its words and finds nothing relevant, scoring 0 but counting.
    let row = |q: &str| {
        text.lines()
            .find(|l| l.split_whitespace().next() == Some(q))
            .unwrap_or_else(|| panic!("no row {q} in {text}"))
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    assert_eq!(row("1"), 1.0, "{text}");
    assert_eq!(row("2"), 1.0, "{text}");
    assert_eq!(row("3"), 0.0, "{text}");
    assert!(text.contains("queries: 3"), "{text}");
    let lines = fs::read_to_string(&run).unwrap();
    let first: Vec<&str> = lines.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(first[..4], ["1", "Q0", "d1", "1"], "{lines}");
    assert_eq!(first[5], "t1");

    // Scoring the run file gives the same numbers, in JSON too.
    let out = dateline(
        &index,
        &[
            "eval",
            "--run",
            run.to_str().unwrap(),
            "--qrels",
            qrels.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    // Without -c, a query absent from the run is left out of the mean.
    let queries = json["queries"].as_u64().unwrap();
    assert!(queries == 2 || queries == 3, "{json}");
    assert!(json["mean"]["ndcg_10"].as_f64().unwrap() > 0.6, "{json}");

    // TREC <top> topics.
    let out = dateline(
        &index,
        &[
            "eval",
            "--topics",
            trec.to_str().unwrap(),
            "--qrels",
            qrels.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("queries: 3"), "{}", stdout(&out));

    // Neither --topics nor --run: a usage error.
    let out = dateline(&index, &["eval", "--qrels", qrels.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

/// trec_eval stops on a run that retrieves a document twice for one query; `eval` used to keep
/// the first silently.
#[test]
fn eval_refuses_a_run_file_that_retrieves_a_document_twice_for_one_query() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, _, qrels) = eval_fixture(dir.path());
    let run = dir.path().join("dup.run");
    fs::write(
        &run,
        "1 Q0 d1 1 2.0 t\n1 Q0 d2 2 1.0 t\n2 Q0 d1 1 2.0 t\n\n1 Q0 d1 3 0.5 t\n",
    )
    .unwrap();
    let out = dateline(
        &dir.path().join("idx"),
        &[
            "eval",
            "--run",
            run.to_str().unwrap(),
            "--qrels",
            qrels.to_str().unwrap(),
        ],
    );
    common::assert_one_line_error(
        &out,
        &format!(
            "{}:5: duplicate result for query \"1\" document \"d1\" (first on line 1)",
            run.display()
        ),
    );
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
}

#[test]
fn gzipped_json_lines_from_stdin_go_in_beside_files_and_empty_files_are_reported() {
    let Some(reuters) = common::shared_data("reuters21578") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("more");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("empty.jsonl"), "").unwrap();
    fs::write(
        folder.join("two.jsonl"),
        "{\"id\": \"extra-1\", \"title\": \"Hammond in London\", \"body\": \"Philip Hammond spoke.\"}\n{oops\n",
    )
    .unwrap();
    let index = dir.path().join("idx");
    let gz = fs::File::open(reuters.join("docs.jsonl.gz")).unwrap();
    let out = common::command(
        &index,
        &[
            "index",
            "-",
            folder.to_str().unwrap(),
            "--keep-duplicates",
            "--format",
            "json",
        ],
    )
    .stdin(gz)
    .output()
    .unwrap();
    // Some input could not be read: exit 1, the rest indexed.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["added"], 21_578 + 1, "{report}");
    // Standard input counts its bytes as read (gzipped, as files do), as the folder's do.
    let gz_bytes = fs::metadata(reuters.join("docs.jsonl.gz")).unwrap().len();
    let two_bytes = fs::metadata(folder.join("two.jsonl")).unwrap().len();
    assert_eq!(report["bytes"], gz_bytes + two_bytes, "{report}");
    let skipped = report["skipped"].as_array().unwrap();
    let reasons: Vec<String> = skipped
        .iter()
        .map(|s| format!("{}:{} {}", s["path"], s["line"], s["reason"]))
        .collect();
    assert_eq!(skipped.len(), 2, "{reasons:?}");
    assert!(reasons[0].contains("empty.jsonl") && reasons[0].contains("empty"));
    assert!(reasons[1].contains("two.jsonl") && reasons[1].contains(":2 "));
    let found = dateline(&index, &["search", "\"producer prices\"", "--count"]);
    assert!(stdout(&found).trim().parse::<usize>().unwrap() > 0);
}

#[test]
fn a_misspelled_entity_filter_suggests_the_known_entity_also_with_count() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let out = dateline(&index, &["index", sample().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for extra in [&[][..], &["--count"][..]] {
        let mut args = vec!["search", "--person", "Philip Hamond", "fighters"];
        args.extend_from_slice(extra);
        let out = dateline(&index, &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let tip = stderr(&out);
        assert!(
            tip.contains("did you mean \"Philip Hammond\" (PER)"),
            "{extra:?}: {tip}"
        );
        if extra == ["--count"] {
            // Standard output keeps the bare count for scripts.
            assert_eq!(stdout(&out).trim(), "0");
        }
    }
}

#[test]
fn bench_reports_latency_zero_hit_queries_and_the_slowest_queries_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let out = dateline(&index, &["index", sample().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let queries = dir.path().join("queries.tsv");
    fs::write(
        &queries,
        "# id, query, optional from and until (exclusive)\n\
         q1\t\"foreign fighters\"\n\
         q2\tzebrafish\n\
         q3\tministers\t2015-01-21\t2015-01-22\n",
    )
    .unwrap();
    let out = dateline(
        &index,
        &[
            "bench",
            "--queries",
            queries.to_str().unwrap(),
            "--warmup",
            "0",
            "--passes",
            "3",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(report["queries"], 3);
    assert_eq!(report["passes"], 3);
    // `zebrafish` is in no sample article; the date filter leaves q3 with none either (the
    // ministers' meeting is dated the 20th and 22nd, and `until` is exclusive).
    assert_eq!(report["zero_hits"], 2, "{report}");
    let slowest = report["slowest"].as_array().unwrap();
    let ids: std::collections::BTreeSet<&str> =
        slowest.iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["q1", "q2", "q3"].into_iter().collect());
    let times: Vec<f64> = slowest.iter().map(|q| q["us"].as_f64().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert!(report["p50_us"].as_f64().unwrap() > 0.0);

    // `search`'s filters apply to every query: the fighters article names Philip Hammond (by
    // surname here) but no organisation called Hammond.
    let zero_hits = |filter: &[&str]| {
        let mut args = vec!["bench", "--queries", queries.to_str().unwrap()];
        args.extend(["--warmup", "0", "--passes", "1", "--format", "json"]);
        args.extend(filter);
        let out = dateline(&index, &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let report: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        report["zero_hits"].as_u64().unwrap()
    };
    assert_eq!(zero_hits(&["--person", "hammond"]), 2);
    assert_eq!(zero_hits(&["--org", "Hammond"]), 3);
    assert_eq!(
        zero_hits(&["--entity", "Philip Hammond", "--to", "2014-12-31"]),
        3
    );
}

#[test]
fn optimize_merges_the_segments_of_several_runs_and_searches_find_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    // Two runs, two commits: at least two segments.
    let raw = sample().join("raw");
    let out = dateline(&index, &["index", raw.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let wire = sample().join("wire.jsonl");
    let out = dateline(&index, &["index", wire.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let count = |q: &str| {
        stdout(&dateline(&index, &["search", q, "--count"]))
            .trim()
            .to_string()
    };
    let before = (
        count("\"foreign fighters\""),
        count("Hammond"),
        count("the"),
    );

    let out = dateline(&index, &["optimize", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert!(report["segments_before"].as_u64().unwrap() >= 2, "{report}");
    assert_eq!(report["segments_after"], 1, "{report}");
    assert_eq!(report["articles"], 12, "{report}");
    assert_eq!(
        (
            count("\"foreign fighters\""),
            count("Hammond"),
            count("the")
        ),
        before
    );

    let out = dateline(&index, &["optimize"]);
    assert_eq!(
        stdout(&out).trim(),
        "already one segment or none (12 articles): nothing to merge"
    );
}

#[test]
fn streams_piped_in_without_ids_never_replace_each_other() {
    // Four of the sample's wire stories without their ids, as two streams of two.
    let wire = fs::read_to_string(sample().join("wire.jsonl")).unwrap();
    let records: Vec<String> = wire
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("id");
            v.to_string()
        })
        .collect();
    assert!(records.len() >= 4);
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let pipe = |records: &[String]| -> serde_json::Value {
        let mut child = common::command(&index, &["index", "-", "--format", "json"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(
            &mut child.stdin.take().unwrap(),
            (records.join("\n") + "\n").as_bytes(),
        )
        .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    assert_eq!(pipe(&records[..2])["added"], 2);
    // Line numbers as ids would have made these two replace the first two.
    let second = pipe(&records[2..4]);
    assert_eq!(
        (second["added"].as_u64(), second["updated"].as_u64()),
        (Some(2), Some(0))
    );
    let again = pipe(&records[..2]);
    assert_eq!(again["unchanged"], 2, "{again}");
    // The same records with Windows line ends and re-serialised are the same articles.
    let crlf: Vec<String> = records[..2]
        .iter()
        .map(|r| {
            let v: serde_json::Value = serde_json::from_str(r).unwrap();
            serde_json::to_string_pretty(&v).unwrap().replace('\n', " ") + "\r"
        })
        .collect();
    assert_eq!(pipe(&crlf)["unchanged"], 2);
    // An id given in two streams: the second replaces the first, with a warning, since a
    // stream has no name to tell an update from another export. (Each story gets a new
    // paragraph: unchanged, they would be copies of the articles indexed above.)
    let with_id = |r: &String| {
        let mut v: serde_json::Value = serde_json::from_str(r).unwrap();
        v["id"] = serde_json::Value::from("wire-1");
        let body = format!("{}\n\nUpdated.", v["body"].as_str().unwrap());
        v["body"] = serde_json::Value::from(body);
        v.to_string()
    };
    pipe(&[with_id(&records[0])]);
    let replaced = pipe(&[with_id(&records[1])]);
    assert_eq!(replaced["updated"], 1, "{replaced}");
    let reason = replaced["warnings"][0]["reason"]
        .as_str()
        .unwrap_or_default();
    assert!(
        reason.contains("replaces the article of that id read from standard input"),
        "{replaced}"
    );
    let count = dateline(&index, &["search", "*", "--count"]);
    assert_eq!(stdout(&count).trim(), "5");
}

#[test]
fn extract_prints_the_seed_with_the_id_the_index_gives_it_and_offsets_into_its_fields() {
    let Some(seed) = common::shared_data("seed") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("news")).unwrap();
    let copy = dir.path().join("news/talks.txt");
    fs::copy(seed.join("london-terror-talks.txt"), &copy).unwrap();
    let index = dir.path().join(".dateline");
    // Named through `..`, from the folder that holds the default index, as a user would.
    let out = common::command(&index, &["extract", "news/../news/talks.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let article: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(article["id"], "news/talks.txt");
    assert_eq!(article["title"], "London hosts terror talks to combat ISIS");
    let body = article["body"].as_str().unwrap();
    let title = article["title"].as_str().unwrap();
    let mentions = article["mentions"].as_array().unwrap();
    for m in mentions {
        let field = if m["field"] == "title" { title } else { body };
        let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        assert_eq!(&field[start as usize..end as usize], m["text"], "{m}");
    }
    let people: Vec<&str> = article["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "PER")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for name in ["Philip Hammond", "Haider al-Abadi", "John Kerry"] {
        assert!(people.contains(&name), "{name} not in {people:?}");
    }

    let out = common::command(&index, &["index", "news", "--quiet"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = common::command(&index, &["search", "Hammond", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    // One hit a line.
    let text = stdout(&out);
    let hit: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(hit["id"], article["id"], "{text}");
}
