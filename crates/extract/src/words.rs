//! The closed word lists that extraction rules look at («منذ», the verbs that frame a report,
//! the nouns of a body's forces…), read from `data/words.tsv` (compiled in) like the lexicon:
//! the words are data, reviewed and validated, not code.
//!
//! Each list has a name (a [`W`]) and a mode: `exact` lists hold whole match keys (a token, a
//! stem), `prefix` lists hold beginnings of words («دمر» for «دمرت», «دمروا»). Words are folded
//! like every match key when the file is read. Rules ask [`W::has`] (the word is one of the
//! list) or [`W::starts`] (the word begins with one of the list).
use std::collections::HashSet;
use std::sync::OnceLock;

/// The built-in word lists.
pub const WORDS_TSV: &str = include_str!("../../../data/words.tsv");

macro_rules! lists {
    ($($v:ident = $name:literal, $doc:literal;)*) => {
        /// A word list of `data/words.tsv`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum W {
            $(#[doc = $doc] $v,)*
        }

        impl W {
            /// Every list.
            pub const ALL: &'static [W] = &[$(W::$v,)*];

            /// The list's name in `data/words.tsv`.
            pub fn name(self) -> &'static str {
                match self {
                    $(W::$v => $name,)*
                }
            }
        }
    };
}

lists! {
    // Detection rules.
    Without = "without", "«دون» of «دون أن»: what did not happen.";
    That = "that", "«أن», «إن» after «دون» or a speech verb.";
    Stop = "stop", "«وقف»: a ceasefire's stop, before «إطلاق النار».";
    StopBefore = "stop_before", "«وقف», «لوقف» right before a weapon word: a ceasefire.";
    Purpose = "purpose", "Prefixes of a purpose («لاستهداف»): a plan, no event.";
    More = "more", "«المزيد» of «المزيد من الهجمات».";
    NotMade = "not_made", "Prefixes of words before an agreement that is sought, broken or in force.";
    Habitual = "habitual", "Words after a verb that make it habitual («مرارا»).";
    SpanWords = "span_words", "Words that make plural triggers an aggregate over time («منذ», «خلال»).";
    Demonstrative = "demonstrative", "Demonstratives before a plural («تلك الهجمات»): events told before.";
    Definite = "definite", "Words before a noun that make it refer back («هذا», «ذات»).";
    DefinitePrefix = "definite_prefix", "Beginnings of a word with the article («ال», «بال», «لل»).";
    Article = "article", "The article «ال».";
    DetentionPlace = "detention_place", "Places of detention before «احتجاز»: a place, no arrest.";
    Dawn = "dawn", "«فجرا»: at dawn, no detonation.";
    DawnStem = "dawn_stem", "Prefix of «فجر» (dawn or detonated).";
    Charge = "charge", "Prefixes of a charge («بتهمة»).";
    Accused = "accused", "Prefixes of an accusation («متهمة», «اتهم»).";
    // Mentions.
    Framing = "framing", "Verbs that frame the event just told («وتأتي الضربة بعد…»).";
    Protesters = "protesters", "Prefixes of protesters: clashes with them are a protest.";
    Motive = "motive", "Words of a motive («ردا على»): no event unless dated.";
    Destroy = "destroy", "Prefixes of destruction: weapons destroyed are not the attack's.";
    NotUsedAfter = "not_used_after", "Words before a weapon that is not used («ضد صواريخ», «مخزن»).";
    MarchHead = "march_head", "Prefix of «مسيرة» (a march or a drone).";
    MarchNext = "march_next", "Words after «مسيرة» that make it a march.";
    MarchNextPrefix = "march_next_prefix", "Prefixes of words after «مسيرة» that make it a march.";
    Since = "since", "«منذ»: a date after it starts a period.";
    Until = "until", "«حتى», «لغاية»: a date after it ends a period.";
    UntilHead = "until_head", "«حتى» opening a date expression: the end of a period.";
    Contrast = "contrast", "Words that join two events told in one sentence («بينما», «فيما»).";
    ReportedThat = "reported_that", "Words that open a reported clause («إن», «أنه», «بأن»).";
    ClauseOpener = "clause_opener", "Pronouns after a speech verb that report its subject («إنها»).";
    One = "one", "«واحد», «واحدة» after a counted weapon.";
    SingularPerson = "singular_person", "People in the singular («جندي», «طفلة»): one casualty.";
    Consequence = "consequence", "Prefixes of what an attack led to («أدى», «أسفر»).";
    BackFacility = "back_facility", "Generic facility nouns that refer back («القاعدة», «المطار»).";
    BackLocality = "back_locality", "Generic town nouns that refer back («البلدة», «المخيم»).";
    // Parties.
    SupportVerbs = "support_verbs", "Prefixes of verbs that carry a trigger noun («شنت X غارات»).";
    AgentStem = "agent_stem", "Stems before the agent of violence («رصاص قوات…»).";
    AgentToken = "agent_token", "Words before the agent of violence («برصاص», «شنته»).";
    On = "on", "«على» (of «على يد»).";
    Hand = "hand", "«يد», «أيدي» (of «على يد»).";
    Passive = "passive", "A word inside a passive trigger («تعرض لهجوم»).";
    TargetIntro = "target_intro", "Words before the target of an attack («على», «ضد»).";
    SelfPronoun = "self_pronoun", "Pronouns before a verb that are the speaker («إنه استهدف»).";
    AirAdjective = "air_adjective", "Adjectives of means between a trigger and a nationality («جوي»).";
    // Places.
    Locative = "locative", "Prepositions that introduce where something happened.";
    AtSea = "at_sea", "Words of a position at sea («بحريا», «كلم»).";
    AtSeaPrefix = "at_sea_prefix", "Prefixes of a position at sea («ميل»).";
    Origin = "origin", "Words before an origin, not the place of the event («باتجاه»).";
    From = "from", "«من».";
    And = "and", "«و» standing alone before a joined name.";
    In = "in", "«في».";
    TimeZone = "time_zone", "«بتوقيت»: no place after it.";
    Direction = "direction", "Words of direction and area before a place («شمال», «أنحاء»).";
    // Claims given to events.
    ForceNouns = "force_nouns", "Nouns of a body's own forces, before a pronoun («طائراته»).";
    OwnPronoun = "own_pronoun", "Pronoun enclitics after a body's forces («ـه», «ـها», «ـهم»).";
    SelfReport = "self_report", "Pronouns that open a source's report of its own deed («إنه»).";
    Announce = "announce", "Prefix of «أعلن»: an announcement.";
    AnnounceThat = "announce_that", "«أعلنت أن»: an announcement of what others did.";
}

/// The parsed lists.
#[derive(Debug)]
pub struct Words {
    exact: Vec<HashSet<String>>,
    prefix: Vec<Vec<String>>,
}

impl Words {
    /// Parse a words file: `list<TAB>mode<TAB>word` lines, `#` comments.
    pub fn parse(tsv: &str) -> Result<Words, String> {
        let n = W::ALL.len();
        let mut w = Words {
            exact: vec![HashSet::new(); n],
            prefix: vec![Vec::new(); n],
        };
        for (i, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [list, mode, word] = cols[..] else {
                return Err(format!(
                    "words line {}: expected 3 tab-separated columns",
                    i + 1
                ));
            };
            let Some(ix) = W::ALL.iter().position(|x| x.name() == list.trim()) else {
                return Err(format!("words line {}: unknown list {list:?}", i + 1));
            };
            let key = rasd_text::match_key_str(word.trim());
            if key.is_empty() {
                return Err(format!("words line {}: empty word", i + 1));
            }
            match mode.trim() {
                "exact" => {
                    w.exact[ix].insert(key);
                }
                "prefix" => w.prefix[ix].push(key),
                m => return Err(format!("words line {}: unknown mode {m:?}", i + 1)),
            }
        }
        if let Some(x) = W::ALL
            .iter()
            .enumerate()
            .find(|(i, _)| w.exact[*i].is_empty() && w.prefix[*i].is_empty())
        {
            return Err(format!("words: list {:?} has no word", x.1.name()));
        }
        Ok(w)
    }
}

/// The built-in lists.
fn table() -> &'static Words {
    static T: OnceLock<Words> = OnceLock::new();
    // The built-in file is checked by the test suite; a broken built-in is a bug.
    T.get_or_init(|| Words::parse(WORDS_TSV).unwrap_or_else(|e| panic!("built-in {e}")))
}

impl W {
    fn ix(self) -> usize {
        self as usize
    }

    /// Is `w` (a match key) a word of the list (for prefix lists: does it start with one)?
    pub fn has(self, w: &str) -> bool {
        let t = table();
        t.exact[self.ix()].contains(w)
            || t.prefix[self.ix()]
                .iter()
                .any(|p| w.starts_with(p.as_str()))
    }

    /// Does `w` start with a word of the list (exact words count as prefixes here)?
    pub fn starts(self, w: &str) -> bool {
        let t = table();
        t.prefix[self.ix()]
            .iter()
            .any(|p| w.starts_with(p.as_str()))
            || t.exact[self.ix()].iter().any(|p| w.starts_with(p.as_str()))
    }

    /// Does `w` start with a word of the list whose rest satisfies `rest_ok`?
    pub fn any_rest(self, w: &str, rest_ok: impl Fn(&str) -> bool) -> bool {
        let t = table();
        t.prefix[self.ix()]
            .iter()
            .chain(t.exact[self.ix()].iter())
            .any(|p| w.strip_prefix(p.as_str()).is_some_and(&rest_ok))
    }

    /// Does `w` end with a word of the list?
    pub fn ends(self, w: &str) -> bool {
        let t = table();
        t.prefix[self.ix()]
            .iter()
            .chain(t.exact[self.ix()].iter())
            .any(|p| w.ends_with(p.as_str()))
    }

    /// Does `w` contain a word of the list?
    pub fn within(self, w: &str) -> bool {
        let t = table();
        t.prefix[self.ix()]
            .iter()
            .chain(t.exact[self.ix()].iter())
            .any(|p| w.contains(p.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_parse_and_every_list_has_words() {
        let w = Words::parse(WORDS_TSV).unwrap();
        assert_eq!(w.exact.len(), W::ALL.len());
    }

    #[test]
    fn bad_lines_are_reported() {
        assert!(Words::parse("nope\texact\tx")
            .unwrap_err()
            .contains("unknown list"));
        assert!(Words::parse("since\tsome\tx")
            .unwrap_err()
            .contains("unknown mode"));
        assert!(Words::parse("since").unwrap_err().contains("line 1"));
    }

    #[test]
    fn lookups_fold_and_follow_the_mode() {
        assert!(W::Since.has("منذ"));
        assert!(W::Destroy.has("دمرت"));
        assert!(!W::Since.has("منذر"));
    }
}
