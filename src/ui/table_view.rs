//! The numbers behind a chart, as a sortable table (for accessibility and copying).

use egui::{Grid, RichText, ScrollArea, Ui};

use crate::model::TableSpec;
use crate::query::tables::sort_rows;

/// How a table is sorted; owned by the panel showing it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableView {
    /// The column sorted on, if the user chose one.
    pub sort: Option<(usize, bool)>,
}

impl TableView {
    /// Draws the table in `height` points, with a "Copy as CSV" button.
    pub fn ui(&mut self, ui: &mut Ui, id: &str, table: &TableSpec, height: f32) {
        let Self { sort } = self;
        let mut rows = table.clone();
        if let Some((column, ascending)) = *sort {
            sort_rows(&mut rows, column, ascending);
        }
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} rows", rows.rows.len()))
                    .small()
                    .weak(),
            );
            if ui.small_button("Copy as CSV").clicked() {
                ui.ctx().copy_text(to_csv(&rows));
            }
        });
        ScrollArea::both()
            .id_salt(id)
            .max_height(height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                Grid::new(id)
                    .striped(true)
                    .num_columns(rows.columns.len())
                    .show(ui, |ui| {
                        for (i, name) in rows.columns.iter().enumerate() {
                            let arrow = match *sort {
                                Some((c, true)) if c == i => " \u{25b2}",
                                Some((c, false)) if c == i => " \u{25bc}",
                                _ => "",
                            };
                            if ui
                                .button(RichText::new(format!("{name}{arrow}")).strong())
                                .on_hover_text("Sort by this column")
                                .clicked()
                            {
                                *sort = match *sort {
                                    Some((c, asc)) if c == i => Some((i, !asc)),
                                    _ => Some((i, true)),
                                };
                            }
                        }
                        ui.end_row();
                        for row in &rows.rows {
                            for cell in row {
                                if cell.number.is_some() {
                                    ui.with_layout(
                                        egui::Layout::right_to_left(egui::Align::Center),
                                        |ui| {
                                            ui.label(&cell.text);
                                        },
                                    );
                                } else {
                                    ui.label(&cell.text);
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    }
}

/// The table as CSV text (quotes where needed).
#[must_use]
pub fn to_csv(table: &TableSpec) -> String {
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = table
        .columns
        .iter()
        .map(|c| quote(c))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for row in &table.rows {
        out.push_str(
            &row.iter()
                .map(|c| quote(&c.text))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}
