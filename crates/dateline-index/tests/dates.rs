//! JSON Lines whose dates the reader cannot read: indexed without one, and reported once per
//! file with the first such line.

mod common;

use std::fs;
use std::io::BufRead;

use common::shared_data;
use dateline_index::{Index, IngestOptions};

#[test]
fn unrecognised_dates_are_one_warning_per_file_naming_the_first_line() {
    let Some(reuters) = shared_data("reuters21578") else {
        return;
    };
    let file = fs::File::open(reuters.join("docs.jsonl.gz")).expect("reuters");
    let lines = std::io::BufReader::new(flate2::read::GzDecoder::new(file)).lines();
    // Ten Reuters records; from the fourth on, every other one has its date as a scraper of
    // live pages may write it, relative to a moment the file does not keep.
    let records: Vec<String> = lines
        .take(10)
        .enumerate()
        .map(|(i, line)| {
            let mut v: serde_json::Value =
                serde_json::from_str(&line.expect("line")).expect("JSON");
            if i >= 3 && i % 2 == 1 {
                v["date"] = serde_json::Value::from(format!("{i} hours ago"));
            }
            v.to_string()
        })
        .collect();
    let work = tempfile::tempdir().expect("temporary folder");
    let path = work.path().join("scrape.jsonl");
    fs::write(&path, records.join("\n")).expect("write");
    let index = Index::create_in_ram().expect("index");
    let report = index
        .ingest_paths(&[path], &IngestOptions::default(), &|_| {})
        .expect("ingest");
    assert_eq!((report.added, report.without_date), (10, 4), "{report:?}");
    let warned: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0].ends_with(
            "scrape.jsonl:4: date \"3 hours ago\" not recognised: indexed without a date \
             (4 lines of this file; the first is this one)"
        ),
        "{warned:?}"
    );

    // Lines without a date at all are no surprise and get no warning.
    let plain = work.path().join("plain.jsonl");
    fs::write(&plain, "{\"id\": \"n1\", \"body\": \"Oil prices rose.\"}\n").expect("write");
    let report = index
        .ingest_paths(&[plain], &IngestOptions::default(), &|_| {})
        .expect("ingest");
    assert_eq!((report.added, report.without_date), (1, 1));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}
