//! Reading speed: a JSON Lines input of a few thousand Arabic news-like records, held in memory,
//! read through `JsonlReader`; plus one HTML page. Results are checked inside the timed loop.
use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_read::{html::read_html, JsonlReader, ReadOptions};

const PARAGRAPHS: [&str; 5] = [
    "أعلنت مصادر أمنية أن طائرة مسيرة استهدفت فجر اليوم الخميس موقعا عسكريا قرب الحدود، من دون أن تسفر عن إصابات.",
    "وقال مسؤول محلي لوكالة الأنباء إن الدفاعات الجوية اعترضت صاروخين أطلقا باتجاه المطار، فيما سقط ثالث في أرض خالية.",
    "وأفادت وزارة الصحة بمقتل أربعة أشخاص وإصابة اثني عشر آخرين في قصف مدفعي طال حيا سكنيا في أطراف المدينة.",
    "ونفى المتحدث باسم الجيش وقوع أي هجوم على القاعدة، مؤكدا أن الأصوات التي سمعت ناجمة عن تدريبات روتينية.",
    "ولم تتبن أي جهة الهجوم حتى الآن، في حين تتواصل التحقيقات لتحديد مصدر الطائرة والجهة التي تقف خلفها.",
];

/// `n` records of three to five paragraphs each, with ids, dates and sources.
fn jsonl(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let k = 3 + i % 3;
        let text: Vec<&str> = (0..k)
            .map(|j| PARAGRAPHS[(i + j) % PARAGRAPHS.len()])
            .collect();
        let rec = serde_json::json!({
            "id": format!("bench-{i}"),
            "source": "موقع تجريبي",
            "published": format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            "url": format!("https://news.example/{i}"),
            "text": text.join("\n\n"),
        });
        out.extend_from_slice(rec.to_string().as_bytes());
        out.push(b'\n');
    }
    out
}

fn page() -> String {
    let paras: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>خبر</title>\
         <meta property=\"article:published_time\" content=\"2024-05-01\"><script>var a = 1;</script></head>\
         <body><header><nav><a>الرئيسية</a><a>أخبار</a></nav></header><main><article><h1>خبر</h1>{paras}\
         <div class=\"share\">شارك</div></article></main><aside>الأكثر قراءة</aside><footer>حقوق</footer></body></html>"
    )
}

fn bench(c: &mut Criterion) {
    const N: usize = 5_000;
    let data = jsonl(N);
    let mut g = c.benchmark_group("read");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.bench_function("jsonl_5000_records", |b| {
        b.iter(|| {
            let mut docs = 0usize;
            let mut chars = 0usize;
            for item in
                JsonlReader::new("bench.jsonl", black_box(&data[..]), ReadOptions::default())
            {
                let d = item.expect("every bench record reads");
                assert!(d.doc.meta.published.is_some());
                chars += d.doc.text.len();
                docs += 1;
            }
            assert_eq!(docs, N);
            chars
        })
    });
    let html = page();
    let name: Arc<str> = Arc::from("bench.html");
    g.throughput(Throughput::Bytes(html.len() as u64));
    g.bench_function("html_page", |b| {
        b.iter(|| {
            let d = read_html(&name, black_box(html.as_bytes()), ReadOptions::default())
                .expect("page reads");
            assert!(d.doc.text.starts_with("خبر\n"));
            assert!(!d.doc.text.contains("شارك"));
            d.doc.text.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
