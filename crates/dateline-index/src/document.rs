//! Conversion between articles and tantivy documents.

use chrono::{DateTime, Datelike, Utc};
use dateline_core::analyzer::{analyze_tokens_with, Stemming};
use dateline_core::entities::push_key;
use dateline_core::schema::{NewsSchema, NO_ENTITIES};
use dateline_core::segment::ascii_words;
use dateline_core::{Article, Entity, EntityKind};
use serde::Serialize;
use tantivy::schema::Value;
use tantivy::tokenizer::PreTokenizedString;
use tantivy::TantivyDocument;
use xxhash_rust::xxh3::Xxh3;

/// A typed entity as stored with an article.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct EntityRef {
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Its canonical name.
    pub name: String,
}

/// Hash of an identity, kept in a fast column so re-indexing can scan identities quickly.
pub(crate) fn id_hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

/// Hash of the file an article was read from (its [`Article::path`]), kept in a fast column so
/// that an update can be told to come from another file; `None` for an article without one.
pub(crate) fn source_hash(path: Option<&str>) -> Option<u64> {
    path.map(|p| xxhash_rust::xxh3::xxh3_64(p.as_bytes()))
}

/// Hashes of everything the reader produced: the record alone (`.0`: id, title, body, url,
/// date), and with the file it came from (`.1`, the fingerprint: a changed one means a changed
/// article). The same record in two files shares the first and not the second, so a copy of
/// a JSON Lines file is a duplicate while the path shown stays that of the first. The language
/// is left out: it is derived from the text, and leaving it out lets a re-run recognise an
/// unchanged article before spending language detection on it.
pub(crate) fn record_and_fingerprint(article: &Article) -> (u64, u64) {
    let mut h = Xxh3::new();
    for part in [
        article.id.as_str(),
        article.title.as_deref().unwrap_or("\u{0}"),
        article.body.as_str(),
        article.url.as_deref().unwrap_or("\u{0}"),
    ] {
        h.update(part.as_bytes());
        h.update(&[0xff]);
    }
    h.update(
        &article
            .published
            .map_or(i64::MIN, |d| d.timestamp())
            .to_le_bytes(),
    );
    let record = h.digest();
    let mut h = Xxh3::new();
    h.update(&record.to_le_bytes());
    h.update(article.path.as_deref().unwrap_or("\u{0}").as_bytes());
    (record, h.digest())
}

/// The fingerprint stored for an article whose entities were not extracted (an ingest with
/// [`IngestOptions::extract_entities`](crate::IngestOptions::extract_entities) off): another
/// value than [`record_and_fingerprint`]'s, so that a later run that extracts entities finds
/// the article changed and indexes it again with them, where it would pass it over as
/// unchanged. A run without extraction takes either value for unchanged, and leaves the
/// entities an article has.
pub(crate) fn without_entities(fingerprint: u64) -> u64 {
    // Any fixed non-zero mask: the two values of one article always differ.
    fingerprint ^ 0x9e37_79b9_7f4a_7c15
}

/// Words of body below which the title is part of the duplicate key too: a short body alone
/// ("Photo: Reuters") says too little to call two articles the same.
const SHORT_BODY_WORDS: usize = 50;

/// Key of an article's content for duplicate detection: its body with whitespace collapsed
/// and letters lower-cased, plus the title when the body is short. Titles are left out
/// otherwise because scrapes re-headline the same story ("China continues breakneck growth"
/// and "China continues rapid growth" over one body, as in BBC News).
///
/// The normalised text is written into one buffer and hashed once: fed to the hasher char by
/// char, it cost a fifth of the instructions of an ingest that drops duplicates.
pub(crate) fn content_key(article: &Article) -> u64 {
    xxhash_rust::xxh3::xxh3_64(&content_text(article))
}

/// The normalised text [`content_key`] hashes: each word lower-cased and followed by a space,
/// title then body, each ended by `0xff`.
fn content_text(article: &Article) -> Vec<u8> {
    let body = article.body.as_str();
    let short = body.split_whitespace().nth(SHORT_BODY_WORDS).is_none();
    let title = if short {
        article.title.as_deref().unwrap_or("")
    } else {
        ""
    };
    let mut text: Vec<u8> = Vec::with_capacity(title.len() + body.len() + 2);
    for part in [title, body] {
        if part.is_ascii() {
            // Byte by byte, with no char decoding.
            for word in ascii_words(part.as_bytes()) {
                text.extend(word.iter().map(u8::to_ascii_lowercase));
                text.push(b' ');
            }
        } else {
            let mut utf8 = [0u8; 4];
            for word in part.split_whitespace() {
                for c in word.chars().flat_map(char::to_lowercase) {
                    text.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
                }
                text.push(b' ');
            }
        }
        // Never a byte of UTF-8: the title cannot run into the body.
        text.push(0xff);
    }
    text
}

pub(crate) fn to_tantivy_date(d: DateTime<Utc>) -> tantivy::DateTime {
    tantivy::DateTime::from_timestamp_secs(d.timestamp())
}

/// Days since 1970-01-01 (UTC) of an instant: the `day` field's value.
pub(crate) fn day_number(d: DateTime<Utc>) -> i64 {
    d.timestamp().div_euclid(SECONDS_PER_DAY)
}

pub(crate) const SECONDS_PER_DAY: i64 = 86_400;

pub(crate) fn from_tantivy_date(d: tantivy::DateTime) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(d.into_timestamp_secs(), 0)
}

/// The indexed term of a typed entity: `PER:Philip Hammond` (a line break in a name, which
/// would split the term, becomes a space).
pub(crate) fn entity_term(kind: EntityKind, name: &str) -> String {
    let mut term = String::with_capacity(name.len() + 4);
    push_entity_term(&mut term, kind, name);
    term
}

/// Appends the [`entity_term`] of an entity to `out`.
fn push_entity_term(out: &mut String, kind: EntityKind, name: &str) {
    out.push_str(kind.code());
    out.push(':');
    for (i, line) in name.split('\n').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(line);
    }
}

/// The type and name of an [`entity_term`].
pub(crate) fn parse_entity_term(term: &str) -> Option<(EntityKind, &str)> {
    let (code, name) = term.split_once(':')?;
    let kind = EntityKind::ALL.into_iter().find(|k| k.code() == code)?;
    Some((kind, name))
}

/// The `entity_id` of an [`entity_term`].
pub(crate) fn entity_id(term: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(term.as_bytes())
}

/// The tantivy document of an article. Title and body go through the fields' analyzer when
/// `stemming` is English; otherwise they are analysed here without the stemmer and handed over
/// as pre-tokenized text (tantivy stores only the text of those). `extracted` is false when
/// entity extraction was skipped: the article is marked so.
pub(crate) fn to_document(
    s: &NewsSchema,
    article: &Article,
    fingerprint: u64,
    content: Option<u64>,
    stemming: Stemming,
    extracted: bool,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(s.id, &article.id);
    doc.add_u64(s.id_hash, id_hash(&article.id));
    doc.add_u64(s.fingerprint, fingerprint);
    if let Some(content) = content {
        doc.add_u64(s.content, content);
    }
    if let Some(source) = source_hash(article.path.as_deref()) {
        doc.add_u64(s.source, source);
    }
    if stemming == Stemming::None {
        doc.add_text(s.stemming, "none");
    }
    if !extracted {
        doc.add_text(s.stemming, NO_ENTITIES);
    }
    let mut add_text = |field, text: &str| match stemming {
        Stemming::English => doc.add_text(field, text),
        Stemming::None => doc.add_pre_tokenized_text(
            field,
            PreTokenizedString {
                text: text.to_string(),
                tokens: analyze_tokens_with(text, Stemming::None),
            },
        ),
    };
    if let Some(title) = &article.title {
        add_text(s.title, title);
    }
    add_text(s.body, &article.body);
    if let Some(published) = article.published {
        doc.add_date(s.published, to_tantivy_date(published));
        doc.add_i64(s.day, day_number(published));
        let date = published.date_naive();
        doc.add_i64(s.month, crate::calendar::month_number(date));
        doc.add_i64(s.year, i64::from(date.year()));
    }
    if let Some(path) = &article.path {
        doc.add_text(s.path, path);
    }
    if let Some(url) = &article.url {
        doc.add_text(s.url, url);
    }
    if let Some(lang) = &article.language {
        doc.add_text(s.lang, lang);
    }
    // All of an article's entities go in one value per field, a line each (see
    // `LinesTokenizer`); an entity listed twice is indexed and counted once. Terms and keys
    // are written into one buffer each: an article has a dozen of them.
    let mut typed = String::new();
    let mut ids: Vec<u64> = Vec::with_capacity(article.entities.len());
    let mut keys = String::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for entity in &article.entities {
        let start = typed.len();
        push_entity_term(&mut typed, entity.kind, &entity.name);
        let id = entity_id(&typed[start..]);
        if ids.contains(&id) {
            typed.truncate(start);
            continue;
        }
        ids.push(id);
        doc.add_u64(s.entity_id, id);
        typed.push('\n');
        for name in std::iter::once(&entity.name).chain(&entity.forms) {
            let start = keys.len();
            push_key(name, &mut keys);
            spans.push((start, keys.len()));
        }
    }
    if !typed.is_empty() {
        doc.add_text(s.entity, typed);
        spans.sort_unstable_by(|a, b| keys[a.0..a.1].cmp(&keys[b.0..b.1]));
        spans.dedup_by(|a, b| keys[a.0..a.1] == keys[b.0..b.1]);
        let mut lines = String::with_capacity(keys.len() + spans.len());
        for (i, &(start, end)) in spans.iter().enumerate() {
            if i > 0 {
                lines.push('\n');
            }
            lines.push_str(&keys[start..end]);
        }
        doc.add_text(s.entity_key, lines);
    }
    doc
}

fn first_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The entities stored with a document, of every type (people, organisations, places and
/// miscellaneous names such as demonyms: `--entity` filters, counts and `entities --type
/// misc` read all four, so an article lists all four too), in the order they were added.
pub(crate) fn entities_of(s: &NewsSchema, doc: &TantivyDocument) -> Vec<EntityRef> {
    doc.get_first(s.entity)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .lines()
        .filter_map(parse_entity_term)
        .map(|(kind, name)| EntityRef {
            kind,
            name: name.to_string(),
        })
        .collect()
}

/// Rebuilds the stored article (entities carry their name and type; forms are not stored).
pub(crate) fn to_article(s: &NewsSchema, doc: &TantivyDocument) -> Article {
    Article {
        id: first_str(doc, s.id).unwrap_or_default(),
        title: first_str(doc, s.title),
        published: doc
            .get_first(s.published)
            .and_then(|v| v.as_datetime())
            .and_then(from_tantivy_date),
        body: first_str(doc, s.body).unwrap_or_default(),
        url: first_str(doc, s.url),
        path: first_str(doc, s.path),
        language: first_str(doc, s.lang),
        entities: entities_of(s, doc)
            .into_iter()
            .map(|e| Entity {
                kind: e.kind,
                forms: vec![e.name.clone()],
                name: e.name,
                mentions: 0,
            })
            .collect(),
        // The index keeps the text, not how it was read.
        transcoded: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`content_text`] by the definition: Unicode whitespace, each char lower-cased alone.
    fn reference(title: &str, body: &str) -> Vec<u8> {
        let short = body.split_whitespace().nth(SHORT_BODY_WORDS).is_none();
        let mut out = Vec::new();
        for part in [if short { title } else { "" }, body] {
            for word in part.split_whitespace() {
                let lower: String = word.chars().flat_map(char::to_lowercase).collect();
                out.extend(lower.bytes());
                out.push(b' ');
            }
            out.push(0xff);
        }
        out
    }

    #[test]
    fn copies_differing_in_case_and_spacing_share_a_key_and_other_words_do_not() {
        let a = Article::new("a", "The  Fed\traised RATES.\n\nÉTÉ chaud");
        let b = Article::new("b", " the fed raised rates. \u{b}été CHAUD ");
        let c = Article::new("c", "The Fed cut rates. été chaud");
        assert_eq!(content_key(&a), content_key(&b));
        assert_ne!(content_key(&a), content_key(&c));
    }

    proptest! {
        #[test]
        fn the_content_text_is_the_lower_cased_words_of_title_and_short_body(
            title in "[a-zA-Z \t\n\u{b}\u{c}\u{a0}\u{3000}ÉéİẞΣ]{0,20}",
            body in "[a-zA-Z. \t\n\u{b}\u{c}\u{a0}\u{3000}ÉéİẞΣ]{0,300}",
        ) {
            let mut article = Article::new("x", body.clone());
            article.title = Some(title.clone());
            prop_assert_eq!(content_text(&article), reference(&title, &body));
        }
    }
}
