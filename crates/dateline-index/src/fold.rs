//! Folding near duplicates out of a ranked page: each match is compared with the stories
//! ranked above it, and one that is the same story with small edits goes under that story
//! instead of taking a place on the page (see [`SearchRequest::fold_near_duplicates`]).
//!
//! Matches are read in rank order, in growing windows, until the page's stories are found or
//! [`FOLD_WINDOW`] matches have been compared; each comparison first checks a small sample of
//! the shorter article's word runs against the longer's, and only a pair that passes is
//! compared in full.

use dateline_core::shingles::{Shingles, MIN_CONTAINMENT, MIN_SHINGLES};
use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::Result;
use crate::search::{ranked_page, SearchRequest};
use crate::Index;

/// The most matches compared when folding near duplicates: the stories among the best this
/// many matches are all a folded search lists.
pub const FOLD_WINDOW: usize = 1_000;

/// Matches read per story asked for, in the first window.
const MATCHES_PER_STORY: usize = 3;

/// Word runs of the shorter article sampled before a full comparison.
const SAMPLE: usize = 16;

/// A story on a folded page: its first (best ranked) article, its runs and the copies found.
struct Story {
    score: Option<f32>,
    address: DocAddress,
    /// The stored article, read for its body: the hit is made from it.
    doc: TantivyDocument,
    shingles: Shingles,
    sample: Vec<u64>,
    copies: Vec<DocAddress>,
}

/// A page of hits, each with its stored article when it was read already, and the copies
/// folded into it.
pub(crate) type FoldedPage = Vec<(
    (Option<f32>, DocAddress),
    Option<TantivyDocument>,
    Vec<DocAddress>,
)>;

/// The page of `request` with near duplicates folded, and the number of matching articles.
pub(crate) fn folded_page(
    index: &Index,
    searcher: &Searcher,
    query: &dyn Query,
    request: &SearchRequest,
) -> Result<(FoldedPage, usize)> {
    let wanted = request.offset.saturating_add(request.limit);
    let mut window = wanted
        .saturating_mul(MATCHES_PER_STORY)
        .clamp(30, FOLD_WINDOW);
    let mut stories: Vec<Story> = Vec::new();
    let mut compared = 0;
    let total = loop {
        let (matches, total) = ranked_page(
            searcher,
            query,
            &request.clone().offset(compared).limit(window - compared),
        )?;
        let exhausted = compared + matches.len() < window;
        for (score, address) in matches {
            let doc: TantivyDocument = searcher.doc(address)?;
            let body = doc.get_first(index.schema.body).and_then(|v| v.as_str());
            let shingles = Shingles::of(body.unwrap_or_default());
            let sampled = sample(&shingles);
            match stories
                .iter_mut()
                .find(|s| same_story(s, &shingles, &sampled))
            {
                Some(story) => story.copies.push(address),
                None => stories.push(Story {
                    score,
                    address,
                    doc,
                    sample: sampled,
                    shingles,
                    copies: Vec::new(),
                }),
            }
        }
        compared = window;
        if stories.len() >= wanted || exhausted || window == FOLD_WINDOW {
            break total;
        }
        window = window.saturating_mul(4).min(FOLD_WINDOW);
    };
    let page: Vec<Story> = stories
        .into_iter()
        .skip(request.offset)
        .take(request.limit)
        .collect();
    let total = if request.count_total {
        total
    } else {
        request.offset + page.len()
    };
    let page = page
        .into_iter()
        .map(|s| ((s.score, s.address), Some(s.doc), s.copies))
        .collect();
    Ok((page, total))
}

/// The smallest runs of an article: a sample that near duplicates share.
fn sample(shingles: &Shingles) -> Vec<u64> {
    shingles.hashes().iter().take(SAMPLE).copied().collect()
}

/// Whether an article with these runs (and this [`sample`] of them) is a near duplicate of
/// `story`. The shorter's sample (its smallest hashes: a random choice of its runs) must be
/// mostly in the longer before the whole sets are compared: most pairs share no run at all.
fn same_story(story: &Story, shingles: &Shingles, sampled: &[u64]) -> bool {
    if story.shingles.len().min(shingles.len()) < MIN_SHINGLES {
        return false;
    }
    let (sampled, longer) = if story.shingles.len() <= shingles.len() {
        (&story.sample[..], shingles)
    } else {
        (sampled, &story.shingles)
    };
    let found = sampled
        .iter()
        .filter(|h| longer.hashes().binary_search(h).is_ok())
        .count();
    // A containment of 0.9 leaves about 1.6 of 16 sampled runs out; a sample missing over a
    // third of them is far below it.
    if (found as f64) < sampled.len() as f64 * (MIN_CONTAINMENT - 0.25) {
        return false;
    }
    story.shingles.near_duplicate(shingles)
}
