//! Dateline's core: the article model, readers for raw text, HTML and JSON Lines, language
//! detection, date parsing, the news analyzer, entity extraction with aliases, and the tantivy schema.
//!
//! Everything here is pure: bytes in, articles out. Building and searching indexes lives in
//! `dateline-index`.
#![deny(missing_docs)]

pub mod analyzer;
pub mod article;
pub mod date;
pub mod entities;
pub mod extraction_eval;
pub mod language;
pub mod reader;
pub mod schema;
pub mod segment;
pub mod shingles;

pub use article::Article;
pub use entities::{Entity, EntityKind};
