//! The headline cards along the top. Each card can be focused; Ctrl+C (or its
//! context menu) copies a citation sentence for a briefing note.

use egui::{Frame, RichText, Sense, Ui};

use crate::model::Kpi;

/// Width of one card.
const CARD_WIDTH: f32 = 250.0;

/// Draws the cards side by side, wrapping when the window is narrow.
pub fn cards_ui(ui: &mut Ui, cards: &[Kpi]) {
    ui.horizontal_wrapped(|ui| {
        for card in cards {
            card_ui(ui, card);
        }
    });
}

fn card_ui(ui: &mut Ui, card: &Kpi) {
    let inner = Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(CARD_WIDTH);
        ui.set_min_height(100.0);
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&card.title).strong());
                if card.national_only {
                    // A card whose lines differ says which ignore the filter.
                    let (tag, why) = match &card.filter_note {
                        Some(note) => ("count not filtered", note.as_str()),
                        None => (
                            "national",
                            "Iraq-wide figure: no governorate breakdown exists, so the governorate filter does not apply",
                        ),
                    };
                    ui.label(RichText::new(tag).small().italics().weak())
                        .on_hover_text(why);
                }
            });
            // The value and what it counts, on one line (wrapping if need be).
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&card.value).size(24.0).strong());
                if !card.value_note.is_empty() {
                    ui.label(RichText::new(&card.value_note).small());
                }
            });
            if let Some(change) = &card.change {
                ui.label(RichText::new(change).small());
            }
            if !card.detail.is_empty() {
                ui.label(RichText::new(&card.detail).small().weak());
            }
        });
    });
    if card.citation.is_empty() {
        return;
    }
    let response = ui
        .interact(
            inner.response.rect,
            ui.scope_id().with(("card", &card.title)),
            Sense::click(),
        )
        .on_hover_text(hover_text(card));
    if response.clicked() {
        response.request_focus();
    }
    if response.has_focus() {
        ui.painter().rect_stroke(
            inner.response.rect,
            4.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Outside,
        );
        let copy = ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
        if copy {
            ui.ctx().copy_text(card.citation.clone());
        }
    }
    response.context_menu(|ui| {
        if ui.button("Copy citation").clicked() {
            ui.ctx().copy_text(card.citation.clone());
            ui.close();
        }
    });
}

/// The card's hover: its source, where a user's file differs from it, and how to
/// copy the citation.
fn hover_text(card: &Kpi) -> String {
    let mut text = card.source.clone();
    if !card.notes.is_empty() {
        text.push_str("\n\nThe bundled figure is shown; your file differs:");
        for note in &card.notes {
            text.push('\n');
            text.push_str(note);
        }
    }
    text.push_str("\n\nCopy a citation: click, then Ctrl+C (or right-click)\n");
    text.push_str(&card.citation);
    text
}
