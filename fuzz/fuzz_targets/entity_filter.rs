//! Entity filters on arbitrary names, over an index of a few articles that name people,
//! organisations and places: reading a name as an article gives it (titles, `the`, a
//! possessive, an Arabic surname's article), the extractor's reading, and "did you mean"
//! never panic.
#![no_main]

use std::sync::OnceLock;

use dateline_core::Article;
use dateline_index::{Index, SearchRequest};
use libfuzzer_sys::fuzz_target;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = Index::create_in_ram().expect("index in RAM");
        let articles = [
            "Foreign Secretary Philip Hammond met Iraqi Prime Minister Haider al-Abadi in London. \
             Mr Hammond said Islamic State (ISIS) fighters were losing ground near Mosul.",
            "The Federal Reserve and the Bank of England held rates. Fed Chairman Paul Volcker \
             spoke in Washington; the U.S. dollar rose against the yen in Tokyo.",
            "Europol and the European Union asked member states in The Hague to share data on \
             foreign fighters travelling to Syria, said William Hague of the UK.",
        ];
        let articles = articles
            .iter()
            .enumerate()
            .map(|(n, body)| Article::new(format!("a{n}"), *body));
        index.add_articles(articles).expect("articles");
        index
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    let index = index();
    for request in [
        SearchRequest::new("").entity(name),
        SearchRequest::new("").person(name),
        SearchRequest::new("").org(name),
        SearchRequest::new("").place(name),
        SearchRequest::new("").misc(name),
        SearchRequest::new("").country(name),
    ] {
        let request = request.snippets(false);
        let _ = index.search(&request);
        let _ = index.entity_suggestions(&request);
    }
});
