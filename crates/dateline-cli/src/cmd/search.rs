//! `dateline search`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dateline_index::{EntityRef, Explanation, Hit, Index, SearchRequest, Sort};
use serde::Serialize;

use crate::args::{FilterArgs, ListFormat, SearchArgs, SortBy};
use crate::cmd::{json_date, write_json_line};
use crate::style::{self, Verbosity};

/// A hit as printed by `--format json`: the snippet flattened to text plus highlight ranges.
#[derive(Serialize)]
struct JsonHit<'a> {
    rank: usize,
    id: &'a str,
    score: Option<f32>,
    date: Option<String>,
    title: Option<&'a str>,
    snippet: Option<&'a str>,
    highlights: Vec<(usize, usize)>,
    entities: &'a [EntityRef],
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a Explanation>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    near_duplicates: &'a [String],
}

impl<'a> From<&'a Hit> for JsonHit<'a> {
    fn from(hit: &'a Hit) -> Self {
        JsonHit {
            rank: hit.rank,
            id: &hit.id,
            score: hit.score,
            date: json_date(hit.date),
            title: hit.title.as_deref(),
            snippet: hit.snippet.as_ref().map(|s| s.text.as_str()),
            highlights: hit
                .snippet
                .as_ref()
                .map(|s| s.highlights.clone())
                .unwrap_or_default(),
            entities: &hit.entities,
            path: hit.path.as_deref(),
            url: hit.url.as_deref(),
            explanation: hit.explanation.as_ref(),
            near_duplicates: &hit.near_duplicates,
        }
    }
}

/// `request` with the date, language and entity filters of the command line.
pub(crate) fn with_filters(
    mut request: SearchRequest,
    filters: &FilterArgs,
) -> anyhow::Result<SearchRequest> {
    if let Some(from) = &filters.from {
        request = request.from_str(from)?;
    }
    if let Some(to) = &filters.to {
        request = request.to_str(to)?;
    }
    if let (Some(from), Some(to)) = (&filters.from, &filters.to) {
        // Such a range admits no article: most likely the bounds were swapped.
        if request.from > request.to {
            anyhow::bail!("--to {to} is before --from {from}: the range admits no article");
        }
    }
    for code in &filters.languages {
        request = request.language(code.clone());
    }
    for entity in &filters.entities {
        request = request.entity(entity.clone());
    }
    for name in &filters.persons {
        request = request.person(name.clone());
    }
    for name in &filters.orgs {
        request = request.org(name.clone());
    }
    for name in &filters.places {
        request = request.place(name.clone());
    }
    for name in &filters.countries {
        request = request.country(name.clone());
    }
    for name in &filters.miscs {
        request = request.misc(name.clone());
    }
    Ok(request)
}

/// The order of hits: `sort` as asked, else by relevance, or newest first when the query looks
/// for no words (none, an empty one as a script passes it, `*`, or entity clauses alone such as
/// `person:Kerry`: articles the filters admit, all scores equal).
pub fn sort_of(query: Option<&str>, sort: Option<SortBy>) -> Sort {
    let every_article = query.is_none_or(|q| {
        dateline_index::query::parse(q).is_ok_and(|tree| !dateline_index::query::has_words(&tree))
    });
    match sort {
        Some(sort) => sort.into(),
        None if every_article => Sort::Date,
        None => Sort::Relevance,
    }
}

pub fn run(index_dir: &Path, args: SearchArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    if args.facets && args.format == ListFormat::Csv {
        anyhow::bail!("--facets has no CSV form: use --format json (or text) with --facets");
    }
    if args.explain && args.format == ListFormat::Csv {
        anyhow::bail!("--explain has no CSV form: use --format json (or text) with --explain");
    }
    let index = crate::cmd::open_index(index_dir, args.aliases.as_deref())?;
    let query = crate::args::query_text(&args.query);
    let mut request = SearchRequest::new(query.as_deref().unwrap_or("*"))
        .prf(args.prf)
        .proximity(args.proximity)
        .explain(args.explain)
        .fold_near_duplicates(args.fold)
        .limit(args.limit)
        .offset(args.offset)
        .sort(sort_of(query.as_deref(), args.sort));
    request = with_filters(request, &args.filters)?;
    let mut out = anstream::stdout().lock();
    if args.count {
        let count = index.count(&request)?;
        writeln!(out, "{count}")?;
        // On standard error: scripts read the count alone from standard output.
        print_tips(&index, &request, false)?;
        return Ok(ExitCode::SUCCESS);
    }
    let results = index.search(&request)?;
    let facets = if args.facets {
        Some(index.facets(&request, args.facet_limit)?)
    } else {
        None
    };
    print_results(&mut out, &results, args.format, verbosity, &request)?;
    if let Some(facets) = &facets {
        match args.format {
            ListFormat::Json => {
                write_json_line(&mut out, &serde_json::json!({ "facets": facets }))?
            }
            ListFormat::Text => crate::cmd::entities::print_facets(&mut out, facets)?,
            ListFormat::Csv => {}
        }
    }
    // A warning, on standard error in every format: standard output holds only hits (and
    // the facets line) for scripts, as it holds only the number with `--count`.
    print_tips(&index, &request, args.facets)?;
    Ok(ExitCode::SUCCESS)
}

/// A page of hits of `request` in `format`: text (with the count line unless quiet), JSON
/// Lines or CSV.
pub fn print_results(
    out: &mut impl Write,
    results: &dateline_index::SearchResults,
    format: ListFormat,
    verbosity: Verbosity,
    request: &SearchRequest,
) -> anyhow::Result<()> {
    match format {
        ListFormat::Json => {
            for hit in &results.hits {
                write_json_line(out, &JsonHit::from(hit))?;
            }
        }
        ListFormat::Csv => write_hits_csv(out, &results.hits, request.fold_near_duplicates)?,
        ListFormat::Text => {
            for hit in &results.hits {
                print_hit(out, hit)?;
            }
            if verbosity != Verbosity::Quiet {
                print_summary(out, results, (request.offset, request.limit))?;
            }
        }
    }
    Ok(())
}

/// The hits as CSV: a header row, then a row per hit. Entities are `TYPE:Name` joined by
/// `; `, the snippet is plain text; a field without a value is empty. A folded search adds a
/// last column, the ids of the near duplicates folded into the hit, joined by `; `.
fn write_hits_csv(out: &mut impl Write, hits: &[Hit], folded: bool) -> anyhow::Result<()> {
    let header = [
        "rank", "id", "date", "score", "title", "url", "path", "entities", "snippet",
    ];
    let rows = hits.iter().map(|hit| {
        let entities: Vec<String> = hit
            .entities
            .iter()
            .map(|e| format!("{}:{}", e.kind.code(), e.name))
            .collect();
        let text = |t: Option<&str>| t.unwrap_or_default().to_string();
        [
            hit.rank.to_string(),
            hit.id.clone(),
            json_date(hit.date).unwrap_or_default(),
            hit.score.map(|s| s.to_string()).unwrap_or_default(),
            text(hit.title.as_deref()),
            text(hit.url.as_deref()),
            text(hit.path.as_deref()),
            entities.join("; "),
            text(hit.snippet.as_ref().map(|s| s.text.as_str())),
        ]
    });
    if !folded {
        return crate::cmd::write_csv(out, header, rows);
    }
    let mut with_copies = header.map(str::to_string).to_vec();
    with_copies.push("near_duplicates".to_string());
    let rows = rows.zip(hits).map(|(row, hit)| {
        let mut row = row.to_vec();
        row.push(hit.near_duplicates.join("; "));
        row
    });
    crate::cmd::write_csv(out, with_copies, rows)
}

/// The line after the hits: how many articles match and which of them this page shows.
fn print_summary(
    out: &mut impl Write,
    results: &dateline_index::SearchResults,
    (offset, limit): (usize, usize),
) -> std::io::Result<()> {
    let shown = results.hits.len();
    let plural = if results.total == 1 { "" } else { "s" };
    let page = if shown == 0 {
        // Nothing on this page: say why, not "showing 0–0".
        if results.total > 0 && limit > 0 {
            format!("; none past {}", offset)
        } else {
            String::new()
        }
    } else {
        format!("; showing {}–{}", offset + 1, offset + shown)
    };
    let folded: usize = results.hits.iter().map(|h| h.near_duplicates.len()).sum();
    let folded = match folded {
        0 => String::new(),
        1 => " (and 1 near duplicate folded)".to_string(),
        n => format!(" (and {n} near duplicates folded)"),
    };
    let line = format!("{} matching article{plural}{page}{folded}", results.total);
    writeln!(out, "{}", style::paint(style::DIM, line))
}

fn print_hit(out: &mut impl Write, hit: &Hit) -> std::io::Result<()> {
    let date = hit.date.map_or_else(
        || "----------".to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    let (dim, dim_off) = (style::DIM.render(), style::DIM.render_reset());
    let (bold, bold_off) = (style::TITLE.render(), style::TITLE.render_reset());
    writeln!(
        out,
        "{dim}{:>3}.{dim_off} {date}  {bold}{}{bold_off}",
        hit.rank,
        hit.title.as_deref().unwrap_or("(untitled)")
    )?;
    let location = hit.url.as_deref().or(hit.path.as_deref());
    // The id is what `dateline show` takes: printed unless the location already is it.
    let location = match location {
        Some(place) if place != hit.id => format!("{place} · id {}", hit.id),
        _ => hit.id.clone(),
    };
    match hit.score {
        Some(score) => writeln!(out, "     {dim}{location} · score {score:.2}{dim_off}")?,
        None => writeln!(out, "     {dim}{location}{dim_off}")?,
    }
    if let Some(snippet) = &hit.snippet {
        let (hl, hl_off) = (style::MATCH.render(), style::MATCH.render_reset());
        let mut line = String::new();
        let mut at = 0;
        for &(start, end) in &snippet.highlights {
            if start < at || end > snippet.text.len() {
                continue;
            }
            line.push_str(&snippet.text[at..start]);
            line.push_str(&format!("{hl}{}{hl_off}", &snippet.text[start..end]));
            at = end;
        }
        line.push_str(&snippet.text[at..]);
        writeln!(out, "     {}", line.trim())?;
    }
    if !hit.near_duplicates.is_empty() {
        let n = hit.near_duplicates.len();
        let copies = if n == 1 { "copy" } else { "copies" };
        let ids = hit.near_duplicates.join(", ");
        writeln!(
            out,
            "     {dim}+ {n} near-duplicate {copies}: {ids}{dim_off}"
        )?;
    }
    if let Some(explanation) = &hit.explanation {
        for line in explanation.to_string().lines() {
            writeln!(out, "     {dim}{line}{dim_off}")?;
        }
    }
    writeln!(out)
}

/// Tells, on standard error, what in a request is likely misspelt, whether or not the rest of
/// it found something (a bag of words, or an `OR`, silently loses such a part): each entity
/// filter or clause (`person:Kerry`) that matches no article, with the closest known entity,
/// and each word of the query that no article contains, with the closest word of the index.
/// Where the request filters by entity, or `counts_entities` (facets, `dateline entities`),
/// also how many articles were indexed without entities, which none of that sees.
pub(crate) fn print_tips(
    index: &Index,
    request: &SearchRequest,
    counts_entities: bool,
) -> anyhow::Result<()> {
    if counts_entities || request.filters_entities() {
        let unseen = index.articles_without_entities()?;
        if unseen > 0 {
            let (articles, were) = match unseen {
                1 => ("1 article".to_string(), "was"),
                n => (format!("{n} articles"), "were"),
            };
            anstream::eprintln!(
                "{} {articles} of the index {were} indexed without entities (--no-entities): \
                 entity filters and counts do not see them until `dateline index` reads them \
                 again without --no-entities",
                style::paint(style::WARN, "note:")
            );
        }
    }
    for tip in index.entity_suggestions(request)? {
        let what = tip.kind.map_or("entity", |k| k.code());
        anstream::eprintln!(
            "no article names the {what} {:?}; did you mean {:?} ({})?",
            tip.given,
            tip.suggestion,
            tip.suggestion_type.code()
        );
    }
    let articles = |n: u64| match n {
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    };
    for tip in index.word_suggestions(request)? {
        let found = match tip.given_articles {
            0 => "no article contains".to_string(),
            n => format!(
                "only {} contain{}",
                articles(n),
                if n == 1 { "s" } else { "" }
            ),
        };
        anstream::eprintln!(
            "{found} {:?}; did you mean {:?} ({})?",
            tip.given,
            tip.suggestion,
            articles(tip.articles)
        );
    }
    Ok(())
}
