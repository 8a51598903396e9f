//! TREC relevance judgments (qrels): `qid iter docid rel` lines.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::error::{content_lines, read_text, EvalError, FormatError, IdSample, IN_MEMORY};
use crate::topics::Topic;

/// Relevance judgments: for each query id, a graded relevance value per
/// judged document id.
///
/// Values follow trec_eval: `rel > 0` is relevant, `0` is judged
/// non-relevant, and a negative value marks a pooled but unjudged document
/// (it counts as non-relevant for every metric, has gain 0 in nDCG, and is
/// skipped by bpref, exactly as trec_eval does). A query with judgments but no relevant
/// document is still a query: trec_eval scores it (0 on every metric) and counts it in the
/// means.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Qrels {
    queries: BTreeMap<String, HashMap<String, i32>>,
    /// The file read, for error messages; `None` for judgments built in memory.
    origin: Option<String>,
}

impl Qrels {
    /// Creates empty judgments.
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses qrels text: one judgment per line, four whitespace-separated
    /// fields `qid iter docid rel` (the `iter` field is ignored). Blank lines
    /// and lines starting with `#` are skipped.
    ///
    /// # Errors
    /// A line without exactly four fields, a relevance that is not an
    /// integer, or a (qid, docid) pair judged twice (trec_eval rejects such
    /// files too).
    pub fn parse(text: &str) -> Result<Self, FormatError> {
        Self::parse_named(text, IN_MEMORY)
    }

    /// Reads and parses a qrels file (see [`Qrels::parse`]); errors name the
    /// file.
    ///
    /// # Errors
    /// The file cannot be read, or any error of [`Qrels::parse`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, FormatError> {
        let path = path.as_ref();
        let text = read_text(path)?;
        let mut qrels = Self::parse_named(&text, &path.display().to_string())?;
        qrels.origin = Some(path.display().to_string());
        Ok(qrels)
    }

    /// Where the judgments came from: the path given to [`Qrels::from_path`], or `<input>`.
    pub fn origin(&self) -> &str {
        self.origin.as_deref().unwrap_or(IN_MEMORY)
    }

    /// Checks that at least one of `topics` (read from `topics_origin`, which the error
    /// names) is judged here: otherwise running them could only score nothing, and trec_eval
    /// would refuse the run.
    ///
    /// ```
    /// use dateline_eval::{parse_topics, Qrels};
    ///
    /// let qrels = Qrels::parse("51 0 d1 1\n")?;
    /// assert!(qrels.check_topics(&parse_topics("51\tairbus\n")?, "t.tsv").is_ok());
    /// let err = qrels.check_topics(&parse_topics("051\tairbus\n")?, "t.tsv").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "no topic of t.tsv has judgments in <input> (topics: \"051\"; judged queries: \"51\")"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`EvalError::EmptyQrels`] without any judgment, else [`EvalError::NoJudgedTopics`].
    pub fn check_topics(&self, topics: &[Topic], topics_origin: &str) -> Result<(), EvalError> {
        if self.is_empty() {
            return Err(EvalError::EmptyQrels {
                qrels: self.origin().to_string(),
            });
        }
        if topics.iter().any(|t| self.queries.contains_key(&t.id)) {
            return Ok(());
        }
        Err(EvalError::NoJudgedTopics {
            topics: topics_origin.to_string(),
            qrels: self.origin().to_string(),
            topic_ids: IdSample::new(topics.iter().map(|t| t.id.as_str())),
            judged_queries: IdSample::new(self.query_ids()),
        })
    }

    fn parse_named(text: &str, origin: &str) -> Result<Self, FormatError> {
        let mut qrels = Qrels::new();
        for (line_no, line) in content_lines(text) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.len() != 4 {
                return Err(FormatError::FieldCount {
                    origin: origin.to_string(),
                    line: line_no,
                    expected: 4,
                    found: fields.len(),
                });
            }
            let (qid, docid, rel) = (fields[0], fields[2], fields[3]);
            let rel: i32 = rel.parse().map_err(|_| FormatError::InvalidNumber {
                origin: origin.to_string(),
                line: line_no,
                field: "relevance",
                value: rel.to_string(),
            })?;
            if qrels.insert(qid, docid, rel).is_some() {
                return Err(FormatError::DuplicateJudgment {
                    origin: origin.to_string(),
                    line: line_no,
                    qid: qid.to_string(),
                    docid: docid.to_string(),
                });
            }
        }
        Ok(qrels)
    }

    /// Adds (or replaces) one judgment, returning the previous value if the
    /// pair was already judged.
    pub fn insert(
        &mut self,
        qid: impl Into<String>,
        docid: impl Into<String>,
        rel: i32,
    ) -> Option<i32> {
        self.queries
            .entry(qid.into())
            .or_default()
            .insert(docid.into(), rel)
    }

    /// The relevance value of `docid` for `qid`, or `None` if unjudged.
    pub fn relevance(&self, qid: &str, docid: &str) -> Option<i32> {
        self.queries.get(qid)?.get(docid).copied()
    }

    /// All judgments of one query (document id to relevance), if any.
    pub fn judgments(&self, qid: &str) -> Option<&HashMap<String, i32>> {
        self.queries.get(qid)
    }

    /// Query ids that have at least one judgment, in sorted (string) order.
    pub fn query_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.queries.keys().map(String::as_str)
    }

    /// Number of relevant (`rel > 0`) documents for `qid`.
    pub fn num_relevant(&self, qid: &str) -> usize {
        self.queries
            .get(qid)
            .map_or(0, |j| j.values().filter(|&&r| r > 0).count())
    }

    /// Number of queries with at least one judgment.
    pub fn len(&self) -> usize {
        self.queries.len()
    }

    /// Whether there are no judgments at all.
    pub fn is_empty(&self) -> bool {
        self.queries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_graded_and_comments() {
        let q = Qrels::parse("# c\n1 0 d1 2\n\n1 0 d2 0\n2\t0\td1\t-1\n").unwrap();
        assert_eq!(q.relevance("1", "d1"), Some(2));
        assert_eq!(q.relevance("1", "d2"), Some(0));
        assert_eq!(q.relevance("2", "d1"), Some(-1));
        assert_eq!(q.relevance("2", "zz"), None);
        assert_eq!(q.num_relevant("1"), 1);
        assert_eq!(q.num_relevant("2"), 0);
        assert_eq!(q.query_ids().collect::<Vec<_>>(), ["1", "2"]);
    }

    #[test]
    fn errors_name_line() {
        let e = Qrels::parse("1 0 d1 1\n1 0 d2\n").unwrap_err();
        assert_eq!(e.to_string(), "<input>:2: expected 4 fields, found 3");
        let e = Qrels::parse("1 0 d1 x\n").unwrap_err();
        assert_eq!(e.to_string(), "<input>:1: invalid relevance \"x\"");
        let e = Qrels::parse("1 0 d1 1\n\n1 0 d1 0\n").unwrap_err();
        assert!(
            matches!(e, FormatError::DuplicateJudgment { line: 3, .. }),
            "{e}"
        );
        let e = Qrels::from_path("/nonexistent/qrels.txt").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("cannot read /nonexistent/qrels.txt"));
    }
}
