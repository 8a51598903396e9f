//! A page's visible text, one line per block, as text dumps of pages have it (the
//! `html-text` dumps of the article-extraction benchmark): the page title first, then the text
//! of the body with a line break at each block element; scripts, styles and other invisible
//! content left out. Used to find a page's date line where its metadata gives no date
//! ([`super::html`]): a date shown under the headline is a line of this text.
//!
//! One pass over the bytes with no tree: tags are recognised by name only, which is all line
//! breaks need. Markup inside an unclosed comment or script runs to the end of the page.

use memchr::memmem;

/// Elements whose content is never shown.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "select", "textarea",
];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// The visible text of `html`: non-blank lines, whitespace collapsed, joined by `'\n'`.
pub(crate) fn visible_text(html: &str) -> String {
    let b = html.as_bytes();
    let mut raw = String::with_capacity(html.len() / 4);
    let mut i = 0;
    let mut text_from = 0;
    while let Some(lt) = memchr::memchr(b'<', &b[i..]).map(|k| i + k) {
        push_text(&mut raw, &html[text_from..lt]);
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = memmem::find(&rest[4..], b"-->").map_or(b.len(), |k| lt + 4 + k + 3);
            text_from = i;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        // A tag name opens with a letter: `<1` is text, as a browser shows it.
        let name_len = if b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            b[name_start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count()
        } else {
            0
        };
        if name_len == 0 {
            // `a < b`, `<1`, `<!DOCTYPE`, `<?xml`: not an element we read; a `<` of text stays.
            if matches!(b.get(lt + 1), Some(b'!' | b'?')) {
                i = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |k| lt + k + 1);
                text_from = i;
            } else {
                raw.push('<');
                i = lt + 1;
                text_from = i;
            }
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_start + name_len);
        i = end;
        if !closing && HIDDEN.contains(&name.as_str()) {
            // Up to the element's end tag, in any case.
            let close = format!("</{name}");
            i = find_ascii_ci(&b[end..], close.as_bytes())
                .map_or(b.len(), |k| tag_end(b, end + k + close.len()));
        } else if BLOCKS.contains(&name.as_str()) {
            raw.push('\n');
        }
        text_from = i;
    }
    push_text(&mut raw, &html[text_from.min(html.len())..]);
    raw.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Just past the `>` that ends the tag whose attributes start at `from` (quoted values may
/// hold `>`), or the end of the page.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(from) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    b.len()
}

/// Where `needle` (lower-case ASCII) first occurs in `hay` in any ASCII case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Appends text between tags, its character references decoded; line breaks in the source
/// are spaces (only block elements break lines).
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        push_spaced(out, &rest[..amp]);
        let after = &rest[amp + 1..];
        match after
            .find(';')
            .filter(|&k| k <= 10)
            .and_then(|k| decode_reference(&after[..k]).map(|c| (c, k)))
        {
            Some((c, k)) => {
                out.push(c);
                rest = &after[k + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    push_spaced(out, rest);
}

fn push_spaced(out: &mut String, text: &str) {
    out.extend(
        text.chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
}

/// The character a reference (`amp`, `#8211`, `#x2014`) stands for: numeric ones and the
/// named ones dates and headlines use.
fn decode_reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "middot" => '\u{B7}',
        "bull" => '\u{2022}',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201D}',
        "ldquo" => '\u{201C}',
        "hellip" => '\u{2026}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_break_lines_and_hidden_content_is_left_out() {
        let page = "<!DOCTYPE html><html><head><title>Talks open &amp; close</title>\
            <script>var a = '<p>no</p>';</script><style>p{}</style></head><body>\
            <!-- a <div> in a comment --><h1>Talks open</h1>\
            <div class=\"byline\">By <a href=\"/x\">Jo Smith</a> | <time>Nov. 18, 2019</time>\
            </div><P>London&nbsp;is hosting 21&#8211;22 countries.<br>Second line</P>\
            <NOSCRIPT>enable js</NOSCRIPT></body></html>";
        assert_eq!(
            visible_text(page),
            "Talks open & close\nTalks open\nBy Jo Smith | Nov. 18, 2019\n\
             London is hosting 21\u{2013}22 countries.\nSecond line"
        );
    }

    #[test]
    fn stray_markup_never_panics_and_keeps_its_text() {
        for page in [
            "a < b and c > d",
            "<",
            "<p",
            "<script>",
            "x &#xD800; y &amp",
            "<!--",
        ] {
            let _ = visible_text(page);
        }
        assert_eq!(visible_text("a < b"), "a < b");
        assert_eq!(visible_text("<1 in 3"), "<1 in 3");
        assert_eq!(visible_text("x &#xD800; y"), "x &#xD800; y");
    }
}
