//! Raw text articles: one article per file, as scraped.
//!
//! # Reading rules
//!
//! 1. Bytes: an empty file is [`ReadError::Empty`]; text starting with a UTF-16 byte order
//!    mark (`FF FE` or `FE FF`) is decoded from UTF-16 first (an unpaired surrogate or a lone
//!    last byte is [`ReadError::InvalidUtf16`] with its byte offset, a NUL character anywhere
//!    is [`ReadError::Binary`]); otherwise a NUL byte anywhere is [`ReadError::Binary`], a
//!    UTF-8 byte-order mark is skipped and the text is decoded as UTF-8, or, where it is not
//!    UTF-8, from the legacy encoding its bytes show ([`super::legacy`]; the article's
//!    [`Article::transcoded`] gives the encoding and the line and byte of the first byte that
//!    is not UTF-8); text that is only whitespace is [`ReadError::Empty`].
//! 2. Lines are split on `\n` (so CRLF works) and trimmed.
//! 3. Date line: the first line, among the first 15 non-blank lines, that is *as a whole* a
//!    date for [`parse_date`] gives [`Article::published`]. Lines before it are navigation junk
//!    and dropped. Without a date line, `published` is `None` (never invented).
//! 4. Junk lines are dropped wherever they are: lines that are mostly navigation-icon words
//!    (at least 3 words containing `icon`, making at least half of the words). Before the
//!    title, a few bare boilerplate lines are dropped too (`Advertisement`, `Skip to content`,
//!    `Share this article`, `Tweet`, `Sign in`, ...) and bylines (`By Jane Doe`).
//! 5. Title: the first non-blank, non-junk line after the date line (or from the top when
//!    there is no date line), if it looks like a headline: at most 250 characters. With a
//!    date line, in order:
//!    - that line is the title if it occurs again as a whole line (the headline written
//!      twice, as in the seed);
//!    - otherwise a headline-like line of at least four words *before* the date line that
//!      occurs twice near the top (a page title above a byline and the date) is the title;
//!    - otherwise that first line is the title unless it ends with a sentence period;
//!    - otherwise a headline-like line without a final period just before the date line
//!      (the `Title / date / body` layout) is the title;
//!    - otherwise the first line after the date, if headline-like.
//!
//!    Without a title the body starts at that first line. Later lines identical to the title
//!    (a repeated headline) are dropped.
//! 6. Body: the remaining lines split into paragraphs on blank lines; the lines of one
//!    paragraph are joined with a single space and paragraphs with `"\n\n"`. Typographic
//!    quotes and other characters are kept as they are.
//! 7. Neither title nor body: [`ReadError::NoText`]. A title without a body gives an empty
//!    body.
//!
//! Everything is linear in the size of the input; the date parser only ever sees short lines.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::article::{Article, Transcoded};
use crate::date::parse_date;
use crate::reader::boilerplate::BoilerplateModel;
use crate::reader::{page, utf16, ReadError};

/// How many non-blank lines from the top may hold the date line.
const DATE_LINE_WINDOW: usize = 15;
/// How many lines from the top are looked at for a repeated headline.
const REPEAT_WINDOW: usize = 400;
/// Longest headline, in characters.
const MAX_TITLE_CHARS: usize = 250;

/// Bare boilerplate lines (lower case) dropped before the title.
const LEADING_JUNK: &[&str] = &[
    "advertisement",
    "skip to content",
    "skip to main content",
    "share this article",
    "share this",
    "share",
    "menu",
    "search",
    "home",
    "close",
    "tweet",
    "share tweet",
    "email",
    "print",
    "comments",
    "sign in",
    "log in",
    "subscribe",
    "sign in subscribe",
    "read more",
    "learn more",
];

/// Parses one raw text article (bytes as read) into an [`Article`] with the given id; sets
/// `path` to `Some(id)`. See the [module documentation](self) for the rules.
///
/// # Example
/// ```
/// use dateline_core::reader::raw;
///
/// let text = "icon bookmarkicon cameraicon checkicon\n22 Jan, 2015 15:11\n\n\
///             London hosts talks\n\nLondon hosts talks\n\nFirst line\nof a paragraph.\n\nSecond.";
/// let a = raw::parse(text.as_bytes(), "seed.txt").unwrap();
/// assert_eq!(a.title.as_deref(), Some("London hosts talks"));
/// assert_eq!(a.published.unwrap().to_rfc3339(), "2015-01-22T15:11:00+00:00");
/// assert_eq!(a.body, "First line of a paragraph.\n\nSecond.");
/// assert_eq!(a.path.as_deref(), Some("seed.txt"));
/// ```
pub fn parse(bytes: &[u8], id: &str) -> Result<Article, ReadError> {
    parse_with(bytes, id, None)
}

/// Like [`parse`], with boilerplate learned from the file's folder or site
/// ([`BoilerplateModel`]): lines the model knows as boilerplate are never body text.
///
/// A file that looks like a whole scraped page (at least 40 non-blank lines, at least 30% of
/// them short and unpunctuated, like menus) is read by the scraped-page rules (`reader::page`)
/// instead of rules 3 to 6: the article is the densest run of prose, the title the page title
/// where it recurs near it, the date the date line nearest the title.
pub fn parse_with(
    bytes: &[u8],
    id: &str,
    model: Option<&BoilerplateModel>,
) -> Result<Article, ReadError> {
    let (text, transcoded) = decode(bytes)?;
    let mut article = read_lines(&text, id, model)?;
    article.transcoded = transcoded;
    Ok(article)
}

/// [`parse_with`] of decoded text.
fn read_lines(
    text: &str,
    id: &str,
    model: Option<&BoilerplateModel>,
) -> Result<Article, ReadError> {
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    if page::looks_like_page(&lines) {
        let found = page::extract(&lines, model);
        if found.title.is_none() && found.body.is_empty() {
            return Err(ReadError::NoText);
        }
        return Ok(Article {
            id: id.to_string(),
            title: found.title,
            published: found.published,
            body: found.body,
            url: None,
            path: Some(id.to_string()),
            language: None,
            entities: Vec::new(),
            transcoded: None,
        });
    }
    let learned = |line: &str| model.is_some_and(|m| m.is_boilerplate(line));

    // The date line.
    let mut date_idx = None;
    let mut published = None;
    for (i, line) in lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .take(DATE_LINE_WINDOW)
    {
        if let Some(d) = parse_date(line) {
            date_idx = Some(i);
            published = Some(d.instant);
            break;
        }
    }
    let start = date_idx.map_or(0, |i| i + 1);

    // The first content line after the date line (or from the top).
    let first = (start..lines.len()).find(|&i| !lines[i].is_empty() && !is_leading_junk(lines[i]));
    let first_headline = first.filter(|&i| looks_like_headline(lines[i]));
    let title_idx = match date_idx {
        None => first_headline,
        Some(d) => choose_title_around_date(&lines, d, first_headline),
    };
    let title_line = title_idx.map(|i| lines[i]);

    let mut body = String::new();
    if let Some(first) = first {
        let mut in_paragraph = false;
        for (i, &line) in lines.iter().enumerate().skip(first) {
            if line.is_empty() {
                in_paragraph = false;
                continue;
            }
            if Some(i) == title_idx
                || Some(line) == title_line
                || is_icon_junk(line)
                || learned(line)
            {
                continue;
            }
            if in_paragraph {
                body.push(' ');
            } else {
                if !body.is_empty() {
                    body.push_str("\n\n");
                }
                in_paragraph = true;
            }
            body.push_str(line);
        }
    }

    let title = title_line.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    if title.is_none() && body.is_empty() {
        return Err(ReadError::NoText);
    }
    Ok(Article {
        id: id.to_string(),
        title,
        published,
        body,
        url: None,
        path: Some(id.to_string()),
        language: None,
        entities: Vec::new(),
        transcoded: None,
    })
}

/// The title when there is a date line at `d`; `after` is the headline-like first content line
/// after it. See rule 5 of the module documentation.
fn choose_title_around_date(lines: &[&str], d: usize, after: Option<usize>) -> Option<usize> {
    // How often each short line occurs near the top (repeated headlines), bounded work.
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for &line in lines.iter().take(REPEAT_WINDOW) {
        if !line.is_empty() && line.len() <= 4 * MAX_TITLE_CHARS {
            *counts.entry(line).or_default() += 1;
        }
    }
    let repeated = |i: usize| counts.get(lines[i]).is_some_and(|&n| n >= 2);
    let candidate = |i: usize| {
        !lines[i].is_empty() && !is_leading_junk(lines[i]) && looks_like_headline(lines[i])
    };
    if let Some(a) = after.filter(|&a| repeated(a)) {
        return Some(a);
    }
    // A repeated headline of at least four words before the date line (page title, then the
    // headline again above the byline and date).
    let before_repeated = (0..d)
        .rev()
        .find(|&i| candidate(i) && repeated(i) && lines[i].split_whitespace().nth(3).is_some());
    if before_repeated.is_some() {
        return before_repeated;
    }
    if let Some(a) = after.filter(|&a| !ends_with_period(lines[a])) {
        return Some(a);
    }
    // `Title / date / body`: the content line just before the date line.
    (0..d)
        .rev()
        .find(|&i| !lines[i].is_empty() && !is_leading_junk(lines[i]))
        .filter(|&i| candidate(i) && !ends_with_period(lines[i]))
        .or(after)
}

/// Checks and decodes the bytes: empty, UTF-16, binary, BOM, UTF-8 or a legacy encoding,
/// whitespace only.
fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<Transcoded>), ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if let Some(text) = utf16::decode(bytes, u64::MAX) {
        let text = text?;
        if text.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        return Ok((Cow::Owned(text), None));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset: pos as u64 });
    }
    let (skip, rest) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3u64, rest),
        None => (0, bytes),
    };
    let (text, mut transcoded) = super::legacy::decode(rest);
    if let Some(t) = &mut transcoded {
        t.byte += skip;
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok((text, transcoded))
}

/// A line that is mostly navigation-icon words.
fn is_icon_junk(line: &str) -> bool {
    // Most lines have no `icon` at all: one pass over the bytes says so.
    let icon_at = |x: &[u8]| x[0] | 0x20 == b'i' && x.eq_ignore_ascii_case(b"icon");
    if line
        .as_bytes()
        .windows(4)
        .filter(|x| icon_at(x))
        .nth(2)
        .is_none()
    {
        return false;
    }
    let (mut words, mut icons) = (0usize, 0usize);
    for w in line.split_whitespace() {
        words += 1;
        if w.as_bytes()
            .windows(4)
            .any(|x| x.eq_ignore_ascii_case(b"icon"))
        {
            icons += 1;
        }
    }
    icons >= 3 && icons * 2 >= words
}

/// Junk that may come before the title: icon runs, bare boilerplate lines and bylines.
fn is_leading_junk(line: &str) -> bool {
    (line.len() <= 24 && LEADING_JUNK.iter().any(|j| line.eq_ignore_ascii_case(j)))
        || is_icon_junk(line)
        || is_byline(line)
}

/// `By Jane Doe`, `by Jeff Foust`, `By JANE DOE and JOHN ROE`: "by" and then only capitalised
/// words, `and` or `&` (at most 12 words). `By the numbers: ...` is not a byline.
fn is_byline(line: &str) -> bool {
    let mut words = line.split_whitespace();
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        return false;
    }
    let mut n = 0;
    for w in words {
        n += 1;
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if n > 11 || !(capitalised || w == "and" || w == "&") {
            return false;
        }
    }
    n > 0
}

fn looks_like_headline(line: &str) -> bool {
    line.chars().nth(MAX_TITLE_CHARS).is_none() && line.chars().any(char::is_alphanumeric)
}

/// Ends like a sentence (`.`), not with an ellipsis.
fn ends_with_period(line: &str) -> bool {
    line.ends_with('.') && !line.ends_with("..")
}
