//! The filter panel: governorates (search, all, none, the two regions) with their
//! Arabic names, the year range, and "Reset filters".

use egui::{RichText, ScrollArea, Slider, Ui};

use crate::domain::{Filters, Gazetteer, Governorate, Pcode, Region, fold};

/// The height of the years block before it has been measured.
const YEARS_HEIGHT: f32 = 150.0;
/// The governorate list is never shorter than this.
const MIN_LIST_HEIGHT: f32 = 120.0;

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
        ui.label(RichText::new("Governorates").strong().size(17.0));
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(search)
                    .hint_text("English or Arabic name")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
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
        // The list takes what the years leave (measured on the last frame), and
        // scrolls, with a visible bar, only when the window is too short for it.
        let years_id = ui.scope_id().with("years-height");
        let years_height = ui
            .data(|d| d.get_temp::<f32>(years_id))
            .unwrap_or(YEARS_HEIGHT);
        ScrollArea::vertical()
            .id_salt("governorate-list")
            .max_height((ui.available_height() - years_height).max(MIN_LIST_HEIGHT))
            .show(ui, |ui| {
                // Rows a little closer than elsewhere: all 18 fit at 1280 × 720.
                ui.spacing_mut().item_spacing.y = 2.0;
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
        let years_top = ui.cursor().top();
        years_ui(ui, filters, bounds);
        let measured = ui.cursor().top() - years_top;
        ui.data_mut(|d| d.insert_temp(years_id, measured));
    }
}

/// The year range (moving one end past the other carries it along) and "Reset
/// filters".
fn years_ui(ui: &mut Ui, filters: &mut Filters, bounds: (i32, i32)) {
    ui.separator();
    ui.label(RichText::new("Years").strong().size(17.0));
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
