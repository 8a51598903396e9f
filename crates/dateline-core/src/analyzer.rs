//! The news analyzer: one tokenizer chain for documents and queries.
//!
//! Text is split on Unicode word boundaries (UAX #29, as `unicode-segmentation` finds them:
//! [`crate::segment::WordIndices`]), so `U.S.` stays one word and `al-Abadi` becomes `al` +
//! `abadi`. Each word is lower-cased, typographic apostrophes are folded, a possessive `'s` is
//! removed, dots inside alphabetic words are dropped (`U.S.` meets `US`), remaining
//! apostrophes are dropped (`O’Brien` meets `OBrien`), diacritics are folded (`Zürich` meets
//! `Zurich`) and English Snowball stemming is applied.
//! No stop words are removed: phrases such as "Secretary of State" match exactly.
//!
//! English stemming is for English text only ([`Stemming::for_language`]): an article in another
//! language is indexed with the same chain minus the stemmer ([`analyze_tokens_with`]), so
//! Portuguese `presidente` stays `presidente` instead of becoming English `president`. Queries
//! look up both forms of each word (see `dateline-index`).
//!
//! The analyzer's name carries a version ([`NEWS_ANALYZER`]); tantivy persists it in the schema,
//! so an index built with another version is detected on open rather than searched wrongly.
//!
//! # Example
//! ```
//! use dateline_core::analyzer::analyze;
//!
//! assert_eq!(analyze("The U.S. Secretary’s talks"), ["the", "us", "secretari", "talk"]);
//! assert_eq!(analyze("Haider al-Abadi"), ["haider", "al", "abadi"]);
//! ```

// Fx hashing: the memo sits on the per-token path, where SipHash showed in profiles.
use rustc_hash::FxHashMap as HashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, RemoveLongFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

use crate::segment::WordIndices;

/// Name under which the analyzer is registered; the suffix is bumped whenever its output
/// changes, because indexed terms depend on it.
pub const NEWS_ANALYZER: &str = "news_en_v1";

/// Name of the tokenizer of the entity fields: each line of a value is one term, verbatim.
pub const LINES_TOKENIZER: &str = "dateline_lines";

/// Longest token kept, in bytes; longer "words" are URLs, base64 or junk.
const MAX_TOKEN_LEN: usize = 64;

/// Whether words are reduced to their English stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stemming {
    /// English Snowball stemming: `talks` → `talk`.
    English,
    /// Words as written, only lower-cased and folded: for text in other languages.
    None,
}

impl Stemming {
    /// The stemming for text in `language` (an ISO 639-1 code): English for English and for
    /// text whose language is unknown (too short to tell, or a table), none for any other.
    ///
    /// ```
    /// use dateline_core::analyzer::Stemming;
    ///
    /// assert_eq!(Stemming::for_language(Some("en")), Stemming::English);
    /// assert_eq!(Stemming::for_language(None), Stemming::English);
    /// assert_eq!(Stemming::for_language(Some("pt")), Stemming::None);
    /// ```
    pub fn for_language(language: Option<&str>) -> Self {
        match language {
            None | Some("en") => Stemming::English,
            Some(_) => Stemming::None,
        }
    }
}

/// Builds the full news analyzer (tokenizer, folding, stemming).
pub fn news_analyzer() -> TextAnalyzer {
    news_analyzer_with(Stemming::English)
}

/// Builds the news analyzer with or without its English stemmer.
pub fn news_analyzer_with(stemming: Stemming) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(NewsTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_LEN))
        .filter(AsciiFoldingFilter);
    match stemming {
        Stemming::English => builder.filter(CachedStemmer).build(),
        Stemming::None => builder.build(),
    }
}

/// Registers the news analyzer on an index's tokenizer manager.
///
/// `tantivy::Index::open` starts with a fresh manager, so this must run after every open.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(NEWS_ANALYZER, news_analyzer());
    index.tokenizers().register(LINES_TOKENIZER, LinesTokenizer);
}

/// Splits a value into its non-empty lines, each one term as written. An article's entities
/// go into one value this way (`PER:Philip Hammond\nLOC:London`) instead of one value each:
/// every value costs tantivy a tokenizer run and bookkeeping, and entities are many.
///
/// ```
/// use dateline_core::analyzer::LinesTokenizer;
/// use tantivy::tokenizer::{TextAnalyzer, TokenStream};
///
/// let mut lines = TextAnalyzer::from(LinesTokenizer);
/// let mut stream = lines.token_stream("PER:Philip Hammond\n\nLOC:London");
/// let mut terms = Vec::new();
/// while let Some(token) = stream.next() {
///     terms.push(token.text.clone());
/// }
/// assert_eq!(terms, ["PER:Philip Hammond", "LOC:London"]);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct LinesTokenizer;

/// The token stream of [`LinesTokenizer`].
pub struct LinesStream<'a> {
    lines: std::str::Split<'a, char>,
    offset: usize,
    token: Token,
}

impl Tokenizer for LinesTokenizer {
    type TokenStream<'a> = LinesStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> LinesStream<'a> {
        LinesStream {
            lines: text.split('\n'),
            offset: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for LinesStream<'_> {
    fn advance(&mut self) -> bool {
        for line in self.lines.by_ref() {
            let start = self.offset;
            self.offset += line.len() + 1;
            if line.is_empty() {
                continue;
            }
            self.token.text.clear();
            self.token.text.push_str(line);
            self.token.offset_from = start;
            self.token.offset_to = start + line.len();
            self.token.position = self.token.position.wrapping_add(1);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Runs the analyzer over `text` and returns the terms it would index, in order.
pub fn analyze(text: &str) -> Vec<String> {
    analyze_tokens(text).into_iter().map(|t| t.text).collect()
}

/// Runs the analyzer over `text` and returns the full tokens (terms, positions, byte offsets).
pub fn analyze_tokens(text: &str) -> Vec<Token> {
    analyze_tokens_with(text, Stemming::English)
}

/// Like [`analyze_tokens`], with the given stemming.
///
/// ```
/// use dateline_core::analyzer::{analyze_tokens_with, Stemming};
///
/// let terms = |s| -> Vec<String> {
///     analyze_tokens_with("Presidente anuncia", s).into_iter().map(|t| t.text).collect()
/// };
/// assert_eq!(terms(Stemming::English), ["president", "anuncia"]);
/// assert_eq!(terms(Stemming::None), ["presidente", "anuncia"]);
/// ```
pub fn analyze_tokens_with(text: &str, stemming: Stemming) -> Vec<Token> {
    let mut analyzer = news_analyzer_with(stemming);
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.token().clone());
    }
    tokens
}

/// The tokenizer stage: Unicode words, lower-cased and normalised (see the module docs).
#[derive(Clone, Copy, Debug, Default)]
pub struct NewsTokenizer;

impl Tokenizer for NewsTokenizer {
    type TokenStream<'a> = NewsTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NewsTokenStream<'a> {
        NewsTokenStream {
            words: WordIndices::new(text),
            token: Token::default(),
            next_position: 0,
        }
    }
}

/// Token stream produced by [`NewsTokenizer`].
pub struct NewsTokenStream<'a> {
    words: WordIndices<'a>,
    token: Token,
    next_position: usize,
}

impl TokenStream for NewsTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((offset, word, plain)) = self.words.next_word() {
            if plain {
                // Most words: ASCII letters and digits, lower-cased and nothing else.
                self.token.text.clear();
                self.token.text.push_str(word);
                self.token.text.make_ascii_lowercase();
            } else {
                normalize_word(word, &mut self.token.text);
            }
            if self.token.text.is_empty() {
                continue;
            }
            self.token.offset_from = offset;
            self.token.offset_to = offset + word.len();
            self.token.position = self.next_position;
            self.token.position_length = 1;
            self.next_position += 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// English Snowball stemming (the same algorithm as tantivy's `Stemmer`) with a memo per
/// indexing thread: news vocabularies are Zipfian, so most words are stemmed once per thread
/// rather than once per occurrence, which roughly halves analysis time.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

/// Words remembered per thread before the memo starts over, bounding its memory.
const STEM_CACHE_LIMIT: usize = 200_000;

/// Longest word (in bytes) the memo holds. Longer words are rare and are stemmed every time.
const MEMO_WORD: usize = 23;

/// A word of at most [`MEMO_WORD`] bytes held inline: its length, then its bytes, zero padded.
/// Keys without pointers make a memo lookup one probe and three word compares, where a
/// `Box<str>` key cost a pointer chase and a `memcmp` per token.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct MemoKey([u64; 3]);

impl MemoKey {
    fn new(word: &str) -> Option<Self> {
        let b = word.as_bytes();
        if b.len() > MEMO_WORD {
            return None;
        }
        let mut bytes = [0u8; MEMO_WORD + 1];
        bytes[0] = b.len() as u8;
        bytes[1..=b.len()].copy_from_slice(b);
        let word = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[i * 8..i * 8 + 8]);
            u64::from_le_bytes(w)
        };
        Some(MemoKey([word(0), word(1), word(2)]))
    }
}

/// Bytes a stem may add after the part it keeps of its word.
const EDIT_ADD: usize = 6;

/// A stem as an edit of its word: keep the first `keep` bytes, then append `add`. English
/// stems keep most of the word (`organis` + `e`), so the edit fits in 8 bytes.
#[derive(Clone, Copy)]
struct StemEdit {
    keep: u8,
    add_len: u8,
    add: [u8; EDIT_ADD],
}

impl StemEdit {
    /// The edit turning `word` into `stem`, if its added part fits.
    fn new(word: &str, stem: &str) -> Option<Self> {
        let mut keep = word
            .bytes()
            .zip(stem.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        // The kept bytes are the same in both, so a boundary of the word is one of the stem.
        while !word.is_char_boundary(keep) {
            keep -= 1;
        }
        let added = &stem.as_bytes()[keep..];
        if added.len() > EDIT_ADD {
            return None;
        }
        let mut add = [0; EDIT_ADD];
        add[..added.len()].copy_from_slice(added);
        Some(StemEdit {
            keep: keep as u8,
            add_len: added.len() as u8,
            add,
        })
    }

    /// Turns the word in `text` into its stem.
    fn apply(&self, text: &mut String) {
        text.truncate(usize::from(self.keep));
        if self.add_len > 0 {
            // Made from a stem's bytes after a character boundary: always UTF-8.
            if let Ok(add) = std::str::from_utf8(&self.add[..usize::from(self.add_len)]) {
                text.push_str(add);
            }
        }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            memo: HashMap::default(),
        }
    }
}

/// The tokenizer produced by [`CachedStemmer`]; it owns the memo.
pub struct CachedStemmerFilter<T> {
    inner: T,
    memo: HashMap<MemoKey, StemEdit>,
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    /// A clone starts with an empty memo: each indexing thread builds its own.
    fn clone(&self) -> Self {
        CachedStemmerFilter {
            inner: self.inner.clone(),
            memo: HashMap::default(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() > STEM_CACHE_LIMIT {
            self.memo.clear();
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

/// Token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    memo: &'a mut HashMap<MemoKey, StemEdit>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        // English stemming leaves words of fewer than three letters alone (Snowball's
        // `hop 3`), and news text is full of them: `of`, `to`, `in`, `a`.
        if token.text.len() <= 2 || !stemmable(&token.text) {
            return true;
        }
        let key = MemoKey::new(&token.text);
        if let Some(edit) = key.and_then(|key| self.memo.get(&key)) {
            edit.apply(&mut token.text);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if let Some((key, edit)) = key.zip(StemEdit::new(&token.text, &stem)) {
            self.memo.insert(key, edit);
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Whether the English stemmer can change `word`: every suffix Snowball's English algorithm
/// removes or rewrites holds a vowel (`y` counts), and a word without one has no R1 region, so
/// vowel-less words (numbers such as `155,221` and `1980s`, codes such as `ptt`) come back as
/// they are. News text is full of numbers, each a new word to the memo: skipping them spares
/// the probe and keeps them from filling the memo.
#[inline]
fn stemmable(word: &str) -> bool {
    !word.is_ascii()
        || word
            .bytes()
            .any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′' | '`')
}

/// Writes the normalised form of one UAX #29 word into `out`.
fn normalize_word(word: &str, out: &mut String) {
    out.clear();
    // Possessive: "Hammond’s" -> "Hammond". UAX #29 keeps the apostrophe inside the word.
    let mut word = word;
    let mut chars = word.char_indices().rev();
    if let (Some((_, s)), Some((i, a))) = (chars.next(), chars.next()) {
        if (s == 's' || s == 'S') && is_apostrophe(a) && i > 0 {
            word = &word[..i];
        }
    }
    let has_letter = word.chars().any(char::is_alphabetic);
    for c in word.chars() {
        if is_apostrophe(c) || (c == '.' && has_letter) {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn cached_stemming_equals_tantivys_stemmer_even_after_the_memo_fills() {
        use tantivy::tokenizer::{Language, Stemmer};
        let text = "Ministers travelled; travelling ministers’ meetings were generously \
                    organised, organising organisations generously again and again in the \
                    1980s: 155,221 bags, 3rd quarter, crying skies";
        let mut reference = TextAnalyzer::builder(NewsTokenizer)
            .filter(RemoveLongFilter::limit(MAX_TOKEN_LEN))
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut ours = news_analyzer();
        let collect = |a: &mut TextAnalyzer| {
            let mut out = Vec::new();
            let mut stream = a.token_stream(text);
            while stream.advance() {
                out.push(stream.token().text.clone());
            }
            out
        };
        let expected = collect(&mut reference);
        // The second and third passes are served from the memo.
        for _ in 0..3 {
            assert_eq!(collect(&mut ours), expected);
        }
    }

    proptest::proptest! {
        /// Why the memo may skip words without a vowel: the stemmer returns them unchanged.
        #[test]
        fn the_stemmer_leaves_words_without_a_vowel_alone(
            word in "[b-df-hj-np-tv-xz0-9][b-df-hj-np-tv-xz0-9.,_]{2,20}"
        ) {
            proptest::prop_assert!(!stemmable(&word));
            let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
            let stem = stemmer.stem(&word).into_owned();
            proptest::prop_assert_eq!(stem, word);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The tokenizer's ASCII path (its own segmenter, plain words only lower-cased) gives
        /// what `unicode-segmentation`'s words, normalised one by one, give.
        #[test]
        fn the_tokenizer_gives_the_normalised_unicode_words(
            text in "[a-zA-Z0-9_'.:,; \\t\\r\\n\\x0b\\-\"!?()é\u{301}\u{2019}\u{200d}\u{3000}]{0,40}"
        ) {
            let mut expected = Vec::new();
            for (i, word) in text.unicode_word_indices() {
                let mut normal = String::new();
                normalize_word(word, &mut normal);
                if !normal.is_empty() {
                    expected.push((i, i + word.len(), normal));
                }
            }
            let mut tokenizer = NewsTokenizer;
            let mut stream = tokenizer.token_stream(&text);
            let mut got = Vec::new();
            while stream.advance() {
                let t = stream.token();
                got.push((t.offset_from, t.offset_to, t.text.clone()));
            }
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn us_with_dots_meets_us() {
        assert_eq!(analyze("U.S."), analyze("US"));
        assert_eq!(analyze("US-led"), ["us", "led"]);
    }

    #[test]
    fn possessives_and_curly_apostrophes_fold() {
        assert_eq!(analyze("Peshmerga’s"), analyze("peshmerga"));
        assert_eq!(analyze("coalition's"), analyze("coalition"));
        assert_eq!(analyze("haven’t"), analyze("haven't"));
        assert_eq!(analyze("O’Brien"), analyze("OBrien"));
    }

    #[test]
    fn diacritics_fold_and_stemming_applies() {
        assert_eq!(analyze("Zürich café"), ["zurich", "cafe"]);
        assert_eq!(analyze("fighters fighting"), ["fighter", "fight"]);
    }

    #[test]
    fn positions_are_consecutive_and_offsets_point_into_the_text() {
        let text = "Secretary of State John Kerry’s visit";
        let tokens = analyze_tokens(text);
        let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 1, 2, 3, 4, 5]);
        assert_eq!(&text[tokens[4].offset_from..tokens[4].offset_to], "Kerry’s");
    }

    #[test]
    fn numbers_keep_their_dots_and_punctuation_is_dropped() {
        assert_eq!(analyze("5.93 mln — “quoted”"), ["5.93", "mln", "quot"]);
    }
}
