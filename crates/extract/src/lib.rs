//! Extraction: dictionaries, recognisers, events, claims, tolls, relations, resolution.
#![deny(missing_docs)]

pub mod dict;
pub mod kb;
pub mod lexicon;
mod pipeline;
pub mod recognize;

pub use pipeline::{ExtractError, Pipeline, PipelineBuilder};
