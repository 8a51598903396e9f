//! The ids of articles read from files.
//!
//! A file's id (and the id base of a JSON Lines file's lines without an `id`) is its real path
//! (symbolic links and `..` resolved on disk) relative to a root folder, with `/` between
//! folders, or its absolute real path when it lies outside that folder. So an id names one
//! file however it was reached: indexing `news/2016` after `news`, or through a link to `news`,
//! finds the same ids, and `a/x.txt` and `b/x.txt` stay apart. Ingest uses the folder that
//! holds the index as root (see [`IngestOptions::id_root`](crate::IngestOptions::id_root));
//! `dateline extract` uses the current folder, which holds the default index `./.dateline`.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::Index;

/// Names files by their real path relative to a root folder: symbolic links and `..` resolved
/// on disk, `/` between folders, and the absolute real path for a file outside the root. So an
/// id names one file however it was reached, and `a/x.txt` and `b/x.txt` stay apart. A byte of
/// a name that is not UTF-8 is written `\xFF`, and a backslash `\\`.
///
/// # Example
/// ```
/// use dateline_index::FileIds;
///
/// let dir = tempfile::tempdir()?;
/// std::fs::create_dir(dir.path().join("news"))?;
/// std::fs::write(dir.path().join("news/talks.txt"), "Hammond met Kerry.")?;
/// let mut ids = FileIds::new(dir.path())?;
/// assert_eq!(ids.id_of(&dir.path().join("news/../news/talks.txt")), "news/talks.txt");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct FileIds {
    root: PathBuf,
    /// Real paths of the folders seen, so that each costs one `realpath`, not each file.
    folders: HashMap<PathBuf, PathBuf>,
}

impl FileIds {
    /// Ids relative to `root`, resolved on disk (or made absolute when it does not exist).
    ///
    /// # Errors
    /// When the current folder is needed to make `root` absolute and cannot be read.
    pub fn new(root: &Path) -> std::io::Result<Self> {
        Ok(FileIds {
            root: real_path(root)?,
            folders: HashMap::new(),
        })
    }

    /// The ids ingest gives in `index`: relative to `root` if given, else to the folder that
    /// holds the index, or to the current folder for an index in memory.
    pub(crate) fn of(index: &Index, root: Option<&Path>) -> std::io::Result<Self> {
        let root = match (root, index.dir()) {
            (Some(root), _) => real_path(root)?,
            (None, Some(dir)) => {
                let dir = real_path(dir)?;
                dir.parent().map_or(dir.clone(), Path::to_path_buf)
            }
            (None, None) => real_path(Path::new("."))?,
        };
        Ok(FileIds {
            root,
            folders: HashMap::new(),
        })
    }

    /// The folder ids are relative to (resolved).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The id of the file at `path`, as ingest would give it.
    pub fn id_of(&mut self, path: &Path) -> String {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        self.locate(path, is_link).1
    }

    /// The real path of a file as walked, and its id base. A file that is not itself a link
    /// costs no `realpath` of its own: its folder's is kept.
    pub(crate) fn locate(&mut self, path: &Path, is_link: bool) -> (PathBuf, String) {
        let real = match (is_link, path.parent(), path.file_name()) {
            (false, Some(folder), Some(name)) => {
                let folder = match self.folders.get(folder) {
                    Some(real) => real.clone(),
                    None => {
                        let real = real_path(folder).unwrap_or_else(|_| folder.to_path_buf());
                        self.folders.insert(folder.to_path_buf(), real.clone());
                        real
                    }
                };
                folder.join(name)
            }
            _ => real_path(path).unwrap_or_else(|_| path.to_path_buf()),
        };
        let id = match real.strip_prefix(&self.root) {
            Ok(rel) => slash_joined(rel),
            Err(_) => slash_joined(&real),
        };
        (real, id)
    }
}

/// `path` with symbolic links and `..` resolved on disk (`realpath`); for a path that does not
/// exist (an index folder not created yet), made absolute against the current folder.
fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Ok(real) => Ok(real),
        Err(_) => std::path::absolute(path),
    }
}

/// The components of `path` joined by `/` (the root, if any, kept in front). A byte of a name
/// that is not UTF-8 is written `\xFF`, so two such names never share an id.
fn slash_joined(path: &Path) -> String {
    let mut out = String::new();
    for c in path.components() {
        match c {
            Component::Prefix(p) => push_name(&mut out, p.as_os_str()),
            Component::RootDir => out.push('/'),
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                push_name(&mut out, other.as_os_str());
            }
        }
    }
    out
}

/// Appends a file name, its bytes that are not UTF-8 escaped as `\xFF` (and a backslash as
/// `\\`, so that no name written so can pass for another).
fn push_name(out: &mut String, name: &std::ffi::OsStr) {
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        for (i, part) in chunk.valid().split('\\').enumerate() {
            if i > 0 {
                out.push_str("\\\\");
            }
            out.push_str(part);
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
}
