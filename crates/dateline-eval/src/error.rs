//! Error type shared by the readers of topics, qrels and run files.

use std::path::PathBuf;

/// Name used in error messages for text that did not come from a file.
pub const IN_MEMORY: &str = "<input>";

/// An error while reading or parsing a topics, qrels or run file.
///
/// Every variant names its origin (a file path, or `<input>` for text
/// parsed from memory) and, where it applies, the 1-based line number.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A line has the wrong number of whitespace-separated fields.
    #[error("{origin}:{line}: expected {expected} fields, found {found}")]
    FieldCount {
        /// File path or `<input>`.
        origin: String,
        /// 1-based line number.
        line: usize,
        /// Number of fields the format requires.
        expected: usize,
        /// Number of fields found on the line.
        found: usize,
    },
    /// A numeric field could not be parsed (or is not finite).
    #[error("{origin}:{line}: invalid {field} {value:?}")]
    InvalidNumber {
        /// File path or `<input>`.
        origin: String,
        /// 1-based line number.
        line: usize,
        /// Which field was invalid (for example `relevance` or `score`).
        field: &'static str,
        /// The offending text.
        value: String,
    },
    /// The same (query, document) pair is judged twice in a qrels file.
    #[error("{origin}:{line}: duplicate judgment for query {qid:?} document {docid:?}")]
    DuplicateJudgment {
        /// File path or `<input>`.
        origin: String,
        /// 1-based line number of the second judgment.
        line: usize,
        /// Query id.
        qid: String,
        /// Document id.
        docid: String,
    },
    /// The same document is retrieved twice for one query in a run file
    /// (trec_eval stops with "duplicate docs" on such a run).
    #[error(
        "{origin}:{line}: duplicate result for query {qid:?} document {docid:?} \
         (first on line {first_line})"
    )]
    DuplicateResult {
        /// File path or `<input>`.
        origin: String,
        /// 1-based line number of the second occurrence.
        line: usize,
        /// 1-based line number of the first occurrence.
        first_line: usize,
        /// Query id.
        qid: String,
        /// Document id.
        docid: String,
    },
    /// The same topic id appears twice in a topics file.
    #[error("{origin}:{line}: duplicate topic id {id:?}")]
    DuplicateTopic {
        /// File path or `<input>`.
        origin: String,
        /// 1-based line number of the second occurrence.
        line: usize,
        /// The repeated topic id.
        id: String,
    },
    /// A topics file is malformed in some other way.
    #[error("{origin}:{line}: {reason}")]
    Malformed {
        /// File path or `<input>`.
        origin: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong, in lower case.
        reason: String,
    },
}

/// Reads a file as text, replacing invalid UTF-8 (old TREC files are often
/// Latin-1) rather than failing.
pub(crate) fn read_text(path: &std::path::Path) -> Result<String, FormatError> {
    let bytes = std::fs::read(path).map_err(|source| FormatError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Iterates over `(line_number, line)` pairs skipping blank lines and
/// `#` comment lines.
pub(crate) fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            None
        } else {
            Some((i + 1, line))
        }
    })
}
