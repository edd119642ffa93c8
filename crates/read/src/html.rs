//! HTML pages: the article text and its metadata, without the site's chrome.
//!
//! The text comes from the first of these that holds any: the element marked
//! `itemprop="articleBody"`, the longest `<article>`, `<main>` (or `role="main"`), the element
//! whose direct `<p>` children hold the most text, the whole `<body>`. Inside it, scripts,
//! styles, navigation, headers, footers, asides, forms, menus, figures, hidden elements and
//! elements whose class or id says they are chrome (`share`, `related`, `comments`,
//! `breadcrumb`, `sidebar`, `newsletter`, `ad`…) are dropped. Block elements (`p`, `div`,
//! `li`, headings, `br`…) end a line; spaces inside a line are collapsed.
//!
//! Metadata: the title from `og:title`, else `<title>`; the date from
//! `article:published_time`, `itemprop="datePublished"`, other common date metas or the
//! `datePublished` of JSON-LD; the address from `<link rel="canonical">` or `og:url`; the
//! outlet from `og:site_name`.
//!
//! The tree is walked without recursion, so deeply nested pages cannot overflow the stack.
use std::collections::HashMap;
use std::sync::Arc;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use rasd_model::{DocMeta, Document, IsoDate};
use scraper::{ElementRef, Html, Node};

use crate::decode::{declared_charset, decode};
use crate::{file_id, ErrorKind, Position, ReadDoc, ReadError, ReadOptions, ReadWarning};

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "menu",
    "button", "select", "option", "textarea", "input", "label", "iframe", "object", "embed", "svg",
    "canvas", "video", "audio", "figure", "dialog", "head", "title", "meta", "link",
];

/// Elements that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "hr",
    "address",
    "center",
    "body",
    "details",
    "summary",
];

/// Class or id words that mark chrome.
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "comment",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "banner",
    "newsletter",
    "subscribe",
    "cookie",
    "cookies",
    "promo",
    "popup",
    "modal",
    "tags",
    "widget",
    "toolbar",
    "pagination",
    "byline",
];

/// ARIA roles of chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
];

/// Read one HTML page; its id is the stem of `name`.
pub fn read_html(name: &Arc<str>, bytes: &[u8], opts: ReadOptions) -> Result<ReadDoc, ReadError> {
    let at = Position::new(name, None);
    if bytes.is_empty() {
        return Err(ReadError::new(at, ErrorKind::EmptyFile));
    }
    if bytes.len() as u64 > opts.max_bytes {
        let (bytes, max) = (bytes.len() as u64, opts.max_bytes);
        return Err(ReadError::new(at, ErrorKind::TooLarge { bytes, max }));
    }
    let decoded = decode(bytes, declared_charset(bytes));
    let mut warnings: Vec<ReadWarning> = Vec::new();
    if let Some(message) = decoded.warning {
        warnings.push(ReadWarning {
            at: at.clone(),
            message,
        });
    }
    let page = Page::parse(&decoded.text);
    let text = page.article_text();
    if text.trim().is_empty() {
        return Err(ReadError::new(at, ErrorKind::NoText));
    }
    let mut published = None;
    if let Some(raw) = page.published() {
        match IsoDate::parse(&raw) {
            Ok(d) => published = Some(d),
            Err(_) => warnings.push(ReadWarning {
                at: at.clone(),
                message: format!(
                    "publication date {raw:?} is not a YYYY-MM-DD date: treated as absent"
                ),
            }),
        }
    }
    let meta = DocMeta {
        source: page.meta(&["og:site_name"]),
        url: page.link_canonical().or_else(|| page.meta(&["og:url"])),
        published: published.or(opts.published),
        title: page
            .meta(&["og:title", "twitter:title"])
            .or_else(|| page.title()),
    };
    let doc = Document {
        id: file_id(name),
        meta,
        text,
    };
    Ok(ReadDoc { doc, at, warnings })
}

/// A parsed page.
struct Page {
    html: Html,
    /// `<meta>` contents by lower-cased `property`, `name` or `itemprop` (first one wins).
    metas: HashMap<String, String>,
}

impl Page {
    fn parse(text: &str) -> Page {
        let html = Html::parse_document(text);
        let mut metas = HashMap::new();
        for el in html.root_element().descendent_elements() {
            if el.value().name() != "meta" {
                continue;
            }
            let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = el.attr(key) {
                    metas
                        .entry(k.trim().to_ascii_lowercase())
                        .or_insert_with(|| content.to_string());
                }
            }
        }
        Page { html, metas }
    }

    fn elements(&self) -> impl Iterator<Item = ElementRef<'_>> {
        self.html.root_element().descendent_elements()
    }

    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.metas.get(*k))
            .map(|s| collapse(s))
    }

    fn title(&self) -> Option<String> {
        let t = self.elements().find(|e| e.value().name() == "title")?;
        Some(collapse(&t.text().collect::<String>())).filter(|s| !s.is_empty())
    }

    fn link_canonical(&self) -> Option<String> {
        self.elements()
            .find(|e| {
                e.value().name() == "link"
                    && e.attr("rel").is_some_and(|r| {
                        r.split_ascii_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("canonical"))
                    })
            })
            .and_then(|e| e.attr("href"))
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
    }

    /// The publication date as written in the page's metadata.
    fn published(&self) -> Option<String> {
        const KEYS: &[&str] = &[
            "article:published_time",
            "datepublished",
            "og:published_time",
            "pubdate",
            "publishdate",
            "publish-date",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
        ];
        if let Some(d) = self.meta(KEYS) {
            return Some(d);
        }
        for el in self.elements() {
            let name = el.value().name();
            if name == "time"
                && el
                    .attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
            {
                if let Some(d) = el.attr("datetime") {
                    return Some(d.trim().to_string());
                }
            }
            if name == "script"
                && el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            {
                let json: String = el.text().collect();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&json) {
                    if let Some(d) = find_date_published(&v) {
                        return Some(d);
                    }
                }
            }
        }
        None
    }

    /// The article text: paragraphs as lines.
    fn article_text(&self) -> String {
        let els: Vec<ElementRef<'_>> = self.elements().collect();
        let attr_is = |e: &ElementRef<'_>, a: &str, v: &str| {
            e.attr(a).is_some_and(|x| x.trim().eq_ignore_ascii_case(v))
        };
        // 1. schema.org article body.
        if let Some(t) = els
            .iter()
            .filter(|e| attr_is(e, "itemprop", "articleBody"))
            .map(|e| extract(*e))
            .find(|t| !t.is_empty())
        {
            return t;
        }
        // 2. the longest <article>.
        if let Some(t) = els
            .iter()
            .filter(|e| e.value().name() == "article")
            .map(|e| extract(*e))
            .max_by_key(|t| t.len())
        {
            if !t.is_empty() {
                return t;
            }
        }
        // 3. <main>.
        if let Some(t) = els
            .iter()
            .filter(|e| e.value().name() == "main" || attr_is(e, "role", "main"))
            .map(|e| extract(*e))
            .find(|t| !t.is_empty())
        {
            return t;
        }
        // 4. the parent of the most paragraph text.
        let mut score: HashMap<NodeId, usize> = HashMap::new();
        for p in els.iter().filter(|e| e.value().name() == "p") {
            if let Some(parent) = p.parent() {
                *score.entry(parent.id()).or_default() += extract(*p).len();
            }
        }
        let best = score
            .into_iter()
            .filter(|(_, s)| *s > 0)
            .max_by_key(|(id, s)| (*s, std::cmp::Reverse(*id)));
        if let Some((id, _)) = best {
            if let Some(t) = self
                .html
                .tree
                .get(id)
                .and_then(ElementRef::wrap)
                .map(extract)
                .filter(|t| !t.is_empty())
            {
                return t;
            }
        }
        // 5. the body, or the whole document.
        let body = els
            .iter()
            .find(|e| e.value().name() == "body")
            .copied()
            .unwrap_or_else(|| self.html.root_element());
        extract(body)
    }
}

/// `datePublished` anywhere in a JSON-LD value (bounded depth, no recursion).
fn find_date_published(v: &serde_json::Value) -> Option<String> {
    let mut stack = vec![(v, 0usize)];
    while let Some((v, depth)) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(s)) = m.get("datePublished") {
                    return Some(s.trim().to_string());
                }
                if depth < 8 {
                    stack.extend(m.values().map(|c| (c, depth + 1)));
                }
            }
            serde_json::Value::Array(a) if depth < 8 => {
                stack.extend(a.iter().rev().map(|c| (c, depth + 1)))
            }
            _ => {}
        }
    }
    None
}

/// True for an element that holds no article text.
fn is_chrome(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    }) {
        return true;
    }
    if el.attr("role").is_some_and(|r| {
        CHROME_ROLES
            .iter()
            .any(|c| r.trim().eq_ignore_ascii_case(c))
    }) {
        return true;
    }
    // Class and id words; never on the containers the text is looked for in.
    if matches!(name, "html" | "body" | "article" | "main") {
        return false;
    }
    let words = el.attr("class").into_iter().chain(el.attr("id"));
    words
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| {
            let w = w.to_ascii_lowercase();
            CHROME_WORDS.contains(&w.as_str())
        })
}

/// Collects text, one line a block.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    cur: String,
    space: bool,
}

impl Lines {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.cur.is_empty() {
                    self.cur.push(' ');
                }
                self.space = false;
                self.cur.push(c);
            }
        }
    }

    fn end_line(&mut self) {
        if !self.cur.is_empty() {
            self.lines.push(std::mem::take(&mut self.cur));
        }
        self.space = false;
    }
}

/// The text under an element without its chrome, one line a block.
fn extract(root: ElementRef<'_>) -> String {
    let mut out = Lines::default();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.text(t),
                    Node::Element(el) if node.id() != root.id() && is_chrome(el) => {
                        skipping = Some(node.id())
                    }
                    Node::Element(el) if el.name() == "br" => out.end_line(),
                    Node::Element(el) if BLOCK_TAGS.contains(&el.name()) => out.end_line(),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none() {
                    if let Node::Element(el) = node.value() {
                        if BLOCK_TAGS.contains(&el.name()) {
                            out.end_line();
                        }
                    }
                }
            }
        }
    }
    out.end_line();
    out.lines.join("\n")
}

/// Spaces collapsed and trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>اشتباكات عنيفة في الريف الشمالي | موقع الأخبار</title>
<meta property="og:title" content="اشتباكات عنيفة في الريف الشمالي">
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2024-05-12T09:30:00+03:00">
<link rel="canonical" href="https://news.example/ar/2024/05/12/clashes">
<style>p { color: red }</style>
<script>var tracking = "لا تقرأ هذا";</script>
</head><body class="single has-sidebar">
<header class="site-header"><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li></ul></nav></header>
<div class="breadcrumb">الرئيسية › أخبار</div>
<main>
<article>
<h1>اشتباكات عنيفة في الريف الشمالي</h1>
<div class="share-buttons"><a>شارك على فيسبوك</a></div>
<p>اندلعت اشتباكات عنيفة، فجر   اليوم الأحد، بين فصيلين مسلحين
في قرية قريبة من الحدود.</p>
<p>وقال مصدر محلي إن <b>ثلاثة</b> مقاتلين قتلوا<br>وأصيب آخرون.</p>
<figure><img src="x.jpg"><figcaption>صورة أرشيفية</figcaption></figure>
<div class="related-articles"><h3>اقرأ أيضا</h3><a>خبر آخر</a></div>
</article>
</main>
<aside><p>الأكثر قراءة</p></aside>
<footer><p>جميع الحقوق محفوظة</p></footer>
<script>document.write("إعلان")</script>
</body></html>"#;

    fn read(page: &str) -> Result<ReadDoc, ReadError> {
        read_html(
            &Arc::from("pages/clashes.html"),
            page.as_bytes(),
            ReadOptions::default(),
        )
    }

    #[test]
    fn article_text_without_chrome() {
        let d = read(PAGE).unwrap();
        assert_eq!(
            d.doc.text,
            "اشتباكات عنيفة في الريف الشمالي\nاندلعت اشتباكات عنيفة، فجر اليوم الأحد، بين فصيلين مسلحين في قرية قريبة من الحدود.\nوقال مصدر محلي إن ثلاثة مقاتلين قتلوا\nوأصيب آخرون."
        );
        assert_eq!(d.doc.id, "clashes");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn metadata() {
        let m = read(PAGE).unwrap().doc.meta;
        assert_eq!(m.title.as_deref(), Some("اشتباكات عنيفة في الريف الشمالي"));
        assert_eq!(m.source.as_deref(), Some("موقع الأخبار"));
        assert_eq!(m.published, IsoDate::parse("2024-05-12").ok());
        assert_eq!(
            m.url.as_deref(),
            Some("https://news.example/ar/2024/05/12/clashes")
        );
    }

    #[test]
    fn paragraphs_without_article_and_json_ld_date() {
        let page = r#"<html><head><title>خبر</title>
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-11-03"}]}</script></head>
<body><div id="menu"><p>روابط</p></div><div class="content"><p>سقطت قذائف على حي سكني.</p><p>ولم ترد أنباء عن إصابات.</p></div>
<div class="footer-links"><p>اتصل بنا</p></div></body></html>"#;
        let d = read(page).unwrap();
        assert_eq!(
            d.doc.text,
            "سقطت قذائف على حي سكني.\nولم ترد أنباء عن إصابات."
        );
        assert_eq!(d.doc.meta.published, IsoDate::parse("2023-11-03").ok());
        assert_eq!(d.doc.meta.title.as_deref(), Some("خبر"));
    }

    #[test]
    fn bad_date_is_a_warning_and_empty_page_an_error() {
        let page = r#"<meta name="date" content="الأحد"><article><p>نص الخبر</p></article>"#;
        let d = read(page).unwrap();
        assert_eq!(d.doc.meta.published, None);
        assert!(d.warnings[0].message.contains("not a YYYY-MM-DD date"));
        let e = read("<html><body><nav>قائمة</nav><script>x</script></body></html>").unwrap_err();
        assert!(matches!(e.kind, ErrorKind::NoText));
    }

    #[test]
    fn windows_1256_page_as_declared() {
        let page = "<html><head><meta charset=\"windows-1256\"></head><body><article><p>أفادت مصادر طبية بمقتل شخصين</p></article></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(page);
        let d = read_html(&Arc::from("p.html"), &bytes, ReadOptions::default()).unwrap();
        assert_eq!(d.doc.text, "أفادت مصادر طبية بمقتل شخصين");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!("{}نص{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let d = read(&page).unwrap();
        assert_eq!(d.doc.text, "نص");
    }
}
