//! The filter panel: governorates (search, all, none, the two regions) with their
//! Arabic names, the year range, and "Reset filters".

use egui::{RichText, ScrollArea, Slider, Ui};

use crate::data::{Gazetteer, Governorate, Pcode, Region, gazetteer::fold};
use crate::query::Filters;

/// The panel's own state: the search text.
#[derive(Debug, Clone, Default)]
pub struct FilterPanel {
    pub search: String,
}

impl FilterPanel {
    /// Draws the panel; changes `filters` in place. `bounds` are the data's years.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        gazetteer: &Gazetteer,
        filters: &mut Filters,
        bounds: (i32, i32),
    ) {
        let Self { search } = self;
        let all: Vec<Pcode> = gazetteer.governorates().iter().map(|g| g.pcode).collect();
        ui.heading("Governorates");
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(search)
                .hint_text("English or Arabic name")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        ui.horizontal(|ui| {
            if ui
                .button("All")
                .on_hover_text("Select every governorate")
                .clicked()
            {
                filters.governorates = None;
            }
            if ui
                .button("None")
                .on_hover_text("Clear the selection")
                .clicked()
            {
                filters.governorates = Some(std::collections::BTreeSet::new());
            }
        });
        let needle = fold(search);
        let matches = |g: &Governorate| {
            needle.is_empty()
                || std::iter::once(&g.name_en)
                    .chain(std::iter::once(&g.name_ar))
                    .chain(&g.alt_names)
                    .any(|n| fold(n).contains(&needle))
        };
        ScrollArea::vertical()
            .id_salt("governorate-list")
            .max_height((ui.available_height() - 190.0).max(160.0))
            .show(ui, |ui| {
                for region in [Region::Federal, Region::Kri] {
                    let members: Vec<&Governorate> = gazetteer
                        .governorates()
                        .iter()
                        .filter(|g| g.region == region)
                        .collect();
                    let codes: Vec<Pcode> = members.iter().map(|g| g.pcode).collect();
                    let mut on = codes.iter().all(|p| filters.is_selected(*p));
                    ui.add_space(4.0);
                    if ui
                        .checkbox(&mut on, RichText::new(region.label()).strong())
                        .on_hover_text(format!("Tick or untick all of {}", region.label()))
                        .changed()
                    {
                        filters.set_group(&codes, on, &all);
                    }
                    let mut shown: Vec<&&Governorate> =
                        members.iter().filter(|g| matches(g)).collect();
                    shown.sort_by(|a, b| a.name_en.cmp(&b.name_en));
                    for g in shown {
                        ui.horizontal(|ui| {
                            ui.add_space(14.0);
                            let mut on = filters.is_selected(g.pcode);
                            if ui.checkbox(&mut on, g.name_en.as_str()).changed() {
                                filters.toggle(g.pcode, &all);
                            }
                            // A separate label: egui lays out Arabic right to left only on its own.
                            ui.label(RichText::new(&g.name_ar).weak());
                        });
                    }
                }
            });
        ui.separator();
        ui.heading("Years");
        let (lo, hi) = bounds;
        // Moving one end past the other carries the other along.
        if ui
            .add(Slider::new(&mut filters.from, lo..=hi).text("From"))
            .changed()
        {
            filters.to = filters.to.max(filters.from);
        }
        if ui
            .add(Slider::new(&mut filters.to, lo..=hi).text("To"))
            .changed()
        {
            filters.from = filters.from.min(filters.to);
        }
        ui.add_space(8.0);
        if ui
            .button("Reset filters")
            .on_hover_text("All governorates, every year (Ctrl+R)")
            .clicked()
        {
            *filters = Filters {
                governorates: None,
                from: lo,
                to: hi,
            };
        }
    }
}
