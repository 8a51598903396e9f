//! The rule-based extractor: tokenise, chunk capitalised runs, strip titles, classify,
//! resolve aliases and short forms within one article.
//!
//! The pipeline is split into small stages (tokenizer → chunker → run classifier →
//! collector) so that later versions can add rules or a statistical classifier per stage.

// Fx hashing: these maps sit on the per-token path, where SipHash showed in profiles.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use super::aliases::{AliasTable, KeyInfo};
use super::gazetteer::{
    demonym_canonical, gazetteer, title_case, Gazetteer, CONNECTORS, PARTICLES,
};
use super::normalize::{normalize_into, normalize_key, push_key, KeyWriter};
use super::{Entity, EntityKind, Extraction, Mention, MentionField};

// ---------------------------------------------------------------------------------------
// Tokens

/// Starts with an upper-case letter (or is `al-Abadi`: particle, hyphen, capital).
const CAP: u32 = 1;
/// Has letters and none is lower case.
const ALL_CAPS: u32 = 1 << 1;
/// First word of a sentence (or after an opening quote or bracket).
const SENT: u32 = 1 << 2;
/// Punctuation or a paragraph break precedes this word: no run crosses it.
const BREAK: u32 = 1 << 3;
/// A run ends after this word (possessive `Hammond's`, `Corp.`).
const END_RUN: u32 = 1 << 4;
/// A frequent lower-case English word.
const COMMON: u32 = 1 << 5;
/// A known given name.
const FIRST: u32 = 1 << 6;
/// A nationality or group adjective.
const DEMONYM: u32 = 1 << 7;
/// A month or weekday name.
const MONTH: u32 = 1 << 8;
/// An abbreviated month or weekday name.
const MONTH_ABBR: u32 = 1 << 9;
/// `of`, `and`, `for`, `the`, ...: kept inside a run before a capital.
const CONNECTOR: u32 = 1 << 10;
/// `al`, `bin`, `van`, ...: kept inside a run before a capital.
const PARTICLE: u32 = 1 << 11;
/// First word of a title.
const TITLE: u32 = 1 << 12;
/// An organisation head word.
const ORG_HEAD: u32 = 1 << 13;
/// Inside an all-caps line (tables, wire headers): never part of a run.
const SKIP: u32 = 1 << 14;
/// The word `and`.
const AND: u32 = 1 << 15;
/// Its lower-case form is an English word.
const DICT: u32 = 1 << 16;
/// A known single-word place.
const PLACE1: u32 = 1 << 17;
/// A frequent surname.
const SURNAME: u32 = 1 << 18;
/// A currency prefix with its dollar sign (`C$`, `US$`, `HK$`).
const CURRENCY: u32 = 1 << 19;
/// A dotted abbreviation (`U.S.`): the run goes on only into a name (`U.S. Treasury`).
const ABBR: u32 = 1 << 20;
/// Never an entity alone: a holiday, a currency word, a legal suffix ([`NOT_NAMES`],
/// [`LEGAL_SUFFIXES`]).
const NOT_NAME: u32 = 1 << 21;
/// A U.S. state's abbreviation ([`STATE_ABBRS`]), read as the state after a city.
const STATE_ABBR: u32 = 1 << 22;

/// Compass words that, with a demonym, make one group name (`South African`).
const COMPASS: &[&str] = &[
    "north", "south", "east", "west", "central", "upper", "lower",
];
/// Last words of a league or its divisions (`National League`, `Western Division`): events
/// and groupings rather than organisations.
const LEAGUE_HEADS: &[&str] = &["league", "division", "conference"];
/// First words of such a league besides demonyms and compass words.
const LEAGUE_FIRSTS: &[&str] = &["national", "major", "premier", "minor"];
/// Verbs of speech after (or `said` before) a lone name that mark it as a person.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "replied",
    "wrote",
    "admitted",
    "insisted",
    "declared",
    "stated",
    "explained",
    "recalled",
    "warned",
];
/// Nouns for kinds of place: `the village of Jumet`, `Anhui province`, `Stansted airport`.
const PLACE_NOUNS: &[&str] = &[
    "village",
    "villages",
    "town",
    "towns",
    "city",
    "cities",
    "province",
    "provinces",
    "region",
    "state",
    "district",
    "island",
    "islands",
    "county",
    "port",
    "resort",
    "airport",
    "suburb",
    "enclave",
    "municipality",
    "prefecture",
    "valley",
    "river",
    "republic",
    "capital",
];
/// Lower-case words after the name of a grade of oil (`Brent crude`, `Forties blend`).
const GRADE_NOUNS: &[&str] = &["crude", "crudes", "blend"];
/// Nouns before a single name that make it a firm's (`research firm Gartner`, `chipmaker
/// Intel`).
const FIRM_NOUNS: &[&str] = &[
    "firm",
    "company",
    "group",
    "giant",
    "maker",
    "chipmaker",
    "carmaker",
    "retailer",
    "carrier",
    "airline",
    "insurer",
    "bank",
    "broker",
    "brokerage",
    "conglomerate",
    "consultancy",
    "publisher",
    "manufacturer",
    "supplier",
    "operator",
    "chain",
];
/// A club's people and parts, named after the club (`Newcastle boss`, `Liverpool fans`).
const CLUB_ROLES: &[&str] = &[
    "boss",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "fans",
    "supporters",
    "forward",
    "skipper",
];
/// Kinds of work whose title may follow them (`the film Vera Drake`).
const WORK_NOUNS: &[&str] = &[
    "film",
    "films",
    "movie",
    "biopic",
    "musical",
    "album",
    "novel",
    "sitcom",
    "documentary",
    "opera",
    "song",
    "thriller",
    "drama",
    "comedy",
];
/// Nouns for brokers and banks before a firm of partners (`stockbrokers Phillips and Drew`).
const BROKERS: &[&str] = &[
    "house",
    "stockbrokers",
    "brokers",
    "bankers",
    "banker",
    "partners",
];
/// Nouns after a single name that make it the pollster's (`a Harris poll`, `the Gallup
/// organisation`), not a person.
const POLL_NOUNS: &[&str] = &["poll", "polls", "survey", "organisation", "organization"];
/// Time-zone abbreviations (`0900 GMT`).
const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "bst",
];
/// First words of sports-club names (`Borussia Dortmund`, `Real Madrid`, `FC Porto`).
const CLUB_FIRSTS: &[&str] = &[
    "fc",
    "afc",
    "ac",
    "as",
    "sc",
    "sv",
    "tsv",
    "vfb",
    "vfl",
    "fk",
    "nk",
    "real",
    "atletico",
    "sporting",
    "dynamo",
    "dinamo",
    "olympique",
    "racing",
    "borussia",
    "eintracht",
    "werder",
    "bayer",
    "fortuna",
    "hertha",
    "rapid",
    "sparta",
    "slavia",
    "steaua",
    "lokomotiva",
    "lokomotiv",
    "spartak",
    "torpedo",
    "cska",
    "inter",
    "hajduk",
    "sturm",
    "union",
    "deportivo",
    "athletic",
    "legia",
    "zenit",
    "shakhtar",
    "partizan",
    "maccabi",
    "hapoel",
    "beitar",
    "galatasaray",
    "fenerbahce",
    "besiktas",
    "trabzonspor",
    "panathinaikos",
    "olympiakos",
    "aek",
    "paok",
    "apoel",
    "omonia",
];

/// Last words of event, competition and other miscellaneous names (`World Cup`, `U.S. Open`).
/// Words that are never an entity alone, although capitalised and often in given-name or
/// surname lists: holidays (`Easter`) and currencies written as words (`Sterling fell`).
const NOT_NAMES: &[&str] = &[
    "easter",
    "christmas",
    "thanksgiving",
    "passover",
    "hanukkah",
    "lent",
    "sterling",
    "ecus",
    "no-one",
];

/// The U.S. states' abbreviations of news style (AP), after a city and a comma: `STAMFORD,
/// Conn.`, `Tampa, Fla.`. Read as the state only there: alone, `Mass` and `Wash` are words.
const STATE_ABBRS: &[(&str, &str)] = &[
    ("ala", "Alabama"),
    ("ariz", "Arizona"),
    ("ark", "Arkansas"),
    ("calif", "California"),
    ("colo", "Colorado"),
    ("conn", "Connecticut"),
    ("del", "Delaware"),
    ("fla", "Florida"),
    ("ga", "Georgia"),
    ("ill", "Illinois"),
    ("ind", "Indiana"),
    ("kan", "Kansas"),
    ("kans", "Kansas"),
    ("ky", "Kentucky"),
    ("la", "Louisiana"),
    ("md", "Maryland"),
    ("mass", "Massachusetts"),
    ("mich", "Michigan"),
    ("minn", "Minnesota"),
    ("miss", "Mississippi"),
    ("mo", "Missouri"),
    ("mont", "Montana"),
    ("neb", "Nebraska"),
    ("nev", "Nevada"),
    ("okla", "Oklahoma"),
    ("ore", "Oregon"),
    ("pa", "Pennsylvania"),
    ("tenn", "Tennessee"),
    ("tex", "Texas"),
    ("va", "Virginia"),
    ("vt", "Vermont"),
    ("wash", "Washington"),
    ("wis", "Wisconsin"),
    ("wyo", "Wyoming"),
];

/// First words of company names that are not English (`Societe Generale`, `Credit Suisse`,
/// `Banco Santander`), whose last word is no organisation head.
const ORG_FIRSTS: &[&str] = &[
    "societe",
    "banque",
    "banca",
    "banco",
    "compagnie",
    "cie",
    "groupe",
    "credit",
    "caisse",
    "usines",
];

const MISC_HEADS: &[&str] = &[
    "cup",
    "open",
    "championship",
    "championships",
    "games",
    "olympics",
    "series",
    "tour",
    "prix",
    "trophy",
    "award",
    "awards",
    "prize",
    "war",
    "masters",
    "classic",
    "olympiad",
    "accord",
    "accords",
    "treaty",
    "pact",
];
/// First words of natural features named the British way (`River Severn`, `Lake Geneva`).
const PLACE_FIRSTS: &[&str] = &["river", "lake", "mount", "cape"];
/// Last words before `of` that make a place of a place (`Republic of Ireland`, `Imperial
/// Valley of California`).
const STATE_HEADS: &[&str] = &[
    "republic",
    "kingdom",
    "commonwealth",
    "community",
    "principality",
    "emirate",
    "sultanate",
    "city",
    "isle",
    "gulf",
    "coast",
    "valley",
    "basin",
    "district",
    "province",
    "region",
];
/// Last words of natural features: an unknown run ending in one is a place (`Aegean Sea`).
const PLACE_HEADS: &[&str] = &[
    "sea",
    "ocean",
    "river",
    "strait",
    "straits",
    "island",
    "islands",
    "lake",
    "mountains",
    "peninsula",
    "desert",
    "canal",
    "bay",
    "road",
    "street",
    "avenue",
];
/// First words of a headline that mark a sports story (`SOCCER - ...`).
const SPORTS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "baseball",
    "basketball",
    "tennis",
    "golf",
    "rugby",
    "athletics",
    "cycling",
    "motorcycling",
    "motor",
    "boxing",
    "hockey",
    "ice",
    "nhl",
    "nfl",
    "nba",
    "sports",
    "sport",
    "racing",
    "horse",
    "swimming",
    "skiing",
    "rowing",
    "squash",
    "badminton",
    "volleyball",
    "handball",
    "yachting",
    "sailing",
    "formula",
    "snooker",
    "chess",
    "olympics",
    "alpine",
    "triathlon",
    "judo",
    "wrestling",
    "equestrianism",
];
/// Lower-case words before a single unknown name that mark it as a place.
const PLACE_CUES: &[&str] = &["in", "at", "near", "from", "outside", "across", "into"];

/// A sentence-initial capitalised word that is probably just a capitalised common word.
fn sentence_common(t: &Tok) -> bool {
    t.has(SENT)
        && !t.has(ALL_CAPS)
        && (t.has(COMMON) || (t.has(DICT) && !t.has(FIRST | PLACE1 | SURNAME)))
}

/// Abbreviations whose dot does not end the run (`Mr. Hammond`, `St. Louis`).
const DOT_CONTINUES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "adm",
    "maj", "prof", "rev", "brig", "mt", "ft", "messrs", "gens", "cmdr", "supt",
    // Given names cut short in firms' names (`Alex. Brown and Sons`, `Wm. Wrigley`).
    "alex", "wm", "chas", "thos", "jas", "geo", "robt", "benj",
];
/// Abbreviations whose dot is kept in the form but ends the run (`Corp.`, `Jr.`).
const DOT_ENDS: &[&str] = &["co", "corp", "inc", "ltd", "jr", "sr", "bros", "plc"];
/// Bytes in the longest word of [`DOT_CONTINUES`] and [`DOT_ENDS`].
const DOT_WORD_MAX_LEN: usize = max_len(DOT_CONTINUES, max_len(DOT_ENDS, 0));
/// Given names that are everyday words too, which the dictionary leaves out with all given
/// names: opening a sentence alone (`Long term debt rose`, `Young people`), they are read as
/// the words, as a dictionary word is, unless they speak (`Long said`).
const WORD_NAMES: &[&str] = &[
    "long", "drew", "rose", "grant", "mark", "bill", "frank", "rich", "guy", "art", "hope", "ray",
    "chance", "joy", "faith", "young", "major",
];
/// Verbs whose object, a name, is followed by what was said without a `that`.
const TELLS: &[&str] = &["told", "tell", "tells", "telling"];
/// Auxiliary verbs, which open a clause's verb after its subject.
const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "planned", "plans", "expects", "expected",
];
/// Subject pronouns.
const PRONOUNS: &[&str] = &["i", "you", "he", "she", "it", "we", "they"];
/// Determiners and pronouns dropped from the front of a run.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "every", "each", "both",
    "another", "his", "her", "its", "their", "our", "my", "your", "no", "all", "such",
];
/// Legal-form suffixes of company names.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "llc",
    "llp",
    "ag",
    "sa",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "incorporated",
    "limited",
    "corporation",
    "company",
    "holdings",
];
/// A firm's name without the legal form it ends in (`Chrysler Corp`, `American Motors Corp`,
/// `Merrill Lynch and Co Inc`, `Deutsche Bank AG`), where what is left still names it: two
/// words or more, or one that is not an English word (`Trust Co` stays whole). `Corp` and
/// the spelt-out forms stay after the words of credit and insurance, where they belong to the
/// names of public bodies and banks (`Commodity Credit Corporation`, `Federal Deposit
/// Insurance Corp`, `Swiss Bank Corp`), and `Holdings` stays (`Arsenal Holdings` is not the
/// club). Organisations are named so, and
/// an organisation filter reads its name so too.
///
/// ```
/// use dateline_core::entities::without_legal_form;
///
/// assert_eq!(without_legal_form("Chrysler Corp"), "Chrysler");
/// assert_eq!(without_legal_form("Merrill Lynch and Co Inc"), "Merrill Lynch");
/// assert_eq!(without_legal_form("American Motors Corp"), "American Motors");
/// assert_eq!(without_legal_form("Commodity Credit Corporation"), "Commodity Credit Corporation");
/// assert_eq!(without_legal_form("Trust Co"), "Trust Co");
/// ```
pub fn without_legal_form(name: &str) -> &str {
    let english = |word: &str| lexicon_bits(&normalize_key(word)) & (DICT | COMMON) != 0;
    let names_it = |rest: &str| {
        !rest.is_empty() && !in_list(rest, LEGAL_SUFFIXES) && (rest.contains(' ') || !english(rest))
    };
    // A name of one word (most acronyms) has no legal form to drop, nor one whose last word
    // starts with no legal form's letter (most names): two byte tests, before the lists.
    let words = name.trim_end_matches('.').as_bytes();
    match words.iter().rposition(|&b| b == b' ') {
        Some(at) if words.get(at + 1).is_some_and(|&b| starts_legal_form(b)) => {}
        _ => return name,
    }
    // The shortest name left that still names the firm (`News Corp Ltd`: `News Corp`).
    let (mut rest, mut named) = (name, name);
    let mut stripped = false;
    while let Some((head, last)) = last_space_split(rest.trim_end_matches('.')) {
        let last = last.trim_end_matches('.');
        // Trimmed only when needed: most names end in no legal form.
        let head = || head.trim_end_matches([',', ' ']);
        let joiner = stripped && (last.eq_ignore_ascii_case("and") || last == "&");
        let legal = in_list(last, ABBREVIATED_LEGAL_FORMS)
            || (in_list(last, SPELT_LEGAL_FORMS)
                && head()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| !in_list(w, PUBLIC_CORPORATION_WORDS)));
        if !legal && !joiner {
            break;
        }
        rest = head();
        stripped = true;
        let dangling = rest
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("and") || w == "&");
        if !dangling && names_it(rest) {
            named = rest;
        }
    }
    named
}

/// Whether a word starting with byte `b` may be one of the legal forms [`without_legal_form`]
/// drops: `b` is, in any ASCII case, the first letter of one of them.
fn starts_legal_form(b: u8) -> bool {
    /// Bit `n` set: a legal form starts with the `n`th letter of the alphabet.
    const FIRST_LETTERS: u32 =
        first_letters(ABBREVIATED_LEGAL_FORMS, first_letters(SPELT_LEGAL_FORMS, 0));
    b.is_ascii_alphabetic() && FIRST_LETTERS & (1 << (b.to_ascii_lowercase() - b'a')) != 0
}

/// `letters` with the bit of the first letter of each of `list`'s lower-case words set (bit
/// `n` for the `n`th letter of the alphabet).
const fn first_letters(list: &[&str], letters: u32) -> u32 {
    let (mut i, mut letters) = (0, letters);
    while i < list.len() {
        letters |= 1 << (list[i].as_bytes()[0] - b'a');
        i += 1;
    }
    letters
}

/// `text.rsplit_once(' ')` by a byte search, without a char searcher to set up per name.
fn last_space_split(text: &str) -> Option<(&str, &str)> {
    let at = text.bytes().rposition(|b| b == b' ')?;
    Some((&text[..at], &text[at + 1..]))
}

/// Legal forms [`without_legal_form`] drops after any name.
const ABBREVIATED_LEGAL_FORMS: &[&str] = &[
    "inc", "co", "ltd", "plc", "llc", "llp", "ag", "sa", "nv", "bv", "gmbh", "spa",
];
/// Words after which `Corp` and the spelt-out legal forms are part of the name.
const PUBLIC_CORPORATION_WORDS: &[&str] = &[
    "credit",
    "insurance",
    "bank",
    "banking",
    "investment",
    "trust",
    "finance",
    "development",
    "guaranty",
    "deposit",
    "mortgage",
    "housing",
    "export",
    "savings",
    "loan",
    "broadcasting",
    "acceptance",
];
/// Legal forms [`without_legal_form`] drops except after [`PUBLIC_CORPORATION_WORDS`].
const SPELT_LEGAL_FORMS: &[&str] = &["corp", "corporation", "company", "incorporated", "limited"];

/// Prefixes that never merge with a following capitalised word (`anti-IS`).
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "pro", "non", "ex", "post", "pre", "mid", "neo", "pan", "trans", "inter", "multi",
    "semi", "self", "all", "counter", "super", "ultra", "over", "under", "cross",
];
/// Lower-case second halves that never merge (`US-led`, `Hezbollah-run`).
const HYPHEN_SUFFIXES: &[&str] = &[
    "led",
    "run",
    "born",
    "held",
    "style",
    "based",
    "like",
    "wide",
    "era",
    "owned",
    "type",
    "language",
    "speaking",
    "made",
    "bound",
    "free",
    "backed",
    "linked",
    "funded",
    "born",
    "controlled",
    "inspired",
    "allied",
    "occupied",
];

#[derive(Clone, Copy, Debug)]
struct Tok {
    /// Byte range in the text; `end` includes an absorbed abbreviation dot.
    start: usize,
    end: usize,
    flags: u32,
}

impl Tok {
    fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// Whether `word` is one of `list`'s words, in any ASCII case.
///
/// The length is compared inline first: most entries differ in length, and
/// `eq_ignore_ascii_case` as a call per entry showed in profiles.
#[inline]
fn in_list(word: &str, list: &[&str]) -> bool {
    let b = word.as_bytes();
    b.len() <= 12
        && list
            .iter()
            .any(|w| w.len() == b.len() && w.as_bytes().eq_ignore_ascii_case(b))
}

/// Letters only: `(count, has_upper, has_lower)`.
type Shape = (usize, bool, bool);

/// Whether `s` has upper-case letters and no lower-case one (`up && !low` of its
/// [`letter_shape`]), stopping at the first lower-case letter: a headline's shape is asked
/// only for this, and most headlines have a lower-case letter among their first bytes.
fn all_caps(s: &str) -> bool {
    if s.is_ascii() {
        let b = s.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_uppercase);
    }
    let letters = || s.chars().filter(|c| c.is_alphabetic());
    !letters().any(char::is_lowercase) && letters().any(char::is_uppercase)
}

/// Whether `s` has two letters or more (`letter_shape(s).0 >= 2`), stopping at the second.
fn two_letters(s: &str) -> bool {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphabetic).nth(1).is_some();
    }
    s.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
}

/// The [`Shape`] of a word.
fn letter_shape(s: &str) -> Shape {
    let (mut n, mut up, mut low) = (0, false, false);
    if s.is_ascii() {
        for b in s.bytes() {
            up |= b.is_ascii_uppercase();
            low |= b.is_ascii_lowercase();
            n += usize::from(b.is_ascii_alphabetic());
        }
        return (n, up, low);
    }
    for c in s.chars() {
        if c.is_alphabetic() {
            n += 1;
            up |= c.is_uppercase();
            low |= c.is_lowercase();
        }
    }
    (n, up, low)
}

fn starts_upper(s: &str) -> bool {
    match s.as_bytes().first() {
        // No decoding for ASCII, which most words are.
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `word` without its trailing dots.
fn trim_dots(word: &str) -> &str {
    let dots = word.bytes().rev().take_while(|&b| b == b'.').count();
    &word[..word.len() - dots]
}

/// Computes the lexical flags of one word (no context flags).
fn word_flags(word: &str, title_case: bool, g: &Gazetteer, buf: &mut String) -> u32 {
    // Only a particle and a hyphen (`al-Abadi`) capitalise a word that starts lower case.
    let head = &word.as_bytes()[..word.len().min(JOINER_MAX_LEN + 1)];
    if head.contains(&b'-') {
        return capital_word_flags(word, title_case, g, buf);
    }
    segment_flags(word, title_case, g, buf)
}

/// [`word_flags`] of a word without a hyphen in its first bytes (where
/// [`particle_compound`] looks), as every word the segmenter gives is: UAX #29 breaks before
/// and after a hyphen. Inlined into the tokenizer's loop: most words (lower case or numbers)
/// are done with in its first tests.
#[inline(always)]
fn segment_flags(word: &str, title_case: bool, g: &Gazetteer, buf: &mut String) -> u32 {
    // Most words start lower case or with a digit: without a hyphen such a word is not
    // capitalised, and only the joiner lists (short words of letters) can flag it. This
    // spares them the call and the tests for capitalised words.
    match word.as_bytes() {
        [c, ..] if c.is_ascii_digit() => 0,
        [c, .., last] if c.is_ascii_lowercase() && *last != b'.' && word.len() > JOINER_MAX_LEN => {
            0
        }
        [c, ..] if c.is_ascii_lowercase() => joiner_flags(trim_dots(word)),
        _ => capital_word_flags(word, title_case, g, buf),
    }
}

/// [`word_flags`] of a word that may be capitalised.
fn capital_word_flags(word: &str, title_case: bool, g: &Gazetteer, buf: &mut String) -> u32 {
    let bare = trim_dots(word);
    let cap = starts_upper(bare) || particle_compound(bare);
    let mut f = 0;
    if !cap || title_case {
        let mut joiner = joiner_flags(bare);
        if cap {
            joiner &= !PARTICLE;
        }
        f |= joiner;
    }
    if !cap {
        return f;
    }
    f |= CAP;
    let mut stack = [0; STACK_KEY];
    let ((letters, up, low), key) = match ascii_key(bare, &mut stack) {
        Some(found) => found,
        None => {
            normalize_into(bare, buf);
            (letter_shape(bare), buf.as_bytes())
        }
    };
    if up && !low && letters >= 2 {
        f |= ALL_CAPS;
    }
    if let Some(&bits) = lexicon(g).get(&word_key(key)) {
        f |= bits;
    } else if let Some(hyphen) = key.iter().position(|&b| b == b'-') {
        // `Russian-Chechen`, `Israeli-PLO`: a pair led by a demonym is a group name;
        // `January-April`, `Jan-July`: a span of months.
        let head_bits = lexicon(g)
            .get(&word_key(&key[..hyphen]))
            .copied()
            .unwrap_or(0);
        if head_bits & DEMONYM != 0 {
            f |= DEMONYM;
        } else if head_bits & (MONTH | MONTH_ABBR) != 0 {
            f |= MONTH;
        }
    } else if let [a, b, c, digits @ ..] = key {
        // `MAR8`, `SEP7`: a futures contract's month and year in a table of prices.
        if (1..=2).contains(&digits.len())
            && digits.iter().all(u8::is_ascii_digit)
            && lexicon(g)
                .get(&word_key(&[*a, *b, *c]))
                .is_some_and(|bits| bits & (MONTH | MONTH_ABBR) != 0)
        {
            f |= MONTH;
        }
    }
    f
}

/// Bytes of the longest key [`ascii_key`] writes on the stack.
const STACK_KEY: usize = 64;

/// The [`letter_shape`] and normalised key of short printable ASCII text, words a single
/// space apart (most words and names), lower-cased into `stack` in one pass: no `String`, no
/// char decoding. `None` for other text, which [`normalize_into`] handles.
///
/// The text is copied into `stack` and taken eight bytes a step (SWAR on `u64`s, as the
/// segmenter scans words): each step finds the bytes that are not printable ASCII, spaces,
/// capitals and small letters with a few adds and masks, lower-cases the capitals and counts
/// the letters, where a loop over bytes cost a test and a branch per byte. The last step's
/// bytes past the text are `0`s, which are none of these.
#[inline]
fn ascii_key<'s>(text: &str, stack: &'s mut [u8; STACK_KEY]) -> Option<(Shape, &'s [u8])> {
    use crate::segment::{ascii_eq8, ascii_range8, splat};
    const HIGH: u64 = splat(0x80);
    let b = text.as_bytes();
    // A space first or last changes in normalising (as does one after another, below).
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return None;
    };
    if b.len() > STACK_KEY || first == b' ' || last == b' ' {
        return None;
    }
    let padded = b.len().next_multiple_of(8);
    stack[..b.len()].copy_from_slice(b);
    stack[b.len()..padded].fill(b'0');
    let (mut letters, mut up, mut low) = (0, 0, 0);
    // The high bit of the last byte of the step before if it was a space.
    let mut space_before = 0;
    for chunk in stack[..padded].as_chunks_mut::<8>().0 {
        let x = u64::from_le_bytes(*chunk);
        // Bytes of 0x80 and up, and below `b' '` (those whose high bit adding 0x60 leaves
        // clear): meaningful while all bytes are ASCII, and it does not matter which byte
        // is flagged otherwise.
        let unprintable = (x | !x.wrapping_add(splat(0x60))) & HIGH;
        let space = ascii_eq8(x, b' ');
        if unprintable | (space & ((space << 8) | space_before)) != 0 {
            return None;
        }
        space_before = space >> 56;
        let (capitals, small) = (ascii_range8(x, b'A', b'Z'), ascii_range8(x, b'a', b'z'));
        up |= capitals;
        low |= small;
        // One bit per letter, at the foot of its byte, summed into the top byte by a
        // multiply: cheaper than `count_ones` without a popcount instruction.
        letters += (((capitals | small) >> 7).wrapping_mul(splat(1)) >> 56) as usize;
        // 0x80 >> 2 is the bit that tells a small letter from its capital.
        *chunk = (x | (capitals >> 2)).to_le_bytes();
    }
    Some(((letters, up != 0, low != 0), &stack[..b.len()]))
}

/// [`ascii_key`] a byte at a time: the plain statement of what it computes, for its tests.
#[cfg(test)]
fn ascii_key_bytewise(text: &str) -> Option<(Shape, Vec<u8>)> {
    let b = text.as_bytes();
    if b.len() > STACK_KEY {
        return None;
    }
    let (mut n, mut up, mut low) = (0, false, false);
    let mut key = Vec::new();
    let mut prev = b' ';
    for &c in b {
        if c < b' ' || !c.is_ascii() || (c == b' ' && prev == b' ') {
            return None;
        }
        up |= c.is_ascii_uppercase();
        low |= c.is_ascii_lowercase();
        n += usize::from(c.is_ascii_alphabetic());
        key.push(c.to_ascii_lowercase());
        prev = c;
    }
    if prev == b' ' {
        return None;
    }
    Some(((n, up, low), key))
}

/// Whether the normalised key of `text` is `text` lower-cased: printable ASCII, words a
/// single space apart (what [`ascii_key`] accepts, of any length).
fn lowercase_is_key(text: &str) -> bool {
    let mut prev = b' ';
    for &c in text.as_bytes() {
        if !(b' '..0x80).contains(&c) || (c == b' ' && prev == b' ') {
            return false;
        }
        prev = c;
    }
    prev != b' '
}

/// The normalised key of `text` as bytes, for the extractor's tables: lower-cased on the
/// stack in one pass by [`ascii_key`] where it can be (its shape, unused, is optimised away),
/// else by [`normalize_into`] in `buf`.
#[inline]
fn lookup_key<'k>(text: &str, stack: &'k mut [u8; STACK_KEY], buf: &'k mut String) -> &'k [u8] {
    match ascii_key(text, stack) {
        Some((_, key)) => key,
        None => {
            normalize_into(text, buf);
            buf.as_bytes()
        }
    }
}

/// The normalised key of `text`, in `buf`.
fn key_of<'k>(text: &str, buf: &'k mut String) -> &'k str {
    if lowercase_is_key(text) {
        // Most keys: a copy lower-cased in place, with no UTF-8 check of a key built on the
        // stack and no push per word (both showed in profiles).
        buf.clear();
        buf.push_str(text);
        buf.make_ascii_lowercase();
    } else {
        normalize_into(text, buf);
    }
    buf
}

/// [`normalize_key`] by [`key_of`]'s shortcut, for a key to keep.
fn key_string(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    key_of(text, &mut key);
    key
}

/// The lexicon's key of a normalised word: a 64-bit hash. Keys without their strings keep the
/// table small and spare a pointer chase per lookup, where profiles showed cache misses; a
/// test checks that no two lexicon words share a key, and another word collides with one of
/// the ~84,000 with a chance of about 5 in 10^15.
fn word_key(normalised: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(normalised)
}

/// Every gazetteer word (by [`word_key`]) with the flags its lists give it, so that a
/// capitalised word costs one hash lookup instead of one per list.
fn lexicon(g: &Gazetteer) -> &'static HashMap<u64, u32> {
    static LEXICON: std::sync::OnceLock<HashMap<u64, u32>> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map: HashMap<u64, u32> = HashMap::default();
        for (word, flag) in lexicon_words(g) {
            *map.entry(word_key(word.as_bytes())).or_default() |= flag;
        }
        map
    })
}

/// The lexicon's flags of a normalised word (0 for a word of no list).
fn lexicon_bits(key: &str) -> u32 {
    lexicon(gazetteer())
        .get(&word_key(key.as_bytes()))
        .copied()
        .unwrap_or(0)
}

/// Buffers that one article's analysis takes over from the last one's on the same thread.
struct Scratch {
    /// Normalised words that do not fit on the stack.
    buf: String,
    /// Tokens of the text being processed.
    toks: Vec<Tok>,
    /// Lines in capitals of the text being tokenised.
    skips: Vec<(usize, usize)>,
    /// The last article's collector, emptied: its tables and lists keep their room.
    col: Collector,
    /// Lookup keys of the text being processed.
    key: String,
}

impl Scratch {
    fn new() -> Self {
        Scratch {
            buf: String::new(),
            toks: Vec::new(),
            skips: Vec::new(),
            col: Collector::default(),
            key: String::new(),
        }
    }
}

/// The lexicon's words, each with the flag of the list it comes from.
fn lexicon_words(g: &Gazetteer) -> Vec<(&str, u32)> {
    let mut out: Vec<(&str, u32)> = Vec::new();
    out.extend(g.common.iter().map(|w| (w.as_str(), COMMON)));
    out.extend(g.first_names.iter().map(|w| (w.as_str(), FIRST)));
    out.extend(g.demonyms.iter().map(|w| (w.as_str(), DEMONYM)));
    out.extend(g.months_full.iter().map(|w| (*w, MONTH)));
    out.extend(g.months_abbr.iter().map(|w| (*w, MONTH_ABBR)));
    out.extend(g.titles.keys().map(|w| (w.as_str(), TITLE)));
    out.extend(g.org_heads.iter().map(|w| (w.as_str(), ORG_HEAD)));
    out.extend(g.english.iter().map(|w| (w.as_str(), DICT)));
    out.extend(WORD_NAMES.iter().map(|w| (*w, DICT)));
    out.extend(g.places.keys().map(|w| (w.as_str(), PLACE1)));
    out.extend(g.surnames.iter().map(|w| (w.as_str(), SURNAME)));
    out.extend(
        NOT_NAMES
            .iter()
            .chain(LEGAL_SUFFIXES)
            .map(|w| (*w, NOT_NAME)),
    );
    out.extend(STATE_ABBRS.iter().map(|(a, _)| (*a, STATE_ABBR)));
    out
}

/// Bare head words (keys) that stand for an organisation's executive in a story of the
/// organisation, by the names of the alias table.
const EXECUTIVES: &[(&str, &[&str], &str)] = &[(
    "commission",
    &["European Community", "European Union"],
    "European Commission",
)];

/// Bytes in the longest connector or particle.
const JOINER_MAX_LEN: usize = max_len(PARTICLES, max_len(CONNECTORS, 0));

const fn max_len(list: &[&str], at_least: usize) -> usize {
    let (mut i, mut max) = (0, at_least);
    while i < list.len() {
        if list[i].len() > max {
            max = list[i].len();
        }
        i += 1;
    }
    max
}

/// A short ASCII word lower-cased into one integer, one byte a letter (`None`: not a word of
/// up to [`JOINER_MAX_LEN`] ASCII letters). Distinct words give distinct integers.
const fn packed(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > JOINER_MAX_LEN {
        return None;
    }
    let (mut i, mut key) = (0, 0u64);
    while i < word.len() {
        if !word[i].is_ascii_alphabetic() {
            return None;
        }
        key = key << 8 | word[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    Some(key)
}

/// [`packed`] without a branch per byte: the joiner test runs on every short word of prose.
/// The word's bytes are right-aligned in one integer (as `packed` shifts them in), and its
/// letters tested and lower-cased eight at a time.
#[inline]
fn packed_now(word: &[u8]) -> Option<u64> {
    const _: () = assert!(JOINER_MAX_LEN < 8, "a joiner fits in one integer");
    if word.is_empty() || word.len() > JOINER_MAX_LEN {
        return None;
    }
    let x = word.iter().fold(0u64, |key, &b| key << 8 | u64::from(b));
    // The word's bytes; the bytes above them are zero.
    let mask = (1u64 << (8 * word.len())) - 1;
    let splat = |n: u8| u64::from_ne_bytes([n; 8]) & mask;
    // A byte of 0x80 or more is no letter (and would carry into its neighbour below).
    if x & splat(0x80) != 0 {
        return None;
    }
    let lower = x | splat(0x20);
    let letters =
        lower.wrapping_add(splat(0x80 - b'a')) & !lower.wrapping_add(splat(0x80 - b'z' - 1));
    (letters & splat(0x80) == splat(0x80)).then_some(lower)
}

/// Slots of [`JOINERS`]: a power of two, ten times the number of joiners, so that a word
/// (half the words of prose are short enough to be looked up) mostly takes one probe.
const JOINER_SLOTS: usize = 256;

/// The slot a [`packed`] word is looked up from (multiplicative hashing).
const fn joiner_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - JOINER_SLOTS.trailing_zeros())) as usize
        % JOINER_SLOTS
}

/// Every connector and particle, [`packed`], with its flags, in an open-addressed table
/// (empty slots are 0): the joiner test runs on every short word, where scanning the two lists
/// with `eq_ignore_ascii_case` showed in profiles.
static JOINERS: [(u64, u32); JOINER_SLOTS] = {
    let mut table = [(0, 0); JOINER_SLOTS];
    let mut i = 0;
    while i < CONNECTORS.len() + PARTICLES.len() {
        let (word, flag) = if i < CONNECTORS.len() {
            (CONNECTORS[i], CONNECTOR)
        } else {
            (PARTICLES[i - CONNECTORS.len()], PARTICLE)
        };
        let Some(key) = packed(word.as_bytes()) else {
            panic!("a joiner is not a short ASCII word");
        };
        let and = matches!(packed(b"and"), Some(k) if k == key);
        let mut slot = joiner_slot(key);
        while table[slot].0 != 0 && table[slot].0 != key {
            slot = (slot + 1) % JOINER_SLOTS;
        }
        table[slot] = (key, table[slot].1 | if and { flag | AND } else { flag });
        i += 1;
    }
    table
};

/// [`CONNECTOR`] (with [`AND`]) and [`PARTICLE`] as the lists give them to `word`, in any case.
fn joiner_flags(word: &str) -> u32 {
    let Some(key) = packed_now(word.as_bytes()) else {
        return 0;
    };
    let mut slot = joiner_slot(key);
    loop {
        match JOINERS[slot] {
            (k, flags) if k == key => return flags,
            (0, _) => return 0,
            _ => slot = (slot + 1) % JOINER_SLOTS,
        }
    }
}

/// `al-Abadi`, `bin-Laden`: a lower-case particle, a hyphen and a capital.
fn particle_compound(word: &str) -> bool {
    // Particles are short ASCII words, and the hyphen can only follow one: no need to search
    // a long word, or one starting otherwise, for it.
    let head = &word.as_bytes()[..word.len().min(JOINER_MAX_LEN + 1)];
    if !head.first().is_some_and(u8::is_ascii_alphabetic) || head.iter().all(|&b| b != b'-') {
        return false;
    }
    match word.split_once('-') {
        Some((p, rest)) => in_list(p, PARTICLES) && starts_upper(rest),
        None => false,
    }
}

/// Whether `prev` and `next` (joined by a hyphen) form one name (`Al-Qaida`, `al-Abadi`,
/// `Ki-moon`) rather than a compound adjective (`US-led`, `Iranian-funded`, `anti-IS`).
fn merge_hyphen(prev: &str, prev_flags: u32, next: &str) -> bool {
    let (_, next_up, next_low) = letter_shape(next);
    if prev.chars().all(|c| c.is_ascii_digit())
        || (in_list(prev, HYPHEN_PREFIXES) && (next_up && !next_low || prev_flags & CAP == 0))
    {
        return false; // `anti-IS`, `pro-EU`, `non-binding`
    }
    let prev_particle = !starts_upper(prev) && in_list(prev, PARTICLES) || particle_compound(prev);
    if starts_upper(next) {
        return prev_particle || prev_flags & CAP != 0;
    }
    // Lower-case second half: only after a capitalised, non-acronym, non-demonym word.
    prev_flags & CAP != 0
        && prev_flags & (ALL_CAPS | DEMONYM) == 0
        && next.chars().next().is_some_and(char::is_alphabetic)
        && !in_list(next, HYPHEN_SUFFIXES)
        && !next.ends_with("ed")
        && !next.ends_with("ing")
}

/// Byte ranges of lines written entirely in capitals (two or more words), into `out`: wire
/// headers and tables, where capitalisation says nothing.
fn all_caps_lines(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut pos = 0;
    // `memchr_iter` keeps its place: `split('\n')` searched anew, and compared, per line.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let line = &text[pos..end];
        // Most lines show a lower-case letter within a few bytes: no need to scan them whole.
        if line.bytes().any(|b| b.is_ascii_lowercase()) {
            pos = end + 1;
            continue;
        }
        let (letters, up, low) = letter_shape(line);
        if up
            && !low
            && letters >= 4
            && line.split_whitespace().filter(|w| w.len() > 1).count() >= 2
        {
            out.push((pos, end));
        }
        pos = end + 1;
    }
}

/// How many times `word` stands in `text` with no letter or digit right before or after it.
fn whole_word_count(text: &str, word: &str) -> usize {
    let b = text.as_bytes();
    let edge = |at: Option<&u8>| !at.is_some_and(u8::is_ascii_alphanumeric);
    text.match_indices(word)
        .filter(|&(i, w)| edge(i.checked_sub(1).and_then(|j| b.get(j))) && edge(b.get(i + w.len())))
        .count()
}

/// Whether `text` starts with a date written in digits: `1996-08-22`, `22/08/1996`, `7-APR`
/// (not a bare number, as the figures of a table are).
fn starts_with_date(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'-' | b'/'))
        && text
            .as_bytes()
            .get(digits + 1)
            .is_some_and(u8::is_ascii_alphanumeric)
}

/// True when a headline is in Title Case (most longer words capitalised).
fn is_title_case(text: &str) -> bool {
    let (mut long, mut caps) = (0, 0);
    for (_, w) in crate::segment::words(text) {
        if w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_alphabetic) {
            long += 1;
            if starts_upper(w) {
                caps += 1;
            }
        }
    }
    long >= 3 && caps * 4 >= long * 3
}

/// `e.f.`, `j.`: letters each followed by a dot.
fn initials(word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty()
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_alphabetic() && c[1] == b'.')
}

/// `MPs`, `PCs`, `DVDs`: an acronym's plural is a common noun, not a name.
fn plural_acronym(word: &str) -> bool {
    match word.as_bytes() {
        [head @ .., b's'] => head.len() >= 2 && head.iter().all(u8::is_ascii_uppercase),
        _ => false,
    }
}

/// Splits text into word tokens with their flags.
fn tokenize(text: &str, title_case: bool, g: &Gazetteer, scratch: &mut Scratch) -> Vec<Tok> {
    tokenize_by(text, title_case, g, scratch, text.is_ascii())
}

/// [`tokenize`], by [`Tokenizer::ascii`]'s byte loop when `bytes` (for ASCII text only), else
/// by the segments of [`crate::segment::for_each_bound_but_spaces`]. Both give the same tokens
/// (a test compares them on real text).
fn tokenize_by(
    text: &str,
    title_case: bool,
    g: &Gazetteer,
    scratch: &mut Scratch,
    bytes: bool,
) -> Vec<Tok> {
    let mut skips = std::mem::take(&mut scratch.skips);
    all_caps_lines(text, &mut skips);
    let mut toks = std::mem::take(&mut scratch.toks);
    toks.clear();
    toks.reserve(text.len() / 6);
    let mut tokenizer = Tokenizer {
        text,
        title_case,
        g,
        buf: &mut scratch.buf,
        toks,
        skip: skips.first().copied().unwrap_or(NO_SKIP),
        skips: skips.get(1..).unwrap_or_default(),
        pending_break: true,
        pending_sent: true,
        hyphen_end: NO_HYPHEN,
        gap_newlines: 0,
    };
    if bytes {
        tokenizer.ascii();
    } else {
        tokenizer.segments();
    }
    let toks = tokenizer.toks;
    scratch.skips = skips;
    toks
}

/// [`Tokenizer::skip`] past the last line in capitals.
const NO_SKIP: (usize, usize) = (usize::MAX, usize::MAX);
/// [`Tokenizer::hyphen_end`] when no hyphen follows the last word.
const NO_HYPHEN: usize = usize::MAX;

/// [`tokenize`]'s state between segments (UAX #29 word boundaries): words, whitespace and
/// other segments each take a step ([`word`](Self::word), [`space`](Self::space),
/// [`other`](Self::other)). Runs of spaces change nothing, and take none.
struct Tokenizer<'a> {
    text: &'a str,
    title_case: bool,
    g: &'a Gazetteer,
    /// [`Scratch::buf`], for words that do not fit on the stack.
    buf: &'a mut String,
    toks: Vec<Tok>,
    /// The first line in capitals ([`all_caps_lines`]) not yet behind the words, or
    /// [`NO_SKIP`]: one comparison a word when there is none, as in most texts.
    skip: (usize, usize),
    /// The lines in capitals after [`skip`](Self::skip).
    skips: &'a [(usize, usize)],
    /// Whether the next word starts a run ([`BREAK`]).
    pending_break: bool,
    /// Whether the next word starts a sentence ([`SENT`]).
    pending_sent: bool,
    /// End of a hyphen that directly follows the last word (or [`NO_HYPHEN`]).
    hyphen_end: usize,
    /// Line breaks since the last segment that was not whitespace: two make a blank line, a
    /// paragraph break. Each line break is a segment of its own.
    gap_newlines: usize,
}

impl<'a> Tokenizer<'a> {
    /// Tokenizes ASCII text in one loop over its bytes, with no segment handed over per
    /// punctuation byte or space: the steps of [`segments`](Self::segments) for the segments
    /// that [`crate::segment`]'s ASCII rules give. Half the time of the extractor went to
    /// tokenizing before, most of it to segmenting and dispatching segments.
    fn ascii(&mut self) {
        let text = self.text;
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphanumeric() {
                let end = crate::segment::word_segment_end(b, i + 1).0;
                self.word(i, &text[i..end]);
                // Words of prose are a single space apart: step over it here.
                i = end + usize::from(b.get(end) == Some(&b' '));
            } else if c == b' ' {
                i = crate::segment::spaces_end(b, i + 1);
            } else if crate::segment::is_ascii_space(c) {
                // Line feeds count in the whole run of whitespace, as in as many segments.
                let run = b[i..]
                    .iter()
                    .position(|&b| !crate::segment::is_ascii_space(b))
                    .unwrap_or(b.len() - i);
                let newlines = b[i..i + run].iter().filter(|&&b| b == b'\n').count();
                self.space(newlines);
                i += run;
            } else if c == b'_' {
                // `_` joins letters and digits into one segment (`_a1`), no word to the
                // tokenizer.
                self.other(i, '_', false);
                i = crate::segment::word_segment_end(b, i + 1).0;
            } else {
                self.other(i, char::from(c), true);
                i += 1;
            }
        }
    }

    /// Tokenizes any text by its segments.
    fn segments(&mut self) {
        crate::segment::for_each_bound_but_spaces(self.text, |i, seg| {
            let mut chars = seg.chars();
            let Some(c) = chars.next() else {
                return;
            };
            if c.is_alphanumeric() {
                self.word(i, seg);
            } else if c.is_whitespace() {
                self.space(seg.bytes().filter(|&b| b == b'\n').count());
            } else {
                self.other(i, c, chars.as_str().is_empty());
            }
        });
    }

    /// Whether the word at `i` is on a line in capitals (words come in order).
    #[inline]
    fn in_caps_line(&mut self, i: usize) -> bool {
        while self.skip.1 < i {
            (self.skip, self.skips) = match self.skips {
                [first, rest @ ..] => (*first, rest),
                [] => (NO_SKIP, &[][..]),
            };
        }
        self.skip.0 <= i
    }

    /// A segment at `i` that opens with a letter or digit.
    #[inline(always)]
    fn word(&mut self, i: usize, seg: &str) {
        self.gap_newlines = 0;
        if self.hyphen_end == i && self.join_hyphen(i, seg) {
            return;
        }
        self.hyphen_end = NO_HYPHEN;
        let mut word = seg;
        let mut extra = 0;
        // Possessive: `Hammond's`, `Hammond’s`. Few words end in `s`: test that first.
        // The suffix is `'s` or `’s` in either case, after at least two bytes.
        if let [head @ .., b's' | b'S'] = seg.as_bytes() {
            let suffix = if head.len() > 2 && head.ends_with(b"'") {
                2
            } else if head.len() > 4 && head.ends_with("\u{2019}".as_bytes()) {
                4
            } else {
                0
            };
            if suffix > 0 {
                word = &seg[..seg.len() - suffix];
                extra |= END_RUN;
            }
        }
        if self.in_caps_line(i) {
            extra |= SKIP;
        }
        // A column gap (two spaces or more) ends a name: tables of figures line their
        // headings up so (`SPRING WHEAT   WINTER OATS`).
        // Only a capitalised word can go on a name: lower-case words skip the test.
        let column_gap =
            !seg.as_bytes()[0].is_ascii_lowercase() && self.text.as_bytes()[..i].ends_with(b"  ");
        if self.pending_break || column_gap {
            extra |= BREAK;
        }
        if self.pending_sent {
            extra |= SENT;
        }
        self.pending_break = extra & END_RUN != 0;
        self.pending_sent = false;
        let flags = segment_flags(word, self.title_case, self.g, self.buf) | extra;
        self.toks.push(Tok {
            start: i,
            end: i + word.len(),
            flags,
        });
    }

    /// Joins the word `seg` at `i` to the last word, a hyphen before it, when the two make
    /// one name ([`merge_hyphen`]); whether they did.
    fn join_hyphen(&mut self, i: usize, seg: &str) -> bool {
        let Some(last) = self.toks.last_mut() else {
            return false;
        };
        if !merge_hyphen(&self.text[last.start..last.end], last.flags, seg) {
            return false;
        }
        let keep = last.flags & (SENT | BREAK | SKIP);
        last.end = i + seg.len();
        let word = &self.text[last.start..last.end];
        last.flags = keep | word_flags(word, self.title_case, self.g, self.buf);
        self.pending_break = false;
        true
    }

    /// A segment of whitespace holding `newlines` line feeds.
    #[inline]
    fn space(&mut self, newlines: usize) {
        self.hyphen_end = NO_HYPHEN;
        self.gap_newlines += newlines;
        if self.gap_newlines >= 2 {
            self.pending_break = true;
            self.pending_sent = true;
        }
    }

    /// A segment at `i` that is neither a word nor whitespace, opening with `c`; `single`
    /// when `c` is all of it.
    #[inline]
    fn other(&mut self, i: usize, c: char, single: bool) {
        self.gap_newlines = 0;
        let adjacent = single && self.toks.last().is_some_and(|t| t.end == i);
        match c {
            '-' | '\u{2010}' | '\u{2011}' if adjacent && !self.pending_break => {
                self.hyphen_end = i + c.len_utf8();
                self.pending_break = true;
            }
            '.' if adjacent && !self.pending_break => self.dot(),
            '$' if adjacent && !self.pending_break => {
                // `C$`, `US$`: the prefix and the sign are one currency name.
                if let Some(last) = self.toks.last_mut() {
                    let (letters, up, low) = letter_shape(&self.text[last.start..last.end]);
                    if (1..=3).contains(&letters) && up && !low {
                        last.end += 1;
                        last.flags |= CURRENCY | END_RUN;
                    }
                }
                self.pending_break = true;
            }
            '\'' | '\u{2019}' if adjacent => {
                // `Kurds'`: plural possessive ends the run.
                if let Some(last) = self.toks.last_mut() {
                    last.flags |= END_RUN;
                }
                self.pending_break = true;
            }
            _ => {
                self.hyphen_end = NO_HYPHEN;
                self.pending_break = true;
                if matches!(
                    c,
                    '.' | '!'
                        | '?'
                        | ':'
                        | ';'
                        | '"'
                        | '\u{201C}'
                        | '\u{201E}'
                        | '('
                        | '['
                        | '\u{2014}'
                        | '\u{2013}'
                        | '\u{2022}'
                        | '|'
                ) {
                    self.pending_sent = true;
                }
            }
        }
    }

    /// A dot right after the last word, which goes on the run or not.
    fn dot(&mut self) {
        let text = self.text;
        let Some(last) = self.toks.last_mut() else {
            return;
        };
        let word = &text[last.start..last.end];
        let mut chars = word.chars();
        let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        // Longer words are in neither list of abbreviations.
        let listed = word.len() <= DOT_WORD_MAX_LEN;
        if initial || listed && in_list(word, DOT_CONTINUES) {
            last.end += 1; // `Mr.`, `F.`: the run goes on
            if initial {
                last.flags &= !(DICT | COMMON); // `A. Shah` is not the word `a`
            }
        } else if word.contains('.') && !(listed && in_list(word, DOT_ENDS)) {
            last.end += 1; // `U.S.`: keep the dot; the run may go on
            last.flags |= ABBR;
            self.pending_sent = true;
        } else if listed && in_list(word, DOT_ENDS) {
            last.end += 1; // `Corp.`: keep the dot, end the run
            last.flags |= END_RUN;
            self.pending_break = true;
            self.pending_sent = true;
        } else {
            self.pending_break = true;
            // `9. Maurizio Fondriest`: a number opening its line is a list item.
            let numbered = word.bytes().all(|b| b.is_ascii_digit())
                && text[..last.start]
                    .rsplit('\n')
                    .next()
                    .is_some_and(|before| before.trim().is_empty());
            self.pending_sent = !numbered;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Collector: entities of one article

#[derive(Debug)]
struct Agg {
    kind: EntityKind,
    name: String,
    forms: Vec<String>,
    mentions: u32,
    /// Mentions whose kind was guessed from the shape of the name alone (a given name and
    /// capitalised words, a short run of unknown ones): when every mention is one, the name
    /// may still be the short form of an organisation in the article (`Merrill Lynch`).
    guessed: u32,
}

impl Agg {
    /// Whether this is a person named in full whose given name is `word`.
    fn given_name_is(&self, word: &str) -> bool {
        self.kind == EntityKind::Person
            && (self.name.split_once(' '))
                .is_some_and(|(first, _)| first.eq_ignore_ascii_case(word))
    }
}

/// A single-word mention that may be the short form of a full person name.
#[derive(Debug)]
struct Pending {
    /// The word's key (without a final dot): its byte range in [`Collector::pending_keys`].
    key: Range<usize>,
    surface: String,
    seq: u32,
    /// Kind given to the word when no full name claims it (`None`: dropped).
    fallback: Option<EntityKind>,
    /// The kind was only guessed (a surname, a word of no known kind), so an organisation of
    /// the article that starts with the word claims it too; a title marks a person for sure.
    guessed: bool,
}

#[derive(Debug, Default)]
struct Collector {
    ents: Vec<Agg>,
    /// Entities by key (see [`EntityKeys`]).
    by_key: EntityKeys,
    seq: u32,
    /// Last word of a full person name (and the same without its particle), as a byte range
    /// of the name's key in `by_key` (no `String` each), → mentions.
    person_last: Vec<(Range<usize>, u32, usize)>,
    pending: Vec<Pending>,
    /// The keys of the `pending` words, one after another.
    pending_keys: String,
    /// Acronyms defined in parentheses in this article: key → (canonical, kind).
    local: HashMap<String, (String, EntityKind)>,
    /// The field being processed.
    field: MentionField,
    /// Mentions found so far, in text order per field.
    raw: Vec<RawMention>,
    /// Scratch for entity keys: most lookups find the entity, and need no key of their own.
    key: String,
    /// Room kept from article to article for what [`finish`](Self::finish) works with.
    finish: FinishScratch,
}

/// What [`Collector::finish`] builds per article and drops after, kept for the next one so
/// that it allocates only what it returns.
#[derive(Debug, Default)]
struct FinishScratch {
    /// The organisations' keys, one after another.
    org_keys: String,
    /// Per key of `org_keys`: its byte range and its entity.
    orgs: Vec<(usize, usize, usize)>,
    /// Per pending word: the entity it was counted to.
    resolved: Vec<Option<usize>>,
    /// Per entity: the entity it was joined to (itself if none).
    redirect: Vec<usize>,
}

/// The keys of a collector's entities (the normalised name, `\u{1}` and the kind's code), each
/// to the index of its entity. The keys sit one after another in one buffer and the table
/// holds their 64-bit hashes: a new entity (most entities of an article are named once) costs
/// no `String` of its own, where a table of owned keys copied each. Keys of one hash are
/// chained, so that a lookup is exact.
#[derive(Debug, Default)]
struct EntityKeys {
    /// Hash of a key → the last entity added with a key of that hash.
    heads: HashMap<u64, u32>,
    /// The keys, one after another.
    text: String,
    /// Per entity: its key's byte range in `text`, and the entity added before it with a key
    /// of the same hash (`u32::MAX`: none).
    keys: Vec<(u32, u32, u32)>,
}

impl EntityKeys {
    /// The hash a key is filed under.
    fn hash(key: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(key.as_bytes())
    }

    /// The entity of `key`, whose [`hash`](Self::hash) is `hash`.
    fn get(&self, hash: u64, key: &str) -> Option<usize> {
        let mut at = *self.heads.get(&hash)?;
        while at != u32::MAX {
            let (start, end, next) = self.keys[at as usize];
            if &self.text[start as usize..end as usize] == key {
                return Some(at as usize);
            }
            at = next;
        }
        None
    }

    /// Files `key` (of hash `hash`, not filed yet) for entity `idx`, the next index.
    fn insert(&mut self, hash: u64, key: &str, idx: usize) {
        debug_assert_eq!(idx, self.keys.len(), "entities are filed in order");
        let start = self.text.len() as u32;
        self.text.push_str(key);
        let next = self.heads.insert(hash, idx as u32).unwrap_or(u32::MAX);
        self.keys.push((start, self.text.len() as u32, next));
    }

    /// The text of `range` of the keys' buffer (a range of a key [`insert`](Self::insert)ed).
    fn text(&self, range: &Range<usize>) -> &str {
        &self.text[range.clone()]
    }

    /// Forgets every key, keeping the room.
    fn clear(&mut self) {
        self.heads.clear();
        self.text.clear();
        self.keys.clear();
    }
}

/// What a mention points at before short forms are joined.
#[derive(Debug, Clone, Copy)]
enum Target {
    Entity(usize),
    Pending(usize),
}

#[derive(Debug, Clone, Copy)]
struct RawMention {
    field: MentionField,
    start: usize,
    end: usize,
    target: Target,
}

impl Collector {
    fn emit(
        &mut self,
        canonical: &str,
        kind: EntityKind,
        surface: &str,
        span: (usize, usize),
    ) -> usize {
        let idx = self.add(canonical, kind, surface);
        self.raw.push(RawMention {
            field: self.field,
            start: span.0,
            end: span.1,
            target: Target::Entity(idx),
        });
        idx
    }

    /// Counts one mention of an entity (creating it) without recording a span.
    fn add(&mut self, canonical: &str, kind: EntityKind, surface: &str) -> usize {
        // `Chrysler Corp` and `Chrysler` are one firm, by the name users search for.
        let canonical = match kind {
            EntityKind::Organization => without_legal_form(canonical),
            _ => canonical,
        };
        // Keyed by kind too: `Chicago` the team and `Chicago` the city are two entities.
        let mut key = std::mem::take(&mut self.key);
        key_of(canonical, &mut key);
        let name_len = key.len();
        key.push('\u{1}');
        key.push_str(kind.code());
        let hash = EntityKeys::hash(&key);
        let idx = match self.by_key.get(hash, &key) {
            Some(i) => i,
            None => {
                self.ents.push(Agg {
                    kind,
                    name: canonical.to_string(),
                    forms: Vec::new(),
                    mentions: 0,
                    guessed: 0,
                });
                let i = self.ents.len() - 1;
                let start = self.by_key.text.len();
                self.by_key.insert(hash, &key, i);
                if kind == EntityKind::Person {
                    // The last word as a range of the key just filed.
                    let name = &key[..name_len];
                    if let Some(at) = name.rfind(' ') {
                        let last = &name[at + 1..];
                        let from = start + at + 1;
                        self.person_last.push((from..start + name_len, self.seq, i));
                        if let Some((p, rest)) = last.split_once('-') {
                            if in_list(p, PARTICLES) && !rest.is_empty() {
                                let from = from + p.len() + 1;
                                self.person_last.push((from..start + name_len, self.seq, i));
                            }
                        }
                    }
                }
                i
            }
        };
        self.key = key;
        let e = &mut self.ents[idx];
        e.mentions += 1;
        if !e.forms.iter().any(|f| f == surface) {
            e.forms.push(surface.to_string());
        }
        self.seq += 1;
        idx
    }

    /// Counts the last mention of entity `idx` as one whose kind was guessed.
    fn guessed(&mut self, idx: usize) {
        self.ents[idx].guessed += 1;
    }

    /// A single word after a title: a person's surname, to join to the full name later.
    fn pend_person(&mut self, surface: String, span: (usize, usize)) {
        self.pend_as(surface, Some(EntityKind::Person), false, span);
    }

    /// A single word to join to a full name later, else to keep as `fallback` (if any).
    fn pend_as(
        &mut self,
        surface: String,
        fallback: Option<EntityKind>,
        guessed: bool,
        span: (usize, usize),
    ) {
        let start = self.pending_keys.len();
        let key = key_of(&surface, &mut self.key).trim_end_matches('.');
        self.pending_keys.push_str(key);
        let key = start..self.pending_keys.len();
        self.raw.push(RawMention {
            field: self.field,
            start: span.0,
            end: span.1,
            target: Target::Pending(self.pending.len()),
        });
        self.pending.push(Pending {
            key,
            surface,
            seq: self.seq,
            fallback,
            guessed,
        });
        self.seq += 1;
    }

    /// Whether `key` is the last word of a person named so far.
    fn is_person_last(&self, key: &str) -> bool {
        (self.person_last.iter()).any(|(last, _, _)| self.by_key.text(last) == key)
    }

    /// The full name of the last person named so far whose given name is `word`.
    fn person_of_first(&self, word: &str) -> Option<&str> {
        self.ents
            .iter()
            .rev()
            .find(|a| a.given_name_is(word))
            .map(|a| a.name.as_str())
    }

    /// The last firm named so far that is `text` and legal suffixes (`Arsenal Holdings Inc`
    /// for `Arsenal`).
    fn firm_named_from(&self, text: &str) -> Option<&str> {
        self.ents.iter().rev().find_map(|a| {
            let rest = a.name.get(text.len()..)?.strip_prefix(' ')?;
            (a.kind == EntityKind::Organization
                && a.name[..text.len()].eq_ignore_ascii_case(text)
                && rest
                    .split(' ')
                    .all(|w| in_list(w.trim_end_matches('.'), LEGAL_SUFFIXES)))
            .then_some(a.name.as_str())
        })
    }

    /// The body a bare head word stands for in a story of the organisation it serves: `the
    /// Commission` of a story of the European Community or Union is the European Commission.
    fn executive_of(&self, key: &str) -> Option<&'static str> {
        EXECUTIVES.iter().find_map(|&(head, parents, executive)| {
            (head == key
                && self.ents.iter().any(|a| {
                    a.kind == EntityKind::Organization && parents.contains(&a.name.as_str())
                }))
            .then_some(executive)
        })
    }

    /// The organisation of the article that entity `i`, an organisation of two words or more
    /// outside the alias table, names without the place that qualifies it: `the Finance
    /// Ministry` in a story of the `Japanese Finance Ministry`, `the National Bank` beside the
    /// `Swiss National Bank`. The qualifier must be a place or demonym (of the gazetteer, or
    /// named in the article: `U.S.`), and only one organisation may fit (`Labour Party` is the alias table's, and stays apart
    /// from `Scottish Labour Party`).
    /// Names already `redirect`ed elsewhere are passed over.
    fn qualified_org(&self, i: usize, redirect: &[usize], aliases: &AliasTable) -> Option<usize> {
        let short = &self.ents[i];
        if short.kind != EntityKind::Organization || !short.name.as_bytes().contains(&b' ') {
            return None;
        }
        let qualifier = |prefix: &str| {
            let key = normalize_key(prefix);
            gazetteer().places.contains_key(key.as_str())
                || lexicon_bits(&key) & (DEMONYM | PLACE1) != 0
                || self.ents.iter().any(|a| {
                    matches!(a.kind, EntityKind::Place | EntityKind::Misc)
                        && std::iter::once(&a.name)
                            .chain(&a.forms)
                            .any(|f| f.eq_ignore_ascii_case(prefix))
                })
        };
        // Bytes: a space is a char boundary, so the prefix before it is one too.
        let n = short.name.len();
        let qualifies = |long: &String| {
            let b = long.as_bytes();
            b.len() > n + 1
                && b[b.len() - n - 1] == b' '
                && b[b.len() - n..].eq_ignore_ascii_case(short.name.as_bytes())
                && qualifier(&long[..b.len() - n - 1])
        };
        let mut found = None;
        for (j, a) in self.ents.iter().enumerate() {
            if j == i || redirect[j] != j || a.kind != EntityKind::Organization {
                continue;
            }
            if qualifies(&a.name) || a.forms.iter().any(qualifies) {
                if found.is_some() {
                    return None; // `National Bank` beside two qualified ones: ambiguous
                }
                found = Some(j);
            }
        }
        // Most articles have no pair: the alias table is asked last.
        found.filter(|_| aliases.resolve(&short.name).is_none())
    }

    /// Counts entity `from`'s mentions and forms to entity `into` (`from` is then left out).
    fn merge_into(&mut self, from: usize, into: usize) {
        let (mentions, forms) = (
            self.ents[from].mentions,
            std::mem::take(&mut self.ents[from].forms),
        );
        let o = &mut self.ents[into];
        o.mentions += mentions;
        for form in forms {
            if !o.forms.contains(&form) {
                o.forms.push(form);
            }
        }
    }

    /// Empties the collector for the next article, keeping what its containers hold room for.
    fn clear(&mut self) {
        self.ents.clear();
        self.by_key.clear();
        self.seq = 0;
        self.person_last.clear();
        self.pending.clear();
        self.pending_keys.clear();
        self.local.clear();
        self.field = MentionField::default();
        self.raw.clear();
    }

    /// Joins short forms to full person names; keeps titled ones as persons of their own.
    /// A name whose kind was only guessed joins the article's organisation that it is the
    /// whole or the first words of (`Chrysler`, `Merrill Lynch` beside `Chrysler Corp`,
    /// `Merrill Lynch and Co Inc`): one name keeps one sense within an article.
    /// The collector is left to [`clear`](Self::clear) and reuse.
    fn finish(
        &mut self,
        title: Option<&str>,
        body: &str,
        with_mentions: bool,
        aliases: &AliasTable,
    ) -> Extraction {
        let guessed_person =
            |a: &Agg| a.kind == EntityKind::Person && a.guessed > 0 && a.guessed == a.mentions;
        // The organisations' keys, in one buffer, when some name may join one.
        let mut scratch = std::mem::take(&mut self.finish);
        let FinishScratch {
            org_keys,
            orgs,
            resolved,
            redirect,
        } = &mut scratch;
        org_keys.clear();
        orgs.clear();
        if self.pending.iter().any(|p| p.guessed) || self.ents.iter().any(guessed_person) {
            // By every form the article gives: `the Department` after `U.S. Agriculture
            // Department`, whose name is `U.S. Department of Agriculture`.
            for (i, a) in self.ents.iter().enumerate() {
                if a.kind == EntityKind::Organization {
                    for name in
                        std::iter::once(&a.name).chain(a.forms.iter().filter(|f| **f != a.name))
                    {
                        let start = org_keys.len();
                        push_key(name, org_keys);
                        orgs.push((start, org_keys.len(), i));
                    }
                }
            }
        }
        // The organisation a guessed name is, or begins; a word guessed to be an organisation
        // (`the Commission`, `the Bank`) may also end it (`European Commission`).
        let org_of = |key: &str, may_end: bool| {
            let keys = orgs.iter().map(|&(s, e, i)| (&org_keys[s..e], i));
            let begins = |k: &str| k.strip_prefix(key).is_some_and(|r| r.starts_with(' '));
            // A guessed surname (`Hutton`) also begins a firm after its founder's initials
            // (`E.F. Hutton Group Inc`).
            let starts = |k: &str| {
                let mut rest = k;
                while let Some((word, after)) = rest.split_once(' ') {
                    if may_end || !initials(word) {
                        break;
                    }
                    rest = after;
                }
                begins(k) || begins(rest)
            };
            let ends = |k: &str| k.strip_suffix(key).is_some_and(|r| r.ends_with(' '));
            (keys.clone().find(|&(k, _)| k == key))
                .or_else(|| keys.clone().find(|&(k, _)| starts(k)))
                .or_else(|| keys.clone().find(|&(k, _)| may_end && ends(k)))
                .map(|(_, i)| i)
        };
        let mut pending = std::mem::take(&mut self.pending);
        let pending_keys = std::mem::take(&mut self.pending_keys);
        resolved.clear();
        for p in pending.drain(..) {
            let mut best: Option<(u32, usize)> = None;
            let mut first_after: Option<(u32, usize)> = None;
            let key = &pending_keys[p.key];
            let bare = match key.split_once('-') {
                Some((pre, rest)) if in_list(pre, PARTICLES) => rest,
                _ => key,
            };
            for (last, seq, idx) in &self.person_last {
                let last = self.by_key.text(last);
                if last != key && last != bare {
                    continue;
                }
                if *seq < p.seq {
                    if best.is_none_or(|(s, _)| *seq > s) {
                        best = Some((*seq, *idx));
                    }
                } else if first_after.is_none_or(|(s, _)| *seq < s) {
                    first_after = Some((*seq, *idx));
                }
            }
            let claimed = best.or(first_after).map(|(_, idx)| idx).or_else(|| {
                let may_end = p.fallback == Some(EntityKind::Organization);
                org_of(key, may_end).filter(|_| p.guessed)
            });
            // `David is a successful businessman` in a story of David Smith: the one person of
            // the story with that given name.
            let claimed = claimed.or_else(|| {
                let given = lexicon_bits(key) & FIRST != 0;
                if p.fallback != Some(EntityKind::Person) || !given {
                    return None;
                }
                let mut bearers =
                    (self.ents.iter().enumerate()).filter(|(_, a)| a.given_name_is(&p.surface));
                match (bearers.next(), bearers.next()) {
                    (Some((idx, _)), None) => Some(idx),
                    _ => None,
                }
            });
            if let Some(idx) = claimed {
                let e = &mut self.ents[idx];
                e.mentions += 1;
                if !e.forms.contains(&p.surface) {
                    e.forms.push(p.surface);
                }
                resolved.push(Some(idx));
            } else if let Some(kind) = p.fallback {
                let name = match kind {
                    EntityKind::Organization => self.executive_of(key).unwrap_or(&p.surface),
                    _ => &p.surface,
                };
                let idx = self.add(name, kind, &p.surface);
                if p.guessed {
                    self.guessed(idx);
                }
                resolved.push(Some(idx));
            } else {
                resolved.push(None);
            }
        }
        self.pending = pending;
        self.pending_keys = pending_keys;
        // Names of several words guessed to be people, at every mention.
        redirect.clear();
        redirect.extend(0..self.ents.len());
        let mut key = std::mem::take(&mut self.key);
        for (i, to) in redirect.iter_mut().enumerate() {
            let a = &self.ents[i];
            if !guessed_person(a) {
                continue;
            }
            normalize_into(&a.name, &mut key);
            // `for Vera Drake` in a story that calls it `the film Vera Drake`: the title.
            let title = |key: &mut String| {
                let len = key.len();
                key.push('\u{1}');
                key.push_str(EntityKind::Misc.code());
                let found = self.by_key.get(EntityKeys::hash(key), key);
                key.truncate(len);
                found
            };
            let Some(into) = org_of(&key, false).or_else(|| title(&mut key)) else {
                continue;
            };
            *to = into;
            self.merge_into(i, into);
        }
        self.key = key;
        for i in 0..self.ents.len() {
            if redirect[i] != i {
                continue;
            }
            let Some(into) = self.qualified_org(i, redirect, aliases) else {
                continue;
            };
            redirect[i] = into;
            self.merge_into(i, into);
        }
        // A name redirected into one that was redirected in turn ends where that one does.
        for i in 0..redirect.len() {
            let mut to = redirect[i];
            while redirect[to] != to {
                to = redirect[to];
            }
            redirect[i] = to;
        }
        let raw = if with_mentions { &self.raw[..] } else { &[] };
        let mut mentions: Vec<Mention> = Vec::with_capacity(raw.len());
        for m in raw {
            let idx = match m.target {
                Target::Entity(i) => Some(i),
                Target::Pending(p) => resolved.get(p).copied().flatten(),
            };
            let Some(idx) = idx.map(|i| redirect[i]) else {
                continue;
            };
            let text = match m.field {
                MentionField::Title => title.unwrap_or(""),
                MentionField::Body => body,
            };
            let Some(surface) = text.get(m.start..m.end) else {
                continue;
            };
            let a = &self.ents[idx];
            mentions.push(Mention {
                field: m.field,
                start: m.start,
                end: m.end,
                text: surface.to_string(),
                kind: a.kind,
                entity: a.name.clone(),
            });
        }
        mentions.sort_by_key(|m| (m.field, m.start));
        let mut entities: Vec<Entity> = self
            .ents
            .drain(..)
            .enumerate()
            .filter(|&(i, _)| redirect[i] == i)
            .map(|(_, a)| Entity {
                kind: a.kind,
                name: a.name,
                forms: a.forms,
                mentions: a.mentions,
            })
            .collect();
        entities.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.name.cmp(&b.name))
        });
        self.finish = scratch;
        Extraction { entities, mentions }
    }
}

// ---------------------------------------------------------------------------------------
// The extractor

/// Rule-based named-entity extractor for news text (people, organisations, places).
///
/// Capitalised runs are chunked (keeping particles such as `al-`, `bin`, `van` and inner
/// `of`/`and`/`for`/`the` before a capital), sentence-initial common words and leading
/// titles are stripped (a title marks a person), and runs are classified by the alias
/// table, then the place gazetteer, title cue, organisation head words, given names and
/// short acronyms. Unknown runs are dropped (precision first). Within an article, acronyms
/// in parentheses become aliases of the preceding name, short forms (`Hammond`, `al-Abadi`)
/// join the full person name, a name only guessed to be a person (`Chrysler`, `Merrill
/// Lynch`) joins the organisation it begins (`Chrysler Corp`, `Merrill Lynch and Co Inc`), a
/// word guessed to be an organisation (`the Commission`) the one it ends, and
/// two surnames joined by `and`, given so twice and never apart, are one firm (`Duff and
/// Phelps`).
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
    /// Scratch for lookup keys, reused across the many lookups of a text.
    key: RefCell<String>,
}

fn col_sports(doc: &Doc) -> bool {
    doc.sports
}

/// Whether a headline announces a sports story (`SOCCER - JAPAN GET LUCKY WIN`).
fn is_sports_title(title: &str) -> bool {
    let first = title
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    in_list(first, SPORTS)
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

    /// The surface form of tokens `s..=e`, whitespace collapsed.
    fn surface(&self, s: usize, e: usize) -> Cow<'_, str> {
        let raw = self.raw(s, e);
        // Most names are ASCII words a single space apart: their surface is the text itself.
        let b = raw.as_bytes();
        let spaced = b
            .iter()
            .enumerate()
            .all(|(i, &c)| c > b' ' && c < 0x80 || c == b' ' && i > 0 && b[i - 1] != b' ');
        if spaced && b.last() != Some(&b' ') {
            return Cow::Borrowed(raw);
        }
        let mut out = String::with_capacity(raw.len());
        for (n, part) in raw.split_whitespace().enumerate() {
            if n > 0 {
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
        self.run(title, body, false).entities
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
        self.run(title, body, true)
    }

    /// [`analyze`](Self::analyze) with this thread's buffers; the mentions are left empty
    /// unless `mentions` is set (indexing needs only the entities, and building the mentions
    /// allocates two strings each).
    fn run(&self, title: Option<&str>, body: &str, mentions: bool) -> Extraction {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::new());
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.analyze_with(title, body, &mut scratch, mentions),
            // Taken only by a call on this thread that has not returned: none does so today.
            Err(_) => self.analyze_with(title, body, &mut Scratch::new(), mentions),
        })
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
        let sports = title.is_some_and(is_sports_title);
        if let Some(title) = title {
            // An all-caps headline is read in the all-caps-line mode (known names only).
            let shouting = all_caps(title);
            let doc = Doc {
                text: title,
                toks: tokenize(title, !shouting && is_title_case(title), g, scratch),
                sports,
                key: RefCell::new(std::mem::take(&mut scratch.key)),
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
            key: RefCell::new(std::mem::take(&mut scratch.key)),
        };
        self.process(&doc, g, &mut col);
        scratch.toks = doc.toks;
        scratch.key = doc.key.into_inner();
        let found = col.finish(title, body, mentions, &self.aliases);
        scratch.col = col;
        found
    }

    /// Chunks a text into capitalised runs and classifies each.
    fn process(&self, doc: &Doc, g: &Gazetteer, col: &mut Collector) {
        let toks = &doc.toks;
        let n = toks.len();
        let capword =
            |t: &Tok| t.has(CAP) && !t.has(SKIP) && (t.has(ALL_CAPS) || !t.has(CONNECTOR));
        let mut i = 0;
        while i < n {
            let t = &toks[i];
            // Most words are not capitalised, and only a capitalised one opens a run.
            if !t.has(CAP) {
                i += 1;
                continue;
            }
            if t.has(SKIP) {
                i = self.caps_line_run(doc, col, i);
                continue;
            }
            if !capword(t) {
                i += 1;
                continue;
            }
            // A title opens the run even at a sentence start (`Secretary of State George
            // Shultz said`, `U.S. Secretary of State ...`): classifying strips it, and a title
            // with no name after it yields nothing.
            if sentence_common(t) && !t.has(TITLE) {
                // `New Zealand`, `New York` at the start of a sentence stay whole.
                let whole = (i + 1..n.min(i + 3))
                    .take_while(|&k| capword(&toks[k]) && !toks[k].has(BREAK))
                    .any(|k| self.known(doc, col, i, k).is_some() || self.misc_run(doc, i, k))
                    // `House of Representatives`, `Bank of England` after `U.S.`.
                    || (toks.get(i + 1).is_some_and(|t| t.has(CONNECTOR) && !t.has(CAP))
                        && (i + 2..n.min(i + 4))
                            .take_while(|&k| capword(&toks[k]) && !toks[k].has(BREAK))
                            .any(|k| self.known(doc, col, i, k).is_some()))
                    || (t.has(END_RUN) && self.possessive_firm(doc, col, i, i).is_some())
                    || (i + 2 < n && self.partnership(doc, col, i, i + 2));
                if !whole {
                    i += 1;
                    continue;
                }
            }
            let mut j = i;
            loop {
                if toks[j].has(END_RUN) || (toks[j].has(ABBR) && !self.abbr_goes_on(doc, j)) {
                    break;
                }
                let next = j + 1;
                if next >= n || toks[next].has(BREAK) {
                    break;
                }
                if capword(&toks[next]) {
                    j = next;
                    continue;
                }
                let joiner = toks[next].has(PARTICLE) || toks[next].has(CONNECTOR);
                if !joiner {
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
            // `Windows 95`, `PlayStation 2`: a known title or product may end in a number.
            if j + 1 < n
                && toks[j + 1].start == toks[j].end + 1
                && !toks[j].has(END_RUN | MONTH | MONTH_ABBR)
                && doc.word(j + 1).as_bytes()[0].is_ascii_digit()
            {
                if let Some((name, EntityKind::Misc)) = self.known(doc, col, i, j + 1) {
                    let name = name.into_owned();
                    self.emit(doc, col, &name, EntityKind::Misc, i, j + 1);
                    i = j + 2;
                    continue;
                }
            }
            let firm = toks[j]
                .has(END_RUN)
                .then(|| self.possessive_firm(doc, col, i, j))
                .flatten();
            if let Some((end, name)) = firm {
                self.emit(doc, col, &name, EntityKind::Organization, i, end);
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
            self.classify(doc, g, col, i, j, 0);
            i = j + 1;
        }
    }

    /// A known firm whose name has a possessive in it (`Moody's Investors Service Inc`,
    /// `Standard and Poor's Corp`): the run `s..=e` ends in the possessive, which ends runs,
    /// and the capitalised words after it complete an organisation of the alias table. Returns
    /// the firm's last token and its name.
    #[inline(never)]
    fn possessive_firm(
        &self,
        doc: &Doc,
        col: &Collector,
        s: usize,
        e: usize,
    ) -> Option<(usize, String)> {
        let toks = &doc.toks;
        // The token stops before its possessive `'s`, and the next one starts a new run.
        let after = &doc.text[toks[e].end..];
        if !toks[e].has(END_RUN) || !(after.starts_with("'s") || after.starts_with("\u{2019}s")) {
            return None;
        }
        // Only names of two words or more have a possessive inside, and their first word
        // heads one of them (`moody's` of `Moody's Investors Service`).
        if !self.heads_name(doc, s) {
            return None;
        }
        let cap = |k: usize| {
            toks[k].has(CAP) && !toks[k].has(SKIP) && (k == e + 1 || !toks[k].has(BREAK))
        };
        let last = (e + 1..toks.len().min(e + 5))
            .take_while(|&k| cap(k))
            .last()?;
        (e + 1..=last)
            .rev()
            .find_map(|k| match self.known(doc, col, s, k) {
                Some((name, EntityKind::Organization)) => Some((k, name.into_owned())),
                _ => None,
            })
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
        if toks[e].has(ALL_CAPS | SENT) && !toks[e].has(FIRST | SURNAME)
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
        let caps = doc.all(s, e, ALL_CAPS);
        if let Some((c, k)) = self.name_of(key, caps) {
            return Some((Cow::Borrowed(c), k));
        }
        // `General Motors Corp` is `General Motors`.
        if e > s && in_list(doc.word(e).trim_end_matches('.'), LEGAL_SUFFIXES) {
            let key = lookup_key(doc.raw(s, e - 1), &mut stack, buf);
            if let Some((c, EntityKind::Organization)) = self.alias_of(key, caps) {
                return Some((Cow::Borrowed(c), EntityKind::Organization));
            }
        }
        None
    }

    /// [`AliasTable::resolve_key`] of a normalised key, by the extractor's one table.
    fn alias_of(&self, key: &[u8], caps: bool) -> Option<(&str, EntityKind)> {
        let info = self.names.get(key)?.alias?;
        self.aliases.resolve_info(info, caps)
    }

    /// The alias entry of a normalised key ([`AliasTable::resolve_key`]), else the place it
    /// names: both tables answered by one lookup.
    fn name_of(&self, key: &[u8], caps: bool) -> Option<(&str, EntityKind)> {
        let named = self.names.get(key)?;
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
        if depth > 6 {
            return;
        }
        let toks = &doc.toks;
        // Trim months, weekdays and dangling joiners at the edges.
        loop {
            if s > e {
                return;
            }
            let (ts, te) = (&toks[s], &toks[e]);
            if ts.has(MONTH)
                || ts.has(CONNECTOR | PARTICLE) && !ts.has(CAP)
                || (s == e && ts.has(MONTH_ABBR))
            {
                s += 1;
            } else if (te.has(MONTH | MONTH_ABBR) && !(e > s && toks[e - 1].has(FIRST)))
                || te.has(CONNECTOR | PARTICLE) && !te.has(CAP)
                // A name does not end in a common word (`Year Shr`, `Said I'm`), unless the
                // whole run is a known one (`Group of Seven`).
                || (e > s
                    && te.has(COMMON)
                    && !te.has(ALL_CAPS)
                    && !(self.heads_name(doc, s) && self.known(doc, col, s, e).is_some()))
                || (e > s && plural_acronym(doc.word(e)))
            {
                if e == 0 {
                    return;
                }
                e -= 1;
            } else {
                break;
            }
        }
        // The name of a work after its kind (`the film Vera Drake`, `biopic Ray`, `new album
        // Hot Fuss`) is a title: MISC, as CoNLL tags titles.
        if s > 0
            && !toks[s].has(BREAK)
            && !toks[s - 1].has(CAP)
            && in_list(doc.word(s - 1), WORK_NOUNS)
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
            // A known name keeps its own (`best film Oscar`).
            let name = match self.known(doc, col, s, e) {
                Some((canonical, _)) => canonical.into_owned(),
                None => doc.surface(s, e).into_owned(),
            };
            self.emit(doc, col, &name, EntityKind::Misc, s, e);
            return;
        }
        // 1. The whole run is a known name.
        if let Some((canonical, kind)) = self.known(doc, col, s, e) {
            // `Kennedy said` after `Charles Kennedy`: a place's name that is the surname of a
            // person of the story so far is that person. A headline's (`Kennedy calls for Iraq
            // exit`) waits for the story, and stays a place if no one there bears it.
            if s == e && kind == EntityKind::Place && toks[s].has(SURNAME) && !toks[s].has(ALL_CAPS)
            {
                let word = doc.word(s);
                let person = col.is_person_last(key_of(word, &mut doc.key.borrow_mut()));
                if person {
                    col.pend_person(word.to_string(), doc.span(s, e));
                    return;
                }
                if col.field == MentionField::Title && !doc.sports && canonical == word {
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
            }
            self.emit(doc, col, &canonical, kind, s, e);
            return;
        }
        // A leading determiner (`A Farm Bureau`, mid-sentence `The`).
        if s < e && in_list(doc.word(s), DETERMINERS) {
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
        let single = s == e;
        if !single && self.misc_run(doc, s, e) {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Misc, s, e);
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
            if t.has(MONTH | MONTH_ABBR) || (t.has(COMMON) && !t.has(ALL_CAPS)) || t.has(NOT_NAME) {
                return;
            }
            if plural_acronym(doc.word(s)) {
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
                let (letters, _, _) = letter_shape(w);
                let key = key_string(w.trim_end_matches('.'));
                if in_list(&key, TIME_ZONES) {
                    let surface = doc.surface(s, e);
                    self.emit(doc, col, &surface, EntityKind::Misc, s, e);
                } else if (2..=5).contains(&letters) && !g.caps_stop.contains(key.as_str()) {
                    let surface = doc.surface(s, e);
                    self.emit(doc, col, &surface, EntityKind::Organization, s, e);
                }
                return;
            }
            let spoke = t.has(SURNAME | FIRST) && self.speaks(doc, s);
            if t.has(TITLE) || (t.has(SENT) && t.has(DICT) && !t.has(PLACE1) && !spoke) {
                return;
            }
            let fallback = self.single_fallback(doc, s);
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
        // 2. Split on `and` unless it belongs to the name.
        if let Some(k) = self.and_split(doc, col, s, e) {
            self.classify(doc, g, col, s, k - 1, depth + 1);
            self.classify(doc, g, col, k + 1, e, depth + 1);
            return;
        }
        // 3. A title: strip it, the rest is a person; what precedes is classified alone.
        if let Some(t) = self.find_title(doc, s, e) {
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
            if let Some(p) = t.person {
                self.emit_person(doc, col, p, e);
            }
            return;
        }
        // `Philip Fricke of Goldman Sachs`: a full name, then what it belongs to.
        if let Some(k) = (s + 2..e).find(|&k| doc.word(k) == "of") {
            if toks[s].has(FIRST) && toks[s..k].iter().all(|t| t.has(CAP) && !t.has(ORG_HEAD)) {
                self.emit_person(doc, col, s, k - 1);
                let mut r = k;
                while r < e && toks[r].has(CONNECTOR) && !toks[r].has(CAP) {
                    r += 1;
                }
                self.classify(doc, g, col, r, e, depth + 1);
                return;
            }
        }
        // 4. Organisation head word.
        if self.has_org_head(doc, s, e) {
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
        // 5. A given name (or an initial: `C. Lewis`) followed by capitalised words.
        let initial = {
            let w = doc.word(s);
            w.len() == 2 && w.ends_with('.') && starts_upper(w)
        };
        if (toks[s].has(FIRST) || initial)
            && !toks[s].has(ALL_CAPS)
            // `Davis Cup`, `Ryder Cup`: named after a person, but an event.
            && !in_list(doc.word(e), MISC_HEADS)
            && toks[s + 1..=e]
                .iter()
                .all(|t| t.has(CAP) || t.has(PARTICLE))
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
        // 6. A leading sentence-initial word, common word or demonym: drop it and retry.
        let t0 = &toks[s];
        if t0.has(COMMON | DEMONYM)
            || (t0.has(SENT) && t0.has(DICT) && !t0.has(FIRST | SURNAME | PLACE1))
        {
            if toks[s].has(DEMONYM) {
                self.classify(doc, g, col, s, s, depth + 1);
            }
            self.classify(doc, g, col, s + 1, e, depth + 1);
            return;
        }
        // 7. An acronym in parentheses spelling the run's initials: an organisation.
        if let Some(acr) = self
            .paren_acronyms(doc, e)
            .into_iter()
            .find(|a| self.initials_match(doc, s, e, a))
        {
            let surface = doc.surface(s, e);
            col.local.insert(
                normalize_key(&acr),
                (surface.to_string(), EntityKind::Organization),
            );
            self.emit(doc, col, &surface, EntityKind::Organization, s, e);
            return;
        }
        // 8. Split at inner `of`/`for`/`the` and classify the pieces (`President of France`).
        if let Some(k) = (s + 1..e).find(|&k| toks[k].has(CONNECTOR) && !toks[k].has(CAP)) {
            let mut r = k;
            while r < e && toks[r].has(CONNECTOR | PARTICLE) && !toks[r].has(CAP) {
                r += 1;
            }
            if let Some(kind) = self.name_of_place(doc, col, s, k, e) {
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
        else if e > s && in_list(doc.word(e), MISC_HEADS) {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Misc, s, e);
        } else if e > s && (in_list(doc.word(e), PLACE_HEADS) || in_list(doc.word(s), PLACE_FIRSTS))
        {
            let surface = doc.surface(s, e);
            self.emit(doc, col, &surface, EntityKind::Place, s, e);
        } else if e > s {
            let plain = toks[s..=e].iter().all(|t| t.has(CAP) && !t.has(ALL_CAPS));
            let placey = toks[s..=e].iter().any(|t| t.has(PLACE1));
            // `Expected Sale Date`, `Net Income`: capitalised dictionary words are a heading.
            let heading = plain && toks[s..=e].iter().all(|t| t.has(DICT) && !t.has(FIRST));
            if heading && !placey {
                return;
            }
            // `Finding Neverland`, `Hunting Bill`: no one's name opens with a verb's `-ing`
            // form; a short run that does is the title of a work or a law, unless a full name
            // follows it (`Trading James Melton`: the verb, then the person).
            let gerund = {
                let w = doc.word(s);
                w.len() > 5 && w.ends_with("ing") && toks[s].has(DICT) && !toks[s].has(FIRST)
            };
            if gerund && e > s + 1 && toks[s + 1].has(FIRST) {
                self.classify(doc, g, col, s + 1, e, depth + 1);
                return;
            }
            let kind = if doc.sports && self.team_context(doc, s, e) {
                EntityKind::Organization
            } else if plain && e - s <= 2 && !placey && gerund {
                EntityKind::Misc
            } else if plain && e - s <= 2 && !placey {
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
            || self.known(doc, col, s, k - 1).is_some()
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

    /// The kind of a single unknown capitalised word: a place after `in`/`at`/`from`, a
    /// person when it is a known surname or given name, else an organisation.
    fn single_fallback(&self, doc: &Doc, s: usize) -> Option<EntityKind> {
        let t = &doc.toks[s];
        if s > 0 && !t.has(BREAK) {
            let prev = doc.word(s - 1);
            if !doc.toks[s - 1].has(CAP) && in_list(prev, PLACE_CUES) {
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
        let toks = &doc.toks;
        let lower = |i: usize| !toks[i].has(CAP | BREAK);
        let next_lower = s + 1 < toks.len() && lower(s + 1);
        if next_lower && in_list(doc.word(s + 1), PLACE_NOUNS) {
            return Some(EntityKind::Place); // `Anhui province`
        }
        if next_lower && in_list(doc.word(s + 1), GRADE_NOUNS) {
            return Some(EntityKind::Misc); // `Brent crude`: a grade of oil, not a person
        }
        if next_lower && in_list(doc.word(s + 1), POLL_NOUNS) {
            return Some(EntityKind::Organization); // `a Harris poll`
        }
        if s > 0 && !t.has(BREAK) && lower(s - 1) && in_list(doc.word(s - 1), FIRM_NOUNS) {
            return Some(EntityKind::Organization); // `research firm Gartner`
        }
        if s >= 2 && lower(s) && doc.word(s - 1) == "of" && in_list(doc.word(s - 2), PLACE_NOUNS) {
            return Some(EntityKind::Place); // `the village of Jumet`
        }
        if s > 0 && !t.has(BREAK) && matches!(doc.word(s - 1), "c" | "b") {
            return Some(EntityKind::Person); // a scorecard: `Saeed Anwar c Croft b Cork`
        }
        if col_sports(doc) && self.in_parens(doc, s) && self.before_score(doc, s) {
            return Some(EntityKind::Person); // a scorer: `( Jeffrey 7 , Roest 33 )`
        }
        let after_the = s > 0 && !t.has(BREAK) && doc.word(s - 1).eq_ignore_ascii_case("the");
        if after_the && (t.has(ORG_HEAD) || col_sports(doc) && doc.word(s).ends_with('s')) {
            return Some(EntityKind::Organization); // `the Senate`, `The Braves`
        }
        if !t.has(ORG_HEAD) && self.speaks(doc, s) {
            return Some(EntityKind::Person); // `Gujral said`
        }
        if col_sports(doc) && self.ordinal_after(doc, s) {
            return Some(EntityKind::Person); // a scorer: `( Heinrich 29th )`
        }
        if col_sports(doc) && self.team_context(doc, s, s) {
            return Some(EntityKind::Organization);
        }
        if t.has(SURNAME | FIRST) {
            return Some(EntityKind::Person);
        }
        if t.has(DICT) {
            return None;
        }
        Some(EntityKind::Organization)
    }

    /// The U.S. state that token `s` abbreviates, when it follows a capitalised word and a
    /// comma and ends in a dot or is followed by a comma (`Greenwich, Conn.`).
    fn state_after_city(&self, doc: &Doc, s: usize) -> Option<&'static str> {
        let toks = &doc.toks;
        let word = doc.word(s);
        let abbr = word.strip_suffix('.').unwrap_or(word);
        let &(_, state) = STATE_ABBRS
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(abbr))?;
        let prev = toks.get(s.checked_sub(1)?)?;
        let between = &doc.text[prev.end..toks[s].start];
        let after = doc.text[toks[s].end..].chars().next();
        let ends = word.ends_with('.') || matches!(after, Some('.' | ','));
        (prev.has(CAP) && between.trim_matches([' ', '\t']) == "," && ends).then_some(state)
    }

    /// Whether a verb of speech follows token `s`, or `said` precedes it.
    fn speaks(&self, doc: &Doc, s: usize) -> bool {
        let toks = &doc.toks;
        let next = s + 1 < toks.len() && !toks[s + 1].has(CAP | BREAK);
        let prev = s > 0 && !toks[s].has(BREAK) && !toks[s - 1].has(CAP);
        (next && in_list(doc.word(s + 1), SPEECH))
            || (prev && matches!(doc.word(s - 1), "said" | "says"))
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
        let after = doc.text[doc.toks[e].end..].trim_start_matches([' ', '\t']);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits)
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| after[digits..].starts_with(o))
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
    }

    /// A place that stands for its team in a sports story: next to a score, or named where a
    /// place cue (`in`, `at`) or a dateline position does not make it the venue. Countries
    /// stay places.
    fn team_place(&self, doc: &Doc, canonical: &str, s: usize, e: usize) -> bool {
        // `Newcastle boss Graeme Souness`, `Liverpool striker`: a club's people name the club,
        // in any story.
        let toks = &doc.toks;
        let role = e + 1 < toks.len()
            && !toks[e + 1].has(CAP | BREAK)
            && in_list(doc.word(e + 1), CLUB_ROLES);
        if !(doc.sports || role) || gazetteer().countries.contains(&normalize_key(canonical)) {
            return false;
        }
        if role {
            return true;
        }
        if self.team_context(doc, s, e) {
            return true;
        }
        let cue = s > 0 && in_list(doc.word(s - 1), PLACE_CUES);
        // `AKRON , Ohio 1996-08-29`: a dateline.
        let after = doc.text[doc.toks[e].end..].trim_start_matches([' ', '\t']);
        let dated = after.bytes().take_while(u8::is_ascii_digit).count() >= 4;
        let line_start = doc.text[..doc.toks[s].start]
            .rsplit('\n')
            .next()
            .is_some_and(|before| before.trim().is_empty());
        !cue && !dated && !line_start && !doc.toks[s].has(SKIP)
    }

    /// A group name that is neither person, organisation nor place: demonyms with compass
    /// words (`South African`, `Bosnian Serb`) or a league (`National League`).
    fn misc_run(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        let group = |i: usize| toks[i].has(DEMONYM) || in_list(doc.word(i), COMPASS);
        if toks[e].has(DEMONYM) && (s..e).all(group) {
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
        doc.key.replace(key);
        if let Some((e, (canonical, kind))) = found {
            self.emit(doc, col, canonical, kind, i, e);
            return e + 1;
        }
        if toks[i].has(DEMONYM) {
            let w = doc.word(i);
            self.emit(doc, col, &demonym_canonical(w), EntityKind::Misc, i, i);
            return i + 1;
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
        let line_start = doc.text[..toks[i].start]
            .rsplit('\n')
            .next()
            .is_some_and(|before| before.trim().is_empty());
        let after = doc.text[toks[j].end..].trim_start_matches([' ', '\t']);
        // Place names of datelines run to three words (`RIO DE JANEIRO`); longer runs are
        // headlines (`CHGO IMM OPEN INTEREST ISSUED 7-APR`).
        if line_start
            && j - i < 3
            && (after.starts_with(',')
                || starts_with_date(after)
                // Standings: a team opens its line, its figures follow.
                || (doc.sports && after.starts_with(|c: char| c.is_ascii_digit())))
            && toks[i..=j].iter().all(|t| {
                !t.has(COMMON) && !doc.text[t.start..t.end].contains(|c: char| c.is_ascii_digit())
            })
        {
            let surface = doc.surface(i, j);
            let canonical = title_case(&surface);
            self.emit(doc, col, &canonical, EntityKind::Place, i, j);
            return j + 1;
        }
        i + 1
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
        let kind = if kind == EntityKind::Place && self.team_place(doc, canonical, s, e) {
            EntityKind::Organization // a city standing for its team: `Chicago 5 Boston 3`
        } else {
            kind
        };
        let idx = col.emit(canonical, kind, &doc.surface(s, e), doc.span(s, e));
        if e > s && kind != EntityKind::Place && doc.toks[s].has(ABBR) {
            // `U.S. Treasury` is an organisation, and the article is still about the U.S.:
            // the place is counted for the article, without a mention of its own.
            if let Some((place, EntityKind::Place)) = self.known(doc, col, s, s) {
                col.add(&place, EntityKind::Place, &doc.surface(s, s));
            }
        }
        if kind != EntityKind::Person {
            for acr in self.paren_acronyms(doc, e) {
                let key = normalize_key(&acr);
                if self.aliases.resolve_key(&key, true).is_none() && !col.local.contains_key(&key) {
                    col.local.insert(key, (canonical.to_string(), kind));
                }
            }
        }
        idx
    }

    /// A person after a title: an alias, a full name, or a surname to join later.
    fn emit_person(&self, doc: &Doc, col: &mut Collector, s: usize, e: usize) {
        if s == e && in_list(doc.word(s).trim_end_matches('.'), DOT_ENDS) {
            return;
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
        // After a title, a place's or an award's name is a person's (`Mr Kennedy`, `Sir Alex
        // Ferguson`, `Commander Oscar`).
        let known = self
            .known(doc, col, s, e)
            .filter(|(_, kind)| !matches!(kind, EntityKind::Place | EntityKind::Misc));
        if let Some((canonical, kind)) = known {
            self.emit(doc, col, &canonical, kind, s, e);
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
            if !toks[k].has(AND) || toks[k].has(CAP) {
                continue;
            }
            let left = (s, k - 1);
            let mut r = k + 1;
            while r < e && toks[r].has(CONNECTOR) && !toks[r].has(CAP) {
                r += 1;
            }
            let right = (r, e);
            let is_known = |(a, b): (usize, usize)| {
                self.known(doc, col, a, b).is_some()
                    || (a == b && toks[a].has(DEMONYM))
                    || self.find_title(doc, a, b).is_some_and(|t| t.start == a)
            };
            if is_known(left) || is_known(right) {
                return Some(k);
            }
            if in_list(doc.word(k - 1).trim_end_matches('.'), LEGAL_SUFFIXES) {
                return Some(k); // `Acme Inc and Foo Corp`
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
            if toks[e].has(ORG_HEAD) {
                continue;
            }
            if (s..k).any(|i| toks[i].has(CONNECTOR) && !toks[i].has(CAP)) {
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
        let skip_joiners = |mut r: usize, upto: usize| {
            while r < upto && toks[r].has(CONNECTOR | PARTICLE) && !toks[r].has(CAP) {
                r += 1;
            }
            r
        };
        for i in s..=e {
            if !toks[i].has(TITLE) || !toks[i].has(CAP) {
                continue;
            }
            let first = normalize_key(doc.word(i).trim_end_matches('.'));
            let Some(titles) = g.titles.get(&first) else {
                continue;
            };
            'titles: for title in titles {
                let len = title.words.len();
                if i + len - 1 > e {
                    continue;
                }
                for (m, w) in title.words.iter().enumerate().skip(1) {
                    if !doc
                        .word(i + m)
                        .trim_end_matches('.')
                        .eq_ignore_ascii_case(w)
                    {
                        continue 'titles;
                    }
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
                if title.weak && !toks[rest].has(FIRST) {
                    continue;
                }
                if toks[rest].has(CONNECTOR) && !toks[rest].has(CAP) {
                    if title.weak {
                        continue;
                    }
                    // `Minister for Europe David Lidington`: the name starts at a given name;
                    // `President of France`: no name, the object is classified alone.
                    let obj = skip_joiners(rest, e);
                    return match (obj + 1..=e).find(|&q| toks[q].has(FIRST) && toks[q].has(CAP)) {
                        Some(q) if !toks[e].has(ORG_HEAD) => split(Some(q), Some((obj, q - 1))),
                        _ => split(None, Some((obj, e))),
                    };
                }
                if toks[e].has(ORG_HEAD) || toks[rest].has(ALL_CAPS) && rest == e {
                    continue;
                }
                return split(Some(rest), None);
            }
        }
        None
    }

    /// An organisation head word last, or just before the first inner `of`/`for`.
    fn has_org_head(&self, doc: &Doc, s: usize, e: usize) -> bool {
        let toks = &doc.toks;
        if toks[e].has(ORG_HEAD)
            || (e > s && (in_list(doc.word(s), CLUB_FIRSTS) || in_list(doc.word(s), ORG_FIRSTS)))
        {
            return true;
        }
        match (s + 1..e).find(|&k| toks[k].has(CONNECTOR) && !toks[k].has(CAP) && !toks[k].has(AND))
        {
            Some(k) => toks[k - 1].has(ORG_HEAD),
            None => false,
        }
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
        inner[..close]
            .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .filter(|w| {
                let (n, up, low) = letter_shape(w);
                (2..=8).contains(&n) && up && !low
            })
            .map(str::to_string)
            .collect()
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

    fn names(found: &[Entity], kind: EntityKind) -> Vec<String> {
        found
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone())
            .collect()
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
            [
                "E.F. Hutton Group",
                "Senate",
                "U.S. Senate Finance Committee"
            ]
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
                "Duff and Phelps lowered the ratings of the utility.",
                "Duff and Phelps",
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
        assert_eq!(kind_of("Aegean Sea"), Some(EntityKind::Place));
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
    fn packing_a_word_agrees_with_the_packing_of_the_joiner_table() {
        let bytes: Vec<u8> = (0..=255).collect();
        for &a in &bytes {
            for &b in &bytes {
                assert_eq!(packed_now(&[a, b]), packed(&[a, b]), "{a:#x} {b:#x}");
            }
            assert_eq!(packed_now(&[a]), packed(&[a]));
        }
        let some = b"aAzZ@[`{\x00\x7f\x80\xc3.'-9";
        for &a in some {
            for &b in some {
                for &c in some {
                    let word = [a, b'e', b, c, b'L', a];
                    for len in 0..=word.len() {
                        assert_eq!(packed_now(&word[..len]), packed(&word[..len]), "{word:?}");
                    }
                }
            }
        }
        for word in ["della", "DELLA", "The", "and", "bint", "ab\u{e9}"] {
            assert_eq!(
                packed_now(word.as_bytes()),
                packed(word.as_bytes()),
                "{word}"
            );
        }
    }

    #[test]
    fn tokenizer_merges_names_and_splits_adjectives() {
        let g = gazetteer();
        let text = "al-Abadi and Al-Qaida met US-led anti-IS Hammond's men in the U.S. today";
        let toks = tokenize(text, false, g, &mut Scratch::new());
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert!(words.contains(&"al-Abadi"));
        assert!(words.contains(&"Al-Qaida"));
        assert!(words.contains(&"US"));
        assert!(words.contains(&"Hammond"));
        assert!(words.contains(&"U.S."));
        assert!(!words.contains(&"US-led"));
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

    /// The tokens of `text` by the byte loop and by the segments, as `(start, end, flags)`.
    fn both_tokenizers(text: &str, title_case: bool) -> [Vec<(usize, usize, u32)>; 2] {
        let g = gazetteer();
        [true, false].map(|bytes| {
            tokenize_by(text, title_case, g, &mut Scratch::new(), bytes)
                .iter()
                .map(|t| (t.start, t.end, t.flags))
                .collect()
        })
    }

    /// `text` in ASCII: the typographic marks news text uses as their ASCII kin, other
    /// characters as `?`, so that the byte loop can take it.
    fn ascii_kin(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                c if c.is_ascii() => c,
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => '-',
                '\u{a3}' | '\u{20ac}' => '$',
                '\u{a0}' => ' ',
                _ => '?',
            })
            .collect()
    }

    #[test]
    fn the_byte_loop_tokenizes_as_the_segments_do() {
        for text in [
            "al-Abadi and Al-Qaida met US-led anti-IS Hammond's men in the U.S. today",
            "Mr. F. Smith of Acme Corp. and Alex. Brown said.  9. Maurizio Fondriest\n 10. X",
            "C$ 5, US$ 3, Kurds' land, o'clock, JOHN'S, 1,000.5 dlrs; a_b _c __ _9 x_",
            "SPRING WHEAT   WINTER OATS\nU.S. GRAIN\n\nNew  paragraph\r\n\r\nNext\tline\x0bend",
            "  lead  \n \t\n  trail - - -word word- -word a--b A-B A- B 7-APR 1996-08-22 $",
            "(Reuters) - \"Quote\" [x] | y: z! w? end.",
            "one\r\nTwo three\rFour\n \nFive\x0c\nSix\x0b\x0bSeven",
            "",
            " ",
            "-",
            "A",
        ] {
            let [bytes, segments] = both_tokenizers(text, false);
            assert_eq!(bytes, segments, "{text:?}");
            let [bytes, segments] = both_tokenizers(text, true);
            assert_eq!(bytes, segments, "{text:?}");
        }
    }

    /// The byte loop against the segments on Reuters-21578 and BBC News (in ASCII), titles and
    /// bodies.
    #[test]
    fn the_byte_loop_tokenizes_news_as_the_segments_do() {
        use std::io::BufRead;
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
        let Ok(file) = std::fs::File::open(data.join("reuters21578/docs.jsonl.gz")) else {
            eprintln!("skipping: no shared data at {}", data.display());
            return;
        };
        let mut texts = 0;
        let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
        for line in reader.lines() {
            let doc: serde_json::Value =
                serde_json::from_str(&line.expect("gzip line")).expect("json");
            for (field, title_case) in [("title", true), ("title", false), ("body", false)] {
                let text = ascii_kin(doc[field].as_str().unwrap_or_default());
                let [bytes, segments] = both_tokenizers(&text, title_case);
                assert_eq!(bytes, segments, "{text:?}");
                texts += 1;
            }
        }
        let bbc = data.join("bbc-news/raw");
        for topic in std::fs::read_dir(&bbc).expect("BBC News folder") {
            let topic = topic.expect("BBC News topic").path();
            if !topic.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(&topic).expect("BBC News topic folder") {
                let raw = std::fs::read(file.expect("BBC News file").path()).expect("BBC file");
                let text = ascii_kin(&String::from_utf8_lossy(&raw));
                let [bytes, segments] = both_tokenizers(&text, false);
                assert_eq!(bytes, segments, "{text:?}");
                texts += 1;
            }
        }
        assert!(texts > 60_000, "{texts} texts");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn the_lower_case_shortcut_flags_as_the_full_test_does(
            word in "[a-zA-Z0-9.'\\-\u{e9}\u{c9}]{1,9}",
            title_case: bool,
        ) {
            let (g, mut buf) = (gazetteer(), String::new());
            proptest::prop_assert_eq!(
                word_flags(&word, title_case, g, &mut buf),
                capital_word_flags(&word, title_case, g, &mut buf)
            );
        }

        #[test]
        fn the_ascii_key_eight_bytes_a_step_is_the_byte_loop(
            text in "( |  |[a-zA-Z]{1,9}|[0-9.'\\-]|[\x00-\x1f\x7f]|\u{e9}|\u{c9}|\u{2019}){0,16}",
        ) {
            let mut stack = [0xff; STACK_KEY];
            let swar = ascii_key(&text, &mut stack).map(|(shape, key)| (shape, key.to_vec()));
            proptest::prop_assert_eq!(swar, ascii_key_bytewise(&text));
        }

        #[test]
        fn the_byte_loop_tokenizes_any_ascii_as_the_segments_do(
            text in "(\r\n|\n|  |Mr|Corp|Co|US|U|S|al|Abadi|anti|led|Jan|[a-z]{1,3}|[A-Z][a-z]?|[0-9]{1,2}|\
                     [_'.:,;$ \t\r\n\x0b\x0c\\-\"!?()|]){0,40}",
            title_case: bool,
        ) {
            let [bytes, segments] = both_tokenizers(&text, title_case);
            proptest::prop_assert_eq!(bytes, segments);
        }
    }

    #[test]
    fn lower_case_words_get_joiner_flags_only() {
        let (g, mut buf) = (gazetteer(), String::new());
        for (word, flags) in [
            ("and", CONNECTOR | AND),
            ("al", PARTICLE),
            ("de.", CONNECTOR | PARTICLE),
            ("della", PARTICLE),
            ("dellas", 0),
            ("1996", 0),
        ] {
            assert_eq!(word_flags(word, false, g, &mut buf), flags, "{word}");
        }
        assert!(word_flags("al-Abadi", false, g, &mut buf) & CAP != 0);
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
    fn no_two_lexicon_words_share_a_key() {
        let words: std::collections::HashSet<&str> = lexicon_words(gazetteer())
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        let keys: std::collections::HashSet<u64> =
            words.iter().map(|w| word_key(w.as_bytes())).collect();
        assert!(words.len() > 50_000, "{} words", words.len());
        assert_eq!(keys.len(), words.len());
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
        assert_eq!(names(&found, EntityKind::Place), ["Brazil"]);
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
