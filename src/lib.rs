//! displacement-dashboard: an offline desktop dashboard of displacement and aid in Iraq.
//!
//! Layers point one way: [`data`] (files, checks, gazetteer) → [`query`] (pure
//! functions of a dataset and filters) → [`model`] (plot-ready plain types) →
//! [`ui`] and [`export`]; [`app`] wires them into the window and [`cli`] into the
//! command line.

pub mod data;
pub mod query;
pub mod model;
pub mod ui;
pub mod export;
pub mod app;
pub mod cli;
