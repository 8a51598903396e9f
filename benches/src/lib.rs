//! Shared helpers for Dateline's benchmarks: where the real data is, and how the synthetic scale
//! corpus is derived from it.
#![deny(missing_docs)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The shared data folder beside the checkout (`../shared/data`).
pub fn shared_data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")
}

/// One source record, as in the shared sets' `docs.jsonl`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    /// Identity.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Text.
    pub body: String,
}

/// Reads a `docs.jsonl` or `docs.jsonl.gz` file of the shared data.
pub fn read_records(path: &Path) -> Result<Vec<Record>> {
    let file = std::fs::File::open(path).with_context(|| path.display().to_string())?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut records = Vec::new();
    for (i, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", path.display(), i + 1))?;
        let record: Record =
            serde_json::from_str(&line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        records.push(record);
    }
    Ok(records)
}

/// Shifts a `YYYY-MM-DD` date by `years` (Feb 29 becomes Feb 28 in a non-leap year).
pub fn shift_years(date: &str, years: i32) -> Option<String> {
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let year = d.year() + years;
    let shifted = NaiveDate::from_ymd_opt(year, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), d.day() - 1))?;
    Some(shifted.format("%Y-%m-%d").to_string())
}

/// Copy `copy` of a record: id `r<copy>-<id>`, date shifted by `copy` years.
pub fn replicate(record: &Record, copy: usize) -> Record {
    Record {
        id: format!("r{copy}-{}", record.id),
        title: record.title.clone(),
        date: record
            .date
            .as_deref()
            .and_then(|d| shift_years(d, copy as i32)),
        body: record.body.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_days_fall_back_to_the_28th() {
        assert_eq!(shift_years("1988-02-29", 1).as_deref(), Some("1989-02-28"));
        assert_eq!(shift_years("1987-03-01", 10).as_deref(), Some("1997-03-01"));
    }
}
