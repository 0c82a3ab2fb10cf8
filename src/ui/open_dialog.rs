//! The Open dialog: a path field, "Browse…" (the system's file dialog on a worker
//! thread, which only fills the field), and the recently opened files.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{RichText, Ui};

/// The dialog's state.
#[derive(Default)]
pub struct OpenDialog {
    pub open: bool,
    pub path: String,
    /// For a workbook: the sheet to read (empty: the first with a recognisable header).
    pub sheet: String,
    browse: Option<Receiver<Option<PathBuf>>>,
    /// Said when the system dialog is not available.
    note: Option<String>,
}

impl OpenDialog {
    /// Shows the dialog; returns a path to open and, for a workbook, the sheet chosen.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        recent: &[String],
    ) -> Option<(PathBuf, Option<String>)> {
        if let Some(rx) = &self.browse
            && let Ok(picked) = rx.try_recv()
        {
            self.browse = None;
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
        let mut chosen = None;
        let mut open = self.open;
        egui::Window::new("Open a file")
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| chosen = self.body_ui(ui, recent));
        self.open = open && chosen.is_none();
        let sheet = self.sheet.trim();
        let sheet = (!sheet.is_empty()).then(|| sheet.to_string());
        chosen.map(|path| (path, sheet))
    }

    fn body_ui(&mut self, ui: &mut Ui, recent: &[String]) -> Option<PathBuf> {
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
                .add_enabled(self.browse.is_none(), egui::Button::new("Browse\u{2026}"))
                .clicked()
            {
                self.browse = Some(browse(ui.ctx()));
                self.note = None;
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

/// Runs the system's file dialog on a worker thread.
fn browse(ctx: &egui::Context) -> Receiver<Option<PathBuf>> {
    let (send, receive) = channel();
    let repaint = ctx.clone();
    let _ = std::thread::Builder::new()
        .name("file dialog".into())
        .spawn(move || {
            let picked = rfd::FileDialog::new()
                .add_filter(
                    "Tables",
                    &["csv", "txt", "xlsx", "xls", "xlsm", "xlsb", "ods"],
                )
                .pick_file();
            let _ = send.send(picked);
            repaint.request_repaint();
        });
    receive
}
