//! The news analyzer's stem memo against tantivy's own English stemmer, on real news text.

mod common;

use dateline_core::analyzer::{news_analyzer, NewsTokenizer};
use dateline_core::reader::{read_file, Format};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, RemoveLongFilter, Stemmer, TextAnalyzer, TokenStream,
};

fn terms(analyzer: &mut TextAnalyzer, text: &str, out: &mut Vec<String>) {
    out.clear();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
}

/// Every term of every BBC and Reuters article is what stemming each word afresh gives, on a
/// first pass (memo filling) and on a second (memo full): the memo's edits (`keep` bytes plus
/// an ending) and its short-word and long-word paths change nothing.
#[test]
fn memoised_stems_equal_tantivys_stemmer_on_bbc_and_reuters() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let mut texts = Vec::new();
    for (file, base) in [
        ("bbc-news/docs.jsonl", "bbc"),
        ("reuters21578/docs.jsonl.gz", "reuters"),
    ] {
        for article in read_file(&data.join(file), Format::JsonLines, base).expect("reads") {
            let article = article.expect("article parses");
            texts.extend(article.title);
            texts.push(article.body);
        }
    }
    assert!(texts.len() > 40_000, "{} texts", texts.len());
    let mut reference = TextAnalyzer::builder(NewsTokenizer)
        .filter(RemoveLongFilter::limit(64))
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build();
    let mut ours = news_analyzer();
    let (mut want, mut got) = (Vec::new(), Vec::new());
    let mut compared = 0usize;
    for pass in 0..2 {
        for text in &texts {
            terms(&mut reference, text, &mut want);
            terms(&mut ours, text, &mut got);
            assert_eq!(got, want, "pass {pass}: {text:.80}");
            compared += want.len();
        }
    }
    assert!(compared > 5_000_000, "{compared} terms compared");
}
