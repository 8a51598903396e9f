//! Reuters-21578 agreement and extraction throughput without the CLI (same library calls as
//! `dateline entities eval --reuters` and `dateline entities bench`):
//! `cargo run --release -p dateline-core --example entities_measure -- DOCS.jsonl.gz`

use std::path::Path;
use std::time::Instant;

use dateline_core::entities::reuters::reuters_agreement;
use dateline_core::entities::EntityExtractor;
use dateline_core::reader::{read_file, Format};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: entities_measure DOCS.jsonl.gz")?;
    let path = Path::new(&path);
    let ex = EntityExtractor::new();
    let s = reuters_agreement(&ex, path)?;
    for (label, c) in [("places", s.places), ("people", s.people)] {
        println!(
            "{label}: P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    let format = Format::from_path(path).ok_or("not an article file")?;
    let articles: Vec<_> = read_file(path, format, "docs")?
        .into_iter()
        .flatten()
        .collect();
    let bytes: usize = articles
        .iter()
        .map(|a| a.body.len() + a.title.as_ref().map_or(0, String::len))
        .sum();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        let mut n = 0;
        for a in &articles {
            n += ex.analyze(a.title.as_deref(), &a.body).mentions.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
        std::hint::black_box(n);
    }
    println!(
        "throughput: {} articles, {:.1} MB, best of 3 {:.2} s = {:.1} MB/s on one core",
        articles.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best
    );
    Ok(())
}
