//! `dateline eval` gives trec_eval's numbers, and stops where trec_eval stops. Expected values
//! were computed with pytrec_eval (pytrec-eval-terrier 0.5.11, trec_eval's own measure code)
//! on the same files, means taken as `trec_eval.c` and `meas_avg.c` take them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{assert_one_line_error, dateline, stdout};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// `dateline eval --run RUN --qrels QRELS [extra...]` with no index anywhere near.
fn eval_run(dir: &Path, run: &Path, qrels: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "eval",
        "--run",
        run.to_str().unwrap(),
        "--qrels",
        qrels.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    dateline(&dir.join("no-index"), &args)
}

fn json(out: &Output) -> serde_json::Value {
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(out));
    serde_json::from_str(stdout(out).trim()).unwrap()
}

fn assert_mean(json: &serde_json::Value, want: [(&str, f64); 7]) {
    for (metric, value) in want {
        let got = json["mean"][metric].as_f64().unwrap();
        assert!(
            (got - value).abs() < 1e-9,
            "{metric}: {got} != {value}\n{json}"
        );
    }
}

/// QA's case: query 2 is judged but has no relevant document. trec_eval evaluates both
/// queries (map 0.5, ndcg_cut_10 0.5, P_10 0.05); Dateline used to leave 2 out and print 1.0.
#[test]
fn a_query_judged_only_non_relevant_scores_zero_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let qrels = write(
        dir.path(),
        "z_qrels",
        b"1 0 d1 1\n1 0 d2 0\n2 0 d1 0\n2 0 d2 0\n",
    );
    let run = write(
        dir.path(),
        "z_run",
        b"1 Q0 d1 1 2 t\n1 Q0 d2 2 1 t\n2 Q0 d1 1 2 t\n2 Q0 d2 2 1 t\n",
    );
    for extra in [&[][..], &["-c"][..]] {
        let mut args = vec!["--format", "json", "--per-query"];
        args.extend_from_slice(extra);
        let j = json(&eval_run(dir.path(), &run, &qrels, &args));
        assert_eq!(j["queries"], 2, "{j}");
        assert_eq!(j["per_query"]["2"]["map"], 0.0, "{j}");
        assert_mean(
            &j,
            [
                ("map", 0.5),
                ("ndcg_10", 0.5),
                ("p_10", 0.05),
                ("recall_100", 0.5),
                ("recall_1000", 0.5),
                ("mrr_10", 0.5),
                ("bpref", 0.5),
            ],
        );
    }
}

/// Which queries count with and without `-c`: 2 judged non-relevant only, 3 only with a
/// negative value, 4 and 5 missing from the run (5 without a relevant document), 9 unjudged.
/// The run's lines carry fields after the tag, which trec_eval ignores.
#[test]
fn means_over_the_queries_trec_eval_counts() {
    let dir = tempfile::tempdir().unwrap();
    let qrels = write(
        dir.path(),
        "qrels",
        b"1 0 a 1\n1 0 b 0\n1 0 c 2\n1 0 n 0\n2 0 a 0\n2 0 b 0\n3 0 x -1\n4 0 y 1\n5 0 z 0\n",
    );
    let run = write(
        dir.path(),
        "run",
        b"1 Q0 b 1 3 t extra\n1 Q0 a 2 2 t\n1 Q0 u 3 1 t x y\n2 Q0 a 1 2 t\n3 Q0 x 1 1 t\n\
          9 Q0 a 1 1 t\n",
    );
    // pytrec_eval, query 1: map 0.25, ndcg_cut_10 0.23981246656813146, P_10 0.1,
    // recall_100 and recall_1000 0.5, recip_rank 0.5, bpref 0.25; queries 2 and 3: all 0.
    let j = json(&eval_run(dir.path(), &run, &qrels, &["--format", "json"]));
    assert_eq!(j["queries"], 3, "{j}");
    assert_eq!(j["missing"], serde_json::json!(["4", "5"]), "{j}");
    assert_mean(
        &j,
        [
            ("map", 0.25 / 3.0),
            ("ndcg_10", 0.23981246656813146 / 3.0),
            ("p_10", 0.1 / 3.0),
            ("recall_100", 0.5 / 3.0),
            ("recall_1000", 0.5 / 3.0),
            ("mrr_10", 0.5 / 3.0),
            ("bpref", 0.25 / 3.0),
        ],
    );
    // -c: over the 5 queries of the qrels.
    let j = json(&eval_run(
        dir.path(),
        &run,
        &qrels,
        &["--format", "json", "-c"],
    ));
    assert_eq!(j["queries"], 5, "{j}");
    assert_mean(
        &j,
        [
            ("map", 0.05),
            ("ndcg_10", 0.047962493313626293),
            ("p_10", 0.02),
            ("recall_100", 0.1),
            ("recall_1000", 0.1),
            ("mrr_10", 0.1),
            ("bpref", 0.05),
        ],
    );
}

/// trec_eval stops where no query has both results and judgments; `eval` used to print zeros
/// and exit 0. Each case is one line on stderr naming the files, exit 2, nothing on stdout.
#[test]
fn nothing_to_score_is_an_error_naming_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let qrels = write(d, "qrels.txt", b"1 0 d1 1\n2 0 d2 0\n");
    let other = write(d, "other.run", b"7 Q0 d1 1 2 t\n8 Q0 d2 2 1 t\n");
    let empty = write(d, "empty.txt", b"");
    let (q, o, e) = (qrels.display(), other.display(), empty.display());

    for extra in [&[][..], &["-c"][..]] {
        let out = eval_run(d, &other, &qrels, extra);
        assert_one_line_error(
            &out,
            &format!(
                "no query has both results in {o} and judgments in {q} \
                 (run queries: \"7\", \"8\"; judged queries: \"1\", \"2\")"
            ),
        );
        assert!(stdout(&out).is_empty());
        let out = eval_run(d, &empty, &qrels, extra);
        assert_one_line_error(&out, &format!("error: {e}: no results"));
        let out = eval_run(d, &other, &empty, extra);
        assert_one_line_error(&out, &format!("error: {e}: no relevance judgments"));
    }

    // Topics none of which is judged: refused before the index is opened (there is none).
    let topics = write(d, "topics.tsv", b"051\tairbus subsidies\n052\tsanctions\n");
    let t = topics.display();
    let out = dateline(
        &d.join("no-index"),
        &[
            "eval",
            "--topics",
            topics.to_str().unwrap(),
            "--qrels",
            qrels.to_str().unwrap(),
        ],
    );
    assert_one_line_error(
        &out,
        &format!(
            "no topic of {t} has judgments in {q} \
             (topics: \"051\", \"052\"; judged queries: \"1\", \"2\")"
        ),
    );
}

/// Invalid UTF-8 used to be read lossily: `d\xe9` and `d\xe8` both became `d\u{fffd}`, so a
/// retrieved document matched another judged one (map 1.0), and two judgments were called
/// duplicates. Now each file is refused with its line.
#[test]
fn invalid_utf8_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good_qrels = write(d, "q_ok", b"1 0 d1 1\n");
    let good_run = write(d, "r_ok", b"1 Q0 d1 1 2 t\n");
    let bad_run = write(d, "r_lat", b"1 Q0 d1 1 3 t\n1 Q0 d\xe8 2 2 t\n");
    let bad_qrels = write(d, "q_lat", b"1 0 d\xe9 1\n1 0 d\xe8 0\n");
    let bad_topics = write(d, "t_bin", b"\xff\xfe1\tlens\n");

    let out = eval_run(d, &bad_run, &good_qrels, &[]);
    assert_one_line_error(
        &out,
        &format!(
            "{}:2: not valid UTF-8 (byte 7 of the line)",
            bad_run.display()
        ),
    );
    let out = eval_run(d, &good_run, &bad_qrels, &[]);
    assert_one_line_error(
        &out,
        &format!(
            "{}:1: not valid UTF-8 (byte 6 of the line)",
            bad_qrels.display()
        ),
    );
    let out = dateline(
        &d.join("no-index"),
        &[
            "eval",
            "--topics",
            bad_topics.to_str().unwrap(),
            "--qrels",
            good_qrels.to_str().unwrap(),
        ],
    );
    assert_one_line_error(
        &out,
        &format!(
            "{}:1: not valid UTF-8 (byte 1 of the line)",
            bad_topics.display()
        ),
    );
}
