//! Query-latency benchmarking over a query file, like tantivy-cli's `bench`.
//!
//! The query file is TSV: `qid<TAB>query`, optionally followed by `<TAB>from<TAB>until` dates
//! (`YYYY-MM-DD`, `until` exclusive) to run the query with a date filter, as in
//! `scale_queries_date.tsv`.
//!
//! Queries run as a script would run them: top k ranked hits without counting every match,
//! hits carrying id, score and date from the index's columns; with snippets, hits also carry
//! the stored article and a highlighted snippet.

use std::path::Path;
use std::time::Instant;

use chrono::Duration;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::{Index, SearchRequest};

/// One benchmark query.
#[derive(Clone, Debug)]
pub struct BenchQuery {
    /// Query id.
    pub id: String,
    /// The request to run.
    pub request: SearchRequest,
}

/// Reads a query file (see the module docs); `k` hits per query, snippets as asked.
pub fn read_queries(path: &Path, k: usize, snippets: bool) -> Result<Vec<BenchQuery>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut queries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (id, query) = match cols.as_slice() {
            [id, query, ..] => (*id, *query),
            _ => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("line {}: expected qid<TAB>query", n + 1),
                    ),
                })
            }
        };
        let mut request = SearchRequest::new(query)
            .limit(k)
            .snippets(snippets)
            .stored_fields(snippets)
            .count_total(false);
        if let [_, _, from, until, ..] = cols.as_slice() {
            request = request.from_str(from)?;
            // `until` is exclusive: the last second before it is the inclusive bound.
            let until = SearchRequest::new("").from_str(until)?.from;
            if let Some(until) = until {
                request = request.to(until - Duration::seconds(1));
            }
        }
        queries.push(BenchQuery {
            id: id.to_string(),
            request,
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
    /// Runs every query `warmup` times untimed, then `passes` times timed (each query timed on
    /// its own, one thread), and reports the pass with the median wall time. `progress` gets
    /// the number of queries run so far and the number to run, after each one.
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
            mean_us: times.iter().sum::<f64>() / times.len().max(1) as f64,
            zero_hits,
            slowest,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&[7.0], 95.0), 7.0);
    }
}
