//! Scores Dateline's readers on the article-extraction benchmark with the benchmark's own
//! metric (see `dateline_core::extraction_eval`), and prints the tables of BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release -p dateline-core --example extraction_eval -- \
//!     ../shared/data/article-extraction-benchmark [--worst N] [--text-only] [--show ID]
//! ```
//!
//! `--text-only` skips the HTML readers (for quick runs while tuning the text reader);
//! `--show ID` prints what the text reader (with learned boilerplate) extracts from one page,
//! with its score, beside the gold body; `--out DIR` writes that reader's body of every page
//! to `DIR/<id>.txt`, for study with other tools.
//!
//! The folder holds `docs.jsonl` (gold body; title and date from page metadata),
//! `scraped_txt/<id>.txt` (the pages dumped to text) and `raw/html/<id>.html.gz`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline_core::extraction_eval::{PageScore, Summary};
use dateline_core::reader::boilerplate::BoilerplateModel;
use dateline_core::reader::{self, raw, Format};
use dateline_core::Article;

struct Gold {
    id: String,
    title: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    body: String,
}

fn load_gold(dir: &Path) -> Result<Vec<Gold>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(dir.join("docs.jsonl"))?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        out.push(Gold {
            id: s("id").ok_or("record without id")?,
            title: s("title"),
            date: s("date"),
            lang: s("lang"),
            body: s("body").unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The primary subtag of a language tag (`en` of `en-GB`), which is all the detector gives.
fn primary_language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One reader's results over the pages.
struct Run {
    name: String,
    scores: Vec<PageScore>,
    articles: Vec<Option<Article>>,
    secs: f64,
}

fn print_row(run: &Run) {
    let s = Summary::from_pages(&run.scores);
    println!(
        "| {} | {} | {:.3} | {:.3} | {:.3} | {:.0} |",
        run.name,
        s.pages,
        s.f1,
        s.precision,
        s.recall,
        run.secs * 1000.0
    );
}

fn print_meta(run: &Run, gold: &[Gold]) {
    let (mut titles, mut dated, mut date_ok, mut date_found, mut date_wrong) = (0, 0, 0, 0, 0);
    let (mut lang_n, mut lang_ok) = (0, 0);
    for (g, a) in gold.iter().zip(&run.articles) {
        let Some(a) = a else { continue };
        if let (Some(t), Some(gt)) = (&a.title, &g.title) {
            if norm(t) == norm(gt) {
                titles += 1;
            }
        }
        if a.published.is_some() {
            date_found += 1;
        }
        if let Some(gd) = &g.date {
            dated += 1;
            match a.published {
                Some(d) if d.format("%Y-%m-%d").to_string() == gd[..gd.len().min(10)] => {
                    date_ok += 1
                }
                Some(_) => date_wrong += 1,
                None => {}
            }
        }
        if let Some(gl) = &g.lang {
            lang_n += 1;
            if a.language.as_deref() == Some(primary_language(gl)) {
                lang_ok += 1;
            }
        }
    }
    let n = gold.len();
    println!(
        "| {} | {}/{} ({:.1}%) | {}/{} ({:.1}%) | {} | {} | {}/{} ({:.1}%) |",
        run.name,
        titles,
        n,
        100.0 * titles as f64 / n as f64,
        date_ok,
        dated,
        100.0 * date_ok as f64 / dated.max(1) as f64,
        date_wrong,
        date_found,
        lang_ok,
        lang_n,
        100.0 * lang_ok as f64 / lang_n.max(1) as f64,
    );
}

/// Runs one reader over every page: `read` gives the article of a page (or `None` where the
/// reader finds none), which is scored against the gold body and timed with the rest.
fn run_reader<E>(
    name: &str,
    gold: &[Gold],
    mut read: impl FnMut(&Gold) -> Result<Option<Article>, E>,
) -> Result<Run, E> {
    let start = Instant::now();
    let mut scores = Vec::new();
    let mut articles = Vec::new();
    for g in gold {
        let article = read(g)?;
        let body = article.as_ref().map_or("", |a| a.body.as_str());
        scores.push(PageScore::new(&g.body, body));
        articles.push(article);
    }
    Ok(Run {
        name: name.to_string(),
        scores,
        articles,
        secs: start.elapsed().as_secs_f64(),
    })
}

fn run_text(
    name: &str,
    gold: &[Gold],
    dir: &Path,
    model: Option<&BoilerplateModel>,
) -> Result<Run, Box<dyn std::error::Error>> {
    run_reader(name, gold, |g| {
        let bytes = std::fs::read(dir.join(format!("{}.txt", g.id)))?;
        Ok(raw::parse_with(&bytes, &g.id, model).ok().map(|mut a| {
            dateline_core::language::fill(&mut a);
            a
        }))
    })
}

fn run_html(gold: &[Gold], dir: &Path) -> Result<Run, Box<dyn std::error::Error>> {
    // A page the reader cannot read or parse scores as a page where it found nothing.
    run_reader("HTML reader (`raw/html/*.html.gz`)", gold, |g| {
        let path = dir.join(format!("{}.html.gz", g.id));
        Ok(Format::from_path(&path)
            .and_then(|f| reader::read_file(&path, f, &g.id).ok())
            .and_then(|mut items| items.pop())
            .and_then(Result::ok))
    })
}

/// dom_smoothie (Readability port) on the same pages, for the choice of HTML extractor.
#[cfg(feature = "html-compare")]
fn run_dom_smoothie(gold: &[Gold], dir: &Path) -> Result<Run, Box<dyn std::error::Error>> {
    run_reader("dom_smoothie 0.19 (`raw/html/*.html.gz`)", gold, |g| {
        let path = dir.join(format!("{}.html.gz", g.id));
        let html = reader::read_bytes(&path)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        Ok(html.and_then(|h| {
            let mut r = dom_smoothie::Readability::new(h, None, None).ok()?;
            let a = r.parse().ok()?;
            Some(Article::new(g.id.clone(), a.text_content.to_string()).with_title(a.title))
        }))
    })
}

/// Prints one page's extraction (title, date, body) and score beside the gold body.
fn print_page(run: &Run, gold: &[Gold], id: &str) {
    let Some(i) = gold.iter().position(|g| g.id == id) else {
        println!("no page {id}");
        return;
    };
    let s = &run.scores[i];
    println!(
        "=== {id}: F1 {:.3} P {:.2} R {:.2}",
        s.f1(),
        s.precision().unwrap_or(0.0),
        s.recall().unwrap_or(0.0)
    );
    if let Some(a) = &run.articles[i] {
        println!(
            "title: {:?}\ndate: {:?}\n--- extracted:\n{}",
            a.title, a.published, a.body
        );
    }
    println!(
        "--- gold (title {:?}, date {:?}):\n{}\n",
        gold[i].title, gold[i].date, gold[i].body
    );
}

fn print_worst(run: &Run, gold: &[Gold], n: usize) {
    let mut idx: Vec<usize> = (0..gold.len()).collect();
    idx.sort_by(|&a, &b| run.scores[a].f1().total_cmp(&run.scores[b].f1()));
    println!("\nWorst pages, {}:", run.name);
    for &i in idx.iter().take(n) {
        let s = &run.scores[i];
        println!(
            "  {:.3} P {:.2} R {:.2}  {}",
            s.f1(),
            s.precision().unwrap_or(0.0),
            s.recall().unwrap_or(0.0),
            &gold[i].id
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/data/article-extraction-benchmark");
    let mut worst = 0;
    let mut text_only = false;
    let mut show = Vec::new();
    let mut out = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--worst" => worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--text-only" => text_only = true,
            "--show" => show.extend(args.next()),
            "--out" => out = args.next().map(PathBuf::from),
            _ => dir = PathBuf::from(a),
        }
    }
    let gold = load_gold(&dir)?;
    let txt = dir.join("scraped_txt");

    // The dump as-is.
    let mut dump_scores = Vec::new();
    for g in &gold {
        let text = std::fs::read_to_string(txt.join(format!("{}.txt", g.id)))?;
        dump_scores.push(PageScore::new(&g.body, &text));
    }
    let dump = Run {
        name: "dump as-is (html-text)".to_string(),
        scores: dump_scores,
        articles: Vec::new(),
        secs: 0.0,
    };

    let per_page = run_text("raw reader, per page", &gold, &txt, None)?;
    let mut model = BoilerplateModel::new();
    for g in &gold {
        model.add_bytes(&std::fs::read(txt.join(format!("{}.txt", g.id)))?);
    }
    let learned = run_text(
        "raw reader + boilerplate learned from the folder",
        &gold,
        &txt,
        Some(&model),
    )?;
    let html_dir = dir.join("raw/html");
    if let Some(out) = &out {
        std::fs::create_dir_all(out)?;
        for (g, a) in gold.iter().zip(&learned.articles) {
            let body = a.as_ref().map_or("", |a| a.body.as_str());
            std::fs::write(out.join(format!("{}.txt", g.id)), body)?;
        }
    }
    for id in &show {
        print_page(&learned, &gold, id);
    }
    let html_dir_used = html_dir.is_dir() && !text_only;
    let html = html_dir_used
        .then(|| run_html(&gold, &html_dir))
        .transpose()?;
    #[cfg(feature = "html-compare")]
    let other = html_dir_used
        .then(|| run_dom_smoothie(&gold, &html_dir))
        .transpose()?;
    #[cfg(not(feature = "html-compare"))]
    let other: Option<Run> = None;

    // The readers' runs; the dump has no articles, so it is left out of the metadata table.
    let readers: Vec<&Run> = [
        Some(&per_page),
        Some(&learned),
        html.as_ref(),
        other.as_ref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    println!("| reader (input) | pages | F1 | precision | recall | time ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    for run in std::iter::once(&dump).chain(readers.iter().copied()) {
        print_row(run);
    }
    println!();
    println!(
        "| reader | title exact match | date = metadata date | wrong dates | dated | language |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for run in &readers {
        print_meta(run, &gold);
    }
    // Per language of the metadata.
    let mut by_lang: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, g) in gold.iter().enumerate() {
        let l = g.lang.as_deref().map_or("?", primary_language);
        by_lang.entry(l.to_string()).or_default().push(i);
    }
    let mut langs: Vec<_> = by_lang.into_iter().collect();
    langs.sort_by_key(|(l, v)| (std::cmp::Reverse(v.len()), l.clone()));
    println!();
    println!("| page language (metadata) | pages | F1 text | F1 HTML |");
    println!("|---|---:|---:|---:|");
    for (l, idx) in &langs {
        let f = |run: &Run| {
            Summary::from_pages(&idx.iter().map(|&i| run.scores[i]).collect::<Vec<_>>()).f1
        };
        let h = html
            .as_ref()
            .map_or("-".to_string(), |h| format!("{:.3}", f(h)));
        println!("| {l} | {} | {:.3} | {h} |", idx.len(), f(&learned));
    }
    if worst > 0 {
        print_worst(&learned, &gold, worst);
        if let Some(h) = &html {
            print_worst(h, &gold, worst);
        }
    }
    Ok(())
}
