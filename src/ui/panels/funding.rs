//! Funding: required vs funded per year, and coverage (FTS today vs reported at the
//! time) in its own plot below, on the same time axis.

use egui::Ui;

use super::frame::panel_ui;
use super::{Mode, Panel, PanelCx};
use crate::domain::Choices;
use crate::model::{Dashboard, PanelId};
use crate::ui::plot::{PlotOptions, chart_ui};
use crate::ui::table_view::TableView;

/// The funding panel.
#[derive(Debug, Clone, Default)]
pub struct FundingPanel {
    pub mode: Mode,
    pub table: TableView,
}

impl Panel for FundingPanel {
    fn id(&self) -> PanelId {
        PanelId::Funding
    }

    fn mode(&self) -> Mode {
        self.mode
    }

    fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, _: &mut Choices, cx: &mut PanelCx<'_>) {
        let Self {
            mode,
            table: table_view,
        } = self;
        let (funding, coverage, table) = (&dash.funding, &dash.coverage, &dash.funding_table);
        let current = *mode;
        let plot = &cx.plot;
        let commands = panel_ui(
            ui,
            PanelId::Funding,
            cx.presenting,
            funding,
            mode,
            |_| {},
            |ui| match current {
                Mode::Chart => {
                    let top = PlotOptions {
                        height: plot.height * 0.55,
                        show_events: false,
                        ..*plot
                    };
                    chart_ui(ui, funding, &top);
                    ui.label(egui::RichText::new(&coverage.title).strong());
                    let bottom = PlotOptions {
                        height: plot.height * 0.45,
                        show_events: false,
                        ..*plot
                    };
                    chart_ui(ui, coverage, &bottom);
                }
                Mode::Table => {
                    table_view.ui(
                        ui,
                        "funding-table",
                        (table, &dash.funding_csv),
                        plot.height,
                        cx.presenting,
                    );
                }
            },
        );
        cx.commands.extend(commands);
    }
}
