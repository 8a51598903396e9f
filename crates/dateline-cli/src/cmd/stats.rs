//! `dateline stats`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dateline_core::EntityKind;
use dateline_index::Index;

use crate::args::{OutputFormat, StatsArgs};
use crate::style;

pub fn run(index_dir: &Path, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let index = Index::open(index_dir)?;
    let stats = index.stats(args.top)?;
    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut out, &stats)?;
            writeln!(out)?;
        }
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
            for (kind, list) in &stats.top_entities {
                let label = match kind {
                    EntityKind::Person => "people",
                    EntityKind::Organization => "organisations",
                    EntityKind::Place => "places",
                    EntityKind::Misc => "other",
                };
                writeln!(
                    out,
                    "{}{label}{}",
                    style::TITLE.render(),
                    style::TITLE.render_reset()
                )?;
                for (name, n) in list {
                    writeln!(
                        out,
                        "  {n:>8}  {}{name}{}",
                        style::ENTITY.render(),
                        style::ENTITY.render_reset()
                    )?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
