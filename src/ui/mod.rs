//! Drawing: egui and `egui_plot` code that draws [`crate::model`] types, one file
//! per panel or chart.
//!
//! Nothing here reads files or sees a data frame; panels receive plot-ready values:
//! the window's layout (`dashboard`) and its panels (`panels`, a registry) draw the
//! [`crate::model::Dashboard`] and push [`command::Command`]s; the windows (Open,
//! Export, Data, Problems, column mapping, Sources and caveats, Help, About) do the
//! same. Widgets only the layout uses
//! (cards, chips, annotations, the time axis, the palette) are private.

mod annotations;
mod cards;
mod chips;
pub mod command;
pub mod dashboard;
pub mod data_panel;
pub mod date_question;
pub mod export_dialog;
pub mod filter_panel;
pub mod help;
pub mod layout;
pub mod map;
pub mod mapping_dialog;
pub mod open_dialog;
mod palette;
pub mod panels;
pub mod plot;
pub mod problems;
pub mod sources;
pub mod status_bar;
pub mod table_view;
pub mod theme;
mod time_axis;
