//! Date recognition: every accepted shape, prefixes, zones, and what must be refused.

use chrono::{DateTime, Utc};
use dateline_core::date::{find_date_in, parse_date, parse_date_strict, DateError, ParsedDate};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("test instant")
        .with_timezone(&Utc)
}

fn check(text: &str, expected: &str, has_time: bool) {
    assert_eq!(
        parse_date(text),
        Some(ParsedDate {
            instant: utc(expected),
            has_time
        }),
        "parsing {text:?}"
    );
}

const JAN22_1511: &str = "2015-01-22T15:11:00Z";
const JAN22: &str = "2015-01-22T00:00:00Z";

#[test]
fn every_documented_shape_parses_to_the_exact_instant() {
    check("22 Jan, 2015 15:11", JAN22_1511, true);
    check("22 January 2015", JAN22, false);
    check("January 22, 2015", JAN22, false);
    check("Jan 22, 2015 3:11 PM", JAN22_1511, true);
    check("Thursday, 22 January 2015", JAN22, false);
    check("2015-01-22", JAN22, false);
    check("2015-01-22T15:11:00Z", JAN22_1511, true);
    check("2015-01-22 15:11", JAN22_1511, true);
    check("Thu, 22 Jan 2015 15:11:00 +0000", JAN22_1511, true);
    check("22 Jan 2015", JAN22, false);
    check("Jan. 22, 2015", JAN22, false);
}

#[test]
fn more_written_shapes_parse() {
    check("22nd January 2015", JAN22, false);
    check("January 22nd, 2015", JAN22, false);
    check("22-Jan-2015", JAN22, false);
    check("2015/01/22", JAN22, false);
    check("Sept 1, 2015", "2015-09-01T00:00:00Z", false);
    check("Thu 22 Jan 2015", JAN22, false);
    check("january 22, 2015 at 3:11 pm", JAN22_1511, true);
    check("Jan 22, 2015 3:11 p.m.", JAN22_1511, true);
    check("Jan 22, 2015 3pm", "2015-01-22T15:00:00Z", true);
    check("Jan 22, 2015 12:05 AM", "2015-01-22T00:05:00Z", true);
    check("Jan 22, 2015 12:05 PM", "2015-01-22T12:05:00Z", true);
    check("22 Jan 2015 - 15:11", JAN22_1511, true);
    check("22 Jan 2015 | 15:11", JAN22_1511, true);
    check("2015-01-22T15:11:00.250Z", "2015-01-22T15:11:00.250Z", true);
    check("15:11 GMT, Thursday, 22 January 2015", JAN22_1511, true);
    check("  22 Jan, 2015 15:11  ", JAN22_1511, true);
    check("22\u{a0}Jan 2015", JAN22, false);
}

#[test]
fn prefixes_are_accepted() {
    check("Published: 22 Jan, 2015 15:11", JAN22_1511, true);
    check("Published time: 22 Jan, 2015 15:11", JAN22_1511, true);
    check("Published on 22 January 2015", JAN22, false);
    check("Updated: 2015-01-22T15:11:00Z", JAN22_1511, true);
    check("Posted on January 22, 2015", JAN22, false);
    check("Last updated 22 Jan 2015 15:11 GMT", JAN22_1511, true);
    check("last updated: Jan 22, 2015 3:11 PM", JAN22_1511, true);
    check("PUBLISHED: 2015-01-22", JAN22, false);
}

#[test]
fn offsets_and_zone_words_convert_to_utc() {
    check("2015-01-22T15:11:00+02:00", "2015-01-22T13:11:00Z", true);
    check("2015-01-22T15:11:00-05:00", "2015-01-22T20:11:00Z", true);
    check("2015-01-22T01:00:00+02:00", "2015-01-21T23:00:00Z", true);
    check(
        "Thu, 22 Jan 2015 15:11:00 +0100",
        "2015-01-22T14:11:00Z",
        true,
    );
    check("Thu, 22 Jan 2015 15:11:00 +0000 (GMT)", JAN22_1511, true);
    check("Thu, 22 Jan 2015 10:11:00 EST", JAN22_1511, true);
    check("22 Jan, 2015 15:11 GMT", JAN22_1511, true);
    check("22 Jan, 2015 15:11 UTC", JAN22_1511, true);
    check("2015-01-22 15:11Z", JAN22_1511, true);
    check("22 July 2015 15:11 BST", "2015-07-22T14:11:00Z", true);
    check("22 Jan 2015 17:11 GMT+2", JAN22_1511, true);
    check("22 Jan 2015 17:41 UTC+02:30", JAN22_1511, true);
}

#[test]
fn unambiguous_numeric_day_month_parses_and_ambiguous_is_refused() {
    check("22/01/2015", JAN22, false);
    check("22.01.2015", JAN22, false);
    check("01/22/2015", JAN22, false);
    check("05/05/2015", "2015-05-05T00:00:00Z", false);
    assert_eq!(parse_date("02/03/2015"), None, "day/month order unknown");
    assert_eq!(parse_date("13/13/2015"), None);
}

#[test]
fn wrong_weekday_is_refused() {
    assert_eq!(parse_date("Friday, 22 January 2015"), None);
    assert_eq!(parse_date("Mon, 22 Jan 2015 15:11:00 +0000"), None);
}

#[test]
fn invalid_calendar_values_are_refused() {
    assert_eq!(parse_date("30 Feb 2015"), None);
    assert_eq!(parse_date("2015-02-29"), None);
    check("2016-02-29", "2016-02-29T00:00:00Z", false);
    assert_eq!(parse_date("2015-13-01"), None);
    assert_eq!(parse_date("22 Jan 2015 24:00"), None);
    assert_eq!(parse_date("22 Jan 2015 15:60"), None);
    assert_eq!(parse_date("Jan 22, 2015 13:11 PM"), None);
    assert_eq!(parse_date("2015-01-22T15:11:00+25:00"), None);
}

#[test]
fn years_outside_1800_to_2200_are_refused() {
    assert_eq!(parse_date("22 Jan 1799"), None);
    assert_eq!(parse_date("2201-01-01"), None);
    check("1800-01-01", "1800-01-01T00:00:00Z", false);
    check("2200-12-31", "2200-12-31T00:00:00Z", false);
    assert_eq!(parse_date("22 Jan 15"), None, "two-digit years are refused");
}

#[test]
fn text_that_is_only_partly_a_date_is_refused() {
    assert_eq!(parse_date("22 Jan, 2015 was a day"), None);
    assert_eq!(parse_date("On 22 Jan, 2015"), None);
    assert_eq!(parse_date("22 Jan, 2015 15:11 in London"), None);
    assert_eq!(parse_date("22 Jan, 2015 15:11 XYZ"), None, "unknown zone");
    assert_eq!(parse_date("22 Jan 2015 GMT"), None, "zone without a time");
    assert_eq!(parse_date("January 2015"), None, "no day: never invented");
    assert_eq!(parse_date("22 January"), None, "no year: never invented");
    assert_eq!(parse_date("15:11"), None, "a time alone");
    assert_eq!(parse_date("Published:"), None);
}

#[test]
fn empty_numbers_and_long_lines_are_refused() {
    assert_eq!(parse_date(""), None);
    assert_eq!(parse_date("   "), None);
    assert_eq!(parse_date("2015"), None);
    assert_eq!(parse_date("12345"), None);
    assert_eq!(parse_date("22"), None);
    assert_eq!(parse_date("London hosts terror talks to combat ISIS"), None);
    let long = format!("22 Jan, 2015 15:11{}", " ".repeat(10) + &"x".repeat(80));
    assert_eq!(parse_date(&long), None);
    let padded_ok = format!("{}22 Jan, 2015 15:11{}", " ".repeat(100), " ".repeat(100));
    assert!(
        parse_date(&padded_ok).is_some(),
        "surrounding whitespace is trimmed"
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let samples = [
        "\u{0}\u{1}22 Jan 2015",
        "22 Jan 2015\u{7}",
        "２２ Jan 2015",
        "22 Jan 2015 15:11:00.1234567890123Z",
        "99999999999999999999 Jan 2015",
        "2015-01-22T15:11:00+99999",
        "Jan 99999999999, 2015",
        "+-:/.,() 1",
        "a.m. 2015",
        "p.",
        "é1",
    ];
    for s in samples {
        let _ = parse_date(s);
        let _ = parse_date_strict(s);
    }
    // Every prefix of a valid date, cut at every char boundary.
    let full = "Published time: Thu, 22 Jan 2015 15:11:00.123 +0000 (GMT)";
    for (i, _) in full.char_indices() {
        let _ = parse_date(&full[..i]);
        let _ = parse_date(&full[i..]);
    }
}

#[test]
fn strict_parsing_explains_refusals() {
    assert_eq!(
        parse_date_strict("2015-01-22").map(|d| d.instant),
        Ok(utc(JAN22))
    );
    assert!(matches!(parse_date_strict(""), Err(DateError::Empty)));
    let err = parse_date_strict("next week").unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("\"next week\""), "{msg}");
    assert!(msg.contains("YYYY-MM-DD"), "{msg}");
    assert!(!msg.ends_with('.'));
    assert!(msg.starts_with("unrecognised date"), "{msg}");
    let long = "x1".repeat(500);
    let msg = parse_date_strict(&long).unwrap_err().to_string();
    assert!(msg.len() < 600, "long input is shortened in the message");
}

/// Date lines seen in real scraped news pages (article-extraction benchmark).
#[test]
fn date_lines_from_real_news_pages() {
    check(
        "Published 11:34 PM EST Nov 19, 2019",
        "2019-11-20T04:34:00Z",
        true,
    );
    check(
        "Updated 1:39 am EST, Wednesday, November 20, 2019",
        "2019-11-20T06:39:00Z",
        true,
    );
    check("19 November 2019 • 1:16pm", "2019-11-19T13:16:00Z", true);
    check(
        "First published on November 19, 2019 / 8:16 AM",
        "2019-11-19T08:16:00Z",
        true,
    );
    check("Nov. 20, 2019 12:00 AM EST", "2019-11-20T05:00:00Z", true);
    check(
        "Published: Monday, November 18th, 2019 at 11:08 a.m.",
        "2019-11-18T11:08:00Z",
        true,
    );
    check(
        "14:53 GMT +3 20 November 2019",
        "2019-11-20T11:53:00Z",
        true,
    );
    check(
        "UPDATED: Tue., Nov. 19, 2019",
        "2019-11-19T00:00:00Z",
        false,
    );
    check("20/11/2019 / 11:42 am", "2019-11-20T11:42:00Z", true);
    check("October 9, 2018 at 9:40 am", "2018-10-09T09:40:00Z", true);
    // US zones without the season (ET, PT) read as standard time: an hour off at most in
    // summer, where refusing them lost the date, or ignoring them put it 4 to 8 hours off.
    check("Nov. 18, 2019 7:04 pm ET", "2019-11-19T00:04:00Z", true);
    check("Nov 18th 2019 12:12 pm PT", "2019-11-18T20:12:00Z", true);
    // An ambiguous zone (IST: India, Ireland, Israel), two-digit years and trailing words are
    // refused.
    assert_eq!(parse_date("Nov 20 2019, 10:18am ist"), None);
    assert_eq!(parse_date("11/12/19 4:40PM"), None);
    assert_eq!(
        parse_date("Updated on: November 19, 2019 / 10:07 AM / CBS News"),
        None
    );
    assert_eq!(parse_date("by Regan December 6, 2017"), None);
}

/// Lines of the article-extraction benchmark's pages that hold a date among other words.
#[test]
fn the_first_date_inside_a_line_is_found_with_its_time_and_zone() {
    let found = |text: &str| find_date_in(text).map(|d| (d.instant.to_rfc3339(), d.has_time));
    let at = |instant: &str, has_time: bool| Some((instant.to_string(), has_time));
    assert_eq!(
        found("Published Wed, Nov 20 2019 4:29 AM EST Updated an hour ago"),
        at("2019-11-20T09:29:00+00:00", true)
    );
    assert_eq!(
        found("November 19, 2019 / 12:21 AM / Updated 14 hours ago"),
        at("2019-11-19T00:21:00+00:00", true)
    );
    // The Guardian writes its times with a dot: the day is read, the time is not.
    assert_eq!(
        found("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT"),
        at("2019-11-18T00:00:00+00:00", false)
    );
    assert_eq!(
        found("Carlos Nadalim 27/09/2018 Comente! Alfabetização, Brinquedos"),
        at("2018-09-27T00:00:00+00:00", false)
    );
    // No English month, numbers that make no date, a date without its year.
    assert_eq!(found("Posted on Maret 30, 2015 by Admin"), None);
    assert_eq!(found("2 Martin Truex Jr. 5035 7 0 15 24"), None);
    assert_eq!(
        found("Fox News Flash top entertainment headlines for Nov. 19"),
        None
    );
}
