//! Reading real topic and qrels files, and robustness of the parsers.

use std::path::{Path, PathBuf};

use dateline_eval::{parse_topics, read_topics, Qrels, Run};

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

#[test]
fn glasgow_topics_and_qrels_load() {
    let Some(shared) = shared_data() else { return };
    for name in ["adi", "cacm", "cisi", "cran", "lisa", "med", "npl", "time"] {
        let dir = shared.join("glasgow").join(name);
        let topics = read_topics(dir.join("topics.tsv")).unwrap();
        assert!(!topics.is_empty(), "{name}");
        assert!(topics.iter().all(|t| !t.id.is_empty()), "{name}");
        let qrels = Qrels::from_path(dir.join("qrels.txt")).unwrap();
        assert!(
            qrels.query_ids().all(|q| qrels.num_relevant(q) > 0),
            "{name}"
        );
        // Every judged query has a topic.
        for q in qrels.query_ids() {
            assert!(topics.iter().any(|t| t.id == q), "{name}: no topic {q}");
        }
    }
    let cran = read_topics(shared.join("glasgow/cran/topics.tsv")).unwrap();
    assert_eq!(cran.len(), 225);
    assert_eq!(cran[0].id, "1");
    assert!(cran[0]
        .query
        .starts_with("what similarity laws must be obeyed"));
}

#[test]
fn trec_topics_file() {
    let dir = std::env::temp_dir().join(format!("dateline-eval-topics-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("topics.51-52");
    std::fs::write(
        &path,
        "<top>\n<head> Tipster Topic Description\n<num> Number: 051\n<dom> Domain: International Economics\n<title> Topic: Airbus Subsidies\n<desc> Description:\nDocument will discuss government assistance to Airbus Industrie.\n</top>\n<top>\n<num> Number: 052\n<title> Topic:  South African\n  Sanctions\n</top>\n",
    )
    .unwrap();
    let topics = read_topics(&path).unwrap();
    let got: Vec<(&str, &str)> = topics
        .iter()
        .map(|t| (t.id.as_str(), t.query.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("051", "Airbus Subsidies"),
            ("052", "South African Sanctions")
        ]
    );
    std::fs::write(&path, "<top>\n<num> 1\n").unwrap();
    let err = read_topics(&path).unwrap_err().to_string();
    assert_eq!(err, format!("{}:1: <top> without </top>", path.display()));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn errors_name_the_file_and_line() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let err = Qrels::from_path(fixtures.join("handmade.run"))
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with("handmade.run:3: expected 4 fields, found 6"),
        "{err}"
    );
    let err = Run::from_path(fixtures.join("handmade.qrels"))
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with("handmade.qrels:3: expected at least 6 fields, found 4"),
        "{err}"
    );
    let err = Run::from_path(fixtures.join("nope.run"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("cannot read ") && err.contains("nope.run"),
        "{err}"
    );
}

/// Deterministic pseudo-random inputs never make a parser panic.
#[test]
fn parsers_never_panic() {
    let alphabet: Vec<char> = "<>/top num title desc Number: 0 1 -1 Q0 \t\n\r#é.e9nan"
        .chars()
        .collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let len = (state % 80) as usize;
        let mut s = String::new();
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        let _ = parse_topics(&s);
        let _ = Qrels::parse(&s);
        if let Ok(run) = Run::parse(&s) {
            let _ = run.write_trec(&mut Vec::new(), "t");
            if let Ok(q) = Qrels::parse(&s) {
                let _ = dateline_eval::evaluate(&run, &q, dateline_eval::EvalOptions::complete());
            }
        }
    }
}
