//! The dashboard's files, compiled into the binary.
//!
//! Our own files in `web/` are included directly; the third-party ones (Leaflet, TopoJSON
//! client, boundary data), vendored in `web/vendor/`, and the map labels made from the
//! gazetteer come from the table `build.rs` writes. Should a vendored file be missing, the
//! dashboard still loads and says the map library is missing.
use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

mod vendor {
    include!(concat!(env!("OUT_DIR"), "/assets.rs"));
}

/// Vendored map files missing from this build (empty in a complete build).
pub fn missing_vendor() -> &'static [&'static str] {
    vendor::VENDOR_MISSING
}

const OWN: &[(&str, &[u8])] = &[
    ("index.html", include_bytes!("../web/index.html")),
    ("app.js", include_bytes!("../web/app.js")),
    ("i18n.js", include_bytes!("../web/i18n.js")),
    ("style.css", include_bytes!("../web/style.css")),
    ("favicon.svg", include_bytes!("../web/favicon.svg")),
];

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Look up an embedded file by its path below `/` (e.g. `app.js`, `vendor/leaflet.js`).
pub fn get(path: &str) -> Option<&'static [u8]> {
    OWN.iter()
        .chain(vendor::VENDOR.iter())
        .find(|(p, _)| *p == path)
        .map(|(_, b)| *b)
}

/// The response for an embedded file, or `None` when there is no such file.
pub fn response(path: &str) -> Option<Response> {
    let bytes = get(path)?;
    // Our own files change with every build; vendored libraries and boundary data rarely do.
    let cache = if path.starts_with("vendor/") {
        "public, max-age=86400"
    } else {
        "no-cache"
    };
    let mut resp = (StatusCode::OK, Body::from(bytes)).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Some(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_files_are_embedded() {
        for f in [
            "index.html",
            "app.js",
            "i18n.js",
            "style.css",
            "favicon.svg",
        ] {
            assert!(get(f).is_some_and(|b| !b.is_empty()), "{f}");
        }
        assert!(get("nope.js").is_none());
        assert!(get("../Cargo.toml").is_none());
    }

    #[test]
    fn index_loads_no_inline_script() {
        let html = std::str::from_utf8(get("index.html").unwrap()).unwrap();
        for line in html.lines().filter(|l| l.contains("<script")) {
            assert!(
                line.contains(" src=\"/"),
                "inline or external script: {line}"
            );
        }
        let lower = html.to_ascii_lowercase();
        let handler = lower.split(" on").skip(1).any(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            !name.is_empty() && rest[name.len()..].trim_start().starts_with('=')
        });
        assert!(!handler, "no inline event handlers");
    }

    #[test]
    fn app_never_uses_inner_html() {
        for f in ["app.js", "i18n.js"] {
            let js = std::str::from_utf8(get(f).unwrap()).unwrap();
            for bad in [
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
                "eval(",
            ] {
                assert!(!js.contains(bad), "{f} uses {bad}");
            }
        }
    }

    /// sRGB hex to CIELAB (D65).
    fn lab(hex: &str) -> [f64; 3] {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let (r, g, b) = (c(1), c(3), c(5));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    #[test]
    fn type_colours_can_be_told_apart() {
        let js = std::str::from_utf8(get("app.js").unwrap()).unwrap();
        let block = js
            .split("const TYPE_COLORS = {")
            .nth(1)
            .and_then(|r| r.split("};").next())
            .unwrap();
        let colours: Vec<(&str, [f64; 3])> = block
            .split(',')
            .filter_map(|kv| kv.split_once(':'))
            .map(|(k, v)| (k.trim(), lab(v.trim().trim_matches('"'))))
            .collect();
        assert_eq!(colours.len(), 12, "one colour per event type");
        for (i, (a, la)) in colours.iter().enumerate() {
            for (b, lb) in colours.iter().skip(i + 1) {
                let de = la
                    .iter()
                    .zip(lb)
                    .map(|(x, y)| (x - y).powi(2))
                    .sum::<f64>()
                    .sqrt();
                assert!(de >= 20.0, "{a} and {b} are too alike (ΔE {de:.1})");
            }
        }
    }

    #[test]
    fn labels_of_capitals_and_towns_are_embedded() {
        let labels: serde_json::Value =
            serde_json::from_slice(get("labels.json").expect("labels.json")).unwrap();
        let all = labels.as_array().unwrap();
        assert!(all.len() > 30, "{}", all.len());
        let baghdad = all.iter().find(|p| p["name_en"] == "Baghdad").unwrap();
        assert_eq!(baghdad["capital"], true);
        assert_eq!(baghdad["name_ar"], "بغداد");
        assert!(all
            .iter()
            .any(|p| p["name_en"] == "Mosul" && p["capital"] == false));
    }

    #[test]
    fn map_assets_are_vendored() {
        assert!(missing_vendor().is_empty(), "{:?}", missing_vendor());
        for f in [
            "vendor/leaflet.js",
            "vendor/countries-50m.json",
            "vendor/admin1.json",
        ] {
            assert!(get(f).is_some_and(|b| b.len() > 1000), "{f}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(
            content_type("vendor/leaflet.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type("vendor/images/layers.png"), "image/png");
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
    }
}
