//! Chips showing every active filter; clicking one removes that filter.

use egui::{Button, RichText, Ui};

use crate::domain::Filters;
use crate::domain::Gazetteer;

/// How many governorates get a chip each before they are summarised.
const MAX_NAMED: usize = 3;

/// Draws the chips and applies a click to `filters`.
pub fn chips_ui(ui: &mut Ui, gazetteer: &Gazetteer, filters: &mut Filters, bounds: (i32, i32)) {
    let chip = |ui: &mut Ui, text: String, hover: &str| {
        ui.add(Button::new(RichText::new(format!("{text} \u{d7}")).strong()).corner_radius(10.0))
            .on_hover_text(hover)
            .clicked()
    };
    match filters.governorates.clone() {
        None => {}
        Some(set)
            if set.is_empty()
                && chip(
                    ui,
                    "No governorate".into(),
                    "Select every governorate again",
                ) =>
        {
            filters.governorates = None;
        }
        Some(set) if set.is_empty() => {}
        Some(set) if set.len() <= MAX_NAMED => {
            for p in &set {
                if chip(
                    ui,
                    gazetteer.name(*p),
                    "Remove this governorate from the filter",
                ) {
                    let mut rest = set.clone();
                    rest.remove(p);
                    filters.governorates = (!rest.is_empty()).then_some(rest);
                }
            }
        }
        Some(set) => {
            let names: Vec<String> = set.iter().map(|p| gazetteer.name(*p)).collect();
            if chip(
                ui,
                format!("{} governorates", set.len()),
                &format!(
                    "{}\nClick to select every governorate again",
                    names.join(", ")
                ),
            ) {
                filters.governorates = None;
            }
        }
    }
    if (filters.from, filters.to) != bounds {
        let years = if filters.from == filters.to {
            filters.from.to_string()
        } else {
            format!("{}\u{2013}{}", filters.from, filters.to)
        };
        if chip(ui, years, "Show every year again") {
            filters.from = bounds.0;
            filters.to = bounds.1;
        }
    }
}
