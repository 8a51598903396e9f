//! Opening and creating indexes, with their version check.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use dateline_core::analyzer::{self, NEWS_ANALYZER};
use dateline_core::entities::{AliasTable, EntityExtractor};
use dateline_core::schema::{NewsSchema, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr, INDEX_WRITER_LOCK, META_LOCK,
};
use tantivy::indexer::LogMergePolicy;
use tantivy::schema::FieldType;
use tantivy::{HasLen, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError};

use crate::error::{Error, Result};

/// Name of the file, beside tantivy's, that marks a folder as a Dateline index.
const MARKER_FILE: &str = "dateline.json";
/// The user aliases the index was last built with ([`Index::with_aliases`]), in the alias
/// file format; absent when there are none.
const ALIASES_FILE: &str = "dateline-aliases.tsv";
/// tantivy's own metadata file, written atomically at each commit.
const META_FILE: &str = "meta.json";
/// Suffix of the folder, beside the index, where `--rebuild` builds the new index.
const REBUILD_SUFFIX: &str = ".rebuild";
/// Suffix the old index takes for the moment of the swap.
const OLD_SUFFIX: &str = ".old";
/// How often opening is tried: a concurrent writer may delete merged segments between our
/// reading of `meta.json` and the opening of its files.
const OPEN_ATTEMPTS: u32 = 5;

/// What the marker file records, checked on every open.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Marker {
    format: String,
    schema_version: u32,
    analyzer: String,
}

impl Marker {
    fn current() -> Self {
        Marker {
            format: "dateline".to_string(),
            schema_version: SCHEMA_VERSION,
            analyzer: NEWS_ANALYZER.to_string(),
        }
    }

    fn describe(&self) -> String {
        format!(
            "schema v{} and analyzer {}",
            self.schema_version, self.analyzer
        )
    }
}

/// A Dateline index: a tantivy index with the news schema, its analyzer and entity extractor.
///
/// # Example
/// ```
/// use dateline_index::Index;
///
/// let index = Index::create_in_ram()?;
/// assert_eq!(index.num_articles(), 0);
/// # Ok::<(), dateline_index::Error>(())
/// ```
pub struct Index {
    pub(crate) index: tantivy::Index,
    pub(crate) schema: NewsSchema,
    pub(crate) reader: IndexReader,
    pub(crate) dir: Option<PathBuf>,
    pub(crate) extractor: Arc<EntityExtractor>,
    /// The aliases added to the built-in table.
    pub(crate) user_aliases: UserAliases,
    /// Article ids and the opened date column per segment, loaded on first need: hits then get
    /// their id and date without decompressing a stored document or a block of the id column's
    /// dictionary, or opening a column.
    pub(crate) columns: crate::search::ColumnCache,
    /// Bit sets of dense filters that come back (see [`Index::set_filter_cache_budget`]).
    pub(crate) filters: Arc<crate::filter_cache::FilterCache>,
    /// Set while articles are added: merges then read postings and positions through a
    /// `pread` window (see [`PreadFile`]). `None` for an index in memory.
    adding: Option<Arc<AtomicBool>>,
    /// The folder as it was when the index was opened (see [`dir_identity`]): a writer taken
    /// later checks that a rebuild did not put another index in its place meanwhile.
    identity: Option<DirIdentity>,
    /// Set on the index a rebuild fills ([`Index::begin_rebuild`]). Last, so that the index's
    /// files are closed before a rebuild given up removes them.
    rebuilding: Option<Rebuilding>,
}

/// A rebuild under way (see [`Index::begin_rebuild`]): the old index's writer lock, held until
/// the new index is in its place, and the folder the new one is built in.
struct Rebuilding {
    /// The index to replace.
    dir: PathBuf,
    /// `DIR.rebuild`, where the new index is built.
    staging: PathBuf,
    /// The writer lock of `dir`, as an ingest takes it: while it is held, no other process
    /// writes to the old index (its work would be lost in the swap) or starts a rebuild of
    /// its own. `None` where the folder takes no lock file (read-only: nobody writes there).
    _lock: Option<DirectoryLock>,
    /// The new index is in place.
    done: bool,
}

impl Drop for Rebuilding {
    /// A rebuild given up (failed, refused, or dropped without [`Index::finish_rebuild`])
    /// removes its half-built index, then lets go of the old index's lock.
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// The aliases an index adds to the built-in table (see [`Index::with_aliases`]).
#[derive(Default)]
pub(crate) struct UserAliases {
    table: AliasTable,
    /// The table in the file format, as the index folder keeps it.
    tsv: String,
    /// A hash of `tsv`, 0 for no aliases: mixed into the fingerprint of every article whose
    /// entities were extracted, as those depend on the table.
    pub(crate) salt: u64,
}

impl UserAliases {
    fn of(table: AliasTable) -> Self {
        let tsv = table.to_tsv();
        let salt = if table.is_empty() {
            0
        } else {
            // Never 0, so that no table's articles pass for those of none.
            xxhash_rust::xxh3::xxh3_64(tsv.as_bytes()) | 1
        };
        UserAliases { table, tsv, salt }
    }
}

/// The user aliases kept in the index folder `dir`: none when it keeps no file.
fn stored_aliases(dir: &Path) -> Result<AliasTable> {
    let path = dir.join(ALIASES_FILE);
    match fs::read_to_string(&path) {
        Ok(text) => {
            AliasTable::parse(&text).map_err(|source| Error::StoredAliases { path, source })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(AliasTable::empty()),
        Err(source) => Err(Error::Io { path, source }),
    }
}

/// While alive, the index's merges read postings and positions through a `pread` window.
pub(crate) struct Adding(Option<Arc<AtomicBool>>);

impl Drop for Adding {
    fn drop(&mut self) {
        if let Some(flag) = &self.0 {
            flag.store(false, Ordering::Relaxed);
        }
    }
}

/// Segments of at least this many articles are left out of merges while articles are added:
/// an indexing thread closes segments of about 120,000 news articles with the default writer
/// memory, and merging those is rewriting the index.
const MERGE_BELOW: usize = 50_000;

/// The merge policy of every writer: tantivy's, without the segments of `MERGE_BELOW` articles
/// or more.
fn merge_policy() -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_max_docs_before_merge(MERGE_BELOW);
    policy
}

impl Index {
    /// Creates an index that lives in memory only (tests, short-lived programs).
    pub fn create_in_ram() -> Result<Self> {
        let schema = NewsSchema::new();
        let index = tantivy::Index::create_in_ram(schema.schema.clone());
        Self::wrap(index, schema, None, None)
    }

    /// Creates a new index in `dir` (created if missing; it must be empty if it exists).
    pub fn create(dir: &Path) -> Result<Self> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io)?;
        // A folder of other files is refused before anything, even a lock file, goes in.
        if !creation_leftover(dir) && holds_files(dir).map_err(io)? {
            return Err(occupied(dir));
        }
        // Creating is writing: it gives way to the process that holds the folder's writer
        // lock (a rebuild that will put its index here, another creation), and is looked at
        // again once the lock is ours.
        let _lock = lock_writer(dir)?;
        if creation_leftover(dir) {
            // Killed while creating: nothing was ever indexed here. Start the creation again
            // (lock files stay: the one of the writer lock is held).
            for entry in fs::read_dir(dir).map_err(io)?.flatten() {
                if !is_lock_file(&entry.file_name().to_string_lossy()) {
                    fs::remove_file(entry.path()).map_err(io)?;
                }
            }
        }
        if holds_files(dir).map_err(io)? {
            return Err(occupied(dir));
        }
        let marker = serde_json::to_vec_pretty(&Marker::current())
            .map_err(|e| io(std::io::Error::other(e)))?;
        let schema = NewsSchema::new();
        let identity = dir_identity(dir);
        let directory = IndexDirectory::open(dir)?;
        let adding = Arc::clone(&directory.adding);
        let index = tantivy::Index::create(
            directory,
            schema.schema.clone(),
            tantivy::IndexSettings::default(),
        )?;
        // The marker goes last: a folder with it is a complete, openable index.
        fs::write(dir.join(MARKER_FILE), marker).map_err(io)?;
        let mut created = Self::wrap(index, schema, Some(dir.to_path_buf()), Some(adding))?;
        created.identity = identity;
        Ok(created)
    }

    /// Opens the index in `dir`, checking that it was written by a compatible version.
    pub fn open(dir: &Path) -> Result<Self> {
        let marker_path = dir.join(MARKER_FILE);
        let bytes = match fs::read(&marker_path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let non_empty = fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
                return Err(if !non_empty || creation_leftover(dir) {
                    Error::NotFound {
                        dir: dir.to_path_buf(),
                    }
                } else if holds_dateline_meta(dir) {
                    // tantivy's files of a Dateline index without the marker: lost, not
                    // another program's folder.
                    damaged_at(dir, format!("{MARKER_FILE} is missing"))
                } else {
                    Error::NotAnIndex {
                        dir: dir.to_path_buf(),
                    }
                });
            }
            Err(source) => {
                return Err(Error::Io {
                    path: marker_path,
                    source,
                })
            }
        };
        // Only Dateline writes this file: one that does not parse was cut short or
        // overwritten, and the folder is a damaged index rather than someone else's.
        let marker: Marker = serde_json::from_slice(&bytes)
            .map_err(|e| damaged_at(dir, format!("{MARKER_FILE} cannot be read: {e}")))?;
        if marker != Marker::current() {
            return Err(Error::IncompatibleVersion {
                dir: dir.to_path_buf(),
                found: marker.describe(),
                expected: Marker::current().describe(),
            });
        }
        let mut attempt = 1;
        loop {
            match Self::open_checked(dir) {
                Err(Error::Tantivy(e)) if attempt < OPEN_ATTEMPTS && is_missing_file(&e) => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(20 * u64::from(attempt)));
                }
                Err(Error::Tantivy(e)) => return Err(open_error(dir, e)),
                other => return other,
            }
        }
    }

    /// Opens tantivy's index in `dir` and checks its schema and analyzers against this build.
    fn open_checked(dir: &Path) -> Result<Self> {
        let incompatible = |found: String| Error::IncompatibleVersion {
            dir: dir.to_path_buf(),
            found,
            expected: Marker::current().describe(),
        };
        // Before the files are read: a folder swapped in meanwhile then looks replaced to a
        // writer, never the other way round.
        let identity = dir_identity(dir);
        let directory = IndexDirectory::open(dir)?;
        let adding = Arc::clone(&directory.adding);
        let index = tantivy::Index::open(directory)?;
        let schema = NewsSchema::from_schema(&index.schema())
            .ok_or_else(|| incompatible("a schema without Dateline's fields".to_string()))?;
        let mut opened = Self::wrap(index, schema, Some(dir.to_path_buf()), Some(adding))?;
        opened.identity = identity;
        let aliases = stored_aliases(dir)?;
        if !aliases.is_empty() {
            opened = opened.with_aliases(aliases);
        }
        // The marker could lie (copied by hand, edited): the analyzers named in the schema
        // itself must be ones this build registers.
        for (_, entry) in opened.index.schema().fields() {
            if let FieldType::Str(options) = entry.field_type() {
                if let Some(indexing) = options.get_indexing_options() {
                    let name = indexing.tokenizer();
                    if opened.index.tokenizers().get(name).is_none() {
                        return Err(incompatible(format!("the unknown analyzer {name}")));
                    }
                }
            }
        }
        Ok(opened)
    }

    /// Starts a rebuild of the index in `dir`: returns a new, empty index in a folder beside
    /// it (`DIR.rebuild`), to fill and then put in place with [`Index::finish_rebuild`]. The old
    /// index stays untouched (and searchable) until then, so a failed or interrupted rebuild
    /// leaves it as it was.
    ///
    /// From now until the new index is in place, the old one is locked as an ingest locks it:
    /// another ingest, rebuild or [`Index::optimize`] fails with [`Error::Locked`], and the
    /// rebuild does not start ([`Error::Locked`]) while another process writes to the old
    /// index. A missing `dir` is created (empty) to hold the lock. Dropped without
    /// [`Index::finish_rebuild`], the returned index gives the rebuild up: `DIR.rebuild` is
    /// removed and the old index unlocked.
    ///
    /// `dir` must hold a Dateline index (of any version), or be missing or empty: a folder of
    /// other files is never replaced. The new index extracts entities with the user aliases
    /// the old one keeps (see [`Index::with_aliases`]), unless given others.
    pub fn begin_rebuild(dir: &Path) -> Result<Self> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let holds_other_files =
            holds_files(dir).unwrap_or(false) && !is_index(dir)? && !exists(&dir.join(META_FILE))?;
        if holds_other_files {
            return Err(Error::NotAnIndex {
                dir: dir.to_path_buf(),
            });
        }
        let staging = sibling(dir, REBUILD_SUFFIX)?;
        fs::create_dir_all(dir).map_err(io)?;
        let rebuilding = Rebuilding {
            dir: dir.to_path_buf(),
            staging,
            _lock: lock_writer(dir)?,
            done: false,
        };
        // A leftover of an interrupted rebuild (a Dateline index, what creating one leaves, or
        // nothing) is ours: never searched, and no other rebuild builds there while we hold
        // the lock. Anything else under that name is the user's, and stays.
        let staging = &rebuilding.staging;
        let ours = !staging.exists()
            || is_index(staging)?
            || creation_leftover(staging)
            || !holds_files(staging).map_err(|source| Error::Io {
                path: staging.clone(),
                source,
            })?;
        if !ours {
            let dir = staging.clone();
            // Given up before it began: the folder is not ours to remove on the way out.
            let mut rebuilding = rebuilding;
            rebuilding.done = true;
            return Err(Error::RebuildFolderTaken { dir });
        }
        remove_dir_if_present(staging)?;
        let aliases = stored_aliases(dir)?;
        // Should the creation fail, `rebuilding` goes and takes the folder with it.
        let mut index = Self::create(&rebuilding.staging)?;
        if !aliases.is_empty() {
            index = index.with_aliases(aliases);
        }
        index.rebuilding = Some(rebuilding);
        Ok(index)
    }

    /// Puts this index, built since [`Index::begin_rebuild`], in place of the old one, and
    /// opens it there. The swap is two renames on the same file system, done under the old
    /// index's lock.
    ///
    /// A rebuild that holds no article does not replace an index that holds some (an empty
    /// or mistyped input folder): it fails with [`Error::EmptyRebuild`], the old index kept
    /// as it was and `DIR.rebuild` removed.
    pub fn finish_rebuild(mut self) -> Result<Self> {
        let Some(mut rebuilding) = self.rebuilding.take() else {
            return Err(Error::Io {
                path: self.dir.clone().unwrap_or_default(),
                source: io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "this index is not a rebuild (see Index::begin_rebuild)",
                ),
            });
        };
        drop(self);
        let dir = rebuilding.dir.clone();
        let staging = rebuilding.staging.clone();
        // Refuse to swap in anything that does not open, or an empty index for a full one.
        let built = Self::open(&staging)?.num_articles();
        if built == 0 {
            let kept = articles_on_disk(&dir);
            if kept != Some(0) {
                // `rebuilding` goes: DIR.rebuild is removed, the old index unlocked.
                return Err(Error::EmptyRebuild { dir, kept });
            }
        }
        let old = sibling(&dir, OLD_SUFFIX)?;
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        if exists(&dir)? {
            remove_dir_if_present(&old)?;
            fs::rename(&dir, &old).map_err(io(&dir))?;
            if let Err(source) = fs::rename(&staging, &dir) {
                // Put the old index back.
                let _ = fs::rename(&old, &dir);
                return Err(io(&dir)(source));
            }
            rebuilding.done = true;
            // The old index goes (with its lock file, still held until `rebuilding` goes).
            fs::remove_dir_all(&old).map_err(io(&old))?;
        } else {
            fs::rename(&staging, &dir).map_err(io(&dir))?;
            rebuilding.done = true;
        }
        drop(rebuilding);
        Self::open(&dir)
    }

    /// Opens the index in `dir`, creating it when the folder is missing or empty.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        match Self::open(dir) {
            Err(Error::NotFound { .. }) => Self::create(dir),
            other => other,
        }
    }

    fn wrap(
        index: tantivy::Index,
        schema: NewsSchema,
        dir: Option<PathBuf>,
        adding: Option<Arc<AtomicBool>>,
    ) -> Result<Self> {
        // tantivy starts every opened index with a fresh tokenizer manager.
        analyzer::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Index {
            index,
            schema,
            reader,
            dir,
            extractor: Arc::new(EntityExtractor::new()),
            user_aliases: UserAliases::default(),
            columns: crate::search::ColumnCache::default(),
            filters: Arc::default(),
            adding,
            identity: None,
            rebuilding: None,
        })
    }

    /// Marks the index as taking articles until the returned value is dropped: its merges then
    /// read postings and positions through a `pread` window instead of the memory map.
    pub(crate) fn adding(&self) -> Adding {
        if let Some(flag) = &self.adding {
            flag.store(true, Ordering::Relaxed);
        }
        Adding(self.adding.clone())
    }

    /// Adds user aliases to the built-in table, for extraction and entity filters alike, in
    /// place of those the index keeps.
    ///
    /// An index keeps the user aliases its last ingest ran with, in its folder, and an opened
    /// index uses them: the entities of its articles were extracted with them. Given here and
    /// then used by an ingest ([`Index::ingest_paths`], [`Index::add_articles`]), a table that
    /// differs from the kept one replaces it, and every article is indexed again (counted as
    /// updated) so that its entities come from the new table; an empty table goes back to the
    /// built-in aliases alone. Given only for searching, it changes how filters resolve names
    /// and nothing in the index.
    ///
    /// # Example
    /// ```
    /// use dateline_core::entities::AliasTable;
    /// use dateline_index::{Index, SearchRequest};
    ///
    /// let aliases = AliasTable::parse("ORG\tPetroleum Exporters\tOPEC\n").unwrap();
    /// let index = Index::create_in_ram()?.with_aliases(aliases);
    /// let mut article = dateline_core::Article::new("a1", "OPEC ministers met in Vienna.");
    /// article.title = Some("OPEC meets".into());
    /// index.add_articles([article])?;
    /// let hits = index.search(&SearchRequest::new("").org("Petroleum Exporters"))?;
    /// assert_eq!(hits.total, 1);
    /// assert_eq!(index.user_aliases().len(), 1);
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn with_aliases(mut self, aliases: AliasTable) -> Self {
        let mut table = AliasTable::builtin();
        table.merge(aliases.clone());
        self.extractor = Arc::new(EntityExtractor::with_aliases(table));
        self.user_aliases = UserAliases::of(aliases);
        self
    }

    /// The aliases this index adds to the built-in table: those given to
    /// [`Index::with_aliases`], else those it keeps from its last ingest (empty for none).
    pub fn user_aliases(&self) -> &AliasTable {
        &self.user_aliases.table
    }

    /// Makes the index folder keep the user aliases in use, if they are not the ones it
    /// keeps: called by an ingest, under the writer lock, before it adds anything. The file
    /// is replaced in one step, so that a reader sees the old table or the new one.
    pub(crate) fn keep_aliases(&self) -> Result<()> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let path = dir.join(ALIASES_FILE);
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        let kept = match fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(source) => return Err(Error::Io { path, source }),
        };
        let tsv = &self.user_aliases.tsv;
        match kept {
            Some(text) if text == *tsv => Ok(()),
            None if tsv.is_empty() => Ok(()),
            Some(_) if tsv.is_empty() => fs::remove_file(&path).map_err(io(&path)),
            _ => {
                let temporary = dir.join(format!("{ALIASES_FILE}.tmp"));
                fs::write(&temporary, tsv).map_err(io(&temporary))?;
                fs::rename(&temporary, &path).map_err(io(&path))
            }
        }
    }

    /// The entity extractor used when articles are added.
    pub fn extractor(&self) -> &EntityExtractor {
        &self.extractor
    }

    /// The schema and its fields.
    pub fn schema(&self) -> &NewsSchema {
        &self.schema
    }

    /// The folder the index lives in (`None` in RAM).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The underlying tantivy index, for what Dateline does not wrap.
    pub fn tantivy(&self) -> &tantivy::Index {
        &self.index
    }

    /// Sets how many bytes the filter cache may hold (default 64 MiB; 0 turns it off).
    ///
    /// A date or entity filter of one term, or a union of terms (`--person Reagan`: the full
    /// name and the bare surname), that matches at least one article in 64 of a segment is
    /// kept as a bit set over the segment (an eighth of a byte per article) from its second use
    /// on, the least recently used dropped first: searches filtered by a frequent entity
    /// (`--entity "United States"`) then check a bit instead of walking postings. A one-off
    /// search builds nothing. Results are the same either way.
    ///
    /// # Example
    /// ```
    /// use dateline_index::Index;
    ///
    /// let index = Index::create_in_ram()?;
    /// index.set_filter_cache_budget(16 << 20);
    /// assert_eq!(index.filter_cache_bytes(), 0);
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn set_filter_cache_budget(&self, bytes: usize) {
        self.filters.set_budget(bytes);
    }

    /// Bytes the filter cache holds now (see [`Index::set_filter_cache_budget`]).
    pub fn filter_cache_bytes(&self) -> usize {
        self.filters.bytes()
    }

    /// Number of articles searchable now.
    pub fn num_articles(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Makes the latest commit (possibly by another process) visible to searches.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    pub(crate) fn writer(&self, memory_budget: usize) -> Result<IndexWriter<TantivyDocument>> {
        let writer = self.index.writer(memory_budget);
        // The folder must still hold the index that was opened: a rebuild that finished since
        // put another one there, and this run's view of the articles (what is unchanged) is
        // the old index's. Checked with the lock held, so no swap can come after.
        if self.replaced() {
            return Err(Error::Replaced {
                dir: self.dir.clone().unwrap_or_default(),
            });
        }
        let writer: IndexWriter<TantivyDocument> = writer.map_err(|e| self.write_error(e))?;
        // tantivy's default policy merges any eight segments of similar size: at a million
        // articles that rewrote the whole index (some 980,000 articles) while the ingest
        // went on, 13% of its CPU. Only segments under `MERGE_BELOW` articles merge here
        // (the leftovers of commits, the small runs of re-indexing); `dateline optimize`
        // merges everything when asked.
        writer.set_merge_policy(Box::new(merge_policy()));
        Ok(writer)
    }

    /// Whether the index folder is no longer the one opened (replaced by a rebuild, or gone).
    fn replaced(&self) -> bool {
        match (&self.identity, &self.dir) {
            (Some(identity), Some(dir)) => !identity.is_at(dir),
            _ => false,
        }
    }

    /// Turns an error of the writer (taking the lock, adding, committing) into one that says
    /// what happened to the index: locked by another process, or not writable and why.
    pub(crate) fn write_error(&self, e: TantivyError) -> Error {
        let dir = self.dir.clone().unwrap_or_default();
        if let TantivyError::LockFailure(LockError::LockBusy, _) = e {
            return Error::Locked { dir };
        }
        match io_error_of(&e) {
            Some(source) => Error::Write { dir, source },
            // A failed indexing thread loses its I/O error on the way (tantivy logs it, or
            // passes it on as text in an internal error): ask the folder itself whether it
            // takes writes.
            None if matches!(
                e,
                TantivyError::ErrorInThread(_) | TantivyError::InternalError(_)
            ) =>
            {
                match probe_write(&dir) {
                    Err(source) => Error::Write { dir, source },
                    Ok(()) => Error::Tantivy(e),
                }
            }
            None => Error::Tantivy(e),
        }
    }
}

impl Index {
    /// `e`, or [`Error::Damaged`] naming the index's folder when `e` says that its files are
    /// damaged (a stored article that does not decompress, a file cut short): the errors that
    /// reading an opened index meets. An index in memory keeps `e`.
    pub(crate) fn damaged(&self, e: Error) -> Error {
        match (e, &self.dir) {
            (Error::Tantivy(t), Some(dir)) => match damage(&t) {
                Some(message) => damaged_at(dir, message),
                None => Error::Tantivy(t),
            },
            (e, _) => e,
        }
    }
}

/// Writes, syncs and removes a small file in `dir`: the error says why the folder takes no
/// writes (full, read-only, no permission).
fn probe_write(dir: &Path) -> io::Result<()> {
    use std::io::Write;
    let path = dir.join(".dateline-write-probe");
    let result = fs::File::create(&path).and_then(|mut f| {
        f.write_all(&[0u8; 256 * 1024])?;
        f.sync_all()
    });
    let _ = fs::remove_file(&path);
    result
}

/// tantivy's memory-mapped directory, except that a read-only index can still be searched:
/// the lock that readers take while loading `meta.json` (against a concurrent garbage
/// collection, which needs write access anyway) is skipped where it cannot be created.
#[derive(Clone, Debug)]
struct IndexDirectory {
    mmap: MmapDirectory,
    root: PathBuf,
    /// Articles are being added ([`Index::adding`]), shared by the directory's clones.
    adding: Arc<AtomicBool>,
}

impl IndexDirectory {
    fn open(dir: &Path) -> tantivy::Result<Self> {
        Ok(IndexDirectory {
            mmap: MmapDirectory::open(dir)?,
            root: dir.to_path_buf(),
            adding: Arc::new(AtomicBool::new(false)),
        })
    }
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let reads = match path.extension().and_then(|e| e.to_str()) {
            Some("store") => Reads::Store,
            Some("idx" | "pos") => Reads::Postings(Arc::clone(&self.adding)),
            _ => return self.mmap.get_file_handle(path),
        };
        Ok(Arc::new(PreadFile::open(self, path, reads)?))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.mmap.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.mmap.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.mmap.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.mmap.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.mmap.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.mmap.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.mmap.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if lock.filepath == META_LOCK.filepath
                    && matches!(
                        e.kind(),
                        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                    ) =>
            {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.mmap.watch(watch_callback)
    }
}

/// A file that merges read in large pieces, served by `pread` for those pieces. Searches read
/// a few blocks at a time through tantivy's memory map, as before. Through the map, the pages
/// a merge reads would stay resident, and counted in the process's memory, until the merge
/// ends (hundreds of MB at a million articles); a `pread` buffer is freed as soon as the piece
/// is copied. Reads beyond [`PREAD_UP_TO`] use the map again: its pages, unlike a buffer's,
/// can be reclaimed by the system under memory pressure.
#[derive(Debug)]
struct PreadFile {
    mapped: Arc<dyn FileHandle>,
    file: fs::File,
    reads: Reads,
    /// The last [`POSTINGS_WINDOW`] read, and where it starts in the file.
    window: Mutex<Option<(usize, OwnedBytes)>>,
}

/// Which reads of a [`PreadFile`] bypass the memory map.
#[derive(Debug)]
enum Reads {
    /// A document store (`.store`, the stored articles, most of an index): a merge reads each
    /// whole, so reads from [`STORE_PREAD_FROM`] on (no search reads that much at once: a
    /// block is tens of KB).
    Store,
    /// Postings or positions (`.idx`, `.pos`): a merge reads every term's list in file order,
    /// most of them a few bytes long, and a search reads the same lists; so only while
    /// articles are being added (the flag), through a window of [`POSTINGS_WINDOW`] bytes
    /// read at a time, which serves the next lists without a read of their own.
    Postings(Arc<AtomicBool>),
}

/// Reads of a store file from this size on bypass the memory map.
const STORE_PREAD_FROM: usize = 1 << 20;
/// The window of postings and positions read at once while articles are being added.
const POSTINGS_WINDOW: usize = 256 << 10;
/// The largest read served by `pread` (the largest store at a million articles is about 310 MB).
const PREAD_UP_TO: usize = 1 << 30;

impl PreadFile {
    fn open(directory: &IndexDirectory, path: &Path, reads: Reads) -> Result<Self, OpenReadError> {
        let mapped = directory.mmap.get_file_handle(path)?;
        let full = directory.root.join(path);
        let file = fs::File::open(&full)
            .map_err(|io_error| OpenReadError::wrap_io_error(io_error, full.clone()))?;
        Ok(PreadFile {
            mapped,
            file,
            reads,
            window: Mutex::new(None),
        })
    }

    #[cfg(unix)]
    fn pread(&self, range: std::ops::Range<usize>) -> io::Result<OwnedBytes> {
        use std::os::unix::fs::FileExt;
        let mut buffer = vec![0; range.len()];
        self.file.read_exact_at(&mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }

    /// `range` from the window, which is read anew (from `range.start`) when it does not
    /// hold it. The pieces handed out share the window's buffer.
    #[cfg(unix)]
    fn windowed(&self, range: std::ops::Range<usize>) -> io::Result<OwnedBytes> {
        if range.len() >= POSTINGS_WINDOW {
            return self.pread(range);
        }
        let mut window = self.window.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((start, bytes)) = &*window {
            if range.start >= *start && range.end <= start + bytes.len() {
                return Ok(bytes.slice(range.start - start..range.end - start));
            }
        }
        let end = (range.start + POSTINGS_WINDOW)
            .min(self.len())
            .max(range.end);
        let bytes = self.pread(range.start..end)?;
        let piece = bytes.slice(0..range.len());
        *window = Some((range.start, bytes));
        Ok(piece)
    }
}

impl HasLen for PreadFile {
    fn len(&self) -> usize {
        self.mapped.len()
    }
}

impl FileHandle for PreadFile {
    fn read_bytes(&self, range: std::ops::Range<usize>) -> io::Result<OwnedBytes> {
        #[cfg(unix)]
        match &self.reads {
            Reads::Store if (STORE_PREAD_FROM..=PREAD_UP_TO).contains(&range.len()) => {
                return self.pread(range);
            }
            Reads::Postings(adding)
                if adding.load(Ordering::Relaxed) && range.len() <= PREAD_UP_TO =>
            {
                return self.windowed(range);
            }
            _ => {}
        }
        self.mapped.read_bytes(range)
    }
}

/// The I/O error inside a tantivy error, rebuilt so that it can be owned.
fn io_error_of(e: &TantivyError) -> Option<io::Error> {
    let inner = match e {
        TantivyError::IoError(io)
        | TantivyError::LockFailure(LockError::IoError(io), _)
        | TantivyError::OpenWriteError(OpenWriteError::IoError { io_error: io, .. })
        | TantivyError::OpenReadError(OpenReadError::IoError { io_error: io, .. })
        | TantivyError::OpenDirectoryError(OpenDirectoryError::IoError { io_error: io, .. }) => io,
        _ => return None,
    };
    Some(match inner.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(inner.kind(), inner.to_string()),
    })
}

/// Whether opening failed because a file named in `meta.json` is gone (deleted by a
/// concurrent merge: worth another try).
fn is_missing_file(e: &TantivyError) -> bool {
    matches!(
        e,
        TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(_))
    ) || io_error_of(e).is_some_and(|io| io.kind() == io::ErrorKind::NotFound)
}

/// The error for an index whose files tantivy could not open.
fn open_error(dir: &Path, e: TantivyError) -> Error {
    if let Some(message) = damage(&e) {
        return damaged_at(dir, message);
    }
    match io_error_of(&e) {
        Some(source) if source.kind() != io::ErrorKind::NotFound => Error::Io {
            path: dir.to_path_buf(),
            source,
        },
        _ => damaged_at(dir, e.to_string()),
    }
}

/// What `e` says is wrong with the index's files, if it says they are damaged: a file missing,
/// cut short, overwritten or otherwise not decodable. tantivy reports most of these as I/O
/// errors of kind `InvalidData` or `UnexpectedEof` (a footer that is not one, a block that
/// does not decompress), which are no failure of the disk or of permissions.
fn damage(e: &TantivyError) -> Option<String> {
    match e {
        TantivyError::DataCorruption(_) | TantivyError::IncompatibleIndex(_) => Some(e.to_string()),
        // A stored article whose bytes decompressed but do not read back as one.
        TantivyError::DeserializeError(_) => Some(format!("its files do not decode: {e}")),
        TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(path)) => {
            let name = path.file_name().unwrap_or(path.as_os_str());
            Some(format!("{} is missing", Path::new(name).display()))
        }
        TantivyError::OpenReadError(OpenReadError::IncompatibleIndex(_)) => Some(e.to_string()),
        _ => io_error_of(e)
            .filter(|io| {
                matches!(
                    io.kind(),
                    io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof
                )
            })
            .map(|io| format!("its files do not decode: {io}")),
    }
}

/// [`Error::Damaged`] for the index in `dir`, naming the segment file that is cut short or
/// overwritten at its end when there is one (tantivy's own message names none, and tells to
/// upgrade tantivy).
fn damaged_at(dir: &Path, message: String) -> Error {
    Error::Damaged {
        dir: dir.to_path_buf(),
        message: broken_footer(dir).map_or(message, |file| {
            format!("{file} is cut short or overwritten at its end")
        }),
    }
}

/// The first file of the index's segments (by `meta.json`) whose tantivy footer is missing or
/// malformed: a file cut short, or overwritten at its end. Only the end of each file is read.
fn broken_footer(dir: &Path) -> Option<String> {
    use tantivy::directory::footer::Footer;
    use tantivy::index::SegmentComponent;
    let directory = MmapDirectory::open(dir).ok()?;
    let index = tantivy::Index::open(directory.clone()).ok()?;
    for meta in index.searchable_segment_metas().ok()? {
        let mut components = vec![
            SegmentComponent::Postings,
            SegmentComponent::Positions,
            SegmentComponent::Terms,
            SegmentComponent::Store,
            SegmentComponent::FastFields,
            SegmentComponent::FieldNorms,
        ];
        if meta.has_deletes() {
            components.push(SegmentComponent::Delete);
        }
        for component in components {
            let path = meta.relative_path(component);
            // A missing file is named by tantivy's error itself.
            let Ok(file) = directory.open_read(&path) else {
                continue;
            };
            if Footer::extract_footer(file).is_err() {
                return Some(path.display().to_string());
            }
        }
    }
    None
}

/// Whether `dir` holds a tantivy `meta.json` whose schema is a Dateline index's (of this
/// version or another: the fields that name it as ours).
fn holds_dateline_meta(dir: &Path) -> bool {
    let Ok(text) = fs::read_to_string(dir.join(META_FILE)) else {
        return false;
    };
    let Ok(meta) = serde_json::from_str::<serde_json::Value>(&text) else {
        return false;
    };
    let Some(fields) = meta.get("schema").and_then(|s| s.as_array()) else {
        return false;
    };
    let names: Vec<&str> = fields
        .iter()
        .filter_map(|f| f.get("name")?.as_str())
        .collect();
    DATELINE_FIELDS.iter().all(|f| names.contains(f))
}

/// Fields only a Dateline schema has together: the typed entities, their filter keys and
/// the article fingerprint.
const DATELINE_FIELDS: [&str; 3] = ["entity", "entity_key", "fingerprint"];

/// Takes the writer lock of the folder `dir`, the one tantivy's `IndexWriter` takes
/// (`.tantivy-writer.lock`, released when dropped): [`Error::Locked`] while another writer
/// holds it. `None` where the folder takes no lock file (read-only, or no permission: no
/// dateline process of ours writes there either).
fn lock_writer(dir: &Path) -> Result<Option<DirectoryLock>> {
    let directory = MmapDirectory::open(dir).map_err(|e| open_error(dir, e.into()))?;
    match directory.acquire_lock(&INDEX_WRITER_LOCK) {
        Ok(lock) => Ok(Some(lock)),
        Err(LockError::LockBusy) => Err(Error::Locked {
            dir: dir.to_path_buf(),
        }),
        Err(e) => {
            let e = TantivyError::LockFailure(e, None);
            match io_error_of(&e) {
                Some(source)
                    if matches!(
                        source.kind(),
                        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                    ) =>
                {
                    Ok(None)
                }
                Some(source) => Err(Error::Write {
                    dir: dir.to_path_buf(),
                    source,
                }),
                None => Err(Error::Tantivy(e)),
            }
        }
    }
}

/// The index folder as it was opened: the folder itself, kept open, so that its device and
/// inode stay its own (file systems that number inodes on the fly, as overlayfs may, keep the
/// number of one in use), to be told from another folder put at the same path.
#[derive(Debug)]
struct DirIdentity(fs::File);

/// The folder at `dir` now (`None` when it cannot be opened, and where there are no inodes).
#[cfg(unix)]
fn dir_identity(dir: &Path) -> Option<DirIdentity> {
    fs::File::open(dir).ok().map(DirIdentity)
}

#[cfg(not(unix))]
fn dir_identity(_dir: &Path) -> Option<DirIdentity> {
    None
}

impl DirIdentity {
    /// Whether the folder at `dir` is this one.
    #[cfg(unix)]
    fn is_at(&self, dir: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        let id = |m: fs::Metadata| (m.dev(), m.ino());
        match (self.0.metadata(), fs::metadata(dir)) {
            (Ok(this), Ok(there)) => id(this) == id(there),
            // This one is open: it cannot have gone; the path's folder can.
            (Ok(_), Err(_)) => false,
            (Err(_), _) => true,
        }
    }

    #[cfg(not(unix))]
    fn is_at(&self, _dir: &Path) -> bool {
        true
    }
}

/// Articles in the index in `dir` by its `meta.json` (tantivy's, read as JSON: the old index
/// of a rebuild may be of a version that does not open): the documents of its segments less
/// their deleted ones. `Some(0)` without `meta.json`, `None` when it cannot be read.
fn articles_on_disk(dir: &Path) -> Option<u64> {
    let text = match fs::read_to_string(dir.join(META_FILE)) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Some(0),
        Err(_) => return None,
    };
    let meta: serde_json::Value = serde_json::from_str(&text).ok()?;
    meta.get("segments")?
        .as_array()?
        .iter()
        .map(|segment| {
            let docs = segment.get("max_doc")?.as_u64()?;
            let deleted = match segment.get("deletes") {
                None | Some(serde_json::Value::Null) => 0,
                Some(deletes) => deletes.get("num_deleted_docs")?.as_u64()?,
            };
            Some(docs.saturating_sub(deleted))
        })
        .sum()
}

/// Whether `name` is one of tantivy's lock files: they hold no data, and the writer lock's
/// must stay where it is while someone may hold it.
fn is_lock_file(name: &str) -> bool {
    name.starts_with(".tantivy-") && name.ends_with(".lock")
}

/// Whether `dir` holds anything besides lock files.
fn holds_files(dir: &Path) -> io::Result<bool> {
    for entry in fs::read_dir(dir)? {
        if !is_lock_file(&entry?.file_name().to_string_lossy()) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The error for creating an index in a folder that holds files.
fn occupied(dir: &Path) -> Error {
    match is_index(dir) {
        Ok(true) => Error::Io {
            path: dir.to_path_buf(),
            source: io::Error::new(io::ErrorKind::AlreadyExists, "an index already exists here"),
        },
        Ok(false) if holds_dateline_meta(dir) => {
            damaged_at(dir, format!("{MARKER_FILE} is missing"))
        }
        Ok(false) => Error::NotAnIndex {
            dir: dir.to_path_buf(),
        },
        Err(e) => e,
    }
}

/// `DIR` + suffix, beside `DIR`.
fn sibling(dir: &Path, suffix: &str) -> Result<PathBuf> {
    let absolute = std::path::absolute(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut name = absolute
        .file_name()
        .ok_or_else(|| Error::Io {
            path: dir.to_path_buf(),
            source: io::Error::new(io::ErrorKind::InvalidInput, "the index needs a folder name"),
        })?
        .to_os_string();
    name.push(suffix);
    Ok(absolute.with_file_name(name))
}

fn exists(path: &Path) -> Result<bool> {
    match fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(Error::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn remove_dir_if_present(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::Io {
            path: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Whether `dir` holds only what [`Index::create`] leaves when it is killed before writing
/// its marker: tantivy's files of an index without a single segment (`meta.json`, its
/// bookkeeping and locks, a temporary file of an atomic write). Such a folder never held an
/// article, so it may be created over.
fn creation_leftover(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    for entry in entries {
        let Ok(entry) = entry else {
            return false;
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let tantivys = name == META_FILE
            || name == ".managed.json"
            || is_lock_file(&name)
            || name.starts_with(".tmp");
        if !tantivys || !entry.file_type().is_ok_and(|t| t.is_file()) {
            return false;
        }
    }
    // No segment: an unreadable or unexpected meta.json is not ours to remove.
    match fs::read_to_string(dir.join(META_FILE)) {
        Ok(text) => serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|meta| meta.get("segments")?.as_array().map(Vec::is_empty))
            .unwrap_or(false),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

pub(crate) fn is_index(dir: &Path) -> Result<bool> {
    match fs::metadata(dir.join(MARKER_FILE)) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(Error::Io {
            path: dir.join(MARKER_FILE),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::index::SegmentId;
    use tantivy::indexer::MergePolicy;

    #[test]
    fn merges_leave_segments_of_an_indexing_threads_size_alone() {
        let index = tantivy::Index::create_in_ram(NewsSchema::new().schema);
        let segments: Vec<_> = [120_000; 8]
            .into_iter()
            .chain([5_000; 8])
            .map(|docs| index.new_segment_meta(SegmentId::generate_random(), docs))
            .collect();
        let candidates = merge_policy().compute_merge_candidates(&segments);
        // tantivy's default would merge the eight large segments too.
        let merged: Vec<Vec<SegmentId>> = candidates.into_iter().map(|c| c.0).collect();
        let small: Vec<SegmentId> = segments[8..].iter().map(|s| s.id()).collect();
        assert_eq!(merged.len(), 1, "{merged:?}");
        let mut got = merged[0].clone();
        got.sort();
        let mut want = small;
        want.sort();
        assert_eq!(got, want);
    }
    use crate::SearchRequest;
    use dateline_core::reader::{read_file, Format};
    use tantivy::TantivyDocument;

    /// Totals and top scores of word, bag and phrase queries: they read postings, term
    /// frequencies and positions.
    fn answers(index: &Index) -> Vec<(usize, Vec<f32>)> {
        let queries = [
            "oil",
            "bank interest rates",
            "Reagan",
            "\"oil prices\"",
            "\"the company said\"",
            "\"New York Stock Exchange\"",
        ];
        queries
            .iter()
            .map(|q| {
                let request = SearchRequest::new(*q).limit(20).count_total(true);
                let found = index.search(&request).expect("search");
                let scores = found.hits.iter().filter_map(|h| h.score).collect();
                (found.total, scores)
            })
            .collect()
    }

    /// Segments merged while articles are being added read their postings and positions
    /// through the `pread` window (a term's list, then the next from the same window): the
    /// merged index answers as the segments did.
    #[test]
    fn postings_read_through_the_window_merge_into_the_same_answers() {
        let data = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/reuters21578/docs.jsonl.gz");
        if !data.exists() {
            assert!(
                std::env::var_os("CI").is_none(),
                "{} missing",
                data.display()
            );
            return;
        }
        let articles: Vec<_> = read_file(&data, Format::JsonLines, "reuters")
            .expect("Reuters")
            .into_iter()
            .filter_map(std::result::Result::ok)
            .collect();
        let dir = tempfile::tempdir().expect("temporary folder");
        let index = Index::create(dir.path()).expect("index");
        for part in articles.chunks(articles.len().div_ceil(3)) {
            index.add_articles(part.to_vec()).expect("add");
        }
        let before = answers(&index);
        let segments = index.index.searchable_segment_ids().expect("segments");
        assert!(segments.len() >= 3, "{segments:?}");
        {
            let _adding = index.adding();
            let mut writer = index
                .index
                .writer::<TantivyDocument>(50_000_000)
                .expect("writer");
            writer.merge(&segments).wait().expect("merge");
            writer.wait_merging_threads().expect("merge threads");
        }
        index.reload().expect("reload");
        assert_eq!(index.index.searchable_segment_ids().expect("ids").len(), 1);
        let after = answers(&index);
        assert!(after.iter().all(|(total, _)| *total > 0), "{after:?}");
        assert_eq!(after, before);
    }

    /// A kill between tantivy's creation of the index and the marker leaves tantivy's files of
    /// an index without segments: opening (or indexing into) the folder creates the index
    /// again. A folder whose `meta.json` lists segments is never taken for one.
    #[test]
    fn a_creation_killed_before_its_marker_is_created_again_but_articles_never_removed() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let killed = dir.path().join("killed");
        drop(Index::create(&killed).expect("create"));
        fs::remove_file(killed.join(MARKER_FILE)).expect("remove marker");
        assert!(killed.join(META_FILE).exists());
        let index = Index::open_or_create(&killed).expect("created again");
        assert_eq!(index.num_articles(), 0);
        assert!(is_index(&killed).expect("marker"));

        let indexed = dir.path().join("indexed");
        let index = Index::create(&indexed).expect("create");
        index
            .add_articles(vec![dateline_core::Article::new(
                "a1",
                "Philip Hammond spoke.",
            )])
            .expect("add");
        drop(index);
        fs::remove_file(indexed.join(MARKER_FILE)).expect("remove marker");
        let files = fs::read_dir(&indexed).expect("list").count();
        // tantivy's files with Dateline's schema: a damaged index, to rebuild, never a folder
        // to create an index in.
        for result in [Index::open_or_create(&indexed), Index::create(&indexed)] {
            match result {
                Err(Error::Damaged { message, .. }) => {
                    assert_eq!(message, "dateline.json is missing");
                }
                Err(other) => panic!("{other}"),
                Ok(_) => panic!("opened without a marker"),
            }
        }
        assert_eq!(fs::read_dir(&indexed).expect("list").count(), files);
    }
}
