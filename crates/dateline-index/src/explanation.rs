//! Why a hit scored what it did: tantivy's explanation tree, with its parts readable.

use serde::{Deserialize, Serialize};

/// How one part of a hit's score was computed: a value, what it is, and the parts it was
/// computed from. The root's value is the hit's score; for a bag of words its parts are the
/// query's terms, each with its query weight, idf (from `N` and `df`), weighted frequency and
/// length normalisation (see [`Bm25fQuery`](crate::Bm25fQuery)); phrases and boolean queries
/// give tantivy's own.
///
/// # Example
/// ```
/// use dateline_core::Article;
/// use dateline_index::{Index, SearchRequest};
///
/// let index = Index::create_in_ram()?;
/// index.add_articles(vec![
///     Article::new("a", "Hammond met Kerry in London.").with_title("Hammond in London"),
///     Article::new("b", "Kerry flew home."),
/// ])?;
/// let hit = &index.search(&SearchRequest::new("Hammond Kerry").explain(true))?.hits[0];
/// let why = hit.explanation.as_ref().unwrap();
/// assert!((why.value - hit.score.unwrap()).abs() < 1e-5);
/// assert_eq!(why.details.len(), 2, "one part per term");
/// assert_eq!(why.details[0].description, "term \"hammond\"");
/// print!("{why}");
/// # Ok::<(), dateline_index::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The value of this part.
    pub value: f32,
    /// What it is.
    pub description: String,
    /// The parts it was computed from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Explanation>,
    /// Remarks that go with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
}

impl From<&tantivy::query::Explanation> for Explanation {
    fn from(tantivy: &tantivy::query::Explanation) -> Self {
        // tantivy keeps the tree's fields private and gives them out only serialised.
        serde_json::to_value(tantivy)
            .and_then(serde_json::from_value)
            .unwrap_or_else(|_| Explanation {
                value: tantivy.value(),
                description: "score".to_string(),
                details: Vec::new(),
                context: Vec::new(),
            })
    }
}

impl std::fmt::Display for Explanation {
    /// The tree, one part a line, each indented under the part it goes into:
    /// `3.2140 = term "hammond"`; whole numbers without decimals.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_indented(f, 0)
    }
}

impl Explanation {
    fn write_indented(&self, f: &mut std::fmt::Formatter<'_>, depth: usize) -> std::fmt::Result {
        // Counts (frequencies, lengths, N, df) read better without decimals.
        let value = if self.value.fract() == 0.0 && self.value.abs() < 1e9 {
            format!("{:.0}", self.value)
        } else {
            format!("{:.4}", self.value)
        };
        writeln!(
            f,
            "{:indent$}{value} = {}",
            "",
            self.description,
            indent = 2 * depth
        )?;
        for line in &self.context {
            writeln!(f, "{:indent$}  ({line})", "", indent = 2 * depth)?;
        }
        for detail in &self.details {
            detail.write_indented(f, depth + 1)?;
        }
        Ok(())
    }
}
