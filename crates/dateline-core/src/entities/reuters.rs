//! Document-level agreement with Reuters-21578's gold index terms.
//!
//! Reuters-21578 tags each story with lower-case codes of the places (`usa`, `west-germany`)
//! and people (`reagan`, `james-baker`) it is about. The extractor's places (and the places
//! of its demonyms) and people are mapped to those codes (a slug of the name, its surname,
//! and a few fixed renames such as United States → `usa`); the codes are countries, so a city
//! or US state without a code of its own counts as its country ([`super::place_country`]:
//! Houston → `usa`). Only names that map into the code lists count. Precision and recall are micro-averaged over (document, code) pairs.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::conll::Counts;
use super::normalize::normalize_key;
use super::{EntityExtractor, EntityKind};

/// Place names whose Reuters code is not their slug.
const PLACE_CODES: &[(&str, &str)] = &[
    ("United States", "usa"),
    ("United Kingdom", "uk"),
    ("Soviet Union", "ussr"),
    ("Russia", "ussr"),
    ("United Arab Emirates", "uae"),
    ("Myanmar", "burma"),
    ("Cambodia", "kampuchea"),
    ("Democratic Republic of the Congo", "zaire"),
    ("Republic of the Congo", "congo"),
    ("Trinidad and Tobago", "trinidad-tobago"),
    ("Czech Republic", "czechoslovakia"),
    ("Macau", "macao"),
    ("Vatican City", "vatican"),
    ("Samoa", "western-samoa"),
    ("England", "uk"),
    ("Scotland", "uk"),
    ("Wales", "uk"),
    ("Northern Ireland", "uk"),
    ("Germany", "west-germany"),
    ("Holland", "netherlands"),
];

/// Errors reading the Reuters file.
#[derive(Debug, thiserror::Error)]
pub enum ReutersError {
    /// The file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A line is not a JSON object with the expected fields.
    #[error("{path} line {line}: {message}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The parser's message.
        message: String,
    },
}

#[derive(Deserialize)]
struct Doc {
    title: Option<String>,
    #[serde(default)]
    body: String,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
}

/// Agreement of extracted places and people with the gold codes.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReutersScores {
    /// Documents read.
    pub documents: usize,
    /// Documents with at least one gold place.
    pub with_places: usize,
    /// Documents with at least one gold person.
    pub with_people: usize,
    /// Places, over every document.
    pub places: Counts,
    /// People, over every document.
    pub people: Counts,
}

/// `United States` → `united-states`.
fn slug(name: &str) -> String {
    let key = normalize_key(name);
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn place_code(name: &str, codes: &HashSet<String>) -> Option<String> {
    if let Some((_, code)) = PLACE_CODES.iter().find(|(n, _)| *n == name) {
        return Some((*code).to_string());
    }
    let s = slug(name);
    codes.contains(&s).then_some(s)
}

fn person_code(name: &str, codes: &HashSet<String>) -> Option<String> {
    let s = slug(name);
    if codes.contains(&s) {
        return Some(s);
    }
    let words: Vec<&str> = s.split('-').collect();
    for n in (1..words.len()).rev() {
        let tail = words[words.len() - n..].join("-");
        if codes.contains(&tail) {
            return Some(tail);
        }
    }
    None
}

fn add(counts: &mut Counts, gold: &HashSet<String>, found: &HashSet<String>) {
    let tp = found.intersection(gold).count() as u64;
    counts.tp += tp;
    counts.fp += found.len() as u64 - tp;
    counts.fn_ += gold.len() as u64 - tp;
}

/// Scores the extractor against the gold `places` and `people` of a Reuters-21578
/// `docs.jsonl` (or `.jsonl.gz`) file. Codes outside the gold vocabulary (the distinct codes
/// in the file) are ignored on both sides.
///
/// # Errors
/// [`ReutersError`] when the file cannot be read or a line is not valid JSON.
pub fn reuters_agreement(
    extractor: &EntityExtractor,
    path: &Path,
) -> Result<ReutersScores, ReutersError> {
    let io = |e: std::io::Error| ReutersError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut docs = Vec::new();
    for (i, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = serde_json::from_str(&line).map_err(|e| ReutersError::Json {
            path: path.display().to_string(),
            line: i + 1,
            message: e.to_string(),
        })?;
        docs.push(doc);
    }
    let place_codes: HashSet<String> = docs.iter().flat_map(|d| d.places.clone()).collect();
    let people_codes: HashSet<String> = docs.iter().flat_map(|d| d.people.clone()).collect();
    let mut out = ReutersScores {
        documents: docs.len(),
        ..ReutersScores::default()
    };
    for doc in &docs {
        let found = extractor.extract(doc.title.as_deref(), &doc.body);
        let mut places = HashSet::new();
        let mut people = HashSet::new();
        for e in &found {
            match e.kind {
                EntityKind::Place => {
                    // Reuters codes countries: a city or state counts as its country.
                    let code = place_code(&e.name, &place_codes)
                        .or_else(|| place_code(e.country()?, &place_codes));
                    places.extend(code);
                }
                EntityKind::Misc => {
                    if let Some(p) = e.place() {
                        places.extend(place_code(p, &place_codes));
                    }
                }
                EntityKind::Person => people.extend(person_code(&e.name, &people_codes)),
                EntityKind::Organization => {}
            }
        }
        let gold_places: HashSet<String> = doc.places.iter().cloned().collect();
        let gold_people: HashSet<String> = doc.people.iter().cloned().collect();
        out.with_places += usize::from(!gold_places.is_empty());
        out.with_people += usize::from(!gold_people.is_empty());
        add(&mut out.places, &gold_places, &places);
        add(&mut out.people, &gold_people, &people);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_codes() {
        let codes: HashSet<String> = [
            "usa",
            "west-germany",
            "new-zealand",
            "james-baker",
            "reagan",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(place_code("United States", &codes).as_deref(), Some("usa"));
        assert_eq!(
            place_code("New Zealand", &codes).as_deref(),
            Some("new-zealand")
        );
        assert_eq!(
            person_code("Ronald Reagan", &codes).as_deref(),
            Some("reagan")
        );
        assert_eq!(
            person_code("James Baker", &codes).as_deref(),
            Some("james-baker")
        );
        assert_eq!(person_code("Howard Smith", &codes), None);
    }
}
