//! `dateline stats`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dateline_index::Index;

use crate::args::{OutputFormat, StatsArgs};
use crate::cmd::{kind_heading, write_json_line};
use crate::style;

pub fn run(index_dir: &Path, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let index = Index::open(index_dir)?;
    let stats = index.stats(args.top)?;
    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Json => write_json_line(&mut out, &stats)?,
        OutputFormat::Text => {
            let day = |d: Option<chrono::DateTime<chrono::Utc>>| {
                d.map_or_else(|| "-".to_string(), |d| d.format("%Y-%m-%d").to_string())
            };
            writeln!(out, "articles      {}", stats.articles)?;
            writeln!(
                out,
                "dates         {} … {}",
                day(stats.first_date),
                day(stats.last_date)
            )?;
            writeln!(out, "without date  {}", stats.without_date)?;
            if stats.user_aliases > 0 {
                writeln!(out, "user aliases  {}", stats.user_aliases)?;
            }
            for (kind, list) in &stats.top_entities {
                let label = kind_heading(*kind);
                writeln!(out, "{}", style::paint(style::TITLE, label))?;
                for (name, n) in list {
                    writeln!(out, "  {n:>8}  {}", style::paint(style::ENTITY, name))?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
