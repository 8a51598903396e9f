//! Builds the SYNTHETIC scale corpus by replicating real articles from `../shared/data` with new
//! ids and dates shifted by one year per copy, in both shapes: one JSON Lines file and a tree of
//! raw text files in the scraped-page shape.
//!
//! `--sets reuters,bbc --copies 11` reproduces the ~262k-article corpus of
//! `../shared/anchors/speed.md`; `--sets reuters,bbc,time,seed --copies 42` gives about a million.
//! Never commit the output.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Parser;
use dateline_benches::{read_records, replicate, shared_data, Record};

#[derive(Parser)]
struct Args {
    /// Output folder (gets docs.jsonl and, with --raw-files, raw/).
    #[arg(long)]
    out: PathBuf,
    /// Copies of every source article.
    #[arg(long, default_value_t = 11)]
    copies: usize,
    /// Source sets, in order: reuters, bbc, time, seed.
    #[arg(long, value_delimiter = ',', default_value = "reuters,bbc")]
    sets: Vec<String>,
    /// Also write this many articles (the first ones) as raw text files under raw/.
    #[arg(long, default_value_t = 0)]
    raw_files: usize,
}

fn source(set: &str) -> Result<Vec<Record>> {
    let data = shared_data();
    Ok(match set {
        "reuters" => read_records(&data.join("reuters21578/docs.jsonl.gz"))?,
        "bbc" => read_records(&data.join("bbc-news/docs.jsonl"))?,
        // TIME's ids are numbers, as Reuters' are: prefixed so that they stay unique.
        "time" => read_records(&data.join("glasgow/time/docs.jsonl"))?
            .into_iter()
            .map(|r| Record {
                id: format!("time/{}", r.id),
                ..r
            })
            .collect(),
        "seed" => {
            let path = data.join("seed/london-terror-talks.txt");
            let bytes = fs::read(&path).with_context(|| path.display().to_string())?;
            let a = dateline_core::reader::raw::parse(&bytes, "seed")?;
            vec![Record {
                id: "seed".into(),
                title: a.title,
                date: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
                body: a.body,
            }]
        }
        other => bail!("unknown set {other:?} (reuters, bbc, time, seed)"),
    })
}

/// The scraped-page shape: a navigation line, a date line, the title twice, paragraphs.
fn raw_text(r: &Record) -> String {
    let mut out = String::from("icon menu icon search icon share Home News World Business\n");
    if let Some(date) = &r.date {
        out.push_str(date);
        out.push_str("\n\n");
    }
    if let Some(title) = &r.title {
        out.push_str(&format!("{title}\n\n{title}\n\n"));
    }
    out.push_str(&r.body);
    out.push('\n');
    out
}

fn main() -> Result<()> {
    let args = Args::parse();
    let mut sources = Vec::new();
    for set in &args.sets {
        sources.extend(source(set)?);
    }
    fs::create_dir_all(&args.out)?;
    let mut jsonl = BufWriter::new(fs::File::create(args.out.join("docs.jsonl"))?);
    let mut written = 0usize;
    for copy in 0..args.copies {
        for record in &sources {
            let r = replicate(record, copy);
            serde_json::to_writer(&mut jsonl, &r)?;
            jsonl.write_all(b"\n")?;
            if written < args.raw_files {
                // 1,000 files per folder keeps directories listable.
                let dir = args.out.join("raw").join(format!("{:04}", written / 1000));
                if written.is_multiple_of(1000) {
                    fs::create_dir_all(&dir)?;
                }
                fs::write(
                    dir.join(format!("{}.txt", r.id.replace('/', "_"))),
                    raw_text(&r),
                )?;
            }
            written += 1;
        }
    }
    jsonl.flush()?;
    eprintln!(
        "SYNTHETIC corpus: {written} articles ({} sources x {} copies) in {}; {} raw files",
        sources.len(),
        args.copies,
        args.out.display(),
        written.min(args.raw_files)
    );
    Ok(())
}
