//! Extraction: dictionaries, recognisers, events, claims, tolls, relations, resolution.
//!
//! The pipeline for one document (see [`Pipeline::extract`]):
//!
//! 1. **recognise** ([`recognize`]): dictionary names of actors and places ([`kb`]) and language
//!    words ([`lexicon`]) matched with the clitic-aware [`dict::Matcher`] over the match key that
//!    `rasd-text` builds, plus numbers and dates, plus patterns for descriptive actors, persons,
//!    new organisations and anonymous sources;
//! 2. **extract**: event mentions around trigger words ([`events`]), claims around cue words
//!    ([`claims`]), cumulative tolls ([`tolls`]), relations between actors ([`relations`]);
//! 3. **resolve**: mentions merged into one event per real event, places geocoded ([`geo`]),
//!    mentions linked to dictionary entities ([`entities`]);
//! 4. the record is written with character offsets into the original text.
//!
//! ```
//! use rasd_extract::Pipeline;
//! use rasd_model::{Document, IsoDate};
//! let mut doc = Document::new("d1", "قال مصدر أمني لوكالة فرانس برس إن طائرتين مسيرتين هاجمتا قاعدة عين الأسد في محافظة الأنبار، السبت.");
//! doc.meta.published = Some(IsoDate::parse("2023-10-21").unwrap());
//! let rec = Pipeline::new().extract(&doc);
//! assert_eq!(rec.events[0].kind.as_str(), "air_drone_strike");
//! assert_eq!(rec.events[0].date.as_deref(), Some("2023-10-21"));
//! ```
#![deny(missing_docs)]
#![warn(clippy::too_many_lines)]

mod assemble;
pub mod claims;
pub mod ctx;
pub mod detect;
pub mod dict;
pub mod entities;
pub mod events;
pub mod geo;
pub mod kb;
pub mod lexicon;
pub mod outlet;
mod pipeline;
pub mod recognize;
pub mod relations;
mod spans;
pub mod tolls;
pub mod words;
pub mod work;

pub use detect::{CandFeatures, Detector};
pub use pipeline::{ExtractError, Pipeline, PipelineBuilder, DEFAULT_TIME_BUDGET};
