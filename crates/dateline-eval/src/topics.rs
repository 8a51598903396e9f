//! Topics (queries): `qid<TAB>query` TSV files and classic TREC `<top>`
//! files, detected automatically.

use std::collections::HashSet;
use std::path::Path;

use crate::error::{read_text, FormatError, IN_MEMORY};

/// One topic: an id and the query text to run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Topic {
    /// The topic id, as used in qrels and runs (for example `51`).
    pub id: String,
    /// The query text, whitespace-normalised.
    pub query: String,
}

/// Which field of a TREC `<top>` topic becomes the query text. TSV topics
/// have a single text field, used whatever this says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QueryField {
    /// The `<title>` (the default, as in most TREC ad hoc runs).
    #[default]
    Title,
    /// The `<desc>` description.
    Description,
    /// Title followed by description.
    TitleAndDescription,
}

/// Reads a topics file (format auto-detected, see [`parse_topics`]), using
/// titles as queries.
///
/// # Errors
/// The file cannot be read, or any error of [`parse_topics`].
pub fn read_topics(path: impl AsRef<Path>) -> Result<Vec<Topic>, FormatError> {
    read_topics_with(path, QueryField::Title)
}

/// Like [`read_topics`], choosing which TREC field becomes the query.
///
/// # Errors
/// The file cannot be read, or any error of [`parse_topics`].
pub fn read_topics_with(
    path: impl AsRef<Path>,
    field: QueryField,
) -> Result<Vec<Topic>, FormatError> {
    let path = path.as_ref();
    let text = read_text(path)?;
    parse_named(&text, &path.display().to_string(), field)
}

/// Parses topics, using titles as queries. Text containing a `<top>` tag is
/// read as classic TREC topics (`<num> Number: 51`, `<title>`, `<desc>`,
/// closing tags optional); anything else as TSV, one `qid<TAB>query` per
/// line (blank and `#` lines skipped). Topics keep file order.
///
/// # Errors
/// A TSV line without a tab or with an empty id, a `<top>` without
/// `</top>` or `<num>`, or a repeated topic id; the error names the line.
pub fn parse_topics(text: &str) -> Result<Vec<Topic>, FormatError> {
    parse_topics_with(text, QueryField::Title)
}

/// Like [`parse_topics`], choosing which TREC field becomes the query.
///
/// # Errors
/// As for [`parse_topics`].
pub fn parse_topics_with(text: &str, field: QueryField) -> Result<Vec<Topic>, FormatError> {
    parse_named(text, IN_MEMORY, field)
}

fn parse_named(text: &str, origin: &str, field: QueryField) -> Result<Vec<Topic>, FormatError> {
    let topics = if find_ci(text, "<top>", 0).is_some() {
        parse_trec(text, origin, field)?
    } else {
        parse_tsv(text, origin)?
    };
    let mut seen = HashSet::new();
    for (line, topic) in &topics {
        if !seen.insert(topic.id.as_str()) {
            return Err(FormatError::DuplicateTopic {
                origin: origin.to_string(),
                line: *line,
                id: topic.id.clone(),
            });
        }
    }
    Ok(topics.into_iter().map(|(_, t)| t).collect())
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_tsv(text: &str, origin: &str) -> Result<Vec<(usize, Topic)>, FormatError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let malformed = |reason: &str| FormatError::Malformed {
            origin: origin.to_string(),
            line: line_no,
            reason: reason.to_string(),
        };
        let (id, query) = line
            .split_once('\t')
            .ok_or_else(|| malformed("expected a tab between topic id and query"))?;
        let id = id.trim();
        if id.is_empty() {
            return Err(malformed("empty topic id"));
        }
        out.push((
            line_no,
            Topic {
                id: id.to_string(),
                query: normalise(query),
            },
        ));
    }
    Ok(out)
}

/// ASCII case-insensitive search for `needle` (ASCII) in `hay` from byte
/// `from`; returns a byte offset.
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if from > h.len() || n.is_empty() {
        return None;
    }
    h[from..]
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
        .map(|p| p + from)
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Text of the field opened by `tag` inside `block`: up to the next tag
/// (any `<` followed by a letter or `/`), with `prefix` (like `Number:`)
/// stripped.
fn field_text(block: &str, tag: &str, prefix: &str) -> Option<String> {
    let start = find_ci(block, tag, 0)? + tag.len();
    let rest = &block[start..];
    let bytes = rest.as_bytes();
    let mut end = rest.len();
    for (i, w) in bytes.windows(2).enumerate() {
        if w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/') {
            end = i;
            break;
        }
    }
    let mut text = rest[..end].trim();
    if text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        text = &text[prefix.len()..];
    }
    Some(normalise(text))
}

fn parse_trec(
    text: &str,
    origin: &str,
    field: QueryField,
) -> Result<Vec<(usize, Topic)>, FormatError> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(open) = find_ci(text, "<top>", pos) {
        let line_no = line_of(text, open);
        let malformed = |reason: &str| FormatError::Malformed {
            origin: origin.to_string(),
            line: line_no,
            reason: reason.to_string(),
        };
        let body_start = open + "<top>".len();
        let close =
            find_ci(text, "</top>", body_start).ok_or_else(|| malformed("<top> without </top>"))?;
        let block = &text[body_start..close];
        let id = field_text(block, "<num>", "Number:")
            .ok_or_else(|| malformed("topic without <num>"))?;
        if id.is_empty() || id.contains(' ') {
            return Err(malformed("empty or invalid topic number"));
        }
        let title = field_text(block, "<title>", "Topic:").unwrap_or_default();
        let desc = field_text(block, "<desc>", "Description:").unwrap_or_default();
        let query = match field {
            QueryField::Title => title,
            QueryField::Description => desc,
            QueryField::TitleAndDescription => normalise(&format!("{title} {desc}")),
        };
        out.push((line_no, Topic { id, query }));
        pos = close + "</top>".len();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREC: &str = "<top>\n<num> Number: 51 \n<title> Topic: Airbus Subsidies\n\n<desc> Description:\nDocument will discuss government\nassistance to Airbus.\n<narr> Narrative:\nblah\n</top>\n\n<TOP>\n<NUM>52</NUM>\n<TITLE>South African Sanctions</TITLE>\n<DESC>sanctions against\nSouth Africa</DESC>\n</TOP>\n";

    #[test]
    fn trec_format() {
        let t = parse_topics(TREC).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(
            t[0],
            Topic {
                id: "51".into(),
                query: "Airbus Subsidies".into()
            }
        );
        assert_eq!(
            t[1],
            Topic {
                id: "52".into(),
                query: "South African Sanctions".into()
            }
        );
        let d = parse_topics_with(TREC, QueryField::Description).unwrap();
        assert_eq!(
            d[0].query,
            "Document will discuss government assistance to Airbus."
        );
        let td = parse_topics_with(TREC, QueryField::TitleAndDescription).unwrap();
        assert_eq!(
            td[1].query,
            "South African Sanctions sanctions against South Africa"
        );
    }

    #[test]
    fn tsv_format() {
        let t = parse_topics("1\twhat  similarity laws .\n\n2\tsecond\tquery\n").unwrap();
        assert_eq!(
            t[0],
            Topic {
                id: "1".into(),
                query: "what similarity laws .".into()
            }
        );
        assert_eq!(t[1].query, "second query");
        assert!(parse_topics("").unwrap().is_empty());
    }

    #[test]
    fn errors() {
        let e = parse_topics("1\tok\nno tab here\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "<input>:2: expected a tab between topic id and query"
        );
        let e = parse_topics("1\ta\n1\tb\n").unwrap_err();
        assert_eq!(e.to_string(), "<input>:2: duplicate topic id \"1\"");
        let e = parse_topics("\n<top>\n<num> 1\n").unwrap_err();
        assert_eq!(e.to_string(), "<input>:2: <top> without </top>");
        let e = parse_topics("<top><title>x</top>").unwrap_err();
        assert_eq!(e.to_string(), "<input>:1: topic without <num>");
        // Odd input never panics.
        for s in [
            "<top>",
            "<top><num>é</top>",
            "<top><num>Number:</top>",
            "\t",
            "é\t<",
        ] {
            let _ = parse_topics(s);
        }
    }
}
