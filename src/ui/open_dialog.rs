//! The Open dialog: a path field, "Browse…" (the system's file dialog, run by the
//! app on a worker thread, which only fills the field), and the recently opened
//! files. It pushes [`Command::Open`] and [`Command::Browse`].

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::command::{Browse, Command};

/// The dialog's state.
#[derive(Default)]
pub struct OpenDialog {
    pub open: bool,
    pub path: String,
    /// For a workbook: the sheet to read (empty: the first with a recognisable header).
    pub sheet: String,
    /// The system's file dialog is open ("Browse…" waits for it).
    pub browsing: bool,
    /// Said when the system dialog is not available.
    note: Option<String>,
}

impl OpenDialog {
    /// What the system's file dialog gave: the path goes into the field.
    pub fn picked(&mut self, picked: Option<PathBuf>) {
        self.browsing = false;
        match picked {
            Some(p) => self.path = p.display().to_string(),
            None => {
                self.note = Some(
                    "No file chosen (or no system file dialog here): type the path, or drop the file on the window."
                        .into(),
                );
            }
        }
    }

    /// The system's file dialog could not run: "Browse…" works again, and the
    /// dialog says why.
    pub fn browse_failed(&mut self, why: &str) {
        self.browsing = false;
        self.note = Some(format!(
            "The file dialog failed ({why}): type the path, or drop the file on the window."
        ));
    }

    /// Shows the dialog; pushes a path to open and, for a workbook, the sheet chosen.
    pub fn ui(&mut self, ctx: &egui::Context, recent: &[String], commands: &mut Vec<Command>) {
        let mut chosen = None;
        let mut open = self.open;
        egui::Window::new("Open a file")
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| chosen = self.body_ui(ui, recent, commands));
        self.open = open && chosen.is_none();
        let sheet = self.sheet.trim();
        let sheet = (!sheet.is_empty()).then(|| sheet.to_string());
        if let Some(path) = chosen {
            commands.push(Command::Open { path, sheet });
        }
    }

    fn body_ui(
        &mut self,
        ui: &mut Ui,
        recent: &[String],
        commands: &mut Vec<Command>,
    ) -> Option<PathBuf> {
        let mut chosen = None;
        ui.label("CSV or Excel: DTM master lists, FTS exports, HDX downloads, or tables in the dashboard's own format.");
        ui.horizontal(|ui| {
            let label = ui.label("Path");
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.path).desired_width(340.0))
                .labelled_by(label.id);
            if field.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && !self.path.trim().is_empty()
            {
                chosen = Some(PathBuf::from(self.path.trim()));
            }
            if ui
                .add_enabled(!self.browsing, egui::Button::new("Browse\u{2026}"))
                .clicked()
            {
                self.browsing = true;
                self.note = None;
                commands.push(Command::Browse(Browse::Open));
            }
        });
        if let Some(note) = &self.note {
            ui.label(RichText::new(note).small().weak());
        }
        let lower = self.path.trim().to_ascii_lowercase();
        if [".xlsx", ".xls", ".xlsm", ".xlsb", ".ods"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            ui.horizontal(|ui| {
                let label = ui.label("Sheet");
                ui.add(
                    egui::TextEdit::singleline(&mut self.sheet)
                        .hint_text("first sheet with a recognisable header")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            });
        }
        if ui
            .add_enabled(!self.path.trim().is_empty(), egui::Button::new("Open"))
            .clicked()
        {
            chosen = Some(PathBuf::from(self.path.trim()));
        }
        if !recent.is_empty() {
            ui.separator();
            ui.label(RichText::new("Recent files").strong());
            for r in recent {
                if ui.link(r).clicked() {
                    chosen = Some(PathBuf::from(r));
                }
            }
        }
        chosen
    }
}
