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
use crate::words::W;
use rasd_text::clitics;

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
    /// The work its searches have done, and the document's time budget.
    pub work: crate::work::Work,
}

impl Found {
    /// Lexicon hits of a class.
    pub fn lex(&self, c: Class) -> &[LexHit] {
        self.lex.get(&c).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Lexicon hits of a class inside a key span.
    pub fn lex_in(&self, c: Class, s: Span) -> impl Iterator<Item = &LexHit> {
        self.counted(window(self.lex(c), |h| h.key.start, s))
            .iter()
            .filter(move |h| s.contains(h.key))
    }

    /// Names inside a key span.
    pub fn names_in(&self, s: Span) -> impl Iterator<Item = &Name> {
        self.counted(window(&self.names, |n| n.key.start, s))
            .iter()
            .filter(move |n| s.contains(n.key))
    }

    /// Quantities inside a key span.
    pub fn numbers_in(&self, s: Span) -> impl Iterator<Item = &Quantity> {
        self.counted(window(&self.numbers, |q| q.key.start, s))
            .iter()
            .filter(move |q| s.contains(q.key))
    }

    /// Dates inside a key span, with their indices into `dates`.
    pub fn dates_in(&self, s: Span) -> impl Iterator<Item = (usize, &DateMention)> {
        let lo = self.dates.partition_point(|d| d.key.start < s.start);
        let hi = self.dates.partition_point(|d| d.key.start < s.end).max(lo);
        self.counted(&self.dates[lo..hi])
            .iter()
            .enumerate()
            .map(move |(i, d)| (lo + i, d))
            .filter(move |(_, d)| s.contains(d.key))
    }

    /// Lexicon hits of a class that overlap a key span (hits are short phrases).
    pub fn lex_over(&self, c: Class, s: Span) -> impl Iterator<Item = &LexHit> {
        let hits = self.lex(c);
        let hi = hits.partition_point(|h| h.key.start < s.end);
        let lo = hits.partition_point(|h| h.key.start < s.start.saturating_sub(256));
        self.counted(&hits[lo..hi.max(lo)])
            .iter()
            .filter(move |h| h.key.overlaps(s))
    }

    /// Dates that overlap a key span (date expressions are short).
    pub fn dates_over(&self, s: Span) -> impl Iterator<Item = &DateMention> {
        let hi = self.dates.partition_point(|d| d.key.start < s.end);
        let lo = self
            .dates
            .partition_point(|d| d.key.start < s.start.saturating_sub(256));
        self.counted(&self.dates[lo..hi.max(lo)])
            .iter()
            .filter(move |d| d.key.overlaps(s))
    }

    /// The names that overlap a key span (names are sorted by start and rarely nest).
    pub fn names_over(&self, s: Span) -> impl Iterator<Item = &Name> {
        // A name that starts before `s` and reaches into it starts at most a name's length
        // before it; names are short, so look back a few entries.
        let hi = self.names.partition_point(|n| n.key.start < s.end);
        let lo = hi.saturating_sub(64);
        self.counted(&self.names[lo..hi])
            .iter()
            .filter(move |n| n.key.overlaps(s))
    }

    /// A slice of items a search looks at, counted in [`Found::work`].
    fn counted<'s, T>(&self, items: &'s [T]) -> &'s [T] {
        self.work.add(items.len());
        items
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
                // «أبو بكر البغدادي» is «أبي بكر البغدادي» after a preposition or a noun.
                for v in kunya_forms(n) {
                    pats.push((v, NameRef::Actor(i)));
                }
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
        let lex = self.lex_hits(&a);
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
            work: crate::work::Work::default(),
        };
        f.names = self.known_names(&f);
        prefer_theatre(&mut f, kb);
        drop_months(&mut f);
        drop_indefinite(&mut f, text);
        drop_ambiguous_places(&mut f, &self.cue_only);
        drop_datelines(&mut f);
        drop_byline_dates(&mut f);
        drop_family_names(&mut f, &self.lex, text);
        let mut extra = Vec::new();
        extra.extend(sources(&f, kb, &self.lex));
        extra.extend(descriptors(&f));
        let people = persons(&f, &self.lex, text);
        let named_again = surnames(&f, &people);
        extra.extend(people);
        extra.extend(named_again);
        extra.extend(new_orgs(&f));
        extra.extend(back_references(&f, kb));
        add_pattern_names(&mut f, extra);
        f
    }

    /// The lexicon hits of every class in an analysed text, in text order.
    fn lex_hits(&self, a: &Analyzed) -> HashMap<Class, Vec<LexHit>> {
        let mut lex = HashMap::new();
        for (c, found) in self.lex.find_by_class(a) {
            let mut hits: Vec<LexHit> = found
                .into_iter()
                .map(|h| LexHit {
                    key: h.key,
                    value: h.payload.clone(),
                })
                .collect();
            if c == Class::Trigger {
                hits.extend(open_fire(a, &hits));
            }
            hits.sort_by_key(|h| (h.key.start, h.key.end));
            lex.insert(c, hits);
        }
        lex
    }

    fn known_names(&self, f: &Found) -> Vec<Name> {
        let mut all = self.names.find_overlapping(&f.a);
        // «س» is the future particle of verbs: before a place name it is a letter of another
        // word («سهرات» is no «هرات», «ساهر» no «أهر»).
        all.retain(|h| {
            !matches!(h.payload, NameRef::Place(_))
                || !f
                    .a
                    .key
                    .text
                    .get(h.with_clitics.start..h.key.start)
                    .is_some_and(|p| p.contains(clitics::SIN))
        });
        // A place name written without the article, read with one right after a definite word,
        // is an adjective of that word: «الطريق المؤدية» is no «مودية».
        all.retain(|h| {
            !matches!(h.payload, NameRef::Place(_))
                || !(adjective_after_definite(&f.a, h.key, h.with_clitics)
                    || heads_a_construct(&f.a, h.key))
        });
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

/// Does a hit take the article from its proclitics (the name itself has none) right after a
/// definite word?
fn adjective_after_definite(a: &rasd_text::Analyzed, key: Span, with_clitics: Span) -> bool {
    let Some(prefix) = a.key.text.get(with_clitics.start..key.start) else {
        return false;
    };
    if !clitics::has_article(prefix) {
        return false;
    }
    let t = a.token_at(with_clitics.start);
    t > 0
        && a.tokens.get(t - 1).is_some_and(|prev| {
            let w = a.key_str(prev.key);
            clitics::starts_with_article(&clitics::article_form(
                w.trim_start_matches(clitics::CONJUNCTIONS_BA),
            ))
        })
}

/// Is a place name a plural noun heading a construct: «حماة الوطن», «حماة الدين» ("the
/// protectors of…"), a definite word after it that is no bearing («حماة الشمالي» is Hama)?
fn heads_a_construct(a: &rasd_text::Analyzed, key: Span) -> bool {
    if !W::ConstructHead.has(a.key_str(key)) {
        return false;
    }
    let t = a.token_at(key.end.saturating_sub(1));
    a.tokens.get(t + 1).is_some_and(|next| {
        // «حماة والحسكة» is a list: a construct's second word takes no conjunction.
        let w = a.key_str(next.key);
        clitics::starts_with_article(&clitics::article_form(w))
            && !W::Direction.has(w.strip_prefix("ال").unwrap_or(w))
    })
}

/// A name several actors share («التحالف») means, first, the one whose theatre is the country
/// the document names most (the Saudi-led coalition in an article on Yemen).
fn prefer_theatre(f: &mut Found, kb: &Knowledge) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for n in &f.names {
        if let NameKind::Known { places, .. } = &n.kind {
            let mut cs: Vec<&str> = places
                .iter()
                .map(|&i| kb.places[i].country.as_str())
                .collect();
            cs.sort_unstable();
            cs.dedup();
            if let [c] = cs.as_slice() {
                *counts.entry(c).or_default() += 1;
            }
        }
    }
    let rank = |a: usize| {
        kb.actors[a]
            .theatres
            .iter()
            .map(|c| counts.get(c.as_str()).copied().unwrap_or(0))
            .max()
            .unwrap_or(0)
    };
    for n in &mut f.names {
        if let NameKind::Known { actors, .. } = &mut n.kind {
            if actors.len() > 1 && actors.iter().any(|&a| !kb.actors[a].theatres.is_empty()) {
                actors.sort_by_key(|&a| std::cmp::Reverse(rank(a)));
            }
        }
    }
}

/// The other case forms of a name that opens with a kunya («أبو …» → «أبي …», «أبا …»).
fn kunya_forms(name: &str) -> Vec<String> {
    let key = rasd_text::match_key_str(name);
    let Some((first, rest)) = key.split_once(' ') else {
        return Vec::new();
    };
    if first != W::Kunya.lemma() {
        return Vec::new();
    }
    W::Kunya
        .words()
        .filter(|k| *k != first)
        .map(|k| format!("{k} {rest}"))
        .collect()
}

/// A month is no place: «2 آب/أغسطس» is not Ibb, «أيار» no town.
fn drop_months(f: &mut Found) {
    let keep: Vec<bool> = f
        .names
        .iter()
        .map(|n| {
            !matches!(&n.kind, NameKind::Known { actors, .. } if actors.is_empty())
                || !(f.dates_over(n.key).any(|d| d.key.contains(n.key)) || month_again(f, n.key))
        })
        .collect();
    let mut keep = keep.into_iter();
    f.names.retain(|_| keep.next().unwrap_or(true));
}

/// «قتلوا صبياً»: a word written with the tanween of the accusative is an indefinite noun,
/// never a place's name (names take no tanween), though its letters spell one («صبيا»).
fn drop_indefinite(f: &mut Found, text: &str) {
    let keep: Vec<bool> = f
        .names
        .iter()
        .map(|n| {
            let NameKind::Known { actors, .. } = &n.kind else {
                return true;
            };
            let o = f.a.key.to_original(n.key);
            let written = o.slice(text).unwrap_or("");
            let after = text.get(o.end..).unwrap_or("");
            !actors.is_empty()
                || !(written.ends_with(['\u{064B}', '\u{064C}', '\u{064D}'])
                    || after.starts_with(['\u{064B}', '\u{064C}', '\u{064D}']))
        })
        .collect();
    let mut keep = keep.into_iter();
    f.names.retain(|_| keep.next().unwrap_or(true));
}

/// «في أغسطس آب الماضي», «سبتمبر (أيلول)»: a month named again in the other naming system,
/// right after a date, is the date's (not «إب», which «آب» folds to).
fn month_again(f: &Found, key: Span) -> bool {
    let text = &f.a.key.text;
    rasd_text::dates::is_month_name(text.get(key.start..key.end).unwrap_or(""))
        && f.dates.iter().any(|d| {
            d.key.end <= key.start
                && text.get(d.key.end..key.start).is_some_and(|g| {
                    g.chars().all(|c| matches!(c, ' ' | '/' | '(' | '-')) && g.len() <= 4
                })
        })
}

/// Add the names found by patterns to the dictionary names: pattern names never override
/// dictionary names, and each other by order of preference.
fn add_pattern_names(f: &mut Found, extra: Vec<Name>) {
    let mut slots: Vec<Option<Name>> = std::mem::take(&mut f.names).into_iter().map(Some).collect();
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
}

/// A place's name right after a given name is the family name of a person: «العميد علي محمد
/// المنصوري» names the governor, not the Lebanese village. Only a one-word name with the
/// article and nothing glued to it, with no punctuation between, and no actor of its own.
fn drop_family_names(f: &mut Found, lex: &Lexicon, text: &str) {
    let family = |n: &Name| {
        let NameKind::Known { actors, places } = &n.kind else {
            return false;
        };
        if !actors.is_empty() || places.is_empty() {
            return false;
        }
        let i = tok_from(f, n.key.start);
        let Some(t) = f.a.tokens.get(i) else {
            return false;
        };
        // «سيطرت على الحوطة»: «على» folds as «علي» does, and is a preposition.
        let Some(before) = i.checked_sub(1).and_then(|j| f.a.tokens.get(j)) else {
            return false;
        };
        let preposition = before
            .orig
            .slice(text)
            .is_some_and(clitics::written_with_alif_maqsura);
        t.key == n.key
            && clitics::starts_with_article(f.key_str(t.key))
            && !gap_has_punct(f, i)
            && lex.given_names.contains(tok_str(f, i - 1))
            && !preposition
    };
    let drop: Vec<bool> = f.names.iter().map(family).collect();
    let mut k = 0;
    f.names.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

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

/// A byline names its paper, and a paper's name may hold a date word: «عين اليوم – متابعات»,
/// «المصري اليوم - القاهرة». A date word among the first two words of a line and followed by
/// a dash is part of that name, not a date (a date between dashes, «قتل -الخميس- شخصان», is one).
fn drop_byline_dates(f: &mut Found) {
    let text = &f.a.key.text;
    f.dates.retain(|d| {
        let (Some(head), Some(after)) = (text.get(..d.key.start), text.get(d.key.end..)) else {
            return true;
        };
        let line = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
        let after = after.trim_start_matches(' ');
        let dash = |c: char| c == '-' || c == '–';
        !(line.split_whitespace().count() <= 2
            && !line.trim_end().ends_with(dash)
            && after.starts_with(dash))
    });
}

/// A common word that is also a place name is a place only after a place word; a place name of
/// two letters is one only alone or after «و».
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
    // The key text of token `j` ("" past the end).
    let tok = |j: usize| {
        tokens
            .get(j)
            .and_then(|t| text.get(t.key.start..t.key.end))
            .unwrap_or("")
    };
    f.names.retain(|n| {
        let NameKind::Known { actors, places } = &n.kind else {
            return true;
        };
        let i = tokens.partition_point(|t| t.key.end <= n.key.start);
        let prev = if i > 0 { tok(i - 1) } else { "" };
        // The proclitics the name's token carries before it («ب» of «بعدن»).
        let own_prefix = tokens
            .get(i)
            .and_then(|t| text.get(t.key.start..n.key.start))
            .unwrap_or("");
        let written = text.get(n.key.start..n.key.end).unwrap_or("");
        if actors.is_empty() && !places.is_empty() {
            // «باب العامود» is no «ب» + «إب»: a name of two letters takes no proclitic but «و».
            if written.chars().count() <= 2 && !(own_prefix.is_empty() || own_prefix == "و") {
                return false;
            }
            // «منطقة باكسان» is no «ب» + «اكسان»: after a place word a name takes no proclitic
            // but «و», unless it opens with its own unit word («قرية بولاية بورنو»).
            let first = written.split(' ').next().unwrap_or("");
            if i > 0
                && !own_prefix.is_empty()
                && own_prefix != "و"
                && !own_prefix.starts_with("ال")
                && W::PlaceIntro.has(prev)
                && !W::PlaceIntro.has(first)
                && !W::AdminUnit.has(first)
            {
                return false;
            }
        }
        // «باكرا» ("early") holds «اكرا» (Accra) after its «ب»: an ambiguous word covers the
        // name its proclitic leaves.
        if !actors.is_empty()
            || !amb
                .iter()
                .any(|a| a.start <= n.key.start && n.key.end <= a.end)
        {
            return true;
        }
        // «في العديد من المحافظات»: a quantity, not a place.
        let next = tok(i + 1);
        // «منطقتي السدة والرضمة»: a dual or plural unit introduces each name of its list.
        let listed = W::PluralUnit.has(prev)
            || (own_prefix == "و" && (i.saturating_sub(4)..i).any(|j| W::PluralUnit.has(tok(j))));
        // «بالسدة» is «in al-Sadda» and «ببيت الشباب» in Bayt al-Shabab, but «بفأس» is «with
        // an axe» and «بحجة» «on the pretext»: «ب» introduces a common word as a place only
        // when the name carries its article or is of several words.
        let in_place = own_prefix.ends_with(clitics::BA)
            && (clitics::starts_with_article(written) || written.contains(' '));
        (W::PlaceIntro.has(prev) || listed || in_place) && next != "من"
    });
}

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
        if !W::BackHead.has(w) || f.names_over(t.key).next().is_some() {
            continue;
        }
        let head = clitics::strip_article(w);
        let named = f
            .names
            .iter()
            .filter(|n| n.key.end <= c.key.start)
            .rev()
            .find_map(|n| match &n.kind {
                NameKind::Known { actors, .. } => actors.first().copied().filter(|&a| {
                    let k = rasd_text::match_key_str(&kb.actors[a].name_ar);
                    let first = k.split(' ').next().unwrap_or("");
                    clitics::strip_article(first) == head && k.contains(' ')
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

/// «أطلق مسلحان مجهولان النار على سيارة»: a verb of opening fire whose subject stands
/// between it and what it fires, or right before it, is a shooting told by the verb (the
/// lexicon knows «أطلق النار» as one phrase, not «فتح النار»).
fn open_fire(a: &Analyzed, hits: &[LexHit]) -> Vec<LexHit> {
    let text = &a.key.text;
    let word = |i: usize| {
        a.tokens
            .get(i)
            .and_then(|t| text.get(t.key.start..t.key.end))
    };
    let joined = |i: usize| {
        a.tokens
            .get(i.wrapping_sub(1))
            .zip(a.tokens.get(i))
            .and_then(|(p, t)| text.get(p.key.end..t.key.start))
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    };
    let mut out = Vec::new();
    for (i, t) in a.tokens.iter().enumerate() {
        // «وأطلق», «فأطلق»; «فتح» keeps its «ف».
        let w = word(i).unwrap_or("");
        let verb = W::OpenFire.starts(w)
            || w.strip_prefix(clitics::CONJUNCTIONS)
                .is_some_and(|r| W::OpenFire.starts(r));
        if !verb || hits.iter().any(|h| h.key.contains(t.key)) {
            continue;
        }
        // The object right after the verb («فتحت القوات الهندية النار» is not the only order:
        // «فتحت النار السبت»), or after three words of subject and time at most («فتح مسلحان
        // صباح الاثنين النار»), in the same clause.
        let object = (i + 1..=i + 3)
            .take_while(|&j| joined(j))
            .any(|j| W::FireObject.has(word(j).unwrap_or("")));
        if object {
            out.push(LexHit {
                key: t.key,
                value: "shooting,verb".into(),
            });
        }
    }
    out
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

/// Is the gap before token `i` a dot and spaces only («د. فلان»)?
fn gap_is_dot(f: &Found, i: usize) -> bool {
    match (f.a.tokens.get(i.wrapping_sub(1)), f.a.tokens.get(i)) {
        (Some(p), Some(t)) => {
            f.a.key
                .text
                .get(p.key.end..t.key.start)
                .is_some_and(|g| g.trim() == ".")
        }
        _ => false,
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

/// An adjective without its article and its plural or dual ending («الأمنيين» → «أمني»).
fn adj_stem(w: &str) -> &str {
    let w = clitics::strip_article(w);
    W::AdjSuffix
        .strip_suffix(w, |s| s.chars().count() >= 3)
        .unwrap_or(w)
}

/// Is a word an adjective of a source phrase, as it is, without its ending, or with «ي» added?
fn is_source_adj(w: &str) -> bool {
    let s = adj_stem(w);
    W::SourceAdj.has(w)
        || W::SourceAdj.has(s)
        || W::SourceAdj.any(|a| a.strip_suffix(clitics::YA) == Some(s))
}

/// Anonymous and role sources.
fn sources(f: &Found, kb: &Knowledge, lex: &Lexicon) -> Vec<Name> {
    let mut out = Vec::new();
    for h in f.lex(Class::SourceHead) {
        // «مجهول المصدر» is no source.
        let hi = f.a.tokens.partition_point(|t| t.key.end <= h.key.start);
        if hi > 0 && W::UnknownSource.has(tok_str(f, hi - 1)) {
            continue;
        }
        let mut p = SourcePhrase {
            f,
            lex,
            head: source_head_lemma(f.key_str(h.key)),
            end: h.key.end,
            speaks_for: None,
            modified: false,
        };
        let i = p.adjectives(tok_from(f, h.key.end));
        p.body(i);
        let person = p.speaker(kb);
        let bare = !p.modified && (h.value.contains("bare") || W::BareHead.has(&p.head));
        out.push(Name {
            key: Span::new(h.key.start, p.end),
            kind: NameKind::Source {
                anonymous: h.value.starts_with("anonymous") && person.is_none(),
                bare,
                speaks_for: p.speaks_for,
                head: p.head,
                person,
            },
        });
    }
    out
}

/// A source phrase read from its head word on.
struct SourcePhrase<'f> {
    f: &'f Found,
    lex: &'f Lexicon,
    /// The head's lemma («مصدر», «مسوول», «متحدث», «مراسل»…).
    head: String,
    /// Key offset where the phrase ends so far.
    end: usize,
    /// The dictionary actor it speaks for.
    speaks_for: Option<usize>,
    /// True once anything after the head belongs to the phrase.
    modified: bool,
}

impl SourcePhrase<'_> {
    /// Take the phrase up to a key offset.
    fn extend(&mut self, end: usize) {
        self.end = end;
        self.modified = true;
    }

    /// Adjectives after the head («أمني عراقي», «مسؤول عسكري أميركي»); the token after them.
    fn adjectives(&mut self, mut i: usize) -> usize {
        let f = self.f;
        while i < f.a.tokens.len() && !gap_has_punct(f, i) {
            if !(is_source_adj(tok_str(f, i)) || is_nisba(f, i).is_some()) {
                break;
            }
            self.extend(f.a.tokens[i].key.end);
            i += 1;
        }
        i
    }

    /// The body the source speaks for, at token `i`: «في البنتاغون», «في وزارة الدفاع»,
    /// «باسم الجيش», «مراسل الجزيرة».
    fn body(&mut self, i: usize) {
        let f = self.f;
        let w = tok_str(f, i);
        let linker =
            W::SourceLinker.has(w) || W::SourceLinkerGlued.has(w) || W::LinkedHead.has(&self.head);
        if !linker || i >= f.a.tokens.len() || gap_has_punct(f, i) {
            return;
        }
        let j = if W::SourceLinker.has(w) { i + 1 } else { i };
        if let Some(n) = known_at(f, j) {
            if let Some(a) = known_actor(n) {
                self.speaks_for = Some(a);
                self.extend(n.key.end);
            }
        } else if W::SourceOpenLinker.has(w) || W::Reporter.has(&self.head) {
            let any_words = W::InNameOf.has(w) || W::Reporter.has(&self.head);
            self.description(j, any_words);
        }
    }

    /// Up to four definite words from token `j`: «في الأجهزة الأمنية العراقية»; with
    /// `any_words` (after «باسم», for a reporter) any name words: «باسم جيش سوريا الحرة». Then
    /// perhaps a dictionary name: «باسم وزارة الدفاع الأمريكية».
    fn description(&mut self, j: usize, any_words: bool) {
        let f = self.f;
        let mut k = j;
        while k < f.a.tokens.len() && k < j + 4 && (k == j || !gap_has_punct(f, k)) {
            // A dictionary name, a given name or an event word ends the description:
            // «باسم الجماعة يحيى سريع الهجوم», «باسم الحكومة باسم العوادي».
            if k > j
                && (known_at(f, k).is_some()
                    || given_name_at(f, self.lex, k)
                    || overlaps_lex(f, Class::Trigger, k))
            {
                break;
            }
            let t = tok_str(f, k);
            let wordy = any_words
                && f.a.tokens[k].kind == rasd_text::tokenize::TokenKind::Arabic
                && !overlaps_lex(f, Class::Cue, k)
                && f.dates_over(f.a.tokens[k].key).next().is_none();
            if !(clitics::starts_with_article(t) || is_nisba(f, k).is_some() || wordy)
                || W::NameStop.has(t)
            {
                break;
            }
            self.extend(f.a.tokens[k].key.end);
            k += 1;
        }
        if let Some(a) = known_at(f, k).and_then(known_actor) {
            self.speaks_for = Some(a);
        }
    }

    /// The speaker's name, perhaps after a title: «… باسم الحوثيين العميد يحيى سريع»: a
    /// dictionary person, or a given name and a family name no dictionary knows.
    fn speaker(&mut self, kb: &Knowledge) -> Option<(Option<usize>, Span)> {
        let f = self.f;
        let n_tok = f.a.tokens.len();
        if !W::NamedHead.has(&self.head) {
            return None;
        }
        let mut k = tok_from(f, self.end);
        if k < n_tok && !gap_has_punct(f, k) && W::Title.has(tok_str(f, k)) {
            k += 1;
        }
        if k >= n_tok || gap_has_punct(f, k) {
            return None;
        }
        if let Some(n) = known_at(f, k) {
            let a = known_actor(n).filter(|&a| kb.actors[a].kind == ActorKind::Person)?;
            self.extend(n.key.end);
            return Some((Some(a), n.key));
        }
        let name_word = |j: usize| {
            j < n_tok
                && !gap_has_punct(f, j)
                && f.a.tokens[j].kind == rasd_text::tokenize::TokenKind::Arabic
                && !W::NameStop.has(tok_str(f, j))
                && !overlaps_lex(f, Class::Cue, j)
        };
        if !given_name_at(f, self.lex, k) || !name_word(k + 1) {
            return None;
        }
        // «… يحيى سريع», «… أحمد سالم الزبيدي»: up to three name words after the given name,
        // up to a dictionary name, an event word or a date.
        let mut last = k + 1;
        while last < k + 3
            && name_word(last + 1)
            && known_at(f, last + 1).is_none()
            && !overlaps_lex(f, Class::Trigger, last + 1)
            && !overlaps_lex(f, Class::Relation, last + 1)
            && f.dates_over(f.a.tokens[last + 1].key).next().is_none()
        {
            last += 1;
        }
        let key = Span::new(f.a.tokens[k].key.start, f.a.tokens[last].key.end);
        self.extend(key.end);
        Some((None, key))
    }
}

/// The first dictionary actor of a known name.
fn known_actor(n: &Name) -> Option<usize> {
    match &n.kind {
        NameKind::Known { actors, .. } => actors.first().copied(),
        _ => None,
    }
}

/// Does a lexicon hit of a class overlap token `i`?
fn overlaps_lex(f: &Found, c: Class, i: usize) -> bool {
    let t = f.a.tokens[i].key;
    f.lex(c).iter().any(|h| h.key.overlaps(t))
}

/// Is token `i` a given name (with no proclitic)?
fn given_name_at(f: &Found, lex: &Lexicon, i: usize) -> bool {
    f.a.tokens.get(i).is_some() && lex.given_names.contains(tok_str(f, i))
}

/// The lists of a source head's forms, each headed by its lemma.
const HEAD_LEMMAS: [W; 3] = [W::HeadSource, W::HeadOfficial, W::HeadSpokesman];

/// The singular head noun of a source phrase (match key).
pub fn source_head_lemma(head: &str) -> String {
    let mut h = head;
    // «أحد المسؤولين»
    while let Some((first, rest)) = h.split_once(' ') {
        if !W::OneOf.has(first) {
            break;
        }
        h = rest;
    }
    let h = clitics::strip_article(h);
    HEAD_LEMMAS
        .into_iter()
        .find(|l| l.starts(h))
        .map_or(h, |l| l.lemma())
        .to_string()
}

/// A source head's lemma as a claim writes it («مسؤول», not the key «مسوول»).
pub fn source_head_written(lemma: &str) -> &str {
    HEAD_LEMMAS
        .into_iter()
        .find(|l| l.lemma() == lemma)
        .map_or(lemma, |l| l.lemma_written())
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
            && W::Service.has(tok_str(f, i))
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
            } else if W::ActorAdj.has(w) {
                end = f.a.tokens[i].key.end;
                modified = true;
                i += 1;
                // «موالية لإيران», «مدعومون من إيران».
                let nw = tok_str(f, i);
                let j = if W::From.has(nw) { i + 1 } else { i };
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
        let w = name_opener(f, lex, i).unwrap_or("");
        // «على» folds to «علي»: a name only when written with a final ya.
        let written = t.orig.slice(text).unwrap_or("");
        let ala = w.ends_with(clitics::YA) && clitics::written_with_alif_maqsura(written);
        if w.is_empty() || covered(t.key) || ala {
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
            let is_prep_ala = W::On.has(uw)
                && u.orig
                    .slice(text)
                    .is_some_and(clitics::written_with_alif_maqsura);
            let name_word = W::On.has(uw) && !is_prep_ala;
            if (W::NameStop.has(uw) && !name_word)
                || uw.chars().count() < 2
                || covered(u.key)
                || u.kind != rasd_text::tokenize::TokenKind::Arabic
                || uw.starts_with(clitics::WAW) && uw.chars().count() > 3 && j > i + 1
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

/// A person named again by the last word of the name («وقال الداود», «الداود:»), after a
/// speech cue or before a colon, once the whole name was told.
fn surnames(f: &Found, people: &[Name]) -> Vec<Name> {
    let mut out = Vec::new();
    let last_word = |n: &Name| f.key_str(n.key).rsplit(' ').next().unwrap_or("");
    for (i, t) in f.a.tokens.iter().enumerate() {
        let w = tok_str(f, i);
        if w.chars().count() < 3 || f.names_over(t.key).next().is_some() {
            continue;
        }
        let told = people.iter().any(|p| {
            p.key.end <= t.key.start && f.key_str(p.key).contains(' ') && last_word(p) == w
        });
        if !told || people.iter().any(|p| p.key.overlaps(t.key)) {
            continue;
        }
        let after_cue = i > 0
            && f.lex(Class::Cue).iter().any(|c| {
                c.key.end <= t.key.start
                    && f.a
                        .tokens
                        .get(i - 1)
                        .is_some_and(|p| p.key.end == c.key.end)
            });
        let colon =
            f.a.key
                .text
                .get(t.key.end..)
                .is_some_and(|g| g.trim_start().starts_with(':'));
        if after_cue || colon {
            out.push(Name {
                key: t.key,
                kind: NameKind::Person,
            });
        }
    }
    out
}

/// The word that opens a person's name at token `i`, without a conjunction glued to it
/// («وحيدر»): a given name, a kunya («أبو حمزة …»), or a name word right after a title
/// («اللواء فلان …»), which no list of given names needs to know.
fn name_opener<'f>(f: &'f Found, lex: &Lexicon, i: usize) -> Option<&'f str> {
    let w = tok_str(f, i);
    let opens = |x: &str| lex.given_names.contains(x) || W::Kunya.has(x);
    if opens(w) {
        return Some(w);
    }
    if let Some(b) = w.strip_prefix(clitics::WAW).filter(|b| opens(b)) {
        return Some(b);
    }
    // «اللواء فلان», and an abbreviated title with its dot: «د. فلان», «أ.د. فلان».
    let abbreviated = |j: usize| {
        let t = tok_str(f, j);
        t.chars().count() == 1 && W::Title.has(t) && gap_is_dot(f, j + 1)
    };
    let titled =
        i > 0 && ((!gap_has_punct(f, i) && W::Title.has(tok_str(f, i - 1))) || abbreviated(i - 1));
    let name_word = f.a.tokens[i].kind == rasd_text::tokenize::TokenKind::Arabic
        && !clitics::starts_with_article(w)
        && !W::NameStop.has(w)
        && !W::Title.has(w)
        && w.chars().count() >= 3;
    (titled && name_word).then_some(w)
}

/// Organisations no dictionary knows: «كتائب …», «حركة …», and quoted names after «تدعى».
fn new_orgs(f: &Found) -> Vec<Name> {
    let mut out = Vec::new();
    for h in f.lex(Class::OrgHead) {
        if f.names_over(h.key).next().is_some() {
            continue;
        }
        // A military command («المنطقة العسكرية الرابعة») is an organisation.
        let kind = if h.value == "organization" || h.value == "command" {
            EntityType::Organization
        } else {
            EntityType::ArmedGroup
        };
        let mut i = tok_from(f, h.key.end);
        let mut end = h.key.end;
        let mut n = 0;
        while i < f.a.tokens.len() && n < 3 && !gap_has_punct(f, i) {
            let w = tok_str(f, i);
            // «قائد المنطقة العسكرية الرابعة اللواء …»: a title opens the commander's name.
            if W::NameStop.has(w) || W::Title.has(w) || known_at(f, i).is_some() && n > 0 {
                break;
            }
            // Only definite or nisba words make a name: «التيار الصدري», «وزارة الصحة»; another
            // head may follow («حركة سرايا الفجر»).
            // Not «كمنظمة إرهابية»: a head with a preposition glued to it starts no name part.
            let head_word = f.lex(Class::OrgHead).iter().any(|o| {
                o.key.overlaps(f.a.tokens[i].key) && o.key.start == f.a.tokens[i].key.start
            });
            if !(clitics::starts_with_article(w) || is_nisba(f, i).is_some() || head_word) {
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
    for word in W::NamedAs.words() {
        let cue = format!("{word} \"");
        let cue = cue.as_str();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_heads_have_a_lemma_and_a_written_form() {
        assert_eq!(source_head_lemma("احد المسوولين"), "مسوول");
        assert_eq!(source_head_lemma("المصادر"), "مصدر");
        assert_eq!(source_head_lemma("الناطق"), "متحدث");
        assert_eq!(source_head_lemma("مراسل"), "مراسل");
        assert_eq!(source_head_written("مسوول"), "مسؤول");
        assert_eq!(source_head_written("مصدر"), "مصدر");
        assert_eq!(source_head_written("مراسل"), "مراسل");
    }

    #[test]
    fn source_adjectives_are_found_without_their_ending() {
        assert!(is_source_adj("الامنيين"));
        assert!(is_source_adj("عسكريون"));
        assert!(is_source_adj("مطلعين"));
        assert!(!is_source_adj("الهجوم"));
    }
}
