//! `dateline eval`: run topics against the index and score them, or score a run file.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use dateline_eval::{read_topics, try_evaluate, EvalOptions, Evaluation, Qrels, Run};
use dateline_index::{Index, Prf, Proximity, Ranking, Scoring, StopWords};
use serde::Serialize;

use crate::args::{Bm25Form, EvalArgs, OutputFormat, StopList};
use crate::cmd::write_json_line;
use crate::style::{self, Verbosity};

/// The ranking settings the arguments ask for, over the library's defaults.
pub fn ranking(args: &EvalArgs) -> Ranking {
    let mut r = Ranking::default();
    if let Some(k1) = args.k1 {
        r.k1 = k1;
    }
    if let Some(k3) = args.k3 {
        r.k3 = Some(k3);
    }
    if let Some(b) = args.b {
        r.b = b;
    }
    if let Some(w) = args.title_weight {
        r.title_weight = w;
    }
    if let Some(s) = args.stop_words {
        r.stop_words = match s {
            StopList::None => StopWords::None,
            StopList::Lucene => StopWords::Lucene,
            StopList::Long => StopWords::Long,
        };
    }
    if let Some(f) = args.bm25 {
        r.scoring = match f {
            Bm25Form::Combined => Scoring::Combined,
            Bm25Form::Tantivy => Scoring::Tantivy,
        };
    }
    if args.proximity {
        r.proximity = Some(Proximity {
            slop: args.proximity_slop,
            weight: args.proximity_weight,
        });
    }
    if args.prf {
        r.prf = Some(Prf {
            docs: args.prf_docs,
            terms: args.prf_terms,
            original_weight: args.prf_weight.clamp(0.0, 1.0),
        });
    }
    r
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    queries: usize,
    mean: &'a dateline_eval::Metrics,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_query: Option<&'a std::collections::BTreeMap<String, dateline_eval::Metrics>>,
    missing: &'a [String],
}

pub fn run(index_dir: &Path, args: EvalArgs, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
    let qrels = Qrels::from_path(&args.qrels)?;
    let (run, options) = match (&args.run, &args.topics) {
        (Some(path), _) => {
            let run = Run::from_path(path)?;
            let options = EvalOptions {
                complete: args.complete,
            };
            (run, options)
        }
        (None, Some(topics_path)) => {
            let topics = read_topics(topics_path)?;
            // Before the index is opened: topics that match no judged query could only score
            // nothing (a wrong file, or ids written `051` against `51`).
            qrels.check_topics(&topics, &topics_path.display().to_string())?;
            let index = Index::open(index_dir)?;
            let pairs: Vec<(String, String)> =
                topics.into_iter().map(|t| (t.id, t.query)).collect();
            let bar = style::counter_bar(verbosity, "topics");
            let lists = index.run_queries(
                &pairs,
                args.k,
                &ranking(&args),
                &style::count_progress(&bar),
            )?;
            bar.finish_and_clear();
            let mut run = Run::new().with_origin(format!(
                "{} (run on {})",
                topics_path.display(),
                index_dir.display()
            ));
            for (qid, hits) in lists {
                for (docid, score) in hits {
                    run.push(qid.clone(), docid, f64::from(score));
                }
            }
            // Every topic was run: one without results is a real 0, not a missing query.
            (run, EvalOptions::complete())
        }
        (None, None) => anyhow::bail!("give --topics (to run them) or --run (to score a run)"),
    };
    if let Some(path) = &args.run_out {
        let file =
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut w = BufWriter::new(file);
        run.write_trec(&mut w, &args.tag)
            .and_then(|()| w.flush())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let eval = try_evaluate(&run, &qrels, options)?;
    print(&eval, &args)?;
    Ok(ExitCode::SUCCESS)
}

fn print(eval: &Evaluation, args: &EvalArgs) -> anyhow::Result<()> {
    let mut out = anstream::stdout().lock();
    match args.format {
        OutputFormat::Text => write!(out, "{}", eval.to_text_table(args.per_query))?,
        OutputFormat::Json => {
            let json = JsonOutput {
                queries: eval.queries,
                mean: &eval.mean,
                per_query: args.per_query.then_some(&eval.per_query),
                missing: &eval.missing,
            };
            write_json_line(&mut out, &json)?;
        }
    }
    Ok(())
}
