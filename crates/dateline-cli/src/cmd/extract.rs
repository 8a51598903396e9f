//! `dateline extract`: what the entity extractor finds, one JSON object per article per line.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use dateline_core::entities::{AliasTable, EntityExtractor, Mention};
use dateline_core::{Article, Entity, EntityKind};
use dateline_index::{Corpus, FileIds, Skipped};
use serde::Serialize;

use crate::args::ExtractArgs;
use crate::cmd::{write_json_line, JsonArticleHead};
use crate::style;

/// A resolved entity as printed.
#[derive(Serialize)]
struct JsonEntity<'a> {
    #[serde(rename = "type")]
    kind: EntityKind,
    name: &'a str,
    /// Every form seen in the article (its aliases here).
    aliases: &'a [String],
    mentions: u32,
    /// The place a demonym belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'static str>,
    /// The country a city, US state or province is in, or whose people a demonym names.
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'static str>,
}

/// A mention as printed: the fields plus the entity it resolves to.
#[derive(Serialize)]
struct JsonMention<'a> {
    field: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: &'a str,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    #[serde(flatten)]
    head: JsonArticleHead<'a>,
    language: Option<&'a str>,
    body: &'a str,
    entities: Vec<JsonEntity<'a>>,
    mentions: Vec<JsonMention<'a>>,
}

/// A user alias file (without the built-in table).
pub fn user_aliases(path: &Path) -> anyhow::Result<AliasTable> {
    AliasTable::from_file(path).context("loading --aliases")
}

/// The extractor with the built-in aliases plus an optional user file.
pub fn extractor(aliases: Option<&Path>) -> anyhow::Result<EntityExtractor> {
    Ok(match aliases {
        Some(path) => EntityExtractor::with_aliases(
            AliasTable::builtin_with_file(path).context("loading --aliases")?,
        ),
        None => EntityExtractor::new(),
    })
}

fn json_article<'a>(
    article: &'a Article,
    entities: &'a [Entity],
    mentions: &'a [Mention],
) -> JsonArticle<'a> {
    JsonArticle {
        head: JsonArticleHead::from(article),
        language: article.language.as_deref(),
        body: &article.body,
        entities: entities
            .iter()
            .map(|e| JsonEntity {
                kind: e.kind,
                name: &e.name,
                aliases: &e.forms,
                mentions: e.mentions,
                place: e.place(),
                country: e.country(),
            })
            .collect(),
        mentions: mentions
            .iter()
            .map(|m| JsonMention {
                field: match m.field {
                    dateline_core::entities::MentionField::Title => "title",
                    dateline_core::entities::MentionField::Body => "body",
                },
                start: m.start,
                end: m.end,
                text: &m.text,
                kind: m.kind.code(),
                entity: &m.entity,
            })
            .collect(),
    }
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let extractor = extractor(args.aliases.as_deref())?;
    // The ids `dateline index` gives these files in the default index, `./.dateline`.
    let mut ids = FileIds::new(Path::new(".")).context("reading the current folder")?;
    let mut out = anstream::stdout().lock();
    let mut skipped = false;
    let mut skip = |path: &Path, line: Option<usize>, reason: String| {
        skipped = true;
        let item = Skipped {
            path: path.to_path_buf(),
            line,
            reason,
        };
        anstream::eprintln!("{} {item}", style::paint(style::WARN, "skipped:"));
    };
    let corpus = Corpus::find(&args.files, &args.globs.filter()?, &mut ids, true)?;
    for s in corpus.skipped() {
        skip(&s.path, s.line, s.reason.clone());
    }
    for (path, read) in corpus.read_each() {
        let items = match read {
            Ok(items) => items,
            Err(e) => {
                skip(path, e.line(), e.reason());
                continue;
            }
        };
        for item in items {
            match item {
                Ok(article) => {
                    if let Some(t) = &article.transcoded {
                        // Read, not skipped: a warning, as `dateline index` gives it.
                        let item = Skipped {
                            path: path.to_path_buf(),
                            line: Some(t.line),
                            reason: t.to_string(),
                        };
                        anstream::eprintln!("{} {item}", style::paint(style::WARN, "warning:"));
                    }
                    let found = match extractor.try_analyze_in(
                        article.title.as_deref(),
                        &article.body,
                        article.language.as_deref(),
                    ) {
                        Ok(found) => found,
                        Err(failed) => {
                            skip(path, None, format!("article {}: {failed}", article.id));
                            continue;
                        }
                    };
                    let json = json_article(&article, &found.entities, &found.mentions);
                    write_json_line(&mut out, &json)?;
                }
                Err(e) => skip(path, e.line(), e.reason()),
            }
        }
    }
    // As `dateline index`: 1 when some input was skipped and the rest printed.
    Ok(if skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
