//! Tokens: words with their lexical and context flags, from one pass over the text.

use rustc_hash::FxHashMap as HashMap;

use super::collector::Collector;
use super::words::*;
use crate::entities::gazetteer::{gazetteer, Gazetteer, CONNECTORS, PARTICLES};
use crate::entities::normalize::{normalize_into, normalize_key};

/// Starts with an upper-case letter (or is `al-Abadi`: particle, hyphen, capital).
pub(super) const CAP: u32 = 1;
/// Has letters and none is lower case.
pub(super) const ALL_CAPS: u32 = 1 << 1;
/// First word of a sentence (or after an opening quote or bracket).
pub(super) const SENT: u32 = 1 << 2;
/// Punctuation or a paragraph break precedes this word: no run crosses it.
pub(super) const BREAK: u32 = 1 << 3;
/// A run ends after this word (possessive `Hammond's`, `Corp.`).
pub(super) const END_RUN: u32 = 1 << 4;
/// A frequent lower-case English word.
pub(super) const COMMON: u32 = 1 << 5;
/// A known given name.
pub(super) const FIRST: u32 = 1 << 6;
/// A nationality or group adjective.
pub(super) const DEMONYM: u32 = 1 << 7;
/// A month or weekday name.
pub(super) const MONTH: u32 = 1 << 8;
/// An abbreviated month or weekday name.
pub(super) const MONTH_ABBR: u32 = 1 << 9;
/// `of`, `and`, `for`, `the`, ...: kept inside a run before a capital.
pub(super) const CONNECTOR: u32 = 1 << 10;
/// `al`, `bin`, `van`, ...: kept inside a run before a capital.
pub(super) const PARTICLE: u32 = 1 << 11;
/// First word of a title.
pub(super) const TITLE: u32 = 1 << 12;
/// An organisation head word.
pub(super) const ORG_HEAD: u32 = 1 << 13;
/// Inside an all-caps line (tables, wire headers): never part of a run.
pub(super) const SKIP: u32 = 1 << 14;
/// The word `and`.
pub(super) const AND: u32 = 1 << 15;
/// Its lower-case form is an English word.
pub(super) const DICT: u32 = 1 << 16;
/// A known single-word place.
pub(super) const PLACE1: u32 = 1 << 17;
/// A frequent surname.
pub(super) const SURNAME: u32 = 1 << 18;
/// A currency prefix with its dollar sign (`C$`, `US$`, `HK$`).
pub(super) const CURRENCY: u32 = 1 << 19;
/// A dotted abbreviation (`U.S.`): the run goes on only into a name (`U.S. Treasury`).
pub(super) const ABBR: u32 = 1 << 20;
/// Never an entity alone: a holiday, a currency word, a legal suffix ([`NOT_NAMES`],
/// [`LEGAL_SUFFIXES`]).
pub(super) const NOT_NAME: u32 = 1 << 21;
/// A U.S. state's or a Canadian province's abbreviation ([`STATE_ABBRS`]), read as the state after
/// a city.
pub(super) const STATE_ABBR: u32 = 1 << 22;
/// Capitalised inside as a brand is (`WeWork`, `SpaceX`), not as a name is (`McGrath`,
/// `DeShields`): never a person.
pub(super) const BRAND: u32 = 1 << 23;
/// A capital letter without a dot before a name, as team sheets write initials (`G Intoppa`,
/// `R de Marigny`): an initial, not the word `a` or `I` ([`Tokenizer::bare_initial`]).
pub(super) const INITIAL: u32 = 1 << 24;

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    /// Byte range in the text; `end` includes an absorbed abbreviation dot.
    pub(super) start: usize,
    pub(super) end: usize,
    flags: u32,
}

impl Tok {
    pub(super) fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// The longest word of the extractor's word lists (`championships`, `equestrianism`).
const LIST_WORD_MAX: usize = 13;

/// Whether `word` is one of `list`'s words, in any ASCII case.
///
/// The length is compared inline first: most entries differ in length, and
/// `eq_ignore_ascii_case` as a call per entry showed in profiles. No list holds a word longer
/// than [`LIST_WORD_MAX`] bytes, so a longer word is answered without reading the list.
#[inline]
pub(super) fn in_list(word: &str, list: &[&str]) -> bool {
    let b = word.as_bytes();
    b.len() <= LIST_WORD_MAX
        && list
            .iter()
            .any(|w| w.len() == b.len() && w.as_bytes().eq_ignore_ascii_case(b))
}

/// A long word list that is asked per word of a text, in a hash set built on first use:
/// [`in_list`] reads its list entry by entry, which showed in profiles for the 141 words of
/// [`HEADLINE_WORDS`]. The words are lower-case ASCII, as [`in_list`]'s are.
pub(super) struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static [u8]>>,
}

impl WordSet {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    /// Whether `word` is one of the set's, in any ASCII case ([`in_list`]).
    pub(super) fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let mut lower = [0; LIST_WORD_MAX];
        if b.len() > LIST_WORD_MAX {
            return false;
        }
        for (l, c) in lower.iter_mut().zip(b) {
            *l = c.to_ascii_lowercase();
        }
        let set = self
            .set
            .get_or_init(|| self.words.iter().map(|w| w.as_bytes()).collect());
        set.contains(&lower[..b.len()])
    }
}

/// Letters only: `(count, has_upper, has_lower)`.
type Shape = (usize, bool, bool);

/// Whether `s` has upper-case letters and no lower-case one (`up && !low` of its
/// [`letter_shape`]), stopping at the first lower-case letter: a headline's shape is asked
/// only for this, and most headlines have a lower-case letter among their first bytes.
pub(super) fn all_caps(s: &str) -> bool {
    if s.is_ascii() {
        let b = s.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_uppercase);
    }
    let letters = || s.chars().filter(|c| c.is_alphabetic());
    !letters().any(char::is_lowercase) && letters().any(char::is_uppercase)
}

/// Whether `s` has two letters or more (`letter_shape(s).0 >= 2`), stopping at the second.
pub(super) fn two_letters(s: &str) -> bool {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphabetic).nth(1).is_some();
    }
    s.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
}

/// The [`Shape`] of a word.
pub(super) fn letter_shape(s: &str) -> Shape {
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

pub(super) fn starts_upper(s: &str) -> bool {
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
    if f & ALL_CAPS == 0 && compound_brand(bare, g) {
        // `OctNov`, `AugSep`: a price table's two months, no brand.
        f |= if month_pair(bare) { NOT_NAME } else { BRAND };
    }
    if let Some(&bits) = lexicon(g).get(&word_key(key)) {
        f |= bits;
    } else if is_contraction(key) {
        // `Don't`, `You’ll`, `THEY'RE`: words, however they are capitalised.
        f |= DICT | COMMON;
    } else if !latin(bare) {
        // A word of another script (a Russian line in an English page): capitals say in it
        // what they say in its language, not in English.
        f |= DICT;
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

/// Whether a word's key is an English contraction (`don't`, `you'll`: the list words carry
/// no apostrophe, so these are looked up here).
fn is_contraction(key: &[u8]) -> bool {
    [&b"n't"[..], b"'ll", b"'ve", b"'re", b"'d", b"'m"]
        .iter()
        .any(|end| key.len() > end.len() && key.ends_with(end))
}

/// Whether a word opens with a Latin letter (or is not a letter at all): the rules read the
/// capitals of English.
fn latin(word: &str) -> bool {
    word.chars().next().is_none_or(|c| {
        !c.is_alphabetic()
            || c.is_ascii()
            || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
    })
}

/// Bytes of the longest key [`ascii_key`] writes on the stack.
pub(super) const STACK_KEY: usize = 64;

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
pub(super) fn lookup_key<'k>(
    text: &str,
    stack: &'k mut [u8; STACK_KEY],
    buf: &'k mut String,
) -> &'k [u8] {
    match ascii_key(text, stack) {
        Some((_, key)) => key,
        None => {
            normalize_into(text, buf);
            buf.as_bytes()
        }
    }
}

/// The normalised key of `text`, in `buf`.
pub(super) fn key_of<'k>(text: &str, buf: &'k mut String) -> &'k str {
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

/// [`normalize_key`](crate::entities::normalize_key) by [`key_of`]'s shortcut, for a key to keep.
pub(super) fn key_string(text: &str) -> String {
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
pub(super) fn lexicon_bits(key: &str) -> u32 {
    lexicon(gazetteer())
        .get(&word_key(key.as_bytes()))
        .copied()
        .unwrap_or(0)
}

/// Whether `word` is the plural of a dictionary word: the lists hold few plurals
/// (`Representatives`, `Bottlers`).
pub(super) fn plural_noun(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|one| lexicon_bits(&normalize_key(one)) & DICT != 0)
}

/// Buffers that one article's analysis takes over from the last one's on the same thread.
pub(super) struct Scratch {
    /// Normalised words that do not fit on the stack.
    pub(super) buf: String,
    /// Tokens of the text being processed.
    pub(super) toks: Vec<Tok>,
    /// Lines in capitals of the text being tokenised.
    skips: Vec<(usize, usize)>,
    /// The last article's collector, emptied: its tables and lists keep their room.
    pub(super) col: Collector,
    /// Lookup keys of the text being processed.
    pub(super) key: String,
    /// Flags of the capitalised words this thread has read ([`Tokenizer::capital_flags`]).
    flags_memo: HashMap<u128, u32>,
}

impl Scratch {
    pub(super) fn new() -> Self {
        Scratch {
            buf: String::new(),
            toks: Vec::new(),
            skips: Vec::new(),
            col: Collector::default(),
            key: String::new(),
            flags_memo: HashMap::default(),
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
    out.extend(DOTTED_STATES.iter().map(|a| (*a, STATE_ABBR)));
    out
}

/// Bare head words (keys) that stand for an organisation's executive in a story of the
/// organisation, by the names of the alias table.
pub(super) const EXECUTIVES: &[(&str, &[&str], &str)] = &[(
    "commission",
    &["European Community", "European Union"],
    "European Commission",
)];

/// Bytes in the longest connector or particle.
const JOINER_MAX_LEN: usize = max_len(PARTICLES, max_len(CONNECTORS, 0));

pub(super) const fn max_len(list: &[&str], at_least: usize) -> usize {
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

/// One to three capital letters: a name's initials (`AT`, `H`).
fn short_caps(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
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

/// Byte ranges of the lines where capitalisation says nothing, into `out`: lines written
/// entirely in capitals (two or more words: wire headers and tables) and headlines in title
/// case ([`title_case_line`]: the links to other stories of a scraped page).
fn all_caps_lines(text: &str, g: &Gazetteer, out: &mut Vec<(usize, usize)>) -> usize {
    out.clear();
    let mut pos = 0;
    let mut width = 0;
    // Whether the line before may end a headline's line: blank, ending a sentence or a title
    // case line itself. Text wrapped at a width (Reuters) breaks lines inside sentences, where a
    // line of names (`Paulo, Rio de Janeiro, Minas Gerais and Mato Grosso do Sul. At`) is no
    // headline.
    let mut after_break = true;
    let mut prev_blank = true;
    // `memchr_iter` keeps its place: `split('\n')` searched anew, and compared, per line.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let line = &text[pos..end];
        width = width.max(line.len());
        // Most lines show a lower-case letter within a few bytes: no need to scan them whole.
        if line.bytes().any(|b| b.is_ascii_lowercase()) {
            let continued = text[(end + 1).min(text.len())..]
                .trim_start_matches([' ', '\t'])
                .starts_with(|c: char| c.is_lowercase());
            // A headline with its small words in lower case stands alone between blank lines,
            // with no sentence's end: text wrapped at a width has lines of capitalised words
            // (`Treasury Secretary James Baker and Federal Reserve Board`) that are no
            // headlines.
            let alone = || {
                let rest = &text[(end + 1).min(text.len())..];
                prev_blank
                    && !line.trim_end().ends_with(['.', '!', '?', ',', ';'])
                    && (end == text.len()
                        || rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n'))
            };
            let title = after_break
                && !continued
                && (title_case_line(line)
                    || alone() && small_words_lower(line) && worded_line(line, g));
            prev_blank = false;
            if title {
                out.push((pos, end));
            }
            after_break = title
                || line
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', ';', '"', '\u{201D}', ')']);
            pos = end + 1;
            continue;
        }
        after_break = true;
        prev_blank = line.trim().is_empty();
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
    width
}

/// Byte offsets where `word` stands in `text` with no letter or digit right before or after
/// it.
fn whole_words<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let b = text.as_bytes();
    let edge = |at: Option<&u8>| !at.is_some_and(u8::is_ascii_alphanumeric);
    text.match_indices(word)
        .filter(move |&(i, w)| {
            edge(i.checked_sub(1).and_then(|j| b.get(j))) && edge(b.get(i + w.len()))
        })
        .map(|(i, _)| i)
}

/// How many times `word` stands in `text` as a whole word ([`whole_words`]).
pub(super) fn whole_word_count(text: &str, word: &str) -> usize {
    whole_words(text, word).count()
}

/// Whether `body` writes `surname` as a person's: after a title (`Mrs May`, `President
/// Trump`) or after `given` (`Tim Cook`), or before `said` or `says` (`Cook said`).
pub(super) fn body_names_person(body: &str, given: &str, surname: &str) -> bool {
    whole_words(body, surname).any(|i| {
        let end = i + surname.len();
        let before = body[..i].trim_end_matches([' ', '\t', '\n']);
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .unwrap_or("")
            .trim_end_matches('.');
        let after = &body[end..];
        let verb = ["said", "says"].iter().any(|v| {
            after
                .strip_prefix(' ')
                .and_then(|a| a.strip_prefix(v))
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
        });
        verb || word == given
            || (starts_upper(word) && lexicon_bits(&normalize_key(word)) & TITLE != 0)
    })
}

/// Whether `body` writes `words` (ASCII, in any case) as a name: a capital first, a small
/// letter after (`Standard Liege` for a headline's `STANDARD LIEGE`, `O'Brien` for `O'BRIEN`).
pub(super) fn body_writes(body: &str, words: &str) -> bool {
    let (b, w) = (body.as_bytes(), words.as_bytes());
    let Some(&first) = w.first() else {
        return false;
    };
    memchr::memchr_iter(first.to_ascii_uppercase(), b).any(|i| {
        b.get(i..i + w.len()).is_some_and(|found| {
            found.eq_ignore_ascii_case(w)
                && found.iter().any(u8::is_ascii_lowercase)
                && !(i.checked_sub(1).and_then(|j| b.get(j))).is_some_and(u8::is_ascii_alphanumeric)
                && !b.get(i + w.len()).is_some_and(u8::is_ascii_alphanumeric)
        })
    })
}

/// Whether `text` writes `word` (ASCII) all in lower case, as a whole word: a word the text
/// capitalises elsewhere only by accident (`the U.S. Banks` where it writes `banks`). Not
/// inside an address or a handle (`suprnova.org`, `@dele_official`), which names in lower case,
/// nor before a capitalised word, where it is a name's misprint (`dixons Group PLC`).
pub(super) fn writes_lower(text: &str, word: &str) -> bool {
    let (b, w) = (text.as_bytes(), word.as_bytes());
    // The word in lower case, on the stack: a search for it skips most of the text at once.
    let mut lower = [0u8; 32];
    if w.is_empty() || w.len() > lower.len() {
        return false;
    }
    for (l, c) in lower.iter_mut().zip(w) {
        *l = c.to_ascii_lowercase();
    }
    let joins = |c: &u8| c.is_ascii_alphanumeric() || b"@/_#.".contains(c);
    memchr::memmem::find_iter(b, &lower[..w.len()]).any(|i| {
        let end = i + w.len();
        !(i.checked_sub(1).and_then(|j| b.get(j))).is_some_and(joins)
            && !b.get(end).is_some_and(u8::is_ascii_alphanumeric)
            && !(b.get(end..end + 2)).is_some_and(|after| {
                joins(&after[0]) && after[1].is_ascii_alphanumeric()
                    || after[0] == b' ' && after[1].is_ascii_uppercase()
            })
    })
}

/// Whether `text` starts with a date written in digits: `1996-08-22`, `22/08/1996`, `7-APR`
/// (not a bare number, as the figures of a table are).
pub(super) fn starts_with_date(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'-' | b'/'))
        && text
            .as_bytes()
            .get(digits + 1)
            .is_some_and(u8::is_ascii_alphanumeric)
}

/// True when a headline is in Title Case (most longer words capitalised).
pub(super) fn is_title_case(text: &str) -> bool {
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

/// Whether a line is a headline in title case: four words or more, every word of four letters
/// or more capitalised, a capitalised function word inside it (`Black Friday Deals Are Live`,
/// `Stops In The Highway`: a name does not hold `Are` or `In`, though `Bank of England` holds
/// a lower-case `of`), and no sentence end. Such a line is read as lines in capitals are, for
/// known names only. Prose paragraphs are passed over at their length or first long
/// lower-case word.
fn title_case_line(line: &str) -> bool {
    capitalised_function_words(line, |w| FUNCTION_WORDS.contains(&w))
}

/// Whether most of a line's capitalised words of four letters or more are English words
/// and no names (`Man Shot at Dallas Gas Station Dies at Hospital`): a headline in the house
/// style of [`small_words_lower`], not a caption or a credit of names (`Donald Trump and Xi
/// Jinping in Osaka`, `(Reporting by Will Dunham; Editing by Tom Brown)`) or a footer.
fn worded_line(line: &str, g: &Gazetteer) -> bool {
    // `Terms of Service Privacy Notice © Copyright Gannett 2018`: a page's footer names its
    // owner.
    if line.contains('©') || line.contains("Copyright") {
        return false;
    }
    let (mut long, mut worded) = (0, 0);
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            let key = w.to_lowercase();
            let name = g.surnames.contains(&key)
                || g.surname_words.contains(&key)
                || g.first_names.contains(&key);
            worded += usize::from(g.english.contains(&key) && !name);
        }
    }
    worded >= 3 && 2 * worded > long
}

/// Function words that mark a title case line: not the joiners of names (`Of`, `And`,
/// `For`, `The`, `On`: Reuters capitalises them in lists of firms, `Industrial Bank Of
/// Japan`), nor words that are given names too (`Will`, `Can`).
const FUNCTION_WORDS: &[&str] = &[
    "In", "To", "Are", "Is", "With", "At", "Her", "His", "Their", "Its", "Your", "From", "Into",
    "Over", "After", "How", "Why", "What", "Not", "Be", "Was", "Were", "Has", "Have",
];

/// Whether an article's title (in title case, [`is_title_case`]) is a headline that
/// capitalises its function words, the joiners of names among them: a title is one line,
/// never a list of firms, so `On`, `And`, `The` or `Of` capitalised inside it tell as much as
/// `In` does (`Theresa May Wins Vote On Brexit Deal`).
fn title_case_headline(title: &str) -> bool {
    const JOINERS: &[&str] = &["On", "And", "The", "Of", "For", "A", "An", "By", "As"];
    capitalised_function_words(title, |w| {
        FUNCTION_WORDS.contains(&w) || JOINERS.contains(&w)
    }) || small_words_lower(title)
}

/// Whether a title capitalises every word but its small ones, six words or more (`Wild Rose's
/// Mary Steenburgen Wrote the Best Movie Song of the Year`): the house style of many papers,
/// where a verb is capitalised as a name is.
fn small_words_lower(title: &str) -> bool {
    const LONG_PREPOSITIONS: &[&str] = &[
        "about", "after", "against", "among", "before", "between", "from", "into", "onto", "over",
        "than", "that", "through", "under", "upon", "within", "without",
    ];
    const SMALL: &[&str] = &[
        "the", "of", "and", "a", "an", "to", "in", "for", "on", "with", "at", "by", "as", "or",
    ];
    // Prose ends the scan at its first long word in lower case, a few words in.
    let (mut words, mut small) = (0, false);
    for w in title.split_whitespace() {
        let lower = w.starts_with(|c: char| c.is_alphabetic() && !c.is_uppercase());
        // Some houses keep long prepositions small too (`Adam Schiff Working against the
        // Clock`).
        let small_word = SMALL.contains(&w) || LONG_PREPOSITIONS.contains(&w);
        if lower && !small_word && w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            return false;
        }
        small |= words > 0 && small_word;
        words += 1;
    }
    words >= 6 && small
}

/// [`title_case_line`] with the function words `is_function` names.
fn capitalised_function_words(line: &str, is_function: impl Fn(&str) -> bool) -> bool {
    const MAX_LEN: usize = 160;
    let line = line.trim();
    if line.len() > MAX_LEN || line.ends_with(['.', '!', ':', ';', ',']) {
        return false;
    }
    let (mut words, mut function) = (0, false);
    for (i, w) in line.split_whitespace().enumerate() {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_lowercase() && w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            return false;
        }
        words += 1;
        function |= i > 0 && is_function(w);
    }
    words >= 4 && function
}

/// `e.f.`, `j.`: letters each followed by a dot.
pub(super) fn initials(word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty()
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_alphabetic() && c[1] == b'.')
}

/// `MPs`, `PCs`, `DVDs`: an acronym's plural is a common noun, not a name.
pub(super) fn plural_acronym(word: &str) -> bool {
    match word.as_bytes() {
        [head @ .., b's'] => head.len() >= 2 && head.iter().all(u8::is_ascii_uppercase),
        _ => false,
    }
}

/// `OctNov`, `DecJan`: two months' abbreviations run together, as price tables head a spread.
fn month_pair(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    word.len() == 6
        && word.is_char_boundary(3)
        && [&word[..3], &word[3..]]
            .iter()
            .all(|m| MONTHS.iter().any(|a| m.eq_ignore_ascii_case(a)))
}

/// `Q2`, `H1`: a quarter or a half of a company's year, which ends a name it follows.
pub(super) fn fiscal_period(word: &str) -> bool {
    matches!(word.as_bytes(), [b'Q', b'1'..=b'4'] | [b'H', b'1' | b'2'])
}

/// `GenCorp`, `SoftBank`, `WeWork`, `PdVSA`: a word with a capital inside is a brand's, never
/// a person's. The particles of surnames and given names (`MacArthur`, `FitzGerald`,
/// `VanDyke`, `DelBene`, `McCain`, `LaToya`, `ElBaradei`, `DeShields`) and a given name glued
/// to a surname, as scraped pages run them together (`MargaretThatcher`), are left out.
pub(super) fn compound_brand(word: &str, g: &Gazetteer) -> bool {
    const GLUED_PARTICLES: &[&str] = &[
        "mac", "fitz", "van", "von", "vander", "den", "der", "del", "della", "des", "dal", "das",
        "dos", "ter", "ten", "abu", "abd", "abdul", "ibn", "bin", "ben", "mc", "de", "di", "da",
        "la", "le", "lo", "du", "st", "ja", "ke", "ty", "ra", "ka", "jo", "al", "el", "sha",
    ];
    let b = word.as_bytes();
    let Some(i) =
        (2..b.len()).find(|&i| b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase())
    else {
        return false;
    };
    // `New York-LaGuardia`: the part of a compound the capital is in.
    let from = b[..i].iter().rposition(|&c| c == b'-').map_or(0, |h| h + 1);
    if i - from < 2 || !b[from].is_ascii_uppercase() {
        return false;
    }
    let prefix = word[from..i].to_ascii_lowercase();
    !in_list(&prefix, GLUED_PARTICLES) && !g.first_names.contains(&prefix)
}

/// Splits text into word tokens with their flags.
pub(super) fn tokenize(
    text: &str,
    title_case: bool,
    g: &Gazetteer,
    scratch: &mut Scratch,
) -> Vec<Tok> {
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
    let width = all_caps_lines(text, g, &mut skips);
    if title_case && title_case_headline(text) {
        // A headline that capitalises its function words capitalises every word, names or
        // not: like a line in capitals, it is read for known names only (`Tim Cook On Apple
        // And The Future Of Work` names Tim Cook and Apple, not a person of nine words).
        // Short ones stay read by their capitals (`Mansfield 0-1 Leyton Orient`).
        skips.clear();
        skips.push((0, text.len()));
    }
    let mut toks = std::mem::take(&mut scratch.toks);
    toks.clear();
    toks.reserve(text.len() / 6);
    let mut tokenizer = Tokenizer {
        text,
        title_case,
        g,
        buf: &mut scratch.buf,
        flags_memo: &mut scratch.flags_memo,
        toks,
        skip: skips.first().copied().unwrap_or(NO_SKIP),
        skips: skips.get(1..).unwrap_or_default(),
        pending_break: true,
        pending_sent: true,
        hyphen_end: NO_HYPHEN,
        gap_newlines: 0,
        width,
        line_start: 0,
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
    pub(super) text: &'a str,
    pub(super) title_case: bool,
    pub(super) g: &'a Gazetteer,
    /// [`Scratch::buf`], for words that do not fit on the stack.
    pub(super) buf: &'a mut String,
    /// [`Scratch::flags_memo`].
    flags_memo: &'a mut HashMap<u128, u32>,
    pub(super) toks: Vec<Tok>,
    /// The first line in capitals ([`all_caps_lines`]) not yet behind the words, or
    /// [`NO_SKIP`]: one comparison a word when there is none, as in most texts.
    pub(super) skip: (usize, usize),
    /// The lines in capitals after [`skip`](Self::skip).
    skips: &'a [(usize, usize)],
    /// Whether the next word starts a run ([`BREAK`]).
    pending_break: bool,
    /// Whether the next word starts a sentence ([`SENT`]).
    pending_sent: bool,
    /// End of a hyphen (or of an ampersand between initials) that directly follows the last
    /// word (or [`NO_HYPHEN`]).
    hyphen_end: usize,
    /// Line breaks since the last segment that was not whitespace: two make a blank line, a
    /// paragraph break. Each line break is a segment of its own.
    gap_newlines: usize,
    /// Bytes in the longest line of the text: the width it is wrapped at, if it is (trailing
    /// spaces counted, here and in [`short_line`](Self::short_line), as they are rare).
    width: usize,
    /// Where the line of the last word starts.
    line_start: usize,
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
                self.space(i, &text[i..i + run]);
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
                self.space(i, seg);
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
    pub(super) fn word(&mut self, i: usize, seg: &str) {
        self.gap_newlines = 0;
        let mut word = seg;
        let mut extra = 0;
        // Possessive: `Hammond's`, `Hammond’s`. Few words end in `s`: test that first.
        // The suffix is `'s` or `’s` in either case, after at least two bytes.
        if let [head @ .., b's' | b'S'] = seg.as_bytes() {
            // `M&S's`, `AT&T's`: one letter joined by an ampersand may own too.
            let min = if self.hyphen_end == i { 1 } else { 2 };
            let suffix = if head.len() > min && head.ends_with(b"'") {
                2
            } else if head.len() > min + 2 && head.ends_with("\u{2019}".as_bytes()) {
                4
            } else {
                0
            };
            if suffix > 0 {
                word = &seg[..seg.len() - suffix];
                extra |= END_RUN;
            }
        }
        // `Borg-Warner's`: the possessive ends the joined word too.
        if self.hyphen_end == i && self.join_hyphen(i, word) {
            if extra & END_RUN != 0 {
                if let Some(last) = self.toks.last_mut() {
                    last.flags |= END_RUN;
                }
                self.pending_break = true;
            }
            return;
        }
        self.hyphen_end = NO_HYPHEN;
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
        let flags = self.flags_of(word) | extra;
        if flags & (CAP | ALL_CAPS | BREAK) == CAP && word.len() > 1 {
            self.bare_initial(i, flags);
        }
        self.toks.push(Tok {
            start: i,
            end: i + word.len(),
            flags,
        });
    }

    /// [`segment_flags`] of `word`, the flags of a capitalised word from the memo when this
    /// thread has read it before.
    #[inline(always)]
    fn flags_of(&mut self, word: &str) -> u32 {
        match word.as_bytes() {
            [c, ..] if c.is_ascii_digit() || c.is_ascii_lowercase() => {
                segment_flags(word, self.title_case, self.g, self.buf)
            }
            _ => self.capital_flags(word),
        }
    }

    /// [`capital_word_flags`] of `word`, kept per thread for words of up to 15 bytes: they
    /// depend on the word and the title's case alone, and a story's capitalised words are
    /// mostly ones read before (`The`, `U.S.`, `Reuters`, its names again), where working
    /// them out (a lexicon key and hash, the brand and month tests) cost a tenth of the
    /// extractor's instructions.
    fn capital_flags(&mut self, word: &str) -> u32 {
        /// Entries kept before the memo starts over: a few MB, enough for a corpus's frequent
        /// words.
        const MEMO_MAX: usize = 1 << 16;
        let b = word.as_bytes();
        if b.len() > 15 {
            return capital_word_flags(word, self.title_case, self.g, self.buf);
        }
        let mut packed = [0; 16];
        packed[..b.len()].copy_from_slice(b);
        // The length and the title's case in the last byte: no word of 15 bytes or fewer
        // shares a key with another.
        packed[15] = b.len() as u8 | u8::from(self.title_case) << 7;
        let key = u128::from_le_bytes(packed);
        if let Some(&flags) = self.flags_memo.get(&key) {
            return flags;
        }
        let flags = capital_word_flags(word, self.title_case, self.g, self.buf);
        if self.flags_memo.len() >= MEMO_MAX {
            self.flags_memo.clear();
        }
        self.flags_memo.insert(key, flags);
        flags
    }

    /// Joins the word `seg` at `i` to the last word, a hyphen before it, when the two make
    /// one name ([`merge_hyphen`]); whether they did.
    fn join_hyphen(&mut self, i: usize, seg: &str) -> bool {
        let Some(last) = self.toks.last_mut() else {
            return false;
        };
        let prev = &self.text[last.start..last.end];
        let joins = match self.text.as_bytes()[i - 1] {
            // `S/P`, `A/S`: `other` lets only these through.
            b'/' => true,
            // `AT&T`, `H&R Block`, `S&P`: initials an ampersand joins are one name.
            b'&' => short_caps(seg),
            _ => merge_hyphen(prev, last.flags, seg),
        };
        if !joins {
            return false;
        }
        let keep = last.flags & (SENT | BREAK | SKIP);
        last.end = i + seg.len();
        let word = &self.text[last.start..last.end];
        last.flags = keep | word_flags(word, self.title_case, self.g, self.buf);
        // `S/P UPGRADES WILLIAMS COS`: the agency is a name of its own, a headline's subject.
        let agency = word == "S/P";
        if agency {
            last.flags |= END_RUN;
        }
        self.pending_break = agency;
        true
    }

    /// The whitespace `ws` at `at`.
    #[inline]
    pub(super) fn space(&mut self, at: usize, ws: &str) {
        self.hyphen_end = NO_HYPHEN;
        let Some(first) = memchr::memchr(b'\n', ws.as_bytes()) else {
            return;
        };
        let newlines = 1 + memchr::memchr_iter(b'\n', &ws.as_bytes()[first + 1..]).count();
        let line_end = self.gap_newlines == 0 && newlines == 1;
        self.gap_newlines += newlines;
        if self.gap_newlines >= 2 {
            self.pending_break = true;
            self.pending_sent = true;
        } else if line_end {
            if self.short_line(at + first) {
                self.pending_break = true;
            }
            // `BONN 1996-08-30` over `Representatives from Armenia`: a dateline's line ends
            // no sentence, but the story opens after it.
            self.pending_sent |= self.dateline(at + first);
        }
        self.line_start = at + memchr::memrchr(b'\n', ws.as_bytes()).map_or(0, |j| j + 1);
    }

    /// Whether the line ending at the line feed at `nl` ends short of the text's width: a line
    /// of its own (`Australia` over a scoreboard, a heading, a table's row), not one that text
    /// wrapped at a width breaks inside a sentence (`Standard Oil Co and BP North America` /
    /// `Inc`). Wire copy wraps its first line short where the dateline was cut from it, so a
    /// first line counts as short only when the line after it is short too.
    fn short_line(&self, nl: usize) -> bool {
        let short = |line: &str| line.len() * 5 < self.width * 3;
        let text = self.text;
        let line = &text[self.line_start..nl];
        // A first line in capitals is a dateline or a heading of its own (`BANGKOK` over
        // `Thailand has launched`).
        let capitals = || {
            line.bytes().any(|b| b.is_ascii_uppercase())
                && !line.bytes().any(|b| b.is_ascii_lowercase())
        };
        short(line)
            && (self.line_start > 0 || capitals() || {
                let rest = &text[nl + 1..];
                short(&rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())])
            })
    }

    /// Whether the line ending at the line feed at `nl` is a dateline: a word in capitals
    /// opens it and a date's digit ends it (`NICE , France 1996-08-30`).
    fn dateline(&self, nl: usize) -> bool {
        let line = &self.text.as_bytes()[self.line_start..nl];
        // Most lines end in a letter or a stop: one byte test.
        if !line.last().is_some_and(u8::is_ascii_digit) {
            return false;
        }
        let first = line.iter().take_while(|&&b| b != b' ').count();
        first > 1 && line[..first].iter().all(u8::is_ascii_uppercase)
    }

    /// A segment at `i` that is neither a word nor whitespace, opening with `c`; `single`
    /// when `c` is all of it.
    #[inline]
    pub(super) fn other(&mut self, i: usize, c: char, single: bool) {
        self.gap_newlines = 0;
        let adjacent = single && self.toks.last().is_some_and(|t| t.end == i);
        match c {
            '-' | '\u{2010}' | '\u{2011}' if adjacent && !self.pending_break => {
                self.hyphen_end = i + c.len_utf8();
                self.pending_break = true;
            }
            '&' if adjacent
                && !self.pending_break
                && self
                    .toks
                    .last()
                    .is_some_and(|t| short_caps(&self.text[t.start..t.end])) =>
            {
                self.hyphen_end = i + 1;
                self.pending_break = true;
            }
            // `S/P` (Standard and Poor's on the wire) and the Danish legal forms `A/S` and
            // `I/S` are one word; not `N/A`, `T/O` or `M/V`.
            '/' if adjacent
                && !self.pending_break
                && self.toks.last().is_some_and(|t| {
                    t.start + 1 == t.end
                        && matches!(
                            self.text.as_bytes().get(t.start..i + 2),
                            Some(b"S/P" | b"A/S" | b"I/S")
                        )
                })
                && !self
                    .text
                    .as_bytes()
                    .get(i + 2)
                    .is_some_and(u8::is_ascii_alphabetic) =>
            {
                self.hyphen_end = i + 1;
                self.pending_break = true;
            }
            '.' if adjacent && !self.pending_break => self.dot(),
            // `JOHN F . KENNEDY`: text that spaces its punctuation (TIME, 1963) writes an
            // initial after a given name so. The run goes on through it.
            '.' if single && !self.pending_break && self.spaced_initial(i) => {
                if let Some(last) = self.toks.last_mut() {
                    last.flags &= !(DICT | COMMON);
                }
            }
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

    /// Whether the dot at `i` follows an initial a space apart that follows, a space apart, a
    /// capitalised word that is no English word or is a title, or another such initial (`JOHN
    /// F .`, `MINISTER R . A .`; not `WORLD WAR I .`).
    fn spaced_initial(&self, i: usize) -> bool {
        let [.., given, initial] = &self.toks[..] else {
            return false;
        };
        let b = self.text.as_bytes();
        let single = |t: &Tok| t.end - t.start == 1 && b[t.start].is_ascii_uppercase();
        let between = &self.text[given.end..initial.start];
        single(initial)
            && initial.end + 1 == i
            && b[initial.end] == b' '
            && given.has(CAP)
            // A given name, a title, or an initial before (`MINISTER R . A . BUTLER`).
            && (between == " " && (!given.has(DICT | COMMON) || given.has(TITLE))
                || between == " . " && single(given))
    }

    /// Marks the capital letter before the capitalised word at `i`, of `flags`, as an
    /// initial, a space apart or a particle between (`D Bell`, `R de Marigny`). `A` and `I`
    /// are words as often: the extractor reads them as initials only in a line-up. A compass
    /// point before a place is none (`S Korea`, `W Yorkshire`), nor is `X` or `Q` (`X
    /// Factor`), nor a letter before an everyday word (`B Free`).
    fn bare_initial(&mut self, i: usize, flags: u32) {
        let b = self.text.as_bytes();
        let mut end = i;
        // At most two particles between (`D van der Merwe`).
        for k in (self.toks.len().saturating_sub(3)..self.toks.len()).rev() {
            let t = self.toks[k];
            if t.end + 1 != end || b[t.end] != b' ' {
                return;
            }
            if t.has(PARTICLE) && !t.has(CAP | BREAK) {
                end = t.start;
                continue;
            }
            let letter =
                matches!(b[t.start], b'B'..=b'H' | b'J'..=b'P' | b'R'..=b'W' | b'Y' | b'Z');
            if t.end - t.start != 1 || !letter || flags & COMMON != 0 {
                return;
            }
            let compass = matches!(b[t.start], b'N' | b'S' | b'E' | b'W');
            // A letter that goes on a name (`Pick N Save`, `George W Bush`), one of a pair of
            // letters (`C and D Commodities`, `O/N`, `Fast 'N Fresh`) or one after a number
            // or a determiner (`IS 350 F Sport`, `the Y Vote`, `one B Free share`) is no
            // initial here.
            let text = self.text;
            let joined = text[..t.start]
                .trim_end_matches(' ')
                .ends_with(['/', '\'', '&'])
                || k > 0 && !t.has(BREAK) && {
                    let p = self.toks[k - 1];
                    let word = &text[p.start..p.end];
                    let letters = |k: usize| {
                        let w = &text[self.toks[k].start..self.toks[k].end];
                        w.len() <= 2 && w.bytes().all(|c| c.is_ascii_uppercase())
                    };
                    p.has(CAP)
                        || word.as_bytes()[0].is_ascii_digit()
                        || p.has(AND) && k > 1 && letters(k - 2)
                        || word == "one"
                        || in_list(word, DETERMINERS)
                };
            if !(joined || compass && flags & (PLACE1 | DEMONYM) != 0) {
                self.toks[k].flags = (t.flags & !(DICT | COMMON)) | INITIAL;
            }
            return;
        }
    }

    /// A dot right after the last word, which goes on the run or not.
    pub(super) fn dot(&mut self) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `in_list` answers no for a word longer than `LIST_WORD_MAX` without reading the list:
    /// a longer entry in any list of the word module would never match. `Championships` did
    /// not when the bound was 12.
    #[test]
    fn no_list_word_is_longer_than_in_list_reads() {
        let source = include_str!("words.rs");
        let entries = (source.lines())
            .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix("\","))
            .filter(|w| !w.contains(' '));
        let mut longest = "";
        for w in entries {
            assert!(w.len() <= LIST_WORD_MAX, "{w}");
            longest = if w.len() > longest.len() { w } else { longest };
        }
        assert_eq!(longest.len(), LIST_WORD_MAX, "{longest}");
        assert!(in_list("Championships", MISC_HEADS));
    }

    /// A word set answers as `in_list` does over its words, in any case, which needs its
    /// words in lower case.
    #[test]
    fn a_word_set_answers_as_its_list_does() {
        assert!(HEADLINE_WORDS
            .iter()
            .all(|w| w.bytes().all(|b| !b.is_ascii_uppercase())));
        for word in HEADLINE_WORDS
            .iter()
            .chain(&["SAYS", "Sets", "GenCorp", "rite", "x"])
        {
            assert_eq!(
                HEADLINE_SET.contains(word),
                in_list(word, HEADLINE_WORDS),
                "{word}"
            );
        }
        assert!(HEADLINE_SET.contains("SAYS"));
        assert!(!HEADLINE_SET.contains("GENCORP"));
    }

    /// The thread's memo of capitalised words' flags answers what working them out does, for
    /// a title in title case and other text apart (`Of` joins a name only in the first).
    #[test]
    fn memoised_flags_are_the_flags_worked_out() {
        let g = gazetteer();
        let text = "Bank Of England said The U.S. Treasury And Reuters";
        let read = |title_case, scratch: &mut Scratch| -> Vec<(usize, usize, u32)> {
            let toks = tokenize(text, title_case, g, scratch);
            toks.iter().map(|t| (t.start, t.end, t.flags)).collect()
        };
        let fresh = |title_case| read(title_case, &mut Scratch::new());
        let of = |toks: &[(usize, usize, u32)]| toks[1].2;
        assert_ne!(of(&fresh(true)) & CONNECTOR, of(&fresh(false)) & CONNECTOR);
        let mut warm = Scratch::new();
        for title_case in [false, true, false, true] {
            assert_eq!(
                read(title_case, &mut warm),
                fresh(title_case),
                "{title_case}"
            );
        }
    }

    #[test]
    fn two_months_run_together_are_a_spread_not_a_brand() {
        for word in ["OctNov", "DecJan", "AugSep"] {
            assert!(month_pair(word), "{word}");
        }
        for word in ["GenCorp", "MayBank", "Octavia", "JanSport"] {
            assert!(!month_pair(word), "{word}");
        }
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
}
