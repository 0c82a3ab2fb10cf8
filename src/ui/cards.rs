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
                    ui.label(RichText::new("national").small().italics().weak()).on_hover_text(
                        "Iraq-wide figure: no governorate breakdown exists, so the governorate filter does not apply",
                    );
                }
            });
            ui.label(RichText::new(&card.value).size(24.0).strong());
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
        .on_hover_text(format!(
            "{}\n\nCopy a citation: click, then Ctrl+C (or right-click)\n{}",
            card.source, card.citation
        ));
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
