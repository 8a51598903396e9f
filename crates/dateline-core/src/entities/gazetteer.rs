//! Embedded word lists (places, given names, common words, titles, organisation head words),
//! built once into hash tables.

// Fx hashing: these maps sit on the per-token path, where SipHash showed in profiles.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::normalize::normalize_key;

const COUNTRIES: &str = include_str!("data/countries.txt");
const CITIES: &str = include_str!("data/cities.txt");
const US_STATES: &str = include_str!("data/us_states.txt");
const PROVINCES: &str = include_str!("data/provinces.txt");
const REGIONS: &str = include_str!("data/regions.txt");
const FIRST_NAMES: &str = include_str!("data/first_names.txt");
const COMMON_WORDS: &str = include_str!("data/common_words.txt");
const DEMONYMS: &str = include_str!("data/demonyms.txt");
const ORG_HEADS: &str = include_str!("data/org_heads.txt");
const TITLES: &str = include_str!("data/titles.txt");
const DEMONYM_PLACES: &str = include_str!("data/demonym_places.txt");
const GEONAMES_CITIES: &str = include_str!("data/geonames_cities.txt");
const COUNTRY_CODES: &str = include_str!("data/country_codes.txt");
const CENSUS_FIRST: &str = include_str!("data/census_first_names.txt");
const CENSUS_SURNAMES: &str = include_str!("data/census_surnames.txt");
const ENGLISH_WORDS: &str = include_str!("data/english_words.txt");
const GIVEN_NAME_WORDS: &str = include_str!("data/given_name_words.txt");
const SURNAME_WORDS: &str = include_str!("data/surname_words.txt");
const TEAM_NICKNAMES: &str = include_str!("data/team_nicknames.txt");

/// Month names (with [`WEEKDAYS`]: never entities).
const MONTHS_FULL: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Weekday names: never entities, and no one's surname after a title (`the Argus Leader
/// Monday`), though they may be after a given name (`Mike Friday`).
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Abbreviated month and weekday names: never a single-word entity.
const MONTHS_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];
/// Name particles kept inside a run when followed by a capitalised word.
pub(crate) const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "dello", "degli", "delle",
    "der", "den", "van", "von", "da", "dal", "do", "dos", "das", "du", "di", "le", "la", "wa",
];
/// Words kept inside a run only when a capitalised word follows.
pub(crate) const CONNECTORS: &[&str] = &["of", "and", "for", "the", "on", "de", "la"];
/// Short all-caps words that are not organisations.
const CAPS_STOP: &[&str] = &[
    "ok", "tv", "ceo", "cfo", "coo", "cto", "gmt", "bst", "est", "edt", "pst", "cet", "utc", "am",
    "pm", "ps", "id", "pc", "cd", "dvd", "fm", "am", "mp", "mps", "mep", "meps", "msp", "msps",
    "qc", "kc", "obe", "mbe", "cbe", "kbe", "vat", "gdp", "gnp", "faq", "usd", "gbp", "eur", "jpy",
    "ipo", "pct", "mln", "bln", "dlrs", "cts", "vs", "shr", "shrs", "net", "qtr", "avg", "revs",
    "oper", "inc", "ltd", "co", "corp", "nil", "note", "dj", "hq", "rip", "lol", "omg", "aka",
    "asap", "diy", "pr", "hr", "it", "ai", "vip", "uk", "us", "i", "ii", "iii", "iv", "vi", "vii",
    "viii", "ix", "xi", "xii", "a", "the", "and", "of", "st", "no", "yes", "new", "said", "mr",
    "dr", "sir", "tel", "fax", "www", "com", "pdf", "url", "sms", "gps", "dna", "hiv", "aids",
    "bc", "ad", "ce", "bce", "mph", "kph", "km", "kg", "lb", "oz", "ft", "mw", "kw", "gw", "mhz",
    "ghz", "nb", "pto", "etc", "ie", "eg",
    // ratings, units, trade and accounting terms (Reuters)
    "uv", "aaa", "aa", "bbb", "bb", "ccc", "cc", "baa", "ba", "caa", "libor", "fob", "cif", "bpd",
    "dlr", "yr", "mths", "wk", "ct", "lbs", "cwt", "fy", "ebit", "eps", "notes", "in", "at", "an",
    "se", "ml", "tx", "xl", "sb", "ab", "cp", "ta", "lng", "lpg", "adr", "cpo", "fifo", "lifo",
    "teu", "ecu", "rsvp", "loc", "lots", "tin", "num", "gen", "cap", "aid", "res", "ss", "mm",
    "md", "pe", "kc", "gp", "dp", "wti", "sdr", "mfn", "ems", "rpt", "dat", "pik", "ft", "upi",
    "reuter", "reute", "reut", "reu", "nyt", "plc", "nv", "sa", "ag",
    // things, not makers (`LED`, `SUV`, `USB`), and words of tables (`STG`, `JLY`, `YEAR`)
    "led", "lcd", "suv", "usb", "gsm", "gprs", "vhs", "rss", "lan", "wlan", "voip", "hdtv", "cpi",
    "ppi", "psbr", "frn", "yen", "stg", "dm", "jly", "jne", "year", "ip", "vmig", "mig",
];

/// One title or honorific: its words (lower case, no trailing dot) and whether it is weak
/// (only a title when a known given name follows).
#[derive(Debug)]
pub(crate) struct Title {
    pub words: Vec<String>,
    pub weak: bool,
}

/// The built-in lists, as hash tables.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// Place key → canonical place name.
    pub places: HashMap<String, &'static str>,
    /// Keys of country names (and their alternates).
    pub countries: HashSet<String>,
    /// Key of a canonical city, US state or province name → the country it is in.
    pub place_countries: HashMap<String, &'static str>,
    /// Keys of the U.S. states' names (and their alternates, and `New York` for `New York
    /// State`).
    pub us_states: HashSet<String>,
    /// Keys of the provinces' and other countries' states' names (and their alternates).
    pub provinces: HashSet<String>,
    /// Canonical country name → the canonical names of the cities, states and provinces in it.
    pub country_places: HashMap<&'static str, Vec<&'static str>>,
    pub first_names: HashSet<String>,
    /// Frequent surnames.
    pub surnames: HashSet<String>,
    /// Lower-case English words (a capitalised sentence-initial one is a common word).
    pub english: HashSet<String>,
    /// Given names that are English words too (`grace`, `miles`), left out of `english`.
    pub given_name_words: HashSet<String>,
    /// Frequent surnames that are English words too (`thatcher`, `baker`).
    pub surname_words: HashSet<String>,
    pub common: HashSet<String>,
    pub demonyms: HashSet<String>,
    /// Demonym key → (canonical demonym, its place).
    pub demonym_places: HashMap<String, (&'static str, &'static str)>,
    pub org_heads: HashSet<String>,
    /// First word of a title → the titles starting with it, longest first.
    pub titles: HashMap<String, Vec<Title>>,
    pub months_full: HashSet<&'static str>,
    pub months_abbr: HashSet<&'static str>,
    pub caps_stop: HashSet<&'static str>,
    /// Key of a team's nickname that is an English word too (`orioles`) → the team and its
    /// league's [`league_bit`].
    pub team_nicknames: HashMap<String, (&'static str, u8)>,
}

/// The bit of a North American major league (`MLB`, `NBA`, `NFL`, `NHL`) in a set of leagues;
/// 0 for any other name.
pub(crate) fn league_bit(league: &str) -> u8 {
    match league {
        "MLB" => 1,
        "NBA" => 2,
        "NFL" => 4,
        "NHL" => 8,
        _ => 0,
    }
}

/// Lines of a list file, without comments and blank lines.
fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whitespace-separated words of a list file.
fn words(src: &'static str) -> impl Iterator<Item = &'static str> {
    lines(src).flat_map(str::split_whitespace)
}

fn add_places(map: &mut HashMap<String, &'static str>, src: &'static str) {
    for line in lines(src) {
        // `Names<TAB>country code` in cities.txt: the names only.
        let names = line.split('\t').next().unwrap_or(line);
        let mut names = names.split('|').map(str::trim).filter(|n| !n.is_empty());
        let Some(canonical) = names.next() else {
            continue;
        };
        for name in std::iter::once(canonical).chain(names) {
            map.entry(normalize_key(name)).or_insert(canonical);
        }
    }
}

/// The title key of a word: lower case without a trailing dot.
pub(crate) fn title_word_key(word: &str) -> String {
    normalize_key(word.trim_end_matches('.'))
}

impl Gazetteer {
    fn build() -> Self {
        let mut places = HashMap::default();
        add_places(&mut places, COUNTRIES);
        let countries: HashSet<String> = places.keys().cloned().collect();
        add_places(&mut places, US_STATES);
        add_places(&mut places, PROVINCES);
        add_places(&mut places, CITIES);
        add_places(&mut places, REGIONS);
        for line in lines(GEONAMES_CITIES) {
            if let Some(name) = line.split('\t').next() {
                let name = name.trim();
                places.entry(normalize_key(name)).or_insert(name);
            }
        }
        let (place_countries, country_places) = place_countries(&countries);
        let set =
            |src: &'static str| -> HashSet<String> { words(src).map(normalize_key).collect() };
        let mut titles: HashMap<String, Vec<Title>> = HashMap::default();
        for line in lines(TITLES) {
            let (body, weak) = match line.strip_suffix('*') {
                Some(b) => (b.trim(), true),
                None => (line, false),
            };
            let words: Vec<String> = body.split_whitespace().map(title_word_key).collect();
            if let Some(first) = words.first().cloned() {
                titles.entry(first).or_default().push(Title { words, weak });
            }
        }
        for list in titles.values_mut() {
            list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        }
        let mut demonym_places = HashMap::default();
        for line in lines(DEMONYM_PLACES) {
            if let Some((d, p)) = line.split_once('|') {
                demonym_places.insert(normalize_key(d.trim()), (d.trim(), p.trim()));
            }
        }
        Gazetteer {
            countries,
            place_countries,
            // `New York State` is also written `New York` after a town (`Albany, New York`).
            us_states: lines(US_STATES)
                .flat_map(|line| line.split('|'))
                .flat_map(|name| {
                    let name = name.trim();
                    [Some(name), name.strip_suffix(" State")]
                })
                .flatten()
                .map(normalize_key)
                .collect(),
            provinces: lines(PROVINCES)
                .flat_map(|line| line.split('\t').next().unwrap_or(line).split('|'))
                .map(|name| normalize_key(name.trim()))
                .collect(),
            country_places,
            demonym_places,
            places,
            first_names: words(FIRST_NAMES)
                .chain(words(CENSUS_FIRST))
                .map(normalize_key)
                .collect(),
            surnames: set(CENSUS_SURNAMES),
            english: lines(ENGLISH_WORDS).map(str::to_string).collect(),
            given_name_words: lines(GIVEN_NAME_WORDS).map(str::to_string).collect(),
            surname_words: lines(SURNAME_WORDS).map(str::to_string).collect(),
            common: set(COMMON_WORDS),
            demonyms: demonyms_with_plurals(),
            org_heads: set(ORG_HEADS),
            titles,
            months_full: MONTHS_FULL.iter().chain(WEEKDAYS).copied().collect(),
            months_abbr: MONTHS_ABBR.iter().copied().collect(),
            caps_stop: CAPS_STOP.iter().copied().collect(),
            team_nicknames: lines(TEAM_NICKNAMES)
                .filter_map(|line| {
                    let mut cols = line.split('\t').map(str::trim);
                    let (league, nickname, team) = (cols.next()?, cols.next()?, cols.next()?);
                    Some((normalize_key(nickname), (team, league_bit(league))))
                })
                .collect(),
        }
    }
}

/// The country of each city (cities.txt, GeoNames' cities), US state and province, by the key
/// of its canonical name, and the other way round. A GeoNames name shared by cities of
/// different countries (`Hamilton`, `Cartagena`) gets none: which one a text means cannot be
/// told from the name. Neither does a name of a country (the extractor's `Georgia` and
/// `Djibouti` are the countries, not the US state and the city).
fn place_countries(
    countries: &HashSet<String>,
) -> (
    HashMap<String, &'static str>,
    HashMap<&'static str, Vec<&'static str>>,
) {
    let names: HashMap<&str, &'static str> = lines(COUNTRY_CODES)
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, name)| (code.trim(), name.trim()))
        .collect();
    // Key → (canonical name, country): the first list to name a place wins, as in `places`.
    let mut found: HashMap<String, (&'static str, Option<&'static str>)> = HashMap::default();
    for line in lines(US_STATES) {
        let state = line.split('|').next().unwrap_or(line).trim();
        found.insert(normalize_key(state), (state, Some("United States")));
    }
    // Provinces before cities: `Quebec` is the province, as `New York` is the state.
    for line in lines(PROVINCES).chain(lines(CITIES)) {
        if let Some((cities, code)) = line.split_once('\t') {
            let city = cities.split('|').next().unwrap_or(cities).trim();
            found
                .entry(normalize_key(city))
                .or_insert((city, names.get(code.trim()).copied()));
        }
    }
    let listed: HashSet<String> = found.keys().cloned().collect();
    for line in lines(GEONAMES_CITIES) {
        if let Some((city, code)) = line.split_once('\t') {
            let (city, key) = (city.trim(), normalize_key(city.trim()));
            if listed.contains(&key) {
                continue;
            }
            let country = names.get(code.trim()).copied();
            found
                .entry(key)
                .and_modify(|(_, c)| {
                    if *c != country {
                        *c = None;
                    }
                })
                .or_insert((city, country));
        }
    }
    let mut by_key = HashMap::default();
    let mut by_country: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
    for (key, (place, country)) in found {
        if countries.contains(&key) {
            continue;
        }
        if let Some(country) = country {
            by_key.insert(key, country);
            by_country.entry(country).or_default().push(place);
        }
    }
    for places in by_country.values_mut() {
        places.sort_unstable();
    }
    (by_key, by_country)
}

/// The country a city, US state or province is in (`Houston` → `United States`, `Mosul` →
/// `Iraq`, `Alberta` → `Canada`), by its name in any case; `None` for a country, a region, an
/// unknown place, or a city name that several countries' cities share.
///
/// # Example
/// ```
/// use dateline_core::entities::place_country;
///
/// assert_eq!(place_country("Houston"), Some("United States"));
/// assert_eq!(place_country("texas"), Some("United States"));
/// assert_eq!(place_country("Mosul"), Some("Iraq"));
/// assert_eq!(place_country("Alberta"), Some("Canada"));
/// assert_eq!(place_country("Iraq"), None);
/// ```
pub fn place_country(place: &str) -> Option<&'static str> {
    gazetteer()
        .place_countries
        .get(&normalize_key(place))
        .copied()
}

/// The canonical name of a country, named by any of the names the gazetteer gives it, in any
/// case (`holland` → `Netherlands`); `None` for anything that is not a country.
///
/// # Example
/// ```
/// use dateline_core::entities::country_named;
///
/// assert_eq!(country_named("holland"), Some("Netherlands"));
/// assert_eq!(country_named("Burma"), Some("Myanmar"));
/// assert_eq!(country_named("Texas"), None);
/// ```
pub fn country_named(name: &str) -> Option<&'static str> {
    let g = gazetteer();
    let key = normalize_key(name);
    g.countries
        .contains(&key)
        .then(|| g.places.get(&key).copied())?
}

/// Every name the gazetteer knows a country by, normalised as [`country_named`] reads names
/// (`holland`), with the country's canonical name (`Netherlands`): for suggestions.
///
/// # Example
/// ```
/// use dateline_core::entities::country_names;
///
/// assert!(country_names().any(|(key, country)| key == "burma" && country == "Myanmar"));
/// ```
pub fn country_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    let g = gazetteer();
    g.countries
        .iter()
        .filter_map(|key| Some((key.as_str(), *g.places.get(key)?)))
}

/// The cities, US states and provinces the gazetteer knows in a country (by its canonical
/// name), as the extractor names them: every place whose [`place_country`] is `country`, in
/// name order.
///
/// # Example
/// ```
/// use dateline_core::entities::places_in;
///
/// assert!(places_in("Iraq").contains(&"Mosul"));
/// assert!(places_in("United States").contains(&"Texas"));
/// assert!(places_in("Atlantis").is_empty());
/// ```
pub fn places_in(country: &str) -> &'static [&'static str] {
    gazetteer()
        .country_places
        .get(country)
        .map_or(&[], Vec::as_slice)
}

/// The country whose people a demonym names (`Iraqi` → `Iraq`, `Americans` → `United States`),
/// any case; `None` for a group of no country (`Arab`, `Sunni`) and for other words.
/// Only the listed demonyms count, not group names built on them (`Bosnian Serb`): a
/// `--country` filter looks for exactly the demonyms [`demonyms_of`] gives.
///
/// # Example
/// ```
/// use dateline_core::entities::demonym_country;
///
/// assert_eq!(demonym_country("Iraqi"), Some("Iraq"));
/// assert_eq!(demonym_country("americans"), Some("United States"));
/// assert_eq!(demonym_country("Arabs"), None);
/// ```
pub fn demonym_country(demonym: &str) -> Option<&'static str> {
    let (_, place) = gazetteer().demonym_places.get(&normalize_key(demonym))?;
    country_named(place)
}

/// The demonyms of a country (by its canonical name) as the extractor names them
/// ([`demonym_canonical`]: `Iraqi`, never `Iraqis`), in name order: every listed demonym whose
/// [`demonym_country`] is `country`.
///
/// # Example
/// ```
/// use dateline_core::entities::demonyms_of;
///
/// assert_eq!(demonyms_of("Iraq"), ["Iraqi"]);
/// assert!(demonyms_of("United Kingdom").contains(&"British".to_string()));
/// assert!(demonyms_of("Atlantis").is_empty());
/// ```
pub fn demonyms_of(country: &str) -> &'static [String] {
    // Apart from the gazetteer: [`demonym_canonical`] reads it, so it cannot be built with it.
    static BY_COUNTRY: OnceLock<HashMap<&'static str, Vec<String>>> = OnceLock::new();
    let by_country = BY_COUNTRY.get_or_init(|| {
        let mut map: HashMap<&'static str, Vec<String>> = HashMap::default();
        for (demonym, place) in gazetteer().demonym_places.values() {
            if let Some(country) = country_named(place) {
                map.entry(country)
                    .or_default()
                    .push(demonym_canonical(demonym));
            }
        }
        for demonyms in map.values_mut() {
            demonyms.sort_unstable();
            demonyms.dedup();
        }
        map
    });
    by_country.get(country).map_or(&[], Vec::as_slice)
}

/// The demonym list with the regular plural of each noun-like entry (`Chechen` → `Chechens`,
/// `Serb` → `Serbs`); adjectives in `-ish`, `-ese`, `-ic` and `-ch` take none.
fn demonyms_with_plurals() -> HashSet<String> {
    let mut out = HashSet::default();
    for w in words(DEMONYMS) {
        let key = normalize_key(w);
        let plural = !["s", "sh", "ch", "ese", "ic", "x", "z"]
            .iter()
            .any(|end| key.ends_with(end))
            && !key.contains('-');
        if plural {
            out.insert(format!("{key}s"));
        }
        out.insert(key);
    }
    out
}

/// The place a demonym or nationality word belongs to (`Iraqi` → `Iraq`, `Britons` →
/// `United Kingdom`), any case; `None` if unknown.
///
/// # Example
/// ```
/// use dateline_core::entities::demonym_place;
///
/// assert_eq!(demonym_place("kurdish"), Some("Kurdistan"));
/// assert_eq!(demonym_place("Sunni"), None);
/// assert_eq!(demonym_place("South African"), Some("South Africa"));
/// ```
pub fn demonym_place(demonym: &str) -> Option<&'static str> {
    let g = gazetteer();
    let key = normalize_key(demonym);
    if let Some((_, p)) = g.demonym_places.get(&key) {
        return Some(p);
    }
    // A group name of several words: `South African` → `South Africa` (a compass word and
    // the place of the last word), `Bosnian Serb` → `Bosnia` (the first word with a place).
    let words: Vec<&str> = key.split(' ').collect();
    let (first, last) = (words.first()?, words.last()?);
    if words.len() < 2 {
        return None;
    }
    let last_place = g.demonym_places.get(*last).map(|(_, p)| *p);
    if let Some(p) = last_place {
        let place_last = normalize_key(p.rsplit(' ').next().unwrap_or(p));
        if let Some(c) = g.places.get(&format!("{first} {place_last}")) {
            return Some(c);
        }
    }
    words
        .iter()
        .find_map(|w| g.demonym_places.get(*w).map(|(_, p)| *p))
}

/// The canonical form of a demonym: the singular when the list has it (`Iraqis` → `Iraqi`),
/// in title case when written in capitals (a headline's `AMERICAN` is `American`). The
/// extractor names demonyms so; a filter by one (`--misc Americans`) looks them up so.
///
/// # Example
/// ```
/// use dateline_core::entities::demonym_canonical;
///
/// assert_eq!(demonym_canonical("Americans"), "American");
/// assert_eq!(demonym_canonical("KURDISH"), "Kurdish");
/// assert_eq!(demonym_canonical("Shia"), "Shia");
/// ```
pub fn demonym_canonical(word: &str) -> String {
    let g = gazetteer();
    let key = normalize_key(word);
    let mut base = word;
    if let Some(stem) = key.strip_suffix('s') {
        if let Some((d, _)) = g.demonym_places.get(stem) {
            return (*d).to_string();
        }
        if g.demonyms.contains(stem) {
            base = &word[..word.len() - 1];
        }
    }
    if base.chars().any(char::is_lowercase) {
        base.to_string()
    } else {
        title_case(base)
    }
}

/// `NEW YORK` → `New York`; initials keep their capitals (`U.S.`, `J.P. MORGAN` → `J.P. Morgan`).
pub(crate) fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if c.is_alphabetic() {
            if start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = c.is_whitespace() || c == '-' || c == '.';
        }
    }
    out
}

/// The built-in list of lower-case English words (SCOWL, American spelling, inflected forms
/// included, at most 14 letters), in byte order, so that the words starting with a prefix are
/// one range of it. Query prefixes (`dateline-index`) check against it which of the words they
/// could stand for exist.
///
/// ```
/// let words = dateline_core::entities::english_words();
/// assert!(words.binary_search(&"running").is_ok());
/// assert!(words.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn english_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    // The file is kept sorted (the doctest checks it), so no sort is needed here.
    WORDS.get_or_init(|| lines(ENGLISH_WORDS).collect())
}

/// Whether the built-in lists know `word`, in any case: an English word (inflected forms
/// included), a given name, a frequent surname, a place or a demonym. A rare word of a corpus
/// that is one of these is taken as spelt right: `dateline-index`'s word suggestions offer
/// another word for a rare one only when this is false.
///
/// ```
/// use dateline_core::entities::known_word;
///
/// assert!(known_word("leeks"));
/// assert!(known_word("Logan"));
/// assert!(known_word("Baghdad"));
/// assert!(!known_word("coutry"));
/// ```
pub fn known_word(word: &str) -> bool {
    let g = gazetteer();
    let key = normalize_key(word);
    g.english.contains(&key)
        || g.first_names.contains(&key)
        || g.surnames.contains(&key)
        || g.places.contains_key(&key)
        || g.demonyms.contains(&key)
}

/// `name` without the titles and honorifics that open it, which the extractor leaves out of a
/// person's name: `Mr. Hammond` is `Hammond`, `Foreign Secretary Philip Hammond` is `Philip
/// Hammond`, whatever their case. A weak title (`Father`, `Miss`) counts only before a known
/// given name. A name that is titles alone, or whose rest opens with a joining word (`Secretary
/// of State`), is returned as it is.
///
/// ```
/// use dateline_core::entities::strip_titles;
///
/// assert_eq!(strip_titles("Foreign Secretary Philip Hammond"), "Philip Hammond");
/// assert_eq!(strip_titles("mr. hammond"), "hammond");
/// assert_eq!(strip_titles("Prime Minister Haider al-Abadi"), "Haider al-Abadi");
/// assert_eq!(strip_titles("Secretary of State"), "Secretary of State");
/// assert_eq!(strip_titles("Father Christmas"), "Father Christmas");
/// ```
pub fn strip_titles(name: &str) -> &str {
    /// Words that join a title to what it is of, not to a name.
    const JOINERS: [&str; 7] = ["of", "for", "to", "and", "the", "on", "at"];
    let g = gazetteer();
    let name = name.trim();
    let mut rest = name;
    loop {
        // Titles run to a few words: the longest is read against this many.
        let words: Vec<&str> = rest.split_whitespace().take(8).collect();
        let Some(titles) = words.first().and_then(|w| g.titles.get(&title_word_key(w))) else {
            break;
        };
        let title = titles.iter().find(|t| {
            t.words.len() < words.len()
                && t.words
                    .iter()
                    .zip(&words)
                    .all(|(title, word)| *title == title_word_key(word))
                && (!t.weak || g.first_names.contains(&normalize_key(words[t.words.len()])))
        });
        let Some(title) = title else {
            break;
        };
        let next = words[title.words.len()];
        if JOINERS.contains(&normalize_key(next).as_str()) {
            return name;
        }
        // `next` is a piece of `rest`: the rest starts where it does.
        rest = &rest[next.as_ptr() as usize - rest.as_ptr() as usize..];
    }
    rest
}

/// The built-in gazetteer, built on first use.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_big_enough_and_folded() {
        let g = gazetteer();
        assert!(g.places.len() > 500, "{}", g.places.len());
        assert!(g.first_names.len() > 600, "{}", g.first_names.len());
        assert!(g.common.len() > 250);
        assert_eq!(g.places.get("raqqa"), Some(&"Raqqa"));
        assert_eq!(g.places.get("burma"), Some(&"Myanmar"));
        assert_eq!(g.places.get("kyiv"), Some(&"Kiev"));
        assert!(g.first_names.contains("haider"));
        assert!(g.demonyms.contains("iraqi"));
        assert!(g
            .titles
            .get("foreign")
            .is_some_and(|t| t[0].words.len() == 2));
        let sec = &g.titles["secretary"];
        assert!(sec[0].words.len() >= sec[sec.len() - 1].words.len());
    }

    #[test]
    fn every_city_has_a_country_the_gazetteer_knows_as_a_country() {
        let g = gazetteer();
        let codes: HashMap<&str, &str> = lines(COUNTRY_CODES)
            .filter_map(|l| l.split_once('\t'))
            .collect();
        for line in lines(CITIES) {
            let (_, code) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("no code: {line}"));
            assert!(codes.contains_key(code), "{line}: unknown code {code}");
        }
        for (code, name) in &codes {
            // A country's name is the canonical name the places table gives it.
            let key = normalize_key(name);
            assert!(g.countries.contains(&key), "{code}: {name} is no country");
            assert_eq!(g.places.get(&key), Some(name), "{code}");
        }
        assert!(
            g.place_countries.len() > 4_000,
            "{}",
            g.place_countries.len()
        );
        assert_eq!(place_country("Kirkuk"), Some("Iraq"));
        assert_eq!(place_country("Erbil"), Some("Iraq"));
        assert_eq!(place_country("Davos"), Some("Switzerland"));
        assert_eq!(place_country("California"), Some("United States"));
        assert_eq!(place_country("Aachen"), Some("Germany"));
        // Two countries' cities: no country rather than a guess.
        assert_eq!(place_country("Hamilton"), None);
        // A country's name is the country's, not a state's or a city's.
        assert_eq!(place_country("Georgia"), None);
        assert_eq!(place_country("Djibouti"), None);
        assert_eq!(place_country("Middle East"), None);
    }
}
