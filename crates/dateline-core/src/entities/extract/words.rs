//! The word lists the rules read, and legal forms.

use super::tokens::*;
use crate::entities::normalize::normalize_key;

/// Words that, besides [`COMPASS_POINTS`], make one group name with a demonym (`Central
/// Asian`, `Upper Silesian`).
pub(super) const REGION_WORDS: &[&str] = &["central", "upper", "lower"];
/// Last words of a league or its divisions (`National League`, `Western Division`): events
/// and groupings rather than organisations.
pub(super) const LEAGUE_HEADS: &[&str] = &["league", "division", "conference"];
/// First words of such a league besides demonyms and compass words.
pub(super) const LEAGUE_FIRSTS: &[&str] = &["national", "major", "premier", "minor"];
/// Verbs of speech after (or `said` before) a lone name that mark it as a person.
pub(super) const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "replied",
    "wrote",
    "admitted",
    "insisted",
    "declared",
    "stated",
    "explained",
    "recalled",
    "warned",
];
/// Nouns for kinds of place: `the village of Jumet`, `Anhui province`, `Stansted airport`.
pub(super) const PLACE_NOUNS: &[&str] = &[
    "village",
    "villages",
    "town",
    "towns",
    "city",
    "cities",
    "province",
    "provinces",
    "region",
    "state",
    "district",
    "island",
    "islands",
    "county",
    "port",
    "resort",
    "airport",
    "suburb",
    "enclave",
    "municipality",
    "prefecture",
    "valley",
    "river",
    "republic",
    "capital",
    "area",
];
/// Lower-case words after a name no dictionary has that make it a place's (`the Salang tunnel`,
/// `the Newbury bypass`, `the Heidrun oilfield`); a word of the dictionary before them is a
/// word (`the Federal highway program`).
pub(super) const ROUTE_NOUNS: &[&str] = &["highway", "motorway", "bypass", "tunnel", "oilfield"];
/// Lower-case words after the name of a grade of oil (`Brent crude`, `Forties blend`).
pub(super) const GRADE_NOUNS: &[&str] = &["crude", "crudes", "blend"];
/// Nouns after an unknown word that make it the name of an accord (`the Louvre accord`).
/// Not `agreement`: firms make them (`the Amoco agreement`).
pub(super) const ACCORD_NOUNS: &[&str] = &["accord", "accords", "pact", "treaty"];
/// Lower-case words after the name of a scale (`Richter scale`) or of a rate (`Lombard rate`):
/// MISC, when the name is no English word (`Dollar rate`, `Floating rate` are words).
pub(super) const MEASURE_NOUNS: &[&str] = &["scale", "rate", "rates"];
/// Nouns before a single name that make it a firm's (`research firm Gartner`, `chipmaker
/// Intel`).
pub(super) const FIRM_NOUNS: &[&str] = &[
    "firm",
    "company",
    "group",
    "giant",
    "maker",
    "chipmaker",
    "carmaker",
    "retailer",
    "carrier",
    "airline",
    "insurer",
    "bank",
    "broker",
    "brokerage",
    "conglomerate",
    "consultancy",
    "publisher",
    "manufacturer",
    "supplier",
    "operator",
    "chain",
    "subsidiary",
    "affiliate",
    "unit",
    "lender",
    "utility",
    "regulator",
    "watchdog",
    "startup",
    "label",
    "studio",
    // What publishes or counts (`the party daily Pravda`, `the statistics office Eurostat`).
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "broadcaster",
    "agency",
    "institute",
    "office",
];
/// What is held of a firm (`shares of Taft`, `a stake in Fichtel`): the name after `of` or
/// `in` is the firm's, not a person's or a place's.
pub(super) const STAKE_NOUNS: &[&str] = &[
    "stake",
    "stakes",
    "shares",
    "shareholding",
    "holding",
    "holdings",
    "shareholders",
    "stockholders",
];
/// A club's players and staff, named after the club (`Newcastle boss`); before a name, the
/// name is a person's (`striker Crespo`).
pub(super) const CLUB_PLAYERS: &[&str] = &[
    "boss",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "forward",
    "skipper",
];
/// A club's followers, named after the club (`Liverpool fans`).
pub(super) const CLUB_FOLLOWERS: &[&str] = &["fans", "supporters"];
/// Callings before a person's name (`singer Jamelia`, `Rapper Eminem`), with [`CLUB_PLAYERS`].
pub(super) const CALLINGS: &[&str] = &[
    "rapper",
    "singer",
    "songwriter",
    "actor",
    "actress",
    "comedian",
    "presenter",
    "novelist",
    "author",
    "writer",
    "poet",
    "playwright",
    "screenwriter",
    "film-maker",
    "filmmaker",
    "director",
    "artist",
    "painter",
    "sculptor",
    "chef",
    "dancer",
    "musician",
    "guitarist",
    "drummer",
    "bassist",
    "frontman",
    "vocalist",
    "composer",
    "conductor",
    "pianist",
    "violinist",
    "star",
    "superstar",
    "full-back",
    "fly-half",
    "scrum-half",
    "flanker",
    "hooker",
    "prop",
    "centre",
    "batsman",
    "bowler",
    "spinner",
    "all-rounder",
    "wicketkeeper",
    "boxer",
    "jockey",
    "golfer",
    "cyclist",
    "sprinter",
    "hurdler",
    "athlete",
    "swimmer",
    "skier",
    "finalist",
    "animator",
    "scorer",
    "semifinalist",
    "semi-finalist",
    "teenager",
    "businessman",
    "businesswoman",
    "tycoon",
    "billionaire",
    "millionaire",
    "entrepreneur",
    "lawyer",
    "barrister",
    "solicitor",
    "economist",
    "spokesman",
    "spokeswoman",
    "colleague",
    "journalist",
    "photographer",
    "accountant",
    "reliever",
    "pitcher",
    "catcher",
    "shortstop",
    "outfielder",
    "infielder",
    "left-back",
    "right-back",
    "centre-back",
    "sweeper",
    "compatriot",
    "countryman",
    "team-mate",
    "teammate",
    "runner-up",
    "pharaoh",
];
/// Kin before a person's name (`his wife Ffion`, `his brother Gerd`), in lower case only
/// (`Wife Swap` is a show).
pub(super) const KIN: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "father",
    "mother",
    "girlfriend",
    "boyfriend",
    "widow",
    "cousin",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "sister",
    "twin",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "stepson",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "fiancee",
    "fiance",
    "fiancée",
    "fiancé",
];
/// Kinds of work whose title may follow them (`the film Vera Drake`).
pub(super) const WORK_NOUNS: &[&str] = &[
    "film",
    "films",
    "movie",
    "biopic",
    "musical",
    "album",
    "novel",
    "sitcom",
    "documentary",
    "opera",
    "song",
    "thriller",
    "drama",
    "comedy",
];
/// Kinds of vessel before a vessel's name (`the warship Vinson`, `the space shuttle
/// Atlantis`); an aircraft carrier's is read apart, a carrier alone being an airline as often.
pub(super) const VESSEL_NOUNS: &[&str] = &[
    "warship",
    "warships",
    "battleship",
    "frigate",
    "destroyer",
    "submarine",
    "cruiser",
    "liner",
    "tanker",
    "freighter",
    "ferry",
    "yacht",
    "shuttle",
    "spacecraft",
    "probe",
];
/// Nouns for brokers and banks before a firm of partners (`stockbrokers Phillips and Drew`).
pub(super) const BROKERS: &[&str] = &[
    "house",
    "stockbrokers",
    "brokers",
    "bankers",
    "banker",
    "partners",
];
/// Nouns after a single name that make it the pollster's (`a Harris poll`, `the Gallup
/// organisation`), not a person.
pub(super) const POLL_NOUNS: &[&str] = &["poll", "polls", "survey", "organisation", "organization"];
/// Time-zone abbreviations (`0900 GMT`).
pub(super) const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "bst",
    "hst", "akst", "akdt", "ist", "jst", "aest", "aedt",
];
/// First words of sports-club names (`Borussia Dortmund`, `Real Madrid`, `FC Porto`).
/// Words of a results table's rows that are no team's names (`Total 326`, `Attendance
/// 30,000`, `Group 2`, `Midfielders - Jose Barroso`).
pub(super) const TABLE_WORDS: &[&str] = &[
    "total",
    "totals",
    "extras",
    "attendance",
    "attendence",
    "group",
    "pool",
    "halftime",
    "half-time",
    "overs",
    "innings",
    "points",
    "round",
    "midfielders",
    "defenders",
    "forwards",
    "strikers",
    "goalkeepers",
];
/// Labels of a match report's lists of players (`Booked: Fowler, Sibierski.`).
pub(super) const SQUAD_LABELS: &[&str] = &[
    "subs",
    "subs not used",
    "subs used",
    "substitutes",
    "substitutes not used",
    "replacements",
    "not used",
    "booked",
    "sent off",
    "goals",
    "scorers",
];
/// Last words of football clubs' names that stand for the club alone in its match report
/// (`United manager Alex Ferguson` after `Manchester United`).
pub(super) const CLUB_TAILS: &[&str] = &[
    "united",
    "city",
    "wednesday",
    "rovers",
    "athletic",
    "villa",
    "albion",
    "wanderers",
    "rangers",
    "forest",
    "palace",
    "county",
    "argyle",
    "hotspur",
];
pub(super) const CLUB_FIRSTS: &[&str] = &[
    "fc",
    "afc",
    "ac",
    "as",
    "sc",
    "sv",
    "tsv",
    "vfb",
    "vfl",
    "fk",
    "nk",
    "real",
    "atletico",
    "sporting",
    "dynamo",
    "dinamo",
    "olympique",
    "racing",
    "borussia",
    "eintracht",
    "werder",
    "bayer",
    "fortuna",
    "hertha",
    "rapid",
    "sparta",
    "slavia",
    "steaua",
    "lokomotiva",
    "lokomotiv",
    "spartak",
    "torpedo",
    "cska",
    "inter",
    "hajduk",
    "sturm",
    "union",
    "deportivo",
    "athletic",
    "legia",
    "zenit",
    "shakhtar",
    "partizan",
    "maccabi",
    "hapoel",
    "beitar",
    "galatasaray",
    "fenerbahce",
    "besiktas",
    "trabzonspor",
    "panathinaikos",
    "olympiakos",
    "aek",
    "paok",
    "apoel",
    "omonia",
];

/// Words that are never an entity alone, although capitalised and often in given-name or
/// surname lists: holidays (`Easter`), currencies written as words (`Sterling fell`), the
/// chapters of the US bankruptcy code (`in Chapter 11`) and seasons.
pub(super) const NOT_NAMES: &[&str] = &[
    "easter",
    "christmas",
    "thanksgiving",
    "passover",
    "hanukkah",
    "lent",
    "sterling",
    "ecus",
    "no-one",
    // Tables of prices: `unchanged`, `June` (`Jne  227.50  229.50`), `July`.
    "unch",
    "jne",
    "jly",
    "chapter",
    // Seasons (`Summer rice`, `the Autumn Statement`, `in Spring next year`); `Donna Summer`
    // is read whole.
    "summer",
    "autumn",
    "winter",
    "spring",
    // Weekdays as times (`on Fridays`).
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    // A disease (`died from Aids`), not a place after `from`.
    "aids",
    // Words of results (`Aggregate 1-1`, `Qualifier vs. Tomas Carbonell`).
    "aggregate",
    "qualifier",
    "qualifiers",
    // Initials an ampersand joins that name no one (`R&D`, `M&A`, `Q&A`, `A&E` wards).
    "r&d",
    "m&a",
    "q&a",
    "p&l",
    "b&b",
    "a&e",
    "r&b",
    "c&w",
    "g&a",
    "s&l",
];

/// Words whose possessive goes on into the name of a body (`People's Liberation Army`,
/// `Sheriff's Office`, `Children's Hospital`).
pub(super) const POSSESSIVE_BODIES: &[&str] = &[
    "People",
    "Children",
    "Women",
    "Men",
    "Sheriff",
    "Attorney",
    "Coroner",
    "Citizen",
    "Magistrate",
    "Prosecutor",
    "Comptroller",
    "Solicitor",
];

/// The U.S. states' abbreviations of news style (AP), after a city and a comma: `STAMFORD,
/// Conn.`, `Tampa, Fla.`. Read as the state only there: alone, `Mass` and `Wash` are words.
/// Abbreviations of U.S. states and Canadian provinces (lower case, without the last dot) and
/// the state or province each names.
pub(super) const STATE_ABBRS: &[(&str, &str)] = &[
    ("ala", "Alabama"),
    ("ariz", "Arizona"),
    ("ark", "Arkansas"),
    ("calif", "California"),
    ("colo", "Colorado"),
    ("conn", "Connecticut"),
    ("del", "Delaware"),
    ("fla", "Florida"),
    ("ga", "Georgia"),
    ("ill", "Illinois"),
    ("ind", "Indiana"),
    ("kan", "Kansas"),
    ("kans", "Kansas"),
    ("ky", "Kentucky"),
    ("la", "Louisiana"),
    ("md", "Maryland"),
    ("mass", "Massachusetts"),
    ("mich", "Michigan"),
    ("minn", "Minnesota"),
    ("miss", "Mississippi"),
    ("mo", "Missouri"),
    ("mont", "Montana"),
    ("neb", "Nebraska"),
    ("nev", "Nevada"),
    ("okla", "Oklahoma"),
    ("ore", "Oregon"),
    ("pa", "Pennsylvania"),
    ("tenn", "Tennessee"),
    ("tex", "Texas"),
    ("va", "Virginia"),
    ("vt", "Vermont"),
    ("wash", "Washington"),
    ("wis", "Wisconsin"),
    ("wyo", "Wyoming"),
    ("b.c", "British Columbia"),
    ("ont", "Ontario"),
    ("que", "Quebec"),
    ("alta", "Alberta"),
    ("sask", "Saskatchewan"),
    // Postal codes that are no English word or particle (`Los Angeles, CA 90069`).
    ("ak", "Alaska"),
    ("az", "Arizona"),
    ("ca", "California"),
    ("ct", "Connecticut"),
    ("fl", "Florida"),
    ("ia", "Iowa"),
    ("ks", "Kansas"),
    ("mn", "Minnesota"),
    ("ms", "Mississippi"),
    ("mt", "Montana"),
    ("nc", "North Carolina"),
    ("nd", "North Dakota"),
    ("nh", "New Hampshire"),
    ("nj", "New Jersey"),
    ("nm", "New Mexico"),
    ("nv", "Nevada"),
    ("ny", "New York"),
    ("ri", "Rhode Island"),
    ("sc", "South Carolina"),
    ("sd", "South Dakota"),
    ("tn", "Tennessee"),
    ("tx", "Texas"),
    ("ut", "Utah"),
    ("wa", "Washington"),
    ("wi", "Wisconsin"),
    ("wv", "West Virginia"),
    ("wy", "Wyoming"),
];

/// Postal codes of [`STATE_ABBRS`] as written with dots after a town (`Newark, N.J.`,
/// `Creedmoor, N.C.`); not those that are degrees or firms' forms too (`Jane Doe, M.D.`,
/// `Smith, P.A.`).
pub(super) const DOTTED_STATES: &[&str] = &[
    "n.j", "n.c", "n.h", "n.m", "n.d", "s.d", "r.i", "s.c", "n.y", "w.v",
];

/// First words of company names that are not English (`Societe Generale`, `Credit Suisse`,
/// `Banco Santander`), whose last word is no organisation head.
pub(super) const ORG_FIRSTS: &[&str] = &[
    "societe",
    "banque",
    "banca",
    "banco",
    "compagnie",
    "cie",
    "groupe",
    "credit",
    "caisse",
    "usines",
    "deutsche",
    "bank",
];

/// Kinds of body before a body's name (`the rebel group Shining Path`, `the band Free`).
pub(super) const BODY_NOUNS: &[&str] = &[
    "group",
    "movement",
    "faction",
    "militia",
    "band",
    "charity",
    "airline",
    "carrier",
    "retailer",
    "broadcaster",
    "publisher",
    "newspaper",
    "magazine",
    "weekly",
    "daily",
    "firm",
    "company",
];

/// Last words of event, competition and other miscellaneous names (`World Cup`, `U.S. Open`).
pub(super) const MISC_HEADS: &[&str] = &[
    "cup",
    "open",
    "championship",
    "championships",
    "games",
    "olympics",
    "series",
    "tour",
    "prix",
    "trophy",
    "award",
    "awards",
    "prize",
    "final",
    "finals",
    "festival",
    "war",
    "masters",
    "classic",
    "olympiad",
    "accord",
    "accords",
    "agreement",
    "arrangement",
    "treaty",
    "pact",
    "plan",
    // Laws, which CoNLL tags as it tags treaties (`Clean Air Act`, `Criminal Justice Bill`).
    "act",
    "bill",
];
/// Whether `word` heads an event's name that words may qualify (`World Series of Golf`, `HONG
/// KONG OPEN`): a word of [`MISC_HEADS`], not `final`, which follows as often in a plain
/// phrase (`NETHERLANDS FINAL RESULTS`, `the final of the Cup`).
pub(super) fn event_head(word: &str) -> bool {
    in_list(word, MISC_HEADS) && !in_list(word, &["final", "finals"])
}
/// First words of natural features named the British way (`River Severn`, `Lake Geneva`), and
/// of grounds.
pub(super) const PLACE_FIRSTS: &[&str] = &[
    "river", "lake", "mount", "cape", // Arabic, Malay and Indonesian words for the same.
    "jebel", "jabal", "wadi", "tanjung", "bukit", "gunung", "pulau", "kampung",
    // Grounds (`Stadio Olimpico`, `Estadio Azteca`); not `Stade`, which opens clubs' names
    // as often (`Stade Francais`).
    "stadio", "estadio", "stadion", // Ports (`Port Talbot`, `Port Harcourt`).
    "port",
];
/// Bodies every country has, which a word of their kind alone names (`the Government`).
pub(super) const GENERIC_BODIES: &[&str] = &[
    "government",
    "governments",
    "cabinet",
    "office",
    "police",
    "opposition",
];
/// Names of bodies that open a title (`Treasury Secretary James Baker`) and alone name the
/// body (`the Treasury said`).
pub(super) const BODIES_OPENING_TITLES: &[&str] = &["treasury"];
/// Ranks of peers, whose titles name a place (`Lord Callaghan of Cardiff`).
pub(super) const PEER_RANKS: &[&str] = &[
    "lord",
    "lady",
    "baron",
    "baroness",
    "viscount",
    "viscountess",
    "earl",
    "countess",
    "marquess",
    "duke",
    "duchess",
];
/// A page's words about its text and pictures, which open or end no name (`Copyright Gannett`,
/// `AP Photo`). Not `Credit` nor `Images`, which firms' names hold (`Credit Suisse`).
pub(super) const PAGE_WORDS: &[&str] = &[
    "copyright",
    "photo",
    "photos",
    "updated",
    "posted",
    "published",
    "sponsored",
    "advertisement",
    "courtesy",
];
/// Words after a photographer's name in a credit (`John Smith Submitted`), never a name's.
pub(super) const CREDIT_TAILS: &[&str] = &["submitted", "contributed", "pictured", "supplied"];
/// Words before a storm's given name (`Hurricane Maria`, `Typhoon Haiyan`): MISC.
pub(super) const STORMS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm"];
/// Saints' abbreviations that open the name of a place (`St Etienne`, `Ste. Therese`, `Mt.
/// Bundey`) when one name follows.
pub(super) const SAINT_FIRSTS: &[&str] = &["st.", "ste.", "st", "ste", "mt."];
/// Last words before `of` that make a place of a place (`Republic of Ireland`, `Imperial
/// Valley of California`).
pub(super) const STATE_HEADS: &[&str] = &[
    "republic",
    "kingdom",
    "commonwealth",
    "community",
    "principality",
    "emirate",
    "sultanate",
    "city",
    "isle",
    "gulf",
    "coast",
    "valley",
    "basin",
    "district",
    "province",
    "region",
];
/// Last words of natural features: an unknown run ending in one is a place (`Aegean Sea`).
pub(super) const PLACE_HEADS: &[&str] = &[
    "metroplex",
    "sea",
    "ocean",
    "river",
    "strait",
    "straits",
    "island",
    "islands",
    "lake",
    "mountains",
    "peninsula",
    "desert",
    "canal",
    "bridge",
    "bay",
    "road",
    "street",
    "avenue",
    "boulevard",
    "park",
    "square",
    "canyon",
    "basin",
    "valley",
    "prison",
    "jail",
    "penitentiary",
    "stadium",
    "arena",
    "pavilion",
    "dam",
    "reservoir",
    "gulf",
    "harbour",
    "harbor",
    "glacier",
    "reef",
    "coast",
    "mountain",
    "plateau",
    "creek",
    "lagoon",
    "archipelago",
    "highway",
    "motorway",
    "tunnel",
    "sound",
    "tower",
    "station",
    "abbey",
    "cathedral",
    // `Downing St`, `Wall St.`.
    "st",
    "st.",
];
/// Last words of the names of products (`MacBook Pro`, `AirPods Pro`, `iPad Mini`, `Galaxy
/// S10 Plus`, `iPhone 11 Pro Max`): an unknown run ending in one is MISC, as CoNLL tags
/// products.
pub(super) const PRODUCT_TAILS: &[&str] = &["pro", "max", "mini", "plus", "ultra", "lite"];
/// First parts of compounds of peoples (`Sino-Soviet`, `Franco-German`, `Afro-Asian`): a
/// hyphenated word of these and demonyms or places qualifies what follows, as a demonym does.
pub(super) const COMBINING_FORMS: &[&str] = &[
    "sino", "franco", "anglo", "afro", "indo", "italo", "greco", "russo", "austro", "hispano",
    "luso", "judeo", "euro", "arabo", "irano", "turco", "nippo", "swiss", "serbo",
];
/// Last words of places people live in (`Dade County`, `Sioux City`, `Kentish Town`): an
/// unknown run ending in one is a place. A known place inside makes a club of a city
/// (`Manchester City`), and of a county in a sports story (`Notts County`).
pub(super) const SETTLEMENT_HEADS: &[&str] = &["county", "city", "town"];
/// First words of a headline that mark a sports story (`SOCCER - ...`).
pub(super) const SPORTS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "baseball",
    "basketball",
    "tennis",
    "golf",
    "rugby",
    "athletics",
    "cycling",
    "motorcycling",
    "motocross",
    "rallying",
    "motor",
    "boxing",
    "hockey",
    "ice",
    "nhl",
    "nfl",
    "nba",
    "sports",
    "sport",
    "racing",
    "horse",
    "swimming",
    "skiing",
    "rowing",
    "squash",
    "badminton",
    "volleyball",
    "handball",
    "yachting",
    "sailing",
    "formula",
    "snooker",
    "chess",
    "olympics",
    "alpine",
    "triathlon",
    "judo",
    "wrestling",
    "equestrianism",
];
/// The sports of [`SPORTS`] played by teams that bear a place's name (`Leicester`,
/// `Texas`); in the others a town is where the event is (`the Berlin grand prix`).
pub(super) const TEAM_SPORTS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "baseball",
    "basketball",
    "rugby",
    "hockey",
    "ice",
    "nhl",
    "nfl",
    "nba",
    "volleyball",
    "handball",
    "sports",
    "sport",
];
/// Lower-case words before a single unknown name that mark it as a place.
/// Days of the month as the wire writes them in words after a month (`Record May eight`).
pub(super) const DAY_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
];

pub(super) const PLACE_CUES: &[&str] = &["in", "at", "near", "from", "outside", "across", "into"];

/// A sentence-initial capitalised word that is probably just a capitalised common word.
pub(super) fn sentence_common(t: &Tok) -> bool {
    t.has(SENT)
        && !t.has(ALL_CAPS)
        && (t.has(COMMON) || (t.has(DICT) && !t.has(FIRST | PLACE1 | SURNAME)))
}

/// Words after a province's name (`Zhejiang Province` is `Zhejiang`).
pub(super) const PROVINCE_WORDS: &[&str] = &["province", "prefecture"];

/// Compass points, whose `of` is followed by a place (`east of Longyear`).
pub(super) const COMPASS_POINTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    // `Mid Wales`, `Mid Glamorgan`.
    "mid",
];

/// Particles of Dutch and German surnames, which join a person's names (`Joost van der
/// Westhuizen`, `Ursula von der Leyen`).
pub(super) const NAME_PARTICLES: &[&str] = &["van", "von", "der", "den", "ter", "ten", "zu"];

/// Places whose names are given names too (`Virginia Madsen`, `Sydney Pollack`), left out
/// of the given names' list so that alone they stay places.
pub(super) const GIVEN_PLACES: &[&str] = &[
    "virginia",
    "georgia",
    "florence",
    "sydney",
    "jordan",
    "paris",
    "austin",
    "dallas",
    "houston",
    "lincoln",
    "carolina",
    "adelaide",
    "regina",
    "savannah",
    "charlotte",
    "eugene",
    "orlando",
    "tyler",
    "madison",
    "denver",
    "chester",
    "sharon",
    "beverly",
    "kent",
    "aurora",
    "india",
    "milan",
    "chad",
    "constantine",
];

/// Letters after a person's name: a seat or an honour (`Frank Field MP`, `Ben Emmerson QC`,
/// `Sir Elton John CBE`).
pub(super) const POST_NOMINALS: &[&str] = &[
    "mp", "mep", "msp", "mla", "qc", "kc", "cbe", "obe", "mbe", "kbe", "dbe",
];

/// Abbreviations whose dot does not end the run (`Mr. Hammond`, `St. Louis`).
pub(super) const DOT_CONTINUES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "adm",
    "maj", "prof", "rev", "brig", "mt", "ft", "messrs", "gens", "cmdr", "supt", "ste",
    // Given names cut short in firms' names (`Alex. Brown and Sons`, `Wm. Wrigley`).
    "alex", "wm", "chas", "thos", "jas", "geo", "robt", "benj",
];
/// Abbreviations whose dot is kept in the form but ends the run (`Corp.`, `Jr.`).
pub(super) const DOT_ENDS: &[&str] = &["co", "corp", "inc", "ltd", "jr", "sr", "bros", "plc"];
/// Bytes in the longest word of [`DOT_CONTINUES`] and [`DOT_ENDS`].
pub(super) const DOT_WORD_MAX_LEN: usize = max_len(DOT_CONTINUES, max_len(DOT_ENDS, 0));
/// Given names that are everyday words too, which the dictionary leaves out with all given
/// names: opening a sentence alone (`Long term debt rose`, `Young people`), they are read as
/// the words, as a dictionary word is, unless they speak (`Long said`).
pub(super) const WORD_NAMES: &[&str] = &[
    "long", "drew", "rose", "grant", "mark", "bill", "frank", "rich", "guy", "art", "hope", "ray",
    "chance", "joy", "faith", "young", "major", "man", "charity", "star", "destiny", "mercy",
    "glory", "summer", "autumn", "dawn", "mac",
];
/// Verbs whose object, a name, is followed by what was said without a `that`.
pub(super) const TELLS: &[&str] = &["told", "tell", "tells", "telling"];
/// Auxiliary verbs, which open a clause's verb after its subject.
pub(super) const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "planned", "plans", "expects", "expected",
];
/// Titles of monarchs, after which a given name may take a regnal number (`Queen Elizabeth I`).
pub(super) const MONARCHS: &[&str] = &[
    "king", "queen", "emperor", "empress", "pope", "tsar", "czar", "kaiser", "sultan", "shah",
];
/// Members of the two American parties, whom a state's name before them places (`a Texas
/// Democrat`).
pub(super) const PARTY_MEMBERS: &[&str] = &["democrat", "democrats", "republican", "republicans"];
/// Words of faiths, parties and the games that qualify a noun after a place (`the U.S. Olympic
/// trials`), where a people's word may name a club (`London Irish`).
pub(super) const QUALIFYING_DEMONYMS: &[&str] = &[
    "olympic",
    "paralympic",
    "democratic",
    "republican",
    "jewish",
    "muslim",
    "moslem",
    "christian",
    "catholic",
    "protestant",
    "orthodox",
    "hindu",
    "sikh",
    "buddhist",
    "sunni",
    "shia",
    "shiite",
    "islamic",
    "islamist",
];
/// People who work at a firm, before `at` and its name (`an analyst at Indosuez`).
pub(super) const WORKERS: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "trader",
    "traders",
    "dealer",
    "dealers",
    "broker",
    "brokers",
    "banker",
    "bankers",
    "executive",
    "executives",
    "partner",
    "researcher",
    "researchers",
    "director",
    "directors",
    "professor",
    "scientist",
    "scientists",
    "engineer",
    "engineers",
    "manager",
    "editor",
    "spokesman",
    "spokeswoman",
    "consultant",
    "lecturer",
];
/// Subject pronouns.
pub(super) const PRONOUNS: &[&str] = &["i", "you", "he", "she", "it", "we", "they"];
/// Determiners and pronouns dropped from the front of a run.
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "every", "each", "both",
    "another", "his", "her", "its", "their", "our", "my", "your", "no", "all", "such",
];
/// Legal-form suffixes of company names.
pub(super) const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "llc",
    "llp",
    "ag",
    "sa",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "oy",
    "oyj",
    "ab",
    "a/s",
    "asa",
    "kk",
    "bhd",
    "pty",
    "cos",
    "srl",
    "sarl",
    "incorporated",
    "limited",
    "corporation",
    "company",
    "holdings",
];
/// A firm's name without the legal form it ends in (`Chrysler Corp`, `American Motors Corp`,
/// `Merrill Lynch and Co Inc`, `Deutsche Bank AG`), where what is left still names it: two
/// words or more, or one that is not an English word (`Trust Co` stays whole). `Corp` and
/// the spelt-out forms stay after the words of credit and insurance, where they belong to the
/// names of public bodies and banks (`Commodity Credit Corporation`, `Federal Deposit
/// Insurance Corp`, `Swiss Bank Corp`), and `Holdings` stays (`Arsenal Holdings` is not the
/// club). Organisations are named so, and
/// an organisation filter reads its name so too.
///
/// ```
/// use dateline_core::entities::without_legal_form;
///
/// assert_eq!(without_legal_form("Chrysler Corp"), "Chrysler");
/// assert_eq!(without_legal_form("Merrill Lynch and Co Inc"), "Merrill Lynch");
/// assert_eq!(without_legal_form("American Motors Corp"), "American Motors");
/// assert_eq!(without_legal_form("Commodity Credit Corporation"), "Commodity Credit Corporation");
/// assert_eq!(without_legal_form("Trust Co"), "Trust Co");
/// ```
pub fn without_legal_form(name: &str) -> &str {
    let english = |word: &str| lexicon_bits(&normalize_key(word)) & (DICT | COMMON) != 0;
    let names_it = |rest: &str| {
        !rest.is_empty() && !in_list(rest, LEGAL_SUFFIXES) && (rest.contains(' ') || !english(rest))
    };
    // A name of one word (most acronyms) has no legal form to drop, nor one whose last word
    // starts with no legal form's letter (most names): two byte tests, before the lists.
    let words = name.trim_end_matches('.').as_bytes();
    match words.iter().rposition(|&b| b == b' ') {
        Some(at) if words.get(at + 1).is_some_and(|&b| starts_legal_form(b)) => {}
        _ => return name,
    }
    // The shortest name left that still names the firm (`News Corp Ltd`: `News Corp`).
    let (mut rest, mut named) = (name, name);
    let mut stripped = false;
    while let Some((head, last)) = last_space_split(rest.trim_end_matches('.')) {
        let last = last.trim_end_matches('.');
        // Trimmed only when needed: most names end in no legal form.
        let head = || head.trim_end_matches([',', ' ']);
        let joiner = stripped && (last.eq_ignore_ascii_case("and") || last == "&");
        let legal = in_list(last, ABBREVIATED_LEGAL_FORMS)
            || (in_list(last, SPELT_LEGAL_FORMS)
                && head()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| !in_list(w, PUBLIC_CORPORATION_WORDS)));
        if !legal && !joiner {
            break;
        }
        rest = head();
        stripped = true;
        let dangling = rest
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("and") || w == "&");
        if !dangling && names_it(rest) {
            named = rest;
        }
    }
    named
}

/// Whether a word starting with byte `b` may be one of the legal forms [`without_legal_form`]
/// drops: `b` is, in any ASCII case, the first letter of one of them.
fn starts_legal_form(b: u8) -> bool {
    /// Bit `n` set: a legal form starts with the `n`th letter of the alphabet.
    const FIRST_LETTERS: u32 =
        first_letters(ABBREVIATED_LEGAL_FORMS, first_letters(SPELT_LEGAL_FORMS, 0));
    b.is_ascii_alphabetic() && FIRST_LETTERS & (1 << (b.to_ascii_lowercase() - b'a')) != 0
}

/// `letters` with the bit of the first letter of each of `list`'s lower-case words set (bit
/// `n` for the `n`th letter of the alphabet).
const fn first_letters(list: &[&str], letters: u32) -> u32 {
    let (mut i, mut letters) = (0, letters);
    while i < list.len() {
        letters |= 1 << (list[i].as_bytes()[0] - b'a');
        i += 1;
    }
    letters
}

/// `text.rsplit_once(' ')` by a byte search, without a char searcher to set up per name.
fn last_space_split(text: &str) -> Option<(&str, &str)> {
    let at = text.bytes().rposition(|b| b == b' ')?;
    Some((&text[..at], &text[at + 1..]))
}

/// Legal forms [`without_legal_form`] drops after any name.
pub(super) const ABBREVIATED_LEGAL_FORMS: &[&str] = &[
    "inc", "co", "ltd", "plc", "llc", "llp", "ag", "sa", "nv", "bv", "gmbh", "spa", "a/s", "asa",
];
/// Words after which `Corp` and the spelt-out legal forms are part of the name.
const PUBLIC_CORPORATION_WORDS: &[&str] = &[
    "credit",
    "insurance",
    "bank",
    "banking",
    "investment",
    "trust",
    "finance",
    "development",
    "guaranty",
    "deposit",
    "mortgage",
    "housing",
    "export",
    "savings",
    "loan",
    "broadcasting",
    "acceptance",
];
/// Legal forms [`without_legal_form`] drops except after [`PUBLIC_CORPORATION_WORDS`].
const SPELT_LEGAL_FORMS: &[&str] = &["corp", "corporation", "company", "incorporated", "limited"];

/// Prefixes that never merge with a following capitalised word (`anti-IS`).
pub(super) const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "pro", "non", "ex", "post", "pre", "mid", "neo", "pan", "trans", "inter", "multi",
    "semi", "self", "all", "counter", "super", "ultra", "over", "under", "cross",
];
/// Prefixes of [`HYPHEN_PREFIXES`] that a capital opens only at a sentence's start, and that
/// never stand alone (`Post-Christmas lull`, `Anti-Japanese feeling`).
pub(super) const CAPITAL_PREFIXES: &[&str] = &["anti", "pro", "post", "pre", "mid", "neo"];
/// Lower-case second halves that never merge (`US-led`, `Hezbollah-run`).
pub(super) const HYPHEN_SUFFIXES: &[&str] = &[
    "led",
    "run",
    "born",
    "held",
    "style",
    "based",
    "like",
    "wide",
    "era",
    "owned",
    "type",
    "language",
    "speaking",
    "made",
    "bound",
    "free",
    "backed",
    "linked",
    "funded",
    "born",
    "controlled",
    "inspired",
    "allied",
    "occupied",
];

/// Currencies' names that the English list lacks (`rupiah`, `baht`): words, not names, in a
/// text in capitals (`THE RUPIAH FELL`). Those that name a place or a person too (`rand`,
/// `leone`, `sucre`, `bolivar`) are left out.
pub(super) const CURRENCIES: &[&str] = &[
    "rupiah",
    "baht",
    "markka",
    "markkaa",
    "kuna",
    "ringgit",
    "yuan",
    "renminbi",
    "zloty",
    "zlotys",
    "forint",
    "forints",
    "koruna",
    "escudo",
    "escudos",
    "dinar",
    "dinars",
    "dirham",
    "dirhams",
    "tolar",
    "tolars",
    "leva",
    "kroon",
    "kroons",
    "litas",
    "hryvnia",
    "tenge",
    "manat",
    "riyal",
    "riyals",
    "rial",
    "rials",
    "kwacha",
    "naira",
    "cedi",
    "cedis",
    "krona",
    "reais",
    "quetzal",
    "kyat",
    "ouguiya",
    "dalasi",
    "birr",
    "nakfa",
    "lilangeni",
    "kwanza",
    "metical",
    "ariary",
    "rufiyaa",
    "ngultrum",
];

/// Words of a wire headline's news, not of a firm's name, in capitals before a ticker
/// (`GENCORP SAYS AFG <AFG>`, `CHEVRON TO BUY <GULF>`).
pub(super) const HEADLINE_WORDS: &[&str] = &[
    "says",
    "say",
    "said",
    "sees",
    "see",
    "sets",
    "set",
    "to",
    "buy",
    "buys",
    "sell",
    "sells",
    "acquire",
    "acquires",
    "acquired",
    "completes",
    "complete",
    "ups",
    "cuts",
    "cut",
    "raises",
    "lowers",
    "in",
    "on",
    "for",
    "from",
    "with",
    "by",
    "at",
    "unit",
    "units",
    "stake",
    "bid",
    "bids",
    "offer",
    "offers",
    "talks",
    "merger",
    "plans",
    "plan",
    "files",
    "gets",
    "wins",
    "agrees",
    "ends",
    "extends",
    "names",
    "elects",
    "has",
    "have",
    "is",
    "not",
    "after",
    "over",
    "into",
    "may",
    "will",
    "seeks",
    "seek",
    "makes",
    "make",
    "buying",
    "selling",
    "sale",
    "holders",
    "shareholders",
    "reports",
    "expects",
    "up",
    "down",
    "rejects",
    "receives",
    "declares",
    "omits",
    "pays",
    "announces",
    "forms",
    "signs",
    "tender",
    "against",
    "vs",
    "or",
    "its",
    "an",
    "a",
    "the",
    "approves",
    "approve",
    "approved",
    "clears",
    "cleared",
    "urges",
    "denies",
    "sues",
    "quits",
    "joins",
    "hires",
    "hikes",
    "lifts",
    "drops",
    "rises",
    "falls",
    "gains",
    "loses",
    "posts",
    "wants",
    "asks",
    "calls",
    "cites",
    "opens",
    "closes",
    "delays",
    "starts",
    "halts",
    "resumes",
    "weighs",
    "studies",
    "eyes",
    "mulls",
    "backs",
    "boosts",
    "trims",
    "slashes",
    "restructures",
    "redeems",
    "reorganizes",
    "votes",
    "lose",
    "lost",
    "probe",
    "probes",
    "suit",
    "suits",
    "sued",
    "deal",
    "deals",
    "pact",
    "accord",
    "most",
    "more",
    "less",
];

/// [`HEADLINE_WORDS`] as a set: asked for every word before a ticker.
pub(super) static HEADLINE_SET: WordSet = WordSet::new(HEADLINE_WORDS);

/// Small words inside a name written in capitals, where no word carries flags (`HARPER AND
/// ROW`, `BANK OF BOSTON`).
pub(super) const NAME_JOINERS: &[&str] = &["and", "of", "the", "for"];

/// Words of a firm's name before `of` (`BANK OF BOSTON`, `MUTUAL OF OMAHA`): a name in
/// capitals goes on over the `of` after them.
pub(super) const FIRM_OF_WORDS: &[&str] = &[
    "bank",
    "banks",
    "bancorp",
    "co",
    "corp",
    "company",
    "companies",
    "cos",
    "trust",
    "mutual",
    "savings",
    "federal",
    "university",
    "group",
    "association",
    "insurance",
    "life",
    "fund",
];
