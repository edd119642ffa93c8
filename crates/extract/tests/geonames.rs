//! The GeoNames import on small dumps written by the test, in the real dump formats.
use std::fs;
use std::io::{BufReader, Cursor};
use std::path::PathBuf;

use rasd_extract::kb::geonames::{
    import, GeonamesError, ImportOptions, ImportStats, FORMAT_PROBE_LINES,
};
use rasd_extract::kb::{Knowledge, PlaceKind, PLACES_COLUMNS};

/// One `allCountries.txt` line (19 columns).
#[allow(clippy::too_many_arguments)]
fn place(
    id: u64,
    name: &str,
    lat: f64,
    lon: f64,
    class: &str,
    code: &str,
    cc: &str,
    admin1: &str,
    pop: u64,
) -> String {
    format!(
        "{id}\t{name}\t{name}\t{name},{name}x\t{lat}\t{lon}\t{class}\t{code}\t{cc}\t\t{admin1}\t\t\t\t{pop}\t\t50\tAsia/Baghdad\t2024-01-01\n"
    )
}

/// One `alternateNamesV2.txt` line (10 columns).
fn alt(
    alt_id: u64,
    id: u64,
    lang: &str,
    name: &str,
    preferred: bool,
    colloquial: bool,
    historic: bool,
) -> String {
    let f = |b: bool| if b { "1" } else { "" };
    format!(
        "{alt_id}\t{id}\t{lang}\t{name}\t{}\t\t{}\t{}\t\t\n",
        f(preferred),
        f(colloquial),
        f(historic)
    )
}

fn places_dump() -> String {
    let mut s = String::new();
    // A town of Anbar listed before its ADM1 row: it must wait for it.
    s += &place(100, "Hit", 33.64, 42.83, "P", "PPLA2", "IQ", "04", 60000);
    s += &place(
        101,
        "Muhafazat al Anbar",
        33.0,
        42.0,
        "A",
        "ADM1",
        "IQ",
        "04",
        1_900_000,
    );
    s += &place(
        102,
        "Ar Ramadi",
        33.42,
        43.30,
        "P",
        "PPLA",
        "IQ",
        "04",
        500_000,
    );
    s += &place(
        103,
        "Al Asad Air Base",
        33.80,
        42.44,
        "S",
        "AIRB",
        "IQ",
        "04",
        0,
    );
    // Syria: an ADM1, a city and a village without Arabic names.
    s += &place(
        200,
        "Muhafazat Dayr az Zawr",
        35.0,
        40.5,
        "A",
        "ADM1",
        "SY",
        "07",
        1_200_000,
    );
    s += &place(
        201,
        "Al Mayadin",
        35.02,
        40.45,
        "P",
        "PPL",
        "SY",
        "07",
        45000,
    );
    s += &place(202, "Tiny Farm", 35.1, 40.4, "P", "PPL", "SY", "07", 10);
    // A country, a stream (not kept), a place in Jordan (filtered by country in one test).
    s += &place(
        300,
        "Republic of Iraq",
        33.0,
        44.0,
        "A",
        "PCLI",
        "IQ",
        "00",
        45_000_000,
    );
    s += &place(301, "Nahr al Furat", 35.0, 40.0, "H", "STM", "SY", "", 0);
    s += &place(
        400, "Az Zarqa", 32.07, 36.09, "P", "PPLA", "JO", "15", 600_000,
    );
    // An oil field filed under class L, whose ADM1 never appears.
    s += &place(
        500,
        "Omar Oil Field",
        35.05,
        40.55,
        "L",
        "OILF",
        "SY",
        "99",
        0,
    );
    // Malformed lines: too few columns, a bad latitude, a bad id, invalid UTF-8 is added below.
    s += "garbage line without tabs\n";
    s += &place(600, "Bad Lat", 133.0, 40.0, "P", "PPL", "SY", "07", 5);
    s += "notanumber\tX\tX\t\t1\t1\tP\tPPL\tSY\t\t07\t\t\t\t5\t\t\t\t\n";
    s
}

fn alternate_dump() -> String {
    let mut s = String::new();
    s += &alt(1, 100, "ar", "هيت", true, false, false);
    s += &alt(2, 101, "ar", "محافظة الأنبار", false, false, false);
    s += &alt(3, 101, "ar", "الأنبار", true, false, false);
    s += &alt(4, 102, "ar", "الرمادي", true, false, false);
    s += &alt(5, 102, "en", "Ramadi", true, false, false);
    s += &alt(6, 103, "ar", "قاعدة عين الأسد", false, false, false);
    s += &alt(7, 103, "ar", "عين الأسد", false, false, false);
    s += &alt(8, 200, "ar", "دير الزور", false, false, false);
    s += &alt(9, 201, "ar", "الميادين", true, false, false);
    // Historic and colloquial Arabic names are not kept.
    s += &alt(10, 201, "ar", "اسم قديم", false, false, true);
    s += &alt(11, 201, "ar", "اسم عامي", false, true, false);
    s += &alt(12, 300, "ar", "العراق", true, false, false);
    s += &alt(13, 400, "ar", "الزرقاء", true, false, false);
    s += &alt(14, 500, "ar", "حقل العمر (نفط)", false, false, false);
    // Malformed alternate names.
    s += "x\ty\tar\tلا شيء\n";
    s += "short line\n";
    s
}

/// A test file in the temporary directory, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let p = std::env::temp_dir().join(format!("rasd-geonames-{}-{name}", std::process::id()));
        fs::write(&p, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", p.display()));
        TempFile(p)
    }

    fn reader(&self) -> BufReader<fs::File> {
        BufReader::new(
            fs::File::open(&self.0).unwrap_or_else(|e| panic!("opening {}: {e}", self.0.display())),
        )
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

fn run(opts: &ImportOptions) -> (ImportStats, String) {
    let mut places = places_dump().into_bytes();
    places.extend_from_slice(b"\xff\xfe\tbroken utf8\n");
    let pf = TempFile::new(
        &format!(
            "all-{}-{}.txt",
            opts.countries.join(""),
            opts.min_population
        ),
        &places,
    );
    let af = TempFile::new(
        &format!(
            "alt-{}-{}.txt",
            opts.countries.join(""),
            opts.min_population
        ),
        alternate_dump().as_bytes(),
    );
    let mut out = Vec::new();
    let stats =
        import(pf.reader(), af.reader(), opts, &mut out).unwrap_or_else(|e| panic!("import: {e}"));
    (
        stats,
        String::from_utf8(out).unwrap_or_else(|e| panic!("output is not UTF-8: {e}")),
    )
}

#[test]
fn imports_arabic_places_and_loads_as_a_gazetteer() {
    let (stats, tsv) = run(&ImportOptions::default());
    assert!(tsv.starts_with(&PLACES_COLUMNS.join("\t")), "{tsv}");

    let mut kb = Knowledge::default();
    let n = kb
        .add_places_tsv(&tsv)
        .unwrap_or_else(|e| panic!("output does not load: {e}\n{tsv}"));
    assert_eq!(n as u64, stats.places_written);
    // Hit, Anbar, Ramadi, Ain al-Asad, Deir ez-Zor, Mayadin, Iraq, Zarqa, Omar field.
    assert_eq!(stats.places_written, 9, "{stats}\n{tsv}");

    let hit = kb.place("gn:100").expect("Hit");
    assert_eq!(
        (hit.kind, hit.name_ar.as_str(), hit.name_en.as_str()),
        (PlaceKind::Locality, "هيت", "Hit")
    );
    assert_eq!(
        hit.admin1.as_deref(),
        Some("gn:101"),
        "held back until its ADM1 came"
    );
    assert_eq!(kb.admin1_name(hit), Some("الأنبار"));
    assert_eq!(hit.population, 60000);

    let anbar = kb.place("gn:101").expect("Anbar");
    assert_eq!(anbar.kind, PlaceKind::Admin1);
    assert_eq!(anbar.name_ar, "الأنبار", "the preferred Arabic name");
    assert_eq!(anbar.aliases_ar, vec!["محافظة الأنبار"]);
    assert_eq!(anbar.admin1, None);

    let asad = kb.place("gn:103").expect("Ain al-Asad");
    assert_eq!(asad.kind, PlaceKind::Facility);
    assert_eq!(asad.name_ar, "قاعدة عين الأسد");
    assert_eq!(asad.aliases_ar, vec!["عين الأسد"]);
    assert_eq!(asad.admin1.as_deref(), Some("gn:101"));
    assert!((asad.lat - 33.80).abs() < 1e-9 && (asad.lon - 42.44).abs() < 1e-9);

    let mayadin = kb.place("gn:201").expect("Mayadin");
    assert_eq!(
        mayadin.aliases_ar,
        Vec::<String>::new(),
        "historic and colloquial names dropped"
    );
    assert_eq!(kb.admin1_name(mayadin), Some("دير الزور"));

    let iraq = kb.place("gn:300").expect("Iraq");
    assert_eq!(
        (iraq.kind, iraq.country.as_str()),
        (PlaceKind::Country, "IQ")
    );

    let omar = kb.place("gn:500").expect("Omar field");
    assert_eq!(
        (omar.kind, omar.name_ar.as_str()),
        (PlaceKind::Facility, "حقل العمر"),
        "qualifier dropped"
    );
    assert_eq!(omar.admin1, None, "its ADM1 never came");

    assert!(kb.place("gn:202").is_none(), "no Arabic name");
    assert!(kb.place("gn:301").is_none(), "a stream is not kept");

    assert_eq!(stats.by_kind, [1, 2, 0, 4, 2]);
    assert_eq!(stats.skipped_no_arabic, 1);
    assert_eq!(stats.skipped_feature, 1);
    assert_eq!(stats.skipped_lines, 4 + 2, "{stats}");
    assert_eq!(stats.lines_read, 15);
    assert_eq!(stats.alternate_lines, 16);
    assert_eq!(stats.arabic_names, 11);
    assert_eq!(
        stats.held_back_max, 2,
        "Hit until Anbar came, then Zarqa and the Omar field"
    );
    assert_eq!(
        stats.admin1_resolved, 4,
        "Hit, Ramadi, Ain al-Asad, Mayadin"
    );
    let shown = stats.to_string();
    assert!(
        shown.contains("9 written") && shown.contains("6 malformed"),
        "{shown}"
    );
}

#[test]
fn filters_by_country_and_population() {
    let opts = ImportOptions {
        countries: vec!["sy".into()],
        min_population: 50_000,
    };
    let (stats, tsv) = run(&opts);
    let mut kb = Knowledge::default();
    kb.add_places_tsv(&tsv).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = kb.places.iter().map(|p| p.id.as_str()).collect();
    // Mayadin (45 000) is below the threshold; the ADM1 and the facility are not filtered by it.
    assert_eq!(ids, vec!["gn:200", "gn:500"], "{tsv}");
    assert_eq!(stats.skipped_filter, 7 + 1, "{stats}");
}

#[test]
fn empty_inputs_give_an_empty_gazetteer() {
    let mut out = Vec::new();
    let stats = import(
        Cursor::new(""),
        Cursor::new(""),
        &ImportOptions::default(),
        &mut out,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stats, ImportStats::default());
    let tsv = String::from_utf8(out).unwrap_or_default();
    assert_eq!(tsv.trim_end(), PLACES_COLUMNS.join("\t"));
    let mut kb = Knowledge::default();
    assert_eq!(kb.add_places_tsv(&tsv).ok(), Some(0));
}

#[test]
fn a_file_that_is_not_a_dump_is_rejected_with_its_line() {
    let junk = "this is not geonames\n".repeat(FORMAT_PROBE_LINES as usize + 10);
    let err = import(
        Cursor::new(junk.clone()),
        Cursor::new(""),
        &ImportOptions::default(),
        Vec::new(),
    )
    .err();
    match err {
        Some(GeonamesError::Format { file, line, .. }) => {
            assert_eq!((file, line), ("places", FORMAT_PROBE_LINES));
        }
        other => panic!("expected a format error, got {other:?}"),
    }
    let err = import(
        Cursor::new(""),
        Cursor::new(junk),
        &ImportOptions::default(),
        Vec::new(),
    )
    .err();
    assert!(
        matches!(
            err,
            Some(GeonamesError::Format {
                file: "alternate names",
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn read_errors_carry_the_line_number() {
    struct Failing(usize);
    impl std::io::Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::other("disk gone"));
            }
            let line = place(1, "A", 1.0, 1.0, "P", "PPL", "IQ", "04", 1);
            let n = line.len().min(buf.len());
            buf[..n].copy_from_slice(&line.as_bytes()[..n]);
            self.0 -= 1;
            Ok(n)
        }
    }
    // Two full lines, then the error while reading the third.
    let err = import(
        BufReader::with_capacity(4096, Failing(2)),
        Cursor::new(""),
        &ImportOptions::default(),
        Vec::new(),
    )
    .err();
    match err {
        Some(GeonamesError::Read {
            file: "places",
            line,
            ..
        }) => assert_eq!(line, 3),
        other => panic!("expected a read error, got {other:?}"),
    }
}
