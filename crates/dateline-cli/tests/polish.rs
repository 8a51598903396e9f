//! Exit codes, error lines and quiet output of `extract`, `bench`, `search` and `entities`:
//! each test runs the binary and compares standard error and the exit status exactly.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use common::{dateline, sample, stderr, stdout};

/// The standard output of a run of `args` on `index` that must succeed.
fn succeeds(index: &Path, args: &[&str]) -> String {
    let out = dateline(index, args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// The ids of every hit of `dateline search ARGS --format json -n all`, in rank order.
fn hit_ids(index: &Path, args: &[&str]) -> Vec<String> {
    let mut full = vec!["search", "--format", "json", "-n", "all"];
    full.extend_from_slice(args);
    succeeds(index, &full)
        .lines()
        .map(|line| {
            let hit: serde_json::Value = serde_json::from_str(line).unwrap();
            hit["id"].as_str().unwrap().to_string()
        })
        .collect()
}

/// An index of the sample corpus in `dir`.
fn sample_index(dir: &Path) -> std::path::PathBuf {
    let index = dir.join("idx");
    let out = dateline(&index, &["index", "--quiet", sample().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    index
}

#[test]
fn extract_skips_unreadable_input_with_one_line_each_and_exits_1_and_warns_of_legacy_text() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join(".dateline");
    // An invalid byte on line 5, byte 58 (as in BBC News sport/199.txt).
    let mut bad = b"Chelsea sack Mutu\n22 January 2015\n\nThe striker failed.\n".to_vec();
    bad.extend_from_slice(b"He \xe9 said\n");
    fs::write(dir.path().join("bad.txt"), &bad).unwrap();
    fs::write(
        dir.path().join("two.jsonl"),
        "{\"id\": \"a\", \"title\": \"Talks\", \"body\": \"Hammond met Kerry.\"}\n{oops\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("news")).unwrap();
    let run = |args: &[&str]| {
        common::command(&index, args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };

    // Read all the same, with a warning: the line once, beside the file.
    let out = run(&["extract", "bad.txt"]);
    assert_eq!(
        stderr(&out),
        "warning: bad.txt:5: not UTF-8 (byte 58): read as windows-1252\n"
    );
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(printed["body"], "The striker failed. He é said");

    // A missing file and a bad line are each skipped (an empty folder holds nothing to skip);
    // the rest is printed.
    let out = run(&["extract", "news", "missing.txt", "two.jsonl"]);
    assert_eq!(
        stderr(&out),
        "skipped: missing.txt: cannot read: No such file or directory (os error 2)\n\
         skipped: two.jsonl:2: malformed JSON: key must be a string (column 2)\n"
    );
    assert_eq!(out.status.code(), Some(1));
    let printed: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(printed.len(), 1);
    assert_eq!(printed[0]["id"], "a");
}

#[test]
fn extract_reads_a_folder_as_index_does_same_articles_ids_and_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    fs::create_dir_all(news.join("wire")).unwrap();
    for entry in fs::read_dir(sample().join("raw")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, news.join(path.file_name().unwrap())).unwrap();
    }
    fs::copy(sample().join("wire.jsonl"), news.join("wire/wire.jsonl")).unwrap();
    // What index passes over, extract passes over too: no article format, hidden files.
    fs::write(news.join("scan.pdf"), b"%PDF-1.4").unwrap();
    fs::write(news.join(".notes.txt"), "Secret draft\n\nNot an article.\n").unwrap();
    let run = |args: &[&str]| {
        common::command(&dir.path().join(".dateline"), args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };

    let out = run(&["extract", "news"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let extracted: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let raw_files = fs::read_dir(sample().join("raw")).unwrap().count();
    let wire_lines = fs::read_to_string(sample().join("wire.jsonl"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(extracted.len(), raw_files + wire_lines);
    // Files in name order, as index reads them: `news/central-bank.txt` first.
    assert_eq!(extracted[0]["id"], "news/central-bank.txt");

    let out = run(&["index", "--quiet", "news"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for article in &extracted {
        let id = article["id"].as_str().unwrap();
        let out = run(&["show", id, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "show {id}: {}", stderr(&out));
        let shown: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        assert_eq!(shown["title"], article["title"], "{id}");
        assert_eq!(shown["body"], article["body"], "{id}");
    }
}

#[test]
fn extract_of_the_real_bbc_file_with_a_latin1_byte_reads_it_and_names_its_line_once() {
    let Some(sport) = common::shared_data("bbc-news/raw/sport") else {
        return;
    };
    let file = sport.join("199.txt");
    let out = dateline(
        Path::new("/nonexistent-index"),
        &["extract", file.to_str().unwrap()],
    );
    assert_eq!(
        stderr(&out),
        format!(
            "warning: {}:5: not UTF-8 (byte 257): read as windows-1252\n",
            file.display()
        )
    );
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert!(printed["body"]
        .as_str()
        .unwrap()
        .contains("a £15.8m signing"));
}

#[test]
fn extract_into_a_closed_pipe_ends_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    // Far more output than a pipe holds, in records longer than stdout's line buffer, so
    // that writes go on after the reader has gone.
    let body = "Hammond met Kerry in London to discuss the coalition. ".repeat(100);
    let mut jsonl = String::new();
    for i in 0..2_000 {
        jsonl.push_str(&format!(
            "{{\"id\": \"{i}\", \"title\": \"Talks {i}\", \"body\": \"{body}\"}}\n"
        ));
    }
    let file = dir.path().join("many.jsonl");
    fs::write(&file, jsonl).unwrap();
    for _ in 0..3 {
        let mut child = common::command(dir.path(), &["extract", file.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, as `head -1` does, then close the pipe.
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(first.starts_with("{\"id\":\"0\""), "{first}");
        let out = child.wait_with_output().unwrap();
        assert_eq!(stderr(&out), "");
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn extract_help_lists_the_mention_fields_without_a_run_of_spaces() {
    let out = dateline(Path::new("/nonexistent-index"), &["extract", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(
        help.contains(r#"{"field": "title"|"body", "start", "end", "text","#),
        "{help}"
    );
    assert!(help.contains("TYPE = PER|ORG|LOC|MISC,"), "{help}");
    assert!(help.contains("Examples:"), "{help}");
    let after_options = &help[help.find("Mentions:").unwrap()..];
    for line in after_options.lines() {
        assert!(!line.trim().contains("   "), "a run of spaces: {line:?}");
    }
}

#[test]
fn bench_names_the_file_and_line_of_each_bad_query_before_timing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let bench = |name: &str, content: &str, extra: &[&str]| {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let mut args = vec!["bench", "--queries", path.to_str().unwrap()];
        args.extend(extra);
        let out = dateline(&index, &args);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stdout(&out));
        assert_eq!(stdout(&out), "", "{name}: nothing timed");
        (path.display().to_string(), stderr(&out))
    };

    let (q, err) = bench("quote.tsv", "1\toil\n2\t\"crude oil\n", &[]);
    assert_eq!(
        err,
        format!(
            "error: {q}:2: invalid query: column 1: this `\"` is never closed\n  \"crude oil\n  ^\n"
        )
    );
    let (q, err) = bench(
        "date.tsv",
        "1\toil\n\n2\toil\t1987-13-01\t1988-01-01\n",
        &[],
    );
    assert_eq!(
        err,
        format!(
            "error: {q}:3: invalid date \"1987-13-01\": no such date \"1987-13-01\": months run \
             from 01 to 12\n"
        )
    );
    let (q, err) = bench("until.tsv", "1\toil\t1987-01-01\t1987-02-30\n", &[]);
    assert_eq!(
        err,
        format!(
            "error: {q}:1: invalid date \"1987-02-30\": no such date \"1987-02-30\": that month \
             has no such day\n"
        )
    );
    let (q, err) = bench("notab.tsv", "# comment\noil\n", &[]);
    assert_eq!(err, format!("error: {q}:2: expected qid<TAB>query\n"));
    let (q, err) = bench("three.tsv", "1\toil\t1987-01-01\n", &[]);
    assert_eq!(
        err,
        format!(
            "error: {q}:1: expected qid<TAB>query or qid<TAB>query<TAB>from<TAB>until, found 3 \
             columns\n"
        )
    );
    let (q, err) = bench("empty.tsv", "# only a comment\n\n", &[]);
    assert_eq!(
        err,
        format!(
            "error: {q} holds no queries: expected qid<TAB>query lines (blank lines and lines \
             starting with # are passed over)\n"
        )
    );
    let (_, err) = bench("empty2.tsv", "", &[]);
    assert!(err.contains("holds no queries"), "{err}");

    // A count of 0 is refused when the arguments are parsed, --passes as --k.
    for flag in ["--passes", "--k"] {
        let (_, err) = bench("good.tsv", "1\toil\n", &[flag, "0"]);
        assert!(
            err.starts_with(&format!(
                "error: invalid value '0' for '{flag} <{}>': expected a whole number, 1 or more\n",
                flag.trim_start_matches('-').to_uppercase()
            )),
            "{err}"
        );
    }
}

#[test]
fn search_json_leaves_stdout_to_hits_and_gives_the_suggestion_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let tip =
        "no article names the PER \"Philip Hamond\"; did you mean \"Philip Hammond\" (PER)?\n";
    for format in ["json", "text"] {
        let out = dateline(
            &index,
            &[
                "search",
                "--person",
                "Philip Hamond",
                "fighters",
                "--format",
                format,
            ],
        );
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(stderr(&out), tip, "{format}");
        if format == "json" {
            assert_eq!(stdout(&out), "", "no hits: no line");
        }
    }
    // With --facets, the facets line stays the last line of standard output.
    let out = dateline(
        &index,
        &[
            "search",
            "--person",
            "Philip Hamond",
            "--format",
            "json",
            "--facets",
        ],
    );
    assert_eq!(stderr(&out), tip);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("{\"facets\":"), "{text}");
}

#[test]
fn quiet_search_entities_and_optimize_print_results_without_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());

    let out = dateline(&index, &["search", "\"foreign fighters\"", "-n", "1"]);
    assert!(
        stdout(&out).ends_with("2 matching articles; showing 1–1\n"),
        "{}",
        stdout(&out)
    );
    let out = dateline(&index, &["search", "\"foreign fighters\"", "-n", "1", "-q"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    assert!(!text.contains("matching article"), "{text}");
    assert!(
        text.starts_with("  1. "),
        "the hit is still printed: {text}"
    );
    assert_eq!(text.matches("  1. ").count(), 1, "{text}");

    // No hits, quiet: nothing on stdout; the suggestion is a warning and stays.
    let out = dateline(&index, &["search", "--person", "Philip Hamond", "--quiet"]);
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("did you mean"), "{}", stderr(&out));

    let out = dateline(&index, &["entities", "--type", "person"]);
    assert!(
        stdout(&out)
            .lines()
            .last()
            .unwrap()
            .ends_with("matching articles"),
        "{}",
        stdout(&out)
    );
    let out = dateline(&index, &["entities", "--type", "person", "-q"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(!text.contains("matching article"), "{text}");
    assert!(text.contains("PER  Philip Hammond"), "{text}");

    // optimize's summary is all it prints.
    let out = dateline(&index, &["optimize"]);
    assert!(stdout(&out).contains("nothing to merge") || stdout(&out).starts_with("merged "));
    let out = dateline(&index, &["optimize", "-q"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!((stdout(&out).as_str(), stderr(&out).as_str()), ("", ""));
}

#[test]
fn a_date_with_no_such_month_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let out = dateline(&index, &["search", "oil", "--from", "1987-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: invalid date \"1987-13-01\": no such date \"1987-13-01\": months run from 01 to \
         12\n"
    );
    let out = dateline(&index, &["search", "oil", "--to", "2015-00-10"]);
    assert!(
        stderr(&out).ends_with(": months run from 01 to 12\n"),
        "{}",
        stderr(&out)
    );
    // A month that exists, without that day.
    let out = dateline(&index, &["search", "oil", "--from", "2015-02-30"]);
    assert!(
        stderr(&out).ends_with(": that month has no such day\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn globs_choose_the_files_index_and_extract_read_and_a_bad_glob_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let sample = sample();
    let sample = sample.to_str().unwrap();

    // Only the raw text files of the sample: its JSON Lines file is left out.
    let out = dateline(
        &index,
        &[
            "index", "--format", "json", "--quiet", sample, "-g", "*.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let txt = walk_count(&common::sample(), "txt");
    assert_eq!(report["files"], txt);
    assert_eq!(report["added"], txt);

    // `extract` reads a folder through the same globs: one article per raw text file.
    let out = dateline(&index, &["extract", sample, "--glob", "*.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count() as u64, txt);

    // A glob that does not parse is one error line naming it, before any index is made.
    let fresh = dir.path().join("never-made");
    let out = dateline(&fresh, &["index", sample, "-g", "raw/[a-"]);
    assert_eq!(out.status.code(), Some(2));
    common::assert_one_line_error(&out, "raw/[a-");
    assert!(!fresh.exists(), "no index folder for a bad glob");
}

/// Files ending in `.ext` below `dir`, counted without Dateline.
fn walk_count(dir: &Path, ext: &str) -> u64 {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                walk_count(&p, ext)
            } else {
                u64::from(p.extension().is_some_and(|x| x == ext))
            }
        })
        .sum()
}

#[test]
fn sort_oldest_lists_a_story_as_it_unfolded_with_undated_articles_last() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let dates = |sort: &str| -> Vec<Option<String>> {
        let out = dateline(
            &index,
            &["search", "--sort", sort, "--format", "json", "-n", "all"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| {
                let hit: serde_json::Value = serde_json::from_str(l).unwrap();
                hit["date"].as_str().map(str::to_string)
            })
            .collect()
    };
    let (oldest, newest) = (dates("oldest"), dates("date"));
    // The sample's 12 articles, two of them without a date.
    assert_eq!(oldest.len(), 12);
    let dated = oldest.iter().take_while(|d| d.is_some()).count();
    assert_eq!(dated, 10);
    assert!(oldest[dated..].iter().all(Option::is_none));
    assert!(
        oldest[..dated].windows(2).all(|w| w[0] <= w[1]),
        "{oldest:?}"
    );
    let mut reversed = newest[..dated].to_vec();
    reversed.reverse();
    assert_eq!(oldest[..dated], reversed[..]);
    // `-n all` is every match (above: all 12); anything else that is not a number is refused.
    let out = dateline(&index, &["search", "-n", "many"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("expected a whole number of hits, or `all`"));
}

#[test]
fn csv_rows_hold_what_json_lines_hold_for_search_and_entities() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let run = |args: &[&str]| succeeds(&index, args);
    let query = [
        "search",
        "Islamic State OR fighters",
        "-n",
        "20",
        "--format",
    ];
    let json: Vec<serde_json::Value> = run(&[&query[..], &["json"]].concat())
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let csv_text = run(&[&query[..], &["csv"]].concat());
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["rank", "id", "date", "score", "title", "url", "path", "entities", "snippet"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(json.len() >= 3, "{json:?}");
    assert_eq!(rows.len(), json.len());
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    for (row, hit) in rows.iter().zip(&json) {
        assert_eq!(row[0], hit["rank"].to_string());
        assert_eq!(row[1], text(&hit["id"]));
        assert_eq!(row[2], text(&hit["date"]));
        assert_eq!(row[4], text(&hit["title"]));
        assert_eq!(row[5], text(&hit["url"]));
        assert_eq!(row[8], text(&hit["snippet"]));
        let entities: Vec<String> = hit["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{}:{}", text(&e["type"]), text(&e["name"])))
            .collect();
        assert_eq!(row[7], entities.join("; "));
    }

    let json: serde_json::Value =
        serde_json::from_str(&run(&["entities", "--format", "json"])).unwrap();
    let csv_text = run(&["entities", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let listed = json.as_array().unwrap();
    assert!(listed.len() > 10);
    assert_eq!(rows.len(), listed.len());
    for (row, e) in rows.iter().zip(listed) {
        assert_eq!(
            (row[0].to_string(), row[1].to_string(), row[2].to_string()),
            (
                text(&e["type"]),
                text(&e["name"]),
                e["articles"].to_string()
            )
        );
    }

    // Facets have no rows of hits: asking for them as CSV is a usage error.
    let out = dateline(
        &index,
        &["search", "fighters", "--facets", "--format", "csv"],
    );
    common::assert_one_line_error(&out, "--facets has no CSV form");
}

#[test]
fn timeline_counts_every_dated_match_per_period_with_the_gaps_listed() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let run = |args: &[&str]| succeeds(&index, args);
    let json: serde_json::Value =
        serde_json::from_str(&run(&["timeline", "--by", "day", "--format", "json"])).unwrap();
    // The sample's 12 articles, 2 of them undated.
    assert_eq!(
        (json["total"].as_u64(), json["undated"].as_u64()),
        (Some(12), Some(2))
    );
    let periods = json["periods"].as_array().unwrap();
    let days: Vec<chrono::NaiveDate> = periods
        .iter()
        .map(|p| p["period"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(
        days.windows(2).all(|w| w[1] == w[0].succ_opt().unwrap()),
        "one row a day, empty days too: {days:?}"
    );
    let counted: u64 = periods
        .iter()
        .map(|p| p["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(counted, 10);
    // Each day's count is what a search bounded to that day counts.
    for p in periods {
        let day = p["period"].as_str().unwrap();
        let count = run(&["search", "--from", day, "--to", day, "--count"]);
        assert_eq!(count.trim(), p["articles"].to_string(), "{day}");
    }

    let csv_text = run(&["timeline", "--by", "day", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["period", "start", "articles"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), periods.len());
    for (row, p) in rows.iter().zip(periods) {
        assert_eq!(row[0], *p["period"].as_str().unwrap());
        assert_eq!(row[2], p["articles"].to_string());
    }

    let text = run(&["timeline", "--by", "year"]);
    assert_eq!(
        text,
        format!(
            "2015{:>9} {}\n12 matching articles, 2 without a date\n",
            10,
            "#".repeat(40)
        )
    );
}

#[test]
fn export_writes_whole_articles_that_index_reads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let exported = succeeds(&index, &["export", "--sort", "oldest"]);
    let file = dir.path().join("export.jsonl");
    fs::write(&file, &exported).unwrap();
    let copy = dir.path().join("copy");
    succeeds(&copy, &["index", "--quiet", file.to_str().unwrap()]);
    let again = succeeds(&copy, &["export", "--sort", "oldest"]);

    // What `index` reads from a line (id, title, date, url, body) and what it extracts from
    // them come back the same; only the path is the export's.
    let fields = |text: &str| -> Vec<serde_json::Value> {
        text.lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                v.as_object_mut().unwrap().remove("path");
                v
            })
            .collect()
    };
    let (first, second) = (fields(&exported), fields(&again));
    assert_eq!(first.len(), 12);
    assert_eq!(first, second);
    assert!(first
        .iter()
        .all(|a| a["body"].as_str().is_some_and(|b| b.len() > 40)));

    // A query and filters choose the articles, `-n` how many.
    let some = succeeds(&index, &["export", "fighters", "-n", "2"]);
    let hits = succeeds(
        &index,
        &["search", "fighters", "-n", "2", "--format", "json"],
    );
    let ids = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
            .collect()
    };
    assert_eq!(ids(&some), ids(&hits));
    assert_eq!(ids(&some).len(), 2);
}

#[test]
fn similar_lists_other_coverage_of_a_story_and_names_a_missing_id() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    // The wire story on foreign fighters: the raw file on the London talks about them is
    // the most like it, and the story itself is not listed.
    let out = succeeds(
        &index,
        &["similar", "wire-003", "-n", "3", "--format", "json"],
    );
    let hits: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 3);
    assert!(
        hits[0]["id"]
            .as_str()
            .unwrap()
            .ends_with("raw/coalition-talks.txt"),
        "{hits:?}"
    );
    assert!(hits.iter().all(|h| h["id"] != "wire-003"));

    // Like a text from elsewhere: the story it retells comes first.
    let text = "Kurdish fighters pushed Islamic State out of Kobani";
    let out = succeeds(
        &index,
        &["similar", "--text", text, "-n", "1", "--format", "json"],
    );
    let hit: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(
        hit["id"]
            .as_str()
            .unwrap()
            .ends_with("raw/kurdish-forces.txt"),
        "{hit}"
    );

    let out = dateline(&index, &["similar", "wire-999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no article with id \"wire-999\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn index_files_lists_what_a_run_would_read_and_indexes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("never-made");
    let sample = sample();
    let sample_arg = sample.to_str().unwrap();
    let listed = |globs: &[&str]| -> Vec<String> {
        let args = [&["index", "--files", sample_arg][..], globs].concat();
        succeeds(&index, &args)
            .lines()
            .map(str::to_string)
            .collect()
    };
    // Every article file of the sample (its README is no article format), in name order.
    let all = listed(&[]);
    assert_eq!(all.len() as u64, walk_count(&sample, "txt") + 1);
    assert!(all.windows(2).all(|w| w[0] < w[1]), "{all:?}");
    assert!(all.iter().all(|f| !f.ends_with("README.md")));
    // The globs a run would take.
    assert_eq!(
        listed(&["-g", "!raw/"]),
        [sample.join("wire.jsonl").display().to_string()]
    );
    let text = listed(&["-g", "*.txt"]);
    assert_eq!(text.len() as u64, walk_count(&sample, "txt"));
    assert!(!index.exists(), "--files makes no index");
}

#[test]
fn a_query_of_several_arguments_is_the_query_of_one_and_a_leading_minus_goes_after_dashes() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let hits = |args: &[&str]| hit_ids(&index, args);

    let one = hits(&["foreign fighters"]);
    assert_eq!(
        one.len(),
        3,
        "the sample's articles naming foreign or fighters"
    );
    assert_eq!(hits(&["foreign", "fighters"]), one);
    // Options after the words are options still.
    assert_eq!(
        succeeds(&index, &["search", "foreign", "fighters", "--count"]),
        "3\n"
    );
    assert_eq!(
        succeeds(
            &index,
            &["entities", "foreign", "fighters", "--format", "json"]
        ),
        succeeds(
            &index,
            &["entities", "foreign fighters", "--format", "json"]
        )
    );

    // Every article but the one naming ISIS, as `ministers -ISIS` gives them.
    let without = hits(&["--", "-ISIS", "ministers"]);
    assert_eq!(without, hits(&["ministers -ISIS"]));
    assert_eq!(without.len(), hits(&["ministers"]).len() - 1);
    // Without `--`, clap says how to pass it.
    let out = dateline(&index, &["search", "-ISIS", "ministers"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use '-- -I'"), "{}", stderr(&out));
}

#[test]
fn country_finds_the_story_that_names_only_its_cities_and_a_state_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let ids = |args: &[&str]| hit_ids(&index, args);
    let named = ids(&["--place", "Iraq"]);
    let country = ids(&["--country", "Iraq"]);
    // The Kobani story names Baghdad and Erbil, never Iraq.
    let kobani = country
        .iter()
        .find(|id| id.ends_with("kurdish-forces.txt"))
        .expect("the story of Baghdad and Erbil");
    assert!(!named.contains(kobani));
    assert!(
        named.iter().all(|id| country.contains(id)),
        "{named:?} {country:?}"
    );

    let out = dateline(&index, &["search", "--country", "Texas"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: \"Texas\" is not a country Dateline knows: --country takes a country's name or \
         alias (Iraq, United States, US)\n"
    );
    // One edit from Iraq and from Iran: the sample names Iraq, not Iran.
    let out = dateline(&index, &["search", "--country", "Irak"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .starts_with("error: \"Irak\" is not a country Dateline knows (did you mean Iraq?)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn entities_type_country_counts_what_country_finds() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let csv = succeeds(
        &index,
        &["entities", "--type", "country", "--format", "csv"],
    );
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("country,articles"));
    let rows: Vec<(&str, usize)> = lines
        .map(|l| {
            let (country, n) = l.rsplit_once(',').unwrap();
            (country, n.parse().unwrap())
        })
        .collect();
    // Iraq: the story naming Iraq, and the Kobani story naming Baghdad and Erbil.
    assert!(rows.contains(&("Iraq", 2)), "{rows:?}");
    for (country, n) in &rows {
        assert_eq!(
            hit_ids(&index, &["--country", country]).len(),
            *n,
            "{country}"
        );
    }
}

#[test]
fn explain_shows_each_hits_score_term_by_term_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let json = succeeds(
        &index,
        &[
            "search",
            "Hammond",
            "coalition",
            "--explain",
            "--format",
            "json",
        ],
    );
    let mut hits = 0;
    for line in json.lines() {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        let (score, why) = (&hit["score"], &hit["explanation"]);
        assert_eq!(why["value"], *score, "{line}");
        let is_term = |t: &str| t == "term \"hammond\"" || t == "term \"coalit\"";
        let description = why["description"].as_str().unwrap();
        let terms: Vec<&str> = why["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["description"].as_str().unwrap())
            .collect();
        // A hit that matches one term only reads as that term's line: the sum of one part is
        // folded into it.
        let one_term = description
            .rsplit_once(": ")
            .is_some_and(|(_, term)| is_term(term));
        assert!(
            one_term || (terms.len() == 2 && terms.iter().all(|t| is_term(t))),
            "{description} {terms:?}"
        );
        hits += 1;
    }
    assert_eq!(hits, 2, "the coalition story and the Kobani story");
    let text = succeeds(&index, &["search", "Hammond", "--explain"]);
    assert!(
        text.contains("k1 = 2, b = 0.72: term \"hammond\""),
        "{text}"
    );
    assert!(
        text.contains("= tf = Σ field weight · occurrences: body: weight 1 · 2 occurrences"),
        "{text}"
    );
    // Without --explain, no explanation; CSV has no form for one.
    let plain = succeeds(&index, &["search", "Hammond", "--format", "json"]);
    assert!(!plain.contains("explanation"), "{plain}");
    let csv = dateline(
        &index,
        &["search", "Hammond", "--explain", "--format", "csv"],
    );
    assert_eq!(csv.status.code(), Some(2));
    assert!(
        stderr(&csv).contains("--explain has no CSV form"),
        "{}",
        stderr(&csv)
    );
}

#[test]
fn entity_clauses_in_the_query_combine_with_or_and_alone_list_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    let hammond = hit_ids(&index, &["--person", "Hammond"]);
    let abadi = hit_ids(&index, &["--person", "Haider al-Abadi"]);
    let either = hit_ids(&index, &["person:Hammond OR person:\"Haider al-Abadi\""]);
    let mut union: Vec<String> = hammond.iter().chain(&abadi).cloned().collect();
    union.sort();
    union.dedup();
    let mut sorted = either.clone();
    sorted.sort();
    assert_eq!(sorted, union);
    assert!(
        union.len() > hammond.len() && union.len() > abadi.len(),
        "each is named in a story the other is not: {hammond:?} {abadi:?}"
    );
    // No words to rank: newest first, as a search without a query lists them.
    let json = succeeds(
        &index,
        &[
            "search",
            "person:Hammond OR person:\"Haider al-Abadi\"",
            "--format",
            "json",
        ],
    );
    let dates: Vec<String> = json
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].to_string())
        .collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);
    // A misspelt clause another one hides still gets its tip.
    let out = dateline(
        &index,
        &["search", "person:Hammond OR person:Hamond", "--count"],
    );
    assert_eq!(stdout(&out), format!("{}\n", hammond.len()));
    assert!(
        stderr(&out).contains("no article names the PER \"Hamond\"; did you mean"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_search_by_person_alone_highlights_where_the_story_names_him() {
    let dir = tempfile::tempdir().unwrap();
    let index = sample_index(dir.path());
    for args in [
        &["search", "--person", "Haider al-Abadi", "--format", "json"][..],
        &["search", "person:al-Abadi", "--format", "json"][..],
    ] {
        let json = succeeds(&index, args);
        let hit: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
        let snippet = hit["snippet"].as_str().unwrap();
        let highlights: Vec<&str> = hit["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| &snippet[h[0].as_u64().unwrap() as usize..h[1].as_u64().unwrap() as usize])
            .collect();
        assert_eq!(highlights, ["Haider al-Abadi"], "{args:?}: {snippet}");
    }
}

/// `--fold`: the Reuters stories naming Barclays, where a short report (3092) was sent again
/// whole inside a longer version (3103, and 3122 word for word): one story on the page, its
/// copies listed under it in text, JSON and CSV, the count unchanged.
#[test]
fn fold_lists_a_story_once_with_its_near_duplicates_in_every_format() {
    let Some(data) = common::shared_data("reuters21578") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = fs::File::open(data.join("docs.jsonl.gz")).unwrap();
    let lines: Vec<String> = BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(Result::unwrap)
        .filter(|l| l.contains("Barclays"))
        .collect();
    assert!(lines.len() > 20, "{}", lines.len());
    let corpus = dir.path().join("barclays.jsonl");
    fs::write(&corpus, lines.join("\n")).unwrap();
    let index = dir.path().join("idx");
    succeeds(
        &index,
        &["index", corpus.to_str().unwrap(), "--keep-duplicates", "-q"],
    );
    let query = ["search", "Barclays Midland NatWest base rate", "-n", "5"];
    let unfolded = hit_ids(&index, &[query[1]]);
    let copies = ["3092", "3103", "3122"];
    assert!(
        unfolded[..5]
            .iter()
            .filter(|id| copies.contains(&id.as_str()))
            .count()
            >= 2
    );

    let json = succeeds(
        &index,
        &[&query[..], &["--fold", "--format", "json"]].concat(),
    );
    let hits: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 5);
    let story = hits
        .iter()
        .find(|h| copies.contains(&h["id"].as_str().unwrap()))
        .expect("the story is listed");
    let mut ids: Vec<&str> = story["near_duplicates"]
        .as_array()
        .expect("its copies")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    ids.push(story["id"].as_str().unwrap());
    ids.sort();
    assert_eq!(ids, copies);
    let listed = hits
        .iter()
        .filter(|h| copies.contains(&h["id"].as_str().unwrap()));
    assert_eq!(listed.count(), 1);
    assert!(
        hits.iter()
            .filter(|h| h.get("near_duplicates").is_some())
            .count()
            >= 1
    );

    let text = succeeds(&index, &[&query[..], &["--fold"]].concat());
    let folded_line = text
        .lines()
        .find(|l| l.contains("near-duplicate copies: "))
        .expect("the copies under the story");
    assert!(copies.iter().filter(|id| folded_line.contains(*id)).count() == 2);
    let count = text.lines().last().unwrap();
    let unfolded_text = succeeds(&index, &query);
    let total = unfolded_text.lines().last().unwrap();
    assert!(
        count.starts_with(total) && count.contains("near duplicates folded)"),
        "{count} / {total}"
    );

    let csv = succeeds(
        &index,
        &[&query[..], &["--fold", "--format", "csv"]].concat(),
    );
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",snippet,near_duplicates"), "{header}");
    let plain_header = succeeds(&index, &[&query[..], &["--format", "csv"]].concat());
    assert!(plain_header.lines().next().unwrap().ends_with(",snippet"));
}
