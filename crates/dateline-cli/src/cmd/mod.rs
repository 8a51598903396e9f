//! One module per subcommand, and the output helpers they share.

pub mod bench;
pub mod completions;
pub mod entities;
pub mod eval;
pub mod export;
pub mod extract;
pub mod index;
pub mod optimize;
pub mod search;
pub mod show;
pub mod similar;
pub mod stats;
pub mod timeline;

use std::io::Write;

use chrono::{DateTime, Utc};
use dateline_core::{Article, EntityKind};
use serde::Serialize;

/// Opens the index in `dir`, resolving entity filters with the extra aliases of `aliases`
/// (`--aliases FILE`) when given.
pub fn open_index(
    dir: &std::path::Path,
    aliases: Option<&std::path::Path>,
) -> anyhow::Result<dateline_index::Index> {
    let index = dateline_index::Index::open(dir)?;
    Ok(match aliases {
        Some(path) => index.with_aliases(extract::user_aliases(path)?),
        None => index,
    })
}

/// Says on standard error that no article in the index at `dir` has `id`; exit status 1
/// (`show`, `similar`).
pub fn no_such_article(id: &str, dir: &std::path::Path) -> std::process::ExitCode {
    anstream::eprintln!(
        "{} no article with id {id:?} in {} (ids are printed by `dateline search`)",
        crate::style::paint(crate::style::ERROR, "error:"),
        dir.display()
    );
    std::process::ExitCode::from(1)
}

/// The request of the commands that count over matching articles (`entities`, `timeline`):
/// `query`, or every article without one, with `search`'s filters.
pub fn counting_request(
    query: Option<&str>,
    filters: &crate::args::FilterArgs,
) -> anyhow::Result<dateline_index::SearchRequest> {
    search::with_filters(
        dateline_index::SearchRequest::new(query.unwrap_or("*")),
        filters,
    )
}

/// Writes a CSV table (`--format csv`): the `header` row, then one row per item of `rows`.
pub fn write_csv<H, R>(
    out: &mut impl Write,
    header: H,
    rows: impl IntoIterator<Item = R>,
) -> anyhow::Result<()>
where
    H: IntoIterator,
    H::Item: AsRef<[u8]>,
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(header)?;
    for row in rows {
        csv.write_record(row)?;
    }
    csv.flush()?;
    Ok(())
}

/// Writes `value` as one line of JSON (`--format json` prints JSON Lines throughout).
///
/// The line is serialised first and written in one call: a write error then reaches the
/// caller as the `io::Error` it is, so that a closed pipe (`| head`) ends the run quietly
/// (`main`), where `serde_json::to_writer` would hide it inside a `serde_json::Error`.
pub fn write_json_line(out: &mut impl Write, value: &impl Serialize) -> anyhow::Result<()> {
    let mut line = serde_json::to_vec(value)?;
    line.push(b'\n');
    out.write_all(&line)?;
    Ok(())
}

/// A date as printed in JSON: RFC 3339 in UTC to the second (`2015-01-22T15:11:00Z`), the
/// same for every command so that scripts can compare them as strings.
pub fn json_date(date: Option<DateTime<Utc>>) -> Option<String> {
    date.map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// The heading of a group of entities of one kind in text output (`people`, `places`…).
pub fn kind_heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Organization => "organisations",
        EntityKind::Place => "places",
        EntityKind::Misc => "other",
    }
}

/// The fields that open an article printed as JSON by `extract` and `show`, flattened into
/// each command's own object so both name and format them alike.
#[derive(Serialize)]
pub struct JsonArticleHead<'a> {
    id: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
}

/// A stored article as printed whole by `show --format json` and `export`: a line that
/// `dateline index` reads back (it takes `id`, `title`, `date`, `url` and `body`).
#[derive(Serialize)]
pub struct JsonArticle<'a> {
    #[serde(flatten)]
    head: JsonArticleHead<'a>,
    url: Option<&'a str>,
    path: Option<&'a str>,
    body: &'a str,
    entities: Vec<dateline_index::EntityRef>,
}

impl<'a> From<&'a Article> for JsonArticle<'a> {
    fn from(article: &'a Article) -> Self {
        JsonArticle {
            head: JsonArticleHead::from(article),
            url: article.url.as_deref(),
            path: article.path.as_deref(),
            body: &article.body,
            entities: article
                .entities
                .iter()
                .map(|e| dateline_index::EntityRef {
                    kind: e.kind,
                    name: e.name.clone(),
                })
                .collect(),
        }
    }
}

impl<'a> From<&'a Article> for JsonArticleHead<'a> {
    fn from(article: &'a Article) -> Self {
        JsonArticleHead {
            id: &article.id,
            title: article.title.as_deref(),
            date: json_date(article.published),
        }
    }
}
