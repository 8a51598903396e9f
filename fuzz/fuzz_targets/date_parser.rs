//! The date parser on arbitrary text: never panics; a strict parse is also a lenient one, and
//! a whole date is also the first date found inside the text when it starts it.
#![no_main]

use dateline_core::date::{find_date_in, parse_date, parse_date_strict};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lenient = parse_date(text);
    if let Ok(strict) = parse_date_strict(text) {
        let _ = strict.instant.timestamp();
    }
    let inside = find_date_in(text);
    if let Some(parsed) = lenient {
        let _ = parsed.instant.to_rfc3339();
        // `parse_date` strips prefixes (`Published:`) that `find_date_in` steps over instead;
        // from the first token on, both read the same date.
        if text.trim_start().starts_with(|c: char| c.is_ascii_digit()) && text.len() <= 200 {
            assert_eq!(inside, Some(parsed), "{text:?}");
        }
    }
});
