//! TREC run files: `qid Q0 docid rank score tag` lines.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::path::Path;

use crate::error::{content_lines, read_text, FormatError, IN_MEMORY};

#[derive(Debug, Clone, Default, PartialEq)]
struct QueryRun {
    docs: Vec<(String, f64)>,
    seen: HashSet<String>,
}

/// A retrieval run: for each query id, the retrieved documents with scores.
///
/// Ranking follows trec_eval, which ignores the rank column: documents are
/// ordered by score descending, ties broken by document id descending (byte
/// order). Like trec_eval, scores are compared at single (`f32`) precision,
/// so scores that differ only beyond `f32` precision are ties. A document
/// is retrieved at most once per query: [`Run::parse`] rejects a second
/// occurrence, as trec_eval does, and [`Run::push`] ignores it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    queries: BTreeMap<String, QueryRun>,
    /// The file read (or a name given), for error messages; `None` for `<input>`.
    origin: Option<String>,
}

/// trec_eval's ordering: score (as `f32`) descending, then docid descending.
pub(crate) fn trec_order(a: &(&str, f64), b: &(&str, f64)) -> Ordering {
    (b.1 as f32)
        .total_cmp(&(a.1 as f32))
        .then_with(|| b.0.as_bytes().cmp(a.0.as_bytes()))
}

impl Run {
    /// Creates an empty run.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a retrieved document for a query. Returns `false` (and changes
    /// nothing) if `docid` was already retrieved for `qid`: the first
    /// occurrence is kept.
    pub fn push(&mut self, qid: impl Into<String>, docid: impl Into<String>, score: f64) -> bool {
        let q = self.queries.entry(qid.into()).or_default();
        let docid = docid.into();
        if q.seen.contains(&docid) {
            return false;
        }
        q.seen.insert(docid.clone());
        q.docs.push((docid, score));
        true
    }

    /// Parses run text: at least six whitespace-separated fields per line,
    /// `qid Q0 docid rank score tag`. The `Q0` and `rank` fields are ignored
    /// (ranks come from the scores), and so is any field after the tag, as
    /// trec_eval ignores it; blank lines and `#` lines are skipped.
    ///
    /// # Errors
    /// A line with fewer than six fields, a score that is not a finite
    /// number, or a document retrieved twice for the same query (trec_eval
    /// rejects such runs too: which occurrence counts is undefined, and
    /// keeping either would change the scores without a word).
    pub fn parse(text: &str) -> Result<Self, FormatError> {
        Self::parse_named(text, IN_MEMORY)
    }

    /// Reads and parses a run file (see [`Run::parse`]); errors name the file.
    ///
    /// # Errors
    /// The file cannot be read, or any error of [`Run::parse`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, FormatError> {
        let path = path.as_ref();
        let text = read_text(path)?;
        let origin = path.display().to_string();
        Ok(Self::parse_named(&text, &origin)?.with_origin(origin))
    }

    /// Names the run for error messages (a run built in memory is `<input>`; one read by
    /// [`Run::from_path`] is named by its path).
    ///
    /// ```
    /// use dateline_eval::Run;
    ///
    /// let run = Run::new().with_origin("topics.tsv (run on ./index)");
    /// assert_eq!(run.origin(), "topics.tsv (run on ./index)");
    /// assert_eq!(Run::new().origin(), "<input>");
    /// ```
    pub fn with_origin(mut self, origin: impl Into<String>) -> Self {
        self.origin = Some(origin.into());
        self
    }

    /// The run's name in error messages (see [`Run::with_origin`]).
    pub fn origin(&self) -> &str {
        self.origin.as_deref().unwrap_or(IN_MEMORY)
    }

    fn parse_named(text: &str, origin: &str) -> Result<Self, FormatError> {
        let mut run = Run::new();
        for (line_no, line) in content_lines(text) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.len() < 6 {
                return Err(FormatError::TooFewFields {
                    origin: origin.to_string(),
                    line: line_no,
                    min: 6,
                    found: fields.len(),
                });
            }
            let score = fields[4]
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite())
                .ok_or_else(|| FormatError::InvalidNumber {
                    origin: origin.to_string(),
                    line: line_no,
                    field: "score",
                    value: fields[4].to_string(),
                })?;
            if !run.push(fields[0], fields[2], score) {
                return Err(duplicate_result(
                    text, origin, line_no, fields[0], fields[2],
                ));
            }
        }
        Ok(run)
    }

    /// Query ids with at least one retrieved document, in sorted (string)
    /// order.
    pub fn query_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.queries.keys().map(String::as_str)
    }

    /// Whether `qid` has at least one retrieved document.
    pub fn contains_query(&self, qid: &str) -> bool {
        self.queries.contains_key(qid)
    }

    /// The ranked list of `qid` in trec_eval order (see [`Run`]), as
    /// `(docid, score)` pairs; empty if the query is absent.
    pub fn ranking(&self, qid: &str) -> Vec<(&str, f64)> {
        let mut docs: Vec<(&str, f64)> = self
            .queries
            .get(qid)
            .map(|q| q.docs.iter().map(|(d, s)| (d.as_str(), *s)).collect())
            .unwrap_or_default();
        docs.sort_by(trec_order);
        docs
    }

    /// Number of queries in the run.
    pub fn len(&self) -> usize {
        self.queries.len()
    }

    /// Whether the run has no queries.
    pub fn is_empty(&self) -> bool {
        self.queries.is_empty()
    }

    /// Writes the run in TREC format (`qid Q0 docid rank score tag`), queries
    /// in sorted order, documents in trec_eval order with ranks from 1.
    /// Scores are written in the shortest form that reads back exactly.
    ///
    /// # Errors
    /// Any write error, or [`io::ErrorKind::InvalidInput`] if the tag, a
    /// query id or a document id is empty or contains whitespace (the file
    /// could not be read back).
    pub fn write_trec(&self, w: &mut impl Write, tag: &str) -> io::Result<()> {
        check_token("run tag", tag)?;
        for qid in self.queries.keys() {
            check_token("query id", qid)?;
            for (i, (docid, score)) in self.ranking(qid).into_iter().enumerate() {
                check_token("document id", docid)?;
                writeln!(w, "{qid} Q0 {docid} {} {score} {tag}", i + 1)?;
            }
        }
        Ok(())
    }
}

/// The error for a second `qid`, `docid` line at `line`. The first one's line is found by reading
/// the text again: remembering a line for every result would cost memory on every run for the
/// sake of runs that are refused.
fn duplicate_result(text: &str, origin: &str, line: usize, qid: &str, docid: &str) -> FormatError {
    let first_line = content_lines(text)
        .find(|(_, l)| {
            let mut fields = l.split_whitespace();
            fields.next() == Some(qid) && fields.nth(1) == Some(docid)
        })
        .map_or(line, |(n, _)| n);
    FormatError::DuplicateResult {
        origin: origin.to_string(),
        line,
        first_line,
        qid: qid.to_string(),
        docid: docid.to_string(),
    }
}

fn check_token(what: &str, value: &str) -> io::Result<()> {
    if value.is_empty() || value.chars().any(char::is_whitespace) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{what} {value:?} is empty or contains whitespace"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranking_ignores_rank_column_and_breaks_ties_by_docid_desc() {
        let run =
            Run::parse("1 Q0 a 1 1.0 t\n1 Q0 c 2 2.0 t\n1 Q0 b 3 1.0 t\n2 Q0 a 4 9.0 t\n").unwrap();
        let r: Vec<&str> = run.ranking("1").iter().map(|x| x.0).collect();
        assert_eq!(r, ["c", "b", "a"]);
        assert!(run.ranking("nope").is_empty());
    }

    #[test]
    fn f32_ties() {
        let mut run = Run::new();
        run.push("q", "a", 1.000_000_02);
        run.push("q", "b", 1.000_000_01);
        assert_eq!(run.ranking("q")[0].0, "b");
    }

    #[test]
    fn errors() {
        let e = Run::parse("1 Q0 a 1 1.0 t\n1 Q0 a 1 1.0\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "<input>:2: expected at least 6 fields, found 5"
        );
        let e = Run::parse("1 Q0 a 1 NaN t\n").unwrap_err();
        assert_eq!(e.to_string(), "<input>:1: invalid score \"NaN\"");
    }

    /// get_trec_results.c: "Any field following run_id is ignored."
    #[test]
    fn fields_after_the_tag_are_ignored() {
        let run = Run::parse("1 Q0 d1 1 1.0 tag extra\n1 Q0 d2 2 0.5 tag a b c\n").unwrap();
        assert_eq!(run.ranking("1"), [("d1", 1.0), ("d2", 0.5)]);
    }

    #[test]
    fn a_document_retrieved_twice_for_one_query_is_an_error_naming_both_lines() {
        let text = "1 Q0 a 1 1.0 t\n# comment\n2 Q0 a 1 3.0 t\n1 Q0 b 2 0.5 t\n1 Q0 a 3 9.0 t\n";
        let e = Run::parse(text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "<input>:5: duplicate result for query \"1\" document \"a\" (first on line 1)"
        );
        // The same document for another query is no duplicate.
        let run = Run::parse(&text[..text.rfind("1 Q0 a").unwrap()]).unwrap();
        assert_eq!(run.ranking("2"), [("a", 3.0)]);
    }

    #[test]
    fn push_keeps_the_first_occurrence_of_a_document() {
        let mut run = Run::new();
        assert!(run.push("q", "a", 1.0));
        assert!(!run.push("q", "a", 9.0));
        assert!(run.push("r", "a", 2.0));
        assert_eq!(run.ranking("q"), [("a", 1.0)]);
    }

    #[test]
    fn write_round_trip() {
        let mut run = Run::new();
        run.push("2", "x", 0.1);
        run.push("10", "y", 1.0 / 3.0);
        run.push("10", "z", 5.0);
        let mut out = Vec::new();
        run.write_trec(&mut out, "tag").unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("10 Q0 z 1 5 tag\n10 Q0 y 2 0.3333333333333333 tag\n"));
        assert_eq!(Run::parse(&text).unwrap().ranking("10"), run.ranking("10"));
        assert!(run.write_trec(&mut Vec::new(), "bad tag").is_err());
        let mut bad = Run::new();
        bad.push("q 1", "d", 1.0);
        assert!(bad.write_trec(&mut Vec::new(), "t").is_err());
    }
}
