//! Golden snapshots of whole records for the project's own example texts.
//!
//! Each fixture is `tests/fixtures/NAME.txt`: `key: value` header lines (`published`, `source`),
//! a `---` line, then the article. The snapshot renders every event, claim, toll, relation and
//! entity with the Arabic text of its evidence beside the resolved values, so that a reviewer
//! reads what was coded and why. Update with `cargo insta review`.
use std::fmt::Write;

use rasd_extract::Pipeline;
use rasd_model::{Document, IsoDate, Record, Span};

fn parse_fixture(name: &str, raw: &str) -> Document {
    let (head, body) = raw.split_once("\n---\n").unwrap_or(("", raw));
    let mut doc = Document::new(name, body.trim_end());
    for line in head.lines() {
        match line.split_once(':') {
            Some(("published", v)) => doc.meta.published = IsoDate::parse(v.trim()).ok(),
            Some(("source", v)) => doc.meta.source = Some(v.trim().to_string()),
            _ => {}
        }
    }
    doc
}

fn chars(text: &str, s: &Span) -> String {
    text.chars()
        .skip(s.start)
        .take(s.end - s.start)
        .collect::<String>()
        .replace('\n', " ")
}

fn render(doc: &Document, r: &Record) -> String {
    let t = &doc.text;
    let mut o = String::new();
    for e in &r.events {
        let loc = e
            .location
            .as_ref()
            .map(|l| {
                format!(
                    "{} [{}; {:?}; {}]",
                    l.name,
                    l.place_id.clone().unwrap_or_default(),
                    l.precision,
                    l.admin1.clone().unwrap_or_default()
                )
            })
            .unwrap_or_else(|| "-".into());
        let _ = writeln!(
            o,
            "EVENT {} {}  date={} ({:?}, «{}»)  at {}",
            e.id,
            e.kind.as_str(),
            e.date.clone().unwrap_or_default(),
            e.date_precision,
            e.date_text.clone().unwrap_or_default(),
            loc
        );
        for a in &e.actors {
            let _ = writeln!(
                o,
                "  {:?}: {} [{}]",
                a.role,
                a.name,
                a.entity_id.clone().unwrap_or_default()
            );
        }
        let _ = writeln!(
            o,
            "  weapons={:?} count={:?} killed={:?} injured={:?} outcome={:?} contradiction={}",
            e.weapons, e.count, e.killed, e.injured, e.outcome, e.contradiction
        );
        for c in &e.claims {
            let _ = writeln!(
                o,
                "  CLAIM {:?} by «{}» anonymous={} via={:?}",
                c.stance, c.source, c.anonymous, c.via
            );
        }
        for s in &e.evidence {
            let _ = writeln!(o, "  « {} »", chars(t, s));
        }
    }
    for x in &r.tolls {
        let _ = writeln!(
            o,
            "TOLL at {} killed={:?} injured={:?} breakdown={:?} as_of={:?} source={:?}",
            x.place.as_ref().map(|p| p.name.as_str()).unwrap_or("-"),
            x.killed,
            x.injured,
            x.breakdown,
            x.as_of,
            x.source
        );
    }
    for x in &r.relations {
        let _ = writeln!(o, "RELATION {:?}: {} → {}", x.kind, x.subject, x.object);
    }
    for x in &r.entities {
        let m: Vec<String> = x.mentions.iter().map(|s| chars(t, s)).collect();
        let _ = writeln!(
            o,
            "ENTITY {:?} {} [{}]{} ← {:?}",
            x.kind,
            x.name,
            x.id,
            if x.new { " new" } else { "" },
            m
        );
    }
    o
}

#[test]
fn fixtures() {
    let p = Pipeline::new();
    insta::glob!("fixtures/*.txt", |path| {
        let raw = std::fs::read_to_string(path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let doc = parse_fixture(&name, &raw);
        let rec = p.extract(&doc);
        // Every evidence span points inside the text.
        let n = doc.text.chars().count();
        for e in &rec.events {
            assert!(e.evidence.iter().all(|s| s.start <= s.end && s.end <= n));
        }
        insta::assert_snapshot!(render(&doc, &rec));
    });
}
