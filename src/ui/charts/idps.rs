//! IDPs over time: DTM stock and returnees, DTM's continuation as UNHCR published
//! it, comparison series that can be hidden, and the "after the data" strip.

use egui::Ui;

use super::{Mode, PanelContext, panel_ui};
use crate::model::Dashboard;
use crate::ui::plot::{after_data_ui, chart_ui};
use crate::ui::table_view::TableView;

/// The IDPs-over-time panel.
#[derive(Debug, Clone)]
pub struct IdpsPanel {
    pub mode: Mode,
    pub table: TableView,
    /// Draw UNHCR and IDMC beside DTM.
    pub show_comparisons: bool,
}

impl Default for IdpsPanel {
    fn default() -> Self {
        IdpsPanel {
            mode: Mode::Chart,
            table: TableView::default(),
            show_comparisons: true,
        }
    }
}

impl IdpsPanel {
    /// Draws the panel from the dashboard (its chart holds the comparison series
    /// only when they are switched on).
    pub fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, ctx: &PanelContext<'_>) {
        let (spec, table) = (&dash.idps, &dash.idps_table);
        let Self {
            mode,
            table: table_view,
            show_comparisons,
        } = self;
        let has_comparisons = !dash.idps_comparisons.is_empty();
        let current = *mode;
        panel_ui(
            ui,
            ctx,
            spec,
            mode,
            |ui| {
                if has_comparisons {
                    ui.checkbox(show_comparisons, "UNHCR, IDMC")
                        .on_hover_text("Show other measures of the national stock beside DTM");
                }
            },
            |ui| match current {
                Mode::Chart => {
                    chart_ui(ui, spec, &ctx.plot);
                    if ctx.plot.show_events {
                        after_data_ui(ui, spec, ctx.plot.all_events);
                    }
                }
                Mode::Table => {
                    table_view.ui(ui, "idps-table", table, ctx.plot.height, ctx.presenting);
                }
            },
        );
    }
}
