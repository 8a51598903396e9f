//! Folding near duplicates out of search pages (`SearchRequest::fold_near_duplicates`), on
//! Reuters-21578, whose wire sent many stories again with small changes.

mod common;

use std::collections::HashSet;
use std::sync::OnceLock;

use dateline_core::shingles::Shingles;
use dateline_index::{Index, SearchRequest, Sort};

fn reuters() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    // Several segments, and exact copies kept: they fold too.
    INDEX.get_or_init(|| common::reuters_index(4_000)).as_ref()
}

fn body(index: &Index, id: &str) -> Shingles {
    let article = index.get(id).expect("get").expect("the article is indexed");
    Shingles::of(&article.body)
}

/// Ids of the unfolded ranking of `request`, its first `n`.
fn ranking(index: &Index, request: &SearchRequest, n: usize) -> Vec<String> {
    let request = request.clone().limit(n).offset(0).snippets(false);
    let hits = index.search(&request).expect("search").hits;
    hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn folded_pages_list_distinct_stories_in_rank_order_with_their_copies() {
    let Some(index) = reuters() else {
        return;
    };
    let mut folded_somewhere = 0;
    for (query, sort) in [
        ("base rate cut", Sort::Relevance),
        ("\"debt bonds\" Manila", Sort::Relevance),
        ("dollar Bundesbank intervene", Sort::Relevance),
        ("Volcker", Sort::Date),
    ] {
        let request = SearchRequest::new(query).sort(sort).snippets(false);
        let unfolded = index.search(&request).expect("search");
        let order = ranking(index, &request, dateline_index::FOLD_WINDOW);
        let rank = |id: &str| order.iter().position(|o| o == id).expect("ranked");
        let mut seen: HashSet<String> = HashSet::new();
        let mut stories: Vec<(String, Shingles)> = Vec::new();
        for page in 0..3 {
            let folded = index
                .search(&request.clone().fold_near_duplicates(true).offset(page * 10))
                .expect("folded search");
            assert_eq!(folded.total, unfolded.total, "{query}: every match counts");
            assert_eq!(folded.hits.len(), 10, "{query}: pages of ten stories");
            for (i, hit) in folded.hits.iter().enumerate() {
                assert_eq!(hit.rank, page * 10 + i + 1);
                let own = body(index, &hit.id);
                // No story on a page is a near duplicate of one ranked above it.
                for (above, shingles) in &stories {
                    assert!(
                        !shingles.near_duplicate(&own),
                        "{query}: {} under {above}",
                        hit.id
                    );
                }
                for copy in &hit.near_duplicates {
                    assert!(body(index, copy).near_duplicate(&own), "{query}: {copy}");
                    assert!(rank(copy) > rank(&hit.id), "{query}: a copy ranks below");
                    folded_somewhere += 1;
                }
                for id in std::iter::once(&hit.id).chain(&hit.near_duplicates) {
                    assert!(seen.insert(id.clone()), "{query}: {id} listed twice");
                }
                stories.push((hit.id.clone(), own));
            }
        }
        // The stories come in the order of the unfolded ranking.
        let ranks: Vec<usize> = stories.iter().map(|(id, _)| rank(id)).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{query}: {ranks:?}");
    }
    assert!(folded_somewhere >= 10, "{folded_somewhere} copies folded");
}

#[test]
fn a_short_report_folds_into_its_longer_version() {
    let Some(index) = reuters() else {
        return;
    };
    // 3092 is the first paragraph of 3103 (3122 is a third copy); unfolded, two of them fill
    // the top of the page.
    let request = SearchRequest::new("Barclays Midland NatWest base rate").snippets(false);
    let top: Vec<String> = ranking(index, &request, 3);
    assert!(
        top.iter()
            .filter(|id| ["3092", "3103", "3122"].contains(&id.as_str()))
            .count()
            >= 2
    );
    let folded = index
        .search(&request.clone().fold_near_duplicates(true))
        .expect("search");
    let story = folded
        .hits
        .iter()
        .find(|h| ["3092", "3103", "3122"].contains(&h.id.as_str()))
        .expect("the story is on the page");
    let mut all = story.near_duplicates.clone();
    all.push(story.id.clone());
    all.sort();
    assert_eq!(all, ["3092", "3103", "3122"]);
    assert_eq!(
        folded.hits.len(),
        10,
        "the page is filled with other stories"
    );
}

#[test]
fn a_folded_page_past_the_matches_is_empty_and_counts_are_kept_without_a_total() {
    let Some(index) = reuters() else {
        return;
    };
    let request = SearchRequest::new("\"debt bonds\" Manila")
        .fold_near_duplicates(true)
        .snippets(false);
    let all = index
        .search(&request.clone().limit(usize::MAX))
        .expect("search");
    let listed: usize = all.hits.iter().map(|h| 1 + h.near_duplicates.len()).sum();
    assert_eq!(listed, all.total, "every match is a story or a copy");
    assert!(all.hits.len() < all.total);
    let past = index
        .search(&request.clone().offset(all.hits.len()))
        .expect("search");
    assert!(past.hits.is_empty());
    let uncounted = index
        .search(&request.clone().count_total(false).limit(5))
        .expect("search");
    assert_eq!(uncounted.total, 5);
    let ids: Vec<&str> = uncounted.hits.iter().map(|h| h.id.as_str()).collect();
    let first: Vec<&str> = all.hits[..5].iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, first);
}
