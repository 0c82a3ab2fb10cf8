//! displacement-dashboard: an offline desktop dashboard of displacement and aid in Iraq.
//!
//! Layers point one way: [`data`] (files, checks, the loaded dataset) → [`query`]
//! (pure functions of a dataset and filters) → [`model`] (plot-ready plain types) →
//! [`ui`] and [`export`]; [`app`] wires them into the window and [`cli`] into the
//! command line. [`domain`] is the vocabulary every layer imports (place codes and
//! the gazetteer, validated rows, filters and choices, problems, the country); it
//! imports none of them.

// Exact float comparisons are what the unit tests mean: values taken from the sources.
#![cfg_attr(test, allow(clippy::float_cmp))]

pub mod annotations;
pub mod app;
pub mod cli;
pub mod data;
pub mod domain;
pub mod export;
pub mod fonts;
pub mod map;
pub mod model;
pub mod palette;
pub mod query;
pub mod ui;
