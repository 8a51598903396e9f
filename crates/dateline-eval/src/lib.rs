//! Relevance evaluation for Dateline with `trec_eval` semantics.
//!
//! This crate reads the classic TREC formats — topics ([`read_topics`]),
//! relevance judgments ([`Qrels`]) and runs ([`Run`]) — and computes the
//! standard ad hoc metrics ([`try_evaluate`]): MAP, nDCG@10, P@10, R@100,
//! R@1000, MRR@10 and bpref, per query and averaged. The numbers match
//! `trec_eval` (checked against `pytrec_eval` in the tests):
//!
//! * documents are ranked by score descending (compared at `f32` precision,
//!   as trec_eval does), ties broken by document id descending; the rank
//!   column of a run file is ignored;
//! * a run file that retrieves a document twice for one query is an error
//!   (trec_eval stops on it too); [`Run::push`] keeps the first occurrence;
//! * relevant means `rel > 0`; unjudged documents are non-relevant;
//! * by default the mean is over the queries with both results in the run and
//!   judgments in the qrels, relevant or not (a query judged only non-relevant
//!   scores 0 and counts); [`EvalOptions::complete`] (trec_eval `-c`) averages
//!   over every qrels query, those missing from the run scoring 0;
//! * input with no such query at all is an [`EvalError`] (trec_eval stops:
//!   "No queries with both results and relevance info");
//! * fields after a run line's tag are ignored, as trec_eval ignores them;
//! * files must be UTF-8 ([`FormatError::InvalidUtf8`]): ids are compared as
//!   text, and a lossy reading could make two ids one.
//!
//! # Example
//!
//! ```
//! use dateline_eval::{try_evaluate, EvalOptions, Qrels, Run};
//!
//! let qrels = Qrels::parse("q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d9 1\n")?;
//! let mut run = Run::new();
//! run.push("q1", "d1", 2.5); // rank 1, relevant
//! run.push("q1", "d2", 1.7); // rank 2, not relevant
//! run.push("q1", "d3", 0.4); // rank 3, relevant
//!
//! // q2 has no results: left out by default, scored 0 with `complete`.
//! let eval = try_evaluate(&run, &qrels, EvalOptions::default())?;
//! assert_eq!(eval.queries, 1);
//! let ap = (1.0 / 1.0 + 2.0 / 3.0) / 2.0;
//! assert!((eval.mean.map - ap).abs() < 1e-12);
//!
//! let eval = try_evaluate(&run, &qrels, EvalOptions::complete())?;
//! assert_eq!(eval.queries, 2);
//! assert!((eval.mean.map - ap / 2.0).abs() < 1e-12);
//! println!("{}", eval.to_text_table(true));
//!
//! // A run of other queries scores nothing: an error, as in trec_eval.
//! let other = Run::parse("q7 Q0 d1 1 2.5 tag\n")?;
//! assert!(try_evaluate(&other, &qrels, EvalOptions::complete()).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod error;
pub mod metrics;
pub mod qrels;
pub mod run;
pub mod topics;

pub use error::{EvalError, FormatError, IdSample};
pub use metrics::{evaluate, try_evaluate, EvalOptions, Evaluation, Metrics, RankedJudgments};
pub use qrels::Qrels;
pub use run::Run;
pub use topics::{
    parse_topics, parse_topics_with, read_topics, read_topics_with, QueryField, Topic,
};
