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
    let mut src = String::from("/// Third-party assets embedded from `web/vendor/`.\n");
    src.push_str("pub static VENDOR: &[(&str, &[u8])] = &[\n");
    for line in &table {
        src.push_str(line);
    }
    src.push_str("];\n/// Vendored files that were missing when the binary was built.\n");
    let _ = writeln!(src, "pub static VENDOR_MISSING: &[&str] = &{missing:?};");
    let _ = fs::write(out.join("assets.rs"), src);
}
