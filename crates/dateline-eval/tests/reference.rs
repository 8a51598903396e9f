//! Compares every metric, per query and averaged, with reference values
//! computed by pytrec_eval (`fixtures/make_reference.py`).

use std::path::{Path, PathBuf};

use dateline_eval::{evaluate, try_evaluate, EvalError, EvalOptions, Metrics, Qrels, Run};
use serde_json::Value;

const TOL: f64 = 1e-4;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The shared (research-only) data folder, or `None` (test skipped) when it
/// is absent; under CI its absence is a failure.
fn shared_data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "shared data folder {} is missing (CI is set)",
            dir.display()
        );
    }
    eprintln!("skipping: shared data folder {} is missing", dir.display());
    None
}

fn metrics_from_json(v: &Value) -> Metrics {
    serde_json::from_value(v.clone()).expect("metrics object")
}

fn assert_close(what: &str, got: &Metrics, want: &Metrics) {
    for ((label, g), w) in Metrics::LABELS.iter().zip(got.values()).zip(want.values()) {
        assert!(
            (g - w).abs() <= TOL,
            "{what} {label}: got {g:.6}, reference {w:.6}"
        );
    }
}

/// Checks both values of `complete` against the reference JSON; returns the
/// number of per-query comparisons made.
fn check(qrels: &Qrels, run: &Run, reference: &str) -> usize {
    let text = std::fs::read_to_string(fixtures().join(reference)).expect("reference json");
    let json: Value = serde_json::from_str(&text).expect("valid json");
    let per_query = json["per_query"].as_object().expect("per_query");
    let modes = json["modes"].as_object().expect("modes");
    assert_eq!(modes.len(), 2);
    let mut compared = 0;
    for (name, mode) in modes {
        let options = EvalOptions {
            complete: mode["complete"].as_bool().expect("complete"),
        };
        let eval = try_evaluate(run, qrels, options).expect("queries to score");
        let ctx = format!("{reference} [{name}]");
        assert_eq!(
            eval.queries as u64,
            mode["queries"].as_u64().expect("queries"),
            "{ctx}"
        );
        let missing: Vec<String> =
            serde_json::from_value(mode["missing"].clone()).expect("missing");
        assert_eq!(eval.missing, missing, "{ctx} missing");
        assert_close(
            &format!("{ctx} mean"),
            &eval.mean,
            &metrics_from_json(&mode["mean"]),
        );
        for (qid, got) in &eval.per_query {
            let want = match per_query.get(qid) {
                Some(v) => metrics_from_json(v),
                None => {
                    assert!(
                        options.complete && missing.contains(qid),
                        "{ctx}: unexpected {qid}"
                    );
                    Metrics::default()
                }
            };
            assert_close(&format!("{ctx} query {qid}"), got, &want);
            compared += 1;
        }
        // Every query trec_eval scores is scored, those without a relevant document too.
        for qid in per_query.keys() {
            assert!(eval.per_query.contains_key(qid), "{ctx}: {qid} not scored");
        }
    }
    compared
}

#[test]
fn handmade_matches_pytrec_eval() {
    let qrels = Qrels::from_path(fixtures().join("handmade.qrels")).unwrap();
    let run = Run::from_path(fixtures().join("handmade.run")).unwrap();
    let n = check(&qrels, &run, "handmade.json");
    // 8 queries in both files (102 and 108 without a relevant document), 9 with -c.
    assert_eq!(n, 8 + 9);
}

/// trec_eval stops on an empty run (it cannot read an empty file, and a run of comments has
/// "No queries with both results and relevance info"); `try_evaluate` refuses it, naming the
/// file, with or without `complete`.
#[test]
fn an_empty_run_is_refused() {
    let qrels = Qrels::from_path(fixtures().join("handmade.qrels")).unwrap();
    let path = fixtures().join("empty.run");
    let run = Run::from_path(&path).unwrap();
    assert!(run.is_empty());
    for options in [EvalOptions::default(), EvalOptions::complete()] {
        let err = try_evaluate(&run, &qrels, options).unwrap_err();
        let want = EvalError::EmptyRun {
            run: path.display().to_string(),
        };
        assert_eq!(err, want);
    }
    // `evaluate` keeps its zeros for callers that want them.
    let eval = evaluate(&run, &qrels, EvalOptions::complete());
    assert_eq!((eval.queries, eval.mean), (9, Metrics::default()));
}

#[test]
fn cran_synthetic_run_matches_pytrec_eval() {
    let Some(shared) = shared_data() else { return };
    let qrels = Qrels::from_path(shared.join("glasgow/cran/qrels.txt")).unwrap();
    let run = Run::from_path(fixtures().join("cran_synthetic.run")).unwrap();
    let n = check(&qrels, &run, "cran_synthetic.json");
    assert!(n > 2 * 190, "only {n} per-query comparisons");
}

#[test]
fn written_run_reads_back_to_the_same_metrics() {
    let qrels = Qrels::from_path(fixtures().join("handmade.qrels")).unwrap();
    let run = Run::from_path(fixtures().join("handmade.run")).unwrap();
    let mut out = Vec::new();
    run.write_trec(&mut out, "again").unwrap();
    let reread = Run::parse(std::str::from_utf8(&out).unwrap()).unwrap();
    for qid in run.query_ids() {
        assert_eq!(reread.ranking(qid), run.ranking(qid), "query {qid}");
    }
    let options = EvalOptions::complete();
    assert_eq!(
        evaluate(&reread, &qrels, options),
        evaluate(&run, &qrels, options)
    );
    check(&qrels, &reread, "handmade.json");
}

#[test]
fn text_table_is_aligned() {
    let qrels = Qrels::from_path(fixtures().join("handmade.qrels")).unwrap();
    let run = Run::from_path(fixtures().join("handmade.run")).unwrap();
    let eval = evaluate(&run, &qrels, EvalOptions::complete());
    let table = eval.to_text_table(true);
    eprintln!("{table}");
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 1 + 9 + 1 + 1);
    assert!(lines[1].starts_with("101 "), "{table}");
    assert!(lines[10].starts_with("all "), "{table}");
    assert!(
        lines[..11].iter().all(|l| l.len() == lines[0].len()),
        "{table}"
    );
    assert_eq!(lines[11], "queries: 9");
    assert!(!table.contains("-0.0"), "negative zero in {table}");
    let summary = eval.to_text_table(false);
    assert_eq!(summary.lines().count(), 3);
}
