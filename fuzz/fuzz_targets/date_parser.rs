//! The date parser on arbitrary text: never panics; a strict parse is also a lenient one.
#![no_main]

use dateline_core::date::{parse_date, parse_date_strict};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lenient = parse_date(text);
    if let Ok(strict) = parse_date_strict(text) {
        let _ = strict.instant.timestamp();
    }
    if let Some(parsed) = lenient {
        let _ = parsed.instant.to_rfc3339();
    }
});
