//! Relevance floor: mean nDCG@10 of the default ranking over the six tuning collections
//! (cacm, cisi, cran, med, lisa, adi of `../shared/data/glasgow`) must not drop below the
//! recorded floor. Metrics are computed here (nDCG@10 with trec_eval's semantics, graded
//! gains) so that this crate does not depend on `dateline-eval`.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use dateline_index::{Index, IngestOptions, Ranking};

/// A little below the achieved mean (see BENCHMARKS.md, "Relevance").
const NDCG10_FLOOR: f64 = 0.49;

const TUNING: [&str; 6] = ["cacm", "cisi", "cran", "med", "lisa", "adi"];

fn glasgow() -> Option<PathBuf> {
    common::shared_data("glasgow")
}

fn read_topics(path: &std::path::Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(q, t)| (q.trim().to_string(), t.to_string()))
        .collect()
}

fn read_qrels(path: &std::path::Path) -> HashMap<String, HashMap<String, i32>> {
    let mut qrels: HashMap<String, HashMap<String, i32>> = HashMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() == 4 {
            qrels
                .entry(f[0].to_string())
                .or_default()
                .insert(f[2].to_string(), f[3].parse().unwrap());
        }
    }
    qrels
}

/// trec_eval `ndcg_cut_10`: gain = grade, discount log2(rank + 1), ideal from all judgments.
fn ndcg10(ranked: &[(String, f32)], judged: &HashMap<String, i32>) -> f64 {
    let gain = |d: &str| f64::from(judged.get(d).copied().unwrap_or(0).max(0));
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, (d, _))| gain(d) / (i as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<f64> = judged.values().map(|&r| f64::from(r.max(0))).collect();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, g)| g / (i as f64 + 2.0).log2())
        .sum();
    if idcg > 0.0 {
        dcg / idcg
    } else {
        0.0
    }
}

#[test]
fn mean_ndcg10_over_the_tuning_collections_stays_above_the_floor() {
    let Some(data) = glasgow() else { return };
    let mut means = Vec::new();
    for name in TUNING {
        let dir = data.join(name);
        let index = Index::create_in_ram().unwrap();
        let options = IngestOptions {
            threads: Some(1),
            ..IngestOptions::default()
        };
        index
            .ingest_paths(&[dir.join("docs.jsonl")], &options, &|_| {})
            .unwrap();
        let topics = read_topics(&dir.join("topics.tsv"));
        let qrels = read_qrels(&dir.join("qrels.txt"));
        let runs = index
            .run_queries(&topics, 10, &Ranking::default(), &|_, _| {})
            .unwrap();
        let mut scores = Vec::new();
        for (qid, mut hits) in runs {
            let Some(judged) = qrels.get(&qid) else {
                continue;
            };
            if !judged.values().any(|&r| r > 0) {
                continue;
            }
            // trec_eval order: score descending, then docid descending.
            hits.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
            scores.push(ndcg10(&hits, judged));
        }
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        eprintln!("{name}: nDCG@10 {mean:.4} over {} queries", scores.len());
        means.push(mean);
    }
    let mean = means.iter().sum::<f64>() / means.len() as f64;
    eprintln!("mean nDCG@10 over the six tuning collections: {mean:.4}");
    assert!(
        mean >= NDCG10_FLOOR,
        "mean nDCG@10 {mean:.4} fell below the recorded floor {NDCG10_FLOOR}"
    );
}
