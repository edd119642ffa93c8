//! Full-text search time against the number of words in the query.
//!
//! ```sh
//! cargo run --release -p rasd-store --example bench_search -- [DOCS] [--db PATH|URL]
//! ```
//!
//! Stores DOCS generated Arabic articles (default 3,000; 80 words each over a vocabulary of
//! 2,000 words) in a fresh SQLite file (or the given store), then times `Store::search` and an
//! event query with a text filter for queries of 10 to 1,000 words (words of the vocabulary,
//! so every word has hits, and the same words repeated), and prints milliseconds per query.
//! Growth should be about linear in the words; queries over the cap are refused at once.
use std::time::Instant;

use rasd_model::{DocInfo, Document, Record};
use rasd_store::{EventQuery, Store};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1) as u64) as usize
    }
}

const LETTERS: &[char] = &[
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ر', 'ز', 'س', 'ش', 'ص', 'ط', 'ع', 'غ', 'ف', 'ق', 'ك',
    'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let docs: usize = args
        .iter()
        .find(|a| a.bytes().all(|b| b.is_ascii_digit()))
        .map_or(Ok(3000), |a| a.parse())?;
    let db = args
        .iter()
        .position(|a| a == "--db")
        .and_then(|i| args.get(i + 1).cloned());
    let dir = tempfile::tempdir()?;
    let target = db.unwrap_or_else(|| dir.path().join("search.db").display().to_string());
    let mut store = Store::open(&target)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let vocab: Vec<String> = (0..2000)
        .map(|_| (0..5).map(|_| LETTERS[rng.below(LETTERS.len())]).collect())
        .collect();
    let t = Instant::now();
    let mut batch = Vec::new();
    let mut first_doc = String::new();
    for i in 0..docs {
        let text: Vec<&str> = (0..80)
            .map(|_| vocab[rng.below(vocab.len())].as_str())
            .collect();
        let doc = Document::new(format!("d{i}"), text.join(" "));
        if i == 0 {
            first_doc = doc.text.clone();
        }
        let rec = Record {
            doc: DocInfo {
                id: doc.id.clone(),
                lang: "ar".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        batch.push((doc, rec));
        if batch.len() == 1000 {
            store.ingest(&batch)?;
            batch.clear();
        }
    }
    store.ingest(&batch)?;
    println!(
        "{docs} documents stored in {:.1} s ({})",
        t.elapsed().as_secs_f64(),
        store.backend()
    );
    println!(
        "{:>6} {:>12} {:>12} {:>12} {:>12}",
        "words", "search ms", "repeated ms", "hit ms", "events ms"
    );
    let doc_words: Vec<&str> = first_doc.split(' ').collect();
    for n in [10, 30, 100, 300, 1000, 3000] {
        let distinct: Vec<&str> = (0..n)
            .map(|_| vocab[rng.below(vocab.len())].as_str())
            .collect();
        let q = distinct.join(" ");
        let same = vec![vocab[0].as_str(); n].join(" ");
        // The words of a stored document, over and over: a query that hits.
        let hit: Vec<&str> = doc_words.iter().cycle().take(n).copied().collect();
        let hit = hit.join(" ");
        let time = |f: &dyn Fn() -> Result<usize, rasd_store::StoreError>| {
            let t = Instant::now();
            let r = f();
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            match r {
                Ok(_) => format!("{ms:.1}"),
                Err(_) => format!("refused {ms:.2}"),
            }
        };
        println!(
            "{n:>6} {:>12} {:>12} {:>12} {:>12}",
            time(&|| store.search(&q, 20).map(|h| h.len())),
            time(&|| store.search(&same, 20).map(|h| h.len())),
            time(&|| store.search(&hit, 20).map(|h| h.len())),
            time(&|| {
                store
                    .events(&EventQuery {
                        text: Some(q.clone()),
                        ..Default::default()
                    })
                    .map(|p| p.total)
            }),
        );
    }
    Ok(())
}
