//! The column-mapping dialog: when a file's kind is not recognised, the user says
//! what kind of table it is and which of its columns hold what. The mapping is
//! remembered for files with the same header.

use super::command::Command;
use std::collections::BTreeMap;

use egui::{ComboBox, RichText, Ui};

use crate::domain::{ColumnMapping, Shape};

/// The dialog's state: the file's header and a few sample rows, and the choices.
#[derive(Default)]
pub struct MappingDialog {
    pub open: bool,
    pub name: String,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub header: Vec<String>,
    pub sample: Vec<Vec<String>>,
    pub shape: Option<Shape>,
    pub columns: BTreeMap<String, String>,
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum MappingAction {
    /// Read another sheet of the workbook.
    Sheet(String),
    /// Open the file with this mapping.
    Open(ColumnMapping),
}

/// Shown for a column not in the file.
const NONE: &str = "(not in this file)";

impl MappingDialog {
    /// Draws the dialog; pushes [`Command::MappingSheet`] or [`Command::OpenMapped`].
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let mut action = None;
        let mut open = self.open;
        egui::Window::new("Assign columns")
            .open(&mut open)
            .default_width(620.0)
            .show(ctx, |ui| action = self.body_ui(ui));
        self.open = open && !matches!(action, Some(MappingAction::Open(_)));
        commands.extend(action.map(|a| match a {
            MappingAction::Sheet(sheet) => Command::MappingSheet(sheet),
            MappingAction::Open(mapping) => Command::OpenMapped(mapping),
        }));
    }

    fn body_ui(&mut self, ui: &mut Ui) -> Option<MappingAction> {
        let mut action = None;
        ui.label(format!(
            "The kind of table in {} was not recognised. Say what it holds, and which column is which.",
            self.name
        ));
        if !self.sheets.is_empty() {
            let current = self.sheet.clone().unwrap_or_default();
            ComboBox::from_label("Sheet")
                .selected_text(&current)
                .show_ui(ui, |ui| {
                    for s in &self.sheets {
                        if ui.selectable_label(*s == current, s).clicked() && *s != current {
                            action = Some(MappingAction::Sheet(s.clone()));
                        }
                    }
                });
        }
        let shape_text = self.shape.map_or("Choose\u{2026}", Shape::label);
        ComboBox::from_label("Kind of table")
            .selected_text(shape_text)
            .width(360.0)
            .show_ui(ui, |ui| {
                for s in Shape::ALL {
                    if ui
                        .selectable_label(self.shape == Some(s), s.label())
                        .clicked()
                    {
                        self.shape = Some(s);
                        self.columns.clear();
                    }
                }
            });
        if let Some(shape) = self.shape {
            egui::Grid::new("mapping").striped(true).show(ui, |ui| {
                for column in shape.logical_columns() {
                    let name = if column.required {
                        RichText::new(column.name).strong()
                    } else {
                        RichText::new(column.name)
                    };
                    let label = ui.label(name);
                    let chosen = self.columns.get(column.name).cloned();
                    ComboBox::from_id_salt(("map", column.name))
                        .selected_text(chosen.as_deref().unwrap_or(NONE))
                        .show_ui(ui, |ui| {
                            if ui.selectable_label(chosen.is_none(), NONE).clicked() {
                                self.columns.remove(column.name);
                            }
                            for h in &self.header {
                                if ui
                                    .selectable_label(chosen.as_deref() == Some(h), h)
                                    .clicked()
                                {
                                    self.columns.insert(column.name.to_string(), h.clone());
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                }
            });
            let missing: Vec<&str> = shape
                .logical_columns()
                .into_iter()
                .filter(|c| c.required && !self.columns.contains_key(c.name))
                .map(|c| c.name)
                .collect();
            if !missing.is_empty() {
                ui.label(RichText::new(format!("Still needed: {}", missing.join(", "))).weak());
            }
            if ui.button("Open with these columns").clicked() {
                action = Some(MappingAction::Open(ColumnMapping {
                    shape,
                    columns: self.columns.clone(),
                }));
            }
        }
        if !self.sample.is_empty() {
            ui.separator();
            ui.label(RichText::new("The first rows of the file").small().weak());
            egui::Grid::new("sample").striped(true).show(ui, |ui| {
                for h in &self.header {
                    ui.label(RichText::new(h).small().strong());
                }
                ui.end_row();
                for row in &self.sample {
                    for cell in row {
                        ui.label(RichText::new(cell).small());
                    }
                    ui.end_row();
                }
            });
        }
        action
    }
}
