//! Shared helpers over one document's recognised material.
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use rasd_model::{IsoDate, Span};

use crate::kb::{Actor, ActorKind, Knowledge, Place, PlaceKind};
use crate::lexicon::Class;
use crate::recognize::{Found, Name, NameKind};
use crate::words::W;

/// How many tokens [`Ctx::near`] reaches past its distance: longer than any name or date.
pub const NEAR_MARGIN: usize = 32;

/// One document's recognised material and the knowledge it was recognised with.
pub struct Ctx<'a> {
    /// The knowledge base.
    pub kb: &'a Knowledge,
    /// What the recognisers found.
    pub f: &'a Found,
    /// Publication date.
    pub published: Option<IsoDate>,
    /// The original text.
    pub text: &'a str,
    /// The country of the outlet that published it (ISO code), when its address tells.
    pub home: Option<String>,
    /// Where the words of some lists and the quotation marks are, found once a document.
    pub marks: Marks,
}

/// The tokens of a document that are words of a list, and the quotation marks of its key,
/// found the first time they are asked for: whether there is one between two places is then
/// answered in logarithmic time, not in time linear in the distance (a search that runs for
/// every pair of words of a long sentence would otherwise be quadratic).
#[derive(Default)]
pub struct Marks {
    /// By list, and whether a «و» before the word is taken off first.
    words: RefCell<HashMap<(W, bool), Positions>>,
    quotes: OnceCell<[Vec<usize>; QUOTE_MARKS.len()]>,
    /// The sentences that open another story («من جهة أخرى، …»), in order.
    stories: OnceCell<Vec<usize>>,
    /// How often the document names each country, most named first (`geo::country_votes`).
    pub(crate) countries: OnceCell<Vec<(String, usize)>>,
}

/// Token indices, in order.
type Positions = Rc<[usize]>;

/// The quotation marks counted by [`Ctx::quote_balance`].
const QUOTE_MARKS: [char; 5] = ['«', '»', '“', '”', '"'];

/// How many items of a sorted list lie in `lo..hi`.
fn count_in(sorted: &[usize], lo: usize, hi: usize) -> usize {
    sorted
        .partition_point(|&x| x < hi)
        .saturating_sub(sorted.partition_point(|&x| x < lo))
}

impl<'a> Ctx<'a> {
    /// The context of one document: what was recognised in it, with the knowledge it was
    /// recognised with, its publication date and its outlet's country.
    pub fn new(kb: &'a Knowledge, f: &'a Found, doc: &'a rasd_model::Document) -> Ctx<'a> {
        Ctx {
            kb,
            f,
            published: doc.meta.published,
            text: &doc.text,
            home: doc
                .meta
                .url
                .as_deref()
                .and_then(crate::outlet::home_country),
            marks: Marks::default(),
        }
    }

    /// Index of the token that starts at or after a key offset.
    pub fn tok_from(&self, off: usize) -> usize {
        self.f.a.tokens.partition_point(|t| t.key.start < off)
    }

    /// Index of the token that holds a key offset (or the next one after a gap).
    pub fn tok_at(&self, off: usize) -> usize {
        self.f.a.tokens.partition_point(|t| t.key.end <= off)
    }

    /// Index of the last token that ends at or before a key offset, if any.
    pub fn tok_before(&self, off: usize) -> Option<usize> {
        self.f
            .a
            .tokens
            .partition_point(|t| t.key.end <= off)
            .checked_sub(1)
    }

    /// Is one of the tokens `i..j` a word of the list (`list.has(tok)`)?
    pub fn any_word(&self, list: W, i: usize, j: usize) -> bool {
        i < j && count_in(&self.word_positions(list, false), i, j) > 0
    }

    /// The first of the tokens `i..j` that is a word of the list once the «و»s it starts
    /// with are taken off (`list.has(tok.trim_start_matches('و'))`).
    pub fn first_word_after_waw(&self, list: W, i: usize, j: usize) -> Option<usize> {
        let at = self.word_positions(list, true);
        at.get(at.partition_point(|&t| t < i))
            .copied()
            .filter(|&t| t < j)
    }

    /// The tokens that are words of a list, in order, found once a document.
    fn word_positions(&self, list: W, waw: bool) -> Rc<[usize]> {
        let mut words = self.marks.words.borrow_mut();
        Rc::clone(words.entry((list, waw)).or_insert_with(|| {
            (0..self.f.a.tokens.len())
                .filter(|&t| {
                    let w = self.tok(t);
                    list.has(if waw {
                        w.trim_start_matches(rasd_text::clitics::WAW)
                    } else {
                        w
                    })
                })
                .collect()
        }))
    }

    /// The quotation marks in the key between two offsets: how many «, », “, ” and " there
    /// are, in that order.
    pub fn quote_marks(&self, lo: usize, hi: usize) -> [usize; 5] {
        let at = self.marks.quotes.get_or_init(|| {
            let mut at: [Vec<usize>; QUOTE_MARKS.len()] = Default::default();
            for (o, c) in self.f.a.key.text.char_indices() {
                if let Some(k) = QUOTE_MARKS.iter().position(|&q| q == c) {
                    if let Some(v) = at.get_mut(k) {
                        v.push(o);
                    }
                }
            }
            at
        });
        let mut n = [0; QUOTE_MARKS.len()];
        for (n, at) in n.iter_mut().zip(at) {
            *n = count_in(at, lo, hi);
        }
        n
    }

    /// Token key text.
    pub fn tok(&self, i: usize) -> &'a str {
        self.f
            .a
            .tokens
            .get(i)
            .map(|t| self.f.a.key_str(t.key))
            .unwrap_or("")
    }

    /// Token stem (without proclitics).
    pub fn stem(&self, i: usize) -> &'a str {
        self.f
            .a
            .tokens
            .get(i)
            .map(|t| self.f.a.key_str(t.stem))
            .unwrap_or("")
    }

    /// Token distance between two key spans (0 when adjacent or overlapping).
    pub fn dist(&self, a: Span, b: Span) -> usize {
        let (x, y) = if a.start <= b.start { (a, b) } else { (b, a) };
        let i = self.tok_from(x.end);
        let j = self.tok_from(y.start);
        j.saturating_sub(i)
    }

    /// The sentence span holding a key span.
    pub fn sentence(&self, s: Span) -> Span {
        self.f
            .a
            .sentence_of(s.start)
            .map(|i| self.f.a.sentences[i])
            .unwrap_or(s)
    }

    /// The part of the sentence of `k` within `n` tokens of it, for a search of the items at
    /// most `n` tokens from `k` ([`Ctx::dist`]): the same items as in the whole sentence, found
    /// in a window that does not grow with the sentence. The window reaches
    /// [`NEAR_MARGIN`] tokens further on each side, so that it holds whole items (a name, a
    /// date) that start or end within `n` tokens.
    pub fn near(&self, k: Span, n: usize) -> Span {
        let ss = self.sentence(k);
        let toks = &self.f.a.tokens;
        let n = n.saturating_add(NEAR_MARGIN);
        let lo = self.tok_at(k.start).saturating_sub(n);
        let hi = self.tok_from(k.end).saturating_add(n);
        let start = toks.get(lo).map_or(ss.start, |t| t.key.start.max(ss.start));
        let end = toks.get(hi).map_or(ss.end, |t| t.key.end.min(ss.end));
        Span::new(start.min(k.start), end.max(k.end))
    }

    /// Index of the sentence holding a key span.
    pub fn sentence_ix(&self, s: Span) -> usize {
        self.f.a.sentence_of(s.start).unwrap_or(usize::MAX)
    }

    /// The first sentence of the story sentence `sent` is told in: an article that turns to
    /// another story says so («من جهة أخرى»، «على صعيد آخر»، «في سياق آخر»), and what it
    /// tells after is no part of what came before.
    pub fn story_start(&self, sent: usize) -> usize {
        let starts = self.marks.stories.get_or_init(|| {
            (0..self.f.a.sentences.len())
                .filter(|&k| self.opens_story(k))
                .collect()
        });
        let n = starts.partition_point(|&k| k <= sent);
        n.checked_sub(1)
            .and_then(|i| starts.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// Does the story of sentence `sent` open with «وفي حادثة منفصلة» or its like: another
    /// incident, however like the one before?
    pub fn separate_incident(&self, sent: usize) -> bool {
        let k = self.story_start(sent);
        k > 0
            && self.opens_story(k)
            && self
                .f
                .a
                .sentences
                .get(k)
                .is_some_and(|ss| W::StoryIncident.has(self.tok(self.tok_from(ss.start) + 1)))
    }

    /// Does sentence `k` open with «من جهة أخرى» or its like?
    fn opens_story(&self, k: usize) -> bool {
        let Some(ss) = self.f.a.sentences.get(k) else {
            return false;
        };
        let i = self.tok_from(ss.start);
        // «وفي», «ومن»: one conjunction before the preposition (not «في» stripped to «ي»).
        let t = self.tok(i);
        let first = t
            .strip_prefix(rasd_text::clitics::CONJUNCTIONS)
            .filter(|r| W::StoryPrep.has(r))
            .unwrap_or(t);
        W::StoryPrep.has(first)
            && W::StoryNoun.has(self.tok(i + 1))
            && W::StoryOther.has(self.tok(i + 2))
    }

    /// Original text under a key span.
    pub fn orig(&self, s: Span) -> Span {
        self.f.a.key.to_original(s)
    }

    /// Original text under a key span, as written.
    pub fn written(&self, s: Span) -> String {
        self.orig(s).slice(self.text).unwrap_or("").to_string()
    }

    /// Key text of a span.
    pub fn key(&self, s: Span) -> &'a str {
        self.f.a.key_str(s)
    }

    /// The key text of the gap before the token at key offset `off` (back to the previous token).
    pub fn gap_before(&self, off: usize) -> &'a str {
        let i = self.tok_from(off);
        let prev_end = if i == 0 {
            0
        } else {
            self.f.a.tokens[i - 1].key.end
        };
        self.f.a.key.text.get(prev_end..off).unwrap_or("")
    }

    /// The key text between key offset `off` and the start of the next token (or the end).
    pub fn gap_after(&self, off: usize) -> &'a str {
        let i = self.tok_from(off);
        let next = self
            .f
            .a
            .tokens
            .get(i)
            .map_or(self.f.a.key.text.len(), |t| t.key.start);
        self.f.a.key.text.get(off..next.max(off)).unwrap_or("")
    }

    /// True when a lexicon hit of `class` lies within `n` tokens before key offset `off`, in the same sentence.
    pub fn lex_before(
        &self,
        class: Class,
        off: usize,
        n: usize,
    ) -> Option<&'a crate::recognize::LexHit> {
        let sent = self.near(Span::new(off, off), n);
        let i = self.tok_from(off);
        self.f
            .lex_in(class, Span::new(sent.start, off))
            .filter(|h| h.key.end <= off && i.saturating_sub(self.tok_at(h.key.start)) <= n)
            .last()
    }

    /// The first actor of a known name.
    pub fn actor_of(&self, n: &Name) -> Option<(usize, &'a Actor)> {
        match &n.kind {
            NameKind::Known { actors, .. } => actors.first().map(|&i| (i, &self.kb.actors[i])),
            NameKind::Source {
                speaks_for: Some(i),
                ..
            } => Some((*i, &self.kb.actors[*i])),
            _ => None,
        }
    }

    /// The place candidates of a known name.
    pub fn places_of(&self, n: &Name) -> Vec<&'a Place> {
        match &n.kind {
            NameKind::Known { places, .. } => places.iter().map(|&i| &self.kb.places[i]).collect(),
            _ => Vec::new(),
        }
    }

    /// True for a name that can act in an event (not a media outlet, not only a place).
    pub fn is_agent(&self, n: &Name) -> bool {
        match &n.kind {
            NameKind::Known { actors, places } => {
                actors
                    .iter()
                    .any(|&i| self.kb.actors[i].kind != ActorKind::Media)
                    && !actors.is_empty()
                    && {
                        // A state name used as a place («في العراق») is not an agent there.
                        let _ = places;
                        true
                    }
            }
            NameKind::Descriptor { .. } | NameKind::NewOrg(_) | NameKind::Person => true,
            NameKind::Source { .. } => false,
        }
    }

    /// True for a media outlet.
    pub fn is_media(&self, n: &Name) -> bool {
        matches!(&n.kind, NameKind::Known { actors, .. } if actors.first().is_some_and(|&i| self.kb.actors[i].kind == ActorKind::Media))
    }

    /// The country of a name, when it has one.
    pub fn country_of(&self, n: &Name) -> Option<String> {
        match &n.kind {
            NameKind::Known { actors, places } => actors
                .first()
                .and_then(|&i| self.kb.actors[i].country.clone())
                .or_else(|| places.first().map(|&i| self.kb.places[i].country.clone())),
            NameKind::Descriptor { country, .. } => country.clone(),
            NameKind::Source {
                speaks_for: Some(i),
                ..
            } => self.kb.actors[*i].country.clone(),
            _ => None,
        }
    }

    /// The most specific place kind among a name's candidates.
    pub fn best_kind(&self, n: &Name) -> Option<PlaceKind> {
        self.places_of(n).iter().map(|p| p.kind).min()
    }
}
