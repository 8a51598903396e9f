//! The tantivy schema Dateline indexes articles with, and its version.
//!
//! | field         | type   | options                          | why                                          |
//! |---------------|--------|----------------------------------|----------------------------------------------|
//! | `id`          | string | indexed (raw), stored, fast      | identity: updates delete by it               |
//! | `title`       | text   | news analyzer, positions, stored | phrases and snippets                         |
//! | `body`        | text   | news analyzer, positions, stored | phrases and snippets                         |
//! | `published`   | date   | indexed, fast, stored (seconds)  | range filters, sort by date                  |
//! | `day`         | i64    | indexed                          | whole-day range filters (days since 1970)    |
//! | `month`       | i64    | indexed                          | whole months in them (months since 1970)     |
//! | `year`        | i64    | indexed                          | whole years in them                          |
//! | `entity`      | text   | a term per line, stored          | `PER:Philip Hammond`: typed filters, display |
//! | `entity_id`   | u64    | fast                             | hash of each `entity` term: entity counts    |
//! | `entity_key`  | text   | a term per line                  | case-insensitive entity filters              |
//! | `path`, `url` | string | stored                           | where the article came from                  |
//! | `lang`        | string | indexed (raw), stored            | language filter (`en`, `pt`, ...)            |
//! | `stemming`    | string | indexed (raw)                    | `none`: unstemmed; `no-entities`: no entities |
//! | `id_hash`     | u64    | fast                             | quick identity scan on re-index              |
//! | `fingerprint` | u64    | fast, stored                     | unchanged articles are skipped               |
//! | `source`      | u64    | fast                             | hash of `path`: updates from another file    |
//! | `content`     | u64    | fast                             | normalised text hash: copies in later runs   |
//!
//! # Example
//! ```
//! use dateline_core::schema::NewsSchema;
//!
//! let news = NewsSchema::new();
//! assert_eq!(news.schema.get_field_name(news.title), "title");
//! ```

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

use crate::analyzer::{LINES_TOKENIZER, NEWS_ANALYZER};

/// Version of the on-disk layout: bumped when fields, their options or what is indexed in them
/// change (3: articles in languages other than English are indexed unstemmed; 4: the `day`
/// field, and entities as lines of text with hashed ids instead of facets; 5: the `month` and
/// `year` fields; 6: ids of files are relative to the folder holding the index, and the
/// `source` field; 7: the `content` field).
pub const SCHEMA_VERSION: u32 = 7;

/// The schema and handles to each of its fields.
#[derive(Clone, Debug)]
pub struct NewsSchema {
    /// The tantivy schema.
    pub schema: Schema,
    /// Article identity.
    pub id: Field,
    /// Headline.
    pub title: Field,
    /// Body paragraphs.
    pub body: Field,
    /// Publication instant.
    pub published: Field,
    /// Publication day (days since 1970-01-01, UTC). A filter by whole days reads one term per
    /// day from it instead of one per distinct second from `published`: a year of news is a few
    /// hundred terms instead of tens of thousands.
    pub day: Field,
    /// Publication month (months since January 1970, UTC): the whole months of a date filter
    /// are one term each.
    pub month: Field,
    /// Publication year (UTC): the whole years of a date filter are one term each, so a year
    /// of news is one posting list, not 365.
    pub year: Field,
    /// Typed entities, one `CODE:Name` line each (`PER:Philip Hammond`).
    pub entity: Field,
    /// The hash of each `entity` line, a fast column to count entities over matching articles.
    pub entity_id: Field,
    /// Normalised entity names and aliases, one per line, for filters.
    pub entity_key: Field,
    /// Source file, relative to the indexed root.
    pub path: Field,
    /// Source URL.
    pub url: Field,
    /// Detected language (ISO 639-1 code), absent when unknown.
    pub lang: Field,
    /// Hash of `id`, so a re-index can scan identities from a fast column.
    pub id_hash: Field,
    /// Content hash of the article as indexed.
    pub fingerprint: Field,
    /// Hash of the file the article was read from ([`Article::path`](crate::Article::path)),
    /// so that an update read from another file can be told from one read from the same file.
    pub source: Field,
    /// Hash of the article's normalised text (the body; the title too when the body is short),
    /// when copies are left out, so that a later run finds copies of articles indexed before.
    pub content: Field,
    /// How an article was indexed: `none` on articles whose title and body were indexed
    /// without English stemming, so that queries know to look up unstemmed forms too;
    /// [`NO_ENTITIES`] on those indexed without entity extraction, which entity filters do not
    /// see.
    pub stemming: Field,
}

/// The term of [`NewsSchema::stemming`] that marks an article indexed without entity
/// extraction.
pub const NO_ENTITIES: &str = "no-entities";

impl NewsSchema {
    /// Builds the schema.
    pub fn new() -> Self {
        let mut builder = Schema::builder();
        let text = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(NEWS_ANALYZER)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored();
        let id = builder.add_text_field("id", STRING | STORED | FAST);
        let title = builder.add_text_field("title", text.clone());
        let body = builder.add_text_field("body", text);
        let published = builder.add_date_field(
            "published",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored()
                .set_precision(DateTimePrecision::Seconds),
        );
        let day = builder.add_i64_field("day", NumericOptions::default().set_indexed());
        let month = builder.add_i64_field("month", NumericOptions::default().set_indexed());
        let year = builder.add_i64_field("year", NumericOptions::default().set_indexed());
        // Terms only: no frequencies, positions or length norms.
        let lines = TextFieldIndexing::default()
            .set_tokenizer(LINES_TOKENIZER)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false);
        let entity = builder.add_text_field(
            "entity",
            TextOptions::default()
                .set_indexing_options(lines.clone())
                .set_stored(),
        );
        let entity_id = builder.add_u64_field("entity_id", NumericOptions::default() | FAST);
        let entity_key = builder.add_text_field(
            "entity_key",
            TextOptions::default().set_indexing_options(lines),
        );
        let path = builder.add_text_field("path", STORED);
        let url = builder.add_text_field("url", STORED);
        let lang = builder.add_text_field("lang", STRING | STORED);
        let id_hash = builder.add_u64_field("id_hash", NumericOptions::default() | FAST);
        let fingerprint =
            builder.add_u64_field("fingerprint", NumericOptions::default() | FAST | STORED);
        let source = builder.add_u64_field("source", NumericOptions::default() | FAST);
        let content = builder.add_u64_field("content", NumericOptions::default() | FAST);
        let stemming = builder.add_text_field("stemming", STRING);
        NewsSchema {
            schema: builder.build(),
            id,
            title,
            body,
            published,
            day,
            month,
            year,
            entity,
            entity_id,
            entity_key,
            path,
            url,
            lang,
            id_hash,
            fingerprint,
            source,
            content,
            stemming,
        }
    }

    /// Looks the fields up in an existing schema; `None` if any is missing.
    pub fn from_schema(schema: &Schema) -> Option<Self> {
        let field = |name: &str| schema.get_field(name).ok();
        Some(NewsSchema {
            schema: schema.clone(),
            id: field("id")?,
            title: field("title")?,
            body: field("body")?,
            published: field("published")?,
            day: field("day")?,
            month: field("month")?,
            year: field("year")?,
            entity: field("entity")?,
            entity_id: field("entity_id")?,
            entity_key: field("entity_key")?,
            path: field("path")?,
            url: field("url")?,
            lang: field("lang")?,
            id_hash: field("id_hash")?,
            fingerprint: field("fingerprint")?,
            source: field("source")?,
            content: field("content")?,
            stemming: field("stemming")?,
        })
    }
}

impl Default for NewsSchema {
    fn default() -> Self {
        NewsSchema::new()
    }
}
