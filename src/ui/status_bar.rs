//! The status bar: what is loaded, how current it is, and any warnings.

use egui::{RichText, Ui};

use crate::data::{Dataset, NationalSeries};
use crate::model::thousands;

/// Draws the status bar; the tables and warnings open in hover lists, except in
/// presentation mode (a shared screen), where nothing names a local file.
pub fn status_ui(ui: &mut Ui, dataset: &Dataset, fts_as_of: Option<&str>, presenting: bool) {
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
        let dtm = dataset
            .idps_national
            .iter()
            .filter(|p| p.series == NationalSeries::Dtm)
            .map(|p| p.date);
        if let (Some(a), Some(b)) = (dtm.clone().min(), dtm.max()) {
            ui.separator();
            ui.label(format!(
                "DTM {} \u{2013} {}",
                a.format("%b %Y"),
                b.format("%b %Y")
            ));
        }
        if let Some(d) = fts_as_of {
            ui.separator();
            ui.label(format!("FTS as of {d}"));
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
