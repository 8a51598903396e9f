//! `dateline similar`: the articles most like a given one.

use std::path::Path;
use std::process::ExitCode;

use crate::args::SimilarArgs;
use crate::style::Verbosity;

pub fn run(index_dir: &Path, args: SimilarArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    let index = crate::cmd::open_index(index_dir, args.aliases.as_deref())?;
    let request = crate::cmd::counting_request(None, &args.filters)?
        .sort(args.sort.into())
        .limit(args.limit)
        .offset(args.offset);
    let Some(results) = index.similar(&args.id, &request)? else {
        return Ok(crate::cmd::no_such_article(&args.id, index_dir));
    };
    let mut out = anstream::stdout().lock();
    crate::cmd::search::print_results(&mut out, &results, args.format, verbosity, &request)?;
    Ok(ExitCode::SUCCESS)
}
