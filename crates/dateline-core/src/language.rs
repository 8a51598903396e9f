//! Language detection for articles, with [whatlang](https://crates.io/crates/whatlang)
//! (trigram models for 69 languages, no download, no model files).
//!
//! Languages are named by their ISO 639-1 code (`en`, `pt`, `ru`, `ko`, `it`, ...) where one
//! exists, else by whatlang's ISO 639-3 code. Only the first [`SAMPLE_BYTES`] of the title
//! and body are looked at. A text shorter than [`MIN_LETTERS`] letters, or one whatlang finds
//! no reliable language for, gets `None`: an unknown language, which Dateline treats like English.
//!
//! Most news is English, and whatlang's trigram scoring was a third of all ingest time; so a
//! sample where English-only function words ("the", "of", "and", ...) are frequent is taken as
//! English without asking whatlang, and whatlang sees at most [`WHATLANG_BYTES`].
//!
//! # Example
//! ```
//! use dateline_core::language::detect;
//!
//! assert_eq!(detect("London is hosting foreign officials from 21 countries to discuss a \
//!     coordinated international effort against the militants.").as_deref(), Some("en"));
//! assert_eq!(detect("O governo anunciou hoje novas medidas para conter a inflação no \
//!     país, segundo o ministro da economia.").as_deref(), Some("pt"));
//! assert_eq!(detect("ok"), None);
//! ```

use whatlang::Lang;

use crate::Article;

/// How many bytes of text are given to the detector.
pub const SAMPLE_BYTES: usize = 1024;
/// How many bytes whatlang scores, when the English test is not conclusive: its cost grows
/// with the text, and its accuracy hardly does past a few sentences.
pub const WHATLANG_BYTES: usize = 512;
/// Fewer letters than this and no language is guessed.
pub const MIN_LETTERS: usize = 20;

/// The language of `text`, or `None` when it is too short or unrecognisable.
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    sample
        .chars()
        .filter(|c| c.is_alphabetic())
        .nth(MIN_LETTERS - 1)?;
    match quick_guess(sample) {
        Guess::English => return Some("en".to_string()),
        Guess::Unknown => return None,
        Guess::Ask => {}
    }
    let mut end = sample.len().min(WHATLANG_BYTES);
    while !sample.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&sample[..end])?;
    // Tables of figures and names ("Shr 34 cts vs 1.19 dlrs") get confident-looking guesses
    // such as French or Catalan; only a reliable guess is kept, and not one of a language
    // whose spelling needs letters beyond ASCII for a sample without any.
    if !info.is_reliable() || (sample.is_ascii() && needs_diacritics(info.lang())) {
        return None;
    }
    Some(code(info.lang()).to_string())
}

/// Frequent English words that are not words of other languages written in Latin script
/// (so not "to", "as", "for", "is", "was"... which are Polish, Portuguese, Danish, Dutch,
/// German words too). Together about a seventh of English news text.
const ENGLISH_MARKERS: [&str; 12] = [
    "the", "of", "and", "that", "with", "said", "from", "which", "have", "has", "were", "been",
];

/// What the quick test makes of a sample before whatlang is asked.
enum Guess {
    English,
    /// A short text in plain ASCII with no English marker: too little to tell.
    Unknown,
    /// Let whatlang decide.
    Ask,
}

/// English when at least 6% of the words among the first 250 tokens of `sample` (and two or
/// more) are [`ENGLISH_MARKERS`]: true of English prose, false of other languages and of
/// tables. Numbers are not words here: wire copy is full of them ("vs 1.23 dlrs"). An ASCII
/// sample with at least half as many numbers as words is a table of figures (earnings,
/// results, prices): no language is guessed. whatlang gives no reliable language for most of
/// them, and asking it was a tenth of ingest time on Reuters copy.
fn quick_guess(sample: &str) -> Guess {
    let ascii = sample.is_ascii();
    // Tokens: runs of letters, digits and `'`, with whether a letter opens them. Most samples
    // are ASCII, split byte by byte with no char decoding.
    if ascii {
        let tokens = sample
            .as_bytes()
            .split(|&b| !b.is_ascii_alphanumeric() && b != b'\'')
            .filter(|w| !w.is_empty())
            .map(|w| (w[0].is_ascii_alphabetic(), w));
        tally(tokens, ascii)
    } else {
        let tokens = sample
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(|w| {
                (
                    w.chars().next().is_some_and(char::is_alphabetic),
                    w.as_bytes(),
                )
            });
        tally(tokens, ascii)
    }
}

/// [`quick_guess`] over a sample's tokens.
fn tally<'a>(tokens: impl Iterator<Item = (bool, &'a [u8])>, ascii: bool) -> Guess {
    const TOKENS: usize = 250;
    let mut words = 0;
    let mut numbers = 0;
    let mut hits = 0;
    for (word, token) in tokens.take(TOKENS) {
        if !word {
            numbers += 1;
            continue;
        }
        words += 1;
        if token.len() <= 5
            && ENGLISH_MARKERS
                .iter()
                .any(|f| f.as_bytes().eq_ignore_ascii_case(token))
        {
            hits += 1;
            // 6% of all the tokens there can be: English whatever follows. English prose
            // gets there within a hundred words, and most articles are English prose.
            if hits * 100 >= TOKENS * 6 {
                return Guess::English;
            }
        }
    }
    if hits >= 2 && hits * 100 >= words * 6 {
        Guess::English
    } else if (words < 25 || numbers * 2 >= words) && ascii {
        Guess::Unknown
    } else {
        Guess::Ask
    }
}

/// Sets `article.language` from its title and body when it is not set yet.
pub fn fill(article: &mut Article) {
    if article.language.is_some() {
        return;
    }
    let mut sample = String::with_capacity(SAMPLE_BYTES + 256);
    if let Some(t) = &article.title {
        sample.push_str(t);
        sample.push_str(". ");
    }
    let mut end = article.body.len().min(SAMPLE_BYTES);
    while !article.body.is_char_boundary(end) {
        end -= 1;
    }
    sample.push_str(&article.body[..end]);
    article.language = detect(&sample);
}

/// Latin-script languages whose ordinary text cannot go a paragraph without letters beyond
/// ASCII (é, ç, ä, ø, ł, ş, ...): a plain-ASCII sample is not in one of them.
fn needs_diacritics(lang: Lang) -> bool {
    matches!(
        lang,
        Lang::Fra
            | Lang::Spa
            | Lang::Por
            | Lang::Ita
            | Lang::Deu
            | Lang::Pol
            | Lang::Ces
            | Lang::Slk
            | Lang::Hun
            | Lang::Ron
            | Lang::Tur
            | Lang::Vie
            | Lang::Cat
            | Lang::Hrv
            | Lang::Slv
            | Lang::Lit
            | Lang::Lav
            | Lang::Est
            | Lang::Fin
            | Lang::Swe
            | Lang::Dan
            | Lang::Nob
    )
}

/// The ISO 639-1 code of a whatlang language where there is one, else its ISO 639-3 code.
fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_of_figures_get_no_language() {
        // Reuters earnings tables (reuters21578 ids 11 and the start of a 4th-quarter report)
        // that whatlang took for French.
        let table = "Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000 Assets 510.2 mln vs \
                     479.7 mln Deposits 472.3 mln vs 440.3 mln Loans 299.2 mln vs 327.2 mln";
        assert_eq!(detect(table), None);
        let words = "LIFE OF INDIANA CORP 4TH QTR LOSS. Shr loss 19 cts vs profit 57 cts Net \
                     loss 103,005 vs profit 319,344 Year Shr profit 22 cts vs profit 10 cts \
                     Net profit 1,236,347 vs profit 496,890 Revs 15.6 mln vs 14.2 mln";
        assert_eq!(detect(words), None);
        // Fewer numbers than words, but more than half as many: still a table (whatlang
        // took this one for English).
        let earnings = "<MEMOTEC DATA INC> YEAR NET. Shr 81 cts vs 66 cts     Net 5,011,000 vs \
                        2,314,000     Revs 57.3 mln vs 17.6 mln     Note: results include \
                        extraordinary gains of 1,593,000 dlrs or 26 cts a share in 1986 and \
                        451,000 dlrs or 13 cts a share in 1985.  Reuter";
        assert_eq!(detect(earnings), None);
        // Prose with figures is still prose, and French with its accents is French.
        let prose = "The company said net profit rose to 12.5 mln dlrs in 1986 from 9.8 mln \
                     dlrs a year earlier, and that it expected sales of about 300 mln dlrs \
                     this year, helped by the acquisition of two plants in Ohio.";
        assert_eq!(detect(prose).as_deref(), Some("en"));
        let french = "Le gouvernement a annoncé mercredi une série de mesures destinées à \
                      soutenir l'économie, après une année marquée par la hausse des prix.";
        assert_eq!(detect(french).as_deref(), Some("fr"));
    }
}
