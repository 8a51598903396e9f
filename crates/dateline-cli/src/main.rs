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
            // A malformed query is shown with a caret under the column, also when it was read
            // from a file (`bench`: the error names the file and line first).
            let query = err.chain().find_map(|cause| match cause.downcast_ref() {
                Some(dateline_index::Error::Query(q)) => Some(q),
                _ => None,
            });
            if let Some(q) = query {
                anstream::eprintln!("{}", q.pointer());
            }
            ExitCode::from(2)
        }
    }
}

/// Whether `err` comes from writing to a closed pipe (`dateline extract … | head`): the
/// reader has all it wanted, so the run ends quietly with success, as ripgrep's does.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    // JSON is written as text (`cmd::write_json_line`), so the io::Error is in the chain.
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
        Command::Search(args) => cmd::search::run(&index_dir, args, verbosity),
        Command::Stats(args) => cmd::stats::run(&index_dir, args),
        Command::Optimize(args) => cmd::optimize::run(&index_dir, args, verbosity),
        Command::Show(args) => cmd::show::run(&index_dir, args),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Man => cmd::completions::man(),
        Command::Eval(args) => cmd::eval::run(&index_dir, args, verbosity),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Entities(args) => cmd::entities::run(&index_dir, args, verbosity),
        Command::Timeline(args) => cmd::timeline::run(&index_dir, args, verbosity),
        Command::Export(args) => cmd::export::run(&index_dir, args),
        Command::Similar(args) => cmd::similar::run(&index_dir, args, verbosity),
        Command::Bench(args) => cmd::bench::run(&index_dir, args, verbosity),
    }
}
