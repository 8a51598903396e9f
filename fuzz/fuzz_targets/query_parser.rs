//! The query parser and query builder on arbitrary text: never panic; errors point inside
//! the query.
#![no_main]

use std::sync::OnceLock;

use dateline_index::query::{parse, QueryBuilder};
use dateline_index::{Index, SearchRequest};
use libfuzzer_sys::fuzz_target;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::create_in_ram().expect("index in RAM"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse(text) {
        Ok(node) => {
            let _ = QueryBuilder::new(index().schema()).build(&node, text);
            // The whole path, tantivy included, on an empty index.
            let _ = index().count(&SearchRequest::new(text));
        }
        Err(e) => {
            assert!(
                e.column() <= text.chars().count() + 1,
                "column past the end"
            );
            let _ = e.pointer();
        }
    }
});
