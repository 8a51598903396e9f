//! The raw-tantivy baseline Dateline is measured against: the same JSON Lines corpus indexed
//! with plain tantivy (title + body, `en_stem`, positions, a stored id), and the same query
//! file searched with tantivy's own query parser, timed the way `dateline bench` times.
//!
//! ```text
//! tantivy-baseline index --input docs.jsonl --index DIR [--heap-mb 256]
//! tantivy-baseline search --index DIR --queries scale_queries.tsv [--k 10]
//! ```

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::{doc, Index, TantivyDocument};

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Index a JSON Lines file.
    Index {
        #[arg(long)]
        input: PathBuf,
        #[arg(long)]
        index: PathBuf,
        /// Writer heap in MB, split across tantivy's default threads.
        #[arg(long, default_value_t = 256)]
        heap_mb: usize,
    },
    /// Time a query file.
    Search {
        #[arg(long)]
        index: PathBuf,
        #[arg(long)]
        queries: PathBuf,
        #[arg(long, default_value_t = 10)]
        k: usize,
        #[arg(long, default_value_t = 2)]
        warmup: usize,
        #[arg(long, default_value_t = 3)]
        passes: usize,
    },
}

#[derive(serde::Deserialize)]
struct Record {
    id: serde_json::Value,
    title: Option<String>,
    #[serde(default)]
    body: String,
}

fn main() -> Result<()> {
    match Args::parse().command {
        Cmd::Index {
            input,
            index,
            heap_mb,
        } => {
            let start = Instant::now();
            let mut builder = Schema::builder();
            let id = builder.add_text_field("id", STRING | STORED);
            // tantivy's English analyzer (simple tokenizer, long-token filter, lower case,
            // Porter stemmer), as the speed issue specifies: `TEXT` alone would not stem.
            let text = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("en_stem")
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            );
            let title = builder.add_text_field("title", text.clone());
            let body = builder.add_text_field("body", text);
            let schema = builder.build();
            std::fs::create_dir_all(&index)?;
            let idx = Index::create_in_dir(&index, schema)?;
            let mut writer = idx.writer::<TantivyDocument>(heap_mb * 1_000_000)?;
            let (mut n, mut bytes) = (0u64, 0u64);
            let file = File::open(&input).with_context(|| input.display().to_string())?;
            for line in BufReader::new(file).lines() {
                let line = line?;
                bytes += line.len() as u64 + 1;
                let r: Record = serde_json::from_str(&line)?;
                let id_text = match r.id {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                };
                writer.add_document(doc!(
                    id => id_text,
                    title => r.title.unwrap_or_default(),
                    body => r.body,
                ))?;
                n += 1;
            }
            writer.commit()?;
            writer.wait_merging_threads()?;
            let secs = start.elapsed().as_secs_f64();
            println!(
                "{{\"docs\":{n},\"seconds\":{secs:.3},\"docs_per_s\":{:.0},\"mb_per_s\":{:.2}}}",
                n as f64 / secs,
                bytes as f64 / 1e6 / secs
            );
        }
        Cmd::Search {
            index,
            queries,
            k,
            warmup,
            passes,
        } => {
            let idx = Index::open_in_dir(&index)?;
            let schema = idx.schema();
            let (id, title, body) = (
                schema.get_field("id")?,
                schema.get_field("title")?,
                schema.get_field("body")?,
            );
            let reader = idx.reader()?;
            let searcher = reader.searcher();
            let parser = QueryParser::for_index(&idx, vec![title, body]);
            let text = std::fs::read_to_string(&queries)?;
            let parsed: Vec<_> = text
                .lines()
                .filter_map(|l| l.split('\t').nth(1))
                .map(|q| parser.parse_query(q))
                .collect::<Result<_, _>>()?;
            let run = || -> Result<(f64, Vec<f64>)> {
                let mut times = Vec::with_capacity(parsed.len());
                let pass = Instant::now();
                for q in &parsed {
                    let t = Instant::now();
                    let top = searcher.search(q, &TopDocs::with_limit(k).order_by_score())?;
                    for (_, addr) in top {
                        let d: TantivyDocument = searcher.doc(addr)?;
                        std::hint::black_box(
                            d.get_first(id).and_then(|v| v.as_str().map(str::len)),
                        );
                    }
                    times.push(t.elapsed().as_secs_f64() * 1e6);
                }
                Ok((pass.elapsed().as_secs_f64(), times))
            };
            for _ in 0..warmup {
                run()?;
            }
            let mut runs = (0..passes.max(1))
                .map(|_| run())
                .collect::<Result<Vec<_>>>()?;
            runs.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (wall, mut times) = runs.swap_remove(runs.len() / 2);
            times.sort_by(f64::total_cmp);
            let pct = |p: f64| {
                let rank = ((p / 100.0) * times.len() as f64).ceil() as usize;
                times[rank.clamp(1, times.len()) - 1]
            };
            println!(
                "{{\"queries\":{},\"qps\":{:.0},\"p50_us\":{:.0},\"p95_us\":{:.0},\"p99_us\":{:.0},\"max_us\":{:.0}}}",
                times.len(),
                times.len() as f64 / wall,
                pct(50.0),
                pct(95.0),
                pct(99.0),
                times.last().copied().unwrap_or(0.0)
            );
        }
    }
    Ok(())
}
