//! The JSON Lines reader on arbitrary bytes: never panics, never loops, one item per
//! non-blank line at most.
#![no_main]

use dateline_core::reader::jsonl::JsonLines;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.split(|&b| b == b'\n').count();
    let mut items = 0;
    for item in JsonLines::new(data, "fuzz.jsonl") {
        items += 1;
        assert!(items <= lines, "more items than lines");
        if let Ok(article) = item {
            assert!(!article.id.is_empty());
        }
    }
});
