//! Near duplicates (`dateline_core::shingles`) on pairs of Reuters-21578 stories.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};

use dateline_core::shingles::Shingles;

/// The bodies of the Reuters-21578 stories with these ids; `None` without the shared data.
fn reuters_bodies(ids: &[&str]) -> Option<HashMap<String, String>> {
    let data = common::shared_data()?;
    let file = std::fs::File::open(data.join("reuters21578/docs.jsonl.gz")).expect("reuters docs");
    let mut bodies = HashMap::new();
    for line in BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
        let doc: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("json");
        let id = doc["id"].as_str().expect("an id");
        if ids.contains(&id) {
            let body = doc["body"].as_str().unwrap_or_default();
            bodies.insert(id.to_string(), body.to_string());
        }
    }
    assert_eq!(bodies.len(), ids.len(), "every id is in the collection");
    Some(bodies)
}

#[test]
fn reuters_stories_sent_again_are_near_duplicates_and_templated_notices_are_not() {
    // Same story: a short report and its longer version (3092, 3103); a story and its copy
    // cut short (7551, 7595). Different events: two firms' identical dividend notices (5662,
    // 12643), the Bank of England's forecasts of two days (913: 350 mln stg, 5819: 450).
    let same = [("3092", "3103"), ("7551", "7595")];
    let different = [("5662", "12643"), ("913", "5819")];
    let ids: Vec<&str> = same
        .iter()
        .chain(&different)
        .flat_map(|&(a, b)| [a, b])
        .collect();
    let Some(bodies) = reuters_bodies(&ids) else {
        return;
    };
    let shingles = |id: &str| Shingles::of(&bodies[id]);
    for (a, b) in same {
        let (a, b) = (shingles(a), shingles(b));
        assert!(a.near_duplicate(&b) && b.near_duplicate(&a), "{a:?} {b:?}");
    }
    // The short report is some 40 runs, and wholly in the longer version.
    let (short, long) = (shingles("3092"), shingles("3103"));
    assert!(
        short.len() < 50 && short.containment(&long) > 0.95,
        "{short:?}"
    );
    for (x, y) in different {
        let (a, b) = (shingles(x), shingles(y));
        assert!(!a.near_duplicate(&b), "{x} and {y}");
    }
    // The dividend notices differ in a word of the first run only, and are too short to tell
    // from a copy.
    let (a, b) = (shingles("5662"), shingles("12643"));
    assert!(
        a.containment(&b) >= 0.9 && a.len() < 25,
        "{}",
        a.containment(&b)
    );
}
