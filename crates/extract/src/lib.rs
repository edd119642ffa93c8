//! Extraction: dictionaries, recognisers, events, claims, tolls, relations, resolution.
#![deny(missing_docs)]

pub mod kb;
mod pipeline;

pub use pipeline::{ExtractError, Pipeline, PipelineBuilder};
