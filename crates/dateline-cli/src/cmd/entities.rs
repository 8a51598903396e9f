//! `dateline entities`: top entities among matching articles; `entities eval` (CoNLL-2003
//! and Reuters-21578 agreement) and `entities bench` (extraction throughput).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use dateline_core::entities::conll::{evaluate, parse_conll, ConllDoc, ConllScores, Counts};
use dateline_core::entities::reuters::reuters_agreement;
use dateline_core::entities::throughput::measure_throughput;
use dateline_core::reader::{read_file, Format};
use dateline_core::EntityKind;
use dateline_index::{Facets, Index, SearchRequest};
use serde::Serialize;

use crate::args::{
    EntitiesAction, EntitiesArgs, EntitiesBenchArgs, EntitiesEvalArgs, EntityType, ListFormat,
    OutputFormat,
};
use crate::cmd::extract::extractor;
use crate::cmd::write_json_line;
use crate::style::{self, Verbosity};

/// The library kind of a `--type` value; `None` for countries, which are counted apart.
pub fn kind_of(t: EntityType) -> Option<EntityKind> {
    match t {
        EntityType::Person => Some(EntityKind::Person),
        EntityType::Org => Some(EntityKind::Organization),
        EntityType::Place => Some(EntityKind::Place),
        EntityType::Misc => Some(EntityKind::Misc),
        EntityType::Country => None,
    }
}

pub fn run(index_dir: &Path, args: EntitiesArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    match args.action {
        Some(EntitiesAction::Eval(eval)) => run_eval(eval),
        Some(EntitiesAction::Bench(bench)) => run_bench(bench),
        None => run_top(index_dir, args, verbosity),
    }
}

fn run_top(index_dir: &Path, args: EntitiesArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    let index = crate::cmd::open_index(index_dir, args.aliases.as_deref())?;
    let request = crate::cmd::counting_request(
        crate::args::query_text(&args.query).as_deref(),
        &args.filters,
    )?;
    if args.kind == Some(EntityType::Country) {
        return run_countries(&index, &request, &args, verbosity);
    }
    let kind = args.kind.and_then(kind_of);
    let top = index.top_entities(&request, kind, args.limit)?;
    crate::cmd::search::print_tips(&index, &request, true)?;
    let mut out = anstream::stdout().lock();
    match args.format {
        ListFormat::Json => write_json_line(&mut out, &top)?,
        ListFormat::Csv => crate::cmd::write_csv(
            &mut out,
            ["type", "name", "articles"],
            top.iter().map(|e| {
                [
                    e.kind.code().to_string(),
                    e.name.clone(),
                    e.articles.to_string(),
                ]
            }),
        )?,
        ListFormat::Text => {
            for e in &top {
                writeln!(
                    out,
                    "{:>8}  {:<4} {}",
                    e.articles,
                    e.kind.code(),
                    style::paint(style::ENTITY, &e.name)
                )?;
            }
            if verbosity != Verbosity::Quiet {
                matching_articles(&mut out, &index, &request)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `entities --type country`: articles per country.
fn run_countries(
    index: &Index,
    request: &SearchRequest,
    args: &EntitiesArgs,
    verbosity: Verbosity,
) -> anyhow::Result<ExitCode> {
    let top = index.top_countries(request, args.limit)?;
    crate::cmd::search::print_tips(index, request, true)?;
    let mut out = anstream::stdout().lock();
    match args.format {
        ListFormat::Json => write_json_line(&mut out, &top)?,
        ListFormat::Csv => crate::cmd::write_csv(
            &mut out,
            ["country", "articles"],
            top.iter()
                .map(|c| [c.country.clone(), c.articles.to_string()]),
        )?,
        ListFormat::Text => {
            for c in &top {
                writeln!(
                    out,
                    "{:>8}  {}",
                    c.articles,
                    style::paint(style::ENTITY, &c.country)
                )?;
            }
            if verbosity != Verbosity::Quiet {
                matching_articles(&mut out, index, request)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The dimmed `N matching articles` line under a text listing.
fn matching_articles(
    out: &mut impl Write,
    index: &Index,
    request: &SearchRequest,
) -> anyhow::Result<()> {
    let total = index.count(request)?;
    let plural = if total == 1 { "" } else { "s" };
    writeln!(
        out,
        "{}",
        style::paint(style::DIM, format_args!("{total} matching article{plural}"))
    )?;
    Ok(())
}

#[derive(Serialize)]
struct ConllReport {
    file: String,
    /// Scored written all in capitals (`--capitals`).
    capitals: bool,
    #[serde(flatten)]
    scores: ConllScores,
}

/// The heading of a scores table, then its column names (the rows are [`row`]s).
fn table_header(out: &mut impl Write, heading: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    writeln!(out, "{heading}")?;
    writeln!(
        out,
        "| {:<24} | {:>6} | {:>6} | {:>6} | {:>6} | {:>6} | {:>6} |",
        "", "P", "R", "F1", "TP", "FP", "FN"
    )?;
    writeln!(out, "|{}|", ["---"; 7].join("|"))
}

/// One line of a scores table: precision, recall and F1, then the counts behind them.
fn row(out: &mut impl Write, label: &str, c: &Counts) -> std::io::Result<()> {
    writeln!(
        out,
        "| {label:<24} | {:>6.3} | {:>6.3} | {:>6.3} | {:>6} | {:>6} | {:>6} |",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    )
}

fn run_eval(args: EntitiesEvalArgs) -> anyhow::Result<ExitCode> {
    if args.conll.is_empty() && args.reuters.is_none() {
        anyhow::bail!("nothing to evaluate: give --conll FILE and/or --reuters FILE");
    }
    let extractor = extractor(args.aliases.as_deref())?;
    let mut out = anstream::stdout().lock();
    for path in &args.conll {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let docs = parse_conll(&text).with_context(|| path.display().to_string())?;
        let shouted = args
            .capitals
            .then(|| docs.iter().map(ConllDoc::in_capitals).collect());
        let runs = std::iter::once((docs, false)).chain(shouted.map(|d: Vec<_>| (d, true)));
        for (docs, capitals) in runs {
            let scores = evaluate(&extractor, &docs);
            match args.format {
                OutputFormat::Json => {
                    let report = ConllReport {
                        file: path.display().to_string(),
                        capitals,
                        scores,
                    };
                    write_json_line(&mut out, &report)?;
                }
                OutputFormat::Text => {
                    table_header(
                        &mut out,
                        format_args!(
                            "{} ({} documents{}), exact span",
                            path.display(),
                            scores.documents,
                            if capitals { ", in capitals" } else { "" }
                        ),
                    )?;
                    for (kind, counts) in &scores.per_type {
                        row(&mut out, kind.code(), counts)?;
                    }
                    row(
                        &mut out,
                        "typed micro PER+ORG+LOC",
                        &scores.micro_per_org_loc,
                    )?;
                    row(&mut out, "typed micro (all 4)", &scores.micro_all)?;
                    row(&mut out, "untyped PER+ORG+LOC", &scores.untyped_per_org_loc)?;
                    row(&mut out, "untyped (all 4)", &scores.untyped_all)?;
                    writeln!(out)?;
                }
            }
        }
    }
    if let Some(path) = &args.reuters {
        let scores = reuters_agreement(&extractor, path)?;
        match args.format {
            OutputFormat::Json => write_json_line(&mut out, &scores)?,
            OutputFormat::Text => {
                table_header(
                    &mut out,
                    format_args!(
                        "{} ({} documents; {} with gold places, {} with gold people), \
                         document level",
                        path.display(),
                        scores.documents,
                        scores.with_places,
                        scores.with_people
                    ),
                )?;
                row(&mut out, "places", &scores.places)?;
                row(&mut out, "people", &scores.people)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_bench(args: EntitiesBenchArgs) -> anyhow::Result<ExitCode> {
    let extractor = extractor(None)?;
    let mut articles = Vec::new();
    for path in &args.files {
        let format = Format::from_path(path).unwrap_or(Format::RawText);
        let base = path.display().to_string();
        let items = read_file(path, format, &base)
            .with_context(|| format!("reading {}", path.display()))?;
        articles.extend(items.into_iter().flatten());
    }
    let report = measure_throughput(&extractor, &articles, args.passes);
    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Json => write_json_line(&mut out, &report)?,
        OutputFormat::Text => writeln!(
            out,
            "{} articles, {:.1} MB: best of {} passes {:.3} s = {:.1} MB/s on one core \
             ({} mentions)",
            report.articles,
            report.bytes as f64 / 1e6,
            report.passes,
            report.best_seconds,
            report.mb_per_second,
            report.mentions
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints `--facets` as text: top entities per type, then articles per month.
pub fn print_facets(out: &mut impl Write, facets: &Facets) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        style::paint(
            style::TITLE,
            format_args!("facets over {} matching articles", facets.total)
        )
    )?;
    for (kind, list) in &facets.entities {
        if list.is_empty() {
            continue;
        }
        let items: Vec<String> = list
            .iter()
            .map(|e| format!("{} ({})", e.name, e.articles))
            .collect();
        writeln!(out, "  {:<5} {}", kind.code(), items.join(", "))?;
    }
    if !facets.countries.is_empty() {
        let items: Vec<String> = facets
            .countries
            .iter()
            .map(|c| format!("{} ({})", c.country, c.articles))
            .collect();
        writeln!(out, "  {:<5} {}", "CTRY", items.join(", "))?;
    }
    let max = facets
        .months
        .iter()
        .map(|m| m.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    for m in &facets.months {
        let bar = "#".repeat(((m.articles * 40).div_ceil(max)) as usize);
        writeln!(out, "  {} {:>7} {bar}", m.month, m.articles)?;
    }
    if facets.undated > 0 {
        writeln!(out, "  undated {:>7}", facets.undated)?;
    }
    Ok(())
}
