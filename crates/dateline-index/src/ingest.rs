//! The ingestion pipeline: walk paths, read articles on all cores, extract entities, and add,
//! update or skip each article by its identity and content hash.
//!
//! Commits happen every [`IngestOptions::commit_every`] articles, so an interrupted run keeps
//! what it committed and a re-run only adds the rest: unchanged articles are recognised by
//! their fingerprint before any entity extraction or indexing work is spent on them.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dateline_core::reader::boilerplate::BoilerplateModel;
use dateline_core::reader::{self, Format, ReadError};
use dateline_core::Article;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::{IndexWriter, TantivyDocument, Term};
use walkdir::WalkDir;

use dateline_core::analyzer::Stemming;

use crate::document::{content_key, fingerprint, id_hash, to_document};
use crate::error::{Error, Result};
use crate::Index;

/// Settings of an ingest run.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Writer memory budget in bytes, shared by the indexing threads. Peak process memory is
    /// higher: prepared articles in flight, the run's id and content keys, and the buffers and
    /// mapped index files of segment merges (see BENCHMARKS.md for measured peaks).
    pub memory_budget: usize,
    /// Reading threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Commit after this many new or changed articles, so an interrupted run loses little.
    /// Each commit also closes a segment per indexing thread, and every search pays a fixed
    /// cost per segment: the default (250,000, some ten seconds of work) leaves the 262,000
    /// articles of the scale benchmark in 4 segments instead of the 6 of 100,000, for searches
    /// a fifth faster (BENCHMARKS.md; [`Index::optimize`] merges them into one).
    pub commit_every: usize,
    /// Index exact duplicates (same normalised body; title too when the body is short) too;
    /// by default only the first one read (in file order) is indexed and the others are counted in
    /// [`IngestReport::duplicates`].
    pub keep_duplicates: bool,
    /// Learn boilerplate lines per folder of raw text files before reading them
    /// ([`dateline_core::reader::boilerplate`]).
    pub learn_boilerplate: bool,
    /// Extract people, organisations and places from each article (on by default). Turning
    /// it off makes `--entity` filters and facets find nothing for the articles it indexes.
    pub extract_entities: bool,
    /// Stem English articles, and those whose language is unknown, with the English stemmer
    /// (on by default; articles in other languages are never stemmed). Off indexes every
    /// article unstemmed: the stemmer lever of the relevance benchmarks. Use one setting for
    /// every run on an index: unchanged articles are not indexed again when it changes.
    pub english_stemming: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            memory_budget: 256 * 1024 * 1024,
            threads: None,
            commit_every: 250_000,
            keep_duplicates: false,
            learn_boilerplate: true,
            extract_entities: true,
            english_stemming: true,
        }
    }
}

/// Progress events, sent from the reading threads.
#[derive(Debug)]
pub enum Progress<'a> {
    /// The walk is done: this many readable files and bytes will be processed.
    Found {
        /// Files to read.
        files: usize,
        /// Their total size.
        bytes: u64,
    },
    /// One file, or one more part of a large JSON Lines file, has been processed.
    FileDone {
        /// The file.
        path: &'a Path,
        /// Bytes of it newly processed (its size, for a file read whole).
        bytes: u64,
    },
    /// A commit is being written.
    Committing,
}

/// A file, or a line of one, that could not be indexed.
#[derive(Clone, Debug, Serialize)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// The line (JSON Lines), when the problem is in one line.
    pub line: Option<usize>,
    /// Why.
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// What an ingest run did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IngestReport {
    /// Files read.
    pub files: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Files passed over because their names say they are not articles (README, images…).
    pub ignored_files: usize,
    /// New articles.
    pub added: usize,
    /// Articles whose content changed and replaced their old version.
    pub updated: usize,
    /// Articles already indexed with the same content.
    pub unchanged: usize,
    /// Articles added or updated without a recognisable date.
    pub without_date: usize,
    /// Exact duplicates of an article read earlier in the run (same normalised body), not
    /// indexed.
    pub duplicates: usize,
    /// Files or lines that could not be indexed.
    pub skipped: Vec<Skipped>,
    /// Wall time.
    #[serde(serialize_with = "secs")]
    pub elapsed: Duration,
}

pub(crate) fn secs<S: serde::Serializer>(
    d: &Duration,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl IngestReport {
    /// Articles read per second (added, updated and unchanged).
    pub fn articles_per_second(&self) -> f64 {
        let n = (self.added + self.updated + self.unchanged) as f64;
        n / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// A file to read, with the id it gets (its path relative to the root it was found under).
struct Source {
    path: PathBuf,
    id_base: String,
    format: Format,
    bytes: u64,
}

/// Counters shared by the reading threads.
#[derive(Default)]
struct Tally {
    added: AtomicUsize,
    updated: AtomicUsize,
    unchanged: AtomicUsize,
    without_date: AtomicUsize,
    since_commit: AtomicUsize,
    bytes: AtomicU64,
    skipped: Mutex<Vec<Skipped>>,
    duplicates: AtomicUsize,
    keep_duplicates: bool,
    extract_entities: bool,
    /// [`IngestOptions::english_stemming`] turned off (the default, false, stems English).
    unstemmed: bool,
    /// Boilerplate learned per folder of raw text files.
    models: HashMap<PathBuf, BoilerplateModel>,
}

impl Tally {
    fn skip(&self, path: &Path, line: Option<usize>, reason: String) {
        let item = Skipped {
            path: path.to_path_buf(),
            line,
            reason,
        };
        self.skipped
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(item);
    }
}

fn walk(paths: &[PathBuf], report: &mut IngestReport, tally: &Tally) -> Vec<Source> {
    let mut sources = Vec::new();
    for root in paths {
        let root_is_file = root.is_file();
        let base = if root_is_file {
            root.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            root.clone()
        };
        let walker = WalkDir::new(root).follow_links(true).sort_by_file_name();
        // What a folder holds besides articles is passed over, as ripgrep does: hidden files
        // and folders (`.git`, the default index `.dateline`), and any Dateline index (whose
        // segment files would otherwise be read as binary articles). A path named on the
        // command line is always read.
        let walker = walker
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !(is_hidden(e) || is_index_folder(e)));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().unwrap_or(root).to_path_buf();
                    let reason = match e.loop_ancestor() {
                        Some(a) => format!("symbolic link loop back to {}", a.display()),
                        None => e
                            .io_error()
                            .map_or_else(|| e.to_string(), |io| format!("cannot read: {io}")),
                    };
                    tally.skip(&path, None, reason);
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                let kind = entry.file_type();
                if kind.is_dir() {
                    continue;
                }
                // A pipe (`<(zcat …)`), socket or device: no size, no second read.
                if entry.depth() == 0 {
                    let reason = "not a regular file (a pipe or a device): \
                                  pipe JSON Lines to `dateline index -` instead";
                    tally.skip(entry.path(), None, reason.to_string());
                } else {
                    report.ignored_files += 1;
                }
                continue;
            }
            let path = entry.path();
            let Some(format) = Format::from_path(path) else {
                if !root_is_file {
                    report.ignored_files += 1;
                    continue;
                }
                // A file named on the command line is read whatever its name.
                let fmt = if path.to_string_lossy().contains(".jsonl") {
                    Format::JsonLines
                } else {
                    Format::RawText
                };
                sources.push(source(path, &base, fmt, &entry));
                continue;
            };
            sources.push(source(path, &base, format, &entry));
        }
    }
    sources
}

/// A file or folder whose name starts with `.`.
fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.file_name().as_encoded_bytes().first() == Some(&b'.')
}

/// A folder holding a Dateline index.
fn is_index_folder(entry: &walkdir::DirEntry) -> bool {
    entry.file_type().is_dir() && crate::index::is_index(entry.path()).unwrap_or(false)
}

fn source(path: &Path, base: &Path, format: Format, entry: &walkdir::DirEntry) -> Source {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let id_base = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    Source {
        path: path.to_path_buf(),
        id_base,
        format,
        bytes: entry.metadata().map_or(0, |m| m.len()),
    }
}

/// Boilerplate models for the folders holding at least 3 raw text files, learned from their
/// files (read in parallel). Unreadable files are left out here and reported when read.
fn learn_boilerplate(sources: &[Source]) -> HashMap<PathBuf, BoilerplateModel> {
    let mut by_dir: HashMap<&Path, Vec<&Source>> = HashMap::new();
    for src in sources.iter().filter(|s| s.format == Format::RawText) {
        if let Some(dir) = src.path.parent() {
            by_dir.entry(dir).or_default().push(src);
        }
    }
    by_dir
        .into_par_iter()
        .filter(|(_, files)| files.len() >= 3)
        .map(|(dir, files)| {
            let mut model = BoilerplateModel::new();
            for src in files {
                if let Ok(bytes) = reader::read_bytes(&src.path) {
                    model.add_bytes(&bytes);
                }
            }
            (dir.to_path_buf(), model)
        })
        .collect()
}

/// The longest article id: far beyond any real one, well within tantivy's term length.
const MAX_ID_BYTES: usize = 4096;

/// Articles prepared in parallel per chunk of a JSON Lines stream: large enough to keep every
/// core busy, small enough that a chunk's documents take little memory.
const STREAM_CHUNK: usize = 4096;

/// An article read and prepared on a reading thread. Prepared articles are applied to the
/// index in reading order, so which copy of a duplicate is kept never depends on thread
/// timing: it is always the first in file order (files sorted by name, lines in order).
enum Prepared {
    Article(Box<Ready>),
    Skip { line: Option<usize>, reason: String },
}

struct Ready {
    id: String,
    key: u64,
    /// Normalised content hash; `None` when duplicates are kept.
    content: Option<u64>,
    /// The document to add, or `None` when the index already holds this exact version.
    doc: Option<TantivyDocument>,
    dated: bool,
}

impl Index {
    /// Indexes every article under `paths` (files or folders, recursively).
    ///
    /// New articles are added, changed ones replace their old version, unchanged ones are
    /// counted and left alone. A file that cannot be read is reported in
    /// [`IngestReport::skipped`] and never stops the run.
    pub fn ingest_paths(
        &self,
        paths: &[PathBuf],
        options: &IngestOptions,
        progress: &(dyn Fn(Progress<'_>) + Sync),
    ) -> Result<IngestReport> {
        let start = Instant::now();
        let _adding = self.adding();
        let mut tally = Tally {
            keep_duplicates: options.keep_duplicates,
            extract_entities: options.extract_entities,
            unstemmed: !options.english_stemming,
            ..Tally::default()
        };
        let mut report = IngestReport::default();
        let stdin_path = Path::new("-");
        let read_stdin = paths.iter().any(|p| p == stdin_path);
        let paths: Vec<PathBuf> = paths.iter().filter(|p| *p != stdin_path).cloned().collect();
        let paths = &paths[..];
        for p in paths {
            if let Err(source) = std::fs::metadata(p) {
                return Err(Error::Io {
                    path: p.clone(),
                    source,
                });
            }
        }
        let sources = walk(paths, &mut report, &tally);
        if options.learn_boilerplate {
            tally.models = learn_boilerplate(&sources);
        }
        report.files = sources.len() + usize::from(read_stdin);
        progress(Progress::Found {
            files: sources.len(),
            bytes: sources.iter().map(|s| s.bytes).sum(),
        });
        let existing = self.existing_fingerprints()?;
        let mut writer = self.writer(options.memory_budget)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads.unwrap_or(0))
            .build()
            .map_err(|e| Error::Tantivy(tantivy::TantivyError::SystemError(e.to_string())))?;
        let mut run = Run {
            index: self,
            writer: &mut writer,
            existing: &existing,
            tally: &tally,
            commit_every: options.commit_every.max(1),
            progress,
            pool: Some(&pool),
            seen: HashMap::new(),
            contents: HashSet::new(),
            location: None,
        };
        if read_stdin {
            let mut lines = reader::json_lines_from(std::io::stdin(), "stdin");
            run.stream(
                std::iter::from_fn(|| lines.next_raw()),
                &|raw| raw.and_then(|line| line.parse("stdin")),
                stdin_path,
                None,
            )?;
        }
        let mut rest = &sources[..];
        while let Some(first) = rest.first() {
            if first.format == Format::JsonLines {
                run.json_lines_file(first)?;
                rest = &rest[1..];
                continue;
            }
            // Single-article files are read and prepared in parallel, in batches that bound
            // the work an interruption loses, then applied in file order.
            let n = rest
                .iter()
                .take(run.commit_every.min(512))
                .take_while(|s| s.format != Format::JsonLines)
                .count();
            let (batch, tail) = rest.split_at(n);
            rest = tail;
            let prepared: Vec<Vec<Prepared>> = run.parallel(|| {
                batch
                    .par_iter()
                    .map(|src| {
                        let items = self.prepare_file(src, &existing, &tally);
                        progress(Progress::FileDone {
                            path: &src.path,
                            bytes: src.bytes,
                        });
                        items
                    })
                    .collect()
            });
            for (src, items) in batch.iter().zip(prepared) {
                for item in items {
                    run.apply(item, &src.path)?;
                }
            }
            run.maybe_commit()?;
        }
        progress(Progress::Committing);
        writer.commit().map_err(|e| self.write_error(e))?;
        writer
            .wait_merging_threads()
            .map_err(|e| self.write_error(e))?;
        self.reader.reload()?;

        report.added = tally.added.into_inner();
        report.updated = tally.updated.into_inner();
        report.unchanged = tally.unchanged.into_inner();
        report.without_date = tally.without_date.into_inner();
        report.duplicates = tally.duplicates.into_inner();
        report.bytes = tally.bytes.into_inner();
        report.skipped = tally
            .skipped
            .into_inner()
            .unwrap_or_else(|p| p.into_inner());
        report
            .skipped
            .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        report.elapsed = start.elapsed();
        Ok(report)
    }

    /// Indexes articles built by the caller (their entities are extracted if empty).
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::Index;
    ///
    /// let index = Index::create_in_ram()?;
    /// let report = index.add_articles(vec![Article::new("a1", "Philip Hammond spoke.")])?;
    /// assert_eq!((report.added, index.num_articles()), (1, 1));
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn add_articles<I>(&self, articles: I) -> Result<IngestReport>
    where
        I: IntoIterator<Item = Article>,
    {
        let start = Instant::now();
        let _adding = self.adding();
        let tally = Tally {
            extract_entities: true,
            ..Tally::default()
        };
        let existing = self.existing_fingerprints()?;
        let mut writer = self.writer(IngestOptions::default().memory_budget)?;
        let mut run = Run {
            index: self,
            writer: &mut writer,
            existing: &existing,
            tally: &tally,
            commit_every: usize::MAX,
            progress: &|_| {},
            pool: None,
            seen: HashMap::new(),
            contents: HashSet::new(),
            location: None,
        };
        run.stream(articles.into_iter(), &Ok, Path::new("-"), None)?;
        writer.commit().map_err(|e| self.write_error(e))?;
        writer
            .wait_merging_threads()
            .map_err(|e| self.write_error(e))?;
        self.reader.reload()?;
        Ok(IngestReport {
            added: tally.added.into_inner(),
            updated: tally.updated.into_inner(),
            unchanged: tally.unchanged.into_inner(),
            without_date: tally.without_date.into_inner(),
            duplicates: tally.duplicates.into_inner(),
            elapsed: start.elapsed(),
            ..IngestReport::default()
        })
    }

    /// Reads a single-article file (raw text, HTML) and prepares what it holds.
    fn prepare_file(
        &self,
        src: &Source,
        existing: &HashMap<u64, u64>,
        tally: &Tally,
    ) -> Vec<Prepared> {
        tally.bytes.fetch_add(src.bytes, Ordering::Relaxed);
        let model = src.path.parent().and_then(|dir| tally.models.get(dir));
        match reader::read_file_undetected(&src.path, src.format, &src.id_base, model) {
            Ok(items) => items
                .into_iter()
                .map(|item| self.prepare(item, existing, tally))
                .collect(),
            Err(e) => vec![Prepared::Skip {
                line: e.line(),
                reason: e.to_string(),
            }],
        }
    }

    /// Everything about one article that can be done in parallel: language, hashes, entities
    /// and the tantivy document. An article the index already holds unchanged is recognised by
    /// its fingerprint before any extraction work is spent on it.
    fn prepare(
        &self,
        item: std::result::Result<Article, ReadError>,
        existing: &HashMap<u64, u64>,
        tally: &Tally,
    ) -> Prepared {
        let mut article = match item {
            Ok(article) => article,
            Err(e) => {
                return Prepared::Skip {
                    line: e.line(),
                    reason: e.to_string(),
                }
            }
        };
        if article.id.len() > MAX_ID_BYTES {
            // tantivy cannot index a term this long: the article could never be replaced or
            // found by its id.
            let head: String = article.id.chars().take(40).collect();
            return Prepared::Skip {
                line: None,
                reason: format!(
                    "id of {} bytes is too long (at most {MAX_ID_BYTES}): {head:?}…",
                    article.id.len()
                ),
            };
        }
        let key = id_hash(&article.id);
        let content = (!tally.keep_duplicates).then(|| content_key(&article));
        let fp = fingerprint(&article);
        let doc = if existing.get(&key) == Some(&fp) {
            None
        } else {
            if article.language.is_none() {
                dateline_core::language::fill(&mut article);
            }
            if article.entities.is_empty() && tally.extract_entities {
                article.entities = self
                    .extractor
                    .extract(article.title.as_deref(), &article.body);
            }
            let stemming = if tally.unstemmed {
                Stemming::None
            } else {
                Stemming::for_language(article.language.as_deref())
            };
            Some(to_document(&self.schema, &article, fp, stemming))
        };
        Prepared::Article(Box::new(Ready {
            dated: article.published.is_some(),
            id: article.id,
            key,
            content,
            doc,
        }))
    }
}

/// The sequential half of an ingest run: applies prepared articles to the writer in order and
/// commits as it goes.
struct Run<'a> {
    index: &'a Index,
    writer: &'a mut IndexWriter<TantivyDocument>,
    existing: &'a HashMap<u64, u64>,
    tally: &'a Tally,
    commit_every: usize,
    progress: &'a (dyn Fn(Progress<'_>) + Sync),
    /// The reading threads; `None` uses rayon's global pool.
    pool: Option<&'a rayon::ThreadPool>,
    /// Identities applied in this run, with where, so a repeated id is reported, not indexed
    /// twice. One shared name per file: a million lines of one file cost a million pointers.
    seen: HashMap<u64, Arc<str>>,
    /// Content keys (normalised body) applied in this run, for duplicates.
    contents: HashSet<u64>,
    /// The file being applied and its shared name, for `seen`.
    location: Option<(PathBuf, Arc<str>)>,
}

impl Run<'_> {
    fn parallel<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        match self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }

    /// Streams a JSON Lines file (gzipped or not) in chunks, reporting progress as it goes.
    fn json_lines_file(&mut self, src: &Source) -> Result<()> {
        let file = match std::fs::File::open(&src.path) {
            Ok(file) => file,
            Err(e) => {
                self.tally
                    .skip(&src.path, None, ReadError::from(e).to_string());
                (self.progress)(Progress::FileDone {
                    path: &src.path,
                    bytes: src.bytes,
                });
                return Ok(());
            }
        };
        let read = std::sync::Arc::new(AtomicU64::new(0));
        let counted = CountingReader {
            inner: file,
            count: std::sync::Arc::clone(&read),
        };
        let mut lines = reader::json_lines_from(counted, &src.id_base);
        let result = self.stream(
            std::iter::from_fn(|| lines.next_raw()),
            &|raw| raw.and_then(|line| line.parse(&src.id_base)),
            &src.path,
            Some(&read),
        );
        self.tally.bytes.fetch_add(src.bytes, Ordering::Relaxed);
        let reported = read.load(Ordering::Relaxed).min(src.bytes);
        (self.progress)(Progress::FileDone {
            path: &src.path,
            bytes: src.bytes - reported,
        });
        result
    }

    /// Prepares a stream of items chunk by chunk on all cores (`to_article` runs there too, so
    /// JSON is parsed in parallel) and applies each chunk in order; a stream that yields
    /// nothing at all is reported as empty.
    fn stream<T: Send>(
        &mut self,
        mut items: impl Iterator<Item = T>,
        to_article: &(dyn Fn(T) -> std::result::Result<Article, ReadError> + Sync),
        path: &Path,
        read: Option<&AtomicU64>,
    ) -> Result<()> {
        let mut any = false;
        let mut reported = 0;
        loop {
            let chunk: Vec<_> = items.by_ref().take(STREAM_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (index, existing, tally) = (self.index, self.existing, self.tally);
            let prepared: Vec<Prepared> = self.parallel(|| {
                chunk
                    .into_par_iter()
                    .map(|item| index.prepare(to_article(item), existing, tally))
                    .collect()
            });
            for item in prepared {
                self.apply(item, path)?;
            }
            if let Some(read) = read {
                let now = read.load(Ordering::Relaxed);
                (self.progress)(Progress::FileDone {
                    path,
                    bytes: now - reported,
                });
                reported = now;
            }
            self.maybe_commit()?;
        }
        if !any && path != Path::new("-") {
            self.tally.skip(path, None, ReadError::Empty.to_string());
        }
        Ok(())
    }

    /// Adds, replaces or passes over one prepared article. Runs on one thread, in reading
    /// order: the first of several articles with one id or one content wins.
    fn apply(&mut self, item: Prepared, path: &Path) -> Result<()> {
        let tally = self.tally;
        let ready = match item {
            Prepared::Article(ready) => ready,
            Prepared::Skip { line, reason } => {
                tally.skip(path, line, reason);
                return Ok(());
            }
        };
        let Ready {
            id,
            key,
            content,
            doc,
            dated,
        } = *ready;
        if let Some(first) = self.seen.get(&key) {
            let reason = format!("duplicate id {id:?} (first seen in {first})");
            tally.skip(path, None, reason);
            return Ok(());
        }
        let location = match &self.location {
            Some((p, name)) if p == path => Arc::clone(name),
            _ => {
                let name: Arc<str> = path.display().to_string().into();
                self.location = Some((path.to_path_buf(), Arc::clone(&name)));
                name
            }
        };
        self.seen.insert(key, location);
        let id_term = || Term::from_field_text(self.index.schema.id, &id);
        let indexed = self.existing.contains_key(&key);
        if let Some(content) = content {
            if !self.contents.insert(content) {
                tally.duplicates.fetch_add(1, Ordering::Relaxed);
                // A copy indexed by an earlier run (with --keep-duplicates, or before the
                // first copy existed) goes, so the content stays indexed exactly once.
                if indexed {
                    self.writer.delete_term(id_term());
                }
                return Ok(());
            }
        }
        let Some(doc) = doc else {
            tally.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        };
        let counter = if indexed {
            self.writer.delete_term(id_term());
            &tally.updated
        } else {
            &tally.added
        };
        self.writer
            .add_document(doc)
            .map_err(|e| self.index.write_error(e))?;
        counter.fetch_add(1, Ordering::Relaxed);
        tally.since_commit.fetch_add(1, Ordering::Relaxed);
        if !dated {
            tally.without_date.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    fn maybe_commit(&mut self) -> Result<()> {
        if self.tally.since_commit.load(Ordering::Relaxed) >= self.commit_every {
            (self.progress)(Progress::Committing);
            self.writer
                .commit()
                .map_err(|e| self.index.write_error(e))?;
            self.tally.since_commit.store(0, Ordering::Relaxed);
        }
        Ok(())
    }
}

/// Counts the bytes read from a file, for progress through a large JSON Lines file.
struct CountingReader<R> {
    inner: R,
    count: std::sync::Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl Index {
    /// Identity hash → content fingerprint of every live article, read from fast columns.
    fn existing_fingerprints(&self) -> Result<HashMap<u64, u64>> {
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let mut map = HashMap::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let ids = fast.u64("id_hash")?;
            let fps = fast.u64("fingerprint")?;
            for doc in segment.doc_ids_alive() {
                if let (Some(id), Some(fp)) = (ids.first(doc), fps.first(doc)) {
                    map.insert(id, fp);
                }
            }
        }
        Ok(map)
    }
}
