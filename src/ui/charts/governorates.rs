//! IDPs by governorate: a basis selector, stacked bars; clicking a governorate's bar
//! filters the dashboard to it.

use egui::Ui;

use super::{Mode, PanelContext, panel_ui};
use crate::data::Basis;
use crate::model::{ChartSpec, Dashboard};
use crate::ui::plot::chart_ui;
use crate::ui::table_view::TableView;

/// The IDPs-by-governorate panel.
#[derive(Debug, Clone)]
pub struct GovernoratesPanel {
    pub mode: Mode,
    pub table: TableView,
    pub basis: Basis,
}

impl Default for GovernoratesPanel {
    fn default() -> Self {
        GovernoratesPanel {
            mode: Mode::Chart,
            table: TableView::default(),
            basis: Basis::Displacement,
        }
    }
}

/// Says so when the breakdown drawn is sparse or partial, so a handful of bars is
/// never read as the whole distribution: the bases other than displacement are
/// published for few dates, often naming only some governorates.
#[must_use]
pub fn partial_note(spec: &ChartSpec, basis: Basis) -> Option<String> {
    let mut dates: Vec<f64> = spec
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.x))
        .collect();
    dates.sort_by(f64::total_cmp);
    dates.dedup();
    if dates.is_empty() {
        return None;
    }
    let partial = spec.series.iter().any(|s| {
        s.points
            .iter()
            .any(|p| p.note.as_deref().is_some_and(|n| n.contains("partial")))
    });
    if basis == Basis::Displacement && !partial {
        return None;
    }
    let n = dates.len();
    let when = if n == 1 {
        "1 date".to_string()
    } else {
        format!("{n} dates")
    };
    let mut note = format!(
        "Partial breakdown: figures by governorate for this basis are published for only {when} in the selected years"
    );
    let remainder = spec
        .series
        .iter()
        .any(|s| s.label.contains("not published") && !s.points.is_empty());
    if partial && remainder {
        note.push_str(
            ", and some tables name only some governorates (the rest of the national total is drawn as \u{201c}Other / not published\u{201d} where it is known)",
        );
    } else if partial {
        note.push_str(
            ", and some tables name only some governorates, so a bar is not the national total",
        );
    }
    note.push_str(". Not a full distribution.");
    Some(note)
}

/// The bases offered, with their names in the selector.
const BASES: [(Basis, &str); 3] = [
    (Basis::Displacement, "Where IDPs are"),
    (Basis::Origin, "Where they come from"),
    (Basis::InCamp, "In camps"),
];

impl GovernoratesPanel {
    /// Draws the panel; returns the P-code of a governorate the user clicked.
    pub fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, ctx: &PanelContext<'_>) -> Option<String> {
        let (spec, table) = (&dash.governorates, &dash.governorates_table);
        let Self {
            mode,
            table: table_view,
            basis,
        } = self;
        let current = *mode;
        // The basis `spec` was computed for (a change applies from the next frame).
        let drawn_basis = dash.basis;
        let mut clicked = None;
        panel_ui(
            ui,
            ctx,
            spec,
            mode,
            |ui| {
                let selected = BASES
                    .iter()
                    .find(|(b, _)| b == basis)
                    .map_or("", |(_, l)| l);
                egui::ComboBox::from_id_salt("basis")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for (b, label) in BASES {
                            ui.selectable_value(basis, b, label);
                        }
                    })
                    .response
                    .on_hover_text("One basis at a time: in-camp people are part of the displaced, and origin counts the same people again");
            },
            |ui| match current {
                Mode::Chart => {
                    clicked = chart_ui(ui, spec, &ctx.plot).clicked_governorate;
                    if let Some(note) = partial_note(spec, drawn_basis) {
                        ui.label(egui::RichText::new(note).small().strong());
                    }
                    if !spec.is_empty() && !ctx.presenting {
                        ui.label(
                            egui::RichText::new("Click a governorate's bar to filter to it")
                                .small()
                                .weak(),
                        );
                    }
                }
                Mode::Table => table_view.ui(
                    ui,
                    "governorates-table",
                    table,
                    ctx.plot.height,
                    ctx.presenting,
                ),
            },
        );
        clicked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::query::{Filters, charts};

    #[test]
    fn sparse_and_partial_bases_say_so_and_the_full_tables_do_not() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters::all(&ds);
        let note = |basis| partial_note(&charts::governorates(&ds, &f, basis), basis);
        assert_eq!(note(Basis::Displacement), None);
        let origin = note(Basis::Origin).expect("origins are partial");
        assert!(origin.starts_with("Partial breakdown"), "{origin}");
        assert!(origin.contains("name only some governorates"), "{origin}");
        let camps = note(Basis::InCamp).expect("in-camp figures are sparse");
        assert!(camps.contains("published for only"), "{camps}");
    }
}
