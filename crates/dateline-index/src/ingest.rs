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

use dateline_core::article::Transcoded;
use dateline_core::entities::ExtractionFailed;
use dateline_core::reader::boilerplate::BoilerplateModel;
use dateline_core::reader::{self, Format, ReadError};
use dateline_core::Article;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::schema::Field;
use tantivy::{IndexWriter, TantivyDocument, Term};

use dateline_core::analyzer::Stemming;

use crate::corpus::{Corpus, Source};
use crate::document::{
    content_key, id_hash, record_and_fingerprint, source_hash, to_document, without_entities,
};
use crate::error::{Error, Result};
use crate::file_filter::FileFilter;
use crate::ids::FileIds;
use crate::stamps::Stamps;
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
    /// it off makes `--entity` filters and facets find nothing for the articles it indexes,
    /// until a later run with it on: that run indexes those articles again, with their
    /// entities (they count as updated). A run with it off leaves the entities an article
    /// already has.
    pub extract_entities: bool,
    /// Stem English articles, and those whose language is unknown, with the English stemmer
    /// (on by default; articles in other languages are never stemmed). Off indexes every
    /// article unstemmed: the stemmer lever of the relevance benchmarks. Use one setting for
    /// every run on an index: unchanged articles are not indexed again when it changes.
    pub english_stemming: bool,
    /// The folder the ids of files are relative to; `None` (the default) takes the folder
    /// that holds the index, or the current folder for an index in memory. A file outside it
    /// gets its absolute path as id. Keep one setting for every run on an index: another root
    /// gives the same files other ids, and they would be indexed again.
    pub id_root: Option<PathBuf>,
    /// Remove what the named files and folders no longer hold: articles of a file read in this
    /// run that it no longer contains (lines deleted from a JSON Lines file), and articles of
    /// files under a named folder (or named themselves) that no longer exist. A file that
    /// could not be read whole keeps all its articles: one it seems to lack may be one that
    /// could not be read. A file renamed or moved is indexed under its new name; a record
    /// moved to another file under a new id is a copy of its old self, which stays. Off by
    /// default: without it an index only grows and changes.
    pub prune: bool,
    /// Which files under the folders named are read ([`FileFilter`]: ripgrep's `--glob`
    /// rules); the default reads every article file.
    pub files: FileFilter,
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
            id_root: None,
            prune: false,
            files: FileFilter::default(),
        }
    }
}

/// The smallest writer budget per indexing thread that tantivy accepts, in bytes
/// (`MEMORY_BUDGET_NUM_BYTES_MIN`).
const MEMORY_MIN_BYTES_PER_THREAD: usize = 15_000_000;

/// The bytes per indexing thread that tantivy's budget must stay under
/// (`MEMORY_BUDGET_NUM_BYTES_MAX`: `u32::MAX` less a 1 MB margin; its arena addresses are 32-bit).
const MEMORY_MAX_BYTES_PER_THREAD: u64 = u32::MAX as u64 - 1_000_000;

/// The most indexing threads tantivy's writer starts (`MAX_NUM_THREAD`).
const MAX_WRITER_THREADS: usize = 8;

/// The writer budgets, in bytes, that [`IngestOptions::memory_budget`] may take on this machine,
/// and the number of indexing threads the budget is split over.
///
/// tantivy splits the budget evenly over its indexing threads, one per core up to 8 (fewer when
/// a share would fall under 15 MB), and refuses a share over 4,293 MB with an error that names
/// no usable value; a program can check a budget against this first. The limits are tantivy
/// 0.27's (`Index::writer`).
///
/// # Example
/// ```
/// let (budgets, threads) = dateline_index::memory_budget_range();
/// assert_eq!(*budgets.start(), 15_000_000);
/// assert!(budgets.contains(&dateline_index::IngestOptions::default().memory_budget));
/// assert!((1..=8).contains(&threads));
/// ```
pub fn memory_budget_range() -> (std::ops::RangeInclusive<usize>, usize) {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MAX_WRITER_THREADS);
    // In u64: the product passes 4 GB.
    let max = threads as u64 * MEMORY_MAX_BYTES_PER_THREAD - 1;
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    (MEMORY_MIN_BYTES_PER_THREAD..=max, threads)
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
        /// Files passed over unread: unchanged since their article was indexed.
        unchanged: usize,
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
///
/// Serialised as `path`, `line` and `reason`; a path that is not UTF-8 is written lossily (U+FFFD
/// for each invalid byte), with its exact bytes beside it in base64 as `path_bytes`, as ripgrep's
/// JSON output does: serde would otherwise fail half-way through the record.
///
/// # Example
/// ```
/// use dateline_index::Skipped;
///
/// let s = Skipped { path: "a.jsonl".into(), line: Some(3), reason: "malformed JSON".into() };
/// assert_eq!(s.to_string(), "a.jsonl:3: malformed JSON");
/// ```
#[derive(Clone, Debug)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// The line (JSON Lines), when the problem is in one line.
    pub line: Option<usize>,
    /// Why.
    pub reason: String,
}

impl Serialize for Skipped {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let bytes = non_utf8_bytes(&self.path);
        let mut record = s.serialize_struct("Skipped", 3 + usize::from(bytes.is_some()))?;
        record.serialize_field("path", &self.path.to_string_lossy())?;
        if let Some(bytes) = &bytes {
            record.serialize_field("path_bytes", bytes)?;
        }
        record.serialize_field("line", &self.line)?;
        record.serialize_field("reason", &self.reason)?;
        record.end()
    }
}

/// The bytes of a path that is not UTF-8, in base64; `None` for a UTF-8 path, and on Windows,
/// whose paths are UTF-16 and are not UTF-8 only when they hold unpaired surrogates.
fn non_utf8_bytes(path: &Path) -> Option<String> {
    if path.to_str().is_some() {
        return None;
    }
    #[cfg(unix)]
    {
        use base64::Engine;
        use std::os::unix::ffi::OsStrExt;
        Some(base64::engine::general_purpose::STANDARD.encode(path.as_os_str().as_bytes()))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// An article indexed or removed with a remark ([`IngestReport::warnings`]): where it was
/// read and what happened (`reason`).
pub type Warning = Skipped;

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
    /// Article files found (read, or passed over unchanged without reading).
    pub files: usize,
    /// Bytes of those files.
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
    /// Exact duplicates (same normalised body) of an article read earlier in the run or
    /// indexed by an earlier one, not indexed.
    pub duplicates: usize,
    /// Articles removed because their files no longer hold them ([`IngestOptions::prune`]).
    pub removed: usize,
    /// Files or lines that could not be indexed.
    pub skipped: Vec<Skipped>,
    /// Articles indexed, or removed, with something the user should know: text that was not
    /// UTF-8, decoded from a legacy encoding ([`dateline_core::article::Transcoded`]); an
    /// update whose old version was read from another file (JSON Lines ids are shared by all files, so two
    /// exports that number their articles alike replace each other's), or a copy indexed by an
    /// earlier run removed as a duplicate.
    pub warnings: Vec<Warning>,
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
    warnings: Mutex<Vec<Warning>>,
    duplicates: AtomicUsize,
    removed: AtomicUsize,
    keep_duplicates: bool,
    extract_entities: bool,
    /// [`IngestOptions::english_stemming`] turned off (the default, false, stems English).
    unstemmed: bool,
}

impl Tally {
    fn skip(&self, path: &Path, line: Option<usize>, reason: String) {
        note(&self.skipped, path, line, reason);
    }

    fn warn(&self, path: &Path, line: Option<usize>, reason: String) {
        note(&self.warnings, path, line, reason);
    }
}

fn note(list: &Mutex<Vec<Skipped>>, path: &Path, line: Option<usize>, reason: String) {
    let item = Skipped {
        path: path.to_path_buf(),
        line,
        reason,
    };
    lock(list).push(item);
}

/// The text of `field` in the stored article at `at`.
fn stored_text(
    searcher: &tantivy::Searcher,
    at: tantivy::DocAddress,
    field: Field,
) -> Option<String> {
    let doc = searcher.doc::<TantivyDocument>(at).ok()?;
    let value = doc.get_first(field)?;
    tantivy::schema::Value::as_str(&value).map(str::to_string)
}

/// The sources (file hashes) of the articles indexed before a run whose files, below one of
/// the named `roots` (ids relative to `id_root`), no longer exist: one stored path read per
/// source that the run's walk did not find.
fn gone_sources(
    indexed: &Indexed,
    path_field: Field,
    walked: &[Source],
    roots: &[String],
    id_root: &Path,
) -> Result<HashSet<u64>> {
    let walked: HashSet<u64> = walked
        .iter()
        .filter_map(|s| source_hash(Some(&s.id_base)))
        .collect();
    let stdin = source_hash(Some(STDIN));
    let mut checked: HashMap<u64, bool> = HashMap::new();
    for (ord, segment) in indexed.searcher.segment_readers().iter().enumerate() {
        let sources = segment.fast_fields().u64("source")?;
        for doc in segment.doc_ids_alive() {
            let Some(source) = sources.first(doc) else {
                continue;
            };
            // Standard input is never pruned: each stream is a different one.
            if walked.contains(&source) || Some(source) == stdin || checked.contains_key(&source) {
                continue;
            }
            let at = tantivy::DocAddress::new(ord as u32, doc);
            let gone = stored_text(&indexed.searcher, at, path_field).is_some_and(|path| {
                roots.iter().any(|root| under(&path, root))
                    && std::fs::symlink_metadata(id_root.join(&path)).is_err()
            });
            checked.insert(source, gone);
        }
    }
    Ok(checked
        .into_iter()
        .filter_map(|(source, gone)| gone.then_some(source))
        .collect())
}

/// The list, even if a thread panicked while holding it (a list of notes stays usable).
fn lock(list: &Mutex<Vec<Skipped>>) -> std::sync::MutexGuard<'_, Vec<Skipped>> {
    list.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether the id `path` lies under the id `root` (a named file or folder; `""` is the id root
/// itself, which holds every relative id).
fn under(path: &str, root: &str) -> bool {
    match root {
        "" => !path.starts_with('/'),
        _ if root.ends_with('/') => path.starts_with(root),
        _ => path
            .strip_prefix(root)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/')),
    }
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
    /// The line it was read from (JSON Lines).
    line: Option<usize>,
    key: u64,
    /// [`source_hash`] of the file it was read from.
    source: Option<u64>,
    /// Its record hash ([`record_and_fingerprint`]).
    record: u64,
    /// Normalised content hash; `None` when duplicates are kept.
    content: Option<u64>,
    /// The document to add, or `None` when the index already holds this exact version.
    doc: Option<TantivyDocument>,
    dated: bool,
    /// How its text was decoded, when it was not UTF-8: a warning once it is indexed.
    transcoded: Option<Transcoded>,
    /// Entity extraction failed on it (a bug of the extractor): a warning once it is
    /// indexed, without entities.
    extraction_failed: Option<ExtractionFailed>,
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
        let tally = Tally {
            keep_duplicates: options.keep_duplicates,
            extract_entities: options.extract_entities,
            unstemmed: !options.english_stemming,
            ..Tally::default()
        };
        let mut report = IngestReport::default();
        let stdin_path = Path::new("-");
        let (read_stdin, paths) = crate::corpus::named_paths(paths)?;
        let paths = &paths[..];
        let mut ids =
            FileIds::of(self, options.id_root.as_deref()).map_err(|source| Error::Io {
                path: options
                    .id_root
                    .clone()
                    .unwrap_or_else(|| PathBuf::from(".")),
                source,
            })?;
        let mut corpus = Corpus::find(paths, &options.files, &mut ids, false)?;
        for s in corpus.skipped() {
            tally.skip(&s.path, s.line, s.reason.clone());
        }
        report.ignored_files += corpus.ignored_files();
        let (existing, mut indexed) = self.existing_articles(!options.keep_duplicates)?;
        // Single-article files unchanged since their article was indexed are not read (see
        // `stamps`), and the boilerplate of a folder is learned only when a file of it is read.
        // Stamps hold for runs that read files alike and leave out copies alike. Globs change
        // the files a folder's boilerplate is learned from, so they are part of the settings.
        // A run without entity extraction may have passed files over whose articles lack
        // entities: a run with extraction reads them again (see `without_entities`), while
        // one without takes the stamps of either.
        let mut settings = u64::from(options.learn_boilerplate)
            | u64::from(options.keep_duplicates) << 1
            | u64::from(!options.extract_entities) << 2;
        if !options.files.is_empty() {
            settings ^=
                xxhash_rust::xxh3::xxh3_64(options.files.globs().join("\n").as_bytes()) & !7;
        }
        // Files passed over keep the entities of the aliases they were read with.
        settings ^= self.user_aliases.salt & !7;
        let mut stamps = Stamps::load(self.dir(), settings);
        if !options.extract_entities && stamps.is_empty() {
            stamps = Stamps::load(self.dir(), settings & !4);
        }
        // Left out of the in-run comparison of copies, an article passed over must be known to
        // it by its key in the index: one indexed by a `--keep-duplicates` run has none.
        let keyed: HashSet<u64> = indexed.contents.values().map(|&(key, _)| key).collect();
        // Per file: whether it is as it was when last read, and whether the index holds its
        // article (not one of its id read from another file since).
        let seen: Vec<(bool, bool)> = corpus
            .sources
            .iter()
            .map(|src| {
                let key = id_hash(&src.id_base);
                let held = existing.get(&key).is_some_and(|e| {
                    e.source == source_hash(Some(&src.id_base))
                        && (options.keep_duplicates || keyed.contains(&key))
                });
                (stamps.unchanged(key, src.stamp), held)
            })
            .collect();
        let mut read: Vec<bool> = corpus
            .sources
            .iter()
            .zip(&seen)
            .map(|(src, &(same, held))| src.format == Format::JsonLines || !(same && held))
            .collect();
        if options.learn_boilerplate {
            // A file changed or new changes what its folder's boilerplate is: every raw file
            // of the folder is read again with it, as a full run would. (A file read only
            // because it holds no article, a bad file or a copy, changes nothing.)
            let folders: HashSet<&Path> = corpus
                .sources
                .iter()
                .zip(&seen)
                .filter(|(src, &(same, _))| !same && src.format == Format::RawText)
                .filter_map(|(src, _)| src.path.parent())
                .collect();
            for (src, r) in corpus.sources.iter().zip(read.iter_mut()) {
                if src.format == Format::RawText
                    && src.path.parent().is_some_and(|dir| folders.contains(dir))
                {
                    *r = true;
                }
            }
        }
        // The stamps kept: of articles the index holds, and of every file found now.
        let walked: HashSet<u64> = corpus.sources.iter().map(|s| id_hash(&s.id_base)).collect();
        stamps.retain(|key| existing.contains_key(&key) || walked.contains(&key));
        for (src, _) in corpus.sources.iter().zip(&read).filter(|(_, &r)| !r) {
            tally.unchanged.fetch_add(1, Ordering::Relaxed);
            tally.bytes.fetch_add(src.bytes, Ordering::Relaxed);
        }
        if options.learn_boilerplate {
            corpus.learn_boilerplate(|src| read[src]);
        }
        let sources = &corpus.sources[..];
        let to_read: Vec<&Source> = sources
            .iter()
            .zip(&read)
            .filter_map(|(src, &r)| r.then_some(src))
            .collect();
        report.files = sources.len() + usize::from(read_stdin);
        progress(Progress::Found {
            files: to_read.len(),
            bytes: to_read.iter().map(|s| s.bytes).sum(),
            unchanged: sources.len() - to_read.len(),
        });
        // Files gone are found before reading, so that a copy of one of their articles (a file
        // moved or renamed) is indexed, not left out for an article about to go.
        let gone = if options.prune {
            let roots: Vec<String> = paths.iter().map(|p| ids.id_of(p)).collect();
            let gone = gone_sources(&indexed, self.schema.path, sources, &roots, ids.root())?;
            indexed.contents.retain(|_, (key, _)| {
                existing
                    .get(key)
                    .and_then(|e| e.source)
                    .is_none_or(|source| !gone.contains(&source))
            });
            gone
        } else {
            HashSet::new()
        };
        let mut writer = self.writer(options.memory_budget)?;
        self.keep_aliases()?;
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
            stdin_source: source_hash(Some(STDIN)),
            contents: HashMap::new(),
            indexed,
            location: None,
        };
        if read_stdin {
            let read = Arc::new(AtomicU64::new(0));
            let counted = CountingReader {
                inner: std::io::stdin(),
                count: Arc::clone(&read),
            };
            let mut lines = reader::json_lines_from(counted, STDIN);
            let dates = UnreadDates::default();
            run.stream(
                std::iter::from_fn(|| lines.next_raw()),
                &|raw| match raw {
                    Ok(line) => (Some(line.line), dates.check(&line, stdin_article(&line))),
                    Err(e) => (e.line(), Err(e)),
                },
                stdin_path,
                // Its size is not known beforehand: it has no share of the progress bar.
                None,
            )?;
            tally
                .bytes
                .fetch_add(read.load(Ordering::Relaxed), Ordering::Relaxed);
            dates.report(&tally, stdin_path);
        }
        let mut rest = &to_read[..];
        while let Some(&first) = rest.first() {
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
                        let items = self.prepare_file(src, corpus.model_of(src), &existing, &tally);
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
                // This version of the file has been read: whether it is passed over next time
                // depends on the index holding its article then.
                let key = id_hash(&src.id_base);
                match src.stamp {
                    Some(stamp) => stamps.record(key, stamp),
                    None => stamps.forget(key),
                }
            }
            run.maybe_commit()?;
        }
        if options.prune {
            run.prune(&gone, &to_read)?;
        }
        progress(Progress::Committing);
        writer.commit().map_err(|e| self.write_error(e))?;
        writer
            .wait_merging_threads()
            .map_err(|e| self.write_error(e))?;
        self.reader.reload()?;
        // The stamps are a cache of what is indexed: one that cannot be written only makes the
        // next run read every file again.
        let _ = stamps.save(self.dir(), settings);

        report.added = tally.added.into_inner();
        report.updated = tally.updated.into_inner();
        report.unchanged = tally.unchanged.into_inner();
        report.without_date = tally.without_date.into_inner();
        report.duplicates = tally.duplicates.into_inner();
        report.removed = tally.removed.into_inner();
        report.bytes = tally.bytes.into_inner();
        for (list, out) in [
            (tally.skipped, &mut report.skipped),
            (tally.warnings, &mut report.warnings),
        ] {
            *out = list.into_inner().unwrap_or_else(|p| p.into_inner());
            out.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        }
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
        let (existing, indexed) = self.existing_articles(true)?;
        let mut writer = self.writer(IngestOptions::default().memory_budget)?;
        self.keep_aliases()?;
        let mut run = Run {
            index: self,
            writer: &mut writer,
            existing: &existing,
            tally: &tally,
            commit_every: usize::MAX,
            progress: &|_| {},
            pool: None,
            seen: HashMap::new(),
            stdin_source: source_hash(Some(STDIN)),
            contents: HashMap::new(),
            indexed,
            location: None,
        };
        run.stream(
            articles.into_iter(),
            &|article| (None, Ok(article)),
            Path::new("-"),
            None,
        )?;
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
            warnings: tally
                .warnings
                .into_inner()
                .unwrap_or_else(|p| p.into_inner()),
            elapsed: start.elapsed(),
            ..IngestReport::default()
        })
    }

    /// Reads a single-article file (raw text, HTML) and prepares what it holds.
    fn prepare_file(
        &self,
        src: &Source,
        model: Option<&BoilerplateModel>,
        existing: &HashMap<u64, Existing>,
        tally: &Tally,
    ) -> Vec<Prepared> {
        tally.bytes.fetch_add(src.bytes, Ordering::Relaxed);
        match reader::read_file_undetected(&src.path, src.format, &src.id_base, model) {
            Ok(items) => items
                .into_iter()
                .map(|item| self.prepare(None, item, existing, tally))
                .collect(),
            Err(e) => vec![Prepared::Skip {
                line: e.line(),
                reason: e.reason(),
            }],
        }
    }

    /// Everything about one article that can be done in parallel: language, hashes, entities
    /// and the tantivy document. An article the index already holds unchanged is recognised by
    /// its fingerprint before any extraction work is spent on it.
    fn prepare(
        &self,
        line: Option<usize>,
        item: std::result::Result<Article, ReadError>,
        existing: &HashMap<u64, Existing>,
        tally: &Tally,
    ) -> Prepared {
        let mut article = match item {
            Ok(article) => article,
            Err(e) => {
                return Prepared::Skip {
                    line: e.line(),
                    reason: e.reason(),
                }
            }
        };
        if article.id.len() > MAX_ID_BYTES {
            // tantivy cannot index a term this long: the article could never be replaced or
            // found by its id.
            let head: String = article.id.chars().take(40).collect();
            return Prepared::Skip {
                line,
                reason: format!(
                    "id of {} bytes is too long (at most {MAX_ID_BYTES}): {head:?}…",
                    article.id.len()
                ),
            };
        }
        let key = id_hash(&article.id);
        let content = (!tally.keep_duplicates).then(|| content_key(&article));
        let (record, read) = record_and_fingerprint(&article);
        // Entities depend on the user aliases too: an article whose entities were extracted
        // with other aliases is changed.
        let mut fp = read ^ self.user_aliases.salt;
        let source = source_hash(article.path.as_deref());
        let held = existing.get(&key).map(|e| e.fingerprint);
        let unchanged =
            held == Some(fp) || !tally.extract_entities && held == Some(without_entities(read));
        let mut extraction_failed = None;
        let doc = if unchanged {
            None
        } else {
            if article.language.is_none() {
                dateline_core::language::fill(&mut article);
            }
            let mut extracted = true;
            if article.entities.is_empty() {
                if tally.extract_entities {
                    // A bug of the extractor on one article's text must not abort the corpus
                    // (nor lose what is indexed): the article goes in without entities, marked
                    // so that the next run tries again, and the run says so.
                    let extraction = self.extractor.try_extract_in(
                        article.title.as_deref(),
                        &article.body,
                        article.language.as_deref(),
                    );
                    #[cfg(test)]
                    let extraction = tests::fail_on_marker(&article.body).map_or(extraction, Err);
                    match extraction {
                        Ok(entities) => article.entities = entities,
                        Err(failed) => extraction_failed = Some(failed),
                    }
                }
                if !tally.extract_entities || extraction_failed.is_some() {
                    fp = without_entities(read);
                    extracted = false;
                }
            }
            let stemming = if tally.unstemmed {
                Stemming::None
            } else {
                Stemming::for_language(article.language.as_deref())
            };
            Some(to_document(
                &self.schema,
                &article,
                fp,
                content,
                stemming,
                extracted,
            ))
        };
        Prepared::Article(Box::new(Ready {
            dated: article.published.is_some(),
            transcoded: article.transcoded.take(),
            extraction_failed,
            id: article.id,
            line,
            key,
            source,
            record,
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
    existing: &'a HashMap<u64, Existing>,
    tally: &'a Tally,
    commit_every: usize,
    progress: &'a (dyn Fn(Progress<'_>) + Sync),
    /// The reading threads; `None` uses rayon's global pool.
    pool: Option<&'a rayon::ThreadPool>,
    /// Identities applied in this run, with where (file and line) and the fingerprint, so a
    /// repeated id is reported, not indexed twice. One shared name per file: a million lines
    /// of one file cost a million pointers.
    seen: HashMap<u64, Seen>,
    /// [`source_hash`] of standard input: articles read from it may come from any stream.
    stdin_source: Option<u64>,
    /// Content keys (normalised body) applied in this run, each with the identity (`key`) of
    /// the article that holds it, for duplicates.
    contents: HashMap<u64, u64>,
    /// Content keys of the articles indexed before this run, so that a copy of one is a
    /// duplicate in later runs too.
    indexed: Indexed,
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
        let dates = UnreadDates::default();
        let result = self.stream(
            std::iter::from_fn(|| lines.next_raw()),
            &|raw| match raw {
                Ok(line) => (
                    Some(line.line),
                    dates.check(&line, line.parse(&src.id_base)),
                ),
                Err(e) => (e.line(), Err(e)),
            },
            &src.path,
            Some(&read),
        );
        dates.report(self.tally, &src.path);
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
        to_article: &(dyn Fn(T) -> (Option<usize>, std::result::Result<Article, ReadError>) + Sync),
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
                    .map(|item| {
                        let (line, article) = to_article(item);
                        index.prepare(line, article, existing, tally)
                    })
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
            line,
            key,
            source,
            record,
            content,
            doc,
            dated,
            transcoded,
            extraction_failed,
        } = *ready;
        let location = match &self.location {
            Some((p, name)) if p == path => Arc::clone(name),
            _ => {
                let name: Arc<str> = path.display().to_string().into();
                self.location = Some((path.to_path_buf(), Arc::clone(&name)));
                name
            }
        };
        let line_no = line.map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX));
        let here = Seen {
            file: location,
            line: line_no,
            record,
        };
        // Whether this article replaces one of its id read earlier in this run, from another
        // file: as across runs, the later file wins.
        let mut replaces_in_run = false;
        if let Some(first) = self.seen.get(&key) {
            if first.record == record {
                // The same record again: a line repeated in a file or a stream, or a JSON
                // Lines file and its copy. The first stays, with its path.
                tally.duplicates.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
            let first_at = first.at();
            if Arc::ptr_eq(&first.file, &here.file) || doc.is_none() {
                // Within one file a repeated id is the file's own contradiction: the first
                // stays. So does it when this version is the one indexed before the run,
                // which an earlier file of the run has replaced (its document was not built).
                let reason = format!("duplicate id {id:?} (first seen in {first_at})");
                tally.skip(path, line, reason);
                return Ok(());
            }
            let reason = format!(
                "{id:?} replaces the article of that id read from {first_at}: ids are shared \
                 by every file of an index"
            );
            tally.warn(path, line, reason);
            replaces_in_run = true;
        }
        self.seen.insert(key, here);
        let id_term = || Term::from_field_text(self.index.schema.id, &id);
        let indexed = self.existing.get(&key);
        if let Some(content) = content {
            // The article that holds this content: one applied earlier in this run, else one
            // indexed by an earlier run and not read again so far (one read again holds its
            // content in `contents` if it still has it).
            let holder = match self.contents.get(&content) {
                Some(&first) => Some(first),
                None => self
                    .indexed
                    .contents
                    .get(&content)
                    .map(|&(first, _)| first)
                    .filter(|first| !self.seen.contains_key(first)),
            };
            if let Some(holder) = holder.filter(|&holder| holder != key) {
                tally.duplicates.fetch_add(1, Ordering::Relaxed);
                if !self.contents.contains_key(&content) {
                    self.indexed.held_for_copies.insert(holder);
                }
                // A copy indexed by an earlier run (with --keep-duplicates, or before the
                // first copy existed) goes, so the content stays indexed exactly once.
                if indexed.is_some() {
                    self.writer.delete_term(id_term());
                    let reason = format!(
                        "removed {id:?}, indexed by an earlier run: a copy of {} \
                         (--keep-duplicates keeps copies)",
                        self.describe(holder, content)
                    );
                    tally.warn(path, line, reason);
                }
                return Ok(());
            }
            self.contents.insert(content, key);
        }
        let Some(doc) = doc else {
            tally.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        };
        let counter = if replaces_in_run {
            self.writer.delete_term(id_term());
            &tally.updated
        } else if let Some(old) = indexed {
            // Standard input has one name for every stream piped in: any replacement of an
            // article read from it may be of another stream's.
            let other_source = old.source != source || source == self.stdin_source;
            if old.source.is_some() && other_source {
                let from = match self.index.get(&id) {
                    Ok(Some(article)) => article.path.unwrap_or_default(),
                    _ => String::new(),
                };
                let from = match from.as_str() {
                    "" => "another file",
                    STDIN => "standard input",
                    other => other,
                };
                let reason = format!(
                    "{id:?} replaces the article of that id read from {from}: ids are shared \
                     by every file of an index"
                );
                tally.warn(path, line, reason);
            }
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
        if let Some(t) = transcoded {
            tally.warn(path, Some(t.line), t.to_string());
        }
        if let Some(failed) = extraction_failed {
            tally.warn(
                path,
                line,
                format!("{failed}; indexed without entities, which the next run tries again"),
            );
        }
        Ok(())
    }

    /// Where the article `key` holding `content` was read: its file and line if this run read
    /// it, else its id and path as indexed.
    fn describe(&self, key: u64, content: u64) -> String {
        if let Some(seen) = self.seen.get(&key) {
            return seen.at();
        }
        let at = self.indexed.contents.get(&content).map(|&(_, at)| at);
        let text = |field| at.and_then(|at| stored_text(&self.indexed.searcher, at, field));
        let schema = &self.index.schema;
        match (text(schema.id), text(schema.path)) {
            (Some(id), Some(path)) if path != id => format!("{id:?} ({path})"),
            (Some(id), _) => format!("{id:?}"),
            _ => "an article indexed before".to_string(),
        }
    }

    /// Deletes the articles indexed before this run that the named paths no longer hold (see
    /// [`IngestOptions::prune`]): those of the files found gone before the run (`gone`
    /// sources), and those of a file read whole in this run (`read`) that it did not hold. An article
    /// that a copy read in this run was left out for stays: its content would be lost.
    fn prune(&mut self, gone: &HashSet<u64>, read: &[&Source]) -> Result<()> {
        let damaged: HashSet<PathBuf> = lock(&self.tally.skipped)
            .iter()
            .map(|s| s.path.clone())
            .collect();
        let whole: HashSet<u64> = read
            .iter()
            .filter(|s| !damaged.contains(&s.path))
            .filter_map(|s| source_hash(Some(&s.id_base)))
            .collect();
        let searcher = &self.indexed.searcher;
        let id_field = self.index.schema.id;
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let fast = segment.fast_fields();
            let keys = fast.u64("id_hash")?;
            let sources = fast.u64("source")?;
            for doc in segment.doc_ids_alive() {
                let (Some(key), Some(source)) = (keys.first(doc), sources.first(doc)) else {
                    continue;
                };
                let remove = gone.contains(&source)
                    || (whole.contains(&source)
                        && !self.seen.contains_key(&key)
                        && !self.indexed.held_for_copies.contains(&key));
                if !remove {
                    continue;
                }
                let at = tantivy::DocAddress::new(ord as u32, doc);
                if let Some(id) = stored_text(searcher, at, id_field) {
                    self.writer
                        .delete_term(Term::from_field_text(id_field, &id));
                    self.tally.removed.fetch_add(1, Ordering::Relaxed);
                }
            }
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

/// The JSON lines of one stream whose `date` the reader did not recognise: they are indexed
/// without a date (never with a guessed one), and the stream gets one warning, with the count
/// and the first such line, instead of a line each (a scraper writing `22/01/2015` would
/// otherwise fill the report).
#[derive(Default)]
struct UnreadDates {
    count: AtomicUsize,
    /// The first such line (lines are parsed in parallel: the lowest number wins) and what is
    /// wrong with its date.
    first: Mutex<Option<(usize, String)>>,
}

impl UnreadDates {
    /// Notes `line` if it was read without a date although it gives one; passes `read` on.
    fn check(
        &self,
        line: &reader::jsonl::RawLine,
        read: std::result::Result<Article, ReadError>,
    ) -> std::result::Result<Article, ReadError> {
        let undated = matches!(&read, Ok(a) if a.published.is_none());
        // Most undated lines have no `date` at all: a byte search spares them a second parse.
        if !undated || memchr::memmem::find(&line.bytes, b"\"date\"").is_none() {
            return read;
        }
        #[derive(serde::Deserialize)]
        struct DateOnly {
            date: Option<serde_json::Value>,
        }
        let given = match serde_json::from_slice::<DateOnly>(&line.bytes) {
            Ok(DateOnly {
                date: Some(serde_json::Value::String(s)),
            }) if !s.trim().is_empty() => {
                let shown: String = s.chars().take(60).collect();
                format!("{shown:?} not recognised")
            }
            Ok(DateOnly {
                date: Some(serde_json::Value::Number(n)),
            }) => format!(
                "{n} is no Unix timestamp of the years 1800 to 2200 (or is too near 1970 to \
                 tell from a placeholder)"
            ),
            _ => return read,
        };
        self.count.fetch_add(1, Ordering::Relaxed);
        let mut first = self.first.lock().unwrap_or_else(|p| p.into_inner());
        if first.as_ref().is_none_or(|(n, _)| line.line < *n) {
            *first = Some((line.line, given));
        }
        read
    }

    /// The stream's warning, if any line was read without its date.
    fn report(self, tally: &Tally, path: &Path) {
        let count = self.count.into_inner();
        let first = self.first.into_inner().unwrap_or_else(|p| p.into_inner());
        if let Some((line, given)) = first {
            let reason = format!(
                "date {given}: indexed without a date ({count} line{} of this file; the first \
                 is this one)",
                if count == 1 { "" } else { "s" }
            );
            tally.warn(path, Some(line), reason);
        }
    }
}

/// The name standard input's articles get as their path and id base (and their source).
const STDIN: &str = "stdin";

/// A line of standard input read as an article. A line without an `id` is named by a hash of
/// its record (`stdin#0123456789abcdef`), not by its line number as in a file: a stream has no
/// name, so line numbers would let the next stream piped in replace this one's articles.
fn stdin_article(line: &reader::jsonl::RawLine) -> std::result::Result<Article, ReadError> {
    let mut article = line.parse(STDIN)?;
    if article.id == format!("{STDIN}#L{}", line.line) {
        // The record as read, not its bytes: line endings, spacing and key order of a
        // re-exported stream do not change it.
        article.id = format!("{STDIN}#");
        article.id = format!("{STDIN}#{:016x}", record_and_fingerprint(&article).0);
    }
    Ok(article)
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
    /// Identity hash → fingerprint and source of every live article, read from fast columns,
    /// and, with `contents` (copies are left out), the content keys of those articles.
    fn existing_articles(&self, contents: bool) -> Result<(HashMap<u64, Existing>, Indexed)> {
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let mut map = HashMap::with_capacity(searcher.num_docs() as usize);
        let mut held = HashMap::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let fast = segment.fast_fields();
            let ids = fast.u64("id_hash")?;
            let fps = fast.u64("fingerprint")?;
            let sources = fast.u64("source")?;
            let keys = fast.u64("content")?;
            for doc in segment.doc_ids_alive() {
                if let (Some(id), Some(fingerprint)) = (ids.first(doc), fps.first(doc)) {
                    let source = sources.first(doc);
                    map.insert(
                        id,
                        Existing {
                            fingerprint,
                            source,
                        },
                    );
                    if let Some(key) = keys.first(doc).filter(|_| contents) {
                        let at = tantivy::DocAddress::new(ord as u32, doc);
                        held.insert(key, (id, at));
                    }
                }
            }
        }
        let indexed = Indexed {
            contents: held,
            held_for_copies: HashSet::new(),
            searcher,
        };
        Ok((map, indexed))
    }
}

/// Where an id was applied in this run.
struct Seen {
    /// The file (shared by all its articles).
    file: Arc<str>,
    /// The line, 0 for a file of one article.
    line: u32,
    /// The article's record hash ([`record_and_fingerprint`]).
    record: u64,
}

impl Seen {
    /// `file` or `file:line`.
    fn at(&self) -> String {
        match self.line {
            0 => self.file.to_string(),
            n => format!("{}:{n}", self.file),
        }
    }
}

/// The content keys of the articles indexed before a run.
struct Indexed {
    /// Content key → identity and address of the article holding it.
    contents: HashMap<u64, (u64, tantivy::DocAddress)>,
    /// Identities of those articles that a copy read in this run was left out for.
    held_for_copies: HashSet<u64>,
    /// The searcher the addresses are of (the index as the run found it).
    searcher: tantivy::Searcher,
}

/// What a re-run needs to know of an article already indexed.
struct Existing {
    /// Its content hash: an equal one means unchanged.
    fingerprint: u64,
    /// Its [`source_hash`].
    source: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text that makes entity extraction panic in tests, as a bug of the extractor would.
    const FAILING: &str = "[extraction fails here]";

    /// The failure the extractor would report on an article with [`FAILING`] in it.
    pub(super) fn fail_on_marker(body: &str) -> Option<ExtractionFailed> {
        body.contains(FAILING).then(|| ExtractionFailed {
            message: "the extractor failed".to_string(),
        })
    }

    #[test]
    fn an_article_the_extractor_fails_on_is_indexed_without_entities_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("news.jsonl");
        let lines = [
            r#"{"id": "a", "body": "Philip Hammond met John Kerry in London."}"#.to_string(),
            format!(r#"{{"id": "b", "body": "Philip Hammond spoke in Paris. {FAILING}"}}"#),
            r#"{"id": "c", "body": "John Kerry flew to Vienna."}"#.to_string(),
        ];
        std::fs::write(&file, lines.join("\n")).unwrap();
        let index = Index::create_in_ram().unwrap();
        let options = IngestOptions::default();
        let report = index
            .ingest_paths(std::slice::from_ref(&file), &options, &|_| {})
            .unwrap();
        assert_eq!(report.added, 3);
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        let warning = &report.warnings[0];
        assert_eq!(warning.line, Some(2));
        assert!(
            warning.reason.contains("entity extraction failed"),
            "{warning:?}"
        );
        assert_eq!(index.articles_without_entities().unwrap(), 1);
        let naming = |name: &str| {
            let request = crate::SearchRequest::new("").person(name).snippets(false);
            index.search(&request).unwrap().total
        };
        assert_eq!((naming("Philip Hammond"), naming("John Kerry")), (1, 2));
        // The next run tries again: fixed, the extractor finds its entities.
        let fixed = lines[1].replace(FAILING, "");
        std::fs::write(
            &file,
            [&lines[0], &fixed, &lines[2]]
                .map(String::as_str)
                .join("\n"),
        )
        .unwrap();
        let report = index.ingest_paths(&[file], &options, &|_| {}).unwrap();
        assert_eq!((report.updated, report.unchanged), (1, 2));
        assert_eq!(index.articles_without_entities().unwrap(), 0);
        assert_eq!(naming("Philip Hammond"), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_skipped_file_whose_name_is_not_utf8_serialises_lossily_with_its_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let skipped = Skipped {
            path: PathBuf::from(std::ffi::OsStr::from_bytes(b"bad\xff.txt")),
            line: None,
            reason: "empty file".to_string(),
        };
        assert_eq!(
            serde_json::to_string(&skipped).expect("JSON"),
            "{\"path\":\"bad\u{fffd}.txt\",\"path_bytes\":\"YmFk/y50eHQ=\",\"line\":null,\
             \"reason\":\"empty file\"}"
        );
        let plain = Skipped {
            path: PathBuf::from("a.jsonl"),
            line: Some(3),
            reason: "malformed JSON".to_string(),
        };
        assert_eq!(
            serde_json::to_string(&plain).expect("JSON"),
            r#"{"path":"a.jsonl","line":3,"reason":"malformed JSON"}"#
        );
    }
}
