//! `dateline optimize`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dateline_index::Index;

use crate::args::{OptimizeArgs, OutputFormat};
use crate::cmd::write_json_line;
use crate::style::Verbosity;

pub fn run(index_dir: &Path, args: OptimizeArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    let index = Index::open(index_dir)?;
    let report = index.optimize()?;
    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Json => write_json_line(&mut out, &report)?,
        // The summary is all the text says: `-q` has it say nothing.
        OutputFormat::Text if verbosity == Verbosity::Quiet => {}
        OutputFormat::Text if !report.merged => writeln!(
            out,
            "already one segment or none ({} articles): nothing to merge",
            report.articles
        )?,
        OutputFormat::Text => writeln!(
            out,
            "merged {} segments into {} ({} articles) in {:.1} s",
            report.segments_before,
            report.segments_after,
            report.articles,
            report.elapsed.as_secs_f64()
        )?,
    }
    Ok(ExitCode::SUCCESS)
}
