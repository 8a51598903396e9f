//! The rule-based extractor: tokenise, chunk capitalised runs, strip titles, classify,
//! resolve aliases and short forms within one article.
//!
//! The pipeline is split into small stages (tokenizer → chunker → run classifier →
//! collector) so that later versions can add rules or a statistical classifier per stage:
//! [`tokens`] gives the words with their flags in one pass, this module chunks and classifies
//! the runs, and [`collector`] resolves one article's mentions into entities. The rules'
//! word lists are in [`words`].

// Fx hashing: these maps sit on the per-token path, where SipHash showed in profiles.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

mod collector;
mod tokens;
mod truecase;
mod words;

use collector::*;
use tokens::*;
pub use words::without_legal_form;
use words::*;

use super::aliases::{AliasTable, KeyInfo};
use super::gazetteer::{
    demonym_canonical, gazetteer, league_bit, title_case, Gazetteer, Title, PARTICLES, WEEKDAYS,
};
use super::normalize::{normalize_key, KeyWriter};
use super::{Entity, EntityKind, Extraction, ExtractionFailed, Mention, MentionField};

/// Rule-based named-entity extractor for news text (people, organisations, places).
///
/// Capitalised runs are chunked (keeping particles such as `al-`, `bin`, `van` and inner
/// `of`/`and`/`for`/`the` before a capital), sentence-initial common words and leading
/// titles are stripped (a title marks a person), and runs are classified by the alias
/// table, then the place gazetteer, title cue, organisation head words, given names and
/// short acronyms. Unknown runs are dropped (precision first). Within an article, acronyms
/// in parentheses become aliases of the preceding name (at their mentions before it too:
/// `the MPC`, then `the Monetary Policy Committee (MPC)`), short forms (`Hammond`, `al-Abadi`)
/// join the full person name, a name only guessed to be a person (`Chrysler`, `Merrill
/// Lynch`) joins the organisation it begins (`Chrysler Corp`, `Merrill Lynch and Co Inc`), a
/// word guessed to be an organisation (`the Commission`) the one it ends, and
/// two surnames joined by `and`, given so twice and never apart, are one firm (`Duff and
/// Phelps`). A body written all in capitals is first given the case the word lists guess for
/// it (`PRESIDENT KENNEDY` is read as `President Kennedy`); mentions still quote it as given.
///
/// # Example
/// ```
/// use dateline_core::entities::{EntityExtractor, EntityKind};
///
/// let ex = EntityExtractor::new();
/// let body = "Foreign Secretary Philip Hammond met officials in London. \
///             Hammond said IS, also called ISIL, still holds Raqqa.";
/// let found = ex.extract(Some("Talks on ISIS"), body);
/// let isis = found.iter().find(|e| e.name == "Islamic State").unwrap();
/// assert_eq!(isis.kind, EntityKind::Organization);
/// assert_eq!(isis.forms, ["ISIS", "IS", "ISIL"]);
/// let hammond = found.iter().find(|e| e.name == "Philip Hammond").unwrap();
/// assert_eq!(hammond.mentions, 2);
/// assert!(found.iter().any(|e| e.name == "Raqqa" && e.kind == EntityKind::Place));
/// assert!(!found.iter().any(|e| e.name == "Foreign Secretary"));
/// ```
#[derive(Clone, Debug)]
pub struct EntityExtractor {
    aliases: AliasTable,
    /// First words of the alias and place keys of two words or more: on an all-caps line, a
    /// run whose first word is none of them is known, if at all, by that word alone.
    heads: Arc<HashSet<String>>,
    /// Every alias and place key with what it names in either table: a run is looked up once
    /// for both, by the bytes of its key (no UTF-8 check of a key lower-cased on the stack).
    names: Arc<HashMap<Box<[u8]>, Named>>,
}

/// What one normalised key names in the alias table and among the gazetteer's places.
#[derive(Clone, Copy, Debug, Default)]
struct Named {
    /// Its alias entry.
    alias: Option<KeyInfo>,
    /// The canonical name of the place.
    place: Option<&'static str>,
    /// The team of a nickname that is an English word too (`Orioles`), and its league's bit.
    team: Option<(&'static str, u8)>,
}

impl Default for EntityExtractor {
    fn default() -> Self {
        Self::new()
    }
}

/// A title found in a run.
#[derive(Debug, Clone, Copy)]
struct TitleSplit {
    /// First token of the title.
    start: usize,
    /// First token of the person's name, which runs to the end of the run.
    person: Option<usize>,
    /// What the title is of (`President of France`): classified on its own.
    object: Option<(usize, usize)>,
}

/// Per-text state while classifying runs.
struct Doc<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// The article is a sports story (its headline starts with a sport).
    sports: bool,
    /// The sport is one of [`TEAM_SPORTS`].
    team_sport: bool,
    /// The rows of the story's tables name teams: a team sport's, but cricket's (whose rows
    /// are players').
    tables: bool,
    /// The North American major leagues of the headline's sport ([`league_bit`]): their
    /// teams' nicknames name teams.
    leagues: u8,
    /// Scratch for lookup keys, reused across the many lookups of a text.
    key: RefCell<String>,
    /// The article's body while its title is read (empty while the body is): a headline in
    /// title case says nothing by its capitals, and the body tells a surname from a word.
    body: &'a str,
    /// The text was all in capitals: its case is [`truecase`]'s guess.
    cased: bool,
    /// The article is a press digest (`PRESS DIGEST - Lebanon - Aug 22`): its lines in
    /// capitals name the papers whose stories follow.
    digest: bool,
    /// The text writes places or nationalities in lower case (`returning to quito`), as some
    /// wire copy does with every name: found when first asked ([`Doc::lowers_names`]).
    lowered: Cell<Option<bool>>,
}

/// Whether a token may go on a run of a name: capitalised, outside a line in capitals, and a
/// joiner (`Of`, `And`) only in capitals.
fn capword(t: &Tok) -> bool {
    t.has(CAP) && !t.has(SKIP) && (t.has(ALL_CAPS) || !t.has(CONNECTOR))
}

impl Doc<'_> {
    /// Whether the text writes a place or a nationality that is no English word in lower case:
    /// then its lower-case words say nothing of its capitalised ones.
    fn lowers_names(&self) -> bool {
        if let Some(known) = self.lowered.get() {
            return known;
        }
        let lowered = (0..self.toks.len()).any(|k| {
            let word = self.word(k);
            !self.toks[k].has(CAP)
                && word.len() >= 4
                && word.bytes().all(|b| b.is_ascii_lowercase())
                && {
                    let bits = lexicon_bits(word);
                    bits & (PLACE1 | DEMONYM) != 0 && bits & DICT == 0
                }
        });
        self.lowered.set(Some(lowered));
        lowered
    }
}

/// Whether `rest` opens with an ordinal of one to three digits (`56th`, `1st`).
fn ordinal_at(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| rest[digits..].starts_with(o))
}

/// Whether `word` is a Moody's rating of a grade and a notch (`Baa1`, `Aa3`, `BA1`; not
/// `A1`, a road as often).
fn credit_rating(word: &str) -> bool {
    match word.as_bytes() {
        [grade @ .., b'1'..=b'3'] => matches!(
            grade.to_ascii_lowercase().as_slice(),
            b"aa" | b"baa" | b"ba" | b"caa" | b"ca"
        ),
        _ => false,
    }
}

/// Whether `rest` opens with a sentence's last dot parted from the word before it, as text
/// split into tokens writes it (`Boulder , Colo .`).
fn spaced_stop(rest: &str) -> bool {
    rest.strip_prefix(" .")
        .is_some_and(|r| !r.starts_with(|c: char| !c.is_whitespace()))
}

/// `text` without its dots, byte by byte: `b.c` and `bc` alike.
fn undotted(text: &str) -> impl Iterator<Item = u8> + '_ {
    text.bytes().filter(|&b| b != b'.')
}

/// Whether the words of `title` after its first are written from token `i + 1` on, dots
/// aside (`Vice Adm.`); the caller keeps them inside the text.
fn written_at(doc: &Doc, i: usize, title: &Title) -> bool {
    (title.words.iter().enumerate().skip(1))
        .all(|(m, w)| (doc.word(i + m).trim_end_matches('.')).eq_ignore_ascii_case(w))
}

/// The first token from `r` that is no lower-case joiner (`of`, `the`, `al-`), at most `upto`.
fn skip_joiners(toks: &[Tok], mut r: usize, upto: usize) -> usize {
    while r < upto && toks[r].has(CONNECTOR | PARTICLE) && !toks[r].has(CAP) {
        r += 1;
    }
    r
}

/// Whether the word after token `e`, in the same sentence, is a lower-case one of `nouns`
/// (`Charles de Gaulle airport`, `a Brush Wellman employee`).
fn noun_after(doc: &Doc, e: usize, nouns: &[&str]) -> bool {
    (doc.toks.get(e + 1)).is_some_and(|t| !t.has(CAP | BREAK)) && in_list(doc.word(e + 1), nouns)
}

/// Whether the run opening at token `s` is where someone lives, as a police report or a
/// local paper gives it after their age: `Christopher Tays, 32, of Franklin`, `Ryan Hollman
/// 31, of Hope`.
fn home_after_age(doc: &Doc, s: usize) -> bool {
    if s == 0 || doc.toks[s].has(BREAK) || doc.word(s - 1) != "of" {
        return false;
    }
    let before = doc.text[..doc.toks[s - 1].start].trim_end();
    let Some(before) = before.strip_suffix(',') else {
        return false;
    };
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (rest, number) = before.split_at(before.len() - digits);
    rest.ends_with([' ', ',']) && is_age(number)
}

/// Whether `number` (digits) is a person's age.
fn is_age(number: &str) -> bool {
    number.parse::<u8>().is_ok_and(|a| (1..=110).contains(&a))
}

/// Whether the run `s..=e` is a street after its house's number: `2134 Caldwell Place`,
/// `1909 Jolinda Drive`. Not in sport, where a score goes before a player (`220 Barry
/// Lane`).
fn street_address(doc: &Doc, s: usize, e: usize) -> bool {
    const STREETS: &[&str] = &[
        "street",
        "road",
        "avenue",
        "drive",
        "place",
        "lane",
        "court",
        "way",
        "boulevard",
        "terrace",
        "circle",
        "parkway",
        "highway",
        "trail",
        "ave",
        "blvd",
        "dr",
        "ln",
        "rd",
    ];
    let before = doc.text[..doc.toks[s].start].strip_suffix(' ');
    let number = before.is_some_and(|b| {
        let digits = b.bytes().rev().take_while(u8::is_ascii_digit).count();
        (1..=5).contains(&digits) && b[..b.len() - digits].ends_with([' ', '\n', ','])
    });
    e > s && !doc.sports && number && in_list(doc.word(e).trim_end_matches('.'), STREETS)
}

/// Whether the text after a capital `I` ends a monarch's name (`Charles I,`, `Charles I's
/// execution`, `Pedro I became`) rather than going on as the pronoun does (`with John I
/// think`, `Maria I'm told`).
fn regnal_end(after: &str) -> bool {
    const PRONOUN_NEXT: &[&str] = &[
        "am", "think", "thought", "have", "had", "will", "would", "can", "could", "do", "did",
        "don", "know", "knew", "want", "believe", "hope", "feel", "felt", "say", "said", "mean",
        "guess", "love", "like", "went", "saw", "got", "just", "also", "really", "never", "must",
        "should", "may", "might", "need", "see", "told", "and",
    ];
    if after.is_empty() || after.starts_with([',', '.', ';', ':', ')', '\n']) {
        return true;
    }
    if possessive_len(after) > 0 {
        return true;
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let next = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    next.starts_with(|c: char| c.is_ascii_lowercase()) && !in_list(next, PRONOUN_NEXT)
}

/// Whether tokens `s` and `s + 1` name an Irish county (`County Antrim`, `County Durham`):
/// `County`, then a name no dictionary has (not `County Securities`).
fn irish_county(doc: &Doc, s: usize) -> bool {
    doc.word(s) == "County"
        && doc
            .toks
            .get(s + 1)
            .is_some_and(|t| t.has(CAP) && !t.has(DICT | ORG_HEAD | ALL_CAPS))
}

/// The kind a name's inner link gives it: `Inzamam-ul-Haq`, `Ata-ur-Rehman` are people's
/// names; `Chester-le-Street`, `Stoke-on-Trent`, `Aix-en-Provence`, `Boulogne-sur-Mer` are
/// places'.
fn linked_name(word: &str) -> Option<EntityKind> {
    const PERSON_LINKS: &[&str] = &["ul", "ur", "ud", "uz", "us"];
    const PLACE_LINKS: &[&str] = &[
        "le", "la", "les", "on", "upon", "under", "in", "by", "super", "en", "sur", "sous",
    ];
    let mut parts = word.split('-');
    let first = parts.next()?;
    let last = parts.next_back()?;
    let capital = |p: &str| p.len() > 1 && p.starts_with(|c: char| c.is_uppercase());
    if !capital(first) || !capital(last) {
        return None;
    }
    let links: Vec<&str> = parts.collect();
    let link = |list: &[&str]| links.iter().any(|l| list.contains(l));
    match links.len() {
        1 if link(PERSON_LINKS) => Some(EntityKind::Person),
        1..=3 if link(PLACE_LINKS) => Some(EntityKind::Place),
        _ => None,
    }
}

/// Whether a journey's words and `to` come right before token `s` (`travel to Tel Aviv`, `the
/// flight to Kishinev`): where the word at `s` names a place, not a team.
fn journey_to(doc: &Doc, s: usize) -> bool {
    const JOURNEY: &[&str] = &[
        "travel",
        "travels",
        "travelled",
        "traveled",
        "travelling",
        "journey",
        "flight",
        "fly",
        "flew",
        "flown",
        "drive",
        "drove",
        "trip",
        "visit",
        "headed",
        "heading",
    ];
    let toks = &doc.toks;
    let lower = |k: usize| !toks[k].has(CAP | BREAK);
    s > 1
        && !toks[s].has(BREAK)
        && lower(s - 1)
        && doc.word(s - 1) == "to"
        && lower(s - 2)
        && in_list(doc.word(s - 2), JOURNEY)
}

/// The firm of the story that the English word opening a sentence at `s` is the first word
/// of, before what firms do (`Beryllium said`, `Continental also said` after `Beryllium
/// International Corp`, `Continental Airlines`): a short form the sentence start would drop.
fn firm_by_first_word(doc: &Doc, col: &Collector, s: usize) -> Option<String> {
    const DOES: &[&str] = &[
        "said",
        "says",
        "also",
        "will",
        "would",
        "has",
        "had",
        "is",
        "was",
        "reported",
        "announced",
        "added",
        "agreed",
        "expects",
        "plans",
        "earlier",
    ];
    let t = &doc.toks[s];
    let does = || {
        doc.toks.get(s + 1).is_some_and(|n| !n.has(CAP | BREAK)) && in_list(doc.word(s + 1), DOES)
    };
    if !(t.has(SENT) && t.has(DICT) && !t.has(COMMON | TITLE | ALL_CAPS) && does()) {
        return None;
    }
    // A surname is the person's (`Miller said`) unless the firm speaks as `it` (`Baker said
    // it has not obtained`); a country is the country (`China has signed`, where the story
    // names `China National Offshore Oil Corp`).
    let it = || doc.toks.get(s + 2).is_some_and(|n| !n.has(CAP)) && doc.word(s + 2) == "it";
    if t.has(SURNAME | FIRST) && !it() {
        return None;
    }
    let firm = col.org_begun_by(doc.word(s))?;
    // `analyst William Smith of Smith Barney ... Smith said`: the person's.
    if col.is_person_last_word(doc.word(s), &mut doc.key.borrow_mut()) {
        return None;
    }
    (!gazetteer().countries.contains(&key_string(doc.word(s)))).then(|| firm.to_string())
}

/// Whether token `k` is the first word of its line (only whitespace before it there).
fn opens_line(doc: &Doc, k: usize) -> bool {
    // Back to the first character that is not a space: a scan to the line's start showed in
    // profiles of long table rows.
    (doc.text[..doc.toks[k].start].chars().rev())
        .find(|&c| c == '\n' || !c.is_whitespace())
        .is_none_or(|c| c == '\n')
}

/// Whether the run `s..=e` opens a row of a league table: its line goes on with four numbers
/// or more and nothing else (`Lens 4 4 0 0 9 3 12`, `Brisbane 21 15 1 5 2123 1631 130.2 62`).
fn standings_row(doc: &Doc, s: usize, e: usize) -> bool {
    if !doc.tables || !opens_line(doc, s) {
        return false;
    }
    let rest = doc.text[doc.toks[e].end..].split('\n').next().unwrap_or("");
    let number = |w: &str| {
        w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'/' | b'%'))
    };
    let mut count = 0;
    for word in rest.split_whitespace() {
        if !number(word) {
            return false;
        }
        count += 1;
    }
    count >= 4
}

/// The length of the possessive `'s` (or `’s`) that `after` opens with, ending a word; 0
/// when it opens with none.
fn possessive_len(after: &str) -> usize {
    let len = if after.starts_with("'s") {
        2
    } else if after.starts_with("\u{2019}s") {
        4
    } else {
        return 0;
    };
    let ends = !after[len..].starts_with(|c: char| c.is_alphanumeric());
    if ends {
        len
    } else {
        0
    }
}

/// The span `(start, end)` widened over a lower-case word joined to it by a hyphen on
/// either side: `held` of `Serb-held`, `post` of `post-Soviet`.
fn hyphened(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let lower_word = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    let after = text[end..].strip_prefix('-').map_or(0, |rest| {
        let word = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if lower_word(word) {
            word.len() + 1
        } else {
            0
        }
    });
    let before = text[..start].strip_suffix('-').map_or(0, |rest| {
        let word = rest
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let open = rest.len() == word.len()
            || rest[..rest.len() - word.len()].ends_with(char::is_whitespace);
        if lower_word(word) && open {
            word.len() + 1
        } else {
            0
        }
    });
    (start - before, end + after)
}

/// The first byte offset of `needle` in `hay`, ASCII case aside, at word boundaries.
fn find_ignoring_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    let word = |b: u8| b.is_ascii_alphanumeric();
    let (lower, upper) = (n[0].to_ascii_lowercase(), n[0].to_ascii_uppercase());
    // The first byte in either case by `memchr2`: a byte loop over a whole story per name
    // showed in profiles.
    memchr::memchr2_iter(lower, upper, &h[..=h.len() - n.len()]).find(|&at| {
        h[at..at + n.len()].eq_ignore_ascii_case(n)
            && (at == 0 || !word(h[at - 1]))
            && h.get(at + n.len()).is_none_or(|&b| !word(b))
            && hay.is_char_boundary(at)
            && hay.is_char_boundary(at + n.len())
    })
}

/// Whether a stock ticker in angle brackets follows byte `end` (` <RAD>`, ` <SHLM.O>`,
/// ` <VOLV ST>`), on the same line or the next.
fn ticker_after(text: &str, end: usize) -> bool {
    (text[end..]
        .strip_prefix(" <")
        .or(text[end..].strip_prefix("\n<")))
    .and_then(ticker_len)
    .is_some()
}

/// The length of the ticker that `rest` opens, up to its closing `>`: capitals, digits and
/// dots, and a space before a foreign exchange's code (`VOLV ST`).
fn ticker_len(rest: &str) -> Option<usize> {
    let len = rest.find('>').filter(|&n| (1..=12).contains(&n))?;
    let ticker = &rest.as_bytes()[..len];
    (ticker[0] != b' '
        && ticker
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.' || b == b' '))
    .then_some(len)
}

/// The last token of the ticker that token `i` opens, right after a name (`Volvo <VOLV
/// ST>`).
fn ticker_of_firm(doc: &Doc, i: usize) -> Option<usize> {
    let start = doc.toks[i].start;
    if start < 2 || !matches!(&doc.text.as_bytes()[start - 2..start], b" <" | b"\n<") {
        return None;
    }
    let close = start + ticker_len(&doc.text[start..])?;
    (i..doc.toks.len())
        .take_while(|&k| doc.toks[k].end <= close)
        .last()
        .filter(|&k| doc.toks[k].end == close)
}

/// Whether a day of the month follows token `e`: digits or a day in words (`May eight`).
fn day_after(doc: &Doc, e: usize) -> bool {
    let after = doc.text[doc.toks[e].end..].trim_start_matches([' ', '\t', '\n']);
    let at = doc.text.len() - after.len();
    after.starts_with(|c: char| c.is_ascii_digit())
        || (doc.toks.get(e + 1))
            .is_some_and(|t| t.start == at && in_list(doc.word(e + 1), DAY_WORDS))
}

/// Whether token `i` is a surname: a frequent one, or one that is an English word too
/// (`Woods`, `Baker`).
fn surname(doc: &Doc, g: &Gazetteer, i: usize) -> bool {
    doc.toks[i].has(SURNAME) || g.surname_words.contains(&key_string(doc.word(i)))
}

fn col_sports(doc: &Doc) -> bool {
    doc.sports
}

/// Whether a headline announces a sports story (`SOCCER - JAPAN GET LUCKY WIN`).
fn is_sports_title(title: &str) -> bool {
    in_list(sport_word(title), SPORTS)
}

/// The word of a sports headline that names its sport: its first (`SOCCER - ...`), but
/// `football` for `AUSTRALIAN RULES FOOTBALL - ...`.
fn sport_word(title: &str) -> &str {
    let rules = title.trim_start().get(..16);
    if rules.is_some_and(|r| r.eq_ignore_ascii_case("australian rules")) {
        "football"
    } else {
        first_word(title)
    }
}

/// The North American major leagues ([`league_bit`]) of the sport a sports headline names
/// (`BASEBALL - ORIOLES WIN`, `ICE HOCKEY - ...`).
fn title_leagues(title: &str) -> u8 {
    let mut words = title.split_whitespace();
    let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let league = if is(first, "baseball") {
        "MLB"
    } else if is(first, "basketball") || is(first, "nba") {
        "NBA"
    } else if is(first, "nfl") || is(first, "american") && is(second, "football") {
        "NFL"
    } else if is(first, "nhl") || is(first, "hockey") || is(first, "ice") && is(second, "hockey") {
        "NHL"
    } else {
        ""
    };
    league_bit(league)
}

/// The first word of `text`.
fn first_word(text: &str) -> &str {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

impl Doc<'_> {
    #[inline]
    fn word(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// The text of tokens `s..=e`, as written.
    #[inline]
    fn raw(&self, s: usize, e: usize) -> &str {
        &self.text[self.toks[s].start..self.toks[e].end]
    }

    /// The surface form of tokens `s..=e`, whitespace collapsed, and none before a dot
    /// (`John F . Kennedy` is `John F. Kennedy`).
    fn surface(&self, s: usize, e: usize) -> Cow<'_, str> {
        let raw = self.raw(s, e);
        // Most names are ASCII words a single space apart: their surface is the text itself.
        let b = raw.as_bytes();
        let spaced = b.iter().enumerate().all(|(i, &c)| {
            c > b' ' && c < 0x80
                || c == b' ' && i > 0 && b[i - 1] != b' ' && b.get(i + 1) != Some(&b'.')
        });
        if spaced && b.last() != Some(&b' ') {
            return Cow::Borrowed(raw);
        }
        let mut out = String::with_capacity(raw.len());
        for (n, part) in raw.split_whitespace().enumerate() {
            if n > 0 && !part.starts_with('.') {
                out.push(' ');
            }
            out.push_str(part);
        }
        Cow::Owned(out)
    }

    /// Byte range of tokens `s..=e` in the text.
    #[inline]
    fn span(&self, s: usize, e: usize) -> (usize, usize) {
        (self.toks[s].start, self.toks[e].end)
    }

    fn all(&self, s: usize, e: usize, f: u32) -> bool {
        self.toks[s..=e].iter().all(|t| t.has(f))
    }
}

impl EntityExtractor {
    /// An extractor with the built-in alias table and gazetteers.
    pub fn new() -> Self {
        Self::with_aliases(AliasTable::builtin())
    }

    /// An extractor with this alias table (merge user aliases into
    /// [`AliasTable::builtin`] first to keep the built-in ones) and the built-in gazetteers.
    pub fn with_aliases(aliases: AliasTable) -> Self {
        let g = gazetteer(); // build the lists now rather than on the first article
        let heads = aliases
            .keys()
            .chain(g.places.keys().map(String::as_str))
            .filter_map(|key| key.split_once(' ').map(|(head, _)| head.to_string()))
            .collect();
        let mut names: HashMap<Box<[u8]>, Named> = HashMap::default();
        for (key, info) in aliases.key_infos() {
            names.entry(key.as_bytes().into()).or_default().alias = Some(info);
        }
        for (key, place) in &g.places {
            names.entry(key.as_bytes().into()).or_default().place = Some(*place);
        }
        for (key, team) in &g.team_nicknames {
            names.entry(key.as_bytes().into()).or_default().team = Some(*team);
        }
        EntityExtractor {
            aliases,
            heads: Arc::new(heads),
            names: Arc::new(names),
        }
    }

    /// The alias table used for resolution.
    pub fn aliases(&self) -> &AliasTable {
        &self.aliases
    }

    /// Extracts and resolves the entities of one article (`title` may be `None`).
    ///
    /// Mentions in the title count. The result is sorted by mentions (most first), then
    /// by name.
    pub fn extract(&self, title: Option<&str>, body: &str) -> Vec<Entity> {
        self.run(title, body, None, false).entities
    }

    /// [`extract`](Self::extract) for an article in `language` (an ISO 639-1 code, as
    /// [`crate::language`] detects it; `None` when unknown). The rules read English: they take
    /// a capitalised word inside a sentence for a name, and a capitalised word that opens one
    /// for a name unless English has it. In another language (`de` capitalises every noun,
    /// `ru` and `pt` open sentences with words English lacks) that yields mostly such words,
    /// so only the entities the built-in lists know are kept there: an alias of the table, a
    /// place or country of the gazetteer, a demonym, and a person named in full whose first
    /// name is a given name of the lists (`Max Verstappen`). A place of one word that the
    /// article writes in lower case more often than as a name is a word of its language there
    /// (`Kita`, a city in Japan, opening a sentence of an Indonesian page that says `kita`, we).
    ///
    /// # Example
    /// ```
    /// use dateline_core::entities::EntityExtractor;
    ///
    /// let text = "Die Patienten in Frankfurt nutzen die elektronische Akte. Max Verstappen gewann.";
    /// let names = |found: Vec<dateline_core::Entity>| -> Vec<String> {
    ///     found.into_iter().map(|e| e.name).collect()
    /// };
    /// let extractor = EntityExtractor::new();
    /// assert!(names(extractor.extract(None, text)).contains(&"Patienten".to_string()));
    /// let german = names(extractor.extract_in(None, text, Some("de")));
    /// assert_eq!(german, ["Frankfurt", "Max Verstappen"]);
    /// ```
    pub fn extract_in(
        &self,
        title: Option<&str>,
        body: &str,
        language: Option<&str>,
    ) -> Vec<Entity> {
        self.run(title, body, language, false).entities
    }

    /// Mentions of one article with byte offsets into `title` or `body`, typed by the entity
    /// they resolve to, in text order (title first).
    ///
    /// # Example
    /// ```
    /// use dateline_core::entities::{EntityExtractor, EntityKind, MentionField};
    ///
    /// let body = "Philip Hammond met John Kerry in London. Hammond spoke.";
    /// let mentions = EntityExtractor::new().mentions(None, body);
    /// let hammond: Vec<_> = mentions.iter().filter(|m| m.entity == "Philip Hammond").collect();
    /// assert_eq!(hammond.len(), 2);
    /// assert_eq!(&body[hammond[1].start..hammond[1].end], "Hammond");
    /// assert_eq!(hammond[1].field, MentionField::Body);
    /// assert!(mentions.iter().any(|m| m.text == "London" && m.kind == EntityKind::Place));
    /// ```
    pub fn mentions(&self, title: Option<&str>, body: &str) -> Vec<Mention> {
        self.analyze(title, body).mentions
    }

    /// Extracts both the resolved entities and their mentions (what [`extract`](Self::extract)
    /// and [`mentions`](Self::mentions) return) in one pass.
    pub fn analyze(&self, title: Option<&str>, body: &str) -> Extraction {
        self.run(title, body, None, true)
    }

    /// [`analyze`](Self::analyze) for an article in `language`, as
    /// [`extract_in`](Self::extract_in) reads it.
    pub fn analyze_in(
        &self,
        title: Option<&str>,
        body: &str,
        language: Option<&str>,
    ) -> Extraction {
        self.run(title, body, language, true)
    }

    /// [`extract_in`](Self::extract_in) that returns an error where a bug of the extractor
    /// would panic, so that one article cannot stop a program that reads many (`dateline
    /// index` gives such an article without entities and says so).
    ///
    /// # Example
    /// ```
    /// use dateline_core::entities::EntityExtractor;
    ///
    /// let found = EntityExtractor::new().try_extract_in(None, "Kerry flew to Vienna.", Some("en"));
    /// assert!(found.is_ok_and(|entities| entities.iter().any(|e| e.name == "Vienna")));
    /// ```
    pub fn try_extract_in(
        &self,
        title: Option<&str>,
        body: &str,
        language: Option<&str>,
    ) -> Result<Vec<Entity>, ExtractionFailed> {
        self.try_run(title, body, language, false)
            .map(|found| found.entities)
    }

    /// [`analyze_in`](Self::analyze_in) that returns an error where a bug of the extractor
    /// would panic, as [`try_extract_in`](Self::try_extract_in) does.
    pub fn try_analyze_in(
        &self,
        title: Option<&str>,
        body: &str,
        language: Option<&str>,
    ) -> Result<Extraction, ExtractionFailed> {
        self.try_run(title, body, language, true)
    }

    /// [`run`](Self::run) with a panic caught. The extractor holds no state a panic could
    /// leave half-changed: the per-thread buffers are cleared before each article.
    fn try_run(
        &self,
        title: Option<&str>,
        body: &str,
        language: Option<&str>,
        mentions: bool,
    ) -> Result<Extraction, ExtractionFailed> {
        std::panic::catch_unwind(AssertUnwindSafe(|| {
            self.run(title, body, language, mentions)
        }))
        .map_err(ExtractionFailed::from_panic)
    }

    /// [`analyze_in`](Self::analyze_in) with this thread's buffers; the mentions are left
    /// empty unless `mentions` is set (indexing needs only the entities, and building the
    /// mentions allocates two strings each).
    fn run(
        &self,
        title: Option<&str>,
        body: &str,
        language: Option<&str>,
        mentions: bool,
    ) -> Extraction {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::new());
        }
        let mut found = SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.analyze_with(title, body, &mut scratch, mentions),
            // Taken only by a call on this thread that has not returned: none does so today.
            Err(_) => self.analyze_with(title, body, &mut Scratch::new(), mentions),
        });
        if language.is_some_and(|l| l != "en") {
            self.keep_known(&mut found, title, body);
        }
        found
    }

    /// Keeps the entities of `found` (and their mentions) that the lists know, without the
    /// English reading of capitals: see [`extract_in`](Self::extract_in).
    fn keep_known(&self, found: &mut Extraction, title: Option<&str>, body: &str) {
        let g = gazetteer();
        // A one-word place that the article writes in lower case more often than as a name
        // is a word of its language (`kita`, Indonesian for `we`, is the city `Kita` where it
        // opens a sentence); a place named in a line of lower-case tags stays one.
        let common_word = |name: &str| {
            let lower = name.to_lowercase();
            let (mut as_word, mut as_name) = (0, 0);
            let words = (title.into_iter().chain([body]))
                .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()));
            for w in words {
                as_word += usize::from(w == lower);
                as_name += usize::from(w == name);
            }
            as_word > as_name
        };
        let known = |e: &Entity| {
            let key = normalize_key(&e.name);
            if !e.name.contains(' ') && g.places.contains_key(&key) && common_word(&e.name) {
                return false;
            }
            let first_name = || {
                let mut words = e.name.split_whitespace();
                let first = words.next().map(normalize_key);
                words.next().is_some() && first.is_some_and(|w| g.first_names.contains(&w))
            };
            // An entity the table resolved bears its canonical name; another name that only
            // reads as an alias in any case (`Eu`, Portuguese for `I`) is not one.
            self.aliases
                .resolve(&e.name)
                .is_some_and(|(name, _)| name == e.name)
                || g.places.contains_key(&key)
                || g.countries.contains(&key)
                || e.place().is_some()
                || (e.kind == EntityKind::Person && first_name())
        };
        found.entities.retain(known);
        let kept: HashSet<(EntityKind, &str)> = (found.entities.iter())
            .map(|e| (e.kind, e.name.as_str()))
            .collect();
        let mentions = std::mem::take(&mut found.mentions);
        found.mentions = (mentions.into_iter())
            .filter(|m| kept.contains(&(m.kind, m.entity.as_str())))
            .collect();
    }

    /// [`run`](Self::run) with these buffers.
    fn analyze_with(
        &self,
        title: Option<&str>,
        body: &str,
        scratch: &mut Scratch,
        mentions: bool,
    ) -> Extraction {
        let g = gazetteer();
        let mut col = std::mem::take(&mut scratch.col);
        col.clear();
        #[cfg(test)]
        tests::fail_on_marker(body);
        let sports = title.is_some_and(is_sports_title);
        let team_sport = sports && title.is_some_and(|t| in_list(sport_word(t), TEAM_SPORTS));
        let leagues = title.map_or(0, title_leagues);
        let digest = title.is_some_and(|t| {
            t.trim_start()
                .get(..12)
                .is_some_and(|w| w.eq_ignore_ascii_case("press digest"))
        });
        let tables =
            team_sport && title.is_some_and(|t| !sport_word(t).eq_ignore_ascii_case("cricket"));
        // A text all in capitals is read in the case guessed for it (same offsets); the
        // mentions still quote the text as given, which `finish` slices.
        let cased_body = truecase::shouted(body).then(|| self.truecase(body));
        let cased_title = title
            .filter(|t| cased_body.is_some() && all_caps(t))
            .map(|t| self.truecase(t));
        let (given_title, given_body) = (title, body);
        let title = cased_title.as_deref().or(title);
        let body = cased_body.as_deref().unwrap_or(body);
        if let Some(title) = title {
            // An all-caps headline is read in the all-caps-line mode (known names only).
            let shouting = all_caps(title);
            let doc = Doc {
                text: title,
                toks: tokenize(title, !shouting && is_title_case(title), g, scratch),
                sports,
                team_sport,
                tables,
                leagues,
                key: RefCell::new(std::mem::take(&mut scratch.key)),
                body,
                cased: cased_title.is_some(),
                digest: false,
                lowered: Cell::new(None),
            };
            self.process(&doc, g, &mut col);
            scratch.toks = doc.toks;
            scratch.key = doc.key.into_inner();
        }
        col.field = MentionField::Body;
        let doc = Doc {
            text: body,
            toks: tokenize(body, false, g, scratch),
            sports,
            team_sport,
            tables,
            leagues,
            key: RefCell::new(std::mem::take(&mut scratch.key)),
            body: "",
            cased: cased_body.is_some(),
            digest,
            lowered: Cell::new(None),
        };
        self.process(&doc, g, &mut col);
        scratch.toks = doc.toks;
        scratch.key = doc.key.into_inner();
        let found = col.finish(given_title, given_body, mentions, &self.aliases);
        scratch.col = col;
        found
    }

    /// Whether a capitalised word that opens a sentence, and that English has, opens a name
    /// all the same (`New Zealand`, `Apple said`, `Bank of England`, `Woods was among`).
    fn stays_whole(&self, doc: &Doc, g: &Gazetteer, col: &mut Collector, i: usize) -> bool {
        let toks = &doc.toks;
        let n = toks.len();
        let t = &toks[i];
        (i + 1..n.min(i + 3))
            .take_while(|&k| capword(&toks[k]) && !toks[k].has(BREAK))
            .any(|k| self.known(doc, col, i, k).is_some() || self.misc_run(doc, i, k))
            || (i + 1 < n
                && capword(&toks[i + 1])
                && !toks[i + 1].has(BREAK)
                && self.broadcaster(doc, i, i + 1))
            // `Apple said`, `Pentagon officials said`: a known organisation alone
            // (no common word: `The`, `It`).
            || !t.has(COMMON)
                && self
                    .known(doc, col, i, i)
                    .is_some_and(|(_, kind)| kind == EntityKind::Organization)
            // `Credit Suisse will`, `Banque Paribas said`: a firm's foreign first
            // word.
            || (in_list(doc.word(i), ORG_FIRSTS)
                && toks.get(i + 1).is_some_and(|n| {
                    capword(n) && !n.has(BREAK | DICT | COMMON)
                }))
            // `Bank of New Zealand said`, `University of Pennsylvania researchers`:
            // a body's head word, `of` and a name.
            || (t.has(ORG_HEAD)
                && !in_list(doc.word(i), &["associates", "partners"])
                && toks.get(i + 1).is_some_and(|t| !t.has(CAP))
                && doc.word(i + 1) == "of"
                && toks.get(i + 2).is_some_and(|t| capword(t) && !t.has(COMMON)))
            // `House of Representatives`, `Bank of England` after `U.S.`.
            || (toks.get(i + 1).is_some_and(|t| t.has(CONNECTOR) && !t.has(CAP))
                && (i + 2..n.min(i + 4))
                    .take_while(|&k| capword(&toks[k]) && !toks[k].has(BREAK))
                    .any(|k| self.known(doc, col, i, k).is_some()))
            || (t.has(END_RUN) && self.possessive_firm(doc, col, i, i).is_some())
            || self.club_of_town(doc, col, i)
            // `Wolf Point MT 4.41`: a town before its state's postal code.
            || (i + 1..n.min(i + 3))
                .take_while(|&k| capword(&toks[k]) && !toks[k].has(BREAK))
                .any(|k| self.postal_state_after(doc, col, i, k).is_some())
            // `Orioles manager Davey Johnson` in a baseball story.
            || self.team_nickname(doc, col, i)
            // `Murat Yakin ( Grasshoppers )`: a name's club, party or country.
            || self.bracketed_after_name(doc, i)
            // `In Edinburgh : Hearts ( Scotland ) 1`: a team by its result.
            || self.team_cue(doc, col, i, i)
            // `Lens 4 4 0 0 9 3 12`, `Young Boys 5 ...`: a team in a league table.
            || (doc.tables
                && (i..n.min(i + 4))
                    .take_while(|&k| k == i || capword(&toks[k]) && !toks[k].has(BREAK))
                    .any(|k| standings_row(doc, i, k)))
            // `Euro 96 absentee`: a known title ending in a number.
            || (toks.get(i + 1).is_some_and(|n| {
                n.start == t.end + 1 && doc.word(i + 1).starts_with(|c: char| c.is_ascii_digit())
            }) && self.known(doc, col, i, i + 1).is_some())
            // `Ford Motor Co said`, `U.S. Food and Drug Administration`: capitalised
            // words (and `and`) up to an organisation's head word.
            || self.org_run_from(doc, col, i)
            // `First City said` after `First City Bancorporation`.
            || (i + 1 < n
                && capword(&toks[i + 1])
                && !toks[i + 1].has(BREAK)
                && col.org_begun_by(&doc.surface(i, i + 1)).is_some())
            || (i + 2 < n && self.partnership(doc, col, i, i + 2))
            // `Sears, Roebuck and Co said`: a firm named after its partners.
            || doc.text.as_bytes().get(t.end) == Some(&b',')
                && self.firm_after_comma(doc, i, i).is_some()
            // `Woods was among` after `Tiger Woods`.
            || col.is_person_last_word(doc.word(i), &mut doc.key.borrow_mut())
            // `Marks & Spencer has`, `Standard & Poor's said`: a firm of partners.
            || self.ampersand_firm(doc, col, i, i).is_some()
            // `Downing St said`, `Bond Street station`: a street or a feature named after a
            // word.
            || (!t.has(COMMON | ALL_CAPS)
                && !doc.cased
                && toks.get(i + 1).is_some_and(|n| capword(n) && !n.has(BREAK))
                && toks.get(i + 2).is_none_or(|n| !capword(n) || n.has(BREAK))
                && in_list(doc.word(i + 1), PLACE_HEADS))
            // `A Titterrell, D Bell`: an initial in a team sheet.
            || (i + 1 < n
                && capword(&toks[i + 1])
                && !toks[i + 1].has(BREAK)
                && self.listed_initial(doc, i))
            // `Tiger Woods, who made the cut`: two words, a person's by what follows.
            || (i + 1 < n
                && capword(&toks[i + 1])
                && !toks[i + 1].has(BREAK)
                && surname(doc, g, i + 1)
                && self.who_follows(doc, i + 1))
    }

    /// Chunks a text into capitalised runs and classifies each.
    fn process(&self, doc: &Doc, g: &Gazetteer, col: &mut Collector) {
        let toks = &doc.toks;
        let n = toks.len();
        let mut i = 0;
        while i < n {
            let t = &toks[i];
            // Most words are not capitalised, and only a capitalised one opens a run.
            if !t.has(CAP) {
                i += 1;
                continue;
            }
            // `@MattBevin`, `#TodayInSenatePlenary`, `t.co/XPxUJuyIAC`: handles, hashtags and
            // links are no names as written.
            if t.start > 0 && matches!(doc.text.as_bytes()[t.start - 1], b'@' | b'#' | b'/') {
                let chunk = doc.text[..t.start]
                    .rsplit([' ', '\n', '('])
                    .next()
                    .unwrap_or("");
                if !chunk.ends_with('/') || chunk.contains("://") || chunk.contains(".co/") {
                    i += 1;
                    continue;
                }
            }
            // `Volvo <VOLV ST>`: a ticker names the firm before it, and is no name of its own
            // when the firm's kind is not settled yet.
            if let Some(e) = ticker_of_firm(doc, i) {
                if let Some(firm) = col.mention_ending_at(doc.toks[i].start - 2) {
                    if let Some(firm) = firm.map(str::to_string) {
                        self.emit(doc, col, &firm, EntityKind::Organization, i, e);
                    }
                    i = e + 1;
                    continue;
                }
            }
            if let Some(e) = self.dateline_town(doc, col, i) {
                match self.known(doc, col, i, e) {
                    Some((canonical, kind)) => {
                        let canonical = canonical.into_owned();
                        self.emit(doc, col, &canonical, kind, i, e);
                    }
                    None => {
                        let name = title_case(&doc.surface(i, e));
                        col.pend_cued(name, EntityKind::Place, doc.span(i, e));
                    }
                }
                i = e + 1;
                continue;
            }
            if let Some(e) = self.digest_paper(doc, i) {
                let name = match self.known(doc, col, i, e) {
                    Some((canonical, EntityKind::Organization)) => canonical.into_owned(),
                    _ => title_case(&doc.surface(i, e)),
                };
                self.emit(doc, col, &name, EntityKind::Organization, i, e);
                i = e + 1;
                continue;
            }
            if t.has(SKIP) {
                i = self.caps_line_run(doc, col, i);
                continue;
            }
            if let Some(e) = self.bracketed_firm(doc, i) {
                let name = match self.known(doc, col, i, e) {
                    Some((canonical, EntityKind::Organization)) => canonical,
                    _ => Cow::Borrowed(doc.text[t.start..toks[e].end].trim_end_matches('.')),
                };
                self.emit(doc, col, &name, EntityKind::Organization, i, e);
                i = e + 1;
                continue;
            }
            if let Some(e) = self.bracketed_law(doc, i) {
                let surface = doc.surface(i, e);
                self.emit(doc, col, &surface, EntityKind::Misc, i, e);
                i = e + 1;
                continue;
            }
            if let Some(e) = self.quoted_title(doc, col, i) {
                let surface = doc.surface(i, e);
                self.emit(doc, col, &surface, EntityKind::Misc, i, e);
                i = e + 1;
                continue;
            }
            if let Some((s, e, kind)) = self.the_title(doc, col, i) {
                // A paper is named without its article, as `the Guardian` writes it.
                let surface = doc.surface(s, e);
                let name = match kind {
                    EntityKind::Organization => surface.strip_prefix("The ").unwrap_or(&surface),
                    _ => &surface,
                };
                self.emit(doc, col, name, kind, s, e);
                i = e + 1;
                continue;
            }
            // `In Sofia : Levski Sofia 1`: a sentence's first `In` is the word, though a
            // given name too.
            if !capword(t) || doc.word(i) == "In" && (t.has(SENT) || opens_line(doc, i)) {
                i += 1;
                continue;
            }
            // `Beryllium said` after `Beryllium International Corp`, `Western said` after
            // `Western Tele-Communications Inc`.
            if let Some(firm) = firm_by_first_word(doc, col, i) {
                self.emit(doc, col, &firm, EntityKind::Organization, i, i);
                i += 1;
                continue;
            }
            // A title opens the run even at a sentence start (`Secretary of State George
            // Shultz said`, `U.S. Secretary of State ...`): classifying strips it, and a title
            // with no name after it yields nothing.
            // A demonym is one at a sentence start too (`French centre Philippe Sella`), but
            // not a region's adjective, a firm's short form as often (`Western said`,
            // `Southern California Edison`).
            let demonym = t.has(DEMONYM) && !doc.word(i).ends_with("ern");
            if sentence_common(t) && !t.has(TITLE) && !demonym {
                // `New Zealand`, `New York` at the start of a sentence stay whole.
                let whole = self.stays_whole(doc, g, col, i);
                if !whole {
                    i += 1;
                    continue;
                }
            }
            let mut j = i;
            loop {
                // `the Volvo Women's Open`, `Dubai Duty Free Men's Championship`: an event
                // goes on over whose it is.
                let gendered = || {
                    j > i
                        && in_list(doc.word(j), &["women", "men", "ladies"])
                        && ["'s ", "\u{2019}s ", "' "]
                            .iter()
                            .any(|p| doc.text[toks[j].end..].starts_with(p))
                        && toks.get(j + 1).is_some_and(capword)
                };
                // `Wendy's International <WEN>`, `Hudson's Bay <HBC>`: a firm's name goes on
                // over a possessive to a word before its ticker; not a place's or an
                // owner's (`Japan's Fujitsu <FUJT.T>`, `Icahn's Transworld Airlines`).
                let listed = || {
                    !toks[j].has(PLACE1 | DEMONYM)
                        && possessive_len(&doc.text[toks[j].end..]) > 0
                        && toks.get(j + 1).is_some_and(|t| capword(t) && t.has(DICT))
                        && ticker_after(doc.text, toks[j + 1].end)
                };
                let over_possessive = toks[j].has(END_RUN) && (gendered() || listed());
                if toks[j].has(END_RUN) && !over_possessive
                    || (toks[j].has(ABBR) && !self.abbr_goes_on(doc, j))
                    || ticker_after(doc.text, toks[j].end)
                {
                    break;
                }
                let next = j + 1;
                if next >= n || toks[next].has(BREAK) && !over_possessive {
                    break;
                }
                if capword(&toks[next]) {
                    // `Yuri Kushko\nTAVILDARA , Tajikistan`: a byline's line, then a
                    // dateline in capitals (not `U.S.\nGovernment`, `Bank\nNA`, wrapped).
                    if self.byline_then_dateline(doc, i, j) {
                        break;
                    }
                    j = next;
                    continue;
                }
                let joiner = toks[next].has(PARTICLE) || toks[next].has(CONNECTOR);
                if !joiner {
                    // `in` inside a name its acronym spells out: `Organisation for Security
                    // and Cooperation in Europe (OSCE)`.
                    // So is a known name's (`Organisation for Security and Cooperation in
                    // Europe` written without its acronym).
                    if doc.word(next) == "in"
                        && next + 1 < n
                        && capword(&toks[next + 1])
                        && !toks[next + 1].has(BREAK)
                    {
                        let known = (j > i)
                            .then(|| {
                                (next + 1..n.min(next + 6))
                                    .take_while(|&k| !toks[k].has(BREAK))
                                    .filter(|&k| capword(&toks[k]))
                                    .last()
                                    .and_then(|last| {
                                        (next + 1..=last).rev().find(|&k| {
                                            capword(&toks[k])
                                                && self.known(doc, col, i, k).is_some()
                                        })
                                    })
                            })
                            .flatten();
                        if let Some(k) = known {
                            j = k;
                        } else if (self.paren_acronyms(doc, next + 1).iter())
                            .any(|acr| self.initials_match(doc, i, next + 1, acr))
                        {
                            j = next + 1;
                        } else if let Some(k) = self.body_in_place(doc, col, i, next) {
                            j = k;
                        }
                    }
                    break;
                }
                // Up to two joiners (`of the`, `and the`, `de la`) before a capital.
                let mut k = next;
                if k + 1 < n
                    && !toks[k + 1].has(BREAK)
                    && (toks[k + 1].has(CONNECTOR) || toks[k + 1].has(PARTICLE))
                    && !capword(&toks[k + 1])
                {
                    k += 1;
                }
                if k + 1 < n
                    && !toks[k + 1].has(BREAK)
                    && !toks[k].has(END_RUN)
                    && capword(&toks[k + 1])
                {
                    j = k + 1;
                } else {
                    break;
                }
            }
            // `Windows 95`, `PlayStation 2`: a known title or product may end in a number, as
            // may a known name (`Number 10`, Downing Street).
            if j + 1 < n
                && toks[j + 1].start == toks[j].end + 1
                && !toks[j].has(END_RUN | MONTH | MONTH_ABBR)
                && doc.word(j + 1).as_bytes()[0].is_ascii_digit()
            {
                if let Some((name, kind)) = self.known(doc, col, i, j + 1) {
                    let name = name.into_owned();
                    self.emit(doc, col, &name, kind, i, j + 1);
                    i = j + 2;
                    continue;
                }
            }
            let firm = toks[j]
                .has(END_RUN)
                .then(|| self.possessive_firm(doc, col, i, j))
                .flatten();
            if let Some((from, end, name, kind)) = firm {
                // What precedes the name is read on its own (`Manhattan and the People's
                // Bank`: `Manhattan`).
                if let Some(p) = (i..from).rev().find(|&k| capword(&toks[k])) {
                    self.classify(doc, g, col, i, p, 0);
                }
                if end == j {
                    // The mention takes in the possessive its name ends in.
                    let (start, stop) = doc.span(from, j);
                    let stop = stop + possessive_len(&doc.text[stop..]);
                    col.emit(&name, kind, &doc.text[start..stop], (start, stop));
                } else {
                    self.emit(doc, col, &name, kind, from, end);
                }
                i = end + 1;
                continue;
            }
            if let Some(end) = self.comma_legal_form(doc, col, i, j) {
                // `National Amusements, Inc`: the firm is the run; its legal form goes with it.
                let name = match self.known(doc, col, i, j) {
                    Some((canonical, EntityKind::Organization)) => canonical,
                    _ => doc.surface(i, j),
                };
                self.emit(doc, col, &name, EntityKind::Organization, i, j);
                i = end + 1;
                continue;
            }
            if let Some(end) = self.firm_after_comma(doc, i, j) {
                // What precedes the firm's first partner is read on its own (`Jason
                // Benderly of`, `Salomon Brothers Inc and`).
                if j > i {
                    self.classify(doc, g, col, i, j - 1, 0);
                }
                let surface = doc.surface(j, end);
                // `Goldman, Sachs and Co` is the firm `Goldman Sachs` when that is an alias.
                let canonical = match self.firm_name(doc, col, j, end) {
                    Some(name) => name,
                    None => Cow::Borrowed(surface.trim_end_matches('.')),
                };
                self.emit(doc, col, &canonical, EntityKind::Organization, j, end);
                i = end + 1;
                continue;
            }
            if let Some((from, end)) = self.ampersand_firm(doc, col, i, j) {
                // What precedes the first partner is read on its own (`KPMG and Ernst &
                // Young`: `KPMG`).
                if from > i + 1 {
                    self.classify(doc, g, col, i, from - 2, 0);
                }
                let (name, kind) = self
                    .known(doc, col, from, end)
                    .unwrap_or((doc.surface(from, end), EntityKind::Organization));
                self.emit(doc, col, &name, kind, from, end);
                i = end + 1;
                continue;
            }
            // `anti-Rangoon Karen National Union`: what a group is against (or for) is a name
            // of its own, the group's after it.
            if let Some(k) = self.hyphen_object(doc, col, i, j) {
                self.classify(doc, g, col, i, k, 0);
                self.classify(doc, g, col, k + 1, j, 0);
            } else if let Some(p) = self.particle_before(doc, col, i, j) {
                // `lobbed van der Sar`, `said de Klerk's party`: a surname written with its
                // particle in lower case, no given name before it.
                match self.known(doc, col, p, i) {
                    Some((name, kind)) => {
                        let name = name.into_owned();
                        self.emit_known(doc, col, &name, kind, p, i);
                    }
                    None => {
                        let surface = doc.surface(p, i);
                        col.emit(&surface, EntityKind::Person, &surface, doc.span(p, i));
                    }
                }
                if j > i {
                    self.classify(doc, g, col, i + 2, j, 0);
                }
            } else {
                self.classify(doc, g, col, i, j, 0);
            }
            i = j + 1;
        }
    }

    /// The last token of a known place after the `in` at `at` that goes on the name of a
    /// body opening at `i` after its kind (`the pressure group Human Rights in China`).
    fn body_in_place(&self, doc: &Doc, col: &Collector, i: usize, at: usize) -> Option<usize> {
        let toks = &doc.toks;
        // A name of one word, a known one or one with its head word ends before `in` (`the
        // group Greenpeace in Britain`, `China Aviation Oil Holding Company in Beijing`).
        if i == 0
            || at < i + 2
            || toks[i - 1].has(CAP)
            || !in_list(doc.word(i - 1), BODY_NOUNS)
            || toks[i..at].iter().any(|t| t.has(ORG_HEAD))
            || self.known(doc, col, i, at - 1).is_some()
        {
            return None;
        }
        (at + 1..toks.len().min(at + 3))
            .take_while(|&k| toks[k].has(CAP) && (k == at + 1 || !toks[k].has(BREAK)))
            .filter(|&k| {
                matches!(
                    self.known(doc, col, at + 1, k),
                    Some((_, EntityKind::Place))
                )
            })
            .last()
    }

    /// The last word of a press digest's line in capitals that `i` opens: a paper's name
    /// (`AN-NAHAR`, `DIARIO 16`, `GACETA DE LOS NEGOCIOS`), of five words at most, none a
    /// date (not the dateline, `BEIRUT 1996-08-22`).
    fn digest_paper(&self, doc: &Doc, i: usize) -> Option<usize> {
        if !doc.digest || !opens_line(doc, i) {
            return None;
        }
        let start = doc.toks[i].start;
        let end = doc.text[start..]
            .find('\n')
            .map_or(doc.text.len(), |n| start + n);
        let line = doc.text[start..end].trim_end();
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        // Not a section's heading (`FRONT PAGE`, `BUSINESS PAGES`).
        let last = line.rsplit(' ').next().unwrap_or("");
        let date = |w: &str| w.len() > 3 && w.contains(|c: char| c.is_ascii_digit());
        if letters < 3
            || line.split_whitespace().count() > 5
            || line.chars().any(char::is_lowercase)
            || line.split_whitespace().any(date)
            || in_list(
                last,
                &["PAGE", "PAGES", "SECTION", "EDITORIAL", "EDITORIALS"],
            )
        {
            return None;
        }
        let stop = start + line.len();
        (i..doc.toks.len())
            .take_while(|&k| doc.toks[k].end <= stop)
            .last()
            .filter(|&e| doc.toks[e].end == stop)
    }

    /// Whether what follows the name `s..=e` in a story of a team sport whose tables name
    /// teams makes it a team's: its country in parentheses, then a score (`Sion ( Switzerland
    /// ) 0`), `win` and a score (`Brann win 5-2 on aggregate`), or, opening its line, a dash and
    /// its scorers with their minutes (`Brann - Mark Rutherford ( 5th )`). A player's country
    /// is followed by a minute or a name, not a score.
    fn team_cue(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> bool {
        // Not cricket's: its rows are players' (`Wasim Akram ( Pakistan ) 414`).
        if !doc.tables || s == e && in_list(doc.word(s), TABLE_WORDS) {
            return false;
        }
        let toks = &doc.toks;
        let score_at = |k: usize| {
            toks.get(k)
                .is_some_and(|t| doc.text.as_bytes()[t.start].is_ascii_digit())
        };
        let rest = &doc.text[toks[e].end..];
        let open = rest.len() - rest.trim_start_matches(' ').len();
        if rest[open..].starts_with('(') {
            // The parenthesis's bytes, from the text's start.
            let from = toks[e].end + open + 1;
            let Some(close) = doc.text[from..]
                .find(')')
                .filter(|&c| c < 40)
                .map(|c| from + c)
            else {
                return false;
            };
            let places = (e + 1..toks.len().min(e + 5)).take_while(|&k| toks[k].end <= close);
            // A score after it, or a draw's `v` on its line (`Casino Graz ( Austria ) v
            // Ekeren ( Belgium )`).
            let line_start = memchr::memrchr(b'\n', &doc.text.as_bytes()[..toks[s].start])
                .map_or(0, |at| at + 1);
            let line_end = memchr::memchr(b'\n', &doc.text.as_bytes()[close..])
                .map_or(doc.text.len(), |at| close + at);
            let draw = || doc.text[line_start..line_end].contains(" v ");
            return places.last().is_some_and(|last| {
                (doc.text[close + 1..]
                    .trim_start_matches(' ')
                    .starts_with(|c: char| c.is_ascii_digit())
                    || draw())
                    && matches!(
                        self.known(doc, col, e + 1, last),
                        Some((_, EntityKind::Place))
                    )
            });
        }
        // `Scorers :` / `Gloria Bistrita - Ilie Lazar ( 32nd )`: the team, then its scorers
        // and the minutes they scored in.
        if rest[open..].starts_with("- ") && opens_line(doc, s) {
            let line = rest.split('\n').next().unwrap_or("");
            return line.match_indices('(').any(|(at, _)| {
                line[at + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
            });
        }
        e + 1 < toks.len() && matches!(doc.word(e + 1), "win" | "won") && score_at(e + 2)
    }

    /// The paper the alias table names with its article (`The Times`, `The Independent`) that
    /// the word at `i`, after a lower-case `the`, is: where a paper's name ends a clause (`told
    /// the Times.`) or it reports (`the Independent said`), not `the Independent candidate`,
    /// `the Sun rose`; or in a list (`the Independent and the Times`).
    fn article_name(&self, doc: &Doc, i: usize) -> Option<&str> {
        const REPORTS: &[&str] = &[
            "said",
            "says",
            "reported",
            "reports",
            "quoted",
            "wrote",
            "writes",
            "revealed",
            "claimed",
            "newspaper",
            "paper",
            "daily",
            "columnist",
            "editor",
            "report",
            "story",
            "and",
            "or",
        ];
        // A text in capitals says nothing by them (`THE SUN NEVER GETS DOWN`).
        if i == 0 || doc.word(i - 1) != "the" || doc.cased {
            return None;
        }
        let ends = doc.text[doc.toks[i].end..].starts_with(['.', ',', ';', ':', ')', '"', '\''])
            || doc.toks.get(i + 1).is_none_or(|t| t.has(CAP | BREAK))
            || in_list(doc.word(i + 1), REPORTS);
        if !ends {
            return None;
        }
        let raw = &doc.text[doc.toks[i - 1].start..doc.toks[i].end];
        let buf = &mut *doc.key.borrow_mut();
        let mut stack = [0; STACK_KEY];
        match self.alias_of(lookup_key(raw, &mut stack, buf), false) {
            Some((name, EntityKind::Organization)) => Some(name),
            _ => None,
        }
    }

    /// Where the run `s..=e` after `anti-` or `pro-` parts, when it is not known whole: after
    /// the known name it opens with, or before a known name or a people's adjective.
    fn hyphen_object(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> Option<usize> {
        let t = &doc.toks[s];
        if e == s || s == 0 || t.start == 0 || doc.text.as_bytes()[t.start - 1] != b'-' {
            return None;
        }
        let prev = &doc.toks[s - 1];
        if prev.end + 1 != t.start || !matches!(doc.word(s - 1), "anti" | "pro" | "Anti" | "Pro") {
            return None;
        }
        if self.known(doc, col, s, e).is_some() {
            return None;
        }
        (s..e)
            .rev()
            .find(|&k| self.known(doc, col, s, k).is_some())
            .or_else(|| {
                // `anti-Saddam Iraqi National Congress`: the group's name is known or opens with
                // a people's adjective.
                (s + 1..=e)
                    .find(|&k| doc.toks[k].has(DEMONYM) || self.known(doc, col, k, e).is_some())
                    .map(|k| k - 1)
            })
    }

    /// A firm named by partners an ampersand apart: `Ernst & Young`, `Pratt & Whitney`,
    /// `Douglas & Lomason Co`. The first partner is the run `s..=e`, or its words after its last
    /// joiner; the firm goes on through the capitalised words after the ampersand. Returns the
    /// firm's first and last tokens. Not two names the lists know apart (`London & Paris`,
    /// `Apple & Google`), nor two everyday words (`Arts & Culture`, `Health & Safety`).
    fn ampersand_firm(
        &self,
        doc: &Doc,
        col: &Collector,
        s: usize,
        e: usize,
    ) -> Option<(usize, usize)> {
        let toks = &doc.toks;
        let next = toks.get(e + 1)?;
        if toks[e].has(END_RUN)
            || !next.has(CAP)
            || next.has(SKIP)
            || &doc.text[toks[e].end..next.start] != " & "
        {
            return None;
        }
        let from = (s..=e)
            .rev()
            .find(|&k| toks[k].has(CONNECTOR | PARTICLE) && !toks[k].has(CAP))
            .map_or(s, |k| k + 1);
        let mut last = e + 1;
        while !toks[last].has(END_RUN)
            && toks
                .get(last + 1)
                .is_some_and(|t| t.has(CAP) && !t.has(BREAK | SKIP | CONNECTOR))
        {
            last += 1;
        }
        // `Nenni & Co.`: a man and those with him, as TIME writes (in capitals); a firm in
        // other news (`Fahnestock & Co`).
        if doc.cased
            && last == e + 1
            && in_list(doc.word(last).trim_end_matches('.'), LEGAL_SUFFIXES)
        {
            return None;
        }
        if from > e || self.known(doc, col, from, last).is_some() {
            return (from <= e).then_some((from, last));
        }
        let named = |k: usize| !toks[k].has(DICT | COMMON) || toks[k].has(SURNAME | FIRST);
        // Two people: each named in full (`Matt Lucas & David Walliams`) or by a given name
        // alone (`Richard & Judy`).
        let person = |a: usize, b: usize| {
            let given = toks[a].has(FIRST);
            given && (a == b || !toks[b].has(ORG_HEAD))
        };
        let apart = self.known(doc, col, from, e).is_some()
            || self.known(doc, col, e + 1, last).is_some()
            || (person(from, e) && person(e + 1, last));
        (!apart && (from..=last).any(named)).then_some((from, last))
    }

    /// Whether the capitalised words from token `i`, a dictionary word opening a sentence,
    /// with `and` between two of them (`Food and Drug`), run to an organisation's head word:
    /// the run is a name from its first word (`Ford Motor Co`, `Banner Industries Inc`).
    fn org_run_from(&self, doc: &Doc, col: &Collector, i: usize) -> bool {
        let toks = &doc.toks;
        // `The Group of Seven`, `From The New York Times`: the run opens after a determiner
        // or another function word.
        if toks[i].has(COMMON) || in_list(doc.word(i), DETERMINERS) {
            return false;
        }
        // `Standard Oil Co`: `Oil` opens the title `Oil Minister`, which is not here.
        let capword = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.has(CAP)
                    && !t.has(SKIP | BREAK | ALL_CAPS | CONNECTOR | END_RUN | COMMON)
                    && !(t.has(TITLE) && self.title_at(doc, k))
            })
        };
        let mut j = i;
        loop {
            if capword(j + 1) {
                j += 1;
            } else if toks
                .get(j + 1)
                .is_some_and(|t| t.has(AND) && !t.has(CAP | BREAK))
                && capword(j + 2)
            {
                j += 2;
            } else {
                break;
            }
        }
        // `Distributor Sony Pictures`: a firm's name after the word opens after it (not
        // `New Democratic Party`, where a longer name holds a shorter one).
        let firm = |k: usize| {
            matches!(
                self.known(doc, col, k, k),
                Some((_, EntityKind::Organization))
            )
        };
        // `Soybean Oil --`, a heading: a title's first word is the head only after a name.
        j > i && toks[j].has(ORG_HEAD) && !toks[j].has(TITLE) && !(i + 1..j).any(firm)
    }

    /// A known firm whose name has a possessive in it (`Moody's Investors Service Inc`,
    /// `Standard and Poor's Corp`): the run `s..=e` ends in the possessive, which ends runs,
    /// and the capitalised words after it complete an organisation (or a contest) of the alias
    /// table, or name a body ([`possessive_body`](Self::possessive_body)). Returns the name's
    /// first and last tokens, the name and its kind.
    #[inline(never)]
    fn possessive_firm(
        &self,
        doc: &Doc,
        col: &Collector,
        s: usize,
        e: usize,
    ) -> Option<(usize, usize, String, EntityKind)> {
        let toks = &doc.toks;
        // The token stops before its possessive (`'s`, or a plural's `'`), and the next one
        // starts a new run.
        let poss = possessive_len(&doc.text[toks[e].end..]);
        if !toks[e].has(END_RUN) {
            return None;
        }
        // Only names of two words or more have a possessive inside, and their first word
        // heads one of them (`moody's` of `Moody's Investors Service`).
        let cap = |k: usize| {
            toks[k].has(CAP) && !toks[k].has(SKIP) && (k == e + 1 || !toks[k].has(BREAK))
        };
        let inside = (self.heads_name(doc, s))
            .then(|| {
                (e + 1..toks.len().min(e + 5))
                    .take_while(|&k| cap(k))
                    .last()
            })
            .flatten()
            .and_then(|last| {
                (e + 1..=last)
                    .rev()
                    .find_map(|k| match self.known(doc, col, s, k) {
                        // `European Cup Winners' Cup`, a contest.
                        Some((name, kind @ (EntityKind::Organization | EntityKind::Misc))) => {
                            Some((k, name.into_owned(), kind))
                        }
                        _ => None,
                    })
            });
        if let Some((k, name, kind)) = inside {
            return Some((s, k, name, kind));
        }
        if let Some((from, k, kind)) = self.possessive_body(doc, s, e, poss) {
            let name = doc.surface(from, k).into_owned();
            return Some((from, k, name, kind));
        }
        if poss == 0 {
            return None;
        }
        // `Moody's said`, `ate at McDonald's`: a firm named with its possessive.
        let whole = &doc.text[toks[s].start..toks[e].end + poss];
        let firm = {
            let mut stack = [0; STACK_KEY];
            let buf = &mut *doc.key.borrow_mut();
            let key = lookup_key(whole, &mut stack, buf);
            self.alias_of(key, false)
        };
        // Not a person's (`Christie's coach` after `Linford Christie`), nor a headline's the
        // story does not write (`Sainsbury's Labour election gift`, of Lord Sainsbury).
        let person = s == e && col.is_person_last_word(doc.word(s), &mut doc.key.borrow_mut());
        let unwritten = !doc.body.is_empty() && !doc.body.contains(whole);
        match firm {
            Some((name, EntityKind::Organization)) if !person && !unwritten => {
                Some((s, e, name.to_string(), EntityKind::Organization))
            }
            _ => None,
        }
    }

    /// The first and last words of a body's name that goes on past the possessive of token
    /// `e` (in the run `s..=e`): a people's or an officer's (`People's Liberation Army`,
    /// `Sheriff's Office`, `Farmers' Union`, `Royal Children's Hospital`), then capitalised
    /// words up to a head word; and its kind, a place's after a saint's or a monarch's
    /// possessive (`St Peter's Square`, `King's Cross`).
    fn possessive_body(
        &self,
        doc: &Doc,
        s: usize,
        e: usize,
        poss: usize,
    ) -> Option<(usize, usize, EntityKind)> {
        let toks = &doc.toks;
        let word = doc.word(e);
        // A plural of people (`Workers'`, `Employees'`, `Analysts'`), not a firm's or a
        // place's name (`General Motors'`, `Salomon Brothers'`, `Buenos Aires'`).
        let plural = || {
            let lower = word.to_ascii_lowercase();
            doc.text[toks[e].end..].starts_with('\'')
                && [
                    "ers", "ors", "sts", "ians", "ees", "ants", "ents", "ates", "etes",
                ]
                .iter()
                .any(|end| lower.ends_with(end))
                && !toks[e].has(PLACE1)
                && !matches!(lower.as_str(), "brothers" | "partners")
        };
        // `St Thomas' Hospital`, `St Mary's School`, `King's College`: a saint's or a
        // monarch's possessive opens a body's name too.
        let apostrophe = poss > 0 || doc.text[toks[e].end..].starts_with(['\'', '\u{2019}']);
        let hallowed = apostrophe && {
            let first = doc.word(s).trim_end_matches('.');
            s < e && in_list(first, &["st", "saint"])
                || s == e && poss > 0 && in_list(word, &["king", "queen"])
        };
        let opens = if poss > 0 {
            in_list(word, POSSESSIVE_BODIES)
        } else {
            plural()
        };
        if !(opens || hallowed) {
            return None;
        }
        // The capitalised words before it, through `of` (`Japan Federation of Employers'
        // Associations`) but after other joiners (`Manhattan and the People's Bank`).
        let start = (s..e)
            .rev()
            .find(|&k| doc.word(k) != "of" && (!toks[k].has(CAP) || toks[k].has(CONNECTOR)))
            .map_or(s, |k| k + 1);
        let cap = |k: usize| {
            toks[k].has(CAP) && !toks[k].has(SKIP) && (k == e + 1 || !toks[k].has(BREAK))
        };
        let place_head = |k: usize| {
            hallowed
                && (in_list(doc.word(k), PLACE_HEADS)
                    || in_list(doc.word(k), &["cross", "wood", "basilica"]))
        };
        let head = (e + 1..toks.len().min(e + 5))
            .take_while(|&k| cap(k))
            .filter(|&k| toks[k].has(ORG_HEAD) && !toks[k].has(TITLE) || place_head(k))
            .last()?;
        let kind = if toks[head].has(ORG_HEAD) {
            EntityKind::Organization
        } else {
            EntityKind::Place
        };
        // The name ends at its head, or goes on into a title (`Teachers' Union President`);
        // not into more of a name (`Critics' Circle Theatre Awards`).
        let mut end = head;
        if head + 1 < toks.len() && cap(head + 1) && !toks[head + 1].has(TITLE) {
            // `King's College London`: but a town after the head is the name's.
            let town = toks[head + 1].has(PLACE1) && !(head + 2 < toks.len() && cap(head + 2));
            if !town {
                return None;
            }
            end = head + 1;
        }
        // `People's Bank of China`, `Attorney's Office for the Western District of New York`:
        // the name goes on through `of` or `for` (and `the`) into capitalised words.
        while end + 2 < toks.len() && matches!(doc.word(end + 1), "of" | "for") {
            let mut k = end + 2;
            if doc.word(k) == "the" && k + 1 < toks.len() {
                k += 1;
            }
            let cap = |j: usize| toks[j].has(CAP) && !toks[j].has(BREAK | SKIP | CONNECTOR);
            if !cap(k) || toks[end + 1..k].iter().any(|t| t.has(BREAK)) {
                break;
            }
            end = (k..toks.len()).take_while(|&j| cap(j)).last().unwrap_or(k);
        }
        Some((start, end, kind))
    }

    /// Whether the first word of token `s` (up to whitespace) is the first word of a known
    /// name of two words or more.
    fn heads_name(&self, doc: &Doc, s: usize) -> bool {
        let first = doc.text[doc.toks[s].start..]
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let mut buf = doc.key.borrow_mut();
        self.heads.contains(key_of(first, &mut buf))
    }

    /// A firm named after its partners, a comma apart: `Goldman, Sachs and Co`, `Kidder,
    /// Peabody and Co`, `Donaldson, Lufkin and Jenrette Inc`. The first partner is the last
    /// word of the run `s..=e`, alone or after a joiner (`Jason Benderly of Goldman, Sachs and
    /// Co`); the firm goes on after the comma (and perhaps a line break) through `and` to a
    /// legal suffix, all within four words. Returns the firm's last token.
    fn firm_after_comma(&self, doc: &Doc, s: usize, e: usize) -> Option<usize> {
        let toks = &doc.toks;
        let next = toks.get(e + 1)?;
        let gap = &doc.text[toks[e].end..next.start];
        if gap.trim() != "," || gap.matches('\n').count() > 1 || !next.has(CAP) {
            return None;
        }
        let joiner = |t: &Tok| t.has(CONNECTOR) && !t.has(CAP);
        if e > s && !joiner(&toks[e - 1]) {
            return None;
        }
        // Opening a sentence, a partner's name is no frequent word (`Sears, Roebuck and Co
        // said`, not `However, Smith and Co`).
        if toks[e].has(ALL_CAPS) && !toks[e].has(FIRST | SURNAME)
            || toks[e].has(SENT) && toks[e].has(COMMON)
            || in_list(doc.word(e).trim_end_matches('.'), LEGAL_SUFFIXES)
        {
            return None;
        }
        let mut saw_and = false;
        for (k, t) in toks.iter().enumerate().take(e + 6).skip(e + 1) {
            if k > e + 1 && t.has(BREAK) {
                return None;
            }
            if t.has(AND) && !t.has(CAP) {
                saw_and = true;
            } else if !t.has(CAP) {
                return None;
            } else if saw_and && in_list(doc.word(k).trim_end_matches('.'), LEGAL_SUFFIXES) {
                return Some(k);
            }
        }
        None
    }

    /// The token of a legal form (`Inc`, `Ltd`, `Corp`) that follows the run `s..=e` after a
    /// comma, as firms write their names (`National Amusements, Inc`, `Global Marine, Inc.`),
    /// when the run is no known name of another kind.
    fn comma_legal_form(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> Option<usize> {
        let toks = &doc.toks;
        let k = e + 1;
        let next = toks.get(k)?;
        if doc.text[toks[e].end..next.start].trim() != ","
            || !matches!(
                doc.word(k).trim_end_matches('.'),
                "Inc" | "Ltd" | "Corp" | "LLC" | "Plc" | "PLC" | "GmbH" | "L.P" | "N.V" | "S.A"
            )
            || toks[s..=e].iter().any(|t| t.has(ALL_CAPS) && t.has(SKIP))
        {
            return None;
        }
        // The run is the firm's name alone: no title (`Senior Vice President of Sales for
        // Dräger, Inc`) and no other name joined to it (`Ceres Robotics and Tyvak Systems`).
        let joined = |k: usize| {
            !toks[k].has(CAP)
                && (toks[k].has(AND) || in_list(doc.word(k), &["for", "the", "in", "at", "on"]))
        };
        // Nor the last partner of a firm (`A.G. Edwards & Sons, Inc`, `Ferris, Baker Watts,
        // Inc`).
        let before = doc.text[..toks[s].start].trim_end();
        if (s..=e).any(joined)
            || self.find_title(doc, s, e).is_some()
            || before.ends_with(['&', ','])
            || s > 0 && doc.word(s - 1) == "and"
        {
            return None;
        }
        match self.known(doc, col, s, e) {
            Some((_, kind)) if kind != EntityKind::Organization => None,
            _ => Some(k),
        }
    }

    /// The alias of a firm found by [`firm_after_comma`](Self::firm_after_comma), looked up
    /// without its `and Co`: `Goldman, Sachs` is the alias `Goldman Sachs`.
    fn firm_name(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> Option<Cow<'_, str>> {
        let and = (s + 1..e).rev().find(|&k| doc.toks[k].has(AND))?;
        let name = self.known(doc, col, s, e).or_else(|| {
            // The key of `Goldman, Sachs` has no comma: the partners' names a space apart.
            let partners = format!("{} {}", doc.word(s), doc.surface(s + 1, and - 1));
            let (c, k) = self.aliases.resolve(&partners)?;
            Some((Cow::Borrowed(c), k))
        })?;
        (name.1 == EntityKind::Organization).then_some(name.0)
    }

    /// Whether the run goes on after the dotted abbreviation `j` (`U.S. Treasury`, `U.S.
    /// Open`, `U.S. Defense Logistics Agency`) rather than a new sentence starting.
    fn abbr_goes_on(&self, doc: &Doc, j: usize) -> bool {
        let toks = &doc.toks;
        let capword = |t: &Tok| t.has(CAP) && !t.has(SKIP | BREAK | CONNECTOR);
        let Some(next) = toks.get(j + 1).filter(|t| capword(t)) else {
            return false;
        };
        !next.has(DICT | COMMON)
            || next.has(ORG_HEAD)
            || in_list(doc.word(j + 1), MISC_HEADS)
            || toks
                .get(j + 2)
                .is_some_and(|t| capword(t) && !t.has(COMMON))
    }

    /// Alias table (local acronyms first), then gazetteer, for tokens `s..=e`.
    fn known(
        &self,
        doc: &Doc,
        col: &Collector,
        s: usize,
        e: usize,
    ) -> Option<(Cow<'_, str>, EntityKind)> {
        // Keys come from the text as written: normalising collapses its whitespace as the
        // surface form would. Nothing called here borrows the buffer again.
        let buf = &mut *doc.key.borrow_mut();
        let mut stack = [0; STACK_KEY];
        let key = lookup_key(doc.raw(s, e), &mut stack, buf);
        // Most articles define no acronym of their own: no key to check as a `str` then.
        if !col.local.is_empty() {
            let local = std::str::from_utf8(key)
                .ok()
                .and_then(|key| col.local.get(key));
            if let Some((c, k)) = local {
                return Some((Cow::Owned(c.clone()), *k));
            }
        }
        // A number is in capitals as its name is (`FTSE 100`).
        let caps = (doc.toks[s..=e].iter())
            .all(|t| t.has(ALL_CAPS) || doc.text.as_bytes()[t.start].is_ascii_digit());
        let named = self.names.get(key);
        // Before the alias table: `Spurs` is Tottenham Hotspur but in a basketball story.
        if let Some(team) = named
            .filter(|_| s == e)
            .and_then(|n| self.team_named(doc, col, n))
        {
            return Some((Cow::Borrowed(team), EntityKind::Organization));
        }
        if let Some((c, k)) = named.and_then(|named| self.answer(named, caps)) {
            return Some((Cow::Borrowed(c), k));
        }
        // `World War I.` ending a sentence is `World War I`.
        if e > s && doc.word(e).len() == 2 && doc.word(e).ends_with('.') {
            let raw = doc.raw(s, e);
            let key = lookup_key(&raw[..raw.len() - 1], &mut stack, buf);
            if let Some(found) = self.name_of(key, caps) {
                return Some((Cow::Borrowed(found.0), found.1));
            }
        }
        // `General Motors Corp` is `General Motors`, and `Wells Fargo and Co` is `Wells Fargo`.
        if e > s && in_list(doc.word(e).trim_end_matches('.'), LEGAL_SUFFIXES) {
            let and = e > s + 1 && doc.toks[e - 1].has(AND) && !doc.toks[e - 1].has(CAP);
            let key = lookup_key(doc.raw(s, e - 1 - usize::from(and)), &mut stack, buf);
            if let Some((c, EntityKind::Organization)) = self.alias_of(key, caps) {
                return Some((Cow::Borrowed(c), EntityKind::Organization));
            }
        }
        // `Zhejiang Province` is `Zhejiang`.
        if e > s && in_list(doc.word(e), PROVINCE_WORDS) {
            let key = lookup_key(doc.raw(s, e - 1), &mut stack, buf);
            if let Some((c, EntityKind::Place)) = self.name_of(key, caps) {
                return Some((Cow::Borrowed(c), EntityKind::Place));
            }
        }
        None
    }

    /// Whether tokens `s..=e` are a place the lists or the article know.
    fn known_place(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> bool {
        (self.known(doc, col, s, e)).is_some_and(|(_, kind)| kind == EntityKind::Place)
    }

    /// [`AliasTable::resolve_key`] of a normalised key, by the extractor's one table.
    fn alias_of(&self, key: &[u8], caps: bool) -> Option<(&str, EntityKind)> {
        let info = self.names.get(key)?.alias?;
        self.aliases.resolve_info(info, caps)
    }

    /// The alias entry of a normalised key ([`AliasTable::resolve_key`]), else the place it
    /// names: both tables answered by one lookup.
    fn name_of(&self, key: &[u8], caps: bool) -> Option<(&str, EntityKind)> {
        self.answer(self.names.get(key)?, caps)
    }

    /// The team a nickname that is an English word too names (`Orioles`, `Heat`): in a story
    /// of its league's sport, or after the team's full name in the article.
    fn team_named(&self, doc: &Doc, col: &Collector, named: &Named) -> Option<&'static str> {
        let (team, league) = named.team?;
        (doc.leagues & league != 0 || col.names_org(team)).then_some(team)
    }

    /// Whether the word at `i` is a team's nickname ([`team_named`](Self::team_named)).
    fn team_nickname(&self, doc: &Doc, col: &Collector, i: usize) -> bool {
        let mut buf = doc.key.borrow_mut();
        let key = key_of(doc.word(i), &mut buf);
        (self.names.get(key.as_bytes())).is_some_and(|n| self.team_named(doc, col, n).is_some())
    }

    /// What one entry of `names` answers: its alias entry, else its place.
    fn answer(&self, named: &Named, caps: bool) -> Option<(&str, EntityKind)> {
        named
            .alias
            .and_then(|info| self.aliases.resolve_info(info, caps))
            .or_else(|| named.place.map(|c| (c, EntityKind::Place)))
    }

    /// Classifies the run `s..=e` and records what it finds.
    fn classify(
        &self,
        doc: &Doc,
        g: &Gazetteer,
        col: &mut Collector,
        mut s: usize,
        mut e: usize,
        depth: u8,
    ) {
        if depth > 16 {
            return;
        }
        let toks = &doc.toks;
        // `United manager Alex Ferguson`, `Wednesday equalised`: the last word of a club of
        // the story stands for the club (a weekday's only opening a sentence or before `'s`).
        if s == e
            && !toks[s].has(ALL_CAPS)
            && in_list(doc.word(s), CLUB_TAILS)
            && (!toks[s].has(MONTH)
                || toks[s].has(SENT)
                || doc.text[toks[s].end..].starts_with(['\'', '\u{2019}']))
        {
            if let Some(club) = col.org_ended_by(doc.word(s)).map(str::to_string) {
                self.emit(doc, col, &club, EntityKind::Organization, s, e);
                return;
            }
        }
        // `Post-Christmas lull`, `Anti-Japanese feeling` opening a sentence: a prefix
        // capitalised by its place alone, then a word that is a people's (as `anti-Japanese`
        // is), a place's (`Mid-Atlantic`, `Pro-Moscow`) or no name at all (not `Pro-Life
        // Alliance`).
        if s == e && toks[s].has(SENT) {
            let word = doc.word(s);
            if let Some((prefix, rest)) = word.split_once('-') {
                if in_list(prefix, CAPITAL_PREFIXES) && starts_upper(rest) {
                    let bits = lexicon_bits(&key_string(rest));
                    if bits & PLACE1 != 0 && prefix.eq_ignore_ascii_case("mid") {
                        self.emit(doc, col, word, EntityKind::Place, s, e);
                    } else if bits & DEMONYM != 0 {
                        self.emit(doc, col, &demonym_canonical(rest), EntityKind::Misc, s, e);
                    } else if bits & PLACE1 != 0 {
                        // `Pro-Moscow leaders`: a stance, as CoNLL tags it.
                        self.emit(doc, col, word, EntityKind::Misc, s, e);
                    }
                    return;
                }
            }
        }
        // `Wendy's stock` after `Wendy's International <WEN>`: a firm named by its
        // possessive first word; not a title's (`The King's Speech` after `King's College`).
        if s == e && toks[s].has(END_RUN) && !toks[s].has(TITLE) {
            let after = &doc.text[toks[s].end..];
            let len = possessive_len(after);
            if len > 0 {
                let named = &doc.text[toks[s].start..toks[s].end + len];
                if let Some(firm) = col.org_begun_by(named).map(str::to_string) {
                    self.emit(doc, col, &firm, EntityKind::Organization, s, e);
                    return;
                }
            }
        }
        // `Att: 47,111`: a match report's attendance.
        if s == e && doc.word(s) == "Att" && doc.text[toks[s].end..].starts_with(':') {
            return;
        }
        if self.entrant_team(doc, s) {
            // The row ends the name (`Honda` over `Second heat` on the next line).
            let end = (s..e)
                .find(|&k| doc.text[toks[k].end..toks[k + 1].start].contains('\n'))
                .unwrap_or(e);
            let (name, kind) = match self.known(doc, col, s, end) {
                Some((name, EntityKind::Organization)) => {
                    (name.into_owned(), EntityKind::Organization)
                }
                // `Toyota Celica`, `Subaru Impreza`: a maker's model, a product.
                _ if end == s + 1
                    && matches!(
                        self.known(doc, col, s, s),
                        Some((_, EntityKind::Organization))
                    ) =>
                {
                    (doc.surface(s, end).into_owned(), EntityKind::Misc)
                }
                _ => (doc.surface(s, end).into_owned(), EntityKind::Organization),
            };
            self.emit(doc, col, &name, kind, s, end);
            if end < e {
                self.classify(doc, g, col, end + 1, e, depth + 1);
            }
            return;
        }
        // Trim months, weekdays and dangling joiners at the edges.
        loop {
            if s > e {
                return;
            }
            let (ts, te) = (&toks[s], &toks[e]);
            // Not a known name's (`Sunday Express`, `March of Dimes`).
            let opens_known = || {
                (s + 1..=e.min(s + 3)).any(|k| {
                    (k == e || !toks[k + 1].has(CAP)) && self.known(doc, col, s, k).is_some()
                })
            };
            if ts.has(MONTH) && !opens_known()
                || ts.has(CONNECTOR | PARTICLE) && !ts.has(CAP)
                // `Copyright Gannett`: a page's words about the text.
                || ts.has(DICT) && in_list(doc.word(s), PAGE_WORDS)
                // Not `Britain's Sun newspaper`.
                || (s == e && ts.has(MONTH_ABBR) && !self.publication_after(doc, e))
                // `7:07 PM EST`: the time of day before its zone; `Deputy PM John Prescott`.
                || (s < e
                    && ts.has(ALL_CAPS)
                    && in_list(doc.word(s), &["am", "pm"])
                    && (in_list(doc.word(s + 1), TIME_ZONES)
                        || toks[s + 1].has(FIRST)
                        || doc.text[..ts.start].trim_end().ends_with(|c: char| c.is_ascii_digit())))
            {
                s += 1;
            } else if (te.has(MONTH | MONTH_ABBR)
                && !(e > s && self.month_surname(doc, e))
                && !(s == e && self.publication_after(doc, e))
                // `Sheffield Wednesday`, a club.
                && !(e > s && self.known(doc, col, s, e).is_some()))
                // `AP Photo`: an agency's credit (not `Southwest Photo`, a firm).
                || (e == s + 1 && ts.has(ALL_CAPS) && te.has(DICT) && in_list(doc.word(e), PAGE_WORDS))
                // `Ryan S. Hollman Submitted`: a photo's credit.
                || (e > s && te.has(DICT) && in_list(doc.word(e), CREDIT_TAILS))
                // `Record May Eight`: a date in words.
                || (e > s && toks[e - 1].has(MONTH | MONTH_ABBR) && in_list(doc.word(e), DAY_WORDS))
                || te.has(CONNECTOR | PARTICLE) && !te.has(CAP)
                // A name does not end in a common word (`Year Shr`, `Said I'm`), unless the
                // whole run is a known one (`Group of Seven`) or a monarch's regnal number
                // (`Queen Elizabeth I`).
                || (e > s
                    && te.has(COMMON)
                    && !(e >= s + 2
                        && doc.word(e) == "I"
                        && toks[e - 1].has(CAP)
                        && in_list(doc.word(e - 2), MONARCHS))
                    // `the death warrant for Charles I,`: after a given name, where no verb
                    // follows that a pronoun would open.
                    && !(e == s + 1
                        && doc.word(e) == "I"
                        && ts.has(FIRST)
                        && regnal_end(&doc.text[te.end..]))
                    && !te.has(ALL_CAPS)
                    && !(te.has(MONTH) && self.month_surname(doc, e))
                    // `Stefan Reuter`: a given name, then a surname that is also a word.
                    && !(e == s + 1 && te.has(SURNAME) && ts.has(FIRST))
                    // Nor a known name's that ends the run (`Sundays on BBC Two`).
                    && !(s.max(e.saturating_sub(3))..e).any(|k| {
                        self.heads_name(doc, k) && self.known(doc, col, k, e).is_some()
                    })
                    // Nor does a firm's short form (`Executive Life` of `Executive Life
                    // Insurance Co`).
                    && col.org_begun_by(&doc.surface(s, e)).is_none())
                || (e > s && plural_acronym(doc.word(e)))
                // `Gateway Data Sciences Q2 net rises`: a quarter or a half of the year.
                || (e > s && fiscal_period(doc.word(e)))
            {
                if e == 0 {
                    return;
                }
                e -= 1;
            } else {
                break;
            }
        }
        // `Atlas Copco <ASTS ST>`, `Nobel Industrier <NOBL ST>`: a name before a stock ticker
        // is a listed firm's, whatever its words read as alone. A run with a joiner is left to
        // the rules below, which tell `Pratt and Whitney` from `Citicorp and Chemical`.
        if ticker_after(doc.text, toks[e].end) && self.names_listed_firm(doc, col, s, e) {
            let name = match self.known(doc, col, s, e) {
                Some((canonical, EntityKind::Organization)) => canonical,
                _ => doc.surface(s, e),
            };
            self.emit(doc, col, &name, EntityKind::Organization, s, e);
            return;
        }
        if let Some(name) = (s == e).then(|| self.article_name(doc, s)).flatten() {
            self.emit(doc, col, name, EntityKind::Organization, s, e);
            return;
        }
        // `Baa1`, `Aa3`: a credit rating, as Moody's writes them.
        if s == e && credit_rating(doc.word(s)) {
            return;
        }
        // `information and communication technology (ICT)`, and `ICT` after it: an acronym
        // of plain words names nothing.
        // Keyed only in the articles that define one: most have none.
        if s == e && toks[s].has(ALL_CAPS) {
            if !col.plain_acronyms.is_empty()
                && col.plain_acronyms.contains(&normalize_key(doc.word(s)))
            {
                return;
            }
            // Though a list knows it for another (`hard red winter (HRW)`).
            if self.plain_acronym(doc, s) {
                col.plain_acronyms.insert(normalize_key(doc.word(s)));
                return;
            }
        }
        let country = |c: &str| g.countries.contains(&normalize_key(c));
        // `Gloria Bistrita ( Romania ) 2 Valletta ( Malta ) 1`, `Ruch Chorzow win 6-1 on
        // aggregate`: a team of a team sport's results.
        // A country's team stays the country, as CoNLL tags it.
        if self.team_cue(doc, col, s, e) {
            // `UEFA Cup Lyngby ( Denmark )`: a known event before the team, on a line of draws.
            let event = (s + 1..e.min(s + 3))
                .find(|&k| matches!(self.known(doc, col, s, k), Some((_, EntityKind::Misc))));
            if let Some(k) = event {
                self.classify(doc, g, col, s, k, depth + 1);
                self.classify(doc, g, col, k + 1, e, depth + 1);
                return;
            }
            let known = self.known(doc, col, s, e);
            if !matches!(&known, Some((c, EntityKind::Place)) if country(c)) {
                let name = match known {
                    Some((canonical, EntityKind::Organization)) => canonical,
                    _ => doc.surface(s, e),
                };
                self.emit(doc, col, &name, EntityKind::Organization, s, e);
                return;
            }
        }
        // `the former Wimbledon champion`, `a Monte Carlo semifinalist`: in a story of a sport
        // of players, a tournament named after its town (not a country's team or champion).
        const EVENT_ROLES: &[&str] = &[
            "champion",
            "champions",
            "title",
            "titles",
            "crown",
            "finalist",
            "semifinalist",
            "semi-finalist",
            "quarterfinalist",
            "quarter-finalist",
            "runner-up",
            // `the Wimbledon runner-up`, as the hyphen parts it.
            "runner",
        ];
        // So is one beside another by `and` (`the French Open and Wimbledon`).
        let role = || noun_after(doc, e, EVENT_ROLES);
        let beside_event = || {
            let event = |k: usize| toks[k].has(CAP) && event_head(doc.word(k));
            s >= 2 && doc.word(s - 1) == "and" && event(s - 2)
                || e + 2 < toks.len() && doc.word(e + 1) == "and" && {
                    let next = e + 2 + usize::from(doc.word(e + 2) == "the");
                    (next..toks.len().min(next + 3))
                        .take_while(|&k| toks[k].has(CAP))
                        .any(event)
                }
        };
        if doc.sports
            && !doc.team_sport
            && e - s < 2
            && !toks[s].has(DEMONYM | FIRST)
            && (role() || beside_event())
        {
            let known = self.known(doc, col, s, e);
            if known
                .as_ref()
                .is_none_or(|(c, kind)| *kind == EntityKind::Place && !country(c))
            {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Misc, s, e);
                return;
            }
        }
        // `In Siauliai : Kareda Siauliai ( Lithuania ) 0`: the town a scoreboard's line opens
        // with is where the match was played (not a label: `Bowling :`, `Man-of-the-Match :`).
        if doc.sports
            && toks[s..=e]
                .iter()
                .all(|t| t.has(CAP) && !t.has(DICT | COMMON | FIRST | TITLE | ALL_CAPS))
            && !doc.raw(s, e).contains("-of-")
            && doc.text[toks[e].end..].trim_start().starts_with([':', '('])
            && self.venue_town(doc, s, e)
            && self.known(doc, col, s, e).is_none()
        {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Place, s, e);
            return;
        }
        // `Murat Yakin ( Grasshoppers )`: a player's club, though a word.
        if s == e
            && doc.sports
            && toks[s].has(DICT | COMMON)
            && doc.word(s).len() > 2
            && self.bracketed_after_name(doc, s)
            && self.known(doc, col, s, e).is_none()
        {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Organization, s, e);
            return;
        }
        // `Brisbane 21 15 1 5 2123 1631 130.2 62`: a team, though a place of the same name; a
        // country's team is named as the country (`Sweden 1 1 0 0 6 1 2`).
        if standings_row(doc, s, e) {
            let known = self.known(doc, col, s, e);
            let name = match known {
                Some((c, EntityKind::Place)) if country(&c) => None,
                Some((canonical, EntityKind::Organization)) => Some(canonical),
                _ => Some(doc.surface(s, e)),
            };
            if let Some(name) = name {
                self.emit(doc, col, &name, EntityKind::Organization, s, e);
                return;
            }
        }
        // The name of a work after its kind (`the film Vera Drake`, `biopic Ray`, `new album
        // Hot Fuss`) is a title: MISC, as CoNLL tags titles. So is a vessel's after its kind
        // (`the aircraft carrier Enterprise`, `the space shuttle Challenger`).
        let vessel = |k: usize| {
            in_list(doc.word(k), VESSEL_NOUNS)
                || k > 0
                    && in_list(doc.word(k), &["carrier", "carriers"])
                    && doc.word(k - 1) == "aircraft"
        };
        // `the Oscar-nominated Hotel Rwanda`, `his role in Closer`: a work by what is said of
        // it (not `Oscar-winning Jamie Foxx`, nor a known name: `Britain's role in Iraq`, nor
        // its maker: `starred in Mike Nichols' Closer`).
        let acclaimed = |k: usize| {
            matches!(doc.word(k), "nominated" | "winning")
                && doc.text[..toks[k].start].ends_with('-')
                && !toks[s].has(FIRST)
                && !toks[e].has(END_RUN)
        };
        let role_in = |k: usize| {
            k > 0
                && !toks[e].has(END_RUN)
                && doc.word(k) == "in"
                && in_list(
                    doc.word(k - 1),
                    &["role", "roles", "starred", "starring", "cameo", "performance"],
                )
                // An actor's performance, not a firm's (`strong performance in Specialty
                // Retailing`).
                && (doc.word(k - 1) != "performance"
                    || k >= 2
                        && in_list(doc.word(k - 2), &["his", "her", "their", "winning"]))
                && self.known(doc, col, s, e).is_none()
        };
        // `Vera Drake star Imelda Staunton`: a work named as a person is, by its star named
        // after it (not a club's: `Chelsea star Frank Lampard`, which is no person's name).
        let star_after = e > s
            && e - s <= 2
            && toks[s].has(FIRST)
            && !toks[e].has(END_RUN)
            && e + 2 < toks.len()
            && in_list(doc.word(e + 1), &["star", "stars"])
            && !toks[e + 1].has(CAP | BREAK)
            && toks[e + 2].has(CAP)
            && !toks[e + 2].has(BREAK);
        let cued_before = s > 0
            && !toks[s].has(BREAK)
            && !toks[s - 1].has(CAP)
            && (in_list(doc.word(s - 1), WORK_NOUNS)
                || vessel(s - 1)
                || acclaimed(s - 1)
                || role_in(s - 1));
        if (cued_before || star_after)
            && !in_list(doc.word(s), PRONOUNS)
            && !toks[s].has(ALL_CAPS)
            && !plural_acronym(doc.word(s))
            && self
                .known(doc, col, s, e)
                .is_none_or(|(_, kind)| kind == EntityKind::Misc)
        {
            // `biopic Ray and Mike Leigh's drama`: the title ends before `and` a given name.
            if let Some(k) = (s + 1..e)
                .find(|&k| toks[k].has(AND) && !toks[k].has(CAP) && toks[k + 1].has(FIRST))
            {
                self.classify(doc, g, col, s, k - 1, depth + 1);
                self.classify(doc, g, col, k + 1, e, depth + 1);
                return;
            }
            // `the aircraft carriers Vinson and Enterprise`, `roles in Closer and Hotel
            // Rwanda`: after a plural or a work's praise, two of the kind.
            let plural = cued_before
                && (doc.word(s - 1).ends_with('s') || acclaimed(s - 1) || role_in(s - 1));
            if let Some(k) = (s + 1..e).find(|&k| plural && toks[k].has(AND) && !toks[k].has(CAP)) {
                for (from, to) in [(s, k - 1), (k + 1, e)] {
                    let surface = doc.surface(from, to);
                    self.emit(doc, col, &surface, EntityKind::Misc, from, to);
                }
                return;
            }
            // A known name keeps its own (`best film Oscar`).
            let name = match self.known(doc, col, s, e) {
                Some((canonical, _)) => canonical.into_owned(),
                None => doc.surface(s, e).into_owned(),
            };
            self.emit(doc, col, &name, EntityKind::Misc, s, e);
            return;
        }
        // `the Maoist rebel group Shining Path`, `the band Free`: a name after the kind of
        // body it names is the body's, though its words are English ones (not a title's or a
        // person's, nor a name the tables know otherwise).
        if s > 0
            && !toks[s].has(BREAK)
            && !toks[s - 1].has(CAP)
            && in_list(doc.word(s - 1), BODY_NOUNS)
            && (s < 2 || !toks[s - 2].has(CAP))
            && doc.word(s).len() > 1
            && doc.word(s) != "The"
            && !(e > s && toks[s].has(FIRST))
            && !(e == s && toks[s].has(DEMONYM))
            && (s..=e)
                .all(|k| toks[k].has(CAP) && !toks[k].has(TITLE | ALL_CAPS) || doc.word(k) == "in")
            && !doc
                .word(e)
                .rsplit('-')
                .next()
                .is_some_and(|w| w.starts_with(char::is_lowercase))
            && self.known(doc, col, s, e).is_none()
        {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Organization, s, e);
            return;
        }
        // `when de Gaulle refused`: a known name that opens with a small particle, which no
        // run opens with.
        if s == e && s > 0 && !toks[s].has(BREAK) && toks[s - 1].has(PARTICLE) {
            let prev = &toks[s - 1];
            if !prev.has(CAP) && doc.text[prev.end..toks[s].start] == *" " {
                if let Some((canonical, EntityKind::Person)) = self.known(doc, col, s - 1, e) {
                    self.emit(doc, col, &canonical, EntityKind::Person, s, e);
                    return;
                }
            }
        }
        // `Charles de Gaulle airport`: a name before `airport` is the airport's (not
        // `a Japanese airport`).
        if !(s == e && toks[s].has(DEMONYM))
            && noun_after(doc, e, &["airport", "airbase", "aerodrome"])
        {
            let name = match self.known(doc, col, s, e) {
                Some((name, EntityKind::Place)) => name,
                _ => doc.surface(s, e),
            };
            self.emit(doc, col, &name, EntityKind::Place, s, e);
            return;
        }
        // `the Dow Jones industrial average`, `the Hang Seng index`: a stock index, MISC as
        // CoNLL tags it, though a firm or a place may share its name (not `the Tokyo index`,
        // `GM industrial relations`, `the Group of Five average`, `The average price`).
        let index_noun = |i: usize| {
            if toks.get(i).is_none_or(|t| t.has(CAP | BREAK)) {
                return false;
            }
            match doc.word(i) {
                "index" | "industrials" => true,
                // `the Nasdaq composite index`.
                "composite" => i + 1 < toks.len() && doc.word(i + 1) == "index",
                "industrial" => i + 1 < toks.len() && doc.word(i + 1) == "average",
                "average" => {
                    !toks[s].has(ALL_CAPS)
                        && self
                            .known(doc, col, s, e)
                            .is_none_or(|(_, kind)| kind != EntityKind::Organization)
                }
                _ => false,
            }
        };
        // `New York Dow Jones industrial average`, `Tokyo Nikkei average`: the index's market
        // is a place of its own.
        // Not a known name's, nor one that words go on (`New York Stock Exchange composite
        // index`) unless they are a known name (`Hong Kong Hang Seng index`).
        let market = || {
            (s..e.min(s + 2))
                .rfind(|&k| matches!(self.known(doc, col, s, k), Some((_, EntityKind::Place))))
                .filter(|&k| {
                    (!toks[k + 1].has(DICT) || self.known(doc, col, k + 1, e).is_some())
                        && self.known(doc, col, s, e).is_none()
                })
        };
        // `FTSE-100 index`, `CNB-120 index`: an index's name may end in the number of its
        // shares.
        let shares = e + 2 < toks.len()
            && doc.text[toks[e].end..toks[e + 1].start] == *"-"
            && doc.word(e + 1).bytes().all(|b| b.is_ascii_digit())
            && index_noun(e + 2);
        let end = e + usize::from(shares);
        let indexed = index_noun(end + 1);
        let market = indexed.then(market).flatten();
        if indexed
            && (market.is_some() || !toks[s].has(PLACE1 | DEMONYM))
            && !(s == e && toks[s].has(DICT | COMMON))
            && self
                .known(doc, col, s, e)
                .is_none_or(|(_, kind)| kind != EntityKind::Place)
        {
            let from = market.map_or(s, |k| {
                self.classify(doc, g, col, s, k, depth + 1);
                k + 1
            });
            let name = match self.known(doc, col, from, end) {
                Some((canonical, EntityKind::Misc)) => canonical,
                _ => doc.surface(from, end),
            };
            self.emit(doc, col, &name, EntityKind::Misc, from, end);
            return;
        }
        // `three RBI`, `his ERA`: a baseball story's statistics, MISC as CoNLL tags them (the
        // Reserve Bank of India elsewhere).
        if s == e && doc.sports && toks[s].has(ALL_CAPS) && in_list(doc.word(s), &["rbi", "era"]) {
            let word = doc.word(s);
            self.emit(doc, col, word, EntityKind::Misc, s, e);
            return;
        }
        // `Strasbourg 1 ( Rodriguez 56th )`, `Atletico Madrid - Esnaider ( 37th )`: a scorer,
        // whatever else the name could be.
        if doc.sports && self.scorer(doc, s, e) {
            self.emit_person(doc, col, s, e);
            return;
        }
        // 1. The whole run is a known name.
        if let Some((canonical, kind)) = self.known(doc, col, s, e) {
            // `Kennedy said` after `Charles Kennedy`: a place's name that is the surname of a
            // person of the story so far is that person. A headline's (`Kennedy calls for Iraq
            // exit`) waits for the story, and stays a place if no one there bears it.
            // Any place's name (`Jordan said` after `Neil Jordan`), though only a surname's
            // waits in a headline.
            // A surname of the story so far: the person.
            let surname_of_story = |col: &mut Collector| {
                let word = doc.word(s);
                let mut buf = doc.key.borrow_mut();
                let key = key_of(word, &mut buf);
                // A firm's name is taken back only by a person named for sure.
                let person = if kind == EntityKind::Organization {
                    col.is_sure_person_last(key)
                } else {
                    col.is_person_last(key)
                };
                drop(buf);
                if person {
                    col.pend_person(word.to_string(), doc.span(s, e));
                }
                person
            };
            if s == e && kind == EntityKind::Place && !toks[s].has(ALL_CAPS) {
                if surname_of_story(col) {
                    return;
                }
                let word = doc.word(s);
                // `Replacements: Strudwick for Kennedy (60)`: a player of a match report.
                // `Singer Ferguson`, `Ferguson, who`: a surname that names a town too, a
                // person's by a cue. Not by speech alone (`Washington said`).
                if self.squad_listed(doc, s)
                    || toks[s].has(SURNAME) && self.single_cue(doc, s) == Some(EntityKind::Person)
                {
                    col.pend_cued(word.to_string(), EntityKind::Person, doc.span(s, e));
                    return;
                }
                if toks[s].has(SURNAME)
                    && col.field == MentionField::Title
                    && !doc.sports
                    && canonical == word
                {
                    col.pend_as(word.to_string(), Some(kind), false, doc.span(s, e));
                    return;
                }
            }
            // `Chelsea` after `Chelsea Clinton` is she, not the club.
            if s == e && kind != EntityKind::Person && toks[s].has(FIRST) {
                if let Some(person) = col.person_of_first(doc.word(s)).map(str::to_string) {
                    self.emit(doc, col, &person, EntityKind::Person, s, e);
                    return;
                }
            }
            // `Arsenal` (the club) after `Arsenal Holdings Inc` is the firm: one name keeps one
            // sense within an article.
            if kind == EntityKind::Organization {
                if let Some(firm) = col.firm_named_from(&doc.surface(s, e)).map(str::to_string) {
                    self.emit(doc, col, &firm, kind, s, e);
                    return;
                }
                // `Ford said` after `Gerald Ford`, where no `Ford Motor Co` was named: so is a
                // firm's name.
                if s == e && !toks[s].has(ALL_CAPS) && surname_of_story(col) {
                    return;
                }
            }
            self.emit_known(doc, col, &canonical, kind, s, e);
            return;
        }
        // A leading determiner (`A Farm Bureau`, mid-sentence `The`), or what someone was
        // (`Ex-Yankee Randy Velarde`).
        if s < e
            && (in_list(doc.word(s), DETERMINERS) && !self.listed_initial(doc, s)
                || doc.word(s).starts_with("Ex-") && toks[s + 1].has(FIRST))
        {
            return self.classify(doc, g, col, s + 1, e, depth + 1);
        }
        // `told Reuters Taiwan would cut tariffs`: whom a source told is a name of its own, and
        // the words after it open what was said: a name, a title, a demonym or a determiner
        // (`told Reuters Algerian debt`), or one word before an auxiliary (`told Reuters
        // Sandoz had`). Not when what was said opens after the run (`told BBC
        // Wales he had`) or the run ends the sentence (`told BBC Radio Leicester.`).
        let next_word = || {
            doc.text[doc.toks[e].end..]
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
        };
        if s < e
            && s > 0
            && in_list(doc.word(s - 1), TELLS)
            && !next_word().is_empty()
            && !in_list(next_word(), PRONOUNS)
        {
            let named = |from: usize| {
                self.known(doc, col, from, e).is_some()
                    || doc.toks[from].has(DEMONYM | TITLE)
                    || in_list(doc.word(from), DETERMINERS)
                    || from == e
                        && (in_list(next_word(), AUXILIARIES) || {
                            col.is_person_last(key_of(doc.word(e), &mut doc.key.borrow_mut()))
                        })
            };
            if let Some(k) = (s..e).rev().find(|&k| {
                self.known(doc, col, s, k)
                    .is_some_and(|(_, kind)| kind == EntityKind::Organization)
                    && named(k + 1)
            }) {
                self.classify(doc, g, col, s, k, depth + 1);
                self.classify(doc, g, col, k + 1, e, depth + 1);
                return;
            }
        }
        // `the Republican Congress`, `Senate Democrats`: a party's adjective or members and a
        // house, two names (as CoNLL-2003 tags them).
        if e == s + 1 {
            let party = |k: usize| {
                in_list(doc.word(k), PARTY_MEMBERS)
                    || in_list(doc.word(k), &["democratic", "republican"])
            };
            let house = |k: usize| {
                toks[k].has(ORG_HEAD)
                    && matches!(
                        self.known(doc, col, k, k),
                        Some((_, EntityKind::Organization))
                    )
            };
            if party(s) && house(e) || party(e) && house(s) {
                self.classify(doc, g, col, s, s, depth + 1);
                self.classify(doc, g, col, e, e, depth + 1);
                return;
            }
        }
        // `the U.S. Labor Day weekend`, `Scotland Six Nations`: a place, then a known event,
        // holiday or index, are two names; so are a place and a known organisation of a name
        // no word is (`Liberia ECOMOG force`, `New York Dow Jones industrial average`; not
        // `Toronto Dominion`). So are a place of two words or more and a country (`the Golan
        // Heights Israel captured`), outside sport, where a club may be named so.
        if e > s && e - s <= 3 && toks[s].has(PLACE1 | ABBR | ALL_CAPS | FIRST) {
            let split = (s..e.min(s + 2)).find(|&k| {
                matches!(self.known(doc, col, s, k), Some((_, EntityKind::Place)))
                    && match self.known(doc, col, k + 1, e) {
                        Some((_, EntityKind::Misc)) => true,
                        Some((_, EntityKind::Organization)) => !toks[k + 1].has(DICT),
                        Some((c, EntityKind::Place)) => k > s && !doc.sports && country(&c),
                        _ => false,
                    }
            });
            if let Some(k) = split {
                self.classify(doc, g, col, s, k, depth + 1);
                self.classify(doc, g, col, k + 1, e, depth + 1);
                return;
            }
        }
        // `Palestinian Islamist Hamas`, `Dutch PTT`: what a known organisation is, then its
        // name, when that is one word and no English one (not `Indonesian Democratic Party`,
        // `Nepali Congress`, `British Labour Party`, `Western European Union`).
        // `West German Bundesbank`: a compass point may open the people's word.
        let people = s + usize::from(
            e > s + 1 && in_list(doc.word(s), COMPASS_POINTS) && toks[s + 1].has(DEMONYM),
        );
        if e > people && toks[people].has(DEMONYM) && !doc.word(people).ends_with("ern") {
            // A people's word, not a party's (`Jordanian Arab Socialist Baath Party`).
            let qualifier = |k: usize| {
                toks[k].has(DEMONYM) && g.demonym_places.contains_key(&key_string(doc.word(k)))
                    || doc.word(k) == "Islamist"
            };
            let split = (people..e).take_while(|&k| qualifier(k)).find(|&k| {
                k + 1 == e
                    && !toks[e].has(DICT | COMMON | DEMONYM)
                    && matches!(
                        self.known(doc, col, k + 1, e),
                        Some((_, EntityKind::Organization))
                    )
            });
            if let Some(k) = split {
                self.classify(doc, g, col, s, k, depth + 1);
                self.classify(doc, g, col, k + 1, e, depth + 1);
                return;
            }
        }
        // `News Agency Interfax`, `Oil Company Aramco`: the kind of body in capitals, then
        // the known name of one; the kind names nothing.
        if e > s
            && toks[e - 1].has(ORG_HEAD)
            && toks[s..e].iter().all(|t| t.has(DICT) && !t.has(ALL_CAPS))
            && !toks[e].has(DICT)
            // Not a short acronym, which names many bodies (`Statistics Bureau CBS`).
            && !(toks[e].has(ALL_CAPS) && doc.word(e).len() <= 3)
            && matches!(self.known(doc, col, e, e), Some((_, EntityKind::Organization)))
            && self.known(doc, col, s, e).is_none()
        {
            return self.classify(doc, g, col, e, e, depth + 1);
        }
        // `Virginia Madsen`, `Sydney Pollack`: a place that is a given name too, then a
        // surname that is no word, is a person; so is a name no list knows (`Milan Kucan`,
        // `Carolina Kluft`), which rarely names a place's firm.
        if e == s + 1
            && in_list(doc.word(s), GIVEN_PLACES)
            && (toks[e].has(SURNAME) || !toks[e].has(!(CAP | BREAK | END_RUN)))
            && !toks[e].has(DICT | PLACE1 | ORG_HEAD | ALL_CAPS)
            && !in_list(doc.word(e), PLACE_HEADS)
            && self.known(doc, col, e, e).is_none()
        {
            self.emit_person(doc, col, s, e);
            return;
        }
        // `Sony Ericsson`, `Fuji Xerox`: two firms' names together name their joint firm.
        // A given name opens a person's name far more often than a firm's.
        if e == s + 1 && !toks[s].has(FIRST) {
            let firm = |i: usize| {
                self.known(doc, col, i, i)
                    .is_some_and(|(_, kind)| kind == EntityKind::Organization)
            };
            let maker = firm(s);
            if maker && firm(e) {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Organization, s, e);
                return;
            }
            // A firm, then a name of no English word: a model it makes when the name has a
            // digit or a capital inside (`Airbus A350`, `Sony PlayStation`); else a unit or a
            // line of the firm (`Volvo Flygmotor`, `Toyota Prius`), no person. Not `Chelsea
            // Clinton` (a given name first), `Exxon USA` (a unit by its place, read after),
            // `Citibank NA` (a legal form), `Apple Inc` or `Apple CEO`.
            let model = doc.word(e);
            let named = !toks[e].has(ORG_HEAD | TITLE | DEMONYM | COMMON | DICT | PLACE1)
                && !model.contains('.')
                && !model.split('-').any(|part| in_list(part, LEGAL_SUFFIXES))
                && maker;
            let shaped = model.contains(|c: char| c.is_ascii_digit())
                || model.chars().skip(1).any(char::is_uppercase) && !toks[e].has(ALL_CAPS);
            if named && shaped {
                let (name, kind) = match self.known(doc, col, e, e) {
                    Some((name, kind)) => (name.into_owned(), kind),
                    None => (doc.surface(e, e).into_owned(), EntityKind::Misc),
                };
                self.classify(doc, g, col, s, s, depth + 1);
                self.emit(doc, col, &name, kind, e, e);
                return;
            }
            if named && !toks[e].has(ALL_CAPS) {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Organization, s, e);
                return;
            }
        }
        let single = s == e;
        if !single && self.misc_run(doc, s, e) {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Misc, s, e);
            if self.storm(doc, s, e) {
                // `Mitch killed 10,000 people` after `Hurricane Mitch`: the storm, by its name.
                let name = normalize_key(doc.word(e));
                col.local
                    .entry(name)
                    .or_insert((surface.into_owned(), EntityKind::Misc));
            }
            return;
        }
        if single {
            let t = &toks[s];
            if t.has(CURRENCY) {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Misc, s, e);
                return;
            }
            if t.has(DEMONYM) {
                let w = doc.word(s);
                self.emit(doc, col, &demonym_canonical(w), EntityKind::Misc, s, e);
                return;
            }
            // `King said`, `Woods was among` after `Billie Jean King` and `Tiger Woods`: a
            // title or a word that is the surname of a person of the story so far is that
            // person.
            if !t.has(ALL_CAPS | MONTH | MONTH_ABBR | NOT_NAME)
                && t.has(TITLE | DICT | COMMON)
                && col.is_person_last_word(doc.word(s), &mut doc.key.borrow_mut())
            {
                col.pend_person(doc.word(s).to_string(), doc.span(s, e));
                return;
            }
            // `Britain's Sun newspaper`: a weekday's abbreviation names a paper so.
            if t.has(MONTH | MONTH_ABBR) && !self.publication_after(doc, s)
                || (t.has(COMMON) && !t.has(ALL_CAPS))
                || t.has(NOT_NAME)
            {
                return;
            }
            if plural_acronym(doc.word(s)) {
                return;
            }
            // `U.S.-Japanese trade`, `Iran-Iraq war`: places and demonyms joined by hyphens
            // qualify what follows. `(D-Vt.)`: a senator's party and state.
            let w = doc.word(s);
            if w.contains('-') {
                let known = |part: &str| {
                    if in_list(part, COMBINING_FORMS) {
                        return true;
                    }
                    let key = key_string(part);
                    let caps = !part.contains(char::is_lowercase);
                    g.demonyms.contains(&key)
                        || (self.name_of(key.as_bytes(), caps))
                            .is_some_and(|(_, kind)| kind == EntityKind::Place)
                };
                if w.split('-').all(|part| !part.is_empty() && known(part)) {
                    self.emit(doc, col, w, EntityKind::Misc, s, e);
                    return;
                }
                // `Israel-PLO peace deals`, `Amoco-Yemen talks`, `Tikhomirov-Maskhadov talks`:
                // two parties, bodies or people of the story as well as places, before the
                // word they qualify.
                let party = |part: &str| {
                    part.starts_with(char::is_uppercase)
                        && (known(part)
                            || (self.name_of(key_string(part).as_bytes(), true))
                                .is_some_and(|(_, kind)| kind == EntityKind::Organization)
                            || col.is_person_last_word(part, &mut doc.key.borrow_mut()))
                };
                let qualifies = toks.get(s + 1).is_some_and(|n| {
                    !n.has(CAP) && doc.word(s + 1).starts_with(char::is_alphabetic)
                });
                if qualifies && w.split('-').count() == 2 && w.split('-').all(party) {
                    self.emit(doc, col, w, EntityKind::Misc, s, e);
                    return;
                }
                let party = w
                    .split_once('-')
                    .filter(|(p, _)| matches!(*p, "D" | "R" | "I"));
                if party.is_some_and(|(_, state)| {
                    let state = key_string(state.trim_end_matches('.'));
                    STATE_ABBRS.iter().any(|(a, _)| *a == state)
                }) {
                    return;
                }
            }
            // `Long-term rates rose`, `Year-on-year growth`: a compound whose last part is in
            // lower case is a word.
            // So is an award (`Man-of-the-Match`).
            let compound = doc.word(s).rsplit_once('-');
            if compound.is_some_and(|(_, last)| last.starts_with(char::is_lowercase))
                || doc.word(s).contains("-of-the-")
            {
                return;
            }
            if let Some(state) = t
                .has(STATE_ABBR)
                .then(|| self.state_after_city(doc, s))
                .flatten()
            {
                // The abbreviation's dot is part of the mention.
                let (start, mut end) = doc.span(s, e);
                end += usize::from(doc.text[end..].starts_with('.'));
                col.emit(
                    state,
                    EntityKind::Place,
                    &doc.text[start..end],
                    (start, end),
                );
                return;
            }
            if t.has(ALL_CAPS) {
                let w = doc.word(s);
                if w.contains('.') {
                    return; // initials (`E.F.`), not an acronym
                }
                // `TAVILDARA , Tajikistan 1996-08-30`: a town no list knows, in a dateline.
                if w.len() > 5 && self.opens_dateline(doc, col, s) {
                    col.pend_cued(title_case(w), EntityKind::Place, doc.span(s, e));
                    return;
                }
                let (letters, _, _) = letter_shape(w);
                let key = key_string(w.trim_end_matches('.'));
                // `5:45 p.m. ET`: the zones of North America by their region alone, after a
                // time (`PT Telkom`, `a CT scan` and `MT` for Montana otherwise).
                let regional = || {
                    let before = doc.text[..t.start].trim_end();
                    in_list(&key, &["et", "pt", "ct", "mt"])
                        && (before.ends_with(|c: char| c.is_ascii_digit())
                            || [".m.", "am", "pm"].iter().any(|m| before.ends_with(m)))
                };
                // `a serious problem in SD`, in a story of South Dakota: a state by its postal
                // code, when the story names it (not the words `IN`, `OR`, `OK`, `ME`).
                let state = || {
                    let code = (w.len() == 2
                        && t.has(STATE_ABBR)
                        && !doc.cased
                        && !in_list(w, &["in", "or", "ok", "me", "hi", "oh", "la", "pa", "de"]))
                    .then(|| STATE_ABBRS.iter().find(|(a, _)| a.eq_ignore_ascii_case(w)))??;
                    doc.text.contains(code.1).then_some(code.1)
                };
                if in_list(&key, TIME_ZONES) || regional() {
                    let surface = doc.surface(s, e);
                    self.emit(doc, col, &surface, EntityKind::Misc, s, e);
                } else if let Some(state) = state() {
                    self.emit(doc, col, state, EntityKind::Place, s, e);
                } else if (2..=5).contains(&letters)
                    && !g.caps_stop.contains(key.as_str())
                    && !t.has(COMMON)
                    // `VOTE for your GREAT Governor`: a word shouted, not an acronym.
                    && (letters < 4 || !t.has(DICT))
                {
                    // `READ MORE`, `OUT`: a page's buttons, not acronyms.
                    let surface = doc.surface(s, e);
                    self.emit(doc, col, &surface, EntityKind::Organization, s, e);
                }
                return;
            }
            let spoke = t.has(SURNAME | FIRST) && self.speaks(doc, s);
            // `Treasury` opens the title `Treasury Secretary` but alone is the department.
            if t.has(TITLE) && !in_list(doc.word(s), BODIES_OPENING_TITLES)
                || (t.has(SENT) && t.has(DICT) && !t.has(PLACE1) && !spoke)
                // `the Government`, `the Cabinet`: bodies every country has, named by their
                // kind alone.
                || !t.has(ALL_CAPS) && in_list(doc.word(s), GENERIC_BODIES)
            {
                return;
            }
            // `Unadjusted January unemployment`: a word the English list has only without
            // its prefix or ending, opening a sentence, is no name of its own; it may still be
            // the surname of a person of the story (`Ruding said`, after `Onno Ruding`).
            if t.has(SENT)
                && !t.has(DICT | FIRST | SURNAME | PLACE1)
                && truecase::derived_word(&key_string(doc.word(s)))
                && !self.speaks(doc, s)
            {
                col.pend_as(doc.surface(s, e).into_owned(), None, true, doc.span(s, e));
                return;
            }
            // `Nasserite`, `Baathists`, `Katangese`, `Thatcherite`: a follower or a native
            // named after a person, a party or a place of the story or the lists.
            if self.follower(doc, col, s) {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Misc, s, e);
                return;
            }
            if let Some(kind) = self.single_cue(doc, s) {
                col.pend_cued(doc.surface(s, e).into_owned(), kind, doc.span(s, e));
                return;
            }
            if self.squad_listed(doc, s) {
                col.pend_cued(
                    doc.surface(s, e).into_owned(),
                    EntityKind::Person,
                    doc.span(s, e),
                );
                return;
            }
            let fallback = match self.single_fallback(doc, s) {
                // `Lampard, Makelele, Cole`: a name of no list among people's is a person's.
                // Not a player's club in parentheses (`Serge Betsen (Biarritz)`), nor a bank.
                Some(EntityKind::Organization)
                    if !t.has(ORG_HEAD | BRAND)
                        && !doc.word(s).ends_with("bank")
                        && self.line_up(doc, col, s)
                        && (!self.in_parens(doc, s) || self.before_score(doc, s)) =>
                {
                    Some(EntityKind::Person)
                }
                // `Morrissey beat Eminem, Usher and Robbie Williams`: one of a list of people.
                Some(EntityKind::Organization)
                    if !t.has(ORG_HEAD | BRAND | ALL_CAPS | DICT | END_RUN)
                        && !doc.word(s).ends_with('s')
                        && !doc.word(s).contains('-')
                        && self.listed_with_people(doc, col, s) =>
                {
                    Some(EntityKind::Person)
                }
                kind => kind,
            };
            col.pend_as(
                doc.surface(s, e).into_owned(),
                fallback,
                true,
                doc.span(s, e),
            );
            return;
        }
        if e == s + 2 && self.partnership(doc, col, s, e) {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Organization, s, e);
            return;
        }
        // `David Pike of Phillips and Drew`: what a person is of, named by two partners.
        if let Some(k) = self.partners_of_person(doc, col, s, e) {
            self.emit_person(doc, col, s, k - 1);
            let surface = doc.surface(k + 1, e);
            let name = match self.known(doc, col, k + 1, e) {
                Some((canonical, _)) => canonical,
                None => Cow::Borrowed(surface.trim_end_matches('.')),
            };
            self.emit(doc, col, &name, EntityKind::Organization, k + 1, e);
            return;
        }
        // `the U.S. Banks`, `U.K. Securities`: Reuters-21578 capitalises the word after an
        // abbreviation, as if a sentence opened there; a word the text writes in lower case
        // elsewhere is that word (not `U.S. Army`, `U.S. Steel`, nor a body's name alone:
        // `U.K. Treasury`).
        if e == s + 1
            && toks[s].has(ABBR)
            && toks[e].has(DICT)
            && !toks[e].has(ALL_CAPS | FIRST | SURNAME | PLACE1)
            && !in_list(doc.word(e), &["army", "navy", "steel"])
            && matches!(self.known(doc, col, s, s), Some((_, EntityKind::Place)))
            && writes_lower(doc.text, doc.word(e))
            && !matches!(
                self.known(doc, col, e, e),
                Some((_, EntityKind::Organization))
            )
        {
            self.classify(doc, g, col, s, s, depth + 1);
            return;
        }
        // `the U.S. Midwest`, `U.S. Gulf`: a place's abbreviation, then a place within it.
        let place = |k: usize| matches!(self.known(doc, col, k, k), Some((_, EntityKind::Place)));
        if e == s + 1 && toks[s].has(ABBR) && toks[e].has(PLACE1) && place(s) && place(e) {
            self.classify(doc, g, col, s, s, depth + 1);
            self.classify(doc, g, col, e, e, depth + 1);
            return;
        }
        // `starred in Jewel Of The Nile`, `Harry Potter and the Prisoner Of Azkaban`: small
        // words capitalised inside a run in a sentence's words are a work's title, as a film's
        // or a book's is written. Not in a line in title case (`U.S. And Japan Agree`,
        // `U.S. In Japan`), nor a firm's name (`Healthcare Services Of America Inc`).
        let small = |k: usize| {
            toks[k].has(CAP)
                && !toks[k].has(ALL_CAPS)
                && toks[k - 1].has(CAP)
                && matches!(
                    doc.word(k),
                    "Of" | "The" | "In" | "On" | "At" | "To" | "For" | "With" | "From"
                )
        };
        // The title's own `The` may have been trimmed (`and The Jewel Of The Nile`).
        let from = if s > 1 && doc.word(s - 1) == "The" {
            s - 1
        } else {
            s
        };
        if e > s + 1
            && col.field == MentionField::Body
            && from > 0
            && !toks[from].has(BREAK)
            && !toks[from - 1].has(CAP)
            && !toks[s].has(ABBR)
            && toks[from - 1].end + 1 == toks[from].start
            && (s + 1..e).any(small)
            && toks[s..=e].iter().all(|t| t.has(CAP) && !t.has(ORG_HEAD))
            && !(s..=e).any(|k| in_list(doc.word(k).trim_end_matches('.'), LEGAL_SUFFIXES))
        {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Misc, s, e);
            return;
        }
        // `Star Wars Jedi`, `Star Trek Into Darkness`: a known work of two words or more, then
        // words no list knows, is a work of the same name.
        if e > s + 1 && toks[s].has(CAP) {
            let plain = |k: usize| {
                toks[k].has(CAP) && !toks[k].has(FIRST | PLACE1 | ALL_CAPS | ORG_HEAD | TITLE)
            };
            let work = (s + 1..e.min(s + 4)).rev().find(|&k| {
                (k + 1..=e).all(plain)
                    && e - k <= 3
                    && matches!(self.known(doc, col, s, k), Some((_, EntityKind::Misc)))
                    && self.known(doc, col, k + 1, k + 1).is_none()
            });
            if work.is_some() {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Misc, s, e);
                return;
            }
        }
        // 2. Split on `and` unless it belongs to the name.
        if let Some(k) = self.and_split(doc, col, s, e) {
            self.classify(doc, g, col, s, k - 1, depth + 1);
            self.classify(doc, g, col, k + 1, e, depth + 1);
            return;
        }
        // `Wolf Point MT 4.41`, `Portland OR`: a price table's town and the state's postal code,
        // with no comma between. Not the codes firms and doctors write after names (`Philips
        // NV`, `Jane Doe MD`), nor a line in capitals.
        if let Some(state) = self.postal_state_after(doc, col, s, e) {
            match self.known(doc, col, s, e - 1) {
                Some((_, EntityKind::Place)) => self.classify(doc, g, col, s, e - 1, depth + 1),
                _ => {
                    let surface = doc.surface(s, e - 1);
                    self.emit(doc, col, &surface, EntityKind::Place, s, e - 1);
                }
            }
            self.emit(doc, col, state, EntityKind::Place, e, e);
            return;
        }
        // `India RBI chief`, `Brazil CVRD sell-off`, `London LIFFE`: a headline's place, then
        // the acronym of a body there, each its own name.
        if let Some(k) = self.place_before_acronyms(doc, col, s, e) {
            self.classify(doc, g, col, s, k, depth + 1);
            self.classify(doc, g, col, k + 1, e, depth + 1);
            return;
        }
        // `Dow Chemical Co of the United States`, `Kabivitrum Inc of Alameda`: a legal form
        // ends a firm's name, and `of` after it says where the firm is. A name no list knows
        // there is a town (not `Corp of Engineers`, `Co of Allied-Signal`). Only the run's
        // first `of`: `Walid Nasouli of Morgan Guaranty Trust Co of New York` is split first.
        let legal_of = (s + 2..e)
            .find(|&k| toks[k].has(CONNECTOR | PARTICLE) && !toks[k].has(CAP | AND))
            .filter(|&k| {
                doc.word(k) == "of"
                    && (doc.word(k - 1) == "Corp"
                        || in_list(doc.word(k - 1), ABBREVIATED_LEGAL_FORMS))
            });
        if let Some(k) = legal_of {
            let r = skip_joiners(toks, k, e);
            let known = self.known(doc, col, r, e).is_some();
            let town = || {
                e - r < 3
                    && toks[e].has(CAP)
                    && !toks[e].has(DICT | ORG_HEAD)
                    && toks[r..=e].iter().all(|t| {
                        t.has(CAP) && !t.has(ALL_CAPS) && !doc.text[t.start..t.end].contains('-')
                    })
            };
            if known || town() {
                self.classify(doc, g, col, s, k - 1, depth + 1);
                if known {
                    self.classify(doc, g, col, r, e, depth + 1);
                } else {
                    let surface = doc.surface(r, e);
                    self.emit(doc, col, &surface, EntityKind::Place, r, e);
                }
                return;
            }
        }
        // 3. A title: strip it, the rest is a person; what precedes is classified alone.
        if let Some(t) = self.find_title(doc, s, e) {
            // `John Sergeant`, `Mike Judge`: a given name, then a title word last is a surname.
            if e == s + 1
                && t.start == e
                && t.person.is_none()
                && toks[s].has(FIRST)
                && !toks[s].has(PLACE1 | DICT | ALL_CAPS | ORG_HEAD | TITLE)
                && !toks[e].has(ALL_CAPS)
                && self.known(doc, col, s, s).is_none()
            {
                self.emit_person(doc, col, s, e);
                return;
            }
            // `Prince Rupert, British Columbia`, `Prince Albert, Sask.`: a town named after a
            // royal, as the wire writes towns.
            // So is a feature or a street after one (`Prince William Sound`, `King George
            // Island`, `Queen Elizabeth Park`).
            if t.start == s
                && t.person == Some(s + 1)
                && in_list(doc.word(s), &["prince", "princess", "king", "queen"])
                && (self.region_after(doc, s, e) || e > s + 1 && in_list(doc.word(e), PLACE_HEADS))
            {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Place, s, e);
                return;
            }
            // `Criminal Justice Bill`: a law whose name holds a title after a word.
            if t.person == Some(e)
                && t.start > s
                && in_list(doc.word(e), MISC_HEADS)
                && toks[t.start - 1].has(DICT)
                && !toks[t.start - 1].has(PLACE1 | DEMONYM | ALL_CAPS | TITLE)
            {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Misc, s, e);
                return;
            }
            // `Office of the Deputy Prime Minister`, `Office of the President`: a body named
            // after the office it serves.
            if t.person.is_none()
                && t.object.is_none()
                && t.start > s + 1
                && toks[s].has(ORG_HEAD)
                && doc.word(s + 1) == "of"
                && skip_joiners(toks, s + 1, e) == t.start
            {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Organization, s, e);
                return;
            }
            // `U.S. Agriculture Secretary`, `USDA General Sales Manager`: words (not names)
            // just before a title of a named person are its portfolio, not the end of what
            // precedes.
            let mut before = t.start;
            while before > s && t.person.is_some() {
                let q = &toks[before - 1];
                if q.has(DICT)
                    && !q.has(ALL_CAPS | FIRST | SURNAME | PLACE1 | DEMONYM | ORG_HEAD)
                    && (s..before).all(|x| self.known(doc, col, x, before - 1).is_none())
                {
                    before -= 1;
                } else {
                    break;
                }
            }
            // `Deputy U.S. Trade Representative`: a rank before the place.
            let mut lead = s;
            if before > s + 1
                && toks[s].has(TITLE)
                && self.known(doc, col, s + 1, before - 1).is_some()
            {
                lead = s + 1;
            }
            if before > lead {
                self.classify(doc, g, col, lead, before - 1, depth + 1);
            }
            if let Some((os, oe)) = t.object {
                self.classify(doc, g, col, os, oe, depth + 1);
            }
            // `The Lord Chancellor`: a title after a title names no one.
            if let Some(p) = t
                .person
                .filter(|&p| !toks[p..=e].iter().all(|t| t.has(TITLE)))
            {
                // `Mr Brown on UK plans`, `President Bush on the German leg`: no one's name
                // goes on over `on`, `for` or `the`; what follows is named apart.
                let apart = (p + 1..e)
                    .find(|&k| !toks[k].has(CAP) && matches!(doc.word(k), "on" | "for" | "the"));
                match apart {
                    Some(k) => {
                        // `Dr Joneigh Khaldun of the Michigan Department`; not `The Lord Of
                        // the Rings`.
                        let named = |x: usize| {
                            !toks[x].has(CONNECTOR) && !in_list(doc.word(x), NAME_JOINERS)
                        };
                        if let Some(last) = (p..k).rev().find(|&x| named(x)) {
                            self.emit_person(doc, col, p, last);
                        }
                        let r = skip_joiners(toks, k, e);
                        if toks[r].has(CAP) {
                            self.classify(doc, g, col, r, e, depth + 1);
                        }
                    }
                    None => self.emit_person(doc, col, p, e),
                }
            }
            return;
        }
        // `Philip Fricke of Goldman Sachs`, `Dr Jeremy Philpott of the UK Patent Office`: a full
        // name, titled or not, then what it belongs to.
        if let Some(k) = (s + 2..e).find(|&k| toks[k].has(CONNECTOR) && doc.word(k) == "of") {
            let p = (s..k).find(|&p| !toks[p].has(TITLE)).unwrap_or(k);
            if p < k
                && toks[p].has(FIRST)
                && toks[p..k].iter().all(|t| t.has(CAP) && !t.has(ORG_HEAD))
            {
                self.emit_person(doc, col, p, k - 1);
                let mut r = k;
                while r < e && toks[r].has(CONNECTOR) && !toks[r].has(CAP) {
                    r += 1;
                }
                self.classify(doc, g, col, r, e, depth + 1);
                return;
            }
        }
        // `Fenerbahce of Turkey`, `Olympiakos of Greece`: a name no list knows, then the
        // country it is of, are two names.
        if e >= s + 2
            && doc.word(s + 1) == "of"
            && !toks[s + 1].has(CAP)
            && toks[s].has(CAP)
            && !toks[s].has(DICT | ORG_HEAD | TITLE | PLACE1 | DEMONYM)
            && !matches!(self.known(doc, col, s, s), Some((_, EntityKind::Place)))
            && gazetteer()
                .countries
                .contains(&normalize_key(&doc.surface(s + 2, e)))
        {
            self.classify(doc, g, col, s, s, depth + 1);
            self.classify(doc, g, col, s + 2, e, depth + 1);
            return;
        }
        // `Mitsui and Co Ltd of Japan`: a firm's legal form, then the place it is of.
        if let Some(k) = (s + 2..e).find(|&k| {
            doc.word(k) == "of"
                && in_list(doc.word(k - 1).trim_end_matches('.'), LEGAL_SUFFIXES)
                && self.known_place(doc, col, k + 1, e)
        }) {
            self.classify(doc, g, col, s, k - 1, depth + 1);
            self.classify(doc, g, col, k + 1, e, depth + 1);
            return;
        }
        // The acronym after the run spells only what follows a joiner in it: `Faik Nerweyi of
        // the Kurdistan Democratic Party (KDP)`, `Shares on the Dhaka Stock Exchange (DSE)`.
        // Not after a head word: `Department of Housing and Urban Development (HUD)` is one
        // name.
        let acronyms = self.paren_acronyms(doc, e);
        let spelt = |a: usize| {
            acronyms
                .iter()
                .any(|acr| self.initials_match(doc, a, e, acr))
        };
        if !acronyms.is_empty() && !spelt(s) {
            let joiner = (s + 1..e).find(|&k| {
                !toks[k].has(CAP)
                    && toks[k - 1].has(CAP)
                    && !toks[k - 1].has(ORG_HEAD)
                    && skip_joiners(toks, k, e) > k
                    && spelt(skip_joiners(toks, k, e))
            });
            if let Some(k) = joiner {
                self.classify(doc, g, col, s, k - 1, depth + 1);
                self.classify(doc, g, col, skip_joiners(toks, k, e), e, depth + 1);
                return;
            }
        }
        // `Representatives of First Bank`, `Prices of U.S. Treasury securities`: a sentence's
        // first word, a plain noun, then `of` and a name; the name is read on its own.
        if e > s + 1
            && toks[s].has(SENT)
            && doc.word(s + 1) == "of"
            && !toks[s].has(ALL_CAPS | ORG_HEAD | TITLE | FIRST | SURNAME | PLACE1 | DEMONYM)
            && (toks[s].has(DICT) || plural_noun(doc.word(s)))
        {
            self.classify(doc, g, col, skip_joiners(toks, s + 1, e), e, depth + 1);
            return;
        }
        // `Democrats on the House Budget Committee`: a group named by its demonym, then a
        // body.
        if e > s + 1
            && toks[s].has(DEMONYM)
            && toks[s + 1].has(CONNECTOR)
            && !toks[s + 1].has(CAP | AND)
        {
            self.classify(doc, g, col, s, s, depth + 1);
            self.classify(doc, g, col, skip_joiners(toks, s + 1, e), e, depth + 1);
            return;
        }
        // `a Texas Democrat`, `Illinois Republicans`: a place, then the party's members; so
        // a place, then the word of a faith, party or the games before a noun (`the U.S.
        // Olympic trials`, `a County Antrim Protestant family`, `the Iowa Democratic
        // caucuses`), where a people's word may name a club (`London Irish`).
        let qualifier = || {
            toks[e].has(DEMONYM)
                && in_list(doc.word(e), QUALIFYING_DEMONYMS)
                && toks.get(e + 1).is_some_and(|t| !t.has(CAP | BREAK))
        };
        if e > s
            && (in_list(doc.word(e), PARTY_MEMBERS) || qualifier())
            && (matches!(self.known(doc, col, s, e - 1), Some((_, EntityKind::Place)))
                || e == s + 2 && qualifier() && irish_county(doc, s))
        {
            self.classify(doc, g, col, s, e - 1, depth + 1);
            self.classify(doc, g, col, e, e, depth + 1);
            return;
        }
        // `the White Sox for the American League wild card`: a known name of two words or
        // more, then `for` and another name, is two (where `Congress for Democratic Change`
        // is one).
        if let Some(k) = (s + 2..e).find(|&k| toks[k].has(CONNECTOR) && doc.word(k) == "for") {
            if self.known(doc, col, s, k - 1).is_some() {
                self.classify(doc, g, col, s, k - 1, depth + 1);
                self.classify(doc, g, col, skip_joiners(toks, k, e), e, depth + 1);
                return;
            }
        }
        // `novelist JM Barrie`, `DH Lawrence`: two initials written without stops, then a
        // surname or after a calling; not a firm the lists know (`JP Morgan`, `WH Smith`),
        // nor one that speaks (`IG Metall said`).
        if e == s + 1
            && !doc.cased
            && doc.word(s).len() == 2
            && doc.word(s).bytes().all(|b| b.is_ascii_uppercase())
            // `AB Leo`, `EL Nino`, `NY Dow`: a legal form, an article or a state, not
            // initials. Three capitals are an acronym as often (`HMS Chatham`).
            && !toks[s].has(STATE_ABBR)
            && !in_list(doc.word(s), LEGAL_SUFFIXES)
            && !in_list(doc.word(s), &["el", "la", "le", "de", "di", "da", "du"])
            && toks[e].has(CAP)
            && !toks[e].has(ALL_CAPS | ORG_HEAD | PLACE1 | DICT | TITLE)
            && (toks[e].has(SURNAME) || self.titled_before(doc, s))
            && self.known(doc, col, s, e).is_none()
            && self.known(doc, col, s, s).is_none()
        {
            self.emit_person(doc, col, s, e);
            return;
        }
        // `CEO and Founder of Ceres Robotics Inc.`, `Head of Fundamental Research at Kotak`: a
        // post of something, after a name; what it is of is read alone, but for two plain
        // words, a department's.
        if e > s + 1
            && doc.word(s + 1) == "of"
            && in_list(
                doc.word(s),
                &[
                    "founder",
                    "co-founder",
                    "head",
                    "director",
                    "chief",
                    "member",
                    "editor",
                ],
            )
            && self.known(doc, col, s, e).is_none()
        {
            let from = skip_joiners(toks, s + 1, e);
            if from > s + 1 && toks[from].has(CAP) {
                let named = toks[from..=e].iter().any(|t| t.has(CAP) && !t.has(DICT));
                if named || e > from + 1 || self.known(doc, col, from, e).is_some() {
                    self.classify(doc, g, col, from, e, depth + 1);
                }
                return;
            }
        }
        // 4. Organisation head word, unless a law or an event is named of it (`Act of
        // Parliament`, `Treaty of the European Union`: read at `of`).
        let law_of = (s + 1..e).any(|k| doc.word(k) == "of" && event_head(doc.word(k - 1)));
        // `Derek Mills`, `Jonathon Power`, `Marco Villa`: a given name that is nothing else,
        // then a surname that heads firms' names too, is a person.
        // `Thomas Haden Church`: a middle name may come between.
        let middle = e == s + 2 && !toks[s + 1].has(DICT | ORG_HEAD | PLACE1 | ALL_CAPS | TITLE);
        // Not a saint's (`St. Francis Xavier Church`).
        let saint = s > 0 && in_list(doc.word(s - 1).trim_end_matches('.'), &["st", "saint"]);
        let surnamed = (e == s + 1 || middle)
            && !saint
            && toks[s].has(FIRST)
            && !toks[s]
                .has(DICT | PLACE1 | ORG_HEAD | TITLE | ALL_CAPS | MONTH | MONTH_ABBR | DEMONYM)
            && in_list(
                doc.word(e),
                &["banks", "church", "mills", "power", "steel", "villa"],
            )
            && self.known(doc, col, s, e).is_none();
        if !law_of && !surnamed && self.has_org_head(doc, s, e) {
            // `Bessemer Venture Partners of Menlo Park, Calif.`, `Acme Inc of Palo Alto,
            // Calif.`: a firm, then the town it is in, as a state after it shows. Not `First
            // National Bank of Boston`, which names the town.
            let town = (s + 2..e).find(|&k| {
                doc.word(k) == "of"
                    && !toks[k].has(CAP)
                    && (in_list(doc.word(k - 1), LEGAL_SUFFIXES)
                        || in_list(doc.word(k - 1), &["partners", "associates", "ventures"]))
                    && (self.region_after(doc, k + 1, e)
                        || e + 1 < toks.len() && self.state_after_city(doc, e + 1).is_some())
            });
            if let Some(k) = town {
                self.classify(doc, g, col, s, k - 1, depth + 1);
                if self.known(doc, col, k + 1, e).is_some() {
                    self.classify(doc, g, col, k + 1, e, depth + 1);
                } else {
                    let surface = doc.surface(k + 1, e);
                    self.emit(doc, col, &surface, EntityKind::Place, k + 1, e);
                }
                return;
            }
            let surface = doc.surface(s, e);
            self.emit(
                doc,
                col,
                surface.trim_end_matches('.'),
                EntityKind::Organization,
                s,
                e,
            );
            return;
        }
        // `fifth-ranked German Anke Huber`, `South African Amanda Coetzer`: a people's name
        // (`German` is a given name too), then a person's full name: a given name, or a
        // surname after one word no dictionary has.
        let people = (s..=(s + 1).min(e))
            .find(|&d| toks[d].has(DEMONYM) && (d == s || in_list(doc.word(s), COMPASS_POINTS)));
        let full_name = |d: usize| toks[d + 1].has(FIRST) || e == d + 2 && toks[e].has(SURNAME);
        if let Some(d) = people.filter(|&d| e >= d + 2 && full_name(d)) {
            if !toks[d + 1].has(DEMONYM | DICT) && toks[d + 2..=e].iter().all(|t| t.has(CAP)) {
                self.classify(doc, g, col, s, d, depth + 1);
                self.classify(doc, g, col, d + 1, e, depth + 1);
                return;
            }
        }
        // `For the Lib Dems David Laws said`: a known organisation, then a person's full name.
        // So is a body of two words or more by its head word (`Chief of Judicial Police Manuel
        // Alvarado`), unless the rest is known (`Deutsche Bank Morgan Grenfell`).
        if e >= s + 2 {
            let person = |k: usize| {
                toks[k].has(FIRST)
                    && !toks[k].has(DICT | TITLE | PLACE1 | DEMONYM)
                    && toks[k + 1..=e]
                        .iter()
                        .all(|t| t.has(CAP) && !t.has(ORG_HEAD | ALL_CAPS))
            };
            // Not after a title (`Director of Public Credit Mauricio Cabrera`), read at `of`.
            let body = |k: usize| {
                k > s + 1
                    && toks[k - 1].has(ORG_HEAD)
                    && !toks[s].has(TITLE)
                    && self.known(doc, col, k, e).is_none()
            };
            let split = (s + 1..e).find(|&k| {
                person(k)
                    && (body(k)
                        || matches!(
                            self.known(doc, col, s, k - 1),
                            Some((_, EntityKind::Organization))
                        ))
            });
            if let Some(k) = split {
                self.classify(doc, g, col, s, k - 1, depth + 1);
                self.classify(doc, g, col, k, e, depth + 1);
                return;
            }
        }
        // `Midfielder Paulo Sousa`, `Journalist Patrick Seale`, `Unseeded Patrick Rafter`: a
        // calling or what a player is, opening a sentence, then a full name.
        // Not `Dancer In The Dark`: `In` is a given name too.
        let named = toks[s + 1].has(FIRST) && doc.word(s + 1).len() > 2
            || e == s + 2 && toks[e].has(SURNAME) && !toks[s + 1].has(DICT);
        if e >= s + 2
            && named
            && toks[s + 1..=e]
                .iter()
                .all(|t| t.has(CAP) && !t.has(CONNECTOR))
            && (in_list(doc.word(s), CALLINGS)
                || in_list(doc.word(s), CLUB_PLAYERS)
                || in_list(doc.word(s), &["unseeded", "seeded", "veteran", "rookie"]))
        {
            return self.classify(doc, g, col, s + 1, e, depth + 1);
        }
        // `a Forest Hill police sergeant`, `Glen Ellyn police said`: a town by its police,
        // though named as a person is; so is one where someone lives (`Tays, 32, of Glen
        // Ellyn`), and a street after a house's number.
        let home = || e == s + 1 && home_after_age(doc, s);
        if (e == s + 1 && toks[s].has(FIRST) && noun_after(doc, e, &["police"]) || home())
            && !toks[e].has(ALL_CAPS)
            && self.known(doc, col, s, e).is_none()
            || street_address(doc, s, e)
        {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Place, s, e);
            return;
        }
        // 5. A given name (or an initial: `C. Lewis`) followed by capitalised words.
        // `S Juston Burris`, `Thunder: F Hamidou Diallo`: a player's position, then his full
        // name (not `journalist S Hussain Zaidi`).
        let named = |k: usize| toks[k].has(CAP) && !in_list(doc.word(k), PARTICLES);
        if toks[s].has(INITIAL)
            && toks[s].has(BREAK)
            && (s + 1..=e).filter(|&k| named(k)).nth(1).is_some()
        {
            return self.classify(doc, g, col, s + 1, e, depth + 1);
        }
        // `Blair Labour's longest-serving PM`: a headline's name, then a party named by one
        // word. Not a firm, which is often its founder's surname (`Henry Ford`, `Michael
        // Dell`).
        if e == s + 1
            && toks[s].has(FIRST)
            && !toks[e].has(SURNAME | FIRST)
            && matches!(self.known(doc, col, e, e),
                Some((party, EntityKind::Organization)) if party.ends_with(" Party"))
            && self.known(doc, col, s, e).is_none()
        {
            self.classify(doc, g, col, s, s, depth + 1);
            self.classify(doc, g, col, e, e, depth + 1);
            return;
        }
        let listed = e > s && self.listed_initial(doc, s);
        // `O.J. Simpson`, `F.W. De Klerk`, `N.J. Bose`: initials with their dots, then a
        // surname, though the initials read as a state's; not a firm of the article named
        // so (`E.F. Hutton` after `E.F. Hutton Group Inc`).
        let initials = e > s
            && toks[s].has(ALL_CAPS)
            && matches!(doc.raw(s, s).len(), 4 | 6)
            && initials(doc.raw(s, s))
            // Not a place (`U.S.`), a firm's legal form (`N.V. Philips`) or an hour.
            && self.known(doc, col, s, s).is_none()
            && !in_list(doc.raw(s, s), &["N.V.", "S.A.", "A.B.", "A.G.", "B.V.", "A.M.", "P.M."])
            && toks[s + 1..=e].iter().all(|t| !t.has(ALL_CAPS | ORG_HEAD))
            // `W.M. Keck Observatory`: a surname ends a person's name, not a word.
            && (!toks[e].has(DICT) || toks[e].has(SURNAME | FIRST))
            && col.org_begun_by(&doc.surface(s, e)).is_none();
        let initial = listed || initials || toks[s].has(INITIAL) || {
            let w = doc.word(s);
            w.len() == 2 && w.ends_with('.') && starts_upper(w)
        };
        // `German Reich`: a country's people's name is no given name here (`Christian
        // Karembeu` is one).
        let given = toks[s].has(FIRST)
            && !(toks[s].has(DEMONYM) && g.demonym_places.contains_key(&key_string(doc.word(s))));
        if (given || initial || self.particled_surname(doc, col, s, e))
            && (!toks[s].has(ALL_CAPS) || listed || initials)
            // `Davis Cup`, `Ryder Cup`: named after a person, but an event; `Harris County`
            // and `Johnson City`, places.
            && !in_list(doc.word(e), MISC_HEADS)
            && !in_list(doc.word(e), SETTLEMENT_HEADS)
            // `Grace Road`, `at Ellis Park`: a ground or a street, unless its last word is a
            // surname too and nothing says it is a place (`Nick Park`).
            && !(e > s
                && in_list(doc.word(e), PLACE_HEADS)
                && (!toks[e].has(SURNAME)
                    || s > 0 && !toks[s].has(BREAK) && in_list(doc.word(s - 1), PLACE_CUES))
                // `Mike Lake told`, `Mike Lake, a spokesman`: a place does not speak.
                && !self.speaks(doc, e)
                && !self.calling_after(doc, e)
                // `board chairman John Tower`: nor has a calling or a title.
                && !self.titled_before(doc, s))
            && toks[s + 1..=e]
                .iter()
                .all(|t| t.has(CAP) || t.has(PARTICLE))
            // `Hong Kong Telephone`: a place of two words opens it, whose first is a given name
            // too.
            && !(e > s + 1 && self.known_place(doc, col, s, s + 1))
        {
            let surface = doc.surface(s, e);
            let idx = self.emit(
                doc,
                col,
                surface.trim_end_matches('.'),
                EntityKind::Person,
                s,
                e,
            );
            col.guessed(idx);
            return;
        }
        // 6. An acronym in parentheses spelling the run's initials: an organisation, or a law
        // (`African Growth and Opportunity Act (AGOA)`), with its first word even if that is
        // a demonym or a common word.
        if let Some(acr) = (acronyms.iter()).find(|a| self.initials_match(doc, s, e, a)) {
            let kind = if in_list(doc.word(e), MISC_HEADS) {
                EntityKind::Misc
            } else {
                EntityKind::Organization
            };
            let surface = doc.surface(s, e);
            col.local
                .insert(normalize_key(acr), (surface.to_string(), kind));
            self.emit(doc, col, &surface, kind, s, e);
            return;
        }
        if e == s + 1 && self.club_of_town(doc, col, s) {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Organization, s, e);
            return;
        }
        // 7. A leading sentence-initial word, common word or demonym: drop it and retry,
        // unless the run is the short form of a firm of the article (`First City said` after
        // `First City Bancorporation`).
        let t0 = &toks[s];
        // `Secretary of State George Shultz`, `Under Secretary of Commerce Bruce Smart`: the
        // portfolio after `of`, then a full name.
        let before_full_name = e > s + 1
            && s > 0
            && doc.word(s - 1) == "of"
            && toks[s + 1].has(FIRST)
            && !toks[s + 1].has(DICT | COMMON | DEMONYM)
            && t0.has(DICT)
            && !t0.has(FIRST | SURNAME | PLACE1 | ORG_HEAD)
            && !g.given_name_words.contains(&key_string(doc.word(s)));
        // `Tiger Woods, who made the cut`: a sentence's first word and a surname, a person's
        // name by what follows.
        let surname_who = || e == s + 1 && surname(doc, g, e) && self.who_follows(doc, e);
        // `General Motors do Brasil said`: a known organisation opens the run, whose first
        // word stays.
        let known_opens = || {
            t0.has(SENT)
                && !t0.has(DEMONYM)
                && (s + 1..e.min(s + 3)).any(|k| {
                    self.known(doc, col, s, k)
                        .is_some_and(|(_, kind)| kind == EntityKind::Organization)
                })
        };
        // `Car-maker Honda's robot`: a compound of plain words opening a sentence.
        let compound = || {
            let word = doc.word(s);
            t0.has(SENT)
                && word.contains('-')
                && (word.split('-').skip(1))
                    .all(|p| p.starts_with(|c: char| c.is_ascii_lowercase()))
                && word.split('-').all(|p| {
                    let bits = lexicon_bits(&key_string(p));
                    bits & (DICT | COMMON) != 0 && bits & (PLACE1 | DEMONYM) == 0
                })
        };
        // `New England Electric System`: a known place of more than one word opens the run.
        let place_opens = || {
            !in_list(doc.word(s), DETERMINERS)
                && (s + 1..e.min(s + 3)).any(|k| self.known_place(doc, col, s, k))
        };
        if (t0.has(COMMON | DEMONYM)
            || (t0.has(SENT)
                && t0.has(DICT)
                && !t0.has(FIRST | SURNAME | PLACE1)
                && !surname_who()
                // `Downing St said`, `Bond Street station`: a street or a feature named
                // after a word, unless a firm of the story is named so (`Giant Bay said`
                // after `Giant Bay Resources Ltd`).
                && !(e == s + 1
                    && in_list(doc.word(e), PLACE_HEADS)
                    && col.org_begun_by(&doc.surface(s, e)).is_none()))
            || before_full_name
            || compound())
            && !known_opens()
            && !place_opens()
            && !self.broadcaster(doc, s, e)
        {
            // The whole run, or what precedes a joiner in it: `Executive Life of New York`
            // opens with one, where `Canadian Pacific Air Lines` is not `Canadian Pacific Air`.
            let short = (s + 1..=e).rev().find_map(|k| {
                let ends = k == e || toks[k + 1].has(CONNECTOR | PARTICLE) && !toks[k + 1].has(CAP);
                let firm = ends.then(|| col.org_begun_by(&doc.surface(s, k)));
                Some((k, firm??.to_string()))
            });
            if let Some((k, firm)) = short {
                self.emit(doc, col, &firm, EntityKind::Organization, s, k);
                if k < e {
                    self.classify(doc, g, col, skip_joiners(toks, k + 1, e), e, depth + 1);
                }
                return;
            }
            // `Portuguese Open`, `Italian Grand Prix`, `European Tour`: an event named after
            // its country; `Chechen Republic`, a state. Not in a text in capitals, whose case
            // is a guess (`BRITISH WAR AIMS`).
            let named = toks[s + 1..=e]
                .iter()
                .all(|t| t.has(CAP) && !t.has(DEMONYM));
            if toks[s].has(DEMONYM) && e > s && named && !doc.cased {
                let kind = if in_list(doc.word(e), MISC_HEADS) {
                    Some(EntityKind::Misc)
                } else if e == s + 1
                    && (doc.word(e) == "Republic" || in_list(doc.word(e), SETTLEMENT_HEADS))
                {
                    // `Chechen Republic`; `Atlantic City`, a town.
                    Some(EntityKind::Place)
                } else if e == s + 1
                    && !toks[s].has(SENT)
                    && doc.word(s).ends_with("ern")
                    && (toks[e].has(PLACE1) || in_list(doc.word(e), PLACE_FIRSTS))
                {
                    // `in Northern Cape province`, `Western Europe`: a region named so; at a
                    // sentence start, a place's part as often (`Northern Iraq has been`).
                    Some(EntityKind::Place)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    let surface = doc.surface(s, e);
                    self.emit(doc, col, &surface, kind, s, e);
                    return;
                }
            }
            if toks[s].has(DEMONYM) {
                self.classify(doc, g, col, s, s, depth + 1);
            }
            self.classify(doc, g, col, s + 1, e, depth + 1);
            return;
        }
        // 8. Split at inner `of`/`for`/`the` and classify the pieces (`President of France`).
        if let Some(k) = (s + 1..e).find(|&k| toks[k].has(CONNECTOR) && !toks[k].has(CAP)) {
            let r = skip_joiners(toks, k, e);
            // `Prevention of Terrorism Act`, `World Series of Golf`, `Treaty of Baden`: a law
            // or an event is named whole, its head word last or before `of`.
            let head_before = k > s && event_head(doc.word(k - 1));
            let kind = (doc.word(k) == "of" && (in_list(doc.word(e), MISC_HEADS) || head_before))
                .then_some(EntityKind::Misc)
                .or_else(|| self.name_of_place(doc, col, s, k, e));
            if let Some(kind) = kind {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, kind, s, e);
                return;
            }
            self.classify(doc, g, col, s, k - 1, depth + 1);
            self.classify(doc, g, col, r, e, depth + 1);
        }
        // Otherwise: an unknown name. Short runs of plain capitalised words are mostly
        // people; with a place inside (`Air France`, `Manchester United`) or longer, an
        // organisation.
        else if e > s
            && (in_list(doc.word(e), MISC_HEADS)
                || in_list(doc.word(e), PRODUCT_TAILS) && !toks[s].has(FIRST | ORG_HEAD))
        {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Misc, s, e);
        } else if e == s + 1 && doc.word(s) == "Air" && !toks[e].has(DICT) {
            // `Air Deccan`, `Air Sahara`: an airline.
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Organization, s, e);
        } else if e > s
            && (in_list(doc.word(e), PLACE_HEADS)
                || in_list(doc.word(s), PLACE_FIRSTS)
                // `the Suffolk Coastal seat`: a constituency.
                || doc.toks.get(e + 1).is_some_and(|t| {
                    !t.has(CAP | BREAK) && in_list(doc.word(e + 1), &["seat", "constituency"])
                })
                || e == s + 1 && in_list(doc.word(s), SAINT_FIRSTS)
                || e == s + 1 && irish_county(doc, s)
                // `East Kilbride`, `South Shields`: a compass point before a name.
                || e == s + 1
                    && in_list(doc.word(s), COMPASS_POINTS)
                    && !toks[e].has(DICT | FIRST | ORG_HEAD | DEMONYM)
                // `West Los Angeles`, `South El Monte`: a part of a place.
                || in_list(doc.word(s), COMPASS_POINTS) && self.known_place(doc, col, s + 1, e)
                // `Yobe North`, `Belfast West`: a district of a town or a province (not
                // `America West`, an airline).
                || e == s + 1
                    && in_list(doc.word(e), COMPASS_POINTS)
                    && self.known(doc, col, s, s).is_some_and(|(place, kind)| {
                        kind == EntityKind::Place
                            && g.place_countries.contains_key(&key_string(&place))
                    }))
        {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Place, s, e);
        } else if e > s {
            // `JP McManus`, `JK Rowling`: a name's initials written without dots.
            if e == s + 1
                && doc.word(s).len() == 2
                && doc.word(s).bytes().all(|b| b.is_ascii_uppercase())
                // Not a state's (`NY Dow`), a legal form (`AB Leo`) or a particle (`EL NINO`).
                && !toks[s].has(STATE_ABBR | NOT_NAME)
                && !in_list(doc.word(s), PARTICLES)
                && toks[e].has(SURNAME)
                && !toks[e].has(DICT | ORG_HEAD | PLACE1 | ALL_CAPS)
            {
                self.emit_person(doc, col, s, e);
                return;
            }
            // `Minister of Mines and Energy Subroto`, `Minister of State for Finance Damas
            // Mbogoro`: the last word of the portfolio, then the minister.
            if toks[s].has(ORG_HEAD) && self.portfolio_before(doc, s) {
                let named = toks[s + 1..=e]
                    .iter()
                    .all(|t| !t.has(DICT | ORG_HEAD | ALL_CAPS));
                if named {
                    self.emit_person(doc, col, s + 1, e);
                }
                return;
            }
            let plain = toks[s..=e].iter().all(|t| t.has(CAP) && !t.has(ALL_CAPS));
            // `Hong Kong Telecommunications`, `Wireless Hong Kong`: a place of two words
            // inside makes no person either.
            let placey = toks[s..=e].iter().any(|t| t.has(PLACE1))
                || e == s + 2
                    && (self.known_place(doc, col, s, s + 1)
                        || self.known_place(doc, col, s + 1, e));
            // `Expected Sale Date`, `Net Income`: capitalised dictionary words are a heading.
            let heading = plain && toks[s..=e].iter().all(|t| t.has(DICT) && !t.has(FIRST));
            // `20-year-old Tiger Woods`, `Tiger Woods, who`: words, but a person's name by
            // its surname and what is said of it.
            let aged = self.aged_before(doc, s) || self.age_after(doc, e);
            let person = heading
                && e == s + 1
                && (aged || self.who_follows(doc, e))
                && surname(doc, g, e)
                // `energy drink company, Red Bull, who`.
                && !(s > 0
                    && matches!(&doc.text[toks[s - 1].end..toks[s].start], " " | ", ")
                    && in_list(doc.word(s - 1), FIRM_NOUNS)
                    && !toks[s - 1].has(CAP));
            // `Michigan City, Indiana,`, `Cedar Rapids, Iowa.`: a town, by the wire's way
            // of writing towns. Not `the company, Super Octanos, C.A.`, a firm's legal form.
            let firm_before = s > 0 && in_list(doc.word(s - 1), FIRM_NOUNS);
            if plain
                && !firm_before
                && !toks[s..=e].iter().any(|t| t.has(ORG_HEAD))
                && self.region_after(doc, s, e)
            {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Place, s, e);
                return;
            }
            if self.broadcaster(doc, s, e) {
                let surface = doc.surface(s, e);
                self.emit(doc, col, &surface, EntityKind::Organization, s, e);
                return;
            }
            if heading && !placey && !person {
                return;
            }
            // `Finding Neverland`, `Hunting Bill`: no one's name opens with a verb's `-ing`
            // form; a short run that does is the title of a work or a law, unless a full name
            // follows it (`Trading James Melton`: the verb, then the person).
            let gerund = {
                let w = doc.word(s);
                w.len() > 5 && w.ends_with("ing") && toks[s].has(DICT) && !toks[s].has(FIRST)
            };
            // Nor a person the story has named (`Questioning Vindman`, a heading).
            if gerund
                && (e > s + 1 && toks[s + 1].has(FIRST)
                    || e == s + 1
                        && col.is_person_last_word(doc.word(e), &mut doc.key.borrow_mut()))
            {
                self.classify(doc, g, col, s + 1, e, depth + 1);
                return;
            }
            // `Justices Lewis Powell`, `Senators Phil Gramm`: a plural word, no name's, before
            // a full name.
            let plural = {
                let w = doc.word(s);
                w.len() >= 5 && w.ends_with('s') && !w.ends_with("ss")
            };
            let word_first = plural
                && toks[s].has(DICT)
                && !toks[s].has(FIRST | SURNAME | PLACE1 | ORG_HEAD | TITLE | DEMONYM | ALL_CAPS)
                && !g.surname_words.contains(&key_string(doc.word(s)));
            // Not `Tears In Heaven`: `In` is a given name too.
            let given =
                toks[s + 1].has(FIRST) && !toks[s + 1].has(DICT) && doc.word(s + 1).len() > 2;
            if word_first && e > s + 1 && given {
                self.classify(doc, g, col, s + 1, e, depth + 1);
                return;
            }
            // `Bodleian Library`, `Stansted Airport`: a name ending in a word that is no
            // one's name is what the word says, not a person. Short words are often names
            // elsewhere (`Viorel Ion`, `Tan Kong Yam`).
            let worded = || {
                let last = doc.word(e);
                // A word of four letters after a given name is a surname as often (`Mick
                // Mars`, `Elon Musk`); after another word it is the word (`Nippon Life`).
                let long = last.len() > 4 || last.len() == 4 && !toks[s].has(FIRST);
                toks[e].has(DICT) && long && !toks[e].has(SURNAME | FIRST | PLACE1) && {
                    let key = key_string(last);
                    !g.surname_words.contains(&key) && !g.given_name_words.contains(&key)
                }
            };
            // `Joost van der Westhuizen`: Dutch and German particles join a person's names,
            // capitalised too inside one (`Johan Van Der Merwe`).
            // `Orlando dos Santos`, `Jose da Silva`: a Portuguese particle before a surname.
            let particle = |k: usize| {
                !toks[k].has(CAP)
                    && (in_list(doc.word(k), NAME_PARTICLES)
                        || k < e
                            && toks[k + 1].has(SURNAME)
                            && in_list(doc.word(k), &["dos", "das", "da"]))
            };
            let inner = |k: usize| k > s && k < e && in_list(doc.word(k), NAME_PARTICLES);
            let particled = e - s <= 4
                && toks[e].has(CAP)
                && (s..=e).any(|k| particle(k) || inner(k))
                && (s..=e).all(|k| particle(k) || toks[k].has(CAP) && !toks[k].has(ALL_CAPS));
            // `finalist MaliVai Washington`: a calling, then a name the lists do not know and
            // a surname that names a place too.
            let called = e == s + 1
                && toks[e].has(SURNAME | PLACE1)
                && !toks[s].has(DICT | ORG_HEAD | PLACE1 | DEMONYM | ALL_CAPS)
                && s > 0
                && !toks[s].has(BREAK)
                && !toks[s - 1].has(CAP)
                && in_list(doc.word(s - 1), CALLINGS);
            // `Yasushi Akashi, the DHA undersecretary-general`: a calling in apposition.
            let kind = if aged
                || person
                || particled
                || called
                || plain && e - s <= 2 && self.calling_after(doc, e)
                || self.bowler(doc, s, e)
                || doc.sports && self.athlete(doc, col, s, e)
            {
                EntityKind::Person
            } else if self.publication_after(doc, e)
                || self.staff_after(doc, e)
                || doc.sports && self.team_context(doc, s, e)
            {
                // `Zycie Warszawy daily said`, `a former Brush Wellman employee`, a team
                EntityKind::Organization
            } else if plain
                && in_list(doc.word(e), SETTLEMENT_HEADS)
                && (!placey || !doc.sports && doc.word(e).eq_ignore_ascii_case("county"))
            {
                EntityKind::Place
            } else if plain && e - s <= 2 && !placey && gerund {
                EntityKind::Misc
            } else if plain
                && e - s <= 2
                && (!placey || self.titled_town(doc, s, e))
                && (!worded() || self.titled_before(doc, s) || self.of_country_after(doc, e))
                && !toks[s..=e].iter().any(|t| t.has(BRAND))
                // `New Party Sakigake`: an organisation's head word inside, no one's name.
                && !toks[s..e].iter().any(|t| t.has(ORG_HEAD) && !t.has(FIRST | SURNAME))
            {
                EntityKind::Person
            } else {
                EntityKind::Organization
            };
            let surface = doc.surface(s, e);
            let idx = self.emit(doc, col, surface.trim_end_matches('.'), kind, s, e);
            if kind == EntityKind::Person {
                col.guessed(idx);
            }
        }
    }

    /// The kind of a run `s..=e` that names something of a known place, split at `of` (token
    /// `k`): `United Steelworkers of America` and `Patriotic Union of Kurdistan` are
    /// organisations, `Commonwealth of Massachusetts` a place, `Castle Cup of Africa` an
    /// event. People and titles were read before; a known name or a demonym before `of` is
    /// read on its own.
    fn name_of_place(
        &self,
        doc: &Doc,
        col: &Collector,
        s: usize,
        k: usize,
        e: usize,
    ) -> Option<EntityKind> {
        let toks = &doc.toks;
        let head = doc.word(k - 1);
        // `Sampras of the United States`, `Dole of Kansas`: a person from a place.
        let one_word_state = k == s + 1 && in_list(head, STATE_HEADS);
        if doc.word(k) != "of"
            || k + 1 > e
            || (k < s + 2 && !one_word_state)
            || toks[s].has(FIRST)
            // `Sergi Bruguera of Spain`: unknown given names are many; the name of a body
            // opens with a word (`United Steelworkers`, `Patriotic Union`, `Red Star`).
            || !toks[s].has(DICT)
            || !toks[s..k].iter().all(|t| {
                t.has(CAP)
                    && !t.has(ALL_CAPS | DEMONYM | TITLE | FIRST)
                    && (t.has(DICT) || !t.has(SURNAME))
            })
            || !matches!(
                self.known(doc, col, k + 1, e),
                Some((_, EntityKind::Place))
            )
            // `Commonwealth of Australia` is the state, though `Commonwealth` alone is known.
            || !one_word_state && self.known(doc, col, s, k - 1).is_some()
        {
            return None;
        }
        Some(if in_list(head, STATE_HEADS) {
            EntityKind::Place
        } else if in_list(head, MISC_HEADS) {
            EntityKind::Misc
        } else {
            EntityKind::Organization
        })
    }

    /// The kind the context gives the unknown word at `s` for sure (see `Pending::cue`): a
    /// firm's by its shape or the words before it, a brand with a capital inside (`GenCorp`),
    /// what is held of a firm (`a stake in Fichtel`, `shares of Taft`) or the kind of firm
    /// before it (`research firm Gartner`, `the statistics office Eurostat`); a person's before
    /// `who`, unless it is a word or a plural (`Londoners, who`) or a place cue precedes it,
    /// and before an age (`Legeard, 18,`); a place's (see [`place_cue`](Self::place_cue)).
    fn single_cue(&self, doc: &Doc, s: usize) -> Option<EntityKind> {
        let t = &doc.toks[s];
        if self.firm_cue(doc, s) {
            return Some(EntityKind::Organization);
        }
        if let Some(kind) = linked_name(doc.word(s)) {
            return Some(kind);
        }
        // `singer Jamelia`, `Rapper Eminem` opening a sentence, `his wife Ffion`: a person's
        // calling or kin before. Not an award's category (`best actor Bafta`).
        let prev = s.checked_sub(1).map(|p| &doc.toks[p]);
        if let Some(prev) = prev.filter(|p| !t.has(BREAK) && (!p.has(CAP) || p.has(SENT))) {
            let word = doc.word(s - 1);
            // Not `lead manager Kleinwort`, a bank, nor `forward Brent crude`.
            let player =
                || in_list(word, CLUB_PLAYERS) && !in_list(word, &["manager", "boss", "forward"]);
            let calling = in_list(word, CALLINGS) || player();
            // `her sister Jessy`, not `its sister Xiluodu dam`.
            let kin = || {
                !prev.has(CAP)
                    && in_list(word, KIN)
                    && (!in_list(word, &["sister", "twin"])
                        || s > 1 && in_list(doc.word(s - 2), &["her", "his", "their", "my"]))
            };
            let award = || {
                (s.saturating_sub(3)..s - 1)
                    .any(|k| !doc.toks[k + 1].has(BREAK) && in_list(doc.word(k), &["best"]))
            };
            // `the billionaire Bhs owner`: the name qualifies a noun after it.
            let owned = || {
                doc.toks.get(s + 1).is_some_and(|n| {
                    !n.has(CAP | BREAK)
                        && (in_list(doc.word(s + 1), CLUB_PLAYERS)
                            || in_list(doc.word(s + 1), &["owner", "founder", "chief"]))
                })
            };
            if (calling || kin()) && !award() && !owned() {
                return Some(EntityKind::Person);
            }
        }
        // `from Middlesex, who`: a place cue, in any case (TIME writes in capitals).
        let after_place_cue = s > 0 && !t.has(BREAK) && in_list(doc.word(s - 1), PLACE_CUES);
        let who = !t.has(ORG_HEAD | DICT)
            && !doc.word(s).ends_with('s')
            && self.who_follows(doc, s)
            && !after_place_cue;
        // `Nadal, who`; `Legeard, 18,`; `Makelele, a midfielder`; a scorecard's bowler or
        // batsman (`Vass 7-0-29-0`, `Did not bat : Dharmasena`).
        if who
            || !t.has(DICT)
                && (self.age_after(doc, s)
                    || self.calling_after(doc, s)
                    || self.bowler(doc, s, s)
                    || self.scorecard_list(doc, s))
        {
            return Some(EntityKind::Person);
        }
        self.place_cue(doc, s).then_some(EntityKind::Place)
    }

    /// Whether the unknown word at `s` is a place's by the words around it: after a place's
    /// kind or a compass point and `of` (`the town of Tavildara`, `just east of Longyear`, `the
    /// mayor of Acatepec`), right after a place's kind (`the state capital Montpelier`), after
    /// `to` in `from` a known place `to` it (`from Zevenaar to Venray`) or after a journey's
    /// words (`travel to Vaduz`), before `police` (`Zadar police said`) or before `is a town`
    /// (`Longyear is a town in mourning`).
    fn place_cue(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        let lower = |i: usize| !toks[i].has(CAP | BREAK);
        let of_place = s >= 2
            && !toks[s].has(BREAK)
            && lower(s - 1)
            // A comma may open the phrase (`in Zvornik, east of Mahala`).
            && !toks[s - 2].has(CAP)
            && doc.word(s - 1) == "of"
            // Not `the existing capital of Heritage`, a firm's share capital.
            && !(doc.word(s - 2) == "capital"
                && s >= 3
                && in_list(doc.word(s - 3), &["share", "issued", "existing", "paid-up", "working"]))
            && (in_list(doc.word(s - 2), PLACE_NOUNS)
                || in_list(doc.word(s - 2), COMPASS_POINTS)
                || in_list(doc.word(s - 2), &["mayor", "outskirts", "residents"]));
        let word = |k: usize| (k < toks.len() && lower(k)).then(|| doc.word(k));
        let town = |k: usize| word(k).is_some_and(|w| in_list(w, &["town", "village", "city"]));
        let kind_before = s >= 2
            && !toks[s].has(BREAK)
            && lower(s - 1)
            && in_list(
                doc.word(s - 1),
                &["capital", "town", "village", "city", "port", "suburb"],
            )
            && in_list(
                doc.word(s - 2),
                &[
                    "the",
                    "state",
                    "provincial",
                    "northern",
                    "southern",
                    "eastern",
                    "western",
                    "border",
                    "coastal",
                    "small",
                    "nearby",
                ],
            );
        of_place
            || kind_before
            || home_after_age(doc, s)
            || word(s + 1) == Some("police") && !toks[s].has(DICT)
            || self.journey_end(doc, s)
            || journey_to(doc, s) && !toks[s].has(ORG_HEAD | DICT)
            || self.paired_with_place(doc, s)
            || matches!(word(s + 1), Some("is" | "was"))
                && word(s + 2) == Some("a")
                && (town(s + 3) || word(s + 3).is_some() && town(s + 4))
    }

    /// Whether token `s` follows `to` in `from` a known place `to` it (`from Zevenaar to
    /// Venray`).
    fn journey_end(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        if s < 3 || toks[s].has(BREAK) || doc.word(s - 1) != "to" || toks[s - 1].has(BREAK) {
            return false;
        }
        // Not `from Cartagena to G-7 leaders`.
        if doc.word(s).len() < 3 || doc.text[toks[s].end..].starts_with('-') {
            return false;
        }
        let end = s - 2;
        let start = (end.saturating_sub(3)..=end)
            .rev()
            .take_while(|&k| toks[k].has(CAP) && (k == end || !toks[k + 1].has(BREAK)))
            .last();
        start.is_some_and(|a| {
            a > 0
                && doc.word(a - 1) == "from"
                && !toks[a].has(BREAK)
                && self.known_place_run(doc, a, end)
        })
    }

    /// Whether token `s` is paired with a known place as the other end of a span: `between
    /// Edinburgh and Tweedbank` either way round, or `from Tweedbank to Edinburgh`.
    fn paired_with_place(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        let joined = |k: usize| k < toks.len() && !toks[k].has(BREAK);
        let word = |k: usize| (joined(k) && !toks[k].has(CAP)).then(|| doc.word(k));
        if s == 0 || !joined(s) {
            return false;
        }
        // The known place after: `between Tweedbank and Edinburgh` seen from `Tweedbank`.
        let link = match word(s - 1) {
            Some("between") => "and",
            Some("from") => "to",
            _ => "",
        };
        if !link.is_empty() && word(s + 1) == Some(link) && joined(s + 2) {
            // The whole name after (not `Michigan` of `Michigan Sealy`), the place itself
            // (not `Albany, N.Y.-based Norstar`).
            let e = (s + 2..toks.len().min(s + 5))
                .take_while(|&k| toks[k].has(CAP) && (k == s + 2 || joined(k)))
                .last();
            let based = |e: usize| {
                let rest = &doc.text[toks[e].end..];
                rest.starts_with('-')
                    || rest
                        .split('\n')
                        .next()
                        .is_some_and(|l| l.split_whitespace().take(3).any(|w| w.contains("-based")))
            };
            if e.is_some_and(|e| !based(e) && self.known_place_run(doc, s + 2, e))
                && (link == "to" || !self.between_parties(doc, s - 1))
            {
                return true;
            }
        }
        // The known place before: `between Edinburgh and Tweedbank` seen from `Tweedbank`.
        if s < 3 || word(s - 1) != Some("and") {
            return false;
        }
        let end = s - 2;
        (end.saturating_sub(2)..=end).rev().any(|a| {
            a > 0
                && (a..=end).all(|k| toks[k].has(CAP) && (k == a || joined(k)))
                && !toks[a - 1].has(CAP)
                && word(a - 1) == Some("between")
                && joined(a)
                && !self.between_parties(doc, a - 1)
                && self.known_place_run(doc, a, end)
        })
    }

    /// Whether the `between` at `k` joins parties to a deal or a dispute (`the merger accord
    /// between Fleet and Norstar`, `a settlement between Sealy and`), who are firms or
    /// countries more often than the two ends of a road.
    fn between_parties(&self, doc: &Doc, k: usize) -> bool {
        (k.saturating_sub(3)..k).any(|i| {
            in_list(
                doc.word(i),
                &[
                    "merger",
                    "accord",
                    "agreement",
                    "settlement",
                    "deal",
                    "talks",
                    "venture",
                    "partnership",
                    "dispute",
                    "battle",
                    "match",
                    "game",
                    "tie",
                    "final",
                    "fight",
                    "war",
                    "relations",
                    "rivalry",
                ],
            )
        })
    }

    /// Whether the run `s..=e` is a place of the gazetteer or the alias table, by itself.
    fn known_place_run(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let mut stack = [0; STACK_KEY];
        let buf = &mut *doc.key.borrow_mut();
        let key = lookup_key(doc.raw(s, e), &mut stack, buf);
        matches!(
            self.name_of(key, doc.all(s, e, ALL_CAPS)),
            Some((_, EntityKind::Place))
        )
    }

    /// The case of a firm's name that a headline writes in capitals (`GENCORP`): as the
    /// story writes it (`GenCorp`), else a capital to each word but joiners (`Bank of New
    /// York`), and an acronym of three letters or fewer that is no English word (`AFG`).
    fn firm_case(&self, doc: &Doc, s: usize, e: usize) -> String {
        let surface = doc.surface(s, e);
        // Where the story's name opens: not inside a longer one (`Data Systems Inc`, `Harper
        // and Row`).
        let opens_name = |at: usize| {
            let before = doc.body[..at].trim_end_matches(' ');
            let prev = before.rsplit([' ', '\n']).next().unwrap_or("");
            !prev.starts_with(|c: char| c.is_ascii_uppercase())
                && !matches!(prev, "and" | "of" | "&" | "the")
                && !before.ends_with(['-', '/'])
        };
        let mut from = 0;
        let found = loop {
            match find_ignoring_case(&doc.body[from..], &surface) {
                Some(at) if opens_name(from + at) => break Some(from + at),
                Some(at) => from += at + surface.len(),
                None => break None,
            }
        };
        if let Some(at) = found {
            // The story's name may go on (`MANUFACTURERS <MHC>` over `Manufacturers Hanover
            // Corp said`): capitalised words up to a legal form, so that the headline's firm
            // is the story's.
            let mut end = at + surface.len();
            for _ in 0..4 {
                let last = doc.body[at..end].rsplit(' ').next().unwrap_or("");
                if in_list(last.trim_end_matches('.'), LEGAL_SUFFIXES) {
                    break;
                }
                let rest = &doc.body[end..];
                let Some(next) = rest.strip_prefix(' ') else {
                    break;
                };
                let word = (next.split([' ', '\n', ',', ';', ':', '(', ')', '"', '<', '>']))
                    .next()
                    .unwrap_or("");
                // Not a title after the firm (`Goodyear Chairman Robert Mercer`).
                if lexicon_bits(&key_string(word)) & TITLE != 0 {
                    break;
                }
                let word = word.strip_suffix("'s").unwrap_or(word);
                if !word.starts_with(|c: char| c.is_ascii_uppercase())
                    || word.ends_with('.') && !in_list(word.trim_end_matches('.'), LEGAL_SUFFIXES)
                {
                    break;
                }
                end += 1 + word.len();
            }
            return doc.body[at..end].to_string();
        }
        let mut name = String::with_capacity(surface.len());
        for (n, word) in surface.split(' ').enumerate() {
            if n > 0 {
                name.push(' ');
            }
            let key = key_string(word);
            let vowel = key.contains(['a', 'e', 'i', 'o', 'u', 'y']);
            if n > 0 && in_list(&key, NAME_JOINERS) {
                name.push_str(&key);
            } else if !vowel || key.len() <= 3 && lexicon_bits(&key) & DICT == 0 {
                name.push_str(word); // `FPL`, `AFG`: an acronym
            } else {
                name.push_str(&title_case(word));
            }
        }
        name
    }

    /// Whether the run `s..=e` names a broadcaster by its first word (`Radio New Zealand`,
    /// `Radio Liberty`, `Television Espanola`), whatever the words after it read as.
    fn broadcaster(&self, doc: &Doc, s: usize, e: usize) -> bool {
        e > s && matches!(doc.word(s), "Radio" | "Television") && !doc.toks[s].has(ALL_CAPS)
    }

    /// Whether a kind of publication follows token `e` (`Zycie Warszawy daily said`, `the
    /// Kompas newspaper`): the name is the paper's.
    fn publication_after(&self, doc: &Doc, e: usize) -> bool {
        const PUBLICATIONS: &[&str] = &["daily", "newspaper", "weekly", "magazine", "tabloid"];
        noun_after(doc, e, PUBLICATIONS)
    }

    /// Whether a word for a firm's people or parts follows token `e` (`a former Brush Wellman
    /// employee`, `Eli Lilly shareholders`).
    fn staff_after(&self, doc: &Doc, e: usize) -> bool {
        const STAFF: &[&str] = &[
            "employee",
            "employees",
            "shareholders",
            "stockholders",
            "subsidiary",
            "subsidiaries",
        ];
        noun_after(doc, e, STAFF)
    }

    /// Whether run `s..=e`, before a stock ticker, is the listed firm's whole name: not a
    /// firm qualified (`Dutch Philips Telecommunications`), nor the end of a longer name
    /// (`First Union Corp of Georgia <FUNC>`, `Cable and Wireless <CAWL.L>`, `Wendy's
    /// International <WEN>`), nor a legal form alone.
    fn names_listed_firm(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let qualified = || {
            toks[s].has(DEMONYM)
                && e > s
                && matches!(
                    self.known(doc, col, s + 1, s + 1),
                    Some((_, EntityKind::Organization))
                )
        };
        let tail = || {
            s > 1
                && toks[s - 1].has(CONNECTOR)
                && !toks[s].has(BREAK)
                && (doc.word(s - 1) == "of"
                    || toks[s - 2].has(CAP) && &doc.text[toks[s - 2].end..toks[s - 1].start] == " ")
        };
        let possessed = s > 0 && toks[s - 1].has(END_RUN);
        let legal_form = in_list(doc.word(s).trim_end_matches('.'), LEGAL_SUFFIXES);
        let named = toks[s..=e].iter().all(|t| t.has(CAP));
        let excluded = doc.cased
            || toks[s].has(TITLE | ALL_CAPS | COMMON)
            || possessed
            || legal_form
            || !named
            || qualified()
            || tail();
        !excluded
    }

    /// Whether the unknown word at `s` is a firm's: see [`single_cue`](Self::single_cue).
    fn firm_cue(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        let t = &toks[s];
        let after_word = s > 0 && !t.has(BREAK) && !toks[s - 1].has(CAP | BREAK);
        t.has(BRAND)
            || (after_word && in_list(doc.word(s - 1), FIRM_NOUNS))
            || self.publication_after(doc, s)
            // `an analyst at Indosuez`, `said analyst Paula Buratti at Indosuez`: where an
            // analyst works is a firm.
            || (after_word && s >= 2 && doc.word(s - 1) == "at" && {
                // Over the analyst's name, if it is given.
                let named = (s.saturating_sub(5)..s - 1)
                    .rev()
                    .take_while(|&k| toks[k].has(CAP) && !toks[k + 1].has(BREAK))
                    .count();
                (s - 2).checked_sub(named).is_some_and(|k| {
                    !toks[k].has(CAP) && !toks[k + 1].has(BREAK) && in_list(doc.word(k), WORKERS)
                })
            })
            // `Shares of` may open a sentence.
            || (after_word
                && s >= 2
                && (!t.has(DICT) || t.has(SURNAME))
                && matches!(doc.word(s - 1), "of" | "in")
                && !toks[s - 1].has(BREAK)
                && in_list(doc.word(s - 2), STAKE_NOUNS))
    }

    /// The kind of a single unknown capitalised word: a place after `in`/`at`/`from`, a
    /// person when it is a known surname or given name, else an organisation.
    fn single_fallback(&self, doc: &Doc, s: usize) -> Option<EntityKind> {
        let t = &doc.toks[s];
        if t.has(BRAND) {
            return Some(EntityKind::Organization); // `WeWork said`, `in SoftBank`
        }
        // `trade with the West`, `farmers in the South`: a compass point after `the`, alone,
        // is a part of the world or of a country (not `the West German economy`, `the
        // North-South divide`, nor a league's conference).
        if s > 0
            && !t.has(BREAK | ALL_CAPS)
            && !doc.sports
            && doc.word(s - 1) == "the"
            && in_list(doc.word(s), &["west", "east", "north", "south"])
            && doc
                .toks
                .get(s + 1)
                .is_none_or(|n| !n.has(CAP) || n.has(BREAK))
            && !doc.text[t.end..].starts_with(['-', '/'])
        {
            return Some(EntityKind::Place);
        }
        // `the Open did not seed`, `league and Cup winners`: in a sports story, an event by
        // its head word alone, capitalised inside a sentence; not a word of a longer name
        // (`Cup Winners ' Cup`).
        if col_sports(doc)
            && !t.has(SENT)
            && in_list(doc.word(s), &["open", "cup"])
            && !doc.text[..t.start].trim_end().ends_with('\'')
            && !doc
                .toks
                .get(s + 1)
                .is_some_and(|n| doc.word(s + 1).eq_ignore_ascii_case("winners") && !n.has(BREAK))
        {
            return Some(EntityKind::Misc);
        }
        if s > 0 && !t.has(BREAK) {
            let prev = doc.word(s - 1);
            // `from B and`: a rating, not a place; nor a word of the dictionary that the story
            // writes in lower case too (`featured in Science and Nature`, where `science` is
            // the word), unlike a town named so (`died in Bath`).
            let word = doc.word(s);
            if !doc.toks[s - 1].has(CAP)
                && in_list(prev, PLACE_CUES)
                && two_letters(word)
                && !(t.has(DICT)
                    && !t.has(PLACE1 | ORG_HEAD)
                    && (writes_lower(doc.text, word) || writes_lower(doc.body, word)))
            {
                // `in Congress`, `at Parliament`: a head word there is an institution.
                return Some(if t.has(ORG_HEAD) {
                    EntityKind::Organization
                } else {
                    EntityKind::Place
                });
            }
        }
        if !two_letters(doc.word(s)) {
            return None;
        }
        // `Alzheimer's disease`: a disease named after the doctor who described it.
        let after = &doc.text[t.end..];
        let possessed = after
            .strip_prefix("'s ")
            .or_else(|| after.strip_prefix("\u{2019}s "));
        if possessed.is_some_and(|r| r.starts_with("disease") || r.starts_with("syndrome")) {
            return Some(EntityKind::Misc);
        }
        // `Melbourne's Herald-Sun said`, `the Atlanta Journal-Constitution`: a paper named by
        // two names, one a paper's word.
        if let Some((a, b)) = doc.word(s).split_once('-') {
            const PAPERS: &[&str] = &[
                "herald",
                "times",
                "post",
                "journal",
                "gazette",
                "telegraph",
                "tribune",
                "chronicle",
                "dispatch",
                "ledger",
                "sun",
                "star",
                "picayune",
                "constitution",
            ];
            if starts_upper(a)
                && starts_upper(b)
                && !in_list(a, CAPITAL_PREFIXES)
                && (in_list(a, PAPERS) || in_list(b, PAPERS))
            {
                return Some(EntityKind::Organization);
            }
        }
        // `St said`: the street of a name read apart, or a saint's without the saint.
        if in_list(doc.word(s), SAINT_FIRSTS) {
            return None;
        }
        // `an Achilles tendon injury`, `the Achilles' heel of this market`: a part of the body.
        if doc.word(s) == "Achilles" {
            return None;
        }
        if self.region_after(doc, s, s) {
            return Some(EntityKind::Place);
        }
        let toks = &doc.toks;
        let lower = |i: usize| !toks[i].has(CAP | BREAK);
        let next_lower = s + 1 < toks.len() && lower(s + 1);
        if next_lower
            && (in_list(doc.word(s + 1), PLACE_NOUNS)
                || !t.has(DICT) && in_list(doc.word(s + 1), ROUTE_NOUNS))
        {
            return Some(EntityKind::Place); // `Anhui province`, `the Salang tunnel`
        }
        if next_lower && in_list(doc.word(s + 1), ACCORD_NOUNS) {
            return Some(EntityKind::Misc); // `the Louvre accord`
        }
        if next_lower && in_list(doc.word(s + 1), GRADE_NOUNS) {
            return Some(EntityKind::Misc); // `Brent crude`: a grade of oil, not a person
        }
        if next_lower && !t.has(DICT) && in_list(doc.word(s + 1), MEASURE_NOUNS) {
            return Some(EntityKind::Misc); // `Richter scale`, `Lombard rate`
        }
        if next_lower && in_list(doc.word(s + 1), POLL_NOUNS) {
            return Some(EntityKind::Organization); // `a Harris poll`
        }
        if s > 0 && !t.has(BREAK) && matches!(doc.word(s - 1), "c" | "b") {
            return Some(EntityKind::Person); // a scorecard: `Saeed Anwar c Croft b Cork`
        }
        if col_sports(doc) && self.in_parens(doc, s) && self.before_score(doc, s) {
            return Some(EntityKind::Person); // a scorer: `( Jeffrey 7 , Roest 33 )`
        }
        // `the Bill`, `a hybrid Bill`: a given name that is an everyday word, after a
        // determiner, is the word.
        if in_list(doc.word(s), WORD_NAMES) && !t.has(BREAK) {
            let lower = |i: usize| !toks[i].has(CAP) && !toks[i + 1].has(BREAK);
            // `The Bill will then go to a third reading`: at a sentence start too.
            let determiner =
                |i: usize| !toks[i + 1].has(BREAK) && in_list(doc.word(i), DETERMINERS);
            if s > 0 && determiner(s - 1) || s > 1 && lower(s - 1) && determiner(s - 2) {
                return None;
            }
        }
        let after_the = s > 0 && !t.has(BREAK) && doc.word(s - 1).eq_ignore_ascii_case("the");
        if after_the && (t.has(ORG_HEAD) || col_sports(doc) && doc.word(s).ends_with('s')) {
            return Some(EntityKind::Organization); // `the Senate`, `The Braves`
        }
        // Not a word that ends a name whose head was read apart (`General Tire said`,
        // `Standard Life said`), unless the census lists it as a surname too (`Rose said`).
        let name_tail = || {
            t.has(DICT)
                && !t.has(FIRST | SURNAME | BREAK)
                && s > 0
                && toks[s - 1].has(CAP)
                && !surname(doc, gazetteer(), s)
        };
        if !t.has(ORG_HEAD) && self.speaks(doc, s) && !name_tail() {
            return Some(EntityKind::Person); // `Gujral said`
        }
        if col_sports(doc) && self.ordinal_after(doc, s) {
            return Some(EntityKind::Person); // a scorer: `( Heinrich 29th )`
        }
        if col_sports(doc) && self.team_context(doc, s, s) && !in_list(doc.word(s), TABLE_WORDS) {
            return Some(EntityKind::Organization);
        }
        if t.has(SURNAME | FIRST) {
            // `Royal visit`, `Grace period ends`: a given name that is an everyday word too,
            // opening a sentence before a word in lower case, is the word, unless the story
            // capitalises it inside a sentence as well.
            let everyday = t.has(SENT)
                && !t.has(SURNAME)
                && next_lower
                && doc
                    .word(s + 1)
                    .starts_with(|c: char| c.is_ascii_lowercase())
                && gazetteer()
                    .given_name_words
                    .contains(&key_string(doc.word(s)))
                && !toks.iter().any(|o| {
                    o.has(CAP) && !o.has(SENT) && &doc.text[o.start..o.end] == doc.word(s)
                });
            return (!everyday).then_some(EntityKind::Person);
        }
        if t.has(DICT) {
            return None;
        }
        // `Rapeseed extraction was $115`, `Soyoil ( in rupees per tonne )`: a word the
        // dictionary lacks but the story writes in lower case too is that word.
        // Not a particle, which opens a surname (`De los Angeles`, written `de los Angeles`).
        let word = doc.word(s);
        // Nor a site's address (`latinohiphopradio.com`), nor in a text that writes places in
        // lower case too (`returning to quito`), as some wire copy does with all names.
        if !in_list(word, PARTICLES)
            && !word.contains('.')
            && (writes_lower(doc.text, word) || writes_lower(doc.body, word))
            && !doc.lowers_names()
        {
            return None;
        }
        if !col_sports(doc) && self.listed_with_places(doc, s) {
            return Some(EntityKind::Place); // `the bourses of Zurich, Geneva and Basle`
        }
        Some(EntityKind::Organization)
    }

    /// Whether the unknown word at `s` is an item of a list of places: three items or more,
    /// joined by commas and a last `and` or `or` (`Sydney, Melbourne and Fremantle`,
    /// `Cardiff, Bangor, Aberystwyth and Wrexham`), one of them at least a place the
    /// gazetteer knows and every other one a place or another word no list knows. Sports
    /// stories list clubs named after their towns so, and are left out by the caller.
    fn listed_with_places(&self, doc: &Doc, s: usize) -> bool {
        #[derive(PartialEq)]
        enum Sep {
            Comma,
            Last,
        }
        let toks = &doc.toks;
        let gap = |a: usize, b: usize| doc.text[toks[a].end..toks[b].start].trim();
        let name_word = |k: usize| toks[k].has(CAP) && !toks[k].has(ALL_CAPS);
        let joiner = |k: usize| matches!(doc.word(k), "and" | "or");
        // The separator between the item ending at token `e` and the one starting at token
        // `a`: a comma, or `and` or `or` (after a comma or not). `None` when it is neither.
        let sep = |e: usize, a: usize| match a - e {
            1 if gap(e, a) == "," => Some(Sep::Comma),
            2 if joiner(e + 1) && matches!(gap(e, e + 1), "" | ",") && gap(e + 1, a).is_empty() => {
                Some(Sep::Last)
            }
            _ => None,
        };
        // An item is a run of capitalised words a space apart, acronyms too (`Middlesex AC`,
        // a club): its first and last tokens.
        let spaced = |a: usize, b: usize| &doc.text[toks[a].end..toks[b].start] == " ";
        let item_ending = |e: usize| {
            let mut a = e;
            while a > 0 && e - a < 4 && toks[a - 1].has(CAP) && spaced(a - 1, a) {
                a -= 1;
            }
            (a, e)
        };
        let item_starting = |a: usize| {
            let mut e = a;
            while e + 1 < toks.len() && e - a < 4 && toks[e + 1].has(CAP) && spaced(e, e + 1) {
                e += 1;
            }
            (a, e)
        };
        // Most unknown words stand in no list: nothing to gather then.
        let before = s > 0 && (gap(s - 1, s) == "," || joiner(s - 1));
        if !before && !(s + 1 < toks.len() && (gap(s, s + 1) == "," || joiner(s + 1))) {
            return false;
        }
        let mut items = vec![(s, s)];
        let mut last = false; // whether the final item (after `and`) has been read
        let (mut a, mut e) = (s, s);
        while items.len() < 12 {
            // The previous item ends one token before (a comma between) or two (`and`).
            let Some((end, found)) = [1, 2].into_iter().find_map(|back| {
                let end = a.checked_sub(back)?;
                Some((end, sep(end, a)?)).filter(|_| name_word(end))
            }) else {
                break;
            };
            match found {
                Sep::Comma => {}
                Sep::Last if items.len() == 1 => last = true,
                Sep::Last => break,
            }
            let item = item_ending(end);
            a = item.0;
            items.push(item);
        }
        while !last && items.len() < 12 {
            let Some((start, found)) = [1, 2].into_iter().find_map(|ahead| {
                let start = e + ahead;
                if start >= toks.len() || !name_word(start) {
                    return None;
                }
                Some((start, sep(e, start)?))
            }) else {
                break;
            };
            last = found == Sep::Last;
            let item = item_starting(start);
            e = item.1;
            items.push(item);
        }
        if !last || items.len() < 3 {
            return false;
        }
        let g = gazetteer();
        let place = |(a, b): (usize, usize)| {
            if a == b {
                toks[a].has(PLACE1)
            } else {
                g.places
                    .contains_key(normalize_key(&doc.surface(a, b)).as_str())
            }
        };
        let unknown = |(a, b): (usize, usize)| {
            toks[a..=b].iter().all(|t| {
                !t.has(
                    DICT | COMMON | FIRST | DEMONYM | TITLE | ORG_HEAD | BRAND | MONTH | ALL_CAPS,
                ) && (a < b || !t.has(PLACE1))
            })
        };
        let mut places = 0;
        for &item in &items[1..] {
            if place(item) {
                places += 1;
            } else if !unknown(item) {
                return false;
            }
        }
        places > 0
    }

    /// Whether token `s` is listed after a match report's label (`Subs Not Used: Weaver,
    /// Onuoha, Flood.`, `Booked: Fowler, Sibierski.`), in a sentence of its own: a player.
    fn squad_listed(&self, doc: &Doc, s: usize) -> bool {
        let (text, at) = (doc.text, doc.toks[s].start);
        // An item after a label, a comma or `for` (`Paice for van der Walt`): most words are
        // none, and need no look back over their sentence.
        let before = text[..at].trim_end();
        if !before.ends_with([':', ',']) && !before.ends_with(" for") {
            return false;
        }
        let from = text[..at].rfind(['\n', '.']).map_or(0, |i| i + 1);
        let seg = &text[from..at];
        // Not a player's club in parentheses (`J Yapp (Cardiff)`), though a substitute with
        // his minute (`Tonge (Quinn 97)`).
        let after = text[doc.toks[s].end..].trim_start();
        if seg.rfind('(') > seg.rfind(')') && !after.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        seg.split_once(':').is_some_and(|(label, names)| {
            // Labels of three words are longer than `in_list` reads.
            (SQUAD_LABELS.iter()).any(|l| label.trim().eq_ignore_ascii_case(l))
                && (names.chars()).all(|c| c.is_alphabetic() || " ,'-()0123456789".contains(c))
        })
    }

    /// Whether token `s` stands in a line-up: a line of four or more names a comma or a
    /// semicolon apart, at least half of them people's by the lists or the story (`Cech,
    /// Ferreira, Carvalho, Terry, Gallas, Tiago, Makelele, Lampard, Cole, Drogba`), with few
    /// words in lower case.
    fn line_up(&self, doc: &Doc, col: &Collector, s: usize) -> bool {
        let (text, at) = (doc.text, doc.toks[s].start);
        // A list's item: a comma or a semicolon just before or after it, or its head, a
        // substitute in parentheses (`Jarosik (Gudjohnsen 45)`).
        let listed = text[..at].trim_end().ends_with([',', ';', ':', '('])
            || text[doc.toks[s].end..].trim_start().starts_with([',', ';']);
        if !listed {
            return false;
        }
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        if text[start..end].matches([',', ';']).count() < 4 {
            return false;
        }
        let first = doc.toks.partition_point(|t| t.start < start);
        let (mut names, mut people, mut words) = (0, 0, 0);
        for (k, t) in doc.toks.iter().enumerate().skip(first) {
            if t.start >= end {
                break;
            }
            let word = doc.word(k);
            if t.has(CAP) {
                names += 1;
                let known = t.has(SURNAME | FIRST | INITIAL)
                    || col.is_person_last_word(word, &mut doc.key.borrow_mut());
                people += usize::from(known);
            } else if word.chars().all(char::is_alphabetic) {
                words += 1;
            }
        }
        names >= 4 && 2 * people >= names && 4 * words <= names
    }

    /// Whether the word at `s` is an item of a list of three or more joined by `and` (`a, b
    /// and c`; not `Adrian Lajous, Pemex'` nor `Fifa and John Madden`) whose other items are
    /// people's full names (a given name and a capitalised word or two) at least as often as
    /// single names, and none of which is a known place's, a demonym or holds an
    /// organisation's head word.
    fn listed_with_people(&self, doc: &Doc, col: &Collector, s: usize) -> bool {
        const MAX_ITEMS: usize = 6;
        let (toks, text) = (&doc.toks, doc.text);
        let gap = |a: usize, b: usize| &text[toks[a].end..toks[b].start];
        let joined = |a: usize| toks[a].has(AND) && !toks[a].has(CAP);
        // An item's kind: Some(true) a person's full name, Some(false) a name that says
        // nothing, None one that ends the search (a place, a firm).
        let item = |a: usize, b: usize| {
            if let Some((_, kind)) = self.known(doc, col, a, b) {
                return (kind == EntityKind::Person).then_some(true);
            }
            let (first, words) = (&toks[a], &toks[a..=b]);
            if words
                .iter()
                .any(|t| t.has(ORG_HEAD | PLACE1 | DEMONYM | ALL_CAPS | SKIP))
            {
                return None;
            }
            Some(b > a && b - a <= 2 && first.has(FIRST) && !first.has(DICT))
        };
        // `and Railtrack managers Alistair Cook`: the name qualifies what follows it.
        let qualifies = toks.get(s + 2).is_some_and(|t| t.has(CAP) && !t.has(BREAK))
            && !toks[s + 1].has(CAP | BREAK | AND);
        if qualifies {
            return false;
        }
        let (mut people, mut others, mut anded) = (0, 0, false);
        // Leftwards: the item before token `k`, the first of an item.
        let mut k = s;
        for _ in 0..MAX_ITEMS {
            let Some(mut p) = k.checked_sub(1) else {
                break;
            };
            if joined(p) {
                if p == 0 || !matches!(gap(p - 1, p), " " | ", ") || gap(p, k) != " " {
                    break;
                }
                anded = true;
                p -= 1;
            } else if gap(p, k) != ", " {
                break;
            }
            if !toks[p].has(CAP) {
                break;
            }
            let mut a = p;
            while a > 0 && !toks[a].has(BREAK) && toks[a - 1].has(CAP) && gap(a - 1, a) == " " {
                a -= 1;
            }
            match item(a, p) {
                None => return false,
                Some(true) => people += 1,
                Some(false) => others += 1,
            }
            k = a;
        }
        // Rightwards: the item after token `k`, the last of an item.
        let mut k = s;
        for _ in 0..MAX_ITEMS {
            let mut n = k + 1;
            if n >= toks.len() {
                break;
            }
            if joined(n) {
                if !matches!(gap(k, n), " " | ", ") || n + 1 >= toks.len() || gap(n, n + 1) != " " {
                    break;
                }
                anded = true;
                n += 1;
            } else if gap(k, n) != ", " {
                break;
            }
            if !toks[n].has(CAP) {
                break;
            }
            let mut b = n;
            while b + 1 < toks.len()
                && !toks[b].has(END_RUN)
                && toks[b + 1].has(CAP)
                && !toks[b + 1].has(BREAK)
                && gap(b, b + 1) == " "
            {
                b += 1;
            }
            match item(n, b) {
                None => return false,
                Some(true) => people += 1,
                Some(false) => others += 1,
            }
            k = b;
        }
        people > 0 && people >= others && people + others >= 2 && anded
    }

    /// Whether token `s` is `A`, `I` or two capitals written as initials in a team sheet: an
    /// item of a list on a line with two other initials (`A Titterrell, D Bell, S Borthwick`,
    /// `CA del Fava, D dal Maso`), before a capitalised word or a particle.
    fn listed_initial(&self, doc: &Doc, s: usize) -> bool {
        let (text, t) = (doc.text, &doc.toks[s]);
        let word = doc.word(s).as_bytes();
        let letters = matches!(word, [b'A' | b'I'] | [b'A'..=b'Z', b'A'..=b'Z']);
        // `A N Other`: a placeholder.
        let next = &doc.toks[s + 1];
        if !letters || &text[t.end..next.start] != " " || next.end - next.start < 2 {
            return false;
        }
        let before = text[..t.start].trim_end_matches([' ', '\t']);
        if !(before.is_empty() || before.ends_with([',', ';', ':', '(', '\n'])) {
            return false;
        }
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let end = text[t.start..]
            .find('\n')
            .map_or(text.len(), |i| t.start + i);
        let first = doc.toks.partition_point(|t| t.start < start);
        doc.toks[first..]
            .iter()
            .take_while(|t| t.start < end)
            .filter(|t| t.has(INITIAL))
            .nth(1)
            .is_some()
    }

    /// The U.S. state that token `s` abbreviates, when it follows a capitalised word and a
    /// comma and ends in a dot or is followed by a comma (`Greenwich, Conn.`).
    fn state_after_city(&self, doc: &Doc, s: usize) -> Option<&'static str> {
        let toks = &doc.toks;
        let word = doc.word(s);
        let abbr = word.strip_suffix('.').unwrap_or(word);
        // `Newark, N.J.`: a postal code written with dots ([`DOTTED_STATES`]).
        let letters = match abbr.as_bytes() {
            [a, b'.', b] if in_list(abbr, DOTTED_STATES) => [*a, *b],
            _ => [0; 2],
        };
        let &(_, state) = STATE_ABBRS.iter().find(|(a, _)| {
            a.eq_ignore_ascii_case(abbr) || a.as_bytes().eq_ignore_ascii_case(&letters)
        })?;
        let prev = toks.get(s.checked_sub(1)?)?;
        let between = &doc.text[prev.end..toks[s].start];
        let after = doc.text[toks[s].end..].chars().next();
        // A postal code in capitals is the state whatever follows (`View, CA for a show`).
        let postal = word.len() == 2 && word.bytes().all(|b| b.is_ascii_uppercase());
        let ends = postal
            || word.ends_with('.')
            || matches!(after, Some('.' | ','))
            || spaced_stop(&doc.text[toks[s].end..]);
        (prev.has(CAP) && between.trim_matches([' ', '\t']) == "," && ends).then_some(state)
    }

    /// The state whose postal code ends the run `s..=e` written after a town's name without
    /// a comma (`Billings MT`, `Coolee City WA`): the code in capitals, the town's words not,
    /// and neither known as something other than a place nor a firm's or person's name.
    fn postal_state_after(
        &self,
        doc: &Doc,
        col: &Collector,
        s: usize,
        e: usize,
    ) -> Option<&'static str> {
        let toks = &doc.toks;
        let code = doc.word(e);
        // In a text all in capitals, the case is a guess (`LACANA MN` in a share table).
        if e == s
            || doc.cased
            || !toks[e].has(STATE_ABBR)
            || code.len() != 2
            || !code.bytes().all(|b| b.is_ascii_uppercase())
            // Legal forms and degrees, Los Angeles, Press Association, a club (`Graz AK`).
            || matches!(code, "NV" | "MD" | "LA" | "PA" | "GA" | "MO" | "AK")
            || toks[s].has(FIRST | TITLE | COMMON)
            || (s..e).any(|k| {
                toks[k].has(ALL_CAPS | ORG_HEAD | DEMONYM)
                    || !toks[k].has(CAP)
            })
        {
            return None;
        }
        if self
            .known(doc, col, s, e - 1)
            .is_some_and(|(_, kind)| kind != EntityKind::Place)
        {
            return None;
        }
        STATE_ABBRS
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(code))
            .map(|&(_, state)| state)
    }

    /// The last token of the known place that opens the run `s..=e` when only acronyms of
    /// three letters or more follow it (`India RBI`, `France ONIC`), in a text not all in
    /// capitals and no sports story; the whole run no known name.
    fn place_before_acronyms(
        &self,
        doc: &Doc,
        col: &Collector,
        s: usize,
        e: usize,
    ) -> Option<usize> {
        let toks = &doc.toks;
        // A sports story's are clubs and events (`Cardiff AAC`, `Antwerp WTA`).
        if e == s || !toks[e].has(ALL_CAPS) || doc.cased || doc.sports || toks[s].has(ALL_CAPS) {
            return None;
        }
        // Two letters are as often a legal form or a club's (`Greenland NV`, `Sunderland FC`),
        // and so are a club's initials (`Cardiff AAC`).
        let acronym = |k: usize| {
            let w = doc.word(k);
            toks[k].has(ALL_CAPS)
                && w.len() >= 3
                && w.bytes().all(|b| b.is_ascii_uppercase())
                && !in_list(w, LEGAL_SUFFIXES)
                && !(w.ends_with("AC") || w.ends_with("FC"))
        };
        let k = (s..=e).rev().find(|&k| !acronym(k))?;
        if k == e || !self.known_place(doc, col, s, k) || self.known(doc, col, s, e).is_some() {
            return None;
        }
        Some(k)
    }

    /// The last token of a firm's name the wire writes in angle brackets, from token `s`
    /// just after the `<` (`<Pratt and Whitney>`, `<Mazda Motor Manufacturing (USA) Corp>`):
    /// the whole is one organisation, whatever its words read as alone. Not a ticker
    /// (`<IBM>`, no lower-case letter), which the acronym rules read.
    fn bracketed_firm(&self, doc: &Doc, s: usize) -> Option<usize> {
        const MAX_LEN: usize = 80;
        let toks = &doc.toks;
        let start = toks[s].start;
        if !doc.text[..start].ends_with('<') {
            return None;
        }
        // Bytes, not a slice of the text: `MAX_LEN` on may fall inside a character.
        let rest = &doc.text.as_bytes()[start..doc.text.len().min(start + MAX_LEN + 1)];
        let close = start + rest.iter().position(|b| matches!(b, b'>' | b'<' | b'\n'))?;
        let inner = &doc.text[start..close];
        // A title in brackets, as Korean pages write works (`<The Palace: Tale of Jang
        // Noksu>`), is no firm.
        if !doc.text[close..].starts_with('>')
            || !inner.bytes().any(|b| b.is_ascii_lowercase())
            || inner.contains(':')
        {
            return None;
        }
        // Every word of it a name's: capitalised, a joiner, or in parentheses (`(USA)`); and
        // more than a legal form (`<Inc>`).
        let e = (s..toks.len())
            .take_while(|&k| toks[k].end <= close)
            .last()?;
        let named = (s..=e).all(|k| {
            toks[k].has(CAP | PARTICLE | CONNECTOR) || doc.text[..toks[k].start].ends_with('(')
        });
        (named && (s..=e).any(|k| !toks[k].has(ORG_HEAD))).then_some(e)
    }

    /// The token of `Bill` or `Act` ending a law whose name holds words in parentheses, from
    /// the token `s` that opens it (`Health Service (Miscellaneous Provisions) Bill`,
    /// `Prevention of Terrorism (Temporary Provisions) Act`): one name, though the
    /// parenthesis parts it.
    fn bracketed_law(&self, doc: &Doc, s: usize) -> Option<usize> {
        let toks = &doc.toks;
        let gap = |k: usize| &doc.text[toks[k].end..toks[k + 1].start];
        let named = |k: usize| {
            toks[k].has(CAP)
                || toks[k].has(CONNECTOR) && toks.get(k + 1).is_some_and(|t| t.has(CAP))
        };
        // The words before the parenthesis, then those inside it.
        let mut k = s;
        while k + 1 < toks.len() && k < s + 6 && gap(k) == " " && named(k + 1) {
            k += 1;
        }
        if k + 1 >= toks.len() || gap(k).trim_end_matches(' ') != " (" || !toks[k].has(CAP) {
            return None;
        }
        let mut p = k + 1;
        while p + 1 < toks.len() && p < k + 5 && gap(p) == " " && named(p + 1) {
            p += 1;
        }
        let law = p + 1;
        // Not `John Smith (Labour) Bill Jones`.
        let named_after = || {
            toks.get(law + 1).is_some_and(|t| {
                t.has(CAP) && !t.has(BREAK) && doc.text[toks[law].end..t.start] == *" "
            })
        };
        (law < toks.len()
            && !in_list(doc.word(s), DETERMINERS)
            && toks[k + 1].has(CAP)
            && !named_after()
            && (k + 1..=p).all(|q| toks[q].has(CAP | CONNECTOR))
            && gap(p) == ") "
            && matches!(doc.word(law), "Bill" | "Act"))
        .then_some(law)
    }

    /// Whether the run `s..=e` is followed by a comma and a state or province that closes
    /// the clause (`Kimberley, B.C., smelter`, `Sarnia, Ontario, refinery`, `Smallton, Ohio.`,
    /// `Michigan City, Indiana,`): a town written as the wire writes towns. Not `Dole, Kansas
    /// Republican`.
    fn region_after(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let Some(first) = toks.get(e + 1) else {
            return false;
        };
        let between = &doc.text[toks[e].end..first.start];
        // The last of several names before a state is a member of Congress's (`Rep. David
        // O'B. Martin, N.Y., said`), not a town.
        let after_name = s > 0 && toks[s - 1].has(CAP) && {
            let gap = &doc.text[toks[s - 1].end..toks[s].start];
            gap.trim().is_empty() || (gap.trim() == "." && doc.word(s - 1).len() <= 3)
        };
        if after_name || between.trim_matches([' ', '\t']) != "," {
            return false;
        }
        let g = gazetteer();
        (e + 1..toks.len().min(e + 4))
            .take_while(|&k| toks[k].has(CAP) && (k == e + 1 || !toks[k].has(BREAK)))
            .any(|k| {
                // With the abbreviation's dot, if any (`N.Y.`); a text split into tokens
                // parts a sentence's last dot from it (`Boulder , Colo .`).
                let rest = &doc.text[toks[k].end..];
                let spaced = spaced_stop(rest);
                let end = toks[k].end + usize::from(rest.starts_with('.'));
                let written = &doc.text[first.start..end];
                let dot = written.ends_with('.') || spaced;
                let after = doc.text[end..].trim_start_matches(' ');
                // `Kent, Wash.-based`: a town's state may open a compound.
                if !(spaced || after.is_empty() || after.starts_with([',', '\n', ')', ';', '-'])) {
                    return false;
                }
                let key = key_string(written.trim_end_matches('.'));
                let region = |key: &str| g.us_states.contains(key) || g.provinces.contains(key);
                // An abbreviation counts with its dot: `Del, N.Y.` in a table of prices is
                // no town in Delaware.
                region(&key)
                    || (dot
                        && (STATE_ABBRS
                            .iter()
                            .any(|(a, _)| undotted(a).eq(undotted(&key)))
                            || (self.aliases.resolve(written)).is_some_and(|(name, kind)| {
                                kind == EntityKind::Place && region(&normalize_key(name))
                            })))
            })
    }

    /// Whether an age follows token `e`, between commas or before a dash (`Severine Potty, 19,
    /// had gone shopping`, `Smith, 45 -- a teacher`): a person's.
    fn age_after(&self, doc: &Doc, e: usize) -> bool {
        let rest = doc.text[doc.toks[e].end..].trim_start_matches(' ');
        let Some(rest) = rest.strip_prefix(',') else {
            return false;
        };
        let rest = rest.trim_start_matches(' ');
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let age = is_age(&rest[..digits]);
        // A dash a space apart: `12-bit` is no age, nor `53,351 tonnes`.
        let after = &rest[digits..];
        let comma = after.trim_start_matches(' ').strip_prefix(',');
        age && (comma.is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
            || after.starts_with(' ') && after.trim_start().starts_with(['-', '\u{2014}']))
    }

    /// Whether a calling or a title in lower case precedes token `s` (`guitarist Mick Mars`,
    /// `Keppel chairman Sim Kee Boon`, `Tesla boss Elon Musk`): a person's name follows.
    fn titled_before(&self, doc: &Doc, s: usize) -> bool {
        if s == 0 || doc.toks[s].has(BREAK) || doc.toks[s - 1].has(CAP) {
            return false;
        }
        let prev = doc.word(s - 1);
        in_list(prev, CALLINGS)
            || in_list(prev, &["boss", "chief"])
            || prev.bytes().all(|b| b.is_ascii_lowercase()) && lexicon_bits(prev) & TITLE != 0
    }

    /// Whether the word at `s` goes on a minister's portfolio: `of`, `for` or `and` before it,
    /// and a title before them in the sentence (`Minister of International Trade and
    /// Industry`, `Minister of State for Energy`).
    fn portfolio_before(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        if s < 2 || toks[s].has(BREAK) || !matches!(doc.word(s - 1), "of" | "for" | "and") {
            return false;
        }
        (s.saturating_sub(7)..s - 1)
            .rev()
            .take_while(|&k| !toks[k + 1].has(BREAK))
            .any(|k| {
                toks[k].has(TITLE)
                    && toks[k].has(CAP)
                    && in_list(doc.word(k), &["minister", "secretary"])
            })
    }

    /// Whether the two words `s..=e` after a calling or a title in lower case are a person's
    /// name, though one is a town's too, the other no list's (`captain Tama Umaga`, `animator
    /// Hayao Miyazaki`).
    fn titled_town(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let town = |k: usize| {
            toks[k].has(PLACE1) && !gazetteer().countries.contains(&key_string(doc.word(k)))
        };
        let unknown = |k: usize| !toks[k].has(!(CAP | BREAK | END_RUN | SENT));
        // Not a bank after its role in a loan (`lead manager Copenhagen Handelsbank`).
        e == s + 1
            && (town(s) && unknown(e) || unknown(s) && town(e))
            && !doc.word(e).ends_with("bank")
            && self.titled_before(doc, s)
    }

    /// Whether `of` and a country follow token `e` (`Kimiko Date of Japan`), as the wire
    /// writes where a player is from.
    fn of_country_after(&self, doc: &Doc, e: usize) -> bool {
        let toks = &doc.toks;
        e + 2 < toks.len()
            && doc.word(e + 1) == "of"
            && !toks[e + 1].has(BREAK)
            && !toks[e + 2].has(BREAK)
            && (e + 2..toks.len().min(e + 4)).any(|k| {
                // The whole name: not `Jersey` of `Jersey City`.
                (e + 3..=k).all(|j| toks[j].has(CAP) && !toks[j].has(BREAK))
                    && toks.get(k + 1).is_none_or(|t| !t.has(CAP) || t.has(BREAK))
                    && gazetteer()
                        .countries
                        .contains(&normalize_key(&doc.surface(e + 2, k)))
            })
    }

    /// Whether an age in years precedes token `s` (`the 20-year-old Tiger Woods`, `a 45
    /// year-old Virginia Giuffre`): a person's. Not a building's (`the 800-year-old Notre
    /// Dame`).
    fn aged_before(&self, doc: &Doc, s: usize) -> bool {
        if doc.toks[s].has(BREAK) {
            return false;
        }
        let before = doc.text[..doc.toks[s].start].trim_end_matches(' ');
        let Some(age) = ["-year-old", " year-old", " year old"]
            .iter()
            .find_map(|mark| before.strip_suffix(mark))
        else {
            return false;
        };
        let digits = age.len() - age.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        age[age.len() - digits..]
            .parse::<u8>()
            .is_ok_and(|a| (1..=110).contains(&a))
    }

    /// Whether the run `s..=e` of a cricket scorecard is a bowler's name: after `b` or `c`
    /// (`R. Croft b Waqar Younis`) or before bowling figures (`Waqar Younis 9-0-54-1`).
    fn bowler(&self, doc: &Doc, s: usize, e: usize) -> bool {
        if !doc.sports {
            return false;
        }
        let after_mark = s > 0 && !doc.toks[s].has(BREAK) && matches!(doc.word(s - 1), "b" | "c");
        let figures = doc.text[doc.toks[e].end..]
            .trim_start_matches(' ')
            .split([' ', ',', '\n'])
            .next()
            .is_some_and(|w| {
                let number = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
                w.split('-').count() == 4 && w.split('-').all(number)
            });
        after_mark || figures
    }

    /// Whether token `s` is in a cricket scorecard's line of players: `Did not bat :
    /// Dharmasena , Vaas`, `Bowling : Vass 7-0-29-0`.
    fn scorecard_list(&self, doc: &Doc, s: usize) -> bool {
        if !doc.sports {
            return false;
        }
        let before = &doc.text.as_bytes()[..doc.toks[s].start];
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |at| at + 1);
        let line = &doc.text[line_start..doc.toks[s].start];
        ["Did not bat", "Yet to bat", "Bowling"].iter().any(|head| {
            line.strip_prefix(head)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
    }

    /// Whether `who` follows token `s` a comma apart (`Eminem, who`; not `holders of Bally
    /// who bought`).
    fn who_follows(&self, doc: &Doc, s: usize) -> bool {
        let rest = doc.text[doc.toks[s].end..].trim_start_matches(' ');
        let Some(rest) = rest.strip_prefix(',') else {
            return false;
        };
        let Some(after) = rest.strip_prefix(' ').and_then(|r| r.strip_prefix("who")) else {
            return false;
        };
        // `U2, who have won`, `Boro, who are playing`: a band's or a club's plural verb.
        let verb = after
            .trim_start()
            .split([' ', '\n', ','])
            .next()
            .unwrap_or("");
        after.starts_with([' ', '\n', ',']) && !matches!(verb, "are" | "were" | "have")
    }

    /// Whether a person's calling follows token `s` as an apposition (`Mike Lake, a
    /// spokesman for`, `Hazell, the Gloucester flanker`: up to two words before it).
    fn calling_after(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        let rest = doc.text[toks[s].end..].trim_start_matches(' ');
        if !rest.starts_with(", ") || toks.get(s + 1).is_none_or(|t| t.has(CAP)) {
            return false;
        }
        if !matches!(doc.word(s + 1), "a" | "an" | "the") {
            return false;
        }
        // Not the source of what precedes (`at Chuquicamata, a mine spokesman said`), but
        // an apposition that a comma closes (`Yasushi Akashi, the UN envoy, told`).
        let speaks = |k: usize| {
            toks.get(k).is_some_and(|t| !t.has(CAP | BREAK)) && in_list(doc.word(k), SPEECH)
        };
        // A calling, or an office in lower case that heads the apposition (`the DHA
        // undersecretary-general,`; not `the first foreign company`).
        let heads = |mut k: usize| {
            // Over the parts of a compound (`secretary-general`).
            while k + 1 < toks.len() && doc.text[toks[k].end..].starts_with('-') {
                k += 1;
            }
            doc.text[toks[k].end..]
                .trim_start_matches(' ')
                .starts_with([',', '.', ';'])
                || toks.get(k + 1).is_some_and(|n| !n.has(CAP | BREAK))
                    && in_list(doc.word(k + 1), &["of", "for", "at", "in", "to"])
        };
        // A title of one word (`undersecretary`), not the first of several (`business` of
        // `Business Secretary`).
        let office = |word: &str| {
            word.bytes().all(|b| b.is_ascii_lowercase())
                && (gazetteer().titles.get(word))
                    .is_some_and(|ts| ts.iter().any(|t| t.words.len() == 1 && !t.weak))
        };
        let calling = |k: usize| in_list(doc.word(k), CALLINGS) || office(doc.word(k)) && heads(k);
        (s + 2..toks.len().min(s + 5))
            .any(|k| !toks[k].has(BREAK | CAP) && calling(k) && !speaks(k + 1))
    }

    /// Whether a verb of speech follows token `s`, or `said` precedes it.
    fn speaks(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        let next = s + 1 < toks.len() && !toks[s + 1].has(CAP | BREAK);
        let prev = s > 0 && !toks[s].has(BREAK) && !toks[s - 1].has(CAP);
        (next && in_list(doc.word(s + 1), SPEECH))
            || (prev && matches!(doc.word(s - 1), "said" | "says"))
    }

    /// The last token of a title in quotation marks that opens at token `i`: two to six
    /// words, each capitalised but for small ones (`" On the Waterfront "`, `"The Crying
    /// Game"`, `" Schindler 's List "`), which CoNLL-2003 tags as MISC: a film, a book, a
    /// campaign's slogan. Not a nickname inside a name (`Roberto " Hands of Stone " Duran`),
    /// words someone said (`"Thank You," he said`) or a name known as something else.
    fn quoted_title(&self, doc: &Doc, col: &Collector, i: usize) -> Option<usize> {
        const SMALL: &[&str] = &[
            "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "from",
            "or", "s",
        ];
        let toks = &doc.toks;
        let text = doc.text;
        let before = text[..toks[i].start].trim_end_matches(' ');
        let open = before
            .strip_suffix('"')
            .or_else(|| before.strip_suffix('\u{201C}'))?;
        // An opening mark: after a space or a bracket, with the marks before it on its line
        // paired (`" Brothers ! " cried Nasser` closes one at `cried`).
        let line = &open[open.rfind('\n').map_or(0, |k| k + 1)..];
        if !(open.is_empty() || open.ends_with([' ', '\n', '(']))
            || line.bytes().filter(|&b| b == b'"').count() % 2 == 1
        {
            return None;
        }
        let mut j = i;
        let close = loop {
            let t = &toks[j];
            let word = doc.word(j);
            let small = !t.has(CAP) && in_list(word, SMALL);
            let number = word.as_bytes()[0].is_ascii_digit();
            if !(t.has(CAP) && !t.has(SKIP) || small && j > i || number && j > i) {
                return None;
            }
            let after = text[t.end..].trim_start_matches(' ');
            let after = after
                .strip_prefix([',', '.'])
                .unwrap_or(after)
                .trim_start_matches(' ');
            if let Some(rest) = after
                .strip_prefix('"')
                .or_else(|| after.strip_prefix('\u{201D}'))
            {
                if small {
                    return None;
                }
                break rest;
            }
            let next = toks.get(j + 1)?;
            if j + 1 - i >= 6
                || !text[t.end..next.start]
                    .bytes()
                    .all(|b| matches!(b, b' ' | b'\'' | b'-'))
            {
                return None;
            }
            j += 1;
        };
        // A nickname: a name's word right before the opening mark or right after the closing
        // one.
        let named_before = open.trim_end().ends_with(|c: char| c.is_alphabetic())
            && i > 0
            && toks[i - 1].has(CAP)
            && toks[i - 1].has(FIRST | SURNAME);
        let named_after = close.trim_start().starts_with(|c: char| c.is_uppercase())
            && toks
                .get(j + 1)
                .is_some_and(|t| t.has(CAP) && t.has(SURNAME | FIRST));
        let said = (j + 1..toks.len().min(j + 4)).any(|k| in_list(doc.word(k), SPEECH));
        // Read by what its words say: a person's name (`" Anne Klein "`), a place's (`" Fort
        // Knox "`, `" South Bank "`), a body's (`" Paris Club "`), or words in capitals,
        // whose case says nothing, as in a text in capitals read in the case guessed for it.
        let shaped = j == i + 1 && toks[i].has(FIRST)
            || in_list(doc.word(j), PLACE_HEADS)
            || in_list(doc.word(i), PLACE_FIRSTS)
            || self.has_org_head(doc, i, j)
            || doc.cased
            || toks[i..=j].iter().all(|t| t.has(ALL_CAPS));
        (j > i
            && !named_before
            && !named_after
            && !said
            && !shaped
            && self.known(doc, col, i, j).is_none())
        .then_some(j)
    }

    /// A name that a capitalised `The` opens inside a sentence, with its first and last
    /// tokens and its kind: a publication's (`told The Economist`, `The Sunday Telegraph
    /// said`: an organisation), a body's by its head word (`The Monday Club`, without `The`),
    /// a venue's (`at The Oval`) or a work's (`has read The Da Vinci Code`, `starred in The Aviator`: MISC), which no
    /// person's or place's name is. Names the lists know are read as usual (`The Hague`).
    fn the_title(
        &self,
        doc: &Doc,
        col: &Collector,
        i: usize,
    ) -> Option<(usize, usize, EntityKind)> {
        const PUBLICATIONS: &[&str] = &[
            "times",
            "telegraph",
            "guardian",
            "economist",
            "independent",
            "observer",
            "post",
            "journal",
            "herald",
            "mail",
            "mirror",
            "sun",
            "express",
            "tribune",
            "chronicle",
            "gazette",
            "lancet",
            "standard",
            "scotsman",
            "spectator",
            "inquirer",
            "globe",
            "record",
            "register",
            "bulletin",
            "news",
        ];
        let toks = &doc.toks;
        let t = &toks[i];
        if doc.word(i) != "The" || t.has(SENT | BREAK | SKIP) || doc.cased {
            return None;
        }
        let mut j = i;
        while let Some(next) = toks.get(j + 1) {
            let small = !next.has(CAP) && in_list(doc.word(j + 1), &["of", "the"]);
            // A weekday breaks a run, but not a paper's name (`The Sunday Telegraph`).
            let weekday = next.has(MONTH) || toks[j].has(MONTH);
            // A space between, or a line feed where text wrapped at a width (`The Broken` /
            // `Hill Pty`).
            let gap = &doc.text[toks[j].end..next.start];
            if next.has(SKIP)
                || next.has(BREAK) && !weekday
                || !(next.has(CAP) || small)
                || !(gap == " " || gap.trim_matches(' ') == "\n")
            {
                break;
            }
            // Longer runs are firms' names and lists, read as usual.
            if j + 1 - i > 6 {
                return None;
            }
            j += 1;
        }
        while j > i && !toks[j].has(CAP) {
            j -= 1;
        }
        // `The Hongkong and Shanghai Banking Corp`, `The Small Faces and The Who`: a firm or
        // a list, read as usual.
        let joined = toks.get(j + 1).is_some_and(|t| t.has(AND) && !t.has(CAP))
            || doc.text[toks[j].end..]
                .trim_start_matches(' ')
                .starts_with('&');
        if j == i
            || joined
            || (i + 1..=j).any(|k| self.known(doc, col, i + 1, k).is_some())
            || self.known(doc, col, i, j).is_some()
            || (i + 1..=j).any(|k| toks[k].has(TITLE | DEMONYM | ALL_CAPS))
            || in_list(doc.word(j).trim_end_matches('.'), LEGAL_SUFFIXES)
        {
            return None;
        }
        let last = doc.word(j);
        Some(
            if in_list(last, PUBLICATIONS) || self.publication_after(doc, j) {
                (i, j, EntityKind::Organization)
            } else if j > i + 1 && self.has_org_head(doc, i + 1, j) {
                (i + 1, j, EntityKind::Organization)
            } else if i > 0 && doc.word(i - 1).eq_ignore_ascii_case("at") {
                // `at The Oval`, `at The Curragh`: a ground or a hall.
                (i, j, EntityKind::Place)
            } else {
                (i, j, EntityKind::Misc)
            },
        )
    }

    /// Whether token `s` is inside parentheses opened earlier on its line.
    fn in_parens(&self, doc: &Doc, s: usize) -> bool {
        let line = doc.text[..doc.toks[s].start]
            .rsplit('\n')
            .next()
            .unwrap_or("");
        let open = line.bytes().filter(|&b| b == b'(').count();
        open > line.bytes().filter(|&b| b == b')').count()
    }

    /// Whether the run at `s` follows a competitor's country in parentheses on a ranked row
    /// of a sports story's results (`1. Sebastien Tortelli ( France ) Kawasaki`, `12. Martin
    /// Brundle (Britain) Jordan 34`): the team or the maker raced for, not a place or a person.
    fn entrant_team(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        if !doc.sports || s < 2 || doc.text[toks[s - 1].end..toks[s].start].trim() != ")" {
            return false;
        }
        let before = &doc.text[..toks[s].start];
        let row = before[before.rfind('\n').map_or(0, |i| i + 1)..].trim_start();
        let rank = row.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&rank) && row[rank..].starts_with('.') && row.contains('(')
    }

    /// Whether the word at `s` stands alone in parentheses right after a capitalised word
    /// (`Murat Yakin ( Grasshoppers )`, `Liam Fox ( Conservative )`): what the name before is
    /// of, not a sentence's first word.
    fn bracketed_after_name(&self, doc: &Doc, s: usize) -> bool {
        let t = &doc.toks[s];
        s > 0
            && doc.toks[s - 1].has(CAP)
            && doc.text[doc.toks[s - 1].end..t.start].trim() == "("
            && doc.text[t.end..].trim_start_matches(' ').starts_with(')')
    }

    /// Whether a number follows token `e` on its line (a score or a table row).
    fn before_score(&self, doc: &Doc, e: usize) -> bool {
        let after = doc.text[doc.toks[e].end..].trim_start_matches([' ', '\t']);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        // Not a year (`LONDON 1996-08-22`) nor an ordinal (`Heinrich 29th`).
        (1..=3).contains(&digits)
            && !after[digits..]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic())
    }

    /// Whether an ordinal follows token `e` (`Heinrich 29th`: a scorer and his minute).
    fn ordinal_after(&self, doc: &Doc, e: usize) -> bool {
        ordinal_at(doc.text[doc.toks[e].end..].trim_start_matches([' ', '\t']))
    }

    /// Whether the run `s..=e` of a sports story (the caller asks that first) is a goal's
    /// scorer: a name in the parentheses after a team's score, before a minute, a comma or the
    /// closing parenthesis (`Cologne 3 ( Gaissmayer 9th , Polster 60th )`), or a name before
    /// its minute in parentheses (`Esnaider ( 37th )`).
    fn scorer(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        if e > s + 1 || doc.cased || toks[s..=e].iter().any(|t| t.has(ALL_CAPS) || !t.has(CAP)) {
            return false;
        }
        let text = doc.text;
        let after = text[toks[e].end..].trim_start_matches([' ', '\t']);
        // A minute as a number alone (`Korneev 10 ,`) or an ordinal (`Rodriguez 56th`).
        let minute = |rest: &str| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            (1..=3).contains(&digits) && rest[digits..].starts_with(|c: char| !c.is_alphanumeric())
                || ordinal_at(rest)
        };
        // `Esnaider ( 37th )`.
        if let Some(inner) = after.strip_prefix('(') {
            return ordinal_at(inner.trim_start_matches([' ', '\t']));
        }
        if !(minute(after) || after.starts_with([',', ')'])) {
            return false;
        }
        // The parenthesis this name is in, opened on its line after a score; a results line
        // is short, so the look-back stops at its width.
        let before = &text[..toks[s].start];
        let mut from = before.len().saturating_sub(160);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        let line = before[from..].rfind('\n').map_or(from, |n| from + n + 1);
        let Some(open) = before[line..].rfind('(').map(|o| line + o) else {
            return false;
        };
        if before[open..].contains(')') {
            return false;
        }
        let head = text[line..open].trim_end_matches([' ', '\t']);
        head.ends_with(|c: char| c.is_ascii_digit())
            && head[..head.len() - 1]
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .ends_with([' ', '\t'])
    }

    /// Whether a score precedes token `s` on its line (`Lokomotiva Kosice 2 Kerametal Dubnica`).
    fn after_score(&self, doc: &Doc, s: usize) -> bool {
        let before = doc.text[..doc.toks[s].start].trim_end_matches([' ', '\t']);
        let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits)
            && before[..before.len() - digits]
                .bytes()
                .next_back()
                .is_none_or(|b| b == b' ' || b == b'\t' || b == b'\n')
    }

    /// Whether the run `s..=e` of a sports story's results is an athlete's name: before a
    /// country in parentheses (`Torrance Zellner ( U.S. ) 48.23`), before the scores of three
    /// rounds or more (`Iain Pyman 71 75 75 71`), or a scorer in parentheses (`( Ijaz Ahmed 79
    /// ;`).
    fn athlete(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let after = doc.text[toks[e].end..].trim_start_matches([' ', '\t']);
        let country = after.starts_with('(')
            && (e + 2 < toks.len())
            && doc.text[toks[e + 1].end..].trim_start().starts_with(')')
            && self.known_place(doc, col, e + 1, e + 1);
        let rounds = after
            .split([' ', '\t'])
            .take(3)
            .filter(|w| (2..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .count()
            == 3;
        country || rounds || self.in_parens(doc, s) && self.before_score(doc, e)
    }

    /// Whether the run `s..=e` stands where a team does: next to a score or a `v`.
    fn team_context(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let versus = |w: &str| matches!(w, "v" | "v." | "vs" | "vs.");
        let enclosed = doc.text[..doc.toks[s].start].trim_end().ends_with('(')
            && doc.text[doc.toks[e].end..].trim_start().starts_with(')');
        enclosed
            || self.before_score(doc, e)
            || self.after_score(doc, s)
            || (e + 1 < doc.toks.len() && versus(doc.word(e + 1)))
            || (s > 0 && versus(doc.word(s - 1)))
            || self.fixture_line(doc, s, e)
    }

    /// Whether the run `s..=e` names the town of a ground: after the ground's name and a
    /// comma or a bracket, ending a clause (`at Edgbaston , Birmingham )`, `At Headingley (
    /// Leeds )`), or opening
    /// a line of a scoreboard before a colon, maybe after `In` (`Leicester : Leicestershire
    /// beat Somerset`, `London ( The Oval ) : Warwickshire 195`, `In Vaduz : Vaduz (
    /// Liechtenstein ) 1`).
    fn venue_town(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let text = doc.text;
        let before = text[..toks[s].start].trim_end_matches(' ');
        let after = text[toks[e].end..].trim_start_matches(' ');
        // Not a clause after a ground's name (`at Grace Road , Leicestershire extended`).
        let ends = after.is_empty() || after.starts_with([')', ',', '.', ';', '\n']);
        if s > 1 && before.ends_with([',', '(']) && ends {
            // The ground: up to four capitalised words, after `at` or `in`.
            let mut k = s - 1;
            while k > 0
                && s - k <= 4
                && toks[k].has(CAP)
                && !toks[k].has(BREAK)
                && !in_list(doc.word(k), PLACE_CUES)
            {
                k -= 1;
            }
            return k + 1 < s
                && in_list(doc.word(k), PLACE_CUES)
                && toks[k + 1..s].iter().all(|t| !t.has(PLACE1));
        }
        let after = match after.strip_prefix('(') {
            Some(inner) => inner
                .split_once(')')
                .filter(|(ground, _)| !ground.contains('\n'))
                .map_or("", |(_, rest)| rest.trim_start_matches(' ')),
            None => after,
        };
        // `In Vaduz : Vaduz ( Liechtenstein ) 1` too.
        let opens =
            opens_line(doc, s) || s > 0 && doc.word(s - 1) == "In" && opens_line(doc, s - 1);
        opens
            && after
                .strip_prefix(':')
                .is_some_and(|rest| rest.trim_start_matches(' ').starts_with(char::is_uppercase))
    }

    /// Whether the run `s..=e` is the visitors' side of a line that names a fixture and
    /// nothing else (`KANSAS CITY AT DETROIT`, a schedule's line; `DETROIT` is where they play).
    fn fixture_line(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let text = doc.text;
        let (from, to) = (doc.toks[s].start, doc.toks[e].end);
        let start = text[..from].rfind('\n').map_or(0, |i| i + 1);
        let end = text[to..].find('\n').map_or(text.len(), |i| to + i);
        let line = text[start..end].trim();
        let Some((visitors, venue)) = line.split_once(" AT ").or_else(|| line.split_once(" at "))
        else {
            return false;
        };
        let named = |side: &str| {
            !side.is_empty()
                && side
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || matches!(b, b' ' | b'.' | b'\''))
        };
        visitors == &text[from..to] && named(visitors) && named(venue)
    }

    /// A place that stands for its team in a sports story: next to a score, or named where a
    /// place cue (`in`, `at`) or a dateline position does not make it the venue. Countries
    /// stay places.
    fn team_place(&self, doc: &Doc, canonical: &str, s: usize, e: usize, title: bool) -> bool {
        // `Newcastle boss Graeme Souness`, `Liverpool striker`: a club's people name the club,
        // in any story.
        let toks = &doc.toks;
        let role = e + 1 < toks.len()
            && !toks[e + 1].has(CAP | BREAK)
            && (in_list(doc.word(e + 1), CLUB_PLAYERS) || in_list(doc.word(e + 1), CLUB_FOLLOWERS));
        // A country's name is its national side's, as CoNLL-2003 tags it a place; Monaco has
        // none that news reports, and its club plays in France's league.
        let country =
            || canonical != "Monaco" && gazetteer().countries.contains(&normalize_key(canonical));
        if !(doc.team_sport || role) || country() {
            return false;
        }
        if role {
            return true;
        }
        if self.venue_town(doc, s, e) {
            return false;
        }
        // `the Indian Ocean island`, `300 kms west of Bucharest`, `travel to Tel Aviv`: a
        // feature, a place's kind after it, a compass point and `of` or a journey's words
        // before it name no team.
        let lower = |k: usize| toks.get(k).is_some_and(|t| !t.has(CAP | BREAK));
        let journey = journey_to(doc, s);
        // Not `West Coast`, `Gold Coast`, `Queens Park`: teams named so.
        let feature =
            in_list(doc.word(e), PLACE_HEADS) && !in_list(doc.word(e), &["coast", "park"]);
        if feature
            || lower(e + 1) && in_list(doc.word(e + 1), PLACE_NOUNS)
            || journey
            || self.place_cue(doc, s)
        {
            return false;
        }
        if self.team_context(doc, s, e) {
            return true;
        }
        let cue = s > 0 && in_list(doc.word(s - 1), PLACE_CUES);
        // `AKRON , Ohio 1996-08-29`, `LONDON 1996-08-31`: a dateline, a place before a year or
        // a short line that a place opens and a year ends. A line that a team opens goes on
        // otherwise (`Essex need another 148`).
        let rest = &doc.text.as_bytes()[doc.toks[e].end..];
        let line = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
        let year = |b: &[u8]| b.windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        let dated =
            year(&line[..line.len().min(6)]) || opens_line(doc, s) && line.len() < 40 && year(line);
        // A headline in capitals names teams too (`CRICKET - ESSEX AND KENT MADE TO SWEAT`).
        !cue && !dated && (!doc.toks[s].has(SKIP) || title)
    }

    /// Whether the run `s..=e` names a storm (`Hurricane Maria`, `Typhoon Haiyan`, `Tropical
    /// Storm Allison`): MISC, though named as people are. `Storm` is a given name too, so
    /// only a given name after it makes one (`Storm Ciara`, not `Storm Filsaime`).
    fn storm(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let at = if doc.word(s) == "Tropical" { s + 1 } else { s };
        let word = doc.word(at);
        e == at + 1
            && in_list(word, STORMS)
            && !toks[e].has(DICT)
            && (toks[e].has(FIRST) || !word.eq_ignore_ascii_case("storm"))
    }

    /// A group name that is neither person, organisation nor place: demonyms with compass
    /// words (`South African`, `Bosnian Serb`), a league (`National League`) or a storm.
    fn misc_run(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let group = |i: usize| {
            let w = doc.word(i);
            toks[i].has(DEMONYM) || in_list(w, COMPASS_POINTS) || in_list(w, REGION_WORDS)
        };
        if toks[e].has(DEMONYM) && (s..e).all(group) {
            return true;
        }
        // `Sri Lankan`, `New Zealander`, `Costa Rican`: the demonym of a place of two words.
        const TAILS: &[&str] = &["lankan", "zealander", "rican", "leonean", "salvadoran"];
        const HEADS: &[&str] = &["sri", "new", "costa", "puerto", "sierra", "el"];
        if e == s + 1 && toks[e].has(DEMONYM) && in_list(doc.word(s), HEADS) {
            let tail = key_string(doc.word(e));
            if in_list(tail.strip_suffix('s').unwrap_or(&tail), TAILS) {
                return true;
            }
        }
        if self.storm(doc, s, e) {
            return true;
        }
        e - s <= 2
            && in_list(doc.word(e), LEAGUE_HEADS)
            && (s..e).all(|i| group(i) || in_list(doc.word(i), LEAGUE_FIRSTS))
    }

    /// Reads the run of capitalised words starting at `i` on an all-caps line (a wire header,
    /// a dateline, a shouting headline), where case says nothing: only known names count
    /// (longest first, at most four words), and a run opening a line before a date or a
    /// comma is a dateline place. Returns the index of the next token to look at.
    fn caps_line_run(&self, doc: &Doc, col: &mut Collector, i: usize) -> usize {
        let toks = &doc.toks;
        let n = toks.len();
        let mut j = i;
        while j + 1 < n
            && j - i < 5
            && toks[j + 1].has(SKIP)
            && toks[j + 1].has(CAP)
            && !toks[j + 1].has(BREAK)
            && !toks[j].has(END_RUN)
        {
            j += 1;
        }
        // `RITE AID CORP <RAD> SETS DIVIDEND`: a firm's name before its ticker, where no
        // headline word of news comes between (`GENCORP SAYS AFG <AFG>` names `AFG`).
        // Not the end of a longer name (`SAVINGS AND LOAN <X>`, `HARPER/ROW <HPR>`).
        let continues = || {
            i > 0
                && !toks[i].has(BREAK)
                && (doc.word(i - 1).eq_ignore_ascii_case("and")
                    || in_list(doc.word(i - 1), NAME_JOINERS)
                        && i > 1
                        && in_list(doc.word(i - 2), FIRM_OF_WORDS)
                    || doc.text[..toks[i].start].ends_with(['/', '&', '-']))
        };
        // Where the run opens the headline (`RITE AID CORP <RAD> SETS DIVIDEND`) or a clause,
        // or the story writes it (`SUES TO FORCE HUGHES <HT>` names `Hughes`).
        let opens = || {
            opens_line(doc, i)
                || doc.text[..toks[i].start]
                    .trim_end()
                    .ends_with([',', ':', '-'])
                || find_ignoring_case(doc.body, &doc.surface(i, j)).is_some()
        };
        if ticker_after(doc.text, toks[j].end)
            && !continues()
            && (i..=j).all(|k| !HEADLINE_SET.contains(doc.word(k)))
            && !in_list(doc.word(i).trim_end_matches('.'), LEGAL_SUFFIXES)
            && !in_list(doc.word(i), NAME_JOINERS)
            && opens()
        {
            let name = match self.known(doc, col, i, j) {
                Some((canonical, EntityKind::Organization)) => canonical.into_owned(),
                _ => self.firm_case(doc, i, j),
            };
            self.emit(doc, col, &name, EntityKind::Organization, i, j);
            // `TEXAS AIR`, `AMERICAN EXPRESS`: the article is still about the place the firm
            // is named after, counted without a mention of its own (as for `U.S. Treasury`).
            // Not a region's name inside it (`SECURITY PACIFIC`): a country, state or town's.
            let g = gazetteer();
            let settled = |place: &str| {
                let key = key_string(place);
                g.countries.contains(&key) || g.place_countries.contains_key(&key)
            };
            // A name of two words or more opens with a known name's first word, or ends in
            // `Province` (`known`): a lookup per other span showed in profiles, as a wire
            // service sends thousands of such headlines.
            let province = |b: usize| in_list(doc.word(b), PROVINCE_WORDS);
            let place = (i..=j).find_map(|a| {
                let longer = a < j && self.heads_name(doc, a);
                (a..=j.min(a + 3))
                    .rev()
                    .filter(|&b| b == a || longer || province(b))
                    .find_map(|b| match self.known(doc, col, a, b) {
                        Some((place, EntityKind::Place))
                            if !(a == i && b == j) && settled(&place) =>
                        {
                            Some((place.into_owned(), a, b))
                        }
                        _ => None,
                    })
            });
            if let Some((place, a, b)) = place {
                col.add(&place, EntityKind::Place, &doc.surface(a, b));
            }
            // A line of capitals has no word flags.
            if i < j && g.demonym_places.contains_key(&key_string(doc.word(i))) {
                let word = doc.word(i);
                col.add(&demonym_canonical(word), EntityKind::Misc, word);
            }
            return j + 1;
        }
        if let Some(e) = (col.field == MentionField::Title)
            .then(|| self.headline_event(doc, i))
            .flatten()
        {
            let surface = doc.surface(i, e);
            self.emit(doc, col, &title_case(&surface), EntityKind::Misc, i, e);
            return e + 1;
        }
        // `FRENCH LEAGUE RESULTS`, `ENGLISH PREMIER LEAGUE SUMMARY`: a country's league
        // (CoNLL-2003 tags the nationality alone), not one named so (`AMERICAN LEAGUE`).
        let national_league = |e: usize| {
            let first = doc.word(i);
            in_list(doc.word(e), &["league", "division"])
                && (i + 1..e).all(|k| in_list(doc.word(k), &["premier"]))
                && !in_list(first, &["american", "european", "asian", "african"])
                && gazetteer().demonym_places.contains_key(&key_string(first))
        };
        if let Some(e) = (i + 1..=j.min(i + 2)).rev().find(|&e| national_league(e)) {
            let w = doc.word(i);
            self.emit(doc, col, &demonym_canonical(w), EntityKind::Misc, i, i);
            return e + 1;
        }
        if let Some(e) = (i + 1..=j.min(i + 2))
            .rev()
            .find(|&e| self.misc_run(doc, i, e))
        {
            let surface = doc.surface(i, e);
            self.emit(doc, col, &title_case(&surface), EntityKind::Misc, i, e);
            return e + 1;
        }
        // Longest known name from i. The key of each shorter run is a prefix of the longest
        // one's: one pass writes them all.
        let mut last = j.min(i + 3);
        let mut key = doc.key.take();
        key.clear();
        let mut ends = [0; 4];
        let mut writer = KeyWriter::new(&mut key);
        let mut e = i;
        while e <= last {
            // A word with the space before it in one push: each push pays a scan and a copy.
            let from = if e > i {
                toks[e - 1].end
            } else {
                toks[e].start
            };
            writer.push(&doc.text[from..toks[e].end]);
            ends[e - i] = writer.key().len();
            // A longer run's key is the first word, a space and more: no known name of two
            // words or more starts so unless the first word heads one.
            let head = &writer.key()[..ends[0]];
            if e == i + 1
                && writer.key().as_bytes().get(ends[0]) == Some(&b' ')
                && !self.heads.contains(head)
            {
                last = i;
            }
            e += 1;
        }
        let found = (i..=last).rev().find_map(|e| {
            let full = &key[..ends[e - i]];
            let key = full.trim_end_matches('.');
            // In a line of capitals a short alias (`IS`, `US`) may be a common word, but
            // initials (`U.S.`, `U.N.`) never are.
            let initials = key
                .contains('.')
                .then(|| self.alias_of(full.as_bytes(), true));
            let found = initials
                .flatten()
                .or_else(|| self.name_of(key.as_bytes(), false));
            found.map(|f| (e, f))
        });
        // `BASEBALL - ORIOLES SNEAK PAST ANGELS`: a team by its nickname.
        let team = (found.is_none_or(|(e, _)| e == i))
            .then(|| self.names.get(&key.as_bytes()[..ends[0]]))
            .flatten()
            .and_then(|named| self.team_named(doc, col, named));
        doc.key.replace(key);
        // `HONG KONG OPEN`, `BERLIN GRAND PRIX`, `GERMAN CUP`: a sports headline's event named
        // after a place or a people.
        let event = |e: usize| {
            let place = found.is_some_and(|(end, (_, kind))| end == e && kind == EntityKind::Place);
            (place || e == i && toks[i].has(DEMONYM))
                .then(|| self.event_after(doc, e))
                .flatten()
        };
        if let Some(end) = event(found.map_or(i, |(e, _)| e)) {
            let surface = doc.surface(i, end);
            self.emit(doc, col, &title_case(&surface), EntityKind::Misc, i, end);
            return end + 1;
        }
        if let Some(team) = team {
            self.emit(doc, col, team, EntityKind::Organization, i, i);
            return i + 1;
        }
        if let Some((e, (canonical, kind))) = found {
            self.emit(doc, col, canonical, kind, i, e);
            return e + 1;
        }
        if toks[i].has(DEMONYM) {
            let w = doc.word(i);
            self.emit(doc, col, &demonym_canonical(w), EntityKind::Misc, i, i);
            return i + 1;
        }
        // In a headline in title case (not in capitals, where any word could be a name), a
        // given name and a surname, each a word English lacks or a listed surname: `Does Marie
        // Yovanovitch Have a Net Worth`, `Rob Lowe Will Never Forget`, but not `Blind Man Sees`
        // or `Miles Per Hour`.
        // A surname that is an English word or a month (`Tim Cook`, `Donald Trump`, `Theresa
        // May`) counts after a given name English lacks when the body writes it as a
        // person's (`Mr Cook`, `Mrs May`, `Trump said`).
        let next = &toks[(i + 1).min(n - 1)];
        let surname = next.has(SURNAME);
        if i + 1 < n
            && toks[i].has(FIRST)
            && !toks[i].has(ALL_CAPS | COMMON | END_RUN)
            && (!toks[i].has(DICT) || surname)
            && next.has(SKIP)
            && next.has(CAP)
            && !next.has(ALL_CAPS | BREAK | MONTH_ABBR | TITLE | ORG_HEAD)
            && ((!next.has(COMMON | MONTH) && (!next.has(DICT) || surname))
                || (!toks[i].has(DICT)
                    && body_names_person(doc.body, doc.word(i), doc.word(i + 1))))
            // `Blair Labour's longest-serving PM`: a surname, then a party.
            && (surname
                || !matches!(
                    self.known(doc, col, i + 1, i + 1),
                    Some((_, EntityKind::Organization))
                ))
        {
            self.emit_person(doc, col, i, i + 1);
            return i + 2;
        }
        // Any other words of a headline are what the story names so, if it does (`STANDARD
        // LIEGE` for Standard Liege, `SHEARER` for Alan Shearer).
        // The story writes the words as a name, and so their first word alone: one scan of
        // the body rules out most words.
        if col.field == MentionField::Title
            && !doc.body.is_empty()
            && !toks[i].has(COMMON | MONTH)
            && body_writes(doc.body, doc.word(i))
        {
            let written = (i + 1..=j.min(i + 2)).rev().find(|&e| {
                toks[i..=e].iter().all(|t| !t.has(COMMON | MONTH))
                    && body_writes(doc.body, doc.raw(i, e))
            });
            let t = &toks[i];
            let word = doc.word(i);
            let single = !t.has(COMMON | MONTH | MONTH_ABBR | DEMONYM)
                && word.len() > 2
                && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\'');
            if let Some(e) = written.or(single.then_some(i)) {
                col.pend_headline(doc.surface(i, e).into_owned(), doc.span(i, e));
                return e + 1;
            }
        }
        // A dateline: the run opens its line and a date or a comma follows (`NEW YORK
        // 1996-08-22`, `LONDON, March 3`), or, in sports, a team's figures. In a table of
        // figures (`LIVE CATTLE   FEEDER CATTLE` over `JUN7  38462  UP 1156`) the run stops at a
        // column gap or a line's end, and neither a word with digits nor a bare number makes
        // a dateline.
        let j = (i..j)
            .find(|&k| {
                let gap = &doc.text[toks[k].end..toks[k + 1].start];
                gap.contains('\n') || gap.contains("  ")
            })
            .unwrap_or(j);
        let line_start = opens_line(doc, i);
        let after = doc.text[toks[j].end..].trim_start_matches([' ', '\t']);
        // Place names of datelines run to three words (`RIO DE JANEIRO`); longer runs are
        // headlines (`CHGO IMM OPEN INTEREST ISSUED 7-APR`). A headline has no dateline: its
        // names before a comma are its subjects (`BARCLAYS, MIDLAND FOLLOW NATWEST`).
        if line_start
            && col.field == MentionField::Body
            && j - i < 3
            && (after.starts_with(',')
                || starts_with_date(after)
                // Standings: a team opens its line, its figures follow.
                || (doc.sports && after.starts_with(|c: char| c.is_ascii_digit())))
            // `FRIDAY , AUGUST 30 SCHEDULE`: a date.
            && toks[i..=j].iter().all(|t| {
                !t.has(COMMON | MONTH)
                    && !doc.text[t.start..t.end].contains(|c: char| c.is_ascii_digit())
            })
        {
            let surface = doc.surface(i, j);
            let canonical = title_case(&surface);
            self.emit(doc, col, &canonical, EntityKind::Place, i, j);
            return j + 1;
        }
        i + 1
    }

    /// Whether a word no list knows is formed from a name with a follower's or a native's
    /// ending (`Nasserite` of `Nasser`, `Baathists` of `Baath`, `Katangese` of `Katanga`,
    /// `Gibraltarians`, `Londoners`), a name the lists or the story so far know.
    fn follower(&self, doc: &Doc, col: &Collector, s: usize) -> bool {
        const ENDINGS: &[&str] = &["ites", "ite", "ists", "ist", "ese", "ians", "ian", "ers"];
        let word = doc.word(s);
        if doc.toks[s].has(DICT | COMMON | ALL_CAPS | FIRST | SURNAME | PLACE1) || word.len() < 6 {
            return false;
        }
        let known = |stem: &str| {
            stem.len() >= 4 && {
                let key = normalize_key(stem);
                self.name_of(key.as_bytes(), false).is_some()
                    || col.is_person_last_word(stem, &mut doc.key.borrow_mut())
            }
        };
        // `Katangese`: the place's final vowel goes; `Gibraltarians`, `Indonesians`,
        // `Londoners`: natives of a place.
        let place = |stem: &str| {
            let key = normalize_key(stem);
            gazetteer().places.contains_key(key.as_str()) || lexicon_bits(&key) & PLACE1 != 0
        };
        ENDINGS.iter().any(|&ending| {
            word.strip_suffix(ending).is_some_and(|stem| match ending {
                "ers" => place(stem),
                _ => {
                    known(stem)
                        || known(&format!("{stem}a"))
                        || ending.starts_with("ian") && known(&format!("{stem}ia"))
                }
            })
        })
    }

    /// Whether a team sport's story opens a sentence at token `i` with a word, then a town,
    /// and nothing more: a club (`Rotor Volgograd must play`, `Dynamo Moscow`).
    fn club_of_town(&self, doc: &Doc, col: &Collector, i: usize) -> bool {
        let toks = &doc.toks;
        let town = i + 1;
        doc.team_sport
            && toks[i].has(SENT)
            && toks[i].has(DICT)
            && !toks[i].has(COMMON | ALL_CAPS | DEMONYM | TITLE)
            && toks
                .get(town)
                .is_some_and(|t| t.has(CAP) && !t.has(BREAK | ALL_CAPS))
            && toks
                .get(town + 1)
                .is_none_or(|t| !t.has(CAP) || t.has(BREAK))
            && matches!(
                self.known(doc, col, town, town),
                Some((_, EntityKind::Place))
            )
    }

    /// The last token of the event a sports headline names at `i` after `AT`, `IN` or `OF`:
    /// up to four words, the last an event's head word (`RESULTS AT HAMLET CUP .`, `OUT OF
    /// EURO CUP .`), then maybe `OF` and a word (`STAGE OF TOUR OF NETHERLANDS .`), and the
    /// headline's end or a word of what happened there (`IN AFRICA NATIONS CUP QUALIFIER`).
    fn headline_event(&self, doc: &Doc, i: usize) -> Option<usize> {
        const AFTER: &[&str] = &[
            "qualifier",
            "qualifiers",
            "match",
            "matches",
            "result",
            "results",
            "scores",
            "standings",
            "stage",
            "tie",
            "game",
            "draw",
            "victory",
            "title",
            "practice",
        ];
        let toks = &doc.toks;
        let word = |k: usize| {
            toks.get(k)
                .filter(|t| t.has(CAP) && !t.has(BREAK))
                .map(|_| doc.word(k))
                .filter(|w| !w.contains(|c: char| c.is_lowercase()))
        };
        if !doc.sports || i == 0 || toks[i].has(BREAK) || doc.word(i).eq_ignore_ascii_case("the") {
            return None;
        }
        let mut before = i - 1;
        if doc.word(before).eq_ignore_ascii_case("the") && before > 0 {
            before -= 1;
        }
        if !in_list(doc.word(before), &["at", "in", "of"]) || opens_line(doc, before) {
            return None;
        }
        // Not `RESULTS OF S. KOREAN PROFESSIONAL GAMES`: games of a league. `SUMMARY OF
        // SPANISH SUPER CUP`: a people's event is read as their cups are, by `event_after`.
        let demonyms = &gazetteer().demonym_places;
        let head = (i..i + 4)
            .take_while(|&k| {
                word(k)
                    .is_some_and(|w| !in_list(w, AFTER) && !demonyms.contains_key(&key_string(w)))
            })
            .find(|&k| {
                word(k).is_some_and(|w| event_head(w) && !w.eq_ignore_ascii_case("games"))
            })?;
        let mut end = head;
        if word(head + 1).is_some_and(|w| w.eq_ignore_ascii_case("of")) && word(head + 2).is_some()
        {
            end = head + 2;
        }
        let rest = doc.text[toks[end].end..].trim_start_matches(' ');
        let closes = rest.starts_with(['.', '\n']) || rest.is_empty();
        (closes || word(end + 1).is_some_and(|w| in_list(w, AFTER))).then_some(end)
    }

    /// The last token of an event's head word after token `e` in a sports story's line of
    /// capitals: `OPEN`, `CUP`, `MASTERS`, `GRAND PRIX`, `COUNTY CHAMPIONSHIP`.
    fn event_after(&self, doc: &Doc, e: usize) -> Option<usize> {
        let toks = &doc.toks;
        let word = |k: usize| {
            toks.get(k)
                .filter(|t| t.has(CAP) && !t.has(BREAK))
                .map(|_| doc.word(k))
        };
        if !doc.sports {
            return None;
        }
        let next = word(e + 1)?;
        if event_head(next) {
            return Some(e + 1);
        }
        let after = word(e + 2)?;
        let two = (next.eq_ignore_ascii_case("grand") && after.eq_ignore_ascii_case("prix"))
            || (next.eq_ignore_ascii_case("county") && in_list(after, MISC_HEADS));
        two.then_some(e + 2)
    }

    /// Whether the run `i..=j` is a line of its own in mixed case and the next line opens with
    /// a word in capitals (`Yuri Kushko` over `TAVILDARA , Tajikistan 1996-08-30`).
    fn byline_then_dateline(&self, doc: &Doc, i: usize, j: usize) -> bool {
        let toks = &doc.toks;
        let Some(next) = toks.get(j + 1) else {
            return false;
        };
        let caps_word = doc.word(j + 1).bytes().all(|b| b.is_ascii_uppercase());
        next.has(ALL_CAPS)
            && !toks[j].has(ALL_CAPS)
            && caps_word
            && doc.word(j + 1).len() >= 3
            && opens_line(doc, j + 1)
            && opens_line(doc, i)
    }

    /// The last word of a town in capitals that opens a dated dateline in the body: a comma,
    /// a known place or a state's abbreviation, and a date last on the line or the next
    /// line's first (`NOVYE ATAGI , Russia 1996-08-22`, `MOUNTAIN VIEW , Calif. 1996-08-25`,
    /// `BARRY , Wales 1996-08-30`).
    fn dateline_town(&self, doc: &Doc, col: &Collector, i: usize) -> Option<usize> {
        let toks = &doc.toks;
        if col.field != MentionField::Body || !toks[i].has(ALL_CAPS) || !opens_line(doc, i) {
            return None;
        }
        let comma = |k: usize| {
            doc.text[toks[k].end..]
                .trim_start_matches(' ')
                .starts_with(',')
        };
        let e = (i..toks.len().min(i + 4))
            .take_while(|&k| toks[k].has(ALL_CAPS) && (k == i || !toks[k].has(BREAK)))
            .find(|&k| comma(k))?;
        let line_end = doc.text[toks[e].end..]
            .find('\n')
            .map_or(doc.text.len(), |n| toks[e].end + n);
        // The date ends the line, or is the next line (`MINNETONKA , Minn .` over
        // `1996-08-22`).
        let dated = doc.text[..line_end]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
            || starts_with_date(doc.text[line_end..].trim_start());
        if !dated {
            return None;
        }
        let place = |k: usize| {
            (k..toks.len().min(k + 3))
                .take_while(|&j| toks[j].end <= line_end)
                .any(|j| {
                    toks[k].has(STATE_ABBR)
                        || matches!(self.known(doc, col, k, j), Some((_, EntityKind::Place)))
                })
        };
        let known_else = !matches!(
            self.known(doc, col, i, e),
            None | Some((_, EntityKind::Place))
        );
        (e + 1 < toks.len() && toks[e + 1].has(CAP) && place(e + 1) && !known_else).then_some(e)
    }

    /// Whether token `s` opens a dateline in the body: first on its line, followed by a comma
    /// and a known place (`TAVILDARA , Tajikistan`; not a wrapped line's `GRANMA, Castro said`).
    fn opens_dateline(&self, doc: &Doc, col: &Collector, s: usize) -> bool {
        let toks = &doc.toks;
        let comma = doc.text[toks[s].end..]
            .trim_start_matches([' ', '\t'])
            .starts_with(',');
        let place = |e: usize| {
            e < toks.len() && matches!(self.known(doc, col, s + 1, e), Some((_, EntityKind::Place)))
        };
        opens_line(doc, s)
            && comma
            && col.field == MentionField::Body
            && toks
                .get(s + 1)
                .is_some_and(|t| t.has(CAP) && !t.has(ALL_CAPS))
            && (place(s + 1) || place(s + 2))
    }

    /// Records a mention and the acronyms that follow it in parentheses.
    fn emit(
        &self,
        doc: &Doc,
        col: &mut Collector,
        canonical: &str,
        kind: EntityKind,
        s: usize,
        e: usize,
    ) -> usize {
        let kind = if kind == EntityKind::Place
            && self.team_place(doc, canonical, s, e, col.field == MentionField::Title)
        {
            EntityKind::Organization // a city standing for its team: `Chicago 5 Boston 3`
        } else {
            kind
        };
        let idx = if kind == EntityKind::Misc && s == e {
            // `Serb-held`, `post-Soviet`, `Republican-controlled`: the mention is the word the
            // demonym is written into (as CoNLL-2003 tags it); the entity and its forms stay
            // the demonym.
            let span = hyphened(doc.text, doc.span(s, e));
            col.emit(canonical, kind, &doc.surface(s, e), span)
        } else if let Some(street) = (kind == EntityKind::Place && e > s)
            .then(|| {
                canonical
                    .strip_suffix(" St")
                    .or(canonical.strip_suffix(" St."))
            })
            .flatten()
        {
            // `Downing St` is `Downing Street`, found by either.
            let name = format!("{street} Street");
            col.emit(&name, kind, &doc.surface(s, e), doc.span(s, e))
        } else {
            col.emit(canonical, kind, &doc.surface(s, e), doc.span(s, e))
        };
        if e > s && kind != EntityKind::Place && doc.toks[s].has(ABBR) {
            // `U.S. Treasury` is an organisation, and the article is still about the U.S.:
            // the place is counted for the article, without a mention of its own.
            if let Some((place, EntityKind::Place)) = self.known(doc, col, s, s) {
                col.add(&place, EntityKind::Place, &doc.surface(s, s));
            }
        }
        if kind != EntityKind::Person {
            for acr in self.paren_acronyms(doc, e) {
                // A place is followed by its own initials (`United Arab Emirates (UAE)`); other
                // letters there name what the place ends (`Organisation for Security and
                // Cooperation in Europe (OSCE)`).
                if kind == EntityKind::Place && !self.initials_match(doc, s, e, &acr) {
                    continue;
                }
                let key = normalize_key(&acr);
                if self.aliases.resolve_key(&key, true).is_none() && !col.local.contains_key(&key) {
                    col.local.insert(key, (canonical.to_string(), kind));
                }
            }
        }
        idx
    }

    /// Whether the month name at token `e` is a surname: after a given name (`Theresa May`;
    /// not `German May current account`, `In June`) or a title (`Mrs May`, not `Mr Smith in
    /// May`), with no day after it (`Governor May 5`, `Easter April 9`: dates).
    fn month_surname(&self, doc: &Doc, e: usize) -> bool {
        let before = &doc.toks[e - 1];
        // `Mike Friday`, but `the Argus Leader Monday`: the day it was told.
        ((before.has(FIRST) && !before.has(DEMONYM | COMMON))
            || (before.has(TITLE) && doc.toks[e].has(MONTH) && !in_list(doc.word(e), WEEKDAYS)))
            && !day_after(doc, e)
    }

    /// [`emit`](Self::emit)s a name the lists know, but holds a person's one-word alias
    /// until the article is read: `Thatcher` is the article's `Ben Thatcher` if it names him,
    /// else the alias table's `Margaret Thatcher`.
    fn emit_known(
        &self,
        doc: &Doc,
        col: &mut Collector,
        canonical: &str,
        kind: EntityKind,
        s: usize,
        e: usize,
    ) {
        if s == e && kind == EntityKind::Person && canonical != doc.word(s) {
            col.pend_alias(doc.word(s).to_string(), canonical, doc.span(s, e));
        } else {
            self.emit(doc, col, canonical, kind, s, e);
        }
    }

    /// A person after a title: an alias, a full name, or a surname to join later.
    fn emit_person(&self, doc: &Doc, col: &mut Collector, s: usize, e: usize) {
        if s == e && in_list(doc.word(s).trim_end_matches('.'), DOT_ENDS) {
            return;
        }
        // `Sir Elton John CBE`, `Ben Emmerson QC`: letters after a name are no part of it.
        if e > s && in_list(doc.word(e), POST_NOMINALS) {
            return self.emit_person(doc, col, s, e - 1);
        }
        // Stacked titles: `Deputy Governor Sir Kit McMahon`.
        if let Some(TitleSplit {
            start,
            person: Some(p),
            object: None,
        }) = self.find_title(doc, s, e)
        {
            if start == s && p > s {
                return self.emit_person(doc, col, p, e);
            }
        }
        // `Sir Menzies said` after `Sir Menzies Campbell`: a knight goes by his given name.
        if s == e && s > 0 && in_list(doc.word(s - 1), &["sir", "dame"]) {
            if let Some(person) = col.person_of_first(doc.word(s)).map(str::to_string) {
                self.emit(doc, col, &person, EntityKind::Person, s, e);
                return;
            }
        }
        // `Senate Majority Leader Robert Dole of Kansas`, `President Musharraf of Pakistan`:
        // the person, then the place they are of. After a peer's rank one word before `of`
        // stays whole: the title (`Lord Nicholls of Birkenhead`) names the place too.
        let peer = s > 0 && in_list(doc.word(s - 1), PEER_RANKS);
        let from = if peer { s + 2 } else { s + 1 };
        let of_place = (from..e).filter(|&k| doc.word(k) == "of").find_map(|k| {
            match self.known(doc, col, k + 1, e)? {
                (place, EntityKind::Place) => Some((k, place.into_owned())),
                _ => None,
            }
        });
        if let Some((k, place)) = of_place {
            // `Cardinal Federal Savings Bank of Cleveland`: a firm after what reads as a title;
            // `Lord Chief Justice of England`: titles alone name no one.
            if doc.toks[k - 1].has(ORG_HEAD) {
                let surface = doc.surface(s, k - 1);
                self.emit(doc, col, &surface, EntityKind::Organization, s, k - 1);
            } else if !doc.toks[s..k].iter().all(|t| t.has(TITLE)) {
                self.emit_person(doc, col, s, k - 1);
            }
            self.emit(doc, col, &place, EntityKind::Place, k + 1, e);
            return;
        }
        // After a title, a place's or an award's name is a person's (`Mr Kennedy`, `Sir Alex
        // Ferguson`, `Commander Oscar`); after an honorific, a firm's too (`Mr Sears`, `Mr
        // Ford`).
        let honorific = s > 0
            && in_list(
                doc.word(s - 1).trim_end_matches('.'),
                &[
                    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "messrs",
                ],
            );
        let known = self.known(doc, col, s, e).filter(|(_, kind)| match kind {
            EntityKind::Place | EntityKind::Misc => false,
            EntityKind::Organization => !honorific,
            _ => true,
        });
        if let Some((canonical, kind)) = known {
            self.emit_known(doc, col, &canonical, kind, s, e);
        } else if s == e {
            col.pend_person(doc.surface(s, e).into_owned(), doc.span(s, e));
        } else {
            let surface = doc.surface(s, e);
            col.emit(
                surface.trim_end_matches('.'),
                EntityKind::Person,
                &surface,
                doc.span(s, e),
            );
        }
    }

    /// The `of` (token `k`) in a run `s..=e` that is a person's full name, `of` and two
    /// unknown names joined by `and` (`David Pike of Phillips and Drew`, `Kahn and Harris`):
    /// what a person speaks for is a firm, and two bare names make one of partners.
    fn partners_of_person(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> Option<usize> {
        let toks = &doc.toks;
        let k = e.checked_sub(3)?;
        let bare = |i: usize| {
            toks[i].has(CAP)
                && !toks[i].has(ALL_CAPS | DEMONYM | ORG_HEAD | TITLE | COMMON)
                && self.known(doc, col, i, i).is_none()
        };
        (k >= s + 2
            && doc.word(k) == "of"
            && toks[k + 2].has(AND)
            && toks[s].has(FIRST)
            && toks[s..k].iter().all(|t| t.has(CAP) && !t.has(ORG_HEAD))
            && bare(k + 1)
            && bare(e)
            && !doc.sports)
            .then_some(k)
    }

    /// Where to split a run on `and`: the index of the `and` token, if any.
    fn and_split(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> Option<usize> {
        let toks = &doc.toks;
        for k in s + 1..e {
            // `the U.S. And Japan`: a capital `And` joins names in a title, but two known
            // places apart anywhere.
            if doc.word(k) == "And" {
                let place = |a: usize, b: usize| {
                    matches!(self.known(doc, col, a, b), Some((_, EntityKind::Place)))
                };
                if place(s, k - 1) && (place(k + 1, e) || k + 1 == e && toks[e].has(DEMONYM)) {
                    return Some(k);
                }
                continue;
            }
            if !toks[k].has(AND) || toks[k].has(CAP) {
                continue;
            }
            let left = (s, k - 1);
            let mut r = k + 1;
            while r < e && toks[r].has(CONNECTOR) && !toks[r].has(CAP) {
                r += 1;
            }
            let right = (r, e);
            // `Jardine Matheson and Co Ltd`, `A.G. Edwards and Sons Inc`: a firm's legal form
            // or its founders' kin after `and` end its name.
            if in_list(doc.word(r).trim_end_matches('.'), LEGAL_SUFFIXES)
                || r < e && in_list(doc.word(r), &["sons", "brothers"])
            {
                continue;
            }
            let is_known = |(a, b): (usize, usize)| {
                self.known(doc, col, a, b).is_some()
                    || (a == b && toks[a].has(DEMONYM))
                    // A titled person, not a title of something whose name may go on
                    // through `and` (`Chairman of the Council for Economic Planning and
                    // Development`, `Minister of Trade and Industry`, as CoNLL-2003 tags
                    // a portfolio).
                    || self.find_title(doc, a, b).is_some_and(|t| {
                        t.start == a && (t.person.is_some() || t.object.is_none())
                    })
            };
            if is_known(left) || is_known(right) {
                return Some(k);
            }
            if in_list(doc.word(k - 1).trim_end_matches('.'), LEGAL_SUFFIXES) {
                return Some(k); // `Acme Inc and Foo Corp`
            }
            if k - 1 == s && toks[s].has(BRAND) {
                return Some(k); // `KeyCorp and Banc One Corp`: a brand is a name of its own
            }
            // `the Commerce Department and the Treasury`, `Parliament and the Council`: a
            // name hardly ever goes on through `and the`, a list of two does.
            if r > k + 1 && doc.word(k + 1).eq_ignore_ascii_case("the") {
                return Some(k);
            }
            // `Fuji Bank and Mitsubishi Bank`, `Ways and Means Committee and Senate Finance
            // Committee`: two names of one kind (not `Bank and Trust Co`).
            if r < e && toks[k - 1].has(ORG_HEAD) && doc.word(k - 1) == doc.word(e) {
                return Some(k);
            }
            // `Marvel Studios and Marvel Entertainment`, `Fleet Financial Group and Norstar
            // Bancorp`: two names, each ending in a head word, the second (its legal form
            // aside) of two words opening with a name or the first's word, or of three words
            // or more. Not `Citizens Fidelity Bank and Trust Co`, `Pennsylvania Power and
            // Light Co`, `Highveld Steel and Vanadium Corp`.
            let mut core = e;
            while core > r && in_list(doc.word(core).trim_end_matches('.'), LEGAL_SUFFIXES) {
                core -= 1;
            }
            let second_named = r < core
                && (!toks[r].has(DICT)
                    || doc.word(r).eq_ignore_ascii_case(doc.word(s))
                    || r + 2 <= core);
            if k - 1 > s
                && r < e
                && toks[k - 1].has(ORG_HEAD)
                && toks[e].has(ORG_HEAD)
                && !toks[r].has(ORG_HEAD)
                && second_named
            {
                return Some(k);
            }
            // `James Harvey and Jennifer Hurley of the Moss Landing Marine Laboratories`: two
            // people named in full, whatever follows.
            if k > s + 1 && r < e && toks[s].has(FIRST) && toks[r].has(FIRST) {
                return Some(k);
            }
            // `Serious and Organised Crime Bill`: laws' names go on through `and` as firms' do,
            // and so before the place a firm is of (`Steam Boiler Inspection and Insurance Co
            // of Hartford`, `First Federal Savings and Loan Association of Brooksville`), when
            // no name ends before `and` (`Finance Ministry and Chamber of Commerce`, `Edouard
            // Balladur and Bank of France`, `Louvre and Washington Group of Seven`).
            let savings_and_loan = || {
                doc.word(k - 1).eq_ignore_ascii_case("savings")
                    && in_list(doc.word(r), &["loan", "loans"])
            };
            let head_of = || {
                k > s + 1
                    && toks[k - 1].has(DICT)
                    && (!toks[k - 1].has(ORG_HEAD) || savings_and_loan())
                    && !toks[r].has(ORG_HEAD)
                    && toks[s..k].iter().all(|t| !t.has(FIRST))
                    && toks[s + 1..k].iter().all(|t| !t.has(TITLE))
                    && (r + 1..e).any(|i| {
                        doc.word(i) == "of" && !toks[i].has(CAP) && toks[i - 1].has(ORG_HEAD)
                    })
            };
            if toks[e].has(ORG_HEAD) || in_list(doc.word(e), MISC_HEADS) || head_of() {
                continue;
            }
            // Not a person's particle (`Roland de Marigny and Luciano Orquera`).
            let particle = |i: usize| toks[s].has(FIRST) && in_list(doc.word(i), PARTICLES);
            if (s..k).any(|i| toks[i].has(CONNECTOR) && !toks[i].has(CAP) && !particle(i)) {
                continue;
            }
            return Some(k);
        }
        None
    }

    /// Whether `s..=e` is two names joined by `and`, one of them a surname and not a given
    /// name, that the story gives so at least twice (`Duff and Phelps`, `Wagner and Brown`):
    /// a firm of partners. Not when a person of the story so far goes by one of the names
    /// (`Baker and Volcker` after `James Baker` and `Paul Volcker`), nor when either name also
    /// stands alone in the story (`Siemens and Philips ... Philips said`): then they are two
    /// entities. Sports stories pair players so, and are left alone.
    fn partnership(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        if !toks[s + 1].has(AND) || toks[s + 1].has(CAP) {
            return false;
        }
        // Where a firm is said to be, a partner may bear a given name (`brokerage house
        // Phillips and Drew`), and the pair be named once.
        let firm_noun = s > 0
            && !toks[s - 1].has(CAP)
            && (in_list(doc.word(s - 1), FIRM_NOUNS) || in_list(doc.word(s - 1), BROKERS));
        let bare = |i: usize| {
            let t = &toks[i];
            t.has(CAP)
                && !t.has(ALL_CAPS | COMMON | DEMONYM | TITLE | ORG_HEAD | MONTH | NOT_NAME)
                && (t.has(SURNAME) || !t.has(FIRST) || firm_noun)
                && self.known(doc, col, i, i).is_none()
        };
        let person = |i: usize| col.is_person_last(&normalize_key(doc.word(i)));
        let names = !doc.sports
            && bare(s)
            && bare(e)
            && [s, e]
                .iter()
                .any(|&i| toks[i].has(SURNAME) && !toks[i].has(FIRST))
            && !person(s)
            && !person(e);
        if !names {
            // Once a firm, always: the pair named again in the story.
            let pair = doc.surface(s, e);
            return col
                .ents
                .iter()
                .any(|a| a.kind == EntityKind::Organization && a.name == pair);
        }
        // Each partner's name stands only in the firm's: two names also seen apart are two
        // entities (`Siemens and Philips ... Philips said`).
        let pairs = whole_word_count(doc.text, doc.raw(s, e));
        (pairs >= 2 || firm_noun)
            && [s, e]
                .iter()
                .all(|&i| whole_word_count(doc.text, doc.word(i)) == pairs)
    }

    /// Finds a title in `s..=e`: where it starts, the name after it and the span between
    /// (`Governor of the Bank of England Mark Carney`, `President of France`).
    fn find_title(&self, doc: &Doc, s: usize, e: usize) -> Option<TitleSplit> {
        let g = gazetteer();
        let toks = &doc.toks;
        for i in s..=e {
            if !toks[i].has(TITLE) || !toks[i].has(CAP) {
                continue;
            }
            // `Hun Sen`, `Amartya Sen`: a surname last, not a senator's title without a name.
            if i == e && i > s && doc.word(i) == "Sen" {
                continue;
            }
            // `House of Representatives Speaker`: a house's name, not the plural title.
            let word = doc.word(i);
            if i > s
                && doc.word(i - 1) == "of"
                && (word.eq_ignore_ascii_case("representatives")
                    || word.eq_ignore_ascii_case("senators"))
            {
                continue;
            }
            let first = normalize_key(doc.word(i).trim_end_matches('.'));
            let Some(titles) = g.titles.get(&first) else {
                continue;
            };
            for title in titles {
                let len = title.words.len();
                if i + len - 1 > e || !written_at(doc, i, title) {
                    continue;
                }
                let rest = i + len;
                let split = |person, object| {
                    Some(TitleSplit {
                        start: i,
                        person,
                        object,
                    })
                };
                if rest > e {
                    if title.weak {
                        continue;
                    }
                    return split(None, None);
                }
                // `General Director Ljubomir Acimovic`, `Prince Norodom Ranariddh`: a weak
                // title counts before a given name, or before the two last words of the run
                // when no list knows either as anything but a name.
                let unknown = |t: &Tok| {
                    t.has(CAP) && !t.has(ALL_CAPS | DICT | COMMON | PLACE1 | ORG_HEAD | TITLE)
                };
                let full_name = rest + 1 == e && toks[rest..=e].iter().all(unknown);
                // `King Sihanouk`, `General Kutuzov`: one name no list knows, a word's length,
                // no word's plural and no compound (`General Motors-Holden`).
                // `Major` and `Saint` open other names (`Major Japanese`, `Saint Gobain`).
                // A regnal number may follow (`King Baudouin I`).
                let last = if rest + 1 == e && doc.word(e) == "I" {
                    rest
                } else {
                    e
                };
                let lone_name = rest == last
                    && unknown(&toks[last])
                    && !toks[last].has(DEMONYM)
                    && !in_list(&first, &["major", "saint"])
                    && {
                        let w = doc.word(last);
                        w.len() > 3 && !w.contains('-') && !plural_noun(w)
                    };
                let object_first = toks[rest].has(CONNECTOR) && !toks[rest].has(CAP);
                if title.weak && !object_first && !toks[rest].has(FIRST) && !full_name && !lone_name
                {
                    continue;
                }
                // `President de Klerk`, `Mr de Villepin`: a surname's particle, not `of`.
                let particled = toks[rest].has(PARTICLE)
                    && !toks[rest].has(CAP)
                    && rest < e
                    && toks[rest + 1].has(CAP)
                    && !toks[rest + 1]
                        .has(DICT | COMMON | ALL_CAPS | ORG_HEAD | PLACE1 | DEMONYM | TITLE);
                if particled && !title.weak {
                    return split(Some(rest), None);
                }
                if object_first {
                    // `Minister for Europe David Lidington`: the name starts at a given name;
                    // `President of France`: no name, the object is classified alone.
                    let obj = skip_joiners(toks, rest, e);
                    // A second title opens the name too, whatever its first word: `Archbishop
                    // of Canterbury Dr Rowan Williams` (`Rowan` is in no list of given names).
                    let titled = |q: usize| {
                        let split = toks[q].has(TITLE).then(|| self.find_title(doc, q, e))??;
                        (split.start == q).then_some(split.person?)
                    };
                    let name = (obj + 1..=e).find_map(|q| {
                        if toks[q].has(FIRST) && toks[q].has(CAP) {
                            Some((q, q))
                        } else {
                            titled(q).map(|p| (q, p))
                        }
                    });
                    // `Archbishop of Canterbury Rowan Williams`, `Mayor of London Sadiq
                    // Khan`, `Archbishop of Canterbury Runcie`: after a place of one word, a
                    // name whose given name no list knows, or a surname alone. Not after a
                    // title of many (`Representatives of Atlantic Richfield`).
                    let after_place = toks[obj].has(PLACE1) && obj < e && !plural_noun(word) && {
                        let to = name.map_or(e + 1, |(q, p)| if q == p { q } else { obj + 1 });
                        let surname = |w: &str| w.len() > 3 && !w.contains('-') && !plural_noun(w);
                        to > obj + 1
                            && toks[obj + 1..to].iter().all(unknown)
                            && (e > obj + 1 || surname(doc.word(e)))
                    };
                    // `Director of Public Prosecutions Keir Starmer`: the two last words,
                    // which no list knows, after a word that a list does.
                    let two_last = || {
                        let q = e.checked_sub(1)?;
                        (q > obj
                            && !unknown(&toks[q - 1])
                            && toks[q - 1].has(CAP)
                            && toks[q..=e].iter().all(unknown))
                        .then_some((q, q))
                    };
                    let name = if after_place {
                        Some((obj + 1, obj + 1))
                    } else {
                        name.or_else(two_last)
                    };
                    // A weak title (`Director`) is one only before a name.
                    if title.weak && name.is_none() {
                        continue;
                    }
                    return match name {
                        Some((q, p)) if !toks[e].has(ORG_HEAD) => {
                            split(Some(p), Some((obj, q - 1)))
                        }
                        _ => split(None, Some((obj, e))),
                    };
                }
                // `Dr Andrew Wakefield of the Royal Free Hospital School of Medicine`: a full
                // name, then what it belongs to, is read as untitled ones are.
                let belongs = || {
                    i == s
                        && toks[rest].has(FIRST)
                        && (rest + 2..e).any(|k| doc.word(k) == "of" && !toks[k].has(CAP))
                };
                if belongs() {
                    return None;
                }
                if toks[e].has(ORG_HEAD) || toks[rest].has(ALL_CAPS) && rest == e {
                    continue;
                }
                return split(Some(rest), None);
            }
        }
        None
    }

    /// Whether a title of the list is written from token `i` (`Oil Minister`, not the `Oil`
    /// of `Standard Oil Co`).
    fn title_at(&self, doc: &Doc, i: usize) -> bool {
        let first = normalize_key(doc.word(i).trim_end_matches('.'));
        gazetteer().titles.get(&first).is_some_and(|titles| {
            (titles.iter())
                .any(|title| i + title.words.len() <= doc.toks.len() && written_at(doc, i, title))
        })
    }

    /// An organisation head word last, or just before the first inner `of`/`for`.
    fn has_org_head(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        // Not a law or an award named after a kind of firm (`Bank Secrecy Act`).
        if toks[e].has(ORG_HEAD)
            || (e > s
                && (in_list(doc.word(s), CLUB_FIRSTS) || in_list(doc.word(s), ORG_FIRSTS))
                && !in_list(doc.word(e), MISC_HEADS))
        {
            return true;
        }
        match (s + 1..e).find(|&k| toks[k].has(CONNECTOR) && !toks[k].has(CAP) && !toks[k].has(AND))
        {
            Some(k) => toks[k - 1].has(ORG_HEAD),
            None => false,
        }
    }

    /// Whether the run `s..=e` is a name the lists do not know, then a particle and a surname:
    /// `Aravinda de Silva`, `Ferdinand da Costa` (the given name is not in the lists, and
    /// `de` splits runs such as `Banco de Portugal` otherwise).
    fn particled_surname(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let given = |t: &Tok| {
            t.has(CAP) && !t.has(DICT | COMMON | ALL_CAPS | ORG_HEAD | PLACE1 | DEMONYM | TITLE)
        };
        let particle = |k: usize| !toks[k].has(CAP) && in_list(doc.word(k), PARTICLES);
        e >= s + 2
            && e <= s + 3
            && given(&toks[s])
            && (s + 1..e).all(particle)
            && (toks[e].has(SURNAME) || self.unlisted_particled(doc, s, e))
            && !toks[e].has(PLACE1 | DICT)
            && self.known(doc, col, s, s).is_none()
            && self.known(doc, col, e, e).is_none()
    }

    /// The first of the lower-case particles just before the run `s..=e` when the run is a
    /// surname they open (`van der Sar`, `de Klerk`, `dos Santos`, `della Noce`): one word
    /// no list knows as anything else, after a lower-case word or a line's start (not `the
    /// Bois de Boulogne`, where the particle joins two names), in a text not all in capitals.
    fn particle_before(&self, doc: &Doc, col: &Collector, s: usize, e: usize) -> Option<usize> {
        const SURNAME_PARTICLES: &[&str] = &[
            "de", "van", "von", "der", "den", "della", "del", "di", "da", "dos", "das", "du",
        ];
        let toks = &doc.toks;
        let particle = |k: usize| {
            toks[k].has(PARTICLE)
                && !toks[k].has(CAP)
                && in_list(doc.word(k), SURNAME_PARTICLES)
                && toks[k].end + 1 == toks[k + 1].start
        };
        // One word, or one before `and` (`F.W. de Klerk and Thabo Mbeki`).
        let single = e == s || toks[s + 1].has(AND) && e > s + 1;
        if doc.cased || !single || s == 0 || !particle(s - 1) {
            return None;
        }
        let mut p = s - 1;
        while p > 0 && p + 2 > s && particle(p - 1) {
            p -= 1;
        }
        // `F.W. de Klerk`: initials open the name.
        let initials = |k: usize| {
            let w = doc.word(k).as_bytes();
            w.len() >= 2
                && w.chunks(2)
                    .all(|c| c[0].is_ascii_uppercase() && c.get(1) == Some(&b'.'))
                && self.known(doc, col, k, k).is_none()
        };
        if p > 0 && toks[p - 1].end + 1 == toks[p].start && initials(p - 1) {
            p -= 1;
        }
        // Not inside a French name (`Caisses d'Epargne et de Prevoyance`, `l'Europe du Nord`);
        // a name before a comma is another's (`the ANC, de Klerk's party`).
        let before_ok = p == 0
            || initials(p)
            || (opens_line(doc, p)
                || !toks[p - 1].has(CAP)
                || doc.text[toks[p - 1].end..toks[p].start].contains([',', ';', '(']))
                && !doc.word(p - 1).contains(['\'', '\u{2019}'])
                && !in_list(doc.word(p - 1), &["et", "y", "e", "en"]);
        let t = &toks[s];
        let plain = !t.has(
            DICT | COMMON | ALL_CAPS | ORG_HEAD | PLACE1 | DEMONYM | TITLE | MONTH | MONTH_ABBR,
        ) && !doc.word(s).contains('-');
        // German capitalises its nouns, and its `von der` is no particle then (`von der
        // Betriebsgesellschaft entwickelt`): no German words around.
        const GERMAN: &[&str] = &[
            "und", "ist", "nicht", "wird", "werden", "sich", "eine", "einen", "dem", "zur", "zum",
            "für", "über", "auch", "oder", "können", "kann", "sind", "wurde",
        ];
        let german = || {
            (p.saturating_sub(12)..toks.len().min(e + 12))
                .any(|k| !toks[k].has(CAP) && in_list(doc.word(k), GERMAN))
        };
        (before_ok && plain && self.known(doc, col, s, s).is_none() && !german()).then_some(p)
    }

    /// Whether the particled name `s..=e` whose surname no list knows is a person's
    /// (`Mariaan de Swardt`, `Johan de Kock`, `Botic van de Zanschulp`): the particle one
    /// that names people more than places (not `Costa del Sol`), and nothing around it
    /// making it part of a longer name or a thing (`the Bois de Boulogne`, `Minas de
    /// Almaden y Arrayanes`, `Confederacion Espanola de Cajas de Ahorros`). Not in a text
    /// all in capitals, where any word could be a name.
    fn unlisted_particled(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let joined = |k: usize| {
            !toks[k].has(CAP)
                && (toks[k].has(CONNECTOR | PARTICLE) || in_list(doc.word(k), &["e", "y"]))
        };
        !doc.cased
            && in_list(doc.word(e - 1), &["de", "van", "von", "der", "den"])
            && !toks[e].has(DICT | COMMON | ALL_CAPS | ORG_HEAD | DEMONYM)
            && !(s > 0 && (joined(s - 1) || in_list(doc.word(s - 1), &["the", "a", "des"])))
            && !(e + 1 < toks.len() && joined(e + 1))
    }

    /// Acronyms inside parentheses right after token `e`: `(IS, formerly ISIS/ISIL)`.
    fn paren_acronyms(&self, doc: &Doc, e: usize) -> Vec<String> {
        let rest = &doc.text[doc.toks[e].end..];
        let rest = rest.trim_start_matches([' ', '\t']);
        let Some(inner) = rest.strip_prefix('(') else {
            return Vec::new();
        };
        let Some(close) = inner
            .char_indices()
            .take(80)
            .find(|&(_, c)| c == ')')
            .map(|(i, _)| i)
        else {
            return Vec::new();
        };
        let acronym = |w: &&str| {
            let (n, up, low) = letter_shape(w);
            (2..=8).contains(&n) && up && !low
        };
        let mut words = inner[..close]
            .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .filter(|w| !w.is_empty())
            .peekable();
        // A definition gives the acronym first, or after a word that leads to it (`(IS,
        // formerly ISIS/ISIL)`, `(also known as ISIL)`); a remark in parentheses names other
        // things (`Range Rovers (which are made by the former Rover unit that BMW sold)`).
        const LEAD_INS: &[&str] = &["formerly", "also", "aka", "or", "now", "previously"];
        if !words
            .peek()
            .is_some_and(|w| acronym(w) || in_list(w, LEAD_INS))
        {
            return Vec::new();
        }
        words.filter(acronym).map(str::to_string).collect()
    }

    /// Whether token `s` is an acronym in parentheses that spells the initials of the plain
    /// words before them (`value-added tax (VAT)`, `information and communication technology
    /// (ICT)`), joiners aside.
    fn plain_acronym(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        let (before, after) = (&doc.text[..toks[s].start], &doc.text[toks[s].end..]);
        if s == 0
            || !before.trim_end_matches(' ').ends_with('(')
            || !after.trim_start_matches(' ').starts_with(')')
        {
            return false;
        }
        let letters: Vec<u8> = (doc.word(s).bytes())
            .filter(u8::is_ascii_alphabetic)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        // The initials, last first, of the words before the parenthesis.
        let mut initials = Vec::with_capacity(letters.len());
        for k in (s.saturating_sub(letters.len() * 2)..s).rev() {
            if initials.len() >= letters.len() {
                break;
            }
            let word = doc.word(k);
            if toks[k].has(CAP) || toks[k + 1].has(BREAK) && k + 1 < s {
                return false;
            }
            if in_list(word, &["and", "of", "the", "for", "in", "on", "to"]) && !initials.is_empty()
            {
                continue;
            }
            for part in word.rsplit('-') {
                initials.extend(part.bytes().next().map(|b| b.to_ascii_lowercase()));
            }
        }
        initials.reverse();
        initials == letters
    }

    /// Whether an acronym spells the initials of the run's capitalised words.
    fn initials_match(&self, doc: &Doc, s: usize, e: usize, acr: &str) -> bool {
        let initials: String = (s..=e)
            .filter(|&i| doc.toks[i].has(CAP))
            .filter_map(|i| doc.word(i).chars().next())
            .collect();
        let letters: String = acr.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && initials.eq_ignore_ascii_case(&letters)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text that makes the extractor panic in tests, as a bug would.
    const FAILING: &str = "[extraction fails here]";

    pub(super) fn fail_on_marker(body: &str) {
        assert!(!body.contains(FAILING), "the extractor failed");
    }

    #[test]
    fn a_panic_of_the_extractor_is_an_error_and_the_next_article_is_read_as_before() {
        let ex = EntityExtractor::new();
        let text = "Philip Hammond met John Kerry in Vienna. Hammond said talks would go on.";
        let before = ex.analyze_in(None, text, Some("en"));
        assert!(!before.entities.is_empty());
        let failed = ex
            .try_analyze_in(None, &format!("{text} {FAILING}"), Some("en"))
            .unwrap_err();
        assert_eq!(failed.message, "the extractor failed");
        assert!(
            failed
                .to_string()
                .starts_with("entity extraction failed on this article"),
            "{failed}"
        );
        assert!(ex.try_extract_in(Some("Talks"), FAILING, None).is_err());
        // The panic left this thread's buffers mid-article: the next one is read afresh.
        assert_eq!(
            ex.try_analyze_in(None, text, Some("en")),
            Ok(before.clone())
        );
        assert_eq!(
            ex.try_extract_in(None, text, Some("en")),
            Ok(before.entities)
        );
    }

    fn names(found: &[Entity], kind: EntityKind) -> Vec<String> {
        found
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone())
            .collect()
    }

    #[test]
    fn a_place_of_the_headline_that_is_the_surname_of_the_story_is_the_person() {
        let ex = EntityExtractor::new();
        let body = "Manchester United manager Sir Alex Ferguson has called for Thierry Henry \
                    to be banned. Ferguson said the striker had to be punished.";
        let found = ex.analyze(Some("Ferguson urges Henry punishment"), body);
        let people = names(&found.entities, EntityKind::Person);
        assert_eq!(people, ["Alex Ferguson", "Thierry Henry"]);
        assert!(names(&found.entities, EntityKind::Place).is_empty());
        let headline = &found.mentions[0];
        assert_eq!(
            (headline.field, headline.text.as_str()),
            (MentionField::Title, "Ferguson")
        );
        assert_eq!(
            (headline.kind, headline.entity.as_str()),
            (EntityKind::Person, "Alex Ferguson")
        );
        // Named in the story as the place, it stays one.
        let found = ex.extract(
            Some("Ferguson protests go on"),
            "Protesters marched in Ferguson on Sunday. Police chief John Ferguson spoke.",
        );
        assert_eq!(names(&found, EntityKind::Place), ["Ferguson"]);
    }

    #[test]
    fn an_acronym_spelling_an_organisation_of_the_story_is_that_organisation() {
        let ex = EntityExtractor::new();
        let body = "The Motion Picture Association of America wants to stop the program. More \
                    than 100 operators have been targeted, the MPAA said.";
        let found = ex.extract(None, body);
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Motion Picture Association of America"]
        );
        assert_eq!(
            found[0].forms,
            ["Motion Picture Association of America", "MPAA"]
        );
        // Two organisations of those initials: the acronym is left alone.
        let body = "The Toronto Stock Exchange and the Tokyo Stock Exchange rose. The TSE said so.";
        let found = ex.extract(None, body);
        assert!(names(&found, EntityKind::Organization).contains(&"TSE".to_string()));
    }

    #[test]
    fn an_unknown_word_listed_with_places_is_a_place() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Shares trade on the bourses of Zurich, Geneva and Basle.",
        );
        assert_eq!(
            names(&found, EntityKind::Place),
            ["Basle", "Geneva", "Zurich"]
        );
        let found = ex.extract(
            None,
            "Protests were held in Cardiff, Bangor, Aberystwyth and Wrexham on Monday.",
        );
        assert_eq!(
            names(&found, EntityKind::Place),
            ["Aberystwyth", "Bangor", "Cardiff", "Wrexham"]
        );
        // Lists that end the text (read past its end once, a panic).
        let found = ex.extract(None, "Rain fell on Zurich, Geneva and Basle");
        assert_eq!(
            names(&found, EntityKind::Place),
            ["Basle", "Geneva", "Zurich"]
        );
        let found = ex.extract(None, "Rain fell on Zurich, Geneva, Basle");
        assert_eq!(names(&found, EntityKind::Place), ["Geneva", "Zurich"]);
        // Two items are no list; a word of another kind among them leaves the list alone.
        for text in [
            "Lyphomed will sell the drugs in Canada and Novopharm will sell its own.",
            "The bids came from London, Barclays Bank and Plessey.",
            "K Holmes (Ealing, Southall and Middlesex AC) ran.",
        ] {
            let found = ex.extract(None, text);
            let places = names(&found, EntityKind::Place);
            assert!(
                !places
                    .iter()
                    .any(|p| ["Novopharm", "Plessey", "Ealing"].contains(&p.as_str())),
                "{text}: {places:?}"
            );
        }
    }

    #[test]
    fn a_name_after_a_title_of_a_place_is_a_person_whatever_its_given_name() {
        let ex = EntityExtractor::new();
        for (body, place, person) in [
            (
                "Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams appealed.",
                "Canterbury",
                "Rowan Williams",
            ),
            (
                "Both the Cardinal and Archbishop of Canterbury Rowan Williams appealed.",
                "Canterbury",
                "Rowan Williams",
            ),
            (
                "Mayor of London Sadiq Khan said so.",
                "London",
                "Sadiq Khan",
            ),
            (
                "The Archbishop of Canterbury Runcie said so.",
                "Canterbury",
                "Runcie",
            ),
            (
                "Governor of Texas Dr John Smith said so.",
                "Texas",
                "John Smith",
            ),
        ] {
            let found = ex.extract(None, body);
            assert_eq!(names(&found, EntityKind::Person), [person], "{body}");
            assert_eq!(names(&found, EntityKind::Place), [place], "{body}");
        }
        // Not a name: a firm of the place's name, or what a title of many belongs to.
        let found = ex.extract(None, "Governor of Texas Instruments said so.");
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Texas Instruments"]
        );
        let found = ex.extract(
            None,
            "Atlantic Richfield Co sold it. Representatives of Atlantic Richfield were not there.",
        );
        assert!(names(&found, EntityKind::Person).is_empty(), "{found:?}");
    }

    #[test]
    fn a_title_at_a_sentence_start_is_stripped() {
        let ex = EntityExtractor::new();
        for body in [
            "Secretary of State George Shultz said talks would go on.",
            "U.S. Secretary of State George Shultz met them.",
        ] {
            let found = ex.extract(None, body);
            assert_eq!(
                names(&found, EntityKind::Person),
                ["George Shultz"],
                "{body}"
            );
        }
        let found = ex.extract(None, "Chancellor of the Exchequer Nigel Lawson spoke.");
        assert_eq!(names(&found, EntityKind::Person), ["Nigel Lawson"]);
        let found = ex.extract(
            None,
            "The panel included former National Security Adviser Brent Scowcroft.",
        );
        assert_eq!(names(&found, EntityKind::Person), ["Brent Scowcroft"]);
        assert!(names(&found, EntityKind::Organization).is_empty());
    }

    #[test]
    fn a_guessed_name_that_starts_an_organisation_of_the_article_joins_it() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Chrysler Corp said sales rose. Chrysler said new models helped. \
             Dana Corp gained, said Dana Lynch of Dana Corp.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Chrysler", "Dana"]
        );
        let chrysler = &found[0];
        assert_eq!((chrysler.mentions, chrysler.forms.len()), (2, 2));
        // A person named in full is no short form of the firm.
        assert_eq!(names(&found, EntityKind::Person), ["Dana Lynch"]);
        let mentions = ex.mentions(None, "Chrysler Corp rose. Chrysler said so.");
        assert!(
            mentions.iter().all(|m| m.kind == EntityKind::Organization),
            "{mentions:?}"
        );
        // A head word standing for an organisation joins the one it ends.
        let found = ex.extract(
            None,
            "The European Commission proposed cuts. The Commission said spending would fall.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["European Commission"]
        );
        assert_eq!(found[0].mentions, 2, "{found:?}");
        // A surname begins a firm after its founder's initials; `U.S.` is no founder's.
        let found = ex.extract(
            None,
            "The offer to E.F. Hutton Group Inc was rejected by Hutton. The U.S. Senate Finance \
             Committee met. The Senate voted.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["E.F. Hutton", "Senate", "U.S. Senate Finance Committee"]
        );
        assert!(names(&found, EntityKind::Person).is_empty(), "{found:?}");
    }

    #[test]
    fn a_state_abbreviation_after_a_city_is_the_state() {
        let ex = EntityExtractor::new();
        let text = "STAMFORD, Conn., March 3 - Xerox bought a unit in Tampa, Fla.";
        let found = ex.extract(None, text);
        let places = names(&found, EntityKind::Place);
        for state in ["Connecticut", "Florida"] {
            assert!(places.iter().any(|p| p == state), "{places:?}");
        }
        let conn = ex.mentions(None, text);
        assert!(conn
            .iter()
            .any(|m| m.text == "Conn." && m.entity == "Connecticut"));
        // Elsewhere the same words are words or names.
        let found = ex.extract(None, "Mass layoffs hit Wash Street, Conn Smith said.");
        assert!(!names(&found, EntityKind::Place)
            .iter()
            .any(|p| p == "Massachusetts"));
    }

    #[test]
    fn a_firm_of_partners_a_comma_apart_is_one_organisation() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "The issue was led by Goldman, Sachs and Co and Donaldson, Lufkin and Jenrette Inc.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Donaldson, Lufkin and Jenrette", "Goldman Sachs"]
        );
        assert!(names(&found, EntityKind::Person).is_empty());
        // A possessive inside a known firm's name, at a sentence start or not; elsewhere a
        // possessive still ends a name.
        for body in [
            "Moody's Investors Service Inc cut the rating.",
            "The rating was cut by Moody's\nInvestors Service Inc on Monday.",
        ] {
            let found = ex.extract(None, body);
            assert_eq!(
                names(&found, EntityKind::Organization),
                ["Moody's"],
                "{body}"
            );
        }
        let found = ex.extract(None, "Britain's Labour Party objected.");
        assert_eq!(names(&found, EntityKind::Organization), ["Labour Party"]);
        // The first partner after a joiner, the rest after a line break.
        for body in [
            "Jason Benderly of Goldman, Sachs and Co noted the trade figures.",
            "Underwriters may include Salomon Brothers Inc and Goldman,\nSachs and Co.",
        ] {
            let found = ex.extract(None, body);
            assert!(
                names(&found, EntityKind::Organization).contains(&"Goldman Sachs".to_string()),
                "{body}: {found:?}"
            );
            assert!(
                !names(&found, EntityKind::Person).contains(&"Goldman".to_string()),
                "{body}: {found:?}"
            );
        }
    }

    #[test]
    fn two_surnames_joined_by_and_are_a_firm_unless_they_are_people_of_the_story() {
        let ex = EntityExtractor::new();
        for (body, firm) in [
            (
                "Sullivan and Cromwell advised the utility.",
                "Sullivan and Cromwell",
            ),
            (
                "A unit of Pratt and Whitney won the order.",
                "Pratt and Whitney",
            ),
            (
                "It is owned by investors Wagner and Brown and glass-maker AFG Industries Inc.",
                "Wagner and Brown",
            ),
        ] {
            // Named so once, the pair may be any two names; twice, it is one.
            let once = ex.extract(None, body);
            assert!(!names(&once, EntityKind::Organization).contains(&firm.to_string()));
            let body = format!("{body} {firm} said so on Monday.");
            let found = ex.extract(None, &body);
            assert!(
                names(&found, EntityKind::Organization).contains(&firm.to_string()),
                "{body}: {found:?}"
            );
            assert!(
                names(&found, EntityKind::Person).is_empty(),
                "{body}: {found:?}"
            );
        }
        // People named in full before, and names that also stand alone, are split.
        for body in [
            "James Baker met Paul Volcker. Baker and Volcker agreed. Baker and Volcker left.",
            "Siemens and Philips met. Siemens and Philips broke up. Philips will go on alone.",
        ] {
            let found = ex.extract(None, body);
            assert!(
                !found.iter().any(|e| e.name.contains(" and ")),
                "{body}: {found:?}"
            );
        }
        // Where a firm is said to be, once is enough, and a given name may be a partner's; the
        // pair named again is the same firm.
        let found = ex.extract(
            None,
            "Tinker, economist at brokerage house Phillips and Drew, said so. Analyst Stephen \
             Reitman with Phillips and Drew in London agreed.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Phillips and Drew"]
        );
        assert_eq!(names(&found, EntityKind::Person), ["Stephen Reitman"]);
    }

    #[test]
    fn a_known_name_ending_in_a_common_word_is_read_whole() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Ministers of the Group of Seven met. The Group of Five agreed.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Group of Five", "Group of Seven"]
        );
    }

    #[test]
    fn a_body_or_state_named_of_a_known_place_is_one_entity() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Workers are represented by the United Steelworkers of America. The Commonwealth of \
             Massachusetts sued. Sergi Bruguera of Spain and Kimiko Date of Japan won.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["United Steelworkers of America"]
        );
        assert_eq!(
            names(&found, EntityKind::Place),
            ["Commonwealth of Massachusetts", "Japan", "Spain"]
        );
        assert_eq!(
            names(&found, EntityKind::Person),
            ["Kimiko Date", "Sergi Bruguera"]
        );
    }

    #[test]
    fn two_names_a_person_is_of_are_a_firm_unless_they_are_places() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Economist David Pike of Phillips and Drew said so. Jelena Jankovic of Serbia and \
             Montenegro won.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Phillips and Drew"]
        );
        assert_eq!(
            names(&found, EntityKind::Person),
            ["David Pike", "Jelena Jankovic"]
        );
        assert_eq!(names(&found, EntityKind::Place), ["Montenegro", "Serbia"]);
    }

    #[test]
    fn portfolio_words_before_a_title_are_not_an_organisation() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "U.S. Agriculture Secretary Richard Lyng and Deputy U.S. Trade Representative \
             Michael Smith met USDA General Sales Manager Melvin Sims. Former welfare minister \
             Frank Field MP spoke.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["U.S. Department of Agriculture"]
        );
        assert_eq!(
            names(&found, EntityKind::Person),
            [
                "Frank Field",
                "Melvin Sims",
                "Michael Smith",
                "Richard Lyng"
            ]
        );
        assert_eq!(names(&found, EntityKind::Place), ["United States"]);
    }

    #[test]
    fn known_names_after_an_abbreviation_and_cut_given_names_are_read_whole() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "A spokesman for the U.S. House of Representatives said the trust is managed by \
             Alex. Brown and Sons Inc.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Alex. Brown and Sons", "House of Representatives"]
        );
        assert!(names(&found, EntityKind::Person).is_empty(), "{found:?}");
    }

    #[test]
    fn a_demonym_in_capitals_is_the_demonym() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            Some("TEXACO CANADA CUTS PRICES 64 CANADIAN CTS"),
            "Prices fell by 64 Canadian cents.",
        );
        assert_eq!(names(&found, EntityKind::Misc), ["Canadian"]);
    }

    #[test]
    fn plural_acronyms_are_nouns_and_named_cups_and_roads_are_not_people() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Lib Dem MPs bought PCs and DVDs. No-one saw the Davis Cup at Lansdowne Road.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Liberal Democrats"]
        );
        assert!(names(&found, EntityKind::Person).is_empty(), "{found:?}");
        assert_eq!(names(&found, EntityKind::Place), ["Lansdowne Road"]);
        assert_eq!(names(&found, EntityKind::Misc), ["Davis Cup"]);
    }

    #[test]
    fn a_grade_of_oil_is_not_a_person() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "The price of Brent crude fell below 50 dollars, and Forties blend followed.",
        );
        assert!(names(&found, EntityKind::Person).is_empty(), "{found:?}");
        assert_eq!(names(&found, EntityKind::Misc), ["Brent", "Forties"]);
    }

    #[test]
    fn natural_features_named_the_british_way_are_places() {
        let ex = EntityExtractor::new();
        let found = ex.extract(None, "Rain swelled the River Severn and Lake Erie rose.");
        assert!(names(&found, EntityKind::Person).is_empty(), "{found:?}");
        assert_eq!(
            names(&found, EntityKind::Place),
            ["Lake Erie", "River Severn"]
        );
    }

    #[test]
    fn a_place_that_is_the_surname_of_a_person_of_the_story_is_the_person() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            Some("Kennedy calls for Iraq exit"),
            "Lib Dem leader Charles Kennedy has said troops should leave. Mr Kennedy said so \
             in Houston. Kennedy added that Ferguson agreed.",
        );
        let kennedy = found.iter().find(|e| e.name == "Charles Kennedy");
        assert!(kennedy.is_some_and(|e| e.mentions == 4), "{found:?}");
        assert_eq!(
            names(&found, EntityKind::Place),
            ["Ferguson", "Houston", "Iraq"]
        );
        let alone = ex.extract(Some("Houston floods"), "Rain fell for days.");
        assert_eq!(names(&alone, EntityKind::Place), ["Houston"]);
    }

    #[test]
    fn clubs_and_awards_are_read_by_alias_unless_a_person_of_the_story_bears_the_name() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            Some("Chelsea edge past Arsenal"),
            "The Oscar-winning director, who won an Oscar in 2002, watched Chelsea beat \
             Arsenal. Commander Oscar said so.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Arsenal", "Chelsea"]
        );
        assert_eq!(names(&found, EntityKind::Misc), ["Academy Awards"]);
        assert_eq!(names(&found, EntityKind::Person), ["Oscar"]);
        let clinton = ex.extract(
            None,
            "Chelsea Clinton flew to Paris. Chelsea said she liked it.",
        );
        let chelsea = clinton.iter().find(|e| e.name == "Chelsea Clinton");
        assert!(chelsea.is_some_and(|e| e.mentions == 2), "{clinton:?}");
        assert!(names(&clinton, EntityKind::Organization).is_empty());
        // One name keeps one sense within an article: the firm, not the club.
        let firm = ex.extract(
            None,
            "Viacom said Arsenal Holdings Inc raised its offer. Holders get shares of Arsenal.",
        );
        assert_eq!(names(&firm, EntityKind::Organization), ["Arsenal Holdings"]);
    }

    #[test]
    fn given_names_that_are_words_open_sentences_as_words_unless_they_speak() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Prices rose. Long term debt was cut. Young people voted. Rose said so, citing a \
             Harris poll and research firm Gartner.",
        );
        assert_eq!(names(&found, EntityKind::Person), ["Rose"]);
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Gartner", "Harris"]
        );
    }

    #[test]
    fn a_bare_given_name_is_the_one_person_of_the_story_so_named() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Serena Williams beat Kim Clijsters. \"Serena played well,\" the coach said.",
        );
        let serena = found.iter().find(|e| e.name == "Serena Williams");
        assert!(serena.is_some_and(|e| e.mentions == 2), "{found:?}");
        // Two bearers: the bare name stays its own.
        let found = ex.extract(
            None,
            "David Davis met David Blunkett. \"David is right,\" an aide said.",
        );
        assert_eq!(
            names(&found, EntityKind::Person),
            ["David", "David Blunkett", "David Davis"]
        );
    }

    #[test]
    fn a_title_after_the_kind_of_its_work_is_misc() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "The abortion drama Vera Drake beat the biopic Ray and Mike Leigh won the best film \
             Oscar, a single A rating for a novel I liked. Imelda Staunton starred in Vera \
             Drake.",
        );
        assert_eq!(
            names(&found, EntityKind::Misc),
            ["Vera Drake", "Academy Awards", "Ray"]
        );
        // `in Vera Drake`, only guessed to be a person, is the title named before.
        assert_eq!(
            names(&found, EntityKind::Person),
            ["Imelda Staunton", "Mike Leigh"]
        );
        let vera = found.iter().find(|e| e.name == "Vera Drake");
        assert_eq!(vera.map(|e| e.mentions), Some(2));
    }

    #[test]
    fn software_and_formats_are_misc_and_a_known_one_may_end_in_a_number() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Microsoft sold 40 million copies of Windows 95 in 1995. Users of Windows, Linux and \
             Firefox swap MP3 files, analysts at Gartner said.",
        );
        assert_eq!(
            names(&found, EntityKind::Misc),
            ["Firefox", "Linux", "MP3", "Windows", "Windows 95"]
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Gartner", "Microsoft"]
        );
        assert!(names(&found, EntityKind::Person).is_empty());
    }

    #[test]
    fn a_short_run_opening_with_an_ing_form_is_a_title_not_a_person() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Critics praised Finding Neverland and Saving Private Ryan, and MPs backed the \
             Hunting Bill. Its Director of Trading James Melton said the firm agreed.",
        );
        assert_eq!(
            names(&found, EntityKind::Misc),
            ["Finding Neverland", "Hunting Bill", "Saving Private Ryan"]
        );
        assert_eq!(names(&found, EntityKind::Person), ["James Melton"]);
    }

    #[test]
    fn a_town_before_a_role_in_its_club_is_the_club() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Newcastle boss Graeme Souness said the people of Newcastle deserve better. Liverpool \
             fans agreed, but England captain David Beckham did not.",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Liverpool", "Newcastle"]
        );
        assert_eq!(names(&found, EntityKind::Place), ["England", "Newcastle"]);
    }

    #[test]
    fn whom_a_source_told_is_a_name_apart_from_the_subject_after_it() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Officials told Reuters Taiwan would cut tariffs. Morgan told BBC Wales he agreed, \
             and Jones told BBC Radio Leicester. A spokesman told Reuters Sandoz had sold, and \
             a banker told Reuters Algerian debt was high.",
        );
        assert_eq!(names(&found, EntityKind::Place), ["Taiwan"]);
        assert_eq!(names(&found, EntityKind::Misc), ["Algerian"]);
        let orgs = names(&found, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o.starts_with("Reuters ")), "{orgs:?}");
        assert!(orgs.contains(&"Reuters".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"BBC Wales".to_string()), "{orgs:?}");
        assert!(
            orgs.contains(&"BBC Radio Leicester".to_string()),
            "{orgs:?}"
        );
    }

    #[test]
    fn holidays_currencies_and_lone_legal_suffixes_are_never_entities() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Easter holidays cut trading. Sterling fell. Its unit, Ltd, said so. \
             The company will Pay Aug 15.",
        );
        assert!(
            found.iter().all(|e| e.kind == EntityKind::Misc),
            "{found:?}"
        );
    }

    #[test]
    fn last_and_first_words_mark_institutions_features_and_accords() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "The bill stalled in Congress. Tankers crossed the Aegean Sea. The Louvre Accord \
             held, said Yamaichi International and Cie Generale d'Electricite.",
        );
        let kind_of = |name: &str| found.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(
            kind_of("Congress"),
            Some(EntityKind::Organization),
            "{found:?}"
        );
        // `Aegean Sea` is a form of the region `Aegean`.
        assert_eq!(kind_of("Aegean"), Some(EntityKind::Place));
        assert_eq!(kind_of("Louvre Accord"), Some(EntityKind::Misc));
        assert_eq!(
            kind_of("Yamaichi International"),
            Some(EntityKind::Organization)
        );
        assert!(
            names(&found, EntityKind::Organization)
                .iter()
                .any(|n| n.starts_with("Cie Generale")),
            "{found:?}"
        );
    }

    #[test]
    fn a_blank_line_ends_a_name() {
        // A by-line, then the story: scraped pages put them a blank line apart.
        let ex = EntityExtractor::new();
        let body =
            "By Catherine Shu\n\nWeWork said on Monday it would cut jobs.\r\n\r\nAssociated Press";
        let found = ex.mentions(None, body);
        let texts: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
        assert!(texts.iter().all(|t| !t.contains('\n')), "{texts:?}");
        assert!(texts.contains(&"Catherine Shu"), "{texts:?}");
        assert!(texts.contains(&"WeWork"), "{texts:?}");
        assert!(texts.contains(&"Associated Press"), "{texts:?}");
    }

    #[test]
    fn initials_in_an_all_caps_headline_and_opec_without_the_name_what_they_always_do() {
        let ex = EntityExtractor::new();
        // Reuters 10144: a headline alone, in capitals.
        let found = ex.extract(
            Some("U.S. 7-YEAR NOTE AVERAGE YIELD 7.04 PCT, STOP 7.04 PCT"),
            "",
        );
        assert_eq!(names(&found, EntityKind::Place), ["United States"]);
        let found = ex.extract(
            None,
            "The Organization of Petroleum Exporting Countries met in Vienna. OPEC said ...",
        );
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Organization of the Petroleum Exporting Countries"]
        );
    }

    #[test]
    fn and_splits_lists_but_keeps_org_names() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Troops from Iraq and Syria met the Food and Drug Administration.",
        );
        assert!(names(&found, EntityKind::Place).contains(&"Iraq".to_string()));
        assert!(names(&found, EntityKind::Place).contains(&"Syria".to_string()));
        assert!(names(&found, EntityKind::Organization)
            .contains(&"Food and Drug Administration".to_string()));
    }

    #[test]
    fn and_the_and_a_shared_head_word_split_two_organisations() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "Talks between the Office of Management and Budget and the Pentagon went on. \
             Loans from Fuji Bank and Mitsubishi Bank rose, said Citizens Fidelity Bank and \
             Trust Co.",
        );
        let mut orgs = names(&found, EntityKind::Organization);
        orgs.sort();
        assert_eq!(
            orgs,
            [
                "Citizens Fidelity Bank and Trust",
                "Fuji Bank",
                "Mitsubishi Bank",
                "Office of Management and Budget",
                "Pentagon"
            ]
        );
    }

    #[test]
    fn an_organisation_named_without_its_place_joins_the_qualified_name() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "The Japanese Finance Ministry said on Monday it would act. A Finance Ministry \
             official said the Labour Party and the Scottish Labour Party disagreed.",
        );
        let ministry = found.iter().find(|e| e.name == "Japanese Finance Ministry");
        assert!(ministry.is_some_and(|e| e.mentions == 2), "{found:?}");
        let orgs = names(&found, EntityKind::Organization);
        assert!(!orgs.contains(&"Finance Ministry".to_string()), "{orgs:?}");
        // A name of the alias table stays itself.
        assert!(orgs.contains(&"Labour Party".to_string()), "{orgs:?}");
        assert!(
            orgs.contains(&"Scottish Labour Party".to_string()),
            "{orgs:?}"
        );
    }

    #[test]
    fn paren_acronym_becomes_local_alias() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            None,
            "The Kurdish Regional Government (KRG) said the KRG would pay.",
        );
        let krg = found
            .iter()
            .find(|e| e.name == "Kurdish Regional Government");
        assert!(krg.is_some_and(|e| e.mentions == 3), "{found:?}");
    }

    #[test]
    fn an_article_comes_out_the_same_after_others() {
        let ex = EntityExtractor::new();
        let articles = [
            (Some("Talks on ISIS"), "Philip Hammond met John Kerry in London. Hammond said IS, also called ISIL, is in Raqqa."),
            (None, "The Kurdish Regional Government (KRG) said the KRG would pay. Kerry agreed."),
            (Some("SOCCER - JAPAN GET LUCKY WIN"), "Real Madrid beat FC Porto 2-1. Heinrich scored."),
        ];
        let fresh: Vec<_> = articles
            .iter()
            .map(|(t, b)| ex.analyze_with(*t, b, &mut Scratch::new(), true))
            .collect();
        let mut scratch = Scratch::new();
        for _ in 0..2 {
            for ((t, b), expected) in articles.iter().zip(&fresh) {
                assert_eq!(&ex.analyze_with(*t, b, &mut scratch, true), expected);
            }
        }
    }

    #[test]
    fn tables_of_figures_yield_no_contract_months_or_false_datelines() {
        let ex = EntityExtractor::new();
        // A wire table in the shape of the exchanges' open-interest reports.
        let table = "GRAIN FUTURES VOLUME REPORTED 9-MAR\n\
                     \x20     VOLUME                   VOLUME\n\
                     SPRING WHEAT              WINTER OATS\n\
                     \x20MAR8  1204  UP 17      MAY8  311  OFF 2\n\
                     \x20SEP7   988  UP 40      DEC9   12  UNCH\n\
                     Jul8 quiet, Sep7 unchanged";
        let found = ex.mentions(None, table);
        assert!(found.is_empty(), "{found:?}");
        // Names in columns are not joined across the gap.
        let columns = "Shares were offered.\nKaskela Holdings    Marundi Mining\n";
        let m = ex.mentions(None, columns);
        let texts: Vec<&str> = m.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["Kaskela Holdings", "Marundi Mining"], "{m:?}");
        // Datelines are still places.
        let m = ex.mentions(
            None,
            "LONDON, March 3 - Shares fell.\nRIO DE JANEIRO 1996-08-22\n",
        );
        let places: Vec<&str> = m.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(places, ["LONDON", "RIO DE JANEIRO"], "{m:?}");
    }

    #[test]
    fn all_caps_lines_yield_only_known_names() {
        let ex = EntityExtractor::new();
        let found = ex.extract(
            Some("BAHIA COCOA REVIEW"),
            "FEDERAL RESERVE WEEKLY REPORT\nShowers continued in Brazil.",
        );
        // `BAHIA` is known: the Brazilian state.
        assert_eq!(names(&found, EntityKind::Place), ["Bahia", "Brazil"]);
        // Known names are read on all-caps lines; unknown capitalised junk is not.
        assert_eq!(
            names(&found, EntityKind::Organization),
            ["Federal Reserve"],
            "{found:?}"
        );
        assert!(names(&found, EntityKind::Person).is_empty(), "{found:?}");
        // A dateline opening a line is a place.
        let m = ex.mentions(None, "NEW YORK 1996-08-22\nStocks rose.");
        assert_eq!(m[0].text, "NEW YORK");
        assert_eq!(m[0].kind, EntityKind::Place);
    }
}
