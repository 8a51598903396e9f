//! The query language on real articles: malformed queries are errors with a column (never
//! run as something else), and an empty query is no query, on the seed article and
//! Reuters-21578.

mod common;

use dateline_index::{Error, Index, IngestOptions, SearchRequest};

/// The seed article alone, in an index in memory.
fn seed() -> Option<Index> {
    common::seed_index(None)
}

/// The error a query gives: its message, its column and the query with its caret.
fn error(index: &Index, query: &str) -> (String, usize, String) {
    match index.search(&SearchRequest::new(query)) {
        Err(Error::Query(e)) => (e.to_string(), e.column(), e.pointer()),
        Err(other) => panic!("{query}: not a query error: {other}"),
        Ok(results) => panic!("{query}: ran, {} articles", results.total),
    }
}

#[test]
fn malformed_queries_are_errors_with_their_column_never_another_query() {
    let Some(index) = seed() else { return };
    // Each of these ran before as another query: `title:-oil` as `title:oil`, `oil~3` as the
    // phrase "oil 3", `"…"~2x` as `"…"~2 x`, `~2` as the word `2`, `"…"~2~3` as `"…"~2`,
    // `title:body:oil` as the phrase "body oil" in titles, `"…"*` as the phrase or any
    // article; `title:(` said the query was empty.
    let tilde = "`~` goes after a word (`Hamond~1`: words within 1 edit) or a quoted phrase \
                 (\"a b\"~2: its words may move 2 places)";
    let nested = "inside another field; a word is searched in one field (title: or body:) or, \
                  without one, in both";
    let slop = "right after a phrase's `~N`; the slop ends at a space, `)` or the end of the \
                query, as in \"a b\"~2 c";
    let cases = [
        (
            "title:-ISIS",
            7,
            "`-` goes before the field: write `-title:ISIS` to exclude it".to_string(),
        ),
        (
            "talks title:+ISIS",
            13,
            "`+` goes before the field: write `+title:ISIS` to require it".to_string(),
        ),
        (
            "Hammond~3",
            9,
            "a word's `~N` is 0 to 2 edits and ends the word (`Hamond~1`; `Hamond~` is `~2`)"
                .to_string(),
        ),
        ("~2", 1, tilde.to_string()),
        ("\"terror talks\"~2x", 17, format!("`x` {slop}")),
        (
            "\"terror talks\"~2~3",
            17,
            "a phrase takes one `~N`".to_string(),
        ),
        ("title:body:ISIS", 7, format!("`body:` {nested}")),
        ("title:title:ISIS", 7, format!("`title:` {nested}")),
        (
            "title:(ISIS OR body:Hammond)",
            16,
            format!("`body:` {nested}"),
        ),
        ("title:(", 7, "this `(` is never closed".to_string()),
        ("(", 1, "this `(` is never closed".to_string()),
        (
            "talks ( )",
            9,
            "nothing inside these parentheses".to_string(),
        ),
        (
            "\"terror talks\"*",
            15,
            "a wildcard goes at the end of a word only, as in `migra*`; a phrase cannot end \
             in one"
                .to_string(),
        ),
    ];
    for (query, column, message) in cases {
        let (text, at, pointer) = error(&index, query);
        assert_eq!(
            (text, at),
            (format!("column {column}: {message}"), column),
            "{query}"
        );
        assert_eq!(
            pointer,
            format!("  {query}\n  {}^", " ".repeat(column - 1)),
            "{query}"
        );
    }
    // What stays valid: the sign before the field, a slop before `)`, a field repeated
    // inside its own group.
    let count = |q: &str| index.count(&SearchRequest::new(q)).expect(q);
    assert_eq!(count("-title:ISIS"), 0);
    assert_eq!(count("+title:ISIS"), 1);
    assert_eq!(count("(\"terror talks\"~2)"), 1);
    assert_eq!(count("title:(ISIS OR title:Daesh)"), 1);
}

#[test]
fn an_empty_query_is_every_article_the_filters_admit() {
    let Some(index) = common::reuters_index(IngestOptions::default().commit_every) else {
        return;
    };
    let count = |query: &str, from: &str, to: &str| {
        let request = SearchRequest::new(query)
            .from_str(from)
            .and_then(|r| r.to_str(to))
            .expect("dates");
        index.count(&request).expect(query)
    };
    // March 1987: the articles of the month, as with `*`.
    let march = count("*", "1987-03-01", "1987-03-31");
    assert_eq!(march, 11_544);
    for blank in ["", " ", "\t \n"] {
        assert_eq!(count(blank, "1987-03-01", "1987-03-31"), march, "{blank:?}");
        let all = index.count(&SearchRequest::new(blank)).expect("count");
        assert_eq!(all as u64, index.num_articles(), "{blank:?}");
    }
}
