//! Drawing: egui and `egui_plot` code that draws [`crate::model`] types, one file
//! per panel or chart.
//!
//! Nothing here reads files or sees a data frame; panels receive plot-ready values.

pub mod annotations;
pub mod cards;
pub mod chips;
pub mod command;
pub mod data_panel;
pub mod date_question;
pub mod export_dialog;
pub mod filter_panel;
pub mod mapping_dialog;
pub mod open_dialog;
pub mod palette;
pub mod panels;
pub mod plot;
pub mod problems;
pub mod status_bar;
pub mod table_view;
pub mod theme;
pub mod time_axis;
