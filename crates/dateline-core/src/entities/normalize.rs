//! Key normalisation shared by the alias table, the gazetteers and index filters.

/// Normalises a name into the key used for lookups and index filters.
///
/// The key is Unicode-lowercased, typographic apostrophes and quotes are folded to ASCII
/// (`’` → `'`, `“` → `"`), Unicode hyphens to `-`, common Latin diacritics are folded
/// (`é` → `e`, `ß` → `ss`), internal whitespace is collapsed to one space and the ends are
/// trimmed.
///
/// # Example
/// ```
/// use dateline_core::entities::normalize_key;
///
/// assert_eq!(normalize_key("  Côte d’Ivoire "), "cote d'ivoire");
/// assert_eq!(normalize_key("Islamic\n  State"), "islamic state");
/// ```
pub fn normalize_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalize_into(name, &mut out);
    out
}

/// [`normalize_key`] into a reusable buffer (cleared first).
pub(crate) fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    // Most names are ASCII: whole words copied and lower-cased at once, no char decoding.
    if name.is_ascii() {
        // `char::is_whitespace` on ASCII.
        let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
        let b = name.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if space(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && !space(b[i]) {
                i += 1;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&name[start..i]);
        }
        out.make_ascii_lowercase();
        return;
    }
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for lc in c.to_lowercase() {
            push_folded(lc, out);
        }
    }
}

/// Pushes one lower-case non-ASCII char, folded.
fn push_folded(c: char, out: &mut String) {
    let folded: &str = match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' => "-",
        '\u{0300}'..='\u{036F}' => "", // combining diacritical marks
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::normalize_key;

    #[test]
    fn folds_case_quotes_diacritics_and_space() {
        assert_eq!(normalize_key("Al-Qaida"), "al-qaida");
        assert_eq!(normalize_key("Mosul   Dam"), "mosul dam");
        assert_eq!(normalize_key("São Paulo"), "sao paulo");
        assert_eq!(normalize_key("ÉCOLE"), "ecole");
        assert_eq!(normalize_key("Straße"), "strasse");
        assert_eq!(
            normalize_key("Kurdistan Workers’ Party"),
            "kurdistan workers' party"
        );
        assert_eq!(normalize_key("\u{201C}x\u{201D}"), "\"x\"");
        assert_eq!(normalize_key("al\u{2011}Abadi"), "al-abadi");
        assert_eq!(normalize_key("  "), "");
    }
}
