//! Criterion benchmarks of the extraction stages: recognise (dictionaries, lexicon, numbers,
//! dates) and the whole pipeline, over the project's own example articles.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_extract::kb::Knowledge;
use rasd_extract::lexicon::Lexicon;
use rasd_extract::recognize::Recognizer;
use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate};

const FIXTURES: &[&str] = &[
    include_str!("../tests/fixtures/01_drone_base.txt"),
    include_str!("../tests/fixtures/02_strike_lebanon.txt"),
    include_str!("../tests/fixtures/03_toll_gaza.txt"),
    include_str!("../tests/fixtures/04_designation.txt"),
    include_str!("../tests/fixtures/05_negation_threat.txt"),
];

fn corpus() -> String {
    let bodies: Vec<&str> = FIXTURES
        .iter()
        .map(|f| f.split_once("\n---\n").map(|x| x.1).unwrap_or(f))
        .collect();
    // About 20 KB: an article of ordinary length, several times over.
    bodies.join("\n\n").repeat(8)
}

/// The example articles again and again up to `bytes`, each line numbered so that the cleaner
/// keeps every copy.
fn long_document(bytes: usize) -> String {
    let bodies: Vec<&str> = FIXTURES
        .iter()
        .map(|f| f.split_once("\n---\n").map(|x| x.1).unwrap_or(f))
        .collect();
    let mut out = String::new();
    let mut k = 0;
    while out.len() < bytes {
        for b in &bodies {
            for line in b.lines() {
                if !line.trim().is_empty() {
                    out.push_str(&format!("{line} ({k})\n"));
                }
            }
            out.push('\n');
        }
        k += 1;
    }
    out
}

fn benches(c: &mut Criterion) {
    let text = corpus();
    let published = IsoDate::parse("2024-03-09").ok();
    let kb = Knowledge::builtin();
    let rec = Recognizer::new(kb, Lexicon::builtin());
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("recognize", |b| {
        b.iter(|| {
            let f = rec.recognize(kb, black_box(&text), published);
            assert!(!f.names.is_empty());
            f.names.len()
        })
    });
    let p = Pipeline::new();
    let mut doc = Document::new("bench", text.clone());
    doc.meta.published = published;
    g.bench_function("pipeline", |b| {
        b.iter(|| {
            let r = p.extract(black_box(&doc));
            assert!(!r.entities.is_empty());
            r.events.len()
        })
    });
    g.finish();
    // One long document (a whole bulletin, a book of reports): about 1 MB of distinct lines,
    // which must cost about its length, not its square.
    let long = long_document(1_000_000);
    let mut doc = Document::new("long", long.clone());
    doc.meta.published = published;
    let mut g = c.benchmark_group("extract_long");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(long.len() as u64));
    g.bench_function("pipeline_1mb_document", |b| {
        b.iter(|| p.extract(black_box(&doc)).events.len())
    });
    g.finish();
    c.bench_function("pipeline_build", |b| b.iter(|| black_box(Pipeline::new())));
}

criterion_group!(extract, benches);
criterion_main!(extract);
