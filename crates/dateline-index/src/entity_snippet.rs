//! Snippets that show where an article names the entities a search asked for: for a search by
//! entity alone (`--person "Haider al-Abadi"`, `person:Kerry`), or one whose words are only in
//! a hit's title, the passage of the body naming them, with those mentions highlighted, rather
//! than the body's opening.

use dateline_core::entities::{normalize_key, EntityExtractor, Mention, MentionField};
use rustc_hash::FxHashSet;
use tantivy::query::Query;
use tantivy::tokenizer::TextAnalyzer;

use crate::document::entity_term;
use crate::error::Result;
use crate::query::{self, Node};
use crate::search::{best_passage, BodyToken, Mark, Snippet, SNIPPET_CHARS};
use crate::{Index, SearchRequest};

/// The entities a request selects, as its filters read the index: typed terms
/// (`PER:Philip Hammond`) and keys of any form (`philip hammond`, `daesh`).
#[derive(Debug, Default)]
pub(crate) struct EntityMarks {
    typed: FxHashSet<String>,
    keys: FxHashSet<String>,
}

impl Index {
    /// The entities `request` selects by its filters and the entity clauses of its query
    /// (`tree`), as the terms their queries look for; `None` when it names none. The filters are
    /// built again here, for the page's snippets only (a few term lookups each, the entity
    /// catalogues being warm by then).
    pub(crate) fn entity_marks(
        &self,
        request: &SearchRequest,
        tree: &Node,
    ) -> Result<Option<EntityMarks>> {
        let wanted = request.entity_filters().chain(query::entity_clauses(tree));
        let mut marks = EntityMarks::default();
        let mut any = false;
        for (field, name) in wanted {
            any = true;
            let query = self.entity_filter_query(field, name)?;
            query.query_terms(&mut |term, _| {
                let value = term.value();
                let Some(text) = value.as_str() else {
                    return;
                };
                if term.field() == self.schema.entity {
                    marks.typed.insert(text.to_string());
                } else if term.field() == self.schema.entity_key {
                    marks.keys.insert(text.to_string());
                }
            });
        }
        Ok(any.then_some(marks))
    }
}

impl EntityMarks {
    /// Whether a mention is of one of the entities: by its entity's type and name, or by the
    /// key of that name or of the mention's own text (an alias, a surname).
    fn admits(&self, mention: &Mention) -> bool {
        self.typed
            .contains(&entity_term(mention.kind, &mention.entity))
            || (!self.keys.is_empty()
                && (self.keys.contains(&normalize_key(&mention.entity))
                    || self.keys.contains(&normalize_key(&mention.text))))
    }

    /// The passage of `body` that names the entities most (each entity counting once per
    /// window first, then every mention, as phrases count in [`best_passage`]), with their
    /// mentions highlighted; `None` when the body names none of them. The extractor reads the
    /// article (in its detected `language`) as it did when indexing it; `tokenizer` is the
    /// body's analyzer, whose words the passage is cut at.
    pub(crate) fn snippet(
        &self,
        extractor: &EntityExtractor,
        tokenizer: &mut TextAnalyzer,
        title: Option<&str>,
        body: &str,
        language: Option<&str>,
    ) -> Option<Snippet> {
        // The passage is cut from the trimmed body, as word snippets are.
        let text = body.trim();
        let shift = body.len() - body.trim_start().len();
        let mentions: Vec<Mention> = (extractor
            .analyze_in(title, body, language)
            .mentions
            .into_iter())
        .filter(|m| m.field == MentionField::Body && self.admits(m))
        .collect();
        if mentions.is_empty() {
            return None;
        }
        let mut tokens: Vec<BodyToken> = Vec::new();
        let mut stream = tokenizer.token_stream(text);
        while let Some(token) = stream.next() {
            tokens.push(BodyToken {
                position: token.position as u32,
                from: token.offset_from,
                to: token.offset_to,
            });
        }
        let mut entities: Vec<&str> = Vec::new();
        let mut marks: Vec<Mark> = Vec::new();
        for mention in &mentions {
            let (Some(start), Some(end)) = (
                mention.start.checked_sub(shift),
                mention.end.checked_sub(shift),
            ) else {
                continue;
            };
            // The words the mention spans (`al-Abadi` is two).
            let first = tokens.partition_point(|t| t.to <= start);
            let Some(last) = tokens.partition_point(|t| t.from < end).checked_sub(1) else {
                continue;
            };
            if first > last {
                continue;
            }
            let group = match entities.iter().position(|e| *e == mention.entity) {
                Some(group) => group,
                None => {
                    entities.push(&mention.entity);
                    entities.len() - 1
                }
            };
            marks.push(Mark {
                first,
                last,
                weight: 1.0,
                phrase: Some((group, (first..=last).collect())),
            });
        }
        best_passage(text, &tokens, &marks, SNIPPET_CHARS)
    }
}
