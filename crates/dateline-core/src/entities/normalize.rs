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

/// Appends [`normalize_key`] of `name` to `out`, after what it holds: several keys built in
/// one buffer, without a `String` each.
///
/// ```
/// use dateline_core::entities::push_key;
///
/// let mut keys = String::from("iraq\n");
/// push_key(" Haider  al-Abadi", &mut keys);
/// assert_eq!(keys, "iraq\nhaider al-abadi");
/// ```
pub fn push_key(name: &str, out: &mut String) {
    KeyWriter::new(out).push(name);
}

/// [`normalize_key`] into a reusable buffer (cleared first).
pub(crate) fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    KeyWriter::new(out).push(name);
}

/// Writes a key piece by piece: pushing `a` then `b` gives the key of `a` followed by `b`,
/// and after each push the buffer ends with the key of the text so far. The extractor keys
/// every prefix of a run this way in one pass.
pub(crate) struct KeyWriter<'a> {
    out: &'a mut String,
    /// Where this key starts in `out`.
    start: usize,
    /// Whitespace was read after the last character written.
    pending_space: bool,
}

impl<'a> KeyWriter<'a> {
    /// A writer appending a key to `out`, after what it holds.
    pub(crate) fn new(out: &'a mut String) -> Self {
        KeyWriter {
            start: out.len(),
            out,
            pending_space: false,
        }
    }

    /// The key so far.
    pub(crate) fn key(&self) -> &str {
        &self.out[self.start..]
    }

    /// Appends the next piece of the name.
    pub(crate) fn push(&mut self, text: &str) {
        if text.is_ascii() {
            // Most names are ASCII: no char decoding, no Unicode tables. Each run of
            // non-space bytes is appended whole and lower-cased in place: `String::push` per
            // byte (a capacity check and a UTF-8 encoding each) was most of the cost.
            let b = text.as_bytes();
            let mut at = 0;
            while at < b.len() {
                if crate::segment::is_ascii_space(b[at]) {
                    self.pending_space = self.out.len() > self.start;
                    at += 1;
                    continue;
                }
                let mut end = at + 1;
                while end < b.len() && !crate::segment::is_ascii_space(b[end]) {
                    end += 1;
                }
                if self.pending_space {
                    self.out.push(' ');
                    self.pending_space = false;
                }
                let from = self.out.len();
                self.out.push_str(&text[at..end]);
                self.out[from..].make_ascii_lowercase();
                at = end;
            }
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = self.out.len() > self.start;
                continue;
            }
            if self.pending_space {
                self.out.push(' ');
                self.pending_space = false;
            }
            if c.is_ascii() {
                self.out.push(c.to_ascii_lowercase());
                continue;
            }
            for lc in c.to_lowercase() {
                push_folded(lc, self.out);
            }
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
