//! The raw-text reader on arbitrary bytes: never panics, and what it returns is sane.
#![no_main]

use dateline_core::reader::raw;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = raw::parse(data, "fuzz.txt") {
        assert_eq!(article.id, "fuzz.txt");
        // A title is a headline: at most 250 characters by the raw rules, 300 by the page rules.
        if let Some(title) = &article.title {
            assert!(
                title.chars().count() <= 300,
                "title of {} chars",
                title.chars().count()
            );
        }
        // Output text comes from the input: never longer than it (plus paragraph joins).
        assert!(article.body.len() <= data.len() * 2 + 2);
    }
});
