//! The export dialog (the app's own): a path field pre-filled with a sensible name
//! in `~/Documents/displacement-dashboard`, the format and scale, and "Browse…", for
//! which the app runs the system's save dialog on a worker thread (it only fills
//! the field). It pushes [`Command::Export`] and [`Command::Browse`].

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::command::{Browse, Command};

/// A format offered in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Svg,
    Png(u32),
    Csv,
    /// The briefing paragraph as Markdown.
    Markdown,
    /// The briefing paragraph as plain text.
    Text,
}

impl Choice {
    /// The file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Choice::Svg => "svg",
            Choice::Png(_) => "png",
            Choice::Csv => "csv",
            Choice::Markdown => "md",
            Choice::Text => "txt",
        }
    }
}

/// The dialog's state; `subject` says what is exported ("IDPs over time").
// Each bool is an independent fact of the dialog (open, offers, browsing).
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub subject: String,
    pub path: String,
    pub choice: Option<Choice>,
    /// Offer CSV (a chart has numbers behind it; the sheet does not).
    pub allow_csv: bool,
    /// Offer Markdown and plain text (the briefing paragraph).
    pub allow_text: bool,
    /// For the sheet: whether it carries the briefing paragraph (the checkbox).
    pub sheet_text: Option<bool>,
    /// The system's save dialog is open ("Browse…" waits for it).
    pub browsing: bool,
    /// Why the save dialog failed, if it did.
    note: Option<String>,
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
        self.allow_text = matches!(choice, Choice::Markdown | Choice::Text);
        self.sheet_text = None;
    }

    /// What the system's save dialog gave: a path goes into the field.
    pub fn picked(&mut self, picked: Option<PathBuf>) {
        self.browsing = false;
        if let Some(p) = picked {
            self.path = p.display().to_string();
        }
    }

    /// The save dialog could not run: "Browse…" works again, and the dialog says why.
    pub fn browse_failed(&mut self, why: &str) {
        self.browsing = false;
        self.note = Some(format!("The save dialog failed ({why}): type the path."));
    }

    /// Draws the dialog; pushes the path and format to export.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let mut chosen = None;
        let mut open = self.open;
        egui::Window::new("Export")
            .open(&mut open)
            .collapsible(false)
            .default_width(540.0)
            .show(ctx, |ui| chosen = self.body_ui(ui, commands));
        self.open = open && chosen.is_none();
        if let Some((path, choice)) = chosen {
            commands.push(Command::Export { path, choice });
        }
    }

    fn body_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) -> Option<(PathBuf, Choice)> {
        ui.label(RichText::new(&self.subject).strong());
        let mut choice = self.choice.unwrap_or(Choice::Png(2));
        ui.horizontal(|ui| {
            ui.label("Format");
            if self.allow_text {
                ui.selectable_value(&mut choice, Choice::Markdown, "Markdown");
                ui.selectable_value(&mut choice, Choice::Text, "Plain text");
            }
            ui.selectable_value(&mut choice, Choice::Svg, "SVG");
            for scale in [1, 2, 3] {
                ui.selectable_value(
                    &mut choice,
                    Choice::Png(scale),
                    format!("PNG {scale}\u{d7}"),
                );
            }
            if self.allow_csv {
                let what = if self.allow_text {
                    "CSV (the sources)"
                } else {
                    "CSV (the numbers)"
                };
                ui.selectable_value(&mut choice, Choice::Csv, what);
            }
        });
        if let Some(with_text) = &mut self.sheet_text {
            ui.checkbox(with_text, "Include the briefing paragraph under the cards")
                .on_hover_text("The page keeps A4's width and grows taller by the paragraph, so the charts keep their room");
        }
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
                .add_enabled(!self.browsing, egui::Button::new("Browse\u{2026}"))
                .clicked()
            {
                self.browsing = true;
                self.note = None;
                commands.push(Command::Browse(Browse::Save(PathBuf::from(&self.path))));
            }
        });
        if let Some(note) = &self.note {
            ui.label(RichText::new(note).small().weak());
        }
        let ready = !self.path.trim().is_empty();
        let export = ui.add_enabled(ready, egui::Button::new("Export")).clicked();
        export.then(|| (PathBuf::from(self.path.trim()), choice))
    }
}
