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
  dateline show raw/coalition-talks.txt       one article, as stored, with its entities
  dateline timeline --org ISIS --by week     articles per week naming Islamic State
  dateline stats
  dateline completions bash > /etc/bash_completion.d/dateline

Exit status: 0 success; 1 partial (index, extract: some input skipped; show, similar: no such article);
2 usage error or failure (one line on stderr, with its causes); 101 internal error (a bug).")]
pub struct Cli {
    /// Index folder [default: ./.dateline]
    #[arg(long, global = true, env = "DATELINE_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// No progress bars and no summaries: only results, warnings and errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// More detail: each commit, each skipped file as it happens, timings.
    #[arg(long, short, global = true)]
    pub verbose: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index files and folders of articles (raw text, JSON Lines, .gz), adding only what is new.
    #[command(after_help = "Examples:
  dateline index ~/news                     index (or update) from a folder
  dateline index a.jsonl b.jsonl.gz --format json
  dateline index ~/news --rebuild           start afresh (after an upgrade that changed the index format)
  dateline --index /data/idx index ~/news --quiet

Exit status: 0 when every file went in, 1 when some were skipped (the rest is indexed),
2 on a usage or fatal error (the index keeps what its last commit saved).")]
    Index(IndexArgs),
    /// Search the index.
    #[command(
        after_help = "Query syntax: words (BM25), \"quoted phrases\" (\"a b\"~2 allows \
                            slop), +required, -excluded, NOT, AND, OR (capitals), parentheses, \
                            title: and body: prefixes, migra* (words starting so), Yeuter~1 \
                            (words within 1 edit; ~ alone is 2), and clauses that select as \
                            the filters do: person:, org:, place:, misc:, country:, entity: \
                            (person:Kerry, org:\"Islamic State\") and date: (date:2015-01, \
                            date:2014-12..2015-02); beside words a clause must hold.

Examples:
  dateline search Hammond
  dateline search '\"foreign fighters\"~2 AND (Syria OR Iraq)' --from 2015-01-01 --to 2015-03-31
  dateline search --entity Daesh -n 20
  dateline search --person 'Haider al-Abadi' --from 2015-01-01 --to 2015-01-31
  dateline search 'title:ISIS -Kerry' --format json | jq .title
  dateline search '(person:Kerry OR person:Hammond) AND ISIS -country:Syria'
  dateline search '(person:Kerry AND date:2015-01) OR (person:Hammond AND date:2014)'
  dateline search Hammond --count
  dateline search --person 'Haider al-Abadi' --sort oldest -n all --format csv > abadi.csv"
    )]
    Search(SearchArgs),
    /// Show the index's size, date range and most frequent entities.
    #[command(after_help = "Examples:
  dateline stats
  dateline stats --top 25 --format json")]
    Stats(StatsArgs),
    /// Merge the index into one segment: the fastest searches (see BENCHMARKS.md).
    #[command(after_help = "Examples:
  dateline optimize                         after a large `dateline index` run
  dateline optimize --format json

Searches pay a fixed cost per segment, and each commit of `dateline index` closes one per
indexing thread. The merge takes about a quarter of the indexing time; interrupted, it leaves
the index as it was.")]
    Optimize(OptimizeArgs),
    /// Print one article as stored: title, date, source, body and its entities.
    #[command(after_help = "Examples:
  dateline show raw/coalition-talks.txt     an id as printed by `search`
  dateline show 42 --format json

Exit status: 0 when shown, 1 when no article has that id, 2 on an error.")]
    Show(ShowArgs),
    /// Print a shell completion script.
    #[command(after_help = "Examples:
  dateline completions bash > ~/.local/share/bash-completion/completions/dateline
  dateline completions zsh > ~/.zfunc/_dateline
  dateline completions fish > ~/.config/fish/completions/dateline.fish
  dateline completions powershell >> $PROFILE")]
    Completions(CompletionsArgs),
    /// Print the man page (roff), generated from these definitions.
    #[command(after_help = "Examples:
  dateline man > dateline.1 && man ./dateline.1
  dateline man | gzip > /usr/local/share/man/man1/dateline.1.gz")]
    Man,
    /// Relevance evaluation: run topics against the index and score them with qrels
    /// (trec_eval semantics), or score an existing TREC run file (`--run`).
    #[command(after_help = "Examples:
  dateline eval --index IDX --topics topics.tsv --qrels qrels.txt --run-out run.txt
  dateline eval --run run.txt --qrels qrels.txt --per-query
Topics: qid<TAB>query lines or TREC <top> files, read as plain words (no operators).
Metrics: map ndcg@10 p@10 r@100 r@1000 mrr@10 bpref, as trec_eval gives them: a query judged
only non-relevant scores 0 and counts; a topic without results scores 0; input where no query
has both results and judgments is an error.")]
    Eval(EvalArgs),
    /// Measure query latency over a query file (p50/p95/p99/max µs, queries/s).
    #[command(
        after_help = "Query file: qid<TAB>query per line, optionally <TAB>from<TAB>until \
                            (YYYY-MM-DD, until exclusive) for a date filter.\n\
                            Example: dateline bench --queries scale_queries.tsv --k 10"
    )]
    Bench(BenchArgs),
    /// Print what the entity extractor finds in article files: one JSON object per article
    /// per line (id, title, date, body, entities, mentions with byte offsets).
    #[command(
        after_help = "Mentions: {\"field\": \"title\"|\"body\", \"start\", \"end\", \"text\",
\"type\": \"PER\"|\"ORG\"|\"LOC\"|\"MISC\"}, byte offsets into that field's text as printed.
Entities: {\"type\", \"name\", \"aliases\", \"mentions\"}, with \"place\" for a demonym (Iraqi: Iraq)
and \"country\" for a city, US state or province (Houston: United States) or a demonym (Iraqi: Iraq).
Alias file: one entity per line, TYPE<TAB>Canonical<TAB>alias<TAB>..., TYPE = PER|ORG|LOC|MISC,
# comments.

Examples:
  dateline extract news/talks.txt
  dateline extract docs.jsonl.gz | jq .entities
  dateline extract news/*.txt --aliases aliases.tsv

Text that is not UTF-8 is read as the legacy encoding its bytes show, with a warning on stderr.
Exit status: 0 when every file was read, 1 when some files or articles were skipped (each
named on stderr; the rest is printed), 2 on an error."
    )]
    Extract(ExtractArgs),
    /// The most frequent entities among matching articles, with counts (`entities eval`:
    /// measure extraction quality; `entities bench`: extraction speed).
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:
  dateline entities --type person -n 10
  dateline entities Syria --from 2015-01-01 --to 2015-01-31
  dateline entities --org Europol --type org
  dateline entities eval --conll eng.testb"
    )]
    Entities(EntitiesArgs),
    /// Matching articles per day, week, month or year: when a story was covered.
    #[command(after_help = "Examples:
  dateline timeline --org 'Islamic State' --by week
  dateline timeline '\"foreign fighters\"' --from 2015 --to 2015 --by month
  dateline timeline --person 'Haider al-Abadi' --by day --format csv > abadi-days.csv")]
    Timeline(TimelineArgs),
    /// The articles matching a search, whole, as JSON Lines that `dateline index` reads back:
    /// a subset of a corpus for other tools or another index.
    #[command(after_help = "Examples:
  dateline export --person 'Haider al-Abadi' --from 2015 --to 2015 > abadi.jsonl
  dateline export '\"foreign fighters\"' -n 100 | jq -r .title
  dateline export --org Europol > europol.jsonl && dateline --index europol index europol.jsonl")]
    Export(ExportArgs),
    /// Articles like a given one (or like a text): other coverage of its story, follow-ups and
    /// copies (its 25 most telling words, by tf-idf, searched as a bag of words).
    #[command(after_help = "Examples:
  dateline similar sample/raw/coalition-talks.txt
  dateline similar wire-003 --from 2015-01 --to 2015-03 -n 20 --format json
  dateline similar --text - < press-release.txt")]
    Similar(SimilarArgs),
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// For people.
    Text,
    /// For programs: JSON Lines (search) or one JSON object.
    Json,
}

/// Output format of the commands that list rows (`search`, `similar`, `entities`, `timeline`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// For people.
    Text,
    /// For programs: JSON Lines (search, similar) or one JSON value (entities, timeline).
    Json,
    /// For spreadsheets: CSV with a header row (RFC 4180).
    Csv,
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

/// The `--glob` option of the commands that walk folders of articles.
#[derive(Debug, Args)]
pub struct GlobArgs {
    /// Read only the files under the folders that these globs admit, by ripgrep's rules:
    /// `*.txt`, `!drafts/`, `/2015/**` (matched like .gitignore lines, relative to each folder
    /// named; `!` leaves out, a folder left out is not walked; with a glob without `!` only
    /// matching files are read; the last glob that matches wins). Repeatable. Files named
    /// themselves are always read.
    #[arg(short = 'g', long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,
}

impl GlobArgs {
    /// The library's filter of these globs.
    pub fn filter(&self) -> Result<dateline_index::FileFilter, dateline_index::Error> {
        dateline_index::FileFilter::new(self.globs.iter().cloned())
    }
}

/// Arguments of `dateline index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index (folders are walked recursively); `-` reads JSON Lines
    /// (optionally gzipped) from standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Which files under the folders are read.
    #[command(flatten)]
    pub globs: GlobArgs,

    /// Print the files that would be read, one per line, and stop: nothing is indexed (to
    /// check --glob, as ripgrep's --files does).
    #[arg(long, conflicts_with = "rebuild")]
    pub files: bool,

    /// Writer memory budget in MB, shared by the indexing threads (see README for measured peaks):
    /// from 15 to 4293 per thread, tantivy's limits, with one thread per core up to 8.
    #[arg(long, default_value_t = 256, value_name = "MB", value_parser = memory_budget)]
    pub memory: usize,

    /// Reading threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Summary format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// Build a new index from PATH... and replace the old one (needed when the index was
    /// written by another schema or analyzer version); the old one stays until the new one
    /// is complete.
    #[arg(long)]
    pub rebuild: bool,

    /// Commit after this many new or changed articles.
    #[arg(
        long,
        default_value_t = dateline_index::IngestOptions::default().commit_every,
        value_name = "N",
        hide = true
    )]
    pub commit_every: usize,

    /// Index exact duplicates (same body, ignoring case and spacing) too, instead of counting
    /// them.
    #[arg(long)]
    pub keep_duplicates: bool,

    /// Remove what the named files and folders no longer hold: articles of deleted files
    /// below them, and lines deleted from a JSON Lines file read again. A file that could not
    /// be read whole keeps all its articles.
    #[arg(long)]
    pub prune: bool,

    /// Extra aliases used when extracting entities (see `dateline extract --help`). The index
    /// keeps them: later runs of index, search and the other commands use them without the
    /// flag. Given a changed file, the run indexes every article again with it (counted as
    /// updated); an empty file goes back to the built-in aliases alone.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Skip entity extraction (faster; --entity, --person, --org, --place, --country and
    /// --facets then find nothing in the articles indexed this way, and say how many there
    /// are, until a run without --no-entities extracts their entities).
    #[arg(long)]
    pub no_entities: bool,
}

/// Arguments of `dateline show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id (as printed by `search`).
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Arguments of `dateline completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Sort order of search hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    /// Best match first.
    Relevance,
    /// Newest first.
    Date,
    /// Oldest first: a story as it unfolded.
    Oldest,
}

impl From<SortBy> for dateline_index::Sort {
    fn from(sort: SortBy) -> Self {
        match sort {
            SortBy::Relevance => dateline_index::Sort::Relevance,
            SortBy::Date => dateline_index::Sort::Date,
            SortBy::Oldest => dateline_index::Sort::Oldest,
        }
    }
}

/// The filters of `dateline search`, which `dateline bench` adds to every query.
#[derive(Clone, Debug, Default, Args)]
pub struct FilterArgs {
    /// Only articles published on or after this date (YYYY-MM-DD, RFC 3339, or a month
    /// YYYY-MM or a year YYYY from its first day).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only articles published on or before this date (a bare date, a month YYYY-MM or a year
    /// YYYY includes the whole of it).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only articles naming this entity, by any alias, any case, or a person by surname, as
    /// written or as an article gives it (`Mr. Hammond`, `the Fed`; repeat: all of them).
    #[arg(long = "entity", value_name = "NAME", value_parser = entity_name)]
    pub entities: Vec<String>,

    /// Only articles in this language (ISO 639-1 code such as en, pt, ru; repeat: any of them).
    #[arg(long = "lang", value_name = "CODE", value_parser = language_code)]
    pub languages: Vec<String>,

    /// Only articles naming this person, by any alias, any case or surname, with or without a
    /// title (repeatable).
    #[arg(long = "person", value_name = "NAME", value_parser = entity_name)]
    pub persons: Vec<String>,

    /// Only articles naming this organisation, by any alias, any case, with or without a
    /// leading "the" (repeatable).
    #[arg(long = "org", value_name = "NAME", value_parser = entity_name)]
    pub orgs: Vec<String>,

    /// Only articles naming this place, by any alias, any case, with or without a leading
    /// "the" (repeatable).
    #[arg(long = "place", value_name = "NAME", value_parser = entity_name)]
    pub places: Vec<String>,

    /// Only articles naming this country, a city, US state or province in it, or its people
    /// (`--country Iraq` finds an article naming only Mosul, or Iraqi troops); any alias, any
    /// case (repeatable).
    #[arg(long = "country", value_name = "NAME", value_parser = entity_name)]
    pub countries: Vec<String>,

    /// Only articles naming this miscellaneous entity: a nationality or group (`Kurdish`,
    /// `Shia`), an event or a work, by any alias, any case (repeatable).
    #[arg(long = "misc", value_name = "NAME", value_parser = entity_name)]
    pub miscs: Vec<String>,
}

/// The query of `search`, `entities`, `timeline` and `export`, given as one argument or as
/// several: `dateline search foreign fighters` is `dateline search 'foreign fighters'`.
pub fn query_text(words: &[String]) -> Option<String> {
    (!words.is_empty()).then(|| words.join(" "))
}

/// Arguments of `dateline search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query, as one argument or several words (one starting with `-` goes after `--`);
    /// without one, every article the filters admit, newest first.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Also show facets over ALL matching articles: top entities per type and articles per
    /// month (json: one extra final line `{"facets": ...}`).
    #[arg(long)]
    pub facets: bool,

    /// Entities per type listed by --facets.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub facet_limit: usize,

    /// Extra aliases file for entity filters (see `dateline extract --help`), in place of
    /// those the index keeps from `dateline index --aliases`.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Number of hits, or `all` (every match: an export with `--format csv` or `json`).
    #[arg(long, short = 'n', default_value = "10", value_name = "N|all", value_parser = hit_limit)]
    pub limit: usize,

    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,

    /// Order of hits [default: relevance; date without words to rank: no query, `*`, or
    /// entity clauses alone such as `person:Kerry`].
    #[arg(long, value_enum)]
    pub sort: Option<SortBy>,

    /// Output format (json: one object per hit per line; csv: a header row, then a row per
    /// hit: rank, id, date, score, title, url, path, entities, snippet).
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    /// Print only the number of matching articles.
    #[arg(long)]
    pub count: bool,

    /// Pseudo-relevance feedback (RM3): expand the query with terms of the top 10 articles.
    #[arg(long)]
    pub prf: bool,

    /// Proximity boost: articles holding consecutive query words side by side rank higher.
    #[arg(long)]
    pub proximity: bool,

    /// Show how each hit's score was computed: term by term, with idf, weighted frequency
    /// and length normalisation (text: a tree under the hit; json: an "explanation" object;
    /// csv has no form for it: a usage error)
    #[arg(long)]
    pub explain: bool,

    /// Fold near duplicates: an article that is the same story as a hit ranked above it,
    /// with small edits (an update, the wire story on another site, a copy cut short), is
    /// listed under that hit instead of taking a place on the page (json:
    /// "near_duplicates" ids; csv: a last column of them). The best 1,000 matches are
    /// compared at most.
    #[arg(long)]
    pub fold: bool,
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

/// Arguments of `dateline optimize`.
#[derive(Debug, Args)]
pub struct OptimizeArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Arguments of `dateline bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Query file (TSV).
    #[arg(long, value_name = "FILE")]
    pub queries: std::path::PathBuf,

    /// Hits per query.
    #[arg(long, default_value_t = 10, value_parser = at_least_one)]
    pub k: usize,

    /// Build snippets for each hit, as `search` does.
    #[arg(long)]
    pub snippets: bool,

    /// Fold near duplicates, as `search --fold` does.
    #[arg(long)]
    pub fold: bool,

    /// Filters added to every query, as `search` takes them: to time filtered search.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Untimed warm-up passes.
    #[arg(long, default_value_t = 2)]
    pub warmup: usize,

    /// MiB the filter cache may hold (0: off, every filtered query walks its filter's
    /// postings, as a one-off search does).
    #[arg(long, value_name = "MIB",
          default_value_t = dateline_index::DEFAULT_FILTER_CACHE_BUDGET >> 20)]
    pub filter_cache: usize,

    /// Timed passes; the median one is reported.
    #[arg(long, default_value_t = 3, value_parser = at_least_one)]
    pub passes: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Arguments of `dateline extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files or folders (raw text, HTML, JSON Lines, .gz), found and read as
    /// `dateline index` finds and reads them.
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,

    /// Which files under the folders are read.
    #[command(flatten)]
    pub globs: GlobArgs,

    /// Extra aliases: a file of `TYPE<TAB>Canonical<TAB>alias...` lines (TYPE = PER|ORG|LOC|MISC).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

/// Entity type filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EntityType {
    /// People.
    Person,
    /// Organisations.
    Org,
    /// Places.
    Place,
    /// Demonyms and other names.
    Misc,
    /// Countries: the articles naming each country, a city, US state or province in it, or its
    /// people.
    Country,
}

/// Arguments of `dateline entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Measure or benchmark instead of listing.
    #[command(subcommand)]
    pub action: Option<EntitiesAction>,

    /// Only articles matching this query, one argument or several words [default: all].
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// The filters of `search`: `--org Europol` lists the entities named beside Europol.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Only entities of this type [default: every type but country]; `country` counts the
    /// articles naming each country, a city, US state or province in it, or its people
    /// (`Iraqi`), as `--country` finds them.
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub kind: Option<EntityType>,

    /// Entities listed (per type when no --type).
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,

    /// Extra aliases file (see `dateline extract --help`), in place of those the index keeps.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Output format (csv: a header row, then type, name, articles per entity).
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Arguments of `dateline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only articles matching this query, one argument or several words [default: all].
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// The filters of `search`.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Order of the articles [default: relevance; date without words to rank: no query, `*`,
    /// or entity clauses alone such as `person:Kerry`].
    #[arg(long, value_enum)]
    pub sort: Option<SortBy>,

    /// Articles written: a number, or `all`.
    #[arg(long, short = 'n', default_value = "all", value_name = "N|all", value_parser = hit_limit)]
    pub limit: usize,

    /// Extra aliases file (see `dateline extract --help`), in place of those the index keeps.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

/// Arguments of `dateline similar`.
#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// The article's id (as printed by `search`).
    #[arg(
        value_name = "ID",
        required_unless_present = "text",
        conflicts_with = "text"
    )]
    pub id: Option<String>,

    /// Articles like this text instead (a paragraph, a press release; `-` reads it from
    /// standard input).
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,

    /// The filters of `search`.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Number of hits, or `all`.
    #[arg(long, short = 'n', default_value = "10", value_name = "N|all", value_parser = hit_limit)]
    pub limit: usize,

    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,

    /// Order of hits [default: relevance].
    #[arg(long, value_enum, default_value_t = SortBy::Relevance)]
    pub sort: SortBy,

    /// Extra aliases file (see `dateline extract --help`), in place of those the index keeps.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Output format (as for `search`).
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Arguments of `dateline timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only articles matching this query, one argument or several words [default: all].
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// The filters of `search`.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// The length of the periods (UTC; weeks are ISO weeks, Monday to Sunday).
    #[arg(long, value_enum, default_value_t = Period::Month)]
    pub by: Period,

    /// Extra aliases file (see `dateline extract --help`), in place of those the index keeps.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Output format (json: one object; csv: a header row, then period, start, articles).
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Period length of `dateline timeline`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Period {
    /// Days: 2015-01-22.
    Day,
    /// ISO weeks: 2015-W04.
    Week,
    /// Months: 2015-01.
    Month,
    /// Years: 2015.
    Year,
}

/// `dateline entities` subcommands.
#[derive(Debug, Subcommand)]
pub enum EntitiesAction {
    /// Exact-span precision, recall and F1 on CoNLL-2003 files, and document-level agreement
    /// with Reuters-21578 gold places and people.
    Eval(EntitiesEvalArgs),
    /// Extraction throughput (MB/s on one core) over article files.
    Bench(EntitiesBenchArgs),
}

/// Arguments of `dateline entities eval`.
#[derive(Debug, Args)]
pub struct EntitiesEvalArgs {
    /// CoNLL-2003 files (`token POS chunk NER`), each scored on its own.
    #[arg(long, value_name = "FILE")]
    pub conll: Vec<PathBuf>,

    /// Score each CoNLL file a second time written all in capitals (its ASCII letters
    /// upper-cased, the gold spans unchanged), as old wire copy and archives are.
    #[arg(long)]
    pub capitals: bool,

    /// Reuters-21578 `docs.jsonl(.gz)` with gold `places` and `people` codes.
    #[arg(long, value_name = "FILE")]
    pub reuters: Option<PathBuf>,

    /// Extra aliases file.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Arguments of `dateline entities bench`.
#[derive(Debug, Args)]
pub struct EntitiesBenchArgs {
    /// Article files to extract from (read once, then timed in memory).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Timed passes over the text; the best is reported.
    #[arg(long, default_value_t = 3)]
    pub passes: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Stop-word list choice for `dateline eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StopList {
    /// Keep every word.
    None,
    /// Lucene's English list (33 words).
    Lucene,
    /// The longer English list (the default).
    Long,
}

/// BM25 form for `dateline eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Bm25Form {
    /// Title and body as one field, adjustable k1 and b (the default).
    Combined,
    /// tantivy's own BM25 per field (k1 = 1.2, b = 0.75), summed.
    Tantivy,
}

/// Arguments of `dateline eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Topics file: `qid<TAB>query` TSV or TREC `<top>` format (runs them on the index).
    #[arg(long, value_name = "FILE", required_unless_present = "run")]
    pub topics: Option<PathBuf>,

    /// Relevance judgments (TREC qrels: `qid 0 docid rel`).
    #[arg(long, value_name = "FILE")]
    pub qrels: PathBuf,

    /// Score this TREC run file (`qid Q0 docid rank score tag`) instead of running topics.
    #[arg(long, value_name = "FILE", conflicts_with = "topics")]
    pub run: Option<PathBuf>,

    /// Write the run to this file in TREC format.
    #[arg(long, value_name = "FILE")]
    pub run_out: Option<PathBuf>,

    /// Documents retrieved per topic.
    #[arg(long, default_value_t = 1000, value_parser = at_least_one)]
    pub k: usize,

    /// Run tag (last column of the run file).
    #[arg(long, default_value = "dateline")]
    pub tag: String,

    /// Print one row per query as well as the mean.
    #[arg(long)]
    pub per_query: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// With --run: count queries of the qrels missing from the run as 0 (trec_eval -c).
    /// Topics run on the index always count.
    #[arg(long, short = 'c')]
    pub complete: bool,

    /// Pseudo-relevance feedback (RM3).
    #[arg(long)]
    pub prf: bool,

    /// RM3: feedback documents.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub prf_docs: usize,

    /// RM3: expansion terms.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub prf_terms: usize,

    /// RM3: weight of the original query (0..1).
    #[arg(long, default_value_t = 0.5, value_name = "W")]
    pub prf_weight: f32,

    /// Proximity boost for consecutive topic words found close together.
    #[arg(long)]
    pub proximity: bool,

    /// Proximity: how many positions apart the two words may be.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub proximity_slop: u32,

    /// Proximity: weight of a close pair's score against the words' scores.
    #[arg(long, default_value_t = 0.1, value_name = "W")]
    pub proximity_weight: f32,

    /// BM25 k1 [default: the library's].
    #[arg(long)]
    pub k1: Option<f32>,

    /// Query-term saturation: a word repeated n times in a topic weighs (k3+1)n/(k3+n)
    /// [default: the library's, 8]; a large value such as 1e9 weighs it n.
    #[arg(long)]
    pub k3: Option<f32>,

    /// BM25 b [default: the library's].
    #[arg(long)]
    pub b: Option<f32>,

    /// Weight of title occurrences against body ones [default: the library's].
    #[arg(long, value_name = "W")]
    pub title_weight: Option<f32>,

    /// Stop words dropped from topics [default: the library's].
    #[arg(long, value_enum)]
    pub stop_words: Option<StopList>,

    /// BM25 form [default: combined].
    #[arg(long, value_enum)]
    pub bm25: Option<Bm25Form>,
}

/// `--memory`: a writer budget in MB that tantivy accepts on this machine
/// ([`dateline_index::memory_budget_range`]), checked here so that the refusal names the option
/// and the range.
fn memory_budget(text: &str) -> Result<usize, String> {
    let (bytes, threads) = dateline_index::memory_budget_range();
    let (min, max) = (bytes.start().div_ceil(1_000_000), bytes.end() / 1_000_000);
    match text.trim().parse::<usize>() {
        Ok(mb) if (min..=max).contains(&mb) => Ok(mb),
        _ => Err(format!(
            "expected a whole number of MB from {min} to {max} on this machine \
             (tantivy gives each of its {threads} indexing threads at most {} MB)",
            max / threads
        )),
    }
}

/// A number of hits, `all` being every one.
fn hit_limit(text: &str) -> Result<usize, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("all") {
        return Ok(usize::MAX);
    }
    text.parse::<usize>()
        .map_err(|_| "expected a whole number of hits, or `all`".into())
}

/// A count that must be 1 or more (`--k`, `--passes`): 0 would be silently meaningless.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("expected a whole number, 1 or more".into()),
    }
}

/// An entity filter's name: any text but blank (which would match nothing, silently).
fn entity_name(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("an entity filter needs a name".into());
    }
    Ok(text.to_string())
}

/// A language filter's code, as articles are labelled: ISO 639-1 (`en`, `pt`), or ISO 639-3
/// for a language without one.
fn language_code(text: &str) -> Result<String, String> {
    let code = text.trim();
    if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(format!(
            "languages are named by their ISO 639-1 code (en, fr, de, pt…), not {text:?}"
        ));
    }
    Ok(code.to_ascii_lowercase())
}
