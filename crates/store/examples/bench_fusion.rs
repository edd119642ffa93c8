//! Ingest and fusion throughput of the store on generated reports.
//!
//! ```sh
//! cargo run --release -p rasd-store --example bench_fusion -- 10000 1000000
//! cargo run --release -p rasd-store --example bench_fusion -- 10000 --db postgres://…
//! ```
//!
//! For each size N it generates N event reports of about N/4 real events (each told by 1 to 8
//! outlets, with the noise real reporting has: a day off, a nearby village instead of the town,
//! the governorate instead of the place, another weapon type of the same family, a denial),
//! spread over four years, 2,000 places in ten countries and 300 actors; it ingests them as one
//! document per report in batches of 1,000 documents (one transaction each) into a fresh SQLite
//! file (or the given store), then fuses every report again from scratch (`Store::refuse`). It
//! prints ingest and fusion throughput in events/s, how many canonical events came out (against
//! the real events generated), and the peak memory of the process.
use std::time::Instant;

use rasd_model::*;
use rasd_store::{EventQuery, Store};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

struct Place {
    name: String,
    id: String,
    country: &'static str,
    admin1: String,
    lat: f64,
    lon: f64,
}

/// (code, min_lat, max_lat, min_lon, max_lon)
const COUNTRIES: [(&str, f64, f64, f64, f64); 10] = [
    ("IQ", 30.0, 37.0, 39.0, 47.5),
    ("SY", 32.5, 37.0, 36.0, 42.0),
    ("LB", 33.1, 34.6, 35.1, 36.5),
    ("PS", 31.2, 32.5, 34.2, 35.5),
    ("YE", 12.8, 18.0, 43.0, 52.0),
    ("LY", 26.0, 32.8, 10.0, 24.0),
    ("SD", 10.0, 21.0, 22.0, 37.0),
    ("SO", 0.0, 11.0, 41.0, 51.0),
    ("JO", 29.5, 32.7, 35.0, 38.8),
    ("EG", 22.5, 31.5, 25.0, 34.5),
];

const LETTERS: [&str; 12] = ["ب", "ت", "ج", "د", "ر", "ز", "س", "ش", "ع", "ف", "ق", "م"];

fn word(r: &mut Rng, n: usize) -> String {
    (0..n).map(|_| LETTERS[r.below(LETTERS.len())]).collect()
}

fn places(r: &mut Rng) -> Vec<Place> {
    let mut out = Vec::new();
    for i in 0..2000 {
        let (c, la0, la1, lo0, lo1) = COUNTRIES[i % COUNTRIES.len()];
        let lat = la0 + r.unit() * (la1 - la0);
        let lon = lo0 + r.unit() * (lo1 - lo0);
        // Governorates: a 3×3 grid over the country.
        let gy = ((lat - la0) / (la1 - la0) * 3.0) as usize;
        let gx = ((lon - lo0) / (lo1 - lo0) * 3.0) as usize;
        out.push(Place {
            name: format!("بلدة {}{}", word(r, 3), i),
            id: format!("{c}.p{i}"),
            country: c,
            admin1: format!("محافظة {c}{gy}{gx}"),
            lat,
            lon,
        });
    }
    out
}

const TYPES: [(EventType, Weapon, u32); 9] = [
    (EventType::AirDroneStrike, Weapon::Drone, 30),
    (EventType::MissileArtillery, Weapon::Rocket, 25),
    (EventType::ArmedClash, Weapon::Firearms, 15),
    (EventType::Attack, Weapon::Firearms, 8),
    (EventType::RemoteExplosive, Weapon::Ied, 6),
    (EventType::Arrest, Weapon::Firearms, 6),
    (EventType::Protest, Weapon::Knife, 5),
    (EventType::Abduction, Weapon::Firearms, 3),
    (EventType::Threat, Weapon::Firearms, 2),
];

fn pick_type(r: &mut Rng) -> (EventType, Weapon) {
    let total: u32 = TYPES.iter().map(|t| t.2).sum();
    let mut x = r.below(total as usize) as u32;
    for (k, w, p) in TYPES {
        if x < p {
            return (k, w);
        }
        x -= p;
    }
    (EventType::Attack, Weapon::Firearms)
}

/// One real event, as the generator knows it.
struct Real {
    kind: EventType,
    weapon: Weapon,
    day: i64,
    place: usize,
    actor: usize,
    target: usize,
    killed: u64,
}

fn location(p: &Place, precision: GeoPrecision) -> Location {
    Location {
        name: p.name.clone(),
        name_en: None,
        place_id: Some(p.id.clone()),
        country: Some(p.country.into()),
        admin1: Some(p.admin1.clone()),
        lat: Some(p.lat),
        lon: Some(p.lon),
        precision: Some(precision),
    }
}

/// The reports of `n` events, in roughly the order outlets publish them.
fn generate(n: usize, seed: u64) -> (Vec<(Document, Record)>, usize) {
    let mut r = Rng(seed | 1);
    let places = places(&mut r);
    let start = IsoDate::parse("2021-01-01")
        .map(|d| d.to_days())
        .unwrap_or(18628);
    let mut reals = Vec::new();
    let mut reports: Vec<(i64, u64, usize, usize)> = Vec::new(); // (day, tiebreak, real, outlet)
    while reports.len() < n {
        let (kind, weapon) = pick_type(&mut r);
        let real = Real {
            kind,
            weapon,
            day: start + r.below(4 * 365) as i64,
            place: r.below(places.len()),
            actor: r.below(300),
            target: r.below(300),
            killed: if r.chance(0.4) { r.below(30) as u64 } else { 0 },
        };
        // 1 to 8 outlets, most events told by few.
        let k = 1 + (r.unit() * r.unit() * 8.0) as usize;
        for o in 0..k.min(n - reports.len()) {
            reports.push((real.day + r.below(2) as i64, r.next(), reals.len(), o));
        }
        reals.push(real);
    }
    reports.sort_by_key(|x| (x.0, x.1));
    let outlets = [
        "وكالة الرافدين",
        "قناة الشرق",
        "صحيفة المدى",
        "موقع المرصد",
        "وكالة الأنباء",
        "إذاعة المدينة",
        "قناة الحدث",
        "صحيفة الصباح",
    ];
    let mut batch = Vec::with_capacity(n);
    for (i, (_, _, ri, o)) in reports.iter().enumerate() {
        let real = &reals[*ri];
        let p = &places[real.place];
        // Noise: a day off, a nearby village, the governorate, a sibling type, a denial.
        let day = real.day + if r.chance(0.15) { 1 } else { 0 };
        let mut loc = location(p, GeoPrecision::Locality);
        if r.chance(0.15) {
            loc.name = format!("قرية {}", word(&mut r, 4));
            loc.place_id = None;
            loc.lat = loc.lat.map(|x| x + (r.unit() - 0.5) * 0.1);
            loc.lon = loc.lon.map(|x| x + (r.unit() - 0.5) * 0.1);
        } else if r.chance(0.08) {
            loc.name = p.admin1.clone();
            loc.place_id = Some(format!("{}.admin1", p.admin1));
            loc.precision = Some(GeoPrecision::Admin1);
        }
        let kind = if real.kind == EventType::AirDroneStrike && r.chance(0.1) {
            EventType::MissileArtillery
        } else {
            real.kind
        };
        let stance = if r.chance(0.1) {
            Stance::Denies
        } else {
            Stance::Asserts
        };
        let mut actors = vec![ActorRef {
            role: Role::Target,
            name: format!("جماعة {}", real.target),
            name_en: None,
            entity_id: Some(format!("g{}", real.target)),
        }];
        if r.chance(0.7) {
            actors.insert(
                0,
                ActorRef {
                    role: Role::Actor,
                    name: format!("جماعة {}", real.actor),
                    name_en: None,
                    entity_id: Some(format!("g{}", real.actor)),
                },
            );
        }
        let date = IsoDate::from_days(day).to_string();
        let text = format!(
            "أفاد {} بأن هجوما وقع في {} يوم {date} وأسفر عن مقتل {} أشخاص. التقرير رقم {i}.",
            outlets[*o % outlets.len()],
            loc.name,
            real.killed
        );
        let event = Event {
            id: "e1".into(),
            kind,
            date: Some(date.clone()),
            date_precision: DatePrecision::Day,
            date_text: None,
            location: Some(loc),
            actors,
            weapons: vec![real.weapon],
            count: None,
            killed: Some(real.killed),
            injured: None,
            outcome: vec![],
            claims: vec![Claim {
                source: "مصدر محلي".into(),
                anonymous: true,
                via: None,
                stance,
                source_id: None,
                evidence: vec![Span::new(0, 10)],
            }],
            contradiction: false,
            evidence: vec![Span::new(0, 40)],
        };
        let id = format!("bench-{i:07}");
        let mut doc = Document::new(id.clone(), text);
        doc.meta.source = Some(outlets[*o % outlets.len()].into());
        let rec = Record {
            doc: DocInfo {
                id,
                source: doc.meta.source.clone(),
                published: Some(date),
                lang: "ar".into(),
                ..Default::default()
            },
            events: vec![event],
            entities: vec![Entity {
                id: format!("g{}", real.target),
                kind: EntityType::ArmedGroup,
                name: format!("جماعة {}", real.target),
                name_en: None,
                aliases: vec![],
                mentions: vec![Span::new(0, 5)],
                new: false,
                country: None,
                designations: vec![],
            }],
            ..Default::default()
        };
        batch.push((doc, rec));
    }
    (batch, reals.len())
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut sizes = Vec::new();
    let mut db_arg: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--db" {
            db_arg = args.next();
        } else {
            sizes.push(a.replace('_', "").parse::<usize>()?);
        }
    }
    if sizes.is_empty() {
        sizes = vec![10_000];
    }
    const BATCH: usize = 1000;
    for n in sizes {
        let t = Instant::now();
        let (docs, n_real) = generate(n, 0x5eed + n as u64);
        let gen_s = t.elapsed().as_secs_f64();
        let dir = tempfile::tempdir()?;
        let target = match &db_arg {
            Some(d) => d.clone(),
            None => dir.path().join("bench.db").to_string_lossy().into_owned(),
        };
        let mut store = Store::open(&target)?;
        if store.counts()?.documents > 0 {
            return Err(format!("{} is not empty", store.target()).into());
        }
        let t = Instant::now();
        let mut last = Instant::now();
        let mut done = 0;
        for chunk in docs.chunks(BATCH) {
            store.ingest(chunk)?;
            done += chunk.len();
            if last.elapsed().as_secs() >= 30 {
                last = Instant::now();
                eprintln!(
                    "  … {done} of {n} events in {:.0} s ({:.0} events/s)",
                    t.elapsed().as_secs_f64(),
                    done as f64 / t.elapsed().as_secs_f64()
                );
            }
        }
        let ingest_s = t.elapsed().as_secs_f64();
        let counts = store.counts()?;
        drop(docs);
        let t = Instant::now();
        let re = store.refuse()?;
        let fuse_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let page = store.events(&EventQuery {
            country: Some("IQ".into()),
            from: Some("2023-01-01".into()),
            to: Some("2023-03-31".into()),
            limit: 50,
            ..Default::default()
        })?;
        let query_ms = t.elapsed().as_secs_f64() * 1000.0;
        let size_mb = std::fs::metadata(&target).map_or(0.0, |m| m.len() as f64 / 1e6);
        println!(
            "{n} events ({n_real} real) on {}: generated in {gen_s:.1} s; ingest+fusion {ingest_s:.1} s = {:.0} events/s; \
             fusion alone (refuse) {fuse_s:.1} s = {:.0} events/s; {} canonical events ({:.2} per real event, {} fused); \
             a filtered page of {} (of {}) in {query_ms:.1} ms; db {size_mb:.0} MB; peak RSS {:.0} MB",
            store.backend(),
            n as f64 / ingest_s,
            n as f64 / fuse_s,
            counts.canonical_events,
            counts.canonical_events as f64 / n_real.max(1) as f64,
            re.fused,
            page.items.len(),
            page.total,
            peak_rss_mb(),
        );
    }
    Ok(())
}
