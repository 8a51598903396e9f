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
//! | `*`                        | every article (useful with date and entity filters)        |
//! | `migra*`                   | words starting with `migra` (a trailing `*` only)          |
//!
//! Precedence, loosest first: `OR`, `AND`, juxtaposition, then the prefixes `NOT`/`-`/`+`. So
//! `foreign fighters AND Syria` reads as `(foreign fighters) AND Syria`. Lower-case `and`,
//! `or` and `not` are ordinary words. Words go through the same analyzer as the documents, so a
//! word that the analyzer splits (`al-Abadi`, `U.S.-led`) is searched as a phrase.
//!
//! Anything that does not fit this grammar is an error pointing at the offending column; a
//! query is never silently reinterpreted. Two limits keep every query's cost bounded: groups
//! nest at most [`MAX_DEPTH`] deep, and a phrase with slop may not repeat a word (tantivy's
//! sloppy matcher lets one occurrence stand for both, and its work grows exponentially with
//! the repeats).
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

use dateline_core::analyzer::{analyze_tokens, analyze_tokens_with, Stemming};
use dateline_core::schema::NewsSchema;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::bm25f::Bm25fQuery;
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
}

/// What is wrong with a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// The query is empty or only whitespace.
    Empty,
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
    /// `~` after a phrase without a number from 0 to [`MAX_SLOP`].
    BadSlop,
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
            QueryErrorKind::Empty => write!(f, "the query is empty"),
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
            QueryErrorKind::UnknownField(name) => write!(
                f,
                "column {col}: unknown field `{name}:` (fields are title: and body:; \
                 put the text in quotes to search for it literally)"
            ),
            QueryErrorKind::BadSlop => {
                write!(
                    f,
                    "column {col}: `~` after a phrase needs a number from 0 to {MAX_SLOP}, \
                     as in \"a b\"~2"
                )
            }
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
    Word(String),
    Prefix(String),
    Phrase(String, u32),
}

/// The largest slop of a phrase: tantivy keeps the slop spent so far in a byte.
pub const MAX_SLOP: u32 = 255;

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
    match word.find('*') {
        None => Ok(Tok::Word(word.to_string())),
        Some(i) if i + 1 == word.len() && i > 0 => Ok(Tok::Prefix(word[..i].to_string())),
        Some(_) => unsupported("a wildcard goes at the end of a word only, as in `migra*`"),
    }
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
                    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
                        let field = match name.to_ascii_lowercase().as_str() {
                            "title" => TextField::Title,
                            "body" => TextField::Body,
                            _ => return err(QueryErrorKind::UnknownField(name.to_string()), i),
                        };
                        toks.push((Tok::Field(field), i));
                        if !rest.is_empty() {
                            let at = i + name.len() + 1;
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
            0 => Err(self.error(QueryErrorKind::Empty, self.offset())),
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
            return Err(self.error(QueryErrorKind::Empty, at));
        };
        self.pos += 1;
        match tok {
            Tok::Word(text) if text == "*" => Ok(Node::All),
            Tok::Word(text) => Ok(Node::Word { field, text }),
            Tok::Prefix(text) => Ok(Node::Prefix { field, text }),
            Tok::Phrase(text, slop) => Ok(Node::Phrase { field, text, slop }),
            Tok::LParen => {
                if self.peek() == Some(&Tok::RParen) {
                    return Err(self.error(QueryErrorKind::Empty, self.offset()));
                }
                if self.depth == MAX_DEPTH {
                    return Err(self.error(QueryErrorKind::TooDeep, at));
                }
                self.depth += 1;
                let inner = self.or_expr()?;
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
            Tok::Field(f) => match self.peek() {
                Some(Tok::Word(_) | Tok::Prefix(_) | Tok::Phrase(..) | Tok::LParen) => {
                    self.primary(Some(f))
                }
                _ => {
                    let name = if f == TextField::Title {
                        "title:"
                    } else {
                        "body:"
                    };
                    Err(self.error(QueryErrorKind::MissingOperand(name.into()), at))
                }
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
        Node::All => Node::All,
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

/// Parses a query in Dateline's syntax (see the module docs).
pub fn parse(query: &str) -> Result<Node, QueryError> {
    let toks = lex(query)?;
    if toks.is_empty() {
        return Err(QueryError::new(QueryErrorKind::Empty, query, 0));
    }
    let mut parser = Parser {
        query,
        toks,
        pos: 0,
        depth: 0,
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

/// The prefixes of a query that can match words of the body (not under `NOT`, not restricted
/// to the title), in their indexed form: what snippets highlight words starting with.
pub(crate) fn body_prefixes(node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match node {
            Node::Prefix { field, text } if *field != Some(TextField::Title) => {
                if let Some(term) = prefix_term(text) {
                    if !out.contains(&term) {
                        out.push(term);
                    }
                }
            }
            Node::Required(inner) => stack.push(inner),
            Node::Any(items) | Node::And(items) | Node::Or(items) => {
                stack.extend(items.iter().rev())
            }
            // Excluded words are in no hit.
            Node::Not(_) => {}
            Node::All | Node::Word { .. } | Node::Phrase { .. } | Node::Prefix { .. } => {}
        }
    }
    out
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
        }
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
                per_field.push((Occur::Should, q));
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

    /// Words starting with `text`, lower-cased, in each field; and where stemming changes it,
    /// the word itself through its stem, since the index holds stems: `migration*` must find
    /// `migration`, indexed as `migrat`. (The stem is not a prefix too: `oilse` stems to `oils`,
    /// which would find `oilsands`.) Matches score alike.
    fn prefix_query(&self, field: Option<TextField>, text: &str) -> Option<Box<dyn Query>> {
        let word = prefix_term(text)?;
        let stem = analyze_tokens(text)
            .into_iter()
            .next()
            .map(|t| t.text)
            .filter(|s| *s != word);
        let pattern = format!("{}.*", escape_regex(&word));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (f, boost) in self.fields(field) {
            let mut field_clauses: Vec<Box<dyn Query>> =
                vec![Box::new(RegexQuery::from_pattern(&pattern, f).ok()?)];
            if let Some(stem) = &stem {
                field_clauses.push(Box::new(TermQuery::new(
                    Term::from_field_text(f, stem),
                    IndexRecordOption::Basic,
                )));
            }
            for q in field_clauses {
                clauses.push((Occur::Should, Box::new(BoostQuery::new(q, boost))));
            }
        }
        self.terms.set(self.terms.get() + 1);
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    fn node(&self, node: &Node, caps: bool) -> Option<Box<dyn Query>> {
        match node {
            Node::All => Some(Box::new(AllQuery)),
            Node::Word { field, text } if self.plain => self.bag(&[(*field, text.as_str())], caps),
            Node::Word { field, text } => self.text_query(*field, text, 0),
            Node::Phrase { field, text, slop } => self.text_query(*field, text, *slop),
            Node::Prefix { field, text } => self.prefix_query(*field, text),
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
                (Occur::Should, q)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
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
            ("   ", QueryErrorKind::Empty, 1),
            ("()", QueryErrorKind::Empty, 2),
            ("\"\"", QueryErrorKind::EmptyPhrase, 1),
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
}
