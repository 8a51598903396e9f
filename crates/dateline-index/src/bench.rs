//! Query-latency benchmarking over a query file, like tantivy-cli's `bench`.
//!
//! The query file is TSV: `qid<TAB>query`, optionally followed by `<TAB>from<TAB>until` dates
//! (`YYYY-MM-DD`, `until` exclusive) to run the query with a date filter, as in
//! `scale_queries_date.tsv`. Blank lines and lines starting with `#` are passed over.
//! [`read_queries`] checks every line before anything is timed.
//!
//! Queries run as a script would run them: top k ranked hits without counting every match,
//! hits carrying id, score and date from the index's columns; with snippets, hits also carry
//! the stored article and a highlighted snippet.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::Duration;
use dateline_core::schema::NewsSchema;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::query::{self, QueryBuilder};
use crate::{Index, SearchRequest};

/// One benchmark query.
#[derive(Clone, Debug)]
pub struct BenchQuery {
    /// Query id.
    pub id: String,
    /// The request to run.
    pub request: SearchRequest,
}

/// A query file that cannot be benchmarked: every problem names the file, and the line when
/// it is in one, so that it can be fixed before anything is timed.
#[derive(Debug, thiserror::Error)]
pub enum QueryFileError {
    /// The file could not be read.
    #[error("cannot read the query file {}: {source}", .path.display())]
    Read {
        /// The query file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not `qid<TAB>query`, optionally with `<TAB>from<TAB>until`.
    #[error("{}:{line}: {message}", .path.display())]
    Malformed {
        /// The query file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A line's query or dates are invalid ([`Error::Query`] or [`Error::Date`]).
    #[error("{}:{line}: {source}", .path.display())]
    Invalid {
        /// The query file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The cause.
        source: Error,
    },
    /// The file holds no query line.
    #[error(
        "{} holds no queries: expected qid<TAB>query lines (blank lines and lines starting \
         with # are passed over)",
        .path.display()
    )]
    Empty {
        /// The query file.
        path: PathBuf,
    },
}

/// Reads a query file (see the module docs); `k` hits per query, snippets as asked.
///
/// Every query is parsed here, before anything is timed: a malformed query, a bad date or a
/// line without a tab is an error naming the file and line, and so is a file without any
/// query.
///
/// # Example
/// ```
/// use dateline_index::bench::{read_queries, QueryFileError};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("queries.tsv");
/// std::fs::write(&path, "1\toil\n2\t\"crude oil\n")?;
/// let err = read_queries(&path, 10, false).unwrap_err();
/// assert!(matches!(err, QueryFileError::Invalid { line: 2, .. }));
/// assert!(err.to_string().ends_with("queries.tsv:2: invalid query: column 1: this `\"` is never closed"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_queries(
    path: &Path,
    k: usize,
    snippets: bool,
) -> std::result::Result<Vec<BenchQuery>, QueryFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| QueryFileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    // Only the schema's analyzers are needed to tell whether a query has searchable words.
    let schema = NewsSchema::new();
    let mut queries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let invalid = |source: Error| QueryFileError::Invalid {
            path: path.to_path_buf(),
            line: n + 1,
            source,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let (id, query) = match cols.as_slice() {
            [id, query, ..] => (*id, *query),
            _ => {
                return Err(QueryFileError::Malformed {
                    path: path.to_path_buf(),
                    line: n + 1,
                    message: "expected qid<TAB>query".to_string(),
                })
            }
        };
        let mut request = SearchRequest::new(query)
            .limit(k)
            .snippets(snippets)
            .stored_fields(snippets)
            .count_total(false);
        // What a search of it would refuse, refused now rather than in the middle of a pass.
        let tree = query::parse(query).map_err(|e| invalid(e.into()))?;
        QueryBuilder::new(&schema)
            .ranking(request.ranking)
            .build(&tree, query)
            .map_err(|e| invalid(e.into()))?;
        match cols.as_slice() {
            [_, _] => {}
            [_, _, from, until] => {
                request = request.from_str(from).map_err(invalid)?;
                // `until` is exclusive: the last second before it is the inclusive bound.
                let until = SearchRequest::new("")
                    .from_str(until)
                    .map_err(invalid)?
                    .from;
                if let Some(until) = until {
                    request = request.to(until - Duration::seconds(1));
                }
            }
            _ => {
                return Err(QueryFileError::Malformed {
                    path: path.to_path_buf(),
                    line: n + 1,
                    message: format!(
                        "expected qid<TAB>query or qid<TAB>query<TAB>from<TAB>until, \
                         found {} columns",
                        cols.len()
                    ),
                })
            }
        }
        queries.push(BenchQuery {
            id: id.to_string(),
            request,
        });
    }
    if queries.is_empty() {
        return Err(QueryFileError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(queries)
}

/// Latency figures of a benchmark run, in microseconds.
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    /// Queries per pass.
    pub queries: usize,
    /// Timed passes (after the warm-up passes).
    pub passes: usize,
    /// Queries per second over the median pass.
    pub qps: f64,
    /// Median latency of the median pass.
    pub p50_us: f64,
    /// 95th percentile.
    pub p95_us: f64,
    /// 99th percentile.
    pub p99_us: f64,
    /// Slowest query.
    pub max_us: f64,
    /// Mean latency.
    pub mean_us: f64,
    /// Queries that found nothing.
    pub zero_hits: usize,
    /// The slowest queries, slowest first, each by its median over the timed passes (so one
    /// unlucky pass does not put a query here).
    pub slowest: Vec<SlowQuery>,
}

/// A query among the slowest of a benchmark run.
#[derive(Clone, Debug, Serialize)]
pub struct SlowQuery {
    /// Query id.
    pub id: String,
    /// Query text.
    pub query: String,
    /// Median latency over the timed passes, in microseconds.
    pub us: f64,
}

/// Queries listed in [`BenchReport::slowest`].
const SLOWEST: usize = 10;

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

impl Index {
    /// Runs every query `warmup` times untimed, then `passes` times timed (at least once; each
    /// query timed on its own, one thread), and reports the pass with the median wall time.
    /// `progress` gets the number of queries run so far and the number to run, after each one.
    pub fn bench(
        &self,
        queries: &[BenchQuery],
        warmup: usize,
        passes: usize,
        progress: &dyn Fn(usize, usize),
    ) -> Result<BenchReport> {
        let total = queries.len() * (warmup + passes.max(1));
        let mut done = 0;
        for _ in 0..warmup {
            for q in queries {
                self.search(&q.request)?;
                done += 1;
                progress(done, total);
            }
        }
        let mut runs: Vec<(f64, Vec<f64>, usize)> = Vec::new();
        for _ in 0..passes.max(1) {
            let mut times = Vec::with_capacity(queries.len());
            let mut zero = 0;
            let pass_start = Instant::now();
            for q in queries {
                let start = Instant::now();
                let results = self.search(&q.request)?;
                times.push(start.elapsed().as_secs_f64() * 1e6);
                zero += usize::from(results.total == 0);
                done += 1;
                progress(done, total);
            }
            runs.push((pass_start.elapsed().as_secs_f64(), times, zero));
        }
        let mut slowest: Vec<SlowQuery> = queries
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let mut each: Vec<f64> = runs.iter().map(|r| r.1[i]).collect();
                each.sort_by(f64::total_cmp);
                SlowQuery {
                    id: q.id.clone(),
                    query: q.request.query.clone(),
                    us: each[each.len() / 2],
                }
            })
            .collect();
        slowest.sort_by(|a, b| b.us.total_cmp(&a.us));
        slowest.truncate(SLOWEST);
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (wall, mut times, zero_hits) = runs.swap_remove(runs.len() / 2);
        times.sort_by(f64::total_cmp);
        Ok(BenchReport {
            queries: queries.len(),
            passes: passes.max(1),
            qps: queries.len() as f64 / wall.max(1e-9),
            p50_us: percentile(&times, 50.0),
            p95_us: percentile(&times, 95.0),
            p99_us: percentile(&times, 99.0),
            max_us: times.last().copied().unwrap_or(0.0),
            // Summed from +0.0: an empty sum of floats is -0.0, printed `-0`.
            mean_us: times.iter().fold(0.0, |sum, t| sum + t) / times.len().max(1) as f64,
            zero_hits,
            slowest,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::percentile;
    use crate::Index;

    #[test]
    fn no_queries_report_zeros_never_minus_zero() {
        let index = Index::create_in_ram().unwrap();
        let report = index.bench(&[], 0, 1, &|_, _| {}).unwrap();
        for v in [report.mean_us, report.p50_us, report.max_us] {
            assert!(v == 0.0 && v.is_sign_positive(), "{v}");
        }
        assert_eq!(format!("{:.0}", report.mean_us), "0");
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&[7.0], 95.0), 7.0);
    }
}
