//! trec_eval's rules for which queries count, which input it refuses, and how it reads run
//! lines, each checked on crafted files. The expected numbers were computed with pytrec_eval
//! (pytrec-eval-terrier 0.5.11, trec_eval's own measure code) on the same files, the means
//! as `trec_eval.c` and `meas_avg.c` take them.

use std::path::{Path, PathBuf};

use dateline_eval::{
    parse_topics, read_topics, try_evaluate, EvalError, EvalOptions, FormatError, Metrics, Qrels,
    Run,
};

/// A fresh folder for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-eval-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn assert_metrics(what: &str, got: &Metrics, want: [f64; 7]) {
    for ((label, g), w) in Metrics::LABELS.iter().zip(got.values()).zip(want) {
        assert!((g - w).abs() < 1e-9, "{what} {label}: got {g}, want {w}");
    }
}

/// QA's case: query 2 is judged, but with no relevant document. trec_eval scores it (0 on
/// every metric) and counts it in the mean (CHANGELOG, 4/5/06: only queries without any
/// relevance information are ignored).
#[test]
fn a_query_judged_only_non_relevant_counts_as_zero() {
    let qrels = Qrels::parse("1 0 d1 1\n1 0 d2 0\n2 0 d1 0\n2 0 d2 0\n").unwrap();
    let run = Run::parse("1 Q0 d1 1 2 t\n1 Q0 d2 2 1 t\n2 Q0 d1 1 2 t\n2 Q0 d2 2 1 t\n").unwrap();
    for options in [EvalOptions::default(), EvalOptions::complete()] {
        let eval = try_evaluate(&run, &qrels, options).unwrap();
        assert_eq!(eval.queries, 2);
        assert_eq!(eval.per_query["2"], Metrics::default());
        // pytrec_eval: map 0.5, ndcg_cut_10 0.5, P_10 0.05, recall_100 0.5,
        // recall_1000 0.5, recip_rank 0.5, bpref 0.5.
        assert_metrics("mean", &eval.mean, [0.5, 0.5, 0.05, 0.5, 0.5, 0.5, 0.5]);
    }
}

/// Which queries count, with and without `complete` (trec_eval `-c`): query 2 is judged
/// non-relevant only, 3 only with a negative (pooled, unjudged) value, 4 and 5 are missing
/// from the run (5 without a relevant document), 9 is not judged.
#[test]
fn queries_counted_with_and_without_complete() {
    let qrels = Qrels::parse(
        "1 0 a 1\n1 0 b 0\n1 0 c 2\n1 0 n 0\n2 0 a 0\n2 0 b 0\n3 0 x -1\n4 0 y 1\n5 0 z 0\n",
    )
    .unwrap();
    let run = Run::parse(
        "1 Q0 b 1 3 t\n1 Q0 a 2 2 t\n1 Q0 u 3 1 t\n2 Q0 a 1 2 t\n3 Q0 x 1 1 t\n9 Q0 a 1 1 t\n",
    )
    .unwrap();

    // pytrec_eval per query (map, ndcg_cut_10, P_10, recall_100, recall_1000, recip_rank on
    // the top 10, bpref): query 1 as below, queries 2 and 3 all 0.
    let q1 = [0.25, 0.23981246656813146, 0.1, 0.5, 0.5, 0.5, 0.25];

    // Without -c: the 3 queries with both results and judgments.
    let eval = try_evaluate(&run, &qrels, EvalOptions::default()).unwrap();
    assert_eq!(eval.per_query.keys().collect::<Vec<_>>(), ["1", "2", "3"]);
    assert_metrics("query 1", &eval.per_query["1"], q1);
    assert_eq!(eval.per_query["2"], Metrics::default());
    assert_eq!(eval.per_query["3"], Metrics::default());
    assert_eq!(eval.queries, 3);
    assert_eq!(eval.missing, ["4", "5"]);
    assert_metrics("mean", &eval.mean, q1.map(|v| v / 3.0));

    // With -c: over all 5 qrels queries (meas_avg.c divides by num_q_rels), 5 included.
    let eval = try_evaluate(&run, &qrels, EvalOptions::complete()).unwrap();
    assert_eq!(eval.queries, 5);
    assert_eq!(eval.per_query["5"], Metrics::default());
    // pytrec_eval means with -c: 0.05, 0.047962493313626293, 0.02, 0.1, 0.1, 0.1, 0.05.
    assert_metrics(
        "mean -c",
        &eval.mean,
        [0.05, 0.047962493313626293, 0.02, 0.1, 0.1, 0.1, 0.05],
    );
}

/// trec_eval stops ("No queries with both results and relevance info", or cannot read an
/// empty file) where there is nothing to score; so does `try_evaluate`, naming the files.
#[test]
fn nothing_to_score_is_an_error_naming_the_files() {
    let dir = scratch("nothing");
    let qrels_path = write(&dir, "qrels.txt", b"1 0 d1 1\n2 0 d2 0\n");
    let run_path = write(&dir, "run.txt", b"7 Q0 d1 1 2 t\n8 Q0 d2 2 1 t\n");
    let empty = write(&dir, "empty.txt", b"# nothing here\n\n");
    let qrels = Qrels::from_path(&qrels_path).unwrap();
    let run = Run::from_path(&run_path).unwrap();
    let (q, r, e) = (
        qrels_path.display().to_string(),
        run_path.display().to_string(),
        empty.display().to_string(),
    );
    for options in [EvalOptions::default(), EvalOptions::complete()] {
        let err = try_evaluate(&run, &qrels, options).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "no query has both results in {r} and judgments in {q} \
                 (run queries: \"7\", \"8\"; judged queries: \"1\", \"2\")"
            )
        );
        let err = try_evaluate(&Run::from_path(&empty).unwrap(), &qrels, options).unwrap_err();
        assert_eq!(err, EvalError::EmptyRun { run: e.clone() });
        assert_eq!(err.to_string(), format!("{e}: no results"));
        let err = try_evaluate(&run, &Qrels::from_path(&empty).unwrap(), options).unwrap_err();
        assert_eq!(err.to_string(), format!("{e}: no relevance judgments"));
    }

    // Topics that match nothing in the qrels: refused before anything is run.
    let topics_path = write(&dir, "topics.tsv", b"051\tairbus\n052\tsanctions\n");
    let topics = read_topics(&topics_path).unwrap();
    let t = topics_path.display().to_string();
    let err = qrels.check_topics(&topics, &t).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "no topic of {t} has judgments in {q} \
             (topics: \"051\", \"052\"; judged queries: \"1\", \"2\")"
        )
    );
    let err = qrels.check_topics(&[], &t).unwrap_err();
    assert!(err.to_string().contains("(topics: none;"), "{err}");
    let err = Qrels::new().check_topics(&topics, &t).unwrap_err();
    assert_eq!(err.to_string(), "<input>: no relevance judgments");
    qrels
        .check_topics(&parse_topics("9\tx\n2\ty\n").unwrap(), &t)
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// get_trec_results.c: "Any field following run_id is ignored."
#[test]
fn run_lines_may_have_fields_after_the_tag() {
    let dir = scratch("extra");
    let path = write(
        &dir,
        "run.txt",
        b"1 Q0 d1 1 1.0 tag extra\n1 Q0 d2 2 0.5 tag more fields here\n",
    );
    let run = Run::from_path(&path).unwrap();
    assert_eq!(run.ranking("1"), [("d1", 1.0), ("d2", 0.5)]);
    let err = Run::from_path(write(
        &dir,
        "short.txt",
        b"1 Q0 d1 1 1.0 t\n1 Q0 d2 2 0.5\n",
    ))
    .unwrap_err();
    assert!(
        matches!(
            err,
            FormatError::TooFewFields {
                line: 2,
                min: 6,
                found: 5,
                ..
            }
        ),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Ids are compared as text; trec_eval compares them as bytes. Read lossily, `d\xe9` and
/// `d\xe8` (Latin-1 é and è) both became `d\u{fffd}`: a retrieved document matched another
/// judged one (map 1.0), and two judgments were called duplicates. Invalid UTF-8 is now an
/// error naming the file, line and byte, in run, qrels and topics files alike.
#[test]
fn invalid_utf8_is_an_error_naming_file_and_line() {
    let dir = scratch("utf8");
    let run = write(&dir, "run.txt", b"1 Q0 d1 1 3 t\n1 Q0 d\xe8 2 2 t\n");
    let err = Run::from_path(&run).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2: not valid UTF-8 (byte 7 of the line); \
             convert the file, for example with `iconv -f latin1 -t utf-8`",
            run.display()
        )
    );
    let qrels = write(&dir, "qrels.txt", b"1 0 d\xe9 1\n1 0 d\xe8 0\n");
    let err = Qrels::from_path(&qrels).unwrap_err();
    assert!(
        matches!(
            &err,
            FormatError::InvalidUtf8 { origin, line: 1, column: 6 } if *origin == qrels.display().to_string()
        ),
        "{err}"
    );
    let topics = write(&dir, "topics.tsv", b"\xff\xfe1\tlens\n");
    let err = read_topics(&topics).unwrap_err();
    assert!(
        matches!(
            err,
            FormatError::InvalidUtf8 {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{err}"
    );
    // Valid UTF-8 ids stay distinct and match themselves.
    let run = write(&dir, "ok.run", "1 Q0 dé 1 2 t\n1 Q0 dè 2 1 t\n".as_bytes());
    let qrels = write(&dir, "ok.qrels", "1 0 dè 1\n1 0 dé 0\n".as_bytes());
    let eval = try_evaluate(
        &Run::from_path(run).unwrap(),
        &Qrels::from_path(qrels).unwrap(),
        EvalOptions::default(),
    )
    .unwrap();
    assert_eq!(eval.mean.map, 0.5);
    std::fs::remove_dir_all(&dir).unwrap();
}
