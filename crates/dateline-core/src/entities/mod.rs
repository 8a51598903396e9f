//! Named-entity extraction (people, organisations, places) and the alias table.
//!
//! [`EntityExtractor`] is a rule pipeline (tokenise, chunk capitalised runs, strip titles,
//! classify with the [`AliasTable`] and built-in gazetteers, join short forms);
//! [`normalize_key`] gives the key used for lookups and index filters.

mod aliases;
mod extract;
mod gazetteer;
mod normalize;

pub use aliases::{AliasError, AliasTable};
pub use extract::EntityExtractor;
pub use normalize::normalize_key;

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
}

impl EntityKind {
    /// The short code used in facets and JSON: `PER`, `ORG` or `LOC`.
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Place => "LOC",
        }
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
