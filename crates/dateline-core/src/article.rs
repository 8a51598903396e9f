//! The article model: what every reader produces and every index stores.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::entities::Entity;

/// One news article, as read from a raw text file, a JSON Lines record or built by a program.
///
/// `body` keeps the article's paragraphs separated by a blank line (`"\n\n"`) and keeps
/// typographic quotes as they were written.
///
/// # Example
/// ```
/// use dateline_core::Article;
///
/// let article = Article::new("london-talks", "Philip Hammond spoke in London.")
///     .with_title("London hosts terror talks")
///     .with_published("2015-01-22T15:11:00Z".parse().unwrap());
/// assert_eq!(article.title.as_deref(), Some("London hosts terror talks"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identity: the JSON `id`, or the file path relative to the indexed root.
    pub id: String,
    /// The headline, if one was found.
    pub title: Option<String>,
    /// Publication instant (UTC). `None` when no date could be recognised: never invented.
    pub published: Option<DateTime<Utc>>,
    /// Body paragraphs joined by `"\n\n"`.
    pub body: String,
    /// Where the article was published, when known.
    pub url: Option<String>,
    /// The file the article was read from (relative to the indexed root), when known.
    pub path: Option<String>,
    /// The language of the text (ISO 639-1 code such as `"en"`), when it could be detected.
    /// Only English articles are stemmed.
    #[serde(default)]
    pub language: Option<String>,
    /// Named entities; empty until [`crate::entities::EntityExtractor`] fills them in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// Set when the file (or JSON line) was not UTF-8 and its text was decoded from another
    /// encoding ([`crate::reader::legacy`]) instead of being skipped: the ingest warns about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcoded: Option<Transcoded>,
}

/// How an article's text that was not UTF-8 was read ([`crate::reader::legacy`]).
///
/// ```
/// use dateline_core::article::Transcoded;
///
/// let t = Transcoded { encoding: "windows-1252".into(), line: 5, byte: 257 };
/// assert_eq!(t.to_string(), "not UTF-8 (byte 257): read as windows-1252");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcoded {
    /// The encoding the text was read as, by its WHATWG name (`windows-1252`, `Shift_JIS`);
    /// for UTF-8 with stray bytes, the encoding of those bytes.
    pub encoding: String,
    /// 1-based line of the first byte that is not UTF-8 (for a JSON line, the line's number).
    pub line: usize,
    /// Offset of that byte from the start of the (decompressed) file.
    pub byte: u64,
}

impl std::fmt::Display for Transcoded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not UTF-8 (byte {}): read as {}",
            self.byte, self.encoding
        )
    }
}

impl Article {
    /// A new article with an identity and a body; everything else empty.
    pub fn new(id: impl Into<String>, body: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the publication instant.
    pub fn with_published(mut self, published: DateTime<Utc>) -> Self {
        self.published = Some(published);
        self
    }

    /// Sets the URL.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The body's paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").filter(|p| !p.trim().is_empty())
    }
}
