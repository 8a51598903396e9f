//! Criterion benchmarks of each stage on real text (Reuters-21578 from `../shared/data`):
//! reading, analysing, entity extraction, ingest and queries.
//!
//! `cargo bench -p dateline-benches` runs them all; figures go in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use dateline_benches::{read_records, shared_data, Record};
use dateline_core::analyzer::news_analyzer;
use dateline_core::entities::EntityExtractor;
use dateline_core::reader::{jsonl, raw};
use dateline_core::Article;
use dateline_index::{Index, SearchRequest};
use tantivy::tokenizer::TokenStream;

/// The first 2,000 Reuters articles with a body.
fn reuters() -> Vec<Record> {
    let path = shared_data().join("reuters21578/docs.jsonl.gz");
    let mut records = read_records(&path).expect("reuters docs.jsonl.gz in ../shared/data");
    records.retain(|r| !r.body.is_empty());
    records.truncate(2_000);
    records
}

fn articles(records: &[Record]) -> Vec<Article> {
    records
        .iter()
        .map(|r| jsonl::parse_line(&serde_json::to_string(r).unwrap(), 1, "bench").unwrap())
        .collect()
}

fn bytes_of(records: &[Record]) -> u64 {
    records.iter().map(|r| r.body.len() as u64).sum()
}

fn reading(c: &mut Criterion) {
    let records = reuters();
    let lines: Vec<String> = records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    let mut g = c.benchmark_group("read");
    g.throughput(Throughput::Bytes(
        lines.iter().map(|l| l.len() as u64).sum(),
    ));
    g.bench_function("jsonl_2000_reuters", |b| {
        b.iter(|| {
            for (i, line) in lines.iter().enumerate() {
                black_box(jsonl::parse_line(line, i + 1, "bench").unwrap());
            }
        })
    });
    let seed = std::fs::read(shared_data().join("seed/london-terror-talks.txt")).unwrap();
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("raw_seed", |b| {
        b.iter(|| black_box(raw::parse(&seed, "seed").unwrap()))
    });
    g.finish();
}

fn analysing(c: &mut Criterion) {
    let records = reuters();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(bytes_of(&records)));
    g.bench_function("news_en_2000_reuters", |b| {
        let mut analyzer = news_analyzer();
        b.iter(|| {
            let mut n = 0usize;
            for r in &records {
                let mut stream = analyzer.token_stream(&r.body);
                while stream.advance() {
                    n += 1;
                }
            }
            black_box(n)
        })
    });
    g.finish();
}

fn entities(c: &mut Criterion) {
    let records = reuters();
    let extractor = EntityExtractor::new();
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(bytes_of(&records)));
    g.bench_function("extract_2000_reuters", |b| {
        b.iter(|| {
            for r in &records {
                black_box(extractor.extract(r.title.as_deref(), &r.body));
            }
        })
    });
    g.finish();
}

fn ingest(c: &mut Criterion) {
    let records = reuters();
    let docs = articles(&records);
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("add_2000_reuters_in_ram", |b| {
        b.iter_batched(
            || (Index::create_in_ram().unwrap(), docs.clone()),
            |(index, docs)| black_box(index.add_articles(docs).unwrap()),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn query(c: &mut Criterion) {
    let records = reuters();
    let index = Index::create_in_ram().unwrap();
    index.add_articles(articles(&records)).unwrap();
    let mut g = c.benchmark_group("query");
    for (name, q) in [
        ("word", "oil"),
        ("phrase", "\"interest rates\""),
        ("bag", "bank cuts interest rates"),
        ("boolean", "(oil OR gas) AND -opec"),
    ] {
        let request = SearchRequest::new(q).snippets(false);
        g.bench_function(name, |b| {
            b.iter(|| black_box(index.search(&request).unwrap()))
        });
    }
    let filtered = SearchRequest::new("bank cuts interest rates")
        .from_str("1987-03-01")
        .unwrap()
        .to_str("1987-03-31")
        .unwrap()
        .snippets(false);
    g.bench_function("bag_month_filter", |b| {
        b.iter(|| black_box(index.search(&filtered).unwrap()))
    });
    // Untyped and typed entity filters should cost the same: a typed one once read the whole
    // entity dictionary on every query.
    for (name, request) in [
        (
            "bag_entity_filter",
            SearchRequest::new("bank cuts interest rates").entity("U.S."),
        ),
        (
            "bag_place_filter",
            SearchRequest::new("bank cuts interest rates").place("U.S."),
        ),
        (
            "bag_person_surname_filter",
            SearchRequest::new("oil prices").person("Baker"),
        ),
    ] {
        let request = request.snippets(false);
        g.bench_function(name, |b| {
            b.iter(|| black_box(index.search(&request).unwrap()))
        });
    }
    let snippets = SearchRequest::new("bank cuts interest rates");
    g.bench_function("bag_with_snippets", |b| {
        b.iter(|| black_box(index.search(&snippets).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, reading, analysing, entities, ingest, query);
criterion_main!(benches);
