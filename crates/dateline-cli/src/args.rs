//! Command-line definitions. Help text, completions and the man page all come from here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Full-text search over news article corpora.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None)]
#[command(after_help = "Examples:
  dateline index ~/news                      index a folder (raw text and JSON Lines)
  dateline search Hammond                    words, ranked by BM25
  dateline search '\"foreign fighters\"' --from 2015-01-01 --to 2015-01-31
  dateline search ISIS --entity 'John Kerry' --format json
  dateline stats")]
pub struct Cli {
    /// Index folder [default: ./.dateline]
    #[arg(long, global = true, env = "DATELINE_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index files and folders of articles (raw text, JSON Lines, .gz), adding only what is new.
    #[command(
        after_help = "Exit status: 0 when every file went in, 1 when some were skipped \
                            (the rest is indexed), 2 on a usage or fatal error."
    )]
    Index(IndexArgs),
    /// Search the index.
    #[command(
        after_help = "Query syntax: words (BM25), \"quoted phrases\" (\"a b\"~2 allows \
                            slop), +required, -excluded, NOT, AND, OR (capitals), parentheses, \
                            title: and body: prefixes."
    )]
    Search(SearchArgs),
    /// Show the index's size, date range and most frequent entities.
    Stats(StatsArgs),
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// For people.
    Text,
    /// For programs: JSON Lines (search) or one JSON object.
    Json,
}

/// Colour choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour on a terminal unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Arguments of `dateline index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index (folders are walked recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Writer memory budget in MB (peak use is about twice this).
    #[arg(long, default_value_t = 256, value_name = "MB")]
    pub memory: usize,

    /// Reading threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Summary format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Sort order of search hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    /// Best match first.
    Relevance,
    /// Newest first.
    Date,
}

/// Arguments of `dateline search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query.
    #[arg(value_name = "QUERY")]
    pub query: String,

    /// Only articles published on or after this date (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only articles published on or before this date (a bare date includes the whole day).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only articles naming this entity, by any alias, any case (repeat: all of them).
    #[arg(long = "entity", value_name = "NAME")]
    pub entities: Vec<String>,

    /// Number of hits.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,

    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,

    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortBy::Relevance)]
    pub sort: SortBy,

    /// Output format (json: one object per hit per line).
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// Print only the number of matching articles.
    #[arg(long)]
    pub count: bool,
}

/// Arguments of `dateline stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// Entities listed per type.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}
