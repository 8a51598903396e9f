//! JSON Lines articles: one JSON object per non-blank line.
//!
//! # Fields
//!
//! - `id`: a string or a number (kept as text, digit for digit as written: `1e3` and
//!   `18446744073709551617` stay so). Missing, `null` or blank: `"{id_base}#L{line}"`.
//! - `title`: a string or `null` (a blank string counts as no title).
//! - `date`: a string in any shape [`parse_date`] accepts (`YYYY-MM-DD`, RFC 3339, ...), a
//!   number, or `null`. A number is a Unix timestamp, integer or fractional, read by
//!   [`from_unix_timestamp`]: in seconds, or in milliseconds when its magnitude is at least
//!   10¹¹ (as seconds that would be after the year 5000; as milliseconds it is after March
//!   1973). A string that is not a recognisable date, and a number that gives no date in the
//!   years the date module reads (1800 to 2200) or lies within 10⁸ seconds of 1970 (where
//!   `0`, `-1`, years such as `2015` and `20150122` would otherwise become days of 1970), leave
//!   the article *without* a date (it is still read; a date is never invented). Any other
//!   value (a boolean, an array, an object) is a [`ReadError::BadField`].
//! - `body`: a string, kept as written except for trimming. Missing (or `null`) together with
//!   a missing title is a [`ReadError::MissingField`] `body`; with a title the body is empty.
//! - `url`: a string or `null`; `source` is used as the URL when `url` is absent (or `null`
//!   or blank) and `source` is a string starting with `http://` or `https://`.
//! - Where one of those fields is missing, the name another exporter gives it is read instead,
//!   the first present with a value of the right type, in this order (newspaper3k, news-please,
//!   trafilatura, schema.org and RSS exports):
//!   - title: `headline`;
//!   - date: `published`, `published_at`, `publishedAt`, `publish_date`, `date_publish`,
//!     `date_published`, `datePublished`, `pubDate`;
//!   - body: `text`, `content`, `maintext`, `article_body`, `articleBody`, `article`;
//!   - url: `link`.
//!
//!   Such a field of another type (a `content` object of `{"rendered": ...}`) is passed over:
//!   it is not known to be the article's.
//! - A body written in HTML (opening with a tag and holding `</p>`, `<br` or `</div>`, as some
//!   scrapers export it) is read as the text it shows, a paragraph per block element.
//! - Every other field is ignored. [`Article::path`] is set to `id_base`.
//!
//! A wrong type for `id`, `title`, `date`, `body` or `url` (a number, boolean, array or object
//! where a string is expected) is a [`ReadError::BadField`] naming the field and the line, and
//! that line is skipped: a record whose fields are the wrong shape is not guessed at. Blank
//! lines are skipped; a malformed line gives [`ReadError::Json`] and reading goes on with the
//! next line. A line that is not UTF-8 is decoded from the legacy encoding its bytes show
//! ([`super::legacy`]) and its article says so ([`crate::Article::transcoded`]). A NUL byte in
//! the first 8 KiB gives [`ReadError::Binary`] and ends the stream, as does an I/O error
//! ([`ReadError::Io`]).
//!
//! # Encoding
//!
//! Lines are UTF-8 (or a legacy encoding, decoded line by line), with an optional byte order mark.
//! A stream that starts with a UTF-16 byte order mark (`FF FE` little-endian, `FE FF` big-endian)
//! is decoded from UTF-16 as it is read, so its lines read as the same text in UTF-8 would. Its
//! errors count the stream's (UTF-16) bytes: a NUL character in the first 8 KiB is
//! [`ReadError::Binary`], an unpaired surrogate or a lone last byte is [`ReadError::InvalidUtf16`];
//! both end the stream.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Chain, Cursor, Read};

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::article::{Article, Transcoded};
use crate::date::{from_unix_timestamp, parse_date};
use crate::reader::utf16::{self, Utf16Reader};
use crate::reader::{ReadError, ReadResult};

/// NUL bytes within this many bytes from the start mean the stream is binary.
const BINARY_SNIFF: u64 = 8 * 1024;

/// Iterates over a JSON Lines stream: each non-blank line is one article.
///
/// Lines are read one at a time, so the stream is never held in memory as a whole.
///
/// # Example
/// ```
/// use dateline_core::reader::jsonl::JsonLines;
///
/// let data = "{\"title\": \"One\", \"body\": \"First.\"}\n\n{\"id\": 7, \"body\": \"Second.\"}\n";
/// let items: Vec<_> = JsonLines::new(data.as_bytes(), "docs.jsonl").collect();
/// assert_eq!(items.len(), 2);
/// assert_eq!(items[0].as_ref().unwrap().id, "docs.jsonl#L1");
/// assert_eq!(items[1].as_ref().unwrap().id, "7");
/// ```
pub struct JsonLines<R: BufRead> {
    reader: Input<R>,
    id_base: String,
    /// Number of the last line read (1-based).
    line_no: usize,
    /// Bytes consumed so far.
    offset: u64,
    buf: Vec<u8>,
    done: bool,
}

/// The stream lines are read from: as given, or decoded from UTF-16.
enum Input<R: BufRead> {
    Utf8(R),
    /// The bytes read before the byte order mark was seen, then the rest of the stream.
    Utf16(BufReader<Utf16Reader<Chain<Cursor<Vec<u8>>, R>>>),
    /// Only while switching from one to the other.
    Switching,
}

impl<R: BufRead> Input<R> {
    fn read_until(&mut self, byte: u8, buf: &mut Vec<u8>) -> io::Result<usize> {
        match self {
            Input::Utf8(r) => r.read_until(byte, buf),
            Input::Utf16(r) => r.read_until(byte, buf),
            Input::Switching => Ok(0),
        }
    }
}

impl<R: BufRead> JsonLines<R> {
    /// A reader of `reader`'s lines; `id_base` (the file's path relative to the indexed root)
    /// names articles without an `id`.
    pub fn new(reader: R, id_base: impl Into<String>) -> Self {
        JsonLines {
            reader: Input::Utf8(reader),
            id_base: id_base.into(),
            line_no: 0,
            offset: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl<R: BufRead> fmt::Debug for JsonLines<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonLines")
            .field("id_base", &self.id_base)
            .field("line_no", &self.line_no)
            .field("offset", &self.offset)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// One non-blank line of a JSON Lines stream, not parsed yet: parsing can then happen on
/// other threads ([`RawLine::parse`]) while the stream is read on one.
#[derive(Debug)]
pub struct RawLine {
    /// The line's number (1-based).
    pub line: usize,
    /// Byte offset of `bytes` in the stream (for a UTF-16 stream, in its text as UTF-8).
    pub offset: u64,
    /// The line's bytes, without a leading byte order mark.
    pub bytes: Vec<u8>,
}

impl RawLine {
    /// Decodes the line (UTF-8, or the legacy encoding its bytes show: [`super::legacy`]) and
    /// parses it (see [`parse_line`]).
    ///
    /// # Example
    /// ```
    /// use dateline_core::reader::jsonl::JsonLines;
    ///
    /// let mut lines = JsonLines::new(&b"{\"id\": 7, \"body\": \"x\"}\n"[..], "d.jsonl");
    /// let raw = lines.next_raw().unwrap().unwrap();
    /// assert_eq!(raw.parse("d.jsonl").unwrap().id, "7");
    /// ```
    pub fn parse(&self, id_base: &str) -> ReadResult {
        let (text, transcoded) = super::legacy::decode(&self.bytes);
        let mut article = parse_line(&text, self.line, id_base)?;
        article.transcoded = transcoded.map(|t| Transcoded {
            line: self.line,
            byte: self.offset + t.byte,
            ..t
        });
        Ok(article)
    }
}

impl<R: BufRead> JsonLines<R> {
    /// The next non-blank line, unparsed; `None` at the end of the stream. Binary content
    /// and I/O errors are errors here and end the stream.
    pub fn next_raw(&mut self) -> Option<Result<RawLine, ReadError>> {
        while !self.done {
            self.buf.clear();
            let n = match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Err(ReadError::from(e)));
                }
            };
            if self.offset == 0 && self.switch_to_utf16() {
                continue;
            }
            let mut offset = self.offset;
            self.offset += n as u64;
            self.line_no += 1;

            let mut line: &[u8] = &self.buf;
            if self.line_no == 1 {
                if let Some(rest) = line.strip_prefix(b"\xEF\xBB\xBF") {
                    line = rest;
                    offset += 3;
                }
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // Only the file's first bytes are sniffed: most lines are never scanned for NUL.
            // UTF-16 was sniffed as it was decoded, at offsets of its own bytes.
            let sniffed = match self.reader {
                Input::Utf16(_) => 0,
                _ => BINARY_SNIFF.saturating_sub(offset).min(line.len() as u64) as usize,
            };
            if let Some(pos) = line[..sniffed].iter().position(|&b| b == 0) {
                self.done = true;
                return Some(Err(ReadError::Binary {
                    offset: offset + pos as u64,
                }));
            }
            return Some(Ok(RawLine {
                line: self.line_no,
                offset,
                bytes: line.to_vec(),
            }));
        }
        None
    }

    /// The name given to articles without an `id` (with `#L{line}` appended).
    pub fn id_base(&self) -> &str {
        &self.id_base
    }

    /// When the first bytes read (in `buf`) are a UTF-16 byte order mark, goes on reading the
    /// stream from its start through a UTF-16 decoder, and says so.
    fn switch_to_utf16(&mut self) -> bool {
        let Some(order) = utf16::byte_order(&self.buf) else {
            return false;
        };
        let reader = match std::mem::replace(&mut self.reader, Input::Switching) {
            Input::Utf8(reader) => reader,
            other => {
                self.reader = other;
                return false;
            }
        };
        let seen = Cursor::new(std::mem::take(&mut self.buf));
        self.reader = Input::Utf16(BufReader::with_capacity(
            64 * 1024,
            Utf16Reader::new(seen.chain(reader), order, BINARY_SNIFF),
        ));
        true
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        Some(self.next_raw()?.and_then(|raw| raw.parse(&self.id_base)))
    }
}

/// Parses one JSON Lines line (numbered `line_no`, 1-based) into an article. See the
/// [module documentation](self) for the fields.
///
/// # Example
/// ```
/// use dateline_core::reader::jsonl::parse_line;
///
/// let line = r#"{"id": "r1", "title": "Cocoa", "date": "1987-02-26", "body": "Showers."}"#;
/// let a = parse_line(line, 1, "reuters/docs.jsonl").unwrap();
/// assert_eq!(a.id, "r1");
/// assert_eq!(a.published.unwrap().to_rfc3339(), "1987-02-26T00:00:00+00:00");
///
/// let a = parse_line(r#"{"body": "x", "date": "sometime"}"#, 3, "d.jsonl").unwrap();
/// assert_eq!(a.id, "d.jsonl#L3");
/// assert_eq!(a.published, None); // never invented
/// ```
pub fn parse_line(line: &str, line_no: usize, id_base: &str) -> ReadResult {
    if !line.trim_start().starts_with('{') {
        // serde would also read an array as a record, by position.
        return Err(ReadError::Json {
            line: line_no,
            message: "expected a JSON object".to_string(),
        });
    }
    let mut rec: Record<'_> = serde_json::from_str(line).map_err(|e| ReadError::Json {
        line: line_no,
        message: json_message(&e),
    })?;
    let bad = |field: &'static str, v: &Loose<'_>, expected: &str| ReadError::BadField {
        line: line_no,
        field,
        message: format!("expected {expected}, found {}", v.kind()),
    };

    let id = match rec.id.map(|raw| raw.get().trim()) {
        None | Some("null") => None,
        Some(text) if text.starts_with('"') => {
            let s: Cow<'_, str> = serde_json::from_str(text).map_err(|e| ReadError::Json {
                line: line_no,
                message: json_message(&e),
            })?;
            Some(s.trim().to_string()).filter(|s| !s.is_empty())
        }
        Some(text) if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => {
            Some(text.to_string())
        }
        Some(text) => {
            let found = match text.as_bytes().first() {
                Some(b'[') => "an array",
                Some(b'{') => "an object",
                _ => "a boolean",
            };
            return Err(ReadError::BadField {
                line: line_no,
                field: "id",
                message: format!("expected a string or a number, found {found}"),
            });
        }
    };
    let id = id.unwrap_or_else(|| format!("{id_base}#L{line_no}"));

    let title = match rec.title.as_ref().or_else(|| strings(&[&rec.headline])) {
        None | Some(Loose::Null) => None,
        Some(Loose::Str(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(v) => return Err(bad("title", v, "a string or null")),
    };

    let date = rec.date.as_ref().or_else(|| {
        dates(&[
            &rec.published,
            &rec.published_at,
            &rec.published_at_camel,
            &rec.publish_date,
            &rec.date_publish,
            &rec.date_published,
            &rec.date_published_camel,
            &rec.pub_date,
        ])
    });
    let published = match date {
        None | Some(Loose::Null) => None,
        Some(Loose::Str(s)) => parse_date(s).map(|d| d.instant),
        // serde_json wrote the number, so it parses back (as the nearest f64 when huge).
        Some(Loose::Number(n)) => n
            .parse::<f64>()
            .ok()
            .and_then(from_unix_timestamp)
            .map(|d| d.instant),
        Some(v) => return Err(bad("date", v, "a date string, a Unix timestamp or null")),
    };

    // Taken, not borrowed: a body with escapes is an owned string, whose buffer the article
    // keeps.
    let body = match rec.body.take().or_else(|| {
        [
            &mut rec.text,
            &mut rec.content,
            &mut rec.maintext,
            &mut rec.article_body,
            &mut rec.article_body_camel,
            &mut rec.article,
        ]
        .into_iter()
        .find(|f| matches!(f, Some(Loose::Str(_))))
        .and_then(Option::take)
    }) {
        None | Some(Loose::Null) => None,
        Some(Loose::Str(s)) if is_html(&s) => {
            Some(super::visible::visible_text(&s).replace('\n', "\n\n"))
        }
        Some(Loose::Str(s)) => Some(trimmed(s)),
        Some(v) => return Err(bad("body", &v, "a string")),
    };
    let body = match (body, &title) {
        (Some(body), _) => body,
        (None, Some(_)) => String::new(),
        (None, None) => {
            return Err(ReadError::MissingField {
                line: line_no,
                field: "body",
            })
        }
    };

    let url = match rec.url.as_ref().or_else(|| strings(&[&rec.link])) {
        None | Some(Loose::Null) => None,
        Some(Loose::Str(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(v) => return Err(bad("url", v, "a string or null")),
    };
    let url = url.or_else(|| match &rec.source {
        Some(Loose::Str(s)) if looks_like_url(s) => Some(s.trim().to_string()),
        _ => None,
    });

    Ok(Article {
        id,
        title,
        published,
        body,
        url,
        path: Some(id_base.to_string()).filter(|p| !p.is_empty()),
        language: None,
        entities: Vec::new(),
        transcoded: None,
    })
}

/// The first of another exporter's names for a field that holds a string.
fn strings<'r, 'a>(fields: &[&'r Option<Loose<'a>>]) -> Option<&'r Loose<'a>> {
    fields
        .iter()
        .find_map(|f| f.as_ref().filter(|v| matches!(v, Loose::Str(_))))
}

/// The first of another exporter's names for the date that holds a string or a number.
fn dates<'r, 'a>(fields: &[&'r Option<Loose<'a>>]) -> Option<&'r Loose<'a>> {
    fields.iter().find_map(|f| {
        f.as_ref()
            .filter(|v| matches!(v, Loose::Str(_) | Loose::Number(_)))
    })
}

/// Whether a body is HTML: it opens with a tag and holds a paragraph, line break or block end.
fn is_html(body: &str) -> bool {
    let body = body.trim_start();
    body.starts_with('<')
        && ["</p>", "<br", "</div>", "</P>", "<BR", "</DIV>"]
            .iter()
            .any(|tag| body.contains(tag))
}

/// The trimmed text, reusing an owned string's buffer when nothing is trimmed.
fn trimmed(s: Cow<'_, str>) -> String {
    match s {
        Cow::Owned(o) if o.trim().len() == o.len() => o,
        s => s.trim().to_string(),
    }
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && s.len() > 8
        && !s.contains(char::is_whitespace)
}

/// serde_json's message without its "at line 1 column N" (the line is ours), with the column,
/// or "at the end of the line" for a record cut short: serde_json places the end past the
/// line's newline, on a line 2 at column 0.
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match msg.strip_suffix(&suffix) {
        Some(m) if e.is_eof() => format!("{m} (at the end of the line)"),
        Some(m) => format!("{m} (column {})", e.column()),
        None => msg,
    }
}

/// The fields we read; everything else is skipped without being built.
#[derive(Deserialize)]
struct Record<'a> {
    /// Read raw: a number is kept as written, digit for digit (an id of 20 digits or more
    /// would otherwise become the nearest float, and two such ids one).
    #[serde(borrow, default)]
    id: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    title: Option<Loose<'a>>,
    #[serde(borrow, default)]
    date: Option<Loose<'a>>,
    #[serde(borrow, default)]
    body: Option<Loose<'a>>,
    #[serde(borrow, default)]
    url: Option<Loose<'a>>,
    #[serde(borrow, default)]
    source: Option<Loose<'a>>,
    // Other exporters' names, read where the names above are missing.
    #[serde(borrow, default)]
    headline: Option<Loose<'a>>,
    #[serde(borrow, default)]
    published: Option<Loose<'a>>,
    #[serde(borrow, default)]
    published_at: Option<Loose<'a>>,
    #[serde(borrow, default, rename = "publishedAt")]
    published_at_camel: Option<Loose<'a>>,
    #[serde(borrow, default)]
    publish_date: Option<Loose<'a>>,
    #[serde(borrow, default)]
    date_publish: Option<Loose<'a>>,
    #[serde(borrow, default)]
    date_published: Option<Loose<'a>>,
    #[serde(borrow, default, rename = "datePublished")]
    date_published_camel: Option<Loose<'a>>,
    #[serde(borrow, default, rename = "pubDate")]
    pub_date: Option<Loose<'a>>,
    #[serde(borrow, default)]
    text: Option<Loose<'a>>,
    #[serde(borrow, default)]
    content: Option<Loose<'a>>,
    #[serde(borrow, default)]
    maintext: Option<Loose<'a>>,
    #[serde(borrow, default)]
    article_body: Option<Loose<'a>>,
    #[serde(borrow, default, rename = "articleBody")]
    article_body_camel: Option<Loose<'a>>,
    #[serde(borrow, default)]
    article: Option<Loose<'a>>,
    #[serde(borrow, default)]
    link: Option<Loose<'a>>,
}

/// Any JSON value, keeping strings (borrowed where possible) and numbers; containers are
/// skipped. Lets a wrong type become a [`ReadError::BadField`] naming the field.
enum Loose<'a> {
    Null,
    Bool,
    Number(String),
    Str(Cow<'a, str>),
    Array,
    Object,
}

impl Loose<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Loose::Null => "null",
            Loose::Bool => "a boolean",
            Loose::Number(_) => "a number",
            Loose::Str(_) => "a string",
            Loose::Array => "an array",
            Loose::Object => "an object",
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Loose<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor(std::marker::PhantomData))
    }
}

struct LooseVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for LooseVisitor<'a> {
    type Value = Loose<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Loose::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Loose::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Loose::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Loose::Bool)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Loose::Number(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Loose::Number(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Loose::Number(v.to_string()))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Loose::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Loose::Str(Cow::Owned(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Loose::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Object)
    }
}
