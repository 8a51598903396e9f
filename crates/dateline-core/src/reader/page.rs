//! Finding the article inside a whole scraped page dumped to text (menus, teasers, footers,
//! comments around it), from what the text still shows.
//!
//! 1. Each non-blank line gets a score: sentence-like lines (several words, a final `.`, `!`,
//!    `?`, `…`, closing quote or bracket) and long lines count for their length in words;
//!    medium lines without final punctuation count for little, or against when they hold few
//!    stop words (headlines of teasers, not prose); short lines (menus, buttons) count
//!    against; lines the corpus shows to be boilerplate ([`BoilerplateModel`]) and well-known
//!    junk (`Advertisement`, `Share this:`, cookie notices, ...) count strongly against.
//!    With a model, a line found in just one other file counts as boilerplate too (two pages
//!    of one site share their menus, sidebars, teasers and footer, never their article),
//!    unless most of the page's prose is found elsewhere: then the page is a copy of another
//!    file and the shared lines are its article.
//!    A run of lines that count against, one below the other (no blank line between: a
//!    dumped menu, tag list or list of links), costs more than its lines apart: the k-th line counts 2k − 1
//!    times, so n lines cost as much as n² (a blank-separated list inside an article does not
//!    pay this).
//! 2. The body is the run of lines with the highest total score (maximum-sum segment), so
//!    a region of prose wins over menus, and a short junk line inside the prose does not split
//!    it.
//!    When the page's title (whole, or without its site name) occurs again as a whole line
//!    inside that run, and at least half
//!    of the run's score lies after it, the run starts there: what precedes the article's
//!    headline is teasers or menus.
//! 3. The title is the page's own title line (the first line of the dump, without a site
//!    suffix such as ` - WSJ` or `| Reuters`) where it occurs again as a headline near the
//!    body, or the headline-like line just above the body; the date is the date line nearest
//!    to that headline ([`parse_date`] on the whole line or on its `|`/`•`-separated parts).
//! 4. In the body, junk lines and copies of the title are dropped, and short unpunctuated
//!    lines at either end (tags, share buttons, a gallery's `1 / 8`) are cut.
//!
//! The work is linear in the number of lines.

use chrono::{DateTime, Utc};

use crate::date::{find_date_in, parse_date};
use crate::reader::boilerplate::BoilerplateModel;

/// Lines without final punctuation count towards the body from this many words on.
const LONG_LINE_WORDS: f32 = 25.0;
/// Sentence-like lines need at least this many words.
const SENTENCE_WORDS: f32 = 6.0;
/// How far (in non-blank lines) before the body a headline or date line is looked for.
const HEAD_WINDOW: usize = 25;
/// A run below a headline is preferred to the best run when it scores at least this share.
const ANCHORED_SHARE: f32 = 0.3;

/// A line in this many files (this page's and another) is the site's, not the article's,
/// unless the page is a copy of another (see [`mostly_shared`]). The model's own rule (3
/// stories, a story's copies and versions counting once) needs no page; here the page is at
/// hand.
const SHARED_FILES: u32 = 2;

/// What was found in a page.
#[derive(Debug, Default)]
pub(crate) struct PageArticle {
    pub title: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub body: String,
}

/// A non-blank line and what is known about it.
#[derive(Debug)]
struct Line<'a> {
    /// Index in the page's lines (blank lines included).
    idx: usize,
    text: &'a str,
    words: f32,
    score: f32,
    junk: bool,
}

/// Whether `lines` look like a whole page rather than a clean article: many lines, a good
/// share of which are short and unpunctuated (menus).
pub(crate) fn looks_like_page(lines: &[&str]) -> bool {
    let mut total = 0usize;
    let mut short = 0usize;
    for l in lines.iter().filter(|l| !l.is_empty()) {
        total += 1;
        if word_weight(l) < SENTENCE_WORDS && !ends_sentence(l) {
            short += 1;
        }
    }
    total >= 40 && short * 10 >= total * 3
}

/// Extracts title, date and body from a page's (trimmed) lines.
pub(crate) fn extract(lines: &[&str], model: Option<&BoilerplateModel>) -> PageArticle {
    let shared_ok = model.is_some_and(|m| !mostly_shared(lines, m));
    let mut feats: Vec<Line<'_>> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(idx, &text)| {
            let learned = model.is_some_and(|m| {
                m.is_boilerplate(text) || shared_ok && m.count(text) >= SHARED_FILES
            });
            line_features(idx, text, learned)
        })
        .collect();
    if feats.is_empty() {
        return PageArticle::default();
    }
    penalise_runs(&mut feats);

    // Title candidates from the page title (first line).
    let variants = title_variants(feats[0].text);

    // The best segment, or the best one starting just below a headline when that one is not
    // much weaker (the article follows its headline; comments further down may be longer).
    let (mut s, mut e, best) = best_segment(&feats, 0..feats.len());
    let titles: Vec<usize> = (1..feats.len())
        .filter(|&i| matches_title(feats[i].text, &variants))
        .collect();
    let anchored = titles.iter().any(|&t| t < s && s <= t + HEAD_WINDOW);
    if !anchored {
        let candidate = titles
            .iter()
            .map(|&t| best_segment(&feats, t + 1..(t + 1 + HEAD_WINDOW).min(feats.len())))
            .max_by(|a, b| a.2.total_cmp(&b.2));
        if let Some((s2, e2, score)) = candidate {
            if score >= best * ANCHORED_SHARE {
                (s, e) = (s2, e2);
            }
        }
    }

    // The page's headline inside the run: what comes before it (teasers, menus) is not the
    // article, when the run after it still holds most of the run's score (a gallery caption
    // repeating the headline late in the article does not cut it).
    let total: f32 = feats[s..=e].iter().map(|f| f.score).sum();
    let mut rest = total;
    for (i, f) in feats.iter().enumerate().take(e).skip(s) {
        if rest * 2.0 < total {
            break;
        }
        if is_title(f.text, &variants) {
            s = i;
            break;
        }
        rest -= f.score;
    }

    // A headline occurrence just before the body (or as its first line).
    let lo = s.saturating_sub(HEAD_WINDOW);
    let mut title_pos = (lo.max(1)..=s.min(feats.len() - 1))
        .rev()
        .find(|&i| matches_title(feats[i].text, &variants));
    if title_pos == Some(s) {
        s += 1;
    }
    if title_pos.is_none() {
        // Anywhere before the body, the last headline occurrence.
        title_pos = (1..s)
            .rev()
            .find(|&i| matches_title(feats[i].text, &variants));
    }
    let title = match title_pos {
        Some(i) => Some(feats[i].text.to_string()),
        None => variants.first().cloned(),
    }
    .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
    .filter(|t| !t.is_empty() && t.chars().count() <= 300);

    // The date line nearest to the headline (or to the body start), preferring lines after
    // the headline.
    let anchor = title_pos.unwrap_or(s);
    let published = find_date(&feats, anchor, s.max(anchor), e);

    // The body.
    // Short unpunctuated lines at either end (gallery counters, tags, buttons) are cut.
    let stray = |f: &Line<'_>| f.junk || f.words < 4.0 && !ends_sentence(f.text);
    let mut end = e;
    while end > s && stray(&feats[end]) {
        end -= 1;
    }
    while s < end && stray(&feats[s]) {
        s += 1;
    }
    let mut body = String::new();
    let mut prev_idx = None;
    for f in feats.iter().take(end + 1).skip(s) {
        if f.junk || title.as_deref() == Some(f.text) {
            continue;
        }
        if !body.is_empty() {
            // Lines separated by a blank line are paragraphs; adjacent lines join.
            let sep = if prev_idx.is_some_and(|p| f.idx == p + 1) {
                " "
            } else {
                "\n\n"
            };
            body.push_str(sep);
        }
        body.push_str(f.text);
        prev_idx = Some(f.idx);
    }
    PageArticle {
        title,
        published,
        body,
    }
}

/// The maximum-sum run of line scores (inclusive bounds, in `feats` indices) among runs
/// starting in `starts`, with its score.
fn best_segment(feats: &[Line<'_>], starts: std::ops::Range<usize>) -> (usize, usize, f32) {
    let (mut best, mut best_s, mut best_e) = (f32::MIN, starts.start, starts.start);
    let (mut cur, mut cur_s) = (0f32, starts.start);
    for (i, f) in feats.iter().enumerate().skip(starts.start) {
        if cur <= 0.0 && i < starts.end {
            cur = 0.0;
            cur_s = i;
        }
        cur += f.score;
        if cur > best {
            best = cur;
            best_s = cur_s;
            best_e = i;
        }
    }
    // Do not start on a negative line.
    while best_s < best_e && feats[best_s].score <= 0.0 {
        best_s += 1;
    }
    (best_s, best_e.min(feats.len().saturating_sub(1)), best)
}

/// Whether most of the page's prose occurs in other files too: then the page is a copy of
/// another (the same article scraped twice), and lines it shares say nothing about the site.
fn mostly_shared(lines: &[&str], model: &BoilerplateModel) -> bool {
    let (mut prose, mut shared) = (0f32, 0f32);
    for l in lines.iter().filter(|l| is_prose(l)) {
        let words = word_weight(l);
        prose += words;
        if model.count(l) >= SHARED_FILES {
            shared += words;
        }
    }
    shared * 2.0 > prose
}

/// Whether a line is prose: a sentence of several words, or a long line (not a menu, a
/// headline or a button).
pub(crate) fn is_prose(text: &str) -> bool {
    let words = if ends_sentence(text) {
        SENTENCE_WORDS
    } else {
        LONG_LINE_WORDS
    };
    has_words(text, words)
}

/// Whether `text` weighs at least `n` words ([`word_weight`]); reads no further than that.
fn has_words(text: &str, n: f32) -> bool {
    // In halves of a word, as a CJK character counts half.
    let need = 2 * n as u32;
    let (mut halves, mut in_word) = (0u32, false);
    // Byte by byte while the text is ASCII: no char decoding, and no pass over the whole line.
    let mut rest = "";
    for (i, b) in text.bytes().enumerate() {
        if !b.is_ascii() {
            rest = &text[i..];
            break;
        }
        let alnum = b.is_ascii_alphanumeric();
        if alnum && !in_word {
            halves += 2;
            if halves >= need {
                return true;
            }
        }
        in_word = alnum;
    }
    for c in rest.chars() {
        if is_cjk(c) {
            halves += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            halves += u32::from(!in_word) * 2;
            in_word = true;
        } else {
            in_word = false;
            continue;
        }
        if halves >= need {
            return true;
        }
    }
    false
}

/// Makes runs of adjacent short or headline-like lines (no blank line between, as a dumped
/// menu, tag list or link list comes out) cost more than the sum of their lines: the k-th
/// line of a run counts 2k − 1 times, so a run of n lines costs n² lines. Lists inside an
/// article are usually one item per paragraph (blank lines between), and a single short line
/// (a subheading, a photo credit) still costs little.
fn penalise_runs(feats: &mut [Line<'_>]) {
    let mut run = 0f32;
    let mut prev = None;
    for f in feats.iter_mut() {
        if prev.is_none_or(|p: usize| f.idx != p + 1) {
            run = 0.0;
        }
        prev = Some(f.idx);
        // Lines against the article, but not end markers (already far below).
        if f.score < 0.0 && f.score > -10.0 {
            f.score *= 1.0 + 2.0 * run;
            run += 1.0;
        } else {
            run = 0.0;
        }
    }
}

fn line_features<'a>(idx: usize, text: &'a str, learned: bool) -> Line<'a> {
    let words = word_weight(text);
    let junk = is_junk(text) || learned;
    let sentence = ends_sentence(text);
    let score = if is_end_marker(text) {
        if is_soft_marker(text) {
            -40.0
        } else {
            HARD_STOP
        }
    } else if junk {
        -(words.max(4.0))
    } else if sentence && words >= SENTENCE_WORDS {
        words
    } else if words >= LONG_LINE_WORDS {
        words * 0.8
    } else if words >= 8.0 {
        if stop_ratio(text) >= 0.2 {
            words * 0.3
        } else {
            -3.0
        }
    } else {
        -2.5
    };
    Line {
        idx,
        text,
        words,
        score,
        junk,
    }
}

/// Length in words; in scripts written without spaces, two characters count as a word.
fn word_weight(text: &str) -> f32 {
    if text.is_ascii() {
        // No char decoding; ASCII has no CJK.
        let (mut w, mut in_word) = (0u32, false);
        for b in text.bytes() {
            let alnum = b.is_ascii_alphanumeric();
            w += u32::from(alnum && !in_word);
            in_word = alnum;
        }
        return w as f32;
    }
    let mut w = 0f32;
    let mut in_word = false;
    let mut cjk = 0u32;
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                w += 1.0;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    w + cjk as f32 / 2.0
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Ends like a sentence: `.`, `!`, `?`, `…`, `。`, possibly inside closing quotes/brackets.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';'])
        && !t.ends_with("...")
        && !text.ends_with(':')
}

/// Frequent function words of the languages in the data (English, Portuguese, Spanish,
/// Italian, French, German, Indonesian, Russian).
const STOP_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as",
    "he", "she", "at", "by", "from", "his", "her", "have", "has", "are", "were", "be", "this",
    "an", "not", "but", "they", "said", "which", "who", "will", "would", "their", "been", "or",
    "de", "que", "o", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se",
    "na", "por", "el", "la", "los", "las", "en", "y", "del", "di", "che", "il", "per", "un", "non",
    "della", "è", "con", "le", "et", "les", "des", "est", "der", "die", "und", "das", "ist",
    "nicht", "mit", "den", "von", "zu", "yang", "dan", "di", "ini", "itu", "dengan", "untuk",
    "dari", "dalam", "и", "в", "не", "на", "что", "с", "по", "это", "как", "к", "из",
];

fn stop_ratio(text: &str) -> f32 {
    let (mut n, mut stop) = (0u32, 0u32);
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        n += 1;
        let lw = w.to_lowercase();
        if STOP_WORDS.contains(&lw.as_str()) {
            stop += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        stop as f32 / n as f32
    }
}

/// Well-known junk lines of news pages (compared in lower case).
const JUNK_EXACT: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "story continues below advertisement",
    "continue reading below",
    "continue reading the main story",
    "share this:",
    "share this",
    "share",
    "like this:",
    "related",
    "related:",
    "related articles",
    "related stories",
    "read more",
    "read more:",
    "tweet",
    "email",
    "print",
    "comments",
    "facebook",
    "twitter",
    "linkedin",
    "pinterest",
    "whatsapp",
    "reddit",
    "tumblr",
    "image",
    "photo",
    "close",
    "menu",
    "iklan",
];

/// Prefixes of junk lines (compared in lower case).
const JUNK_PREFIXES: &[&str] = &[
    "image copyright",
    "image caption",
    "media caption",
    "getty images",
    "photo:",
    "photo credit",
    "(photo",
    "copyright ©",
    "© ",
    "all rights reserved",
    "follow us",
    "sign up for",
    "subscribe to",
    "click here to",
    "we use cookies",
    "this site uses cookies",
    "by using this site",
    "read more:",
    "related:",
    "see also:",
    "tags:",
    "filed under",
    "posted in",
    "share on",
];

/// Lines that end an article: what follows is comments, related stories or the footer
/// (compared in lower case, as prefixes, on lines of at most 8 words).
const END_MARKERS: &[&str] = &[
    "most popular",
    "most read",
    "most viewed",
    "most shared",
    "related",
    "you may also",
    "you might also",
    "you may like",
    "more from",
    "more stories",
    "more in ",
    "more on ",
    "recommended",
    "trending",
    "on our radar",
    "share this",
    "share on",
    "share via",
    "sharing is caring",
    "tags",
    "topics",
    "in this article",
    "filed under",
    "posted in",
    "categories:",
    "comments",
    "view comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "join the conversation",
    "view the discussion",
    "top rated comments",
    "previous post",
    "next post",
    "« previous",
    "previous article",
    "next article",
    "next up in",
    "about the author",
    "about this article",
    "sign up for",
    "newsletter",
    "read next",
    "what to read next",
    "don't miss",
    "latest news",
    "popular on",
    "sponsored",
    "materiały",
    "материалы по теме",
    "вам также может быть интересно",
    "читайте также",
    "você pode gostar",
    "leia também",
    "veja também",
    "weitere beiträge",
    "das könnte sie auch interessieren",
    "leggi anche",
    "potrebbe interessarti",
    "artikel terkait",
    "baca juga",
    "関連記事",
    "関連ニュース",
    "관련기사",
    "관련 기사",
];

/// Whether the line ends the article (see [`END_MARKERS`]); also comment headers such as
/// `Jane on May 3, 2019 at 4:47 pm said:`.
fn is_end_marker(text: &str) -> bool {
    if text.len() > 150 {
        return false;
    }
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(['»', '-', '–', '•', '*', '#', ' ']);
    if lower.ends_with(" said:") || lower.ends_with(" says:") || lower.ends_with(" comments") {
        return true;
    }
    word_weight(lower) <= 8.0 && END_MARKERS.iter().any(|m| lower.starts_with(m))
}

/// End markers that also occur inside articles (links to related stories): they count
/// strongly against, but a long article goes on past them.
const SOFT_MARKERS: &[&str] = &[
    "related",
    "more on ",
    "more in ",
    "sponsored",
    "newsletter",
    "sign up for",
    "latest news",
    "trending",
    "recommended",
    "don't miss",
    "most read",
    "more from",
    "leggi anche",
    "share this article",
    "share this information",
];

/// Score of a line no body runs across (comments, tags, share buttons follow).
const HARD_STOP: f32 = -1.0e6;

fn is_soft_marker(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(['»', '-', '–', '•', '*', '#', ' ']);
    lower.ends_with(" comments") || SOFT_MARKERS.iter().any(|m| lower.starts_with(m))
}

fn is_junk(text: &str) -> bool {
    if text.len() > 120 {
        return false;
    }
    let lower = text.to_lowercase();
    JUNK_EXACT.contains(&lower.as_str()) || JUNK_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// The page title and the parts of it that may be the headline (site name removed).
fn title_variants(first: &str) -> Vec<String> {
    let first = first.trim();
    let mut out = Vec::new();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "] {
        if let Some(i) = first.rfind(sep) {
            let head = first[..i].trim();
            if word_weight(head) >= 2.0 {
                out.push(head.to_string());
            }
        }
        if let Some(i) = first.find(sep) {
            let head = first[..i].trim();
            if word_weight(head) >= 2.0 {
                out.push(head.to_string());
            }
            let tail = first[i + sep.len()..].trim();
            if word_weight(tail) >= 3.0 {
                out.push(tail.to_string());
            }
        }
    }
    // Longest first: the most specific headline.
    out.sort_by_key(|v| std::cmp::Reverse(v.len()));
    out.dedup();
    out.push(first.to_string());
    out
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn matches_title(line: &str, variants: &[String]) -> bool {
    if line.len() > 400 || word_weight(line) < 2.0 {
        return false;
    }
    let l = normalise(line);
    variants.iter().any(|v| {
        let v = normalise(v);
        l == v || (v.len() >= 20 && (l.starts_with(&v) || v.starts_with(&l) && l.len() >= 20))
    })
}

/// Whether the line is one of the title variants exactly (case and spacing aside).
fn is_title(line: &str, variants: &[String]) -> bool {
    line.len() <= 400 && {
        let l = normalise(line);
        variants.iter().any(|v| normalise(v) == l)
    }
}

/// The date of a line, whole or in one of its `|`, `•`, `·` or `,`-free parts, else the first
/// date inside it ([`find_date_in`]: `Written by Rachael Link, MS, RD on November 14, 2019`).
fn line_date(text: &str) -> Option<DateTime<Utc>> {
    if text.len() > 200 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(d) = parse_date(text) {
        return Some(d.instant);
    }
    for part in text.split(['|', '•', '·', '\u{2022}']) {
        let part = part.trim();
        if let Some(d) = parse_date(part) {
            return Some(d.instant);
        }
        // "Updated : 19 November 2019, 09:01 AM", "Published 11:34 PM EST Nov 19, 2019"
        for (i, _) in part.match_indices([':', ' ']).take(8) {
            if let Some(d) = parse_date(part[i + 1..].trim()) {
                return Some(d.instant);
            }
        }
        // "... by Joe Rossignol": text after the date.
        if let Some(i) = part.find(" by ") {
            if let Some(d) = parse_date(part[..i].trim()) {
                return Some(d.instant);
            }
        }
    }
    // A byline or a dateline, not a sentence: captions and teasers near the headline name the
    // dates of what they show (`In this Sunday, Nov. 10, 2019, photograph, ...`).
    if text.split_whitespace().nth(MAX_DATED_LINE_WORDS).is_some() {
        return None;
    }
    find_date_in(text).map(|d| d.instant)
}

/// The most words of a line that [`line_date`] searches for a date inside. On the 181 pages of
/// the article-extraction benchmark, 14 to 20 give the same dates within three pages (BENCHMARKS.md,
/// Reading); with no limit, photo captions add four wrong dates.
const MAX_DATED_LINE_WORDS: usize = 16;

/// The date nearest the headline at `anchor`: first in the lines after it up to a little into
/// the body, then above it, then anywhere in the page.
fn find_date(feats: &[Line<'_>], anchor: usize, body: usize, end: usize) -> Option<DateTime<Utc>> {
    let after = anchor..(body + 6).min(end + 1).min(feats.len());
    let before = (anchor.saturating_sub(HEAD_WINDOW)..anchor).rev();
    after
        .chain(before)
        .chain(0..feats.len())
        .find_map(|i| line_date(feats[i].text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of a site: a menu, the article `n`, then a footer teaser.
    fn site_page(n: usize) -> String {
        let menu: String = (0..30).map(|i| format!("Section {i}\n")).collect();
        let article: String = (0..6)
            .map(|p| format!("\nParagraph {p} of story {n} tells what happened there in full sentences today.\n"))
            .collect();
        format!("Story {n} - Site\n\n{menu}\nStory {n}\n{article}\nOur newsletter brings the best stories of the week to your inbox every single morning.\n\nAbout us\n")
    }

    /// The body of site page 1 read with a model of the given site pages.
    fn read_first(model_pages: [usize; 2]) -> String {
        let mut model = BoilerplateModel::new();
        for n in model_pages {
            model.add_text(&site_page(n));
        }
        let text = site_page(1);
        let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
        assert!(looks_like_page(&lines));
        extract(&lines, Some(&model)).body
    }

    #[test]
    fn lines_shared_with_one_other_page_are_boilerplate() {
        let body = read_first([1, 2]);
        assert!(body.starts_with("Paragraph 0 of story 1"), "{body}");
        assert!(!body.contains("newsletter"), "{body}");
    }

    #[test]
    fn a_run_of_adjacent_short_lines_ends_the_article() {
        let article: String = (0..6)
            .map(|p| {
                format!("Paragraph {p} tells what happened there in full sentences today.\n\n")
            })
            .collect();
        let menu: String = (0..40).map(|i| format!("Section {i}\n")).collect();
        let tags = "Politics\nChina\nHong Kong\nProtests\nBeijing\nXi Jinping\n";
        let teaser = "\nAnother story is told here, in a sentence of twenty words or so, to tempt the reader further.\n";
        let text = format!("Story - Site\n{menu}\n{article}{tags}{teaser}\nAbout us\n");
        let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
        let body = extract(&lines, None).body;
        assert!(
            body.ends_with("Paragraph 5 tells what happened there in full sentences today."),
            "{body}"
        );
    }

    #[test]
    fn a_copy_of_a_page_keeps_its_article() {
        let body = read_first([1, 1]);
        assert!(body.starts_with("Paragraph 0 of story 1"), "{body}");
        assert!(body.contains("Paragraph 5 of story 1"), "{body}");
    }

    #[test]
    fn title_variants_strip_site_names() {
        let v = title_variants("Big rocket news - SpaceNews.com");
        assert_eq!(v[0], "Big rocket news");
    }

    #[test]
    fn dates_inside_lines() {
        assert!(
            line_date("New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM")
                .is_some()
        );
        assert!(line_date("Monday November 18, 2019 7:45 am PST by Joe Rossignol").is_some());
        let day = |line: &str| line_date(line).map(|d| d.format("%Y-%m-%d %H:%M").to_string());
        assert_eq!(
            day("Written by Rachael Link, MS, RD on November 14, 2019").as_deref(),
            Some("2019-11-14 00:00")
        );
        assert_eq!(
            day("By Jason Cipriani | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Hardware")
                .as_deref(),
            Some("2019-11-18 19:14")
        );
        assert_eq!(
            day("Carlos Nadalim 27/09/2018 2 comentários Alfabetização, Atividades").as_deref(),
            Some("2018-09-27 00:00")
        );
        // A caption is a sentence, about what the photograph shows.
        assert_eq!(
            day(
                "In this Sunday, Nov. 10, 2019, photograph, a long row of unsold E-Pace \
                 sports-utility vehicles sits at a Jaguar dealership in Littleton, Colo."
            ),
            None
        );
    }
}
