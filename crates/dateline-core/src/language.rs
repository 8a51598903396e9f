//! Language detection for articles, with [whatlang](https://crates.io/crates/whatlang)
//! (trigram models for 69 languages, no download, no model files).
//!
//! Languages are named by their ISO 639-1 code (`en`, `pt`, `ru`, `ko`, `it`, ...) where one
//! exists, else by whatlang's ISO 639-3 code. Only the first [`SAMPLE_BYTES`] of the title
//! and body are looked at. A text shorter than [`MIN_LETTERS`] letters, or one whatlang finds
//! no language for, gets `None`: an unknown language, which Dateline treats like English.
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
pub const SAMPLE_BYTES: usize = 2048;
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
    let info = whatlang::detect(sample)?;
    Some(code(info.lang()).to_string())
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

/// Whether articles in `language` are stemmed as English: English, and unknown languages.
pub fn is_english(language: Option<&str>) -> bool {
    matches!(language, None | Some("en"))
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
