//! The dashboard's files, compiled into the binary.
//!
//! Our own files in `web/` are included directly; the third-party ones (Leaflet, TopoJSON
//! client, boundary data) come from the table `build.rs` writes after copying them out of
//! `web/node_modules`. When that table is empty the dashboard still loads and says the map
//! library is missing.
use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

mod vendor {
    include!(concat!(env!("OUT_DIR"), "/assets.rs"));
}

/// npm packages that were not bundled into this build (empty in a complete build).
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
