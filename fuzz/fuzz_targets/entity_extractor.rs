//! The entity extractor on arbitrary text: never panics, its mentions quote the text at their
//! offsets, and indexing's pass (entities only) finds what `dateline extract`'s finds.
#![no_main]

use std::sync::OnceLock;

use dateline_core::entities::{EntityExtractor, MentionField};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static EXTRACTOR: OnceLock<EntityExtractor> = OnceLock::new();
    let extractor = EXTRACTOR.get_or_init(EntityExtractor::new);
    // The first byte picks the shape: a title line or none, the language, and capitals only
    // (the path that guesses a text's case first).
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let mut text = String::from_utf8_lossy(rest).into_owned();
    if mode & 8 != 0 {
        text = text.to_uppercase();
    }
    let (title, body) = match text.split_once('\n') {
        Some((title, body)) if mode & 1 != 0 => (Some(title), body),
        _ => (None, text.as_str()),
    };
    let language = match (mode >> 1) & 3 {
        0 => None,
        1 => Some("en"),
        2 => Some("de"),
        _ => Some("pt"),
    };
    let analysis = extractor.analyze_in(title, body, language);
    for m in &analysis.mentions {
        let field = match m.field {
            MentionField::Title => title.unwrap_or_default(),
            MentionField::Body => body,
        };
        assert!(m.start < m.end, "empty mention {m:?}");
        assert_eq!(field.get(m.start..m.end), Some(m.text.as_str()), "{m:?}");
    }
    for e in &analysis.entities {
        assert!(!e.name.trim().is_empty(), "unnamed entity {e:?}");
        assert!(e.mentions > 0, "{e:?}");
    }
    assert_eq!(extractor.extract_in(title, body, language), analysis.entities);
});
