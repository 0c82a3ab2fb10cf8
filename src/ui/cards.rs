//! The headline cards along the top. Each card can be focused; Ctrl+C (or its
//! context menu) copies a citation sentence for a briefing note.

use egui::{Frame, RichText, Sense, Ui};

use crate::model::Kpi;

/// The narrowest a card may be (its frame included) before the cards wrap.
const MIN_CARD_WIDTH: f32 = 220.0;
/// A card's inner margin.
const MARGIN: f32 = 10.0;
/// The least height of a card's contents.
const MIN_CARD_HEIGHT: f32 = 100.0;

/// Draws the cards in rows that share the available width equally: all four side by
/// side where they fit at [`MIN_CARD_WIDTH`], else wrapped onto more rows. The cards
/// of a row are as tall as its tallest (as measured on the last frame).
pub fn cards_ui(ui: &mut Ui, cards: &[Kpi]) {
    let gap = ui.spacing().item_spacing.x;
    let width = ui.available_width();
    let per_row = cards_per_row(width, MIN_CARD_WIDTH, gap, cards.len());
    // The frame's margin and stroke on both sides.
    let frame = 2.0 * (MARGIN + ui.visuals().widgets.noninteractive.bg_stroke.width);
    let outer = ((width - gap * (per_row - 1) as f32) / per_row as f32).floor();
    let content = (outer - frame).max(1.0);
    for (i, row) in cards.chunks(per_row).enumerate() {
        let height_id = ui.scope_id().with(("card-row-height", i));
        let min_height = ui
            .data(|d| d.get_temp::<f32>(height_id))
            .unwrap_or(MIN_CARD_HEIGHT)
            .max(MIN_CARD_HEIGHT);
        let tallest = ui
            .with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                let mut tallest: f32 = 0.0;
                for card in row {
                    tallest = tallest.max(card_ui(ui, card, content, min_height));
                }
                tallest
            })
            .inner;
        ui.data_mut(|d| d.insert_temp(height_id, tallest));
    }
}

/// Draws one card `width` points wide (contents); returns its contents' height.
fn card_ui(ui: &mut Ui, card: &Kpi, width: f32, min_height: f32) -> f32 {
    let inner = Frame::group(ui.style()).inner_margin(MARGIN).show(ui, |ui| {
        ui.set_width(width);
        ui.set_min_height(min_height);
        ui.vertical(|ui| {
            ui.horizontal_wrapped(|ui| {
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
        })
    });
    let height = inner.inner.response.rect.height();
    if card.citation.is_empty() {
        return height;
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
    height
}

/// How many cards share a row `width` points wide, each at least `min_card` wide
/// with `gap` between them (1 to `count`).
#[must_use]
pub fn cards_per_row(width: f32, min_card: f32, gap: f32, count: usize) -> usize {
    let fit = ((width + gap) / (min_card + gap)).floor();
    if fit.is_finite() && fit >= 1.0 {
        (fit as usize).clamp(1, count.max(1))
    } else {
        1
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_wrap_when_four_do_not_fit() {
        assert_eq!(cards_per_row(1000.0, 230.0, 8.0, 4), 4);
        assert_eq!(cards_per_row(900.0, 230.0, 8.0, 4), 3);
        assert_eq!(cards_per_row(500.0, 230.0, 8.0, 4), 2);
        assert_eq!(cards_per_row(100.0, 230.0, 8.0, 4), 1);
        assert_eq!(cards_per_row(f32::NAN, 230.0, 8.0, 4), 1);
        assert_eq!(cards_per_row(5000.0, 230.0, 8.0, 4), 4);
        assert_eq!(cards_per_row(500.0, 230.0, 8.0, 0), 1);
    }
}
