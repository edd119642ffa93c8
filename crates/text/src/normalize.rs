//! Two normalisers, each named for its purpose.
//!
//! * [`match_key`] folds text for **matching only**: diacritics and tatweel removed, أ إ آ ٱ → ا,
//!   ى → ي, ة → ه, ؤ → و, ئ → ي, Persian letters to Arabic, Arabic-Indic and Persian digits to ASCII,
//!   Arabic punctuation to ASCII, bidi and zero-width marks dropped, whitespace folded, Latin
//!   lower-cased, presentation forms decomposed (NFKC). It keeps, for every byte of the key, the
//!   original character it came from ([`Aligned`]), in the manner of huggingface/tokenizers'
//!   `NormalizedString`.
//! * [`display`] cleans text for **showing**: NFC, no bidi controls, no tatweel.
//!
//! Written by hand because no crate folds Arabic for extraction while keeping an alignment:
//! charabia's folding is lossy («على» → «علي») and loses offsets.
use rasd_model::Span;
use unicode_normalization::UnicodeNormalization;

/// A normalised text and, for each of its bytes, the original byte range it came from.
#[derive(Debug, Clone, Default)]
pub struct Aligned {
    /// The normalised text.
    pub text: String,
    /// For every byte of `text`, the original span of the character that produced it.
    map: Vec<(u32, u32)>,
    /// Length of the original text in bytes.
    orig_len: usize,
}

impl Aligned {
    /// Map a span of the normalised text back to the original text.
    ///
    /// The result starts at the original character of the span's first byte and ends after the
    /// original character of its last byte; an empty span maps to an empty span.
    pub fn to_original(&self, s: Span) -> Span {
        if self.map.is_empty() {
            return Span::new(0, 0);
        }
        let start = s.start.min(self.map.len());
        let end = s.end.min(self.map.len());
        if end <= start {
            let at = self
                .map
                .get(start)
                .map(|m| m.0 as usize)
                .unwrap_or(self.orig_len);
            return Span::new(at, at);
        }
        Span::new(self.map[start].0 as usize, self.map[end - 1].1 as usize)
    }

    /// Original byte offset at which the key byte `i` starts (the text length past the end).
    pub fn orig_start(&self, i: usize) -> usize {
        self.map
            .get(i)
            .map(|m| m.0 as usize)
            .unwrap_or(self.orig_len)
    }

    /// The first key offset whose original character starts at or after `orig`.
    pub fn key_offset_of(&self, orig: usize) -> usize {
        self.map.partition_point(|m| (m.0 as usize) < orig)
    }

    /// Widen the original span of the last pushed character over `orig` when it follows it
    /// directly.
    fn widen_last(&mut self, orig: (usize, usize)) {
        let Some(&(start, end)) = self.map.last() else {
            return;
        };
        if end as usize != orig.0 {
            return;
        }
        for m in self.map.iter_mut().rev().take_while(|m| m.0 == start) {
            m.1 = orig.1 as u32;
        }
    }

    fn push(&mut self, c: char, orig: (usize, usize)) {
        let before = self.text.len();
        self.text.push(c);
        for _ in before..self.text.len() {
            self.map.push((orig.0 as u32, orig.1 as u32));
        }
    }
}

/// Combining marks and tatweel: dropped from the key, but part of the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

/// What one original character becomes in the match key.
enum Fold {
    Drop,
    Space,
    Newline,
    Char(char),
    /// Needs compatibility decomposition.
    Nfkc,
}

fn fold(c: char) -> Fold {
    match c {
        // Harakat, Quranic marks, superscript alef, tatweel.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}' => Fold::Drop,
        // Zero-width and bidi controls, BOM, soft hyphen.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{061C}' => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::Char('ا'),
        'ى' | 'ی' | 'ې' | 'ئ' => Fold::Char('ي'),
        'ة' | 'ۃ' | 'ھ' | 'ہ' | 'ە' => Fold::Char('ه'),
        'ؤ' => Fold::Char('و'),
        'ک' => Fold::Char('ك'),
        'ڤ' => Fold::Char('ف'),
        'گ' => Fold::Char('ك'),
        '٠'..='٩' => Fold::Char(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Fold::Char(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        '،' => Fold::Char(','),
        '؛' => Fold::Char(';'),
        '؟' => Fold::Char('?'),
        '«' | '»' | '“' | '”' | '„' | '″' => Fold::Char('"'),
        '‘' | '’' | '`' | '´' => Fold::Char('\''),
        '٪' => Fold::Char('%'),
        '٫' => Fold::Char('.'),
        '٬' => Fold::Char(','),
        '۔' => Fold::Char('.'),
        '–' | '—' | '‒' | '−' => Fold::Char('-'),
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => Fold::Newline,
        c if c.is_whitespace() => Fold::Space,
        c if c.is_control() => Fold::Space,
        c if c.is_ascii_uppercase() => Fold::Char(c.to_ascii_lowercase()),
        c if c.is_ascii() => Fold::Char(c),
        // Arabic presentation forms, full-width forms, ligatures.
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{FF00}'..='\u{FFEF}' => Fold::Nfkc,
        // Arabic letters (the bulk of the text) are never upper case.
        c if !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_uppercase() => Fold::Nfkc,
        c => Fold::Char(c),
    }
}

/// Build the match key of the `kept` ranges of `text` (sorted, non-overlapping byte spans).
///
/// Kept ranges are joined by a newline so that no match crosses a dropped line.
pub fn match_key(text: &str, kept: &[Span]) -> Aligned {
    let mut out = Aligned {
        text: String::with_capacity(text.len()),
        map: Vec::with_capacity(text.len()),
        orig_len: text.len(),
    };
    // 0 = nothing pending, 1 = space pending, 2 = newline pending.
    let mut pending: u8 = 0;
    let mut pending_at = (0usize, 0usize);
    for (ri, r) in kept.iter().enumerate() {
        let Some(part) = text.get(r.start..r.end) else {
            continue;
        };
        if ri > 0 && !out.text.is_empty() {
            pending = 2;
            pending_at = (r.start, r.start);
        }
        for (i, c) in part.char_indices() {
            let at = (r.start + i, r.start + i + c.len_utf8());
            match fold(c) {
                Fold::Drop => {
                    // A mark or tatweel belongs to the letter before it: widen that letter's
                    // original span so that no span cuts a letter from its marks («شخصاً»).
                    if pending == 0 && is_mark(c) {
                        out.widen_last(at);
                    }
                }
                Fold::Space => {
                    if pending == 0 {
                        pending = 1;
                        pending_at = at;
                    }
                }
                Fold::Newline => {
                    if pending < 2 {
                        pending = 2;
                        pending_at = at;
                    }
                }
                Fold::Char(k) => {
                    if pending > 0 && !out.text.is_empty() {
                        out.push(if pending == 2 { '\n' } else { ' ' }, pending_at);
                    }
                    pending = 0;
                    out.push(k, at);
                }
                Fold::Nfkc => {
                    // The expansion may hold spaces («ﷺ», «ﹶ» = space + fatha): they are
                    // folded like any other space, so that the key never holds two in a row.
                    let s: String = std::iter::once(c).nfkc().collect();
                    for k in s.chars() {
                        let k2 = match fold(k) {
                            Fold::Char(k2) => k2,
                            Fold::Space | Fold::Newline => {
                                if pending == 0 {
                                    pending = 1;
                                    pending_at = at;
                                }
                                continue;
                            }
                            Fold::Drop => continue,
                            Fold::Nfkc => k.to_lowercase().next().unwrap_or(k),
                        };
                        if pending > 0 && !out.text.is_empty() {
                            out.push(if pending == 2 { '\n' } else { ' ' }, pending_at);
                        }
                        pending = 0;
                        out.push(k2, at);
                    }
                }
            }
        }
    }
    out
}

/// The match key of a short string (a dictionary name, a pattern), without alignment.
pub fn match_key_str(s: &str) -> String {
    match_key(s, &[Span::new(0, s.len())])
        .text
        .trim()
        .to_string()
}

/// Clean text for display: NFC, without bidi controls, zero-width marks or tatweel.
pub fn display(s: &str) -> String {
    s.nfc()
        .filter(|c| {
            !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{0640}' | '\u{061C}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(match_key_str($input), $expected);
            }
        };
    }

    t!(drops_diacritics, "مسيّرة", "مسيره");
    t!(folds_alef_forms, "أإآٱ", "اااا");
    t!(
        folds_alef_maqsura_and_ta_marbuta,
        "على القاعدة",
        "علي القاعده"
    );
    t!(drops_tatweel, "هجـــوم", "هجوم");
    t!(converts_arabic_indic_digits, "٤٣٨٥ و۱۴۰۰", "4385 و1400");
    t!(
        converts_arabic_punctuation,
        "«نعم»، لا؛ لماذا؟",
        "\"نعم\", لا; لماذا?"
    );
    t!(folds_whitespace, "  قصف \t\t جوي  ", "قصف جوي");
    t!(
        drops_bidi_marks,
        "غزة\u{200F} \u{202B}رفح\u{202C}",
        "غزه رفح"
    );
    t!(lowercases_latin, "CENTCOM F-16", "centcom f-16");
    t!(decomposes_presentation_forms, "\u{FEFB}", "لا");
    t!(keeps_newlines_as_one, "سطر\n\n\nآخر", "سطر\nاخر");
    t!(
        folds_spaces_inside_presentation_forms,
        "ء \u{FE76} ٠",
        "ء 0"
    );

    #[test]
    fn aligns_back_to_original() {
        let text = "قُتل ٤ أشخاص";
        let a = match_key(text, &[Span::new(0, text.len())]);
        let k = a.text.find("4").unwrap();
        assert_eq!(a.to_original(Span::new(k, k + 1)).slice(text), Some("٤"));
        let k = a.text.find("قتل").unwrap();
        assert_eq!(
            a.to_original(Span::new(k, k + "قتل".len())).slice(text),
            Some("قُتل")
        );
    }

    #[test]
    fn spans_keep_trailing_marks() {
        let text = "قُتلَ 5 أشخاصٍ، هـ";
        let a = match_key(text, &[Span::new(0, text.len())]);
        let k = a.text.find("قتل").unwrap();
        assert_eq!(
            a.to_original(Span::new(k, k + "قتل".len())).slice(text),
            Some("قُتلَ")
        );
        let k = a.text.find("اشخاص").unwrap();
        assert_eq!(
            a.to_original(Span::new(k, k + "اشخاص".len())).slice(text),
            Some("أشخاصٍ")
        );
        let k = a.text.rfind('ه').unwrap();
        assert_eq!(
            a.to_original(Span::new(k, k + 'ه'.len_utf8())).slice(text),
            Some("هـ")
        );
    }

    #[test]
    fn display_keeps_letters_and_drops_controls() {
        assert_eq!(display("غزة\u{200F}ـ"), "غزة");
    }
}
