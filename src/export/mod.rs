//! Briefing exports: charts to SVG and PNG, tables to CSV.
//!
//! TODO(#4): the renderer from `model::ChartSpec` to SVG, and PNG through resvg.
