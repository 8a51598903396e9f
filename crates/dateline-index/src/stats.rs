//! Whole-index figures: article count, date range, top entities; and lookup by id.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use dateline_core::{Article, EntityKind};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, ExistsQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Order, TantivyDocument, Term};

use crate::document::{from_tantivy_date, to_article};
use crate::error::Result;
use crate::facets::EntityCounts;
use crate::Index;

/// Figures describing an index.
#[derive(Clone, Debug, Serialize)]
pub struct IndexStats {
    /// Articles in the index.
    pub articles: u64,
    /// Earliest publication date.
    pub first_date: Option<DateTime<Utc>>,
    /// Latest publication date.
    pub last_date: Option<DateTime<Utc>>,
    /// Articles without a publication date.
    pub without_date: u64,
    /// Entities the index's user aliases add to the built-in table (see
    /// [`Index::with_aliases`]): 0 for none.
    pub user_aliases: usize,
    /// Most frequent entities of each type (people, organisations, places and miscellaneous
    /// names such as demonyms) with the number of articles naming them.
    pub top_entities: BTreeMap<EntityKind, Vec<(String, u64)>>,
}

impl Index {
    /// Computes the index's figures, with the `top` most frequent entities of each type.
    pub fn stats(&self, top: usize) -> Result<IndexStats> {
        self.read_stats(top).map_err(|e| self.damaged(e))
    }

    fn read_stats(&self, top: usize) -> Result<IndexStats> {
        let searcher = self.reader.searcher();
        let dated = ExistsQuery::new("published".to_string(), false);
        let with_date = searcher.search(&dated, &Count)? as u64;
        let edge = |order| -> Result<Option<DateTime<Utc>>> {
            let collector =
                TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>("published", order);
            let docs = searcher.search(&dated, &collector)?;
            Ok(docs
                .first()
                .and_then(|(d, _)| *d)
                .and_then(from_tantivy_date))
        };
        let mut counts = searcher.search(&AllQuery, &EntityCounts::new(self, &searcher)?)?;
        // Counted as `dateline entities` and `--facets` count them.
        counts.merge_surnames(self, &searcher)?;
        // Every type, miscellaneous names too, as `dateline entities` and `--facets` list them.
        let top_entities = EntityKind::ALL
            .into_iter()
            .map(|kind| {
                let list = counts
                    .top(kind, top)
                    .into_iter()
                    .map(|e| (e.name, e.articles))
                    .collect();
                (kind, list)
            })
            .collect();
        let articles = searcher.num_docs();
        Ok(IndexStats {
            articles,
            first_date: edge(Order::Asc)?,
            last_date: edge(Order::Desc)?,
            without_date: articles.saturating_sub(with_date),
            user_aliases: self.user_aliases().len(),
            top_entities,
        })
    }

    /// The stored article with this id, if any.
    pub fn get(&self, id: &str) -> Result<Option<Article>> {
        self.read_article(id).map_err(|e| self.damaged(e))
    }

    fn read_article(&self, id: &str) -> Result<Option<Article>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.schema.id, id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(
            &query as &dyn Query,
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        match top.first() {
            Some((_, address)) => {
                let doc: TantivyDocument = searcher.doc(*address)?;
                Ok(Some(to_article(&self.schema, &doc)))
            }
            None => Ok(None),
        }
    }
}
