//! Funding: required vs funded per year, and coverage (FTS today vs reported at the
//! time) in its own plot below, on the same time axis.

use egui::Ui;

use super::{Mode, PanelContext, panel_ui};
use crate::model::Dashboard;
use crate::ui::plot::{PlotOptions, chart_ui};
use crate::ui::table_view::TableView;

/// The funding panel.
#[derive(Debug, Clone, Default)]
pub struct FundingPanel {
    pub mode: Mode,
    pub table: TableView,
}

impl FundingPanel {
    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, ctx: &PanelContext<'_>) {
        let (funding, coverage, table) = (&dash.funding, &dash.coverage, &dash.funding_table);
        let Self {
            mode,
            table: table_view,
        } = self;
        let current = *mode;
        panel_ui(
            ui,
            ctx,
            funding,
            mode,
            |_| {},
            |ui| match current {
                Mode::Chart => {
                    let top = PlotOptions {
                        height: ctx.plot.height * 0.55,
                        show_events: false,
                        ..ctx.plot
                    };
                    chart_ui(ui, funding, &top);
                    ui.label(egui::RichText::new(&coverage.title).strong());
                    let bottom = PlotOptions {
                        height: ctx.plot.height * 0.45,
                        show_events: false,
                        ..ctx.plot
                    };
                    chart_ui(ui, coverage, &bottom);
                }
                Mode::Table => {
                    table_view.ui(ui, "funding-table", table, ctx.plot.height, ctx.presenting);
                }
            },
        );
    }
}
