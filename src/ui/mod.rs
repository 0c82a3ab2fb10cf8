//! Drawing: egui and egui_plot code that draws [`crate::model`] types.
//!
//! Nothing here touches polars or reads files; panels receive plot-ready values.

pub mod cards;
pub mod palette;
pub mod time_chart;
