//! Reuters-21578 agreement and extraction throughput without the CLI (same library calls as
//! `dateline entities eval --reuters` and `dateline entities bench`):
//! `cargo run --release -p dateline-core --example entities_measure -- DOCS.jsonl.gz`

use std::path::Path;

use dateline_core::entities::reuters::reuters_agreement;
use dateline_core::entities::throughput::measure_throughput;
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
    let t = measure_throughput(&ex, &articles, 3);
    println!(
        "throughput: {} articles, {:.1} MB, best of {} {:.2} s = {:.1} MB/s on one core",
        t.articles,
        t.bytes as f64 / 1e6,
        t.passes,
        t.best_seconds,
        t.mb_per_second
    );
    Ok(())
}
