//! Tokens with offsets into both the match key and the original text.
//!
//! A token is a maximal run of letters and digits (a number may carry an inner `.` or `,`
//! between digits: «1,400», «2.5»); digits followed by Arabic letters with no space
//! («14جنديا») are two tokens, and so are Arabic letters followed by digits («بمقتل18»). Each Arabic token also carries its stem: the token without
//! its proclitics (see [`crate::clitics`]). Hand-written because word segmentation in
//! unicode-segmentation splits on Arabic punctuation the same way but knows nothing of clitics.
use rasd_model::Span;

use crate::clitics;
use crate::normalize::Aligned;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Arabic letters.
    Arabic,
    /// ASCII digits (after normalisation), possibly with inner separators.
    Number,
    /// Anything else alphabetic (Latin…).
    Other,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Span in the match key.
    pub key: Span,
    /// Span in the original text.
    pub orig: Span,
    /// Span of the stem in the match key (the token without proclitics).
    pub stem: Span,
    /// Kind of token.
    pub kind: TokenKind,
}

fn is_word(c: char) -> bool {
    // Fast paths for ASCII and the Arabic letters and digits that make up most of the text.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if clitics::is_arabic_letter(c) {
        return true;
    }
    c.is_alphanumeric()
}

/// Tokenise a match key.
pub fn tokenize(key: &Aligned) -> Vec<Token> {
    let text = key.text.as_str();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            // Digits run into a word in scraped text («14جنديا»): two tokens; not an era
            // letter glued to a year («2023م»).
            if clitics::is_arabic_letter(d)
                && text[..i].ends_with(|p: char| p.is_ascii_digit())
                && text[i + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(clitics::is_arabic_letter)
            {
                break;
            }
            // And the other way round («بمقتل18»): a word, then a number; not a clitic
            // before a number («و5», «ب20»).
            if d.is_ascii_digit()
                && text[..i].ends_with(clitics::is_arabic_letter)
                && !clitics::is_proclitic(&text[start..i])
            {
                break;
            }
            if is_word(d) {
                end = i + d.len_utf8();
                chars.next();
                continue;
            }
            // A separator between two digits stays inside a number.
            if (d == '.' || d == ',') && text[..i].ends_with(|p: char| p.is_ascii_digit()) {
                let next = text[i + 1..].chars().next();
                if next.is_some_and(|n| n.is_ascii_digit()) {
                    chars.next();
                    continue;
                }
            }
            break;
        }
        let word = &text[start..end];
        let kind = if word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            TokenKind::Number
        } else if word.chars().any(clitics::is_arabic_letter) {
            TokenKind::Arabic
        } else {
            TokenKind::Other
        };
        let stem_start = if kind == TokenKind::Arabic {
            start + clitics::proclitic_len(word, 3)
        } else {
            start
        };
        out.push(Token {
            key: Span::new(start, end),
            orig: key.to_original(Span::new(start, end)),
            stem: Span::new(stem_start, end),
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::match_key;

    fn toks(text: &str) -> Vec<String> {
        let a = match_key(text, &[Span::new(0, text.len())]);
        tokenize(&a)
            .iter()
            .map(|t| t.orig.slice(text).unwrap().to_string())
            .collect()
    }

    #[test]
    fn splits_on_punctuation() {
        assert_eq!(toks("قال، إن «الهجوم»."), ["قال", "إن", "الهجوم"]);
    }

    #[test]
    fn splits_digits_run_into_a_word() {
        assert_eq!(toks("قتل 14جنديا و5"), ["قتل", "14", "جنديا", "و5"]);
        assert_eq!(toks("بمقتل18 شخصا"), ["بمقتل", "18", "شخصا"]);
        assert_eq!(toks("عام 2023م"), ["عام", "2023م"]);
    }

    #[test]
    fn keeps_numbers_whole() {
        assert_eq!(toks("قتل 1,400 و٢٫٥"), ["قتل", "1,400", "و٢٫٥"]);
    }

    #[test]
    fn stems_drop_proclitics() {
        let text = "وبطائرة";
        let a = match_key(text, &[Span::new(0, text.len())]);
        let t = tokenize(&a)[0];
        assert_eq!(t.stem.slice(&a.text), Some("طايره"));
    }
}
