//! `dateline similar`: the articles most like a given one.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::args::SimilarArgs;
use crate::style::Verbosity;

pub fn run(index_dir: &Path, args: SimilarArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    let index = crate::cmd::open_index(index_dir, args.aliases.as_deref())?;
    let request = crate::cmd::counting_request(None, &args.filters)?
        .sort(args.sort.into())
        .limit(args.limit)
        .offset(args.offset);
    let results = match (&args.id, args.text.as_deref()) {
        (Some(id), _) => match index.similar(id, &request)? {
            Some(results) => results,
            None => return Ok(crate::cmd::no_such_article(id, index_dir)),
        },
        (None, Some("-")) => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading the text from standard input")?;
            index.similar_to_text(&text, &request)?
        }
        (None, Some(text)) => index.similar_to_text(text, &request)?,
        // clap requires one of the two.
        (None, None) => anyhow::bail!("give an article's ID or --text TEXT"),
    };
    let mut out = anstream::stdout().lock();
    crate::cmd::search::print_results(&mut out, &results, args.format, verbosity, &request)?;
    Ok(ExitCode::SUCCESS)
}
