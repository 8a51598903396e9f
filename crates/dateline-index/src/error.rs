//! The error type of index operations.

use std::path::PathBuf;

use crate::query::QueryError;

/// Errors from opening, writing or searching an index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A glob of a [`FileFilter`](crate::FileFilter) does not parse.
    #[error("invalid glob: {message}")]
    InvalidGlob {
        /// The glob, as given.
        glob: String,
        /// What is wrong with it.
        message: String,
    },
    /// The folder holds no Dateline index.
    #[error("no Dateline index at {} (create one with `dateline index PATH --index {}`)", .dir.display(), .dir.display())]
    NotFound {
        /// The folder looked at.
        dir: PathBuf,
    },
    /// The folder exists and holds something that is not a Dateline index.
    #[error("{} is not empty and holds no Dateline index; choose another folder", .dir.display())]
    NotAnIndex {
        /// The folder looked at.
        dir: PathBuf,
    },
    /// The folder a rebuild builds in (`DIR.rebuild`) holds files that are not a Dateline
    /// index: they are not a leftover of a rebuild, and are left alone.
    #[error("{} holds files that are not a Dateline index, so --rebuild cannot build there; move them away", .dir.display())]
    RebuildFolderTaken {
        /// The folder.
        dir: PathBuf,
    },
    /// The index was written by another schema or analyzer version.
    #[error("the index at {} was written with {found}, this dateline reads {expected}; rebuild it with `dateline index --rebuild PATH...`", .dir.display())]
    IncompatibleVersion {
        /// The index folder.
        dir: PathBuf,
        /// What the index says it is.
        found: String,
        /// What this build writes.
        expected: String,
    },
    /// Another process holds the index's writer lock.
    #[error("the index at {} is locked by another dateline process", .dir.display())]
    Locked {
        /// The index folder.
        dir: PathBuf,
    },
    /// The index folder was replaced (by a rebuild that finished in another process) between
    /// the opening of the index and the taking of its writer lock: this run saw the old index,
    /// so it writes nothing to the new one.
    #[error("the index at {} was replaced by a rebuild in another dateline process while this run started; nothing was written, run it again", .dir.display())]
    Replaced {
        /// The index folder.
        dir: PathBuf,
    },
    /// A rebuild read no article while the index it was to replace holds some: the old
    /// index was kept and the empty one removed.
    #[error("the rebuild read no articles from the given paths, so the index at {} was kept as it was{}", .dir.display(), kept_articles(*.kept))]
    EmptyRebuild {
        /// The index folder, untouched.
        dir: PathBuf,
        /// Articles the old index holds, when its metadata could be read.
        kept: Option<u64>,
    },
    /// The index's files could not be written (read-only folder, full disk, ...). Nothing
    /// written since the last commit is kept; the index holds what that commit saved.
    #[error("cannot write to the index at {} (it keeps what its last commit saved)", .dir.display())]
    Write {
        /// The index folder.
        dir: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The index's files are missing or damaged: a segment file missing, cut short or
    /// overwritten, a stored article that does not decode, a broken `meta.json`, or a lost
    /// or broken `dateline.json` beside tantivy's files of a Dateline schema.
    #[error("the index at {} is damaged ({message}); rebuild it with `dateline index --rebuild PATH...`", .dir.display())]
    Damaged {
        /// The index folder.
        dir: PathBuf,
        /// What is wrong, naming the file where it is known (`….store is cut short or
        /// overwritten at its end`, `dateline.json is missing`), else tantivy's report.
        message: String,
    },
    /// The aliases an index keeps (see [`Index::with_aliases`](crate::Index::with_aliases))
    /// do not parse: the file was edited by hand.
    #[error("{}: {source} (the aliases this index was built with: correct the line, or remove the file to use only the built-in aliases)", .path.display())]
    StoredAliases {
        /// The file in the index folder.
        path: PathBuf,
        /// What is wrong, and on which line.
        source: dateline_core::entities::AliasError,
    },
    /// A file or folder could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The query text is malformed.
    #[error("invalid query: {0}")]
    Query(#[from] QueryError),
    /// A date bound is malformed.
    #[error("invalid date {text:?}: {message}")]
    Date {
        /// The text given.
        text: String,
        /// Why it is not a date.
        message: String,
    },
    /// A country filter names something that is not a country.
    #[error("{name:?} is not a country Dateline knows{}: --country takes a country's name or alias (Iraq, United States, US)", did_you_mean(.suggestion))]
    NotACountry {
        /// The name given.
        name: String,
        /// The country it most likely means, when one is close.
        suggestion: Option<String>,
    },
    /// The index itself failed.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// `" (did you mean X?)"` for [`Error::NotACountry`], or nothing without a suggestion.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map_or_else(String::new, |s| format!(" (did you mean {s}?)"))
}

/// `" (N articles)"` for [`Error::EmptyRebuild`], or nothing when the count is unknown.
fn kept_articles(kept: Option<u64>) -> String {
    match kept {
        Some(1) => " (1 article)".to_string(),
        Some(n) => format!(" ({n} articles)"),
        None => String::new(),
    }
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
