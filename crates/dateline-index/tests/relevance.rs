//! Relevance floor: mean nDCG@10 of the default ranking over the six tuning collections
//! (cacm, cisi, cran, med, lisa, adi of `../shared/data/glasgow`) must not drop below the
//! recorded floor, and on each of them nDCG@10 and MAP must stay at or above the best peer's
//! (`../shared/anchors/relevance.md`). Metrics are computed here (trec_eval's semantics, graded
//! gains for nDCG) so that this crate does not depend on `dateline-eval`.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use dateline_index::{Index, IngestOptions, Ranking};

/// A little below the achieved mean (see BENCHMARKS.md, "Relevance").
const NDCG10_FLOOR: f64 = 0.50;

/// The tuning collections with the best peer's nDCG@10 and MAP on each (anchors/relevance.md).
const TUNING: [(&str, f64, f64); 6] = [
    ("cacm", 0.4935, 0.3391),
    ("cisi", 0.3857, 0.2144),
    ("cran", 0.3729, 0.3103),
    ("med", 0.7038, 0.5351),
    ("lisa", 0.4756, 0.3790),
    ("adi", 0.4938, 0.4185),
];

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

/// trec_eval `map`: precision at each relevant document retrieved, over all relevant documents.
fn average_precision(ranked: &[(String, f32)], judged: &HashMap<String, i32>) -> f64 {
    let relevant = judged.values().filter(|&&r| r > 0).count();
    let mut found = 0;
    let mut sum = 0.0;
    for (i, (d, _)) in ranked.iter().enumerate() {
        if judged.get(d).is_some_and(|&r| r > 0) {
            found += 1;
            sum += f64::from(found) / (i as f64 + 1.0);
        }
    }
    sum / relevant as f64
}

#[test]
fn default_ranking_keeps_the_floor_and_beats_the_best_peer_on_each_tuning_collection() {
    let Some(data) = glasgow() else { return };
    let mut means = Vec::new();
    let mut behind = Vec::new();
    for (name, peer_ndcg, peer_map) in TUNING {
        let dir = data.join(name);
        let index = Index::create_in_ram().unwrap();
        let options = IngestOptions {
            threads: Some(1),
            // Every document of a test collection counts, even those that repeat another.
            keep_duplicates: true,
            ..IngestOptions::default()
        };
        index
            .ingest_paths(&[dir.join("docs.jsonl")], &options, &|_| {})
            .unwrap();
        let topics = read_topics(&dir.join("topics.tsv"));
        let qrels = read_qrels(&dir.join("qrels.txt"));
        let runs = index
            .run_queries(&topics, 1000, &Ranking::default(), &|_, _| {})
            .unwrap();
        let mut scores = Vec::new();
        let mut aps = Vec::new();
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
            aps.push(average_precision(&hits, judged));
        }
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let map = aps.iter().sum::<f64>() / aps.len() as f64;
        eprintln!(
            "{name}: nDCG@10 {mean:.4} MAP {map:.4} over {} queries",
            scores.len()
        );
        if mean < peer_ndcg || map < peer_map {
            behind.push(format!(
                "{name}: nDCG@10 {mean:.4} (best peer {peer_ndcg}), MAP {map:.4} (best peer {peer_map})"
            ));
        }
        means.push(mean);
    }
    assert!(behind.is_empty(), "behind the best peer: {behind:?}");
    let mean = means.iter().sum::<f64>() / means.len() as f64;
    eprintln!("mean nDCG@10 over the six tuning collections: {mean:.4}");
    assert!(
        mean >= NDCG10_FLOOR,
        "mean nDCG@10 {mean:.4} fell below the recorded floor {NDCG10_FLOOR}"
    );
}
