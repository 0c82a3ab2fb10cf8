//! The status bar: what is loaded, how current it is, and any warnings, as the
//! dashboard's [`StatusLine`] says (drawing only: nothing here reads the data). The
//! "as of" parts are links to the Sources and caveats window.

use egui::{RichText, Ui};

use crate::model::StatusLine;

/// Draws the status bar: tables and rows, how current each series is ("DTM rounds
/// to Apr 2024 · DTM-based (UNHCR) to end 2025 · camps to Jan 2026 · FTS as of
/// 18 Apr 2026"), and warnings. The tables and warnings open in hover lists, except
/// in presentation mode (a shared screen), where nothing names a local file.
/// Returns true when an "as of" part was clicked (show the sources).
pub fn status_ui(ui: &mut Ui, status: &StatusLine, presenting: bool) -> bool {
    let mut sources = false;
    ui.horizontal(|ui| {
        let tables = ui.label(&status.tables);
        if !presenting {
            tables.on_hover_text(status.per_table.join("\n"));
        }
        for part in &status.currency {
            ui.separator();
            sources |= ui
                .link(part)
                .on_hover_text("Sources and caveats: where each figure comes from")
                .clicked();
        }
        ui.separator();
        if status.warnings.is_empty() || presenting {
            ui.label(&status.warnings_text);
        } else {
            ui.label(RichText::new(&status.warnings_text).color(ui.visuals().warn_fg_color))
                .on_hover_text(status.warnings.join("\n"));
        }
    });
    sources
}
