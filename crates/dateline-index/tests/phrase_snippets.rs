//! Snippets of phrase queries show the phrase: a passage holding an occurrence whenever the
//! body has one, the occurrence highlighted whole and the phrase's words nowhere else; on the
//! sample corpus, the seed article and Reuters-21578.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use dateline_core::analyzer::{analyze_tokens, analyze_tokens_with, Stemming};
use dateline_index::{Hit, Index, IngestOptions, SearchRequest};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::TantivyDocument;

/// The repository's `sample/` corpus and the seed article, as the README's quick start
/// indexes them (ids relative to the repository).
fn sample() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let seed = common::shared_data("seed")?;
            let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
            let index = Index::create_in_ram().expect("index in RAM");
            let options = IngestOptions {
                id_root: Some(repo.clone()),
                ..IngestOptions::default()
            };
            index
                .ingest_paths(
                    &[repo.join("sample"), seed.join("london-terror-talks.txt")],
                    &options,
                    &|_| {},
                )
                .expect("ingest");
            Some(index)
        })
        .as_ref()
}

/// Reuters-21578, duplicates kept, built once for every test of this file.
fn reuters() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    INDEX
        .get_or_init(|| common::reuters_index(IngestOptions::default().commit_every))
        .as_ref()
}

/// The highlighted texts of a hit's snippet.
fn highlighted(hit: &Hit) -> Vec<&str> {
    let snippet = hit.snippet.as_ref().expect("a snippet");
    snippet
        .highlights
        .iter()
        .map(|&(s, e)| &snippet.text[s..e])
        .collect()
}

/// A word of a text: its analysed term, its position and whether it is highlighted.
struct Word {
    term: String,
    position: usize,
    marked: bool,
}

/// The words of a hit's snippet, analysed as `stemming` analyses them.
fn snippet_words(hit: &Hit, stemming: Stemming) -> Vec<Word> {
    let snippet = hit.snippet.as_ref().expect("a snippet");
    analyze_tokens_with(&snippet.text, stemming)
        .into_iter()
        .map(|t| Word {
            marked: snippet
                .highlights
                .iter()
                .any(|&(s, e)| s <= t.offset_from && t.offset_to <= e),
            term: t.text,
            position: t.position,
        })
        .collect()
}

/// The occurrences of a phrase of two or more words (analysed terms) among `words`, as a
/// phrase query with `slop` matches them: with slop, two words whose positions, less their
/// offsets in the phrase, lie at most `slop` apart, in either order (tantivy's rule for two
/// words); without, the words in a row. Each occurrence as indexes in `words`.
fn occurrences(words: &[Word], phrase: &[String], slop: usize) -> Vec<Vec<usize>> {
    let mut found = Vec::new();
    if slop == 0 {
        for start in 0..words.len() {
            let run: Vec<usize> = (start..start + phrase.len()).collect();
            let fits = run.iter().zip(phrase).all(|(&i, term)| {
                words.get(i).is_some_and(|w| {
                    w.term == *term && w.position == words[start].position + (i - start)
                })
            });
            if fits {
                found.push(run);
            }
        }
        return found;
    }
    assert_eq!(phrase.len(), 2, "sloppy phrases of two words only");
    for (a, first) in words.iter().enumerate() {
        for (b, second) in words.iter().enumerate() {
            if first.term == phrase[0]
                && second.term == phrase[1]
                && (first.position + 1).abs_diff(second.position) <= slop
            {
                found.push(vec![a, b]);
            }
        }
    }
    found
}

/// Whether a body holds the phrase `text` within `slop`, with either of the two analyses an
/// article may have been indexed with.
fn body_holds(body: &str, text: &str, slop: usize) -> bool {
    [Stemming::English, Stemming::None].into_iter().any(|s| {
        let words: Vec<Word> = analyze_tokens_with(body, s)
            .into_iter()
            .map(|t| Word {
                term: t.text,
                position: t.position,
                marked: false,
            })
            .collect();
        !occurrences(&words, &terms(text, s), slop).is_empty()
    })
}

fn terms(text: &str, stemming: Stemming) -> Vec<String> {
    analyze_tokens_with(text, stemming)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// Checks the snippet of a hit whose body holds the phrase `text` (with `slop`): the snippet
/// shows an occurrence, highlighted, and every highlighted word belongs to a highlighted
/// occurrence or is one of the `plain` words of the query (analysed terms).
fn assert_shows_phrase(hit: &Hit, text: &str, slop: usize, plain: &[&str]) {
    let shown = [Stemming::English, Stemming::None].into_iter().any(|s| {
        let words = snippet_words(hit, s);
        let marked_occurrences: Vec<Vec<usize>> = occurrences(&words, &terms(text, s), slop)
            .into_iter()
            .filter(|o| o.iter().all(|&i| words[i].marked))
            .collect();
        let stray = words.iter().enumerate().find(|(i, w)| {
            w.marked
                && !plain.contains(&w.term.as_str())
                && !marked_occurrences.iter().any(|o| o.contains(i))
        });
        !marked_occurrences.is_empty() && stray.is_none()
    });
    assert!(
        shown,
        "{}: the snippet of {text:?}~{slop} does not show it alone: {:?} {:?}",
        hit.id,
        highlighted(hit),
        hit.snippet.as_ref().map(|s| &s.text)
    );
}

/// The top 40 hits of `query`, and for each whether its body holds the phrase.
fn top_hits(index: &Index, query: &str, phrase: &str, slop: usize) -> Vec<(Hit, bool)> {
    let results = index
        .search(&SearchRequest::new(query).limit(40))
        .expect("search");
    results
        .hits
        .into_iter()
        .map(|hit| {
            let article = index.get(&hit.id).expect("get").expect("stored article");
            let holds = body_holds(&article.body, phrase, slop);
            (hit, holds)
        })
        .collect()
}

#[test]
fn foreign_fighters_shows_the_phrase_not_two_foreigns() {
    let Some(index) = sample() else { return };
    let results = index
        .search(&SearchRequest::new("\"foreign fighters\""))
        .expect("search");
    let hit = |suffix: &str| {
        results
            .hits
            .iter()
            .find(|h| h.id.ends_with(suffix))
            .unwrap_or_else(|| panic!("no hit {suffix}"))
    };
    for suffix in ["coalition-talks.txt", "london-terror-talks.txt", "wire-003"] {
        let hit = hit(suffix);
        assert_eq!(highlighted(hit), ["foreign fighters"], "{suffix}: {hit:?}");
    }
    let coalition = hit("coalition-talks.txt")
        .snippet
        .as_ref()
        .expect("snippet");
    assert!(
        coalition
            .text
            .contains("to stop foreign fighters from travelling to Syria"),
        "{}",
        coalition.text
    );
    let seed = hit("london-terror-talks.txt")
        .snippet
        .as_ref()
        .expect("snippet");
    assert!(
        seed.text
            .contains("the foreign fighters currently part of the group"),
        "{}",
        seed.text
    );
}

#[test]
fn a_phrase_is_highlighted_whole_and_its_words_nowhere_else() {
    let Some(index) = sample() else { return };
    let results = index
        .search(&SearchRequest::new("\"wouldn't be ready\""))
        .expect("search");
    let [hit] = results.hits.as_slice() else {
        panic!("{:?}", results.hits)
    };
    assert!(hit.id.ends_with("london-terror-talks.txt"), "{}", hit.id);
    // The body's apostrophe is typographic; the phrase's is folded to match it.
    assert_eq!(highlighted(hit), ["wouldn’t be ready"]);
}

#[test]
fn phrases_with_stop_words_sloppy_phrases_and_phrases_beside_words() {
    let Some(index) = sample() else { return };
    let cases: [(&str, &str, usize, &[&str]); 5] = [
        ("\"Bank of England\"", "Bank of England", 0, &[]),
        ("\"fighters foreign\"~2", "fighters foreign", 2, &[]),
        (
            "\"foreign fighters\" Europol",
            "foreign fighters",
            0,
            &["europol"],
        ),
        (
            "+\"foreign fighters\" Hammond",
            "foreign fighters",
            0,
            &["hammond"],
        ),
        ("al-Abadi", "al-Abadi", 0, &[]),
    ];
    for (query, phrase, slop, plain) in cases {
        let hits = top_hits(index, query, phrase, slop);
        assert!(
            hits.iter().any(|(_, holds)| *holds),
            "{query}: no body holds it"
        );
        for (hit, holds) in &hits {
            if *holds {
                assert_shows_phrase(hit, phrase, slop, plain);
            }
        }
    }
}

#[test]
fn reuters_phrases_are_in_the_snippet_whenever_the_body_has_them() {
    let Some(index) = reuters() else { return };
    let cases: [(&str, &str, usize, &[&str]); 8] = [
        ("\"oil prices\"", "oil prices", 0, &[]),
        ("\"crude oil\"", "crude oil", 0, &[]),
        ("\"trade deficit\"", "trade deficit", 0, &[]),
        ("\"budget deficit\"", "budget deficit", 0, &[]),
        ("\"Bank of England\"", "Bank of England", 0, &[]),
        ("\"oil prices\"~2", "oil prices", 2, &[]),
        ("\"prices oil\"~3", "prices oil", 3, &[]),
        ("\"trade deficit\" Japan", "trade deficit", 0, &["japan"]),
    ];
    for (query, phrase, slop, plain) in cases {
        let hits = top_hits(index, query, phrase, slop);
        let holding = hits.iter().filter(|(_, holds)| *holds).count();
        assert!(holding >= 20, "{query}: {holding} bodies hold it");
        for (hit, holds) in &hits {
            if *holds {
                assert_shows_phrase(hit, phrase, slop, plain);
            }
        }
    }
}

#[test]
fn trade_deficit_in_reuters_3615_is_shown_not_two_deficits() {
    let Some(index) = reuters() else { return };
    let results = index
        .search(&SearchRequest::new("\"trade deficit\"").limit(40))
        .expect("search");
    let hit = results
        .hits
        .iter()
        .find(|h| h.id == "3615")
        .expect("3615 among the top 40");
    assert_eq!(highlighted(hit), ["trade deficit"], "{hit:?}");
}

/// Queries without phrases keep tantivy's snippets: the same passage, the same highlights.
#[test]
fn snippets_of_words_are_tantivy_s() {
    let Some(index) = reuters() else { return };
    let searcher = index.tantivy().reader().expect("reader").searcher();
    let (body, id) = (index.schema().body, index.schema().id);
    for query in [
        "oil prices",
        "coffee",
        "trade deficit japan",
        "+wheat -corn",
        "interest rates OR dollar",
    ] {
        let request = SearchRequest::new(query).limit(30);
        let tantivy_query = index.build_query(&request).expect("query");
        let generator =
            SnippetGenerator::create(&searcher, &*tantivy_query, body).expect("generator");
        let mut generator = generator;
        generator.set_max_num_chars(200);
        let top = searcher
            .search(
                &*tantivy_query,
                &tantivy::collector::TopDocs::with_limit(30).order_by_score(),
            )
            .expect("search");
        let hits = index.search(&request).expect("search").hits;
        let mut compared = 0;
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address).expect("doc");
            let doc_id = doc
                .get_first(id)
                .and_then(|v| v.as_str())
                .expect("id")
                .to_string();
            let Some(hit) = hits.iter().find(|h| h.id == doc_id) else {
                continue;
            };
            let expected = generator.snippet_from_doc(&doc);
            if expected.is_empty() {
                continue;
            }
            let snippet = hit.snippet.as_ref().expect("snippet");
            assert_eq!(
                snippet.text,
                expected.fragment().replace('\n', " "),
                "{query}: {doc_id}"
            );
            let ranges: Vec<(usize, usize)> = expected
                .highlighted()
                .iter()
                .map(|r| (r.start, r.end))
                .collect();
            assert_eq!(snippet.highlights, ranges, "{query}: {doc_id}");
            compared += 1;
        }
        assert!(compared >= 20, "{query}: {compared}");
    }
}

/// The analyser of the tests is the index's: a check that the oracle above reads text as the
/// index does.
#[test]
fn the_oracle_reads_phrases_as_the_index_does() {
    assert_eq!(
        analyze_tokens("wouldn’t be ready")
            .into_iter()
            .map(|t| t.text)
            .collect::<Vec<_>>(),
        terms("wouldn't be ready", Stemming::English)
    );
}
