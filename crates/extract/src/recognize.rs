//! Recognisers: find every name, lexicon word, number and date of a document.
//!
//! Dictionary names (actors and places, from [`crate::kb`]) and lexicon words (from
//! [`crate::lexicon`]) are matched with the clitic-aware [`Matcher`]; on top of them, patterns
//! find what no dictionary lists: descriptive actors («فصائل عراقية موالية لإيران»), persons
//! (a given name and the name tokens after it), new organisations («كتائب …», quoted names
//! after «تدعى») and anonymous or role sources («مصدر أمني عراقي», «المتحدث باسم …»).
use std::collections::HashMap;

use rasd_model::{EntityType, IsoDate, Span};
use rasd_text::dates::DateMention;
use rasd_text::numbers::Quantity;
use rasd_text::{analyze, Analyzed};

use crate::dict::Matcher;
use crate::kb::{ActorKind, Knowledge, PlaceKind};
use crate::lexicon::{Class, Lexicon};
use crate::spans::SpanIndex;

/// What a dictionary name points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRef {
    /// An actor of the dictionary (index into `Knowledge::actors`).
    Actor(usize),
    /// A place of the gazetteer (index into `Knowledge::places`).
    Place(usize),
}

/// How a name was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameKind {
    /// A dictionary name: actors and/or places sharing the span.
    Known {
        /// Actor indices.
        actors: Vec<usize>,
        /// Place indices (candidates for geocoding).
        places: Vec<usize>,
    },
    /// A descriptive actor («فصائل عراقية موالية لإيران»).
    Descriptor {
        /// Country of a nationality adjective in it, when any.
        country: Option<String>,
        /// The state it is said to be loyal to / backed by, when named.
        patron: Option<usize>,
    },
    /// A person found by the given-name pattern.
    Person,
    /// An organisation no dictionary knows.
    NewOrg(EntityType),
    /// An anonymous or role source («مصدر أمني عراقي», «المتحدث باسم الجيش»).
    Source {
        /// True for anonymous sources.
        anonymous: bool,
        /// A bare anaphoric source («المصدر», «المسؤول»).
        bare: bool,
        /// The dictionary actor it speaks for («مسؤول في البنتاغون» → the Pentagon).
        speaks_for: Option<usize>,
        /// Key of the head noun, singular («مصدر», «مسؤول», «متحدث»).
        head: String,
        /// The person it names (a dictionary person, or a name no dictionary knows), with the
        /// key span of the name: «المتحدث العسكري باسم الحوثيين يحيى سريع» is Yahya Saree
        /// speaking.
        person: Option<(Option<usize>, Span)>,
    },
}

/// A name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Key span.
    pub key: Span,
    /// What it is.
    pub kind: NameKind,
}

/// A lexicon word found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexHit {
    /// Key span.
    pub key: Span,
    /// The entry's value.
    pub value: String,
}

/// Everything the recognisers found in one document.
#[derive(Debug, Clone)]
pub struct Found {
    /// The analysed text.
    pub a: Analyzed,
    /// Names, in text order, not overlapping.
    pub names: Vec<Name>,
    /// Lexicon hits per class, in text order.
    pub lex: HashMap<Class, Vec<LexHit>>,
    /// Quantities.
    pub numbers: Vec<Quantity>,
    /// Dates.
    pub dates: Vec<DateMention>,
}

impl Found {
    /// Lexicon hits of a class.
    pub fn lex(&self, c: Class) -> &[LexHit] {
        self.lex.get(&c).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Lexicon hits of a class inside a key span.
    pub fn lex_in(&self, c: Class, s: Span) -> impl Iterator<Item = &LexHit> {
        window(self.lex(c), |h| h.key.start, s)
            .iter()
            .filter(move |h| s.contains(h.key))
    }

    /// Names inside a key span.
    pub fn names_in(&self, s: Span) -> impl Iterator<Item = &Name> {
        window(&self.names, |n| n.key.start, s)
            .iter()
            .filter(move |n| s.contains(n.key))
    }

    /// Quantities inside a key span.
    pub fn numbers_in(&self, s: Span) -> impl Iterator<Item = &Quantity> {
        window(&self.numbers, |q| q.key.start, s)
            .iter()
            .filter(move |q| s.contains(q.key))
    }

    /// Dates inside a key span, with their indices into `dates`.
    pub fn dates_in(&self, s: Span) -> impl Iterator<Item = (usize, &DateMention)> {
        let lo = self.dates.partition_point(|d| d.key.start < s.start);
        self.dates[lo..]
            .iter()
            .take_while(move |d| d.key.start < s.end)
            .enumerate()
            .map(move |(i, d)| (lo + i, d))
            .filter(move |(_, d)| s.contains(d.key))
    }

    /// Lexicon hits of a class that overlap a key span (hits are short phrases).
    pub fn lex_over(&self, c: Class, s: Span) -> impl Iterator<Item = &LexHit> {
        let hits = self.lex(c);
        let hi = hits.partition_point(|h| h.key.start < s.end);
        let lo = hits.partition_point(|h| h.key.start < s.start.saturating_sub(256));
        hits[lo..hi.max(lo)]
            .iter()
            .filter(move |h| h.key.overlaps(s))
    }

    /// Dates that overlap a key span (date expressions are short).
    pub fn dates_over(&self, s: Span) -> impl Iterator<Item = &DateMention> {
        let hi = self.dates.partition_point(|d| d.key.start < s.end);
        let lo = self
            .dates
            .partition_point(|d| d.key.start < s.start.saturating_sub(256));
        self.dates[lo..hi.max(lo)]
            .iter()
            .filter(move |d| d.key.overlaps(s))
    }

    /// The names that overlap a key span (names are sorted by start and rarely nest).
    pub fn names_over(&self, s: Span) -> impl Iterator<Item = &Name> {
        // A name that starts before `s` and reaches into it starts at most a name's length
        // before it; names are short, so look back a few entries.
        let hi = self.names.partition_point(|n| n.key.start < s.end);
        let lo = hi.saturating_sub(64);
        self.names[lo..hi].iter().filter(move |n| n.key.overlaps(s))
    }

    /// The key text under a span.
    pub fn key_str(&self, s: Span) -> &str {
        self.a.key_str(s)
    }
}

/// The items of a list sorted by start whose start lies inside `s`.
fn window<T>(items: &[T], start: impl Fn(&T) -> usize, s: Span) -> &[T] {
    let lo = items.partition_point(|x| start(x) < s.start);
    let hi = items.partition_point(|x| start(x) < s.end).max(lo);
    &items[lo..hi]
}

/// Source modifiers: adjectives that belong to a source phrase («مصدر أمني», «مسؤول عسكري»).
const SOURCE_ADJ: &[&str] = &[
    "امني",
    "عسكري",
    "مسوول",
    "محلي",
    "طبي",
    "حكومي",
    "دبلوماسي",
    "رسمي",
    "مطلع",
    "ميداني",
    "كبير",
    "رفيع",
    "استخباراتي",
    "اعلامي",
    "خاص",
    "قيادي",
    "سياسي",
    "مقرب",
    "بارز",
    "اخر",
    "امنيه",
    "عسكريه",
    "طبيه",
    "حكوميه",
    "رسميه",
    "مطلعه",
    "محليه",
    "اعلاميه",
    "خاصه",
    "ميدانيه",
    "دبلوماسيه",
    "سياسيه",
    "المستوي",
];

/// Modifiers that belong to a descriptive actor («موالية», «مدعومة»…), as match keys.
const ACTOR_ADJ: &[&str] = &[
    "مواليه",
    "الموالية",
    "مدعومه",
    "المدعومه",
    "مدعومون",
    "مدعومين",
    "المدعومين",
    "مسلحه",
    "المسلحه",
    "شيعيه",
    "الشيعيه",
    "سنيه",
    "متطرفه",
    "مجهوله",
    "تابعه",
    "التابعه",
    "المواليه",
    "موالون",
    "موالين",
    "مجهولون",
    "مجهولين",
    "مسلحون",
    "مسلحين",
    "ارهابيه",
    "الارهابيه",
    "مدعوم",
    "موال",
];

/// Words that end a person's name.
const NAME_STOP: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "انه",
    "انها",
    "الذي",
    "التي",
    "هو",
    "هي",
    "قد",
    "كان",
    "كانت",
    "بعد",
    "قبل",
    "خلال",
    "حيث",
    "او",
    "ثم",
    "لكن",
    "وقال",
    "قال",
    "اليوم",
    "امس",
    "عبر",
    "الي",
    "بين",
    "حول",
    "ضد",
    "لدي",
    "منذ",
    // Relative adjectives start a relation, not a name part: «وزارة الصحة التابعة للحوثيين».
    "التابعه",
    "التابع",
    "المواليه",
    "الموالي",
    "المدعومه",
    "المدعوم",
    "المنضويه",
    "المنضوي",
    "المقربه",
    "المقرب",
    "المعترف",
];

/// The recognisers, compiled once per pipeline.
#[derive(Debug, Clone)]
pub struct Recognizer {
    names: Matcher<NameRef>,
    /// Match keys of place names that are common words.
    cue_only: std::collections::HashSet<String>,
    /// The lexicon.
    pub lex: Lexicon,
}

impl Recognizer {
    /// Compile the dictionaries of a knowledge base and a lexicon.
    pub fn new(kb: &Knowledge, lex: Lexicon) -> Recognizer {
        let mut pats: Vec<(String, NameRef)> = Vec::new();
        for (i, a) in kb.actors.iter().enumerate() {
            for n in std::iter::once(&a.name_ar)
                .chain(&a.aliases_ar)
                .chain(std::iter::once(&a.name_en))
                .chain(&a.aliases_en)
            {
                // Common words that name an actor only in context («~فتح»): not matched bare.
                if n.starts_with(crate::kb::CUE_ONLY_MARK) {
                    continue;
                }
                // Short Latin abbreviations («US», «UN») are too ambiguous in running text.
                if n.is_ascii() && n.chars().filter(|c| c.is_alphanumeric()).count() < 4 {
                    continue;
                }
                pats.push((n.clone(), NameRef::Actor(i)));
            }
        }
        let mut cue_only = std::collections::HashSet::new();
        for (i, p) in kb.places.iter().enumerate() {
            for n in std::iter::once(&p.name_ar).chain(&p.aliases_ar) {
                // «~العديد»: a common word, a place only after «في», «مدينة»….
                if let Some(bare) = n.strip_prefix(crate::kb::CUE_ONLY_MARK) {
                    cue_only.insert(rasd_text::match_key_str(bare));
                    pats.push((bare.to_string(), NameRef::Place(i)));
                    continue;
                }
                pats.push((n.clone(), NameRef::Place(i)));
            }
            if p.kind != PlaceKind::Locality && p.name_en.chars().count() >= 4 {
                pats.push((p.name_en.clone(), NameRef::Place(i)));
            }
        }
        Recognizer {
            names: Matcher::new(pats),
            lex,
            cue_only,
        }
    }

    /// Run every recogniser over a document's text.
    pub fn recognize(&self, kb: &Knowledge, text: &str, published: Option<IsoDate>) -> Found {
        let a = analyze(text);
        let mut lex = HashMap::new();
        for c in Class::ALL {
            let hits: Vec<LexHit> = self
                .lex
                .matcher(c)
                .find(&a)
                .into_iter()
                .map(|h| LexHit {
                    key: h.key,
                    value: h.payload.clone(),
                })
                .collect();
            let mut hits = hits;
            hits.sort_by_key(|h| (h.key.start, h.key.end));
            lex.insert(c, hits);
        }
        let mut numbers = rasd_text::numbers::find(&a);
        numbers.sort_by_key(|q| (q.key.start, q.key.end));
        let mut dates = rasd_text::dates::find(&a, published);
        dates.sort_by_key(|d| (d.key.start, d.key.end));
        let mut f = Found {
            a,
            names: Vec::new(),
            lex,
            numbers,
            dates,
        };
        f.names = self.known_names(&f);
        // A month is no place: «2 آب/أغسطس» is not Ibb, «أيار» no town.
        let keep: Vec<bool> = f
            .names
            .iter()
            .map(|n| {
                !matches!(&n.kind, NameKind::Known { actors, .. } if actors.is_empty())
                    || !f.dates_over(n.key).any(|d| d.key.contains(n.key))
            })
            .collect();
        let mut keep = keep.into_iter();
        f.names.retain(|_| keep.next().unwrap_or(true));
        drop_ambiguous_places(&mut f, &self.cue_only);
        drop_datelines(&mut f);
        let mut extra = Vec::new();
        extra.extend(sources(&f, kb, &self.lex));
        extra.extend(descriptors(&f));
        extra.extend(persons(&f, &self.lex, text));
        extra.extend(new_orgs(&f));
        extra.extend(back_references(&f, kb));
        // Pattern names never override dictionary names, and each other by order of preference.
        let mut slots: Vec<Option<Name>> =
            std::mem::take(&mut f.names).into_iter().map(Some).collect();
        let mut index = SpanIndex::default();
        for (i, n) in slots.iter().enumerate() {
            if let Some(n) = n {
                index.insert(n.key, i);
            }
        }
        for n in extra {
            let over: Vec<(Span, usize)> = index.overlapping(n.key).collect();
            let push = if over.is_empty() {
                true
            } else if matches!(n.kind, NameKind::Descriptor { .. }) {
                // «مسلحون مدعومون من إيران» holds «إيران»: both stay (the state is still named).
                over.iter().all(|(k, _)| n.key.contains(*k))
            } else if matches!(n.kind, NameKind::Source { .. }) {
                // A source phrase may contain a dictionary name («مسؤول في البنتاغون»): it wins.
                let mut left = false;
                for &(k, i) in &over {
                    let is_source = slots[i]
                        .as_ref()
                        .is_some_and(|m| matches!(m.kind, NameKind::Source { .. }));
                    if n.key.contains(k) && !is_source {
                        slots[i] = None;
                        index.remove(k, i);
                    } else {
                        left = true;
                    }
                }
                !left
            } else {
                false
            };
            if push {
                index.insert(n.key, slots.len());
                slots.push(Some(n));
            }
        }
        f.names = slots.into_iter().flatten().collect();
        f.names.sort_by_key(|n| (n.key.start, n.key.end));
        let _ = kb;
        f
    }

    fn known_names(&self, f: &Found) -> Vec<Name> {
        let mut all = self.names.find_overlapping(&f.a);
        all.sort_by(|x, y| (y.key.len(), x.key.start).cmp(&(x.key.len(), y.key.start)));
        let mut out: Vec<Name> = Vec::new();
        let mut index = SpanIndex::default();
        let mut exact: HashMap<(usize, usize), usize> = HashMap::new();
        for h in all {
            if let Some(n) = exact.get(&(h.key.start, h.key.end)).map(|&i| &mut out[i]) {
                if let NameKind::Known { actors, places } = &mut n.kind {
                    match *h.payload {
                        NameRef::Actor(i) if !actors.contains(&i) => actors.push(i),
                        NameRef::Place(i) if !places.contains(&i) => places.push(i),
                        _ => {}
                    }
                }
                continue;
            }
            if index.overlapping(h.key).next().is_some() {
                continue;
            }
            index.insert(h.key, out.len());
            exact.insert((h.key.start, h.key.end), out.len());
            let (actors, places) = match *h.payload {
                NameRef::Actor(i) => (vec![i], vec![]),
                NameRef::Place(i) => (vec![], vec![i]),
            };
            out.push(Name {
                key: h.key,
                kind: NameKind::Known { actors, places },
            });
        }
        out.sort_by_key(|n| (n.key.start, n.key.end));
        out
    }
}

/// Words that introduce a place name.
const PLACE_INTRO: &[&str] = &[
    "في",
    "بلده",
    "مدينه",
    "قريه",
    "منطقه",
    "مخيم",
    "ناحيه",
    "قضاء",
    "محافظه",
    "حي",
    "بلدة",
    "الي",
    "من",
    "قرب",
    "بمنطقه",
    "ببلده",
    "بمدينه",
    "بقريه",
    "لبلده",
    "لمدينه",
    "مستوطنه",
    "مستعمره",
    "بلدتي",
    "قريتي",
    "مدينتي",
    "مخيمي",
    "كيبوتس",
    "بلدات",
    "قري",
    "مدن",
    "عند",
    "داخل",
    "باتجاه",
    "نحو",
];

/// A dateline says where the story was filed, not where it happened: a place at the start
/// of a line followed by a dash, a colon or a bracket («بغداد (أ ف ب) -», «أربيل - الحرة»,
/// «عدن: «الشرق الأوسط»»).
fn drop_datelines(f: &mut Found) {
    let text = &f.a.key.text;
    f.names.retain(|n| {
        let NameKind::Known { places, .. } = &n.kind else {
            return true;
        };
        if places.is_empty() {
            return true;
        }
        let line_start = text[..n.key.start].rfind('\n').map_or(0, |i| i + 1);
        let at_start = text[line_start..n.key.start].trim().is_empty();
        let after = text[n.key.end..].trim_start_matches(' ');
        let marked = after.starts_with('-')
            || after.starts_with('–')
            || after.starts_with(':')
            || after.starts_with('(');
        !(at_start && marked)
    });
}

/// A common word that is also a place name is a place only after a place word.
fn drop_ambiguous_places(f: &mut Found, cue_only: &std::collections::HashSet<String>) {
    let mut amb: Vec<Span> = f.lex(Class::Ambiguous).iter().map(|h| h.key).collect();
    amb.extend(
        f.names
            .iter()
            .filter(|n| cue_only.contains(f.a.key_str(n.key)))
            .map(|n| n.key),
    );
    let tokens = &f.a.tokens;
    let text = &f.a.key.text;
    f.names.retain(|n| {
        let NameKind::Known { actors, .. } = &n.kind else {
            return true;
        };
        if !actors.is_empty() || !amb.contains(&n.key) {
            return true;
        }
        let i = tokens.partition_point(|t| t.key.end <= n.key.start);
        let prev = if i > 0 {
            tokens
                .get(i - 1)
                .and_then(|t| text.get(t.key.start..t.key.end))
                .unwrap_or("")
        } else {
            ""
        };
        let own_prefix = tokens
            .get(i)
            .and_then(|t| text.get(t.key.start..n.key.start))
            .unwrap_or("");
        PLACE_INTRO.contains(&prev) || own_prefix.ends_with('ب')
    });
}

/// Head words by which an article refers back to an organisation it named («وأضاف المرصد»
/// after «المرصد السوري لحقوق الإنسان», «وأوضحت الوزارة», «وقالت الهيئة»), match keys.
pub(crate) const BACK_HEADS: &[&str] = &[
    "المرصد",
    "الوزاره",
    "الهيئه",
    "الجهاز",
    "الحركه",
    "الجماعه",
    "القياده",
    "المديريه",
    "الخليه",
    "الشركه",
    "المنظمه",
    "البعثه",
    "الجيش",
    "الحزب",
    "الكتايب",
    "السرايا",
    "المستشفي",
    "المكتب",
    "المركز",
    "اللجنه",
    "الشبكه",
];

/// Back references right after a speech cue: the head word of an organisation named before
/// it, linked to that organisation.
fn back_references(f: &Found, kb: &Knowledge) -> Vec<Name> {
    let mut out = Vec::new();
    for c in f.lex(Class::Cue) {
        if !matches!(
            c.value.as_str(),
            "say" | "relay" | "per" | "deny" | "responsibility"
        ) {
            continue;
        }
        let i = tok_from(f, c.key.end);
        let Some(t) = f.a.tokens.get(i) else { continue };
        let w = tok_str(f, i);
        if !BACK_HEADS.contains(&w) || f.names_over(t.key).next().is_some() {
            continue;
        }
        let head = &w["ال".len()..];
        let named = f
            .names
            .iter()
            .filter(|n| n.key.end <= c.key.start)
            .rev()
            .find_map(|n| match &n.kind {
                NameKind::Known { actors, .. } => actors.first().copied().filter(|&a| {
                    let k = rasd_text::match_key_str(&kb.actors[a].name_ar);
                    let first = k.split(' ').next().unwrap_or("");
                    first.strip_prefix("ال").unwrap_or(first) == head && k.contains(' ')
                }),
                _ => None,
            });
        if let Some(a) = named {
            out.push(Name {
                key: t.key,
                kind: NameKind::Known {
                    actors: vec![a],
                    places: vec![],
                },
            });
        }
    }
    out
}

/// Index of the token starting at or after a key offset.
fn tok_from(f: &Found, off: usize) -> usize {
    f.a.tokens.partition_point(|t| t.key.start < off)
}

/// True when the gap between two tokens holds punctuation (anything but spaces).
fn gap_has_punct(f: &Found, i: usize) -> bool {
    match (f.a.tokens.get(i.wrapping_sub(1)), f.a.tokens.get(i)) {
        (Some(p), Some(t)) => {
            f.a.key
                .text
                .get(p.key.end..t.key.start)
                .is_some_and(|g| g.chars().any(|c| !c.is_whitespace()))
        }
        _ => true,
    }
}

fn tok_str(f: &Found, i: usize) -> &str {
    f.a.tokens.get(i).map(|t| f.key_str(t.key)).unwrap_or("")
}

fn stem_str(f: &Found, i: usize) -> &str {
    f.a.tokens.get(i).map(|t| f.key_str(t.stem)).unwrap_or("")
}

/// The known name that starts at token `i`, if any.
fn known_at(f: &Found, i: usize) -> Option<&Name> {
    let t = f.a.tokens.get(i)?;
    f.names_in(Span::new(t.key.start, usize::MAX))
        .next()
        .filter(|n| n.key.start < t.key.end)
}

fn is_nisba(f: &Found, i: usize) -> Option<&str> {
    let t = f.a.tokens.get(i)?;
    f.lex(Class::Nisba)
        .iter()
        .find(|h| h.key.start >= t.key.start && h.key.end <= t.key.end)
        .map(|h| h.value.as_str())
}

fn adj_stem(w: &str) -> &str {
    let w = w.strip_prefix("ال").unwrap_or(w);
    for suf in ["تين", "تان", "يين", "يون", "ين", "ون", "ان"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.chars().count() >= 3 {
                return s;
            }
        }
    }
    w
}

fn is_source_adj(w: &str) -> bool {
    let s = adj_stem(w);
    SOURCE_ADJ.contains(&w)
        || SOURCE_ADJ.contains(&s)
        || SOURCE_ADJ.contains(&format!("{s}ي").as_str())
}

/// Anonymous and role sources.
fn sources(f: &Found, kb: &Knowledge, lex: &Lexicon) -> Vec<Name> {
    let mut out = Vec::new();
    for h in f.lex(Class::SourceHead) {
        // «مجهول المصدر» is no source.
        let hi = f.a.tokens.partition_point(|t| t.key.end <= h.key.start);
        if hi > 0 && tok_str(f, hi - 1).starts_with("مجهول") {
            continue;
        }
        let anonymous = h.value.starts_with("anonymous");
        let bare_head = h.value.contains("bare");
        let head = source_head_lemma(f.key_str(h.key));
        let mut end = h.key.end;
        let mut i = tok_from(f, h.key.end);
        let mut speaks_for = None;
        let mut modified = false;
        // Adjectives: «أمني عراقي», «مسؤول عسكري أميركي».
        while i < f.a.tokens.len() && !gap_has_punct(f, i) {
            let w = tok_str(f, i);
            if is_source_adj(w) || is_nisba(f, i).is_some() {
                end = f.a.tokens[i].key.end;
                modified = true;
                i += 1;
            } else {
                break;
            }
        }
        // «في البنتاغون», «في وزارة الدفاع», «باسم الجيش», «مراسل الجزيرة».
        let w = tok_str(f, i);
        let linker =
            matches!(w, "في" | "باسم" | "بوزاره" | "داخل") || head == "مراسل" || head == "متحدث";
        if linker && i < f.a.tokens.len() && !gap_has_punct(f, i) {
            let j = if matches!(w, "في" | "باسم" | "داخل") {
                i + 1
            } else {
                i
            };
            if let Some(n) = known_at(f, j) {
                if let NameKind::Known { actors, .. } = &n.kind {
                    if let Some(&a) = actors.first() {
                        speaks_for = Some(a);
                        end = n.key.end;
                        modified = true;
                    }
                }
            } else if w == "في" || w == "باسم" || head == "مراسل" {
                // Up to four definite words: «في الأجهزة الأمنية العراقية»; after «باسم» any
                // name words: «باسم جيش سوريا الحرة».
                let mut k = j;
                while k < f.a.tokens.len() && k < j + 4 && (k == j || !gap_has_punct(f, k)) {
                    // A dictionary name, a given name or an event word ends the description:
                    // «باسم الجماعة يحيى سريع الهجوم», «باسم الحكومة باسم العوادي».
                    if k > j
                        && (known_at(f, k).is_some()
                            || given_name_at(f, lex, k)
                            || f.lex(Class::Trigger)
                                .iter()
                                .any(|c| c.key.overlaps(f.a.tokens[k].key)))
                    {
                        break;
                    }
                    let t = tok_str(f, k);
                    let wordy = (w == "باسم" || head == "مراسل")
                        && f.a.tokens[k].kind == rasd_text::tokenize::TokenKind::Arabic
                        && !f
                            .lex(Class::Cue)
                            .iter()
                            .any(|c| c.key.overlaps(f.a.tokens[k].key))
                        && f.dates_over(f.a.tokens[k].key).next().is_none();
                    if !(t.starts_with("ال") || is_nisba(f, k).is_some() || wordy)
                        || NAME_STOP.contains(&t)
                    {
                        break;
                    }
                    end = f.a.tokens[k].key.end;
                    modified = true;
                    k += 1;
                }
                // Then perhaps a dictionary name: «باسم وزارة الدفاع الأمريكية».
                if let Some(NameKind::Known { actors, .. }) = known_at(f, k).map(|n| &n.kind) {
                    if let Some(&a) = actors.first() {
                        speaks_for = Some(a);
                    }
                }
            }
        }
        // Then perhaps the speaker's name, after a title: «… باسم الحوثيين العميد يحيى سريع».
        let mut person = None;
        if matches!(
            head.as_str(),
            "متحدث" | "مسوول" | "ناطق" | "قائد" | "مدير" | "رئيس"
        ) {
            let mut k = tok_from(f, end);
            if k < f.a.tokens.len() && !gap_has_punct(f, k) && TITLES.contains(&tok_str(f, k)) {
                k += 1;
            }
            if k < f.a.tokens.len() && !gap_has_punct(f, k) {
                if let Some(n) = known_at(f, k) {
                    if let NameKind::Known { actors, .. } = &n.kind {
                        if let Some(&a) = actors.first() {
                            if kb.actors[a].kind == ActorKind::Person {
                                person = Some((Some(a), n.key));
                                end = n.key.end;
                                modified = true;
                            }
                        }
                    }
                } else if given_name_at(f, lex, k)
                    && k + 1 < f.a.tokens.len()
                    && !gap_has_punct(f, k + 1)
                    && f.a.tokens[k + 1].kind == rasd_text::tokenize::TokenKind::Arabic
                    && !NAME_STOP.contains(&tok_str(f, k + 1))
                    && !f
                        .lex(Class::Cue)
                        .iter()
                        .any(|c| c.key.overlaps(f.a.tokens[k + 1].key))
                {
                    // A name no dictionary knows: a given name and a family name.
                    let key = Span::new(f.a.tokens[k].key.start, f.a.tokens[k + 1].key.end);
                    person = Some((None, key));
                    end = key.end;
                    modified = true;
                }
            }
        }
        let bare = !modified && (bare_head || matches!(head.as_str(), "مصدر" | "مسوول" | "متحدث"));
        out.push(Name {
            key: Span::new(h.key.start, end),
            kind: NameKind::Source {
                anonymous: anonymous && person.is_none(),
                bare,
                speaks_for,
                head,
                person,
            },
        });
    }
    out
}

/// Is token `i` a given name (with no proclitic)?
fn given_name_at(f: &Found, lex: &Lexicon, i: usize) -> bool {
    f.a.tokens.get(i).is_some() && lex.given_names.contains(tok_str(f, i))
}

/// Titles before a person's name (match keys).
const TITLES: &[&str] = &[
    "العميد",
    "اللواء",
    "العقيد",
    "المقدم",
    "الرائد",
    "النقيب",
    "الفريق",
    "الجنرال",
    "الاميرال",
    "الدكتور",
    "د",
    "الشيخ",
    "السيد",
    "القاضي",
    "المهندس",
    "الاستاذ",
];

/// The singular head noun of a source phrase (match key).
pub fn source_head_lemma(head: &str) -> String {
    let h = head.trim_start_matches("احد ");
    let h = h.strip_prefix("ال").unwrap_or(h);
    let h = if h.starts_with("مصدر") || h.starts_with("مصادر") {
        "مصدر"
    } else if h.starts_with("مسوول") {
        "مسوول"
    } else if h.starts_with("متحدث") || h.starts_with("ناطق") {
        "متحدث"
    } else {
        h
    };
    h.to_string()
}

/// Descriptive actors: a head («فصائل», «مسلحون») and at least one modifier.
fn descriptors(f: &Found) -> Vec<Name> {
    let mut out = Vec::new();
    for h in f.lex(Class::ActorHead) {
        let mut end = h.key.end;
        let mut i = tok_from(f, h.key.end);
        let mut country = None;
        let mut patron = None;
        let mut modified = false;
        // «قوات الأمن المصرية», «قوات الجيش السوداني»: a service, then the nationality.
        let service = h.value == "state_force"
            && i < f.a.tokens.len()
            && !gap_has_punct(f, i)
            && matches!(
                tok_str(f, i),
                "الامن"
                    | "الشرطه"
                    | "الجيش"
                    | "الحكومه"
                    | "النظام"
                    | "الاحتلال"
                    | "الطوارئ"
                    | "الحدود"
                    | "الدرك"
                    | "الحرس"
                    | "البحريه"
                    | "الامن العام"
            )
            && is_nisba(f, i + 1).is_some_and(|c| c != "-");
        if service {
            i += 1;
        }
        while i < f.a.tokens.len() && !gap_has_punct(f, i) {
            let w = tok_str(f, i);
            if let Some(c) = is_nisba(f, i) {
                if c != "-" && country.is_none() && !modified {
                    country = Some(c.to_string());
                } else if c != "-" {
                    patron = patron.or(None);
                }
                end = f.a.tokens[i].key.end;
                modified = true;
                i += 1;
            } else if ACTOR_ADJ.contains(&w) {
                end = f.a.tokens[i].key.end;
                modified = true;
                i += 1;
                // «موالية لإيران», «مدعومون من إيران».
                let nw = tok_str(f, i);
                let j = if nw == "من" { i + 1 } else { i };
                if let Some(n) = known_at(f, j) {
                    if let NameKind::Known { actors, .. } = &n.kind {
                        if let Some(&a) = actors.first() {
                            patron = Some(a);
                            end = n.key.end;
                            i = tok_from(f, n.key.end);
                        }
                    }
                }
            } else {
                break;
            }
        }
        if modified && (h.value == "armed_group" || (service && country.is_some())) {
            out.push(Name {
                key: Span::new(h.key.start, end),
                kind: NameKind::Descriptor { country, patron },
            });
        }
    }
    out
}

/// Persons: a given name followed by one to three name tokens.
fn persons(f: &Found, lex: &Lexicon, text: &str) -> Vec<Name> {
    let mut out = Vec::new();
    let covered = |s: Span| {
        f.names_over(s).next().is_some()
            || [
                Class::Trigger,
                Class::Cue,
                Class::Casualty,
                Class::Relation,
                Class::Weapon,
            ]
            .iter()
            .any(|&c| f.lex_over(c, s).next().is_some())
            || f.dates_over(s).next().is_some()
    };
    let mut i = 0;
    while i < f.a.tokens.len() {
        let t = &f.a.tokens[i];
        let w = f.key_str(t.key);
        let w = if lex.given_names.contains(w) {
            w
        } else {
            // «وحيدر»: a conjunction before the name.
            w.strip_prefix('و')
                .filter(|s| lex.given_names.contains(*s))
                .unwrap_or("")
        };
        // «على» folds to «علي»: a name only when written with a final ya.
        let written = t.orig.slice(text).unwrap_or("");
        if w.is_empty() || covered(t.key) || (w.ends_with('ي') && written.ends_with('ى')) {
            i += 1;
            continue;
        }
        let start = if f.key_str(t.key).len() > w.len() {
            t.key.end - w.len()
        } else {
            t.key.start
        };
        let mut end = t.key.end;
        let mut j = i + 1;
        while j < f.a.tokens.len() && j <= i + 3 && !gap_has_punct(f, j) {
            let u = &f.a.tokens[j];
            let uw = f.key_str(u.key);
            // «علي» is a name, «على» (folded alike) a preposition.
            let is_prep_ala = uw == "علي" && u.orig.slice(text).is_some_and(|w| w.ends_with('ى'));
            let name_word = uw == "علي" && !is_prep_ala;
            if (NAME_STOP.contains(&uw) && !name_word)
                || covered(u.key)
                || u.kind != rasd_text::tokenize::TokenKind::Arabic
                || uw.starts_with('و') && uw.chars().count() > 3 && j > i + 1
            {
                break;
            }
            end = u.key.end;
            j += 1;
        }
        if j > i + 1 {
            out.push(Name {
                key: Span::new(start, end),
                kind: NameKind::Person,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Organisations no dictionary knows: «كتائب …», «حركة …», and quoted names after «تدعى».
fn new_orgs(f: &Found) -> Vec<Name> {
    let mut out = Vec::new();
    for h in f.lex(Class::OrgHead) {
        if f.names_over(h.key).next().is_some() {
            continue;
        }
        let kind = if h.value == "organization" {
            EntityType::Organization
        } else {
            EntityType::ArmedGroup
        };
        let mut i = tok_from(f, h.key.end);
        let mut end = h.key.end;
        let mut n = 0;
        while i < f.a.tokens.len() && n < 3 && !gap_has_punct(f, i) {
            let w = tok_str(f, i);
            if NAME_STOP.contains(&w) || known_at(f, i).is_some() && n > 0 {
                break;
            }
            // Only definite or nisba words make a name: «التيار الصدري», «وزارة الصحة»; another
            // head may follow («حركة سرايا الفجر»).
            // Not «كمنظمة إرهابية»: a head with a preposition glued to it starts no name part.
            let head_word = f.lex(Class::OrgHead).iter().any(|o| {
                o.key.overlaps(f.a.tokens[i].key) && o.key.start == f.a.tokens[i].key.start
            });
            if !(w.starts_with("ال") || is_nisba(f, i).is_some() || head_word) {
                break;
            }
            end = f.a.tokens[i].key.end;
            n += 1;
            i += 1;
            if kind == EntityType::Organization && n >= 2 {
                break;
            }
        }
        if n > 0 {
            out.push(Name {
                key: Span::new(h.key.start, end),
                kind: NameKind::NewOrg(kind),
            });
        }
    }
    // «مجموعة تدعى "…"», «تطلق على نفسها "…"»
    let text = &f.a.key.text;
    for cue in ["تدعي \"", "تسمي \"", "نفسها \"", "باسم \""] {
        let mut from = 0;
        while let Some(p) = text.get(from..).and_then(|t| t.find(cue)) {
            let s = from + p + cue.len();
            from = s;
            if let Some(len) = text.get(s..).and_then(|t| t.find('"')) {
                if len > 0 && len < 80 {
                    let span = Span::new(s, s + len);
                    if !f.names.iter().any(|n| n.key.overlaps(span)) {
                        out.push(Name {
                            key: span,
                            kind: NameKind::NewOrg(EntityType::ArmedGroup),
                        });
                    }
                }
            }
        }
    }
    let _ = stem_str;
    out
}

/// The entity type of a dictionary actor kind.
pub fn entity_type(k: ActorKind) -> EntityType {
    match k {
        ActorKind::State => EntityType::State,
        ActorKind::ArmedGroup => EntityType::ArmedGroup,
        ActorKind::Person => EntityType::Person,
        // Media, agencies and forces are organisations in the output (OUTPUT.md's `media` type
        // is kept for a later version; the shared gold codes outlets as organisations).
        ActorKind::StateForce | ActorKind::Agency | ActorKind::Organization | ActorKind::Media => {
            EntityType::Organization
        }
    }
}
