//! "Did you mean" suggestions for entity filters that match nothing: the names compared are
//! every name the filters accept (aliases of the built-in and user tables, short forms,
//! surnames and their parts), on real news: the seed article and Reuters-21578.

mod common;

use std::sync::OnceLock;

use dateline_core::entities::AliasTable;
use dateline_core::EntityKind;
use dateline_index::{Index, SearchRequest};

/// The one suggestion for `request` (which must match nothing), as `(name, type)`.
fn suggestion(index: &Index, request: &SearchRequest) -> Option<(String, EntityKind)> {
    assert_eq!(index.count(request).expect("count"), 0, "{request:?}");
    let tips = index.entity_suggestions(request).expect("suggestions");
    assert!(tips.len() <= 1, "{tips:?}");
    tips.into_iter()
        .next()
        .map(|t| (t.suggestion, t.suggestion_type))
}

fn reuters() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    INDEX
        .get_or_init(|| common::reuters_index(250_000))
        .as_ref()
}

/// The seed article (Islamic State, also written Daesh and ISIS; Haider al-Abadi), with the
/// user alias table `aliases` when given.
fn seed(aliases: Option<AliasTable>) -> Option<Index> {
    common::seed_index(aliases)
}

/// Abbreviations are aliases: the index names `Organization of the Petroleum Exporting
/// Countries`, `European Community` and `International Monetary Fund`, never `OPEC`, `EEC` or
/// `IMF`; a misspelled abbreviation, in capitals or not, suggests the abbreviation rather than
/// the rare entity one edit away (`Ope` of 4 articles, `Ecu`).
#[test]
fn a_misspelled_abbreviation_suggests_the_alias_of_the_entity_more_articles_name() {
    let Some(index) = reuters() else { return };
    let org = |name: &str| suggestion(index, &SearchRequest::new("*").org(name));
    let opec = Some(("OPEC".to_string(), EntityKind::Organization));
    assert_eq!(org("OPEK"), opec);
    assert_eq!(org("Opek"), opec);
    assert_eq!(org("opek"), opec);
    // `EC` is one edit from `ECC` too, and names the same entity: the form of the filter's
    // length is the likelier one.
    assert_eq!(
        org("ECC"),
        Some(("EEC".to_string(), EntityKind::Organization))
    );
    assert_eq!(
        org("IMFF"),
        Some(("IMF".to_string(), EntityKind::Organization))
    );
    // What was suggested finds the articles (146 and 215 as QA counted them).
    assert!(index.count(&SearchRequest::new("*").org("OPEC")).unwrap() > 100);
    assert!(index.count(&SearchRequest::new("*").org("IMF")).unwrap() > 200);
    // The untyped filter reads the same names.
    let tips = index
        .entity_suggestions(&SearchRequest::new("*").entity("IMFF"))
        .unwrap();
    assert_eq!(tips[0].suggestion, "IMF", "{tips:?}");
}

/// Surnames still count, and a bare surname is suggested as the person it stands for; a
/// firm's name without its legal form is a name its filter takes.
#[test]
fn people_are_suggested_by_their_full_name_and_firms_by_their_short_name() {
    let Some(index) = reuters() else { return };
    let person = |name: &str| suggestion(index, &SearchRequest::new("*").person(name));
    assert_eq!(
        person("Reagn"),
        Some(("Ronald Reagan".to_string(), EntityKind::Person))
    );
    assert_eq!(
        person("Volker"),
        Some(("Paul Volcker".to_string(), EntityKind::Person))
    );
    let org = |name: &str| suggestion(index, &SearchRequest::new("*").org(name));
    assert_eq!(
        org("Chryslr"),
        Some(("Chrysler".to_string(), EntityKind::Organization))
    );
    assert_eq!(
        org("Trans World"),
        Some(("Trans World Airlines".to_string(), EntityKind::Organization))
    );
}

/// Two neighbouring letters swapped are one edit (`Deash`, `ISSI`); a surname's part
/// misspelled (`Abady` of `al-Abadi`) suggests the person, and so does a misspelled first
/// name.
#[test]
fn swapped_letters_aliases_and_name_parts_find_the_seeds_entities() {
    let Some(index) = seed(None) else { return };
    let org = |name: &str| suggestion(&index, &SearchRequest::new("*").org(name));
    let person = |name: &str| suggestion(&index, &SearchRequest::new("*").person(name));
    assert_eq!(
        org("Deash"),
        Some(("Daesh".to_string(), EntityKind::Organization))
    );
    assert_eq!(
        org("ISSI"),
        Some(("ISIS".to_string(), EntityKind::Organization))
    );
    let abadi = Some(("Haider al-Abadi".to_string(), EntityKind::Person));
    assert_eq!(person("Abady"), abadi);
    assert_eq!(person("abady"), abadi);
    assert_eq!(person("Haidr"), abadi);
    // The surname itself, with its article or without, is taken by the filter: nothing to
    // suggest.
    for surname in ["al-Abadi", "Abadi", "abadi"] {
        let request = SearchRequest::new("*").person(surname);
        assert!(index.count(&request).unwrap() > 0, "{surname}");
        assert!(index.entity_suggestions(&request).unwrap().is_empty());
    }
    let tips = index
        .entity_suggestions(&SearchRequest::new("*").entity("Deash"))
        .unwrap();
    assert_eq!(tips[0].suggestion, "Daesh", "{tips:?}");
    assert_eq!(tips[0].kind, None);
    // A place is not suggested for an organisation.
    assert_eq!(org("Londn"), None);
}

/// The user alias table's forms are suggested like the built-in ones, and only with it.
#[test]
fn a_user_alias_is_suggested_when_the_table_is_given() {
    let aliases = AliasTable::parse("ORG\tEuropol\tEurocops\n").expect("aliases");
    let (Some(plain), Some(with_aliases)) = (seed(None), seed(Some(aliases))) else {
        return;
    };
    let request = SearchRequest::new("*").org("Eurocopz");
    assert_eq!(
        suggestion(&with_aliases, &request),
        Some(("Eurocops".to_string(), EntityKind::Organization))
    );
    assert!(
        with_aliases
            .count(&SearchRequest::new("*").org("Eurocops"))
            .unwrap()
            > 0
    );
    assert_eq!(suggestion(&plain, &request), None);
}
