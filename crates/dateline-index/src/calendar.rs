//! Whole-day date ranges cut into the fewest calendar periods: the years, months and days a
//! filter reads from the `year`, `month` and `day` fields.
//!
//! A filter over a year of news is then one posting list (the year's) that the ranking walks
//! with its skip list, instead of 365 day lists merged into a bit set before every search.

use std::ops::Bound;

use chrono::{DateTime, Datelike, NaiveDate};

use crate::document::SECONDS_PER_DAY;

/// One calendar period, numbered as the index numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Period {
    /// Days since 1970-01-01.
    Day(i64),
    /// Months since January 1970.
    Month(i64),
    /// The calendar year.
    Year(i64),
}

/// A day range as periods: `periods` and, for ranges open on a side or many years long, the
/// range of whole years between them.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Cover {
    pub periods: Vec<Period>,
    pub years: Option<(Bound<i64>, Bound<i64>)>,
}

/// More whole years than this are read as one range of the `year` field.
const MAX_YEAR_TERMS: i64 = 4;

fn date_of(day: i64) -> Option<NaiveDate> {
    DateTime::from_timestamp(day.checked_mul(SECONDS_PER_DAY)?, 0).map(|d| d.date_naive())
}

fn day_of(date: NaiveDate) -> i64 {
    date.and_hms_opt(0, 0, 0)
        .map_or(0, |d| d.and_utc().timestamp().div_euclid(SECONDS_PER_DAY))
}

/// The month number (months since January 1970) of a date.
pub(crate) fn month_number(date: NaiveDate) -> i64 {
    (i64::from(date.year()) - 1970) * 12 + i64::from(date.month0())
}

/// First day of the month after `date`'s, and of the year after.
fn next_month(date: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = (date.year(), date.month());
    if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    }
}

/// The days `from..=to` (days since 1970; `None`: open) as whole years, whole months and the
/// days left over. `None` for days chrono cannot represent (the caller falls back to the day
/// field's range).
pub(crate) fn cover(from: Option<i64>, to: Option<i64>) -> Option<Cover> {
    let mut out = Cover::default();
    // Leading edge: days up to a month start, then months up to a year start.
    let mut start = match from {
        Some(day) => Some(date_of(day)?),
        None => None,
    };
    let end = match to {
        Some(day) => Some(date_of(day)?),
        None => None,
    };
    if let (Some(s), Some(e)) = (start, end) {
        if s > e {
            return Some(out);
        }
    }
    let within = |d: NaiveDate| end.is_none_or(|e| d <= e);
    while let Some(s) = start.filter(|&s| within(s) && s.ordinal() != 1) {
        let month_end = next_month(s)?.pred_opt()?;
        if s.day() == 1 && within(month_end) {
            out.periods.push(Period::Month(month_number(s)));
            start = Some(next_month(s)?);
        } else {
            out.periods.push(Period::Day(day_of(s)));
            start = Some(s.succ_opt()?);
        }
    }
    if start.is_some_and(|s| !within(s)) {
        return Some(out);
    }
    // Trailing edge, from the end back: days down to a month end, months down to a year end.
    let mut last = end;
    let after_start = |d: NaiveDate| start.is_none_or(|s| d >= s);
    while let Some(e) =
        last.filter(|&e| after_start(e) && e.succ_opt().is_some_and(|n| n.ordinal() != 1))
    {
        let month_start = e.with_day(1)?;
        if next_month(e)?.pred_opt()? == e && after_start(month_start) {
            out.periods.push(Period::Month(month_number(e)));
            last = Some(month_start.pred_opt()?);
        } else {
            out.periods.push(Period::Day(day_of(e)));
            last = Some(e.pred_opt()?);
        }
    }
    // What is left is whole years.
    let first = start.map(|s| i64::from(s.year()));
    let final_year = last.map(|e| i64::from(e.year()));
    match (first, final_year) {
        (Some(a), Some(b)) if a > b => {}
        (Some(a), Some(b)) if b - a < MAX_YEAR_TERMS => {
            out.periods.extend((a..=b).map(Period::Year));
        }
        (a, b) => {
            out.years = Some((
                a.map_or(Bound::Unbounded, Bound::Included),
                b.map_or(Bound::Unbounded, Bound::Included),
            ));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::ops::RangeBounds;

    fn day(s: &str) -> i64 {
        day_of(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    /// Whether `cover` holds day `d`, and how many of its parts do.
    fn holders(c: &Cover, d: i64) -> usize {
        let date = date_of(d).unwrap();
        let (m, y) = (month_number(date), i64::from(date.year()));
        let parts = c
            .periods
            .iter()
            .filter(|p| match p {
                Period::Day(x) => *x == d,
                Period::Month(x) => *x == m,
                Period::Year(x) => *x == y,
            })
            .count();
        let in_years = c.years.is_some_and(|r| r.contains(&y));
        parts + usize::from(in_years)
    }

    #[test]
    fn a_calendar_year_is_one_term() {
        let c = cover(Some(day("1987-01-01")), Some(day("1987-12-31"))).unwrap();
        assert_eq!(c.periods, vec![Period::Year(1987)]);
        assert_eq!(c.years, None);
    }

    #[test]
    fn a_month_and_a_few_days_are_a_month_term_and_day_terms() {
        let c = cover(Some(day("2015-01-30")), Some(day("2015-03-02"))).unwrap();
        assert_eq!(
            c.periods,
            vec![
                Period::Day(day("2015-01-30")),
                Period::Day(day("2015-01-31")),
                Period::Month(month_number(NaiveDate::from_ymd_opt(2015, 2, 1).unwrap())),
                Period::Day(day("2015-03-01")),
                Period::Day(day("2015-03-02")),
            ]
        );
    }

    #[test]
    fn open_ranges_read_a_range_of_years() {
        let c = cover(Some(day("2015-12-01")), None).unwrap();
        assert_eq!(
            c.periods,
            vec![Period::Month(month_number(
                NaiveDate::from_ymd_opt(2015, 12, 1).unwrap()
            ))]
        );
        assert_eq!(c.years, Some((Bound::Included(2016), Bound::Unbounded)));
        let c = cover(None, Some(day("1969-12-31"))).unwrap();
        assert_eq!(c.periods, vec![]);
        assert_eq!(c.years, Some((Bound::Unbounded, Bound::Included(1969))));
    }

    #[test]
    fn an_empty_range_covers_nothing() {
        let c = cover(Some(day("2015-02-02")), Some(day("2015-02-01"))).unwrap();
        assert_eq!(c, Cover::default());
    }

    proptest! {
        /// Every day of the range is covered exactly once and no day outside it is, across
        /// month, year and leap-year edges, before and after 1970.
        #[test]
        fn covers_exactly_the_range(a in -1500i64..1500, len in 0i64..900, open in 0u8..3) {
            let (from, to) = (a, a + len);
            let (f, t) = match open {
                0 => (Some(from), Some(to)),
                1 => (None, Some(to)),
                _ => (Some(from), None),
            };
            let c = cover(f, t).unwrap();
            for d in (from - 400)..=(to + 400) {
                let inside = f.is_none_or(|f| d >= f) && t.is_none_or(|t| d <= t);
                prop_assert_eq!(holders(&c, d), usize::from(inside), "day {}", d);
            }
        }
    }
}
