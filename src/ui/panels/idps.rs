//! IDPs over time: DTM stock and returnees, DTM's continuation as UNHCR published
//! it, comparison series that can be switched off, and the "after the data" strip.

use egui::Ui;

use super::frame::panel_ui;
use super::{Mode, Panel, PanelCx};
use crate::domain::Choices;
use crate::model::{Dashboard, PanelId};
use crate::ui::plot::{after_data_ui, chart_ui};
use crate::ui::table_view::TableView;

/// The IDPs-over-time panel.
#[derive(Debug, Clone, Default)]
pub struct IdpsPanel {
    pub mode: Mode,
    pub table: TableView,
}

impl Panel for IdpsPanel {
    fn id(&self) -> PanelId {
        PanelId::Idps
    }

    fn mode(&self) -> Mode {
        self.mode
    }

    fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    /// Draws the panel; its chart holds UNHCR's and IDMC's series only when
    /// `choices.show_comparisons` (the dashboard was computed for it).
    fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, choices: &mut Choices, cx: &mut PanelCx<'_>) {
        let Self {
            mode,
            table: table_view,
        } = self;
        let (spec, table) = (&dash.idps, &dash.idps_table);
        let has_comparisons = !dash.idps_comparisons.is_empty();
        let current = *mode;
        let plot = &cx.plot;
        let commands = panel_ui(
            ui,
            PanelId::Idps,
            cx.presenting,
            spec,
            mode,
            |ui| {
                if has_comparisons {
                    ui.checkbox(&mut choices.show_comparisons, "UNHCR, IDMC")
                        .on_hover_text("Show other measures of the national stock beside DTM");
                }
            },
            |ui| match current {
                Mode::Chart => {
                    chart_ui(ui, spec, plot);
                    if plot.show_events {
                        after_data_ui(ui, spec, plot.all_events);
                    }
                }
                Mode::Table => {
                    table_view.ui(
                        ui,
                        "idps-table",
                        (table, &dash.idps_csv),
                        plot.height,
                        cx.presenting,
                    );
                }
            },
        );
        cx.commands.extend(commands);
    }
}
