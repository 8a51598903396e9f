//! `dateline index`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use anyhow::Context;
use dateline_index::{Corpus, FileFilter, FileIds, Index, IngestOptions, IngestReport, Progress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::{IndexArgs, OutputFormat};
use crate::cmd::write_json_line;
use crate::style::{self, Verbosity};

pub fn run(index_dir: &Path, args: IndexArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    // Checked before the index is opened, which may create it.
    let files = args.globs.filter()?;
    if args.files {
        return list_files(&args.paths, &files);
    }
    let mut index = if args.rebuild {
        Index::begin_rebuild(index_dir)?
    } else {
        Index::open_or_create(index_dir)?
    };
    if let Some(path) = &args.aliases {
        index = index.with_aliases(crate::cmd::extract::user_aliases(path)?);
    }
    let options = IngestOptions {
        // In range: checked when the arguments were parsed (`args::memory_budget`).
        memory_budget: args.memory * 1_000_000,
        threads: args.threads,
        commit_every: args.commit_every.max(1),
        keep_duplicates: args.keep_duplicates,
        prune: args.prune,
        extract_entities: !args.no_entities,
        files,
        ..IngestOptions::default()
    };
    let target = if verbosity == Verbosity::Quiet {
        ProgressDrawTarget::hidden()
    } else {
        // Hidden by indicatif when stderr is not a terminal.
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(None, target);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner:.green} [{elapsed_precise}] {wide_bar:.cyan/blue} {bytes}/{total_bytes} \
             ({bytes_per_sec}, eta {eta}) {msg}",
        )
        .context("progress bar template")?
        .progress_chars("█▉▊▋▌▍▎▏ "),
    );
    let reading = if args.rebuild {
        "rebuilding"
    } else {
        "reading"
    };
    bar.set_message(reading);
    // Reading goes on after a commit that is not the last: the label goes back.
    let committing = AtomicBool::new(false);
    let start = Instant::now();
    // Verbose lines go above the bar on a terminal, straight to stderr otherwise.
    let say = |line: String| {
        if verbosity != Verbosity::Verbose {
            return;
        }
        let line = format!("[{:>7.2}s] {line}", start.elapsed().as_secs_f64());
        if bar.is_hidden() {
            eprintln!("{line}");
        } else {
            bar.println(line);
        }
    };
    let progress = |event: Progress<'_>| match event {
        Progress::Found {
            files,
            bytes,
            unchanged,
        } => {
            bar.set_length(bytes);
            say(format!(
                "found {} file{}: {files} ({:.1} MB) to read, {unchanged} unchanged since indexed",
                files + unchanged,
                if files + unchanged == 1 { "" } else { "s" },
                bytes as f64 / 1e6
            ));
        }
        Progress::FileDone { bytes, .. } => {
            if committing.swap(false, Ordering::Relaxed) {
                bar.set_message(reading);
            }
            bar.inc(bytes)
        }
        Progress::Committing => {
            committing.store(true, Ordering::Relaxed);
            bar.set_message("committing");
            say(format!(
                "committing ({:.1} MB read so far)",
                bar.position() as f64 / 1e6
            ));
        }
    };
    // A rebuild that fails here is given up: `DIR.rebuild` removed, the old index unlocked.
    let report = index.ingest_paths(&args.paths, &options, &progress)?;
    bar.finish_and_clear();
    let index = if args.rebuild {
        match index.finish_rebuild() {
            Ok(index) => {
                say(format!("replaced the index at {}", index_dir.display()));
                index
            }
            Err(e) => {
                // The files skipped first: they say why a rebuild read nothing.
                print_skipped(&report)?;
                return Err(e.into());
            }
        }
    } else {
        index
    };

    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Json => write_json_line(&mut out, &report)?,
        OutputFormat::Text if verbosity == Verbosity::Quiet => {
            // Warnings still go out, on stderr.
            print_skipped(&report)?;
        }
        OutputFormat::Text => print_summary(&mut out, &report, &index)?,
    }
    Ok(if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The skipped files and lines, and the warnings, one line each on stderr.
fn print_skipped(report: &IngestReport) -> anyhow::Result<()> {
    let mut err = anstream::stderr().lock();
    for s in &report.skipped {
        writeln!(err, "{} {s}", style::paint(style::WARN, "skipped:"))?;
    }
    print_warnings(&mut err, report, "warning: ")
}

/// Warnings listed in text: a run that replaces a whole corpus by id would otherwise print a
/// line per article.
const MAX_WARNINGS_SHOWN: usize = 20;

/// The first [`MAX_WARNINGS_SHOWN`] warnings, each after `lead`, then how many more there are.
fn print_warnings(out: &mut impl Write, report: &IngestReport, lead: &str) -> anyhow::Result<()> {
    for w in report.warnings.iter().take(MAX_WARNINGS_SHOWN) {
        writeln!(out, "{}{w}", style::paint(style::WARN, lead))?;
    }
    if let Some(more) = report.warnings.len().checked_sub(MAX_WARNINGS_SHOWN) {
        if more > 0 {
            writeln!(
                out,
                "{lead}… and {more} more (`--format json` lists them all)"
            )?;
        }
    }
    Ok(())
}

fn print_summary(out: &mut impl Write, report: &IngestReport, index: &Index) -> anyhow::Result<()> {
    writeln!(
        out,
        "Indexed {} file{} ({:.1} MB) in {:.2} s: {:.0} articles/s",
        report.files,
        if report.files == 1 { "" } else { "s" },
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
        ("duplicates", report.duplicates),
    ];
    for (label, n) in rows {
        writeln!(out, "  {label:<13}{n:>10}")?;
    }
    if report.removed > 0 {
        writeln!(
            out,
            "  {:<13}{:>10}  (no longer in their files: --prune)",
            "removed", report.removed
        )?;
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
        writeln!(out, "{}", style::paint(style::WARN, "Skipped:"))?;
        for s in &report.skipped {
            writeln!(out, "  {s}")?;
        }
    }
    if !report.warnings.is_empty() {
        writeln!(out, "{}", style::paint(style::WARN, "Warnings:"))?;
        print_warnings(out, report, "  ")?;
    }
    Ok(())
}

/// `--files`: the files a run over `paths` would read, found as it finds them (`-`, standard
/// input, as itself). As for a run, a path named that does not exist is an error, and what
/// cannot be walked below one is named on standard error (exit status 1).
fn list_files(paths: &[std::path::PathBuf], filter: &FileFilter) -> anyhow::Result<ExitCode> {
    let (stdin, paths) = dateline_index::named_paths(paths)?;
    let mut out = anstream::stdout().lock();
    if stdin {
        writeln!(out, "-")?;
    }
    let mut ids = FileIds::new(Path::new(".")).context("reading the current folder")?;
    let corpus = Corpus::find(&paths, filter, &mut ids, false)?;
    for file in corpus.files() {
        writeln!(out, "{}", file.display())?;
    }
    for s in corpus.skipped() {
        anstream::eprintln!("{} {s}", style::paint(style::WARN, "skipped:"));
    }
    Ok(if corpus.skipped().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
