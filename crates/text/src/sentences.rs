//! Sentence splitting over the match key.
//!
//! A sentence ends at a newline, or at `.`, `!`, `?` or `;` (Arabic «؟» and «؛» are already
//! folded) that is not between two digits. Quotes do not stop a sentence. Hand-written because
//! unicode-segmentation's sentence rules do not know the Arabic question mark after folding
//! and split inside «أ.ف.ب»-style abbreviations.
//!
//! A sentence holds at most [`MAX_TOKENS`] tokens: a longer run without a full stop (a text
//! told without punctuation) is cut after a comma in its second half, or else where it reaches
//! the cap, so that what is compared within a sentence stays bounded whatever the punctuation.
use rasd_model::Span;

use crate::normalize::Aligned;
use crate::tokenize::Token;

/// The most tokens a sentence holds (the longest sentences of real news run to about 650
/// tokens).
pub const MAX_TOKENS: usize = 1000;

/// Sentence spans over the key, each from its first token's start to its last token's end.
pub fn split(key: &Aligned, tokens: &[Token]) -> Vec<Span> {
    split_at_most(key, tokens, MAX_TOKENS)
}

/// [`split`] with sentences of at most `max` tokens (at least 2).
pub fn split_at_most(key: &Aligned, tokens: &[Token], max: usize) -> Vec<Span> {
    let max = max.max(2);
    let mut out = Vec::new();
    let mut first: Option<usize> = None;
    // The last token of the sentence that follows a comma.
    let mut after_comma: Option<usize> = None;
    let mut last_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        if let Some(f) = first {
            // Is there a boundary between the previous token and this one?
            let gap = key.text.get(last_end..t.key.start).unwrap_or("");
            let boundary = gap.contains('\n')
                || gap.contains(['!', '?', ';'])
                || (gap.contains('.') && !is_abbreviation(key, tokens, i));
            if boundary {
                out.push(Span::new(tokens[f].key.start, last_end));
                first = Some(i);
                after_comma = None;
            } else {
                if gap.contains(',') {
                    after_comma = Some(i);
                }
                if i - f >= max {
                    // Too long: cut after the last comma of its second half, else here.
                    let cut = after_comma.filter(|&c| c > f + max / 2).unwrap_or(i);
                    out.push(Span::new(tokens[f].key.start, tokens[cut - 1].key.end));
                    first = Some(cut);
                    after_comma = None;
                }
            }
        } else {
            first = Some(i);
        }
        last_end = t.key.end;
    }
    if let Some(f) = first {
        out.push(Span::new(tokens[f].key.start, last_end));
    }
    out
}

/// A dot after a one-letter Arabic token («أ.ف.ب») is no sentence end.
fn is_abbreviation(key: &Aligned, tokens: &[Token], i: usize) -> bool {
    let prev = &tokens[i - 1];
    let prev_text = &key.text[prev.key.start..prev.key.end];
    prev_text.chars().count() == 1 && !prev_text.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    fn sents(text: &str) -> Vec<String> {
        let a = analyze(text);
        a.sentences
            .iter()
            .map(|s| a.key_str(*s).to_string())
            .collect()
    }

    #[test]
    fn splits_on_stops_and_newlines() {
        assert_eq!(
            sents("قصف جوي. قتل ثلاثة\nاعتقال"),
            ["قصف جوي", "قتل ثلاثه", "اعتقال"]
        );
    }

    #[test]
    fn splits_on_arabic_question_mark() {
        assert_eq!(sents("من المسؤول؟ لا أحد"), ["من المسوول", "لا احد"]);
    }

    #[test]
    fn caps_a_sentence_without_full_stops() {
        let text = "غارة قصف اشتباكات انفجار ".repeat(600);
        let a = analyze(&text);
        assert_eq!(a.tokens.len(), 2400);
        let n: Vec<usize> = a
            .sentences
            .iter()
            .map(|s| a.tokens.iter().filter(|t| s.contains(t.key)).count())
            .collect();
        assert_eq!(n, [super::MAX_TOKENS, super::MAX_TOKENS, 400]);
    }

    #[test]
    fn cuts_a_long_sentence_after_a_comma() {
        use crate::{normalize, tokenize};
        let text = "قصف مدفعي على درعا، واشتباكات في حلب وإدلب";
        let key = normalize::match_key(text, &[rasd_model::Span::new(0, text.len())]);
        let tokens = tokenize::tokenize(&key);
        let s = super::split_at_most(&key, &tokens, 5);
        let parts: Vec<&str> = s.iter().map(|s| &key.text[s.start..s.end]).collect();
        assert_eq!(parts, ["قصف مدفعي علي درعا", "واشتباكات في حلب وادلب"]);
    }

    #[test]
    fn keeps_decimals_and_abbreviations() {
        assert_eq!(
            sents("قال أ.ف.ب إن 2.5 مليون نزحوا."),
            ["قال ا.ف.ب ان 2.5 مليون نزحوا"]
        );
    }
}
