//! Articles per day, week, month or year over every article a search matches: when a story
//! was covered. Days are counted by tantivy's date-histogram aggregation over the `published`
//! column, then rolled up into the periods asked for.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::agg_result::AggregationResults;
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};
use tantivy::collector::Count;

use crate::error::Result;
use crate::{Index, SearchRequest};

/// The length of the periods of a [`Timeline`] (calendar periods in UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    /// Days, named `YYYY-MM-DD`.
    Day,
    /// ISO 8601 weeks, Monday to Sunday, named `YYYY-Www` (`2015-W04`).
    Week,
    /// Calendar months, named `YYYY-MM`.
    Month,
    /// Calendar years, named `YYYY`.
    Year,
}

impl Interval {
    /// The first day of the period that holds `day`.
    fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => day,
            Interval::Week => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
            Interval::Month => day.with_day(1).unwrap_or(day),
            Interval::Year => day.with_ordinal(1).unwrap_or(day),
        }
    }

    /// The first day of the period after the one starting on `start`.
    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Interval::Day => start.checked_add_days(Days::new(1)),
            Interval::Week => start.checked_add_days(Days::new(7)),
            Interval::Month => start.checked_add_months(Months::new(1)),
            Interval::Year => start.checked_add_months(Months::new(12)),
        }
    }

    /// The name of the period starting on `start`.
    pub(crate) fn name(self, start: NaiveDate) -> String {
        match self {
            Interval::Day => start.format("%Y-%m-%d").to_string(),
            Interval::Week => start.format("%G-W%V").to_string(),
            Interval::Month => start.format("%Y-%m").to_string(),
            Interval::Year => start.format("%Y").to_string(),
        }
    }
}

/// Matching articles published in one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodCount {
    /// Its name: `2015-01-22`, `2015-W04`, `2015-01` or `2015` (see [`Interval`]).
    pub period: String,
    /// Its first day, `YYYY-MM-DD`.
    pub start: String,
    /// Matching articles published in it.
    pub articles: u64,
}

/// Matching articles per period, from the period of the earliest to that of the latest.
#[derive(Clone, Debug, Serialize)]
pub struct Timeline {
    /// The length of the periods.
    pub interval: Interval,
    /// Matching articles.
    pub total: usize,
    /// Every period from the first with a matching article to the last, oldest first; the
    /// periods between without one are listed with 0, so that a chart shows the gaps.
    pub periods: Vec<PeriodCount>,
    /// Matching articles without a publication date.
    pub undated: u64,
}

/// The aggregation counting matching articles per day of `published`.
pub(crate) fn day_histogram(index: &Index) -> Result<AggregationCollector> {
    let aggs: Aggregations = serde_json::from_value(serde_json::json!({
        "days": {
            "date_histogram": {
                "field": "published",
                "fixed_interval": "1d",
                "min_doc_count": 1
            }
        }
    }))
    .map_err(|e| tantivy::TantivyError::InvalidArgument(e.to_string()))?;
    let context = AggContextParams::new(
        AggregationLimitsGuard::default(),
        index.index.tokenizers().clone(),
    );
    Ok(AggregationCollector::from_aggs(aggs, context))
}

/// The days of [`day_histogram`]'s result with their counts, oldest first.
pub(crate) fn day_counts(aggs: &AggregationResults) -> Result<BTreeMap<NaiveDate, u64>> {
    let json = serde_json::to_value(aggs)
        .map_err(|e| tantivy::TantivyError::InvalidArgument(e.to_string()))?;
    let mut days = BTreeMap::new();
    for bucket in json["days"]["buckets"].as_array().into_iter().flatten() {
        let n = bucket["doc_count"].as_u64().unwrap_or(0);
        let day = bucket["key"]
            .as_f64()
            .and_then(|ms| chrono::DateTime::from_timestamp_millis(ms as i64))
            .map(|d| d.date_naive());
        if let (Some(day), true) = (day, n > 0) {
            *days.entry(day).or_default() += n;
        }
    }
    Ok(days)
}

/// `days` rolled up into periods of `interval`, oldest first; with `gaps`, the empty periods
/// between the first and the last too.
pub(crate) fn roll_up(
    days: &BTreeMap<NaiveDate, u64>,
    interval: Interval,
    gaps: bool,
) -> Vec<PeriodCount> {
    let mut counts: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for (&day, &n) in days {
        *counts.entry(interval.start(day)).or_default() += n;
    }
    if gaps {
        if let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) {
            let mut start = Some(first);
            while let Some(s) = start.filter(|&s| s < last) {
                counts.entry(s).or_default();
                start = interval.next(s);
            }
        }
    }
    counts
        .into_iter()
        .map(|(start, articles)| PeriodCount {
            period: interval.name(start),
            start: start.format("%Y-%m-%d").to_string(),
            articles,
        })
        .collect()
}

impl Index {
    /// How many articles matching `request` (limit, offset and sort ignored) were published in
    /// each period of `interval`: when a story was covered.
    ///
    /// # Example
    /// ```
    /// use dateline_core::Article;
    /// use dateline_index::{Index, Interval, SearchRequest};
    ///
    /// let index = Index::create_in_ram()?;
    /// index.add_articles(vec![
    ///     Article::new("a", "John Kerry flew to London.")
    ///         .with_published("2015-01-22T15:11:00Z".parse().unwrap()),
    ///     Article::new("b", "John Kerry spoke in Paris.")
    ///         .with_published("2015-03-02T09:00:00Z".parse().unwrap()),
    ///     Article::new("c", "John Kerry, undated."),
    /// ])?;
    /// let timeline = index.timeline(&SearchRequest::new("Kerry"), Interval::Month)?;
    /// let months: Vec<_> = timeline.periods.iter().map(|p| (p.period.as_str(), p.articles)).collect();
    /// assert_eq!(months, [("2015-01", 1), ("2015-02", 0), ("2015-03", 1)]);
    /// assert_eq!((timeline.total, timeline.undated), (3, 1));
    /// # Ok::<(), dateline_index::Error>(())
    /// ```
    pub fn timeline(&self, request: &SearchRequest, interval: Interval) -> Result<Timeline> {
        self.count_timeline(request, interval)
            .map_err(|e| self.damaged(e))
    }

    fn count_timeline(&self, request: &SearchRequest, interval: Interval) -> Result<Timeline> {
        let query = self.build_query(request)?;
        let searcher = self.reader.searcher();
        let (aggs, total) = searcher.search(&*query, &(day_histogram(self)?, Count))?;
        let days = day_counts(&aggs)?;
        let dated: u64 = days.values().sum();
        Ok(Timeline {
            interval,
            total,
            periods: roll_up(&days, interval, true),
            undated: (total as u64).saturating_sub(dated),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("YYYY-MM-DD")
    }

    #[test]
    fn iso_weeks_start_on_monday_and_take_the_iso_year() {
        // 2015-01-01 was a Thursday: its ISO week is 2015-W01, from Monday 2014-12-29.
        assert_eq!(Interval::Week.start(day("2015-01-01")), day("2014-12-29"));
        assert_eq!(Interval::Week.name(day("2014-12-29")), "2015-W01");
        // 2016-01-03, a Sunday, is in the last ISO week of 2015.
        let start = Interval::Week.start(day("2016-01-03"));
        assert_eq!(
            (start, Interval::Week.name(start).as_str()),
            (day("2015-12-28"), "2015-W53")
        );
    }

    #[test]
    fn roll_up_fills_the_gaps_between_the_first_and_last_period_only_when_asked() {
        let days = BTreeMap::from([(day("2015-01-30"), 2), (day("2015-02-02"), 1)]);
        let listed = |interval, gaps| -> Vec<(String, u64)> {
            roll_up(&days, interval, gaps)
                .into_iter()
                .map(|p| (p.period, p.articles))
                .collect()
        };
        let day_names = ["2015-01-30", "2015-01-31", "2015-02-01", "2015-02-02"];
        let expected: Vec<(String, u64)> = day_names
            .iter()
            .zip([2, 0, 0, 1])
            .map(|(d, n)| (d.to_string(), n))
            .collect();
        assert_eq!(listed(Interval::Day, true), expected);
        assert_eq!(listed(Interval::Day, false).len(), 2);
        assert_eq!(
            listed(Interval::Week, true),
            [("2015-W05".to_string(), 2), ("2015-W06".to_string(), 1)]
        );
        assert_eq!(listed(Interval::Year, true), [("2015".to_string(), 3)]);
    }
}
