//! The `dateline` command: argument parsing and output over the Dateline libraries.

mod args;
mod cmd;
mod style;

use std::io::ErrorKind;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::style::Verbosity;

/// mimalloc instead of the system allocator: indexing allocates from several threads at once,
/// where glibc's per-thread arenas cost time and memory (see BENCHMARKS.md, "Speed").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Where the index lives when neither `--index` nor `DATELINE_INDEX` says.
const DEFAULT_INDEX_DIR: &str = ".dateline";

fn main() -> ExitCode {
    style::report_panics_in_one_line();
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
    style::set_color(cli.color);
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            anstream::eprintln!(
                "{} {}",
                style::paint(style::ERROR, "error:"),
                style::one_line(&err)
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
    let verbosity = Verbosity::from_flags(cli.quiet, cli.verbose);
    let index_dir = cli
        .index
        .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX_DIR));
    match cli.command {
        Command::Index(args) => cmd::index::run(&index_dir, args, verbosity),
        Command::Search(args) => cmd::search::run(&index_dir, args),
        Command::Stats(args) => cmd::stats::run(&index_dir, args),
        Command::Optimize(args) => cmd::optimize::run(&index_dir, args),
        Command::Show(args) => cmd::show::run(&index_dir, args),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Man => cmd::completions::man(),
        Command::Eval(args) => cmd::eval::run(&index_dir, args, verbosity),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Entities(args) => cmd::entities::run(&index_dir, args),
        Command::Bench(args) => cmd::bench::run(&index_dir, args, verbosity),
    }
}
