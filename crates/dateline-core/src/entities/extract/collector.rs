//! The collector: the entities of one article, their mentions, short forms and aliases.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use super::tokens::*;
use super::words::*;
use crate::entities::aliases::AliasTable;
use crate::entities::gazetteer::{gazetteer, PARTICLES};
use crate::entities::normalize::{normalize_into, normalize_key, push_key};
use crate::entities::{Entity, EntityKind, Extraction, Mention, MentionField};

#[derive(Debug)]
pub(super) struct Agg {
    pub(super) kind: EntityKind,
    pub(super) name: String,
    pub(super) forms: Vec<String>,
    pub(super) mentions: u32,
    /// Mentions whose kind was guessed from the shape of the name alone (a given name and
    /// capitalised words, a short run of unknown ones): when every mention is one, the name
    /// may still be the short form of an organisation in the article (`Merrill Lynch`).
    pub(super) guessed: u32,
    /// Mentions whose kind the words around them gave (`Cable firms NTL and Telewest`).
    pub(super) cued: u32,
}

impl Agg {
    /// Whether this is a person named in full whose given name is `word`.
    fn given_name_is(&self, word: &str) -> bool {
        self.kind == EntityKind::Person
            && (self.name.split_once(' '))
                .is_some_and(|(first, _)| first.eq_ignore_ascii_case(word))
    }
}

/// A single-word mention that may be the short form of a full person name.
#[derive(Debug)]
struct Pending {
    /// The word's key (without a final dot): its byte range in [`Collector::pending_keys`].
    pub(super) key: Range<usize>,
    pub(super) surface: String,
    seq: u32,
    /// Kind given to the word when no full name claims it (`None`: dropped).
    pub(super) fallback: Option<EntityKind>,
    /// The kind was only guessed (a surname, a word of no known kind), so an organisation of
    /// the article that starts with the word claims it too; a title marks a person for sure.
    pub(super) guessed: bool,
    /// The person the alias table names by this surname (`Thatcher`: `Margaret Thatcher`),
    /// when no one of the article bears it (`Ben Thatcher`, the footballer).
    alias: Option<String>,
    /// The kind the context gives the word for sure: a firm's by its shape or the words
    /// before it (`GenCorp`, `a stake in Fichtel`), a person's by a title (`Minister Subroto`)
    /// or by `who` after it (`Juninho, who`). The article's mentions of the word whose kind was
    /// only guessed take it (`Fichtel said`, `Subroto played`).
    cue: Option<EntityKind>,
    /// Words of a headline read for known names only (`SHEARER NAMED AS ENGLAND CAPTAIN`):
    /// the entity of the article named so, or the person whose surname it is, else nothing.
    headline: bool,
}

#[derive(Debug, Default)]
pub(super) struct Collector {
    pub(super) ents: Vec<Agg>,
    /// Entities by key (see [`EntityKeys`]).
    by_key: EntityKeys,
    seq: u32,
    /// Last word of a full person name (and the same without its particle), as a byte range
    /// of the name's key in `by_key` (no `String` each), → mentions.
    person_last: Vec<(Range<usize>, u32, usize)>,
    pending: Vec<Pending>,
    /// The keys of the `pending` words, one after another.
    pending_keys: String,
    /// Acronyms defined in parentheses in this article: key → (canonical, kind).
    pub(super) local: HashMap<String, (String, EntityKind)>,
    /// Acronyms this article defines by plain words (`information and communication
    /// technology (ICT)`), which name nothing.
    pub(super) plain_acronyms: HashSet<String>,
    /// The field being processed.
    pub(super) field: MentionField,
    /// Mentions found so far, in text order per field.
    raw: Vec<RawMention>,
    /// Scratch for entity keys: most lookups find the entity, and need no key of their own.
    pub(super) key: String,
    /// Room kept from article to article for what [`finish`](Self::finish) works with.
    finish: FinishScratch,
}

/// What [`Collector::finish`] builds per article and drops after, kept for the next one so
/// that it allocates only what it returns.
#[derive(Debug, Default)]
struct FinishScratch {
    /// The organisations' keys, one after another.
    org_keys: String,
    /// Per key of `org_keys`: its byte range and its entity.
    pub(super) orgs: Vec<(usize, usize, usize)>,
    /// Per pending word: the entity it was counted to.
    pub(super) resolved: Vec<Option<usize>>,
    /// Per entity: the entity it was joined to (itself if none).
    redirect: Vec<usize>,
}

/// The keys of a collector's entities (the normalised name, `\u{1}` and the kind's code), each
/// to the index of its entity. The keys sit one after another in one buffer and the table
/// holds their 64-bit hashes: a new entity (most entities of an article are named once) costs
/// no `String` of its own, where a table of owned keys copied each. Keys of one hash are
/// chained, so that a lookup is exact.
#[derive(Debug, Default)]
struct EntityKeys {
    /// Hash of a key → the last entity added with a key of that hash.
    pub(super) heads: HashMap<u64, u32>,
    /// The keys, one after another.
    pub(super) text: String,
    /// Per entity: its key's byte range in `text`, and the entity added before it with a key
    /// of the same hash (`u32::MAX`: none).
    pub(super) keys: Vec<(u32, u32, u32)>,
}

impl EntityKeys {
    /// The hash a key is filed under.
    pub(super) fn hash(key: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(key.as_bytes())
    }

    /// The entity of `key`, whose [`hash`](Self::hash) is `hash`.
    pub(super) fn get(&self, hash: u64, key: &str) -> Option<usize> {
        let mut at = *self.heads.get(&hash)?;
        while at != u32::MAX {
            let (start, end, next) = self.keys[at as usize];
            if &self.text[start as usize..end as usize] == key {
                return Some(at as usize);
            }
            at = next;
        }
        None
    }

    /// Files `key` (of hash `hash`, not filed yet) for entity `idx`, the next index.
    pub(super) fn insert(&mut self, hash: u64, key: &str, idx: usize) {
        debug_assert_eq!(idx, self.keys.len(), "entities are filed in order");
        let start = self.text.len() as u32;
        self.text.push_str(key);
        let next = self.heads.insert(hash, idx as u32).unwrap_or(u32::MAX);
        self.keys.push((start, self.text.len() as u32, next));
    }

    /// The text of `range` of the keys' buffer (a range of a key [`insert`](Self::insert)ed).
    pub(super) fn text(&self, range: &Range<usize>) -> &str {
        &self.text[range.clone()]
    }

    /// Forgets every key, keeping the room.
    pub(super) fn clear(&mut self) {
        self.heads.clear();
        self.text.clear();
        self.keys.clear();
    }
}

/// What a mention points at before short forms are joined.
#[derive(Debug, Clone, Copy)]
enum Target {
    Entity(usize),
    Pending(usize),
}

#[derive(Debug, Clone, Copy)]
struct RawMention {
    pub(super) field: MentionField,
    pub(super) start: usize,
    pub(super) end: usize,
    target: Target,
}

impl Collector {
    pub(super) fn emit(
        &mut self,
        canonical: &str,
        kind: EntityKind,
        surface: &str,
        span: (usize, usize),
    ) -> usize {
        let idx = self.add(canonical, kind, surface);
        self.raw.push(RawMention {
            field: self.field,
            start: span.0,
            end: span.1,
            target: Target::Entity(idx),
        });
        idx
    }

    /// Whether the last mention found ends at byte `end` of the field being read, and if so
    /// the organisation it names, when it is one already: the firm a ticker after it stands
    /// for (`Volvo <VOLV ST>`).
    pub(super) fn mention_ending_at(&self, end: usize) -> Option<Option<&str>> {
        let last = self
            .raw
            .last()
            .filter(|m| m.field == self.field && m.end == end)?;
        Some(match last.target {
            Target::Entity(idx) if self.ents[idx].kind == EntityKind::Organization => {
                Some(self.ents[idx].name.as_str())
            }
            _ => None,
        })
    }

    /// Counts one mention of an entity (creating it) without recording a span.
    pub(super) fn add(&mut self, canonical: &str, kind: EntityKind, surface: &str) -> usize {
        // `Chrysler Corp` and `Chrysler` are one firm, by the name users search for.
        let canonical = match kind {
            EntityKind::Organization => without_legal_form(canonical),
            _ => canonical,
        };
        // Keyed by kind too: `Chicago` the team and `Chicago` the city are two entities.
        let mut key = std::mem::take(&mut self.key);
        key_of(canonical, &mut key);
        let name_len = key.len();
        key.push('\u{1}');
        key.push_str(kind.code());
        let hash = EntityKeys::hash(&key);
        let idx = match self.by_key.get(hash, &key) {
            Some(i) => i,
            None => {
                self.ents.push(Agg {
                    kind,
                    name: canonical.to_string(),
                    forms: Vec::new(),
                    mentions: 0,
                    guessed: 0,
                    cued: 0,
                });
                let i = self.ents.len() - 1;
                let start = self.by_key.text.len();
                self.by_key.insert(hash, &key, i);
                if kind == EntityKind::Person {
                    // The last word as a range of the key just filed.
                    let name = &key[..name_len];
                    if let Some(at) = name.rfind(' ') {
                        let last = &name[at + 1..];
                        let from = start + at + 1;
                        self.person_last.push((from..start + name_len, self.seq, i));
                        if let Some((p, rest)) = last.split_once('-') {
                            if in_list(p, PARTICLES) && !rest.is_empty() {
                                let from = from + p.len() + 1;
                                self.person_last.push((from..start + name_len, self.seq, i));
                            }
                        }
                    }
                }
                i
            }
        };
        self.key = key;
        let e = &mut self.ents[idx];
        e.mentions += 1;
        if !e.forms.iter().any(|f| f == surface) {
            e.forms.push(surface.to_string());
        }
        self.seq += 1;
        idx
    }

    /// Counts the last mention of entity `idx` as one whose kind was guessed.
    pub(super) fn guessed(&mut self, idx: usize) {
        self.ents[idx].guessed += 1;
    }

    /// A single word after a title: a person's surname, to join to the full name later.
    pub(super) fn pend_person(&mut self, surface: String, span: (usize, usize)) {
        self.pend_as(surface, Some(EntityKind::Person), false, span);
        if let Some(p) = self.pending.last_mut() {
            p.cue = Some(EntityKind::Person);
        }
    }

    /// A surname the alias table gives to a person (`Thatcher`): the person of the article
    /// who bears it, else `canonical` (`Margaret Thatcher`).
    pub(super) fn pend_alias(&mut self, surface: String, canonical: &str, span: (usize, usize)) {
        self.pend_as(surface, Some(EntityKind::Person), false, span);
        if let Some(p) = self.pending.last_mut() {
            p.alias = Some(canonical.to_string());
        }
    }

    /// A single word whose kind the context gives (see [`Pending::cue`]), to join to a full
    /// name later (a firm's that it begins, a person's whose surname it is), else to keep as
    /// `kind`; the word's mentions whose kind was only guessed take it too.
    pub(super) fn pend_cued(&mut self, surface: String, kind: EntityKind, span: (usize, usize)) {
        // Only a firm may turn out to be the first words of an organisation of the article.
        self.pend_as(surface, Some(kind), kind == EntityKind::Organization, span);
        if let Some(p) = self.pending.last_mut() {
            p.cue = Some(kind);
        }
    }

    /// Words of a headline (see [`Pending::headline`]), to join to what the article names so.
    pub(super) fn pend_headline(&mut self, surface: String, span: (usize, usize)) {
        self.pend_as(surface, None, false, span);
        if let Some(p) = self.pending.last_mut() {
            p.headline = true;
        }
    }

    /// The entity of any kind whose name has the key `name`; a person last, as a person's
    /// name may be a guess that the firm of the same name takes back.
    fn entity_named(&self, name: &str) -> Option<usize> {
        let mut key = String::with_capacity(name.len() + 4);
        [
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Misc,
            EntityKind::Person,
        ]
        .into_iter()
        .find_map(|kind| {
            key.clear();
            key.push_str(name);
            key.push('\u{1}');
            key.push_str(kind.code());
            self.by_key.get(EntityKeys::hash(&key), &key)
        })
    }

    /// A single word to join to a full name later, else to keep as `fallback` (if any).
    pub(super) fn pend_as(
        &mut self,
        surface: String,
        fallback: Option<EntityKind>,
        guessed: bool,
        span: (usize, usize),
    ) {
        let start = self.pending_keys.len();
        let key = key_of(&surface, &mut self.key).trim_end_matches('.');
        self.pending_keys.push_str(key);
        let key = start..self.pending_keys.len();
        self.raw.push(RawMention {
            field: self.field,
            start: span.0,
            end: span.1,
            target: Target::Pending(self.pending.len()),
        });
        self.pending.push(Pending {
            key,
            surface,
            seq: self.seq,
            fallback,
            guessed,
            alias: None,
            cue: None,
            headline: false,
        });
        self.seq += 1;
    }

    /// [`is_person_last`](Self::is_person_last) of a word as written, keyed into `buf` only
    /// when the story has named a person.
    pub(super) fn is_person_last_word(&self, word: &str, buf: &mut String) -> bool {
        !(self.person_last.is_empty() && self.pending.is_empty())
            && self.is_person_last(key_of(word, buf))
    }

    /// Whether `key` is the last word of a person named so far, or a surname a title has
    /// marked so far (`President Kennedy`, with no given name in the story).
    pub(super) fn is_person_last(&self, key: &str) -> bool {
        self.person_last_of(key, false)
    }

    /// [`is_person_last`](Self::is_person_last), but not of a person named only by the
    /// shape of a name whose first word is an everyday word too (`Young Labour`): a known
    /// firm's name is not taken back from a person so (where `Joe Ford` takes `Ford`).
    pub(super) fn is_sure_person_last(&self, key: &str) -> bool {
        self.person_last_of(key, true)
    }

    fn person_last_of(&self, key: &str, sure: bool) -> bool {
        let sure_of = |a: &Agg| {
            let first = a.name.split(' ').next().unwrap_or_default();
            a.guessed < a.mentions
                || !in_list(first, WORD_NAMES) && lexicon_bits(&normalize_key(first)) & DICT == 0
        };
        (self.person_last.iter()).any(|(last, _, idx)| {
            self.by_key.text(last) == key && (!sure || sure_of(&self.ents[*idx]))
        }) || (self.pending.iter()).any(|p| {
            p.fallback == Some(EntityKind::Person)
                && !p.guessed
                && p.alias.is_none()
                && &self.pending_keys[p.key.clone()] == key
        })
    }

    /// The full name of the last person named so far whose given name is `word`.
    pub(super) fn person_of_first(&self, word: &str) -> Option<&str> {
        self.ents
            .iter()
            .rev()
            .find(|a| a.given_name_is(word))
            .map(|a| a.name.as_str())
    }

    /// Whether an organisation of this canonical name is among the article's so far.
    pub(super) fn names_org(&self, name: &str) -> bool {
        let mut key = String::with_capacity(name.len() + 4);
        key_of(name, &mut key);
        key.push('\u{1}');
        key.push_str(EntityKind::Organization.code());
        self.by_key.get(EntityKeys::hash(&key), &key).is_some()
    }

    /// The last firm named so far that is `text`, alone or with legal suffixes (`Arsenal
    /// Holdings Inc` for `Arsenal`).
    pub(super) fn firm_named_from(&self, text: &str) -> Option<&str> {
        self.org_named_from(text, |rest| {
            rest.split(' ')
                .all(|w| in_list(w.trim_end_matches('.'), LEGAL_SUFFIXES))
        })
    }

    /// The last organisation named so far whose first words are `text` (`First City
    /// Bancorporation` for `First City`): a firm's short form, whose first word a rule would
    /// drop as a common word or a demonym.
    pub(super) fn org_begun_by(&self, text: &str) -> Option<&str> {
        self.org_named_from(text, |_| true)
    }

    /// The organisation named most often so far (the first, of as many) whose last word is
    /// `word`, of two words or more: `Manchester United` for `United` rather than
    /// `Shareholders United`, a group of its fans.
    pub(super) fn org_ended_by(&self, word: &str) -> Option<&str> {
        let ends = |a: &&Agg| {
            a.kind == EntityKind::Organization
                && a.name
                    .rsplit_once(' ')
                    .is_some_and(|(_, last)| last.eq_ignore_ascii_case(word))
        };
        let best = self
            .ents
            .iter()
            .filter(ends)
            .rev()
            .max_by_key(|a| a.mentions)?;
        Some(best.name.as_str())
    }

    /// The last organisation named so far that is `text` (any case), alone or with words
    /// after it that `rest` accepts.
    fn org_named_from(&self, text: &str, rest: impl Fn(&str) -> bool) -> Option<&str> {
        self.ents.iter().rev().find_map(|a| {
            let after = a.name.get(text.len()..)?;
            let whole = after.is_empty() || after.strip_prefix(' ').is_some_and(&rest);
            (a.kind == EntityKind::Organization
                && whole
                && a.name[..text.len()].eq_ignore_ascii_case(text))
            .then_some(a.name.as_str())
        })
    }

    /// The body a bare head word stands for in a story of the organisation it serves: `the
    /// Commission` of a story of the European Community or Union is the European Commission.
    fn executive_of(&self, key: &str) -> Option<&'static str> {
        EXECUTIVES.iter().find_map(|&(head, parents, executive)| {
            (head == key
                && self.ents.iter().any(|a| {
                    a.kind == EntityKind::Organization && parents.contains(&a.name.as_str())
                }))
            .then_some(executive)
        })
    }

    /// The organisation of the article that entity `i`, an organisation of two words or more
    /// outside the alias table, names without the place that qualifies it: `the Finance
    /// Ministry` in a story of the `Japanese Finance Ministry`, `the National Bank` beside the
    /// `Swiss National Bank`. The qualifier must be a place or demonym (of the gazetteer, or
    /// named in the article: `U.S.`), and only one organisation may fit (`Labour Party` is the alias table's, and stays apart
    /// from `Scottish Labour Party`).
    /// Names already `redirect`ed elsewhere are passed over.
    fn qualified_org(&self, i: usize, redirect: &[usize], aliases: &AliasTable) -> Option<usize> {
        let short = &self.ents[i];
        if short.kind != EntityKind::Organization || !short.name.as_bytes().contains(&b' ') {
            return None;
        }
        // `the Intelligence Committee` of a story of the `House Intelligence Committee`.
        let committee = short.name.ends_with(" Committee");
        let qualifier = |prefix: &str| {
            let key = normalize_key(prefix);
            committee && matches!(key.as_str(), "house" | "senate" | "commons")
                || gazetteer().places.contains_key(key.as_str())
                || lexicon_bits(&key) & (DEMONYM | PLACE1) != 0
                || self.ents.iter().any(|a| {
                    matches!(a.kind, EntityKind::Place | EntityKind::Misc)
                        && std::iter::once(&a.name)
                            .chain(&a.forms)
                            .any(|f| f.eq_ignore_ascii_case(prefix))
                })
        };
        // Bytes: a space is a char boundary, so the prefix before it is one too.
        let n = short.name.len();
        let qualifies = |long: &String| {
            let b = long.as_bytes();
            b.len() > n + 1
                && b[b.len() - n - 1] == b' '
                && b[b.len() - n..].eq_ignore_ascii_case(short.name.as_bytes())
                && qualifier(&long[..b.len() - n - 1])
        };
        // `National Bank` beside two qualified ones: ambiguous.
        self.only_fit(i, redirect, EntityKind::Organization, aliases, |a| {
            qualifies(&a.name) || a.forms.iter().any(qualifies)
        })
    }

    /// The product of the article whose last word is organisation `i`, an acronym read alone:
    /// `the DS` in a story of the `Nintendo DS`, `XP` beside `Windows XP`. Only one product
    /// may end so, and the alias table must not know the acronym (`EU`).
    fn model_of(&self, i: usize, redirect: &[usize], aliases: &AliasTable) -> Option<usize> {
        let short = &self.ents[i];
        let acronym = (2..=5).contains(&short.name.len())
            && short
                .name
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if short.kind != EntityKind::Organization || !acronym {
            return None;
        }
        let ends = |long: &String| {
            long.strip_suffix(short.name.as_str())
                .is_some_and(|head| head.len() > 1 && head.ends_with(' '))
        };
        self.only_fit(i, redirect, EntityKind::Misc, aliases, |a| ends(&a.name))
    }

    /// The organisation of the article whose name is that of organisation `i`, then `of` and
    /// what it is of: `Canadian Imperial Bank` is `Canadian Imperial Bank of Commerce` when
    /// the article names it so, and no other organisation so. Of a place, only a bank, a
    /// court, a party, an army, a council or an assembly is (`Royal Bank of Canada`), not a
    /// firm's arm there (`British Petroleum of North America`). Names of one word (`Bank`) are left to the
    /// head-word rule; names already `redirect`ed elsewhere are passed over.
    /// The title, event or index whose first word is the word of `key`, not a given name
    /// (`the Dow` after `Dow Jones Industrial Average`, `the Nikkei` after `Nikkei 225`).
    fn misc_begun_by(&self, key: &str) -> Option<usize> {
        if lexicon_bits(key) & FIRST != 0 {
            return None;
        }
        (self.ents.iter()).position(|a| {
            let name = a.name.as_bytes();
            a.kind == EntityKind::Misc
                && name.len() > key.len()
                && name[key.len()] == b' '
                && name[..key.len()].eq_ignore_ascii_case(key.as_bytes())
        })
    }

    fn org_of_what(&self, i: usize, redirect: &[usize], aliases: &AliasTable) -> Option<usize> {
        const OF_PLACE: &[&str] = &["bank", "court", "party", "army", "council", "assembly"];
        let short = &self.ents[i];
        if short.kind != EntityKind::Organization || !short.name.as_bytes().contains(&b' ') {
            return None;
        }
        let n = short.name.len();
        let of_place_ok = short
            .name
            .rsplit(' ')
            .next()
            .is_some_and(|head| in_list(head, OF_PLACE));
        let place = |name: &str| {
            gazetteer()
                .places
                .contains_key(normalize_key(name).as_str())
                || (self.ents.iter()).any(|a| a.kind == EntityKind::Place && a.name == name)
        };
        let extends = |long: &String| {
            let b = long.as_bytes();
            b.len() > n + 4
                && b[..n].eq_ignore_ascii_case(short.name.as_bytes())
                && b[n..].starts_with(b" of ")
                && (of_place_ok || !place(&long[n + 4..]))
        };
        self.only_fit(i, redirect, EntityKind::Organization, aliases, |a| {
            extends(&a.name)
        })
    }

    /// The entity whose acronym entity `i` is, when the article gives it in parentheses
    /// only after using it: `the MPC` in a story that later writes `the Monetary Policy
    /// Committee (MPC)`. An acronym read before its definition is an organisation of its own
    /// letters; defined first, it is read as the name from then on.
    fn defined_later(&self, i: usize, redirect: &[usize]) -> Option<usize> {
        if self.local.is_empty() {
            return None; // most articles define no acronym
        }
        let short = &self.ents[i];
        let (name, kind) = self.local.get(&normalize_key(&short.name))?;
        if short.kind != *kind && short.kind != EntityKind::Organization || short.name == *name {
            return None;
        }
        (self.ents.iter().enumerate())
            .position(|(j, a)| j != i && redirect[j] == j && a.kind == *kind && a.name == *name)
    }

    /// The organisation of the story whose initials organisation `i`, an acronym of three to
    /// six capitals that the alias table does not know, spells, its lower-case joiners aside:
    /// `the MPAA` in a story of the `Motion Picture Association of America` that never gives
    /// the acronym in parentheses. Only one organisation of the story may fit.
    fn spelled_by(&self, i: usize, redirect: &[usize], aliases: &AliasTable) -> Option<usize> {
        let short = &self.ents[i];
        let acronym = short.name.as_bytes();
        if short.kind != EntityKind::Organization
            || !(3..=6).contains(&acronym.len())
            || !acronym.iter().all(u8::is_ascii_uppercase)
        {
            return None;
        }
        let spells = |long: &str| {
            let mut words = long
                .split(' ')
                .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "in" | "&"));
            let mut letters = acronym.iter();
            words.all(|w| (letters.next()).is_some_and(|l| w.as_bytes().first() == Some(l)))
                && letters.next().is_none()
        };
        // The name, or a form of it with its legal form (`AMC`, `American Motors Corp`).
        self.only_fit(i, redirect, EntityKind::Organization, aliases, |a| {
            std::iter::once(&a.name)
                .chain(&a.forms)
                .any(|f| f.contains(' ') && spells(f))
        })
    }

    /// The entity of another kind that a word no list knows names at least twice as often
    /// in the story, once at least by what the words around it say, which entity `i` then is
    /// too: `Telewest`, a cable firm by `Cable firms NTL and Telewest` and at six mentions, is
    /// no place `at Telewest` nor a person in `said Telewest chief executive Eric Tveter`. Not
    /// a kind only guessed at every mention (`Chernobyl`, an organisation by default).
    /// One name keeps one sense within an article.
    fn one_sense(&self, i: usize, redirect: &[usize]) -> Option<usize> {
        let a = &self.ents[i];
        if a.name.contains(' ') {
            return None;
        }
        let (j, _) = (self.ents.iter().enumerate())
            .filter(|&(j, b)| {
                // A kind only guessed at every mention gives way to a sure one as often named
                // (`Sarkh, Logar` beside `Logar province`).
                let outnumbered = if a.guessed == a.mentions {
                    b.mentions >= a.mentions
                } else {
                    b.mentions >= 2 * a.mentions
                };
                j != i
                    && redirect[j] == j
                    && b.kind != a.kind
                    && outnumbered
                    && (b.guessed < b.mentions || b.cued > 0)
                    && b.name.eq_ignore_ascii_case(&a.name)
            })
            .max_by_key(|&(_, b)| b.mentions)?;
        (lexicon_bits(&normalize_key(&a.name)) == 0).then_some(j)
    }

    /// The one entity of `kind` other than `i`, not redirected elsewhere, that `fits`: `None`
    /// when none or several do (ambiguous), or when the alias table knows entity `i`'s name,
    /// which then names something of its own. Most articles have no pair: the table is asked
    /// last.
    fn only_fit(
        &self,
        i: usize,
        redirect: &[usize],
        kind: EntityKind,
        aliases: &AliasTable,
        fits: impl Fn(&Agg) -> bool,
    ) -> Option<usize> {
        let mut fitting = (self.ents.iter().enumerate())
            .filter(|&(j, a)| j != i && redirect[j] == j && a.kind == kind && fits(a))
            .map(|(j, _)| j);
        let found = fitting.next()?;
        (fitting.next().is_none() && aliases.resolve(&self.ents[i].name).is_none()).then_some(found)
    }

    /// The person of the story whose surname place `i`, a word of the headline named nowhere
    /// else, is: `Ferguson urges Henry punishment` over a story of Alex Ferguson. Only one
    /// person of the story may have that surname, and be named in two words (particles
    /// aside): a longer name ending so is as often a run that went on over a place (`Irving
    /// Trust Co California`). A country stays one (`Belgium scrape past Turkey` over a story
    /// whose `10-man Turkey` was misread as a person).
    fn surname_in_headline(&self, i: usize, redirect: &[usize]) -> Option<usize> {
        let place = &self.ents[i];
        if place.kind != EntityKind::Place
            || place.forms.len() != 1
            || place.forms[0].contains(' ')
            || self.person_last.is_empty()
        {
            return None;
        }
        // The title's mentions come first.
        let is_place = |m: &&RawMention| matches!(m.target, Target::Entity(j) if j == i);
        let headline = self
            .raw
            .iter()
            .take_while(|m| m.field == MentionField::Title);
        if !headline.clone().any(|m| is_place(&m)) {
            return None;
        }
        let key = normalize_key(&place.forms[0]);
        let mut people = (self.person_last.iter())
            .filter(|(last, _, idx)| redirect[*idx] == *idx && self.by_key.text(last) == key)
            .map(|&(_, _, idx)| idx);
        let person = people.next()?;
        let words = self.ents[person].name.split(' ');
        if !people.all(|idx| idx == person)
            || words.filter(|w| !in_list(w, PARTICLES)).count() != 2
            || gazetteer().countries.contains(&normalize_key(&place.name))
        {
            return None;
        }
        let mut at = self.raw.iter().filter(is_place);
        at.all(|m| m.field == MentionField::Title).then_some(person)
    }

    /// The person of the article named in full whose name ends with that of person `i`, when
    /// `i` is named by a particle and a surname (`De Croo`: `Herman De Croo`).
    fn named_in_full(&self, i: usize) -> Option<usize> {
        let a = &self.ents[i];
        let (particle, surname) = a.name.split_once(' ')?;
        if a.kind != EntityKind::Person || surname.contains(' ') || !in_list(particle, PARTICLES) {
            return None;
        }
        let key = normalize_key(&a.name);
        (self.ents.iter().enumerate()).position(|(j, b)| {
            j != i
                && b.kind == EntityKind::Person
                && (normalize_key(&b.name).strip_suffix(&key)).is_some_and(|r| r.ends_with(' '))
        })
    }

    /// Counts entity `from`'s mentions and forms to entity `into` (`from` is then left out).
    fn merge_into(&mut self, from: usize, into: usize) {
        let (mentions, forms) = (
            self.ents[from].mentions,
            std::mem::take(&mut self.ents[from].forms),
        );
        let o = &mut self.ents[into];
        o.mentions += mentions;
        for form in forms {
            if !o.forms.contains(&form) {
                o.forms.push(form);
            }
        }
    }

    /// Empties the collector for the next article, keeping what its containers hold room for.
    pub(super) fn clear(&mut self) {
        self.ents.clear();
        self.by_key.clear();
        self.seq = 0;
        self.person_last.clear();
        self.pending.clear();
        self.pending_keys.clear();
        self.local.clear();
        self.plain_acronyms.clear();
        self.field = MentionField::default();
        self.raw.clear();
    }

    /// Joins short forms to full person names; keeps titled ones as persons of their own.
    /// A name whose kind was only guessed joins the article's organisation that it is the
    /// whole or the first words of (`Chrysler`, `Merrill Lynch` beside `Chrysler Corp`,
    /// `Merrill Lynch and Co Inc`): one name keeps one sense within an article.
    /// The collector is left to [`clear`](Self::clear) and reuse.
    pub(super) fn finish(
        &mut self,
        title: Option<&str>,
        body: &str,
        with_mentions: bool,
        aliases: &AliasTable,
    ) -> Extraction {
        let guessed_person =
            |a: &Agg| a.kind == EntityKind::Person && a.guessed > 0 && a.guessed == a.mentions;
        // The organisations' keys, in one buffer, when some name may join one.
        let mut scratch = std::mem::take(&mut self.finish);
        let FinishScratch {
            org_keys,
            orgs,
            resolved,
            redirect,
        } = &mut scratch;
        org_keys.clear();
        orgs.clear();
        if self.pending.iter().any(|p| p.guessed)
            || (self.ents.iter()).any(|a| a.kind == EntityKind::Person && a.guessed > 0)
        {
            // By every form the article gives: `the Department` after `U.S. Agriculture
            // Department`, whose name is `U.S. Department of Agriculture`.
            for (i, a) in self.ents.iter().enumerate() {
                if a.kind == EntityKind::Organization {
                    for name in
                        std::iter::once(&a.name).chain(a.forms.iter().filter(|f| **f != a.name))
                    {
                        let start = org_keys.len();
                        push_key(name, org_keys);
                        orgs.push((start, org_keys.len(), i));
                    }
                }
            }
        }
        // The organisation a guessed name is, or begins; a word guessed to be an organisation
        // (`the Commission`, `the Bank`) may also end it (`European Commission`).
        let org_of = |key: &str, may_end: bool| {
            let keys = orgs.iter().map(|&(s, e, i)| (&org_keys[s..e], i));
            let begins = |k: &str| k.strip_prefix(key).is_some_and(|r| r.starts_with(' '));
            // A guessed surname (`Hutton`) also begins a firm after its founder's initials
            // (`E.F. Hutton Group Inc`).
            let starts = |k: &str| {
                let mut rest = k;
                while let Some((word, after)) = rest.split_once(' ') {
                    if may_end || !initials(word) {
                        break;
                    }
                    rest = after;
                }
                begins(k) || begins(rest)
            };
            let ends = |k: &str| k.strip_suffix(key).is_some_and(|r| r.ends_with(' '));
            (keys.clone().find(|&(k, _)| k == key))
                .or_else(|| keys.clone().find(|&(k, _)| starts(k)))
                .or_else(|| keys.clone().find(|&(k, _)| may_end && ends(k)))
                .map(|(_, i)| i)
        };
        let mut pending = std::mem::take(&mut self.pending);
        let pending_keys = std::mem::take(&mut self.pending_keys);
        resolved.clear();
        let unknown_alone = |p: &Pending| {
            p.guessed
                && p.fallback == Some(EntityKind::Organization)
                && lexicon_bits(&pending_keys[p.key.clone()]) == 0
        };
        // Most articles give no word a kind so: the list stays empty, unallocated.
        let cued: Vec<(Range<usize>, EntityKind)> = (pending.iter())
            .filter_map(|p| Some((p.key.clone(), p.cue?)))
            .collect();
        for mut p in pending.drain(..) {
            let key = &pending_keys[p.key.clone()];
            if p.guessed && p.cue.is_none() && p.fallback.is_some() {
                let mut kinds = (cued.iter())
                    .filter(|(k, _)| pending_keys[k.clone()] == *key)
                    .map(|&(_, kind)| kind);
                // Two kinds given: the word is left as guessed. A known place's name stays
                // one where a person of it is named (`Queen Victoria`, `from Victoria Station`).
                let place = lexicon_bits(key) & PLACE1 != 0;
                if let Some(kind) = kinds.next().filter(|&k| !place || k != EntityKind::Person) {
                    if kinds.all(|k| k == kind) {
                        p.fallback = Some(kind);
                    }
                }
            }
            let mut best: Option<(u32, usize)> = None;
            let mut first_after: Option<(u32, usize)> = None;
            let bare = match key.split_once('-') {
                Some((pre, rest)) if in_list(pre, PARTICLES) => rest,
                _ => key,
            };
            // `the Bidens`, `the Clintons`: a family, named by the surname of its member in
            // the story.
            let family = (unknown_alone(&p) && key.len() > 4)
                .then(|| key.strip_suffix('s'))
                .flatten();
            for (last, seq, idx) in &self.person_last {
                let last = self.by_key.text(last);
                if last != key && last != bare && Some(last) != family {
                    continue;
                }
                if *seq < p.seq {
                    if best.is_none_or(|(s, _)| *seq > s) {
                        best = Some((*seq, *idx));
                    }
                } else if first_after.is_none_or(|(s, _)| *seq < s) {
                    first_after = Some((*seq, *idx));
                }
            }
            let claimed = if p.headline {
                (self.entity_named(key)).or(best.or(first_after).map(|(_, idx)| idx))
            } else {
                best.or(first_after).map(|(_, idx)| idx).or_else(|| {
                    let may_end = p.fallback == Some(EntityKind::Organization);
                    // A word guessed a person may begin a title or an index instead.
                    let misc = || {
                        (p.fallback == Some(EntityKind::Person))
                            .then(|| self.misc_begun_by(key))
                            .flatten()
                    };
                    // `Handelsbanken said` after `Svenska Handelsbanken <SHBS.ST>`: a word no
                    // list knows that ends the name of a firm named for sure is the firm,
                    // though speech made it a person.
                    let firm_ended = || {
                        (p.fallback == Some(EntityKind::Person) && lexicon_bits(key) == 0)
                            .then(|| org_of(key, true))
                            .flatten()
                            .filter(|&i| {
                                // Not a person's name read as a firm's (`JK Rowling`,
                                // `Manhattan Rudolph Giuliani`, `Economic Planning Kwesi
                                // Botchwey`).
                                let a = &self.ents[i];
                                let mut words = a.name.rsplit(' ').skip(1);
                                a.guessed == 0
                                    && a.name.split(' ').count() <= 3
                                    && words.next().is_some_and(|w| {
                                        !initials(w)
                                            && w.len() > 2
                                            && !gazetteer().first_names.contains(&normalize_key(w))
                                    })
                            })
                    };
                    org_of(key, may_end)
                        .or_else(misc)
                        .or_else(firm_ended)
                        .filter(|_| p.guessed)
                })
            };
            // `David is a successful businessman` in a story of David Smith: the one person of
            // the story with that given name. So is a word of no list that only the default
            // made an organisation (`Arsene` in a story of Arsene Wenger): sport and South
            // Asian news name people so.
            let claimed = claimed.or_else(|| {
                let unknown = unknown_alone(&p);
                let given =
                    lexicon_bits(key) & FIRST != 0 && p.fallback == Some(EntityKind::Person);
                // `directives from Xi` in a story of Xi Jinping: a surname written first, which
                // a place's cue before it made a place; not a place the lists know (`in
                // Jordan` after `Michael Jordan`).
                let surname_first =
                    p.fallback == Some(EntityKind::Place) && lexicon_bits(key) & PLACE1 == 0;
                if !given && !unknown && !surname_first {
                    return None;
                }
                // Named in full first, in two words: a guess of three words or more is as
                // often a firm and its product (`Zywiec Full Light`) as a person, and one
                // that comes after the word alone often names something of a place
                // (`Katanga Gendarmerie`).
                let named_before = |i: usize, a: &Agg| {
                    let words = a.name.split(' ').filter(|w| !in_list(w, PARTICLES));
                    words.count() == 2
                        && (self.person_last.iter()).any(|&(_, seq, idx)| idx == i && seq < p.seq)
                };
                // A person only guessed so is as often a firm or a place of a given name's
                // word (`Trenton Works`, then `in Trenton`).
                let mut bearers = (self.ents.iter().enumerate()).filter(|&(i, a)| {
                    a.given_name_is(&p.surface)
                        && (given || named_before(i, a))
                        && (!surname_first || a.guessed < a.mentions)
                });
                match (bearers.next(), bearers.next()) {
                    (Some((idx, _)), None) => Some(idx),
                    _ => None,
                }
            });
            if let Some(idx) = claimed {
                let e = &mut self.ents[idx];
                e.mentions += 1;
                // A headline's words count as the story's: a guess stays a guess.
                if p.headline && e.guessed > 0 {
                    e.guessed += 1;
                }
                if !e.forms.contains(&p.surface) {
                    e.forms.push(p.surface);
                }
                resolved.push(Some(idx));
            } else if let Some(kind) = p.fallback {
                let name = match (kind, &p.alias) {
                    (_, Some(alias)) => alias,
                    (EntityKind::Organization, None) => {
                        self.executive_of(key).unwrap_or(&p.surface)
                    }
                    _ => &p.surface,
                };
                let idx = self.add(name, kind, &p.surface);
                if p.guessed {
                    self.guessed(idx);
                }
                if p.cue == Some(kind) {
                    self.ents[idx].cued += 1;
                }
                resolved.push(Some(idx));
            } else {
                resolved.push(None);
            }
        }
        self.pending = pending;
        self.pending_keys = pending_keys;
        // Names of several words guessed to be people, at every mention.
        redirect.clear();
        redirect.extend(0..self.ents.len());
        let mut key = std::mem::take(&mut self.key);
        for (i, to) in redirect.iter_mut().enumerate() {
            let a = &self.ents[i];
            // A name of several words guessed a person at some mentions only (`Brush Wellman
            // customers`, then `Wellman` by its surname) joins an organisation the article
            // names exactly so (`Brush Wellman Inc`).
            // Not a given name's (`Charles Schwab`, `Philip Crosby`): a founder of the firm
            // named after him, as often.
            let partly = a.kind == EntityKind::Person
                && a.guessed > 0
                && !guessed_person(a)
                && a.name.split_once(' ').is_some_and(|(first, _)| {
                    !gazetteer().first_names.contains(&normalize_key(first))
                });
            if !guessed_person(a) && !partly {
                continue;
            }
            normalize_into(&a.name, &mut key);
            if partly {
                let exact = orgs.iter().find(|&&(s, e, _)| org_keys[s..e] == *key);
                if let Some(&(_, _, into)) = exact {
                    *to = into;
                    self.merge_into(i, into);
                }
                continue;
            }
            // `for Vera Drake` in a story that calls it `the film Vera Drake`: the title;
            // `a Forest Hill hotel` in one of `Forest Hill police`: the town.
            let named_as = |key: &mut String, kind: EntityKind| {
                let len = key.len();
                key.push('\u{1}');
                key.push_str(kind.code());
                let found = self.by_key.get(EntityKeys::hash(key), key);
                key.truncate(len);
                found
            };
            let Some(into) = org_of(&key, false)
                .or_else(|| named_as(&mut key, EntityKind::Misc))
                .or_else(|| {
                    let place = named_as(&mut key, EntityKind::Place)?;
                    // Not a word guessed a person beside the same word a place's cue made a
                    // place (`Gudjohnsen`): neither is sure.
                    let sure = self.ents[place].guessed < self.ents[place].mentions;
                    (a.name.contains(' ') && sure).then_some(place)
                })
            else {
                continue;
            };
            *to = into;
            self.merge_into(i, into);
        }
        self.key = key;
        // `De Gaulle` opening a sentence, in a story of `Charles de Gaulle`: he.
        for (i, to) in redirect.iter_mut().enumerate() {
            if *to != i {
                continue;
            }
            let Some(into) = self.named_in_full(i) else {
                continue;
            };
            *to = into;
            self.merge_into(i, into);
        }
        for i in 0..self.ents.len() {
            if redirect[i] != i {
                continue;
            }
            let Some(into) = (self.defined_later(i, redirect))
                .or_else(|| self.surname_in_headline(i, redirect))
                .or_else(|| self.spelled_by(i, redirect, aliases))
                .or_else(|| self.qualified_org(i, redirect, aliases))
                .or_else(|| self.org_of_what(i, redirect, aliases))
                .or_else(|| self.model_of(i, redirect, aliases))
                .or_else(|| self.one_sense(i, redirect))
            else {
                continue;
            };
            redirect[i] = into;
            self.merge_into(i, into);
        }
        // A name redirected into one that was redirected in turn ends where that one does.
        for i in 0..redirect.len() {
            let mut to = redirect[i];
            while redirect[to] != to {
                to = redirect[to];
            }
            redirect[i] = to;
        }
        let raw = if with_mentions { &self.raw[..] } else { &[] };
        let mut mentions: Vec<Mention> = Vec::with_capacity(raw.len());
        for m in raw {
            let idx = match m.target {
                Target::Entity(i) => Some(i),
                Target::Pending(p) => resolved.get(p).copied().flatten(),
            };
            let Some(idx) = idx.map(|i| redirect[i]) else {
                continue;
            };
            let text = match m.field {
                MentionField::Title => title.unwrap_or(""),
                MentionField::Body => body,
            };
            let Some(surface) = text.get(m.start..m.end) else {
                continue;
            };
            let a = &self.ents[idx];
            mentions.push(Mention {
                field: m.field,
                start: m.start,
                end: m.end,
                text: surface.to_string(),
                kind: a.kind,
                entity: a.name.clone(),
            });
        }
        mentions.sort_by_key(|m| (m.field, m.start));
        let mut entities: Vec<Entity> = self
            .ents
            .drain(..)
            .enumerate()
            .filter(|&(i, _)| redirect[i] == i)
            .map(|(_, a)| Entity {
                kind: a.kind,
                name: a.name,
                forms: a.forms,
                mentions: a.mentions,
            })
            .collect();
        entities.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.name.cmp(&b.name))
        });
        self.finish = scratch;
        Extraction { entities, mentions }
    }
}
