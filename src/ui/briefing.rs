//! The "Briefing text" window (issue 13): the paragraph for the current filters and
//! years, built by `query::briefing` from the figures on screen, with its notes, and
//! buttons that copy it as plain text (citations in brackets) or as Markdown (the
//! sources as a numbered list with their URLs).

use egui::RichText;

/// The paragraph's two forms, as the app computed them for the dashboard shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BriefingText {
    /// The paragraph, then "Notes: …" (what `summary --text` prints).
    pub plain: String,
    /// The same with numbered references and the sources (`summary --markdown`).
    pub markdown: String,
}

/// Draws the window while `open`; the buttons copy to the clipboard.
pub fn briefing_ui(ctx: &egui::Context, open: &mut bool, text: &BriefingText) {
    egui::Window::new("Briefing text")
        .open(open)
        .default_width(560.0)
        .show(ctx, |ui| {
            let (paragraph, notes) = text
                .plain
                .trim_end()
                .split_once("\n\nNotes: ")
                .unwrap_or((text.plain.trim_end(), ""));
            ui.label(
                RichText::new("For the filters and years on screen, from the figures the cards show, each with its source.")
                    .small()
                    .weak(),
            );
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    ui.label(paragraph);
                    if !notes.is_empty() {
                        ui.add_space(6.0);
                        ui.label(RichText::new(format!("Notes: {notes}")).small());
                    }
                });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui
                    .button("Copy text")
                    .on_hover_text("The paragraph and its notes, citations in brackets")
                    .clicked()
                {
                    ui.ctx().copy_text(text.plain.clone());
                }
                if ui
                    .button("Copy with sources (Markdown)")
                    .on_hover_text("Numbered references and the list of sources with their links")
                    .clicked()
                {
                    ui.ctx().copy_text(text.markdown.clone());
                }
            });
        });
}
