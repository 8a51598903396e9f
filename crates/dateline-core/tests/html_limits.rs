//! Malformed HTML pages that nest thousands of levels deep: read on a thread with the stack of
//! a rayon worker (2 MiB, where `dateline index` reads pages), without overflowing it, with
//! their text.

use dateline_core::reader::{html, ReadError};
use dateline_core::Article;

/// Stack of the threads `dateline index` reads pages on (rayon's default).
const WORKER_STACK: usize = 2 << 20;

/// A page with a short paragraph, then `tail`.
fn page(tail: &str) -> String {
    format!("<html><head><title>T</title></head><body><p>Ministers met.</p>{tail}</body></html>")
}

/// Reads `page` with [`html::parse`] on a thread with a worker's stack.
fn read_on_worker_stack(page: String) -> Result<Article, ReadError> {
    std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(move || html::parse(page.as_bytes(), "deep.html"))
        .expect("spawn a reading thread")
        .join()
        .expect("the reading thread does not panic")
}

#[test]
fn thousands_of_unclosed_bold_tags_are_read() {
    let article = read_on_worker_stack(page(&"<b>bold ".repeat(8000))).expect("read");
    assert!(article.body.contains("Ministers met"), "{}", article.body);
    assert_eq!(article.body.matches("bold").count(), 8000);
}

#[test]
fn thousands_of_nested_divs_and_spans_are_read() {
    let article =
        read_on_worker_stack(page(&"<div><span>talks went on ".repeat(15_000))).expect("read");
    assert!(
        article.body.matches("talks went on").count() > 14_000,
        "{}",
        article.body.len()
    );
}

#[test]
fn six_thousand_unclosed_divs_are_read() {
    // Took 9 s when every level was handed to the extractor (the work grew with the square of
    // the depth); the text must still come through.
    let article = read_on_worker_stack(page(&"<div>more talks ".repeat(6000))).expect("read");
    assert!(
        article.body.matches("more talks").count() > 5000,
        "{}",
        article.body.len()
    );
}

#[test]
fn deeply_nested_tables_lists_and_closed_divs_are_read() {
    let sentence = "The talks in London went on late into the night and ended without a deal. ";
    for tail in [
        format!("<table><tr><td>{sentence}").repeat(5000),
        format!("<ul><li>{sentence}").repeat(5000),
        format!(
            "{}{}{}",
            "<div>".repeat(5000),
            format!("<p>{sentence}</p>").repeat(4),
            "</div>".repeat(5000)
        ),
    ] {
        let article = read_on_worker_stack(page(&tail)).expect("read");
        assert!(
            article.body.contains("ended without a deal"),
            "{:?}: {:?}",
            &tail[..20],
            article.body
        );
    }
}
