//! Searches over one index of real news: the seed article, BBC News (raw files) and
//! Reuters-21578 (JSON Lines, gzipped), read from `../shared/data`.

mod common;

use std::io::BufRead;
use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use dateline_core::EntityKind;
use dateline_index::{Index, IngestOptions, IngestReport, Interval, SearchRequest, Sort};

/// Ids of files are relative to the id root, here the shared data folder.
const SEED_ID: &str = "seed/london-terror-talks.txt";

fn shared_data() -> Option<PathBuf> {
    common::shared_data("")
}

/// The index is built once and shared by every test in this file. Duplicates are kept so
/// that counts can be checked against the source files.
fn corpus() -> Option<&'static (Index, IngestReport)> {
    static CORPUS: OnceLock<(Index, IngestReport)> = OnceLock::new();
    let data = shared_data()?;
    Some(CORPUS.get_or_init(|| {
        let index = Index::create_in_ram().expect("index in RAM");
        let paths = [
            data.join("seed/london-terror-talks.txt"),
            data.join("bbc-news/raw"),
            data.join("reuters21578/docs.jsonl.gz"),
        ];
        let options = IngestOptions {
            keep_duplicates: true,
            id_root: Some(data.clone()),
            ..IngestOptions::default()
        };
        let report = index
            .ingest_paths(&paths, &options, &|_| {})
            .expect("ingest");
        (index, report)
    }))
}

fn ids(index: &Index, request: &SearchRequest) -> Vec<String> {
    let results = index.search(request).expect("search");
    results.hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn ingest_reads_every_article_and_warns_of_the_one_latin1_bbc_file() {
    let Some((index, report)) = corpus() else {
        return;
    };
    // 1 seed + 2,225 BBC files + 21,578 Reuters records: the BBC file with a Latin-1 byte too.
    assert_eq!(report.added, 1 + 2_225 + 21_578, "{report:?}");
    assert_eq!(index.num_articles() as usize, report.added);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let [warning] = &report.warnings[..] else {
        panic!("one warning: {:?}", report.warnings);
    };
    assert!(warning.path.ends_with("sport/199.txt"), "{warning}");
    assert_eq!(warning.line, Some(5));
    assert_eq!(warning.reason, "not UTF-8 (byte 257): read as windows-1252");
    // Its pound sign is found as written.
    let hits = ids(index, &SearchRequest::new("\"£15.8m signing\""));
    assert_eq!(hits, ["bbc-news/raw/sport/199.txt"]);
    // BBC files carry no date line: 2,225 undated articles, the rest dated.
    assert_eq!(report.without_date, 2_225);
}

#[test]
fn bbc_duplicates_are_indexed_once_keeping_the_first_file() {
    let Some(data) = shared_data() else { return };
    let bbc = [data.join("bbc-news/raw")];
    let index = Index::create_in_ram().expect("index in RAM");
    let options = IngestOptions {
        id_root: Some(data.join("bbc-news/raw")),
        ..IngestOptions::default()
    };
    let report = index.ingest_paths(&bbc, &options, &|_| {}).expect("ingest");
    // The data README counts 133 bodies repeating another byte for byte; ignoring case and
    // spacing as the key does makes 137 (the same normalisation over docs.jsonl gives 137).
    assert_eq!(report.duplicates, 137, "{report:?}");
    assert_eq!(report.added, 2_225 - 137);
    // business/286 and business/493 are one body under two headlines: the first file stays.
    let ids = |q: &str| -> Vec<String> {
        let request = SearchRequest::new(q).limit(50);
        let hits = index.search(&request).expect("search").hits;
        hits.into_iter().map(|h| h.id).collect()
    };
    let growth = ids("\"China continues\" growth");
    assert!(
        growth.contains(&"business/286.txt".to_string()),
        "{growth:?}"
    );
    assert!(
        !growth.contains(&"business/493.txt".to_string()),
        "{growth:?}"
    );

    // A second run changes nothing, and keeps the same copy.
    let again = index
        .ingest_paths(&bbc, &options, &|_| {})
        .expect("re-ingest");
    assert_eq!((again.added, again.unchanged), (0, report.added));
    assert_eq!(index.num_articles() as usize, report.added);
}

#[test]
fn hammond_ranks_the_seed_first() {
    let Some((index, _)) = corpus() else { return };
    let hits = ids(index, &SearchRequest::new("Hammond"));
    assert_eq!(hits.first().map(String::as_str), Some(SEED_ID), "{hits:?}");
}

#[test]
fn phrase_finds_the_seed_and_date_filter_excludes_it() {
    let Some((index, _)) = corpus() else { return };
    let phrase = SearchRequest::new("\"foreign fighters\"").limit(100);
    assert!(ids(index, &phrase).contains(&SEED_ID.to_string()));
    let in_january = phrase
        .clone()
        .from_str("2015-01-22")
        .unwrap()
        .to_str("2015-01-22")
        .unwrap();
    assert_eq!(ids(index, &in_january), [SEED_ID]);
    let later = phrase.from_str("2015-01-23").unwrap();
    assert!(!ids(index, &later).contains(&SEED_ID.to_string()));
}

#[test]
fn entity_filters_match_aliases_and_surnames_and_exclude_absent_people() {
    let Some((index, _)) = corpus() else { return };
    let base = || SearchRequest::new("Hammond").limit(100);
    for name in ["Daesh", "ISIS", "islamic state", "John Kerry", "john kerry"] {
        let hits = ids(index, &base().entity(name));
        assert!(
            hits.contains(&SEED_ID.to_string()),
            "--entity {name}: {hits:?}"
        );
    }
    let both = base().entity("Daesh").entity("John Kerry");
    assert_eq!(ids(index, &both), [SEED_ID]);
    // The seed names John Kerry once, in full: his surname finds him, as `--person` does.
    let kerry = ids(index, &base().entity("Kerry"));
    assert!(
        kerry.contains(&SEED_ID.to_string()),
        "--entity Kerry: {kerry:?}"
    );
    let merkel = ids(index, &base().entity("Angela Merkel"));
    assert!(!merkel.contains(&SEED_ID.to_string()), "{merkel:?}");
}

#[test]
fn a_misspelled_person_suggests_the_likeliest_of_the_equally_close_names() {
    let Some((index, _)) = corpus() else { return };
    let suggest = |name: &str| {
        let request = SearchRequest::new("*").person(name);
        let tips = index.entity_suggestions(&request).expect("suggestions");
        tips.first().map(|t| t.suggestion.clone())
    };
    // One edit from `Reaan` (a name in one Reuters article) and from the surname of Ronald
    // Reagan, whom hundreds of articles name; one from `Harold Volkmer` and from Paul Volcker's
    // surname: the names more articles use win.
    let reagan = suggest("Reagn").expect("a suggestion for Reagn");
    assert!(reagan.ends_with("Reagan"), "{reagan}");
    assert_eq!(suggest("Volker").as_deref(), Some("Paul Volcker"));
    // Fewer edits still come first.
    assert_eq!(suggest("Jame Baker").as_deref(), Some("James Baker"));
}

/// Reuters names firms with and without their legal form (`Chrysler Corp`, `Chrysler`): an
/// organisation filter finds the firm by either, and a name that opens a firm's suggests it.
#[test]
fn an_organisation_filter_finds_a_firm_with_or_without_its_legal_form() {
    let Some((index, _)) = corpus() else { return };
    let count = |name: &str| {
        let request = SearchRequest::new("*").org(name);
        index.count(&request).expect("count")
    };
    let chrysler = count("Chrysler");
    assert!(chrysler >= 80, "{chrysler}");
    for form in ["Chrysler Corp", "chrysler corporation", "Chrysler Corp."] {
        assert_eq!(count(form), chrysler, "{form}");
    }
    assert!(count("Texaco") >= 50);
    assert_eq!(count("Texaco Inc"), count("Texaco"));
    // US departments by any of their names.
    let usda = count("USDA");
    assert!(usda >= 300, "{usda}");
    assert_eq!(count("U.S. Agriculture Department"), usda);
    assert!(count("Ford") >= 80);
    assert_eq!(count("Ford Motor Co"), count("Ford"));
    let request = SearchRequest::new("*").org("Trans World");
    let tips = index.entity_suggestions(&request).expect("suggestions");
    assert_eq!(
        tips.first().map(|t| t.suggestion.as_str()),
        Some("Trans World Airlines")
    );
}

#[test]
fn typed_filters_match_aliases_case_and_surnames_only_within_their_type() {
    let Some((index, _)) = corpus() else { return };
    let seed = SEED_ID.to_string();
    let base = || SearchRequest::new("fighters").limit(200);
    for request in [
        base().person("Hammond"),
        base().person("philip HAMMOND"),
        base().org("Daesh"),
        base().org("isil"),
        base().place("US"),
        base().place("baghdad"),
    ] {
        let hits = ids(index, &request);
        assert!(hits.contains(&seed), "{request:?}: {hits:?}");
    }
    for request in [
        base().org("Hammond"),
        base().person("Iraq"),
        base().place("Islamic State"),
    ] {
        let hits = ids(index, &request);
        assert!(!hits.contains(&seed), "{request:?}: {hits:?}");
    }
    // Every article of a typed filter names the entity with that type.
    let baghdad = index
        .search(&SearchRequest::new("*").place("BAGHDAD").limit(1_000))
        .expect("search");
    assert!(baghdad.total > 10, "{}", baghdad.total);
    assert_eq!(baghdad.hits.len(), baghdad.total.min(1_000));
    for hit in &baghdad.hits {
        assert!(
            hit.entities
                .iter()
                .any(|e| e.kind == EntityKind::Place && e.name == "Baghdad"),
            "{} {:?}",
            hit.id,
            hit.entities
        );
    }
}

#[test]
fn reuters_date_ranges_count_what_the_source_dates_say() {
    let Some((index, _)) = corpus() else { return };
    let data = shared_data().expect("checked by corpus()");
    let file = std::fs::File::open(data.join("reuters21578/docs.jsonl.gz")).expect("reuters");
    let dates: Vec<NaiveDate> = std::io::BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(&line.expect("line")).expect("json");
            v["date"]
                .as_str()
                .expect("date")
                .parse()
                .expect("YYYY-MM-DD")
        })
        .collect();
    // Bounds as given, and the days they stand for: a month or a year runs from its first day
    // to its last.
    let ranges = [
        ("1987-03-01", "1987-03-31", "1987-03-01", "1987-03-31"),
        ("1987-02-26", "1987-02-26", "1987-02-26", "1987-02-26"),
        ("1987-04-07", "1987-10-20", "1987-04-07", "1987-10-20"),
        ("1987-03", "1987-03", "1987-03-01", "1987-03-31"),
        ("1987-02", "1987-04", "1987-02-01", "1987-04-30"),
        ("1987", "1987", "1987-01-01", "1987-12-31"),
    ];
    for (from, to, first, last) in ranges {
        let (f, t): (NaiveDate, NaiveDate) = (first.parse().unwrap(), last.parse().unwrap());
        let expected = dates.iter().filter(|d| **d >= f && **d <= t).count();
        assert!(expected > 0);
        let request = SearchRequest::new("*")
            .from_str(from)
            .unwrap()
            .to_str(to)
            .unwrap();
        assert_eq!(index.count(&request).unwrap(), expected, "{from}..{to}");
    }
}

#[test]
fn a_monthly_timeline_counts_what_the_month_filters_count() {
    let Some((index, _)) = corpus() else { return };
    let timeline = index
        .timeline(&SearchRequest::new("oil"), Interval::Month)
        .unwrap();
    let total = index.count(&SearchRequest::new("oil")).unwrap();
    assert_eq!(timeline.total, total);
    // Reuters-21578 runs from February to October 1987; the months between without an oil
    // story would be listed with 0.
    assert_eq!(timeline.periods.first().unwrap().period, "1987-02");
    assert!(timeline.periods.len() >= 9, "{:?}", timeline.periods);
    let mut dated = 0;
    for p in &timeline.periods {
        let month = &p.period;
        let filtered = SearchRequest::new("oil")
            .from_str(month)
            .unwrap()
            .to_str(month)
            .unwrap();
        assert_eq!(
            p.articles as usize,
            index.count(&filtered).unwrap(),
            "{month}"
        );
        dated += p.articles;
    }
    // Oil stories of BBC News carry no date.
    assert!(timeline.undated > 0);
    assert_eq!(dated + timeline.undated, total as u64);
}

#[test]
fn articles_are_the_hits_of_the_same_request_read_whole() {
    let Some((index, _)) = corpus() else { return };
    for sort in [Sort::Relevance, Sort::Oldest] {
        let request = SearchRequest::new("cocoa").sort(sort).limit(usize::MAX);
        let hits = index.search(&request).unwrap().hits;
        assert!(hits.len() > 50);
        let articles: Vec<_> = index
            .articles(&request)
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let ids = |ids: Vec<&str>| ids.join(" ");
        assert_eq!(
            ids(articles.iter().map(|a| a.id.as_str()).collect()),
            ids(hits.iter().map(|h| h.id.as_str()).collect())
        );
        for (article, hit) in articles.iter().zip(&hits) {
            assert_eq!((&article.title, article.published), (&hit.title, hit.date));
            assert!(
                article.body.to_lowercase().contains("cocoa")
                    || hit
                        .title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains("cocoa"))
            );
        }
    }
}

#[test]
fn articles_like_a_cocoa_story_are_cocoa_stories() {
    let Some((index, _)) = corpus() else { return };
    let data = shared_data().expect("checked by corpus()");
    let file = std::fs::File::open(data.join("reuters21578/docs.jsonl.gz")).expect("reuters");
    // Reuters-21578's own topic codes, by story id.
    let topics: std::collections::HashMap<String, Vec<String>> =
        std::io::BufReader::new(flate2::read::GzDecoder::new(file))
            .lines()
            .map(|line| {
                let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
                let codes = v["topics"].as_array().unwrap().iter();
                let codes = codes.map(|t| t.as_str().unwrap().to_string()).collect();
                (v["id"].as_str().unwrap().to_string(), codes)
            })
            .collect();
    // Story 1, "BAHIA COCOA REVIEW", is tagged cocoa.
    assert_eq!(topics["1"], ["cocoa"]);
    let like = index
        .similar("1", &SearchRequest::new("").limit(20))
        .unwrap()
        .expect("story 1");
    assert_eq!(like.hits.len(), 20);
    assert!(
        like.hits.iter().all(|h| h.id != "1"),
        "the story itself is left out"
    );
    // Market reports went out uncoded (`BYPASS`, no topics): judged are the coded ones.
    let coded: Vec<&Vec<String>> = like
        .hits
        .iter()
        .filter_map(|h| topics.get(&h.id).filter(|t| !t.is_empty()))
        .collect();
    let cocoa = coded
        .iter()
        .filter(|t| t.iter().any(|t| t == "cocoa"))
        .count();
    assert!(coded.len() >= 5, "{coded:?}");
    assert!(
        cocoa * 10 >= coded.len() * 8,
        "{cocoa} of {}: {coded:?}",
        coded.len()
    );
    // Filters apply: only March 1987.
    let march = SearchRequest::new("")
        .from_str("1987-03")
        .unwrap()
        .to_str("1987-03")
        .unwrap();
    let like = index.similar("1", &march.limit(20)).unwrap().unwrap();
    assert!(!like.hits.is_empty());
    for hit in &like.hits {
        let day = hit.date.unwrap().date_naive().to_string();
        assert!(day.starts_with("1987-03"), "{day}");
    }
    assert!(index
        .similar("no-such-story", &SearchRequest::new(""))
        .unwrap()
        .is_none());
}

#[test]
fn date_sort_returns_newest_first() {
    let Some((index, _)) = corpus() else { return };
    let results = index
        .search(&SearchRequest::new("oil").sort(Sort::Date).limit(20))
        .unwrap();
    let dates: Vec<_> = results.hits.iter().map(|h| h.date).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert!(results.hits.iter().all(|h| h.score.is_none()));
}

#[test]
fn oldest_first_is_the_newest_first_order_reversed_over_all_matches() {
    let Some((index, _)) = corpus() else { return };
    let all = |sort| {
        index
            .search(&SearchRequest::new("oil").sort(sort).limit(usize::MAX))
            .unwrap()
            .hits
    };
    let (newest, oldest) = (all(Sort::Date), all(Sort::Oldest));
    assert!(newest.len() > 100);
    let dates = |hits: &[dateline_index::Hit]| hits.iter().map(|h| h.date).collect::<Vec<_>>();
    // Articles without a date (BBC News gives none) come last in both orders.
    let newest = dates(&newest);
    let dated = newest.iter().take_while(|d| d.is_some()).count();
    assert!(dated > 100 && dated < newest.len());
    let mut expected: Vec<_> = newest[..dated].iter().rev().copied().collect();
    expected.extend(&newest[dated..]);
    assert_eq!(dates(&oldest), expected);
    let first = index
        .search(&SearchRequest::new("oil").sort(Sort::Oldest).limit(3))
        .unwrap();
    assert_eq!(dates(&first.hits), dates(&oldest[..3]));
    assert_eq!(first.total, oldest.len());
}

#[test]
fn a_trailing_star_finds_every_word_with_the_prefix_and_any_page_size_is_safe() {
    let Some((index, _)) = corpus() else { return };
    let words = |q: &str| index.count(&SearchRequest::new(q)).unwrap();
    let prefixed = index
        .search(&SearchRequest::new("oilse*").limit(usize::MAX))
        .unwrap();
    assert_eq!(prefixed.hits.len(), prefixed.total);
    // Every article with the word, more with longer words (`oilfield`), and nothing but
    // articles holding a word so spelled.
    assert!(prefixed.total >= words("oilseed").max(words("oilseeds")));
    assert!(
        words("oil*") > words("oil"),
        "{} {}",
        words("oil*"),
        words("oil")
    );
    for hit in &prefixed.hits {
        let article = index.get(&hit.id).unwrap().expect("stored article");
        let text = format!("{} {}", article.title.unwrap_or_default(), article.body);
        assert!(
            text.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.to_lowercase().starts_with("oilse")),
            "{} holds no word starting with oilse",
            hit.id
        );
    }
    // A page past the end is empty, not an error, however far past.
    let far = index
        .search(
            &SearchRequest::new("oil")
                .limit(usize::MAX)
                .offset(usize::MAX),
        )
        .unwrap();
    assert!(far.hits.is_empty() && far.total > 0);
}

#[test]
fn stats_counts_people_as_the_entity_list_does() {
    let Some((index, _)) = corpus() else { return };
    let stats = index.stats(10).unwrap();
    let listed: Vec<(String, u64)> = index
        .top_entities(&SearchRequest::new("*"), Some(EntityKind::Person), 10)
        .unwrap()
        .into_iter()
        .map(|e| (e.name, e.articles))
        .collect();
    assert_eq!(stats.top_entities[&EntityKind::Person], listed);
    // Reuters' `Reagan` stories are counted under the full name, not beside it.
    assert!(listed.iter().any(|(name, _)| name == "Ronald Reagan"));
    assert!(
        !listed.iter().any(|(name, _)| name == "Reagan"),
        "{listed:?}"
    );
}

#[test]
fn snippets_highlight_the_query_terms() {
    let Some((index, _)) = corpus() else { return };
    let results = index.search(&SearchRequest::new("Hammond")).unwrap();
    let snippet = results.hits[0].snippet.as_ref().expect("snippet");
    assert!(!snippet.highlights.is_empty());
    for &(s, e) in &snippet.highlights {
        assert_eq!(&snippet.text[s..e], "Hammond");
    }
}

#[test]
fn us_finds_u_s_and_abadi_finds_al_abadi() {
    let Some((index, _)) = corpus() else { return };
    let seed = SEED_ID.to_string();
    for q in [
        "Abadi",
        "al-Abadi",
        "\"Haider al-Abadi\"",
        "\"Secretary of State John Kerry\"",
    ] {
        let hits = ids(index, &SearchRequest::new(q).limit(50));
        assert!(hits.contains(&seed), "{q}: {hits:?}");
    }
    let dotted = index.count(&SearchRequest::new("title:U.S.")).unwrap();
    let plain = index.count(&SearchRequest::new("title:US")).unwrap();
    assert_eq!(dotted, plain);
    assert!(plain > 100);
}

#[test]
fn top_k_pruning_returns_the_exhaustive_ranking() {
    let Some((index, _)) = corpus() else { return };
    let queries = [
        "oil prices",
        "bank interest rates rise",
        "Hammond",
        "the",
        "computer games software sales",
        "foreign fighters Iraq Syria",
        // Exact phrases collect their top k with their own pruning (`phrase.rs`).
        "\"last year\"",
        "\"year ended\"",
        "\"oil prices\"",
        "\"New York\"",
        "\"the company said\"",
        "\"general Motors\"",
        "\"futures contracts\"",
        "\"of the\"",
        "title:\"oil prices\"",
        "body:\"interest rates\"",
    ];
    for q in queries {
        let (a, b) = common::exhaustive_and_pruned(index, q, 20);
        let scores = |hits: &[dateline_index::Hit]| -> Vec<f32> {
            hits.iter().map(|h| h.score.unwrap()).collect()
        };
        assert_eq!(scores(&a), scores(&b), "{q}");
        // Ids agree wherever scores do not tie with the last one shown.
        let last = scores(&a).last().copied().unwrap_or(0.0);
        let ids = |hits: &[dateline_index::Hit]| -> Vec<String> {
            hits.iter()
                .filter(|h| h.score.unwrap() > last)
                .map(|h| h.id.clone())
                .collect()
        };
        assert_eq!(ids(&a), ids(&b), "{q}");
        assert_eq!(a.len(), b.len(), "{q}");
    }
}

#[test]
fn proximity_lifts_articles_holding_the_words_side_by_side() {
    let Some((index, _)) = corpus() else { return };
    let (mut with, mut without) = (0, 0);
    for q in [
        "oil prices",
        "interest rates",
        "trade deficit",
        "general election",
    ] {
        let exact: std::collections::HashSet<String> = ids(
            index,
            &SearchRequest::new(format!("\"{q}\"")).limit(100_000),
        )
        .into_iter()
        .collect();
        let in_exact = |request: SearchRequest| {
            ids(index, &request.limit(10))
                .iter()
                .filter(|id| exact.contains(*id))
                .count()
        };
        let plain = in_exact(SearchRequest::new(q));
        let near = in_exact(SearchRequest::new(q).proximity(true));
        assert!(
            near >= plain,
            "{q}: {near} side by side with proximity, {plain} without"
        );
        with += near;
        without += plain;
    }
    assert!(
        with > without,
        "proximity changed nothing: {with} vs {without}"
    );
}

#[test]
fn filters_keep_the_ranking_and_prune_like_unfiltered_queries() {
    let Some((index, _)) = corpus() else { return };
    let from = NaiveDate::from_ymd_opt(1987, 3, 10).unwrap();
    let to = NaiveDate::from_ymd_opt(1987, 3, 20).unwrap();
    for q in [
        "oil prices",
        "bank interest rates rise",
        "the",
        "trade deficit Japan",
    ] {
        let all = SearchRequest::new(q).limit(100_000).snippets(false);
        let unfiltered = index.search(&all).unwrap();
        assert_eq!(unfiltered.hits.len(), unfiltered.total, "{q}");
        let score_of: std::collections::HashMap<String, f32> = unfiltered
            .hits
            .iter()
            .map(|h| (h.id.clone(), h.score.unwrap()))
            .collect();
        let filtered = [
            all.clone()
                .from_str("1987-03-10")
                .unwrap()
                .to_str("1987-03-20")
                .unwrap(),
            all.clone().entity("Japan"),
            all.clone()
                .from_str("1987-03-10")
                .unwrap()
                .to_str("1987-03-20")
                .unwrap()
                .entity("Japan"),
        ];
        for (n, request) in filtered.iter().enumerate() {
            let exhaustive = index.search(request).unwrap();
            let dated = n != 1;
            // Every hit passes the filter and keeps its unfiltered score.
            for hit in &exhaustive.hits {
                assert_eq!(Some(&hit.score.unwrap()), score_of.get(&hit.id), "{q} #{n}");
                if dated {
                    let day = hit.date.expect("a dated hit").date_naive();
                    assert!(from <= day && day <= to, "{q} #{n}: {day}");
                }
            }
            if n == 0 {
                // And no article that passes is missing.
                let in_range = unfiltered
                    .hits
                    .iter()
                    .filter(|h| {
                        h.date
                            .is_some_and(|d| (from..=to).contains(&d.date_naive()))
                    })
                    .count();
                assert_eq!(exhaustive.total, in_range, "{q}");
            }
            // Top-k pruning returns what scoring every match returns.
            let top = request.clone().limit(10);
            let pruned = index
                .search(&top.clone().count_total(false).stored_fields(false))
                .unwrap();
            let scores = |hits: &[dateline_index::Hit]| -> Vec<f32> {
                hits.iter().map(|h| h.score.unwrap()).collect()
            };
            assert_eq!(
                scores(&pruned.hits),
                scores(&exhaustive.hits[..exhaustive.hits.len().min(10)]),
                "{q} #{n}"
            );
            assert!(!exhaustive.hits.is_empty() || q == "the", "{q} #{n}");
        }
    }
}

/// All of Reuters, duplicates kept, committed every `articles` (a segment each).
fn reuters_committed_every(articles: usize, extract_entities: bool) -> Option<Index> {
    let data = shared_data()?;
    let index = Index::create_in_ram().expect("index in RAM");
    let options = IngestOptions {
        keep_duplicates: true,
        extract_entities,
        commit_every: articles,
        ..IngestOptions::default()
    };
    index
        .ingest_paths(
            &[data.join("reuters21578/docs.jsonl.gz")],
            &options,
            &|_| {},
        )
        .expect("ingest");
    Some(index)
}

/// Reuters in many small segments, some of its articles replaced (deleted from their first
/// segment), so that a top k spans segments, deleted articles and tied scores (Reuters holds
/// many duplicate stories).
fn segmented_reuters() -> Option<Index> {
    let index = reuters_committed_every(1_500, false)?;
    let replaced = (1..=400).step_by(7).map(|n| {
        // Each body differs: identical bodies would be indexed once.
        dateline_core::Article::new(
            n.to_string(),
            format!(
                "Oil prices rose as bank interest rates fell, the company said last year ({n})."
            ),
        )
    });
    index.add_articles(replaced).expect("replace");
    Some(index)
}

#[test]
fn the_threshold_carried_across_segments_keeps_the_exhaustive_page_ties_included() {
    let Some(index) = segmented_reuters() else {
        return;
    };
    let segments = index
        .tantivy()
        .searchable_segments()
        .expect("segments")
        .len();
    assert!(segments >= 4, "only {segments} segments");
    let queries = [
        "oil prices",
        "bank interest rates rise",
        "the",
        "cocoa",
        "shr cts net",
        "\"last year\"",
        "\"the company said\"",
    ];
    // Unfiltered; March 1987, one `month` term, whose postings the ranking reads itself; and
    // 2-20 March, a set of `day` terms, checked through their scorer. A filtered page must
    // also be the unfiltered ranking's articles of those dates: a filter changes no score.
    let filters: [(&str, Option<(u32, u32)>); 3] = [
        ("none", None),
        ("one month", Some((1, 31))),
        ("days", Some((2, 20))),
    ];
    let march = |day| NaiveDate::from_ymd_opt(1987, 3, day).expect("date");
    let page = |request: &SearchRequest| -> Vec<(String, f32)> {
        let hits = index.search(request).expect("search").hits;
        hits.into_iter().map(|h| (h.id, h.score.unwrap())).collect()
    };
    for q in queries {
        let ranking = index
            .search(&SearchRequest::new(q).limit(30_000).snippets(false))
            .expect("search")
            .hits;
        for (name, days) in filters {
            for (limit, offset) in [(1, 0), (10, 0), (10, 20), (100, 0)] {
                let mut exhaustive = SearchRequest::new(q)
                    .limit(limit)
                    .offset(offset)
                    .snippets(false);
                let mut expected: Vec<(String, f32)> = ranking
                    .iter()
                    .map(|h| (h.id.clone(), h.score.unwrap()))
                    .skip(offset)
                    .take(limit)
                    .collect();
                if let Some((first, last)) = days {
                    let (from, to) = (march(first), march(last));
                    exhaustive = exhaustive
                        .from_str(&from.to_string())
                        .and_then(|r| r.to_str(&to.to_string()))
                        .expect("dates");
                    expected = ranking
                        .iter()
                        .filter(|h| {
                            h.date
                                .is_some_and(|d| (from..=to).contains(&d.date_naive()))
                        })
                        .map(|h| (h.id.clone(), h.score.unwrap()))
                        .skip(offset)
                        .take(limit)
                        .collect();
                }
                let pruned = exhaustive.clone().count_total(false).stored_fields(false);
                let (a, b) = (page(&exhaustive), page(&pruned));
                assert!(!a.is_empty(), "{q} {name} {limit}+{offset}");
                assert_eq!(a, expected, "{q} {name} {limit}+{offset}");
                assert_eq!(a, b, "{q} {name} {limit}+{offset}");
            }
        }
    }
}

#[test]
fn optimize_merges_into_one_segment_keeping_every_article_and_dropping_replaced_ones() {
    let Some(index) = segmented_reuters() else {
        return;
    };
    let metas = |index: &Index| index.tantivy().searchable_segment_metas().expect("metas");
    let before = metas(&index);
    assert!(before.len() >= 4, "only {} segments", before.len());
    assert!(
        before.iter().any(|m| m.has_deletes()),
        "no replaced articles"
    );
    let queries = ["oil prices", "cocoa", "\"last year\"", "bank -interest"];
    let count = |q: &str| index.count(&SearchRequest::new(q)).expect("count");
    let totals: Vec<usize> = queries.iter().map(|q| count(q)).collect();
    let articles = index.num_articles();

    let report = index.optimize().expect("optimize");
    assert_eq!(report.segments_before, before.len());
    assert_eq!((report.segments_after, report.articles), (1, articles));
    let after = metas(&index);
    assert_eq!(after.len(), 1);
    assert!(!after[0].has_deletes(), "replaced articles kept");
    assert_eq!(u64::from(after[0].max_doc()), articles);
    assert_eq!(queries.map(count).to_vec(), totals);
    // The replaced articles are found in their new version, once each.
    let phrase = "\"interest rates fell, the company said last year\"";
    assert_eq!(count(phrase), (1..=400).step_by(7).count());

    let again = index.optimize().expect("optimize twice");
    assert_eq!((again.segments_before, again.segments_after), (1, 1));
    assert!(report.merged && !again.merged);
}

#[test]
fn dense_filters_kept_as_bit_sets_from_their_second_use_change_no_page() {
    let Some(index) = reuters_committed_every(6_000, true) else {
        return;
    };
    // A fifth of Reuters names the United States, all of it is from 1987, a third from March:
    // single terms dense enough to be kept; Reagan, as a person, two terms. Bags (checked inside the ranking), a phrase and a boolean
    // query (joined with the filter), pages with and without a total count.
    let mut requests = Vec::new();
    for q in [
        "oil prices",
        "bank interest rates rise",
        "\"the company said\"",
        "trade AND NOT japan",
    ] {
        let base = SearchRequest::new(q).limit(10).snippets(false);
        for request in [
            base.clone().entity("United States"),
            base.clone().typed_entity(EntityKind::Place, "U.S."),
            // A union: `Ronald Reagan` and the bare `Reagan` of stories that never give his
            // first name.
            base.clone().entity("Reagan"),
            base.clone()
                .from_str("1987-01-01")
                .and_then(|r| r.to_str("1987-12-31"))
                .expect("dates"),
            // One `month` term, whose articles end well before the segments do.
            base.clone()
                .from_str("1987-03-01")
                .and_then(|r| r.to_str("1987-03-31"))
                .expect("dates"),
            base.clone()
                .entity("United States")
                .from_str("1987-03-01")
                .and_then(|r| r.to_str("1987-03-31"))
                .expect("dates"),
        ] {
            requests.push(request.clone());
            requests.push(request.clone().offset(20));
            requests.push(request.count_total(false).stored_fields(false));
        }
    }
    // Per request: the total and the page's ids and scores.
    type Page = (usize, Vec<(String, Option<f32>)>);
    let pages = || -> Vec<Page> {
        requests
            .iter()
            .map(|r| {
                let results = index.search(r).expect("search");
                let hits = results.hits.into_iter().map(|h| (h.id, h.score)).collect();
                (results.total, hits)
            })
            .collect()
    };
    index.set_filter_cache_budget(0);
    let walked = pages();
    assert!(walked.iter().all(|(total, _)| *total > 0));
    assert_eq!(index.filter_cache_bytes(), 0);

    index.set_filter_cache_budget(dateline_index::DEFAULT_FILTER_CACHE_BUDGET);
    index.search(&requests[0]).expect("search");
    assert_eq!(
        index.filter_cache_bytes(),
        0,
        "a one-off search keeps nothing"
    );
    assert_eq!(pages(), walked, "first use");
    let kept = index.filter_cache_bytes();
    // Each request ran its filters in each segment before the next request came: all but the
    // first use of each filter found or built its bit sets.
    let segments = index
        .tantivy()
        .searchable_segments()
        .expect("segments")
        .len();
    assert!(segments >= 3, "only {segments} segments");
    assert!(kept > 0, "no filter kept");
    assert_eq!(pages(), walked, "bit sets");
    assert_eq!(index.filter_cache_bytes(), kept, "nothing more to keep");

    // A smaller budget drops the least recently used sets, and the pages stay.
    index.set_filter_cache_budget(kept / 2);
    assert!(index.filter_cache_bytes() <= kept / 2);
    assert_eq!(pages(), walked, "evicted");
    assert!(index.filter_cache_bytes() <= kept / 2);
}

#[test]
fn a_country_filter_finds_the_articles_naming_only_a_place_in_it_or_its_people() {
    use dateline_core::entities::{demonym_country, place_country};
    let Some((index, _)) = corpus() else {
        return;
    };
    let total = |request: SearchRequest| index.search(&request.limit(1)).expect("search").total;
    let named = total(SearchRequest::new("*").place("United States"));
    let country = total(SearchRequest::new("*").country("United States"));
    // Reuters' US business stories name Houston or Texas and not the country.
    assert!(country > named + 1_000, "{country} against {named}");
    assert_eq!(total(SearchRequest::new("*").country("US")), country);
    assert_eq!(total(SearchRequest::new("*").country("u.s.")), country);
    assert_eq!(total(SearchRequest::new("*").country("the US")), country);
    assert_eq!(
        total(SearchRequest::new("*").country("The United States")),
        country
    );

    let hits = index
        .search(&SearchRequest::new("*").country("Iraq").limit(1_000))
        .expect("search")
        .hits;
    let in_iraq = |e: &dateline_index::EntityRef| match e.kind {
        EntityKind::Place => e.name == "Iraq" || place_country(&e.name) == Some("Iraq"),
        EntityKind::Misc => demonym_country(&e.name) == Some("Iraq"),
        _ => false,
    };
    for hit in &hits {
        assert!(
            hit.entities.iter().any(in_iraq),
            "{}: {:?}",
            hit.id,
            hit.entities
        );
    }
    let not_named = |h: &&dateline_index::Hit| !h.entities.iter().any(|e| e.name == "Iraq");
    let by_place = hits
        .iter()
        .filter(not_named)
        .filter(|h| {
            h.entities
                .iter()
                .any(|e| e.kind == EntityKind::Place && in_iraq(e))
        })
        .count();
    let by_people = hits.iter().filter(not_named).count() - by_place;
    assert!(by_place > 0, "some name only Baghdad or Basra");
    assert!(by_people > 0, "some name only Iraqis");
    assert_eq!(
        hits.len(),
        total(SearchRequest::new("*").place("Iraq")) + by_place + by_people
    );
    assert_eq!(
        total(SearchRequest::new("*").country("Iraq").misc("Iraqi")),
        total(SearchRequest::new("*").misc("Iraqi")),
        "every article naming Iraqis is an article of Iraq"
    );

    let err = index
        .search(&SearchRequest::new("*").country("Texas"))
        .expect_err("a state is not a country");
    assert!(
        matches!(&err, dateline_index::Error::NotACountry { name, suggestion: None } if name == "Texas"),
        "{err}"
    );
    // A misspelt country: the closest name, fewest edits first.
    let err = index
        .search(&SearchRequest::new("*").country("Untied States"))
        .expect_err("misspelt");
    assert!(
        matches!(&err, dateline_index::Error::NotACountry { suggestion: Some(s), .. } if s == "United States"),
        "{err}"
    );
}

#[test]
fn each_country_counts_the_articles_its_filter_finds() {
    let Some((index, _)) = corpus() else {
        return;
    };
    let oil = SearchRequest::new("oil");
    let top = index.top_countries(&oil, 8).expect("countries");
    assert_eq!(top.len(), 8);
    assert_eq!(top[0].country, "United States");
    assert!(top.windows(2).all(|w| w[0].articles >= w[1].articles));
    for row in &top {
        let filtered = oil.clone().country(row.country.clone()).limit(1);
        let total = index.search(&filtered).expect("search").total as u64;
        assert_eq!(row.articles, total, "{}", row.country);
    }
    // `--facets` lists the same countries.
    assert_eq!(index.facets(&oil, 8).expect("facets").countries, top);
}

#[test]
fn a_misspelt_word_gets_the_closest_word_of_the_corpus_as_its_articles_write_it() {
    let Some((index, _)) = corpus() else {
        return;
    };
    let tips = index
        .word_suggestions(&SearchRequest::new("Rostenkovski Thatchr budget"))
        .expect("suggestions");
    let pairs: Vec<(&str, &str)> = tips
        .iter()
        .map(|t| (t.given.as_str(), t.suggestion.as_str()))
        .collect();
    // Reuters writes Rostenkowski in capitals in its headlines and in mixed case in its
    // stories: the suggestion is spelt as the stories spell it.
    assert_eq!(
        pairs,
        [("Rostenkovski", "Rostenkowski"), ("Thatchr", "Thatcher")]
    );
    for tip in &tips {
        let found = index
            .count(&SearchRequest::new(tip.suggestion.clone()))
            .expect("count");
        assert_eq!(tip.articles, found as u64, "{}", tip.suggestion);
    }
    let spelt_right = index
        .word_suggestions(&SearchRequest::new("Rostenkowski Thatcher budget"))
        .expect("suggestions");
    assert!(spelt_right.is_empty(), "{spelt_right:?}");
}

#[test]
fn a_misspelling_a_few_articles_share_gets_the_far_more_common_word_and_rare_real_words_none() {
    let Some((index, _)) = corpus() else {
        return;
    };
    let count = |q: &str| index.count(&SearchRequest::new(q)).expect("count") as u64;
    // Reuters and BBC News misspell words themselves, so these find a few articles.
    let tips = index
        .word_suggestions(&SearchRequest::new(
            "Volker sucessful coutry spokeman interest",
        ))
        .expect("suggestions");
    let pairs: Vec<(&str, &str)> = tips
        .iter()
        .map(|t| (t.given.as_str(), t.suggestion.as_str()))
        .collect();
    // Spelt as the articles write the closest word: `successful`, though `success` is indexed
    // the same; `country`, though some headline writes `Country`.
    assert_eq!(
        pairs,
        [
            ("Volker", "Volcker"),
            ("sucessful", "successful"),
            ("coutry", "country"),
            ("spokeman", "spokesman")
        ]
    );
    for tip in &tips {
        assert!(tip.given_articles > 0, "{tip:?}");
        assert_eq!(tip.given_articles, count(&tip.given), "{tip:?}");
        assert_eq!(tip.articles, count(&tip.suggestion), "{tip:?}");
        assert!(tip.articles >= 50 * tip.given_articles, "{tip:?}");
    }
    // Rare words spelt right: an English word (`leeks`, beside `weeks`), a surname (`Logan`,
    // beside `loan`), names the articles write capitalised (`Biden`, `Sinche`, beside `widened`
    // and `since`) and an alias of the built-in table, in capitals (`ISIL`, in the seed article
    // alone, beside `isolated`).
    for (word, articles) in [
        ("leeks", 1),
        ("Logan", 1),
        ("Biden", 1),
        ("Sinche", 1),
        ("ISIL", 1),
    ] {
        assert_eq!(count(word), articles, "{word}");
        let tips = index
            .word_suggestions(&SearchRequest::new(word))
            .expect("suggestions");
        assert!(tips.is_empty(), "{word}: {tips:?}");
    }
}

#[test]
fn every_hit_explains_its_score_and_a_bag_of_words_term_by_term() {
    use dateline_index::Explanation;
    let Some((index, _)) = corpus() else {
        return;
    };
    let close = |a: f32, b: f32| (a - b).abs() <= 1e-4 * a.abs().max(1.0);
    let requests = [
        SearchRequest::new("oil prices OPEC"),
        SearchRequest::new("\"crude oil\" OR gasoline"),
        SearchRequest::new("+Reagan -budget tax"),
        SearchRequest::new("oil prices").prf(true),
        SearchRequest::new("oil prices").proximity(true),
        SearchRequest::new("oil prices").org("OPEC"),
    ];
    for request in requests {
        let results = index
            .search(&request.clone().explain(true).limit(20))
            .expect("search");
        assert!(results.hits.len() >= 10, "{}", request.query);
        for hit in &results.hits {
            let why = hit.explanation.as_ref().expect("an explanation");
            let score = hit.score.expect("a score");
            assert!(
                close(why.value, score),
                "{}: {} against {score}",
                request.query,
                why.value
            );
        }
    }
    // A bag of words: one part per term the article holds, each the module's formula of its
    // own quantities, adding up to the score.
    let results = index
        .search(&SearchRequest::new("oil prices OPEC").explain(true))
        .expect("search");
    let value = |e: &Explanation, prefix: &str| {
        e.details
            .iter()
            .find(|d| d.description.starts_with(prefix))
            .map(|d| d.value)
            .unwrap_or_else(|| panic!("no {prefix} in {e:?}"))
    };
    for hit in &results.hits {
        let why = hit.explanation.as_ref().expect("an explanation");
        let mut sum = 0.0;
        for part in &why.details {
            assert!(part.description.starts_with("term \""), "{part:?}");
            let (q, idf) = (value(part, "q:"), value(part, "idf"));
            let (tf, norm) = (value(part, "tf"), value(part, "k1 ·"));
            let k1 = dateline_index::Ranking::default().k1;
            assert!(
                close(part.value, q * idf * tf * (k1 + 1.0) / (tf + norm)),
                "{part:?}"
            );
            sum += part.value;
        }
        assert!(close(sum, why.value), "{why:?}");
    }
    // Phrases, prefixes, fuzzy words and proximity pairs are named field by field, tantivy's
    // wrappers folded away, and every sum and product adds up.
    fn check(e: &Explanation, close: &dyn Fn(f32, f32) -> bool, names: &mut Vec<String>) {
        for raw in [
            "Phrase Scorer",
            "TermQuery",
            "BooleanClause",
            "Boost x",
            "Const",
        ] {
            assert!(!e.description.starts_with(raw), "{e:?}");
        }
        let parts = e.details.iter().map(|d| d.value);
        if e.description.ends_with("product of") {
            assert!(close(parts.product(), e.value), "{e:?}");
        } else if e.description.starts_with("sum of the matching parts") {
            assert!(close(parts.sum(), e.value), "{e:?}");
        }
        names.push(e.description.clone());
        for detail in &e.details {
            check(detail, close, names);
        }
    }
    for (query, proximity, expected) in [
        (
            "\"crude oil\" prices",
            false,
            "phrase \"crude oil\" in title: weight × score",
        ),
        (
            "\"crude oil\"~2",
            false,
            "phrase \"crude oil\"~2 in body: tantivy's BM25",
        ),
        (
            "refin*",
            false,
            "words starting with refin in body: every match scores",
        ),
        (
            "Yeutter~1",
            false,
            "words within 1 edit of \"yeutter\" in title: every match",
        ),
        (
            "oil prices",
            true,
            "proximity: \"oil price\" side by side in body, weight 0.1 × 1",
        ),
    ] {
        let request = SearchRequest::new(query).proximity(proximity).explain(true);
        let mut names = Vec::new();
        for hit in index.search(&request).expect("search").hits {
            let why = hit.explanation.as_ref().expect("an explanation");
            assert!(close(why.value, hit.score.expect("a score")), "{query}");
            check(why, &close, &mut names);
        }
        assert!(
            names.iter().any(|n| n.starts_with(expected)),
            "{query}: {names:?}"
        );
        if query.starts_with('"') || proximity {
            assert!(names.iter().any(|n| n == "tf: occurrences in the field"));
        }
    }
    // Sorted by date, a hit has no score to explain.
    let by_date = index
        .search(
            &SearchRequest::new("oil")
                .sort(dateline_index::Sort::Date)
                .explain(true),
        )
        .expect("search");
    assert!(by_date.hits.iter().all(|h| h.explanation.is_none()));
}

#[test]
fn filter_clauses_select_as_the_filters_do_and_leave_the_ranking_to_the_words() {
    let Some((index, _)) = corpus() else {
        return;
    };
    let count = |request: SearchRequest| index.count(&request).expect("count");
    let reagan = count(SearchRequest::new("*").person("Reagan"));
    let baker = count(SearchRequest::new("*").person("Baker"));
    let both = count(SearchRequest::new("*").person("Reagan").person("Baker"));
    assert!(
        reagan > 100 && baker > 100 && both > 10,
        "{reagan} {baker} {both}"
    );
    assert_eq!(
        count(SearchRequest::new("person:Reagan OR person:Baker")),
        reagan + baker - both
    );
    assert_eq!(
        count(SearchRequest::new("person:Reagan AND person:Baker")),
        both
    );
    let tax = count(SearchRequest::new("tax"));
    let tax_reagan = count(SearchRequest::new("tax").person("Reagan"));
    assert_eq!(
        count(SearchRequest::new("tax -person:Reagan")),
        tax - tax_reagan
    );
    // Each clause is its filter: aliases, countries through their places and people.
    for (clause, filter) in [
        ("entity:OPEC", SearchRequest::new("*").entity("OPEC")),
        ("org:OPEC", SearchRequest::new("*").org("OPEC")),
        ("place:Iran", SearchRequest::new("*").place("Iran")),
        (
            "country:\"United States\"",
            SearchRequest::new("*").country("United States"),
        ),
        ("misc:Iraqi", SearchRequest::new("*").misc("Iraqi")),
    ] {
        assert_eq!(count(SearchRequest::new(clause)), count(filter), "{clause}");
    }
    // A clause selects; the words rank: the same hits with the same scores as the filter.
    let by_clause = index
        .search(&SearchRequest::new("tax budget AND person:Reagan").limit(20))
        .expect("search");
    let by_filter = index
        .search(&SearchRequest::new("tax budget").person("Reagan").limit(20))
        .expect("search");
    let page = |r: &dateline_index::SearchResults| -> Vec<(String, Option<f32>)> {
        r.hits.iter().map(|h| (h.id.clone(), h.score)).collect()
    };
    assert_eq!(by_clause.total, by_filter.total);
    assert_eq!(page(&by_clause), page(&by_filter));
    // Beside words, clauses must hold, as filters do: the same page, the same scores.
    let juxtaposed = index
        .search(&SearchRequest::new("tax budget person:Reagan date:1987-03..1987-06").limit(20))
        .expect("search");
    let filtered = index
        .search(
            &SearchRequest::new("tax budget")
                .person("Reagan")
                .from_str("1987-03")
                .and_then(|r| r.to_str("1987-06"))
                .expect("dates")
                .limit(20),
        )
        .expect("search");
    assert!(filtered.total > 10, "{}", filtered.total);
    assert_eq!(juxtaposed.total, filtered.total);
    assert_eq!(page(&juxtaposed), page(&filtered));
    // `OR` keeps a clause an alternative.
    assert_eq!(
        count(SearchRequest::new("tax OR person:Reagan")),
        tax + reagan - tax_reagan
    );
    // A country that is none is the filter's error.
    assert!(matches!(
        index.search(&SearchRequest::new("oil country:Texas")),
        Err(dateline_index::Error::NotACountry { .. })
    ));
}

#[test]
fn a_search_by_entity_alone_shows_where_each_article_names_it() {
    let Some((index, _)) = corpus() else {
        return;
    };
    let highlighted = |request: SearchRequest| -> Vec<Vec<String>> {
        let results = index.search(&request.limit(30)).expect("search");
        results
            .hits
            .iter()
            .map(|hit| {
                let snippet = hit.snippet.as_ref().expect("a snippet");
                (snippet.highlights.iter())
                    .map(|&(from, to)| snippet.text[from..to].to_string())
                    .collect()
            })
            .collect()
    };
    // A person by surname: the passages naming him, by either name.
    let reagan = highlighted(SearchRequest::new("*").person("Reagan"));
    assert!(
        reagan.iter().filter(|h| !h.is_empty()).count() >= 25,
        "{reagan:?}"
    );
    for text in reagan.iter().flatten() {
        assert!(text.contains("Reagan"), "{text}");
    }
    // An organisation by its acronym: its other names too; a query clause as its filter.
    let opec = highlighted(SearchRequest::new("org:OPEC"));
    let forms: std::collections::BTreeSet<&str> =
        opec.iter().flatten().map(|s| s.as_str()).collect();
    assert!(
        forms.iter().all(|f| {
            let f = f.to_lowercase();
            f.contains("opec") || f.contains("petroleum exporting")
        }),
        "{forms:?}"
    );
    assert!(forms.len() > 1, "{forms:?}");
    // Words of the query in the body: they are what the snippet shows, as before.
    let words = highlighted(SearchRequest::new("budget").person("Reagan"));
    for text in words.iter().flatten() {
        assert!(text.to_lowercase().starts_with("budget"), "{text}");
    }
}
