//! The query language: parsing user text into a syntax tree, and the tree into a tantivy query.
//!
//! | syntax                     | meaning                                                    |
//! |----------------------------|------------------------------------------------------------|
//! | `Hammond Kerry`            | either word; articles with both rank higher (BM25)         |
//! | `"foreign fighters"`       | the exact phrase; `"foreign fighters"~2` allows 2 moves    |
//! | `+Hammond Kerry`           | `Hammond` required, `Kerry` only raises the score          |
//! | `-Kerry`, `NOT Kerry`      | excludes articles containing `Kerry`                       |
//! | `a AND b`, `a OR b`        | both / either (operators are written in capitals)          |
//! | `(a OR b) AND c`           | grouping                                                   |
//! | `title:ISIS`, `body:"…"`   | search one field only (`title:(a OR b)` works too)         |
//! | `-title:ISIS`              | excludes articles with `ISIS` in the title                 |
//! | `*`, or an empty query     | every article (useful with date and entity filters)        |
//! | `migra*`                   | words starting with `migra` (a trailing `*` only)          |
//! | `Hamond~1`, `Hamond~`      | words within 1 (or 2) edits of `Hamond`: `Hammond`         |
//! | `person:Kerry`             | articles naming that person, as `--person` finds them      |
//! | `org:`, `place:`, `misc:`, `country:`, `entity:` | likewise (`org:"Islamic State"`) |
//! | `date:2015-01`             | published then (a day, month or year; `date:2015..2016-06`) |
//!
//! The index holds English words by their stems (`running` as `run`), so a prefix matches the
//! stems that start with it and also the stems of the words starting with it whose stems are
//! shorter or end otherwise (`runni*` finds `running` through `run`, `nationa*` finds
//! `national` through `nation`): at stem granularity, so it then also finds `run` and `runs`.
//! Those stems are matched in the articles indexed with English stemming only.
//!
//! Precedence, loosest first: `OR`, `AND`, juxtaposition, then the prefixes `NOT`/`-`/`+`. So
//! `foreign fighters AND Syria` reads as `(foreign fighters) AND Syria`. Lower-case `and`,
//! `or` and `not` are ordinary words. Words go through the same analyzer as the documents, so a
//! word that the analyzer splits (`al-Abadi`, `U.S.-led`) is searched as a phrase.
//!
//! An entity clause (`person:Kerry`, `place:"New York"`, `-country:Syria`) selects the
//! articles its filter (`--person`, `--place`, `--country`...) would, and combines with words
//! and other clauses by the same operators: `(person:Kerry OR person:Hammond) AND ISIS`. It
//! adds nothing to the score; the words rank. It takes a name, a word or a quoted phrase.
//! Beside words (juxtaposed) a clause must hold, as a filter does: `oil person:Reagan` finds
//! what `oil` with `--person Reagan` finds, ranked alike; `OR` keeps it an alternative.
//! A `date:` clause selects by publication date as `--from`/`--to` do, a day, a month or a
//! year whole, or a range `FROM..TO` with either side open (`date:..2014`):
//! `(person:Kerry AND date:2015-01) OR (person:Hammond AND date:2014)`.
//!
//! A word's `~N` is Lucene's fuzzy matching: the words within N edits (0 to 2; a letter
//! inserted, removed, replaced, or two swapped) of the word as the index holds it, its stem
//! (`Hamond~1` finds `Hammond`). Matches score alike, as prefixes do, and snippets highlight
//! them.
//!
//! Anything that does not fit this grammar is an error pointing at the offending column; a
//! query is never silently reinterpreted: a sign or operator goes before a field
//! (`-title:oil`, not `title:-oil`; `NOT title:oil`, not `title:NOT oil`), a word takes one
//! field (`title:body:oil` is an error), a phrase's `~N` ends at a space, `)` or the end
//! (`"a b"~2x` and `"a b"~2~3` are errors), and a word's `~` takes 0, 1 or 2 (`oil~3` is an
//! error, and so is `~2` alone). Two limits keep every query's cost
//! bounded: groups nest at most [`MAX_DEPTH`] deep, and a phrase with slop may not repeat a
//! word (tantivy's sloppy matcher lets one occurrence stand for both, and its work grows
//! exponentially with the repeats).
//!
//! # Example
//! ```
//! use dateline_index::query::{parse, Node};
//!
//! let tree = parse("\"foreign fighters\" AND -Kerry").unwrap();
//! assert!(matches!(tree, Node::And(_)));
//! let err = parse("(Hammond OR Kerry").unwrap_err();
//! assert_eq!(err.column(), 1);
//! ```

use std::cell::Cell;
use std::fmt;

use chrono::{DateTime, Utc};

use dateline_core::analyzer::{analyze_tokens, analyze_tokens_with, news_analyzer_with, Stemming};
use dateline_core::entities::english_words;
use dateline_core::schema::NewsSchema;
use dateline_core::EntityKind;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur,
    PhraseQuery, Query, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::bm25f::Bm25fQuery;
use crate::explanation::Described;
use crate::phrase::{PhraseClause, TopPhraseQuery};
use crate::rank::{is_all_caps, Proximity, Ranking, Scoring};

/// A field that a query can be restricted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    /// The headline.
    Title,
    /// The body.
    Body,
}

/// A filter clause of a query (`person:Kerry`, `date:2015-01`) and the query that selects its
/// articles ([`QueryBuilder::clause_queries`]).
pub type ClauseQuery = (Node, Box<dyn Query>);

/// What an entity clause (`person:Kerry`) names: the filter of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityField {
    /// `entity:`: any entity seen under that name (`--entity`).
    Any,
    /// `person:` (`--person`).
    Person,
    /// `org:` (`--org`).
    Organization,
    /// `place:` (`--place`).
    Place,
    /// `misc:` (`--misc`).
    Misc,
    /// `country:`: the country, a place in it or its people (`--country`).
    Country,
}

impl EntityField {
    /// Every entity field.
    pub const ALL: [EntityField; 6] = [
        EntityField::Any,
        EntityField::Person,
        EntityField::Organization,
        EntityField::Place,
        EntityField::Misc,
        EntityField::Country,
    ];

    /// The field of a typed filter (`--person`: [`EntityField::Person`]).
    pub fn typed(kind: EntityKind) -> Self {
        match kind {
            EntityKind::Person => EntityField::Person,
            EntityKind::Organization => EntityField::Organization,
            EntityKind::Place => EntityField::Place,
            EntityKind::Misc => EntityField::Misc,
        }
    }

    /// The type it selects entities of; `None` for `entity:` (any type) and `country:` (places
    /// and demonyms).
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            EntityField::Person => Some(EntityKind::Person),
            EntityField::Organization => Some(EntityKind::Organization),
            EntityField::Place => Some(EntityKind::Place),
            EntityField::Misc => Some(EntityKind::Misc),
            EntityField::Any | EntityField::Country => None,
        }
    }

    /// Its name in the query syntax (`person`).
    pub fn name(self) -> &'static str {
        match self {
            EntityField::Any => "entity",
            EntityField::Person => "person",
            EntityField::Organization => "org",
            EntityField::Place => "place",
            EntityField::Misc => "misc",
            EntityField::Country => "country",
        }
    }
}

/// The syntax tree of a query.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// `*`: every article.
    All,
    /// A word, searched in the given field or in title and body.
    Word {
        /// Restriction to one field.
        field: Option<TextField>,
        /// The word as written.
        text: String,
    },
    /// `migra*`: any word starting with the text (analysed, without the `*`).
    Prefix {
        /// Restriction to one field.
        field: Option<TextField>,
        /// The word as written, without the `*`.
        text: String,
    },
    /// `Hamond~1`: any word within `distance` edits of the word (analysed).
    Fuzzy {
        /// Restriction to one field.
        field: Option<TextField>,
        /// The word as written, without the `~N`.
        text: String,
        /// Edits allowed: 0, 1 or 2.
        distance: u8,
    },
    /// A quoted phrase with its slop.
    Phrase {
        /// Restriction to one field.
        field: Option<TextField>,
        /// The phrase as written, without quotes.
        text: String,
        /// Allowed word moves (`~N`).
        slop: u32,
    },
    /// `+x`: must match.
    Required(Box<Node>),
    /// `-x` or `NOT x`: must not match.
    Not(Box<Node>),
    /// Juxtaposed clauses: any may match, more matches score higher.
    Any(Vec<Node>),
    /// `a AND b`.
    And(Vec<Node>),
    /// `a OR b`.
    Or(Vec<Node>),
    /// `person:Kerry`: the articles an entity filter admits.
    Entity {
        /// Which filter.
        field: EntityField,
        /// The name as written (without quotes).
        name: String,
    },
    /// `date:2015-01`, `date:2015-01-10..2015-02`: the articles published in that period
    /// (both bounds included, either may be open), as `--from` and `--to` read them.
    Date {
        /// The first instant, if bounded.
        from: Option<DateTime<Utc>>,
        /// The last instant, if bounded.
        to: Option<DateTime<Utc>>,
    },
}

/// What is wrong with a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// `()`: parentheses with nothing inside.
    EmptyGroup,
    /// A `(` without its `)`.
    UnclosedParen,
    /// A `)` without its `(`.
    UnexpectedCloseParen,
    /// A `"` without its closing `"`.
    UnclosedQuote,
    /// `""`.
    EmptyPhrase,
    /// `AND`/`OR`/`NOT`/`-`/`+` with nothing to apply to.
    MissingOperand(String),
    /// `name:` where `name` is not a searchable field.
    UnknownField(String),
    /// A `date:` clause that is not a date, a month, a year or a range of them.
    BadDate(String),
    /// A field inside another (`title:body:oil`, `title:(body:oil)`): a word is searched in
    /// one field or in both, never in two restrictions at once. Holds the inner field's name.
    NestedField(String),
    /// `-` or `+` between a field and its word (`title:-oil`), which the word would swallow:
    /// the sign goes before the field. Holds the sign and the query part as it should be
    /// written (`-title:oil`).
    SignAfterField(char, String),
    /// An operator glued to a field (`title:NOT oil`), which would be searched as a word.
    /// Holds the operator and the field.
    OperatorAfterField(String, String),
    /// `~` after a phrase without a number from 0 to [`MAX_SLOP`].
    BadSlop,
    /// Something other than a space, `)` or the end of the query right after a phrase's
    /// `~N` (`"crude oil"~2x`). Holds the character.
    TextAfterSlop(char),
    /// A second `~` after a phrase's `~N` (`"crude oil"~2~3`).
    RepeatedSlop,
    /// A `~N` at the end of a phrase, inside its quotes (`"crude oil~2"`), where it would be
    /// searched as the word `2`. Holds the phrase as it should be written (`"crude oil"~2`).
    SlopInsidePhrase(String),
    /// `~` with no word before it (`~2`), or after a prefix (`oil*~1`).
    TildeInWord,
    /// A word's `~` followed by other than 0, 1, 2 or nothing up to the end of the word
    /// (`oil~3`, `oil~x`, `oil~1x`): fuzzy matching allows at most [`MAX_EDITS`] edits.
    BadEdits,
    /// A phrase with slop that repeats a word (after analysis: `oil` and `oils` repeat).
    RepeatedWordWithSlop(String),
    /// Groups nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// `*` or `^` anywhere but a trailing `*`: leading and inner wildcards and boosts are not
    /// supported.
    Unsupported(String),
    /// Nothing in the query produces a searchable term (only punctuation).
    NoSearchableTerms,
}

/// A query that cannot be parsed, with the (1-based, in characters) column where it fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    kind: QueryErrorKind,
    query: String,
    /// Character index (0-based) of the problem.
    at: usize,
}

impl QueryError {
    fn new(kind: QueryErrorKind, query: &str, byte_at: usize) -> Self {
        let at = query[..byte_at.min(query.len())].chars().count();
        QueryError {
            kind,
            query: query.to_string(),
            at,
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &QueryErrorKind {
        &self.kind
    }

    /// 1-based column (in characters) of the problem.
    pub fn column(&self) -> usize {
        self.at + 1
    }

    /// The query with a caret under the problem, for terminals.
    pub fn pointer(&self) -> String {
        format!("  {}\n  {}^", self.query, " ".repeat(self.at))
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let col = self.column();
        match &self.kind {
            QueryErrorKind::EmptyGroup => {
                write!(f, "column {col}: nothing inside these parentheses")
            }
            QueryErrorKind::UnclosedParen => {
                write!(f, "column {col}: this `(` is never closed")
            }
            QueryErrorKind::UnexpectedCloseParen => {
                write!(f, "column {col}: `)` without a matching `(`")
            }
            QueryErrorKind::UnclosedQuote => {
                write!(f, "column {col}: this `\"` is never closed")
            }
            QueryErrorKind::EmptyPhrase => write!(f, "column {col}: empty phrase `\"\"`"),
            QueryErrorKind::MissingOperand(op) => {
                write!(f, "column {col}: `{op}` needs something to apply to")
            }
            QueryErrorKind::BadDate(message) => write!(f, "column {col}: {message}"),
            QueryErrorKind::UnknownField(name) => write!(
                f,
                "column {col}: unknown field `{name}:` (fields are title: and body:, and the \
                 entity clauses person:, org:, place:, misc:, country: and entity:; put the \
                 text in quotes to search for it literally)"
            ),
            QueryErrorKind::NestedField(name) => write!(
                f,
                "column {col}: `{name}:` inside another field; a word is searched in one \
                 field (title: or body:) or, without one, in both"
            ),
            QueryErrorKind::SignAfterField(sign, fixed) => {
                let meaning = if *sign == '-' { "exclude" } else { "require" };
                write!(
                    f,
                    "column {col}: `{sign}` goes before the field: write `{fixed}` to {meaning} it"
                )
            }
            QueryErrorKind::OperatorAfterField(op, field) => write!(
                f,
                "column {col}: `{op}` is an operator, not a word: write `{op} {field}:…` to \
                 apply it, or `{field}:{}` to search the word",
                op.to_lowercase()
            ),
            QueryErrorKind::BadSlop => {
                write!(
                    f,
                    "column {col}: `~` after a phrase needs a number from 0 to {MAX_SLOP}, \
                     as in \"a b\"~2"
                )
            }
            QueryErrorKind::TextAfterSlop(c) => write!(
                f,
                "column {col}: `{c}` right after a phrase's `~N`; the slop ends at a space, \
                 `)` or the end of the query, as in \"a b\"~2 c"
            ),
            QueryErrorKind::RepeatedSlop => {
                write!(f, "column {col}: a phrase takes one `~N`")
            }
            QueryErrorKind::SlopInsidePhrase(fixed) => write!(
                f,
                "column {col}: a phrase's `~N` goes after its closing quote: write {fixed}"
            ),
            QueryErrorKind::TildeInWord => write!(
                f,
                "column {col}: `~` goes after a word (`Hamond~1`: words within 1 edit) or a \
                 quoted phrase (\"a b\"~2: its words may move 2 places)"
            ),
            QueryErrorKind::BadEdits => write!(
                f,
                "column {col}: a word's `~N` is 0 to {MAX_EDITS} edits and ends the word \
                 (`Hamond~1`; `Hamond~` is `~2`)"
            ),
            QueryErrorKind::RepeatedWordWithSlop(word) => write!(
                f,
                "column {col}: a phrase with `~` cannot repeat a word (`{word}`); \
                 drop the `~` or the repeat"
            ),
            QueryErrorKind::TooDeep => write!(
                f,
                "column {col}: parentheses nest more than {MAX_DEPTH} deep"
            ),
            QueryErrorKind::Unsupported(what) => write!(f, "column {col}: {what}"),
            QueryErrorKind::NoSearchableTerms => {
                write!(f, "the query has no searchable words")
            }
        }
    }
}

impl std::error::Error for QueryError {}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    LParen,
    RParen,
    And,
    Or,
    Not,
    Minus,
    Plus,
    Field(TextField),
    EntityField(EntityField),
    Date(Option<DateTime<Utc>>, Option<DateTime<Utc>>),
    Word(String),
    Prefix(String),
    Fuzzy(String, u8),
    Phrase(String, u32),
}

/// The largest slop of a phrase: tantivy keeps the slop spent so far in a byte.
pub const MAX_SLOP: u32 = 255;

/// The most edits a fuzzy word (`oil~2`) allows, as in Lucene: beyond two, a word matches
/// much of the dictionary.
pub const MAX_EDITS: u8 = 2;

/// How deep parentheses may nest: far beyond what anyone writes, well within the stack.
pub const MAX_DEPTH: usize = 64;

/// A word of the query: a plain word, or a prefix when it ends in `*`.
fn word_tok(word: &str, query: &str, at: usize) -> Result<Tok, QueryError> {
    let unsupported = |what: &str| {
        Err(QueryError::new(
            QueryErrorKind::Unsupported(what.into()),
            query,
            at,
        ))
    };
    if word.contains('^') {
        return unsupported("boosts (`^`) are not supported");
    }
    if let Some(i) = word.find('~') {
        let (head, edits) = (&word[..i], &word[i + 1..]);
        if head.is_empty() || head.contains('*') {
            return Err(QueryError::new(QueryErrorKind::TildeInWord, query, at + i));
        }
        // `oil~` is Lucene's default, two edits.
        let distance = match edits {
            "" => MAX_EDITS,
            "0" | "1" | "2" => edits.as_bytes()[0] - b'0',
            _ => return Err(QueryError::new(QueryErrorKind::BadEdits, query, at + i + 1)),
        };
        return Ok(Tok::Fuzzy(head.to_string(), distance));
    }
    match word.find('*') {
        None => Ok(Tok::Word(word.to_string())),
        Some(i) if i + 1 == word.len() && i > 0 => Ok(Tok::Prefix(word[..i].to_string())),
        Some(_) => unsupported("a wildcard goes at the end of a word only, as in `migra*`"),
    }
}

/// The period of a `date:` clause (`rest`, at byte `at`): a date, a month `YYYY-MM` or a year
/// `YYYY` (the whole of it), or a range of those, `FROM..TO`, either side open.
fn date_tok(rest: &str, query: &str, at: usize) -> Result<Tok, QueryError> {
    let bad = |message: String, at| QueryError::new(QueryErrorKind::BadDate(message), query, at);
    if rest.is_empty() || rest == ".." {
        return Err(bad(
            "`date:` takes a date, a month YYYY-MM, a year YYYY, or a range FROM..TO".into(),
            at,
        ));
    }
    let bound = |text: &str, end: bool, at: usize| -> Result<Option<DateTime<Utc>>, QueryError> {
        if text.is_empty() {
            return Ok(None);
        }
        crate::search::parse_bound(text, end)
            .map(Some)
            .map_err(|e| bad(e.to_string(), at))
    };
    let (from, to) = match rest.split_once("..") {
        Some((first, last)) => (
            bound(first, false, at)?,
            bound(last, true, at + first.len() + 2)?,
        ),
        None => (bound(rest, false, at)?, bound(rest, true, at)?),
    };
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(bad(format!("`date:{rest}` ends before it starts"), at));
        }
    }
    Ok(Tok::Date(from, to))
}

/// Checks what a `name:` field prefix is glued to (`rest`, at byte `at`): a sign or a second
/// field there would be swallowed by the word (`title:-oil` searching `oil`, `title:body:oil`
/// the phrase "body oil"), so both are errors.
fn field_rest(name: &str, rest: &str, query: &str, at: usize) -> Result<(), QueryError> {
    if let Some(sign) = rest.chars().next().filter(|c| matches!(c, '-' | '+')) {
        // `title:-"crude oil"` and `title:-(a b)` end the word at the quote or parenthesis.
        let word = match &rest[1..] {
            "" => "…",
            word => word,
        };
        let fixed = format!("{sign}{name}:{word}");
        return Err(QueryError::new(
            QueryErrorKind::SignAfterField(sign, fixed),
            query,
            at,
        ));
    }
    if matches!(rest, "NOT" | "AND" | "OR") {
        return Err(QueryError::new(
            QueryErrorKind::OperatorAfterField(rest.to_string(), name.to_string()),
            query,
            at,
        ));
    }
    if let Some((inner, _)) = rest.split_once(':') {
        if is_field_name(inner) {
            return Err(QueryError::new(
                QueryErrorKind::NestedField(inner.to_string()),
                query,
                at,
            ));
        }
    }
    Ok(())
}

/// Whether `name` before a `:` reads as a field name: a plain identifier (numbers such as
/// `10:30` stay words).
fn is_field_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())
}

/// The first analysed term of a phrase that occurs twice in it.
fn repeated_term(text: &str) -> Option<String> {
    let terms: Vec<String> = analyze_tokens(text).into_iter().map(|t| t.text).collect();
    terms
        .iter()
        .enumerate()
        .find(|(i, t)| terms[..*i].contains(t))
        .map(|(_, t)| t.clone())
}

fn lex(query: &str) -> Result<Vec<(Tok, usize)>, QueryError> {
    let err = |kind, at| Err(QueryError::new(kind, query, at));
    let mut toks = Vec::new();
    let mut it = query.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        match c {
            c if c.is_whitespace() => {
                it.next();
            }
            '(' => {
                it.next();
                toks.push((Tok::LParen, i));
            }
            ')' => {
                it.next();
                toks.push((Tok::RParen, i));
            }
            '-' | '+' => {
                it.next();
                match it.peek() {
                    Some(&(_, n)) if !n.is_whitespace() && n != ')' => {
                        toks.push((if c == '-' { Tok::Minus } else { Tok::Plus }, i))
                    }
                    _ => return err(QueryErrorKind::MissingOperand(c.to_string()), i),
                }
            }
            '"' | '“' | '”' => {
                it.next();
                let start = i + c.len_utf8();
                let mut end = None;
                for (j, d) in it.by_ref() {
                    if matches!(d, '"' | '“' | '”') {
                        end = Some((j, j + d.len_utf8()));
                        break;
                    }
                }
                let Some((close, after)) = end else {
                    return err(QueryErrorKind::UnclosedQuote, i);
                };
                let text = &query[start..close];
                if text.trim().is_empty() {
                    return err(QueryErrorKind::EmptyPhrase, i);
                }
                // `"crude oil~2"`: the slop meant for the phrase, inside its quotes.
                let inner = text.trim_end();
                let digits =
                    inner.len() - inner.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                if let Some(words) = inner[..inner.len() - digits].strip_suffix('~') {
                    if digits > 0 && !words.trim().is_empty() {
                        let fixed =
                            format!("\"{}\"~{}", words.trim(), &inner[inner.len() - digits..]);
                        return err(QueryErrorKind::SlopInsidePhrase(fixed), start + words.len());
                    }
                }
                let mut slop = 0;
                if query[after..].starts_with('~') {
                    it.next();
                    let digits: String = query[after + 1..]
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    slop = match digits.parse() {
                        Ok(n) if n <= MAX_SLOP => n,
                        _ => return err(QueryErrorKind::BadSlop, after),
                    };
                    for _ in 0..digits.len() {
                        it.next();
                    }
                    // `"a b"~2x` is neither slop 2 and the word `x` nor a slop of `2x`.
                    let end = after + 1 + digits.len();
                    match query[end..].chars().next() {
                        None | Some(')') => {}
                        Some(c) if c.is_whitespace() => {}
                        Some('~') => return err(QueryErrorKind::RepeatedSlop, end),
                        Some(c) => return err(QueryErrorKind::TextAfterSlop(c), end),
                    }
                } else if query[after..].starts_with('*') {
                    // `"a b"*` would read as the phrase and `*`, every article.
                    return err(
                        QueryErrorKind::Unsupported(
                            "a wildcard goes at the end of a word only, as in `migra*`; \
                             a phrase cannot end in one"
                                .into(),
                        ),
                        after,
                    );
                }
                if slop > 0 {
                    if let Some(word) = repeated_term(text) {
                        return err(QueryErrorKind::RepeatedWordWithSlop(word), i);
                    }
                }
                toks.push((Tok::Phrase(text.to_string(), slop), i));
            }
            _ => {
                let start = i;
                let mut end = query.len();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_whitespace() || matches!(d, '(' | ')' | '"' | '“' | '”') {
                        end = j;
                        break;
                    }
                    it.next();
                }
                let word = &query[start..end];
                // `name:rest` is a field prefix when `name` is a plain identifier; numbers
                // such as 10:30 stay words.
                if let Some((name, rest)) = word.split_once(':') {
                    if name.eq_ignore_ascii_case("date") {
                        let at = i + name.len() + 1;
                        toks.push((date_tok(rest, query, at)?, i));
                        continue;
                    }
                    if is_field_name(name) {
                        let lower = name.to_ascii_lowercase();
                        let entity = EntityField::ALL.into_iter().find(|f| f.name() == lower);
                        let field = match (lower.as_str(), entity) {
                            (_, Some(entity)) => Tok::EntityField(entity),
                            ("title", _) => Tok::Field(TextField::Title),
                            ("body", _) => Tok::Field(TextField::Body),
                            _ => return err(QueryErrorKind::UnknownField(name.to_string()), i),
                        };
                        toks.push((field, i));
                        let at = i + name.len() + 1;
                        field_rest(name, rest, query, at)?;
                        if !rest.is_empty() {
                            toks.push((word_tok(rest, query, at)?, at));
                        }
                        continue;
                    }
                }
                let tok = match word {
                    "AND" | "&&" => Tok::And,
                    "OR" | "||" => Tok::Or,
                    "NOT" => Tok::Not,
                    "*" => Tok::Word(word.to_string()),
                    _ => word_tok(word, query, start)?,
                };
                toks.push((tok, start));
            }
        }
    }
    Ok(toks)
}

struct Parser<'q> {
    query: &'q str,
    toks: Vec<(Tok, usize)>,
    pos: usize,
    /// Parentheses open around the current position.
    depth: usize,
    /// The field the innermost enclosing `field:( … )` group restricts to.
    group_field: Option<TextField>,
}

/// A field's name in the query syntax.
fn field_name(field: TextField) -> &'static str {
    match field {
        TextField::Title => "title",
        TextField::Body => "body",
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn offset(&self) -> usize {
        self.toks
            .get(self.pos)
            .map_or(self.query.len(), |&(_, at)| at)
    }

    fn error(&self, kind: QueryErrorKind, at: usize) -> QueryError {
        QueryError::new(kind, self.query, at)
    }

    fn or_expr(&mut self) -> Result<Node, QueryError> {
        let mut items = vec![self.and_expr()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            items.push(self.operand("OR", Self::and_expr)?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::Or(items)
        })
    }

    fn and_expr(&mut self) -> Result<Node, QueryError> {
        let mut items = vec![self.seq()?];
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            items.push(self.operand("AND", Self::seq)?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::And(items)
        })
    }

    /// Parses the right-hand side of an operator, pointing at the operator when it is missing.
    fn operand(
        &mut self,
        op: &str,
        next: fn(&mut Self) -> Result<Node, QueryError>,
    ) -> Result<Node, QueryError> {
        let op_at = self.toks[self.pos - 1].1;
        match self.peek() {
            None | Some(Tok::RParen | Tok::And | Tok::Or) => {
                Err(self.error(QueryErrorKind::MissingOperand(op.to_string()), op_at))
            }
            _ => next(self),
        }
    }

    fn seq(&mut self) -> Result<Node, QueryError> {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None | Some(Tok::RParen) => break,
                Some(Tok::And | Tok::Or) => {
                    if items.is_empty() {
                        let (tok, at) = &self.toks[self.pos];
                        let op = if *tok == Tok::And { "AND" } else { "OR" };
                        return Err(self.error(QueryErrorKind::MissingOperand(op.into()), *at));
                    }
                    break;
                }
                _ => items.push(self.unary()?),
            }
        }
        match items.len() {
            // Groups are never empty here (`()` and an unclosed `(` are caught where they
            // open) and neither is the query: only a stray `)` stops a sequence at once.
            0 => Err(self.error(QueryErrorKind::UnexpectedCloseParen, self.offset())),
            1 => Ok(items.remove(0)),
            _ => Ok(Node::Any(items)),
        }
    }

    /// A clause with its prefixes. A run of prefixes is read in a loop and folded (`NOT NOT
    /// x` requires `x`), so no run of them, however long, deepens the tree or the stack.
    fn unary(&mut self) -> Result<Node, QueryError> {
        let (mut negations, mut prefixes) = (0usize, 0usize);
        loop {
            let name = match self.peek() {
                Some(Tok::Not) => "NOT",
                Some(Tok::Minus) => "-",
                Some(Tok::Plus) => "+",
                _ => break,
            };
            negations += usize::from(name != "+");
            prefixes += 1;
            self.pos += 1;
            // What follows a prefix must be a clause (another prefix included).
            let op_at = self.toks[self.pos - 1].1;
            if matches!(self.peek(), None | Some(Tok::RParen | Tok::And | Tok::Or)) {
                return Err(self.error(QueryErrorKind::MissingOperand(name.to_string()), op_at));
            }
        }
        let inner = self.primary(None)?;
        Ok(match (prefixes, negations % 2) {
            (0, _) => inner,
            (_, 1) => Node::Not(Box::new(inner)),
            _ => Node::Required(Box::new(inner)),
        })
    }

    fn primary(&mut self, field: Option<TextField>) -> Result<Node, QueryError> {
        let at = self.offset();
        let Some((tok, _)) = self.toks.get(self.pos).cloned() else {
            // Callers look at the next token first; an end here is a group left open.
            return Err(self.error(QueryErrorKind::UnclosedParen, at));
        };
        self.pos += 1;
        match tok {
            Tok::Word(text) if text == "*" => Ok(Node::All),
            Tok::Word(text) => Ok(Node::Word { field, text }),
            Tok::Prefix(text) => Ok(Node::Prefix { field, text }),
            Tok::Fuzzy(text, distance) => Ok(Node::Fuzzy {
                field,
                text,
                distance,
            }),
            Tok::Phrase(text, slop) => Ok(Node::Phrase { field, text, slop }),
            Tok::LParen => {
                match self.peek() {
                    // `(` or `title:(` at the end: the group is open, not empty.
                    None => return Err(self.error(QueryErrorKind::UnclosedParen, at)),
                    Some(Tok::RParen) => {
                        return Err(self.error(QueryErrorKind::EmptyGroup, self.offset()))
                    }
                    _ => {}
                }
                if self.depth == MAX_DEPTH {
                    return Err(self.error(QueryErrorKind::TooDeep, at));
                }
                self.depth += 1;
                let outer = self.group_field;
                self.group_field = field.or(outer);
                let inner = self.or_expr();
                self.group_field = outer;
                let inner = inner?;
                self.depth -= 1;
                if self.peek() != Some(&Tok::RParen) {
                    return Err(self.error(QueryErrorKind::UnclosedParen, at));
                }
                self.pos += 1;
                Ok(match field {
                    Some(f) => restrict(inner, f),
                    None => inner,
                })
            }
            Tok::Date(_, _) if self.group_field.is_some() => {
                Err(self.error(QueryErrorKind::NestedField("date".into()), at))
            }
            Tok::Date(from, to) => Ok(Node::Date { from, to }),
            Tok::EntityField(f) if self.group_field.is_some() => {
                // `title:(person:Kerry)`: an entity is not in a text field.
                Err(self.error(QueryErrorKind::NestedField(f.name().into()), at))
            }
            Tok::EntityField(f) => match self.toks.get(self.pos).cloned() {
                Some((Tok::Word(name) | Tok::Phrase(name, 0), _)) if name != "*" => {
                    self.pos += 1;
                    Ok(Node::Entity { field: f, name })
                }
                Some((Tok::Word(_) | Tok::Prefix(_) | Tok::Fuzzy(..) | Tok::Phrase(..), _))
                | Some((Tok::LParen, _)) => Err(self.error(
                    QueryErrorKind::Unsupported(format!(
                        "`{0}:` takes a name, a word or a quoted phrase: `{0}:Kerry`, \
                         `{0}:\"John Kerry\"`",
                        f.name()
                    )),
                    self.offset(),
                )),
                _ => Err(self.error(QueryErrorKind::MissingOperand(format!("{}:", f.name())), at)),
            },
            Tok::Field(f) if self.group_field.is_some_and(|g| g != f) => {
                // `title:(oil OR body:gas)` cannot be both.
                Err(self.error(QueryErrorKind::NestedField(field_name(f).into()), at))
            }
            Tok::Field(f) => match self.peek() {
                Some(
                    Tok::Word(_) | Tok::Prefix(_) | Tok::Fuzzy(..) | Tok::Phrase(..) | Tok::LParen,
                ) => self.primary(Some(f)),
                _ => Err(self.error(
                    QueryErrorKind::MissingOperand(format!("{}:", field_name(f))),
                    at,
                )),
            },
            Tok::RParen => Err(self.error(QueryErrorKind::UnexpectedCloseParen, at)),
            Tok::And | Tok::Or | Tok::Not | Tok::Minus | Tok::Plus => {
                Err(self.error(QueryErrorKind::MissingOperand(format!("{tok:?}")), at))
            }
        }
    }
}

/// Applies a `field:` prefix to every word and phrase of a group.
fn restrict(node: Node, f: TextField) -> Node {
    let all = |items: Vec<Node>| items.into_iter().map(|n| restrict(n, f)).collect();
    match node {
        Node::Word { field, text } => Node::Word {
            field: field.or(Some(f)),
            text,
        },
        Node::Prefix { field, text } => Node::Prefix {
            field: field.or(Some(f)),
            text,
        },
        Node::Phrase { field, text, slop } => Node::Phrase {
            field: field.or(Some(f)),
            text,
            slop,
        },
        Node::Fuzzy {
            field,
            text,
            distance,
        } => Node::Fuzzy {
            field: field.or(Some(f)),
            text,
            distance,
        },
        Node::All => Node::All,
        clause @ (Node::Entity { .. } | Node::Date { .. }) => clause,
        Node::Required(n) => Node::Required(Box::new(restrict(*n, f))),
        Node::Not(n) => Node::Not(Box::new(restrict(*n, f))),
        Node::Any(items) => Node::Any(all(items)),
        Node::And(items) => Node::And(all(items)),
        Node::Or(items) => Node::Or(all(items)),
    }
}

/// `text` with its ASCII punctuation escaped for a regular expression (analysed words hold
/// no other characters that mean something there).
fn escape_regex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // The regex syntax accepts an escape before any ASCII punctuation, meta or not.
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Parses a query in Dateline's syntax (see the module docs). An empty query, or one of
/// whitespace only, is no query: [`Node::All`], every article, as `*` is.
pub fn parse(query: &str) -> Result<Node, QueryError> {
    let toks = lex(query)?;
    if toks.is_empty() {
        // No query at all (`dateline search ''`) means what leaving it out means.
        return Ok(Node::All);
    }
    let mut parser = Parser {
        query,
        toks,
        pos: 0,
        depth: 0,
        group_field: None,
    };
    let node = parser.or_expr()?;
    if parser.pos < parser.toks.len() {
        // Only a stray `)` can stop the top-level expression early.
        return Err(parser.error(QueryErrorKind::UnexpectedCloseParen, parser.offset()));
    }
    Ok(node)
}

/// The indexed form of a prefix (`migra*` without its `*`): the word analysed without
/// stemming, which the terms it finds start with. `None` when the text holds no searchable
/// word, or several (`al-Aba*`), which leave no one prefix to expand.
fn prefix_term(text: &str) -> Option<String> {
    let mut plain = analyze_tokens_with(text, Stemming::None);
    if plain.len() != 1 {
        return None;
    }
    plain.pop().map(|t| t.text)
}

/// Endings of English words, in their written form, separated by spaces: the suffixes the
/// English (Porter2) stemmer removes or rewrites, alone and in the chains and inflections news
/// text has them (`-alizations`, `-ingly`). Their starts are what a typed prefix may end inside
/// (`nationa|l`, `runni|ng`, `immigratio|ns`), see [`prefix_stems`].
const ENDINGS: &[&str] = &[
    // Inflections (step 1) and what they undo (`hopp|ing` → `hop`).
    "s es ed ing ings ingly edly er ers est ly y ies ied ier iest ily iness e ee eed eeds ess",
    "esses",
    // -al, -ize, -ation and their chains (steps 2 to 4).
    "al als ally ality alities alism alisms alist alists alize alized alizes alizing alization",
    "alizations ize ized izes izing izer izers ization izations ation ations ational ationally",
    "ate ates ated ating ator ators ative atives atively tion tions tional tionally ion ions",
    "ional ionally ioned",
    // -ence, -ance, -ment, -ness, -ful, -less, -ous, -ive.
    "ence ences ency encies ent ents ently ential ance ances ancy ancies ant ants antly ment",
    "ments mental mentally ement ements ness nesses ful fully fulness less lessly lessness ous",
    "ously ousness ive ives ively iveness ivity ivities",
    // -able, -ible, -ic, -ism, -ist, -ity, -ogy.
    "able ably ability abilities ible ibly ibility ibilities ble bly bility ic ics ical ically",
    "icate icated ication ications icity ism isms ist ists ity ities ogy ogies ogist ogists",
    "ogical ogically or ors",
    // -er chains (`unanswered`, `northwestern`, `engineering`) and a few more.
    "ered ering erings erate erated erates erating eration erations erative eratively ern erns",
    "erner erners eer eers eered eering itis ice ices iced icing icial icially ician icians",
    // Inflected -ent, -ant, -ment, -al, -er, -ous (`unprecedented`, `undocumented`,
    // `unrivalled`, `undeterred`, `warehouse`, `wholesale`).
    "ented enting anted anting mented menting aled aling alled alling erred erring erly ouse",
    "ouses oused ousing ale ales",
];

/// The stems of the words starting with `prefix` (analysed, unstemmed) that do not start with
/// it themselves, which a search of the terms starting with the prefix would miss: `run` for
/// `runni` (`running`), `nation` for `nationa` (`national`), `busi` for `businesse`
/// (`businesses`), `compani` for `company` (the word itself).
///
/// English stems differ from their word only in its last letters, which the stemmer removes
/// or rewrites as suffixes: so the words whose stems can differ are the prefix followed by an
/// English ending, where the prefix may already hold the ending's first letters (`nationa` +
/// `l` for `-al`). Each such word is run through the index's stemmer, and the stems it gives
/// that do not start with the prefix are kept.
///
/// Most of the words made so do not exist, and some of those stem into another word's family
/// (`companio` + `-ous` gives `compani`, which is `company`; `stationa` + `-lizations` gives
/// `station`). So where the English word list ([`english_words`]) holds words starting with
/// the prefix, only the words it lists are stemmed, and the prefix itself, which may be a word
/// the list lacks (a name: `miles`), only where its stem merely drops a last `s` or changes a
/// last `y` (`mile`). Where the list holds none (a British spelling such as `organisatio`, a
/// name, a word of the news), every word made is stemmed, except those where the prefix's last
/// letter alone would stand for an ending's start (`jamaican` read as `jamaica` + `-ness`
/// gives `jamaica`).
///
/// Over every prefix (3 letters and more) of the list's words, every stem that a listed word
/// starting with the prefix has and the prefix does not start is found, but five, and no
/// other stem (a test checks it). Over the prefixes of the list's and the Reuters and BBC
/// corpora's words together (185,619), 99.8% of those stems are found, and 2,335 prefixes
/// (1.3%) also get a stem that no word starting with them has but another word has, most of
/// them prefixes of names outside the list. Prefixes with other than ASCII letters are not
/// English words to stem (`2015`, `москв`): none.
fn prefix_stems(prefix: &str) -> Vec<String> {
    let mut stems: Vec<String> = Vec::new();
    if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_lowercase()) {
        return stems;
    }
    let words = english_words();
    let from = words.partition_point(|w| *w < prefix);
    let listed = &words[from..from + words[from..].partition_point(|w| w.starts_with(prefix))];
    let mut analyzer = news_analyzer_with(Stemming::English);
    let mut word = String::with_capacity(prefix.len() + 16);
    let endings = ENDINGS
        .iter()
        .flat_map(|group| group.split_ascii_whitespace());
    let completions = endings.flat_map(|ending| {
        // The ending's letters that the prefix already holds: none (`hopp` + `ing`) up to all
        // (`running` is the whole word).
        (0..=ending.len())
            .filter(|&held| prefix.ends_with(&ending[..held]))
            // Outside the word list, one held letter is too weak a sign of an ending.
            .filter(|&held| held != 1 || !listed.is_empty())
            .map(|held| &ending[held..])
    });
    for completion in std::iter::once("").chain(completions) {
        word.clear();
        word.push_str(prefix);
        word.push_str(completion);
        let known = listed.is_empty() || listed.binary_search(&word.as_str()).is_ok();
        if !known && !completion.is_empty() {
            continue;
        }
        let mut tokens = analyzer.token_stream(&word);
        let Some(stem) = tokens.next().map(|t| t.text.clone()) else {
            continue;
        };
        if stem.starts_with(prefix) || stems.contains(&stem) {
            continue;
        }
        if known || inflected(prefix, &stem) {
            stems.push(stem);
        }
    }
    stems
}

/// Whether `stem` is `word` without the last letter an inflection adds or changes: a plural's
/// `s` (`miles`: `mile`), a final `y` (`molly`: `molli`). (Not a silent `e`: a prefix ending
/// in one is more often cut from a longer word, `deale` from `dealer`, than a name.)
fn inflected(word: &str, stem: &str) -> bool {
    let Some(last) = word.chars().last() else {
        return false;
    };
    let base = &word[..word.len() - last.len_utf8()];
    match last {
        's' => stem == base,
        'y' => stem.strip_prefix(base) == Some("i"),
        _ => false,
    }
}

/// The entity clauses of a query (`person:Kerry`), each once, in order: the filters an
/// [`Index`](crate::Index) reads for entity snippets and suggestions.
///
/// ```
/// use dateline_index::query::{entity_clauses, parse, EntityField};
///
/// let tree = parse("(person:Kerry OR person:\"Philip Hammond\") AND ISIS -country:Syria").unwrap();
/// assert_eq!(
///     entity_clauses(&tree),
///     [
///         (EntityField::Person, "Kerry"),
///         (EntityField::Person, "Philip Hammond"),
///         (EntityField::Country, "Syria")
///     ]
/// );
/// ```
pub fn entity_clauses(node: &Node) -> Vec<(EntityField, &str)> {
    let mut out: Vec<(EntityField, &str)> = Vec::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match node {
            Node::Entity { field, name } => {
                if !out.contains(&(*field, name.as_str())) {
                    out.push((*field, name));
                }
            }
            Node::Required(inner) | Node::Not(inner) => stack.push(inner),
            Node::Any(items) | Node::And(items) | Node::Or(items) => {
                stack.extend(items.iter().rev())
            }
            Node::All
            | Node::Word { .. }
            | Node::Prefix { .. }
            | Node::Fuzzy { .. }
            | Node::Phrase { .. }
            | Node::Date { .. } => {}
        }
    }
    out
}

/// The filter clauses of a query (`person:Kerry`, `date:2015-01`), each once, in order: the
/// leaves an [`Index`](crate::Index) builds the queries of, for
/// [`QueryBuilder::clause_queries`].
pub fn filter_clauses(node: &Node) -> Vec<&Node> {
    let mut out: Vec<&Node> = Vec::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match node {
            Node::Entity { .. } | Node::Date { .. } => {
                if !out.contains(&node) {
                    out.push(node);
                }
            }
            Node::Required(inner) | Node::Not(inner) => stack.push(inner),
            Node::Any(items) | Node::And(items) | Node::Or(items) => {
                stack.extend(items.iter().rev())
            }
            Node::All
            | Node::Word { .. }
            | Node::Prefix { .. }
            | Node::Fuzzy { .. }
            | Node::Phrase { .. } => {}
        }
    }
    out
}

/// Whether a query looks for words (a word, phrase, prefix or fuzzy word outside `NOT`), so
/// that ranking by relevance means something: `person:Kerry` alone selects articles and scores
/// them all alike, like `*`.
///
/// ```
/// use dateline_index::query::{has_words, parse};
///
/// assert!(has_words(&parse("ISIS person:Kerry").unwrap()));
/// assert!(!has_words(&parse("person:Kerry -ISIS").unwrap()));
/// ```
pub fn has_words(node: &Node) -> bool {
    let mut found = false;
    body_leaves(node, |_| found = true);
    found || title_words(node)
}

/// Whether a query has words restricted to the title outside `NOT` (which [`body_leaves`]
/// leaves out).
fn title_words(node: &Node) -> bool {
    match node {
        Node::Word { field, .. }
        | Node::Prefix { field, .. }
        | Node::Fuzzy { field, .. }
        | Node::Phrase { field, .. } => *field == Some(TextField::Title),
        Node::Required(inner) => title_words(inner),
        Node::Any(items) | Node::And(items) | Node::Or(items) => items.iter().any(title_words),
        Node::Not(_) | Node::All | Node::Entity { .. } | Node::Date { .. } => false,
    }
}

/// Calls `visit` on each word, prefix, fuzzy word and phrase of a query that can match words
/// of the body: not under `NOT` (excluded words are in no hit), not restricted to the title.
fn body_leaves<'n>(node: &'n Node, mut visit: impl FnMut(&'n Node)) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match node {
            Node::Required(inner) => stack.push(inner),
            Node::Any(items) | Node::And(items) | Node::Or(items) => {
                stack.extend(items.iter().rev())
            }
            Node::Not(_) | Node::All | Node::Entity { .. } | Node::Date { .. } => {}
            Node::Word { field, .. }
            | Node::Prefix { field, .. }
            | Node::Fuzzy { field, .. }
            | Node::Phrase { field, .. } => {
                if *field != Some(TextField::Title) {
                    visit(node);
                }
            }
        }
    }
}

/// The prefixes of a query that can match words of the body, in their indexed form: what
/// snippets highlight words starting with.
pub(crate) fn body_prefixes(node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    body_leaves(node, |leaf| {
        if let Node::Prefix { text, .. } = leaf {
            if let Some(term) = prefix_term(text) {
                if !out.contains(&term) {
                    out.push(term);
                }
            }
        }
    });
    out
}

/// The fuzzy words of a query that can match words of the body, as the index holds them,
/// with their edits: what snippets highlight the words within those edits of.
pub(crate) fn body_fuzzy(node: &Node) -> Vec<(String, u8)> {
    let mut out = Vec::new();
    body_leaves(node, |leaf| {
        if let Node::Fuzzy { text, distance, .. } = leaf {
            for term in fuzzy_terms(text) {
                if !out.contains(&(term.clone(), *distance)) {
                    out.push((term, *distance));
                }
            }
        }
    });
    out
}

/// The terms a fuzzy word is matched around: its stems, and its words as written where they
/// differ (what articles indexed without stemming hold).
fn fuzzy_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = analyze_tokens(text).into_iter().map(|t| t.text).collect();
    for plain in analyze_tokens_with(text, Stemming::None) {
        if !terms.contains(&plain.text) {
            terms.push(plain.text);
        }
    }
    terms
}

/// Whether `a` and `b` are at most `max` edits apart: letters inserted, removed or replaced,
/// or two adjacent ones swapped (the optimal string alignment distance, which tantivy's fuzzy
/// query with transpositions counts).
pub(crate) fn within_edits(a: &str, b: &str, max: u8) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let max = usize::from(max);
    crate::facets::osa_distance(&a, &b, max, &mut Default::default()) <= max
}

/// Reads topic or question text as plain words: no operators, no fields, no phrases.
///
/// Relevance topics are written in prose (`WHAT ARE THE EFFECTS OF ...`, stray `-` and `:`),
/// which must neither fail nor change meaning.
pub fn plain_words(text: &str) -> Node {
    Node::Any(
        text.split_whitespace()
            .map(|w| Node::Word {
                field: None,
                text: w.to_string(),
            })
            .collect(),
    )
}

/// Turns syntax trees into tantivy queries over the news schema.
///
/// Juxtaposed words (`a b c`, and every topic read as plain words) form a *bag of words*:
/// stop words are dropped from it unless nothing else is left, and it is scored as one
/// [`Bm25fQuery`] over title and body (see [`Ranking`]). Phrases, `+`/`-` words and operators
/// keep their exact meaning.
pub struct QueryBuilder<'s> {
    schema: &'s NewsSchema,
    ranking: Ranking,
    plain: bool,
    unstemmed: bool,
    terms: Cell<usize>,
    /// The query of each filter clause ([`QueryBuilder::clause_queries`]).
    clauses: Vec<ClauseQuery>,
}

/// Words of one field restriction, gathered into one bag.
type Bag<'a> = (Option<TextField>, Vec<(Option<TextField>, &'a str)>);

/// What a word of a bag turned into.
struct BagWord {
    /// The word as written.
    text: String,
    /// Analysed terms (several for `al-Abadi`).
    terms: Vec<String>,
    /// The same without stemming, where they differ and the index holds unstemmed articles.
    unstemmed: Option<Vec<String>>,
    /// Whether it is a stop word.
    stop: bool,
}

impl<'s> QueryBuilder<'s> {
    /// A builder for the given schema, with the default [`Ranking`].
    pub fn new(schema: &'s NewsSchema) -> Self {
        QueryBuilder {
            schema,
            ranking: Ranking::default(),
            plain: false,
            unstemmed: false,
            terms: Cell::new(0),
            clauses: Vec::new(),
        }
    }

    /// The queries of the tree's filter clauses ([`filter_clauses`] lists them): what an
    /// [`Index`](crate::Index) builds from its alias table, entity fields and date fields. A
    /// clause without one matches nothing.
    pub fn clause_queries(mut self, queries: Vec<ClauseQuery>) -> Self {
        self.clauses = queries;
        self
    }

    /// Uses these ranking settings.
    pub fn ranking(mut self, ranking: Ranking) -> Self {
        self.ranking = ranking;
        self
    }

    /// Plain-words mode: a word that the analyzer splits (`time-sharing`) adds its parts to the
    /// bag instead of becoming a phrase.
    pub fn plain(mut self, plain: bool) -> Self {
        self.plain = plain;
        self
    }

    /// Also looks up each word unstemmed: for indexes holding articles indexed without English
    /// stemming (other languages), where `presidente` must not only be sought as `president`.
    pub fn unstemmed_forms(mut self, on: bool) -> Self {
        self.unstemmed = on;
        self
    }

    /// The unstemmed terms of `text` when they are wanted and differ from `stemmed`.
    fn unstemmed_terms(&self, text: &str, stemmed: &[String]) -> Option<Vec<String>> {
        if !self.unstemmed {
            return None;
        }
        let plain: Vec<String> = analyze_tokens_with(text, Stemming::None)
            .into_iter()
            .map(|t| t.text)
            .collect();
        (plain != stemmed).then_some(plain)
    }

    /// Builds the tantivy query for a syntax tree; `query` is the original text, for errors.
    pub fn build(&self, node: &Node, query: &str) -> Result<Box<dyn Query>, QueryError> {
        self.build_counted(node, query).map(|(q, _)| q)
    }

    /// Like [`build`](Self::build), also returning how many word terms the query scores (the
    /// length of the query for feedback weighting).
    pub fn build_counted(
        &self,
        node: &Node,
        query: &str,
    ) -> Result<(Box<dyn Query>, usize), QueryError> {
        self.terms.set(0);
        let caps = is_all_caps(query);
        let q = self
            .node(node, caps)
            .ok_or_else(|| QueryError::new(QueryErrorKind::NoSearchableTerms, query, 0))?;
        Ok((q, self.terms.get().max(1)))
    }

    /// The name of one of the text fields (`title`, `body`), for explanations.
    fn name(&self, field: Field) -> &str {
        self.schema.schema.get_field_name(field)
    }

    fn fields(&self, field: Option<TextField>) -> Vec<(Field, f32)> {
        match field {
            Some(TextField::Title) => vec![(self.schema.title, 1.0)],
            Some(TextField::Body) => vec![(self.schema.body, 1.0)],
            None => vec![
                (self.schema.title, self.ranking.title_weight),
                (self.schema.body, 1.0),
            ],
        }
    }

    /// A bag of analysed terms (text, weight), scored per the ranking settings.
    fn bag_query(&self, field: Option<TextField>, terms: Vec<(String, f32)>) -> Box<dyn Query> {
        self.terms.set(self.terms.get() + terms.len());
        match self.ranking.scoring {
            Scoring::Combined => Box::new(Bm25fQuery::new(
                terms,
                self.fields(field),
                self.ranking.k1,
                self.ranking.b,
            )),
            Scoring::Tantivy => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (text, weight) in terms {
                    for (f, boost) in self.fields(field) {
                        let q: Box<dyn Query> = Box::new(TermQuery::new(
                            Term::from_field_text(f, &text),
                            IndexRecordOption::WithFreqs,
                        ));
                        let boost = boost * weight;
                        clauses.push((
                            Occur::Should,
                            if boost == 1.0 {
                                q
                            } else {
                                Box::new(BoostQuery::new(q, boost))
                            },
                        ));
                    }
                }
                if clauses.len() == 1 {
                    clauses.remove(0).1
                } else {
                    Box::new(BooleanQuery::new(clauses))
                }
            }
        }
    }

    /// Terms of analysed text with their positions; `None` when nothing is searchable.
    fn text_query(
        &self,
        field: Option<TextField>,
        text: &str,
        slop: u32,
    ) -> Option<Box<dyn Query>> {
        let tokens = analyze_tokens(text);
        if tokens.is_empty() {
            return None;
        }
        let stemmed: Vec<String> = tokens.iter().map(|t| t.text.clone()).collect();
        let unstemmed = self.unstemmed_terms(text, &stemmed);
        if tokens.len() == 1 {
            let mut terms = vec![(stemmed[0].clone(), 1.0)];
            terms.extend(unstemmed.into_iter().flatten().map(|t| (t, 1.0)));
            return Some(self.bag_query(field, terms));
        }
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // The same clauses again for top-k collection with pruning (exact phrases only).
        let mut clauses: Vec<PhraseClause> = Vec::new();
        for words in std::iter::once(stemmed).chain(unstemmed) {
            let positioned: Vec<(usize, String)> =
                tokens.iter().map(|t| t.position).zip(words).collect();
            for (f, boost) in self.fields(field) {
                let terms = positioned
                    .iter()
                    .map(|(at, w)| (*at, Term::from_field_text(f, w)))
                    .collect();
                if slop == 0 {
                    clauses.push((f, boost, positioned.clone()));
                }
                let q: Box<dyn Query> =
                    Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop));
                let q: Box<dyn Query> = if boost == 1.0 {
                    q
                } else {
                    Box::new(BoostQuery::new(q, boost))
                };
                let words: Vec<&str> = positioned.iter().map(|(_, w)| w.as_str()).collect();
                let slop = if slop == 0 {
                    String::new()
                } else {
                    format!("~{slop}")
                };
                let name = format!("phrase \"{}\"{slop} in {}", words.join(" "), self.name(f));
                per_field.push((Occur::Should, Box::new(Described::new(q, name))));
            }
        }
        self.terms.set(self.terms.get() + 1);
        let query = if per_field.len() == 1 {
            per_field.remove(0).1
        } else {
            Box::new(BooleanQuery::new(per_field))
        };
        Some(if clauses.is_empty() {
            query
        } else {
            Box::new(TopPhraseQuery::new(query, clauses))
        })
    }

    /// Words starting with `text`, in each field. The index holds stems, so the terms that
    /// start with the prefix are not enough: `running` is indexed as `run`, `national` as
    /// `nation`, shorter than `runni` and `nationa`. So the stems of the words that start with
    /// the prefix and whose stem does not ([`prefix_stems`]) are matched too, as whole terms,
    /// in the articles indexed with stemming (an article in another language holds its words
    /// as written, which the prefix alone finds). Matching is then at stem granularity:
    /// `runni*` finds `run` and `runs` as well. Every match scores alike (the field's weight).
    fn prefix_query(&self, field: Option<TextField>, text: &str) -> Option<Box<dyn Query>> {
        let word = prefix_term(text)?;
        let stems = prefix_stems(&word);
        let pattern = format!("{}.*", escape_regex(&word));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (f, boost) in self.fields(field) {
            let regex: Box<dyn Query> = Box::new(RegexQuery::from_pattern(&pattern, f).ok()?);
            let any = if stems.is_empty() {
                regex
            } else {
                // A term query per stem (a stem that no article holds is one dictionary
                // lookup per segment): tantivy's `TermSetQuery` builds an FST for its terms on
                // every search, which doubled a prefix query's time. The terms are named to the
                // highlighter, which marks their words (`running` for `run`) in snippets.
                let terms: Vec<Box<dyn Query>> = stems
                    .iter()
                    .map(|s| {
                        let term = Term::from_field_text(f, s);
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>
                    })
                    .collect();
                let set: Box<dyn Query> = match terms.len() {
                    1 => terms.into_iter().next()?,
                    _ => Box::new(BooleanQuery::union(terms)),
                };
                let set = if self.unstemmed {
                    let unstemmed = Term::from_field_text(self.schema.stemming, "none");
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, set),
                        (
                            Occur::MustNot,
                            Box::new(TermQuery::new(unstemmed, IndexRecordOption::Basic)),
                        ),
                    ]))
                } else {
                    set
                };
                Box::new(BooleanQuery::union(vec![regex, set]))
            };
            let q = Box::new(ConstScoreQuery::new(any, boost));
            let name = format!("words starting with {word} in {}", self.name(f));
            clauses.push((Occur::Should, Box::new(Described::new(q, name))));
        }
        self.terms.set(self.terms.get() + 1);
        Some(match clauses.len() {
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        })
    }

    /// Words within `distance` edits of `text`, in each field: of its stem (`Hamond` →
    /// `hamond` finds `hammond`), and of the word as written too when the index holds
    /// unstemmed articles. A word the analyzer splits (`al-Abadi~1`) needs each part, within
    /// the edits. Every match scores alike (the field's weight), as a prefix's do.
    fn fuzzy_query(
        &self,
        field: Option<TextField>,
        text: &str,
        distance: u8,
    ) -> Option<Box<dyn Query>> {
        let stemmed = analyze_tokens(text);
        if stemmed.is_empty() {
            return None;
        }
        let plain = analyze_tokens_with(text, Stemming::None);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (f, boost) in self.fields(field) {
            let parts: Vec<(Occur, Box<dyn Query>)> = stemmed
                .iter()
                .enumerate()
                .map(|(i, stem)| {
                    let mut spellings = vec![stem.text.as_str()];
                    match plain.get(i) {
                        Some(p) if self.unstemmed && p.text != stem.text => {
                            spellings.push(p.text.as_str())
                        }
                        _ => {}
                    }
                    let any: Vec<Box<dyn Query>> = spellings
                        .into_iter()
                        .map(|s| {
                            let term = Term::from_field_text(f, s);
                            Box::new(FuzzyTermQuery::new(term, distance, true)) as Box<dyn Query>
                        })
                        .collect();
                    let part: Box<dyn Query> = match any.len() {
                        1 => any.into_iter().next().expect("one spelling"),
                        _ => Box::new(BooleanQuery::union(any)),
                    };
                    (Occur::Must, part)
                })
                .collect();
            let all: Box<dyn Query> = match parts.len() {
                1 => parts.into_iter().next().expect("one part").1,
                _ => Box::new(BooleanQuery::new(parts)),
            };
            let q = Box::new(ConstScoreQuery::new(all, boost));
            let edits = if distance == 1 { "edit" } else { "edits" };
            let stems: Vec<&str> = stemmed.iter().map(|t| t.text.as_str()).collect();
            let name = format!(
                "words within {distance} {edits} of \"{}\" in {}",
                stems.join(" "),
                self.name(f)
            );
            clauses.push((Occur::Should, Box::new(Described::new(q, name))));
        }
        self.terms.set(self.terms.get() + 1);
        Some(match clauses.len() {
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        })
    }

    fn node(&self, node: &Node, caps: bool) -> Option<Box<dyn Query>> {
        match node {
            Node::All => Some(Box::new(AllQuery)),
            Node::Word { field, text } if self.plain => self.bag(&[(*field, text.as_str())], caps),
            Node::Word { field, text } => self.text_query(*field, text, 0),
            Node::Phrase { field, text, slop } => self.text_query(*field, text, *slop),
            Node::Prefix { field, text } => self.prefix_query(*field, text),
            Node::Fuzzy {
                field,
                text,
                distance,
            } => self.fuzzy_query(*field, text, *distance),
            Node::Required(inner) => self.node(inner, caps),
            Node::Not(inner) => {
                let inner = self.node(inner, caps)?;
                Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery)),
                    (Occur::MustNot, inner),
                ])))
            }
            Node::Any(items) => self.combine(items, Occur::Should, true, caps),
            Node::And(items) => self.combine(items, Occur::Must, true, caps),
            Node::Or(items) => self.combine(items, Occur::Should, false, caps),
            // A selection, not a match of words: it adds nothing to the score.
            Node::Entity { .. } | Node::Date { .. } => {
                Some(Box::new(ConstScoreQuery::new(self.clause_query(node), 0.0)))
            }
        }
    }

    /// Analyses the words of a bag; `None` for words without searchable terms.
    fn bag_word(&self, text: &str, caps: bool) -> Option<BagWord> {
        let tokens = analyze_tokens(text);
        if tokens.is_empty() {
            return None;
        }
        let surface = text.trim_matches(|c: char| !c.is_alphanumeric());
        let terms: Vec<String> = tokens.into_iter().map(|t| t.text).collect();
        Some(BagWord {
            text: text.to_string(),
            stop: terms.len() == 1 && self.ranking.stop_words.is_stop(surface, caps),
            unstemmed: self.unstemmed_terms(text, &terms),
            terms,
        })
    }

    /// One bag-of-words query for words of one field restriction; stop words are dropped
    /// unless the bag holds nothing else.
    fn bag(&self, words: &[(Option<TextField>, &str)], caps: bool) -> Option<Box<dyn Query>> {
        let field = words.first()?.0;
        let analysed: Vec<BagWord> = words
            .iter()
            .filter_map(|(_, w)| self.bag_word(w, caps))
            .collect();
        let all_stop = analysed.iter().all(|w| w.stop);
        let mut terms: Vec<(String, f32)> = Vec::new();
        let mut phrases: Vec<Box<dyn Query>> = Vec::new();
        let mut previous: Option<String> = None;
        for word in analysed {
            if word.stop && !all_stop {
                continue;
            }
            if let (Some(p), [t]) = (self.ranking.proximity, word.terms.as_slice()) {
                if let Some(prev) = previous.replace(t.clone()) {
                    if prev != *t {
                        phrases.push(self.pair_query(field, &prev, t, p));
                    }
                }
            }
            if word.terms.len() > 1 && !self.plain {
                // `al-Abadi` in the query language stays a phrase.
                phrases.push(self.text_query(field, &word.text, 0)?);
                continue;
            }
            for t in word
                .terms
                .into_iter()
                .chain(word.unstemmed.into_iter().flatten())
            {
                match terms.iter_mut().find(|(x, _)| *x == t) {
                    Some((_, w)) => *w += 1.0,
                    None => terms.push((t, 1.0)),
                }
            }
        }
        if let Some(k3) = self.ranking.k3 {
            // Okapi's query-term saturation: a word repeated in a long topic counts for more,
            // but not n times more.
            for (_, w) in &mut terms {
                *w = (k3 + 1.0) * *w / (k3 + *w);
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            phrases.into_iter().map(|q| (Occur::Should, q)).collect();
        if !terms.is_empty() {
            clauses.push((Occur::Should, self.bag_query(field, terms)));
        }
        match clauses.len() {
            0 => None,
            1 => clauses.pop().map(|(_, q)| q),
            _ => Some(Box::new(BooleanQuery::new(clauses))),
        }
    }

    /// The proximity clause of two consecutive words of a bag: both within `slop` positions,
    /// in the query's order.
    fn pair_query(
        &self,
        field: Option<TextField>,
        first: &str,
        second: &str,
        proximity: Proximity,
    ) -> Box<dyn Query> {
        let clauses = self
            .fields(field)
            .into_iter()
            .map(|(f, boost)| {
                let q: Box<dyn Query> = Box::new(PhraseQuery::new_with_offset_and_slop(
                    vec![
                        (0, Term::from_field_text(f, first)),
                        (1, Term::from_field_text(f, second)),
                    ],
                    proximity.slop,
                ));
                let q: Box<dyn Query> = Box::new(BoostQuery::new(q, boost * proximity.weight));
                let apart = match proximity.slop {
                    0 => "side by side".to_string(),
                    n => format!("within {n} moves"),
                };
                let name = format!(
                    "proximity: \"{first} {second}\" {apart} in {}, weight {} × {boost}",
                    self.name(f),
                    proximity.weight,
                );
                (
                    Occur::Should,
                    Box::new(Described::new(q, name)) as Box<dyn Query>,
                )
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// A juxtaposition holding filter clauses (`oil person:Reagan date:1987`): the clauses must
    /// all hold, as the filters of the same names do, and the rest is searched and ranked as
    /// without them, restricted to what they admit: a bag of words keeps its top-k pruning
    /// ([`Bm25fQuery::filtered`]), exactly as `oil --person Reagan --from 1987 --to 1987`.
    /// An `OR` between a clause and words keeps them alternatives.
    fn filtered_group(
        &self,
        items: &[Node],
        is_filter: impl Fn(&Node) -> bool,
        caps: bool,
    ) -> Option<Box<dyn Query>> {
        let mut filters: Vec<Box<dyn Query>> = (items.iter())
            .filter(|n| is_filter(n))
            .map(|n| self.clause_query(n))
            .collect();
        let filter = match filters.len() {
            1 => filters.pop()?,
            _ => Box::new(BooleanQuery::intersection(filters)),
        };
        let rest: Vec<Node> = items.iter().filter(|n| !is_filter(n)).cloned().collect();
        let rest = match rest.len() {
            0 => None,
            1 => self.node(&rest[0], caps),
            _ => self.combine(&rest, Occur::Should, true, caps),
        };
        Some(match rest {
            None => Box::new(ConstScoreQuery::new(filter, 0.0)),
            Some(text) => match text.downcast_ref::<Bm25fQuery>() {
                Some(bag) => Box::new(bag.clone().filtered(filter)),
                None => Box::new(BooleanQuery::new(vec![
                    (Occur::Must, text),
                    (Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))),
                ])),
            },
        })
    }

    /// The query that selects the articles of a filter clause, unscored ([`clause_queries`]
    /// gives it); a clause without one matches nothing.
    ///
    /// [`clause_queries`]: QueryBuilder::clause_queries
    fn clause_query(&self, clause: &Node) -> Box<dyn Query> {
        (self.clauses.iter())
            .find(|(c, _)| c == clause)
            .map_or_else(
                || Box::new(EmptyQuery) as Box<dyn Query>,
                |(_, q)| q.box_clone(),
            )
    }

    /// Combines clauses with a default occurrence; `+x` keeps its own. In a group or an `AND`,
    /// `NOT x` excludes `x` from the whole group (`exclude`); inside `OR` it stands alone for
    /// "every article without x". In a juxtaposition, the plain words form bags of words.
    fn combine(
        &self,
        items: &[Node],
        default: Occur,
        exclude: bool,
        caps: bool,
    ) -> Option<Box<dyn Query>> {
        if default == Occur::Should && exclude {
            let is_filter = |n: &Node| matches!(n, Node::Entity { .. } | Node::Date { .. });
            if items.iter().any(is_filter) {
                return self.filtered_group(items, is_filter, caps);
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if default == Occur::Should && exclude {
            // Bags: one per field restriction, in order of first appearance.
            let mut bags: Vec<Bag<'_>> = Vec::new();
            for item in items {
                if let Node::Word { field, text } = item {
                    match bags.iter_mut().find(|(f, _)| f == field) {
                        Some((_, words)) => words.push((*field, text)),
                        None => bags.push((*field, vec![(*field, text)])),
                    }
                }
            }
            for (_, words) in bags {
                if let Some(q) = self.bag(&words, caps) {
                    clauses.push((Occur::Should, q));
                }
            }
        }
        for item in items {
            let (occur, inner) = match item {
                Node::Word { .. } if default == Occur::Should && exclude => continue,
                Node::Not(inner) if exclude => (Occur::MustNot, inner.as_ref()),
                Node::Required(inner) => (Occur::Must, inner.as_ref()),
                other => (default, other),
            };
            if let Some(q) = self.node(inner, caps) {
                clauses.push((occur, q));
            }
        }
        if clauses.is_empty() {
            return None;
        }
        if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        if clauses.len() == 1 && clauses[0].0 != Occur::MustNot {
            return clauses.pop().map(|(_, q)| q);
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str) -> Node {
        Node::Word {
            field: None,
            text: t.into(),
        }
    }

    #[test]
    fn precedence_or_loosest_then_and_then_juxtaposition() {
        let tree = parse("foreign fighters AND Syria OR Iraq").unwrap();
        assert_eq!(
            tree,
            Node::Or(vec![
                Node::And(vec![
                    Node::Any(vec![word("foreign"), word("fighters")]),
                    word("Syria")
                ]),
                word("Iraq")
            ])
        );
    }

    #[test]
    fn entity_clauses_take_a_word_or_a_quoted_name_and_combine_as_words_do() {
        let entity = |field, name: &str| Node::Entity {
            field,
            name: name.into(),
        };
        assert_eq!(
            parse("(person:Kerry OR Person:\"Philip Hammond\") AND ISIS -country:Syria").unwrap(),
            Node::And(vec![
                Node::Or(vec![
                    entity(EntityField::Person, "Kerry"),
                    entity(EntityField::Person, "Philip Hammond")
                ]),
                Node::Any(vec![
                    word("ISIS"),
                    Node::Not(Box::new(entity(EntityField::Country, "Syria")))
                ])
            ])
        );
        assert_eq!(
            parse("entity:Daesh org:ISIS place:Mosul misc:Kurdish").unwrap(),
            Node::Any(vec![
                entity(EntityField::Any, "Daesh"),
                entity(EntityField::Organization, "ISIS"),
                entity(EntityField::Place, "Mosul"),
                entity(EntityField::Misc, "Kurdish"),
            ])
        );
        // Patterns, groups and sloppy phrases are not names; an entity is in no text field.
        for (query, column) in [
            ("person:Ker*", 8),
            ("person:Kerry~1", 8),
            ("person:(Kerry OR Hammond)", 8),
            ("person:\"John Kerry\"~2", 8),
            ("person:*", 8),
            ("title:(person:Kerry)", 8),
            ("oil person:", 5),
        ] {
            let err = parse(query).expect_err(query);
            assert_eq!(err.column(), column, "{query}: {err}");
        }
        assert!(parse("person:Ker*")
            .unwrap_err()
            .to_string()
            .contains("`person:` takes a name"));
    }

    #[test]
    fn date_clauses_take_a_period_or_a_range_open_on_either_side() {
        let day = |y, m, d| {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc()
        };
        let end = |y, m, d| day(y, m, d) + chrono::Duration::days(1) - chrono::Duration::seconds(1);
        let date = |from, to| Node::Date { from, to };
        assert_eq!(
            parse("date:2015-01").unwrap(),
            date(Some(day(2015, 1, 1)), Some(end(2015, 1, 31)))
        );
        assert_eq!(
            parse("date:2015").unwrap(),
            date(Some(day(2015, 1, 1)), Some(end(2015, 12, 31)))
        );
        assert_eq!(
            parse("DATE:2015-01-22").unwrap(),
            date(Some(day(2015, 1, 22)), Some(end(2015, 1, 22)))
        );
        assert_eq!(
            parse("date:2014-12..2015-02").unwrap(),
            date(Some(day(2014, 12, 1)), Some(end(2015, 2, 28)))
        );
        assert_eq!(
            parse("date:..2014").unwrap(),
            date(None, Some(end(2014, 12, 31)))
        );
        assert_eq!(
            parse("date:2015..").unwrap(),
            date(Some(day(2015, 1, 1)), None)
        );
        assert_eq!(
            parse("oil -date:2015").unwrap(),
            Node::Any(vec![
                word("oil"),
                Node::Not(Box::new(date(
                    Some(day(2015, 1, 1)),
                    Some(end(2015, 12, 31))
                )))
            ])
        );
        for (query, column) in [
            ("oil date:2015-13", 10),
            ("oil date:2015..2015-13", 16),
            ("oil date:2016..2015", 10),
            ("oil date:", 10),
            ("oil date:..", 10),
            ("title:(date:2015)", 8),
        ] {
            let err = parse(query).expect_err(query);
            assert_eq!(err.column(), column, "{query}: {err}");
        }
    }

    #[test]
    fn field_prefix_applies_to_groups_and_phrases() {
        let tree = parse("title:(ISIS OR \"Islamic State\"~1)").unwrap();
        assert_eq!(
            tree,
            Node::Or(vec![
                Node::Word {
                    field: Some(TextField::Title),
                    text: "ISIS".into()
                },
                Node::Phrase {
                    field: Some(TextField::Title),
                    text: "Islamic State".into(),
                    slop: 1
                }
            ])
        );
    }

    #[test]
    fn lowercase_operators_and_times_are_words() {
        assert_eq!(
            parse("war and peace 10:30").unwrap(),
            Node::Any(vec![word("war"), word("and"), word("peace"), word("10:30")])
        );
    }

    #[test]
    fn malformed_queries_point_at_the_problem() {
        let cases = [
            ("(Hammond OR Kerry", QueryErrorKind::UnclosedParen, 1),
            ("Hammond)", QueryErrorKind::UnexpectedCloseParen, 8),
            ("\"foreign fighters", QueryErrorKind::UnclosedQuote, 1),
            (
                "Hammond AND",
                QueryErrorKind::MissingOperand("AND".into()),
                9,
            ),
            ("OR Kerry", QueryErrorKind::MissingOperand("OR".into()), 1),
            (
                "Kerry - Hammond",
                QueryErrorKind::MissingOperand("-".into()),
                7,
            ),
            (
                "author:Smith",
                QueryErrorKind::UnknownField("author".into()),
                1,
            ),
            ("\"a b\"~x", QueryErrorKind::BadSlop, 6),
            ("\"a b\"~256", QueryErrorKind::BadSlop, 6),
            (
                "x \"oil and oils\"~3",
                QueryErrorKind::RepeatedWordWithSlop("oil".into()),
                3,
            ),
            (
                "*oil",
                QueryErrorKind::Unsupported(
                    "a wildcard goes at the end of a word only, as in `migra*`".into(),
                ),
                1,
            ),
            (
                "title:o*l",
                QueryErrorKind::Unsupported(
                    "a wildcard goes at the end of a word only, as in `migra*`".into(),
                ),
                7,
            ),
            (
                "gas oil^2",
                QueryErrorKind::Unsupported("boosts (`^`) are not supported".into()),
                5,
            ),
            ("()", QueryErrorKind::EmptyGroup, 2),
            ("title:( )", QueryErrorKind::EmptyGroup, 9),
            ("(", QueryErrorKind::UnclosedParen, 1),
            ("title:(", QueryErrorKind::UnclosedParen, 7),
            ("oil title:(gas", QueryErrorKind::UnclosedParen, 11),
            (")", QueryErrorKind::UnexpectedCloseParen, 1),
            ("\"\"", QueryErrorKind::EmptyPhrase, 1),
            (
                "oil \"foreign fighters~2\"",
                QueryErrorKind::SlopInsidePhrase("\"foreign fighters\"~2".into()),
                22,
            ),
            (
                "\"crude oil ~3 \"",
                QueryErrorKind::SlopInsidePhrase("\"crude oil\"~3".into()),
                12,
            ),
        ];
        for (q, kind, col) in cases {
            let err = parse(q).unwrap_err();
            assert_eq!((err.kind(), err.column()), (&kind, col), "query {q:?}");
        }
    }

    #[test]
    fn long_prefix_runs_fold_and_deep_groups_are_refused_without_overflowing_the_stack() {
        // Thousands of prefixes: read in a loop, folded by parity.
        let nots = format!("{}oil", "NOT ".repeat(2001));
        assert_eq!(parse(&nots).unwrap(), Node::Not(Box::new(word("oil"))));
        let minuses = format!("{}oil", "-".repeat(5000));
        assert_eq!(
            parse(&minuses).unwrap(),
            Node::Required(Box::new(word("oil")))
        );
        assert_eq!(
            parse("+oil").unwrap(),
            Node::Required(Box::new(word("oil")))
        );
        assert_eq!(
            parse("NOT").unwrap_err().kind(),
            &QueryErrorKind::MissingOperand("NOT".into())
        );
        let deep = |n: usize| format!("{}oil{}", "(".repeat(n), ")".repeat(n));
        assert_eq!(parse(&deep(MAX_DEPTH)).unwrap(), word("oil"));
        let err = parse(&deep(5000)).unwrap_err();
        assert_eq!(
            (err.kind(), err.column()),
            (&QueryErrorKind::TooDeep, MAX_DEPTH + 1)
        );
    }

    #[test]
    fn a_trailing_star_is_a_prefix_and_exact_phrases_may_repeat_words() {
        assert_eq!(
            parse("title:migra* refugees").unwrap(),
            Node::Any(vec![
                Node::Prefix {
                    field: Some(TextField::Title),
                    text: "migra".into()
                },
                word("refugees")
            ])
        );
        assert!(parse("\"oil oil\"").is_ok());
        assert!(parse("\"oil gas\"~255").is_ok());
        let schema = NewsSchema::new();
        let tree = parse("Company*").unwrap();
        let shown = format!("{:?}", QueryBuilder::new(&schema).build(&tree, "").unwrap());
        // Words starting with the prefix as written, and the word itself by its stem.
        assert!(
            shown.contains("company.*") && !shown.contains("compani.*"),
            "{shown}"
        );
        assert!(shown.contains("\"compani\""), "{shown}");
    }

    #[test]
    fn snippets_highlight_the_prefixes_that_can_match_the_body() {
        let tree =
            parse("Oilse* (title:grain* OR body:Soy*) -palm* NOT corn* \"x y\" oilse*").unwrap();
        assert_eq!(body_prefixes(&tree), ["oilse", "soy"]);
    }

    #[test]
    fn plain_words_never_fail_on_prose() {
        let node = plain_words("WHAT ARE THE EFFECTS OF - \"X\" title: AND (");
        assert!(matches!(node, Node::Any(ref v) if v.len() == 10));
    }

    #[test]
    fn repeated_topic_words_saturate_with_k3() {
        let schema = NewsSchema::new();
        let node = plain_words("retrieval of documents: document retrieval, retrieval systems");
        let query = QueryBuilder::new(&schema)
            .plain(true)
            .build(&node, "")
            .unwrap();
        let shown = format!("{query:?}");
        // `retrieval` three times: (8 + 1) · 3 / (8 + 3); `document` twice: 9 · 2 / 10.
        assert!(shown.contains("(\"retriev\", 2.4545"), "{shown}");
        assert!(shown.contains("(\"document\", 1.8)"), "{shown}");
        assert!(shown.contains("(\"system\", 1.0)"), "{shown}");

        let linear = Ranking {
            k3: None,
            ..Ranking::default()
        };
        let query = QueryBuilder::new(&schema)
            .ranking(linear)
            .plain(true)
            .build(&node, "")
            .unwrap();
        let shown = format!("{query:?}");
        assert!(shown.contains("(\"retriev\", 3.0)"), "{shown}");
    }

    #[test]
    fn prefixes_take_the_stems_of_the_words_they_cut_into() {
        let cases: [(&str, &[&str]); 13] = [
            ("runni", &["run"]),
            ("running", &["run"]),
            ("nationa", &["nation"]),
            ("immigratio", &["immigr"]),
            ("governmen", &["govern"]),
            ("electio", &["elect"]),
            ("businesse", &["busi"]),
            ("economi", &["econom"]),
            ("company", &["compani"]),
            ("hopp", &["hop"]),
            // Not in the word list (British): every word made counts.
            ("organisatio", &["organis"]),
            // A name the list lacks, as a whole word.
            ("miles", &["mile"]),
            // Not `compani` (`companious` is no word): `companion` keeps its stem.
            ("companio", &[]),
        ];
        for (prefix, expected) in cases {
            assert_eq!(prefix_stems(prefix), *expected, "{prefix}");
        }
        // Words whose stems all start with the prefix, and prefixes that are not English.
        for prefix in ["migra", "oil", "a", "2015", "москв", "u.s"] {
            assert_eq!(prefix_stems(prefix), Vec::<String>::new(), "{prefix}");
        }
    }

    #[test]
    fn every_listed_word_is_found_through_its_prefixes() {
        // Every prefix of every listed word: the stems of the listed words starting with it
        // that do not start with it are found, and nothing but those and the prefix's own
        // stem. Five are not: Porter2's exceptions (`outlying`) and endings no table here
        // holds (`encephalitis`, `intaglio`, `unevenly`).
        let words = english_words();
        let mut analyzer = news_analyzer_with(Stemming::English);
        let mut stem = |w: &str| analyzer.token_stream(w).next().map(|t| t.text.clone());
        let mut prefixes: Vec<&str> = words
            .iter()
            .flat_map(|w| (3..=w.len()).map(move |k| &w[..k]))
            .collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        assert!(prefixes.len() > 50_000, "{}", prefixes.len());
        let (mut expected_total, mut extra) = (0, 0);
        let mut missed: Vec<String> = Vec::new();
        for prefix in prefixes {
            let from = words.partition_point(|w| *w < prefix);
            let mut expected: Vec<String> = words[from..]
                .iter()
                .take_while(|w| w.starts_with(prefix))
                .filter_map(|w| stem(w))
                .filter(|s| !s.starts_with(prefix))
                .collect();
            expected.sort_unstable();
            expected.dedup();
            let mut found = prefix_stems(prefix);
            found.sort_unstable();
            missed.extend(
                expected
                    .iter()
                    .filter(|s| !found.contains(s))
                    .map(|s| format!("{prefix}: {s}")),
            );
            let own = stem(prefix);
            extra += found
                .iter()
                .filter(|s| !expected.contains(s) && Some(*s) != own.as_ref())
                .count();
            expected_total += expected.len();
        }
        assert!(expected_total > 10_000, "{expected_total}");
        assert_eq!(
            missed,
            [
                "encepha: enceph",
                "intagl: intag",
                "outl: out",
                "uneve: unev",
                "uneven: unev"
            ]
        );
        assert_eq!(extra, 0);
    }

    #[test]
    fn edits_count_insertions_deletions_substitutions_and_swaps_as_one() {
        assert!(within_edits("hamond", "hammond", 1));
        assert!(within_edits("hammond", "hamond", 1));
        assert!(within_edits("hmamond", "hammond", 1), "a swap is one edit");
        assert!(within_edits("hammand", "hammond", 1));
        assert!(!within_edits("hamnd", "hammond", 1));
        assert!(within_edits("hamnd", "hammond", 2));
        assert!(within_edits("kerry", "kerry", 0));
        assert!(!within_edits("kerry", "kery", 0));
        assert!(within_edits("caf\u{e9}", "cafe", 1), "letters, not bytes");
        assert!(!within_edits("oil", "soybean", 2));
    }

    #[test]
    fn what_follows_a_field_or_a_slop_is_checked_and_a_word_tilde_is_fuzzy_up_to_two_edits() {
        let err = |q: &str| {
            let e = parse(q).unwrap_err();
            (e.kind().clone(), e.column(), e.to_string())
        };
        assert_eq!(
            err("title:-oil"),
            (
                QueryErrorKind::SignAfterField('-', "-title:oil".into()),
                7,
                "column 7: `-` goes before the field: write `-title:oil` to exclude it".into()
            )
        );
        assert_eq!(
            err("title:NOT oil"),
            (
                QueryErrorKind::OperatorAfterField("NOT".into(), "title".into()),
                7,
                "column 7: `NOT` is an operator, not a word: write `NOT title:…` to apply it, \
                 or `title:not` to search the word"
                    .into()
            )
        );
        assert_eq!(
            parse("title:not"),
            Ok(Node::Word {
                field: Some(TextField::Title),
                text: "not".into()
            })
        );
        assert_eq!(
            err("gas body:+\"crude oil\"").0,
            QueryErrorKind::SignAfterField('+', "+body:…".into())
        );
        assert_eq!(
            err("oil~3"),
            (
                QueryErrorKind::BadEdits,
                5,
                "column 5: a word's `~N` is 0 to 2 edits and ends the word (`Hamond~1`; \
                 `Hamond~` is `~2`)"
                    .into()
            )
        );
        assert_eq!(
            err("gas ~2"),
            (
                QueryErrorKind::TildeInWord,
                5,
                "column 5: `~` goes after a word (`Hamond~1`: words within 1 edit) or a quoted \
                 phrase (\"a b\"~2: its words may move 2 places)"
                    .into()
            )
        );
        assert_eq!(err("title:oil~x").1, 11);
        assert_eq!(err("oil*~1").1, 5);
        let fuzzy = |field, text: &str, distance| Node::Fuzzy {
            field,
            text: text.into(),
            distance,
        };
        assert_eq!(parse("Hamond~1"), Ok(fuzzy(None, "Hamond", 1)));
        assert_eq!(parse("Hamond~"), Ok(fuzzy(None, "Hamond", 2)));
        assert_eq!(
            parse("title:(Hamond~0)"),
            Ok(fuzzy(Some(TextField::Title), "Hamond", 0))
        );
        assert_eq!(
            err("\"crude oil\"~2x"),
            (
                QueryErrorKind::TextAfterSlop('x'),
                14,
                "column 14: `x` right after a phrase's `~N`; the slop ends at a space, `)` or \
                 the end of the query, as in \"a b\"~2 c"
                    .into()
            )
        );
        assert_eq!(
            err("\"crude oil\"~2~3"),
            (
                QueryErrorKind::RepeatedSlop,
                14,
                "column 14: a phrase takes one `~N`".into()
            )
        );
        assert_eq!(err("\"crude oil\"*").1, 12);
        for (q, inner, col) in [
            ("title:body:oil", "body", 7),
            ("title:title:oil", "title", 7),
            ("gas title:(oil OR body:gas)", "body", 19),
            ("body:(oil (gas title:\"a b\"))", "title", 16),
        ] {
            let (kind, column, message) = err(q);
            assert_eq!(
                (kind, column),
                (QueryErrorKind::NestedField(inner.into()), col),
                "{q}"
            );
            assert!(message.starts_with(&format!("column {col}: `{inner}:` inside")));
        }
        assert_eq!(
            err("title:("),
            (
                QueryErrorKind::UnclosedParen,
                7,
                "column 7: this `(` is never closed".into()
            )
        );
        // Still fine: a slop before `)` or a space, a field inside a group of the same field,
        // times, and no query at all.
        assert!(parse("(\"crude oil\"~2) gas").is_ok());
        assert!(parse("title:(oil OR title:gas)").is_ok());
        assert!(parse("10:30 title:10:30").is_ok());
        assert_eq!(parse("").unwrap(), Node::All);
        assert_eq!(parse(" \t ").unwrap(), Node::All);
    }
}
