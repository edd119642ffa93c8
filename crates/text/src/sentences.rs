//! Sentence splitting over the match key.
//!
//! A sentence ends at a newline, or at `.`, `!`, `?` or `;` (Arabic «؟» and «؛» are already
//! folded) that is not between two digits. Quotes do not stop a sentence. Hand-written because
//! unicode-segmentation's sentence rules do not know the Arabic question mark after folding
//! and split inside «أ.ف.ب»-style abbreviations.
use rasd_model::Span;

use crate::normalize::Aligned;
use crate::tokenize::Token;

/// Sentence spans over the key, each from its first token's start to its last token's end.
pub fn split(key: &Aligned, tokens: &[Token]) -> Vec<Span> {
    let text = key.text.as_bytes();
    let mut out = Vec::new();
    let mut first: Option<usize> = None;
    let mut last_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        if let Some(f) = first {
            // Is there a boundary between the previous token and this one?
            let gap = &key.text[last_end..t.key.start];
            let boundary = gap.contains('\n')
                || gap.contains(['!', '?', ';'])
                || (gap.contains('.') && !is_abbreviation(key, tokens, i));
            if boundary {
                out.push(Span::new(tokens[f].key.start, last_end));
                first = Some(i);
            }
        } else {
            first = Some(i);
        }
        last_end = t.key.end;
    }
    if let Some(f) = first {
        out.push(Span::new(tokens[f].key.start, last_end));
    }
    let _ = text;
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
    fn keeps_decimals_and_abbreviations() {
        assert_eq!(
            sents("قال أ.ف.ب إن 2.5 مليون نزحوا."),
            ["قال ا.ف.ب ان 2.5 مليون نزحوا"]
        );
    }
}
