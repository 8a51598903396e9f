//! `dateline export`: the stored articles matching a search, as JSON Lines that `dateline
//! index` reads back.

use std::path::Path;
use std::process::ExitCode;

use crate::args::ExportArgs;
use crate::cmd::{write_json_line, JsonArticle};

pub fn run(index_dir: &Path, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let index = crate::cmd::open_index(index_dir, args.aliases.as_deref())?;
    let query = crate::args::query_text(&args.query);
    let request = crate::cmd::counting_request(query.as_deref(), &args.filters)?
        .sort(crate::cmd::search::sort_of(query.as_deref(), args.sort))
        .limit(args.limit)
        .snippets(false);
    let articles = index.articles(&request)?;
    crate::cmd::search::print_tips(&index, &request, false)?;
    let mut out = anstream::stdout().lock();
    for article in articles {
        write_json_line(&mut out, &JsonArticle::from(&article?))?;
    }
    Ok(ExitCode::SUCCESS)
}
