//! Readers: files in, [`Article`]s out.
//!
//! Three input formats are supported, chosen by file name ([`Format::from_path`]):
//!
//! - raw text ([`raw`]): one article per file, as scraped (junk lines, a date line, the title,
//!   paragraphs separated by blank lines), up to a whole page dumped to text;
//! - HTML ([`html`]): one article per page, found by an extraction library;
//! - JSON Lines ([`jsonl`]): one article per non-blank line.
//!
//! Any of them may be gzip-compressed (a `.gz` suffix on the name). Text is UTF-8, or UTF-16 with a
//! byte order mark (decoded before anything else; without a mark, UTF-16 reads as binary). Text
//! that is not UTF-8 (a raw text file, an HTML page taken as UTF-8, a JSON line) is decoded from
//! the legacy encoding its bytes show ([`legacy`]), and the article says so
//! ([`Article::transcoded`]). A file chosen as raw text whose content starts as an HTML page
//! (`<!DOCTYPE html` or `<html`, see [`read_file`]) is read as HTML.
//! [`read_file`] reads one file; failures that concern the whole file (I/O, empty, binary,
//! undecodable UTF-16) are an `Err`, failures of one article or line are `Err` items inside the
//! returned list, so one bad line never loses the rest of the file.

pub mod boilerplate;
pub mod html;
pub mod jsonl;
pub mod legacy;
mod nesting;
mod page;
pub mod raw;
mod utf16;
mod visible;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use crate::Article;

/// Input formats, chosen by file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One article per file, plain text ([`raw`]).
    RawText,
    /// One JSON object per line ([`jsonl`]).
    JsonLines,
    /// One HTML page per file ([`html`]).
    Html,
}

/// Extensions (lower case, after removing a `.gz` suffix) of files that are never articles.
const IGNORED_EXTENSIONS: &[&str] = &[
    // data and markup that is not (yet) read as articles
    "json", "xml", "sgm", "sgml", "dtd", "csv", "tsv", "yaml", "yml", "toml", "ini", "cfg", "conf",
    "lock", "log", "md5", "sha1", "sha256", // images
    "png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "ico", "tif", "tiff", "heic", "avif",
    // audio and video
    "mp3", "mp4", "m4a", "wav", "ogg", "webm", "avi", "mov", "mkv", "flac",
    // documents, archives and binaries
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "epub", "zip", "tar", "tgz",
    "bz2", "xz", "zst", "7z", "rar", "gz", "exe", "dll", "so", "dylib", "o", "a", "bin", "class",
    "jar", "pyc", "wasm", "db", "sqlite", "parquet", "arrow", "npy", "pkl", "woff", "woff2", "ttf",
    "otf", "css", "js", "swp", "tmp", "bak", "part",
];

/// File-name stems (lower case) of files that are never articles, matched as prefixes.
const IGNORED_STEMS: &[&str] = &["readme", "license", "licence", "copying"];

impl Format {
    /// Chooses the format of a file from its name, or `None` for files to skip.
    ///
    /// The rule, on the file name alone (case-insensitive), after removing one `.gz` suffix
    /// (the file is then read through gzip):
    ///
    /// - names starting with `.` (hidden files), ending with `~` (editor backups), or empty
    ///   after removing `.gz`: `None`;
    /// - names starting with `README`, `LICENSE`/`LICENCE` or `COPYING`: `None`;
    /// - `.jsonl` and `.ndjson`: [`Format::JsonLines`];
    /// - `.html`, `.htm` and `.xhtml`: [`Format::Html`];
    /// - obvious non-articles: `None`. These are other data and markup formats (`.json`,
    ///   `.xml`, `.sgm`, `.csv`, `.tsv`, ...), images, audio and video,
    ///   documents (`.pdf`, `.docx`, ...), archives (`.zip`, `.tar`, `.tgz`, a `.gz` inside a
    ///   `.gz`, ...), binaries and fonts;
    /// - everything else, including `.txt` and names without an extension:
    ///   [`Format::RawText`].
    ///
    /// # Example
    /// ```
    /// use std::path::Path;
    /// use dateline_core::reader::Format;
    ///
    /// assert_eq!(Format::from_path(Path::new("a/london.txt")), Some(Format::RawText));
    /// assert_eq!(Format::from_path(Path::new("docs.jsonl.gz")), Some(Format::JsonLines));
    /// assert_eq!(Format::from_path(Path::new("bbc/001")), Some(Format::RawText));
    /// assert_eq!(Format::from_path(Path::new("README.md")), None);
    /// assert_eq!(Format::from_path(Path::new(".hidden.txt")), None);
    /// assert_eq!(Format::from_path(Path::new("page.html.gz")), Some(Format::Html));
    /// assert_eq!(Format::from_path(Path::new("photo.jpg")), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.starts_with('.') || name.ends_with('~') {
            return None;
        }
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        if name.is_empty() || IGNORED_STEMS.iter().any(|s| name.starts_with(s)) {
            return None;
        }
        let ext = match name.rfind('.') {
            Some(i) if i > 0 => &name[i + 1..],
            _ => "",
        };
        if ext == "jsonl" || ext == "ndjson" {
            Some(Format::JsonLines)
        } else if ext == "html" || ext == "htm" || ext == "xhtml" {
            Some(Format::Html)
        } else if IGNORED_EXTENSIONS.contains(&ext) {
            None
        } else {
            Some(Format::RawText)
        }
    }
}

/// Errors reading one article or one line; `line` is 1-based where known. The ingest pipeline
/// adds the file path, so messages here do not repeat it.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read (or its gzip stream is corrupt or truncated).
    #[error("cannot read: {0}")]
    Io(#[source] io::Error),
    /// The file is empty or only whitespace.
    #[error("empty file")]
    Empty,
    /// The file holds binary content (a NUL byte; in UTF-16 text, a NUL character).
    #[error("binary content (NUL byte at byte {offset})")]
    Binary {
        /// Byte offset of the first NUL byte, from the start of the (decompressed) file.
        offset: u64,
    },
    /// The text starts with a UTF-16 byte order mark but is not valid UTF-16.
    #[error("invalid UTF-16 at byte {byte_offset}: {problem}")]
    InvalidUtf16 {
        /// Byte offset of the first bad code unit (or of the lone last byte), from the start
        /// of the (decompressed) file.
        byte_offset: u64,
        /// What is wrong there: an unpaired surrogate, or an odd number of bytes.
        problem: &'static str,
    },
    /// A single-article file is larger than [`MAX_FILE_BYTES`].
    #[error("larger than {limit_mb} MB: not one article")]
    TooLarge {
        /// The limit, in MB.
        limit_mb: usize,
    },
    /// A raw text file or HTML page had neither a title nor body text.
    #[error("no article text found")]
    NoText,
    /// The HTML extractor could not read the page.
    #[error("cannot extract an article from the HTML: {0}")]
    Html(String),
    /// A JSON Lines line is not a JSON object.
    #[error("line {line}: malformed JSON: {message}")]
    Json {
        /// 1-based line number.
        line: usize,
        /// What the JSON parser said (with the column).
        message: String,
    },
    /// A required field is missing.
    #[error("line {line}: missing field `{field}`")]
    MissingField {
        /// 1-based line number.
        line: usize,
        /// The field's name.
        field: &'static str,
    },
    /// A field has the wrong type.
    #[error("line {line}: bad field `{field}`: {message}")]
    BadField {
        /// 1-based line number.
        line: usize,
        /// The field's name.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
}

impl ReadError {
    /// The 1-based line the error is about, where known.
    ///
    /// # Example
    /// ```
    /// use dateline_core::reader::jsonl::parse_line;
    ///
    /// let err = parse_line("{not json", 7, "docs.jsonl").unwrap_err();
    /// assert_eq!(err.line(), Some(7));
    /// ```
    pub fn line(&self) -> Option<usize> {
        match self {
            ReadError::Json { line, .. }
            | ReadError::MissingField { line, .. }
            | ReadError::BadField { line, .. } => Some(*line),
            ReadError::Io(_)
            | ReadError::Empty
            | ReadError::Binary { .. }
            | ReadError::InvalidUtf16 { .. }
            | ReadError::TooLarge { .. }
            | ReadError::NoText
            | ReadError::Html(_) => None,
        }
    }

    /// The message without the `line N: ` it opens with, for a report that prints the line
    /// beside the file (`docs.jsonl:7: malformed JSON: …`, not `docs.jsonl:7: line 7: …`).
    ///
    /// # Example
    /// ```
    /// use dateline_core::reader::jsonl::parse_line;
    ///
    /// let err = parse_line("{not json", 7, "docs.jsonl").unwrap_err();
    /// assert!(err.to_string().starts_with("line 7: malformed JSON"));
    /// assert!(err.reason().starts_with("malformed JSON"));
    /// ```
    pub fn reason(&self) -> String {
        let text = self.to_string();
        match self.line() {
            Some(n) => match text.strip_prefix(&format!("line {n}: ")) {
                Some(rest) => rest.to_string(),
                None => text,
            },
            None => text,
        }
    }

    /// Whether the error concerns the whole file (I/O, empty, binary, undecodable UTF-16)
    /// rather than one article. UTF-16 is decoded as a stream before lines are split, so its
    /// errors end the stream as a corrupt gzip does.
    fn is_whole_file(&self) -> bool {
        matches!(
            self,
            ReadError::Io(_)
                | ReadError::Empty
                | ReadError::Binary { .. }
                | ReadError::InvalidUtf16 { .. }
                | ReadError::TooLarge { .. }
        )
    }
}

impl From<io::Error> for ReadError {
    /// An I/O error, or the [`ReadError`] it carries: the UTF-16 decoder of streamed input
    /// can only report through `io::Read`, so its errors travel wrapped in an `io::Error`.
    fn from(e: io::Error) -> Self {
        match e.downcast::<ReadError>() {
            Ok(inner) => inner,
            Err(e) => ReadError::Io(e),
        }
    }
}

/// One item from a file: an article, or a per-line error that does not stop the rest of the
/// file.
pub type ReadResult = Result<Article, ReadError>;

/// Whether `path` names a gzip file (`.gz`, any case).
fn is_gzip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// A gzip decoder whose errors say that they come from gzip.
struct GzipReader<R: Read>(flate2::read::MultiGzDecoder<R>);

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            let kind = match e.kind() {
                io::ErrorKind::Interrupted => return e,
                io::ErrorKind::UnexpectedEof => io::ErrorKind::UnexpectedEof,
                _ => io::ErrorKind::InvalidData,
            };
            io::Error::new(kind, format!("gzip: {e}"))
        })
    }
}

/// Opens `path` for reading, decompressing `.gz` by its name.
fn open(path: &Path) -> Result<Box<dyn Read>, ReadError> {
    let file = File::open(path)?;
    if is_gzip(path) {
        Ok(Box::new(GzipReader(flate2::read::MultiGzDecoder::new(
            BufReader::with_capacity(64 * 1024, file),
        ))))
    } else {
        Ok(Box::new(file))
    }
}

/// JSON Lines from any reader (standard input, a socket...), gunzipped when the stream starts
/// with the gzip magic bytes; `id_base` names articles without an `id`.
///
/// # Example
/// ```
/// let data = "{\"id\": 1, \"body\": \"x\"}\n";
/// let items: Vec<_> = dateline_core::reader::json_lines_from(data.as_bytes(), "stdin").collect();
/// assert_eq!(items.len(), 1);
/// ```
pub fn json_lines_from<'a>(
    input: impl Read + 'a,
    id_base: &str,
) -> jsonl::JsonLines<Box<dyn BufRead + 'a>> {
    let mut buffered = BufReader::with_capacity(64 * 1024, input);
    let is_gzip = buffered
        .fill_buf()
        .map(|b| b.starts_with(&[0x1f, 0x8b]))
        .unwrap_or(false);
    let reader: Box<dyn BufRead + 'a> = if is_gzip {
        Box::new(BufReader::new(GzipReader(
            flate2::read::MultiGzDecoder::new(buffered),
        )))
    } else {
        Box::new(buffered)
    };
    jsonl::JsonLines::new(reader, id_base)
}

/// Largest single-article file read (raw text or HTML, after decompression): no article is
/// this long, and reading on would only fill memory (a 6 MB `.txt.gz` can hold 1.7 GB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Reads a whole file (decompressing `.gz` by its name; a truncated or corrupt gzip gives a
/// [`ReadError::Io`] mentioning gzip), returning raw bytes; a file over [`MAX_FILE_BYTES`] is
/// [`ReadError::TooLarge`], read no further.
///
/// # Example
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("a.txt");
/// std::fs::write(&path, "Title\n\nBody.")?;
/// assert_eq!(dateline_core::reader::read_bytes(&path)?, b"Title\n\nBody.");
/// # Ok(())
/// # }
/// ```
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let reader = open(path)?;
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    Ok(bytes)
}

/// Reads every article in `path` in the given `format` (usually from [`Format::from_path`]).
///
/// `id_base` is the path relative to the indexed root with `/` separators: a raw text file's
/// article gets it as id (and path); JSON lines without an `id` get `"{id_base}#L{line}"`.
///
/// A [`Format::RawText`] file whose content is an HTML page is read as [`Format::Html`]: the
/// format then comes from a file name that says nothing (`page.txt`, a name without an
/// extension, a file named on the command line). The content is taken for a page when, after
/// an optional byte order mark, whitespace, `<?xml ...?>` declarations and `<!-- -->`
/// comments, within its first 1 KiB, it opens with `<!DOCTYPE html` or an `<html` tag (any
/// case). Text starting with another tag (`<b>`, `<p>`) stays raw text.
///
/// Whole-file failures (I/O including corrupt gzip, empty file, binary content, undecodable
/// UTF-16) are an `Err`.
/// Anything else is `Ok` with one item per article: a raw text file gives exactly one item
/// (which may be an `Err` such as [`ReadError::NoText`]); a JSON
/// Lines file gives one item per non-blank line, so one bad line never loses the rest.
///
/// # Example
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use dateline_core::reader::{read_file, Format};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("docs.jsonl");
/// std::fs::write(&path, "{\"id\": 1, \"title\": \"A\", \"date\": \"2015-01-22\", \"body\": \"x\"}\n{oops\n")?;
/// let items = read_file(&path, Format::JsonLines, "docs.jsonl")?;
/// assert_eq!(items.len(), 2);
/// assert_eq!(items[0].as_ref().unwrap().id, "1");
/// assert_eq!(items[1].as_ref().unwrap_err().line(), Some(2));
/// # Ok(())
/// # }
/// ```
pub fn read_file(path: &Path, format: Format, id_base: &str) -> Result<Vec<ReadResult>, ReadError> {
    read_file_with(path, format, id_base, None)
}

/// Like [`read_file`], with boilerplate learned from the file's folder for raw text files
/// (see [`boilerplate`]). Every article read gets its [`Article::language`] detected
/// ([`crate::language::detect`]) unless it already has one.
pub fn read_file_with(
    path: &Path,
    format: Format,
    id_base: &str,
    model: Option<&boilerplate::BoilerplateModel>,
) -> Result<Vec<ReadResult>, ReadError> {
    let mut items = read_file_undetected(path, format, id_base, model)?;
    for article in items.iter_mut().flatten() {
        crate::language::fill(article);
    }
    Ok(items)
}

/// Like [`read_file_with`], without language detection (articles keep the language their
/// source gives, if any): for callers that detect it later and only for the articles they
/// keep, as the ingest pipeline does after skipping unchanged articles.
pub fn read_file_undetected(
    path: &Path,
    format: Format,
    id_base: &str,
    model: Option<&boilerplate::BoilerplateModel>,
) -> Result<Vec<ReadResult>, ReadError> {
    match format {
        Format::RawText => {
            let bytes = read_bytes(path)?;
            let read = if html::starts_as_page(&bytes) {
                html::parse(&bytes, id_base)
            } else {
                raw::parse_with(&bytes, id_base, model)
            };
            match read {
                Ok(article) => Ok(vec![Ok(article)]),
                Err(e) if e.is_whole_file() => Err(e),
                Err(e) => Ok(vec![Err(e)]),
            }
        }
        Format::Html => {
            let bytes = read_bytes(path)?;
            match html::parse(&bytes, id_base) {
                Ok(article) => Ok(vec![Ok(article)]),
                Err(e) if e.is_whole_file() => Err(e),
                Err(e) => Ok(vec![Err(e)]),
            }
        }
        Format::JsonLines => {
            let reader: Box<dyn BufRead> =
                Box::new(BufReader::with_capacity(64 * 1024, open(path)?));
            let mut out = Vec::new();
            for item in jsonl::JsonLines::new(reader, id_base) {
                match item {
                    Err(e) if e.is_whole_file() => return Err(e),
                    item => out.push(item),
                }
            }
            if out.is_empty() {
                return Err(ReadError::Empty);
            }
            Ok(out)
        }
    }
}
