//! Opening and creating indexes, with their version check.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dateline_core::analyzer::{self, NEWS_ANALYZER};
use dateline_core::entities::{AliasTable, EntityExtractor};
use dateline_core::schema::{NewsSchema, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError};

use crate::error::{Error, Result};

/// Name of the file, beside tantivy's, that marks a folder as a Dateline index.
const MARKER_FILE: &str = "dateline.json";

/// What the marker file records, checked on every open.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Marker {
    format: String,
    schema_version: u32,
    analyzer: String,
}

impl Marker {
    fn current() -> Self {
        Marker {
            format: "dateline".to_string(),
            schema_version: SCHEMA_VERSION,
            analyzer: NEWS_ANALYZER.to_string(),
        }
    }

    fn describe(&self) -> String {
        format!(
            "schema v{} and analyzer {}",
            self.schema_version, self.analyzer
        )
    }
}

/// A Dateline index: a tantivy index with the news schema, its analyzer and entity extractor.
///
/// # Example
/// ```
/// use dateline_index::Index;
///
/// let index = Index::create_in_ram()?;
/// assert_eq!(index.num_articles(), 0);
/// # Ok::<(), dateline_index::Error>(())
/// ```
pub struct Index {
    pub(crate) index: tantivy::Index,
    pub(crate) schema: NewsSchema,
    pub(crate) reader: IndexReader,
    pub(crate) dir: Option<PathBuf>,
    pub(crate) extractor: Arc<EntityExtractor>,
}

impl Index {
    /// Creates an index that lives in memory only (tests, short-lived programs).
    pub fn create_in_ram() -> Result<Self> {
        let schema = NewsSchema::new();
        let index = tantivy::Index::create_in_ram(schema.schema.clone());
        Self::wrap(index, schema, None)
    }

    /// Creates a new index in `dir` (created if missing; it must be empty if it exists).
    pub fn create(dir: &Path) -> Result<Self> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io)?;
        if fs::read_dir(dir).map_err(io)?.next().is_some() {
            return Err(if is_index(dir)? {
                Error::Io {
                    path: dir.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::AlreadyExists,
                        "an index already exists here",
                    ),
                }
            } else {
                Error::NotAnIndex {
                    dir: dir.to_path_buf(),
                }
            });
        }
        let marker = serde_json::to_vec_pretty(&Marker::current())
            .map_err(|e| io(std::io::Error::other(e)))?;
        let schema = NewsSchema::new();
        let index = tantivy::Index::create_in_dir(dir, schema.schema.clone())?;
        // The marker goes last: a folder with it is a complete, openable index.
        fs::write(dir.join(MARKER_FILE), marker).map_err(io)?;
        Self::wrap(index, schema, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, checking that it was written by a compatible version.
    pub fn open(dir: &Path) -> Result<Self> {
        let marker_path = dir.join(MARKER_FILE);
        let text = match fs::read_to_string(&marker_path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let non_empty = fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
                return Err(if non_empty {
                    Error::NotAnIndex {
                        dir: dir.to_path_buf(),
                    }
                } else {
                    Error::NotFound {
                        dir: dir.to_path_buf(),
                    }
                });
            }
            Err(source) => {
                return Err(Error::Io {
                    path: marker_path,
                    source,
                })
            }
        };
        let marker: Marker = serde_json::from_str(&text).map_err(|_| Error::NotAnIndex {
            dir: dir.to_path_buf(),
        })?;
        if marker != Marker::current() {
            return Err(Error::IncompatibleVersion {
                dir: dir.to_path_buf(),
                found: marker.describe(),
                expected: Marker::current().describe(),
            });
        }
        let index = tantivy::Index::open_in_dir(dir)?;
        let schema =
            NewsSchema::from_schema(&index.schema()).ok_or_else(|| Error::IncompatibleVersion {
                dir: dir.to_path_buf(),
                found: "a schema without Dateline's fields".to_string(),
                expected: Marker::current().describe(),
            })?;
        Self::wrap(index, schema, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, creating it when the folder is missing or empty.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        match Self::open(dir) {
            Err(Error::NotFound { .. }) => Self::create(dir),
            other => other,
        }
    }

    fn wrap(index: tantivy::Index, schema: NewsSchema, dir: Option<PathBuf>) -> Result<Self> {
        // tantivy starts every opened index with a fresh tokenizer manager.
        analyzer::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Index {
            index,
            schema,
            reader,
            dir,
            extractor: Arc::new(EntityExtractor::new()),
        })
    }

    /// Adds user aliases to the built-in table, for extraction and entity filters alike.
    pub fn with_aliases(mut self, aliases: AliasTable) -> Self {
        let mut table = AliasTable::builtin();
        table.merge(aliases);
        self.extractor = Arc::new(EntityExtractor::with_aliases(table));
        self
    }

    /// The entity extractor used when articles are added.
    pub fn extractor(&self) -> &EntityExtractor {
        &self.extractor
    }

    /// The schema and its fields.
    pub fn schema(&self) -> &NewsSchema {
        &self.schema
    }

    /// The folder the index lives in (`None` in RAM).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The underlying tantivy index, for what Dateline does not wrap.
    pub fn tantivy(&self) -> &tantivy::Index {
        &self.index
    }

    /// Number of articles searchable now.
    pub fn num_articles(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Makes the latest commit (possibly by another process) visible to searches.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    pub(crate) fn writer(&self, memory_budget: usize) -> Result<IndexWriter<TantivyDocument>> {
        self.index.writer(memory_budget).map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => Error::Locked {
                dir: self.dir.clone().unwrap_or_default(),
            },
            other => Error::Tantivy(other),
        })
    }
}

fn is_index(dir: &Path) -> Result<bool> {
    match fs::metadata(dir.join(MARKER_FILE)) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(Error::Io {
            path: dir.join(MARKER_FILE),
            source,
        }),
    }
}
