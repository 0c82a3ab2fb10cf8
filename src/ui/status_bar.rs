//! The status bar: what is loaded, how current it is, and any warnings.

use egui::{RichText, Ui};

use crate::data::Dataset;
use crate::model::thousands;
use crate::query::currency;

/// Draws the status bar: tables and rows, how current each series is ("DTM rounds
/// to Apr 2024 · DTM-based (UNHCR) to end 2025 · camps to Jan 2026 · FTS as of
/// 18 Apr 2026"), and warnings. The tables and warnings open in hover lists, except
/// in presentation mode (a shared screen), where nothing names a local file.
pub fn status_ui(ui: &mut Ui, dataset: &Dataset, presenting: bool) {
    ui.horizontal(|ui| {
        let rows = dataset.total_rows();
        let per_table: Vec<String> = dataset
            .files
            .iter()
            .map(|f| format!("{}: {} rows", f.name, thousands(f.rows as u64)))
            .collect();
        let tables = ui.label(format!(
            "{} tables \u{b7} {} rows",
            dataset.files.len(),
            thousands(rows as u64)
        ));
        if !presenting {
            tables.on_hover_text(per_table.join("\n"));
        }
        // How current each series is, for the whole dataset (not the filters).
        let current = currency::currency(dataset);
        for part in current.parts() {
            ui.separator();
            ui.label(part);
        }
        ui.separator();
        let n = dataset.warnings.len();
        let text = match n {
            0 => "0 warnings".to_string(),
            1 => "1 warning".to_string(),
            n => format!("{n} warnings"),
        };
        if n == 0 || presenting {
            ui.label(text);
        } else {
            let list: Vec<String> = dataset.warnings.iter().map(ToString::to_string).collect();
            ui.label(RichText::new(text).color(ui.visuals().warn_fg_color))
                .on_hover_text(list.join("\n"));
        }
    });
}
