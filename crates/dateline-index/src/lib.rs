//! Build, update and search Dateline indexes of news articles.
//!
//! An [`Index`] wraps a tantivy index with Dateline's schema, analyzer and entity extractor.
//! Articles go in through [`Index::ingest_paths`] (files and folders of raw text or JSON Lines)
//! or [`Index::add_articles`]; searches are described by a [`SearchRequest`] and return typed
//! [`Hit`]s.
//!
//! # Example
//! ```
//! use dateline_core::Article;
//! use dateline_index::{Index, SearchRequest};
//!
//! let index = Index::create_in_ram()?;
//! let talks = Article::new(
//!     "london-talks",
//!     "Foreign Secretary Philip Hammond said the coalition would stop foreign fighters.",
//! )
//! .with_title("London hosts terror talks")
//! .with_published("2015-01-22T15:11:00Z".parse().unwrap());
//! let older = Article::new("older", "Hammond visited Berlin.")
//!     .with_published("2014-06-01T09:00:00Z".parse().unwrap());
//! index.add_articles(vec![talks, older])?;
//!
//! let request = SearchRequest::new("Hammond").from_str("2015-01-01")?.to_str("2015-01-31")?;
//! let results = index.search(&request)?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].id, "london-talks");
//! # Ok::<(), dateline_index::Error>(())
//! ```
#![deny(missing_docs)]

pub mod bench;
mod bm25f;
mod calendar;
mod corpus;
mod countries;
mod document;
mod entity_snippet;
mod error;
mod explanation;
mod facets;
mod file_filter;
mod filter_cache;
mod fold;
mod ids;
mod index;
mod ingest;
mod optimize;
mod phrase;
mod prf;
pub mod query;
mod rank;
mod search;
mod similar;
mod spelling;
mod stamps;
mod stats;
mod timeline;
mod top;

pub use bm25f::Bm25fQuery;
pub use corpus::{named_paths, Corpus};
pub use countries::CountryCount;
pub use document::EntityRef;
pub use error::{Error, Result};
pub use explanation::Explanation;
pub use facets::{EntityCount, EntitySuggestion, Facets, MonthCount};
pub use file_filter::FileFilter;
pub use filter_cache::DEFAULT_FILTER_CACHE_BUDGET;
pub use fold::FOLD_WINDOW;
pub use ids::FileIds;
pub use index::Index;
pub use ingest::{memory_budget_range, IngestOptions, IngestReport, Progress, Skipped, Warning};
pub use optimize::OptimizeReport;
pub use rank::{Prf, Proximity, RankedList, Ranking, Scoring, StopWords};
pub use search::{Hit, SearchRequest, SearchResults, Snippet, Sort, Syntax};
pub use similar::SIMILAR_WORDS;
pub use spelling::WordSuggestion;
pub use stats::IndexStats;
pub use timeline::{Interval, PeriodCount, Timeline};

/// The README's Rust examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
