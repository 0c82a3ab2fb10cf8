//! The problems window: why a file was not opened, one problem per line — file,
//! row, column, what was expected and what was found. Nothing already loaded changed.

use egui::{RichText, ScrollArea, Ui};

use crate::domain::Problem;

/// Draws the problems; returns true when the user asks to assign the columns by hand
/// (offered when `can_map`: the kind of table was not recognised).
pub fn problems_ui(
    ui: &mut Ui,
    name: &str,
    message: &str,
    problems: &[Problem],
    can_map: bool,
) -> bool {
    let mut map = false;
    ui.label(
        RichText::new(format!("Could not open {name}"))
            .strong()
            .size(16.0),
    );
    ui.label("Nothing was loaded from this file; the data already open is unchanged.");
    ui.add_space(4.0);
    ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
        if problems.is_empty() {
            ui.label(message);
        } else {
            egui::Grid::new("problems").striped(true).show(ui, |ui| {
                for heading in ["Row", "Column", "Expected", "Found"] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for p in problems {
                    ui.label(p.row.to_string());
                    ui.label(&p.column);
                    ui.label(&p.expected);
                    ui.label(format!("\"{}\"", p.found));
                    ui.end_row();
                }
            });
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Copy the problems").clicked() {
            ui.ctx().copy_text(message.to_string());
        }
        if can_map && ui.button("Assign columns\u{2026}").clicked() {
            map = true;
        }
    });
    map
}
