//! Relevance evaluation for Dateline with `trec_eval` semantics.
//!
//! This crate reads the classic TREC formats — topics ([`read_topics`]),
//! relevance judgments ([`Qrels`]) and runs ([`Run`]) — and computes the
//! standard ad hoc metrics ([`evaluate`]): MAP, nDCG@10, P@10, R@100,
//! R@1000, MRR@10 and bpref, per query and averaged. The numbers match
//! `trec_eval` (checked against `pytrec_eval` in the tests):
//!
//! * documents are ranked by score descending (compared at `f32` precision,
//!   as trec_eval does), ties broken by document id descending; the rank
//!   column of a run file is ignored;
//! * a run file that retrieves a document twice for one query is an error
//!   (trec_eval stops on it too); [`Run::push`] keeps the first occurrence;
//! * relevant means `rel > 0`; unjudged documents are non-relevant;
//! * by default the mean is over queries present in the run whose qrels have
//!   a relevant document; [`EvalOptions::complete`] (trec_eval `-c`) also
//!   counts queries missing from the run, as 0.
//!
//! # Example
//!
//! ```
//! use dateline_eval::{evaluate, EvalOptions, Qrels, Run};
//!
//! let qrels = Qrels::parse("q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d9 1\n")?;
//! let mut run = Run::new();
//! run.push("q1", "d1", 2.5); // rank 1, relevant
//! run.push("q1", "d2", 1.7); // rank 2, not relevant
//! run.push("q1", "d3", 0.4); // rank 3, relevant
//!
//! // q2 has no results: skipped by default, scored 0 with `complete`.
//! let eval = evaluate(&run, &qrels, EvalOptions::default());
//! assert_eq!(eval.queries, 1);
//! let ap = (1.0 / 1.0 + 2.0 / 3.0) / 2.0;
//! assert!((eval.mean.map - ap).abs() < 1e-12);
//!
//! let eval = evaluate(&run, &qrels, EvalOptions::complete());
//! assert_eq!(eval.queries, 2);
//! assert!((eval.mean.map - ap / 2.0).abs() < 1e-12);
//! println!("{}", eval.to_text_table(true));
//! # Ok::<(), dateline_eval::FormatError>(())
//! ```
#![deny(missing_docs)]

pub mod error;
pub mod metrics;
pub mod qrels;
pub mod run;
pub mod topics;

pub use error::FormatError;
pub use metrics::{evaluate, EvalOptions, Evaluation, Metrics, RankedJudgments};
pub use qrels::Qrels;
pub use run::Run;
pub use topics::{
    parse_topics, parse_topics_with, read_topics, read_topics_with, QueryField, Topic,
};
