//! Cleaning: which parts of the original text the later stages read.
//!
//! Scraped pages repeat lines (an image caption above and below the picture), and carry page
//! chrome («شارك», «اقرأ أيضا», copyright lines). Cleaning never rewrites the text: it returns
//! the byte ranges to keep, so that every later offset still points into the original.
use std::collections::{HashMap, HashSet};

use rasd_model::Span;

use crate::normalize::match_key_str;

/// Whole lines that are page chrome, compared as match keys.
const CHROME: &[&str] = &[
    "شارك",
    "شارك الخبر",
    "مشاركه",
    "تابعونا",
    "تابعنا على",
    "جميع الحقوق محفوظه",
    "الرئيسيه",
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

/// Lines that announce a link to another article: the line is chrome, and when it holds
/// nothing else, so is the next one (the linked headline).
const TEASERS: &[&str] = &[
    "اقرا ايضا",
    "اقرا المزيد",
    "اقرا كذلك",
    "شاهد ايضا",
    "طالع ايضا",
    "يهمك ايضا",
    "قد يهمك",
    "مواضيع ذات صله",
    "اخبار ذات صله",
];

/// The longest a repeated line can be and still be a caption to drop in every copy.
const CAPTION_MAX_CHARS: usize = 160;

/// Byte ranges of `text` to keep: every line except page chrome, links to other articles,
/// photo captions and repeats of an earlier line.
///
/// A line that comes back later in the page is a photo caption (printed above and below the
/// picture) when it is short and ends without a full stop: every copy goes. A longer repeated
/// line (a lead paragraph printed twice) keeps its first copy.
///
/// The ranges are sorted and do not overlap; each is one line without its line break.
pub fn kept_ranges(text: &str) -> Vec<Span> {
    let lines: Vec<(usize, &str, String)> = {
        let mut start = 0;
        text.split_inclusive('\n')
            .map(|line| {
                let at = start;
                start += line.len();
                let body = line.trim_end_matches(['\n', '\r']);
                let key = match_key_str(body);
                let key = key
                    .trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '|')
                    .to_string();
                (at, body, key)
            })
            .collect()
    };
    // Only lines long enough to be content count as repeats: short lines («(أرشيفية)») may
    // legitimately repeat.
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (_, _, key) in &lines {
        if key.chars().count() >= 20 {
            *count.entry(key.as_str()).or_default() += 1;
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    let mut skip_next = false;
    for (start, body, key) in &lines {
        if key.is_empty() {
            continue;
        }
        if std::mem::take(&mut skip_next) {
            continue;
        }
        if CHROME.contains(&key.as_str()) {
            continue;
        }
        if let Some(t) = TEASERS.iter().find(|t| key.starts_with(*t)) {
            let rest = key[t.len()..].trim_matches(|c: char| c.is_whitespace() || c == ':');
            skip_next = rest.is_empty();
            continue;
        }
        if count.get(key.as_str()).is_some_and(|n| *n > 1) {
            let caption = key.chars().count() <= CAPTION_MAX_CHARS && !key.ends_with('.');
            if caption || !seen.insert(key.as_str()) {
                continue;
            }
        }
        out.push(Span::new(*start, start + body.len()));
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
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].slice(text), Some("النص"));
    }

    #[test]
    fn drops_a_caption_above_and_below_the_picture() {
        let cap = "عناصر من الدفاع المدني في موقع القصف (أرشيفية)";
        let text = format!("العنوان\n{cap}\nالنص الأول.\n{cap}\nالنص الثاني.");
        let kept: Vec<_> = kept_ranges(&text)
            .iter()
            .map(|s| s.slice(&text).unwrap())
            .collect();
        assert_eq!(kept, ["العنوان", "النص الأول.", "النص الثاني."]);
    }

    #[test]
    fn keeps_the_first_copy_of_a_repeated_paragraph() {
        let para = "قال مصدر أمني إن قذيفتين سقطتا قرب مبنى المحافظة في ساعة متأخرة من الليل، من دون أن تسفرا عن إصابات، وإن فرق الهندسة طوقت المكان وبدأت البحث عن منصة الإطلاق في البساتين المجاورة للطريق العام.";
        let text = format!("{para}\nتتمة\n{para}");
        let kept: Vec<_> = kept_ranges(&text)
            .iter()
            .map(|s| s.slice(&text).unwrap())
            .collect();
        assert_eq!(kept, [para, "تتمة"]);
    }

    #[test]
    fn drops_links_to_other_articles() {
        let text =
            "خبر\nاقرأ أيضا:\nعنوان مقال آخر عن المفاوضات\nتتمة\nاقرأ أيضا: عنوان ثالث\nخاتمة";
        let kept: Vec<_> = kept_ranges(text)
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect();
        assert_eq!(kept, ["خبر", "تتمة", "خاتمة"]);
    }

    #[test]
    fn drops_chrome_lines() {
        let text = "خبر\nشارك\nاقرأ أيضاً:\nعنوان مقال آخر\nتتمة";
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
