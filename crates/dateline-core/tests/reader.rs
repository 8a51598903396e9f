//! Readers on real data (the seed, BBC News, Reuters-21578, CACM) and on bad inputs.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Utc};
use dateline_core::article::Transcoded;
use dateline_core::reader::boilerplate::BoilerplateModel;
use dateline_core::reader::jsonl::{parse_line, JsonLines};
use dateline_core::reader::{html, json_lines_from, raw, read_bytes, read_file, Format, ReadError};
use dateline_core::Article;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("test instant")
        .with_timezone(&Utc)
}

/// Reads a file expected to hold exactly one good article.
fn read_one(path: &Path, id: &str) -> Article {
    let format = Format::from_path(path).expect("a readable name");
    let mut items = read_file(path, format, id).expect("file reads");
    assert_eq!(items.len(), 1);
    items.pop().expect("one item").expect("one article")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

#[test]
fn seed_reads_with_title_date_and_21_paragraphs_without_junk() {
    let Some(path) = common::seed_path() else {
        return;
    };
    let a = read_one(&path, "seed/london-terror-talks.txt");
    assert_eq!(a.id, "seed/london-terror-talks.txt");
    assert_eq!(a.path.as_deref(), Some("seed/london-terror-talks.txt"));
    assert_eq!(
        a.title.as_deref(),
        Some("London hosts terror talks to combat ISIS")
    );
    assert_eq!(a.published, Some(utc("2015-01-22T15:11:00Z")));
    let paragraphs: Vec<&str> = a.paragraphs().collect();
    assert_eq!(paragraphs.len(), 21);
    assert_eq!(a.body.split("\n\n").count(), 21);
    assert!(paragraphs[0].starts_with("London is hosting foreign officials"));
    assert!(paragraphs[20].starts_with("\"It will be months yet"));
    assert!(!a.body.contains("icon"), "navigation junk left in the body");
    assert!(!a.body.contains("London hosts terror talks to combat ISIS"));
    assert!(
        a.body.contains("“underlying narrative”"),
        "typographic quotes kept"
    );
    assert!(paragraphs
        .iter()
        .all(|p| p.trim() == *p && !p.contains('\n')));
}

#[test]
fn bbc_news_raw_file_reads_title_from_line_one_and_no_date() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let path = data.join("bbc-news/raw/business/001.txt");
    let a = read_one(&path, "business/001.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Ad sales boost Time Warner profit")
    );
    assert_eq!(a.published, None);
    assert!(a
        .body
        .starts_with("Quarterly profits at US media giant TimeWarner jumped 76%"));
    assert!(!a.body.contains("Ad sales boost Time Warner profit"));
    assert!(a.paragraphs().count() >= 5);
}

#[test]
fn all_bbc_news_raw_files_read_with_titles_and_bodies() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let root = data.join("bbc-news/raw");
    let (mut ok, mut transcoded) = (0, Vec::new());
    for cat in ["business", "entertainment", "politics", "sport", "tech"] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(cat))
            .expect("category folder")
            .map(|e| e.expect("dir entry").path())
            .collect();
        entries.sort();
        for path in entries {
            let id = format!("{cat}/{}", path.file_name().unwrap().to_string_lossy());
            match read_file(&path, Format::RawText, &id)
                .expect("whole file reads")
                .remove(0)
            {
                Ok(a) => {
                    assert!(a.title.is_some(), "{id} has a title");
                    assert!(!a.body.is_empty(), "{id} has a body");
                    assert_eq!(a.published, None, "{id}: no date invented");
                    if let Some(t) = a.transcoded {
                        transcoded.push((id, t));
                    }
                    ok += 1;
                }
                Err(e) => panic!("{id}: {e}"),
            }
        }
    }
    assert_eq!(ok, 2225, "every file, the one with a Latin-1 byte too");
    // The dataset's one file that is not UTF-8: a Latin-1 `£` on line 5.
    assert_eq!(
        transcoded,
        [(
            "sport/199.txt".to_string(),
            Transcoded {
                encoding: "windows-1252".into(),
                line: 5,
                byte: 257
            }
        )]
    );
}

#[test]
fn the_bbc_file_with_a_latin1_byte_reads_as_the_dataset_s_utf8_copy_of_it() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let raw = read_file(
        &data.join("bbc-news/raw/sport/199.txt"),
        Format::RawText,
        "sport/199.txt",
    )
    .expect("whole file reads")
    .remove(0)
    .expect("the article");
    let copy = read_file(
        &data.join("bbc-news/docs.jsonl"),
        Format::JsonLines,
        "docs.jsonl",
    )
    .expect("whole file reads")
    .into_iter()
    .map(|a| a.expect("every line reads"))
    .find(|a| a.id == "sport/199")
    .expect("the JSON Lines copy");
    assert_eq!(raw.title, copy.title);
    assert_eq!(raw.body, copy.body);
    assert!(raw.body.contains("a £15.8m signing"), "{}", raw.body);
    assert_eq!(copy.transcoded, None, "the copy is UTF-8");
}

#[test]
fn reuters_jsonl_gz_reads_21578_articles_dated_1987() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let path = data.join("reuters21578/docs.jsonl.gz");
    assert_eq!(Format::from_path(&path), Some(Format::JsonLines));
    let items =
        read_file(&path, Format::JsonLines, "reuters21578/docs.jsonl.gz").expect("file reads");
    assert_eq!(items.len(), 21_578);
    let articles: Vec<Article> = items
        .into_iter()
        .map(|r| r.expect("every line is an article"))
        .collect();
    assert!(articles
        .iter()
        .all(|a| a.published.is_some_and(|d| d.year() == 1987)));
    assert_eq!(articles[0].id, "1");
    assert_eq!(articles[0].title.as_deref(), Some("BAHIA COCOA REVIEW"));
    assert_eq!(articles[0].published, Some(utc("1987-02-26T00:00:00Z")));
    assert!(articles[0]
        .body
        .starts_with("Showers continued throughout the week"));
    assert_eq!(articles[21_577].id, "21578");
    assert_eq!(
        articles.iter().filter(|a| a.title.is_some()).count(),
        20_841
    );
    assert_eq!(
        articles.iter().filter(|a| !a.body.is_empty()).count(),
        19_779
    );
}

#[test]
fn glasgow_cacm_jsonl_reads_3204_articles() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let path = data.join("glasgow/cacm/docs.jsonl");
    let items = read_file(&path, Format::JsonLines, "glasgow/cacm/docs.jsonl").expect("reads");
    assert_eq!(items.len(), 3204);
    let articles: Vec<Article> = items.into_iter().map(|r| r.expect("article")).collect();
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Preliminary Report-International Algebraic Language")
    );
    assert_eq!(articles[0].published, Some(utc("1958-12-01T00:00:00Z")));
    assert_eq!(articles[0].url, None, "a non-URL source is not a url");
    assert_eq!(articles.iter().filter(|a| a.title.is_some()).count(), 3203);
}

#[test]
fn jsonl_streaming_over_bufread_matches_read_file() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let path = data.join("glasgow/cacm/docs.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("open"));
    let count = JsonLines::new(file, "cacm").filter(|r| r.is_ok()).count();
    assert_eq!(count, 3204);
}

#[test]
fn empty_and_whitespace_files_are_empty_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", &b"  \n\r\n\t\n"[..]),
        ("bom.txt", &b"\xEF\xBB\xBF\n"[..]),
        ("empty.jsonl", &b""[..]),
        ("blank.jsonl", &b"\n\n  \n"[..]),
    ] {
        let path = write(dir.path(), name, bytes);
        let format = Format::from_path(&path).unwrap();
        assert!(
            matches!(read_file(&path, format, name), Err(ReadError::Empty)),
            "{name}"
        );
    }
    assert_eq!(ReadError::Empty.to_string(), "empty file");
}

#[test]
fn nul_bytes_are_binary_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", b"Title\n\nBody\0text");
    let err = read_file(&path, Format::RawText, "a.txt").unwrap_err();
    assert!(matches!(err, ReadError::Binary { offset: 11 }), "{err:?}");
    assert_eq!(err.to_string(), "binary content (NUL byte at byte 11)");

    let path = write(dir.path(), "b.jsonl", b"{\"body\": \"x\"}\n\0\0\0\0");
    let err = read_file(&path, Format::JsonLines, "b.jsonl").unwrap_err();
    assert!(matches!(err, ReadError::Binary { offset: 14 }), "{err:?}");
}

#[test]
fn text_that_is_not_utf8_is_decoded_and_says_where_and_as_what() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "latin1.txt",
        b"Title\n\nFirst paragraph.\nPrice \xA3400.\n",
    );
    let items = read_file(&path, Format::RawText, "latin1.txt").expect("file-level ok");
    let a = items[0].as_ref().expect("read, not skipped");
    assert_eq!(a.body, "First paragraph. Price £400.");
    let t = a.transcoded.as_ref().expect("transcoded");
    assert_eq!(
        (t.encoding.as_str(), t.line, t.byte),
        ("windows-1252", 4, 30)
    );
    assert_eq!(t.to_string(), "not UTF-8 (byte 30): read as windows-1252");

    // A UTF-8 byte order mark counts in the offset.
    let path = write(dir.path(), "bom.txt", b"\xEF\xBB\xBFTitle\n\n\xA3400.\n");
    let items = read_file(&path, Format::RawText, "bom.txt").expect("file-level ok");
    let a = items[0].as_ref().expect("read");
    assert_eq!(
        (a.title.as_deref(), a.body.as_str()),
        (Some("Title"), "£400.")
    );
    assert_eq!(
        a.transcoded.as_ref().map(|t| (t.line, t.byte)),
        Some((3, 10))
    );

    // A JSON line: the line's number, the byte's offset in the file; other lines untouched.
    let jsonl = b"{\"body\": \"a\"}\n{\"body\": \"caf\xe9\"}\n{\"body\": \"c\"}\n";
    let path = write(dir.path(), "bad.jsonl", jsonl);
    let items = read_file(&path, Format::JsonLines, "bad.jsonl").expect("file-level ok");
    let bodies: Vec<_> = items
        .iter()
        .map(|a| a.as_ref().unwrap().body.as_str())
        .collect();
    assert_eq!(bodies, ["a", "café", "c"]);
    let t = items[1]
        .as_ref()
        .unwrap()
        .transcoded
        .as_ref()
        .expect("transcoded");
    assert_eq!(
        (t.encoding.as_str(), t.line, t.byte),
        ("windows-1252", 2, 27)
    );
    assert_eq!(items[0].as_ref().unwrap().transcoded, None);
}

#[test]
fn an_html_page_taken_as_utf8_that_is_not_keeps_its_pound_signs() {
    let page = |head: &str| -> Vec<u8> {
        let mut bytes = format!(
            "<html><head>{head}<title>Budget - Example News</title></head><body><article>\
             <h1>Budget</h1><p>The chancellor set aside "
        )
        .into_bytes();
        bytes.extend_from_slice(b"\xA3400m for flood defences in towns along the River ");
        bytes.extend_from_slice(b"Severn, where caf\xE9s and shops were closed for weeks.</p>");
        bytes.extend_from_slice(
            b"<p>Councils said the money would not be enough to protect every town.</p>\
              </article></body></html>",
        );
        bytes
    };
    // Undeclared: rs-trafilatura would take it as UTF-8 and replace the bytes.
    let a = html::parse(&page(""), "budget.html").expect("read");
    assert!(a.body.contains("£400m for flood defences"), "{}", a.body);
    assert!(a.body.contains("cafés"), "{}", a.body);
    let t = a.transcoded.expect("transcoded");
    assert_eq!(t.encoding, "windows-1252");
    // Declared: decoded as declared, nothing to warn about.
    let declared = page("<meta charset=\"windows-1252\">");
    let a = html::parse(&declared, "budget.html").expect("read");
    assert!(a.body.contains("£400m for flood defences"), "{}", a.body);
    assert_eq!(a.transcoded, None);
}

#[test]
fn malformed_jsonl_line_is_reported_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = concat!(
        "{\"id\": \"a\", \"title\": \"First\", \"date\": \"2015-01-22\", \"body\": \"One.\"}\n",
        "\n",
        "{\"id\": \"b\", \"title\": \"Second\", \"body\": \"Two.\"}\n",
        "{\"id\": \"c\", \"title\": \"Broken\", \"body\": \"Three.\"\n",
        "{\"id\": 4, \"title\": null, \"body\": \"Four.\", \"extra\": [1, {\"x\": 2}]}\n",
        "[1, 2]\n",
        "{\"title\": \"Sixth\"}\n",
    );
    let path = write(dir.path(), "docs.jsonl", text.as_bytes());
    let items = read_file(&path, Format::JsonLines, "docs.jsonl").expect("reads");
    assert_eq!(items.len(), 6);
    assert_eq!(items[0].as_ref().unwrap().id, "a");
    assert_eq!(items[1].as_ref().unwrap().id, "b");
    let err = items[2].as_ref().unwrap_err();
    assert!(matches!(err, ReadError::Json { line: 4, .. }), "{err:?}");
    // The record lacks its closing brace: it ends too soon, at no column of its own.
    assert_eq!(
        err.to_string(),
        "line 4: malformed JSON: EOF while parsing an object (at the end of the line)"
    );
    let four = items[3].as_ref().unwrap();
    assert_eq!((four.id.as_str(), four.title.as_deref()), ("4", None));
    assert!(matches!(items[4], Err(ReadError::Json { line: 6, .. })));
    let six = items[5].as_ref().unwrap();
    assert_eq!(six.id, "docs.jsonl#L7");
    assert_eq!(
        (six.title.as_deref(), six.body.as_str()),
        (Some("Sixth"), "")
    );
}

#[test]
fn jsonl_fields_types_dates_and_urls() {
    let a = parse_line(
        r#"{"id": "x", "title": " T ", "date": "2015-01-22T15:11:00+02:00", "body": " B ", "url": "https://e.com/a"}"#,
        1,
        "d.jsonl",
    )
    .unwrap();
    assert_eq!(a.title.as_deref(), Some("T"));
    assert_eq!(a.body, "B");
    assert_eq!(a.published, Some(utc("2015-01-22T13:11:00Z")));
    assert_eq!(a.url.as_deref(), Some("https://e.com/a"));
    assert_eq!(a.path.as_deref(), Some("d.jsonl"));

    let a = parse_line(
        r#"{"body": "b", "date": "22 Jan, 2015 15:11", "source": "http://e.com/s"}"#,
        2,
        "d",
    )
    .unwrap();
    assert_eq!(a.published, Some(utc("2015-01-22T15:11:00Z")));
    assert_eq!(a.url.as_deref(), Some("http://e.com/s"));

    let a = parse_line(r#"{"body": "b", "date": "around easter"}"#, 3, "d").unwrap();
    assert_eq!(a.published, None, "an unrecognisable date is not invented");
    let a = parse_line(r#"{"body": "b", "date": null, "id": 12.5}"#, 3, "d").unwrap();
    assert_eq!((a.published, a.id.as_str()), (None, "12.5"));
    // Numeric ids are kept as written: past 2^64 a float would make two ids one.
    for id in ["18446744073709551617", "18446744073709551618", "-3", "1e3"] {
        let line = format!(r#"{{"id": {id}, "body": "b"}}"#);
        assert_eq!(parse_line(&line, 4, "d").unwrap().id, id);
    }
    let a = parse_line(r#"{"id": " r\u00e9f ", "body": "b"}"#, 4, "d").unwrap();
    assert_eq!(a.id, "r\u{e9}f");
    let err = parse_line(r#"{"id": {"n": 1}, "body": "b"}"#, 4, "d").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 4: bad field `id`: expected a string or a number, found an object"
    );

    let err = parse_line(r#"{"body": "b", "date": true}"#, 5, "d").unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::BadField {
                line: 5,
                field: "date",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "line 5: bad field `date`: expected a date string, a Unix timestamp or null, found a boolean"
    );
    let err = parse_line(r#"{"body": ["a"]}"#, 6, "d").unwrap_err();
    assert!(matches!(err, ReadError::BadField { field: "body", .. }));
    let err = parse_line(r#"{"id": true, "body": "a"}"#, 6, "d").unwrap_err();
    assert!(matches!(err, ReadError::BadField { field: "id", .. }));
    let err = parse_line(r#"{"id": "q"}"#, 9, "d").unwrap_err();
    assert!(matches!(
        err,
        ReadError::MissingField {
            line: 9,
            field: "body"
        }
    ));
    assert_eq!(err.line(), Some(9));
    assert_eq!(err.to_string(), "line 9: missing field `body`");
}

/// Records as other exporters write them: news-please (`maintext`, `date_publish`),
/// newspaper3k and trafilatura (`text`), schema.org (`headline`, `articleBody`,
/// `datePublished`), RSS (`link`, `pubDate`), and a WordPress export whose `content` is an
/// object and whose body is HTML.
#[test]
fn jsonl_records_of_other_exporters_are_read_by_their_field_names() {
    let talks = |line: &str| {
        let a = parse_line(line, 1, "d.jsonl").unwrap();
        assert_eq!(
            (a.title.as_deref(), a.body.as_str(), a.published),
            (
                Some("Talks"),
                "Ministers met.",
                Some(utc("2015-01-22T15:11:00Z"))
            ),
            "{line}"
        );
    };
    talks(
        r#"{"title": "Talks", "maintext": "Ministers met.", "date_publish": "2015-01-22 15:11:00"}"#,
    );
    talks(
        r#"{"headline": "Talks", "articleBody": "Ministers met.", "datePublished": "2015-01-22T15:11:00Z"}"#,
    );
    let a = parse_line(
        r#"{"title": "Talks", "text": "Ministers met.", "link": "https://e.com/b", "pubDate": "Thu, 22 Jan 2015 15:11:00 +0000"}"#,
        3,
        "rss.jsonl",
    )
    .unwrap();
    assert_eq!(a.url.as_deref(), Some("https://e.com/b"));
    assert_eq!(a.published, Some(utc("2015-01-22T15:11:00Z")));
    // The first name present wins: `body` over `text`, `date` over `published`.
    let a = parse_line(
        r#"{"body": "B", "text": "T", "date": "2015-01-22", "published": "2016-01-01"}"#,
        4,
        "d",
    )
    .unwrap();
    assert_eq!(
        (a.body.as_str(), a.published),
        ("B", Some(utc("2015-01-22T00:00:00Z")))
    );
    // A `content` object is not the body; the `text` after it is. An HTML body is read as
    // the text it shows, a paragraph per block.
    let a = parse_line(
        r#"{"title": "T", "content": {"rendered": "<p>x</p>"}, "text": "<p>Ministers met in <b>London</b>.</p><p>They talked &amp; ate.</p>"}"#,
        5,
        "wp.jsonl",
    )
    .unwrap();
    assert_eq!(a.body, "Ministers met in London.\n\nThey talked & ate.");
    // The names this reader has always read keep their checks.
    let err = parse_line(r#"{"body": {"rendered": "x"}}"#, 6, "d").unwrap_err();
    assert!(
        matches!(err, ReadError::BadField { field: "body", .. }),
        "{err:?}"
    );
}

#[test]
fn truncated_and_corrupt_gzip_are_io_errors_mentioning_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..2000 {
        lines.push_str(&format!(
            "{{\"id\": {i}, \"body\": \"article number {i}\"}}\n"
        ));
    }
    let gz = gzip(lines.as_bytes());
    let ok = write(dir.path(), "full.jsonl.gz", &gz);
    assert_eq!(
        read_file(&ok, Format::JsonLines, "full").unwrap().len(),
        2000
    );

    let cut = write(dir.path(), "cut.jsonl.gz", &gz[..gz.len() / 2]);
    let err = read_file(&cut, Format::JsonLines, "cut").unwrap_err();
    assert!(matches!(err, ReadError::Io(_)), "{err:?}");
    assert!(err.to_string().contains("gzip"), "{err}");

    let raw_gz = gzip(b"Title\n\nBody paragraph.\n");
    let cut = write(dir.path(), "cut.txt.gz", &raw_gz[..raw_gz.len() - 6]);
    let err = read_file(&cut, Format::RawText, "cut").unwrap_err();
    assert!(err.to_string().contains("gzip"), "{err}");
    assert!(read_bytes(&cut).is_err());

    let notgz = write(dir.path(), "plain.txt.gz", b"Title\n\nBody\n");
    let err = read_bytes(&notgz).unwrap_err();
    assert!(err.to_string().starts_with("cannot read: gzip"), "{err}");

    let full = write(dir.path(), "a.txt.gz", &raw_gz);
    let a = read_one(&full, "a.txt.gz");
    assert_eq!(
        (a.title.as_deref(), a.body.as_str()),
        (Some("Title"), "Body paragraph.")
    );

    let missing = dir.path().join("missing.txt");
    let err = read_file(&missing, Format::RawText, "missing").unwrap_err();
    assert!(err.to_string().starts_with("cannot read: "), "{err}");
}

#[test]
fn crlf_files_read_like_lf_files() {
    let dir = tempfile::tempdir().unwrap();
    let lf = "nav icon homeicon searchicon shareicon\n22 Jan, 2015 15:11\n\nHeadline here\n\nHeadline here\n\nPara one\nwraps.\n\nPara two.\n";
    let crlf = lf.replace('\n', "\r\n");
    let a = read_one(&write(dir.path(), "lf.txt", lf.as_bytes()), "x");
    let b = read_one(&write(dir.path(), "crlf.txt", crlf.as_bytes()), "x");
    assert_eq!(a, b);
    assert_eq!(b.title.as_deref(), Some("Headline here"));
    assert_eq!(b.body, "Para one wraps.\n\nPara two.");
    assert!(!b.body.contains('\r'));

    let jsonl = "{\"id\": \"1\", \"body\": \"x\"}\r\n{\"id\": \"2\", \"body\": \"y\"}\r\n";
    let path = write(dir.path(), "crlf.jsonl", jsonl.as_bytes());
    let items = read_file(&path, Format::JsonLines, "crlf.jsonl").unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|r| r.is_ok()));
}

#[test]
fn raw_file_with_junk_date_line_repeated_title_and_paragraphs_in_every_date_shape() {
    let dir = tempfile::tempdir().unwrap();
    let shapes = [
        ("22 Jan, 2015 15:11", "2015-01-22T15:11:00Z"),
        ("22 January 2015", "2015-01-22T00:00:00Z"),
        ("January 22, 2015", "2015-01-22T00:00:00Z"),
        ("Jan 22, 2015 3:11 PM", "2015-01-22T15:11:00Z"),
        ("Thursday, 22 January 2015", "2015-01-22T00:00:00Z"),
        ("2015-01-22", "2015-01-22T00:00:00Z"),
        ("2015-01-22T15:11:00Z", "2015-01-22T15:11:00Z"),
        ("2015-01-22T15:11:00+02:00", "2015-01-22T13:11:00Z"),
        ("2015-01-22 15:11", "2015-01-22T15:11:00Z"),
        ("Thu, 22 Jan 2015 15:11:00 +0000", "2015-01-22T15:11:00Z"),
        ("22 Jan 2015", "2015-01-22T00:00:00Z"),
        ("Jan. 22, 2015", "2015-01-22T00:00:00Z"),
        ("22/01/2015", "2015-01-22T00:00:00Z"),
        ("Published: 22 Jan, 2015 15:11 GMT", "2015-01-22T15:11:00Z"),
        ("Updated: 22 Jan 2015", "2015-01-22T00:00:00Z"),
    ];
    for (i, (line, expected)) in shapes.iter().enumerate() {
        let text = format!(
            "\u{feff}icon bookmarkicon cameraicon checkicon chevron downicon\n{line}\n\n\
             Talks open in London\n\nTalks open in London\n\n\
             “First” paragraph,\n  wrapped over two lines.  \n\n\n\
             Second paragraph.\n\nThird paragraph.\n"
        );
        let name = format!("shape{i}.txt");
        let a = read_one(&write(dir.path(), &name, text.as_bytes()), &name);
        assert_eq!(a.published, Some(utc(expected)), "{line}");
        assert_eq!(a.title.as_deref(), Some("Talks open in London"), "{line}");
        assert_eq!(
            a.body,
            "“First” paragraph, wrapped over two lines.\n\nSecond paragraph.\n\nThird paragraph.",
            "{line}"
        );
    }
}

#[test]
fn raw_file_edge_layouts() {
    // Title before the date line, body starting with a sentence.
    let a = raw::parse(
        b"Markets rally on Fed news\n2015-01-22\n\nStocks rose sharply on Thursday.\n\nMore.",
        "x",
    )
    .unwrap();
    assert_eq!(a.title.as_deref(), Some("Markets rally on Fed news"));
    assert_eq!(a.published, Some(utc("2015-01-22T00:00:00Z")));
    assert_eq!(a.body, "Stocks rose sharply on Thursday.\n\nMore.");

    // A sentence that merely mentions a date is not a date line.
    let a = raw::parse(b"Title\n\n22 Jan, 2015 was a day.\n", "x").unwrap();
    assert_eq!(a.published, None);
    assert_eq!(a.body, "22 Jan, 2015 was a day.");

    // A very long first line is not a title.
    let long = "word ".repeat(100);
    let a = raw::parse(long.as_bytes(), "x").unwrap();
    assert_eq!(a.title, None);
    assert_eq!(a.body, long.trim());

    // Title only.
    let a = raw::parse(b"Just a headline\n", "x").unwrap();
    assert_eq!(
        (a.title.as_deref(), a.body.as_str()),
        (Some("Just a headline"), "")
    );

    // Nothing but junk and a date.
    let err = raw::parse(
        b"icon bookmarkicon cameraicon checkicon\n22 Jan 2015\n\n",
        "x",
    )
    .unwrap_err();
    assert!(matches!(err, ReadError::NoText));
    assert_eq!(err.to_string(), "no article text found");
    assert_eq!(err.line(), None);
}

#[test]
fn fifty_megabyte_single_line_file_reads() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "The quick brown fox jumps over the lazy dog 2015. ";
    let n = 50 * 1024 * 1024 / sentence.len();
    let text = sentence.repeat(n);
    let path = write(dir.path(), "big.txt", text.as_bytes());
    let a = read_one(&path, "big.txt");
    assert_eq!(a.title, None);
    assert_eq!(a.published, None);
    assert_eq!(a.body.len(), text.trim().len());
}

#[test]
fn format_is_chosen_by_file_name() {
    let cases = [
        ("a.txt", Some(Format::RawText)),
        ("a.TXT", Some(Format::RawText)),
        ("a.txt.gz", Some(Format::RawText)),
        ("business/001", Some(Format::RawText)),
        ("story.text", Some(Format::RawText)),
        ("docs.jsonl", Some(Format::JsonLines)),
        ("docs.ndjson", Some(Format::JsonLines)),
        ("docs.JSONL.GZ", Some(Format::JsonLines)),
        (".hidden", None),
        (".hidden.jsonl", None),
        ("README", None),
        ("README.TXT", None),
        ("LICENSE", None),
        ("x.json", None),
        ("x.json.gz", None),
        ("page.html", Some(Format::Html)),
        ("page.htm.gz", Some(Format::Html)),
        ("photo.JPG", None),
        ("img.png.gz", None),
        ("archive.tar.gz", None),
    ];
    for (name, expected) in cases {
        assert_eq!(Format::from_path(Path::new(name)), expected, "{name}");
    }
}

/// Real scraped pages (article-extraction benchmark): page title, byline and date above the
/// body; the title is the repeated headline, not the byline.
#[test]
fn scraped_pages_with_bylines_get_the_headline_and_date() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let dir = data.join("article-extraction-benchmark/scraped_txt");
    let cases = [
        (
            "7de5241947a5f7147fe9787c6f6fa16685bfe66e6c35510a68780f27690dc4f0.txt",
            "Thousands of teachers pack Indiana Statehouse for protest",
            // "Published 11:34 PM EST Nov 19, 2019"
            "2019-11-20T04:34:00Z",
            "Indianapolis – Several thousand teachers",
        ),
        (
            "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4.txt",
            "Seeking a bigger role for a big rocket",
            "2019-11-18T00:00:00Z",
            "Earlier this month, NASA announced",
        ),
        (
            "e7301133baab43596f19076beab32096f6405b868e0a69bcfc3349e595d62475.txt",
            "Saraki, Melaye, Ben Bruce Drag IGP Idris to Court, Demand N500m",
            "2018-10-09T09:40:00Z",
            "President of the Senate, Bukola Saraki",
        ),
    ];
    for (name, title, date, body_start) in cases {
        let a = read_one(&dir.join(name), name);
        assert_eq!(a.title.as_deref(), Some(title), "{name}");
        assert_eq!(a.published, Some(utc(date)), "{name}");
        assert!(a.body.starts_with(body_start), "{name}: {:.80}", a.body);
        assert!(!a.body.contains(title), "{name}: title left in the body");
    }
}

#[test]
fn a_single_article_file_over_the_size_cap_is_refused_before_it_fills_memory() {
    let dir = tempfile::tempdir().unwrap();
    // A few hundred KB of gzip that would decompress to 80 MB of text.
    let mut text = b"Title\n\n".to_vec();
    text.resize(80 << 20, b'a');
    let bomb = write(dir.path(), "bomb.txt.gz", &gzip(&text));
    let err = read_file(&bomb, Format::RawText, "bomb.txt.gz").unwrap_err();
    assert!(
        matches!(err, ReadError::TooLarge { limit_mb: 64 }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "larger than 64 MB: not one article");
    // Just under the cap is read.
    text.truncate(dateline_core::reader::MAX_FILE_BYTES);
    let fits = write(dir.path(), "fits.txt", &text);
    assert_eq!(read_bytes(&fits).unwrap().len(), text.len());
}

// JSON Lines dates given as numbers (Unix timestamps).

/// The date a JSON line with this `date` value is read with (the line must read).
fn jsonl_date(value: &str) -> Option<DateTime<Utc>> {
    let line = format!(r#"{{"id": "n", "date": {value}, "body": "Ministers met."}}"#);
    let a = parse_line(&line, 1, "d.jsonl").unwrap_or_else(|e| panic!("{value}: {e}"));
    assert_eq!(a.body, "Ministers met.", "{value}");
    a.published
}

#[test]
fn jsonl_numeric_date_is_a_unix_timestamp_in_seconds_or_milliseconds() {
    let cases = [
        ("1421939460", "2015-01-22T15:11:00Z"),
        ("1421939460.5", "2015-01-22T15:11:00.500Z"),
        ("1.42193946e9", "2015-01-22T15:11:00Z"),
        ("1421939460000", "2015-01-22T15:11:00Z"),
        ("1421939460123", "2015-01-22T15:11:00.123Z"),
        ("1421939460123.0", "2015-01-22T15:11:00.123Z"),
        // TIME magazine's first issue of 1963: before 1970, negative.
        ("-220665600", "1963-01-04T00:00:00Z"),
        ("-220665600000", "1963-01-04T00:00:00Z"),
        // The seconds/milliseconds switch at 10^11: both sides are 3 March 1973.
        ("99999999999", "5138-11-16T09:46:39Z"),
        ("100000000000", "1973-03-03T09:46:40Z"),
        ("100000000", "1973-03-03T09:46:40Z"),
        // The first and last seconds of the years read.
        ("-5364662400", "1800-01-01T00:00:00Z"),
        ("7289654399", "2200-12-31T23:59:59Z"),
    ];
    for (value, expected) in cases {
        let expected = utc(expected);
        let got = jsonl_date(value);
        if expected.year() > 2200 {
            assert_eq!(got, None, "{value}: seconds after 2200 give no date");
        } else {
            assert_eq!(got, Some(expected), "{value}");
        }
    }
}

#[test]
fn jsonl_numeric_date_outside_the_years_read_or_near_1970_leaves_the_article_undated() {
    for value in [
        // placeholders, a year, a spreadsheet day number, YYYYMMDD: not days of 1970
        "0",
        "-1",
        "0.5",
        "2015",
        "42026",
        "20150122",
        "99999999.9",
        "-99999999",
        // outside 1800..=2200
        "7289654400",
        "-5364662401",
        "9999999999999",
        "-9999999999999",
        "20150122151100",
        "18446744073709551615",
        "-9223372036854775808",
        "1e300",
        "-1e300",
    ] {
        assert_eq!(jsonl_date(value), None, "{value}");
    }
}

#[test]
fn jsonl_numeric_dates_read_through_read_file_with_every_line_kept() {
    let dir = tempfile::tempdir().unwrap();
    let text = concat!(
        "{\"id\": \"s\", \"date\": 1421939460, \"body\": \"Seconds.\"}\n",
        "{\"id\": \"ms\", \"date\": 1421939460000, \"body\": \"Milliseconds.\"}\n",
        "{\"id\": \"far\", \"date\": 99999999999999, \"body\": \"Year 5138.\"}\n",
        "{\"id\": \"zero\", \"date\": 0, \"body\": \"Placeholder.\"}\n",
    );
    let path = write(dir.path(), "scraped.jsonl", text.as_bytes());
    let items = read_file(&path, Format::JsonLines, "scraped.jsonl").expect("reads");
    let read: Vec<(&str, Option<DateTime<Utc>>)> = items
        .iter()
        .map(|item| {
            let a = item.as_ref().expect("every line reads");
            (a.id.as_str(), a.published)
        })
        .collect();
    let jan22 = Some(utc("2015-01-22T15:11:00Z"));
    assert_eq!(
        read,
        [("s", jan22), ("ms", jan22), ("far", None), ("zero", None)]
    );
}

#[test]
fn jsonl_date_or_url_of_another_type_is_a_bad_field_naming_field_and_line() {
    for (line, field, found) in [
        (r#"{"body": "b", "date": false}"#, "date", "a boolean"),
        (
            r#"{"body": "b", "date": [2015, 1, 22]}"#,
            "date",
            "an array",
        ),
        (
            r#"{"body": "b", "date": {"$date": 1}}"#,
            "date",
            "an object",
        ),
        (r#"{"body": "b", "url": 17}"#, "url", "a number"),
        (r#"{"body": "b", "url": true}"#, "url", "a boolean"),
        (
            r#"{"body": "b", "url": {"href": "https://e.com"}}"#,
            "url",
            "an object",
        ),
    ] {
        let err = parse_line(line, 12, "d.jsonl").unwrap_err();
        assert!(
            matches!(err, ReadError::BadField { line: 12, field: f, .. } if f == field),
            "{line}: {err:?}"
        );
        let expected = if field == "url" {
            "a string or null"
        } else {
            "a date string, a Unix timestamp or null"
        };
        assert_eq!(
            err.to_string(),
            format!("line 12: bad field `{field}`: expected {expected}, found {found}")
        );
    }

    // The bad line alone is skipped.
    let dir = tempfile::tempdir().unwrap();
    let text = "{\"id\": 1, \"body\": \"a\"}\n{\"id\": 2, \"body\": \"b\", \"url\": 3}\n{\"id\": 3, \"body\": \"c\"}\n";
    let path = write(dir.path(), "d.jsonl", text.as_bytes());
    let items = read_file(&path, Format::JsonLines, "d.jsonl").expect("reads");
    assert_eq!(items.len(), 3);
    assert!(matches!(
        items[1],
        Err(ReadError::BadField {
            line: 2,
            field: "url",
            ..
        })
    ));
    assert_eq!(items[2].as_ref().expect("line 3").id, "3");
}

// UTF-16 text with a byte order mark.

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn utf16be(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

#[test]
fn utf16_seed_with_a_byte_order_mark_reads_as_its_utf8_text() {
    let Some(seed) = common::seed_path() else {
        return;
    };
    let text = std::fs::read_to_string(&seed).expect("seed is UTF-8");
    let expected = read_one(&seed, "seed.txt");
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("le.txt", utf16le(&text)),
        ("be.txt", utf16be(&text)),
        ("le-gz.txt.gz", gzip(&utf16le(&text))),
        // Notepad writes a UTF-8 file with a mark too: one mark, dropped.
        (
            "le-bom.txt",
            utf16le(&format!("\u{feff}{text}"))[2..].to_vec(),
        ),
    ] {
        let path = write(dir.path(), name, &bytes);
        assert_eq!(read_one(&path, "seed.txt"), expected, "{name}");
    }
    // The library's direct reader too.
    let a = raw::parse(&utf16le(&text), "seed.txt").expect("reads");
    assert_eq!(a.title.as_deref(), expected.title.as_deref());
    assert_eq!(a.body, expected.body);
}

#[test]
fn utf16_jsonl_with_a_byte_order_mark_reads_every_line_as_utf8_does() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let utf8_path = data.join("glasgow/cacm/docs.jsonl");
    let text = std::fs::read_to_string(&utf8_path).expect("UTF-8");
    let articles = |items: Vec<Result<Article, ReadError>>| -> Vec<Article> {
        items
            .into_iter()
            .collect::<Result<_, _>>()
            .expect("every line reads")
    };
    let expected = articles(read_file(&utf8_path, Format::JsonLines, "cacm").expect("reads"));
    assert_eq!(expected.len(), 3204);

    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("le.jsonl", utf16le(&text)),
        ("be.jsonl", utf16be(&text)),
        ("le.jsonl.gz", gzip(&utf16le(&text))),
    ] {
        let path = write(dir.path(), name, &bytes);
        let got = articles(read_file(&path, Format::JsonLines, "cacm").expect("reads"));
        assert!(got == expected, "{name}: differs from the UTF-8 reading");
    }

    // Streamed from any reader, through a tiny buffer (characters straddle every read), and
    // from standard input gzipped.
    // (Streams leave the language to their caller, so they are compared with a UTF-8 stream.)
    let expected = articles(JsonLines::new(text.as_bytes(), "cacm").collect());
    let le = utf16le(&text);
    let tiny = std::io::BufReader::with_capacity(7, &le[..]);
    let got = articles(JsonLines::new(tiny, "cacm").collect());
    assert!(got == expected, "streamed: differs from the UTF-8 reading");
    let gz = gzip(&utf16be(&text));
    let got = articles(json_lines_from(&gz[..], "cacm").collect());
    assert!(got == expected, "stdin: differs from the UTF-8 reading");
}

#[test]
fn utf16_unpaired_surrogate_or_odd_length_is_an_error_naming_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    // "Title\n\nBody " is 12 units after the 2-byte mark: the lone surrogate is at byte 26.
    let mut bytes = utf16le("Title\n\nBody ");
    bytes.extend([0x00, 0xD8, b'x', 0x00]);
    let path = write(dir.path(), "lone.txt", &bytes);
    let err = read_file(&path, Format::RawText, "lone.txt").unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::InvalidUtf16 {
                byte_offset: 26,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "invalid UTF-16 at byte 26: unpaired surrogate"
    );

    let mut odd = utf16be("Title\n\nBody.");
    odd.push(b'!');
    let path = write(dir.path(), "odd.txt", &odd);
    let err = read_file(&path, Format::RawText, "odd.txt").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid UTF-16 at byte 26: odd number of bytes"
    );

    // In JSON Lines the lines before it are read, then the stream ends with the error.
    let mut jsonl = utf16le("{\"body\": \"a\"}\n{\"body\": \"");
    let at = jsonl.len() as u64;
    jsonl.extend([0x3D, 0xD8]); // a high surrogate ...
    jsonl.extend(utf16le("\"}\n{\"body\": \"c\"}\n")[2..].iter()); // ... without its pair
    let items: Vec<_> = JsonLines::new(&jsonl[..], "d.jsonl").collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].as_ref().expect("line 1").body, "a");
    match &items[1] {
        Err(ReadError::InvalidUtf16 { byte_offset, .. }) => assert_eq!(*byte_offset, at),
        other => panic!("unexpected {other:?}"),
    }
    let path = write(dir.path(), "bad.jsonl", &jsonl);
    assert!(matches!(
        read_file(&path, Format::JsonLines, "bad.jsonl"),
        Err(ReadError::InvalidUtf16 { .. })
    ));
}

#[test]
fn utf16_nul_character_is_binary_at_its_byte_and_no_mark_stays_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "nul.txt", &utf16le("Title\n\nBody\0text"));
    let err = read_file(&path, Format::RawText, "nul.txt").unwrap_err();
    // 2 bytes of mark, then 11 characters of 2 bytes.
    assert!(matches!(err, ReadError::Binary { offset: 24 }), "{err:?}");

    let path = write(dir.path(), "nul.jsonl", &utf16be("{\"body\": \"x\"}\n\0\0"));
    let err = read_file(&path, Format::JsonLines, "nul.jsonl").unwrap_err();
    assert!(matches!(err, ReadError::Binary { offset: 30 }), "{err:?}");

    // Without a mark, UTF-16 cannot be told from binary data: it stays binary.
    let no_mark = &utf16le("Title\n\nBody.")[2..];
    let path = write(dir.path(), "nomark.txt", no_mark);
    let err = read_file(&path, Format::RawText, "nomark.txt").unwrap_err();
    assert!(matches!(err, ReadError::Binary { offset: 1 }), "{err:?}");
    let path = write(
        dir.path(),
        "nomark.jsonl",
        &utf16le("{\"body\": \"x\"}\n")[2..],
    );
    let err = read_file(&path, Format::JsonLines, "nomark.jsonl").unwrap_err();
    assert!(matches!(err, ReadError::Binary { offset: 1 }), "{err:?}");

    // A mark and nothing else is an empty file.
    let path = write(dir.path(), "empty.txt", &utf16le(" \r\n"));
    assert!(matches!(
        read_file(&path, Format::RawText, "empty.txt"),
        Err(ReadError::Empty)
    ));
}

// HTML pages in files not named as HTML.

/// A real page of the article-extraction benchmark (UTF-8 HTML).
fn benchmark_page(data: &Path) -> Vec<u8> {
    let id = "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f";
    let gz = std::fs::read(data.join(format!(
        "article-extraction-benchmark/raw/html/{id}.html.gz"
    )))
    .expect("benchmark page");
    let mut page = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut page)
        .expect("gunzip");
    page
}

#[test]
fn html_page_in_a_file_not_named_html_reads_as_the_html_reader_reads_it() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let page = benchmark_page(&data);
    let dir = tempfile::tempdir().unwrap();
    let expected = read_one(&write(dir.path(), "page.html", &page), "page");
    assert_eq!(
        expected.title.as_deref(),
        Some("New SUVs and electric vehicles highlight L.A. Auto Show")
    );
    assert!(!expected.body.contains('<'), "{:.200}", expected.body);

    let mut doctype = b"\xEF\xBB\xBF \r\n<!doctype HTML>\n".to_vec();
    doctype.extend(&page);
    let mut saved = b"<!-- saved from url=(0014)about:internet -->\r\n".to_vec();
    saved.extend(&page);
    for (name, bytes) in [
        ("page.txt", page.clone()),
        ("page", page.clone()),
        ("page.story", page.clone()),
        ("page.txt.gz", gzip(&page)),
        ("doctype.txt", doctype),
        ("saved.txt", saved),
    ] {
        let path = write(dir.path(), name, &bytes);
        assert_eq!(Format::from_path(&path), Some(Format::RawText), "{name}");
        assert_eq!(read_one(&path, "page"), expected, "{name}");
    }

    // Saved as UTF-16, under either name.
    let text = String::from_utf8(page).expect("UTF-8 page");
    for name in ["utf16.txt", "utf16.html"] {
        let path = write(dir.path(), name, &utf16le(&text));
        assert_eq!(read_one(&path, "page"), expected, "{name}");
    }
}

#[test]
fn doctype_xml_declaration_and_case_variants_open_a_page() {
    let page = |start: &str| {
        format!(
            "{start}<head><title>Talks open</title></head><body><article><p>London is hosting \
             foreign officials from 21 countries to discuss a coordinated international effort \
             against the militants.</p></article></body></html>"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    for start in [
        "<!DOCTYPE html>\n<html>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html>",
        "\n\n   <HTML lang=\"en\">",
        "<Html\n>",
    ] {
        let text = page(start);
        let path = write(dir.path(), "p.txt", text.as_bytes());
        let expected = html::parse(text.as_bytes(), "p.txt").expect("a page");
        let items = read_file(&path, Format::RawText, "p.txt").expect("reads");
        let a = items[0].as_ref().expect("one article");
        assert_eq!(a.title, expected.title, "{start:?}");
        assert_eq!(a.body, expected.body, "{start:?}");
        assert!(!a.body.contains('<'), "{start:?}: {}", a.body);
    }

    // A page declaring UTF-16 in its meta tag, saved as UTF-16, is decoded once only.
    let text = page("<html><meta charset=\"utf-16\">");
    let a = html::parse(&utf16le(&text), "p.html").expect("a page");
    assert!(a.body.starts_with("London is hosting"), "{}", a.body);
}

#[test]
fn text_starting_with_other_markup_stays_raw_text() {
    let dir = tempfile::tempdir().unwrap();
    for (text, title) in [
        (
            "<b>Breaking:</b> talks open in London\n\nMinisters met on Thursday.",
            "<b>Breaking:</b> talks open in London",
        ),
        (
            "<html5> support lands in browsers\n\nThe new parser ships today.",
            "<html5> support lands in browsers",
        ),
        (
            "<!DOCTYPE htmlx> is not a doctype\n\nNor is this a page.",
            "<!DOCTYPE htmlx> is not a doctype",
        ),
        (
            "<!-- a comment never closed\n\nMinisters met on Thursday.",
            "<!-- a comment never closed",
        ),
    ] {
        let path = write(dir.path(), "story.txt", text.as_bytes());
        let a = read_one(&path, "story.txt");
        assert_eq!(a.title.as_deref(), Some(title), "{text:?}");
        assert_eq!(
            a,
            raw::parse(text.as_bytes(), "story.txt")
                .map(|mut r| {
                    r.language = a.language.clone();
                    r
                })
                .expect("raw"),
            "{text:?}"
        );
    }
}

#[test]
fn boilerplate_learns_utf16_files_and_passes_over_html_pages() {
    let mut model = BoilerplateModel::new();
    for story in ["first", "second", "third"] {
        let text = format!("Home\nWorld\n\nThe {story} story is told here.\n");
        model.add_bytes(&utf16le(&text));
        let page = format!("<!DOCTYPE html>\n<html>\nSports\n\nThe {story} page.\n");
        model.add_bytes(page.as_bytes());
    }
    assert_eq!(model.files(), 3, "only the UTF-16 files count");
    assert!(model.is_boilerplate("World"));
    assert!(!model.is_boilerplate("Sports"), "a line of HTML pages only");
}
