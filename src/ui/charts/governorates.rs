//! IDPs by governorate: a basis selector, stacked bars; clicking a governorate's bar
//! filters the dashboard to it.

use egui::Ui;

use super::{Mode, PanelContext, panel_ui};
use crate::data::Basis;
use crate::model::{ChartSpec, TableSpec};
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

/// The bases offered, with their names in the selector.
const BASES: [(Basis, &str); 3] = [
    (Basis::Displacement, "Where IDPs are"),
    (Basis::Origin, "Where they come from"),
    (Basis::InCamp, "In camps"),
];

impl GovernoratesPanel {
    /// Draws the panel; returns the P-code of a governorate the user clicked.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        spec: &ChartSpec,
        table: &TableSpec,
        ctx: &PanelContext<'_>,
    ) -> Option<String> {
        let Self {
            mode,
            table: table_view,
            basis,
        } = self;
        let current = *mode;
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
                    if !spec.is_empty() {
                        ui.label(
                            egui::RichText::new("Click a governorate's bar to filter to it")
                                .small()
                                .weak(),
                        );
                    }
                }
                Mode::Table => table_view.ui(ui, "governorates-table", table, ctx.plot.height, ctx.presenting),
            },
        );
        clicked
    }
}
