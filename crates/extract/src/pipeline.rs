//! The immutable extraction pipeline, shared by `Arc` across threads.
//!
//! `extract` runs, for one document: recognise (names, lexicon, numbers, dates) → tolls →
//! event mentions → merge into events → claims attached to events → designation and threat
//! arguments → relations → entities, and converts every span to character offsets at the end.
use std::time::{Duration, Instant};

use rasd_model::{DocInfo, Document, Record, TraceLine};

use crate::assemble::{build_event, fill_designations, follow_up_claims, merge_aliases};

use crate::claims;
use crate::ctx::Ctx;
use crate::detect::{self, CandFeatures, Detector};
use crate::events;
use crate::geo::GeoContext;
use crate::kb::{KbError, Knowledge};
use crate::lexicon::Lexicon;
use crate::recognize::Recognizer;
use crate::work::Work;
use crate::{entities, relations, tolls};

/// The warning of a record whose document has no publication date (a message, not a word list:
/// its Arabic examples are part of the output).
const NO_DATE_WARNING: &str =
    "no publication date: relative dates («السبت», «أمس») were not resolved";

/// The time budget of one document that `rasd extract`, `rasd ingest` and `POST /api/ingest`
/// give by default: far more than any article needs (a 10,000-word text takes well under a
/// second), so that only a document that would stall a batch is skipped.
pub const DEFAULT_TIME_BUDGET: Duration = Duration::from_secs(60);

/// What can go wrong building a pipeline or extracting a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// A knowledge file could not be read.
    #[error(transparent)]
    Knowledge(#[from] KbError),
    /// A document's extraction took longer than the pipeline's time budget.
    #[error("document {id:?}: extraction took longer than the time budget of {} s", budget.as_secs_f64())]
    OverBudget {
        /// The document's id.
        id: String,
        /// The budget.
        budget: Duration,
    },
}

/// Configures a [`Pipeline`].
#[derive(Debug, Default, Clone)]
pub struct PipelineBuilder {
    trace: bool,
    gazetteers: Vec<String>,
    rules_only: bool,
    detector: Option<Detector>,
    time_budget: Option<Duration>,
}

impl PipelineBuilder {
    /// The longest [`Pipeline::try_extract`] may work on one document (none: no limit).
    pub fn time_budget(mut self, budget: Option<Duration>) -> Self {
        self.time_budget = budget;
        self
    }

    /// Record which rule produced each field in `Record::trace`.
    pub fn trace(mut self, on: bool) -> Self {
        self.trace = on;
        self
    }

    /// Add the places of a gazetteer TSV text (see `data/README.md`).
    pub fn gazetteer_tsv(mut self, tsv: String) -> Self {
        self.gazetteers.push(tsv);
        self
    }

    /// Judge candidates with the hand-written rules alone, without the learned detector
    /// (to compare the two).
    pub fn rules_only(mut self, on: bool) -> Self {
        self.rules_only = on;
        self
    }

    /// Use another detector than the built-in one.
    pub fn detector(mut self, d: Detector) -> Self {
        self.detector = Some(d);
        self
    }

    /// Build the pipeline.
    pub fn build(self) -> Result<Pipeline, ExtractError> {
        let mut kb = Knowledge::builtin().clone();
        for g in &self.gazetteers {
            kb.add_places_tsv(g)?;
        }
        let rec = Recognizer::new(&kb, Lexicon::builtin());
        let detector = if self.rules_only {
            None
        } else {
            Some(self.detector.unwrap_or_else(Detector::builtin))
        };
        Ok(Pipeline {
            kb,
            rec,
            detector,
            trace: self.trace,
            time_budget: self.time_budget,
        })
    }
}

/// The extraction pipeline: immutable, `Send + Sync`, one per process.
#[derive(Debug)]
pub struct Pipeline {
    kb: Knowledge,
    rec: Recognizer,
    detector: Option<Detector>,
    trace: bool,
    time_budget: Option<Duration>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline over the built-in knowledge.
    pub fn new() -> Pipeline {
        let kb = Knowledge::builtin().clone();
        let rec = Recognizer::new(&kb, Lexicon::builtin());
        Pipeline {
            kb,
            rec,
            detector: Some(Detector::builtin()),
            trace: false,
            time_budget: None,
        }
    }

    /// The same pipeline with another time budget for [`Pipeline::try_extract`] (none: no
    /// limit).
    pub fn with_time_budget(mut self, budget: Option<Duration>) -> Pipeline {
        self.time_budget = budget;
        self
    }

    /// The time budget of [`Pipeline::try_extract`].
    pub fn time_budget(&self) -> Option<Duration> {
        self.time_budget
    }

    /// Configure a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The knowledge it uses.
    pub fn knowledge(&self) -> &Knowledge {
        &self.kb
    }

    /// The detector, unless the pipeline judges with the rules alone.
    pub fn detector(&self) -> Option<&Detector> {
        self.detector.as_ref()
    }

    /// The detector's candidates of one document with their features; spans in character
    /// offsets of the original text.
    pub fn candidates(&self, doc: &Document) -> Vec<CandFeatures> {
        let found = self.rec.recognize(&self.kb, &doc.text, doc.meta.published);
        let cx = Ctx::new(&self.kb, &found, doc);
        let ix = rasd_model::CharIndex::new(&doc.text);
        let toll_sents = tolls::toll_sentences(&cx);
        let mut v = detect::candidate_features(&cx, doc.meta.title.as_deref(), &toll_sents);
        for c in &mut v {
            c.trig = ix.span(cx.orig(c.trig));
            c.sent = ix.span(cx.orig(c.sent));
        }
        v
    }

    /// Extract one record from one document; spans in the record are character offsets.
    /// Works to the end whatever the time budget.
    pub fn extract(&self, doc: &Document) -> Record {
        let (record, _) = self.extract_with_work(doc);
        record
    }

    /// Extract one record from one document within the pipeline's time budget, if it has one
    /// (see [`PipelineBuilder::time_budget`]).
    pub fn try_extract(&self, doc: &Document) -> Result<Record, ExtractError> {
        let found = self.run(doc, Instant::now(), self.time_budget)?;
        Ok(found.into_char_offsets(&doc.text))
    }

    /// [`Pipeline::extract`], with the number of recognised items its stages looked at: a
    /// measure of work that does not depend on the machine.
    pub fn extract_with_work(&self, doc: &Document) -> (Record, u64) {
        // No budget, so never over it.
        let (record, items) = self
            .run_counted(doc, Instant::now(), None)
            .unwrap_or_default();
        (record.into_char_offsets(&doc.text), items)
    }

    /// The record of [`Pipeline::extract`] with its spans still byte offsets into
    /// `doc.text`, for checks of the spans themselves (the fuzz target's).
    pub fn extract_byte_offsets(&self, doc: &Document) -> Record {
        self.run(doc, Instant::now(), None).unwrap_or_default()
    }

    /// Extract with spans in byte offsets, within a time budget counted from `start`.
    fn run(
        &self,
        doc: &Document,
        start: Instant,
        budget: Option<Duration>,
    ) -> Result<Record, ExtractError> {
        self.run_counted(doc, start, budget).map(|(r, _)| r)
    }

    fn run_counted(
        &self,
        doc: &Document,
        start: Instant,
        budget: Option<Duration>,
    ) -> Result<(Record, u64), ExtractError> {
        let published = doc.meta.published;
        let mut found = self.rec.recognize(&self.kb, &doc.text, published);
        found.work = Work::new(start, budget);
        let over = |f: &crate::recognize::Found| {
            f.work.was_over().then(|| ExtractError::OverBudget {
                id: doc.id.clone(),
                budget: budget.unwrap_or_default(),
            })
        };
        let cx = Ctx::new(&self.kb, &found, doc);
        let mut trace = Vec::new();
        let geo = GeoContext::new(&cx);
        let toll_sents = tolls::toll_sentences(&cx);
        let title = doc.meta.title.as_deref();
        let events = self.events(&cx, &geo, title, &toll_sents, &mut trace);
        if let Some(e) = over(&found) {
            return Err(e);
        }
        let tolls = self.tolls(&cx, &geo, &toll_sents, &mut trace);
        let relations: Vec<rasd_model::Relation> = relations::find(&cx)
            .into_iter()
            .map(|(mut r, k)| {
                r.evidence = vec![cx.orig(k)];
                r
            })
            .collect();
        let mut entities: Vec<rasd_model::Entity> = entities::find(&cx)
            .into_iter()
            .map(|(mut e, keys)| {
                e.mentions = keys.iter().map(|k| cx.orig(*k)).collect();
                e
            })
            .collect();
        merge_aliases(&mut entities, &relations);
        if let Some(e) = over(&found) {
            return Err(e);
        }
        let mut warnings = Vec::new();
        if published.is_none() {
            warnings.push(NO_DATE_WARNING.to_string());
        }
        let record = Record {
            doc: DocInfo {
                id: doc.id.clone(),
                source: doc.meta.source.clone(),
                url: doc.meta.url.clone(),
                published: published.map(|d| d.to_string()),
                title: doc.meta.title.clone(),
                lang: "ar".into(),
            },
            events,
            tolls,
            relations,
            entities,
            warnings,
            trace,
        };
        Ok((record, found.work.items()))
    }

    /// The events of a document: its event words judged (by the detector, or by the rules),
    /// merged into events, dated, and given their claims.
    fn events(
        &self,
        cx: &Ctx,
        geo: &GeoContext,
        title: Option<&str>,
        toll_sents: &[usize],
        trace: &mut Vec<TraceLine>,
    ) -> Vec<rasd_model::Event> {
        let raw_claims = claims::find(cx);
        let accepted: Vec<events::Accepted> = match &self.detector {
            Some(d) => {
                let mut judged = d.judge(cx, title, toll_sents, self.trace);
                denied_events(cx, &raw_claims, &mut judged);
                if self.trace {
                    trace_rejected(cx, &judged, trace);
                }
                judged
                    .into_iter()
                    .filter(|j| j.accept || j.support)
                    .map(|j| events::Accepted {
                        hit: j.hit,
                        score: j.score,
                        types: j.types,
                        specific: j.specific,
                        support: j.support,
                        why: self.trace.then(|| j.describe()),
                    })
                    .collect()
            }
            None => events::rule_accepted(cx, toll_sents),
        };
        let mentions = events::mentions(cx, geo, toll_sents, &accepted);
        let mut drafts = events::merge(cx, mentions);
        fill_designations(cx, &mut drafts);
        let built = build_events(cx, geo, &drafts, &raw_claims, toll_sents, None);
        // One event a type, place and day (as ACLED codes): an article that tells an event
        // twice, its words apart, tells it once.
        let folded = fold_same_day_place(cx, &mut drafts, &built);
        if !folded && !self.trace {
            return built;
        }
        build_events(
            cx,
            geo,
            &drafts,
            &raw_claims,
            toll_sents,
            self.trace.then_some(trace),
        )
    }

    /// The tolls of a document's toll sentences, with their evidence.
    fn tolls(
        &self,
        cx: &Ctx,
        geo: &GeoContext,
        toll_sents: &[usize],
        trace: &mut Vec<TraceLine>,
    ) -> Vec<rasd_model::Toll> {
        let toll_drafts = tolls::find(cx, geo, toll_sents);
        toll_drafts
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let mut toll = t.toll;
                toll.evidence = t.keys.iter().map(|k| cx.orig(*k)).collect();
                if self.trace {
                    for k in &t.keys {
                        trace.push(TraceLine {
                            field: format!("toll{}", i + 1),
                            rule: "toll: cumulative cue or figure ≥ 100".into(),
                            text: cx.written(*k),
                            span: cx.orig(*k),
                        });
                    }
                }
                toll
            })
            .collect()
    }
}

/// Build the events of a document's drafts: dates, claims, fields.
fn build_events(
    cx: &Ctx,
    geo: &GeoContext,
    drafts: &[events::Draft],
    raw_claims: &[claims::RawClaim],
    toll_sents: &[usize],
    mut trace: Option<&mut Vec<TraceLine>>,
) -> Vec<rasd_model::Event> {
    let mut out = Vec::new();
    let dates = events::resolve_dates(cx, drafts);
    let follow_ups = follow_up_claims(cx, drafts, raw_claims, toll_sents);
    for (i, (d, date)) in drafts.iter().zip(dates).enumerate() {
        if cx.f.work.over() {
            break;
        }
        // Told as history: a day more than a year before the paper is background. A
        // designation is the actor's standing, whenever it was made.
        let designation = d.kind(cx) == rasd_model::EventType::Designation;
        if let (false, Some(days)) = (designation, history(cx, date.0.as_deref())) {
            if let (Some(t), Some(m)) = (trace.as_deref_mut(), d.mentions.first()) {
                t.push(TraceLine {
                    field: "events.history".into(),
                    rule: format!("dated {days} days before publication: background, not news"),
                    text: cx.written(m.trig),
                    span: cx.orig(m.trig),
                });
            }
            continue;
        }
        let id = format!("e{}", i + 1);
        let extra: Vec<usize> = follow_ups
            .iter()
            .filter(|(_, di)| *di == i)
            .map(|(ci, _)| *ci)
            .collect();
        let ev = build_event(cx, d, date, raw_claims, &extra, &id, trace.as_deref_mut());
        out.push(ev);
    }
    place_at_focus(cx, geo, &mut out);
    out
}

/// How many days before publication an event can end and still be coded; one over longer
/// before (an uprising of 1979, an arrest of two summers ago) is history told as background,
/// which coders keep out of an article's events. A chronology of the last months («in October,
/// in December…») is still coded, as the shared gold codes it.
const HISTORY_DAYS: i64 = 365;

/// The days between the last day of an event's date (`YYYY`, `YYYY-MM` or a day) and the
/// publication date, when they are more than [`HISTORY_DAYS`].
fn history(cx: &Ctx, date: Option<&str>) -> Option<i64> {
    let (p, value) = (cx.published?, date?);
    let first = detect::date_first_day(value)?;
    let next = |y: i32, m: u32| rasd_model::IsoDate::from_ymd(y, m, 1).map(|d| d.to_days() - 1);
    let y: i32 = value.get(..4)?.parse().ok()?;
    let last = match value.len() {
        4 => next(y + 1, 1)?,
        7 => {
            let m: u32 = value.get(5..7)?.parse().ok()?;
            if m == 12 {
                next(y + 1, 1)?
            } else {
                next(y, m + 1)?
            }
        }
        _ => first,
    };
    let days = p.to_days() - last;
    (days > HISTORY_DAYS).then_some(days)
}

/// An event placed no more precisely than a country is at the place in that country that the
/// article is about (`geo::focus_in`), unless another of its events is placed in that
/// governorate by its own words: then the article tells of that event there («تفجير سروج»),
/// and this one's country is all it says.
fn place_at_focus(cx: &Ctx, geo: &GeoContext, events: &mut [rasd_model::Event]) {
    use rasd_model::GeoPrecision;
    let coarse = |e: &rasd_model::Event| {
        e.location
            .as_ref()
            .is_some_and(|l| l.precision == Some(GeoPrecision::Country))
    };
    if !events.iter().any(coarse) {
        return;
    }
    let unit_of = |l: &rasd_model::Location| {
        l.place_id
            .as_deref()
            .and_then(|id| cx.kb.place(id))
            .map(|p| crate::geo::admin1_unit(p).to_string())
    };
    let placed: Vec<String> = events
        .iter()
        .filter(|e| !coarse(e))
        .filter_map(|e| e.location.as_ref().and_then(unit_of))
        .collect();
    // The place each country's events go to, weighed once a country.
    let mut focus: Vec<(String, Option<rasd_model::Location>)> = Vec::new();
    for e in events.iter_mut().filter(|e| coarse(e)) {
        let Some(country) = e.location.as_ref().and_then(|l| l.country.clone()) else {
            continue;
        };
        let at = match focus.iter().position(|(c, _)| *c == country) {
            Some(k) => k,
            None => {
                let f = crate::geo::focus_in(cx, geo, &country)
                    .filter(|f| unit_of(f).is_some_and(|u| !placed.contains(&u)));
                focus.push((country, f));
                focus.len() - 1
            }
        };
        if let Some(f) = &focus[at].1 {
            e.location = Some(f.clone());
        }
    }
}

/// Fold the drafts whose events have one type, one day and one known place into the first of
/// them. True when any was folded. A suicide bombing is rare enough that two of one day in one
/// governorate are one («تفجير مسجد الطوارئ في منطقة عسير» and, a column later, «في أبها»).
fn fold_same_day_place(
    cx: &Ctx,
    drafts: &mut Vec<events::Draft>,
    built: &[rasd_model::Event],
) -> bool {
    if built.len() != drafts.len() {
        return false;
    }
    let key = |e: &rasd_model::Event| {
        let mut place = e.location.as_ref().and_then(|l| l.place_id.clone())?;
        if e.kind == rasd_model::EventType::SuicideBomb {
            if let Some(p) = cx.kb.place(&place) {
                place = crate::geo::admin1_unit(p).to_string();
            }
        }
        let day = (e.date_precision == rasd_model::DatePrecision::Day)
            .then(|| e.date.clone())
            .flatten()?;
        Some((e.kind, day, place))
    };
    let mut first: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    let mut into: Vec<Option<usize>> = vec![None; drafts.len()];
    // Two death tolls that differ are two tellings that do not agree (a series and one of
    // its attacks: «قتل 30 في سلسلة تفجيرات … أدى تفجير إلى مقتل 19»): kept apart.
    let agree = |a: Option<u64>, b: Option<u64>| a.is_none() || b.is_none() || a == b;
    for (i, e) in built.iter().enumerate() {
        if let Some(k) = key(e) {
            match first.get(&k) {
                // «وفي حادثة منفصلة»: an incident told as another stays apart.
                Some(&f)
                    if agree(built[f].killed, e.killed)
                        && !events::told_apart(cx, &drafts[f], &drafts[i]) =>
                {
                    into[i] = Some(f)
                }
                Some(_) => {}
                None => {
                    first.insert(k, i);
                }
            }
        }
    }
    if into.iter().all(Option::is_none) {
        return false;
    }
    let mut taken: Vec<Option<events::Draft>> =
        std::mem::take(drafts).into_iter().map(Some).collect();
    for i in 0..taken.len() {
        let Some(f) = into[i] else { continue };
        if let Some(d) = taken[i].take() {
            if let Some(target) = taken[f].as_mut() {
                target.mentions.extend(d.mentions);
                target.kinds.extend(d.kinds);
            }
        }
    }
    *drafts = taken.into_iter().flatten().collect();
    true
}

/// The candidates the detector kept out that came closest (a score of 0.2 or more, or a hard
/// rule), for `rasd explain`.
fn trace_rejected(cx: &Ctx, judged: &[detect::Judgement], trace: &mut Vec<TraceLine>) {
    let triggers = cx.f.lex(crate::lexicon::Class::Trigger);
    for j in judged.iter().filter(|j| !j.accept && !j.support) {
        if j.score < 0.2 && j.rule.is_none() {
            continue;
        }
        if let Some(h) = triggers.get(j.hit) {
            trace.push(TraceLine {
                field: "detector.kept_out".into(),
                rule: j.describe(),
                text: cx.written(h.key),
                span: cx.orig(h.key),
            });
        }
    }
}

/// What a source denies or says it has no knowledge of («لا علم لديه بوقوع أي هجوم») is the
/// event told, whatever the negation: the word supports that event, so the claim reaches it.
fn denied_events(cx: &Ctx, raw: &[claims::RawClaim], judged: &mut [detect::Judgement]) {
    let triggers = cx.f.lex(crate::lexicon::Class::Trigger);
    for j in judged
        .iter_mut()
        .filter(|j| !j.accept && !j.support && j.rule.is_none())
    {
        let Some(h) = triggers.get(j.hit) else {
            continue;
        };
        j.support = raw.iter().any(|c| {
            matches!(
                c.stance,
                rasd_model::Stance::Denies | rasd_model::Stance::Unconfirmed
            ) && c.scope.contains(h.key)
        });
    }
}
