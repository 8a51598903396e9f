//! Relevance metrics with trec_eval semantics, per query and averaged.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::error::{EvalError, IdSample};
use crate::qrels::Qrels;
use crate::run::Run;

/// The judged ranking of one query: the relevance of each retrieved document
/// in trec_eval rank order, plus the counts that the metrics need.
///
/// Relevant means `rel > 0` (trec_eval's default relevance level 1); an
/// unjudged document is non-relevant.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedJudgments {
    /// Relevance of the document at each rank (index 0 is rank 1); `None`
    /// for a document without a judgment.
    rels: Vec<Option<i32>>,
    /// Number of relevant (`rel > 0`) documents in the qrels.
    num_rel: usize,
    /// Number of judged non-relevant (`rel == 0`) documents in the qrels.
    num_nonrel: usize,
    /// Positive relevance values of the qrels, highest first (ideal ranking).
    ideal: Vec<i32>,
}

impl RankedJudgments {
    /// Judges the ranked list of `qid` in `run` (trec_eval order) against
    /// `qrels`. A query absent from the run gives an empty ranking.
    pub fn new(run: &Run, qrels: &Qrels, qid: &str) -> Self {
        let judged = qrels.judgments(qid);
        let rels = run
            .ranking(qid)
            .iter()
            .map(|(doc, _)| judged.and_then(|j| j.get(*doc).copied()))
            .collect();
        let mut ideal: Vec<i32> = judged
            .map(|j| j.values().copied().filter(|&r| r > 0).collect())
            .unwrap_or_default();
        ideal.sort_unstable_by(|a, b| b.cmp(a));
        let num_nonrel = judged.map_or(0, |j| j.values().filter(|&&r| r == 0).count());
        RankedJudgments {
            rels,
            num_rel: ideal.len(),
            num_nonrel,
            ideal,
        }
    }

    /// Number of relevant documents in the qrels for this query.
    pub fn num_relevant(&self) -> usize {
        self.num_rel
    }

    /// Number of retrieved documents.
    pub fn num_retrieved(&self) -> usize {
        self.rels.len()
    }

    fn is_rel(r: &Option<i32>) -> bool {
        matches!(r, Some(v) if *v > 0)
    }

    fn rel_in_top(&self, k: usize) -> usize {
        self.rels.iter().take(k).filter(|r| Self::is_rel(r)).count()
    }

    /// Average precision over the whole retrieved list (trec_eval `map`):
    /// the sum of precision at each relevant retrieved document, divided by
    /// the number of relevant documents. 0 without relevant documents.
    pub fn average_precision(&self) -> f64 {
        if self.num_rel == 0 {
            return 0.0;
        }
        let mut found = 0usize;
        let mut sum = 0.0;
        for (i, r) in self.rels.iter().enumerate() {
            if Self::is_rel(r) {
                found += 1;
                sum += found as f64 / (i + 1) as f64;
            }
        }
        sum / self.num_rel as f64
    }

    /// Precision at `k` (trec_eval `P_k`): relevant documents in the top `k`
    /// divided by `k`, even when fewer than `k` were retrieved. 0 for `k == 0`.
    pub fn precision_at(&self, k: usize) -> f64 {
        if k == 0 {
            return 0.0;
        }
        self.rel_in_top(k) as f64 / k as f64
    }

    /// Recall at `k` (trec_eval `recall_k`): relevant documents in the top
    /// `k` divided by the number of relevant documents (0 if there are none).
    pub fn recall_at(&self, k: usize) -> f64 {
        if self.num_rel == 0 {
            return 0.0;
        }
        self.rel_in_top(k) as f64 / self.num_rel as f64
    }

    /// nDCG at `k` (trec_eval `ndcg_cut_k`): gain is the graded relevance
    /// value (negative values count as 0), discount `log2(rank + 1)`, and the
    /// ideal ranking is built from all positive relevance values in the
    /// qrels. 0 when the query has no relevant documents.
    pub fn ndcg_at(&self, k: usize) -> f64 {
        let dcg = |gains: &mut dyn Iterator<Item = i32>| -> f64 {
            gains
                .take(k)
                .enumerate()
                .filter(|(_, g)| *g > 0)
                // fold from +0.0: an empty f64 `sum()` is -0.0
                .fold(0.0, |acc, (i, g)| {
                    acc + f64::from(g) / ((i + 2) as f64).log2()
                })
        };
        let ideal = dcg(&mut self.ideal.iter().copied());
        if ideal <= 0.0 {
            return 0.0;
        }
        dcg(&mut self.rels.iter().map(|r| r.unwrap_or(0))) / ideal
    }

    /// Reciprocal rank of the first relevant document within the top `k`
    /// (trec_eval `recip_rank` on a run cut at `k`); 0 if none.
    pub fn reciprocal_rank_at(&self, k: usize) -> f64 {
        self.rels
            .iter()
            .take(k)
            .position(Self::is_rel)
            .map_or(0.0, |i| 1.0 / (i + 1) as f64)
    }

    /// bpref as trec_eval computes it: for each relevant retrieved document,
    /// `1 - min(n, R) / min(N, R)` where `n` counts judged non-relevant
    /// documents ranked above it, `R` the relevant and `N` the judged
    /// non-relevant (`rel == 0`) documents in the qrels; summed and divided
    /// by `R`. Unjudged documents, and those with a negative relevance, are
    /// skipped.
    pub fn bpref(&self) -> f64 {
        if self.num_rel == 0 {
            return 0.0;
        }
        let r = self.num_rel;
        let mut nonrel_so_far = 0usize;
        let mut sum = 0.0;
        for rel in &self.rels {
            match rel {
                Some(0) => nonrel_so_far += 1,
                Some(v) if *v > 0 => {
                    if nonrel_so_far > 0 {
                        let denom = self.num_nonrel.min(r).max(1);
                        sum += 1.0 - nonrel_so_far.min(r) as f64 / denom as f64;
                    } else {
                        sum += 1.0;
                    }
                }
                _ => {}
            }
        }
        sum / r as f64
    }

    /// All the standard metrics of [`Metrics`].
    pub fn metrics(&self) -> Metrics {
        Metrics {
            map: self.average_precision(),
            ndcg_10: self.ndcg_at(10),
            p_10: self.precision_at(10),
            recall_100: self.recall_at(100),
            recall_1000: self.recall_at(1000),
            mrr_10: self.reciprocal_rank_at(10),
            bpref: self.bpref(),
        }
    }
}

/// The standard metrics of one query, or their mean.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Average precision (mean: MAP; trec_eval `map`).
    pub map: f64,
    /// nDCG at 10 (trec_eval `ndcg_cut_10`).
    pub ndcg_10: f64,
    /// Precision at 10 (trec_eval `P_10`).
    pub p_10: f64,
    /// Recall at 100 (trec_eval `recall_100`).
    pub recall_100: f64,
    /// Recall at 1000 (trec_eval `recall_1000`).
    pub recall_1000: f64,
    /// Reciprocal rank of the first relevant document in the top 10.
    pub mrr_10: f64,
    /// Binary preference (trec_eval `bpref`).
    pub bpref: f64,
}

impl Metrics {
    /// Column labels, in the order of [`Metrics::values`].
    pub const LABELS: [&'static str; 7] = [
        "map", "ndcg@10", "p@10", "r@100", "r@1000", "mrr@10", "bpref",
    ];

    /// The values in the order of [`Metrics::LABELS`].
    pub fn values(&self) -> [f64; 7] {
        [
            self.map,
            self.ndcg_10,
            self.p_10,
            self.recall_100,
            self.recall_1000,
            self.mrr_10,
            self.bpref,
        ]
    }

    fn from_values(v: [f64; 7]) -> Self {
        Metrics {
            map: v[0],
            ndcg_10: v[1],
            p_10: v[2],
            recall_100: v[3],
            recall_1000: v[4],
            mrr_10: v[5],
            bpref: v[6],
        }
    }
}

/// Which queries are scored and averaged.
///
/// As in trec_eval (`trec_eval.c`), a query is scored when it has both results in the run
/// and at least one judgment in the qrels, whether or not a judgment is relevant: a query
/// whose judgments are all non-relevant scores 0 on every metric and counts in the mean.
/// Run queries without judgments are ignored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvalOptions {
    /// Like trec_eval `-c`: the mean is over every query of the qrels; a query absent
    /// from the run scores 0 on every metric (trec_eval's `meas_avg.c` divides by the
    /// number of qrels queries).
    pub complete: bool,
}

impl EvalOptions {
    /// Options with `complete` set: queries without results score 0.
    pub fn complete() -> Self {
        EvalOptions { complete: true }
    }
}

/// The result of [`evaluate`]: per-query metrics and their mean.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Metrics of each scored query (with `complete`, queries missing from
    /// the run are included with all metrics 0).
    pub per_query: BTreeMap<String, Metrics>,
    /// Arithmetic mean over the scored queries (all 0 if there are none).
    pub mean: Metrics,
    /// Number of queries in the mean.
    pub queries: usize,
    /// Queries of the qrels that have no results in the run (scored 0 only
    /// with `complete`).
    pub missing: Vec<String>,
}

/// Evaluates `run` against `qrels` as trec_eval does (see [`EvalOptions`] for which queries
/// count), refusing input with nothing to score as trec_eval does.
///
/// ```
/// use dateline_eval::{try_evaluate, EvalError, EvalOptions, Qrels, Run};
///
/// let qrels = Qrels::parse("1 0 d1 1\n2 0 d1 0\n")?;
/// let run = Run::parse("1 Q0 d1 1 2.0 t\n2 Q0 d1 1 2.0 t\n")?;
/// // Query 2 has no relevant document: it scores 0 and counts, as in trec_eval.
/// let eval = try_evaluate(&run, &qrels, EvalOptions::default())?;
/// assert_eq!((eval.queries, eval.mean.map), (2, 0.5));
///
/// let other = Run::parse("51 Q0 d1 1 2.0 t\n")?;
/// let err = try_evaluate(&other, &qrels, EvalOptions::complete()).unwrap_err();
/// assert!(matches!(err, EvalError::NoCommonQueries { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`EvalError::EmptyQrels`] or [`EvalError::EmptyRun`] when either holds nothing, else
/// [`EvalError::NoCommonQueries`] when no query has both results and judgments, with or
/// without `complete` (trec_eval stops with "No queries with both results and relevance
/// info"; its `-c` only changes the divisor of the means).
pub fn try_evaluate(
    run: &Run,
    qrels: &Qrels,
    options: EvalOptions,
) -> Result<Evaluation, EvalError> {
    if qrels.is_empty() {
        return Err(EvalError::EmptyQrels {
            qrels: qrels.origin().to_string(),
        });
    }
    if run.is_empty() {
        return Err(EvalError::EmptyRun {
            run: run.origin().to_string(),
        });
    }
    if !qrels.query_ids().any(|q| run.contains_query(q)) {
        return Err(EvalError::NoCommonQueries {
            run: run.origin().to_string(),
            qrels: qrels.origin().to_string(),
            run_queries: IdSample::new(run.query_ids()),
            judged_queries: IdSample::new(qrels.query_ids()),
        });
    }
    Ok(evaluate(run, qrels, options))
}

/// Evaluates `run` against `qrels` like [`try_evaluate`], but never fails: input with no
/// query to score gives an evaluation of 0 queries with every mean 0 (where trec_eval stops).
/// Prefer [`try_evaluate`] unless the zeros are what the caller wants.
pub fn evaluate(run: &Run, qrels: &Qrels, options: EvalOptions) -> Evaluation {
    let mut eval = Evaluation::default();
    for qid in qrels.query_ids() {
        let metrics = if run.contains_query(qid) {
            RankedJudgments::new(run, qrels, qid).metrics()
        } else {
            eval.missing.push(qid.to_string());
            if !options.complete {
                continue;
            }
            Metrics::default()
        };
        eval.per_query.insert(qid.to_string(), metrics);
    }
    eval.queries = eval.per_query.len();
    if eval.queries > 0 {
        let mut sums = [0.0; 7];
        for m in eval.per_query.values() {
            for (s, v) in sums.iter_mut().zip(m.values()) {
                *s += v;
            }
        }
        eval.mean = Metrics::from_values(sums.map(|s| s / eval.queries as f64));
    }
    eval
}

/// Orders query ids numerically when both are integers, else as strings.
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        _ => a.cmp(b),
    }
}

impl Evaluation {
    /// Renders an aligned text table: a header, optionally one row per query
    /// (numeric ids in numeric order), then the mean as row `all`, with 4
    /// decimals, followed by the query count.
    pub fn to_text_table(&self, per_query: bool) -> String {
        let mut rows: Vec<(&str, Metrics)> = Vec::new();
        if per_query {
            let mut ids: Vec<&String> = self.per_query.keys().collect();
            ids.sort_by(|a, b| natural_cmp(a, b));
            rows.extend(ids.into_iter().map(|q| (q.as_str(), self.per_query[q])));
        }
        rows.push(("all", self.mean));
        let width = rows
            .iter()
            .map(|(q, _)| q.chars().count())
            .chain(std::iter::once("query".len()))
            .max()
            .unwrap_or(5);
        let mut out = String::new();
        let _ = write!(out, "{:<width$}", "query");
        for label in Metrics::LABELS {
            let _ = write!(out, "  {label:>7}");
        }
        out.push('\n');
        for (q, m) in rows {
            let _ = write!(out, "{q:<width$}");
            for v in m.values() {
                let _ = write!(out, "  {v:>7.4}");
            }
            out.push('\n');
        }
        let _ = writeln!(out, "queries: {}", self.queries);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Run, Qrels) {
        let qrels = Qrels::parse("1 0 a 2\n1 0 b 0\n1 0 c 1\n1 0 d 1\n2 0 x 0\n3 0 y 1\n").unwrap();
        // ranking of 1: z(unjudged) a b c  (d not retrieved)
        let run = Run::parse(
            "1 Q0 a 1 3 t\n1 Q0 z 1 4 t\n1 Q0 b 1 2 t\n1 Q0 c 1 1 t\n2 Q0 x 1 1 t\n9 Q0 y 1 1 t\n",
        )
        .unwrap();
        (run, qrels)
    }

    #[test]
    fn hand_computed_query() {
        let (run, qrels) = setup();
        let j = RankedJudgments::new(&run, &qrels, "1");
        assert_eq!(j.num_relevant(), 3);
        let ap = (1.0 / 2.0 + 2.0 / 4.0) / 3.0;
        assert!((j.average_precision() - ap).abs() < 1e-12);
        assert!((j.precision_at(10) - 0.2).abs() < 1e-12);
        assert!((j.precision_at(2) - 0.5).abs() < 1e-12);
        assert_eq!(j.precision_at(0), 0.0);
        assert!((j.recall_at(2) - 1.0 / 3.0).abs() < 1e-12);
        assert!((j.reciprocal_rank_at(10) - 0.5).abs() < 1e-12);
        assert_eq!(j.reciprocal_rank_at(1), 0.0);
        let dcg = 2.0 / 3f64.log2() + 1.0 / 5f64.log2();
        let idcg = 2.0 + 1.0 / 3f64.log2() + 1.0 / 4f64.log2();
        assert!((j.ndcg_at(10) - dcg / idcg).abs() < 1e-12);
        // a: no nonrel above -> 1; c: 1 nonrel above, min(1,3)/min(1,3) -> 0.
        assert!((j.bpref() - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn query_selection() {
        let (run, qrels) = setup();
        // 2 is judged (non-relevant only) and in the run: scored, as trec_eval scores it.
        let e = evaluate(&run, &qrels, EvalOptions::default());
        assert_eq!(e.per_query.keys().collect::<Vec<_>>(), ["1", "2"]);
        assert_eq!(e.per_query["2"], Metrics::default());
        assert_eq!(e.queries, 2);
        assert_eq!(e.missing, ["3"]);
        let e = evaluate(&run, &qrels, EvalOptions::complete());
        assert_eq!(e.per_query.keys().collect::<Vec<_>>(), ["1", "2", "3"]);
        assert_eq!(e.per_query["3"], Metrics::default());
        assert!((e.mean.p_10 - 0.2 / 3.0).abs() < 1e-12);
        let e = evaluate(&Run::new(), &Qrels::new(), EvalOptions::complete());
        assert_eq!((e.queries, e.mean), (0, Metrics::default()));
    }

    #[test]
    fn nothing_to_score_is_an_error() {
        let (run, qrels) = setup();
        let complete = EvalOptions::complete();
        let err = try_evaluate(&run, &Qrels::new(), complete).unwrap_err();
        assert_eq!(err.to_string(), "<input>: no relevance judgments");
        let err = try_evaluate(&Run::new().with_origin("r.txt"), &qrels, complete).unwrap_err();
        assert_eq!(err.to_string(), "r.txt: no results");
        let other = Run::parse("7 Q0 a 1 1 t\n8 Q0 a 1 1 t\n9 Q0 a 1 1 t\n10 Q0 a 1 1 t\n")
            .unwrap()
            .with_origin("r.txt");
        let err = try_evaluate(&other, &qrels, complete).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no query has both results in r.txt and judgments in <input> \
             (run queries: \"10\", \"7\", \"8\" and 1 more; judged queries: \"1\", \"2\", \"3\")"
        );
        assert!(try_evaluate(&run, &qrels, complete).is_ok());
    }

    #[test]
    fn table() {
        let (run, qrels) = setup();
        let t = evaluate(&run, &qrels, EvalOptions::complete()).to_text_table(true);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 6, "{t}");
        assert!(lines[0].starts_with("query      map  ndcg@10"), "{t}");
        assert!(lines[4].starts_with("all   "), "{t}");
        assert_eq!(lines[5], "queries: 3");
        let widths: Vec<usize> = lines[..5].iter().map(|l| l.len()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{t}");
    }
}
