//! `dateline index`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Context;
use dateline_index::{Index, IngestOptions, Progress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::{IndexArgs, OutputFormat};
use crate::style;

pub fn run(index_dir: &Path, args: IndexArgs) -> anyhow::Result<ExitCode> {
    let index = Index::open_or_create(index_dir)?;
    let options = IngestOptions {
        memory_budget: args.memory.max(16) * 1_000_000,
        threads: args.threads,
        ..IngestOptions::default()
    };
    let target = if args.quiet {
        ProgressDrawTarget::hidden()
    } else {
        // Hidden by indicatif when stderr is not a terminal.
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(None, target);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta}) {msg}",
        )
        .context("progress bar template")?,
    );
    let last_file = Mutex::new(String::new());
    let progress = |event: Progress<'_>| match event {
        Progress::Found { bytes, .. } => bar.set_length(bytes),
        Progress::FileDone { path, bytes } => {
            bar.inc(bytes);
            if let Ok(mut last) = last_file.try_lock() {
                *last = path.display().to_string();
            }
        }
        Progress::Committing => bar.set_message("committing"),
    };
    let report = index.ingest_paths(&args.paths, &options, &progress)?;
    bar.finish_and_clear();

    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut out, &report)?;
            writeln!(out)?;
        }
        OutputFormat::Text => {
            writeln!(
                out,
                "Indexed {} files ({:.1} MB) in {:.2} s: {:.0} articles/s",
                report.files,
                report.bytes as f64 / 1e6,
                report.elapsed.as_secs_f64(),
                report.articles_per_second()
            )?;
            let rows = [
                ("added", report.added),
                ("updated", report.updated),
                ("unchanged", report.unchanged),
                ("skipped", report.skipped.len()),
                ("without date", report.without_date),
            ];
            for (label, n) in rows {
                writeln!(out, "  {label:<13}{n:>10}")?;
            }
            if report.ignored_files > 0 {
                writeln!(
                    out,
                    "  {:<13}{:>10}  (not article files: README, images…)",
                    "ignored", report.ignored_files
                )?;
            }
            writeln!(out, "  {:<13}{:>10}", "in index", index.num_articles())?;
            if !report.skipped.is_empty() {
                writeln!(
                    out,
                    "{}Skipped:{}",
                    style::WARN.render(),
                    style::WARN.render_reset()
                )?;
                for s in &report.skipped {
                    writeln!(out, "  {s}")?;
                }
            }
        }
    }
    Ok(if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
