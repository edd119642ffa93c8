//! Dictionary matching over match keys, aware of Arabic clitics.
//!
//! Every name or pattern is folded with [`rasd_text::match_key_str`] and compiled into one
//! aho-corasick automaton. A hit counts only on word boundaries: it must start at the start of
//! a token or after a proclitic sequence («و», «ب», «لل», «وبال»…), and end at the end of a token
//! (or, for patterns marked as prefixes with a trailing `*`, anywhere inside it; or before a
//! pronoun enclitic when allowed). Overlapping hits are resolved longest first, so
//! «المقاومة الإسلامية في العراق» wins over «العراق».
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rasd_model::Span;
use rasd_text::clitics::{has_article, is_arabic_letter, is_enclitic, is_proclitic};
use rasd_text::{match_key_str, Analyzed};

/// How a pattern may end inside a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tail {
    /// At the end of the token.
    Exact,
    /// At the end of the token or before a pronoun enclitic.
    Enclitic,
    /// Anywhere: the pattern is a stem prefix (`هاجم*` finds «هاجمت», «هاجموا»).
    Prefix,
}

/// One compiled pattern.
#[derive(Debug, Clone)]
struct Pat<T> {
    payload: T,
    tail: Tail,
    /// The pattern starts with the article: it may not take another one.
    article: bool,
}

/// A hit of the matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a, T> {
    /// Key span of the whole hit, proclitics excluded.
    pub key: Span,
    /// Key span including the proclitics before it.
    pub with_clitics: Span,
    /// The pattern's payload.
    pub payload: &'a T,
}

/// A clitic-aware multi-pattern matcher with a payload per pattern.
#[derive(Debug, Clone)]
pub struct Matcher<T> {
    ac: Option<AhoCorasick>,
    pats: Vec<Pat<T>>,
}

impl<T: Clone> Matcher<T> {
    /// Build from `(pattern, payload)` pairs; a trailing `*` makes a prefix pattern, a trailing
    /// `+` allows pronoun enclitics. Empty patterns are ignored; duplicates keep every payload.
    pub fn new<I, S>(patterns: I) -> Self
    where
        I: IntoIterator<Item = (S, T)>,
        S: AsRef<str>,
    {
        let mut keys = Vec::new();
        let mut pats = Vec::new();
        for (p, payload) in patterns {
            let p = p.as_ref().trim();
            let (body, tail) = if let Some(b) = p.strip_suffix('*') {
                (b, Tail::Prefix)
            } else if let Some(b) = p.strip_suffix('+') {
                (b, Tail::Enclitic)
            } else {
                (p, Tail::Exact)
            };
            let key = match_key_str(body);
            if key.is_empty() {
                continue;
            }
            let article = rasd_text::clitics::starts_with_article(&key);
            // «لل» + stem: «للعراق» is ل + العراق.
            if let Some(rest) = rasd_text::clitics::after_article(&key) {
                if rest.chars().next().is_some_and(is_arabic_letter) && rest.chars().count() >= 2 {
                    keys.push(rasd_text::clitics::lil_form(rest));
                    pats.push(Pat {
                        payload: payload.clone(),
                        tail,
                        article: true,
                    });
                }
            }
            keys.push(key);
            pats.push(Pat {
                payload,
                tail,
                article,
            });
        }
        let ac = if keys.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&keys)
                .ok()
        };
        Matcher { ac, pats }
    }

    /// Number of compiled patterns (variants included).
    pub fn len(&self) -> usize {
        self.pats.len()
    }

    /// True when there is no pattern.
    pub fn is_empty(&self) -> bool {
        self.pats.is_empty()
    }

    /// All valid, non-overlapping hits in the analysed text, longest first, returned in text order.
    pub fn find<'a>(&'a self, a: &Analyzed) -> Vec<Hit<'a, T>> {
        longest_first(self.find_overlapping(a))
    }

    /// Every valid hit, overlapping ones included (several payloads may share a span).
    pub fn find_overlapping<'a>(&'a self, a: &Analyzed) -> Vec<Hit<'a, T>> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let text = a.key.text.as_str();
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let pat = &self.pats[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            // The token that holds the start.
            let ti = a.token_at(s);
            let Some(tok) = a.tokens.get(ti) else {
                continue;
            };
            if tok.key.start > s {
                // Starts in a gap (punctuation): allowed only if the pattern starts with it.
                continue;
            }
            let prefix = &text[tok.key.start..s];
            if !is_proclitic(prefix) || (pat.article && has_article(prefix)) {
                continue;
            }
            // The token that holds the end.
            let te = a.token_at(e.saturating_sub(1));
            let Some(end_tok) = a.tokens.get(te) else {
                continue;
            };
            let ok_end = match pat.tail {
                Tail::Prefix => true,
                Tail::Exact => end_tok.key.end == e || end_tok.key.start >= e,
                Tail::Enclitic => {
                    e <= end_tok.key.end
                        && is_enclitic(&text[e.min(end_tok.key.end)..end_tok.key.end])
                }
            };
            if !ok_end {
                continue;
            }
            // A prefix pattern covers the rest of its word.
            let e = if pat.tail == Tail::Prefix {
                e.max(end_tok.key.end)
            } else {
                e
            };
            out.push(Hit {
                key: Span::new(s, e),
                with_clitics: Span::new(tok.key.start, e),
                payload: &pat.payload,
            });
        }
        out
    }
}

/// Resolve overlapping hits: longest first, then leftmost; a hit that overlaps one kept is
/// dropped. Returned in text order.
pub fn longest_first<T>(mut all: Vec<Hit<'_, T>>) -> Vec<Hit<'_, T>> {
    all.sort_by(|x, y| (y.key.len(), x.key.start).cmp(&(x.key.len(), y.key.start)));
    let mut taken = crate::spans::SpanIndex::default();
    let mut out = Vec::new();
    for h in all {
        if taken.overlapping(h.key).next().is_some() {
            continue;
        }
        taken.insert(h.key, out.len());
        out.push(h);
    }
    out.sort_by_key(|h| (h.key.start, h.key.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_text::analyze;

    fn hits(pats: &[&str], text: &str) -> Vec<String> {
        let m = Matcher::new(pats.iter().map(|p| (*p, ())));
        let a = analyze(text);
        m.find(&a)
            .iter()
            .map(|h| {
                a.key
                    .to_original(h.key)
                    .slice(text)
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn sees_through_proclitics() {
        assert_eq!(hits(&["وكالة"], "قال لوكالة الأنباء"), ["وكالة"]);
        assert_eq!(
            hits(&["طائرة مسيرة"], "هجوم وبطائرة مسيّرة"),
            ["طائرة مسيّرة"]
        );
        assert_eq!(
            hits(&["العراق"], "وصل للعراق والعراق"),
            ["للعراق", "العراق"]
        );
    }

    #[test]
    fn respects_word_ends() {
        assert!(hits(&["قدس"], "القدسية").is_empty());
        assert_eq!(hits(&["هاجم*"], "هاجمتا القاعدة"), ["هاجمتا"]);
        assert_eq!(hits(&["أمين+"], "وأمينها العام"), ["أمين"]);
        assert!(hits(&["أمين"], "وأمينها العام").is_empty());
    }

    #[test]
    fn no_match_inside_words() {
        assert!(hits(&["سد"], "أسد").is_empty());
        assert!(hits(&["عراق"], "العراقي").is_empty());
    }

    #[test]
    fn longest_wins() {
        assert_eq!(
            hits(
                &["العراق", "المقاومة الإسلامية في العراق"],
                "تبنت المقاومة الإسلامية في العراق"
            ),
            ["المقاومة الإسلامية في العراق"]
        );
    }
}
