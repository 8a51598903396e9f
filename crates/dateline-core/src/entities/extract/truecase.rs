//! Case for a text written all in capitals.
//!
//! Old wire copy and some archives (TIME's 1963 world news in the Glasgow collection) are in
//! capitals from end to end, where case says nothing of names. Read as lines of capitals,
//! such a text yields only the names the lists know: no person at all, and `PRESIDENT
//! KENNEDY` the Colombian town. So the extractor first guesses the case an editor would have
//! set, from the word lists, and reads the guess as it reads any text: a word English lacks is
//! a name (`Khrushchev`), an English word is in lower case, a known name keeps its capitals
//! (`Soviet Union`, `Bank of England`), and so does a title before a name (`President
//! Kennedy`). The guess changes only the case of letters whose other case has as many bytes,
//! so every offset into it is an offset into the text as given.

use std::borrow::Cow;

use super::tokens::{
    lexicon_bits, COMMON, DEMONYM, DICT, FIRST, MONTH, PLACE1, STATE_ABBR, SURNAME, TITLE,
};
use super::words::{CURRENCIES, DETERMINERS, LEAGUE_HEADS, MISC_HEADS};
use super::{EntityExtractor, EntityKind};
use crate::entities::gazetteer::{gazetteer, Gazetteer, CONNECTORS, PARTICLES};
use crate::entities::normalize::normalize_key;

/// Capitals a text needs before it counts as written in capitals (a sentence or two): a
/// headline or a line of capitals is left to the all-caps-line reading.
const MIN_LETTERS: usize = 100;

/// Words longer than the English list's longest (14 letters) are words, not names: the list
/// stops there, and names so long are rare.
const MAX_NAME_LETTERS: usize = 14;

/// Whether `text` is written in capitals: [`MIN_LETTERS`] capitals or more and under one
/// small letter in fifty (`Mc`, units). Stops early on mixed text, as almost every text is.
pub(super) fn shouted(text: &str) -> bool {
    let (mut up, mut low) = (0usize, 0usize);
    for &b in text.as_bytes() {
        if b.is_ascii_uppercase() {
            up += 1;
        } else if b.is_ascii_lowercase() {
            low += 1;
            if low > 16 && low * 10 > up {
                return false;
            }
        }
    }
    up >= MIN_LETTERS && low * 50 <= up
}

/// The case a word is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    /// As written: a word with digits (`B-52`).
    Keep,
    /// In capitals: initials (`U.S`), an acronym (`NATO`, `TV`), the pronoun `I`.
    Upper,
    /// First letter a capital: a name.
    Capital,
    /// In small letters: an English word.
    Lower,
    /// A given name that is an English word too (`JACK`, `MILES`): a name only before one.
    Given,
    /// A particle (`DE`, `AL`): small inside a name, a capital opening one, else a word.
    Particle,
    /// A letter alone: an initial before a dot or a name (`F`, `U THANT`), else a word.
    Initial,
    /// An English word with an ending (`RUSHER`): a surname after a given name (`ANDRE
    /// VENTER`), else a word.
    Derived,
}

impl Case {
    /// Whether a word in this case is (part of) a name.
    fn name(self) -> bool {
        matches!(self, Case::Upper | Case::Capital)
    }
}

/// One word of the text.
#[derive(Clone, Debug)]
struct Word {
    start: usize,
    end: usize,
    /// Its lexicon key ([`base`]) and that key's [`lexicon_bits`], computed once.
    key: String,
    bits: u32,
    /// Only spaces (and at most one line break) since the word before: a name may go on.
    joined: bool,
    /// Opens a sentence (or the text).
    sentence: bool,
    /// [`Case::Keep`] until a pass sets it.
    case: Case,
}

/// The words of `text`: runs of letters and digits, with an apostrophe between letters
/// (`KENNEDY'S`) and a dot between single letters (`U.S`) kept inside. A hyphen splits.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                chars.next();
                continue;
            }
            // An apostrophe or a dot goes on only into a letter.
            let inner = matches!(d, '\'' | '\u{2019}' | '.');
            let next = text[j + d.len_utf8()..].chars().next();
            if inner && next.is_some_and(char::is_alphabetic) {
                // `U.S`, not `WEEK.THE`: a dot joins single letters only.
                if d == '.' && !single_letter_before(&text[i..j]) {
                    break;
                }
                chars.next();
                continue;
            }
            break;
        }
        let gap = &text[gap_start..i];
        // The dot of `U.S.` or `MR.` ends no sentence (`U.S. OFFICIALS`).
        let abbreviation = gap.trim() == "."
            && out.last().is_some_and(|w: &Word| {
                let before = &text[w.start..w.end];
                before.contains('.') || before.chars().count() == 1 || w.bits & TITLE != 0
            });
        // Not at a blank line alone: a text wrapped with blank lines between its lines (TIME's
        // raw file) would open every line with a capital.
        let sentence = out.is_empty() || (gap.contains(['.', '!', '?']) && !abbreviation);
        let joined = !out.is_empty()
            && gap.chars().all(char::is_whitespace)
            && gap.matches('\n').count() <= 1;
        let key = base(&text[i..end]);
        out.push(Word {
            start: i,
            end,
            bits: lexicon_bits(&key),
            key,
            joined,
            sentence,
            case: Case::Keep,
        });
        gap_start = end;
    }
    out
}

/// Whether the last piece of `word` before a dot is one letter (`U` of `U.S`).
fn single_letter_before(word: &str) -> bool {
    let last = word.rsplit('.').next().unwrap_or(word);
    last.chars().count() == 1
}

/// The lexicon's key of a word: lower case, without a possessive or contraction's tail.
fn base(word: &str) -> String {
    let head = word.split(['\'', '\u{2019}']).next().unwrap_or(word);
    normalize_key(head)
}

impl EntityExtractor {
    /// `text` with the case [this module](self) guesses for it; the same length, and each
    /// byte offset still a char boundary of the same character.
    pub(super) fn truecase(&self, text: &str) -> String {
        let g = gazetteer();
        let mut words = words(text);
        self.case_known_names(text, &mut words);
        for w in words.iter_mut().filter(|w| w.case == Case::Keep) {
            w.case = word_case(text, w, g);
        }
        case_surnames(g, &mut words);
        for i in (0..words.len()).rev() {
            let before_name = words.get(i + 1).is_some_and(|n| n.joined && n.case.name());
            let in_name = i > 0 && words[i].joined && words[i - 1].case.name();
            // `JOHN F . KENNEDY`: TIME spaces the dot.
            let dotted = text[words[i].end..]
                .trim_start_matches(' ')
                .starts_with('.');
            words[i].case = match words[i].case {
                Case::Given if before_name => Case::Capital,
                Case::Particle if before_name && !in_name => Case::Capital,
                Case::Initial if dotted || before_name => Case::Upper,
                Case::Given | Case::Particle | Case::Initial | Case::Derived => Case::Lower,
                case => case,
            };
        }
        case_heads(&mut words);
        case_titles(g, &mut words);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for w in &words {
            out.push_str(&text[at..w.start]);
            let mut case = w.case;
            // A sentence opens with a capital, whatever the word.
            if w.sentence && case == Case::Lower {
                case = Case::Capital;
            }
            write_case(&text[w.start..w.end], case, &mut out);
            at = w.end;
        }
        out.push_str(&text[at..]);
        debug_assert_eq!(out.len(), text.len());
        out
    }

    /// Gives the known names of the alias table and the gazetteer (up to four words, longest
    /// first) their capitals: `UNITED NATIONS`, `BANK OF ENGLAND`, `NATO`.
    fn case_known_names(&self, text: &str, words: &mut [Word]) {
        let mut i = 0;
        while i < words.len() {
            let first = &words[i].key;
            let mut last = i;
            if self.heads.contains(first) {
                while last + 1 < words.len() && last - i < 3 && words[last + 1].joined {
                    last += 1;
                }
            }
            let found = (i..=last).rev().find_map(|e| {
                let key = normalize_key(&text[words[i].start..words[e].end]);
                let (canonical, kind) = self.name_of(key.as_bytes(), false)?;
                Some((e, canonical, kind))
            });
            let Some((e, canonical, kind)) = found else {
                i += 1;
                continue;
            };
            if e == i {
                let word = &text[words[i].start..words[i].end];
                // A one-word name that is also an English word (`TURKEY`, `READING`, `SHELL`)
                // keeps its capital only as a country, or as an institution after `the` (`THE
                // PENTAGON`, `THE KREMLIN`).
                let the = i > 0
                    && words[i].joined
                    && text[words[i - 1].start..words[i - 1].end].eq_ignore_ascii_case("the");
                let institution = the && kind == EntityKind::Organization;
                let word_too = words[i].bits & (DICT | COMMON) != 0;
                if word_too && !gazetteer().countries.contains(first) && !institution {
                    i += 1;
                    continue;
                }
                // An acronym the table lists in capitals keeps them (`NATO`, `CIA`).
                let acronym = self.aliases.forms(canonical).contains(&word);
                words[i].case = if canonical == word || acronym || word.contains('.') {
                    Case::Upper
                } else {
                    Case::Capital
                };
            } else {
                // A joiner is small inside the name, not opening it (`De Gaulle`).
                for (k, w) in words[i..=e].iter_mut().enumerate() {
                    let word = &text[w.start..w.end];
                    w.case = if word.contains('.') {
                        Case::Upper
                    } else if k > 0 && joiner(&w.key) {
                        Case::Lower
                    } else {
                        Case::Capital
                    };
                }
            }
            i = e + 1;
        }
    }
}

/// Demonyms that are everyday adjectives too, names only inside one (`Northern Ireland`).
const REGIONAL: &[&str] = &["northern", "southern", "eastern", "western"];

/// Whether a word (its key) joins the words of a name: `of`, `the`, `al`, `van`.
fn joiner(key: &str) -> bool {
    CONNECTORS.contains(&key) || PARTICLES.contains(&key)
}

/// The case of a word no known name claims, from the word lists alone.
fn word_case(text: &str, w: &Word, g: &Gazetteer) -> Case {
    let word = &text[w.start..w.end];
    if word.chars().any(|c| c.is_ascii_digit()) {
        return Case::Keep;
    }
    if word.contains('.') {
        return Case::Upper;
    }
    // `'S`, `N'T`, `'LL` as pieces of their own (CoNLL splits them so); `O'BRIEN` is a name.
    let after_apostrophe = text[..w.start].ends_with(['\'', '\u{2019}']);
    let mut key = Cow::Borrowed(w.key.as_str());
    let apostrophe = word.contains(['\'', '\u{2019}']);
    let before_nt = || {
        text[w.end..]
            .trim_start()
            .get(..3)
            .is_some_and(|n| n.eq_ignore_ascii_case("n't"))
    };
    if after_apostrophe
        || (key == "n" && apostrophe)
        || (matches!(&*key, "ca" | "wo") && before_nt())
    {
        return Case::Lower;
    }
    if key.chars().count() == 1 && apostrophe {
        key = Cow::Owned(normalize_key(&word.replace(['\'', '\u{2019}'], "")));
    }
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 {
        return match &*key {
            "i" => Case::Upper,
            // `ENGLAND V PAKISTAN`: versus.
            "a" | "v" => Case::Lower,
            _ => Case::Initial,
        };
    }
    let bits = match key {
        Cow::Borrowed(_) => w.bits,
        Cow::Owned(ref k) => lexicon_bits(k),
    };
    let word_too = bits & (DICT | COMMON) != 0;
    if bits & DEMONYM != 0 {
        // `NORTHERN`, `WESTERN`: adjectives (`northern Iraq`), and names only inside a known
        // one (`Western Europe`).
        if REGIONAL.contains(&&*key) {
            Case::Lower
        } else {
            Case::Capital
        }
    } else if bits & MONTH != 0 && !word_too {
        Case::Capital
    } else if PARTICLES.contains(&&*key) {
        Case::Particle
    } else if g.given_name_words.contains(&*key) && bits & COMMON == 0 {
        Case::Given
    } else if word_too || letters > MAX_NAME_LETTERS || CURRENCIES.contains(&&*key) {
        Case::Lower
    } else if bits & (TITLE | FIRST | SURNAME | PLACE1) != 0 {
        Case::Capital
    } else if bits & STATE_ABBR != 0 && letters == 2 {
        // `NY COMEX`, `KY`: a state's postal code, not the name `Ny`.
        Case::Upper
    } else if !key.contains(['a', 'e', 'i', 'o', 'u', 'y']) {
        // No vowel and no list knows it: an acronym (`TV`, `BBC`, `KGB`), not `MRS`.
        Case::Upper
    } else if derived_word(&key) {
        Case::Derived
    } else {
        Case::Capital
    }
}

/// Endings that make a word of an English word (`AUTOMAKERS`, `EAGLED`, `COOLISH`,
/// `NEUTRALIST`, `STRONGMAN`, `POLICYMAKERS`): a surname made so is in the census's list.
const SUFFIXES: &[&str] = &[
    "s", "es", "d", "ed", "ing", "er", "ers", "ly", "ish", "able", "less", "ness", "ist", "ists",
    "ism", "man", "men", "maker", "makers",
];
/// Beginnings that make a word of an English word (`NONDURABLES`, `UNSPORTING`).
const PREFIXES: &[&str] = &[
    "non", "un", "re", "pre", "anti", "over", "under", "counter", "sub", "semi", "multi", "inter",
    "co", "mis", "out", "auto",
];

/// Whether `key`, which the English list lacks, is an English word with an ending or a
/// beginning added (the list has few such forms). Compounds of two words are not read so:
/// names are made that way (`Greenberg`, `Goodyear`).
pub(super) fn derived_word(key: &str) -> bool {
    suffixed(key)
        || PREFIXES.iter().any(|prefix| {
            key.strip_prefix(prefix)
                .is_some_and(|rest| rest.len() >= 4 && (english(rest) || suffixed(rest)))
        })
}

/// Whether `key` is an English word with one of [`SUFFIXES`] (`RUSHER` from `rush`,
/// `EAGLED` from `eagle`).
fn suffixed(key: &str) -> bool {
    SUFFIXES.iter().any(|suffix| {
        key.strip_suffix(suffix).is_some_and(|stem| {
            // `STRONGMAN`, not `TUBMAN`: a short word before `man` makes surnames as often.
            let short = stem.len() < 4 && matches!(*suffix, "man" | "men");
            !short
                && (english(stem)
                    || (suffix.starts_with(['e', 'i', 'a']) && english(&format!("{stem}e"))))
        })
    })
}

/// Whether `key` is an English word of three letters or more.
fn english(key: &str) -> bool {
    key.len() >= 3 && lexicon_bits(key) & (DICT | COMMON) != 0
}

/// A surname that is an English word too, after a given name that is not one (`MARGARET
/// THATCHER`, `CAROLE KING`), is a name, and so is each use of it that no determiner
/// precedes (`THATCHER SAID`, not `THE KING`).
fn case_surnames(g: &Gazetteer, words: &mut [Word]) {
    let mut surnames: Vec<&str> = Vec::new();
    for i in 1..words.len() {
        let (first, next) = (&words[i - 1], &words[i]);
        if next.joined
            && first.case == Case::Capital
            && first.bits & (FIRST | DICT | COMMON) == FIRST
        {
            let k = next.key.as_str();
            let surname = next.bits & COMMON == 0
                && (next.case == Case::Derived
                    || g.surname_words.contains(k)
                    || g.given_name_words.contains(k));
            if surname && !surnames.contains(&k) {
                surnames.push(k);
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    let mut cased = Vec::new();
    for i in 0..words.len() {
        // `THE KING`, `ON THE DOLE`: after a determiner, the word.
        let after_small =
            i > 0 && words[i].joined && DETERMINERS.contains(&words[i - 1].key.as_str());
        if matches!(words[i].case, Case::Lower | Case::Given | Case::Derived)
            && !after_small
            && surnames.contains(&words[i].key.as_str())
        {
            cased.push(i);
        }
    }
    for i in cased {
        words[i].case = Case::Capital;
    }
}

/// Head words of organisations' names that are English words: capitals after a name
/// (`NATWEST BANK`, `BRISTOL ROVERS`), as the heads of events and leagues ([`MISC_HEADS`], [`LEAGUE_HEADS`]:
/// `AMERICAN LEAGUE`, `HONG KONG OPEN`) are.
const ORG_WORDS: &[&str] = &[
    "bank",
    "corp",
    "company",
    "group",
    "holdings",
    "association",
    "union",
    "council",
    "committee",
    "commission",
    "institute",
    "university",
    "college",
    "club",
    "federation",
    "front",
    "foundation",
    "fund",
    "authority",
    "board",
    "bureau",
    "agency",
    "ministry",
    "department",
    "airlines",
    "airways",
    "motors",
    "industries",
    "exchange",
    // A club's, after its town (`BRISTOL ROVERS`); not `CITY`, `TOWN` or `UNITED`, as often
    // words after a place (`THE KATANGA TOWN OF`, `SARAWAK UNITED PEOPLE'S PARTY`).
    "rovers",
    "wanderers",
    "athletic",
    "albion",
    "rangers",
];
/// Words that open a name (`WORLD CUP`, `NATIONAL LEAGUE`) before a head word.
const HEAD_FIRSTS: &[&str] = &["world", "national", "major", "premier", "grand"];

/// Capitalises the head word of a name after a name or one of [`HEAD_FIRSTS`], and that word.
fn case_heads(words: &mut [Word]) {
    for i in 1..words.len() {
        // A head no list has is a name already (`PRIX`), but its first word may be a word
        // (`GRAND PRIX`).
        if !words[i].joined
            || !matches!(words[i].case, Case::Lower | Case::Capital)
            || ![MISC_HEADS, LEAGUE_HEADS, ORG_WORDS]
                .iter()
                .any(|list| list.contains(&words[i].key.as_str()))
        {
            continue;
        }
        let prev = &words[i - 1];
        if prev.case.name() {
            words[i].case = Case::Capital;
        } else if prev.case == Case::Lower && HEAD_FIRSTS.contains(&prev.key.as_str()) {
            words[i - 1].case = Case::Capital;
            words[i].case = Case::Capital;
        }
    }
}

/// Capitalises a title before a name (`PRESIDENT KENNEDY`, `PRIME MINISTER MACMILLAN`,
/// `PRESIDENT DE GAULLE`).
fn case_titles(g: &Gazetteer, words: &mut [Word]) {
    let mut i = 0;
    while i < words.len() {
        if words[i].bits & TITLE == 0 {
            i += 1;
            continue;
        }
        let Some(titles) = g.titles.get(&words[i].key) else {
            i += 1;
            continue;
        };
        // The longest title written here whose next word is a name.
        let found = titles.iter().find_map(|t| {
            let end = i + t.words.len();
            let fits = end < words.len()
                && (i + 1..=end).all(|j| words[j].joined)
                && t.words
                    .iter()
                    .zip(&words[i..end])
                    .all(|(tw, w)| *tw == w.key);
            if !fits {
                return None;
            }
            let next = &words[end];
            let named = next.case.name() && (!t.weak || next.bits & FIRST != 0);
            named.then_some(end)
        });
        match found {
            Some(end) => {
                for w in &mut words[i..end] {
                    if !joiner(&w.key) {
                        w.case = Case::Capital;
                    }
                }
                // `President de Gaulle`: after a title a particle is inside the name.
                if PARTICLES.contains(&words[end].key.as_str())
                    && words
                        .get(end + 1)
                        .is_some_and(|w| w.joined && w.case.name())
                {
                    words[end].case = Case::Lower;
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Appends `word` in `case`, changing only letters whose other case has as many bytes.
fn write_case(word: &str, case: Case, out: &mut String) {
    let lower = |c: char, out: &mut String| push_same_len(c, c.to_lowercase(), out);
    let upper = |c: char, out: &mut String| push_same_len(c, c.to_uppercase(), out);
    match case {
        Case::Keep => out.push_str(word),
        Case::Upper => word.chars().for_each(|c| upper(c, out)),
        // Resolved before writing; small if one were not.
        Case::Lower | Case::Given | Case::Particle | Case::Initial | Case::Derived => {
            word.chars().for_each(|c| lower(c, out))
        }
        Case::Capital => {
            // `O'BRIEN` is `O'Brien`; `KENNEDY'S` is `Kennedy's`.
            let mut prev: Option<char> = None;
            let mut letters_before = 0;
            for c in word.chars() {
                let capital = prev.is_none()
                    || (matches!(prev, Some('\'' | '\u{2019}')) && letters_before == 1);
                if capital {
                    upper(c, out);
                } else {
                    lower(c, out);
                }
                letters_before += usize::from(c.is_alphabetic());
                prev = Some(c);
            }
        }
    }
}

/// Pushes `mapped` for `c` when it is one character of the same length, else `c`.
fn push_same_len(c: char, mut mapped: impl Iterator<Item = char>, out: &mut String) {
    match (mapped.next(), mapped.next()) {
        (Some(m), None) if m.len_utf8() == c.len_utf8() => out.push(m),
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cased(text: &str) -> String {
        EntityExtractor::new().truecase(text)
    }

    #[test]
    fn a_text_in_capitals_is_detected_and_a_mixed_or_short_one_is_not() {
        let shouting = "UNDER ORDERS FROM PRESIDENT KENNEDY, THE PENTAGON BEGAN TO STUDY WAYS \
                        IN WHICH THE ARMY COULD HELP THE GOVERNMENT OF SOUTH VIET NAM . ";
        assert!(shouted(shouting));
        assert!(!shouted("UNDER ORDERS FROM PRESIDENT KENNEDY"), "too short");
        let mixed = "Under orders from President Kennedy, the Pentagon began to study ways in \
                     which the Army could help the Government of South Viet Nam.";
        assert!(!shouted(mixed));
    }

    #[test]
    fn titles_known_names_and_words_english_lacks_get_capitals() {
        assert_eq!(
            cased("UNDER ORDERS FROM PRESIDENT KENNEDY, THE PENTAGON BEGAN. KHRUSHCHEV WROTE."),
            "Under orders from President Kennedy, the Pentagon began. Khrushchev wrote."
        );
        assert_eq!(
            cased("THE UNITED NATIONS AND THE BANK OF ENGLAND MET NATO IN WESTERN EUROPE."),
            "The United Nations and the Bank of England met NATO in Western Europe."
        );
        // A particle opens a name; inside one, and after a title, it is small.
        assert_eq!(
            cased("DE GAULLE TOLD CHARLES DE GAULLE AND PRESIDENT DE GAULLE."),
            "De Gaulle told Charles de Gaulle and President de Gaulle."
        );
    }

    #[test]
    fn words_that_are_names_too_are_names_only_beside_one() {
        // `bill` and `bob` are words; before a surname they are given names.
        assert_eq!(
            cased("THE BILL PASSED. BOB SAID PRESIDENT BILL CLINTON MET MARGARET THATCHER."),
            "The bill passed. Bob said President Bill Clinton met Margaret Thatcher."
        );
        // A surname that is a word is a name wherever no small word precedes it.
        assert_eq!(
            cased("MARGARET THATCHER SPOKE. LATER THATCHER SAID THE THATCHER WAS PAID."),
            "Margaret Thatcher spoke. Later Thatcher said the thatcher was paid."
        );
        assert_eq!(
            cased("THE NORTHERN TEAM WON THE WORLD CUP AND THE AMERICAN LEAGUE IN NORTHERN IRAQ."),
            "The northern team won the World Cup and the American League in northern Iraq."
        );
    }

    #[test]
    fn abbreviations_initials_and_apostrophes_keep_their_reading() {
        assert_eq!(
            cased("THE U.S. OFFICIALS MET JOHN F . KENNEDY. MARTIN O'BRIEN WON'T GO TO THE BBC."),
            "The U.S. officials met John F . Kennedy. Martin O'Brien won't go to the BBC."
        );
        // A lone `V` is `versus`.
        assert_eq!(cased("ENGLAND V PAKISTAN"), "England v Pakistan");
        // CoNLL splits contractions and possessives from their words.
        assert_eq!(cased("IT WO N'T BE BOATMEN 'S"), "It wo n't be boatmen 's");
        // Endings on English words make words, not names, unless a given name goes first.
        assert_eq!(
            cased("THE RUSHER WAS UNSPORTING. ANDRE VENTER PLAYED."),
            "The rusher was unsporting. Andre Venter played."
        );
    }

    #[test]
    fn the_guess_keeps_every_byte_offset() {
        let text = "ÉCOLE NORMALE IN İSTANBUL: DER SPIEGEL SAID ÇA VA, ΑΘΗΝΑ.";
        let out = cased(text);
        assert_eq!(out.len(), text.len());
        for (i, _) in text.char_indices() {
            assert!(out.is_char_boundary(i), "{i}");
        }
    }
}
