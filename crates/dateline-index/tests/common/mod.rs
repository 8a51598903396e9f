//! Helpers shared by this crate's integration tests.

use std::path::PathBuf;

/// A folder below the shared data folder (`<workspace>/../shared/data`), or `None` when it is
/// absent. Under CI (`CI` set) a missing folder is a failure, not a skip: tests on real data
/// must run.
pub fn shared_data(below: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(below);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "shared data folder {} is missing under CI",
        dir.display()
    );
    eprintln!("skipping: {} is missing", dir.display());
    None
}

/// The top `limit` hits of `query` with every match scored (and counted), then with top-k
/// pruning (no count): what each returns, for tests that they agree.
#[allow(dead_code)] // not every test binary uses it
pub fn exhaustive_and_pruned(
    index: &dateline_index::Index,
    query: &str,
    limit: usize,
) -> (Vec<dateline_index::Hit>, Vec<dateline_index::Hit>) {
    let exhaustive = dateline_index::SearchRequest::new(query)
        .limit(limit)
        .snippets(false);
    let pruned = exhaustive.clone().count_total(false).stored_fields(false);
    (
        index.search(&exhaustive).unwrap().hits,
        index.search(&pruned).unwrap().hits,
    )
}

/// All of Reuters-21578 in an index in memory, duplicates kept, committed every
/// `commit_every` articles (a segment each); `None` without the shared data.
#[allow(dead_code)] // not every test binary uses it
pub fn reuters_index(commit_every: usize) -> Option<dateline_index::Index> {
    let data = shared_data("reuters21578")?;
    let index = dateline_index::Index::create_in_ram().expect("index in RAM");
    let options = dateline_index::IngestOptions {
        keep_duplicates: true,
        commit_every,
        ..dateline_index::IngestOptions::default()
    };
    index
        .ingest_paths(&[data.join("docs.jsonl.gz")], &options, &|_| {})
        .expect("ingest");
    Some(index)
}

/// The ids of the first 100 articles of `index` (all of a small one), sorted.
#[allow(dead_code)] // not every test binary uses it
pub fn sorted_ids(index: &dateline_index::Index) -> Vec<String> {
    let request = dateline_index::SearchRequest::new("*").limit(100);
    let mut ids: Vec<String> = index
        .search(&request)
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    ids.sort();
    ids
}

/// The first `n` records of Reuters-21578 (`docs.jsonl.gz`), one JSON line each, or `None`
/// when the shared data is absent.
#[allow(dead_code)] // not every test binary uses it
pub fn reuters_lines(n: usize) -> Option<Vec<String>> {
    use std::io::BufRead;
    let path = shared_data("reuters21578")?.join("docs.jsonl.gz");
    let file = std::fs::File::open(path).expect("reuters");
    let lines = std::io::BufReader::new(flate2::read::GzDecoder::new(file)).lines();
    Some(lines.take(n).map(|l| l.expect("line")).collect())
}

/// The highlighted words of a hit's snippet, lower-cased.
#[allow(dead_code)] // not every test binary uses it
pub fn highlighted(hit: &dateline_index::Hit) -> Vec<String> {
    let snippet = hit.snippet.as_ref().expect("a snippet");
    snippet
        .highlights
        .iter()
        .map(|&(s, e)| snippet.text[s..e].to_lowercase())
        .collect()
}

/// The seed article alone, in an index in memory with the built-in aliases and, when given,
/// the user alias table `aliases`; `None` when the shared data is absent.
#[allow(dead_code)] // not every test binary uses it
pub fn seed_index(
    aliases: Option<dateline_core::entities::AliasTable>,
) -> Option<dateline_index::Index> {
    let data = shared_data("seed")?;
    let mut index = dateline_index::Index::create_in_ram().expect("index in RAM");
    if let Some(aliases) = aliases {
        index = index.with_aliases(aliases);
    }
    index
        .ingest_paths(
            &[data.join("london-terror-talks.txt")],
            &dateline_index::IngestOptions::default(),
            &|_| {},
        )
        .expect("ingest");
    Some(index)
}
