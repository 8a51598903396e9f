//! Errors of the readers of topics, qrels and run files ([`FormatError`]) and of an
//! evaluation that has nothing to score ([`EvalError`]).

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
    /// A line has fewer whitespace-separated fields than the format needs (a run line may
    /// have more: trec_eval ignores any field after the run tag).
    #[error("{origin}:{line}: expected at least {min} fields, found {found}")]
    TooFewFields {
        /// File path or `<input>`.
        origin: String,
        /// 1-based line number.
        line: usize,
        /// Number of fields the format requires at least.
        min: usize,
        /// Number of fields found on the line.
        found: usize,
    },
    /// A file is not valid UTF-8. Ids are compared as text: read lossily, two ids that
    /// differ only in their invalid bytes (`d\xe9`, `d\xe8`) would become one.
    #[error(
        "{origin}:{line}: not valid UTF-8 (byte {column} of the line); \
         convert the file, for example with `iconv -f latin1 -t utf-8`"
    )]
    InvalidUtf8 {
        /// File path.
        origin: String,
        /// 1-based line number of the first invalid byte.
        line: usize,
        /// 1-based byte offset of the first invalid byte within its line.
        column: usize,
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

/// Reads a file as UTF-8 text.
///
/// Invalid UTF-8 is an error, not replaced: trec_eval compares ids byte for byte, and a lossy
/// reading would make distinct ids equal (old TREC files are often Latin-1).
pub(crate) fn read_text(path: &std::path::Path) -> Result<String, FormatError> {
    let bytes = std::fs::read(path).map_err(|source| FormatError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        FormatError::InvalidUtf8 {
            origin: path.display().to_string(),
            line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
            column: at - line_start + 1,
        }
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

/// An evaluation with nothing to score: no query has both results and judgments.
///
/// trec_eval stops on such input ("No queries with both results and relevance info") rather
/// than print zeros, which would look like a (very bad) measurement. Every variant names the
/// files (or `<input>` for data built in memory, see [`Run::origin`](crate::Run::origin)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The qrels hold no judgment at all.
    #[error("{qrels}: no relevance judgments")]
    EmptyQrels {
        /// The qrels file.
        qrels: String,
    },
    /// The run holds no result at all.
    #[error("{run}: no results")]
    EmptyRun {
        /// The run file.
        run: String,
    },
    /// No query of the run is judged in the qrels (often ids written differently: `051`
    /// against `51`).
    #[error(
        "no query has both results in {run} and judgments in {qrels} \
         (run queries: {run_queries}; judged queries: {judged_queries})"
    )]
    NoCommonQueries {
        /// The run file.
        run: String,
        /// The qrels file.
        qrels: String,
        /// Some query ids of the run.
        run_queries: IdSample,
        /// Some query ids of the qrels.
        judged_queries: IdSample,
    },
    /// No topic of a topics file is judged in the qrels, so running them would score nothing.
    #[error(
        "no topic of {topics} has judgments in {qrels} \
         (topics: {topic_ids}; judged queries: {judged_queries})"
    )]
    NoJudgedTopics {
        /// The topics file.
        topics: String,
        /// The qrels file.
        qrels: String,
        /// Some topic ids of the topics file.
        topic_ids: IdSample,
        /// Some query ids of the qrels.
        judged_queries: IdSample,
    },
}

/// The first few of a list of ids and how many there are, for error messages
/// (`"1", "2", "3" and 47 more`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdSample {
    /// Up to [`IdSample::SHOWN`] ids, in the order given.
    pub first: Vec<String>,
    /// How many ids there are in all.
    pub total: usize,
}

impl IdSample {
    /// How many ids a sample keeps.
    pub const SHOWN: usize = 3;

    /// Samples `ids`.
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let mut sample = IdSample::default();
        for id in ids {
            if sample.first.len() < Self::SHOWN {
                sample.first.push(id.to_string());
            }
            sample.total += 1;
        }
        sample
    }
}

impl std::fmt::Display for IdSample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.total == 0 {
            return f.write_str("none");
        }
        for (i, id) in self.first.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{id:?}")?;
        }
        match self.total - self.first.len() {
            0 => Ok(()),
            more => write!(f, " and {more} more"),
        }
    }
}
