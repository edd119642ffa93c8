//! Detection: which trigger words report a specific real event, and of which type.
//!
//! Every trigger word of the lexicon (`data/lexicon.tsv`, class `trigger`) that is not part of
//! a name or a date is a candidate ([`Cand`]). The detector judges each one: a logistic
//! regression over its [`features`] gives the probability that it reports a specific real event
//! (not sports, a metaphor, a generic statement, a plan, a negation, a mere reference to a known
//! past event…), and a softmax regression gives the probability of each event type. The weights
//! are data (`data/detector/model.tsv`), trained by `rasd detector train` from the labelled real
//! sentences of `data/detector/labels.jsonl`; see `data/detector/README.md`.
//!
//! A few [`rules`] stay hard rules beside the models (a casualty word of a cumulative toll
//! belongs to the toll); the others are features the models weigh.
use rasd_model::Span;

use crate::ctx::Ctx;
use crate::lexicon::Class;

pub mod features;
pub mod model;
pub mod rules;

pub use features::{features, DocFeats};
pub use model::{Model, ModelError, NT, TYPES};
pub use rules::{is_definite, live_trigger, veto, Cand, Rule, RULES};

/// The built-in weights file.
pub const MODEL_TSV: &str = include_str!("../../../../data/detector/model.tsv");

/// The detector: the models and their threshold.
#[derive(Debug, Clone)]
pub struct Detector {
    model: Model,
}

/// What the detector says of one candidate.
#[derive(Debug, Clone)]
pub struct Judgement {
    /// Index of the trigger in `Found::lex(Class::Trigger)`.
    pub hit: usize,
    /// Probability that it reports a specific real event.
    pub score: f32,
    /// Probability that it refers to a specific real event, reported or only mentioned.
    pub specific: f32,
    /// Probability of each type of [`TYPES`].
    pub types: [f32; NT],
    /// It reports an event: the score reaches the threshold and no hard rule holds.
    pub accept: bool,
    /// It refers to a specific event without reporting one: it may support an event another
    /// word reports.
    pub support: bool,
    /// The hard rule that kept it out, if any.
    pub rule: Option<&'static str>,
    /// Told because its article refers again and again to the event and tells none as news
    /// (the article is about it), though the models alone would only have it refer.
    pub about: bool,
    /// The features that weigh most in the detect model, heaviest first (only when the
    /// judgement is asked to explain itself).
    pub why: Vec<(String, f32)>,
}

impl Judgement {
    /// The judgement in words: the scores, the likeliest type and the features that weigh most.
    pub fn describe(&self) -> String {
        let (best, p) = self
            .types
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map_or((0, 0.0), |(i, p)| (i, *p));
        let why: Vec<String> = self
            .why
            .iter()
            .map(|(f, w)| format!("{f} {w:+.2}"))
            .collect();
        format!(
            "detector: reports an event {:.2}, refers to one {:.2}, {} {:.2}{}; weighs {}",
            self.score,
            self.specific,
            TYPES[best].as_str(),
            p,
            self.rule
                .map_or(String::new(), |r| format!("; kept out: {r}"))
                + if self.about {
                    "; told: the article is about it"
                } else {
                    ""
                },
            why.join(", ")
        )
    }
}

impl Detector {
    /// The built-in detector.
    pub fn builtin() -> Detector {
        // The built-in file is checked by the test suite; a broken built-in is a bug.
        let model = Model::parse(MODEL_TSV).unwrap_or_else(|e| panic!("built-in detector: {e}"));
        Detector { model }
    }

    /// A detector over other weights.
    pub fn new(model: Model) -> Detector {
        Detector { model }
    }

    /// The models.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Judge every candidate of a document. `title` is the document's title, when it has one;
    /// `toll_sentences` the sentences that give cumulative tolls.
    pub fn judge(
        &self,
        cx: &Ctx,
        title: Option<&str>,
        toll_sentences: &[usize],
        explain: bool,
    ) -> Vec<Judgement> {
        let cands = candidates(cx, toll_sentences);
        let doc = DocFeats::new(cx, &cands, title);
        let mut feats = Vec::new();
        let mut judged = cands
            .iter()
            .take_while(|_| !cx.f.work.over())
            .map(|c| {
                let rule = rules::hard_rule(c).map(|r| r.name);
                feats.clear();
                features(c, &doc, &mut feats);
                let (score, specific, types) = self.model.judge(&feats);
                let told = if c.kind == crate::events::TrigKind::Designation {
                    // The labels hold no designation reported (they are rare in the news the
                    // labels come from): the documented rule decides.
                    rules::designation(c)
                } else {
                    score >= self.model.threshold
                        || (specific >= self.model.threshold_specific && self.specifics(c))
                };
                // «بعد هذه الضربات الجوية», «وأسفر هذا الهجوم عن…»: a word a demonstrative
                // points back with refers to an event told; it reports none of its own.
                let pointed = crate::words::W::PointsBack.has(
                    cx.tok(c.tok().wrapping_sub(1))
                        .trim_start_matches(rasd_text::clitics::WAW),
                ) && cx.tok(c.tok()).starts_with("ال");
                // «متهمي تفجير مسجد …», «محاكمة المتهمين بتفجير …»: a trial refers to the
                // event it judges.
                let on_trial = (1..=2).any(|k| {
                    c.tok() >= k
                        && crate::words::W::OnTrial.starts(
                            cx.tok(c.tok() - k)
                                .trim_start_matches(rasd_text::clitics::WAW),
                        )
                });
                let accept = rule.is_none() && told && !pointed && !on_trial;
                Judgement {
                    hit: c.ti,
                    score,
                    specific,
                    types,
                    accept,
                    // A word that only refers to an event supports it when it refers to a
                    // specific one and no rule says it tells none (a habit, an aggregate, a plan).
                    support: !accept
                        && specific >= self.model.threshold_support
                        && rules::veto(c).is_none(),
                    rule,
                    about: false,
                    why: if explain {
                        self.explain(&feats, 6)
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect::<Vec<_>>();
        relative_clauses(cx, &cands, &mut judged);
        about_one_event(&cands, &mut judged);
        judged
    }

    /// Does a candidate that refers to a specific event only in passing carry what makes it an
    /// event to code (its own date, or a place), as the model's header says?
    fn specifics(&self, c: &Cand) -> bool {
        if c.kind == crate::events::TrigKind::Agreement {
            // An agreement only referred to (the deal «المبرم في 14 يوليو», a truce broken) is
            // the background of what is told: coders code the deal when it is made.
            return rules::agreement_made(c);
        }
        // «إنه مستعد لتوجيه أوامر بضربات جوية»: an event planned or readied is none yet.
        if c.cx
            .lex_before(crate::lexicon::Class::Hypo, c.h.key.start, 5)
            .is_some()
        {
            return false;
        }
        match self.model.specifics.as_str() {
            "date" => rules::own_date(c) || statement(c.kind),
            "date_or_place" => rules::own_date(c) || rules::own_place(c) || statement(c.kind),
            _ => false,
        }
    }

    /// The features of a candidate that weigh most in the detect model, heaviest first.
    pub fn explain(&self, feats: &[String], n: usize) -> Vec<(String, f32)> {
        let mut v: Vec<(String, f32)> = feats
            .iter()
            .filter_map(|f| self.model.weights.get(f).map(|w| (f.clone(), w.detect)))
            .collect();
        v.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }
}

/// A verb in a relative clause of an event word that reports nothing («ردا على هجوم سوروتش
/// الذي استهدف ناشطين»: the bombing referred to) tells what that event did: it reports no
/// event of its own, and supports the one the noun refers to, if the noun does.
fn relative_clauses(cx: &Ctx, cands: &[Cand], judged: &mut [Judgement]) {
    for k in 0..judged.len().min(cands.len()) {
        if !judged[k].accept {
            continue;
        }
        let t = cands[k].tok();
        if t == 0 || !crate::words::W::Relative.has(cx.tok(t - 1)) {
            continue;
        }
        // The noun: a candidate ending within the three tokens before the pronoun.
        let head = (0..k).rev().find(|&i| {
            let e = cx.tok_at(cands[i].h.key.end.saturating_sub(1));
            e + 4 >= t && e < t - 1
        });
        if let Some(i) = head {
            if !judged[i].accept {
                judged[k].accept = false;
                judged[k].support = judged[i].support;
            }
        }
    }
}

/// Kinds of event that are statements (a threat, a designation): made when they are told.
fn statement(k: crate::events::TrigKind) -> bool {
    matches!(
        k,
        crate::events::TrigKind::Threat | crate::events::TrigKind::Designation
    )
}

/// The candidates of a document, in text order: every trigger word that is not part of a name
/// or a date.
pub(crate) fn candidates<'c, 'a>(cx: &'c Ctx<'a>, toll_sentences: &[usize]) -> Vec<Cand<'c, 'a>> {
    let triggers = cx.f.lex(Class::Trigger);
    (0..triggers.len())
        .take_while(|_| !cx.f.work.over())
        .filter_map(|ti| Cand::new(cx, triggers, ti, toll_sentences))
        .filter(|c| live_trigger(cx, c.h, c.kind))
        .collect()
}

/// A candidate's key span and features, for training and for `rasd detector` reports.
#[derive(Debug, Clone)]
pub struct CandFeatures {
    /// Key span of the trigger.
    pub trig: Span,
    /// Key span of its sentence.
    pub sent: Span,
    /// The lexicon's value.
    pub value: String,
    /// Its features.
    pub features: Vec<String>,
}

/// Every candidate of a document with its features.
pub fn candidate_features(
    cx: &Ctx,
    title: Option<&str>,
    toll_sentences: &[usize],
) -> Vec<CandFeatures> {
    let cands = candidates(cx, toll_sentences);
    let doc = DocFeats::new(cx, &cands, title);
    cands
        .iter()
        .map(|c| {
            let mut f = Vec::new();
            features(c, &doc, &mut f);
            CandFeatures {
                trig: c.h.key,
                sent: cx.sentence(c.h.key),
                value: c.h.value.clone(),
                features: f,
            }
        })
        .collect()
}

/// The first day (days since 1970-01-01) of a `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date.
pub fn date_first_day(value: &str) -> Option<i64> {
    if let Ok(d) = rasd_model::IsoDate::parse(value) {
        return Some(d.to_days());
    }
    let y: i32 = value.get(..4)?.parse().ok()?;
    let m: u32 = match value.get(5..7) {
        Some(m) => m.parse().ok()?,
        None => 1,
    };
    rasd_model::IsoDate::from_ymd(y, m, 1).map(|d| d.to_days())
}

/// How many references to specific violent events, none told as news, make an article about
/// one of them (see [`about_one_event`]).
const ABOUT_ONE_EVENT: usize = 4;

/// An article that tells no event as news but refers again and again to specific violent ones
/// (a column or a condemnation written about a bombing: «الحادث الإجرامي الذي استهدف المسجد»,
/// «هذا التفجير», «منفذ الجريمة»), is about one of them, as coders code it: the reference most
/// surely to a specific event is told.
fn about_one_event(cands: &[Cand], judged: &mut [Judgement]) {
    if judged.iter().any(|j| j.accept) {
        return;
    }
    let refs: Vec<usize> = (0..judged.len().min(cands.len()))
        .filter(|&i| judged[i].support && cands[i].kind.violent())
        .collect();
    if refs.len() < ABOUT_ONE_EVENT {
        return;
    }
    if let Some(&i) = refs
        .iter()
        .max_by(|a, b| judged[**a].specific.total_cmp(&judged[**b].specific))
    {
        judged[i].accept = true;
        judged[i].support = false;
        judged[i].about = true;
    }
}
