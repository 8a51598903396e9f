//! `dateline show`: one article as stored, with its entities.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dateline_core::{Article, EntityKind};
use dateline_index::Index;

use crate::args::{OutputFormat, ShowArgs};
use crate::cmd::{kind_heading, write_json_line, JsonArticle};
use crate::style;

pub fn run(index_dir: &Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let index = Index::open(index_dir)?;
    let Some(article) = index.get(&args.id)? else {
        return Ok(crate::cmd::no_such_article(&args.id, index_dir));
    };
    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Json => write_json_line(&mut out, &JsonArticle::from(&article))?,
        OutputFormat::Text => print_article(&mut out, &article)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn print_article(out: &mut impl Write, article: &Article) -> std::io::Result<()> {
    let (bold, bold_off) = (style::TITLE.render(), style::TITLE.render_reset());
    let (dim, dim_off) = (style::DIM.render(), style::DIM.render_reset());
    writeln!(
        out,
        "{bold}{}{bold_off}",
        article.title.as_deref().unwrap_or("(untitled)")
    )?;
    let date = article.published.map_or_else(
        || "no date".to_string(),
        |d| d.format("%Y-%m-%d %H:%M UTC").to_string(),
    );
    writeln!(out, "{dim}{date} · id {}{dim_off}", article.id)?;
    if let Some(url) = &article.url {
        writeln!(out, "{dim}{url}{dim_off}")?;
    }
    if let Some(path) = article.path.as_deref().filter(|p| *p != article.id) {
        writeln!(out, "{dim}{path}{dim_off}")?;
    }
    for paragraph in article.paragraphs() {
        writeln!(out)?;
        writeln!(out, "{paragraph}")?;
    }
    if !article.entities.is_empty() {
        writeln!(out)?;
        writeln!(out, "{bold}Entities{bold_off}")?;
        for kind in EntityKind::ALL {
            let names: Vec<&str> = article
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.name.as_str())
                .collect();
            if names.is_empty() {
                continue;
            }
            let label = kind_heading(kind);
            let (ent, ent_off) = (style::ENTITY.render(), style::ENTITY.render_reset());
            writeln!(
                out,
                "  {label:<14}{ent}{}{ent_off}",
                names.join(&format!("{ent_off}, {ent}"))
            )?;
        }
    }
    Ok(())
}
