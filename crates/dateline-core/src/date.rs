//! Recognising publication dates written the way news sites write them.
//!
//! [`parse_date`] reads a *whole* string as a date or returns `None`; it never guesses from a
//! fragment, never fills in a missing day and never uses the clock. It is cheap enough to be
//! tried on the first lines of every file: strings longer than 80 bytes (after trimming) or
//! without an ASCII digit are rejected before any parsing.
//!
//! # Accepted shapes
//!
//! An optional prefix, then a date, then optionally a time of day and a zone:
//!
//! - prefixes (case-insensitive, optionally followed by `:`): `Published`, `Published on`,
//!   `Published at`, `Published time`, `First published`, `First published on`, `Updated`,
//!   `Updated on`, `Updated at`, `Last updated`, `Last updated on`, `Last modified`,
//!   `Modified`, `Posted`, `Posted on`, `Posted at`, `Date`, `Dated`;
//! - an optional leading weekday (`Thursday,` / `Thu,`); when present it must match the date;
//! - dates: `22 Jan 2015`, `22 Jan, 2015`, `22 January 2015`, `22nd January 2015`,
//!   `22-Jan-2015`, `January 22, 2015`, `Jan. 22, 2015`, `Jan 22nd 2015`, `2015-01-22`,
//!   `2015/01/22`, and numeric day/month forms `dd/mm/yyyy`, `dd.mm.yyyy`, `dd-mm-yyyy`;
//! - numeric day/month forms are only accepted when unambiguous: the first number is greater
//!   than 12 (then it is day/month: `22/01/2015`), or the second is (then it is the US
//!   month/day: `01/22/2015`), or both numbers are equal. `02/03/2015` is rejected rather than
//!   guessed;
//! - times, after the date and an optional `,` and separator (`at` `-` `|` `/` `@` `T`, a
//!   bullet `•` or a dash `–`), or before it (`15:11 GMT, Thursday, 22 January 2015`):
//!   `15:11`, `15:11:00`, `15:11:00.123`, `3:11 PM`, `3:11 p.m.`, `3pm`;
//! - zones, only after a time: `Z`, numeric offsets (`+02:00`, `+0200`, `-05`), `GMT+1`,
//!   `UTC+02:00`, and the named zones of a small fixed table (`UTC`, `UT`, `GMT`, `Z`, `WET`,
//!   `WEST`, `BST`, `CET`, `CEST`, `EET`, `EEST`, `MSK`, `EST`, `EDT`, `CST`, `CDT`, `MST`,
//!   `MDT`, `PST`, `PDT`, `JST`, `HKT`, `SGT`, `AEST`, `AEDT`; the American ones as in
//!   RFC 2822). Any other zone word makes the whole string unrecognised.
//!   An RFC 2822 comment such as `+0000 (GMT)` is accepted.
//!
//! A time without a zone is taken as UTC. A date without a time is midnight UTC with
//! [`ParsedDate::has_time`] `false`. Years must be written with four digits and lie in
//! `1800..=2200`. Invalid calendar days (`30 Feb 2015`) and wrong weekdays are rejected.
//!
//! Numbers (JSON `date` fields written by scrapers) are read by [`from_unix_timestamp`] as
//! Unix timestamps, within the same years.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};

/// A recognised date: the UTC instant and whether the text carried a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedDate {
    /// The instant, converted to UTC (midnight UTC when the text had no time of day).
    pub instant: DateTime<Utc>,
    /// Whether the text carried a time of day.
    pub has_time: bool,
}

/// Error for [`parse_date_strict`] (used for CLI `--from`/`--to` and JSON date fields): says
/// what was given and which shapes are accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text was empty or only whitespace.
    #[error(
        "empty date: expected a date such as 2015-01-22, 2015-01-22T15:11:00Z or 22 January 2015"
    )]
    Empty,
    /// The text is not a date in any accepted shape.
    #[error(
        "unrecognised date {given:?}: expected YYYY-MM-DD, an RFC 3339 or RFC 2822 date-time, \
         or a written date such as 22 January 2015 or Jan 22, 2015 3:11 PM (optionally with a \
         time and a zone such as GMT or +02:00; years 1800 to 2200)"
    )]
    Unrecognised {
        /// The text given (shortened when very long).
        given: String,
    },
    /// A well-formed `YYYY-MM-DD` that names no month (`2015-13-01`) or no day (`2015-02-30`),
    /// or lies outside the years read (1800 to 2200).
    #[error("no such date {given:?}: {why}")]
    Impossible {
        /// The text given.
        given: String,
        /// Why not.
        why: &'static str,
    },
}

/// Longest string (in bytes, after trimming) that [`parse_date`] will look at.
const MAX_LEN: usize = 80;
const MIN_YEAR: i32 = 1800;
const MAX_YEAR: i32 = 2200;

/// Whether `instant` lies in the years Dateline reads dates in (1800 to 2200): a date from
/// elsewhere (a page's metadata) outside them is a placeholder such as `0001-01-01`, not a
/// publication date.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use dateline_core::date::within_years;
///
/// assert!(within_years(Utc.with_ymd_and_hms(2015, 1, 22, 15, 11, 0).unwrap()));
/// assert!(!within_years(Utc.with_ymd_and_hms(1, 1, 1, 0, 0, 0).unwrap()));
/// ```
pub fn within_years(instant: DateTime<Utc>) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&instant.year())
}

/// Timestamps of at least this magnitude are in milliseconds: as seconds they would be after
/// the year 5000, as milliseconds they are after 3 March 1973.
pub const UNIX_MILLIS_FROM: f64 = 1e11;

/// Timestamps within this many seconds of 1970-01-01 (1966-10-31 to 1973-03-03) are not
/// read: in exported data such small numbers are placeholders (`0`, `-1`), years (`2015`),
/// spreadsheet day numbers (`42026`) or `YYYYMMDD` dates (`20150122`), and reading them as
/// seconds would invent a day of 1970.
pub const UNIX_SECONDS_NEAR_EPOCH: f64 = 1e8;

/// A Unix timestamp (from 1970-01-01T00:00:00Z, leap seconds ignored) as a date, to the
/// millisecond; `None` when it gives no date this module reads.
///
/// The rule: a magnitude of at least [`UNIX_MILLIS_FROM`] (10¹¹) means milliseconds, anything
/// smaller seconds; fractions are kept to the millisecond. `None` for values that are not
/// finite, within [`UNIX_SECONDS_NEAR_EPOCH`] (10⁸) seconds of the epoch, or outside the
/// years 1800 to 2200 (as for [`parse_date`]). The result always has
/// [`ParsedDate::has_time`].
///
/// # Example
/// ```
/// use dateline_core::date::from_unix_timestamp;
///
/// let seconds = from_unix_timestamp(1421939460.0).unwrap();
/// assert_eq!(seconds.instant.to_rfc3339(), "2015-01-22T15:11:00+00:00");
/// let millis = from_unix_timestamp(1421939460250.0).unwrap();
/// assert_eq!(millis.instant.to_rfc3339(), "2015-01-22T15:11:00.250+00:00");
/// assert_eq!(from_unix_timestamp(0.0), None); // a placeholder, not 1970
/// assert_eq!(from_unix_timestamp(2015.0), None); // a year, not 1970
/// assert_eq!(from_unix_timestamp(1e10), None); // 2286: outside 1800 to 2200
/// ```
pub fn from_unix_timestamp(value: f64) -> Option<ParsedDate> {
    if !value.is_finite() {
        return None;
    }
    let seconds = if value.abs() >= UNIX_MILLIS_FROM {
        value / 1000.0
    } else {
        value
    };
    // Years 1800 to 2200 are within 10^10 seconds of 1970, so the cast below cannot saturate.
    if seconds.abs() < UNIX_SECONDS_NEAR_EPOCH || seconds.abs() >= 1e10 {
        return None;
    }
    let instant = DateTime::from_timestamp_millis((seconds * 1000.0).round() as i64)?;
    (MIN_YEAR..=MAX_YEAR)
        .contains(&instant.year())
        .then_some(ParsedDate {
            instant,
            has_time: true,
        })
}

/// Parses a whole string as a date (after trimming and an optional prefix such as
/// `Published:`, `Published time:`, `Updated:`, `Posted on`, `Last updated`). `None` if it is
/// not a date. See the [module documentation](self) for the accepted shapes.
///
/// # Example
/// ```
/// use dateline_core::date::parse_date;
///
/// let d = parse_date("22 Jan, 2015 15:11").unwrap();
/// assert_eq!(d.instant.to_rfc3339(), "2015-01-22T15:11:00+00:00");
/// assert!(d.has_time);
///
/// let d = parse_date("Published: 2015-01-22T15:11:00+02:00").unwrap();
/// assert_eq!(d.instant.to_rfc3339(), "2015-01-22T13:11:00+00:00");
///
/// assert!(parse_date("Thursday, 22 January 2015").is_some());
/// assert!(parse_date("Friday, 22 January 2015").is_none()); // wrong weekday
/// assert!(parse_date("22 Jan, 2015 was a day").is_none()); // not a whole date
/// ```
pub fn parse_date(text: &str) -> Option<ParsedDate> {
    let text = text.trim();
    if text.len() > MAX_LEN || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = strip_prefix(text);
    let toks = lex(rest, false)?;
    Parser { toks: &toks, i: 0 }.parse(true)
}

/// The first whole date inside `text`, for lines that hold a date among other words:
/// `By Jason Cipriani | November 18, 2019 -- 19:14 GMT | Topic: Hardware`, `Written by Rachael
/// Link, MS, RD on November 14, 2019`, `Carlos Nadalim 27/09/2018 Comente!`. A date is what
/// [`parse_date`] reads (a year always, a time and zone when they follow), starting at a word
/// boundary; a date whose weekday is wrong is no date, nor is the rest of it. Text over 200
/// bytes is not searched: that is prose, where dates are what the story is about.
///
/// # Example
/// ```
/// use dateline_core::date::find_date_in;
///
/// let d = find_date_in("Nov 18, 2019 at 9:24 pm ET • 2 min read").unwrap();
/// assert_eq!(d.instant.to_rfc3339(), "2019-11-19T02:24:00+00:00");
/// let d = find_date_in("By Tim Childers - Live Science Contributor 2019-11-19T12:48:14Z Space");
/// assert_eq!(d.unwrap().instant.to_rfc3339(), "2019-11-19T12:48:14+00:00");
/// assert!(find_date_in("The findings were published today (Nov. 18) in BMJ").is_none());
/// assert!(find_date_in("Posted Friday, 22 January 2015").is_none()); // wrong weekday
/// ```
pub fn find_date_in(text: &str) -> Option<ParsedDate> {
    if text.len() > 200 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let toks = lex(text, true)?;
    let mut k = 0;
    while k < toks.len() {
        let starts = match toks[k] {
            Tok::Num(_) => true,
            Tok::Word(w) => month_of(w).is_some() || weekday_of(w).is_some(),
            Tok::Punct(_) => false,
        };
        if starts {
            let mut parser = Parser { toks: &toks, i: k };
            if let Some(date) = parser.parse(false) {
                return Some(date);
            }
            // The date a refused weekday opens is refused with it.
            if let Tok::Word(w) = toks[k] {
                if weekday_of(w).is_some() {
                    k += 1;
                    while k < toks.len() && !matches!(toks[k], Tok::Num(n) if n.len() == 4) {
                        k += 1;
                    }
                }
            }
        }
        k += 1;
    }
    None
}

/// Like [`parse_date`], but says why the text was refused.
///
/// # Example
/// ```
/// use dateline_core::date::{parse_date_strict, DateError};
///
/// let d = parse_date_strict("2015-01-22").unwrap();
/// assert!(!d.has_time);
/// assert!(matches!(parse_date_strict("  "), Err(DateError::Empty)));
/// let err = parse_date_strict("last tuesday").unwrap_err();
/// assert!(err.to_string().contains("last tuesday"));
/// assert!(matches!(parse_date_strict("2015-02-30"), Err(DateError::Impossible { .. })));
/// assert!(matches!(parse_date_strict("9999-12-31"), Err(DateError::Impossible { .. })));
/// ```
pub fn parse_date_strict(text: &str) -> Result<ParsedDate, DateError> {
    if text.trim().is_empty() {
        return Err(DateError::Empty);
    }
    parse_date(text).ok_or_else(|| {
        let given = shorten(text.trim(), 100);
        match impossible(text.trim()) {
            Some(why) => DateError::Impossible { given, why },
            None => DateError::Unrecognised { given },
        }
    })
}

/// Why a text that opens as `YYYY-MM-DD` is no date, when that is the reason.
fn impossible(text: &str) -> Option<&'static str> {
    let head = text.get(..10)?.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        head[r.clone()].iter().all(u8::is_ascii_digit).then(|| {
            head[r]
                .iter()
                .fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'))
        })
    };
    if head[4] != b'-' || head[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let year = i32::try_from(year).ok()?;
    if !(1..=12).contains(&month) {
        Some("months run from 01 to 12")
    } else if chrono::NaiveDate::from_ymd_opt(year, month, day).is_none() {
        Some("that month has no such day")
    } else if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        Some("dates are read from the year 1800 to 2200")
    } else {
        None
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// Prefixes, longest first where one is a prefix of another.
const PREFIXES: &[&str] = &[
    "published time",
    "published on",
    "published at",
    "published",
    "first published on",
    "first published",
    "last updated on",
    "last updated",
    "last modified",
    "updated on",
    "updated at",
    "updated",
    "modified",
    "posted on",
    "posted at",
    "posted",
    "dated",
    "date",
];

fn strip_prefix(text: &str) -> &str {
    let bytes = text.as_bytes();
    for p in PREFIXES {
        if bytes.len() > p.len() && bytes[..p.len()].eq_ignore_ascii_case(p.as_bytes()) {
            let next = bytes[p.len()];
            if next == b':' || next.is_ascii_whitespace() {
                // `p` is ASCII, so `p.len()` is a char boundary.
                let rest = text[p.len()..].trim_start();
                let rest = rest.strip_prefix(':').unwrap_or(rest);
                return rest.trim_start();
            }
        }
    }
    text
}

#[derive(Clone, Copy, Debug)]
enum Tok<'a> {
    Num(&'a str),
    Word(&'a str),
    Punct(u8),
}

/// Splits into digit runs, ASCII letter runs and single punctuation bytes; whitespace
/// separates. Any non-ASCII character other than whitespace makes the text unrecognised,
/// unless `lenient`, where it is a `~`, a separator no date rule takes.
fn lex(s: &str, lenient: bool) -> Option<Vec<Tok<'_>>> {
    let b = s.as_bytes();
    let mut toks = Vec::with_capacity(16);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            toks.push(Tok::Num(&s[start..i]));
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            toks.push(Tok::Word(&s[start..i]));
        } else if c.is_ascii_punctuation() {
            toks.push(Tok::Punct(c));
            i += 1;
        } else if c >= 0x80 {
            // Non-ASCII: whitespace (such as a no-break space) is skipped, dashes and the minus
            // sign read as `-`, bullets and middle dots as `|`; anything else is refused.
            let ch = s[i..].chars().next()?;
            match ch {
                '\u{2010}'..='\u{2015}' | '\u{2212}' => toks.push(Tok::Punct(b'-')),
                '\u{2022}' | '\u{00b7}' | '\u{30fb}' => toks.push(Tok::Punct(b'|')),
                ch if ch.is_whitespace() => {}
                _ if lenient => toks.push(Tok::Punct(b'~')),
                _ => return None,
            }
            i += ch.len_utf8();
        } else if lenient {
            toks.push(Tok::Punct(b'~'));
            i += 1;
        } else {
            return None; // control characters
        }
    }
    Some(toks)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month's number from its English name or three-letter abbreviation (or `Sept`).
fn month_of(w: &str) -> Option<u32> {
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            w.eq_ignore_ascii_case(m) || (w.len() == 3 && w.eq_ignore_ascii_case(&m[..3]))
        })
        .map(|i| i as u32 + 1)
}

const WEEKDAYS: [(&str, Weekday); 17] = [
    ("mon", Weekday::Mon),
    ("monday", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("tuesday", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("wednesday", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("thursday", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("friday", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("saturday", Weekday::Sat),
    ("sun", Weekday::Sun),
    ("sunday", Weekday::Sun),
];

fn weekday_of(w: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| w.eq_ignore_ascii_case(name))
        .map(|&(_, d)| d)
}

/// Named zones and their offsets from UTC in minutes.
const ZONES: [(&str, i32); 29] = [
    ("z", 0),
    ("ut", 0),
    ("utc", 0),
    ("gmt", 0),
    ("wet", 0),
    ("bst", 60),
    ("west", 60),
    ("cet", 60),
    ("cest", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    // US sites write the zone without the season (`9:24 pm ET`): read as standard time.
    ("et", -300),
    ("ct", -360),
    ("mt", -420),
    ("pt", -480),
    ("hkt", 480),
    ("sgt", 480),
    ("jst", 540),
    ("aest", 600),
    ("aedt", 660),
];

fn named_zone(w: &str) -> Option<i32> {
    ZONES
        .iter()
        .find(|(name, _)| w.eq_ignore_ascii_case(name))
        .map(|&(_, mins)| mins)
}

struct Parser<'t, 'a> {
    toks: &'t [Tok<'a>],
    i: usize,
}

impl<'a> Parser<'_, 'a> {
    fn peek(&self) -> Option<Tok<'a>> {
        self.toks.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<Tok<'a>> {
        self.toks.get(self.i + k).copied()
    }

    fn at_end(&self) -> bool {
        self.i >= self.toks.len()
    }

    fn eat_punct(&mut self, c: char) -> bool {
        if let Some(Tok::Punct(p)) = self.peek() {
            if char::from(p) == c {
                self.i += 1;
                return true;
            }
        }
        false
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if let Some(Tok::Word(x)) = self.peek() {
            if x.eq_ignore_ascii_case(w) {
                self.i += 1;
                return true;
            }
        }
        false
    }

    fn num(&mut self, min_len: usize, max_len: usize) -> Option<u32> {
        if let Some(Tok::Num(n)) = self.peek() {
            if n.len() >= min_len && n.len() <= max_len {
                self.i += 1;
                return n.parse().ok();
            }
        }
        None
    }

    /// The date at the parser's position, to the end of the tokens when `whole`, else as far
    /// as it goes.
    fn parse(&mut self, whole: bool) -> Option<ParsedDate> {
        let mut weekday = self.weekday();

        // Time first ("15:11 GMT, Thursday, 22 January 2015")?
        let start = self.i;
        let (date, time, offset) = if let Some(time) = self.time() {
            let offset = self.zone();
            self.eat_punct(',');
            self.eat_word("on");
            if weekday.is_none() {
                weekday = self.weekday();
            }
            let date = self.date()?;
            (date, Some(time), offset)
        } else {
            self.i = start;
            let date = self.date()?;
            let (time, offset) = self.time_after_date();
            (date, time, offset)
        };
        if whole && !self.at_end() {
            return None;
        }
        if date.year() < MIN_YEAR || date.year() > MAX_YEAR {
            return None;
        }
        if let Some(wd) = weekday {
            if date.weekday() != wd {
                return None;
            }
        }
        let has_time = time.is_some();
        let naive = NaiveDateTime::new(date, time.unwrap_or(NaiveTime::MIN));
        let instant = match offset {
            Some(mins) => {
                let tz = FixedOffset::east_opt(mins.checked_mul(60)?)?;
                tz.from_local_datetime(&naive).single()?.with_timezone(&Utc)
            }
            None => Utc.from_utc_datetime(&naive),
        };
        Some(ParsedDate { instant, has_time })
    }

    /// An optional weekday, followed by an optional `.` and `,`.
    fn weekday(&mut self) -> Option<Weekday> {
        if let Some(Tok::Word(w)) = self.peek() {
            if let Some(wd) = weekday_of(w) {
                self.i += 1;
                self.eat_punct('.');
                self.eat_punct(',');
                return Some(wd);
            }
        }
        None
    }

    /// After the date: an optional separator, a time and an optional zone.
    fn time_after_date(&mut self) -> (Option<NaiveTime>, Option<i32>) {
        if self.at_end() {
            return (None, None);
        }
        let start = self.i;
        // Optional separators: "22 Jan 2015, at 15:11", "2015-01-22T15:11", "22/01/2015 / 15:11",
        // "November 18, 2019 -- 19:14 GMT".
        self.eat_punct(',');
        let dash = self.eat_punct('-');
        if dash {
            self.eat_punct('-');
        }
        let _ = dash
            || self.eat_word("at")
            || self.eat_punct('|')
            || self.eat_punct('/')
            || self.eat_punct('@')
            || self.eat_word("t");
        match self.time() {
            Some(t) => {
                let zone = self.zone();
                (Some(t), zone)
            }
            None => {
                self.i = start;
                (None, None)
            }
        }
    }

    fn ordinal_suffix(&mut self) {
        if let Some(Tok::Word(w)) = self.peek() {
            if ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s))
            {
                self.i += 1;
            }
        }
    }

    fn year(&mut self) -> Option<i32> {
        self.num(4, 4).map(|y| y as i32)
    }

    fn date(&mut self) -> Option<NaiveDate> {
        match self.peek()? {
            Tok::Num(n) if n.len() == 4 => {
                // 2015-01-22, 2015/01/22, 2015.01.22
                let y = self.year()?;
                let sep = match self.peek()? {
                    Tok::Punct(c @ (b'-' | b'/' | b'.')) => c,
                    _ => return None,
                };
                self.i += 1;
                let m = self.num(1, 2)?;
                if !self.eat_punct(char::from(sep)) {
                    return None;
                }
                let d = self.num(1, 2)?;
                NaiveDate::from_ymd_opt(y, m, d)
            }
            Tok::Num(n) if n.len() <= 2 => {
                let a = self.num(1, 2)?;
                if let Some(Tok::Punct(sep @ (b'/' | b'.' | b'-'))) = self.peek() {
                    if let Some(Tok::Num(_)) = self.peek_at(1) {
                        // Numeric day/month/year.
                        self.i += 1;
                        let b = self.num(1, 2)?;
                        if !self.eat_punct(char::from(sep)) {
                            return None;
                        }
                        let y = self.year()?;
                        let (d, m) = if a > 12 && b <= 12 {
                            (a, b)
                        } else if b > 12 && a <= 12 {
                            (b, a)
                        } else if a == b {
                            (a, b)
                        } else {
                            return None; // ambiguous or invalid: never guess
                        };
                        return NaiveDate::from_ymd_opt(y, m, d);
                    }
                }
                // 22 Jan 2015, 22nd January, 2015, 22-Jan-2015
                self.ordinal_suffix();
                let dashed = self.eat_punct('-');
                let m = self.month()?;
                if dashed {
                    if !self.eat_punct('-') {
                        return None;
                    }
                } else {
                    self.eat_punct(',');
                }
                let y = self.year()?;
                NaiveDate::from_ymd_opt(y, m, a)
            }
            Tok::Word(_) => {
                // January 22, 2015 / Jan. 22 2015 / Jan 22nd, 2015
                let m = self.month()?;
                let d = self.num(1, 2)?;
                self.ordinal_suffix();
                self.eat_punct(',');
                let y = self.year()?;
                NaiveDate::from_ymd_opt(y, m, d)
            }
            _ => None,
        }
    }

    /// A month name or abbreviation, with an optional `.` after it.
    fn month(&mut self) -> Option<u32> {
        if let Some(Tok::Word(w)) = self.peek() {
            let m = month_of(w)?;
            self.i += 1;
            self.eat_punct('.');
            return Some(m);
        }
        None
    }

    fn time(&mut self) -> Option<NaiveTime> {
        let start = self.i;
        let r = self.time_inner();
        if r.is_none() {
            self.i = start;
        }
        r
    }

    fn time_inner(&mut self) -> Option<NaiveTime> {
        let h = self.num(1, 2)?;
        let (mut m, mut s, mut nanos) = (0, 0, 0);
        let has_minutes = self.eat_punct(':');
        if has_minutes {
            m = self.num(2, 2)?;
            if self.eat_punct(':') {
                s = self.num(2, 2)?;
                if let (Some(Tok::Punct(b'.' | b',')), Some(Tok::Num(frac))) =
                    (self.peek(), self.peek_at(1))
                {
                    self.i += 2;
                    let digits = &frac[..frac.len().min(9)];
                    let scale = 10u32.pow(9 - digits.len() as u32);
                    nanos = digits.parse::<u32>().ok()? * scale;
                }
            }
        }
        let h = match self.ampm() {
            Some(pm) => {
                if !(1..=12).contains(&h) {
                    return None;
                }
                (h % 12) + if pm { 12 } else { 0 }
            }
            None if has_minutes => h,
            None => return None, // a bare number is not a time
        };
        NaiveTime::from_hms_nano_opt(h, m, s, nanos)
    }

    /// `am`/`pm`/`a.m.`/`p.m.`: `Some(true)` for pm.
    fn ampm(&mut self) -> Option<bool> {
        if let Some(Tok::Word(w)) = self.peek() {
            let pm = w.eq_ignore_ascii_case("pm") || w.eq_ignore_ascii_case("p");
            match w.len() {
                2 if pm || w.eq_ignore_ascii_case("am") => {
                    self.i += 1;
                    return Some(pm);
                }
                1 if pm || w.eq_ignore_ascii_case("a") => {
                    if let (Some(Tok::Punct(b'.')), Some(Tok::Word(m))) =
                        (self.peek_at(1), self.peek_at(2))
                    {
                        if m.eq_ignore_ascii_case("m") {
                            self.i += 3;
                            self.eat_punct('.');
                            return Some(pm);
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// An optional zone: its offset in minutes.
    fn zone(&mut self) -> Option<i32> {
        let start = self.i;
        let r = self.zone_inner();
        if r.is_none() {
            self.i = start;
        }
        r
    }

    fn zone_inner(&mut self) -> Option<i32> {
        match self.peek()? {
            Tok::Word(w) => {
                let base = named_zone(w)?;
                self.i += 1;
                // GMT+1, UTC+02:00
                if base == 0 && !w.eq_ignore_ascii_case("z") {
                    if let Some(Tok::Punct(b'+' | b'-')) = self.peek() {
                        return self.numeric_offset();
                    }
                }
                Some(base)
            }
            Tok::Punct(b'+' | b'-') => {
                let off = self.numeric_offset()?;
                // RFC 2822 comment: "+0000 (GMT)"
                if let (Some(Tok::Punct(b'(')), Some(Tok::Word(w)), Some(Tok::Punct(b')'))) =
                    (self.peek(), self.peek_at(1), self.peek_at(2))
                {
                    if named_zone(w).is_some() {
                        self.i += 3;
                    }
                }
                Some(off)
            }
            _ => None,
        }
    }

    /// `+HH:MM`, `+HHMM`, `+HH`, `+H` (and `-`).
    fn numeric_offset(&mut self) -> Option<i32> {
        let sign = match self.peek()? {
            Tok::Punct(b'+') => 1,
            Tok::Punct(b'-') => -1,
            _ => return None,
        };
        self.i += 1;
        let n = match self.peek()? {
            Tok::Num(n) => n,
            _ => return None,
        };
        let (h, m) = match n.len() {
            4 => {
                self.i += 1;
                (n[..2].parse::<i32>().ok()?, n[2..].parse::<i32>().ok()?)
            }
            1 | 2 => {
                self.i += 1;
                let h = n.parse::<i32>().ok()?;
                let m = if self.eat_punct(':') {
                    self.num(2, 2)? as i32
                } else {
                    0
                };
                (h, m)
            }
            _ => return None,
        };
        if h > 23 || m > 59 {
            return None;
        }
        Some(sign * (h * 60 + m))
    }
}
