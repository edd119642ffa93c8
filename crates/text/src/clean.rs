//! Cleaning: which parts of the original text the later stages read.
//!
//! Scraped pages repeat lines (an image caption above and below the picture), and carry page
//! chrome («شارك», «اقرأ أيضا», copyright lines). Cleaning never rewrites the text: it returns
//! the byte ranges to keep, so that every later offset still points into the original.
use std::collections::HashSet;

use rasd_model::Span;

use crate::normalize::match_key_str;

/// Whole lines that are page chrome, compared as match keys.
const CHROME: &[&str] = &[
    "شارك",
    "شارك الخبر",
    "مشاركه",
    "اقرا ايضا",
    "اقرا المزيد",
    "اقرا ايضا:",
    "تابعونا",
    "تابعنا على",
    "جميع الحقوق محفوظه",
    "الرئيسيه",
    "اخبار ذات صله",
    "مواضيع ذات صله",
    "share",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "advertisement",
    "اعلان",
    "طباعه",
    "print",
];

/// Byte ranges of `text` to keep: every line except repeats of an earlier line and page chrome.
///
/// The ranges are sorted and do not overlap; each is one line without its line break.
pub fn kept_ranges(text: &str) -> Vec<Span> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let key = match_key_str(body);
        let key = key.trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '|');
        let is_chrome = CHROME.contains(&key);
        // Only lines long enough to be content count as repeats: short lines («(أرشيفية)»)
        // may legitimately repeat.
        let repeat = key.chars().count() >= 20 && !seen.insert(key.to_string());
        if !key.is_empty() && !is_chrome && !repeat {
            out.push(Span::new(start, start + body.len()));
        }
        start = end;
    }
    out
}

/// The ranges of `0..len` not covered by `kept`.
pub fn complement(kept: &[Span], len: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for k in kept {
        if k.start > at {
            out.push(Span::new(at, k.start));
        }
        at = k.end;
    }
    if at < len {
        out.push(Span::new(at, len));
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_repeated_caption() {
        let text = "دورية قرب الحقل النفطي شرقي البلاد - أرشيف\nدورية قرب الحقل النفطي شرقي البلاد - أرشيف\nالنص";
        let kept = kept_ranges(text);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[1].slice(text), Some("النص"));
    }

    #[test]
    fn drops_chrome_lines() {
        let text = "خبر\nشارك\nاقرأ أيضاً:\nتتمة";
        let kept: Vec<_> = kept_ranges(text)
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect();
        assert_eq!(kept, ["خبر", "تتمة"]);
    }

    #[test]
    fn complement_fills_gaps() {
        assert_eq!(
            complement(&[Span::new(2, 4)], 6),
            vec![Span::new(0, 2), Span::new(4, 6)]
        );
    }
}
