//! Named-entity extraction (people, organisations, places) and the alias table.
//!
//! [`EntityExtractor`] is a rule pipeline (tokenise, chunk capitalised runs, strip titles,
//! classify with the [`AliasTable`] and built-in gazetteers, join short forms);
//! [`normalize_key`] gives the key used for lookups and index filters.

mod aliases;
pub mod conll;
mod extract;
mod gazetteer;
mod normalize;
pub mod reuters;
pub mod throughput;

pub use aliases::{AliasError, AliasTable};
pub use extract::{without_legal_form, EntityExtractor};
pub use gazetteer::{
    country_named, country_names, demonym_canonical, demonym_country, demonym_place, demonyms_of,
    english_words, known_word, place_country, places_in, strip_titles,
};
pub use normalize::{normalize_key, push_key};

use serde::{Deserialize, Serialize};

/// The type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// A person (`PER`).
    #[serde(rename = "PER")]
    Person,
    /// An organisation (`ORG`).
    #[serde(rename = "ORG")]
    Organization,
    /// A place (`LOC`).
    #[serde(rename = "LOC")]
    Place,
    /// Anything else named: demonyms and group adjectives (`Iraqi`, `Kurdish`), linked to
    /// their place by [`Entity::place`] (`MISC`).
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// The short code used in facets and JSON: `PER`, `ORG` or `LOC`.
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Place => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parses a code (`PER`, `ORG`, `LOC`, `MISC`) or a word (`person`, `org`,
    /// `organisation`, `place`, `location`, `misc`), any case.
    ///
    /// # Example
    /// ```
    /// use dateline_core::EntityKind;
    ///
    /// assert_eq!(EntityKind::parse("place"), Some(EntityKind::Place));
    /// assert_eq!(EntityKind::parse("PER"), Some(EntityKind::Person));
    /// assert_eq!(EntityKind::parse("thing"), None);
    /// ```
    pub fn parse(text: &str) -> Option<EntityKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "per" | "person" | "people" | "persons" => Some(EntityKind::Person),
            "org" | "orgs" | "organisation" | "organization" | "organisations"
            | "organizations" => Some(EntityKind::Organization),
            "loc" | "place" | "places" | "location" | "locations" => Some(EntityKind::Place),
            "misc" | "other" => Some(EntityKind::Misc),
            _ => None,
        }
    }

    /// All kinds, in code order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Misc,
    ];
}

/// The text field a mention was found in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum MentionField {
    /// The headline.
    #[default]
    Title,
    /// The body.
    Body,
}

/// One occurrence of an entity in an article's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The field the mention is in.
    pub field: MentionField,
    /// Byte offset of the first byte of the mention in that field's text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The text of the mention (`&field_text[start..end]`).
    pub text: String,
    /// The type of the entity it resolves to.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Canonical name of the entity it resolves to.
    pub entity: String,
}

/// Everything extracted from one article: resolved entities and their mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// Resolved entities, most mentioned first.
    pub entities: Vec<Entity>,
    /// Mentions in text order (title first).
    pub mentions: Vec<Mention>,
}

/// Entity extraction stopped on an article by a bug of the extractor (a panic), as
/// [`EntityExtractor::try_extract_in`] and [`EntityExtractor::try_analyze_in`] report it.
///
/// One article's text must never stop a corpus: a caller gives the article without entities,
/// or skips it, and goes on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "entity extraction failed on this article (a bug in Dateline; please report it): {message}"
)]
pub struct ExtractionFailed {
    /// What the extractor said as it stopped (the panic's message).
    pub message: String,
}

impl ExtractionFailed {
    /// From the payload of a caught panic, as [`std::panic::catch_unwind`] returns it.
    fn from_panic(payload: Box<dyn std::any::Any + Send>) -> Self {
        let message = match payload.downcast::<String>() {
            Ok(text) => *text,
            Err(payload) => payload
                .downcast_ref::<&str>()
                .map_or_else(|| "no message".to_string(), |text| text.to_string()),
        };
        ExtractionFailed { message }
    }
}

/// One entity resolved within an article: its canonical name and the forms it appeared as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Type of the entity.
    pub kind: EntityKind,
    /// Canonical name, e.g. `Islamic State` for `ISIS`, `Philip Hammond` for `Hammond`.
    pub name: String,
    /// Distinct surface forms seen in the article (including `name` if it appeared).
    pub forms: Vec<String>,
    /// Number of mentions in title and body.
    pub mentions: u32,
}

impl Entity {
    /// The place a demonym entity belongs to (`Iraqi` → `Iraq`); `None` for other entities.
    ///
    /// # Example
    /// ```
    /// use dateline_core::entities::EntityExtractor;
    ///
    /// let found = EntityExtractor::new().extract(None, "Iraqi troops entered Mosul.");
    /// let iraqi = found.iter().find(|e| e.name == "Iraqi").unwrap();
    /// assert_eq!(iraqi.place(), Some("Iraq"));
    /// ```
    pub fn place(&self) -> Option<&'static str> {
        if self.kind != EntityKind::Misc {
            return None;
        }
        gazetteer::demonym_place(&self.name)
    }

    /// The country a place entity is in, when it is a city, US state or province Dateline knows
    /// ([`place_country`]: `Houston` → `United States`), or whose people a demonym names
    /// ([`demonym_country`]: `Iraqi` → `Iraq`); `None` for other entities, countries included.
    ///
    /// # Example
    /// ```
    /// use dateline_core::entities::EntityExtractor;
    ///
    /// let found = EntityExtractor::new().extract(None, "Iraqi officials in Houston said so.");
    /// let houston = found.iter().find(|e| e.name == "Houston").unwrap();
    /// assert_eq!(houston.country(), Some("United States"));
    /// let iraqi = found.iter().find(|e| e.name == "Iraqi").unwrap();
    /// assert_eq!(iraqi.country(), Some("Iraq"));
    /// ```
    pub fn country(&self) -> Option<&'static str> {
        match self.kind {
            EntityKind::Place => place_country(&self.name),
            EntityKind::Misc => demonym_country(&self.name),
            EntityKind::Person | EntityKind::Organization => None,
        }
    }
}
