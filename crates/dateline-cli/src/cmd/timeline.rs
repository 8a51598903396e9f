//! `dateline timeline`: matching articles per period, as a bar chart, JSON or CSV.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dateline_index::Interval;

use crate::args::{ListFormat, Period, TimelineArgs};
use crate::cmd::{write_csv, write_json_line};
use crate::style::{self, Verbosity};

/// Widest bar, in characters.
const BAR: u64 = 40;

pub fn run(index_dir: &Path, args: TimelineArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    let index = crate::cmd::open_index(index_dir, args.aliases.as_deref())?;
    let request = crate::cmd::counting_request(
        crate::args::query_text(&args.query).as_deref(),
        &args.filters,
    )?;
    let interval = match args.by {
        Period::Day => Interval::Day,
        Period::Week => Interval::Week,
        Period::Month => Interval::Month,
        Period::Year => Interval::Year,
    };
    let timeline = index.timeline(&request, interval)?;
    crate::cmd::search::print_tips(&index, &request, false)?;
    let mut out = anstream::stdout().lock();
    match args.format {
        ListFormat::Json => write_json_line(&mut out, &timeline)?,
        ListFormat::Csv => write_csv(
            &mut out,
            ["period", "start", "articles"],
            timeline
                .periods
                .iter()
                .map(|p| [p.period.clone(), p.start.clone(), p.articles.to_string()]),
        )?,
        ListFormat::Text => {
            let most = timeline
                .periods
                .iter()
                .map(|p| p.articles)
                .max()
                .unwrap_or(0);
            let width = timeline
                .periods
                .iter()
                .map(|p| p.period.len())
                .max()
                .unwrap_or(0);
            for p in &timeline.periods {
                let bar = "#".repeat((p.articles * BAR).div_ceil(most.max(1)) as usize);
                write!(out, "{:<width$} {:>8}", p.period, p.articles)?;
                if bar.is_empty() {
                    writeln!(out)?;
                } else {
                    writeln!(out, " {}", style::paint(style::ENTITY, bar))?;
                }
            }
            if verbosity != Verbosity::Quiet {
                let plural = if timeline.total == 1 { "" } else { "s" };
                let undated = if timeline.undated > 0 {
                    format!(", {} without a date", timeline.undated)
                } else {
                    String::new()
                };
                let line = format!("{} matching article{plural}{undated}", timeline.total);
                writeln!(out, "{}", style::paint(style::DIM, line))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
