//! Which files under a folder are read: globs with ripgrep's `--glob` rules.

use std::path::Path;

use ignore::overrides::{Override, OverrideBuilder};

use crate::error::{Error, Result};

/// Globs choosing the files read under the folders given to [`Corpus::find`] and
/// [`Index::ingest_paths`], as ripgrep's `--glob` chooses the files it searches.
///
/// - A glob is matched as a line of a `.gitignore` is, against the path relative to the
///   folder named: `*.txt` matches at any depth, `business/*.txt` and `/2015/**` only from
///   that folder down, `drafts/` matches folders only.
/// - `!GLOB` leaves out what it matches; a folder left out is not walked.
/// - With at least one glob without `!`, only the files matching one are read.
/// - When globs disagree, the last one given wins.
///
/// Files named themselves (not through a folder) are always read, hidden files and folders
/// and Dateline indexes never. A file left out is not gone: [`IngestOptions::prune`] keeps
/// its articles.
///
/// [`Corpus::find`]: crate::Corpus::find
/// [`Index::ingest_paths`]: crate::Index::ingest_paths
/// [`IngestOptions::prune`]: crate::IngestOptions::prune
///
/// # Example
/// ```
/// use dateline_index::FileFilter;
///
/// let only_text = FileFilter::new(["*.txt", "!drafts/"])?;
/// assert!(only_text.admits("news", "news/2015/talks.txt".as_ref(), false));
/// assert!(!only_text.admits("news", "news/2015/talks.jsonl".as_ref(), false));
/// assert!(!only_text.admits("news", "news/drafts".as_ref(), true));
/// assert!(FileFilter::new(["[a-"]).is_err());
/// # Ok::<(), dateline_index::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct FileFilter {
    globs: Vec<String>,
}

impl FileFilter {
    /// The filter of `globs`, in the order given; an error names the first glob that does
    /// not parse.
    pub fn new<I, S>(globs: I) -> Result<Self>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let filter = FileFilter {
            globs: globs.into_iter().map(Into::into).collect(),
        };
        // Rules do not depend on the folder: checked once here, not at each folder named.
        filter.under(Path::new("."))?;
        Ok(filter)
    }

    /// Whether there are no globs: every file is read.
    pub fn is_empty(&self) -> bool {
        self.globs.is_empty()
    }

    /// The globs, as given.
    pub fn globs(&self) -> &[String] {
        &self.globs
    }

    /// Whether `path` (a folder when `is_dir`), found under the folder `root`, is read
    /// (a file) or walked (a folder).
    pub fn admits(&self, root: impl AsRef<Path>, path: &Path, is_dir: bool) -> bool {
        self.under(root.as_ref())
            .map_or(true, |rules| Self::admitted(&rules, path, is_dir))
    }

    /// The matcher of the globs for paths under `root`.
    pub(crate) fn under(&self, root: &Path) -> Result<Override> {
        let invalid = |glob: &str, e: ignore::Error| Error::InvalidGlob {
            glob: glob.to_string(),
            message: e.to_string(),
        };
        let mut builder = OverrideBuilder::new(root);
        for glob in &self.globs {
            builder.add(glob).map_err(|e| invalid(glob, e))?;
        }
        builder
            .build()
            .map_err(|e| invalid(&self.globs.join(" "), e))
    }

    /// Whether `rules` read the file, or walk the folder, `path`.
    pub(crate) fn admitted(rules: &Override, path: &Path, is_dir: bool) -> bool {
        !rules.matched(path, is_dir).is_ignore()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glob_that_does_not_parse_is_named_in_the_error() {
        let err = FileFilter::new(["*.txt", "business/[a-"]).expect_err("an unclosed class");
        let message = err.to_string();
        assert!(message.contains("business/[a-"), "{message}");
    }

    #[test]
    fn the_last_glob_that_matches_decides() {
        let filter = FileFilter::new(["!*.txt", "keep.txt"]).expect("globs");
        assert!(filter.admits("c", "c/keep.txt".as_ref(), false));
        assert!(!filter.admits("c", "c/other.txt".as_ref(), false));
        // Only files matching `keep.txt` are read once a glob without `!` is given.
        assert!(!filter.admits("c", "c/a.jsonl".as_ref(), false));
        // Folders are walked unless a glob leaves them out.
        assert!(filter.admits("c", "c/sub".as_ref(), true));
    }

    #[test]
    fn globs_with_a_slash_are_anchored_to_the_folder_named() {
        let filter = FileFilter::new(["/tech/*.txt"]).expect("globs");
        assert!(filter.admits("bbc", "bbc/tech/001.txt".as_ref(), false));
        assert!(!filter.admits("bbc", "bbc/sport/tech/001.txt".as_ref(), false));
        assert!(!filter.admits("bbc", "bbc/sport/001.txt".as_ref(), false));
    }
}
