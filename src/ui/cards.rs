//! The headline cards along the top.

use egui::{Frame, RichText, Ui};

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
    let response = Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(CARD_WIDTH);
            ui.set_min_height(96.0);
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&card.title).strong());
                    if card.national_only {
                        ui.label(RichText::new("national").small().italics().weak())
                            .on_hover_text("Iraq-wide figure: no governorate breakdown exists, so the governorate filter does not apply");
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
        })
        .response;
    if !card.source.is_empty() {
        response.on_hover_text(format!("{}\n\n{}", card.source, card.citation));
    }
}
