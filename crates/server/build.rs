//! Embeds the dashboard's third-party browser assets into the binary.
//!
//! They live in the repository, in `web/vendor/`, with their licences: the Leaflet map library
//! and its images, the TopoJSON client, country borders (world-atlas) and governorate/province
//! borders (Natural Earth admin-1, simplified) — so `cargo build` alone gives the full
//! dashboard, without Node. npm is only the way to update them (`scripts/update-web-vendor.sh`,
//! which runs `examples/vendor.rs`).
//!
//! It writes `assets.rs`: a table of `(path, bytes)` pulled in with `include_bytes!`, and the
//! names of the files that are missing (the dashboard then says the map is missing).
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

/// The vendored files the dashboard loads, below `web/vendor/`.
const FILES: &[&str] = &[
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
    "topojson-client.min.js",
    "countries-50m.json",
    "admin1.json",
];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let vendor = manifest.join("web").join("vendor");
    for f in [
        "index.html",
        "app.js",
        "i18n.js",
        "style.css",
        "favicon.svg",
    ] {
        println!("cargo:rerun-if-changed=web/{f}");
    }
    println!("cargo:rerun-if-changed=web/vendor");
    println!("cargo:rerun-if-changed=build.rs");

    let mut table: Vec<String> = Vec::new();
    let mut missing = Vec::new();
    for f in FILES {
        let p = vendor.join(f);
        if p.is_file() {
            table.push(format!(
                "    (\"vendor/{f}\", include_bytes!({:?})),\n",
                p.display().to_string()
            ));
            println!("cargo:rerun-if-changed=web/vendor/{f}");
        } else {
            missing.push(*f);
        }
    }
    if !missing.is_empty() {
        println!(
            "cargo:warning=rasd-server: dashboard map assets missing from web/vendor ({}); run scripts/update-web-vendor.sh",
            missing.join(", ")
        );
    }
    // Labels of capitals and main towns for the map, from the gazetteer.
    let places = manifest.join("../../data/places.tsv");
    println!("cargo:rerun-if-changed={}", places.display());
    if let Some(json) = fs::read_to_string(&places).ok().and_then(|t| labels(&t)) {
        let to = out.join("labels.json");
        if fs::write(&to, json).is_ok() {
            table.push(format!(
                "    (\"labels.json\", include_bytes!({:?})),\n",
                to.display().to_string()
            ));
        }
    }
    let mut src = String::from("/// Third-party assets embedded from `web/vendor/`.\n");
    src.push_str("pub static VENDOR: &[(&str, &[u8])] = &[\n");
    for line in &table {
        src.push_str(line);
    }
    src.push_str("];\n/// Vendored files that were missing when the binary was built.\n");
    let _ = writeln!(src, "pub static VENDOR_MISSING: &[&str] = &{missing:?};");
    let _ = fs::write(out.join("assets.rs"), src);
}

/// Capitals of the region (gazetteer ids), labelled from the first zoom levels on.
const CAPITALS: &[&str] = &[
    "IQ.baghdad_city",
    "SY.damascus_city",
    "LB.beirut_city",
    "JO.amman_city",
    "YE.sanaa_city",
    "SA.riyadh_city",
    "AE.abu_dhabi_city",
    "KW.kuwait_city",
    "QA.doha_city",
    "OM.muscat_city",
    "BH.manama",
    "IR.tehran_city",
    "EG.cairo_city",
    "LY.tripoli_city",
    "SD.khartoum_city",
    "TR.ankara_city",
    "SO.mogadishu",
    "PS.ramallah_city",
    "PS.gaza_city",
    "IL.jerusalem",
];

/// Towns that are parts of a city already labelled.
const NOT_TOWNS: &[&str] = &["IQ.sadr_city", "LB.dahiyeh", "SD.bahri"];

/// Least population of a town labelled on the map.
const MAIN_TOWN: u64 = 400_000;

/// JSON labels `[{name_ar, name_en, lat, lon, capital}]`: the capitals and the towns of at least
/// [`MAIN_TOWN`] people of the gazetteer (`id kind name_ar name_en … lat lon population`).
fn labels(tsv: &str) -> Option<String> {
    let mut out = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(id), Some(kind), Some(ar), Some(en), Some(lat), Some(lon), Some(pop)) = (
            f.first(),
            f.get(1),
            f.get(2),
            f.get(3),
            f.get(8),
            f.get(9),
            f.get(10),
        ) else {
            continue;
        };
        let capital = CAPITALS.contains(id);
        let pop: u64 = pop.trim().parse().unwrap_or(0);
        if *kind != "locality" || NOT_TOWNS.contains(id) || !(capital || pop >= MAIN_TOWN) {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (lat.trim().parse::<f64>(), lon.trim().parse::<f64>()) else {
            continue;
        };
        // «Tripoli (Lebanon)» is labelled «Tripoli».
        let en = en.split(" (").next().unwrap_or(en).trim();
        out.push(serde_json::json!({
            "name_ar": ar.trim(),
            "name_en": en,
            "lat": lat,
            "lon": lon,
            "capital": capital,
        }));
    }
    serde_json::to_string(&out).ok()
}
