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
