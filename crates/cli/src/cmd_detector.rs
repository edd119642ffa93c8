//! `rasd detector`: the learned event detector's candidates, training and report.
//!
//! Labels (`data/detector/labels.jsonl`) refer to real articles of the SaudiNewsNet corpus by
//! id and character offsets; training reads the articles from the corpus, finds each labelled
//! candidate again, and learns from its features twice: in its article (with the title), and in
//! its sentence alone (so the models also judge a sentence given without its article). Articles
//! whose id hashes to 0 modulo 10 are held out: never trained on, only measured.
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use rasd_extract::detect::model::{self, Example, Model, TrainOptions, NT, TYPES};
use rasd_extract::{CandFeatures, Pipeline};
use rasd_model::{Document, IsoDate};
use rasd_read::{ReadOptions, Reader, DEFAULT_MAX_BYTES};

/// Arguments of `rasd detector`.
#[derive(clap::Args)]
pub struct DetectorArgs {
    #[command(subcommand)]
    cmd: DetectorCmd,
}

/// Where the labels and the corpus are, by default (from the repository's root).
#[derive(clap::Args, Clone)]
struct Sources {
    /// The labels.
    #[arg(long, default_value = "data/detector/labels.jsonl")]
    labels: PathBuf,
    /// The corpus the labels refer to (JSON Lines, gzipped or not).
    #[arg(
        long,
        default_value = "../shared/corpora/saudinewsnet/saudinewsnet.jsonl.gz"
    )]
    corpus: PathBuf,
}

#[derive(clap::Subcommand)]
enum DetectorCmd {
    /// List the candidate event words of documents (JSON Lines: document id, character offsets
    /// of the word and of its sentence, the lexicon's kind; with --features, the features).
    Candidates {
        /// Input files (.jsonl, .txt, .html) or `-`.
        files: Vec<String>,
        /// Add each candidate's features.
        #[arg(long)]
        features: bool,
    },
    /// Judge the candidates of documents with the built-in detector: each word, its score, the
    /// hard rule that keeps it out if any, and the features that weigh most.
    Score {
        /// Input files (.jsonl, .txt, .html) or `-`.
        files: Vec<String>,
        /// How many features to show.
        #[arg(long, default_value_t = 6)]
        top: usize,
        /// Judge with these weights instead of the built-in ones.
        #[arg(long, value_name = "FILE.tsv")]
        detector: Option<PathBuf>,
    },
    /// Train the detector's weights from the labels (deterministic: the same labels, corpus and
    /// lexicon give the same bytes).
    Train {
        #[command(flatten)]
        src: Sources,
        /// Where to write the weights.
        #[arg(short, long, default_value = "data/detector/model.tsv")]
        output: PathBuf,
        /// Leave out the features that start with these prefixes (comma-separated; to measure
        /// what a family of features brings).
        #[arg(long, value_name = "PREFIXES", default_value = "")]
        without: String,
        /// The L2 penalty of both models.
        #[arg(long, default_value_t = 1e-3)]
        l2: f32,
        /// Count words labelled `background` (a specific real event only mentioned) as events too.
        #[arg(long)]
        background: bool,
    },
    /// Measure the built-in detector on the held-out labels (precision and recall, per type),
    /// and the annotators' agreement on the labels given twice.
    Report {
        #[command(flatten)]
        src: Sources,
    },
}

/// Run `rasd detector`.
pub fn run(a: DetectorArgs) -> anyhow::Result<ExitCode> {
    match a.cmd {
        DetectorCmd::Candidates { files, features } => candidates(files, features),
        DetectorCmd::Score {
            files,
            top,
            detector,
        } => score(files, top, detector.as_deref()),
        DetectorCmd::Train {
            src,
            output,
            without,
            background,
            l2,
        } => train(&src, &output, &without, background, l2),
        DetectorCmd::Report { src } => report(&src),
    }
}

fn candidates(files: Vec<String>, with_features: bool) -> anyhow::Result<ExitCode> {
    let p = Pipeline::builder().rules_only(true).build()?;
    let files = if files.is_empty() {
        vec!["-".to_string()]
    } else {
        files
    };
    let opts = ReadOptions {
        max_bytes: DEFAULT_MAX_BYTES,
        published: None,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut skipped = 0u64;
    for f in &files {
        for item in Reader::open(f, opts) {
            let rd = match item {
                Ok(rd) => rd,
                Err(e) => {
                    skipped += 1;
                    eprintln!("rasd: {e}");
                    continue;
                }
            };
            for c in p.candidates(&rd.doc) {
                let mut line = serde_json::json!({
                    "doc": rd.doc.id, "start": c.trig.start, "end": c.trig.end,
                    "sent_start": c.sent.start, "sent_end": c.sent.end, "value": c.value,
                });
                if with_features {
                    line["features"] = serde_json::json!(c.features);
                }
                writeln!(out, "{line}").context("writing")?;
            }
        }
    }
    out.flush().context("writing")?;
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn score(files: Vec<String>, top: usize, weights: Option<&Path>) -> anyhow::Result<ExitCode> {
    let p = Pipeline::builder().rules_only(true).build()?;
    let det = match weights {
        Some(w) => crate::cmd_extract::load_detector(w)?,
        None => rasd_extract::Detector::builtin(),
    };
    let m = det.model();
    let opts = ReadOptions {
        max_bytes: DEFAULT_MAX_BYTES,
        published: None,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for f in &files {
        for rd in Reader::open(f, opts).flatten() {
            for c in p.candidates(&rd.doc) {
                let word: String = rd
                    .doc
                    .text
                    .chars()
                    .skip(c.trig.start)
                    .take(c.trig.end - c.trig.start)
                    .collect();
                let s = m.detect(&c.features);
                let sp = m.specific(&c.features);
                let types = m.types(&c.features);
                let best = (0..NT)
                    .max_by(|a, b| types[*a].total_cmp(&types[*b]))
                    .unwrap_or(0);
                let why: Vec<String> = det
                    .explain(&c.features, top)
                    .into_iter()
                    .map(|(f, w)| format!("{f} {w:+.2}"))
                    .collect();
                writeln!(
                    out,
                    "{}\t{}\t«{word}»\t{s:.2}{}\tspecific {sp:.2}\t{} {:.2}\t{}",
                    rd.doc.id,
                    c.trig.start,
                    if s >= m.threshold { " EVENT" } else { "" },
                    TYPES[best].as_str(),
                    types[best],
                    why.join(", ")
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One labelled candidate (the labels of a candidate given twice are resolved into one).
#[derive(Debug, Clone)]
struct Label {
    doc: String,
    start: usize,
    end: usize,
    sent_start: usize,
    sent_end: usize,
    event: bool,
    specific: bool,
    kind: Option<usize>,
}

/// The labels file: every line, and the resolved labels. A candidate labelled twice counts as
/// an event only when both annotators say so ("when in doubt: background"); its type is the
/// first annotator's.
fn read_labels(
    path: &Path,
    background: bool,
) -> anyhow::Result<(Vec<serde_json::Value>, Vec<Label>)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut lines = Vec::new();
    let mut by: BTreeMap<(String, usize, usize), Vec<serde_json::Value>> = BTreeMap::new();
    for (i, l) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(l)
            .with_context(|| format!("{}:{}: not JSON", path.display(), i + 1))?;
        let key = (
            v["doc"].as_str().unwrap_or_default().to_string(),
            v["start"].as_u64().unwrap_or_default() as usize,
            v["end"].as_u64().unwrap_or_default() as usize,
        );
        if key.0.is_empty() || key.2 <= key.1 {
            bail!(
                "{}:{}: a label needs doc, start and end",
                path.display(),
                i + 1
            );
        }
        by.entry(key).or_default().push(v.clone());
        lines.push(v);
    }
    let type_ix = |t: &str| TYPES.iter().position(|x| x.as_str() == t);
    let labels = by
        .into_iter()
        .map(|((doc, start, end), vs)| {
            let event = vs
                .iter()
                .all(|v| v["label"] == "reported" || (background && v["label"] == "background"));
            let specific = vs
                .iter()
                .all(|v| v["label"] == "reported" || v["label"] == "background");
            let kind = vs.iter().find_map(|v| v["type"].as_str().and_then(type_ix));
            Label {
                doc,
                start,
                end,
                sent_start: vs[0]["sent_start"].as_u64().unwrap_or(0) as usize,
                sent_end: vs[0]["sent_end"].as_u64().unwrap_or(0) as usize,
                event,
                specific,
                kind,
            }
        })
        .collect();
    Ok((lines, labels))
}

/// Is an article held out (its id hashes to 0 modulo 10, FNV-1a)?
fn held_out(doc: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 10 == 0
}

/// The corpus records of the given ids.
fn read_corpus(path: &Path, ids: &BTreeSet<&str>) -> anyhow::Result<HashMap<String, Document>> {
    let file = std::fs::File::open(path).with_context(|| {
        format!(
            "reading {} (the corpus the labels refer to; see data/detector/README.md)",
            path.display()
        )
    })?;
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut out = HashMap::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", path.display(), i + 1))?;
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let Some(id) = v["id"].as_str().filter(|id| ids.contains(id)) else {
            continue;
        };
        let mut d = Document::new(id, v["text"].as_str().unwrap_or_default());
        d.meta.published = v["published"].as_str().and_then(|s| IsoDate::parse(s).ok());
        d.meta.title = v["title"].as_str().map(String::from);
        out.insert(id.to_string(), d);
    }
    Ok(out)
}

/// A labelled candidate found again, with its features in its article and in its sentence.
struct Found {
    label: Label,
    in_doc: Vec<String>,
    alone: Option<Vec<String>>,
}

/// The features of every labelled candidate that the pipeline still finds.
fn find_labelled(
    p: &Pipeline,
    labels: &[Label],
    corpus: &HashMap<String, Document>,
) -> (Vec<Found>, usize) {
    let mut by_doc: BTreeMap<&str, Vec<&Label>> = BTreeMap::new();
    for l in labels {
        by_doc.entry(l.doc.as_str()).or_default().push(l);
    }
    let mut found = Vec::new();
    let mut lost = 0;
    for (id, ls) in by_doc {
        let Some(doc) = corpus.get(id) else {
            lost += ls.len();
            continue;
        };
        let cands = p.candidates(doc);
        let mut sentences: BTreeMap<(usize, usize), Vec<CandFeatures>> = BTreeMap::new();
        for l in ls {
            let Some(c) = cands
                .iter()
                .find(|c| c.trig.start < l.end && l.start < c.trig.end)
            else {
                lost += 1;
                continue;
            };
            let alone = sentences
                .entry((l.sent_start, l.sent_end))
                .or_insert_with(|| {
                    let text: String = doc
                        .text
                        .chars()
                        .skip(l.sent_start)
                        .take(l.sent_end.saturating_sub(l.sent_start))
                        .collect();
                    let mut s = Document::new(id, text);
                    s.meta.published = doc.meta.published;
                    p.candidates(&s)
                })
                .iter()
                .find(|c| {
                    c.trig.start + l.sent_start < l.end && l.start < c.trig.end + l.sent_start
                })
                .map(|c| c.features.clone());
            found.push(Found {
                label: l.clone(),
                in_doc: c.features.clone(),
                alone,
            });
        }
    }
    (found, lost)
}

/// Precision, recall and F1 of a set of (gold, predicted) pairs.
fn prf(pairs: impl Iterator<Item = (bool, bool)>) -> (f64, f64, f64, usize) {
    let (mut tp, mut fp, mut fnn, mut n) = (0usize, 0usize, 0usize, 0usize);
    for (g, p) in pairs {
        n += 1;
        match (g, p) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fnn += 1,
            _ => {}
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fnn).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f, n)
}

/// The examples of found candidates over a vocabulary (in-article and sentence-alone copies).
fn examples(found: &[&Found], vocab: &HashMap<String, u32>) -> Vec<Example> {
    let mut out = Vec::new();
    for f in found {
        for feats in std::iter::once(&f.in_doc).chain(f.alone.iter()) {
            let mut ix: Vec<u32> = vec![0];
            ix.extend(feats.iter().filter_map(|x| vocab.get(x).copied()));
            out.push(Example {
                feats: ix,
                event: f.label.event,
                specific: f.label.specific,
                kind: f.label.kind,
                weight: 1.0,
            });
        }
    }
    out
}

/// Fit a model on some found candidates: the vocabulary is every feature seen in at least two
/// of them.
fn fit(found: &[&Found], threshold: f32, header: Vec<(String, String)>, l2: f32) -> Model {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in found {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for x in f.in_doc.iter().chain(f.alone.iter().flatten()) {
            seen.insert(x);
        }
        for x in seen {
            *counts.entry(x).or_default() += 1;
        }
    }
    let names: Vec<&str> = std::iter::once("bias")
        .chain(counts.into_iter().filter(|(_, n)| *n >= 2).map(|(f, _)| f))
        .collect();
    let vocab: HashMap<String, u32> = names
        .iter()
        .enumerate()
        .map(|(i, f)| (f.to_string(), i as u32))
        .collect();
    let o = TrainOptions {
        l2_detect: l2,
        l2_types: l2,
        ..TrainOptions::default()
    };
    let scale: Vec<f32> = names.iter().map(|f| l2_scale(f)).collect();
    let w = model::train(names.len(), &examples(found, &vocab), &scale, o);
    let mut m = Model {
        header,
        threshold,
        threshold_specific: threshold,
        ..Model::default()
    };
    for (f, w) in names.iter().zip(w) {
        // Weights that round to nothing are left out of the file.
        let tiny = |x: f32| x.abs() < 5e-4;
        if f == &"bias" || !tiny(w.detect) || !tiny(w.specific) || !w.types.iter().all(|x| tiny(*x))
        {
            m.weights.insert(f.to_string(), w);
        }
    }
    m
}

/// How much more (or less) a feature's family is held towards zero than the others: the
/// hand-written rules (`r:`) are rare in the labels but say something of any text, so they are
/// let go (measured: they keep the detector's judgement on articles unlike the labelled ones).
fn l2_scale(f: &str) -> f32 {
    match f.split(':').next().unwrap_or("") {
        "r" => 0.02,
        _ => 1.0,
    }
}

/// How far below the best cross-validated F1 a threshold may be and still be chosen: a
/// thousandth, well within the noise of F1 on the training articles' out-of-fold scores.
const THRESHOLD_TOLERANCE: f64 = 0.001;

/// The threshold that gives the best F1 on out-of-fold scores of the training articles
/// (5 folds by article).
fn choose_threshold(train: &[&Found], l2: f32) -> (f32, f32, f32) {
    let fold = |f: &Found| {
        let mut h: u64 = 0;
        for b in f.label.doc.bytes() {
            h = h.wrapping_mul(31).wrapping_add(u64::from(b));
        }
        (h % 5) as usize
    };
    let mut scored: Vec<(f32, bool)> = Vec::new();
    let mut spec: Vec<(f32, bool)> = Vec::new();
    let (mut typed, mut right) = (0usize, 0usize);
    for k in 0..5 {
        let part: Vec<&Found> = train.iter().copied().filter(|f| fold(f) != k).collect();
        let m = fit(&part, 0.5, Vec::new(), l2);
        for f in train.iter().filter(|f| fold(f) == k) {
            for x in std::iter::once(&f.in_doc).chain(f.alone.iter()) {
                scored.push((m.detect(x), f.label.event));
                spec.push((m.specific(x), f.label.specific));
                if let (true, Some(t)) = (f.label.event, f.label.kind) {
                    let p = m.types(x);
                    typed += 1;
                    right += usize::from((0..NT).max_by(|a, b| p[*a].total_cmp(&p[*b])) == Some(t));
                }
            }
        }
    }
    // The threshold of the best F-beta (F1); of thresholds within the noise of the best
    // (`THRESHOLD_TOLERANCE`), the highest: most news reports nothing, so precision is preferred
    // when the figures cannot tell two thresholds apart, and a small change of the labels or
    // the lexicon does not move the threshold back and forth.
    let best = |v: &[(f32, bool)], what: &str, beta: f64| {
        let curve: Vec<(f64, f32)> = (20..=80)
            .map(|x| x as f32 / 100.0)
            .map(|t| {
                let (p, r, _, _) = prf(v.iter().map(|(s, g)| (*g, *s >= t)));
                let b2 = beta * beta;
                let fb = if p + r > 0.0 {
                    (1.0 + b2) * p * r / (b2 * p + r)
                } else {
                    0.0
                };
                (fb, t)
            })
            .collect();
        let top = curve.iter().map(|c| c.0).fold(0.0, f64::max);
        let best = curve
            .iter()
            .rev()
            .find(|c| c.0 >= top - THRESHOLD_TOLERANCE)
            .copied()
            .unwrap_or((0.0, 0.5));
        let (p, r, f, n) = prf(v.iter().map(|(s, g)| (*g, *s >= best.1)));
        eprintln!(
            "rasd: cross-validated {what}: P {p:.3} R {r:.3} F1 {f:.3} (n={n}) at {:.2}",
            best.1
        );
        best.1
    };
    eprintln!(
        "rasd: cross-validated type accuracy {:.3} (n={typed})",
        right as f64 / typed.max(1) as f64
    );
    // A word that only joins an event found already is chosen for recall: the highest
    // threshold that keeps 95 % of the words that refer to a specific event.
    let support = (20..=80)
        .rev()
        .map(|x| x as f32 / 100.0)
        .find(|t| prf(spec.iter().map(|(s, g)| (*g, *s >= *t))).1 >= 0.95)
        .unwrap_or(0.2);
    let (p, r, f, n) = prf(spec.iter().map(|(s, g)| (*g, *s >= support)));
    eprintln!("rasd: cross-validated support: P {p:.3} R {r:.3} F1 {f:.3} (n={n}) at {support:.2}");
    (
        best(&scored, "detect", 1.0),
        best(&spec, "specific", 1.0),
        support,
    )
}

/// Figures of a model on found candidates: detect P/R/F1 in the article and alone, type accuracy.
fn measure(m: &Model, found: &[&Found]) -> Vec<(String, String)> {
    let t = m.threshold;
    let (p, r, f, n) = prf(found
        .iter()
        .map(|x| (x.label.event, m.detect(&x.in_doc) >= t)));
    let (pa, ra, fa, na) = prf(found
        .iter()
        .filter_map(|x| x.alone.as_ref().map(|a| (x.label.event, m.detect(a) >= t))));
    let ts = m.threshold_specific;
    let (sp, sr, sf, _) = prf(found
        .iter()
        .map(|x| (x.label.specific, m.specific(&x.in_doc) >= ts)));
    let typed: Vec<&&Found> = found
        .iter()
        .filter(|x| x.label.event && x.label.kind.is_some())
        .collect();
    let right = typed
        .iter()
        .filter(|x| {
            let p = m.types(&x.in_doc);
            let best = (0..NT).max_by(|a, b| p[*a].total_cmp(&p[*b])).unwrap_or(0);
            Some(best) == x.label.kind
        })
        .count();
    vec![
        (
            "heldout_detect".into(),
            format!("P {p:.3} R {r:.3} F1 {f:.3} (n={n}, in the article)"),
        ),
        (
            "heldout_detect_alone".into(),
            format!("P {pa:.3} R {ra:.3} F1 {fa:.3} (n={na}, the sentence alone)"),
        ),
        (
            "heldout_specific".into(),
            format!("P {sp:.3} R {sr:.3} F1 {sf:.3} (reported or background, in the article)"),
        ),
        (
            "heldout_type".into(),
            format!(
                "accuracy {:.3} (n={}, events labelled with a type)",
                right as f64 / typed.len().max(1) as f64,
                typed.len()
            ),
        ),
    ]
}

fn train(
    src: &Sources,
    output: &Path,
    without: &str,
    background: bool,
    l2: f32,
) -> anyhow::Result<ExitCode> {
    let (lines, labels) = read_labels(&src.labels, background)?;
    let ids: BTreeSet<&str> = labels.iter().map(|l| l.doc.as_str()).collect();
    let corpus = read_corpus(&src.corpus, &ids)?;
    let p = Pipeline::builder().rules_only(true).build()?;
    let (mut found, lost) = find_labelled(&p, &labels, &corpus);
    let drop: Vec<&str> = without.split(',').filter(|x| !x.is_empty()).collect();
    if !drop.is_empty() {
        let keep = |v: &mut Vec<String>| v.retain(|f| !drop.iter().any(|d| f.starts_with(d)));
        for f in &mut found {
            keep(&mut f.in_doc);
            if let Some(a) = &mut f.alone {
                keep(a);
            }
        }
    }
    let (held, trainset): (Vec<&Found>, Vec<&Found>) =
        found.iter().partition(|f| held_out(&f.label.doc));
    eprintln!(
        "rasd: {} labels ({} candidates), {} found again, {lost} not found; {} to train on, {} held out",
        lines.len(),
        labels.len(),
        found.len(),
        trainset.len(),
        held.len()
    );
    let (threshold, threshold_specific, threshold_support) = choose_threshold(&trainset, l2);
    let date = lines
        .iter()
        .filter_map(|v| v["date"].as_str())
        .max()
        .unwrap_or("unknown")
        .to_string();
    let header = vec![
        ("version".to_string(), "1".to_string()),
        ("date".to_string(), date),
        (
            "labels".to_string(),
            format!(
                "{} ({} lines, {} candidates, {} trained on, {} held out)",
                src.labels.display(),
                lines.len(),
                labels.len(),
                trainset.len(),
                held.len()
            ),
        ),
        (
            "command".to_string(),
            "rasd detector train (see data/detector/README.md)".to_string(),
        ),
        (
            "classes".to_string(),
            format!(
                "detect: event; types: {}",
                TYPES
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ),
        ("threshold".to_string(), format!("{threshold:.2}")),
        (
            "threshold_specific".to_string(),
            format!("{threshold_specific:.2}"),
        ),
        (
            "threshold_support".to_string(),
            format!("{threshold_support:.2}"),
        ),
        ("specifics".to_string(), "date".to_string()),
    ];
    let mut m = fit(&trainset, threshold, header, l2);
    m.threshold_specific = threshold_specific;
    m.threshold_support = threshold_support;
    let figures = measure(&m, &held);
    for (k, v) in &figures {
        eprintln!("rasd: {k}: {v}");
    }
    m.header.extend(figures);
    std::fs::write(output, m.to_tsv()).with_context(|| format!("writing {}", output.display()))?;
    eprintln!(
        "rasd: wrote {} ({} features)",
        output.display(),
        m.weights.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn report(src: &Sources) -> anyhow::Result<ExitCode> {
    let (lines, labels) = read_labels(&src.labels, false)?;
    let ids: BTreeSet<&str> = labels.iter().map(|l| l.doc.as_str()).collect();
    let corpus = read_corpus(&src.corpus, &ids)?;
    let p = Pipeline::builder().rules_only(true).build()?;
    let (found, lost) = find_labelled(&p, &labels, &corpus);
    let held: Vec<&Found> = found.iter().filter(|f| held_out(&f.label.doc)).collect();
    let m = rasd_extract::Detector::builtin().model().clone();
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "labels: {} lines, {} candidates ({lost} not found again)",
        lines.len(),
        labels.len()
    )?;
    writeln!(out, "{}", agreement(&lines))?;
    writeln!(out, "held-out articles: {} candidates", held.len())?;
    for (k, v) in measure(&m, &held) {
        writeln!(out, "{k}: {v}")?;
    }
    writeln!(
        out,
        "per type (held out, in the article; an event found with the right type):"
    )?;
    for (ti, t) in TYPES.iter().enumerate() {
        let pairs = held.iter().map(|x| {
            let pred = m.detect(&x.in_doc) >= m.threshold && {
                let p = m.types(&x.in_doc);
                (0..NT).max_by(|a, b| p[*a].total_cmp(&p[*b])) == Some(ti)
            };
            (x.label.event && x.label.kind == Some(ti), pred)
        });
        let (p, r, f, _) = prf(pairs);
        let n = held
            .iter()
            .filter(|x| x.label.event && x.label.kind == Some(ti))
            .count();
        writeln!(
            out,
            "  {:18} P {p:.2} R {r:.2} F1 {f:.2} (n={n})",
            t.as_str()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// How often the two annotators of a candidate labelled twice agree.
fn agreement(lines: &[serde_json::Value]) -> String {
    let mut by: BTreeMap<(String, u64, u64), Vec<&serde_json::Value>> = BTreeMap::new();
    for v in lines {
        let key = (
            v["doc"].as_str().unwrap_or_default().to_string(),
            v["start"].as_u64().unwrap_or(0),
            v["end"].as_u64().unwrap_or(0),
        );
        by.entry(key).or_default().push(v);
    }
    let twice: Vec<(&serde_json::Value, &serde_json::Value)> = by
        .values()
        .filter(|v| v.len() == 2)
        .map(|v| (v[0], v[1]))
        .collect();
    let n = twice.len().max(1) as f64;
    let ev = |v: &serde_json::Value| v["label"] == "reported";
    let same_event = twice.iter().filter(|(a, b)| ev(a) == ev(b)).count() as f64;
    let same_label = twice
        .iter()
        .filter(|(a, b)| a["label"] == b["label"])
        .count() as f64;
    let both: Vec<_> = twice.iter().filter(|(a, b)| ev(a) && ev(b)).collect();
    let same_type = both.iter().filter(|(a, b)| a["type"] == b["type"]).count();
    let p1 = twice.iter().filter(|(a, _)| ev(a)).count() as f64 / n;
    let p2 = twice.iter().filter(|(_, b)| ev(b)).count() as f64 / n;
    let pe = p1 * p2 + (1.0 - p1) * (1.0 - p2);
    let kappa = (same_event / n - pe) / (1.0 - pe);
    format!(
        "agreement on {} candidates labelled twice: reported or not {:.3} (Cohen's kappa {kappa:.2}), \
         reported/background/none {:.3}, type when both say reported {same_type}/{}",
        twice.len(),
        same_event / n,
        same_label / n,
        both.len()
    )
}
