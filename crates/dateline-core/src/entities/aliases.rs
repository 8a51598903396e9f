//! The alias table: canonical entities, their kinds and alternative names.

// Fx hashing: these maps sit on the per-token path, where SipHash showed in profiles.
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::normalize::normalize_key;
use super::EntityKind;

/// The built-in alias table source, in the user alias file format.
const BUILTIN_ALIASES: &str = include_str!("data/aliases.txt");

/// An error in a user alias file. Every variant names the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AliasError {
    /// The line has no tab-separated canonical name after the type.
    #[error(
        "alias file line {line}: expected `TYPE<TAB>Canonical[<TAB>alias...]`, found {found:?}"
    )]
    MissingFields {
        /// 1-based line number.
        line: usize,
        /// The offending line (trimmed, at most 80 chars).
        found: String,
    },
    /// The type field is not `PER`, `ORG`, `LOC` or `MISC`.
    #[error(
        "alias file line {line}: unknown entity type {kind:?} (expected PER, ORG, LOC or MISC)"
    )]
    UnknownKind {
        /// 1-based line number.
        line: usize,
        /// The type as written.
        kind: String,
    },
    /// The canonical name is empty.
    #[error("alias file line {line}: empty canonical name")]
    EmptyName {
        /// 1-based line number.
        line: usize,
    },
    /// The alias file could not be read.
    #[error("cannot read alias file {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

impl AliasError {
    /// The 1-based line number the error was found on (0 for [`AliasError::Io`]).
    pub fn line(&self) -> usize {
        match self {
            AliasError::MissingFields { line, .. }
            | AliasError::UnknownKind { line, .. }
            | AliasError::EmptyName { line } => *line,
            AliasError::Io { .. } => 0,
        }
    }
}

#[derive(Clone, Debug)]
struct AliasEntry {
    kind: EntityKind,
    canonical: String,
    /// Every form, the canonical first, deduplicated by key.
    forms: Vec<String>,
}

/// Where a key leads in the table: see [`AliasTable::resolve_info`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyInfo {
    entry: usize,
    /// Only short all-caps forms (`IS`, `EU`) produce this key: the extractor accepts it
    /// only when the text writes it in capitals.
    caps_only: bool,
}

/// Alias table: canonical entities with their kinds and alternative names.
///
/// Lookups are case-insensitive via [`normalize_key`], except that the extractor only accepts
/// short all-caps aliases (at most 4 letters, like `IS`, `EU`, `UN`) when the text writes
/// them in capitals, so that the verb "is" never becomes Islamic State.
///
/// # Example
/// ```
/// use dateline_core::entities::{AliasTable, EntityKind};
///
/// let table = AliasTable::builtin();
/// assert_eq!(table.resolve("daesh"), Some(("Islamic State", EntityKind::Organization)));
/// assert!(table.forms("Islamic State").contains(&"ISIL"));
///
/// let mut mine = AliasTable::parse("PER\tPhilip Hammond\tHammond\n").unwrap();
/// mine.insert(EntityKind::Place, "Mosul Dam", &["Mosul dam"]);
/// let mut all = AliasTable::builtin();
/// all.merge(mine);
/// assert_eq!(all.resolve("HAMMOND"), Some(("Philip Hammond", EntityKind::Person)));
/// ```
#[derive(Clone, Debug, Default)]
pub struct AliasTable {
    entries: Vec<AliasEntry>,
    index: HashMap<String, KeyInfo>,
}

/// True when a form is a short all-caps abbreviation: 1 to 4 letters, none lower-case.
pub(crate) fn is_short_caps(form: &str) -> bool {
    let mut letters = 0usize;
    for c in form.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    (1..=4).contains(&letters)
}

impl AliasTable {
    /// The shipped table of news-relevant entities (Islamic State, Al-Qaeda, EU, UN, NATO,
    /// United States, United Kingdom, Foreign and Commonwealth Office, ...).
    pub fn builtin() -> Self {
        static BUILTIN: OnceLock<AliasTable> = OnceLock::new();
        BUILTIN
            .get_or_init(|| match AliasTable::parse(BUILTIN_ALIASES) {
                Ok(table) => table,
                // The shipped file is checked by a unit test; never reached.
                Err(e) => panic!("built-in alias table is invalid: {e}"),
            })
            .clone()
    }

    /// An empty table.
    pub fn empty() -> Self {
        AliasTable::default()
    }

    /// Number of canonical entities in the table.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the table holds no entity.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds an entity (or more forms of an existing one, found by its canonical name).
    ///
    /// A form already belonging to another entity moves to this one: the last insert wins.
    /// An empty canonical name is ignored.
    pub fn insert(&mut self, kind: EntityKind, canonical: &str, aliases: &[&str]) {
        let canonical = canonical.trim();
        let ckey = normalize_key(canonical);
        if ckey.is_empty() {
            return;
        }
        let entry = match self.index.get(&ckey) {
            Some(info) if normalize_key(&self.entries[info.entry].canonical) == ckey => {
                let e = &mut self.entries[info.entry];
                e.kind = kind;
                info.entry
            }
            _ => {
                self.entries.push(AliasEntry {
                    kind,
                    canonical: canonical.to_string(),
                    forms: Vec::new(),
                });
                self.entries.len() - 1
            }
        };
        for form in std::iter::once(canonical).chain(aliases.iter().map(|a| a.trim())) {
            let key = normalize_key(form);
            if key.is_empty() {
                continue;
            }
            let caps = is_short_caps(form);
            let caps_only = match self.index.get(&key) {
                Some(info) if info.entry == entry => info.caps_only && caps,
                Some(info) => {
                    // Move the form away from its previous owner.
                    let old = info.entry;
                    self.entries[old].forms.retain(|f| normalize_key(f) != key);
                    caps
                }
                None => caps,
            };
            self.index.insert(key, KeyInfo { entry, caps_only });
            let forms = &mut self.entries[entry].forms;
            if !forms.iter().any(|f| f == form) {
                forms.push(form.to_string());
            }
        }
    }

    /// Parses a user alias file: one entity per line,
    /// `TYPE<TAB>Canonical<TAB>alias<TAB>alias...` with `TYPE` one of `PER`, `ORG`, `LOC`,
    /// `MISC` (any case). `#` comment lines and blank lines are ignored; empty alias fields are
    /// skipped.
    ///
    /// # Errors
    /// [`AliasError`] naming the first bad line.
    ///
    /// # Example
    /// ```
    /// use dateline_core::entities::AliasTable;
    ///
    /// let err = AliasTable::parse("# mine\nORG\tEuropol\nPERSON\tJohn Kerry\n").unwrap_err();
    /// assert_eq!(err.line(), 3);
    /// ```
    pub fn parse(text: &str) -> Result<Self, AliasError> {
        let mut table = AliasTable::empty();
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end_matches('\r');
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let kind_field = fields.next().unwrap_or("").trim();
            let Some(canonical) = fields.next() else {
                return Err(AliasError::MissingFields {
                    line: line_no,
                    found: trimmed.chars().take(80).collect(),
                });
            };
            let kind = match kind_field.to_ascii_uppercase().as_str() {
                "PER" => EntityKind::Person,
                "ORG" => EntityKind::Organization,
                "LOC" => EntityKind::Place,
                "MISC" => EntityKind::Misc,
                _ => {
                    return Err(AliasError::UnknownKind {
                        line: line_no,
                        kind: kind_field.to_string(),
                    })
                }
            };
            let canonical = canonical.trim();
            if canonical.is_empty() {
                return Err(AliasError::EmptyName { line: line_no });
            }
            let aliases: Vec<&str> = fields.map(str::trim).filter(|a| !a.is_empty()).collect();
            table.insert(kind, canonical, &aliases);
        }
        Ok(table)
    }

    /// Reads a user alias file (the format of [`AliasTable::parse`]; UTF-8).
    ///
    /// # Errors
    /// [`AliasError::Io`] when the file cannot be read, else as [`AliasTable::parse`].
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Self, AliasError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| AliasError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Self::parse(&text)
    }

    /// The table in the alias file format ([`AliasTable::parse`]), one entity per line in
    /// insertion order: parsed again, it resolves every form as this table does. Comments of
    /// the file it came from are not kept; a tab or line break inside a name becomes a space.
    ///
    /// # Example
    /// ```
    /// use dateline_core::entities::AliasTable;
    ///
    /// let table = AliasTable::parse("# mine\nPER\tPhilip Hammond\tHammond\n\nORG\tEuropol\n")?;
    /// assert_eq!(table.to_tsv(), "PER\tPhilip Hammond\tHammond\nORG\tEuropol\n");
    /// assert_eq!(AliasTable::parse(&table.to_tsv())?.to_tsv(), table.to_tsv());
    /// # Ok::<(), dateline_core::entities::AliasError>(())
    /// ```
    pub fn to_tsv(&self) -> String {
        let field = |text: &str| text.replace(['\t', '\n', '\r'], " ");
        let mut out = String::new();
        for entry in &self.entries {
            out.push_str(entry.kind.code());
            out.push('\t');
            out.push_str(&field(&entry.canonical));
            for form in entry.forms.iter().filter(|f| **f != entry.canonical) {
                out.push('\t');
                out.push_str(&field(form));
            }
            out.push('\n');
        }
        out
    }

    /// The built-in table with the entities of a user alias file added (the file wins on
    /// conflicting forms).
    ///
    /// # Errors
    /// As [`AliasTable::from_file`].
    pub fn builtin_with_file(path: impl AsRef<std::path::Path>) -> Result<Self, AliasError> {
        let mut table = Self::builtin();
        table.merge(Self::from_file(path)?);
        Ok(table)
    }

    /// Adds every entity of `other`; on conflicting forms, `other` wins.
    pub fn merge(&mut self, other: AliasTable) {
        for entry in other.entries {
            let forms: Vec<&str> = entry.forms.iter().map(String::as_str).collect();
            self.insert(entry.kind, &entry.canonical, &forms);
        }
    }

    /// Resolves any form (case-insensitive) to its canonical name and kind.
    pub fn resolve(&self, name: &str) -> Option<(&str, EntityKind)> {
        self.resolve_key(&normalize_key(name), true)
    }

    /// Every normalised key the table resolves.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }

    /// Every normalised key the table resolves, with where it leads: for a table of the
    /// extractor's own that answers several lookups of a key at once.
    pub(crate) fn key_infos(&self) -> impl Iterator<Item = (&str, KeyInfo)> {
        self.index.iter().map(|(key, info)| (key.as_str(), *info))
    }

    /// Resolves a normalised key. When `surface_caps` is false, short all-caps-only forms
    /// (`IS`) do not match.
    pub(crate) fn resolve_key(&self, key: &str, surface_caps: bool) -> Option<(&str, EntityKind)> {
        self.resolve_info(*self.index.get(key)?, surface_caps)
    }

    /// [`AliasTable::resolve_key`] of a key whose [`KeyInfo`] (from
    /// [`AliasTable::key_infos`]) is already known.
    pub(crate) fn resolve_info(
        &self,
        info: KeyInfo,
        surface_caps: bool,
    ) -> Option<(&str, EntityKind)> {
        if info.caps_only && !surface_caps {
            return None;
        }
        let e = &self.entries[info.entry];
        Some((e.canonical.as_str(), e.kind))
    }

    /// All forms of the entity with this canonical name (including itself), in insertion
    /// order. Any form of the entity is accepted; an unknown name gives an empty list.
    pub fn forms(&self, canonical: &str) -> Vec<&str> {
        match self.index.get(&normalize_key(canonical)) {
            Some(info) => self.entries[info.entry]
                .forms
                .iter()
                .map(String::as_str)
                .collect(),
            None => Vec::new(),
        }
    }

    /// Iterates over the entities: `(canonical, kind)`.
    pub fn iter(&self) -> impl Iterator<Item = (&str, EntityKind)> {
        self.entries.iter().map(|e| (e.canonical.as_str(), e.kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_resolves_core_entities() {
        let t = AliasTable::parse(BUILTIN_ALIASES).expect("builtin aliases parse");
        assert!(t.len() > 50);
        assert_eq!(
            t.resolve("ISIL"),
            Some(("Islamic State", EntityKind::Organization))
        );
        assert_eq!(
            t.resolve("al qaeda"),
            Some(("Al-Qaeda", EntityKind::Organization))
        );
        assert_eq!(
            t.resolve("u.s."),
            Some(("United States", EntityKind::Place))
        );
        assert_eq!(
            t.resolve("FCO").map(|r| r.0),
            Some("Foreign and Commonwealth Office")
        );
        // "is" as a verb never resolves for the extractor, but `resolve` is case-insensitive.
        assert_eq!(t.resolve_key("is", false), None);
        assert!(t.resolve_key("is", true).is_some());
        // "Nato" is written mixed-case too, so the key is not caps-only.
        assert!(t.resolve_key("nato", false).is_some());
    }

    #[test]
    fn insert_moves_forms_and_merge_overrides() {
        let mut a = AliasTable::empty();
        a.insert(EntityKind::Person, "George Bush", &["Bush"]);
        let mut b = AliasTable::empty();
        b.insert(EntityKind::Person, "George W. Bush", &["Bush", "Dubya"]);
        a.merge(b);
        assert_eq!(a.resolve("bush").map(|r| r.0), Some("George W. Bush"));
        assert_eq!(a.forms("George Bush"), vec!["George Bush"]);
        assert_eq!(a.forms("dubya"), vec!["George W. Bush", "Bush", "Dubya"]);
    }

    #[test]
    fn written_table_parses_to_one_that_resolves_alike() {
        let mut table = AliasTable::builtin();
        // A form moved from one entity to another, and a name with a tab in it.
        table.insert(EntityKind::Organization, "Petroleum Exporters", &["OPEC"]);
        table.insert(EntityKind::Person, "Tab\tName", &[]);
        let again = AliasTable::parse(&table.to_tsv()).expect("written table parses");
        assert_eq!(again.len(), table.len());
        for key in table.keys() {
            for caps in [false, true] {
                let spaced = table
                    .resolve_key(key, caps)
                    .map(|(name, kind)| (name.replace('\t', " "), kind));
                let again = again.resolve_key(key, caps);
                assert_eq!(again.map(|(n, k)| (n.to_string(), k)), spaced, "{key}");
            }
        }
        assert_eq!(
            again.resolve("opec").map(|r| r.0),
            Some("Petroleum Exporters")
        );
    }

    #[test]
    fn parse_errors_name_lines() {
        let e = AliasTable::parse("\n# c\nORG Europol\n").unwrap_err();
        assert_eq!(e.line(), 3);
        assert!(e.to_string().contains("line 3"));
        assert!(matches!(
            AliasTable::parse("XYZ\tFoo\n"),
            Err(AliasError::UnknownKind { line: 1, .. })
        ));
        assert!(matches!(
            AliasTable::parse("PER\t  \tx\n"),
            Err(AliasError::EmptyName { line: 1 })
        ));
    }
}
