//! Throughput of every stage of the text layer over realistic Arabic news text.
//!
//! The article below was written for this benchmark (it copies no outlet): a few kilobytes
//! with the forms the pipeline meets every day (attributions, harakat, tatweel, Arabic-Indic
//! digits, numbers in words, dual nouns, weekdays, combined month names, page chrome). It is
//! repeated with a different figure in every line so that cleaning does not drop the repeats.
//! When `../shared/eval/dev/dev.input.jsonl` exists, the whole analysis also runs over it.
//!
//! Run: `cargo bench -p rasd-text --bench text` (add `-- --quick` for a fast pass).
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_model::IsoDate;
use rasd_text::{analyze, clean, dates, normalize, numbers, sentences, tokenize};

const ARTICLE: &str = "\
بغداد - قال مصدر أمني عراقي لوكالة الأنباء، فضّل عدم الكشف عن هويته، إن «طائرتين مسيّرتين» هاجمتا قاعدة عسكرية تضم قوات أجنبية في محافظة الأنبار غربي البلاد فجر السبت، وإن الدفاعات الجوية أسقطت إحداهما قبل وصولها إلى هدفها.
وأضاف المصدر أن الطائرة الثانية سقطت داخل المعسكر دون أن تتسبب بأضرار تُذكر، مشيراً إلى أن فرقاً فنية تعمل على فحص حطامها.
في المقابل، قال مسؤول في وزارة الدفاع الأميركية إن الوزارة «ليست على علم» بأي هجوم على قواتها في غرب العراق يوم السبت، مضيفاً أنه لم ترد تقارير عملياتية تؤكد ذلك.
وتبنّت جماعة مسلّحة تطلق على نفسها اسم «المقاومة الإسلامية» الهجوم في بيان نشرته عبر قناتها على تلغرام مساء الجمعة، وقالت إنها استهدفت القاعدة «بسرب من الطائرات المسيّرة».
ومنذ الأربعاء الماضي، تعرّضت قواعد تضم قوات أجنبية في العراق وسوريا لما لا يقل عن عشرة هجمات بطائرات مسيّرة وصواريخ، أسفرت عن إصابة ثلاثة جنود بجروح طفيفة، بحسب بيان عسكري.
وكان نحو ٢٥٠٠ جندي أجنبي وألف جندي من دول التحالف ينتشرون في ثلاث قواعد على الأقل حتى أواخر عام 2021، قبل أن تتحوّل مهمتهم إلى الاستشارة والتدريب مطلع 2022.
وفي قطاع غزة، أعلنت وزارة الصحة اليوم الاثنين 23 أكتوبر/تشرين الأول ارتفاع حصيلة القتلى إلى 5087 شخصاً، بينهم 2055 طفلاً و1119 امرأة، إضافة إلى أكثر من 15273 جريحاً منذ السابع من تشرين الأول/ أكتوبر 2023.
وأضافت الوزارة أن 436 شخصاً قُتلوا خلال الـ 24 ساعة الماضية، وأن عشرات الآلاف نزحوا من منازلهم في شمال القطاع إلى جنوبه، فيما لا يزال المئات تحت الأنقاض.
وقال متحدث عسكري إن مقاتلات من طراز أف – 16 شنّت أكثر من ثلاثين غارة ليل الأحد الاثنين على مواقع قالت إنها تابعة لفصائل مسلحة، مضيفاً أن الغارات أصابت ٣٢٠ هدفاً خلال يومين.
وبحسب الأمم المتحدة، فإن ما يزيد على 1,400,000 شخص نزحوا داخل القطاع، وإن نحو 2.5 مليون يعيشون في ظروف إنسانية صعبة، بينما لم تدخل سوى عشرين شاحنة مساعدات يوم السبت 21 أكتوبر 2023.
وفي لبنان، أعلن الجيش أن صاروخين مضادين للدروع أُطلقا أمس من الجنوب باتجاه موقع عسكري، وأن جندياً واحداً أصيب بجروح، فيما ردّت المدفعية بقصف أطراف ثلاث بلدات حدودية.
وذكرت وكالة الأنباء الرسمية أن غارة نُفّذت عند الساعة 1:05 فجراً على منزل في بلدة حدودية أدّت إلى مقتل شخصين وإصابة أربعة آخرين، بينهم طفلان.
وفي اليمن، أعلنت القيادة المركزية الأميركية في بيان يوم 3 فبراير عند الساعة 7:20 مساءً بتوقيت صنعاء أنها دمّرت ثماني طائرات مسيّرة وأربعة صواريخ مضادة للسفن كانت معدّة للإطلاق.
وكانت الجماعة قد أعلنت في شهر رمضان الماضي أنها استهدفت سفينتين تجاريتين في البحر الأحمر، وأن هجماتها ستستمر «حتى وقف العدوان»، وفق بيان صدر قبل ثلاثة أيام.
وقالت مصادر محلية إن زهاء 150 عائلة نزحت خلال الأسبوع الماضي، وإن الأسعار ارتفعت بنسبة 30% منذ صيف 2022، فيما بلغت قيمة الأضرار 3 ملايين دولار بحسب تقديرات أولية صدرت في 27/10/2023.
وأشار التقرير إلى أن عدد الهجمات بلغ مئة وخمسة وعشرين هجوماً منذ مطلع العام الجاري، مقارنة بنحو ثمانين هجوماً في العام الماضي، وأن ألفين ومئتي شخص اعتُقلوا في الفترة ذاتها.
شارك
اقرأ أيضاً:
";

/// The article repeated `times` times, each line carrying the repetition number so that no
/// line repeats.
fn corpus(times: usize) -> String {
    let mut out = String::with_capacity(ARTICLE.len() * times + times * 64);
    for k in 0..times {
        for line in ARTICLE.lines() {
            out.push_str(line);
            if line.chars().count() > 20 {
                out.push_str(&format!(" (تحديث {k})"));
            }
            out.push('\n');
        }
    }
    out
}

fn stages(c: &mut Criterion) {
    let text = corpus(24);
    let published = IsoDate::from_ymd(2023, 10, 23);
    let kept = clean::kept_ranges(&text);
    let key = normalize::match_key(&text, &kept);
    let tokens = tokenize::tokenize(&key);
    let a = analyze(&text);
    let n_tokens = tokens.len();
    let n_sentences = a.sentences.len();
    let n_numbers = numbers::find(&a).len();
    let n_dates = dates::find(&a, published).len();
    assert!(
        n_tokens > 10_000 && n_numbers >= 24 * 40 && n_dates >= 24 * 20,
        "{n_tokens} {n_numbers} {n_dates}"
    );

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("clean", |b| {
        b.iter(|| {
            let kept = clean::kept_ranges(black_box(&text));
            assert_eq!(kept.len(), 24 * 16);
            kept
        })
    });
    g.bench_function("match_key", |b| {
        b.iter(|| {
            let key = normalize::match_key(black_box(&text), black_box(&kept));
            assert!(key.text.len() > text.len() / 2);
            key
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            let tokens = tokenize::tokenize(black_box(&key));
            assert_eq!(tokens.len(), n_tokens);
            tokens
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            let s = sentences::split(black_box(&key), black_box(&tokens));
            assert_eq!(s.len(), n_sentences);
            s
        })
    });
    g.bench_function("numbers", |b| {
        b.iter(|| {
            let q = numbers::find(black_box(&a));
            assert_eq!(q.len(), n_numbers);
            q
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            let d = dates::find(black_box(&a), published);
            assert_eq!(d.len(), n_dates);
            d
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            let a = analyze(black_box(&text));
            assert_eq!(a.tokens.len(), n_tokens);
            a
        })
    });
    g.bench_function("analyze+numbers+dates", |b| {
        b.iter(|| {
            let a = analyze(black_box(&text));
            let q = numbers::find(&a);
            let d = dates::find(&a, published);
            assert_eq!((q.len(), d.len()), (n_numbers, n_dates));
            (a, q, d)
        })
    });
    g.finish();

    // The evaluation articles, when the shared folder is there (read, never copied).
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/dev/dev.input.jsonl");
    if let Ok(raw) = std::fs::read_to_string(dev) {
        let texts: Vec<String> = raw
            .lines()
            .filter_map(|l| l.split("\"text\": \"").nth(1))
            .map(|t| {
                t.trim_end_matches("\"}")
                    .replace("\\n", "\n")
                    .replace("\\\"", "\"")
            })
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut g = c.benchmark_group("shared-dev");
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("analyze+numbers+dates", |b| {
            b.iter(|| {
                let mut found = 0;
                for t in &texts {
                    let a = analyze(black_box(t));
                    found += numbers::find(&a).len() + dates::find(&a, published).len();
                }
                assert!(found > 0);
                found
            })
        });
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
