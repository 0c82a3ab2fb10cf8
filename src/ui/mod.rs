//! Drawing: egui and `egui_plot` code that draws [`crate::model`] types.
//!
//! Nothing here reads files or sees a data frame; panels receive plot-ready values.

pub mod cards;
pub mod palette;
pub mod time_chart;
