//! The ingestion pipeline: walk paths, read articles on all cores, extract entities, and add,
//! update or skip each article by its identity and content hash.
//!
//! Commits happen every [`IngestOptions::commit_every`] articles, so an interrupted run keeps
//! what it committed and a re-run only adds the rest: unchanged articles are recognised by
//! their fingerprint before any entity extraction or indexing work is spent on them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use dateline_core::reader::{self, Format, ReadError};
use dateline_core::Article;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::{IndexWriter, TantivyDocument, Term};
use walkdir::WalkDir;

use crate::document::{fingerprint, id_hash, to_document};
use crate::error::{Error, Result};
use crate::Index;

/// Settings of an ingest run.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Writer memory budget in bytes, shared by the indexing threads (peak use is about twice).
    pub memory_budget: usize,
    /// Reading threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Commit after this many new or changed articles, so an interrupted run loses little.
    pub commit_every: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            memory_budget: 256 * 1024 * 1024,
            threads: None,
            commit_every: 100_000,
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
    /// One file has been processed.
    FileDone {
        /// The file.
        path: &'a Path,
        /// Its size.
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
    /// Files or lines that could not be indexed.
    pub skipped: Vec<Skipped>,
    /// Wall time.
    #[serde(serialize_with = "secs")]
    pub elapsed: Duration,
}

fn secs<S: serde::Serializer>(d: &Duration, s: S) -> std::result::Result<S::Ok, S::Error> {
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
    /// Identities seen in this run, with where, so a repeated id is reported, not indexed twice.
    seen: Mutex<HashMap<u64, String>>,
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
        for entry in WalkDir::new(root).follow_links(true).sort_by_file_name() {
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
        let tally = Tally::default();
        let mut report = IngestReport::default();
        for p in paths {
            if let Err(source) = std::fs::metadata(p) {
                return Err(Error::Io {
                    path: p.clone(),
                    source,
                });
            }
        }
        let sources = walk(paths, &mut report, &tally);
        report.files = sources.len();
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
        let failure: Mutex<Option<Error>> = Mutex::new(None);
        // Batches bound the work lost to an interruption and let commits happen in between.
        for batch in sources.chunks(512) {
            pool.install(|| {
                batch.par_iter().for_each(|src| {
                    if let Err(e) = self.ingest_source(src, &writer, &existing, &tally) {
                        let mut slot = failure.lock().unwrap_or_else(|p| p.into_inner());
                        slot.get_or_insert(e);
                    }
                    progress(Progress::FileDone {
                        path: &src.path,
                        bytes: src.bytes,
                    });
                })
            });
            if let Some(e) = failure.lock().unwrap_or_else(|p| p.into_inner()).take() {
                return Err(e);
            }
            if tally.since_commit.load(Ordering::Relaxed) >= options.commit_every {
                progress(Progress::Committing);
                writer.commit()?;
                tally.since_commit.store(0, Ordering::Relaxed);
            }
        }
        progress(Progress::Committing);
        writer.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;

        report.added = tally.added.into_inner();
        report.updated = tally.updated.into_inner();
        report.unchanged = tally.unchanged.into_inner();
        report.without_date = tally.without_date.into_inner();
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
        let tally = Tally::default();
        let existing = self.existing_fingerprints()?;
        let mut writer = self.writer(IngestOptions::default().memory_budget)?;
        for article in articles {
            self.ingest_article(article, None, &writer, &existing, &tally)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(IngestReport {
            added: tally.added.into_inner(),
            updated: tally.updated.into_inner(),
            unchanged: tally.unchanged.into_inner(),
            without_date: tally.without_date.into_inner(),
            elapsed: start.elapsed(),
            ..IngestReport::default()
        })
    }

    fn ingest_source(
        &self,
        src: &Source,
        writer: &IndexWriter<TantivyDocument>,
        existing: &HashMap<u64, u64>,
        tally: &Tally,
    ) -> Result<()> {
        tally.bytes.fetch_add(src.bytes, Ordering::Relaxed);
        let items = match reader::read_file(&src.path, src.format, &src.id_base) {
            Ok(items) => items,
            Err(e) => {
                tally.skip(&src.path, e.line(), e.to_string());
                return Ok(());
            }
        };
        let ingest = |item: std::result::Result<Article, ReadError>| match item {
            Ok(article) => self.ingest_article(article, Some(src), writer, existing, tally),
            Err(e) => {
                tally.skip(&src.path, e.line(), e.to_string());
                Ok(())
            }
        };
        if items.len() > 64 {
            items.into_par_iter().try_for_each(ingest)
        } else {
            items.into_iter().try_for_each(ingest)
        }
    }

    fn ingest_article(
        &self,
        mut article: Article,
        src: Option<&Source>,
        writer: &IndexWriter<TantivyDocument>,
        existing: &HashMap<u64, u64>,
        tally: &Tally,
    ) -> Result<()> {
        let key = id_hash(&article.id);
        let location = match src {
            Some(s) => s.path.display().to_string(),
            None => "an earlier article".to_string(),
        };
        {
            let mut seen = tally.seen.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(first) = seen.get(&key) {
                let reason = format!("duplicate id {:?} (first seen in {first})", article.id);
                drop(seen);
                if let Some(s) = src {
                    tally.skip(&s.path, None, reason);
                }
                return Ok(());
            }
            seen.insert(key, location);
        }
        let fp = fingerprint(&article);
        let counter = match existing.get(&key) {
            Some(&old) if old == fp => {
                tally.unchanged.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
            Some(_) => {
                writer.delete_term(Term::from_field_text(self.schema.id, &article.id));
                &tally.updated
            }
            None => &tally.added,
        };
        if article.entities.is_empty() {
            article.entities = self
                .extractor
                .extract(article.title.as_deref(), &article.body);
        }
        writer.add_document(to_document(&self.schema, &article, fp))?;
        counter.fetch_add(1, Ordering::Relaxed);
        tally.since_commit.fetch_add(1, Ordering::Relaxed);
        if article.published.is_none() {
            tally.without_date.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

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
