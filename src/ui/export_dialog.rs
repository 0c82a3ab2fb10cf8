//! The export dialog (the app's own): a path field pre-filled with a sensible name
//! in `~/Documents/displacement-dashboard`, the format and scale, and "Browse…", which
//! runs the system's save dialog on a worker thread and only fills the field.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{RichText, Ui};

/// A format offered in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Svg,
    Png(u32),
    Csv,
}

impl Choice {
    /// The file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Choice::Svg => "svg",
            Choice::Png(_) => "png",
            Choice::Csv => "csv",
        }
    }
}

/// The dialog's state; `subject` says what is exported ("IDPs over time").
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub subject: String,
    pub path: String,
    pub choice: Option<Choice>,
    /// Offer CSV (a chart has numbers behind it; the sheet does not).
    pub allow_csv: bool,
    browse: Option<Receiver<Option<PathBuf>>>,
}

impl ExportDialog {
    /// Opens the dialog for `subject`, with `path` pre-filled.
    pub fn show_for(
        &mut self,
        subject: &str,
        path: &std::path::Path,
        choice: Choice,
        allow_csv: bool,
    ) {
        self.open = true;
        self.subject = subject.into();
        self.path = path.display().to_string();
        self.choice = Some(choice);
        self.allow_csv = allow_csv;
    }

    /// Draws the dialog; returns the path and format to export.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<(PathBuf, Choice)> {
        if let Some(rx) = &self.browse
            && let Ok(picked) = rx.try_recv()
        {
            self.browse = None;
            if let Some(p) = picked {
                self.path = p.display().to_string();
            }
        }
        let mut chosen = None;
        let mut open = self.open;
        egui::Window::new("Export")
            .open(&mut open)
            .collapsible(false)
            .default_width(540.0)
            .show(ctx, |ui| chosen = self.body_ui(ui));
        self.open = open && chosen.is_none();
        chosen
    }

    fn body_ui(&mut self, ui: &mut Ui) -> Option<(PathBuf, Choice)> {
        ui.label(RichText::new(&self.subject).strong());
        let mut choice = self.choice.unwrap_or(Choice::Png(2));
        ui.horizontal(|ui| {
            ui.label("Format");
            ui.selectable_value(&mut choice, Choice::Svg, "SVG");
            for scale in [1, 2, 3] {
                ui.selectable_value(
                    &mut choice,
                    Choice::Png(scale),
                    format!("PNG {scale}\u{d7}"),
                );
            }
            if self.allow_csv {
                ui.selectable_value(&mut choice, Choice::Csv, "CSV (the numbers)");
            }
        });
        if Some(choice) != self.choice {
            self.choice = Some(choice);
            self.path = PathBuf::from(&self.path)
                .with_extension(choice.extension())
                .display()
                .to_string();
        }
        ui.horizontal(|ui| {
            let label = ui.label("Save as");
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(360.0))
                .labelled_by(label.id);
            if ui
                .add_enabled(self.browse.is_none(), egui::Button::new("Browse\u{2026}"))
                .clicked()
            {
                self.browse = Some(browse(ui.ctx(), &self.path));
            }
        });
        let ready = !self.path.trim().is_empty();
        let export = ui.add_enabled(ready, egui::Button::new("Export")).clicked();
        export.then(|| (PathBuf::from(self.path.trim()), choice))
    }
}

/// Runs the system's save dialog on a worker thread (it only fills the field).
fn browse(ctx: &egui::Context, current: &str) -> Receiver<Option<PathBuf>> {
    let (send, receive) = channel();
    let repaint = ctx.clone();
    let current = PathBuf::from(current);
    let _ = std::thread::Builder::new()
        .name("save dialog".into())
        .spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(name) = current.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            if let Some(folder) = current.parent().filter(|f| f.is_dir()) {
                dialog = dialog.set_directory(folder);
            }
            let _ = send.send(dialog.save_file());
            repaint.request_repaint();
        });
    receive
}
