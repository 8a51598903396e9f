//! Finding the article files under the paths a user names, as `dateline index` finds them:
//! folders walked in name order, hidden files and Dateline indexes passed over, files of no
//! article format ignored, files a [`FileFilter`] leaves out passed over, a file reached twice
//! read once, boilerplate learned per folder.
//! [`Corpus`] is that list, public so that other tools (`dateline extract`) read a folder
//! exactly as the index does.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use dateline_core::reader::boilerplate::BoilerplateModel;
use dateline_core::reader::{self, Format, ReadError, ReadResult};
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::file_filter::FileFilter;
use crate::ids::FileIds;
use crate::ingest::Skipped;
use crate::stamps::Stamp;

/// The article files under some paths, found as
/// [`Index::ingest_paths`](crate::Index::ingest_paths) finds them.
///
/// # Example
/// ```
/// use dateline_index::{Corpus, FileFilter, FileIds};
///
/// let dir = tempfile::tempdir()?;
/// let line = r#"{"id":"1","title":"Oil","body":"Oil prices rose in London."}"#;
/// std::fs::write(dir.path().join("a.jsonl"), format!("{line}\n"))?;
/// std::fs::write(dir.path().join("notes.pdf"), b"%PDF")?;
/// let mut ids = FileIds::new(dir.path())?;
/// let every_file = FileFilter::default();
/// let corpus = Corpus::find(&[dir.path().to_path_buf()], &every_file, &mut ids, true)?;
/// assert_eq!(corpus.files().count(), 1);
/// assert_eq!(corpus.ignored_files(), 1);
/// let (path, read) = corpus.read_each().next().expect("one file");
/// assert!(path.ends_with("a.jsonl"));
/// assert_eq!(read?.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct Corpus {
    pub(crate) sources: Vec<Source>,
    /// Boilerplate learned per folder of raw text files.
    models: HashMap<PathBuf, BoilerplateModel>,
    skipped: Vec<Skipped>,
    ignored_files: usize,
}

/// A file to read, with the id it gets (see [`FileIds`]).
#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    pub(crate) id_base: String,
    pub(crate) format: Format,
    pub(crate) bytes: u64,
    /// Its length and modification time, when the system gives them.
    pub(crate) stamp: Option<Stamp>,
}

/// The paths named to an ingest, as [`Index::ingest_paths`](crate::Index::ingest_paths) takes
/// them: whether `-` (JSON Lines on standard input) is among them, and the others in order.
///
/// # Errors
/// [`Error::Io`](crate::Error::Io) naming the first path that does not exist or cannot be
/// looked at: a path named by the user is never skipped silently.
///
/// ```
/// use std::path::PathBuf;
///
/// let dir = tempfile::tempdir()?;
/// let named = [PathBuf::from("-"), dir.path().to_path_buf()];
/// let (stdin, paths) = dateline_index::named_paths(&named)?;
/// assert!(stdin);
/// assert_eq!(paths, [dir.path()]);
/// assert!(dateline_index::named_paths(&[dir.path().join("missing")]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn named_paths(paths: &[PathBuf]) -> crate::Result<(bool, Vec<PathBuf>)> {
    let stdin = Path::new("-");
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        if path == stdin {
            continue;
        }
        if let Err(source) = std::fs::metadata(path) {
            let path = path.clone();
            return Err(crate::Error::Io { path, source });
        }
        files.push(path.clone());
    }
    Ok((paths.iter().any(|p| p == stdin), files))
}

impl Corpus {
    /// Walks `paths` (files or folders, recursively) for the files `filter` admits, naming
    /// each file's articles by `ids`, and with `learn_boilerplate` learns the boilerplate of
    /// each folder of three or more raw text files (see [`BoilerplateModel`]).
    ///
    /// # Errors
    /// [`Error::InvalidGlob`](crate::Error::InvalidGlob) when a glob of `filter` does not
    /// apply under a path. Paths that cannot be walked are [`skipped`](Corpus::skipped).
    pub fn find(
        paths: &[PathBuf],
        filter: &FileFilter,
        ids: &mut FileIds,
        learn_boilerplate: bool,
    ) -> crate::Result<Corpus> {
        let mut corpus = walk(paths, filter, ids)?;
        if learn_boilerplate {
            corpus.learn_boilerplate(|_| true);
        }
        Ok(corpus)
    }

    /// Learns the boilerplate of each folder of three or more raw text files where `read`
    /// admits one of them (by its place in [`Corpus::files`]), from all of them: a folder none
    /// of whose files is read needs no model.
    pub(crate) fn learn_boilerplate(&mut self, read: impl Fn(usize) -> bool) {
        let mut by_dir: HashMap<&Path, (bool, Vec<&Source>)> = HashMap::new();
        for (i, src) in self.sources.iter().enumerate() {
            if src.format != Format::RawText {
                continue;
            }
            if let Some(dir) = src.path.parent() {
                let (wanted, files) = by_dir.entry(dir).or_default();
                *wanted |= read(i);
                files.push(src);
            }
        }
        self.models = by_dir
            .into_par_iter()
            .filter(|(_, (wanted, files))| *wanted && files.len() >= 3)
            .map(|(dir, (_, files))| {
                let mut model = BoilerplateModel::new();
                for src in files {
                    if let Ok(bytes) = reader::read_bytes(&src.path) {
                        model.add_bytes(&bytes);
                    }
                }
                (dir.to_path_buf(), model)
            })
            .collect();
    }

    /// The files found, in reading order.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.sources.iter().map(|s| s.path.as_path())
    }

    /// Paths that could not be walked (unreadable folders, link loops, pipes), with why.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Files passed over because they hold no article format (`.pdf`, `.png`, ...) or are not
    /// regular files inside a folder.
    pub fn ignored_files(&self) -> usize {
        self.ignored_files
    }

    /// Reads each file in order, as the index reads it: its articles, with their language
    /// detected, or why the whole file could not be read.
    pub fn read_each(&self) -> impl Iterator<Item = (&Path, Result<Vec<ReadResult>, ReadError>)> {
        self.sources.iter().map(|src| {
            let model = self.model_of(src);
            let read = reader::read_file_with(&src.path, src.format, &src.id_base, model);
            (src.path.as_path(), read)
        })
    }

    /// The boilerplate model of a file's folder, if one was learned.
    pub(crate) fn model_of(&self, src: &Source) -> Option<&BoilerplateModel> {
        src.path.parent().and_then(|dir| self.models.get(dir))
    }
}

fn walk(paths: &[PathBuf], filter: &FileFilter, ids: &mut FileIds) -> crate::Result<Corpus> {
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    let mut ignored_files = 0;
    let mut skip = |path: &Path, reason: String| {
        skipped.push(Skipped {
            path: path.to_path_buf(),
            line: None,
            reason,
        })
    };
    // A file reached twice (a folder and its subfolder named, or through a link) is read once.
    let mut real_paths: HashSet<PathBuf> = HashSet::new();
    let mut add = |source: Source, real: PathBuf| {
        if real_paths.insert(real) {
            sources.push(source);
        }
    };
    for root in paths {
        let root_is_file = root.is_file();
        let walker = WalkDir::new(root).follow_links(true).sort_by_file_name();
        let rules = (!filter.is_empty())
            .then(|| filter.under(root))
            .transpose()?;
        // What a folder holds besides articles is passed over, as ripgrep does: hidden files
        // and folders (`.git`, the default index `.dateline`), and any Dateline index (whose
        // segment files would otherwise be read as binary articles); so is what the globs
        // leave out. A path named on the command line is always read.
        let walker = walker.into_iter().filter_entry(|e| {
            e.depth() == 0
                || !(is_hidden(e) || is_index_folder(e))
                    && rules.as_ref().is_none_or(|rules| {
                        FileFilter::admitted(rules, e.path(), e.file_type().is_dir())
                    })
        });
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
                    skip(&path, reason);
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
                    skip(entry.path(), reason.to_string());
                } else {
                    ignored_files += 1;
                }
                continue;
            }
            let path = entry.path();
            let Some(format) = Format::from_path(path) else {
                if !root_is_file {
                    ignored_files += 1;
                    continue;
                }
                // A file named on the command line is read whatever its name.
                let fmt = if path.to_string_lossy().contains(".jsonl") {
                    Format::JsonLines
                } else {
                    Format::RawText
                };
                let (src, real) = source(path, ids, fmt, &entry);
                add(src, real);
                continue;
            };
            let (src, real) = source(path, ids, format, &entry);
            add(src, real);
        }
    }
    Ok(Corpus {
        sources,
        models: HashMap::new(),
        skipped,
        ignored_files,
    })
}

/// A file or folder whose name starts with `.`.
fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.file_name().as_encoded_bytes().first() == Some(&b'.')
}

/// A folder holding a Dateline index.
fn is_index_folder(entry: &walkdir::DirEntry) -> bool {
    entry.file_type().is_dir() && crate::index::is_index(entry.path()).unwrap_or(false)
}

/// A file to read, and its real path.
fn source(
    path: &Path,
    ids: &mut FileIds,
    format: Format,
    entry: &walkdir::DirEntry,
) -> (Source, PathBuf) {
    let (real, id_base) = ids.locate(path, entry.path_is_symlink());
    let meta = entry.metadata().ok();
    let source = Source {
        path: path.to_path_buf(),
        id_base,
        format,
        bytes: meta.as_ref().map_or(0, |m| m.len()),
        stamp: meta.as_ref().and_then(Stamp::of),
    };
    (source, real)
}
