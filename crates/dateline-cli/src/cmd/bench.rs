//! `dateline bench`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dateline_index::bench::read_queries;
use dateline_index::Index;

use crate::args::{BenchArgs, OutputFormat};
use crate::cmd::search::with_filters;
use crate::cmd::write_json_line;
use crate::style::{self, Verbosity};

pub fn run(index_dir: &Path, args: BenchArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    let index = Index::open(index_dir)?;
    index.set_filter_cache_budget(args.filter_cache << 20);
    let mut queries = read_queries(&args.queries, args.k, args.snippets)?;
    for q in &mut queries {
        q.request = with_filters(q.request.clone(), &args.filters)?.fold_near_duplicates(args.fold);
    }
    let bar = style::counter_bar(verbosity, "queries");
    let report = index.bench(
        &queries,
        args.warmup,
        args.passes,
        &style::count_progress(&bar),
    )?;
    bar.finish_and_clear();
    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Json => write_json_line(&mut out, &report)?,
        OutputFormat::Text => {
            writeln!(
                out,
                "{} queries × {} passes (median pass), k={}{}{}",
                report.queries,
                report.passes,
                args.k,
                if args.snippets { ", with snippets" } else { "" },
                if args.fold {
                    ", near duplicates folded"
                } else {
                    ""
                }
            )?;
            writeln!(out, "  queries/s  {:>10.0}", report.qps)?;
            for (label, v) in [
                ("p50 µs", report.p50_us),
                ("p95 µs", report.p95_us),
                ("p99 µs", report.p99_us),
                ("max µs", report.max_us),
                ("mean µs", report.mean_us),
            ] {
                writeln!(out, "  {label:<9}  {v:>10.0}")?;
            }
            writeln!(out, "  0 hits     {:>10}", report.zero_hits)?;
            writeln!(out, "slowest (median µs over the passes):")?;
            for q in &report.slowest {
                writeln!(out, "  {:>8.0}  {}  {}", q.us, q.id, q.query)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
