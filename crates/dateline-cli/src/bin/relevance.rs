//! Regenerates the "Relevance" section of BENCHMARKS.md: indexes the eight Glasgow test
//! collections into temporary folders, runs their topics with the default ranking and with
//! each lever changed, scores the runs (trec_eval semantics) and writes the tables beside the
//! peers' figures from `anchors/relevance.md`.
//!
//! ```text
//! cargo run --release -p dateline-cli --bin relevance -- [--data DIR] [--anchors FILE] [--out FILE]
//! ```
//! Defaults: `../shared/data/glasgow`, `../shared/anchors/relevance.md`, `BENCHMARKS.md`
//! (relative to the workspace root). `--print` writes the section to stdout instead.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use dateline_eval::{read_topics, try_evaluate, EvalOptions, Metrics, Qrels, Run};
use dateline_index::{Index, IngestOptions, Prf, Proximity, Ranking, Scoring, StopWords};

/// Collections in the anchors' column order.
const COLLECTIONS: [&str; 8] = ["cacm", "cisi", "time", "med", "cran", "npl", "lisa", "adi"];
/// Held out: reported, never tuned on.
const HELD_OUT: [&str; 2] = ["time", "npl"];

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Args {
    data: PathBuf,
    anchors: PathBuf,
    out: PathBuf,
    print: bool,
    /// `--try SPEC`: only measure these rankings (exploration), e.g. `k1=1.0,b=0.6,tw=2`.
    tries: Vec<String>,
}

fn parse_args() -> anyhow::Result<Args> {
    let root = workspace();
    let mut args = Args {
        data: root.join("../shared/data/glasgow"),
        anchors: root.join("../shared/anchors/relevance.md"),
        out: root.join("BENCHMARKS.md"),
        print: false,
        tries: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().context("missing value");
        match a.as_str() {
            "--data" => args.data = value()?.into(),
            "--anchors" => args.anchors = value()?.into(),
            "--out" => args.out = value()?.into(),
            "--print" => args.print = true,
            "--try" => args.tries.push(value()?),
            other => bail!("unknown argument {other}"),
        }
    }
    Ok(args)
}

/// The configurations measured: a name, what changes, the ranking.
fn configurations() -> Vec<(&'static str, &'static str, Ranking)> {
    let d = Ranking::default();
    vec![
        ("dateline (default)", "the defaults", d),
        (
            "tantivy BM25, no stop words",
            "tantivy's stock scoring: title and body apart, k1=1.2 b=0.75, all words",
            Ranking::tantivy_baseline(),
        ),
        (
            "tantivy BM25 + stop words",
            "stop words only",
            Ranking {
                stop_words: d.stop_words,
                ..Ranking::tantivy_baseline()
            },
        ),
        (
            "no stop words",
            "default without query stop words",
            Ranking {
                stop_words: StopWords::None,
                ..d
            },
        ),
        (
            "Lucene stop list",
            "33-word list instead of the long one",
            Ranking {
                stop_words: StopWords::Lucene,
                ..d
            },
        ),
        (
            "k1=1.2 b=0.75",
            "tantivy's BM25 constants on the combined field",
            Ranking {
                k1: 1.2,
                b: 0.75,
                ..d
            },
        ),
        (
            "k1=0.9 b=0.4",
            "Anserini's BM25 constants",
            Ranking {
                k1: 0.9,
                b: 0.4,
                ..d
            },
        ),
        (
            "k1=1.5 b=0.75",
            "bm25s's BM25 constants",
            Ranking {
                k1: 1.5,
                b: 0.75,
                ..d
            },
        ),
        (
            "k1=1.2 b=0.75 title weight 1",
            "tantivy's constants, title and body alike: the plain combined field",
            Ranking {
                k1: 1.2,
                b: 0.75,
                title_weight: 1.0,
                ..d
            },
        ),
        (
            "title weight 1",
            "title occurrences count once",
            Ranking {
                title_weight: 1.0,
                ..d
            },
        ),
        (
            "title weight 2",
            "title occurrences count twice",
            Ranking {
                title_weight: 2.0,
                ..d
            },
        ),
        (
            "b=0.75",
            "the textbook length normalisation",
            Ranking { b: 0.75, ..d },
        ),
        (
            "k1=2.2 b=0.8",
            "heavier saturation and length norm",
            Ranking {
                k1: 2.2,
                b: 0.8,
                ..d
            },
        ),
        (
            "no query-term saturation",
            "a word repeated n times in a topic weighs n (Lucene, Anserini)",
            Ranking { k3: None, ..d },
        ),
        (
            "k3=2",
            "stronger query-term saturation",
            Ranking { k3: Some(2.0), ..d },
        ),
        (
            "k3=50",
            "weaker query-term saturation",
            Ranking {
                k3: Some(50.0),
                ..d
            },
        ),
        (
            "+ proximity (--proximity)",
            "consecutive topic words side by side add 0.1 × their phrase score",
            Ranking {
                proximity: Some(Proximity::default()),
                ..d
            },
        ),
        (
            "proximity within 4",
            "the pair may be up to 4 positions apart (slop 4), weight 0.1",
            Ranking {
                proximity: Some(Proximity {
                    slop: 4,
                    weight: 0.1,
                }),
                ..d
            },
        ),
        (
            "proximity, weight 0.5",
            "adjacent pairs at half the weight of a word",
            Ranking {
                proximity: Some(Proximity {
                    slop: 0,
                    weight: 0.5,
                }),
                ..d
            },
        ),
        (
            "+ RM3 (--prf)",
            "pseudo-relevance feedback: 10 docs, 20 terms, original weight 0.5",
            Ranking {
                prf: Some(Prf::default()),
                ..d
            },
        ),
    ]
}

/// Parses `key=value,...` over the default ranking: k1, b, k3 (a number or none), tw (title weight), stop
/// (none|lucene|long), bm25 (combined|tantivy), prf (0|1), fbdocs, fbterms, fbw.
fn parse_spec(spec: &str) -> anyhow::Result<Ranking> {
    let mut r = Ranking::default();
    for part in spec.split(',').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').context("expected key=value")?;
        let num = || {
            v.parse::<f32>()
                .with_context(|| format!("bad number in {part}"))
        };
        match k {
            "k1" => r.k1 = num()?,
            "slop" => {
                r.proximity
                    .get_or_insert(Proximity {
                        slop: 0,
                        weight: 1.0,
                    })
                    .slop = num()? as u32
            }
            "pw" => {
                r.proximity
                    .get_or_insert(Proximity {
                        slop: 0,
                        weight: 1.0,
                    })
                    .weight = num()?
            }
            "k3" => r.k3 = (v != "none").then(num).transpose()?,
            "b" => r.b = num()?,
            "tw" => r.title_weight = num()?,
            "stop" => {
                r.stop_words = match v {
                    "none" => StopWords::None,
                    "lucene" => StopWords::Lucene,
                    _ => StopWords::Long,
                }
            }
            "bm25" => {
                r.scoring = if v == "tantivy" {
                    Scoring::Tantivy
                } else {
                    Scoring::Combined
                }
            }
            "prf" => r.prf = (v == "1").then(Prf::default),
            "fbdocs" => r.prf.get_or_insert_with(Prf::default).docs = num()? as usize,
            "fbterms" => r.prf.get_or_insert_with(Prf::default).terms = num()? as usize,
            "fbw" => r.prf.get_or_insert_with(Prf::default).original_weight = num()?,
            other => bail!("unknown key {other}"),
        }
    }
    Ok(r)
}

/// Peer figures: metric table name → engine → collection → value.
type Peers = BTreeMap<String, Vec<(String, BTreeMap<String, f64>)>>;

fn read_peers(path: &Path) -> anyhow::Result<Peers> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let mut peers = Peers::new();
    let mut table: Option<String> = None;
    let mut header: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            table = Some(h.trim().to_string());
            header.clear();
            continue;
        }
        let Some(name) = &table else { continue };
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<String> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect();
        if cells.first().map(String::as_str) == Some("engine") {
            header = cells;
            continue;
        }
        if header.is_empty()
            || cells
                .iter()
                .all(|c| c.starts_with("--") || c.starts_with(":-"))
        {
            continue;
        }
        let mut values = BTreeMap::new();
        for (h, c) in header.iter().zip(&cells).skip(1) {
            if let Ok(v) = c.parse::<f64>() {
                values.insert(h.clone(), v);
            }
        }
        peers
            .entry(name.clone())
            .or_default()
            .push((cells[0].clone(), values));
    }
    Ok(peers)
}

struct Collection {
    name: &'static str,
    index: Index,
    topics: Vec<(String, String)>,
    qrels: Qrels,
}

/// Indexes the collections (with English stemming or without) below `tmp`.
fn load(data: &Path, tmp: &Path, english_stemming: bool) -> anyhow::Result<Vec<Collection>> {
    let mut out = Vec::new();
    for name in COLLECTIONS {
        let dir = data.join(name);
        let index_dir = tmp.join(name);
        let index = Index::create(&index_dir)?;
        let options = IngestOptions {
            threads: Some(1),
            // Every document of a test collection counts (CACM has 211 that repeat another's
            // title and short body), as in the peers' runs.
            keep_duplicates: true,
            english_stemming,
            ..IngestOptions::default()
        };
        index.ingest_paths(&[dir.join("docs.jsonl")], &options, &|_| {})?;
        index.reload()?;
        let topics = read_topics(dir.join("topics.tsv"))?
            .into_iter()
            .map(|t| (t.id, t.query))
            .collect();
        let qrels = Qrels::from_path(dir.join("qrels.txt"))?;
        out.push(Collection {
            name,
            index,
            topics,
            qrels,
        });
    }
    Ok(out)
}

/// Mean metrics of one ranking on one collection, and the seconds it took.
fn measure(c: &Collection, ranking: &Ranking) -> anyhow::Result<(Metrics, f64)> {
    let start = Instant::now();
    let lists = c.index.run_queries(&c.topics, 1000, ranking, &|_, _| {})?;
    let secs = start.elapsed().as_secs_f64();
    let mut run = Run::new();
    for (qid, hits) in lists {
        for (doc, score) in hits {
            run.push(qid.clone(), doc, f64::from(score));
        }
    }
    Ok((
        try_evaluate(&run, &c.qrels, EvalOptions::complete())?.mean,
        secs,
    ))
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = values.collect();
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let peers = read_peers(&args.anchors)?;
    let tmp = std::env::temp_dir().join(format!("dateline-relevance-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let collections = load(&args.data, &tmp, true)?;
    if !args.tries.is_empty() {
        for spec in &args.tries {
            let ranking = parse_spec(spec)?;
            let mut row = Vec::new();
            for c in &collections {
                row.push(measure(c, &ranking)?.0);
            }
            let cells: Vec<String> = row
                .iter()
                .zip(COLLECTIONS)
                .map(|(m, c)| format!("{c} {:.4}/{:.4}", m.ndcg_10, m.map))
                .collect();
            let six = |f: fn(&Metrics) -> f64| {
                mean(
                    row.iter()
                        .zip(COLLECTIONS)
                        .filter(|(_, c)| !HELD_OUT.contains(c))
                        .map(|(m, _)| f(m)),
                )
            };
            println!(
                "{spec}: ndcg6 {:.4} map6 {:.4} ndcg8 {:.4} | {}",
                six(|m| m.ndcg_10),
                six(|m| m.map),
                mean(row.iter().map(|m| m.ndcg_10)),
                cells.join(" ")
            );
        }
        let _ = std::fs::remove_dir_all(&tmp);
        return Ok(());
    }
    let mut configs = configurations();
    // results[config][collection] = metrics
    let mut results: Vec<Vec<Metrics>> = Vec::new();
    let mut timings: Vec<f64> = Vec::new();
    // The stemmer lever changes the index, not the ranking: its row runs the default ranking
    // on indexes built without stemming.
    let unstemmed = load(&args.data, &tmp.join("unstemmed"), false)?;
    configs.push((
        "no stemming",
        "every article indexed unstemmed (queries look up both forms of each word)",
        Ranking::default(),
    ));
    let stemmer_row = configs.len() - 1;
    for (i, (name, _, ranking)) in configs.iter().enumerate() {
        let mut row = Vec::new();
        let mut secs = 0.0;
        let collections = if i == stemmer_row {
            &unstemmed
        } else {
            &collections
        };
        for c in collections {
            let (m, s) = measure(c, ranking)?;
            if std::env::var_os("RELEVANCE_VERBOSE").is_some() {
                eprintln!("  {:<5} ndcg@10 {:.4} map {:.4}", c.name, m.ndcg_10, m.map);
            }
            row.push(m);
            secs += s;
        }
        eprintln!(
            "{name:<30} ndcg@10 mean6 {:.4} mean8 {:.4}",
            mean(
                row.iter()
                    .zip(COLLECTIONS)
                    .filter(|(_, c)| !HELD_OUT.contains(c))
                    .map(|(m, _)| m.ndcg_10)
            ),
            mean(row.iter().map(|m| m.ndcg_10))
        );
        results.push(row);
        timings.push(secs);
    }
    let _ = std::fs::remove_dir_all(&tmp);
    let section = render(&configs, &results, &timings, &peers, &collections);
    if args.print {
        print!("{section}");
    } else {
        write_section(&args.out, &section)?;
        eprintln!("wrote the Relevance section of {}", args.out.display());
    }
    Ok(())
}

fn render(
    configs: &[(&str, &str, Ranking)],
    results: &[Vec<Metrics>],
    timings: &[f64],
    peers: &Peers,
    collections: &[Collection],
) -> String {
    let mut s = String::new();
    let tuning = |c: &&str| !HELD_OUT.contains(c);
    let _ = writeln!(s, "## Relevance\n");
    let _ = writeln!(
        s,
        "Generated by `cargo run --release -p dateline-cli --bin relevance` (do not edit by hand). \
         The eight Glasgow collections of `shared/data/glasgow` (docs.jsonl title+body, \
         every document indexed, duplicates kept; topics.tsv, qrels.txt), runs of depth 1000, topics read as plain words, metrics with \
         trec_eval semantics (`dateline-eval`): mean over queries with a relevant document, a \
         query without results scores 0. Peer figures are copied from \
         `shared/anchors/relevance.md`. Tuning was done on cacm, cisi, med, cran, lisa and adi \
         only; **time and npl are held out** (marked *)."
    );
    let _ = writeln!(
        s,
        "\nDefault ranking: BM25 over title+body as one field, k1={} b={}, query-term \
         saturation k3={}, title weight {}, query-time stop words ({:?} list) in bags of words, \
         English Snowball stemming (index analyzer), no proximity boost, no feedback.\n",
        configs[0].2.k1,
        configs[0].2.b,
        configs[0]
            .2
            .k3
            .map_or("none".to_string(), |k| k.to_string()),
        configs[0].2.title_weight,
        configs[0].2.stop_words
    );
    let header = |s: &mut String| {
        let _ = write!(s, "| engine |");
        for c in COLLECTIONS {
            let star = if tuning(&c) { "" } else { "*" };
            let _ = write!(s, " {c}{star} |");
        }
        let _ = writeln!(s, " mean (6) | mean (8) |");
        let _ = write!(s, "|---|");
        for _ in 0..COLLECTIONS.len() + 2 {
            let _ = write!(s, "---:|");
        }
        let _ = writeln!(s);
    };
    for (title, peer_table, get) in [
        (
            "nDCG@10",
            "nDCG@10",
            (|m: &Metrics| m.ndcg_10) as fn(&Metrics) -> f64,
        ),
        ("MAP", "MAP", |m: &Metrics| m.map),
        ("P@10", "P@10", |m: &Metrics| m.p_10),
        ("R@100", "R@100", |m: &Metrics| m.recall_100),
        ("MRR@10", "MRR@10", |m: &Metrics| m.mrr_10),
    ] {
        let _ = writeln!(s, "### {title}\n");
        header(&mut s);
        let row = |s: &mut String, name: &str, vals: &[f64], bold: bool| {
            let b = if bold { "**" } else { "" };
            let _ = write!(s, "| {b}{name}{b} |");
            for v in vals {
                let _ = write!(s, " {b}{v:.4}{b} |");
            }
            let m6 = mean(
                vals.iter()
                    .zip(COLLECTIONS)
                    .filter(|(_, c)| tuning(c))
                    .map(|(v, _)| *v),
            );
            let m8 = mean(vals.iter().copied());
            let _ = writeln!(s, " {b}{m6:.4}{b} | {b}{m8:.4}{b} |");
        };
        let ours: Vec<f64> = results[0].iter().map(get).collect();
        row(&mut s, "dateline", &ours, true);
        let with = |flag: &str, on: fn(&Ranking) -> bool| {
            let i = configs.iter().position(|c| c.0.contains(flag) && on(&c.2));
            i.map(|i| results[i].iter().map(get).collect::<Vec<f64>>())
        };
        for (name, flag, on) in [
            (
                "dateline --proximity",
                "--proximity",
                (|r| r.proximity.is_some()) as fn(&Ranking) -> bool,
            ),
            ("dateline --prf", "--prf", |r| r.prf.is_some()),
        ] {
            if let Some(values) = with(flag, on) {
                row(&mut s, name, &values, false);
            }
        }
        let mut best = vec![f64::MIN; COLLECTIONS.len()];
        if let Some(rows) = peers.get(peer_table) {
            for (engine, values) in rows {
                let vals: Vec<f64> = COLLECTIONS
                    .iter()
                    .map(|c| values.get(*c).copied().unwrap_or(f64::NAN))
                    .collect();
                for (b, v) in best.iter_mut().zip(&vals) {
                    *b = b.max(*v);
                }
                row(&mut s, engine, &vals, false);
            }
            row(&mut s, "best peer", &best, false);
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(
        s,
        "### Levers (ablations)\n\nEach row changes one setting of the default (first row); \
         means of nDCG@10 and MAP over the six tuning collections and over all eight, and the \
         time to run every topic of the eight collections at depth 1000 (one thread, release \
         build, stored ids read from the fast field).\n"
    );
    let _ = writeln!(
        s,
        "| configuration | change | nDCG@10 (6) | MAP (6) | nDCG@10 (8) | MAP (8) | Δ nDCG@10 (6) | time (s) |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|");
    let means = |r: &[Metrics], f: fn(&Metrics) -> f64| {
        let m6 = mean(
            r.iter()
                .zip(COLLECTIONS)
                .filter(|(_, c)| tuning(c))
                .map(|(m, _)| f(m)),
        );
        (m6, mean(r.iter().map(f)))
    };
    let base = means(&results[0], |m| m.ndcg_10).0;
    for ((name, change, _), (r, t)) in configs.iter().zip(results.iter().zip(timings)) {
        let (n6, n8) = means(r, |m| m.ndcg_10);
        let (m6, m8) = means(r, |m| m.map);
        let _ = writeln!(
            s,
            "| {name} | {change} | {n6:.4} | {m6:.4} | {n8:.4} | {m8:.4} | {:+.4} | {t:.2} |",
            n6 - base
        );
    }
    let queries: usize = collections.iter().map(|c| c.topics.len()).sum();
    let _ = writeln!(s, "\n{queries} topics in all.\n");
    s
}

/// Replaces the `## Relevance` section of `path` (up to the next `## ` heading), appending it
/// when absent and creating the file with a `# Benchmarks` heading when missing.
fn write_section(path: &Path, section: &str) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|_| "# Benchmarks\n\n".to_string());
    let mut out = String::new();
    let mut lines = text.split_inclusive('\n').peekable();
    let mut replaced = false;
    while let Some(line) = lines.next() {
        if line.trim_end() == "## Relevance" && !replaced {
            out.push_str(section);
            replaced = true;
            while let Some(next) = lines.peek() {
                if next.starts_with("## ") {
                    break;
                }
                lines.next();
            }
            continue;
        }
        out.push_str(line);
    }
    if !replaced {
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(section);
    }
    std::fs::write(path, out).with_context(|| path.display().to_string())?;
    Ok(())
}
