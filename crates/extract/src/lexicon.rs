//! The language lexicon: trigger words, weapons, outcomes, claim cues, casualty words, relation
//! cues… read from `data/lexicon.tsv` (compiled in) and `data/given_names.txt`.
use crate::dict::{longest_first, Hit, Matcher};
use rasd_text::Analyzed;

/// The built-in lexicon file.
pub const LEXICON_TSV: &str = include_str!("../../../data/lexicon.tsv");
/// The built-in given-names file.
pub const GIVEN_NAMES: &str = include_str!("../../../data/given_names.txt");

/// Class of a lexicon entry (the second column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// An event trigger.
    Trigger,
    /// A weapon word.
    Weapon,
    /// An outcome word.
    Outcome,
    /// A claim cue (reporting verb, «وفق», «نفى», «تبنت»…).
    Cue,
    /// A negation.
    Neg,
    /// A hypothetical or future marker.
    Hypo,
    /// A cumulative-toll cue.
    Toll,
    /// A casualty word.
    Casualty,
    /// A noun for people counted in casualty figures.
    PersonNoun,
    /// A relation cue.
    Relation,
    /// A word that marks a publication date, not an event date.
    Metadate,
    /// The head of an anonymous or role source.
    SourceHead,
    /// The head of a descriptive actor.
    ActorHead,
    /// The head of an organisation name.
    OrgHead,
    /// A nationality adjective; value = ISO country code.
    Nisba,
    /// A common word that is also a place name («جويا», «النصر»): a place only after
    /// «في», «بلدة», «مدينة»….
    Ambiguous,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "trigger" => Class::Trigger,
            "weapon" => Class::Weapon,
            "outcome" => Class::Outcome,
            "cue" => Class::Cue,
            "neg" => Class::Neg,
            "hypo" => Class::Hypo,
            "toll" => Class::Toll,
            "casualty" => Class::Casualty,
            "person_noun" => Class::PersonNoun,
            "relation" => Class::Relation,
            "metadate" => Class::Metadate,
            "source_head" => Class::SourceHead,
            "actor_head" => Class::ActorHead,
            "org_head" => Class::OrgHead,
            "nisba" => Class::Nisba,
            "ambiguous" => Class::Ambiguous,
            _ => return None,
        })
    }

    /// Every class.
    pub const ALL: [Class; 16] = [
        Class::Trigger,
        Class::Weapon,
        Class::Outcome,
        Class::Cue,
        Class::Neg,
        Class::Hypo,
        Class::Toll,
        Class::Casualty,
        Class::PersonNoun,
        Class::Relation,
        Class::Metadate,
        Class::SourceHead,
        Class::ActorHead,
        Class::OrgHead,
        Class::Nisba,
        Class::Ambiguous,
    ];
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The pattern as written.
    pub pattern: String,
    /// Its class.
    pub class: Class,
    /// Its value (third column): meaning depends on the class.
    pub value: String,
}

/// Parse the lexicon TSV; malformed lines are returned as errors with their line number.
pub fn parse(tsv: &str) -> Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(p), Some(c), Some(v)) = (cols.first(), cols.get(1), cols.get(2)) else {
            return Err(format!(
                "lexicon line {}: expected 3 tab-separated columns",
                i + 1
            ));
        };
        let class = Class::parse(c.trim())
            .ok_or_else(|| format!("lexicon line {}: unknown class {c:?}", i + 1))?;
        out.push(Entry {
            pattern: p.trim().to_string(),
            class,
            value: v.trim().to_string(),
        });
    }
    Ok(out)
}

/// The lexicon compiled into one matcher over every class, payload = the entry's class and
/// value: one pass over a text finds the hits of all classes.
#[derive(Debug, Clone)]
pub struct Lexicon {
    matcher: Matcher<(Class, String)>,
    /// Given names (match keys).
    pub given_names: std::collections::HashSet<String>,
}

impl Lexicon {
    /// Compile the lexicon entries and given names.
    pub fn new(entries: &[Entry], given_names: &str) -> Lexicon {
        let matcher = Matcher::new(
            entries
                .iter()
                .map(|e| (e.pattern.as_str(), (e.class, e.value.clone()))),
        );
        let given_names = given_names
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(rasd_text::match_key_str)
            .collect();
        Lexicon {
            matcher,
            given_names,
        }
    }

    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        // The built-in file is checked by the test suite; a broken built-in is a bug.
        let entries = parse(LEXICON_TSV).unwrap_or_else(|e| panic!("built-in lexicon: {e}"));
        Lexicon::new(&entries, GIVEN_NAMES)
    }

    /// The hits of every class in an analysed text: per class, overlapping hits are resolved
    /// longest first (as [`Matcher::find`] does for one class) and returned in text order.
    pub fn find_by_class<'a>(&'a self, a: &Analyzed) -> Vec<(Class, Vec<Hit<'a, String>>)> {
        let mut per: Vec<Vec<Hit<'a, String>>> = Class::ALL.iter().map(|_| Vec::new()).collect();
        for h in self.matcher.find_overlapping(a) {
            let (class, value) = h.payload;
            if let Some(i) = Class::ALL.iter().position(|c| c == class) {
                per[i].push(Hit {
                    key: h.key,
                    with_clitics: h.with_clitics,
                    payload: value,
                });
            }
        }
        Class::ALL
            .iter()
            .zip(per)
            .map(|(&c, hits)| (c, longest_first(hits)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses() {
        let e = parse(LEXICON_TSV).unwrap();
        assert!(e.len() > 300);
        for c in Class::ALL {
            assert!(e.iter().any(|x| x.class == c), "{c:?}");
        }
    }

    #[test]
    fn one_pass_over_all_classes_finds_what_one_matcher_a_class_finds() {
        let entries = parse(LEXICON_TSV).unwrap();
        let lex = Lexicon::new(&entries, "");
        let text = "وقال مصدر أمني إن مسلحين هاجموا نقطة للشرطة بقذائف الهاون أمس، \
                    ما أسفر عن مقتل ثلاثة جنود وإصابة خمسة آخرين، ونفت الجماعة مسؤوليتها.";
        let a = rasd_text::analyze(text);
        for (c, hits) in lex.find_by_class(&a) {
            let one = Matcher::new(
                entries
                    .iter()
                    .filter(|e| e.class == c)
                    .map(|e| (e.pattern.as_str(), e.value.clone())),
            );
            assert_eq!(hits, one.find(&a), "{c:?}");
        }
    }

    #[test]
    fn bad_lines_are_reported() {
        assert!(parse("x\tnope\ty").unwrap_err().contains("line 1"));
        assert!(parse("x").is_err());
    }
}
