//! The `dateline` command: argument parsing and output over the Dateline libraries.

mod args;
mod cmd;
mod style;

use std::io::ErrorKind;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, ColorWhen, Command};

/// Where the index lives when neither `--index` nor `DATELINE_INDEX` says.
const DEFAULT_INDEX_DIR: &str = ".dateline";

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with success, usage errors to stderr.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.color {
        ColorWhen::Always => anstream::ColorChoice::Always.write_global(),
        ColorWhen::Never => anstream::ColorChoice::Never.write_global(),
        ColorWhen::Auto => {}
    }
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let chain: Vec<String> = err.chain().map(ToString::to_string).collect();
            anstream::eprintln!(
                "{}error:{} {}",
                style::ERROR.render(),
                style::ERROR.render_reset(),
                chain.join(": ")
            );
            if let Some(dateline_index::Error::Query(q)) = err.downcast_ref() {
                anstream::eprintln!("{}", q.pointer());
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let index_dir = cli
        .index
        .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX_DIR));
    match cli.command {
        Command::Index(args) => cmd::index::run(&index_dir, args),
        Command::Search(args) => cmd::search::run(&index_dir, args),
        Command::Stats(args) => cmd::stats::run(&index_dir, args),
    }
}
