//! The detector's linear models: a logistic regression that says whether a candidate reports an
//! event (`detect`), one that says whether it refers to a specific real event at all, reported
//! or only mentioned (`specific`), and a softmax regression over the event types; their weights
//! file, and the trainer.
//!
//! The weights file (`data/detector/model.tsv`) is text: `#!` header lines (version, date,
//! labels, command, classes, thresholds, the figures measured on held-out labels), then one line
//! a feature: `feature<TAB>detect weight<TAB>specific weight<TAB>type weights, comma-separated`.
//! The bias is the feature `bias`.
use std::collections::{BTreeMap, HashMap};

use rasd_model::EventType;

/// The event types the type model chooses among, in the weights file's order.
pub const TYPES: [EventType; 12] = [
    EventType::AirDroneStrike,
    EventType::MissileArtillery,
    EventType::RemoteExplosive,
    EventType::SuicideBomb,
    EventType::ArmedClash,
    EventType::Attack,
    EventType::Abduction,
    EventType::Arrest,
    EventType::Protest,
    EventType::Designation,
    EventType::Threat,
    EventType::Agreement,
];

/// Number of types.
pub const NT: usize = TYPES.len();

/// What can be wrong in a weights file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A line that does not have the expected columns or numbers.
    #[error("detector weights line {line}: {what}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        what: String,
    },
}

/// The weights of one feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight towards "reports an event".
    pub detect: f32,
    /// Weight towards "refers to a specific real event".
    pub specific: f32,
    /// Weight towards each type of [`TYPES`].
    pub types: [f32; NT],
}

/// The two models and their settings.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Header lines (without `#! `), in order.
    pub header: Vec<(String, String)>,
    /// Feature weights (a fast hash: every candidate of every document looks its features up).
    pub weights: HashMap<String, Weights, rustc_hash::FxBuildHasher>,
    /// Probability from which a candidate counts as an event.
    pub threshold: f32,
    /// Probability from which a candidate refers to a specific real event.
    pub threshold_specific: f32,
    /// Probability of referring to a specific event from which a word that reports none joins
    /// an event found already (chosen for recall; `threshold_specific` when the file has none).
    pub threshold_support: f32,
    /// What makes a mentioned event (not reported) one to code: `none`, `date` (its own date
    /// in the sentence), `date_or_place` (or a place named right after the word).
    pub specifics: String,
}

/// The logistic function.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl Model {
    /// Parse a weights file.
    pub fn parse(text: &str) -> Result<Model, ModelError> {
        let mut m = Model {
            threshold: 0.5,
            threshold_specific: 0.5,
            threshold_support: f32::NAN,
            ..Model::default()
        };
        for (i, line) in text.lines().enumerate() {
            let bad = |what: &str| ModelError::Line {
                line: i + 1,
                what: what.to_string(),
            };
            if let Some(h) = line.strip_prefix("#! ") {
                let (k, v) = h.split_once(' ').unwrap_or((h, ""));
                if k == "threshold" {
                    m.threshold = v
                        .trim()
                        .parse()
                        .map_err(|_| bad("threshold is not a number"))?;
                }
                if k == "specifics" {
                    m.specifics = v.trim().to_string();
                }
                if k == "threshold_specific" {
                    m.threshold_specific = v
                        .trim()
                        .parse()
                        .map_err(|_| bad("threshold is not a number"))?;
                }
                if k == "threshold_support" {
                    m.threshold_support = v
                        .trim()
                        .parse()
                        .map_err(|_| bad("threshold is not a number"))?;
                }
                m.header.push((k.to_string(), v.to_string()));
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(f), Some(d), Some(sp), Some(t)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad("expected 4 tab-separated columns"));
            };
            let detect: f32 = d
                .parse()
                .map_err(|_| bad("detect weight is not a number"))?;
            let specific: f32 = sp
                .parse()
                .map_err(|_| bad("specific weight is not a number"))?;
            let mut types = [0.0f32; NT];
            let mut n = 0;
            for (k, x) in t.split(',').enumerate() {
                let slot = types
                    .get_mut(k)
                    .ok_or_else(|| bad("too many type weights"))?;
                *slot = x.parse().map_err(|_| bad("type weight is not a number"))?;
                n += 1;
            }
            if n != NT {
                return Err(bad("too few type weights"));
            }
            m.weights.insert(
                f.to_string(),
                Weights {
                    detect,
                    specific,
                    types,
                },
            );
        }
        if m.threshold_support.is_nan() {
            m.threshold_support = m.threshold_specific;
        }
        Ok(m)
    }

    /// The weights file: header, then features sorted.
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        for (k, v) in &self.header {
            out.push_str(&format!("#! {k} {v}\n"));
        }
        let sorted: BTreeMap<&String, &Weights> = self.weights.iter().collect();
        for (f, w) in sorted {
            let types: Vec<String> = w.types.iter().map(|x| fmt(*x)).collect();
            out.push_str(&format!(
                "{f}\t{}\t{}\t{}\n",
                fmt(w.detect),
                fmt(w.specific),
                types.join(",")
            ));
        }
        out
    }

    /// The detect score (a probability) of a bag of features.
    pub fn detect(&self, feats: &[String]) -> f32 {
        sigmoid(self.detect_logit(feats))
    }

    /// The detect logit of a bag of features.
    pub fn detect_logit(&self, feats: &[String]) -> f32 {
        let mut z = self.weights.get("bias").map_or(0.0, |w| w.detect);
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                z += w.detect;
            }
        }
        z
    }

    /// The probability that a bag of features refers to a specific real event.
    pub fn specific(&self, feats: &[String]) -> f32 {
        let mut z = self.weights.get("bias").map_or(0.0, |w| w.specific);
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                z += w.specific;
            }
        }
        sigmoid(z)
    }

    /// The three models at once (each feature looked up once): the detect score, the
    /// specific score and the types' probabilities, as [`Model::detect`], [`Model::specific`]
    /// and [`Model::types`] give them.
    pub fn judge(&self, feats: &[String]) -> (f32, f32, [f32; NT]) {
        let (mut d, mut s, mut t) = self
            .weights
            .get("bias")
            .map_or((0.0, 0.0, [0.0; NT]), |w| (w.detect, w.specific, w.types));
        for w in feats.iter().filter_map(|f| self.weights.get(f)) {
            d += w.detect;
            s += w.specific;
            for (a, b) in t.iter_mut().zip(w.types.iter()) {
                *a += b;
            }
        }
        softmax(&mut t);
        (sigmoid(d), sigmoid(s), t)
    }

    /// The probabilities of each type of [`TYPES`].
    pub fn types(&self, feats: &[String]) -> [f32; NT] {
        let mut z = self.weights.get("bias").map_or([0.0; NT], |w| w.types);
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in z.iter_mut().zip(w.types.iter()) {
                    *a += b;
                }
            }
        }
        softmax(&mut z);
        z
    }
}

/// Four significant decimals: enough for a linear model, and the same bytes on every machine.
fn fmt(x: f32) -> String {
    let s = format!("{x:.4}");
    if s == "-0.0000" {
        "0.0000".to_string()
    } else {
        s
    }
}

fn softmax(z: &mut [f32]) {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for x in z.iter_mut() {
        *x = (*x - m).exp();
        sum += *x;
    }
    for x in z.iter_mut() {
        *x /= sum;
    }
}

/// One training example: feature indices, whether it reports an event, its type (when labelled
/// with one), and its weight.
#[derive(Debug, Clone)]
pub struct Example {
    /// Indices into the vocabulary.
    pub feats: Vec<u32>,
    /// Reports an event.
    pub event: bool,
    /// Refers to a specific real event (reported or only mentioned).
    pub specific: bool,
    /// Index into [`TYPES`].
    pub kind: Option<usize>,
    /// Weight of the example.
    pub weight: f32,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// L2 penalty of the detect model.
    pub l2_detect: f32,
    /// L2 penalty of the type model.
    pub l2_types: f32,
    /// Full-batch iterations.
    pub iterations: usize,
    /// Adam's step size.
    pub step: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            l2_detect: 1e-3,
            l2_types: 1e-3,
            iterations: 300,
            step: 0.05,
        }
    }
}

/// Fit the models by full-batch Adam on the mean log loss plus an L2 penalty, scaled per
/// feature by `l2_scale` (a family of features may be held closer to zero than another);
/// deterministic: the same examples give the same weights. Feature 0 must be the bias. Returns,
/// per feature, its weights.
pub fn train(
    n_feats: usize,
    examples: &[Example],
    l2_scale: &[f32],
    o: TrainOptions,
) -> Vec<Weights> {
    let det = fit(n_feats, 1, examples, o.l2_detect, l2_scale, o, |e| {
        Some(usize::from(e.event))
    });
    let spec = fit(n_feats, 1, examples, o.l2_detect, l2_scale, o, |e| {
        Some(usize::from(e.specific))
    });
    let typ = fit(n_feats, NT, examples, o.l2_types, l2_scale, o, |e| e.kind);
    (0..n_feats)
        .map(|f| {
            let mut types = [0.0; NT];
            types.copy_from_slice(&typ[f * NT..(f + 1) * NT]);
            Weights {
                detect: det[f],
                specific: spec[f],
                types,
            }
        })
        .collect()
}

/// One model: `classes == 1` is a logistic regression (target 0/1), more a softmax regression.
fn fit(
    n_feats: usize,
    classes: usize,
    examples: &[Example],
    l2: f32,
    l2_scale: &[f32],
    o: TrainOptions,
    target: impl Fn(&Example) -> Option<usize>,
) -> Vec<f32> {
    let used: Vec<(&Example, usize)> = examples
        .iter()
        .filter_map(|e| target(e).map(|t| (e, t)))
        .collect();
    let total: f32 = used.iter().map(|(e, _)| e.weight).sum::<f32>().max(1e-6);
    let n = n_feats * classes;
    let (mut w, mut m, mut v) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; n]);
    let (b1, b2, eps) = (0.9f32, 0.999f32, 1e-8f32);
    let mut g = vec![0.0f32; n];
    let mut z = vec![0.0f32; classes.max(2)];
    for it in 1..=o.iterations {
        g.iter_mut().for_each(|x| *x = 0.0);
        for (e, t) in &used {
            let scale = e.weight / total;
            if classes == 1 {
                let s: f32 = e.feats.iter().map(|&f| w[f as usize]).sum();
                let err = (sigmoid(s) - *t as f32) * scale;
                for &f in &e.feats {
                    g[f as usize] += err;
                }
            } else {
                z.iter_mut().for_each(|x| *x = 0.0);
                for &f in &e.feats {
                    let row = &w[f as usize * classes..(f as usize + 1) * classes];
                    for (a, b) in z.iter_mut().zip(row) {
                        *a += b;
                    }
                }
                softmax(&mut z[..classes]);
                z[*t] -= 1.0;
                for &f in &e.feats {
                    let row = &mut g[f as usize * classes..(f as usize + 1) * classes];
                    for (a, b) in row.iter_mut().zip(z.iter()) {
                        *a += b * scale;
                    }
                }
            }
        }
        let (c1, c2) = (1.0 - b1.powi(it as i32), 1.0 - b2.powi(it as i32));
        for i in 0..n {
            // No penalty on the bias.
            let scale = l2_scale.get(i / classes).copied().unwrap_or(1.0);
            let gi = g[i] + if i < classes { 0.0 } else { l2 * scale * w[i] };
            m[i] = b1 * m[i] + (1.0 - b1) * gi;
            v[i] = b2 * v[i] + (1.0 - b2) * gi * gi;
            w[i] -= o.step * (m[i] / c1) / ((v[i] / c2).sqrt() + eps);
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_file_round_trips() {
        let mut m = Model {
            threshold: 0.4,
            ..Model::default()
        };
        m.header.push(("version".into(), "1".into()));
        m.header.push(("threshold".into(), "0.4".into()));
        let mut t = [0.0; NT];
        t[4] = 1.25;
        m.weights.insert(
            "bias".into(),
            Weights {
                detect: -0.5,
                specific: 0.25,
                types: t,
            },
        );
        let again = Model::parse(&m.to_tsv()).unwrap();
        assert_eq!(again.to_tsv(), m.to_tsv());
        assert_eq!(again.threshold, 0.4);
        assert!((again.detect(&[]) - sigmoid(-0.5)).abs() < 1e-6);
        assert_eq!(
            again.types(&[]).iter().cloned().fold(0.0, f32::max),
            again.types(&[])[4]
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let e = Model::parse("#! version 1\nbias\t0.1\t0.1\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(Model::parse("x\tnan?\t0\t0").is_err());
    }

    #[test]
    fn training_separates_a_separable_set_and_is_deterministic() {
        // Feature 0: bias; 1 marks events of type 4, 2 marks non-events.
        let ex: Vec<Example> = (0..20)
            .map(|i| Example {
                feats: vec![0, if i % 2 == 0 { 1 } else { 2 }],
                event: i % 2 == 0,
                specific: i % 2 == 0,
                kind: (i % 2 == 0).then_some(4),
                weight: 1.0,
            })
            .collect();
        let a = train(3, &ex, &[1.0; 3], TrainOptions::default());
        let b = train(3, &ex, &[1.0; 3], TrainOptions::default());
        assert_eq!(a, b);
        assert!(a[1].detect > 0.5 && a[2].detect < -0.5);
        assert!(a[1].types[4] > a[1].types[0]);
    }
}
