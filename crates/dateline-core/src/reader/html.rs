//! HTML pages (`.html`, `.htm`, `.xhtml`, optionally gzipped, or any file chosen as raw text
//! whose content starts as a page: see [`read_file`](super::read_file)): one article per file.
//!
//! The article is found by [rs-trafilatura](https://crates.io/crates/rs-trafilatura), a Rust
//! port of trafilatura, chosen on the article-extraction benchmark (see `BENCHMARKS.md`,
//! "Reading"): body F1 0.97 against dom_smoothie's 0.87 on the same 181 pages.
//!
//! - Title: the page's metadata title (`og:title`, JSON-LD headline, `<title>` without the
//!   site name), whitespace collapsed.
//! - Date: the publication date from the page's metadata (JSON-LD, `article:published_time`,
//!   ...); where it gives none (or a placeholder such as `0001-01-01`), the date line nearest
//!   the headline in the page's visible text, as in a text dump of the page (`By Jo Smith |
//!   Nov. 18, 2019`); else `None`. Never the crawl date.
//! - Body: the main text, one paragraph per block, paragraphs joined by `"\n\n"`; a page of a
//!   few lines, which the extractor reads with its text repeated, is read as it shows.
//! - URL: the canonical URL when the page declares one.
//!
//! The character encoding is detected from the bytes (a `<meta charset>` or a BOM, UTF-8 by
//! default); a page saved as UTF-16 with a byte order mark is decoded first, whatever its
//! `<meta charset>` says. A page taken as UTF-8 that is not is decoded as raw text is
//! ([`super::legacy`]), and the article says so ([`Article::transcoded`]). A NUL byte (in UTF-16, a NUL character) in
//! the first 8 KiB is [`ReadError::Binary`]; an undecodable UTF-16 page is
//! [`ReadError::InvalidUtf16`]. A page with no article text is [`ReadError::NoText`]; a page over
//! [`MAX_HTML_BYTES`] is [`ReadError::Html`]; an extractor failure (or panic) is
//! [`ReadError::Html`].
//!
//! Malformed pages nesting elements deeper than 128 levels (thousands of unclosed `<div>` or
//! `<b>`), or leaving more than 8 formatting elements open at once, have the excess tags
//! removed and their text read as text of the element around them: the extractor recurses
//! once per level (`dateline index` reads on threads with 2 MiB stacks) and works in
//! proportion to the depth; see `reader/nesting.rs`. Pages within those limits are read as
//! they are.

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::reader::{nesting, utf16, ReadError};
use crate::Article;

/// Largest page read, in bytes: real article pages are well below; larger files are
/// reported rather than handed to the DOM parser.
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

/// Bytes of extracted text under which the extraction is compared with the page's visible
/// text: rs-trafilatura's last fallback repeats a page's text up to three times, and takes
/// it only for pages of under 100 characters.
const SHORT_EXTRACTION: usize = 1024;

/// NUL bytes within this many bytes from the start mean the file is binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// How many bytes from the start [`starts_as_page`] looks at: enough for an XML declaration
/// and a comment or two before the doctype, little enough to cost nothing per file.
const PAGE_SNIFF: usize = 1024;

/// Whether `bytes` (a file's start is enough) open as an HTML page: after an optional byte
/// order mark (UTF-8, or UTF-16 decoded), whitespace, `<?xml ...?>` declarations and
/// `<!-- -->` comments, `<!DOCTYPE html` or an `<html` tag, in any case, within the first
/// [`PAGE_SNIFF`] bytes.
///
/// Only the document's own opening counts, so a news text that starts with some other markup
/// (`<b>Breaking</b>`, `<p>`) or with `<htmlfoo` is not taken for a page.
pub(crate) fn starts_as_page(bytes: &[u8]) -> bool {
    let head = utf16::head_text(&bytes[..bytes.len().min(PAGE_SNIFF)]);
    let mut rest = head.as_bytes();
    loop {
        rest = rest.trim_ascii_start();
        let skipped = if rest.starts_with(b"<!--") {
            memchr::memmem::find(rest, b"-->").map(|end| end + 3)
        } else if rest.starts_with(b"<?") {
            memchr::memmem::find(rest, b"?>").map(|end| end + 2)
        } else {
            break;
        };
        match skipped {
            Some(n) => rest = &rest[n..],
            // Cut off within the sniffed bytes: too much before the page to be sure.
            None => return false,
        }
    }
    let tag_ends = |after: &[u8]| {
        after
            .first()
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>')
    };
    if let Some(after) = strip_prefix_ignore_case(rest, b"<!doctype") {
        let name = after.trim_ascii_start();
        return name.len() < after.len()
            && strip_prefix_ignore_case(name, b"html").is_some_and(tag_ends);
    }
    strip_prefix_ignore_case(rest, b"<html").is_some_and(tag_ends)
}

fn strip_prefix_ignore_case<'a>(text: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    (text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix))
        .then(|| &text[prefix.len()..])
}

/// Parses one HTML page into an [`Article`] with the given id (also its `path`).
///
/// # Example
/// ```
/// use dateline_core::reader::html;
///
/// let page = "<html><head><title>Talks open - Example News</title>\
///     <meta property=\"article:published_time\" content=\"2015-01-22T15:11:00Z\"></head>\
///     <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>\
///     <h1>Talks open</h1><p>London is hosting foreign officials from 21 countries to \
///     discuss a coordinated international effort against the militants.</p>\
///     <p>Philip Hammond said the talks would focus on foreign fighters and funding.</p>\
///     </article><footer>Copyright 2015 Example News</footer></body></html>";
/// let a = html::parse(page.as_bytes(), "talks.html").unwrap();
/// assert!(a.body.contains("London is hosting"));
/// assert!(!a.body.contains("Copyright"));
/// ```
pub fn parse(bytes: &[u8], id: &str) -> Result<Article, ReadError> {
    let utf16 = utf16::decode(bytes, BINARY_SNIFF as u64).transpose()?;
    let text = utf16.as_deref().map_or(bytes, str::as_bytes);
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    // UTF-16 was checked for NUL as it was decoded, at offsets of the file's bytes.
    if utf16.is_none() {
        if let Some(pos) = bytes.iter().take(BINARY_SNIFF).position(|&b| b == 0) {
            return Err(ReadError::Binary { offset: pos as u64 });
        }
    }
    if bytes.len() > MAX_HTML_BYTES {
        return Err(ReadError::Html(format!(
            "page too large ({:.1} MB; at most {} MB)",
            bytes.len() as f64 / 1e6,
            MAX_HTML_BYTES / (1024 * 1024)
        )));
    }
    let mut transcoded = None;
    let page = match &utf16 {
        // Already text: a `<meta charset="utf-16">` in it must not decode it again.
        Some(text) => Cow::Borrowed(text.as_str()),
        None => {
            let page = rs_trafilatura::encoding::transcode_to_utf8(bytes);
            // A replacement character where the bytes have none means the page was taken as
            // UTF-8 (declared so, or undeclared) and is not: decoded the way raw text is, so
            // that a Latin-1 `£` is not lost.
            if page.contains('\u{FFFD}') && std::str::from_utf8(bytes).is_err() {
                let (text, t) = super::legacy::decode(bytes);
                transcoded = t;
                Cow::Owned(text.into_owned())
            } else {
                Cow::Owned(page)
            }
        }
    };
    let page = nesting::limit(&page);
    let result = catch_unwind(AssertUnwindSafe(|| {
        // What `rs_trafilatura::extract_bytes` does, with the nesting bounded in between: the
        // extractor recurses once per level and works in proportion to the depth.
        rs_trafilatura::extract(&page)
    }))
    .map_err(|_| ReadError::Html("the HTML extractor failed on this page".to_string()))?;
    let result = match result {
        Ok(r) => r,
        Err(rs_trafilatura::Error::NoContent) => return Err(ReadError::NoText),
        Err(e) => return Err(ReadError::Html(e.to_string())),
    };
    let title = result
        .metadata
        .title
        .as_deref()
        .map(collapse)
        .filter(|t| !t.is_empty());
    // The page's visible text, rendered only where it is needed: for short extractions, and
    // for a date where the metadata has none.
    let visible = std::cell::OnceCell::new();
    let visible = || {
        visible
            .get_or_init(|| super::visible::visible_text(&page))
            .as_str()
    };
    let mut body = paragraphs(&result.content_text);
    if body.len() < SHORT_EXTRACTION {
        // rs-trafilatura's last fallback, for pages of under 100 characters of text, takes the
        // text of every element and so repeats it (`hello worldhello world`, the title glued
        // on): an extraction that holds all the page shows and more is replaced by what the
        // page shows. (An article body from the page's JSON-LD, which the page may not show,
        // does not hold the page's text.)
        let mut lines: Vec<&str> = visible().lines().collect();
        if title.is_some() && lines.first().map(|l| collapse(l)) == title {
            lines.remove(0);
        }
        let shown = lines.join("\n\n");
        let solid =
            |text: &str| -> String { text.chars().filter(|c| !c.is_whitespace()).collect() };
        let (extracted, page_text) = (solid(&body), solid(&shown));
        if !page_text.is_empty()
            && extracted.len() > page_text.len()
            && extracted.contains(&page_text)
        {
            body = shown;
        } else if let Some(once) = repeated_unit(&body) {
            // A malformed page that html5ever and the visible-text pass read differently
            // still gives the fallback's repetition, whole copies of one text.
            body = paragraphs(once);
        }
    }
    if title.is_none() && body.is_empty() {
        return Err(ReadError::NoText);
    }
    Ok(Article {
        id: id.to_string(),
        title,
        // Pages put placeholders such as `0001-01-01` in their metadata: undated, as
        // everywhere else, rather than a date of year 1. A page whose metadata has no date
        // may show one under its headline: read as its text dump would be.
        published: result
            .metadata
            .date
            .filter(|d| crate::date::within_years(*d))
            .or_else(|| shown_date(visible())),
        body,
        url: result
            .metadata
            .url
            .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        path: Some(id.to_string()),
        language: None,
        entities: Vec::new(),
        transcoded,
    })
}

/// The date line nearest the headline in a page's visible text (from
/// [`super::visible::visible_text`]), as the reader of text dumps of pages finds it
/// ([`super::page`]).
fn shown_date(visible: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let lines: Vec<&str> = visible.lines().collect();
    super::page::extract(&lines, None)
        .published
        .filter(|d| crate::date::within_years(*d))
}

/// Whitespace collapsed to single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text that `text` is two or more whole copies of, if it is (`hello worldhello world`),
/// compared without whitespace, since the copies are joined with or without a line break.
fn repeated_unit(text: &str) -> Option<&str> {
    let solid: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let n = solid.len();
    // The shortest period that divides the text: at least four characters, so that `haha`
    // or `...` stay as written.
    (4..=n / 2).filter(|&p| n.is_multiple_of(p)).find_map(|p| {
        let repeats = (p..n).all(|i| solid[i].1 == solid[i - p].1);
        repeats.then(|| text[..solid[p].0].trim_end())
    })
}

/// One paragraph per non-blank line, joined by `"\n\n"`.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
