//! Embedding Dateline: index the bundled sample corpus in memory, then search it with a date
//! range and an entity filter, and index a few articles built in code.
//!
//! Run with `cargo run --example embed`.

use std::path::PathBuf;

use dateline_core::Article;
use dateline_index::{Index, IngestOptions, SearchRequest, Sort};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let index = Index::create_in_ram()?;

    // Files and folders: raw text and JSON Lines, read on all cores.
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../sample");
    let report = index.ingest_paths(&[sample], &IngestOptions::default(), &|_| {})?;
    println!(
        "indexed {} articles ({} without date, {} skipped)",
        report.added,
        report.without_date,
        report.skipped.len()
    );

    // Articles built by the program itself.
    index.add_articles(vec![Article::new(
        "note-1",
        "Daesh fighters withdrew from the town, officials said.",
    )
    .with_title("Fighters withdraw")
    .with_published("2015-01-30T12:00:00Z".parse()?)])?;

    // A phrase, in January 2015, naming Islamic State under any of its names.
    let request = SearchRequest::new("\"foreign fighters\" OR fighters")
        .from_str("2015-01-01")?
        .to_str("2015-01-31")?
        .entity("ISIS")
        .sort(Sort::Relevance);
    let results = index.search(&request)?;
    println!("{} matching articles", results.total);
    for hit in &results.hits {
        let date = hit
            .date
            .map(|d| d.date_naive().to_string())
            .unwrap_or_default();
        println!(
            "{:>2}. {date}  {}  [{}]",
            hit.rank,
            hit.title.as_deref().unwrap_or("(untitled)"),
            hit.id
        );
        if let Some(snippet) = &hit.snippet {
            println!("    {}", snippet.text);
        }
    }
    Ok(())
}
