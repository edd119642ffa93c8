//! Arabic proclitics and enclitics.
//!
//! News Arabic attaches conjunctions, prepositions and the article to the next word
//! («وبطائرة» = و + ب + طائرة, «لوكالة» = ل + وكالة, «للعراق» = ل + ال + عراق) and pronouns to
//! the end («مقرها», «أمينها»). Dictionary matching must see through them, so this module
//! says which prefixes and suffixes are clitic sequences. It works on match keys (see
//! [`crate::normalize`]), and never strips a stem below two letters.

/// Proclitic sequences, longest first (match-key spelling).
const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب",
    "ول", "وك", "وس", "فب", "فل", "فك", "فس", "و", "ف", "ب", "ل", "ك", "س",
];

/// Pronoun enclitics, longest first (match-key spelling).
const ENCLITICS: &[&str] = &[
    "هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ه", "ك", "ي",
];

/// True when `prefix` (match key) is empty or a sequence of proclitics.
pub fn is_proclitic(prefix: &str) -> bool {
    prefix.is_empty() || PROCLITICS.contains(&prefix)
}

/// True when `prefix` is a proclitic sequence that ends in the article («ال», «بال», «لل»…).
pub fn has_article(prefix: &str) -> bool {
    prefix.ends_with("ال") || prefix.ends_with("لل")
}

/// True when `suffix` (match key) is empty or a pronoun enclitic.
pub fn is_enclitic(suffix: &str) -> bool {
    suffix.is_empty() || ENCLITICS.contains(&suffix)
}

/// Byte length of the longest proclitic sequence that can be removed from an Arabic word,
/// leaving a stem of at least `min_stem` letters.
pub fn proclitic_len(word: &str, min_stem: usize) -> usize {
    let letters = word.chars().count();
    for p in PROCLITICS {
        if let Some(rest) = word.strip_prefix(p) {
            let plen = p.chars().count();
            // «لل» is ل + the article: the stem keeps no alef.
            if letters - plen >= min_stem && rest.chars().next().is_some_and(is_arabic_letter) {
                return p.len();
            }
        }
    }
    0
}

/// Byte length of a pronoun enclitic that can be removed from the end of an Arabic word,
/// leaving at least `min_stem` letters.
pub fn enclitic_len(word: &str, min_stem: usize) -> usize {
    let letters = word.chars().count();
    for s in ENCLITICS {
        if word.ends_with(s) && letters - s.chars().count() >= min_stem {
            return s.len();
        }
    }
    0
}

/// A word without its leading article «ال».
pub fn strip_article(w: &str) -> &str {
    w.strip_prefix("ال").unwrap_or(w)
}

/// A word that starts with «لل» (the preposition ل and the article) written with the article
/// alone: «للقاعدة» → «القاعدة». Other words are returned as they are.
pub fn article_form(w: &str) -> std::borrow::Cow<'_, str> {
    match w.strip_prefix("لل") {
        Some(rest) => std::borrow::Cow::Owned(format!("ال{rest}")),
        None => std::borrow::Cow::Borrowed(w),
    }
}

/// True when a word starts with the article «ال».
pub fn starts_with_article(w: &str) -> bool {
    w.starts_with("ال")
}

/// The word after its leading article «ال», when it has one.
pub fn after_article(w: &str) -> Option<&str> {
    w.strip_prefix("ال")
}

/// True when a word starts with «لل» (the preposition ل and the article).
pub fn starts_with_lil(w: &str) -> bool {
    w.starts_with("لل")
}

/// The form of a definite stem after the preposition ل: «عراق» → «للعراق».
pub fn lil_form(stem: &str) -> String {
    format!("لل{stem}")
}

/// The conjunction «و».
pub const WAW: char = 'و';

/// The preposition «ب».
pub const BA: char = 'ب';

/// Sin: the future particle, a proclitic of verbs only.
pub const SIN: char = 'س';

/// The preposition «ل».
pub const LAM: char = 'ل';

/// The final «ي» of a nisba adjective («عراقي»); in match keys also a folded «ى».
pub const YA: char = 'ي';

/// The conjunctions «و» and «ف», to trim from the start of a word.
pub const CONJUNCTIONS: [char; 2] = ['و', 'ف'];

/// The conjunctions «و», «ف» and the preposition «ب», to trim from the start of a word.
pub const CONJUNCTIONS_BA: [char; 3] = ['و', 'ف', 'ب'];

/// «و», «ل» and «ب»: a conjunction or a preposition before a word.
pub const WAW_LAM_BA: [char; 3] = ['و', 'ل', 'ب'];

/// The alif of the accusative ending («جنديا»).
pub const ACCUSATIVE_ALIF: char = 'ا';

/// «و» and «ب».
pub const WAW_BA: [char; 2] = ['و', 'ب'];

/// The one-letter proclitics that may stand before a name («و», «ف», «ب», «ل»).
const LETTER_PROCLITICS: [char; 4] = ['و', 'ف', 'ب', 'ل'];

/// A word without one leading one-letter proclitic («ولحركة» → «لحركة»), when it has one.
pub fn strip_letter_proclitic(w: &str) -> Option<&str> {
    w.strip_prefix(LETTER_PROCLITICS)
}

/// True when a word as written (not a match key) ends with «ى»: «على» the preposition, not
/// the name «علي», which folds alike.
pub fn written_with_alif_maqsura(w: &str) -> bool {
    w.ends_with('ى')
}

/// True for letters of the Arabic block (not digits, marks or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $word:expr, $stem:expr) => {
            #[test]
            fn $name() {
                let w = $word;
                assert_eq!(&w[proclitic_len(w, 3)..], $stem);
            }
        };
    }

    t!(strips_lam_before_wakala, "لوكاله", "وكاله");
    t!(strips_waw_ba, "وبطايره", "طايره");
    t!(strips_article, "العراق", "عراق");
    t!(strips_lil, "للعراق", "عراق");
    t!(keeps_short_stems, "بلد", "بلد");
    t!(keeps_plain_words, "قاعده", "قاعده");

    #[test]
    fn named_helpers() {
        assert_eq!(strip_letter_proclitic("ولحركه"), Some("لحركه"));
        assert_eq!(strip_letter_proclitic("حركه"), None);
        assert_eq!(after_article("العراق"), Some("عراق"));
        assert!(starts_with_article("العراق") && !starts_with_article("عراق"));
        assert!(starts_with_lil("للعراق"));
        assert_eq!(lil_form("عراق"), "للعراق");
        assert!(written_with_alif_maqsura("على") && !written_with_alif_maqsura("علي"));
        assert_eq!("وفقال".trim_start_matches(CONJUNCTIONS), "قال");
    }

    #[test]
    fn recognises_sequences() {
        assert!(is_proclitic("وال"));
        assert!(is_proclitic(""));
        assert!(!is_proclitic("م"));
        assert!(is_enclitic("ها"));
        assert!(!is_enclitic("ات"));
        assert_eq!(enclitic_len("امينها", 3), "ها".len());
    }
}
